"""A read-only snapshot of the timeline, as plain frozen values the domain works on.

The answering engine, the renderers and the CLI read these instead of table rows, so none of them
touches a database session, and tests can build a snapshot by hand.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.queries import timeline_rows


@dataclass(frozen=True, slots=True)
class SourceRef:
    publisher: str
    title: str = ""
    url: str = ""
    published_on: date | None = None
    attribution: str = ""
    quote: str = ""


@dataclass(frozen=True, slots=True)
class When:
    """An instant (UTC) with how precisely it is known and the zone it was announced in."""

    starts_at: datetime | None
    precision: str = "day"
    timezone: str = "UTC"
    ends_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class NegotiationView:
    id: int
    key: str
    title: str
    parties: tuple[str, ...] = ()
    venue: str = ""
    status: str = "ongoing"
    summary: str = ""
    translations: dict[str, dict[str, str]] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class EventView:
    id: int
    key: str
    negotiation_id: int
    kind: str
    title: str
    when: When
    status: str
    details: str = ""
    place: str = ""
    is_key_date: bool = False
    aliases: dict[str, list[str]] = field(default_factory=dict, hash=False, compare=False)
    translations: dict[str, dict[str, str]] = field(default_factory=dict, hash=False, compare=False)
    topics: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    version: int = 1
    updated_at: datetime | None = None

    def title_in(self, language: str) -> str:
        return self.translations.get(language, {}).get("title") or self.title

    def details_in(self, language: str) -> str:
        return self.translations.get(language, {}).get("details") or self.details


@dataclass(frozen=True, slots=True)
class StatusStepView:
    status: str
    when: When
    note: str = ""
    event_id: int | None = None


@dataclass(frozen=True, slots=True)
class PointView:
    id: int
    key: str
    negotiation_id: int
    title: str
    status: str
    history: tuple[StatusStepView, ...]
    details: str = ""
    aliases: dict[str, list[str]] = field(default_factory=dict, hash=False, compare=False)
    translations: dict[str, dict[str, str]] = field(default_factory=dict, hash=False, compare=False)
    topics: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    version: int = 1
    updated_at: datetime | None = None

    @property
    def status_since(self) -> When | None:
        return self.history[-1].when if self.history else None

    def title_in(self, language: str) -> str:
        return self.translations.get(language, {}).get("title") or self.title

    def details_in(self, language: str) -> str:
        return self.translations.get(language, {}).get("details") or self.details


@dataclass(frozen=True)
class TimelineSnapshot:
    negotiations: tuple[NegotiationView, ...]
    events: tuple[EventView, ...]
    points: tuple[PointView, ...]

    def negotiation(self, negotiation_id: int) -> NegotiationView | None:
        return next((n for n in self.negotiations if n.id == negotiation_id), None)

    def negotiation_by_key(self, key: str) -> NegotiationView | None:
        return next((n for n in self.negotiations if n.key == key), None)

    def events_of(self, negotiation_id: int | None) -> list[EventView]:
        """Events in date order (undated last)."""
        chosen = [e for e in self.events if negotiation_id is None or e.negotiation_id == negotiation_id]
        return sorted(chosen, key=lambda e: (e.when.starts_at is None, e.when.starts_at or datetime.min, e.id))

    def points_of(self, negotiation_id: int | None) -> list[PointView]:
        return [p for p in self.points if negotiation_id is None or p.negotiation_id == negotiation_id]

    def event(self, event_id: int) -> EventView | None:
        return next((e for e in self.events if e.id == event_id), None)


def _source(row: object) -> SourceRef:
    return SourceRef(
        publisher=row.publisher,  # type: ignore[attr-defined]
        title=row.title,  # type: ignore[attr-defined]
        url=row.url,  # type: ignore[attr-defined]
        published_on=row.published_on,  # type: ignore[attr-defined]
        attribution=row.attribution,  # type: ignore[attr-defined]
        quote=row.quote,  # type: ignore[attr-defined]
    )


async def load_snapshot(session: AsyncSession, *, negotiation_id: int | None = None) -> TimelineSnapshot:
    rows = await timeline_rows(session, negotiation_id=negotiation_id)
    event_sources: dict[int, list[SourceRef]] = defaultdict(list)
    point_sources: dict[int, list[SourceRef]] = defaultdict(list)
    for s in rows.sources:
        if s.event_id is not None:
            event_sources[s.event_id].append(_source(s))
        elif s.point_id is not None:
            point_sources[s.point_id].append(_source(s))
    history: dict[int, list[StatusStepView]] = defaultdict(list)
    for h in rows.history:
        history[h.point_id].append(
            StatusStepView(
                status=h.status,
                when=When(starts_at=h.as_of, precision=h.precision, timezone=h.timezone),
                note=h.note,
                event_id=h.event_id,
            )
        )
    return TimelineSnapshot(
        negotiations=tuple(
            NegotiationView(
                id=n.id or 0,
                key=n.key,
                title=n.title,
                parties=tuple(n.parties),
                venue=n.venue,
                status=n.status,
                summary=n.summary,
                translations=n.translations,
            )
            for n in rows.negotiations
        ),
        events=tuple(
            EventView(
                id=e.id or 0,
                key=e.key,
                negotiation_id=e.negotiation_id,
                kind=e.kind,
                title=e.title,
                details=e.details,
                when=When(starts_at=e.starts_at, precision=e.precision, timezone=e.timezone, ends_at=e.ends_at),
                status=e.status,
                place=e.place,
                is_key_date=e.is_key_date,
                aliases=e.aliases,
                translations=e.translations,
                topics=tuple(e.topics),
                sources=tuple(event_sources.get(e.id or 0, ())),
                version=e.version,
                updated_at=e.updated_at,
            )
            for e in rows.events
        ),
        points=tuple(
            PointView(
                id=p.id or 0,
                key=p.key,
                negotiation_id=p.negotiation_id,
                title=p.title,
                details=p.details,
                status=p.status,
                history=tuple(history.get(p.id or 0, ())),
                aliases=p.aliases,
                translations=p.translations,
                topics=tuple(p.topics),
                sources=tuple(point_sources.get(p.id or 0, ())),
                version=p.version,
                updated_at=p.updated_at,
            )
            for p in rows.points
        ),
    )
