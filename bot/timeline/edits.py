"""Writes: add, change, move, delete, add sources, point statuses, undo, new negotiations.

Each is one transaction with its audit entry and the reminders' re-planning: all of it, or none.
Optimistic locking: a conditional UPDATE on the version the edit was based on."""

from __future__ import annotations

import dataclasses
import importlib
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.changes import EventChange
from bot.snapshot import EventView, SourceRef, When
from bot.timeline.admins import Actor
from bot.timeline.errors import (
    MAX_ATTRIBUTION,
    MAX_DETAILS,
    MAX_TITLE,
    ConflictError,
    EditError,
    NotFound,
)
from bot.timeline.parsing import (
    Draft,
    Ref,
    check_zone,
    parse_date,
    parse_event_status,
    parse_field,
    parse_point_status,
    parse_ref,
    publisher_of,
    validate_details,
    validate_place,
    validate_title,
    validate_url,
)
from storage import admin_queries as q
from storage.db import Database
from storage.models import DatePrecision, Event, EventKind, EventStatus

UTC = timezone.utc


# --- reading ----------------------------------------------------------------------------------------


def _source_ref(row: Any) -> SourceRef:
    return SourceRef(publisher=row.publisher, title=row.title, url=row.url, published_on=row.published_on,
                     attribution=row.attribution, quote=row.quote)


def event_view(row: Event, sources: list[Any]) -> EventView:
    return EventView(
        id=row.id or 0, key=row.key, negotiation_id=row.negotiation_id, kind=row.kind, title=row.title,
        when=When(starts_at=row.starts_at, precision=row.precision, timezone=row.timezone, ends_at=row.ends_at),
        status=row.status, details=row.details, place=row.place, is_key_date=row.is_key_date,
        aliases=row.aliases, translations=row.translations, topics=tuple(row.topics),
        sources=tuple(_source_ref(s) for s in sources), version=row.version, updated_at=row.updated_at,
    )


async def current_event(database: Database, event_id: int) -> EventView | None:
    async with database.session() as session:
        row = await q.get_event(session, event_id)
        if row is None:
            return None
        return event_view(row, await q.event_sources(session, event_id))


# --- writing events ---------------------------------------------------------------------------------


async def _reminders_hook(session: AsyncSession, change: EventChange) -> None:
    """Let the reminders module re-plan in this same transaction, when it offers `on_event_change`."""
    hook = None
    for name in ("bot.reminders", "bot.reminders.service"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        hook = getattr(module, "on_event_change", None)
        if hook is not None:
            break
    if hook is not None:
        await hook(session, change)


def slugify(text: str, *, limit: int = 60, fallback: str = "event") -> str:
    text = text.replace("ı", "i").replace("İ", "I").replace("ß", "ss")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or fallback


async def _new_event_key(session: AsyncSession, negotiation_id: int, title: str) -> str:
    base = slugify(title, limit=80)
    while True:
        key = f"{base}-{secrets.token_hex(2)}"
        if not await q.event_key_taken(session, negotiation_id, key):
            return key


_EVENT_COLUMNS = ("kind", "title", "details", "starts_at", "ends_at", "precision", "timezone", "status", "place", "is_key_date")


async def add_event(database: Database, draft: Draft, actor: Actor, *, now: datetime | None = None) -> EventChange:
    """Store a previewed draft: the event, its source and the audit entry, in one transaction."""
    now = now or clock.now()
    if draft.negotiation_id is None:
        raise EditError("negotiation", "no negotiation is chosen", "/negotiation use idlib-ankara-2020")
    values = {
        "negotiation_id": draft.negotiation_id,
        "kind": draft.kind,
        "title": validate_title(draft.title),
        "details": validate_details(draft.details),
        "starts_at": draft.starts_at,
        "precision": draft.precision,
        "timezone": draft.timezone,
        "status": draft.status_at(now),
        "place": validate_place(draft.place),
        "is_key_date": draft.is_key_date,
    }
    source = draft.source(actor.name)
    sources = [dataclasses.asdict(source)] if source else []
    async with database.session() as session:
        if await q.get_negotiation(session, draft.negotiation_id) is None:
            raise NotFound("negotiation", f"there is no negotiation #{draft.negotiation_id}", "/negotiation use <key>")
        values["key"] = await _new_event_key(session, draft.negotiation_id, draft.title)
        row = await q.insert_event(session, {**values, "managed_by": "admin", "version": 1}, sources)
        assert row.id is not None
        q.write_audit(session, actor.label, "create", "event", row.id, None, {**values, "sources": sources, "version": 1})
        change = EventChange(
            event_id=row.id, negotiation_id=row.negotiation_id, kind="created", actor=actor.label, version=1,
            title=row.title, new_starts_at=row.starts_at, new_precision=row.precision, new_timezone=row.timezone,
            new_status=row.status,
        )
        await _reminders_hook(session, change)
        await session.commit()
    return change


def _not_found(event_id: int) -> NotFound:
    return NotFound("id", f"there is no event #{event_id} (see /timeline for ids; /undo brings back a deleted one)", "16")


async def _conflict(database: Database, event_id: int, expected: int) -> Exception:
    async with database.session() as session:
        row = await q.get_event(session, event_id, include_deleted=True)
        if row is None:
            return _not_found(event_id)
        view = event_view(row, await q.event_sources(session, event_id)) if row.deleted_at is None else None
        return ConflictError("event", event_id, expected, row.version, view)


def _kind_of(fields: set[str]) -> str:
    if "deleted_at" in fields:
        return "edited"
    if fields & {"starts_at", "precision", "timezone", "ends_at"}:
        return "moved"
    if "status" in fields:
        return "status"
    return "edited"


async def _change_event(
    database: Database,
    event_id: int,
    actor: Actor,
    expected_version: int | None,
    compute: Callable[[Event], dict[str, Any]],
    *,
    action: str = "update",
    kind: str | None = None,
    include_deleted: bool = False,
    extra: Callable[[AsyncSession, Event, int], Any] | None = None,
) -> EventChange:
    """Read, compute the new values, then one conditional UPDATE + audit (+ reminders) in one transaction.

    The read is its own short transaction, so the write transaction starts with the UPDATE (which
    on SQLite takes the write lock first, waiting its turn, and on PostgreSQL waits for a concurrent
    writer's row lock and then re-checks the version): only one writer per version can win.
    """
    async with database.session() as session:
        row = await q.get_event(session, event_id, include_deleted=include_deleted)
    if row is None:
        raise _not_found(event_id)
    if expected_version is not None and row.version != expected_version:
        raise await _conflict(database, event_id, expected_version)
    base = row.version
    values = compute(row)
    before = {name: getattr(row, name) for name in values}
    async with database.session() as session:
        if not await q.update_event_if_version(session, event_id, base, values):
            await session.rollback()
            raise await _conflict(database, event_id, base)
        after: dict[str, Any] = dict(values)
        if extra is not None:
            after |= await extra(session, row, base + 1) or {}
        q.write_audit(session, actor.label, action, "event", event_id, {**before, "version": base}, {**after, "version": base + 1})
        merged = {name: values.get(name, getattr(row, name)) for name in _EVENT_COLUMNS}
        change = EventChange(
            event_id=event_id, negotiation_id=row.negotiation_id, kind=kind or _kind_of(set(values)),  # type: ignore[arg-type]
            actor=actor.label, version=base + 1, title=merged["title"],
            old_starts_at=row.starts_at, new_starts_at=merged["starts_at"],
            old_precision=row.precision, new_precision=merged["precision"],
            old_timezone=row.timezone, new_timezone=merged["timezone"],
            old_status=row.status, new_status=merged["status"],
        )
        await _reminders_hook(session, change)
        await session.commit()
    return change


async def move_event(
    database: Database, event_id: int, when_text: str, actor: Actor, expected_version: int | None,
    *, now: datetime | None = None, default_zone: str | None = None,
) -> EventChange:
    """A new date (in the event's own zone unless another is given) → `EventChange(kind="moved")`."""
    now = now or clock.now()

    def compute(row: Event) -> dict[str, Any]:
        starts_at, precision, zone = parse_date(when_text, default_zone or row.timezone, now)
        values: dict[str, Any] = {"starts_at": starts_at, "precision": precision, "timezone": zone, "ends_at": None}
        if row.ends_at is not None and row.starts_at is not None and precision == DatePrecision.DAY.value:
            values["ends_at"] = row.ends_at + (starts_at - row.starts_at)  # a range keeps its length
            values["precision"] = row.precision
        return values

    return await _change_event(database, event_id, actor, expected_version, compute, kind="moved")


async def set_event_status(
    database: Database, event_id: int, status: str, actor: Actor, expected_version: int | None
) -> EventChange:
    value = parse_event_status(status)
    return await _change_event(database, event_id, actor, expected_version, lambda row: {"status": value}, kind="status")


async def edit_event_field(
    database: Database, event_id: int, field_name: str, text: str, actor: Actor, expected_version: int | None,
    *, now: datetime | None = None,
) -> EventChange:
    """`/edit 16 title New title`: one field, validated, locked on `expected_version`."""
    now = now or clock.now()
    return await _change_event(
        database, event_id, actor, expected_version, lambda row: parse_field(field_name, text, zone=row.timezone, now=now)
    )


def preview_edit(view: EventView, field_name: str, text: str, *, now: datetime) -> EventView:
    """The event as it would look after `/edit`: validates like the save will."""
    values = parse_field(field_name, text, zone=view.when.timezone, now=now)
    changes: dict[str, Any] = {k: v for k, v in values.items() if k in ("title", "details", "place", "is_key_date", "kind")}
    if "starts_at" in values:
        changes["when"] = When(starts_at=values["starts_at"], precision=values["precision"], timezone=values["timezone"])
    return dataclasses.replace(view, **changes)


async def delete_event(database: Database, event_id: int, actor: Actor, expected_version: int | None = None) -> EventChange:
    """Soft delete: hidden from everyone, kept with its audit, brought back by `/undo`."""
    stamp = clock.now()
    return await _change_event(
        database, event_id, actor, expected_version, lambda row: {"deleted_at": stamp}, action="delete", kind="deleted"
    )


@dataclass(frozen=True)
class SourceAdded:
    ref: Ref
    title: str
    source: SourceRef
    version: int


async def add_source(
    database: Database, target: int | str | Ref, url: str, attribution: str, actor: Actor,
    expected_version: int | None = None,
) -> SourceAdded:
    """`/source 16 https://… [attribution]` (or `p4` for a point): one more citation."""
    ref = target if isinstance(target, Ref) else parse_ref(str(target))
    url = validate_url(url, required=True)
    attribution = (attribution or "").strip()[:MAX_ATTRIBUTION] or f"added by admin {actor.name}".strip()
    source = SourceRef(publisher=publisher_of(url), url=url, attribution=attribution)
    values = dataclasses.asdict(source)
    if ref.kind == "point":
        async with database.session() as session:
            point = await q.get_point(session, ref.id)
        if point is None:
            raise NotFound("id", f"there is no agreement point p{ref.id} (see /points)", "p4")
        base = point.version if expected_version is None else expected_version
        async with database.session() as session:
            if not await q.update_point_if_version(session, ref.id, base, {}):
                raise ConflictError("point", ref.id, base, point.version)
            row = await q.insert_source(session, point_id=ref.id, **values)
            q.write_audit(session, actor.label, "source", "point", ref.id, {"version": base},
                          {"source": values, "source_id": row.id, "version": base + 1})
            await session.commit()
        return SourceAdded(ref, point.title, source, base + 1)

    async def extra(session: AsyncSession, row: Event, version: int) -> dict[str, Any]:
        added = await q.insert_source(session, event_id=row.id, **values)
        return {"source": values, "source_id": added.id}

    change = await _change_event(database, ref.id, actor, expected_version, lambda row: {}, action="source",
                                 kind="edited", extra=extra)
    return SourceAdded(ref, change.title, source, change.version)


# --- agreement points -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PointStatusResult:
    point_id: int
    title: str
    old_status: str
    new_status: str
    as_of: datetime
    precision: str
    timezone: str
    version: int
    source: SourceRef | None = None


async def set_point_status(
    database: Database, point_id: int, status: str, actor: Actor, *,
    as_of_text: str = "", note: str = "", source_url: str = "", default_zone: str = "UTC",
    now: datetime | None = None, expected_version: int | None = None,
) -> PointStatusResult:
    """A new dated step of a point's status history; the point's status/status_since follow it."""
    now = now or clock.now()
    value = parse_point_status(status)
    if as_of_text.strip():
        as_of, precision, zone = parse_date(as_of_text, default_zone, now)
    else:
        zone = check_zone(default_zone)
        local = now.astimezone(ZoneInfo(zone))
        as_of = datetime(local.year, local.month, local.day, tzinfo=ZoneInfo(zone)).astimezone(UTC)
        precision = DatePrecision.DAY.value
    note = note.strip()[:MAX_DETAILS]
    url = validate_url(source_url)
    async with database.session() as session:
        point = await q.get_point(session, point_id)
    if point is None:
        raise NotFound("id", f"there is no agreement point p{point_id} (see /points)", "p4")
    if expected_version is not None and point.version != expected_version:
        raise ConflictError("point", point_id, expected_version, point.version)
    base = point.version
    source = SourceRef(publisher=publisher_of(url), url=url, attribution=f"added by admin {actor.name}".strip()) if url else None
    async with database.session() as session:
        if not await q.update_point_if_version(session, point_id, base, {"status": value, "status_since": as_of}):
            await session.rollback()
            async with database.session() as fresh:
                current = await q.get_point(fresh, point_id)
            raise ConflictError("point", point_id, base, current.version if current else None)
        source_id = linked_id = linked_audit_id = None
        if source is not None:
            # A sourced update is also an event on the timeline (as every step of a bundled history
            # is): dated, citing the update's source, and linked from the new step.
            values = {
                "negotiation_id": point.negotiation_id, "kind": EventKind.STATEMENT.value,
                "title": f"{point.title}: {value.replace('_', ' ')}"[:MAX_TITLE], "details": note,
                "starts_at": as_of, "precision": precision, "timezone": zone,
                "status": EventStatus.HAPPENED.value if as_of <= now else EventStatus.SCHEDULED.value,
            }
            values["key"] = await _new_event_key(session, point.negotiation_id, values["title"])
            linked = await q.insert_event(session, {**values, "managed_by": "admin", "version": 1},
                                          [dataclasses.asdict(source)])
            linked_id = linked.id
            entry = q.write_audit(session, actor.label, "create", "event", linked.id, None,
                                  {**values, "sources": [dataclasses.asdict(source)], "version": 1, "for_point": point_id})
            await session.flush()
            linked_audit_id = entry.id
            source_id = (await q.insert_source(session, point_id=point_id, **dataclasses.asdict(source))).id
            assert linked_id is not None
            await _reminders_hook(session, EventChange(
                event_id=linked_id, negotiation_id=point.negotiation_id, kind="created", actor=actor.label, version=1,
                title=values["title"], new_starts_at=as_of, new_precision=precision, new_timezone=zone,
                new_status=values["status"],
            ))
        step = await q.insert_status_change(session, point_id=point_id, status=value, as_of=as_of,
                                            precision=precision, timezone=zone, note=note, event_id=linked_id)
        q.write_audit(
            session, actor.label, "status", "point", point_id,
            {"status": point.status, "status_since": point.status_since, "version": base},
            {"status": value, "status_since": as_of, "version": base + 1, "history_id": step.id,
             "note": note, "source_id": source_id, "event_id": linked_id, "event_audit_id": linked_audit_id,
             **({"source": dataclasses.asdict(source)} if source else {})},
        )
        await session.commit()
    return PointStatusResult(point_id, point.title, point.status, value, as_of, precision, zone, base + 1, source)


# --- undo -------------------------------------------------------------------------------------------

_UNDOABLE = {("event", "create"), ("event", "update"), ("event", "delete"), ("event", "source"), ("point", "status")}
_INSTANT_FIELDS = {"starts_at", "ends_at", "deleted_at", "status_since"}


def _decode(values: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in values.items():
        out[name] = datetime.fromisoformat(value) if name in _INSTANT_FIELDS and isinstance(value, str) else value
    return out


@dataclass(frozen=True)
class UndoResult:
    entity_type: str
    entity_id: int
    action: str  # the action undone
    title: str
    change: EventChange | None = None


async def undo_last(database: Database, actor: Actor) -> UndoResult:
    """Revert this admin's newest edit, delete, addition or status change that is not undone yet."""
    async with database.session() as session:
        entries = await q.audit_by_actor(session, actor.id_label)
    undone = {e.after.get("undoes") for e in entries if e.action == "undo" and e.after}
    target = next(
        (e for e in entries if (e.entity_type, e.action) in _UNDOABLE and e.id not in undone and e.entity_id is not None),
        None,
    )
    if target is None:
        raise EditError("undo", "you have nothing left to undo", "/delete 16, then /undo")
    assert target.entity_id is not None
    after = target.after or {}
    before = _decode({k: v for k, v in (target.before or {}).items() if k != "version"})
    expected = int(after.get("version", 0))
    marker = {"undoes": target.id, "undone_action": target.action}

    if target.entity_type == "point":
        return await _undo_point_status(database, actor, target.entity_id, expected, before, after, marker)

    wanted = _decode({k: v for k, v in after.items() if k in _EVENT_COLUMNS})
    entity_id = target.entity_id

    def stale(row: Event) -> ConflictError:
        return ConflictError("event", entity_id, expected, row.version)

    # Undo is refused (not forced) when someone changed the same thing since: it checks what the
    # edit set is still there, then writes with the usual conditional UPDATE on the version read.
    if target.action == "create":
        stamp = clock.now()
        compute: Callable[[Event], dict[str, Any]] = lambda row: {"deleted_at": stamp}  # noqa: E731
        kind, include_deleted = "deleted", False
    elif target.action == "delete":

        def compute(row: Event) -> dict[str, Any]:
            if row.deleted_at is None:
                raise stale(row)
            return {"deleted_at": None}

        kind, include_deleted = "restored", True
    elif target.action == "source":
        compute, kind, include_deleted = (lambda row: {}), "edited", False
    else:
        restored = {k: v for k, v in before.items() if k in _EVENT_COLUMNS}

        def compute(row: Event) -> dict[str, Any]:
            if any(getattr(row, name) != value for name, value in wanted.items()):
                raise stale(row)
            return restored

        kind, include_deleted = None, False

    async def extra(session: AsyncSession, row: Event, version: int) -> dict[str, Any]:
        if target.action == "source" and after.get("source_id"):
            await q.delete_source(session, int(after["source_id"]))
        return marker

    try:
        change = await _change_event(database, entity_id, actor, None, compute, action="undo",
                                     kind=kind, include_deleted=include_deleted, extra=extra)
    except ConflictError as exc:
        current = exc.current or await current_event(database, entity_id)
        raise ConflictError("event", entity_id, expected, exc.current_version, current) from None
    return UndoResult("event", target.entity_id, target.action, change.title, change)


async def _undo_point_status(
    database: Database, actor: Actor, point_id: int, expected: int, before: dict[str, Any], after: dict[str, Any],
    marker: dict[str, Any],
) -> UndoResult:
    async with database.session() as session:
        point = await q.get_point(session, point_id)
        if point is None:
            raise NotFound("id", f"there is no agreement point p{point_id}", "p4")
        values = {"status": before.get("status", point.status), "status_since": before.get("status_since")}
        if not await q.update_point_if_version(session, point_id, expected, values):
            raise ConflictError("point", point_id, expected, point.version)
        if after.get("history_id"):
            await q.delete_status_change(session, int(after["history_id"]))
        if after.get("source_id"):
            await q.delete_source(session, int(after["source_id"]))
        if after.get("event_id"):  # the update's own event goes too (soft, like /delete)
            linked = await q.get_event(session, int(after["event_id"]))
            if linked is not None and linked.id is not None:
                stamp = clock.now()
                if await q.update_event_if_version(session, linked.id, linked.version, {"deleted_at": stamp}):
                    q.write_audit(session, actor.label, "undo", "event", linked.id,
                                  {"deleted_at": None, "version": linked.version},
                                  {"deleted_at": stamp, "version": linked.version + 1,
                                   "undoes": after.get("event_audit_id"), "undone_action": "create"})
                    await _reminders_hook(session, EventChange(
                        event_id=linked.id, negotiation_id=linked.negotiation_id, kind="deleted", actor=actor.label,
                        version=linked.version + 1, title=linked.title, old_starts_at=linked.starts_at,
                        new_starts_at=linked.starts_at, old_status=linked.status, new_status=linked.status,
                    ))
        q.write_audit(session, actor.label, "undo", "point", point_id,
                      {"status": point.status, "status_since": point.status_since, "version": expected},
                      {**values, "version": expected + 1, **marker})
        await session.commit()
    return UndoResult("point", point_id, "status", point.title)

# --- negotiations -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NegotiationInfo:
    id: int
    key: str
    title: str


async def create_negotiation(database: Database, title: str, actor: Actor) -> NegotiationInfo:
    """A new tracked negotiation; its key is the title's slug, made unique (`-2`, `-3`, …)."""
    cleaned = " ".join((title or "").split())
    if not cleaned:
        raise EditError("title", "it is empty", "/negotiation new Geneva talks on Syria, 2024")
    if len(cleaned) > MAX_TITLE:
        raise EditError("title", f"it is {len(cleaned)} characters long, at most {MAX_TITLE}", "Geneva talks on Syria, 2024")
    base = slugify(cleaned, limit=56, fallback="negotiation")
    async with database.session() as session:
        taken = await q.negotiation_keys(session)
        key, number = base, 2
        while key in taken:
            key, number = f"{base}-{number}", number + 1
        row = await q.insert_negotiation(session, key=key, title=cleaned, managed_by="admin", status="ongoing")
        assert row.id is not None
        q.write_audit(session, actor.label, "create", "negotiation", row.id, None, {"key": key, "title": cleaned})
        await session.commit()
    return NegotiationInfo(row.id, key, cleaned)
