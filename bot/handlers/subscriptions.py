"""Reminders: /subscribe, /reminders, /unsubscribe, /announce, and the 🔔 Remind me / 🔕 Unsubscribe
buttons (`rm:<event_id>`, `unsub:<subscription_id>`). Adapters only: the work is in bot/reminders."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot import reminders
from bot.handlers.common import chat_context, send_html
from bot.render import Callback, reminders_text_html, subscribed_html, subscriptions_html, unsubscribed_html

log = logging.getLogger("bot.handlers")

DISPATCHER_KEY = "reminder_dispatcher"


def _wake_dispatcher(context: ContextTypes.DEFAULT_TYPE) -> None:
    dispatcher = context.application.bot_data.get(DISPATCHER_KEY)
    if dispatcher is not None:
        dispatcher.wake()


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/subscribe: every key date of the chat's negotiation; `/subscribe 16`: event #16 only."""
    ctx = await chat_context(update, context)
    chat_id = update.effective_chat.id
    user_id = update.effective_user.id if update.effective_user else None
    args = context.args or []
    try:
        if args and args[0].lstrip("#").isdigit():
            result = await reminders.subscribe_event(
                ctx.services.database, chat_id=chat_id, user_id=user_id, event_id=int(args[0].lstrip("#")),
                language=ctx.language,
            )
        else:
            negotiation = ctx.negotiation()
            if negotiation is None:
                await send_html(context, chat_id, reminders_text_html("no_negotiation", ctx.language))
                return
            result = await reminders.subscribe_negotiation(
                ctx.services.database, chat_id=chat_id, user_id=user_id, negotiation_id=negotiation.id,
                language=ctx.language,
            )
    except reminders.ReminderError as exc:
        await send_html(context, chat_id, reminders_text_html(exc.key, ctx.language, **exc.values))
        return
    await send_html(context, chat_id, subscribed_html(result))
    log.info("chat=%s subscribed (subscription %s, %d reminder(s) planned)", chat_id, result.subscription_id, len(result.planned))


async def list_reminders(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reminders: this chat's subscriptions, each with an Unsubscribe button."""
    ctx = await chat_context(update, context)
    views = await reminders.list_subscriptions(ctx.services.database, chat_id=update.effective_chat.id)
    text, markup = subscriptions_html(views, ctx.language)
    await send_html(context, update.effective_chat.id, text, markup)
    log.info("chat=%s reminders (%d)", update.effective_chat.id, len(views))


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/unsubscribe: stop every reminder of this chat (/reminders has one button per subscription)."""
    ctx = await chat_context(update, context)
    count = await reminders.unsubscribe_all(ctx.services.database, chat_id=update.effective_chat.id)
    key = "unsubscribed_all" if count else "no_subscriptions"
    await send_html(context, update.effective_chat.id, reminders_text_html(key, ctx.language, count=count))


async def announce(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/announce <text> (admins): a message to every subscriber of the chat's negotiation, via the outbox."""
    ctx = await chat_context(update, context)
    message = update.effective_message
    chat_id = update.effective_chat.id
    user_id = update.effective_user.id if update.effective_user else None
    text = ""
    if message is not None and message.text:
        parts = message.text.split(maxsplit=1)
        text = parts[1] if len(parts) > 1 else ""
    negotiation = ctx.negotiation()
    try:
        if negotiation is None:
            raise reminders.ReminderError("no_negotiation")
        count = await reminders.announce(
            ctx.services.database, user_id=user_id, negotiation_id=negotiation.id, text=text,
            announcement_id=f"{chat_id}.{message.message_id if message else 0}",
            admin_ids=ctx.services.settings.admin_ids,
        )
    except reminders.ReminderError as exc:
        await send_html(context, chat_id, reminders_text_html(exc.key, ctx.language, **exc.values))
        return
    _wake_dispatcher(context)
    await send_html(context, chat_id, reminders_text_html("announce_queued", ctx.language, count=count))


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """🔔 Remind me (`rm:<event_id>`) and 🔕 Unsubscribe (`unsub:<subscription_id>`)."""
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    callback = Callback.decode(query.data)
    ctx = await chat_context(update, context)
    chat_id = update.effective_chat.id
    try:
        if callback.action == "rm":
            result = await reminders.subscribe_event(
                ctx.services.database, chat_id=chat_id, user_id=query.from_user.id if query.from_user else None,
                event_id=int(callback.args[0]), language=ctx.language,
            )
            await send_html(context, chat_id, subscribed_html(result))
        elif callback.action == "unsub":
            view = await reminders.unsubscribe(ctx.services.database, chat_id=chat_id, subscription_id=int(callback.args[0]))
            await send_html(context, chat_id, unsubscribed_html(view, ctx.language))
        else:
            return
        log.info("chat=%s button %s", chat_id, callback.action)
    except reminders.ReminderError as exc:
        await send_html(context, chat_id, reminders_text_html(exc.key, ctx.language, **exc.values))
    except (ValueError, IndexError):
        log.info("chat=%s malformed button data %r", chat_id, query.data)
