"""Loading bundle files into the database, and writing the database back out as a bundle.

Seeding is idempotent: rows are matched by stable keys (negotiation key, event/point key) and only
rewritten when the file says something new. A row an admin has touched (`managed_by != "seed"`) or
deleted is never overwritten by a re-seed: the admin's word is newer than the file's.
An import is an explicit human action, so it does overwrite, and marks the rows as its own.
Every write leaves an audit entry. One bundle is applied in one transaction: all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.bundle import Bundle, EventDef, PointDef, bundled_files, parse_when, read_bundle
from storage.models import (
    AgreementPoint,
    DatePrecision,
    Event,
    Negotiation,
    PointStatusChange,
    Source,
)
from storage.audit import write_audit
from storage.timeutil import utcnow

SEED_ACTOR = "seed"


@dataclass
class ApplyReport:
    """What applying one bundle did, for the CLI to print."""

    negotiation: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_admin_changes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"{self.negotiation}: {self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        )
        if self.kept_admin_changes:
            text += f", {len(self.kept_admin_changes)} kept as edited by an admin"
        return text


def _event_values(event: EventDef) -> dict[str, Any]:
    starts_at, ends_at, precision = event.when()
    return {
        "kind": event.kind.value,
        "title": event.title,
        "details": event.details,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "precision": precision.value,
        "timezone": event.timezone,
        "status": event.status.value,
        "place": event.place,
        "is_key_date": event.key_date,
        "aliases": event.aliases,
        "translations": event.translations,
        "topics": event.topics,
    }


def _point_values(point: PointDef) -> dict[str, Any]:
    last = point.status_history[-1]
    since = parse_when(last.date, last.timezone, last.precision).starts_at
    return {
        "title": point.title,
        "details": point.details,
        "status": last.status.value,
        "status_since": since,
        "aliases": point.aliases,
        "translations": point.translations,
        "topics": point.topics,
    }


def _source_rows(bundle: Bundle, citations: list[Any]) -> list[dict[str, Any]]:
    return [bundle.resolve(c) for c in citations]


def _row_sources(sources: list[Source]) -> list[dict[str, Any]]:
    return [
        {
            "publisher": s.publisher,
            "title": s.title,
            "url": s.url,
            "published_on": s.published_on,
            "attribution": s.attribution,
            "quote": s.quote,
        }
        for s in sources
    ]


def _differs(row: Any, values: dict[str, Any]) -> bool:
    return any(getattr(row, name) != value for name, value in values.items())


async def _sources_of(session: AsyncSession, *, event_id: int | None = None, point_id: int | None = None) -> list[Source]:
    query = select(Source).order_by(Source.id)
    query = query.where(Source.event_id == event_id) if event_id else query.where(Source.point_id == point_id)
    return list((await session.execute(query)).scalars())


async def apply_bundle(session: AsyncSession, bundle: Bundle, *, actor: str = SEED_ACTOR) -> ApplyReport:
    """Upsert one bundle. The caller commits (or rolls back on error: nothing is half loaded)."""
    overwrite_admin = actor != SEED_ACTOR
    managed_by = SEED_ACTOR if actor == SEED_ACTOR else "admin"
    spec = bundle.negotiation
    report = ApplyReport(negotiation=spec.key)
    negotiation = (
        await session.execute(select(Negotiation).where(Negotiation.key == spec.key))
    ).scalar_one_or_none()
    neg_values = {
        "title": spec.title,
        "parties": spec.parties,
        "venue": spec.venue,
        "status": spec.status,
        "summary": spec.summary,
        "translations": spec.translations,
    }
    if negotiation is None:
        negotiation = Negotiation(key=spec.key, managed_by=managed_by, **neg_values)
        session.add(negotiation)
        await session.flush()
        write_audit(
                session, actor, "create", "negotiation", negotiation.id, None, neg_values)
    elif (overwrite_admin or negotiation.managed_by == SEED_ACTOR) and _differs(negotiation, neg_values):
        before = {k: getattr(negotiation, k) for k in neg_values}
        for k, v in neg_values.items():
            setattr(negotiation, k, v)
        negotiation.version += 1
        negotiation.managed_by = managed_by
        negotiation.updated_at = utcnow()
        write_audit(
                session, actor, "update", "negotiation", negotiation.id, before, neg_values)
    assert negotiation.id is not None

    existing_events = {
        e.key: e
        for e in (await session.execute(select(Event).where(Event.negotiation_id == negotiation.id))).scalars()
    }
    event_ids: dict[str, int] = {}
    for spec_event in bundle.events:
        values = _event_values(spec_event)
        sources = _source_rows(bundle, spec_event.sources)
        row = existing_events.get(spec_event.key)
        if row is None:
            row = Event(negotiation_id=negotiation.id, key=spec_event.key, managed_by=managed_by, **values)
            session.add(row)
            await session.flush()
            for source in sources:
                session.add(Source(event_id=row.id, **source))
            write_audit(
                session, actor, "create", "event", row.id, None, {**values, "sources": sources})
            report.created += 1
        else:
            editable = overwrite_admin or (row.managed_by == SEED_ACTOR and row.deleted_at is None)
            old_sources = await _sources_of(session, event_id=row.id)
            changed = _differs(row, values) or _row_sources(old_sources) != sources
            if not changed:
                report.unchanged += 1
            elif not editable:
                report.kept_admin_changes.append(spec_event.key)
            else:
                before = {k: getattr(row, k) for k in values} | {"sources": _row_sources(old_sources)}
                for k, v in values.items():
                    setattr(row, k, v)
                if overwrite_admin:
                    row.deleted_at = None
                row.version += 1
                row.managed_by = managed_by
                row.updated_at = utcnow()
                await session.execute(delete(Source).where(Source.event_id == row.id))
                for source in sources:
                    session.add(Source(event_id=row.id, **source))
                write_audit(
                session, actor, "update", "event", row.id, before, {**values, "sources": sources})
                report.updated += 1
        assert row.id is not None
        event_ids[spec_event.key] = row.id

    existing_points = {
        p.key: p
        for p in (
            await session.execute(select(AgreementPoint).where(AgreementPoint.negotiation_id == negotiation.id))
        ).scalars()
    }
    for spec_point in bundle.points:
        values = _point_values(spec_point)
        sources = _source_rows(bundle, spec_point.sources)
        history = [
            {
                "status": step.status.value,
                "as_of": parse_when(step.date, step.timezone, step.precision).starts_at,
                "precision": parse_when(step.date, step.timezone, step.precision).precision.value,
                "timezone": step.timezone,
                "note": step.note,
                "event_id": event_ids.get(step.event) if step.event else None,
            }
            for step in spec_point.status_history
        ]
        row = existing_points.get(spec_point.key)
        if row is None:
            row = AgreementPoint(
                negotiation_id=negotiation.id, key=spec_point.key, managed_by=managed_by, **values
            )
            session.add(row)
            await session.flush()
            await _write_point_children(session, row.id, sources, history)
            write_audit(
                session, actor, "create", "point", row.id, None, {**values, "sources": sources, "history": history}
            )
            report.created += 1
            continue
        editable = overwrite_admin or (row.managed_by == SEED_ACTOR and row.deleted_at is None)
        old_sources = await _sources_of(session, point_id=row.id)
        old_history = [
            {
                "status": h.status,
                "as_of": h.as_of,
                "precision": h.precision,
                "timezone": h.timezone,
                "note": h.note,
                "event_id": h.event_id,
            }
            for h in (
                await session.execute(
                    select(PointStatusChange)
                    .where(PointStatusChange.point_id == row.id)
                    .order_by(PointStatusChange.as_of, PointStatusChange.id)
                )
            ).scalars()
        ]
        changed = _differs(row, values) or _row_sources(old_sources) != sources or old_history != history
        if not changed:
            report.unchanged += 1
        elif not editable:
            report.kept_admin_changes.append(spec_point.key)
        else:
            before = {k: getattr(row, k) for k in values} | {"sources": _row_sources(old_sources), "history": old_history}
            for k, v in values.items():
                setattr(row, k, v)
            if overwrite_admin:
                row.deleted_at = None
            row.version += 1
            row.managed_by = managed_by
            row.updated_at = utcnow()
            await session.execute(delete(Source).where(Source.point_id == row.id))
            await session.execute(delete(PointStatusChange).where(PointStatusChange.point_id == row.id))
            await _write_point_children(session, row.id, sources, history)
            write_audit(
                session, actor, "update", "point", row.id, before, {**values, "sources": sources, "history": history}
            )
            report.updated += 1
    await session.flush()
    return report


async def _write_point_children(
    session: AsyncSession, point_id: int | None, sources: list[dict[str, Any]], history: list[dict[str, Any]]
) -> None:
    for source in sources:
        session.add(Source(point_id=point_id, **source))
    for step in history:
        session.add(PointStatusChange(point_id=point_id, **step))


async def seed_bundled(session: AsyncSession, paths: list[Path] | None = None) -> list[ApplyReport]:
    """Apply every bundled timeline file (all validated first, so one bad file loads nothing)."""
    bundles = [read_bundle(p) for p in (paths if paths is not None else bundled_files())]
    reports = [await apply_bundle(session, b) for b in bundles]
    await session.commit()
    return reports


async def is_empty(session: AsyncSession) -> bool:
    return (await session.execute(select(func.count()).select_from(Negotiation))).scalar_one() == 0


# --- export -------------------------------------------------------------------------------------


def format_when(instant: datetime | None, zone: str, precision: str) -> str | None:
    """The inverse of `storage.bundle.parse_when`: a bundle date string in the event's own zone."""
    if instant is None:
        return None
    local = instant.astimezone(ZoneInfo(zone))
    if precision == DatePrecision.EXACT.value:
        return local.strftime("%Y-%m-%d %H:%M")
    if precision == DatePrecision.MONTH.value:
        return local.strftime("%Y-%m")
    return local.strftime("%Y-%m-%d")


def _citation(source: Source) -> dict[str, Any]:
    out: dict[str, Any] = {"publisher": source.publisher}
    if source.title:
        out["title"] = source.title
    if source.url:
        out["url"] = source.url
    if source.published_on:
        out["published_on"] = source.published_on.isoformat()
    if source.attribution:
        out["attribution"] = source.attribution
    if source.quote:
        out["quote"] = source.quote
    return out


async def export_bundle_data(session: AsyncSession, negotiation_key: str) -> dict[str, Any]:
    """The negotiation as bundle data (plain dicts, ready for YAML/JSON); deleted rows are left out."""
    negotiation = (
        await session.execute(select(Negotiation).where(Negotiation.key == negotiation_key))
    ).scalar_one_or_none()
    if negotiation is None:
        raise LookupError(negotiation_key)
    events = list(
        (
            await session.execute(
                select(Event)
                .where(Event.negotiation_id == negotiation.id, Event.deleted_at.is_(None))  # type: ignore[union-attr]
                .order_by(Event.starts_at, Event.id)
            )
        ).scalars()
    )
    key_of = {e.id: e.key for e in events}
    out_events = []
    for event in events:
        entry: dict[str, Any] = {
            "key": event.key,
            "kind": event.kind,
            "title": event.title,
            "details": event.details,
            "date": format_when(event.starts_at, event.timezone, event.precision),
        }
        if event.ends_at is not None:
            entry["end"] = format_when(event.ends_at, event.timezone, DatePrecision.DAY.value)
        entry |= {
            "precision": event.precision,
            "timezone": event.timezone,
            "status": event.status,
            "place": event.place,
            "key_date": event.is_key_date,
            "aliases": event.aliases,
            "translations": event.translations,
            "topics": event.topics,
            "sources": [_citation(s) for s in await _sources_of(session, event_id=event.id)],
        }
        out_events.append(entry)
    points = list(
        (
            await session.execute(
                select(AgreementPoint)
                .where(AgreementPoint.negotiation_id == negotiation.id, AgreementPoint.deleted_at.is_(None))  # type: ignore[union-attr]
                .order_by(AgreementPoint.id)
            )
        ).scalars()
    )
    out_points = []
    for point in points:
        history = (
            await session.execute(
                select(PointStatusChange)
                .where(PointStatusChange.point_id == point.id)
                .order_by(PointStatusChange.as_of, PointStatusChange.id)
            )
        ).scalars()
        out_points.append(
            {
                "key": point.key,
                "title": point.title,
                "details": point.details,
                "aliases": point.aliases,
                "translations": point.translations,
                "topics": point.topics,
                "status_history": [
                    {
                        "status": h.status,
                        "date": format_when(h.as_of, h.timezone, h.precision),
                        "precision": h.precision,
                        "timezone": h.timezone,
                        **({"event": key_of[h.event_id]} if h.event_id in key_of else {}),
                        **({"note": h.note} if h.note else {}),
                    }
                    for h in history
                ],
                "sources": [_citation(s) for s in await _sources_of(session, point_id=point.id)],
            }
        )
    return {
        "format": 1,
        "negotiation": {
            "key": negotiation.key,
            "title": negotiation.title,
            "parties": negotiation.parties,
            "venue": negotiation.venue,
            "status": negotiation.status,
            "summary": negotiation.summary,
            "translations": negotiation.translations,
        },
        "events": out_events,
        "points": out_points,
    }
