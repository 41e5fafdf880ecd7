"""Key dates as an iCalendar file.

Day-precision dates become all-day events (DTSTART;VALUE=DATE) on the day announced; exact times are
UTC instants. Each event's UID is stable (negotiation key + event key) and SEQUENCE is its version,
so re-importing after an admin moves a date updates the calendar entry instead of adding a second one.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event as IcsEvent

from bot.citations import source_line
from bot.dates import local_date
from bot.snapshot import EventView, NegotiationView, TimelineSnapshot

PRODID = "-//negotiation-tracker-bot//EN"


def _ics_event(negotiation: NegotiationView, event: EventView, stamp: datetime) -> IcsEvent | None:
    when = event.when
    if when.starts_at is None or when.precision in ("month", "approximate"):
        return None  # a calendar entry would pin a day nobody announced
    entry = IcsEvent()
    entry.add("uid", f"{negotiation.key}.{event.key}@negotiation-tracker-bot")
    entry.add("sequence", event.version)
    entry.add("dtstamp", stamp)
    entry.add("summary", event.title)
    if when.precision == "exact":
        entry.add("dtstart", when.starts_at)
        entry.add("dtend", when.ends_at or when.starts_at + timedelta(hours=1))
    else:
        first = local_date(when.starts_at, when.timezone)
        last = local_date(when.ends_at, when.timezone) if when.ends_at else first
        entry.add("dtstart", first)
        entry.add("dtend", last + timedelta(days=1))  # DTEND of an all-day event is exclusive
    description = event.details
    if event.sources:
        description += "\n\nSource: " + source_line(event.sources[0])
    entry.add("description", description.strip())
    if event.place:
        entry.add("location", event.place)
    entry.add("status", "CANCELLED" if event.status == "cancelled" else "TENTATIVE" if event.status == "postponed" else "CONFIRMED")
    return entry


def build_calendar(snapshot: TimelineSnapshot, negotiation_id: int, stamp: datetime) -> bytes:
    negotiation = snapshot.negotiation(negotiation_id)
    if negotiation is None:
        raise LookupError(negotiation_id)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", negotiation.title)
    for event in snapshot.events_of(negotiation_id):
        if event.is_key_date:
            entry = _ics_event(negotiation, event, stamp)
            if entry is not None:
                calendar.add_component(entry)
    return calendar.to_ical()


def calendar_filename(negotiation: NegotiationView) -> str:
    return f"{negotiation.key}-key-dates.ics"
