"""/settings (language, time zone, reminder lead times) and /negotiations (which one to follow)."""

from __future__ import annotations

import html
import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers.common import answer_query, chat_context, forget_prefs, send_html
from bot.preferences import PreferenceError, set_language, set_lead_times, set_negotiation, set_timezone
from bot.render import Callback, esc, negotiations_keyboard, settings_keyboard
from bot.ui_text import LANGUAGE_NAMES, t

log = logging.getLogger("bot.handlers")


async def _show(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = await chat_context(update, context)
    text = t(
        "settings", ctx.language, language_name=LANGUAGE_NAMES[ctx.language], zone=esc(ctx.zone),
        lead_times=esc(ctx.prefs.lead_times.replace(",", ", ")),
    )
    await send_html(context, update.effective_chat.id, text, settings_keyboard(ctx.language))
    log.info("chat=%s settings shown", update.effective_chat.id)


async def settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = await chat_context(update, context)
    chat_id = update.effective_chat.id
    args = context.args or []
    if not args:
        await _show(update, context)
        return
    what, value = args[0].lower(), " ".join(args[1:])
    try:
        if what in ("tz", "timezone", "zone", "saat", "пояс"):
            zone = await set_timezone(ctx.services.database, chat_id, value)
            forget_prefs(context, chat_id)
            log.info("chat=%s set timezone %s", chat_id, zone)
        elif what in ("reminders", "lead", "leadtimes", "hatırlatma", "напоминания"):
            await set_lead_times(ctx.services.database, chat_id, value)
            forget_prefs(context, chat_id)
            log.info("chat=%s set lead times", chat_id)
        elif what in ("lang", "language", "dil", "язык") and value.lower() in LANGUAGE_NAMES:
            await set_language(ctx.services.database, chat_id, value.lower())
            forget_prefs(context, chat_id)
            log.info("chat=%s set language %s", chat_id, value.lower())
        else:
            await send_html(context, chat_id, t("bad_settings", ctx.language))
            log.info("chat=%s unknown setting", chat_id)
            return
    except PreferenceError as exc:
        key = "bad_zone" if what in ("tz", "timezone", "zone", "saat", "пояс") else "bad_lead_times"
        await send_html(context, chat_id, t(key, ctx.language, value=html.escape(value), problem=esc(str(exc))))
        log.info("chat=%s rejected %s value", chat_id, what)
        return
    await send_html(context, chat_id, t("settings_saved", (await chat_context(update, context)).language))
    await _show(update, context)


async def negotiations(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = await chat_context(update, context)
    snapshot = ctx.services.timeline.snapshot
    current = ctx.negotiation()
    await send_html(
        context, update.effective_chat.id, t("choose_negotiation", ctx.language),
        negotiations_keyboard(snapshot.negotiations, current.id if current else None),
    )
    log.info("chat=%s negotiations chooser", update.effective_chat.id)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None:
        return
    await answer_query(update)
    callback = Callback.decode(query.data)
    ctx = await chat_context(update, context)
    chat_id = update.effective_chat.id
    try:
        if callback.action == "lang":
            await set_language(ctx.services.database, chat_id, callback.args[0])
            forget_prefs(context, chat_id)
            log.info("chat=%s set language %s", chat_id, callback.args[0])
            await _show(update, context)
        elif callback.action == "neg":
            negotiation = ctx.services.timeline.snapshot.negotiation(int(callback.args[0]))
            if negotiation is None:
                await send_html(context, chat_id, t("unknown_negotiation", ctx.language))
                return
            await set_negotiation(ctx.services.database, chat_id, negotiation.id)
            forget_prefs(context, chat_id)
            log.info("chat=%s follows %s", chat_id, negotiation.key)
            await send_html(context, chat_id, t("negotiation_chosen", ctx.language, negotiation=esc(negotiation.title)))
    except (PreferenceError, ValueError, IndexError):
        log.info("chat=%s malformed button data %r", chat_id, query.data)
