"""What each chat has chosen (language, zone, reminder lead times, negotiation), with defaults.

Precedence: the chat's own choice, then the user's Telegram language (when it is one we speak),
then the deployment's settings.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from bot.config import Settings, format_lead_time, parse_lead_times
from bot.reminders.service import replan_chat
from bot.ui_text import LANGUAGES
from bot.zones import resolve_zone
from storage.db import Database
from storage.models import ChatSettings
from storage.timeutil import utcnow


class PreferenceError(ValueError):
    """A value a user typed for a setting is not valid; the message says what was wrong."""


@dataclass(frozen=True)
class ChatPrefs:
    chat_id: int
    language: str
    timezone: str
    lead_times: str
    negotiation_id: int | None
    active: bool = True


def language_from_telegram(code: str | None, fallback: str) -> str:
    """`tr-TR` → `tr`; languages we do not speak fall back to the deployment default."""
    if code:
        base = code.split("-")[0].lower()
        if base in LANGUAGES:
            return base
    return fallback


@dataclass(frozen=True)
class StoredPrefs:
    """What the database holds for a chat (None: not chosen), before defaults are applied."""

    language: str | None = None
    timezone: str | None = None
    lead_times: str | None = None
    negotiation_id: int | None = None
    active: bool = True


async def load_stored(database: Database, chat_id: int) -> StoredPrefs:
    async with database.session() as session:
        row = await session.get(ChatSettings, chat_id)
    if row is None:
        return StoredPrefs()
    return StoredPrefs(row.language, row.timezone, row.lead_times, row.negotiation_id, bool(row.active))


def resolve_prefs(chat_id: int, stored: StoredPrefs, settings: Settings, telegram_language: str | None) -> ChatPrefs:
    """The chat's choices with the defaults filled in (the language may depend on who is writing)."""
    return ChatPrefs(
        chat_id=chat_id,
        language=stored.language or language_from_telegram(telegram_language, settings.default_language),
        timezone=stored.timezone or settings.default_timezone,
        lead_times=stored.lead_times or settings.reminder_lead_times,
        negotiation_id=stored.negotiation_id,
        active=stored.active,
    )


async def prefs_for(database: Database, settings: Settings, chat_id: int, telegram_language: str | None) -> ChatPrefs:
    return resolve_prefs(chat_id, await load_stored(database, chat_id), settings, telegram_language)


class PrefsCache:
    """Chats' stored choices in memory, so answering a message costs no database round trip.

    Writes made through the bot go to the database first and then `forget()` the chat (the next
    read reloads it). Entries also expire after `ttl` seconds, which bounds how long a change made
    elsewhere (the reminder dispatcher marking a chat inactive, another process) goes unseen.
    """

    def __init__(self, ttl: float = 60.0, max_entries: int = 50_000) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: dict[int, tuple[float, StoredPrefs]] = {}
        self._writes = 0  # bumped by forget(): a read that raced with a write is not cached

    async def get(self, database: Database, chat_id: int) -> StoredPrefs:
        now = time.monotonic()
        entry = self._entries.get(chat_id)
        if entry is not None and entry[0] > now:
            return entry[1]
        writes = self._writes
        stored = await load_stored(database, chat_id)
        if writes != self._writes:
            return stored
        if len(self._entries) >= self.max_entries:
            # drop the oldest tenth (dicts keep insertion order; refreshed entries move to the end)
            for key in list(self._entries)[: self.max_entries // 10 or 1]:
                del self._entries[key]
        self._entries.pop(chat_id, None)
        self._entries[chat_id] = (now + self.ttl, stored)
        return stored

    def forget(self, chat_id: int) -> None:
        self._writes += 1
        self._entries.pop(chat_id, None)


async def _update(database: Database, chat_id: int, **values: object) -> None:
    # Two updates of a new chat can race to create its row (concurrent updates, e.g. a block and the
    # 403 it causes): the loser of the INSERT retries and finds the row.
    for attempt in (1, 2):
        try:
            async with database.session() as session:
                row = await session.get(ChatSettings, chat_id)
                if row is None:
                    row = ChatSettings(chat_id=chat_id)
                    session.add(row)
                for name, value in values.items():
                    setattr(row, name, value)
                row.updated_at = utcnow()
                await session.commit()
            return
        except IntegrityError:
            if attempt == 2:
                raise


async def set_language(database: Database, chat_id: int, language: str) -> None:
    if language not in LANGUAGES:
        raise PreferenceError(f"unknown language {language!r}; choose en, tr or ru")
    await _update(database, chat_id, language=language)


async def set_timezone(database: Database, chat_id: int, text: str) -> str:
    zone = resolve_zone(text)
    if zone is None:
        raise PreferenceError(text)
    await _update(database, chat_id, timezone=zone)
    await replan_chat(database, chat_id)  # pending reminders move to the new local times
    return zone


async def set_lead_times(database: Database, chat_id: int, text: str) -> str:
    try:
        normalized = ",".join(format_lead_time(d) for d in parse_lead_times(text))
    except ValueError as exc:
        raise PreferenceError(str(exc)) from None
    await _update(database, chat_id, lead_times=normalized)
    await replan_chat(database, chat_id)
    return normalized


async def set_negotiation(database: Database, chat_id: int, negotiation_id: int) -> None:
    await _update(database, chat_id, negotiation_id=negotiation_id)


async def set_active(database: Database, chat_id: int, active: bool) -> None:
    """403 from Telegram (the user blocked the bot) marks the chat inactive; a new message revives it."""
    await _update(database, chat_id, active=active)
