"""Helpers every handler shares: the chat's context, and sending that survives Telegram hiccups."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from telegram import InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import ContextTypes

from bot import clock
from bot.preferences import ChatPrefs, PrefsCache, resolve_prefs, set_active
from bot.render import split_message
from bot.services import Services
from bot.snapshot import NegotiationView

log = logging.getLogger("bot.handlers")

SEND_ATTEMPTS = 3
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # a source link must not unfurl a big preview card


@dataclass
class ChatContext:
    services: Services
    prefs: ChatPrefs
    now: datetime

    @property
    def language(self) -> str:
        return self.prefs.language

    @property
    def zone(self) -> str:
        return self.prefs.timezone

    def negotiation(self) -> NegotiationView | None:
        """The chat's chosen negotiation; the only one when there is just one; else None."""
        snapshot = self.services.timeline.snapshot
        if self.prefs.negotiation_id is not None:
            chosen = snapshot.negotiation(self.prefs.negotiation_id)
            if chosen is not None:
                return chosen
        if len(snapshot.negotiations) == 1:
            return snapshot.negotiations[0]
        return None

    def scope(self) -> int | None:
        """The negotiation questions are answered from (None: all of them)."""
        negotiation = self.negotiation()
        return negotiation.id if negotiation else None


def services_of(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data["services"]


def prefs_cache(context: ContextTypes.DEFAULT_TYPE) -> PrefsCache:
    cache = context.application.bot_data.get("prefs_cache")
    if cache is None:
        cache = context.application.bot_data["prefs_cache"] = PrefsCache()
    return cache


def forget_prefs(context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> None:
    """Call after writing a chat's settings, so the next update reads them afresh."""
    prefs_cache(context).forget(chat_id)


async def chat_context(update: Update, context: ContextTypes.DEFAULT_TYPE) -> ChatContext:
    services = services_of(context)
    chat = update.effective_chat
    user = update.effective_user
    chat_id = chat.id if chat else (user.id if user else 0)
    stored = await prefs_cache(context).get(services.database, chat_id)
    prefs = resolve_prefs(chat_id, stored, services.settings, user.language_code if user else None)
    if chat and not prefs.active:
        await set_active(services.database, chat_id, True)  # they wrote again: they unblocked us
        forget_prefs(context, chat_id)
        log.info("chat=%s is active again", chat_id)
    return ChatContext(services=services, prefs=prefs, now=clock.now())


async def answer_query(update: Update) -> None:
    """Stop the button's spinner. A query Telegram no longer accepts (too old: the bot was down when
    it was pressed) must not stop the button from doing its work, so that refusal is only logged."""
    query = update.callback_query
    if query is None:
        return
    try:
        await query.answer()
    except BadRequest as exc:
        log.info("chat=%s callback query not answered: %s", update.effective_chat.id if update.effective_chat else None, exc)


def retry_after_seconds(exc: RetryAfter) -> float:
    """`retry_after` is a timedelta with PTB_TIMEDELTA=1 (set in bot/__init__), else seconds."""
    value = exc.retry_after
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)


async def with_retries(call: Any, *args: Any, **kwargs: Any) -> Any:
    """Retry timeouts and 5xx with backoff; wait out a 429 for as long as Telegram asks."""
    delay = 0.5
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            return await call(*args, **kwargs)
        except RetryAfter as exc:
            if attempt == SEND_ATTEMPTS:
                raise
            wait = retry_after_seconds(exc)
            log.warning("429 from Telegram, waiting %.1fs", wait)
            await asyncio.sleep(wait)
        except BadRequest:
            raise  # a 400 will not get better by asking again
        except (TimedOut, NetworkError) as exc:
            if attempt == SEND_ATTEMPTS:
                raise
            log.warning("Telegram network error (%s), retrying in %.1fs", exc.__class__.__name__, delay)
            await asyncio.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


async def send_html(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    reply_to: int | None = None,
) -> Message | None:
    """Send `text`, split at line boundaries; the keyboard goes under the last part."""
    parts = split_message(text)
    sent: Message | None = None
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        sent = await with_retries(
            context.bot.send_message,
            chat_id=chat_id,
            text=part,
            parse_mode=ParseMode.HTML,
            reply_markup=markup if last else None,
            reply_parameters=(
                ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to and index == 0 else None
            ),
            link_preview_options=NO_PREVIEW if "http" in part else None,
        )
    return sent
