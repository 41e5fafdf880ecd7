"""All SQL of subscriptions and the outbox: planning writes rows, the dispatcher claims and settles them.

Nothing here knows about Telegram or about what a reminder says; callers pass plain values in and
get plain values (or rows) back.

Exactly-once bookkeeping rests on three things:
- `OutboxMessage.dedupe_key` is unique and every insert is `INSERT ... ON CONFLICT DO NOTHING`, so
  planning the same message twice (a retry, a second process, a re-run) cannot create a second row;
- a claim moves due rows from `pending` to `sending` in one statement (`FOR UPDATE SKIP LOCKED` on
  PostgreSQL, so several dispatchers never claim the same row; SQLite has one writer at a time);
- a row left in `sending` by a dispatcher that died is put back to `pending` once its lease ran out.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, and_, cast, delete, func, literal, or_, select, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    AdminUser,
    ChatSettings,
    Event,
    Negotiation,
    OutboxMessage,
    OutboxState,
    Source,
    Subscription,
)

OM = OutboxMessage.__table__
SUB = Subscription.__table__
CHAT = ChatSettings.__table__

PENDING = OutboxState.PENDING.value
SENDING = OutboxState.SENDING.value
SENT = OutboxState.SENT.value
FAILED = OutboxState.FAILED.value
DROPPED = OutboxState.DROPPED.value

INSERT_CHUNK = 1000


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


def _insert(session: AsyncSession, table: Any) -> Any:
    return (postgresql.insert(table) if _dialect(session) == "postgresql" else sqlite.insert(table))


# --- subscriptions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    """One active subscription that covers an event, with what its chat has chosen."""

    subscription_id: int
    chat_id: int
    event_id: int | None  # None: the whole negotiation
    lead_times: str | None  # the subscription's own, else the chat's (None: the deployment default)
    timezone: str | None
    language: str | None


async def find_subscription(
    session: AsyncSession, chat_id: int, negotiation_id: int, event_id: int | None
) -> Subscription | None:
    query = select(Subscription).where(
        Subscription.chat_id == chat_id,
        Subscription.negotiation_id == negotiation_id,
        Subscription.event_id.is_(None) if event_id is None else Subscription.event_id == event_id,  # type: ignore[union-attr]
    )
    return (await session.execute(query)).scalars().first()


async def upsert_subscription(
    session: AsyncSession,
    *,
    chat_id: int,
    user_id: int | None,
    negotiation_id: int,
    event_id: int | None,
    lead_times: str | None,
    timezone: str | None,
    now: datetime,
) -> tuple[Subscription, bool]:
    """The chat's subscription to this scope, created or re-activated; `True` if it was not active."""
    values = dict(
        chat_id=chat_id, user_id=user_id, negotiation_id=negotiation_id, event_id=event_id,
        lead_times=lead_times, timezone=timezone, active=True, created_at=now, updated_at=now,
    )
    await session.execute(_insert(session, SUB).values(**values).on_conflict_do_nothing())
    row = await find_subscription(session, chat_id, negotiation_id, event_id)
    assert row is not None
    was_inactive = not row.active or row.created_at == now
    if not row.active or row.lead_times != lead_times or row.timezone != timezone:
        await session.execute(
            update(SUB).where(SUB.c.id == row.id).values(active=True, lead_times=lead_times, timezone=timezone, updated_at=now)
        )
        await session.refresh(row)
    return row, was_inactive


async def get_subscription(session: AsyncSession, subscription_id: int) -> Subscription | None:
    return await session.get(Subscription, subscription_id)


async def chat_subscriptions(session: AsyncSession, chat_id: int) -> list[Subscription]:
    query = (
        select(Subscription)
        .where(Subscription.chat_id == chat_id, Subscription.active.is_(True))  # type: ignore[attr-defined]
        .order_by(Subscription.negotiation_id, Subscription.event_id.is_not(None), Subscription.id)  # type: ignore[union-attr]
    )
    return list((await session.execute(query)).scalars())


async def deactivate_subscriptions(session: AsyncSession, ids: Sequence[int], now: datetime) -> int:
    """Switch subscriptions off and remove their pending rows (a message already being sent goes out)."""
    if not ids:
        return 0
    await session.execute(update(SUB).where(SUB.c.id.in_(list(ids))).values(active=False, updated_at=now))
    result = await session.execute(
        delete(OM).where(OM.c.subscription_id.in_(list(ids)), OM.c.state == PENDING)
    )
    return result.rowcount or 0


async def chat_recipients(session: AsyncSession, chat_id: int, event_id: int, negotiation_id: int, key_date: bool) -> list[Recipient]:
    """The chat's active subscriptions that cover this event."""
    return [r async for batch in iter_recipients(session, event_id, negotiation_id, key_date, chat_id=chat_id) for r in batch]


async def iter_recipients(
    session: AsyncSession,
    event_id: int,
    negotiation_id: int,
    key_date: bool,
    *,
    chat_id: int | None = None,
    subscription_id: int | None = None,
    batch_size: int = 2000,
) -> AsyncIterator[list[Recipient]]:
    """Active subscriptions covering an event, in batches (keyset pagination: memory stays flat).

    An event is covered by subscriptions to it and, when it is a key date, by subscriptions to its
    whole negotiation. Chats that blocked the bot are left out.
    """
    scope = SUB.c.event_id == event_id
    if key_date:
        scope = or_(scope, and_(SUB.c.event_id.is_(None), SUB.c.negotiation_id == negotiation_id))
    conditions = [scope, SUB.c.active.is_(True), or_(CHAT.c.active.is_(None), CHAT.c.active.is_(True))]
    if chat_id is not None:
        conditions.append(SUB.c.chat_id == chat_id)
    if subscription_id is not None:
        conditions.append(SUB.c.id == subscription_id)
    last = 0
    while True:
        query = (
            select(
                SUB.c.id, SUB.c.chat_id, SUB.c.event_id,
                func.coalesce(SUB.c.lead_times, CHAT.c.lead_times),
                func.coalesce(SUB.c.timezone, CHAT.c.timezone),
                CHAT.c.language,
            )
            .select_from(SUB.outerjoin(CHAT, CHAT.c.chat_id == SUB.c.chat_id))
            .where(*conditions, SUB.c.id > last)
            .order_by(SUB.c.id)
            .limit(batch_size)
        )
        rows = (await session.execute(query)).all()
        if not rows:
            return
        yield [Recipient(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]
        last = rows[-1][0]
        if len(rows) < batch_size:
            return


async def negotiation_chat_count(session: AsyncSession, negotiation_id: int) -> int:
    query = select(func.count(func.distinct(SUB.c.chat_id))).where(SUB.c.negotiation_id == negotiation_id, SUB.c.active.is_(True))
    return int((await session.execute(query)).scalar_one())


# --- timeline facts planning needs ------------------------------------------------------------------


async def event_row(session: AsyncSession, event_id: int) -> Event | None:
    return await session.get(Event, event_id)


async def negotiation_row(session: AsyncSession, negotiation_id: int) -> Negotiation | None:
    return await session.get(Negotiation, negotiation_id)


async def event_sources(session: AsyncSession, event_id: int) -> list[Source]:
    return list((await session.execute(select(Source).where(Source.event_id == event_id).order_by(Source.id))).scalars())


async def upcoming_key_events(session: AsyncSession, negotiation_id: int, now: datetime) -> list[Event]:
    """Live key dates of a negotiation that have not passed (a day or month date counts till its end)."""
    query = (
        select(Event)
        .where(
            Event.negotiation_id == negotiation_id,
            Event.is_key_date.is_(True),  # type: ignore[attr-defined]
            Event.deleted_at.is_(None),  # type: ignore[union-attr]
            Event.starts_at.is_not(None),  # type: ignore[union-attr]
            Event.starts_at >= now - timedelta(days=31),  # type: ignore[operator]
        )
        .order_by(Event.starts_at, Event.id)
    )
    return list((await session.execute(query)).scalars())


async def is_admin(session: AsyncSession, user_id: int) -> bool:
    return (await session.get(AdminUser, user_id)) is not None


async def chat_settings_row(session: AsyncSession, chat_id: int) -> ChatSettings | None:
    return await session.get(ChatSettings, chat_id)


# --- writing the outbox -------------------------------------------------------------------------------


async def insert_messages(session: AsyncSession, rows: Iterable[dict[str, Any]]) -> int:
    """Insert outbox rows; a row whose `dedupe_key` exists already is skipped. Returns how many were new."""
    inserted = 0
    chunk: list[dict[str, Any]] = []

    async def flush() -> int:
        if not chunk:
            return 0
        stmt = _insert(session, OM).on_conflict_do_nothing(index_elements=[OM.c.dedupe_key]).returning(OM.c.id)
        result = await session.execute(stmt, chunk)
        count = len(result.all())
        chunk.clear()
        return count

    for row in rows:
        chunk.append(_complete(row))
        if len(chunk) >= INSERT_CHUNK:
            inserted += await flush()
    inserted += await flush()
    return inserted


def _complete(row: dict[str, Any]) -> dict[str, Any]:
    full = {
        "reply_markup": None, "not_after": None, "state": PENDING, "attempts": 0, "last_error": "",
        "subscription_id": None, "event_id": None, "claimed_by": None, "claimed_at": None, "sent_at": None,
        "language": None, "late": False,
    }
    full.update(row)
    full.setdefault("created_at", full["due_at"])
    return full


async def delete_pending(session: AsyncSession, *, event_id: int, kinds: Sequence[str]) -> int:
    """Remove an event's not-yet-sent rows of these kinds (re-planning replaces them)."""
    result = await session.execute(
        delete(OM).where(OM.c.event_id == event_id, OM.c.state == PENDING, OM.c.kind.in_(list(kinds)))
    )
    return result.rowcount or 0


async def delete_pending_for_chat(session: AsyncSession, *, chat_id: int, kinds: Sequence[str]) -> int:
    """Remove a chat's not-yet-sent rows of these kinds (its zone or lead times changed)."""
    result = await session.execute(
        delete(OM).where(OM.c.chat_id == chat_id, OM.c.state == PENDING, OM.c.kind.in_(list(kinds)))
    )
    return result.rowcount or 0


async def fan_out(
    session: AsyncSession,
    *,
    negotiation_id: int,
    kind: str,
    text: str,
    key_prefix: str,
    due_at: datetime,
    now: datetime,
) -> int:
    """One row per active subscriber chat of a negotiation, in one INSERT ... SELECT (no rows in memory).

    The key is `key_prefix` + chat id, so running the same fan-out twice adds nothing.
    """
    chats = (
        select(SUB.c.chat_id)
        .select_from(SUB.outerjoin(CHAT, CHAT.c.chat_id == SUB.c.chat_id))
        .where(SUB.c.negotiation_id == negotiation_id, SUB.c.active.is_(True), or_(CHAT.c.active.is_(None), CHAT.c.active.is_(True)))
        .distinct()
        .subquery()
    )
    source = select(
        chats.c.chat_id,
        literal(kind, String),
        literal(text, String),
        (literal(key_prefix, String) + cast(chats.c.chat_id, String)),
        literal(due_at, OM.c.due_at.type),
        literal(PENDING, String),
        literal(0),
        literal("", String),
        literal(False, OM.c.late.type),
        literal(now, OM.c.created_at.type),
    ).where(true())  # SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT (parsing ambiguity)
    stmt = _insert(session, OM).from_select(
        ["chat_id", "kind", "text", "dedupe_key", "due_at", "state", "attempts", "last_error", "late", "created_at"],
        source,
    ).on_conflict_do_nothing(index_elements=[OM.c.dedupe_key])
    result = await session.execute(stmt)
    return result.rowcount or 0


# --- the dispatcher's side --------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimedMessage:
    id: int
    chat_id: int
    kind: str
    text: str
    reply_markup: dict[str, Any] | None
    due_at: datetime
    not_after: datetime | None
    attempts: int  # including this one
    language: str | None
    subscription_id: int | None


_CLAIM_COLUMNS = (
    OM.c.id, OM.c.chat_id, OM.c.kind, OM.c.text, OM.c.reply_markup, OM.c.due_at, OM.c.not_after,
    OM.c.attempts, OM.c.language, OM.c.subscription_id,
)


async def claim_due(session: AsyncSession, *, worker: str, now: datetime, limit: int) -> list[ClaimedMessage]:
    """Move up to `limit` due rows from pending to sending for `worker`, oldest due first.

    One statement: `UPDATE ... WHERE id IN (SELECT ... ORDER BY due_at LIMIT n FOR UPDATE SKIP LOCKED)
    RETURNING ...` (the lock clause is PostgreSQL's; SQLite serialises writers instead). The inner
    select walks the (state, due_at) index and stops after `limit` rows, however large the outbox.
    """
    due = (
        select(OM.c.id)
        .where(OM.c.state == PENDING, OM.c.due_at <= now)
        .order_by(OM.c.due_at, OM.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    stmt = (
        update(OM)
        .where(OM.c.id.in_(due.scalar_subquery()))
        .values(state=SENDING, claimed_by=worker, claimed_at=now, attempts=OM.c.attempts + 1)
        .returning(*_CLAIM_COLUMNS)
    )
    rows = (await session.execute(stmt)).all()
    claimed = [ClaimedMessage(*row) for row in rows]
    claimed.sort(key=lambda m: (m.due_at, m.id))
    return claimed


async def reclaim_stale(session: AsyncSession, *, now: datetime, lease: timedelta) -> int:
    """Rows claimed longer than `lease` ago by a dispatcher that died go back to pending."""
    result = await session.execute(
        update(OM)
        .where(OM.c.state == SENDING, OM.c.claimed_at < now - lease)
        .values(state=PENDING, claimed_by=None, claimed_at=None)
    )
    return result.rowcount or 0


async def next_due_at(session: AsyncSession) -> datetime | None:
    query = select(OM.c.due_at).where(OM.c.state == PENDING).order_by(OM.c.due_at).limit(1)
    return (await session.execute(query)).scalar_one_or_none()


async def mark_sent(session: AsyncSession, ids: Sequence[int], *, now: datetime, late: bool = False) -> None:
    if ids:
        await session.execute(
            update(OM).where(OM.c.id.in_(list(ids))).values(state=SENT, sent_at=now, last_error="", late=late)
        )


async def mark_final(session: AsyncSession, ids: Sequence[int], *, state: str, error: str) -> None:
    """`failed` (Telegram refused it) or `dropped` (no longer worth sending), with the reason."""
    if ids:
        await session.execute(update(OM).where(OM.c.id.in_(list(ids))).values(state=state, last_error=error[:1000]))


async def release(
    session: AsyncSession, message_id: int, *, due_at: datetime, error: str, count_attempt: bool = True
) -> None:
    """Put a claimed row back for a later try (429, timeout, 5xx, chat busy)."""
    values: dict[str, Any] = dict(state=PENDING, due_at=due_at, claimed_by=None, claimed_at=None, last_error=error[:1000])
    if not count_attempt:
        values["attempts"] = OM.c.attempts - 1
    await session.execute(update(OM).where(OM.c.id == message_id, OM.c.state == SENDING).values(**values))


async def block_chat(session: AsyncSession, chat_id: int, *, now: datetime, error: str) -> int:
    """The chat blocked the bot (403): deactivate the chat and its subscriptions, drop what is queued."""
    stmt = _insert(session, CHAT).values(chat_id=chat_id, active=False, created_at=now, updated_at=now)
    await session.execute(
        stmt.on_conflict_do_update(index_elements=[CHAT.c.chat_id], set_={"active": False, "updated_at": now})
    )
    await session.execute(update(SUB).where(SUB.c.chat_id == chat_id, SUB.c.active.is_(True)).values(active=False, updated_at=now))
    result = await session.execute(
        update(OM).where(OM.c.chat_id == chat_id, OM.c.state == PENDING).values(state=DROPPED, last_error=error[:1000])
    )
    return result.rowcount or 0


async def state_counts(session: AsyncSession) -> dict[str, int]:
    rows = (await session.execute(select(OM.c.state, func.count()).group_by(OM.c.state))).all()
    return {state: count for state, count in rows}
