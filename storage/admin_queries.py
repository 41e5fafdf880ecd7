"""The SQL behind admin edits (bot/timeline.py): rows in, rows out, no rules.

Every function takes the caller's session and neither commits nor rolls back: the domain opens one
transaction per edit and commits the change together with its audit entry, or nothing.
Optimistic locking is a conditional UPDATE (`... WHERE id = :id AND version = :expected`): its row
count says whether this writer won, which is race-safe on PostgreSQL as well as on SQLite.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AdminUser, AgreementPoint, AuditEntry, Event, Negotiation, PointStatusChange, Source
from storage.audit import jsonable, write_audit  # noqa: F401  (re-exported for the timeline's edits)
from storage.timeutil import utcnow


# --- events ---------------------------------------------------------------------------------------


async def get_event(session: AsyncSession, event_id: int, *, include_deleted: bool = False) -> Event | None:
    query = select(Event).where(Event.id == event_id)
    if not include_deleted:
        query = query.where(Event.deleted_at.is_(None))  # type: ignore[union-attr]
    return (await session.execute(query.execution_options(populate_existing=True))).scalar_one_or_none()


async def event_sources(session: AsyncSession, event_id: int) -> list[Source]:
    return list((await session.execute(select(Source).where(Source.event_id == event_id).order_by(Source.id))).scalars())


async def point_sources(session: AsyncSession, point_id: int) -> list[Source]:
    return list((await session.execute(select(Source).where(Source.point_id == point_id).order_by(Source.id))).scalars())


async def event_key_taken(session: AsyncSession, negotiation_id: int, key: str) -> bool:
    found = await session.execute(select(Event.id).where(Event.negotiation_id == negotiation_id, Event.key == key))
    return found.first() is not None


async def insert_event(session: AsyncSession, values: dict[str, Any], sources: list[dict[str, Any]]) -> Event:
    row = Event(**values)
    session.add(row)
    await session.flush()
    for source in sources:
        session.add(Source(event_id=row.id, **source))
    await session.flush()
    return row


async def update_event_if_version(
    session: AsyncSession, event_id: int, expected_version: int, values: dict[str, Any], *, managed_by: str = "admin"
) -> bool:
    """`UPDATE event SET ..., version = version + 1 WHERE id = :id AND version = :expected`.

    False when another writer got there first (or the row is gone): nothing was changed.
    """
    result = await session.execute(
        update(Event)
        .where(Event.id == event_id, Event.version == expected_version)
        .values(**values, version=Event.version + 1, managed_by=managed_by, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


async def insert_source(session: AsyncSession, *, event_id: int | None = None, point_id: int | None = None, **values: Any) -> Source:
    row = Source(event_id=event_id, point_id=point_id, **values)
    session.add(row)
    await session.flush()
    return row


async def delete_source(session: AsyncSession, source_id: int) -> None:
    await session.execute(delete(Source).where(Source.id == source_id))


# --- agreement points -----------------------------------------------------------------------------


async def get_point(session: AsyncSession, point_id: int) -> AgreementPoint | None:
    query = select(AgreementPoint).where(AgreementPoint.id == point_id, AgreementPoint.deleted_at.is_(None))  # type: ignore[union-attr]
    return (await session.execute(query.execution_options(populate_existing=True))).scalar_one_or_none()


async def update_point_if_version(session: AsyncSession, point_id: int, expected_version: int, values: dict[str, Any]) -> bool:
    result = await session.execute(
        update(AgreementPoint)
        .where(AgreementPoint.id == point_id, AgreementPoint.version == expected_version)
        .values(**values, version=AgreementPoint.version + 1, managed_by="admin", updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


async def insert_status_change(session: AsyncSession, **values: Any) -> PointStatusChange:
    row = PointStatusChange(**values)
    session.add(row)
    await session.flush()
    return row


async def delete_status_change(session: AsyncSession, change_id: int) -> None:
    await session.execute(delete(PointStatusChange).where(PointStatusChange.id == change_id))


async def point_history(session: AsyncSession, point_id: int) -> list[PointStatusChange]:
    query = (
        select(PointStatusChange)
        .where(PointStatusChange.point_id == point_id)
        .order_by(PointStatusChange.as_of, PointStatusChange.id)
    )
    return list((await session.execute(query)).scalars())


# --- audit ------------------------------------------------------------------------------------------


async def audit_of(session: AsyncSession, entity_type: str, entity_id: int) -> list[AuditEntry]:
    query = (
        select(AuditEntry)
        .where(AuditEntry.entity_type == entity_type, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id)  # the order they were written in, whatever the clocks said
    )
    return list((await session.execute(query)).scalars())


async def audit_by_actor(session: AsyncSession, actor_id_label: str, *, limit: int = 200) -> list[AuditEntry]:
    """The newest entries written by one admin (`tg:<id>` or `tg:<id> (name)`), newest first."""
    query = (
        select(AuditEntry)
        .where(or_(AuditEntry.actor == actor_id_label, AuditEntry.actor.like(actor_id_label + " %")))  # type: ignore[attr-defined]
        .order_by(AuditEntry.id.desc())  # type: ignore[union-attr]
        .limit(limit)
    )
    return list((await session.execute(query)).scalars())


# --- admins and negotiations ------------------------------------------------------------------------


async def admin_row(session: AsyncSession, user_id: int) -> AdminUser | None:
    return await session.get(AdminUser, user_id)


async def admin_rows(session: AsyncSession) -> list[AdminUser]:
    return list((await session.execute(select(AdminUser).order_by(AdminUser.added_at, AdminUser.user_id))).scalars())


async def insert_admin(session: AsyncSession, user_id: int, added_by: int | None) -> AdminUser:
    row = AdminUser(user_id=user_id, added_by=added_by)
    session.add(row)
    await session.flush()
    return row


async def delete_admin(session: AsyncSession, user_id: int) -> None:
    await session.execute(delete(AdminUser).where(AdminUser.user_id == user_id))


async def negotiation_keys(session: AsyncSession) -> set[str]:
    return set((await session.execute(select(Negotiation.key))).scalars())


async def insert_negotiation(session: AsyncSession, **values: Any) -> Negotiation:
    row = Negotiation(**values)
    session.add(row)
    await session.flush()
    return row


async def get_negotiation(session: AsyncSession, negotiation_id: int) -> Negotiation | None:
    return await session.get(Negotiation, negotiation_id)
