"""Views of a negotiation that are not answers to a question: the next key date, the newest
updates, the agreement points. Pure functions of a snapshot and the clock reading."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.dates import local_date
from bot.snapshot import EventView, PointView, TimelineSnapshot

_OPEN = ("scheduled", "postponed", "ongoing")


def _not_over(event: EventView, now: datetime) -> bool:
    """Still ahead: for a day-precision date the whole announced day counts, not just its midnight."""
    when = event.when
    if when.starts_at is None:
        return False
    if when.precision == "exact":
        return when.starts_at >= now
    end = when.ends_at or when.starts_at
    return local_date(end, when.timezone) >= local_date(now, when.timezone)


@dataclass(frozen=True)
class NextKeyDate:
    event: EventView | None
    upcoming: bool  # False: nothing ahead; `event` is then the most recent key date


def next_key_date(snapshot: TimelineSnapshot, negotiation_id: int | None, now: datetime) -> NextKeyDate:
    events = [e for e in snapshot.events_of(negotiation_id) if e.is_key_date and e.status != "cancelled"]
    ahead = [e for e in events if _not_over(e, now)]
    if ahead:
        return NextKeyDate(ahead[0], True)
    return NextKeyDate(events[-1] if events else None, False)


def upcoming_key_dates(snapshot: TimelineSnapshot, negotiation_id: int | None, now: datetime) -> list[EventView]:
    return [e for e in snapshot.events_of(negotiation_id) if e.is_key_date and _not_over(e, now)]


def latest_updates(snapshot: TimelineSnapshot, negotiation_id: int | None, limit: int = 5) -> list[EventView]:
    """The newest entries: most recently dated first, and among equal dates the most recently recorded."""
    events = [e for e in snapshot.events_of(negotiation_id) if e.when.starts_at is not None]
    events.sort(key=lambda e: (e.when.starts_at, e.updated_at or e.when.starts_at, e.id), reverse=True)
    return events[:limit]


def points_overview(snapshot: TimelineSnapshot, negotiation_id: int | None) -> list[PointView]:
    return snapshot.points_of(negotiation_id)


def sources_of(snapshot: TimelineSnapshot, negotiation_id: int | None) -> list[tuple[str, str, str]]:
    """Distinct (publisher, title, url) cited by a negotiation's events and points, most cited first."""
    counts: dict[tuple[str, str, str], int] = {}
    for entry in [*snapshot.events_of(negotiation_id), *snapshot.points_of(negotiation_id)]:
        for source in entry.sources:
            key = (source.publisher, source.title, source.url)
            counts[key] = counts.get(key, 0) + 1
    return sorted(counts, key=lambda k: -counts[k])
