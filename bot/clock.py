"""The one place that reads the wall clock.

Everything time-dependent (relative dates, next key date, due reminders) asks `now()`, so a test can
pin the whole program with freezegun by freezing this single call site.
"""

from __future__ import annotations

from datetime import datetime, timezone


def now() -> datetime:
    """The current instant, timezone-aware UTC."""
    return datetime.now(timezone.utc)
