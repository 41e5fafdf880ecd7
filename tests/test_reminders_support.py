"""Helpers shared by the reminder, outbox and dispatcher tests (no tests here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from sqlalchemy import select

from bot.changes import EventChange
from bot.reminders import configure, on_event_change
from bot.reminders.dispatcher import Outgoing
from bot.reminders.service import Defaults
from storage.db import Database
from storage.models import (
    ChatSettings,
    Event,
    Negotiation,
    OutboxMessage,
    Source,
    Subscription,
)
from storage.timeutil import utcnow


def use_defaults(timezone: str = "UTC", language: str = "en", lead_times: str = "1w,1d,1h", admin_ids: frozenset[int] = frozenset()) -> None:
    configure(Defaults(timezone=timezone, language=language, lead_times=lead_times, admin_ids=admin_ids))


async def make_negotiation(db: Database, key: str = "ankara", title: str = "Ankara talks") -> int:
    async with db.session() as session:
        negotiation = Negotiation(key=key, title=title)
        session.add(negotiation)
        await session.commit()
        return negotiation.id or 0


async def make_event(
    db: Database,
    negotiation_id: int,
    *,
    title: str = "Joint patrols begin",
    starts_at: datetime,
    precision: str = "exact",
    timezone: str = "Europe/Istanbul",
    status: str = "scheduled",
    key_date: bool = True,
    place: str = "M4 highway",
    key: str | None = None,
) -> int:
    async with db.session() as session:
        event = Event(
            negotiation_id=negotiation_id, key=key or title.lower().replace(" ", "-"), title=title,
            starts_at=starts_at, precision=precision, timezone=timezone, status=status, is_key_date=key_date,
            place=place,
        )
        session.add(event)
        await session.flush()
        session.add(Source(event_id=event.id, publisher="Al Jazeera", attribution="Hulusi Akar", url="https://example.org/a"))
        await session.commit()
        return event.id or 0


async def set_chat(db: Database, chat_id: int, **values: Any) -> None:
    async with db.session() as session:
        row = await session.get(ChatSettings, chat_id)
        if row is None:
            row = ChatSettings(chat_id=chat_id)
            session.add(row)
        for name, value in values.items():
            setattr(row, name, value)
        await session.commit()


async def edit_event(db: Database, event_id: int, kind: str = "moved", **values: Any) -> EventChange:
    """What the admin code does: change the row, bump the version, call on_event_change, commit once."""
    async with db.session() as session:
        event = await session.get(Event, event_id)
        assert event is not None
        change = EventChange(
            event_id=event_id, negotiation_id=event.negotiation_id, kind=kind, actor="admin:1",  # type: ignore[arg-type]
            version=event.version + 1, title=event.title,
            old_starts_at=event.starts_at, new_starts_at=values.get("starts_at", event.starts_at),
            old_precision=event.precision, new_precision=values.get("precision", event.precision),
            old_timezone=event.timezone, new_timezone=values.get("timezone", event.timezone),
            old_status=event.status, new_status=values.get("status", event.status),
        )
        for name, value in values.items():
            setattr(event, name, value)
        if kind == "deleted":
            event.deleted_at = utcnow()
        event.version += 1
        await on_event_change(session, change)
        await session.commit()
        return change


async def rows(db: Database, **filters: Any) -> list[OutboxMessage]:
    async with db.session() as session:
        query = select(OutboxMessage).order_by(OutboxMessage.due_at, OutboxMessage.id)
        for name, value in filters.items():
            query = query.where(getattr(OutboxMessage, name) == value)
        return list((await session.execute(query)).scalars())


async def subscriptions(db: Database) -> list[Subscription]:
    async with db.session() as session:
        return list((await session.execute(select(Subscription).order_by(Subscription.id))).scalars())


@dataclass
class RecordingSender:
    """A `Sender` that records what it was asked to send; `fail` decides per message what to raise."""

    sent: list[Outgoing] = field(default_factory=list)
    fail: Callable[[Outgoing], BaseException | None] | None = None
    attempts: int = 0

    async def send(self, message: Outgoing) -> None:
        self.attempts += 1
        if self.fail is not None:
            error = self.fail(message)
            if error is not None:
                raise error
        self.sent.append(message)
