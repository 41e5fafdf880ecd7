"""The queries the domain needs, in one place. Returns table rows; the domain turns them into
plain values."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AgreementPoint, ChatSettings, Event, Negotiation, PointStatusChange, Source


@dataclass
class TimelineRows:
    negotiations: list[Negotiation]
    events: list[Event]
    points: list[AgreementPoint]
    sources: list[Source]
    history: list[PointStatusChange]


async def timeline_rows(session: AsyncSession, *, negotiation_id: int | None = None) -> TimelineRows:
    """Every live (not deleted) row of the timeline, of one negotiation or of all, in five queries."""
    negotiations = select(Negotiation).order_by(Negotiation.id)
    events = select(Event).where(Event.deleted_at.is_(None)).order_by(Event.starts_at, Event.id)  # type: ignore[union-attr]
    points = select(AgreementPoint).where(AgreementPoint.deleted_at.is_(None)).order_by(AgreementPoint.id)  # type: ignore[union-attr]
    if negotiation_id is not None:
        negotiations = negotiations.where(Negotiation.id == negotiation_id)
        events = events.where(Event.negotiation_id == negotiation_id)
        points = points.where(AgreementPoint.negotiation_id == negotiation_id)
    neg_rows = list((await session.execute(negotiations)).scalars())
    event_rows = list((await session.execute(events)).scalars())
    point_rows = list((await session.execute(points)).scalars())
    event_ids = {e.id for e in event_rows}
    point_ids = {p.id for p in point_rows}
    source_rows = [
        s
        for s in (await session.execute(select(Source).order_by(Source.id))).scalars()
        if s.event_id in event_ids or s.point_id in point_ids
    ]
    history_rows = [
        h
        for h in (
            await session.execute(select(PointStatusChange).order_by(PointStatusChange.as_of, PointStatusChange.id))
        ).scalars()
        if h.point_id in point_ids
    ]
    return TimelineRows(neg_rows, event_rows, point_rows, source_rows, history_rows)


async def negotiation_by_key(session: AsyncSession, key: str) -> Negotiation | None:
    return (await session.execute(select(Negotiation).where(Negotiation.key == key))).scalar_one_or_none()


async def chat_settings(session: AsyncSession, chat_id: int) -> ChatSettings | None:
    return await session.get(ChatSettings, chat_id)


async def all_negotiation_keys(session: AsyncSession) -> list[str]:
    return list((await session.execute(select(Negotiation.key).order_by(Negotiation.key))).scalars())
