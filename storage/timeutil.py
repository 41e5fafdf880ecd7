"""Time helpers storage needs. Storage may not import the bot's clock, so it has its own `utcnow`,
which freezegun pins as well since it reads `datetime.now` the same way."""

from __future__ import annotations

from datetime import datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
