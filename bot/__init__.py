"""Negotiation tracker: a Telegram bot that keeps the timeline of a diplomatic negotiation."""

import os

# PTB 22 reports RetryAfter.retry_after as a timedelta only with this set (and warns otherwise).
os.environ.setdefault("PTB_TIMEDELTA", "1")
