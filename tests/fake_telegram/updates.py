"""Builders for the JSON objects a user's actions produce (users, chats, updates).

Why: tests should say *what the user did* ("typed /start in a group") and get
an update shaped exactly like Telegram's, including the details bots depend on
and mocks usually forget: ``bot_command`` entities (PTB's ``CommandHandler``
ignores a message without one), UTF-16 entity offsets, ``chat_instance`` on
callback queries, the full message a button was attached to.
"""

from __future__ import annotations

import re
from typing import Any

from .html_check import utf16_len

__all__ = ["detect_entities", "make_chat", "make_user"]

_COMMAND_RE = re.compile(r"(?<![^\s(])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])")
_MENTION_RE = re.compile(r"(?<![A-Za-z0-9_@])@[A-Za-z0-9_]{4,32}(?![A-Za-z0-9_])")
_URL_RE = re.compile(r"(?<![\w/])https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")
_HASHTAG_RE = re.compile(r"(?<![\w#])#\w*[^\W\d]\w*")

CHAT_TYPES = ("private", "group", "supergroup", "channel")


def make_user(
    user_id: int,
    *,
    first_name: str | None = None,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = None,
    is_bot: bool = False,
) -> dict[str, Any]:
    """A ``User`` object; only non-empty optional fields are included, like Telegram."""
    user: dict[str, Any] = {"id": user_id, "is_bot": is_bot, "first_name": first_name or f"User{user_id}"}
    if last_name:
        user["last_name"] = last_name
    if username:
        user["username"] = username
    if language_code:
        user["language_code"] = language_code
    return user


def make_chat(
    chat_id: int,
    chat_type: str,
    *,
    user: dict[str, Any] | None = None,
    title: str | None = None,
    username: str | None = None,
) -> dict[str, Any]:
    """A ``Chat`` object. Private chats mirror the user; groups carry a title."""
    if chat_type not in CHAT_TYPES:
        raise ValueError(f"chat_type must be one of {CHAT_TYPES}, not {chat_type!r}")
    chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
    if chat_type == "private":
        source = user or {}
        chat["first_name"] = source.get("first_name", f"User{chat_id}")
        for key in ("last_name", "username"):
            if source.get(key):
                chat[key] = source[key]
    else:
        chat["title"] = title or f"Group {chat_id}"
        if username:
            chat["username"] = username
        if chat_type == "supergroup":
            chat["is_forum"] = False
    return chat


def detect_entities(text: str) -> list[dict[str, Any]]:
    """Entities Telegram's client/server would attach to a plain typed text.

    ``bot_command`` for ``/cmd`` and ``/cmd@bot``, ``mention`` for ``@user``,
    ``url`` for http(s) links, ``hashtag`` for ``#tag``; offsets in UTF-16.
    """
    found: list[tuple[int, int, str]] = []
    patterns = ((_COMMAND_RE, "bot_command"), (_MENTION_RE, "mention"), (_URL_RE, "url"), (_HASHTAG_RE, "hashtag"))
    for regex, kind in patterns:
        for match in regex.finditer(text):
            if kind == "mention" and text[: match.start()].endswith("/"):
                continue
            found.append((match.start(), match.end(), kind))
    found.sort()
    entities: list[dict[str, Any]] = []
    last_end = -1
    for start, end, kind in found:
        if start < last_end:  # overlapping (e.g. @bot inside /cmd@bot) - the first wins
            continue
        entities.append(
            {"type": kind, "offset": utf16_len(text[:start]), "length": utf16_len(text[start:end])}
        )
        last_end = end
    return entities
