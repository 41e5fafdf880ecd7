"""Subscribing, unsubscribing, re-planning on change, announcing: the reminders' domain operations.

Planning writes outbox rows (never sends); the dispatcher drains them. Every row's dedupe key names
the recipient chat, the event, the reminder slot and the event's version, so re-planning is always
"insert what is missing" and a chat with two subscriptions covering one date still gets one reminder:

    rem:<chat>:<event>:<slot>:v<version>   a reminder (slot: s3600 = 1 h before, d1 = the day before, m1)
    chg:<chat>:<event>:v<version>          a change notice (one per chat and change)
    ann:<announcement>:<chat>              an announcement
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.changes import EventChange
from bot.config import Settings
from bot.reminders import messages
from bot.reminders.messages import EventFacts
from bot.reminders.planning import Slot, lead_times_of, reminder_slots, zone_or
from bot.snapshot import SourceRef, When
from storage import outbox
from storage.db import Database
from storage.models import Event

log = logging.getLogger("bot.reminders")

ANNOUNCEMENT_LIMIT = 3500


class ReminderError(Exception):
    """A request the user can fix; `key` names the text that explains it."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Defaults:
    timezone: str = "UTC"
    language: str = "en"
    lead_times: str = "1d,1h"
    admin_ids: frozenset[int] = frozenset()

    @classmethod
    def from_settings(cls, settings: Settings) -> "Defaults":
        return cls(settings.default_timezone, settings.default_language, settings.reminder_lead_times, settings.admin_ids)


_defaults: Defaults | None = None


def configure(settings: Settings | Defaults) -> None:
    """Called once at start-up (post_init) so `on_event_change` knows the deployment's defaults."""
    global _defaults
    _defaults = settings if isinstance(settings, Defaults) else Defaults.from_settings(settings)


def defaults() -> Defaults:
    global _defaults
    if _defaults is None:
        from bot.config import load_settings

        _defaults = Defaults.from_settings(load_settings())
    return _defaults


# --- plain values handed to the renderer --------------------------------------------------------------


@dataclass(frozen=True)
class PlannedReminder:
    event: EventFacts
    slot: Slot


@dataclass(frozen=True)
class SubscribeResult:
    subscription_id: int
    negotiation_title: str
    event: EventFacts | None  # None: the whole negotiation
    language: str
    zone: str
    lead_times: tuple[timedelta, ...]
    planned: tuple[PlannedReminder, ...]  # earliest first
    reason: str | None = None  # why nothing is planned: too_close, past, approximate, not_scheduled, none_upcoming


@dataclass(frozen=True)
class SubscriptionView:
    id: int
    negotiation_title: str
    event: EventFacts | None
    lead_times: tuple[timedelta, ...]
    zone: str


# --- facts ---------------------------------------------------------------------------------------------


async def event_facts(session: AsyncSession, event: Event) -> EventFacts:
    sources = await outbox.event_sources(session, event.id or 0)
    return EventFacts(
        id=event.id or 0,
        negotiation_id=event.negotiation_id,
        title=event.title,
        when=When(event.starts_at, event.precision, event.timezone, event.ends_at),
        status=event.status,
        place=event.place,
        is_key_date=event.is_key_date,
        version=event.version,
        deleted=event.deleted_at is not None,
        translations=event.translations or {},
        sources=tuple(
            SourceRef(s.publisher, s.title, s.url, s.published_on, s.attribution, s.quote) for s in sources
        ),
    )


def _slots_for(event: EventFacts, recipient: outbox.Recipient, d: Defaults, now: datetime) -> tuple[str, str, list[Slot]]:
    language = recipient.language or d.language
    zone = zone_or(recipient.timezone, d.timezone)
    leads = lead_times_of(recipient.lead_times, default=d.lead_times)
    slots = reminder_slots(
        starts_at=event.when.starts_at, precision=event.when.precision, event_zone=event.when.timezone,
        status=event.status, deleted=event.deleted, lead_times=leads, reader_zone=zone, now=now,
    )
    return language, zone, slots


class _Planner:
    """Turns recipients into outbox rows for one event, caching texts shared by many readers."""

    def __init__(self, event: EventFacts, d: Defaults, now: datetime) -> None:
        self.event = event
        self.defaults = d
        self.now = now
        self._texts: dict[tuple[Any, ...], str] = {}

    def reminder_rows(self, recipient: outbox.Recipient) -> tuple[list[Slot], list[dict[str, Any]]]:
        language, zone, slots = _slots_for(self.event, recipient, self.defaults, self.now)
        rows = []
        for slot in slots:
            cache_key = ("r", language, zone, slot.key)
            text = self._texts.get(cache_key)
            if text is None:
                text = self._texts[cache_key] = messages.reminder_text(self.event, slot, language, zone)
            rows.append({
                "chat_id": recipient.chat_id,
                "kind": "reminder",
                "text": text,
                "reply_markup": messages.event_keyboard(self.event.id, recipient.subscription_id, language),
                "dedupe_key": f"rem:{recipient.chat_id}:{self.event.id}:{slot.key}:v{self.event.version}",
                "due_at": slot.fire_at,
                "not_after": slot.not_after,
                "subscription_id": recipient.subscription_id,
                "event_id": self.event.id,
                "language": language,
                "created_at": self.now,
            })
        return slots, rows

    def notice_row(self, recipient: outbox.Recipient, change: EventChange, kind: str, slots: list[Slot]) -> dict[str, Any]:
        language = recipient.language or self.defaults.language
        zone = zone_or(recipient.timezone, self.defaults.timezone)
        next_fire = slots[0].fire_at if slots else None
        cache_key = ("n", language, zone, next_fire)
        text = self._texts.get(cache_key)
        if text is None:
            text = self._texts[cache_key] = messages.notice_text(change, self.event, kind, language, zone, next_fire)
        return {
            "chat_id": recipient.chat_id,
            "kind": "change",
            "text": text,
            "reply_markup": None if self.event.deleted else messages.event_keyboard(self.event.id, recipient.subscription_id, language),
            "dedupe_key": f"chg:{recipient.chat_id}:{self.event.id}:v{change.version}",
            "due_at": self.now,
            "subscription_id": recipient.subscription_id,
            "event_id": self.event.id,
            "language": language,
            "created_at": self.now,
        }


async def _plan_event(
    session: AsyncSession, event: EventFacts, now: datetime, *, chat_id: int | None = None, subscription_id: int | None = None
) -> int:
    planner = _Planner(event, defaults(), now)
    inserted = 0
    async for batch in outbox.iter_recipients(
        session, event.id, event.negotiation_id, event.is_key_date, chat_id=chat_id, subscription_id=subscription_id
    ):
        rows: list[dict[str, Any]] = []
        for recipient in batch:
            rows.extend(planner.reminder_rows(recipient)[1])
        inserted += await outbox.insert_messages(session, rows)
    return inserted


# --- the interface the admin code calls -------------------------------------------------------------


async def on_event_change(session: AsyncSession, change: EventChange) -> None:
    """Re-plan an event's reminders and queue one notice per subscriber chat, in the caller's transaction.

    Called by the timeline's edits after an event is created, moved, changed status, edited, deleted
    or restored. Pending reminders of the event are replaced by ones for its new version (so a moved
    date never leaves a reminder for the old one); a message already being sent goes out as it is.
    Nothing is committed here.
    """
    now = clock.now()
    row = await outbox.event_row(session, change.event_id)
    if row is not None:
        event = await event_facts(session, row)
        if change.kind == "deleted" and not event.deleted:
            event = _replace(event, deleted=True)
    else:  # removed for good: all we know is what the change says
        event = EventFacts(
            id=change.event_id, negotiation_id=change.negotiation_id, title=change.title,
            when=When(change.old_starts_at, change.old_precision or "day", change.old_timezone or "UTC"),
            status=change.new_status or change.old_status or "cancelled", version=change.version, deleted=True,
            is_key_date=True,
        )
    if event.version < change.version:
        event = _replace(event, version=change.version)
    removed = await outbox.delete_pending(session, event_id=change.event_id, kinds=("reminder",))
    kind = messages.notice_kind(change)
    planner = _Planner(event, defaults(), now)
    queued = recipients = 0
    async for batch in outbox.iter_recipients(session, event.id, event.negotiation_id, event.is_key_date):
        rows: list[dict[str, Any]] = []
        for recipient in batch:
            slots, reminder_rows = planner.reminder_rows(recipient)
            rows.extend(reminder_rows)
            if kind is not None:
                rows.append(planner.notice_row(recipient, change, kind, slots))
        recipients += len(batch)
        queued += await outbox.insert_messages(session, rows)
    log.info(
        "event %s %s (v%s, by %s): %d pending reminder(s) removed; %d subscription(s), %d row(s) queued, notice: %s",
        change.event_id, change.kind, change.version, change.actor, removed, recipients, queued, kind or "none",
    )


def _replace(event: EventFacts, **changes: Any) -> EventFacts:
    from dataclasses import replace

    return replace(event, **changes)


# --- what the handlers call -------------------------------------------------------------------------


async def _ensure_language(session: AsyncSession, chat_id: int, language: str, now: datetime) -> None:
    """Reminders are written in the language the chat uses with the bot when it subscribes."""
    row = await outbox.chat_settings_row(session, chat_id)
    if row is None:
        from storage.models import ChatSettings

        session.add(ChatSettings(chat_id=chat_id, language=language, created_at=now, updated_at=now))
        await session.flush()
    elif not row.language:
        row.language = language
        row.updated_at = now
        await session.flush()


async def subscribe_event(
    database: Database, *, chat_id: int, user_id: int | None, event_id: int, language: str, now: datetime | None = None
) -> SubscribeResult:
    """Subscribe a chat to one event (the 🔔 button); plans its reminders now."""
    now = now or clock.now()
    d = defaults()
    async with database.session() as session:
        row = await outbox.event_row(session, event_id)
        if row is None or row.deleted_at is not None:
            raise ReminderError("unknown_event")
        await _ensure_language(session, chat_id, language, now)
        sub, _new = await outbox.upsert_subscription(
            session, chat_id=chat_id, user_id=user_id, negotiation_id=row.negotiation_id, event_id=event_id,
            lead_times=None, timezone=None, now=now,
        )
        event = await event_facts(session, row)
        await _plan_event(session, event, now, chat_id=chat_id)
        negotiation = await outbox.negotiation_row(session, row.negotiation_id)
        recipient = (await outbox.chat_recipients(session, chat_id, event_id, row.negotiation_id, row.is_key_date))
        mine = next((r for r in recipient if r.subscription_id == sub.id), None)
        await session.commit()
    lang, zone, slots = _slots_for(event, mine, d, now) if mine else (language, d.timezone, [])
    leads = lead_times_of(mine.lead_times if mine else None, default=d.lead_times)
    reason = None if slots else _why_nothing(event, now)
    return SubscribeResult(
        subscription_id=sub.id or 0, negotiation_title=negotiation.title if negotiation else "", event=event,
        language=lang, zone=zone, lead_times=leads, planned=tuple(PlannedReminder(event, s) for s in slots), reason=reason,
    )


def _why_nothing(event: EventFacts, now: datetime) -> str:
    if event.status != "scheduled":
        return "not_scheduled"
    if event.when.starts_at is None:
        return "approximate"
    if event.when.precision == "approximate":
        return "approximate"
    from bot.reminders.planning import event_end_of_interest

    if event_end_of_interest(event.when.starts_at, None, event.when.precision, event.when.timezone) <= now:
        return "past"
    return "too_close"


async def subscribe_negotiation(
    database: Database, *, chat_id: int, user_id: int | None, negotiation_id: int, language: str, now: datetime | None = None
) -> SubscribeResult:
    """Subscribe a chat to every key date of a negotiation (/subscribe)."""
    now = now or clock.now()
    d = defaults()
    async with database.session() as session:
        negotiation = await outbox.negotiation_row(session, negotiation_id)
        if negotiation is None:
            raise ReminderError("no_negotiation")
        await _ensure_language(session, chat_id, language, now)
        sub, _new = await outbox.upsert_subscription(
            session, chat_id=chat_id, user_id=user_id, negotiation_id=negotiation_id, event_id=None,
            lead_times=None, timezone=None, now=now,
        )
        planned: list[PlannedReminder] = []
        lang, zone, leads = language, d.timezone, lead_times_of(None, default=d.lead_times)
        for row in await outbox.upcoming_key_events(session, negotiation_id, now):
            event = await event_facts(session, row)
            await _plan_event(session, event, now, subscription_id=sub.id)
            recipients = [r async for b in outbox.iter_recipients(session, event.id, negotiation_id, True, subscription_id=sub.id) for r in b]
            for recipient in recipients:
                lang, zone, slots = _slots_for(event, recipient, d, now)
                leads = lead_times_of(recipient.lead_times, default=d.lead_times)
                planned.extend(PlannedReminder(event, s) for s in slots)
        await session.commit()
    planned.sort(key=lambda p: p.slot.fire_at)
    return SubscribeResult(
        subscription_id=sub.id or 0, negotiation_title=negotiation.title, event=None, language=lang, zone=zone,
        lead_times=leads, planned=tuple(planned), reason=None if planned else "none_upcoming",
    )


async def _replan_chat(session: AsyncSession, chat_id: int, now: datetime) -> None:
    """After one of a chat's subscriptions ends, its other ones may want rows the ended one held."""
    for sub in await outbox.chat_subscriptions(session, chat_id):
        if sub.event_id is not None:
            rows = [await outbox.event_row(session, sub.event_id)]
        else:
            rows = await outbox.upcoming_key_events(session, sub.negotiation_id, now)
        for row in rows:
            if row is not None and row.deleted_at is None:
                await _plan_event(session, await event_facts(session, row), now, subscription_id=sub.id)


async def replan_chat(database: Database, chat_id: int, now: datetime | None = None) -> int:
    """The chat changed its time zone or lead times: its pending reminders move to the new times."""
    now = now or clock.now()
    async with database.session() as session:
        removed = await outbox.delete_pending_for_chat(session, chat_id=chat_id, kinds=("reminder",))
        await _replan_chat(session, chat_id, now)
        await session.commit()
    log.info("chat=%s settings changed: %d pending reminder(s) re-planned", chat_id, removed)
    return removed


async def unsubscribe(database: Database, *, chat_id: int, subscription_id: int, now: datetime | None = None) -> SubscriptionView:
    """End one of this chat's subscriptions (a button under a reminder or /reminders)."""
    now = now or clock.now()
    async with database.session() as session:
        sub = await outbox.get_subscription(session, subscription_id)
        if sub is None or sub.chat_id != chat_id or not sub.active:
            raise ReminderError("not_subscribed")
        view = await _view(session, sub)
        await outbox.deactivate_subscriptions(session, [subscription_id], now)
        await _replan_chat(session, chat_id, now)
        await session.commit()
    log.info("chat=%s unsubscribed from subscription %s", chat_id, subscription_id)
    return view


async def unsubscribe_all(database: Database, *, chat_id: int, now: datetime | None = None) -> int:
    """/unsubscribe: end every subscription of this chat."""
    now = now or clock.now()
    async with database.session() as session:
        ids = [s.id for s in await outbox.chat_subscriptions(session, chat_id) if s.id is not None]
        await outbox.deactivate_subscriptions(session, ids, now)
        await session.commit()
    log.info("chat=%s unsubscribed from all (%d)", chat_id, len(ids))
    return len(ids)


async def _view(session: AsyncSession, sub: Any) -> SubscriptionView:
    d = defaults()
    negotiation = await outbox.negotiation_row(session, sub.negotiation_id)
    chat = await outbox.chat_settings_row(session, sub.chat_id)
    event = None
    if sub.event_id is not None:
        row = await outbox.event_row(session, sub.event_id)
        if row is not None:
            event = await event_facts(session, row)
    return SubscriptionView(
        id=sub.id or 0,
        negotiation_title=negotiation.title if negotiation else "",
        event=event,
        lead_times=lead_times_of(sub.lead_times, chat.lead_times if chat else None, default=d.lead_times),
        zone=zone_or(sub.timezone or (chat.timezone if chat else None), d.timezone),
    )


async def list_subscriptions(database: Database, *, chat_id: int) -> list[SubscriptionView]:
    async with database.session() as session:
        return [await _view(session, sub) for sub in await outbox.chat_subscriptions(session, chat_id)]


async def is_admin(database: Database, user_id: int | None, admin_ids: Iterable[int] = ()) -> bool:
    if user_id is None:
        return False
    if user_id in set(admin_ids) or user_id in defaults().admin_ids:
        return True
    async with database.session() as session:
        return await outbox.is_admin(session, user_id)


async def announce(
    database: Database, *, user_id: int | None, negotiation_id: int, text: str, announcement_id: str,
    admin_ids: Iterable[int] = (), now: datetime | None = None,
) -> int:
    """/announce: one message to every subscriber chat of a negotiation, through the outbox.

    `announcement_id` makes it idempotent (the handler passes the command's chat and message id),
    so a re-delivered update does not announce twice. Returns the number of chats queued.
    """
    now = now or clock.now()
    if not await is_admin(database, user_id, admin_ids):
        raise ReminderError("not_admin")
    text = text.strip()
    if not text:
        raise ReminderError("announce_usage")
    if len(text) > ANNOUNCEMENT_LIMIT:
        raise ReminderError("announce_too_long", length=len(text), limit=ANNOUNCEMENT_LIMIT)
    async with database.session() as session:
        negotiation = await outbox.negotiation_row(session, negotiation_id)
        if negotiation is None:
            raise ReminderError("no_negotiation")
        count = await outbox.fan_out(
            session, negotiation_id=negotiation_id, kind="announcement",
            text=messages.announcement_text(negotiation.title, text), key_prefix=f"ann:{announcement_id}:",
            due_at=now, now=now,
        )
        await session.commit()
    log.info("announcement %s by user %s to %d chat(s) of negotiation %s", announcement_id, user_id, count, negotiation_id)
    return count


def lead_times_label(leads: Iterable[timedelta], language: str) -> str:
    """`1 day, 1 hour` / `1 gün, 1 saat` / `1 день, 1 час`: how readers say lead times."""
    return ", ".join(messages.duration_text(lead, language) for lead in leads)
