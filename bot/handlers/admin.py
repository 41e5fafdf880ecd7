"""Admin commands: keeping the timeline current from Telegram.

/add (one line with a preview, or step by step), /edit, /move, /status, /delete, /undo, /source,
/history, /admins, /negotiation. Thin adapters: parse the update, call one `bot.timeline` function,
render with `bot.render`, reload the live timeline after every write. Nobody but an admin gets past
`_authorize`; nothing is written before a check or a Save.
"""

from __future__ import annotations

import functools
import logging
import re
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import (
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import timeline as tl
from bot.admin_text import a
from bot.dates import format_when
from bot.handlers.common import (
    ChatContext,
    chat_context,
    forget_prefs,
    send_html,
    with_retries,
)
from bot.preferences import set_negotiation
from bot.render import (
    Callback,
    admin_code,
    admin_error_html,
    admin_event_html,
    admin_history_html,
    admin_list_html,
    admin_preview_keyboard,
    esc,
    source_html,
)
from bot.snapshot import NegotiationView, When

log = logging.getLogger("bot.handlers.admin")

CONVERSATION_TIMEOUT = timedelta(minutes=15)
NEGOTIATION, DATE, TITLE, DETAILS, SOURCE, KEY = range(6)
MAX_PENDING = 20  # previews kept per admin
DRAFTS = "admin_drafts"
GUIDED = "admin_guided"
EDITING = "admin_negotiation"


@dataclass(frozen=True)
class PendingAdd:
    draft: tl.Draft


@dataclass(frozen=True)
class PendingEdit:
    event_id: int
    field: str
    text: str
    version: int  # the version the preview showed: Save is refused if it changed since


# --- shared -----------------------------------------------------------------------------------------


def _rest(update: Update) -> str:
    """The command's text after `/command`, exactly as typed."""
    text = (update.effective_message.text or "") if update.effective_message else ""
    return re.sub(r"^/\S+\s?", "", text, count=1).strip()


async def _reply(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, markup: Any = None) -> None:
    await send_html(context, update.effective_chat.id, text, markup)


async def _authorize(update: Update, context: ContextTypes.DEFAULT_TYPE) -> tuple[ChatContext, tl.Actor] | None:
    ctx = await chat_context(update, context)
    user = update.effective_user
    try:
        actor = await tl.authorize(ctx.services.database, ctx.services.settings, user.id if user else None,
                                   user.full_name if user else "")
    except tl.NotAdmin:
        message = update.effective_message
        command = (message.text or "").split()[0] if message and message.text else "This"
        if update.callback_query is not None:
            await update.callback_query.answer(a("admin_only", command="This button"), show_alert=True)
        else:
            await _reply(update, context, a("admin_only", command=esc(command.split("@")[0])))
        log.info("chat=%s user=%s refused admin command", update.effective_chat.id if update.effective_chat else None,
                 user.id if user else None)
        return None
    return ctx, actor


AdminHandler = Callable[[Update, ContextTypes.DEFAULT_TYPE, ChatContext, tl.Actor], Awaitable[None]]


def admin_command(handler: AdminHandler) -> Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]:
    """An admin command: everyone else is told it is for admins, and the handler never runs.

    The one place where an edit the domain refuses becomes a reply: bad input (`EditError`) says what
    was wrong and how to write it, a stale version (`ConflictError`) shows the row as it is now."""

    @functools.wraps(handler)
    async def run(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        authorized = await _authorize(update, context)
        if authorized is None:
            return
        try:
            await handler(update, context, *authorized)
        except tl.ConflictError as exc:
            await _conflict(update, context, authorized[0], exc)
        except tl.EditError as exc:
            await _error(update, context, exc)

    return run


async def _error(update: Update, context: ContextTypes.DEFAULT_TYPE, exc: tl.EditError) -> None:
    await _reply(update, context, admin_error_html(exc.field, exc.problem, exc.example))


async def _conflict(update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, exc: tl.ConflictError) -> None:
    if exc.current is None:
        await _reply(update, context, a("conflict_gone", id=exc.entity_id, current=exc.current_version))
        return
    head = a("conflict", id=exc.entity_id, expected=exc.expected, current=exc.current_version)
    negotiation = ctx.services.timeline.snapshot.negotiation(exc.current.negotiation_id)
    await _reply(update, context, admin_event_html(head, exc.current, negotiation, ctx.now, ctx.zone))


async def _reload(ctx: ChatContext) -> None:
    await ctx.services.timeline.reload()


def _keys(ctx: ChatContext) -> str:
    return ", ".join(admin_code(n.key) for n in ctx.services.timeline.snapshot.negotiations) or "—"


def _editing(ctx: ChatContext, context: ContextTypes.DEFAULT_TYPE) -> NegotiationView | None:
    """The negotiation this admin edits: chosen with /negotiation use, else the chat's, else the only one."""
    snapshot = ctx.services.timeline.snapshot
    chosen = (context.user_data or {}).get(EDITING)
    if chosen is not None and snapshot.negotiation(chosen) is not None:
        return snapshot.negotiation(chosen)
    return ctx.negotiation()


async def _use_negotiation(
    update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, negotiation_id: int
) -> None:
    """The admin's choice, kept across restarts: the admin's chat now follows that negotiation too."""
    context.user_data[EDITING] = negotiation_id
    chat_id = update.effective_chat.id
    await set_negotiation(ctx.services.database, chat_id, negotiation_id)
    forget_prefs(context, chat_id)


def _remember(context: ContextTypes.DEFAULT_TYPE, pending: PendingAdd | PendingEdit) -> str:
    drafts: dict[str, Any] = context.user_data.setdefault(DRAFTS, {})
    while len(drafts) >= MAX_PENDING:
        drafts.pop(next(iter(drafts)))
    token = secrets.token_urlsafe(6)
    drafts[token] = pending
    return token


async def _preview_add(update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, actor: tl.Actor,
                       draft: tl.Draft) -> None:
    token = _remember(context, PendingAdd(draft))
    negotiation = ctx.services.timeline.snapshot.negotiation(draft.negotiation_id or 0)
    text = admin_event_html(a("preview_new"), draft.preview(ctx.now, actor.name), negotiation, ctx.now, ctx.zone)
    await _reply(update, context, text, admin_preview_keyboard(token))


def _snapshot_version(ctx: ChatContext, event_id: int) -> int | None:
    event = ctx.services.timeline.snapshot.event(event_id)
    return event.version if event else None


# --- /add -------------------------------------------------------------------------------------------


async def add_entry(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """`/add DATE | title | details | URL` → preview; `/add` alone → the guided conversation."""
    authorized = await _authorize(update, context)
    if authorized is None:
        return ConversationHandler.END
    ctx, actor = authorized
    line = _rest(update)
    negotiation = _editing(ctx, context)
    if line:
        if negotiation is None:
            await _reply(update, context, _negotiation_needed(ctx))
            return ConversationHandler.END
        try:
            draft = tl.parse_add_line(line, ctx.services.settings.default_timezone, ctx.now)
        except tl.EditError as exc:
            await _error(update, context, exc)
            return ConversationHandler.END
        await _preview_add(update, context, ctx, actor, replace(draft, negotiation_id=negotiation.id))
        log.info("chat=%s admin=%s add preview", update.effective_chat.id, actor.user_id)
        return ConversationHandler.END
    snapshot = ctx.services.timeline.snapshot
    if not snapshot.negotiations:
        await _reply(update, context, a("negotiation_none"))
        return ConversationHandler.END
    context.user_data[GUIDED] = {}
    if len(snapshot.negotiations) == 1 and negotiation is not None:
        context.user_data[GUIDED]["negotiation_id"] = negotiation.id
        await _reply(update, context, a("guided_date", negotiation=esc(negotiation.title)))
        return DATE
    default = f", or /skip for {admin_code(negotiation.key)}" if negotiation is not None else ""
    await _reply(update, context, a("guided_negotiation", default=default, keys=_keys(ctx)))
    return NEGOTIATION


async def guided_negotiation(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    ctx = await chat_context(update, context)
    text = (update.effective_message.text or "").strip()
    negotiation = _editing(ctx, context) if text == "/skip" or text.startswith("/skip@") else \
        ctx.services.timeline.snapshot.negotiation_by_key(text.lower())
    if negotiation is None:
        await _reply(update, context, a("negotiation_unknown", key=esc(text), keys=_keys(ctx)))
        return NEGOTIATION
    context.user_data.setdefault(GUIDED, {})["negotiation_id"] = negotiation.id
    await _reply(update, context, a("guided_date", negotiation=esc(negotiation.title)))
    return DATE


async def _guided_step(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    *,
    state: int,
    field: str,
    parse: Callable[[str], Any],
    next_prompt: str,
    next_state: int,
    skippable: bool = False,
) -> int:
    """One step of the guided /add: validate the answer, keep it, ask the next question (or ask again)."""
    text = "" if skippable and _is_skip(update) else (update.effective_message.text or "")
    try:
        value = parse(text)
    except tl.EditError as exc:
        await _error(update, context, exc)
        return state
    context.user_data.setdefault(GUIDED, {})[field] = value
    await _reply(update, context, next_prompt)
    return next_state


async def guided_date(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    ctx = await chat_context(update, context)
    zone, now = ctx.services.settings.default_timezone, ctx.now
    return await _guided_step(update, context, state=DATE, field="when", next_prompt=a("guided_title"),
                              next_state=TITLE, parse=lambda text: tl.parse_date(text, zone, now))


async def guided_title(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    return await _guided_step(update, context, state=TITLE, field="title", parse=tl.validate_title,
                              next_prompt=a("guided_details"), next_state=DETAILS)


async def guided_details(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    return await _guided_step(update, context, state=DETAILS, field="details", parse=tl.validate_details,
                              next_prompt=a("guided_source"), next_state=SOURCE, skippable=True)


async def guided_source(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    return await _guided_step(update, context, state=SOURCE, field="url", parse=tl.validate_url,
                              next_prompt=a("guided_key"), next_state=KEY, skippable=True)


async def guided_key(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    try:
        key = tl.parse_yes_no(update.effective_message.text or "")
    except tl.EditError as exc:
        await _error(update, context, exc)
        return KEY
    authorized = await _authorize(update, context)
    if authorized is None:
        return ConversationHandler.END
    ctx, actor = authorized
    answers = context.user_data.pop(GUIDED, {})
    starts_at, precision, zone = answers["when"]
    draft = tl.Draft(
        title=answers["title"], starts_at=starts_at, precision=precision, timezone=zone,
        details=answers.get("details", ""), source_url=answers.get("url", ""), is_key_date=key,
        negotiation_id=answers["negotiation_id"],
    )
    await _preview_add(update, context, ctx, actor, draft)
    return ConversationHandler.END


def _is_skip(update: Update) -> bool:
    text = (update.effective_message.text or "").strip()
    return text == "/skip" or text.startswith("/skip@") or text in ("-", "—")


async def guided_cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    context.user_data.pop(GUIDED, None)
    await _reply(update, context, a("guided_cancelled"))
    return ConversationHandler.END


async def guided_timeout(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    if context.user_data is not None:
        context.user_data.pop(GUIDED, None)
    if isinstance(update, Update) and update.effective_chat is not None:
        minutes = int(CONVERSATION_TIMEOUT.total_seconds() // 60)
        await send_html(context, update.effective_chat.id, a("guided_timeout", minutes=minutes))


def add_conversation() -> ConversationHandler:
    text = filters.TEXT & ~filters.COMMAND
    skip = CommandHandler("skip", guided_details)
    return ConversationHandler(
        entry_points=[CommandHandler("add", add_entry)],
        states={
            NEGOTIATION: [MessageHandler(text, guided_negotiation), CommandHandler("skip", guided_negotiation)],
            DATE: [MessageHandler(text, guided_date)],
            TITLE: [MessageHandler(text, guided_title)],
            DETAILS: [MessageHandler(text, guided_details), skip],
            SOURCE: [MessageHandler(text, guided_source), CommandHandler("skip", guided_source)],
            KEY: [MessageHandler(text, guided_key)],
            ConversationHandler.TIMEOUT: [TypeHandler(Update, guided_timeout)],
        },
        fallbacks=[CommandHandler("cancel", guided_cancel)],
        conversation_timeout=CONVERSATION_TIMEOUT,
        allow_reentry=True,
        name="admin_add",
    )


# --- preview buttons --------------------------------------------------------------------------------


async def _edit_message(update: Update, text: str) -> None:
    query = update.callback_query
    try:
        await with_retries(query.edit_message_text, text, parse_mode=ParseMode.HTML, reply_markup=None,
                           link_preview_options=LinkPreviewOptions(is_disabled=True))
    except BadRequest as exc:  # too old to edit, or unchanged: say it anew
        log.info("could not edit the preview (%s)", exc)
        await update.get_bot().send_message(update.effective_chat.id, text, parse_mode=ParseMode.HTML)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """✅ Save / ✏️ Edit / ✖ Cancel under a preview (`adm:<action>:<token>`)."""
    query = update.callback_query
    if query is None:
        return
    authorized = await _authorize(update, context)
    if authorized is None:
        return
    await query.answer()
    ctx, actor = authorized
    callback = Callback.decode(query.data)
    action, token = (callback.args + ("", ""))[:2]
    drafts: dict[str, Any] = context.user_data.setdefault(DRAFTS, {})
    pending = drafts.get(token)
    if pending is None:
        await _reply(update, context, a("expired"))
        return
    if action == "cancel":
        drafts.pop(token, None)
        await _edit_message(update, a("cancelled"))
        return
    if action == "edit":
        drafts.pop(token, None)
        if isinstance(pending, PendingAdd):
            await _edit_message(update, a("edit_add_hint", line=esc(pending.draft.as_line())))
        else:
            line = f"/edit {pending.event_id} {pending.field} {pending.text}"
            await _edit_message(update, a("edit_edit_hint", line=esc(line)))
        return
    if action != "save":
        return
    try:
        if isinstance(pending, PendingAdd):
            change = await tl.add_event(ctx.services.database, pending.draft, actor, now=ctx.now)
        else:
            change = await tl.edit_event_field(ctx.services.database, pending.event_id, pending.field, pending.text,
                                               actor, pending.version, now=ctx.now)
    except tl.ConflictError as exc:
        drafts.pop(token, None)
        await _edit_message(update, a("conflict_gone", id=exc.entity_id, current=exc.current_version))
        await _conflict(update, context, ctx, exc)
        return
    except tl.EditError as exc:
        drafts.pop(token, None)
        await _error(update, context, exc)
        return
    drafts.pop(token, None)
    await _reload(ctx)
    snapshot = ctx.services.timeline.snapshot
    event = snapshot.event(change.event_id)
    negotiation = snapshot.negotiation(change.negotiation_id)
    if isinstance(pending, PendingAdd):
        head = a("saved_new", id=change.event_id, negotiation=esc(negotiation.title if negotiation else ""))
    else:
        head = a("saved_edit", id=change.event_id, version=change.version)
    await _edit_message(update, admin_event_html(head, event, negotiation, ctx.now, ctx.zone) if event else head)
    log.info("chat=%s admin=%s saved #%s (%s)", update.effective_chat.id, actor.user_id, change.event_id, change.kind)


# --- /edit /move /status /delete /undo /source /history ---------------------------------------------


@admin_command
async def edit(
    update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, actor: tl.Actor
) -> None:
    parts = _rest(update).split(maxsplit=2)
    ref = tl.parse_ref(parts[0] if parts else "", allow_point=False)
    view = await tl.current_event(ctx.services.database, ref.id)
    if view is None:
        raise tl.NotFound("id", f"there is no event #{ref.id} (see /timeline)", "/edit 16")
    if len(parts) == 1:
        fields = "\n".join(admin_code(tl.FIELD_HELP[f].format(id=ref.id)) for f in tl.EDITABLE_FIELDS)
        head = a("edit_fields", id=ref.id, version=view.version, fields=fields)
        negotiation = ctx.services.timeline.snapshot.negotiation(view.negotiation_id)
        await _reply(update, context, admin_event_html(head, view, negotiation, ctx.now, ctx.zone))
        return
    field, text = parts[1], parts[2] if len(parts) > 2 else ""
    preview = tl.preview_edit(view, field, text, now=ctx.now)
    token = _remember(context, PendingEdit(ref.id, field.lower(), text, view.version))
    negotiation = ctx.services.timeline.snapshot.negotiation(view.negotiation_id)
    head = a("preview_edit", id=ref.id, field=esc(field.lower()))
    await _reply(update, context, admin_event_html(head, preview, negotiation, ctx.now, ctx.zone),
                 admin_preview_keyboard(token))
    log.info("chat=%s admin=%s edit preview #%s %s", update.effective_chat.id, actor.user_id, ref.id, field)


def _when_text(when: When) -> str:
    return format_when(when, "en", "UTC")


@admin_command
async def move(
    update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, actor: tl.Actor
) -> None:
    parts = _rest(update).split(maxsplit=1)
    if len(parts) < 2:
        await _reply(update, context, a("usage", usage="/move 16 2020-03-22 10:00 Europe/Istanbul"))
        return
    ref = tl.parse_ref(parts[0], allow_point=False)
    change = await tl.move_event(ctx.services.database, ref.id, parts[1], actor, _snapshot_version(ctx, ref.id),
                                 now=ctx.now)
    await _reload(ctx)
    event = ctx.services.timeline.snapshot.event(change.event_id)
    old = When(change.old_starts_at, change.old_precision or "day", change.old_timezone or "UTC")
    new = event.when if event else When(change.new_starts_at, change.new_precision or "day", change.new_timezone or "UTC")
    await _reply(update, context, a("moved", id=change.event_id, title=esc(change.title), old=esc(_when_text(old)),
                                    new=esc(_when_text(new)), version=change.version))
    log.info("chat=%s admin=%s moved #%s", update.effective_chat.id, actor.user_id, change.event_id)


@admin_command
async def status(
    update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, actor: tl.Actor
) -> None:
    """`/status 16 postponed` · `/status p4 suspended | 2020-03-20 | note | https://source`."""
    head, *extra = [part.strip() for part in _rest(update).split("|")]
    words = head.split(maxsplit=1)
    if len(words) < 2:
        await _reply(update, context, a("usage", usage="/status 16 postponed  ·  /status p4 suspended | 2020-03-20 | note | https://…"))
        return
    ref = tl.parse_ref(words[0])
    if ref.kind == "point":
        if len(extra) > 3:
            raise tl.EditError("line", f"it has {len(extra) + 1} parts separated by |, at most 4",
                               "/status p4 suspended | 2020-03-20 | note | https://…")
        as_of, note, url = (extra + ["", "", ""])[:3]
        result = await tl.set_point_status(
            ctx.services.database, ref.id, words[1], actor, as_of_text=as_of, note=note, source_url=url,
            default_zone=ctx.services.settings.default_timezone, now=ctx.now,
        )
        await _reload(ctx)
        since = _when_text(When(result.as_of, result.precision, result.timezone))
        await _reply(update, context, a("status_point", id=result.point_id, title=esc(result.title),
                                        old=esc(result.old_status), new=esc(result.new_status), since=esc(since)))
        return
    if extra:
        raise tl.EditError("line", "events take only a status", "/status 16 postponed")
    change = await tl.set_event_status(ctx.services.database, ref.id, words[1], actor, _snapshot_version(ctx, ref.id))
    await _reload(ctx)
    await _reply(update, context, a("status_event", id=change.event_id, title=esc(change.title),
                                    old=esc(change.old_status or ""), new=esc(change.new_status or ""), version=change.version))
    log.info("chat=%s admin=%s status %s", update.effective_chat.id, actor.user_id, words[0])


@admin_command
async def delete(
    update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, actor: tl.Actor
) -> None:
    ref = tl.parse_ref(_rest(update).split()[0] if _rest(update) else "", allow_point=False)
    change = await tl.delete_event(ctx.services.database, ref.id, actor, _snapshot_version(ctx, ref.id))
    await _reload(ctx)
    await _reply(update, context, a("deleted", id=change.event_id, title=esc(change.title)))
    log.info("chat=%s admin=%s deleted #%s", update.effective_chat.id, actor.user_id, change.event_id)


@admin_command
async def undo(
    update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, actor: tl.Actor
) -> None:
    result = await tl.undo_last(ctx.services.database, actor)
    await _reload(ctx)
    what = f"point p{result.entity_id}" if result.entity_type == "point" else f"#{result.entity_id}"
    action = {"update": "edit", "create": "addition", "source": "source addition", "status": "status change"}.get(
        result.action, result.action)
    await _reply(update, context, a("undone", action=esc(action), what=esc(what), title=esc(result.title)))
    log.info("chat=%s admin=%s undo %s %s", update.effective_chat.id, actor.user_id, result.action, what)


@admin_command
async def source(
    update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, actor: tl.Actor
) -> None:
    parts = _rest(update).split(maxsplit=2)
    if len(parts) < 2:
        await _reply(update, context, a("usage", usage="/source 16 https://… Akar, cited by his office"))
        return
    ref = tl.parse_ref(parts[0])
    version = _snapshot_version(ctx, ref.id) if ref.kind == "event" else None
    added = await tl.add_source(ctx.services.database, ref, parts[1], parts[2] if len(parts) > 2 else "", actor, version)
    await _reload(ctx)
    what = f"point p{added.ref.id}" if added.ref.kind == "point" else f"#{added.ref.id}"
    await _reply(update, context, a("source_added", what=esc(what), title=esc(added.title),
                                    source=source_html(added.source, "en")))


@admin_command
async def history(
    update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, _actor: tl.Actor
) -> None:
    ref = tl.parse_ref(_rest(update).split()[0] if _rest(update) else "")
    items = await tl.history(ctx.services.database, ref)
    snapshot = ctx.services.timeline.snapshot
    if ref.kind == "point":
        point = next((p for p in snapshot.points if p.id == ref.id), None)
        what = f"p{ref.id}" + (f" {point.title}" if point else "")
    else:
        event = snapshot.event(ref.id)
        what = f"#{ref.id}" + (f" {event.title}" if event else " (deleted)")
    await _reply(update, context, admin_history_html(what, items, ctx.zone))


# --- /admins /negotiation ---------------------------------------------------------------------------


@admin_command
async def admins(
    update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, actor: tl.Actor
) -> None:
    database, settings = ctx.services.database, ctx.services.settings
    args = context.args or []
    if args and args[0].lower() == "add":
        added = await tl.add_admin(database, settings, actor, args[1] if len(args) > 1 else "")
        key = "admin_added" if added else "admin_already"
        await _reply(update, context, a(key, user_id=esc(args[1])))
        log.info("chat=%s admin=%s added admin", update.effective_chat.id, actor.user_id)
        return
    if args and args[0].lower() == "remove":
        await tl.remove_admin(database, settings, actor, args[1] if len(args) > 1 else "")
        await _reply(update, context, a("admin_removed", user_id=esc(args[1])))
        log.info("chat=%s admin=%s removed admin", update.effective_chat.id, actor.user_id)
        return
    if args:
        raise tl.EditError("command", f"“{args[0]}” is neither add nor remove", "/admins add 123456789")
    rows = []
    for admin in await tl.list_admins(database, settings):
        if admin.origin == "ADMIN_IDS":
            rows.append(f"{admin.user_id} (ADMIN_IDS setting)")
        else:
            rows.append(f"{admin.user_id} (added by {admin.added_by}"
                        + (f", {admin.added_at:%Y-%m-%d}" if admin.added_at else "") + ")")
    await _reply(update, context, admin_list_html(a("admins_title"), rows, a("admins_footer")))


def _negotiation_needed(ctx: ChatContext) -> str:
    if not ctx.services.timeline.snapshot.negotiations:
        return a("negotiation_none")
    return a("negotiation_needed", keys=_keys(ctx))


@admin_command
async def negotiation(
    update: Update, context: ContextTypes.DEFAULT_TYPE, ctx: ChatContext, actor: tl.Actor
) -> None:
    rest = _rest(update)
    verb, _, value = rest.partition(" ")
    verb, value = verb.lower(), value.strip()
    if verb == "new":
        try:
            created = await tl.create_negotiation(ctx.services.database, value, actor)
        except tl.EditError as exc:
            await _error(update, context, exc)
            return
        await _reload(ctx)
        await _use_negotiation(update, context, ctx, created.id)
        await _reply(update, context, a("negotiation_created", title=esc(created.title), key=esc(created.key)))
        log.info("chat=%s admin=%s created negotiation %s", update.effective_chat.id, actor.user_id, created.key)
        return
    snapshot = ctx.services.timeline.snapshot
    if verb == "use":
        chosen = snapshot.negotiation_by_key(value.lower())
        if chosen is None:
            await _reply(update, context, a("negotiation_unknown", key=esc(value), keys=_keys(ctx)))
            return
        await _use_negotiation(update, context, ctx, chosen.id)
        await _reply(update, context, a("negotiation_chosen", title=esc(chosen.title), key=esc(chosen.key)))
        return
    if verb:
        await _error(update, context, tl.EditError("command", f"“{verb}” is neither new nor use",
                                                   "/negotiation use idlib-ankara-2020"))
        return
    current = _editing(ctx, context)
    rows = [("▶ " if current and n.id == current.id else "") + f"{n.key} — {n.title}" for n in snapshot.negotiations]
    await _reply(update, context, admin_list_html(a("negotiations_title"), rows, a("negotiations_footer")))
