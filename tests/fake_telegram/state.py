"""Everything the fake Telegram remembers: chats, transcripts, files, the update queue.

Why separate from the HTTP layer: the same state is changed from two sides,
the bot (through Bot API calls) and the test (injecting user actions). Keeping
it in one plain object with small operations makes both sides share the exact
same rules (per-chat message ids, update confirmation by ``offset``...).

All methods are synchronous and must run on the server's event loop thread;
waiting is done through :class:`Notifier`.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .errors import ApiError, bad_request
from .updates import make_chat, make_user

__all__ = ["BotState", "Notifier", "StoredFile", "StoredMessage", "UPDATE_TYPES"]

T = TypeVar("T")

#: Update types in Telegram's order; the default mask excludes the last three.
UPDATE_TYPES: tuple[str, ...] = (
    "message", "edited_message", "channel_post", "edited_channel_post", "business_connection",
    "business_message", "edited_business_message", "deleted_business_messages", "inline_query",
    "chosen_inline_result", "callback_query", "shipping_query", "pre_checkout_query", "purchased_paid_media",
    "poll", "poll_answer", "my_chat_member", "chat_join_request", "chat_boost", "removed_chat_boost",
    "managed_bot", "chat_member", "message_reaction", "message_reaction_count",
)
DEFAULT_ALLOWED = frozenset(UPDATE_TYPES) - {"chat_member", "message_reaction", "message_reaction_count"}


class Notifier:
    """Wakes every waiter whenever something changes.

    Why not ``asyncio.Condition``: state changes happen in plain synchronous
    code (a request handler, ``server.send_text``) that cannot ``await`` the
    condition's lock. Swapping a fresh ``asyncio.Event`` on each change gives
    the same "wait until predicate holds" semantics without a lock and without
    polling.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        event, self._event = self._event, asyncio.Event()
        event.set()

    async def wait_for(self, probe: Callable[[], T | None], timeout: float | None) -> T | None:
        """Return the first non-``None`` result of ``probe()``, or ``None`` at timeout."""
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        while True:
            event = self._event
            result = probe()
            if result is not None:
                return result
            if deadline is None:
                await event.wait()
                continue
            remaining = deadline - loop.time()
            if remaining <= 0:
                return None
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except TimeoutError:
                return probe()


@dataclass
class StoredMessage:
    """A message in a chat transcript.

    ``sent`` is the message as first delivered (never changes); ``current``
    reflects later edits. Edits replace top-level keys only, so the shallow
    copy taken at send time stays a faithful snapshot.
    """

    chat_id: int
    message_id: int
    seq: int
    from_bot: bool
    sent: dict[str, Any]
    current: dict[str, Any]
    deleted: bool = False
    edits: int = 0


@dataclass
class StoredFile:
    """A file the fake knows (uploaded by the bot or "sent" by a test user)."""

    file_id: str
    file_unique_id: str
    data: bytes | None
    file_name: str | None = None
    mime_type: str | None = None
    url: str | None = None

    @property
    def file_path(self) -> str:
        name = self.file_name or "file"
        return f"documents/{self.file_unique_id}/{name}"

    @property
    def size(self) -> int | None:
        return None if self.data is None else len(self.data)


@dataclass
class PendingQuery:
    """A callback or inline query awaiting the bot's answer."""

    update: dict[str, Any]
    answered: bool = False
    answer: dict[str, Any] | None = None


@dataclass
class BotState:
    """The mutable world of one fake bot."""

    bot_user: dict[str, Any]
    require_known_chats: bool = False
    chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    users: dict[int, dict[str, Any]] = field(default_factory=dict)
    usernames: dict[str, int] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)
    transcripts: dict[int, list[StoredMessage]] = field(default_factory=dict)
    by_id: dict[tuple[int, int], StoredMessage] = field(default_factory=dict)
    files: dict[str, StoredFile] = field(default_factory=dict)
    pending_updates: deque[dict[str, Any]] = field(default_factory=deque)
    dropped_updates: list[dict[str, Any]] = field(default_factory=list)
    allowed_updates: frozenset[str] = DEFAULT_ALLOWED
    callback_queries: dict[str, PendingQuery] = field(default_factory=dict)
    inline_queries: dict[str, PendingQuery] = field(default_factory=dict)
    commands: dict[tuple[str, str], list[dict[str, str]]] = field(default_factory=dict)
    menu_buttons: dict[int | None, dict[str, Any]] = field(default_factory=dict)
    chat_members: dict[tuple[int, int], str] = field(default_factory=dict)
    webhook: dict[str, Any] = field(default_factory=lambda: {"url": ""})
    poll_generation: int = 0
    polls_waiting: int = 0
    last_seq: int = 0
    updates_changed: Notifier = field(default_factory=Notifier)
    activity: Notifier = field(default_factory=Notifier)
    _next_message_id: dict[int, int] = field(default_factory=dict)
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _seq: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    # ----------------------------------------------------------- identifiers
    def new_id(self, prefix: str = "") -> str:
        """A unique opaque id (file ids, query ids)."""
        return f"{prefix}{4_000_000_000_000_000 + next(self._ids)}"

    def next_message_id(self, chat_id: int) -> int:
        message_id = self._next_message_id.get(chat_id, 0) + 1
        self._next_message_id[chat_id] = message_id
        return message_id

    # --------------------------------------------------------- users / chats
    def remember_user(self, user_id: int, **fields: Any) -> dict[str, Any]:
        """Create or update a user; later calls only need to pass what changed."""
        known = self.users.get(user_id, {})
        merged = {
            "first_name": fields.get("first_name") or known.get("first_name"),
            "last_name": fields.get("last_name") or known.get("last_name"),
            "username": fields.get("username") or known.get("username"),
            "language_code": fields.get("language_code") or known.get("language_code"),
        }
        user = make_user(user_id, **merged)
        self.users[user_id] = user
        if user.get("username"):
            self.usernames[user["username"].lower()] = user_id
        return user

    def remember_chat(
        self,
        chat_id: int,
        chat_type: str | None,
        *,
        user: dict[str, Any] | None = None,
        title: str | None = None,
        username: str | None = None,
    ) -> dict[str, Any]:
        known = self.chats.get(chat_id)
        if known is not None and chat_type in (None, known["type"]) and title is None and username is None:
            if known["type"] == "private" and user is not None:
                known = make_chat(chat_id, "private", user=user)
                self.chats[chat_id] = known
            return known
        chat_type = chat_type or (known["type"] if known else "private")
        chat = make_chat(
            chat_id,
            chat_type,
            user=user,
            title=title or (known or {}).get("title"),
            username=username or (known or {}).get("username"),
        )
        self.chats[chat_id] = chat
        if chat.get("username"):
            self.usernames[chat["username"].lower()] = chat_id
        return chat

    def resolve_chat(self, chat_ref: int | str, *, for_sending: bool = True) -> dict[str, Any]:
        """The chat a ``chat_id`` parameter names, with Telegram's errors."""
        if isinstance(chat_ref, str):
            if not chat_ref.startswith("@") or chat_ref[1:].lower() not in self.usernames:
                raise bad_request("chat not found")
            chat_ref = self.usernames[chat_ref[1:].lower()]
        chat = self.chats.get(chat_ref)
        if chat is None:
            if self.require_known_chats or chat_ref == 0:
                raise bad_request("chat not found")
            chat_type = "private" if chat_ref > 0 else ("supergroup" if str(chat_ref).startswith("-100") else "group")
            chat = self.remember_chat(chat_ref, chat_type)
        if for_sending and chat["id"] in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat

    def is_group(self, chat_id: int | str | None) -> bool:
        if isinstance(chat_id, int):
            chat = self.chats.get(chat_id)
            if chat is not None:
                return chat["type"] != "private"
            return chat_id < 0
        return isinstance(chat_id, str)

    # -------------------------------------------------------------- messages
    def store_message(self, chat_id: int, message: dict[str, Any], *, from_bot: bool) -> StoredMessage:
        stored = StoredMessage(
            chat_id=chat_id,
            message_id=message["message_id"],
            seq=next(self._seq),
            from_bot=from_bot,
            sent=dict(message),
            current=message,
        )
        self.last_seq = stored.seq
        self.transcripts.setdefault(chat_id, []).append(stored)
        self.by_id[(chat_id, stored.message_id)] = stored
        self.activity.notify()
        return stored

    def find_message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        stored = self.by_id.get((chat_id, message_id))
        if stored is None or stored.deleted:
            return None
        return stored

    def new_bot_message(self, chat: dict[str, Any], content: dict[str, Any]) -> StoredMessage:
        message: dict[str, Any] = {
            "message_id": self.next_message_id(chat["id"]),
            "from": self.bot_user,
            "chat": chat,
            "date": int(time.time()),
        }
        message.update(content)
        return self.store_message(chat["id"], message, from_bot=True)

    # --------------------------------------------------------------- updates
    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for getUpdates (or drop it if not in ``allowed_updates``)."""
        if "update_id" not in update:
            update = {"update_id": next(self._update_ids), **update}
        kind = next((key for key in update if key != "update_id"), None)
        if kind is not None and kind in UPDATE_TYPES and kind not in self.allowed_updates:
            # Telegram discards updates of types the bot did not ask for.
            self.dropped_updates.append(update)
            return update
        self.pending_updates.append(update)
        self.updates_changed.notify()
        return update

    def confirm_updates(self, offset: int) -> None:
        """Apply getUpdates' ``offset``: forget confirmed updates."""
        queue = self.pending_updates
        if offset > 0:
            while queue and queue[0]["update_id"] < offset:
                queue.popleft()
        elif offset < 0:
            while len(queue) > -offset:
                queue.popleft()
        self.updates_changed.notify()

    def set_allowed_updates(self, allowed: list[str] | None) -> None:
        if allowed is None:
            return
        names = frozenset(str(a).lower() for a in allowed) & frozenset(UPDATE_TYPES)
        self.allowed_updates = names or DEFAULT_ALLOWED

    def drop_pending(self) -> None:
        self.pending_updates.clear()
        self.updates_changed.notify()
