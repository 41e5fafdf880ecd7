"""/start, /help, unknown commands, and messages that are not text."""

from __future__ import annotations

import html
import logging

from telegram import ChatMember, Update
from telegram.ext import ContextTypes

from bot.handlers.common import chat_context, forget_prefs, send_html, services_of
from bot.preferences import set_active
from bot.render import esc, start_keyboard
from bot.ui_text import COMMANDS, t

log = logging.getLogger("bot.handlers")


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = await chat_context(update, context)
    negotiation = ctx.negotiation()
    if negotiation is None:
        text = t("welcome_many", ctx.language, count=len(ctx.services.timeline.snapshot.negotiations))
    else:
        title = negotiation.translations.get(ctx.language, {}).get("title") or negotiation.title
        text = t("welcome", ctx.language, negotiation=esc(title))
    await send_html(context, update.effective_chat.id, text, start_keyboard(ctx.language, ctx.scope()))
    log.info("chat=%s start", update.effective_chat.id)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = await chat_context(update, context)
    await send_html(context, update.effective_chat.id, t("help", ctx.language))
    log.info("chat=%s help", update.effective_chat.id)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not message.text:
        return
    command = message.text.split()[0]
    addressed = "@" in command and command.split("@", 1)[1].lower() == (context.bot.username or "").lower()
    if "@" in command and not addressed:
        return  # meant for another bot in this group
    if message.chat.type != "private" and not addressed:
        return  # a bare command we do not have is another group bot's business
    ctx = await chat_context(update, context)
    commands = " ".join(f"/{name}" for name, _ in COMMANDS)
    await send_html(
        context, update.effective_chat.id, t("unknown_command", ctx.language, command=html.escape(command), commands=commands)
    )
    log.info("chat=%s unknown command", update.effective_chat.id)


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = await chat_context(update, context)
    await send_html(context, update.effective_chat.id, t("not_text", ctx.language))
    log.info("chat=%s non-text message", update.effective_chat.id)


async def membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The bot was blocked/unblocked by a user, or added to/removed from a group: keep `active` in step."""
    change = update.my_chat_member
    if change is None:
        return
    status = change.new_chat_member.status
    active = status not in (ChatMember.BANNED, ChatMember.LEFT)
    await set_active(services_of(context).database, change.chat.id, active)
    forget_prefs(context, change.chat.id)
    log.info("chat=%s bot membership %s -> %s (active=%s)", change.chat.id, change.old_chat_member.status, status, active)
