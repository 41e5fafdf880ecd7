"""Content rules Telegram enforces beyond the parameter types.

Why: these are the rejections a bot meets in production and never against a
permissive mock: 4096-character texts, HTML that TDLib cannot parse, callback
data over 64 bytes, a keyboard button without an action, a bad bot command.
Every function here either returns normalised data or raises
:class:`~.errors.ApiError` with Telegram's description.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import ApiError, bad_request
from .html_check import HtmlParseError, parse_html, utf16_len

__all__ = [
    "MAX_CAPTION",
    "MAX_TEXT",
    "parse_caption",
    "parse_text",
    "validate_commands",
    "validate_inline_results",
    "validate_menu_button",
    "validate_reply_markup",
    "check_not_modified",
    "scope_key",
]

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_KEYBOARD_BUTTONS = 100
MAX_INLINE_RESULTS = 50

#: Fields of InlineKeyboardButton of which exactly one must be present.
INLINE_BUTTON_ACTIONS = (
    "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
)
_BUTTON_URL_RE = re.compile(r"^(https?|tg)://\S+$", re.IGNORECASE)
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2}$")
INLINE_RESULT_TYPES = frozenset(
    {"article", "photo", "gif", "mpeg4_gif", "video", "audio", "voice", "document", "location", "venue",
     "contact", "game", "sticker"}
)
SCOPE_TYPES = {
    "default": (),
    "all_private_chats": (),
    "all_group_chats": (),
    "all_chat_administrators": (),
    "chat": ("chat_id",),
    "chat_administrators": ("chat_id",),
    "chat_member": ("chat_id", "user_id"),
}


def _parse(
    text: str, parse_mode: str | None, entities: Any, *, strict_ampersand: bool
) -> tuple[str, list[dict[str, Any]]]:
    mode = (parse_mode or "").lower()
    if mode in ("", "none"):
        if entities is not None:
            _check_entities(entities)
            return text.strip(), list(entities)
        return text.strip(), []
    if mode == "html":
        try:
            parsed = parse_html(text, strict_ampersand=strict_ampersand)
        except HtmlParseError as exc:
            raise bad_request(f"can't parse entities: {exc}") from None
        return parsed.text, parsed.entities
    if mode in ("markdown", "markdownv2"):
        # Not validated; the raw length is an upper bound of the visible length.
        return text.strip(), []
    raise bad_request("unsupported parse_mode")


def _check_entities(entities: Any) -> None:
    if not isinstance(entities, list):
        raise bad_request("can't parse entities JSON object")
    for entity in entities:
        if not isinstance(entity, dict):
            raise bad_request("can't parse MessageEntity: expected an Object")
        for key in ("type", "offset", "length"):
            if key not in entity:
                raise bad_request(f'can\'t parse MessageEntity: Can\'t find field "{key}"')


def parse_text(
    text: str, parse_mode: str | None, entities: Any = None, *, strict_ampersand: bool = True
) -> tuple[str, list[dict[str, Any]]]:
    """Visible text and entities of a message text, enforcing 1..4096 characters."""
    if not text:
        raise bad_request("message text is empty")
    visible, found = _parse(text, parse_mode, entities, strict_ampersand=strict_ampersand)
    if not visible:
        raise bad_request("message text is empty")
    if utf16_len(visible) > MAX_TEXT:
        raise bad_request("message is too long")
    return visible, found


def parse_caption(
    caption: str | None, parse_mode: str | None, entities: Any = None, *, strict_ampersand: bool = True
) -> tuple[str, list[dict[str, Any]]]:
    """Visible caption and entities, enforcing the 1024-character limit."""
    if not caption:
        return "", []
    visible, found = _parse(caption, parse_mode, entities, strict_ampersand=strict_ampersand)
    if utf16_len(visible) > MAX_CAPTION:
        raise bad_request("message caption is too long")
    return visible, found


def validate_reply_markup(markup: Any) -> dict[str, Any] | None:
    """Check a reply_markup object; return it if it belongs in the sent Message.

    Only inline keyboards are echoed back in ``Message.reply_markup``.
    """
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("object expected as reply markup")
    if "inline_keyboard" in markup:
        _validate_inline_keyboard(markup["inline_keyboard"])
        return {"inline_keyboard": markup["inline_keyboard"]}
    if "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request('field "keyboard" must be an Array of Arrays')
        count = 0
        for row in rows:
            for button in row:
                count += 1
                if isinstance(button, str):
                    continue
                if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                    raise bad_request("can't parse keyboard button: KeyboardButton must be a String or an Object")
        if count > MAX_KEYBOARD_BUTTONS * 3:
            raise bad_request("reply markup is too long")
        return None
    if markup.get("remove_keyboard") or markup.get("force_reply"):
        return None
    raise bad_request("object expected as reply markup")


def _validate_inline_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
    count = 0
    for row in rows:
        for button in row:
            count += 1
            _validate_inline_button(button)
    if count > MAX_KEYBOARD_BUTTONS:
        raise bad_request("reply markup is too long")


def _validate_inline_button(button: Any) -> None:
    prefix = "can't parse inline keyboard button: "
    if not isinstance(button, dict):
        raise bad_request(prefix + "InlineKeyboardButton must be an Object")
    text = button.get("text")
    if not isinstance(text, str):
        raise bad_request(prefix + 'Field "text" must be of type String')
    if not text.strip():
        raise bad_request("BUTTON_TEXT_INVALID")
    actions = [name for name in INLINE_BUTTON_ACTIONS if name in button and button[name] is not None]
    if not actions:
        raise bad_request(prefix + "Text buttons are unallowed in the inline keyboard")
    if len(actions) > 1:
        # Telegram silently uses the first one; a button with two actions is a bot bug.
        raise bad_request(prefix + f"exactly one of the fields {', '.join(actions)} must be used")
    action = actions[0]
    value = button[action]
    if action == "callback_data":
        if not isinstance(value, str) or not value or len(value.encode("utf-8")) > MAX_CALLBACK_DATA_BYTES:
            raise bad_request("BUTTON_DATA_INVALID")
    elif action == "url":
        if not isinstance(value, str) or not _BUTTON_URL_RE.match(value):
            raise bad_request("BUTTON_URL_INVALID")
    elif action in ("web_app", "login_url", "copy_text", "switch_inline_query_chosen_chat"):
        if not isinstance(value, dict):
            raise bad_request(prefix + f'Field "{action}" must be of type Object')


def validate_commands(commands: Any) -> list[dict[str, str]]:
    """setMyCommands rules: <=100 commands, names ``[a-z0-9_]{1,32}``, descriptions 1..256."""
    if not isinstance(commands, list):
        raise bad_request("expected an Array of BotCommand")
    if len(commands) > 100:
        raise bad_request("BOT_COMMANDS_TOO_MUCH")
    cleaned: list[dict[str, str]] = []
    for item in commands:
        if not isinstance(item, dict):
            raise bad_request("can't parse BotCommand: expected an Object")
        for key in ("command", "description"):
            if not isinstance(item.get(key), str):
                raise bad_request(f'can\'t parse BotCommand: Can\'t find field "{key}"')
        command = item["command"].removeprefix("/")
        if not _COMMAND_RE.match(command):
            raise bad_request("BOT_COMMAND_INVALID")
        description = item["description"].strip()
        if not 1 <= len(description) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        cleaned.append({"command": command, "description": description})
    return cleaned


def scope_key(scope: Any, language_code: Any) -> tuple[str, str]:
    """Storage key for commands: canonical scope plus language code."""
    if scope is None:
        scope = {"type": "default"}
    if not isinstance(scope, dict) or scope.get("type") not in SCOPE_TYPES:
        raise bad_request("can't parse BotCommandScope: unsupported type")
    parts = [str(scope["type"])]
    for key in SCOPE_TYPES[scope["type"]]:
        if key not in scope:
            raise bad_request(f'can\'t parse BotCommandScope: Can\'t find field "{key}"')
        parts.append(f"{key}={scope[key]}")
    language = language_code or ""
    if language and not _LANGUAGE_RE.match(str(language)):
        raise bad_request("invalid language code specified")
    return ":".join(parts), str(language)


def validate_menu_button(button: Any) -> dict[str, Any]:
    if button is None:
        return {"type": "default"}
    if not isinstance(button, dict):
        raise bad_request("can't parse menu button: MenuButton must be an Object")
    kind = button.get("type")
    if kind in ("default", "commands"):
        return {"type": kind}
    if kind == "web_app":
        web_app = button.get("web_app")
        if not isinstance(button.get("text"), str) or not isinstance(web_app, dict) or "url" not in web_app:
            raise bad_request("can't parse menu button: MenuButtonWebApp must have text and web_app.url")
        return {"type": "web_app", "text": button["text"], "web_app": {"url": web_app["url"]}}
    raise bad_request("can't parse menu button: MenuButton has unsupported type")


def validate_inline_results(results: Any, *, strict_ampersand: bool = True) -> list[dict[str, Any]]:
    """answerInlineQuery rules: <=50 results, unique ids of 1..64 bytes, known types."""
    if results is None:
        return []
    if not isinstance(results, list):
        raise bad_request("expected an Array of inline query results")
    if len(results) > MAX_INLINE_RESULTS:
        raise bad_request("too many inline query results specified")
    seen: set[str] = set()
    prefix = "can't parse inline query result: "
    for result in results:
        if not isinstance(result, dict):
            raise bad_request(prefix + "Inline query result must be an object")
        kind = result.get("type")
        if not isinstance(kind, str) or kind.lower() not in INLINE_RESULT_TYPES:
            raise bad_request(prefix + f'type "{kind}" is unsupported for the inline query result')
        result_id = result.get("id")
        if not isinstance(result_id, str) or not result_id or len(result_id.encode("utf-8")) > 64:
            raise bad_request("RESULT_ID_INVALID")
        if result_id in seen:
            raise bad_request("RESULT_ID_DUPLICATE")
        seen.add(result_id)
        content = result.get("input_message_content")
        if isinstance(content, dict) and "message_text" in content:
            parse_text(
                str(content["message_text"]),
                content.get("parse_mode"),
                content.get("entities"),
                strict_ampersand=strict_ampersand,
            )
        elif kind.lower() == "article":
            raise bad_request(prefix + 'Can\'t find field "input_message_content"')
        if "reply_markup" in result:
            markup = result["reply_markup"]
            if not isinstance(markup, dict) or "inline_keyboard" not in markup:
                raise bad_request(prefix + "InlineKeyboardMarkup expected")
            _validate_inline_keyboard(markup["inline_keyboard"])
    return results


def check_not_modified(old: dict[str, Any], new: dict[str, Any]) -> None:
    """Telegram refuses an edit that changes nothing."""
    if old == new:
        raise ApiError(
            400,
            "Bad Request: message is not modified: specified new message content and reply markup are exactly "
            "the same as a current content and reply markup of the message",
        )
