"""What each chat has chosen (language, zone, reminder lead times, negotiation), with defaults.

Precedence: the chat's own choice, then the user's Telegram language (when it is one we speak),
then the deployment's settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings, format_lead_time, parse_lead_times
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


async def prefs_for(database: Database, settings: Settings, chat_id: int, telegram_language: str | None) -> ChatPrefs:
    async with database.session() as session:
        row = await session.get(ChatSettings, chat_id)
    return ChatPrefs(
        chat_id=chat_id,
        language=(row.language if row and row.language else language_from_telegram(telegram_language, settings.default_language)),
        timezone=(row.timezone if row and row.timezone else settings.default_timezone),
        lead_times=(row.lead_times if row and row.lead_times else settings.reminder_lead_times),
        negotiation_id=row.negotiation_id if row else None,
        active=row.active if row else True,
    )


async def _update(database: Database, chat_id: int, **values: object) -> None:
    async with database.session() as session:
        row = await session.get(ChatSettings, chat_id)
        if row is None:
            row = ChatSettings(chat_id=chat_id)
            session.add(row)
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_at = utcnow()
        await session.commit()


async def set_language(database: Database, chat_id: int, language: str) -> None:
    if language not in LANGUAGES:
        raise PreferenceError(f"unknown language {language!r}; choose en, tr or ru")
    await _update(database, chat_id, language=language)


async def set_timezone(database: Database, chat_id: int, text: str) -> str:
    zone = resolve_zone(text)
    if zone is None:
        raise PreferenceError(text)
    await _update(database, chat_id, timezone=zone)
    return zone


async def set_lead_times(database: Database, chat_id: int, text: str) -> str:
    try:
        normalized = ",".join(format_lead_time(d) for d in parse_lead_times(text))
    except ValueError as exc:
        raise PreferenceError(str(exc)) from None
    await _update(database, chat_id, lead_times=normalized)
    return normalized


async def set_negotiation(database: Database, chat_id: int, negotiation_id: int) -> None:
    await _update(database, chat_id, negotiation_id=negotiation_id)


async def set_active(database: Database, chat_id: int, active: bool) -> None:
    """403 from Telegram (the user blocked the bot) marks the chat inactive; a new message revives it."""
    await _update(database, chat_id, active=active)
