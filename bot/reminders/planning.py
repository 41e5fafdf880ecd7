"""When reminders fire: a pure function of the event, the reader's choices and the clock.

Rules (what the README documents):
- Only events with a date and status `scheduled` are reminded of. A cancelled, postponed (new date
  not known), happened or deleted event gets none; its subscribers get a change notice instead.
- **exact** time: one reminder per lead time, at `starts_at - lead` (so `1m` fires a minute before).
- **day** (and **range**, by its first day): reminders go out at 09:00 in the reader's zone, on the
  day `lead` before (whole days: `1w` → 7 days before, `1d` → the day before, `36h` → the day
  before). A lead shorter than a day becomes one reminder at 09:00 on the day itself: a date known
  only to the day has no hour to count back from.
- **month**: one reminder, on the 1st of the month at 09:00 in the reader's zone, worded "sometime in
  March 2020"; lead times do not apply.
- **approximate**: no reminders (the date is a guess); a change notice comes when an admin fixes it.
- A reminder whose moment has already passed when it is planned is not planned (subscribing two days
  before does not send the "1 week before" one). One planned earlier whose moment passed while the
  bot was down is still sent, marked late, until `not_after` (the start of an exact event, the end of
  the day or month of the others); after that it is dropped and logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.config import parse_lead_times

REMINDABLE_STATUSES = frozenset({"scheduled"})
DAY_REMINDER_TIME = time(9, 0)
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Slot:
    """One planned reminder moment."""

    fire_at: datetime  # UTC
    key: str  # stable part of the dedupe key: "s3600" (exact), "d1" (days before), "m1" (month)
    lead: timedelta | None  # the nominal lead (exact times)
    days_before: int | None  # day-precision dates
    not_after: datetime  # past this instant the reminder is pointless and is dropped


def lead_times_of(*choices: str | None, default: str) -> tuple[timedelta, ...]:
    """The first valid lead-time string among `choices`, else `default` (longest first)."""
    for choice in choices:
        if choice:
            try:
                return tuple(parse_lead_times(choice))
            except ValueError:
                continue
    return tuple(parse_lead_times(default))


def zone_or(name: str | None, fallback: str) -> str:
    if name:
        try:
            ZoneInfo(name)
            return name
        except (KeyError, ValueError):
            pass
    return fallback


def _local(day: date, at: time, zone: str) -> datetime:
    return datetime.combine(day, at, tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)


def _day_in(instant: datetime, zone: str) -> date:
    return instant.astimezone(ZoneInfo(zone)).date()


def _next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def event_end_of_interest(starts_at: datetime, ends_at: datetime | None, precision: str, event_zone: str) -> datetime:
    """After this instant nothing about the event is worth reminding of."""
    if precision == "exact":
        return starts_at
    day = _day_in(starts_at, event_zone)
    if precision == "month" or precision == "approximate":
        return _local(_next_month(day), time(0), event_zone)
    return _local(day + DAY, time(0), event_zone)


def reminder_slots(
    *,
    starts_at: datetime | None,
    precision: str,
    event_zone: str,
    status: str,
    deleted: bool = False,
    lead_times: tuple[timedelta, ...],
    reader_zone: str,
    now: datetime,
) -> list[Slot]:
    """Every reminder still to send for one reader, earliest first."""
    if starts_at is None or deleted or status not in REMINDABLE_STATUSES or not lead_times:
        return []
    not_after = event_end_of_interest(starts_at, None, precision, event_zone)
    slots: dict[str, Slot] = {}
    if precision == "exact":
        for lead in lead_times:
            fire = starts_at - lead
            slots[f"s{int(lead.total_seconds())}"] = Slot(fire, f"s{int(lead.total_seconds())}", lead, None, not_after)
    elif precision in ("day", "range"):
        day = _day_in(starts_at, event_zone)
        for lead in lead_times:
            days = lead // DAY
            key = f"d{days}"
            if key not in slots:
                slots[key] = Slot(_local(day - timedelta(days=days), DAY_REMINDER_TIME, reader_zone), key, lead, days, not_after)
    elif precision == "month":
        first = _day_in(starts_at, event_zone).replace(day=1)
        slots["m1"] = Slot(_local(first, DAY_REMINDER_TIME, reader_zone), "m1", None, None, not_after)
    else:  # approximate or unknown: no reminder to the hour
        return []
    return sorted((s for s in slots.values() if now < s.fire_at < s.not_after), key=lambda s: s.fire_at)
