"""Browsing the timeline: /timeline (paged, with event cards), /next, /latest, /points, /about,
/calendar, and the inline buttons under them."""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Awaitable, Callable

from telegram import InputFile, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.calendar_export import build_calendar, calendar_filename
from bot.handlers.common import (
    ChatContext,
    answer_query,
    chat_context,
    send_html,
    with_retries,
)
from bot.overview import latest_updates, next_key_date, points_overview, sources_of
from bot.render import (
    PAGE_SIZE,
    Callback,
    about_html,
    esc,
    event_card,
    event_card_keyboard,
    latest_html,
    negotiations_keyboard,
    next_html,
    points_html,
    points_keyboard,
    sources_html,
    timeline_page,
)
from bot.snapshot import NegotiationView
from bot.ui_text import t

log = logging.getLogger("bot.handlers")


async def _need_negotiation(update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext) -> NegotiationView | None:
    """The chat's negotiation; with several and none chosen, offer the choice and return None."""
    negotiation = ctx.negotiation()
    if negotiation is None:
        snapshot = ctx.services.timeline.snapshot
        await send_html(
            context, update.effective_chat.id, t("choose_negotiation", ctx.language),
            negotiations_keyboard(snapshot.negotiations, None),
        )
        log.info("chat=%s offered the choice of negotiation", update.effective_chat.id)
    return negotiation


ViewHandler = Callable[[Update, ContextTypes.DEFAULT_TYPE, ChatContext, NegotiationView], Awaitable[None]]


def for_negotiation(view: ViewHandler) -> Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]:
    """A command about the chat's negotiation: with several and none chosen, offer the choice instead."""

    @functools.wraps(view)
    async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        ctx = await chat_context(update, context)
        negotiation = await _need_negotiation(update, context, ctx)
        if negotiation is not None:
            await view(update, context, ctx, negotiation)

    return handler


@for_negotiation
async def timeline(update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, negotiation: NegotiationView) -> None:
    events = ctx.services.timeline.snapshot.events_of(negotiation.id)
    text, markup = timeline_page(negotiation, events, 0, ctx.now, ctx.language, ctx.zone)
    await send_html(context, update.effective_chat.id, text, markup)
    log.info("chat=%s timeline %s", update.effective_chat.id, negotiation.key)


@for_negotiation
async def next_date(update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, negotiation: NegotiationView) -> None:
    result = next_key_date(ctx.services.timeline.snapshot, negotiation.id, ctx.now)
    markup = event_card_keyboard(result.event, ctx.language) if result.event else None
    await send_html(context, update.effective_chat.id, next_html(result, negotiation, ctx.now, ctx.language, ctx.zone), markup)
    log.info("chat=%s next", update.effective_chat.id)


@for_negotiation
async def latest(update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, negotiation: NegotiationView) -> None:
    events = latest_updates(ctx.services.timeline.snapshot, negotiation.id)
    await send_html(context, update.effective_chat.id, latest_html(events, ctx.now, ctx.language, ctx.zone))
    log.info("chat=%s latest", update.effective_chat.id)


@for_negotiation
async def points(update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, negotiation: NegotiationView) -> None:
    chosen = points_overview(ctx.services.timeline.snapshot, negotiation.id)
    await send_html(
        context, update.effective_chat.id, points_html(chosen, negotiation, ctx.now, ctx.language, ctx.zone),
        points_keyboard(chosen, ctx.language),
    )
    log.info("chat=%s points", update.effective_chat.id)


@for_negotiation
async def about(update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, negotiation: NegotiationView) -> None:
    sources = sources_of(ctx.services.timeline.snapshot, negotiation.id)
    await send_html(context, update.effective_chat.id, about_html(negotiation, sources, ctx.language))
    log.info("chat=%s about", update.effective_chat.id)


@for_negotiation
async def calendar(update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, negotiation: NegotiationView) -> None:
    data = build_calendar(ctx.services.timeline.snapshot, negotiation.id, ctx.now)
    await with_retries(
        context.bot.send_document,
        chat_id=update.effective_chat.id,
        document=InputFile(io.BytesIO(data), filename=calendar_filename(negotiation)),
        caption=t("calendar_caption", ctx.language, negotiation=esc(negotiation.title))[:1024],
        parse_mode=ParseMode.HTML,
    )
    log.info("chat=%s calendar %s (%d bytes)", update.effective_chat.id, negotiation.key, len(data))


async def _edit_or_send(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, markup: object) -> None:
    """Page in place where the button's message can be edited; otherwise send a new message."""
    query = update.callback_query
    if query is not None and query.message is not None and len(text) <= 4096:
        try:
            await with_retries(
                query.edit_message_text, text, parse_mode=ParseMode.HTML, reply_markup=markup,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
            return
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return
            log.info("chat=%s could not edit (%s); sending anew", update.effective_chat.id, exc)
    await send_html(context, update.effective_chat.id, text, markup)  # type: ignore[arg-type]


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every inline button of the timeline views. The query is always answered, even on bad data."""
    query = update.callback_query
    if query is None:
        return
    callback = Callback.decode(query.data)
    await answer_query(update)
    ctx = await chat_context(update, context)
    snapshot = ctx.services.timeline.snapshot
    try:
        if callback.action == "tl":
            negotiation = snapshot.negotiation(int(callback.args[0]))
            if negotiation is None:
                await send_html(context, update.effective_chat.id, t("unknown_negotiation", ctx.language))
                return
            events = snapshot.events_of(negotiation.id)
            if len(callback.args) >= 3 and callback.args[1] == "e":
                ids = [e.id for e in events]
                event_id = int(callback.args[2])
                offset = (ids.index(event_id) // PAGE_SIZE) * PAGE_SIZE if event_id in ids else 0
            else:
                offset = int(callback.args[1]) if len(callback.args) > 1 else 0
            text, markup = timeline_page(negotiation, events, offset, ctx.now, ctx.language, ctx.zone)
            await _edit_or_send(update, context, text, markup)
        elif callback.action == "ev":
            event = snapshot.event(int(callback.args[0]))
            if event is None:
                await send_html(context, update.effective_chat.id, t("unknown_event", ctx.language))
                return
            text = event_card(event, snapshot.negotiation(event.negotiation_id), ctx.now, ctx.language, ctx.zone)
            await _edit_or_send(update, context, text, event_card_keyboard(event, ctx.language))
        elif callback.action == "src":
            kind, entry_id = callback.args[0], int(callback.args[1])
            if kind not in ("e", "p"):
                raise ValueError(kind)
            entry = snapshot.event(entry_id) if kind == "e" else next((p for p in snapshot.points if p.id == entry_id), None)
            if entry is None:
                await send_html(context, update.effective_chat.id, t("unknown_event", ctx.language))
                return
            await send_html(context, update.effective_chat.id, sources_html(entry.sources, entry.title_in(ctx.language), ctx.language))
        elif callback.action == "menu":
            from bot.handlers.subscriptions import list_reminders

            handler = {"timeline": timeline, "next": next_date, "points": points, "reminders": list_reminders}.get(
                callback.args[0]
            )
            if handler is None:
                from bot.handlers.basics import help_command

                handler = help_command
            await handler(update, context)
        else:
            log.info("chat=%s unknown button %r", update.effective_chat.id, query.data)
            return
        log.info("chat=%s button %s", update.effective_chat.id, callback.action)
    except (ValueError, IndexError):
        log.info("chat=%s malformed button data %r", update.effective_chat.id, query.data)
