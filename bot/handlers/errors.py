"""The one error handler: log the failure with the update's id, tell the user, never stop."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import ContextTypes

from bot.handlers.common import forget_prefs, services_of
from bot.preferences import set_active
from bot.ui_text import t

log = logging.getLogger("bot.errors")


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    chat = update.effective_chat if isinstance(update, Update) else None
    chat_id = chat.id if chat else None
    if isinstance(error, Forbidden):
        log.info("chat=%s blocked the bot or removed it (update %s); marking the chat inactive", chat_id, update_id)
        if chat_id is not None:
            await set_active(services_of(context).database, chat_id, False)
            forget_prefs(context, chat_id)
        return
    if isinstance(error, BadRequest):
        log.warning("update %s chat=%s: Telegram refused a request: %s", update_id, chat_id, error)
        return
    if isinstance(error, (RetryAfter, NetworkError)):
        log.warning("update %s chat=%s: Telegram unavailable after retries: %s", update_id, chat_id, error)
        return
    log.error("update %s chat=%s failed", update_id, chat_id, exc_info=error)
    if chat_id is None:
        return
    language = "en"
    user = update.effective_user if isinstance(update, Update) else None
    if user and user.language_code and user.language_code[:2] in ("tr", "ru"):
        language = user.language_code[:2]
    try:
        await context.bot.send_message(chat_id, t("error", language))
    except Exception:  # noqa: BLE001 - the apology is best effort; the original error is logged
        log.warning("chat=%s could not be told about the error", chat_id)
