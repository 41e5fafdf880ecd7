"""Bot API method implementations with state.

Each handler takes the server's :class:`~.state.BotState`, the already
type-checked parameters and the server options, and returns the ``result``
value or raises :class:`~.errors.ApiError`. Handlers are registered under the
lower-cased method name because Telegram method names are case-insensitive.

Methods that exist in the spec but have no handler here are answered by
:func:`generic_handler`: ``True`` for methods returning Boolean, a bare stored
message for methods returning Message.
"""

from __future__ import annotations

import mimetypes
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import ApiError, bad_request
from .spec import MethodSpec, UploadedFile
from .state import BotState, StoredFile, StoredMessage
from .validation import (
    check_not_modified,
    parse_caption,
    parse_text,
    scope_key,
    validate_commands,
    validate_inline_results,
    validate_menu_button,
    validate_reply_markup,
)

__all__ = ["HANDLERS", "Options", "generic_handler"]

LONG_POLL_MAX_TIMEOUT = 50
CHAT_ACTIONS = frozenset(
    {"typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
     "choose_sticker", "find_location", "record_video_note", "upload_video_note"}
)


@dataclass
class Options:
    """Server-wide switches the handlers need."""

    strict_ampersand: bool = True
    closing: bool = False


#: ``handler(state, params, options) -> result``; may also return an awaitable (getUpdates).
Handler = Callable[[BotState, dict[str, Any], Options], Any]
HANDLERS: dict[str, Handler] = {}


def handler(name: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        HANDLERS[name.lower()] = func
        return func

    return register


# ------------------------------------------------------------------ helpers
def _reply_to(state: BotState, chat: dict[str, Any], p: dict[str, Any]) -> dict[str, Any] | None:
    """Resolve ``reply_parameters`` (or legacy ``reply_to_message_id``)."""
    params = p.get("reply_parameters")
    if params is None and p.get("reply_to_message_id"):
        params = {"message_id": p["reply_to_message_id"],
                  "allow_sending_without_reply": p.get("allow_sending_without_reply", False)}
    if not params:
        return None
    if not isinstance(params, dict) or "message_id" not in params:
        raise bad_request("can't parse reply parameters JSON object")
    target_chat = chat["id"] if params.get("chat_id") in (None, "") else params["chat_id"]
    try:
        target = state.find_message(int(target_chat), int(params["message_id"]))
    except (TypeError, ValueError):
        target = None
    if target is None:
        if params.get("allow_sending_without_reply"):
            return None
        raise bad_request("message to be replied not found")
    return dict(target.current)


def _send(state: BotState, p: dict[str, Any], content: dict[str, Any]) -> dict[str, Any]:
    """Common tail of every send*: chat, reply, keyboard, transcript."""
    chat = state.resolve_chat(p["chat_id"])
    markup = validate_reply_markup(p.get("reply_markup"))
    reply = _reply_to(state, chat, p)
    if reply is not None:
        content["reply_to_message"] = reply
    if markup is not None:
        content["reply_markup"] = markup
    if p.get("protect_content"):
        content["has_protected_content"] = True
    return dict(state.new_bot_message(chat, content).current)


def _caption_content(p: dict[str, Any], opts: Options) -> dict[str, Any]:
    caption, entities = parse_caption(
        p.get("caption"), p.get("parse_mode"), p.get("caption_entities"), strict_ampersand=opts.strict_ampersand
    )
    content: dict[str, Any] = {}
    if caption:
        content["caption"] = caption
        if entities:
            content["caption_entities"] = entities
    return content


def _store_file(state: BotState, value: Any, *, default_name: str, default_mime: str | None) -> StoredFile:
    """An InputFile upload, a known file_id, or an HTTP URL (kept without content)."""
    if isinstance(value, UploadedFile):
        if not value.data:
            raise bad_request("file must be non-empty")
        name = value.filename or default_name
        mime = value.content_type
        if not mime or mime == "application/octet-stream":
            mime = mimetypes.guess_type(name)[0] or mime or default_mime
        stored = StoredFile(state.new_id("BQAC"), state.new_id("AgAD"), value.data, name, mime)
        state.files[stored.file_id] = stored
        return stored
    text = str(value)
    if text in state.files:
        return state.files[text]
    if text.startswith(("http://", "https://")):
        name = text.rstrip("/").rsplit("/", 1)[-1] or default_name
        stored = StoredFile(state.new_id("BQAC"), state.new_id("AgAD"), None, name, default_mime, url=text)
        state.files[stored.file_id] = stored
        return stored
    raise bad_request("wrong file identifier/HTTP URL specified")


def _editable(state: BotState, p: dict[str, Any]) -> StoredMessage | None:
    """The stored message an edit targets; ``None`` for inline messages."""
    if p.get("inline_message_id"):
        return None
    if p.get("chat_id") in (None, ""):
        raise bad_request("chat identifier is not specified")
    if not p.get("message_id"):
        raise bad_request("message identifier is not specified")
    chat = state.resolve_chat(p["chat_id"], for_sending=False)
    stored = state.find_message(chat["id"], p["message_id"])
    if stored is None:
        raise bad_request("message to edit not found")
    if not stored.from_bot:
        raise bad_request("message can't be edited")
    return stored


def _apply_edit(state: BotState, stored: StoredMessage, changes: dict[str, Any]) -> dict[str, Any]:
    """Replace top-level keys (``None`` removes) and bump ``edit_date``."""
    for key, value in changes.items():
        if value is None or value == []:
            stored.current.pop(key, None)
        else:
            stored.current[key] = value
    stored.current["edit_date"] = int(time.time())
    stored.edits += 1
    state.activity.notify()
    return dict(stored.current)


# ------------------------------------------------------------- bot identity
@handler("getMe")
def get_me(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    return state.bot_user


@handler("logOut")
@handler("close")
def log_out(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    return True


# ------------------------------------------------------------------ updates
@handler("getUpdates")
async def get_updates(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    """Long polling: answer as soon as an update exists, else after ``timeout``."""
    if state.webhook.get("url"):
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the "
            "webhook first",
        )
    offset = int(p.get("offset", 0))
    limit = min(max(int(p.get("limit", 100) or 100), 1), 100)
    timeout = min(max(float(p.get("timeout", 0) or 0), 0.0), LONG_POLL_MAX_TIMEOUT)
    state.set_allowed_updates(p.get("allowed_updates"))
    state.poll_generation += 1
    generation = state.poll_generation
    state.confirm_updates(offset)  # also wakes an older long poll, which then ends with 409

    def probe() -> list[dict[str, Any]] | ApiError | None:
        if state.poll_generation != generation:
            return ApiError(
                409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
            )
        if state.pending_updates:
            return [state.pending_updates[i] for i in range(min(limit, len(state.pending_updates)))]
        if opts.closing:
            return []
        return None

    state.polls_waiting += 1
    state.activity.notify()
    try:
        result = await state.updates_changed.wait_for(probe, timeout)
    finally:
        state.polls_waiting -= 1
    if isinstance(result, ApiError):
        raise result
    return result or []


@handler("setWebhook")
def set_webhook(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    url = str(p.get("url") or "")
    secret = str(p.get("secret_token") or "")
    if url and not url.startswith(("https://", "http://")):
        raise bad_request("invalid webhook URL specified")
    if len(secret) > 256:
        raise bad_request("secret token is too long")
    if secret and not all(c.isascii() and (c.isalnum() or c in "_-") for c in secret):
        raise bad_request("secret token contains unallowed characters")
    if p.get("drop_pending_updates"):
        state.drop_pending()
    state.set_allowed_updates(p.get("allowed_updates"))
    state.webhook = {
        "url": url,
        "secret_token": secret or None,
        "max_connections": int(p.get("max_connections") or 40),
        "ip_address": p.get("ip_address"),
    }
    state.updates_changed.notify()
    return True


@handler("deleteWebhook")
def delete_webhook(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    if p.get("drop_pending_updates"):
        state.drop_pending()
    state.webhook = {"url": ""}
    return True


@handler("getWebhookInfo")
def get_webhook_info(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    info: dict[str, Any] = {
        "url": state.webhook.get("url", ""),
        "has_custom_certificate": False,
        "pending_update_count": len(state.pending_updates),
    }
    if info["url"]:
        info["max_connections"] = state.webhook.get("max_connections", 40)
        info["allowed_updates"] = sorted(state.allowed_updates)
    return info


# ----------------------------------------------------------------- messages
@handler("sendMessage")
def send_message(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    text, entities = parse_text(
        p["text"], p.get("parse_mode"), p.get("entities"), strict_ampersand=opts.strict_ampersand
    )
    content: dict[str, Any] = {"text": text}
    if entities:
        content["entities"] = entities
    if p.get("link_preview_options"):
        content["link_preview_options"] = p["link_preview_options"]
    return _send(state, p, content)


@handler("sendDocument")
def send_document(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    content = _caption_content(p, opts)
    chat = state.resolve_chat(p["chat_id"])  # fail on the chat before storing the file
    del chat
    stored = _store_file(state, p["document"], default_name="document", default_mime="application/octet-stream")
    document: dict[str, Any] = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}
    if stored.file_name:
        document["file_name"] = stored.file_name
    if stored.mime_type:
        document["mime_type"] = stored.mime_type
    if stored.size is not None:
        document["file_size"] = stored.size
    content["document"] = document
    return _send(state, p, content)


@handler("sendPhoto")
def send_photo(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    content = _caption_content(p, opts)
    state.resolve_chat(p["chat_id"])
    stored = _store_file(state, p["photo"], default_name="photo.jpg", default_mime="image/jpeg")
    content["photo"] = _photo_sizes(stored)
    return _send(state, p, content)


def _photo_sizes(stored: StoredFile) -> list[dict[str, Any]]:
    size = stored.size or 0
    return [
        {"file_id": stored.file_id + "_s", "file_unique_id": stored.file_unique_id + "s", "width": 90,
         "height": 90, "file_size": max(size // 10, 1)},
        {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "width": 800, "height": 800,
         "file_size": size},
    ]


@handler("sendChatAction")
def send_chat_action(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    if p["action"] not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    state.resolve_chat(p["chat_id"])
    return True


@handler("editMessageText")
def edit_message_text(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    text, entities = parse_text(
        p["text"], p.get("parse_mode"), p.get("entities"), strict_ampersand=opts.strict_ampersand
    )
    markup = validate_reply_markup(p.get("reply_markup"))
    stored = _editable(state, p)
    if stored is None:
        return True
    if "text" not in stored.current:
        raise bad_request("there is no text in the message to edit")
    new = {"text": text, "entities": entities or None, "reply_markup": markup}
    old = {key: stored.current.get(key) for key in new}
    check_not_modified(old, new)
    changes: dict[str, Any] = dict(new)
    if p.get("link_preview_options"):
        changes["link_preview_options"] = p["link_preview_options"]
    return _apply_edit(state, stored, changes)


@handler("editMessageCaption")
def edit_message_caption(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    content = _caption_content(p, opts)
    markup = validate_reply_markup(p.get("reply_markup"))
    stored = _editable(state, p)
    if stored is None:
        return True
    if not any(key in stored.current for key in ("document", "photo", "video", "audio", "animation", "voice")):
        raise bad_request("there is no caption in the message to edit")
    new = {"caption": content.get("caption"), "caption_entities": content.get("caption_entities"),
           "reply_markup": markup}
    check_not_modified({key: stored.current.get(key) for key in new}, new)
    return _apply_edit(state, stored, new)


@handler("editMessageReplyMarkup")
def edit_message_reply_markup(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    markup = validate_reply_markup(p.get("reply_markup"))
    stored = _editable(state, p)
    if stored is None:
        return True
    check_not_modified({"reply_markup": stored.current.get("reply_markup")}, {"reply_markup": markup})
    return _apply_edit(state, stored, {"reply_markup": markup})


@handler("deleteMessage")
def delete_message(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    chat = state.resolve_chat(p["chat_id"], for_sending=False)
    stored = state.find_message(chat["id"], p["message_id"])
    if stored is None:
        raise bad_request("message to delete not found")
    stored.deleted = True
    state.activity.notify()
    return True


@handler("deleteMessages")
def delete_messages(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    ids = p["message_ids"]
    if not ids:
        raise bad_request("message identifiers are not specified")
    if len(ids) > 100:
        raise bad_request("too many message identifiers specified")
    chat = state.resolve_chat(p["chat_id"], for_sending=False)
    for message_id in ids:
        stored = state.find_message(chat["id"], int(message_id))
        if stored is not None:
            stored.deleted = True
    state.activity.notify()
    return True


# ------------------------------------------------------------------ queries
@handler("answerCallbackQuery")
def answer_callback_query(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    pending = state.callback_queries.get(str(p["callback_query_id"]))
    if pending is None or pending.answered:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    text = p.get("text") or ""
    if len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    pending.answered = True
    pending.answer = dict(p)
    state.activity.notify()
    return True


@handler("answerInlineQuery")
def answer_inline_query(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    pending = state.inline_queries.get(str(p["inline_query_id"]))
    if pending is None or pending.answered:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    results = validate_inline_results(p.get("results"), strict_ampersand=opts.strict_ampersand)
    next_offset = str(p.get("next_offset") or "")
    if len(next_offset.encode("utf-8")) > 64:
        raise bad_request("NEXT_OFFSET_INVALID")
    pending.answered = True
    pending.answer = {**p, "results": results}
    state.activity.notify()
    return True


# ----------------------------------------------------------------- commands
@handler("setMyCommands")
def set_my_commands(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    commands = validate_commands(p["commands"])
    key = scope_key(p.get("scope"), p.get("language_code"))
    if commands:
        state.commands[key] = commands
    else:
        state.commands.pop(key, None)
    return True


@handler("getMyCommands")
def get_my_commands(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    key = scope_key(p.get("scope"), p.get("language_code"))
    return [dict(c) for c in state.commands.get(key, [])]


@handler("deleteMyCommands")
def delete_my_commands(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    state.commands.pop(scope_key(p.get("scope"), p.get("language_code")), None)
    return True


@handler("setChatMenuButton")
def set_chat_menu_button(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    chat_id = p.get("chat_id")
    if chat_id not in (None, ""):
        chat_id = state.resolve_chat(chat_id, for_sending=False)["id"]
        if state.chats[chat_id]["type"] != "private":
            raise bad_request("chat is not a private chat")
    state.menu_buttons[chat_id or None] = validate_menu_button(p.get("menu_button"))
    return True


@handler("getChatMenuButton")
def get_chat_menu_button(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    chat_id = p.get("chat_id") or None
    return state.menu_buttons.get(chat_id) or state.menu_buttons.get(None) or {"type": "default"}


# -------------------------------------------------------------------- chats
@handler("getChat")
def get_chat(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    ref = p["chat_id"]
    known = isinstance(ref, str) or ref in state.chats
    if not known:
        raise bad_request("chat not found")
    chat = state.resolve_chat(ref, for_sending=False)
    return {
        **chat,
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {"unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
                                "premium_subscription": False, "gifts_from_channels": False},
    }


@handler("getChatMember")
def get_chat_member(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    chat = state.resolve_chat(p["chat_id"], for_sending=False)
    user_id = int(p["user_id"])
    user = state.bot_user if user_id == state.bot_user["id"] else state.users.get(user_id)
    if user is None:
        raise bad_request("user not found")
    status = state.chat_members.get((chat["id"], user_id), "member")
    member: dict[str, Any] = {"status": status, "user": user}
    if status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        member.update({
            "can_be_edited": False, "is_anonymous": False, "can_manage_chat": True, "can_delete_messages": True,
            "can_manage_video_chats": True, "can_restrict_members": True, "can_promote_members": False,
            "can_change_info": True, "can_invite_users": True, "can_post_stories": False,
            "can_edit_stories": False, "can_delete_stories": False,
        })
    elif status == "kicked":
        member["until_date"] = 0
    return member


@handler("getFile")
def get_file(state: BotState, p: dict[str, Any], opts: Options) -> Any:
    stored = state.files.get(str(p["file_id"]))
    if stored is None:
        raise bad_request("invalid file_id")
    result: dict[str, Any] = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}
    if stored.size is not None:
        result["file_size"] = stored.size
        result["file_path"] = stored.file_path
    return result


# ------------------------------------------------------------------ generic
def generic_handler(method: MethodSpec) -> Handler | None:
    """A stand-in for a spec method without a dedicated handler, if one is sensible."""
    if method.returns == ("Boolean",) or method.returns == ("True",):
        def ok(state: BotState, p: dict[str, Any], opts: Options) -> Any:
            if "chat_id" in p:
                state.resolve_chat(p["chat_id"], for_sending=False)
            return True

        return ok
    if method.returns == ("Message",) and "chat_id" in method.fields:
        media_key = next((name for name, f in method.fields.items() if f.is_file and f.required), None)

        def send(state: BotState, p: dict[str, Any], opts: Options) -> Any:
            content = _caption_content(p, opts) if "caption" in method.fields else {}
            state.resolve_chat(p["chat_id"])
            if media_key is not None:
                stored = _store_file(state, p[media_key], default_name=media_key, default_mime=None)
                content[media_key] = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}
            for key in ("latitude", "longitude", "phone_number", "first_name", "emoji", "question"):
                if key in p:
                    content[key] = p[key]
            return _send(state, p, content)

        return send
    return None

