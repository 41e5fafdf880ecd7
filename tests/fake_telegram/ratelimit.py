"""Telegram's flood limits as token buckets, answering 429 with ``retry_after``.

Why: a bot that broadcasts or answers a busy group must pace itself (PTB's
``AIORateLimiter`` or its own queue). Without enforcement in the fake, a
broadcast test passes against the mock and then gets ``Too Many Requests`` in
production. The limits are Telegram's published ones (about one message per
second per chat, 20 per minute per group, 30 per second overall, 1000 per
second overall with ``allow_paid_broadcast``), each with a small burst.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

__all__ = ["RateLimiter", "RateLimits", "TokenBucket"]


@dataclass
class RateLimits:
    """Configurable limits (rates in messages per second; bursts in messages)."""

    private_per_second: float = 1.0
    private_burst: float = 3.0
    group_per_second: float = 20 / 60
    group_burst: float = 20.0  # "20 messages per minute": a full minute's worth may come at once
    global_per_second: float = 30.0
    global_burst: float = 30.0
    paid_global_per_second: float = 1000.0
    paid_global_burst: float = 1000.0
    #: Methods that count as sending a message.
    methods: frozenset[str] = field(
        default_factory=lambda: frozenset(
            m.lower()
            for m in (
                "sendMessage", "sendDocument", "sendPhoto", "sendAudio", "sendVideo", "sendAnimation",
                "sendVoice", "sendVideoNote", "sendSticker", "sendLocation", "sendVenue", "sendContact",
                "sendPoll", "sendDice", "sendMediaGroup", "copyMessage", "forwardMessage",
            )
        )
    )


class TokenBucket:
    """Classic token bucket; ``take`` returns 0 or the seconds until a token exists."""

    __slots__ = ("rate", "capacity", "tokens", "updated")

    def __init__(self, rate: float, capacity: float, now: float) -> None:
        self.rate = rate
        self.capacity = max(capacity, 1.0)
        self.tokens = self.capacity
        self.updated = now

    def _refill(self, now: float) -> None:
        if now > self.updated:
            self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
            self.updated = now

    def wait_time(self, now: float) -> float:
        self._refill(now)
        if self.tokens >= 1.0:
            return 0.0
        return (1.0 - self.tokens) / self.rate if self.rate > 0 else math.inf

    def consume(self) -> None:
        self.tokens -= 1.0


class RateLimiter:
    """Per-chat and global buckets. Time comes from the caller (the event loop clock)."""

    def __init__(self, limits: RateLimits) -> None:
        self.limits = limits
        self._chats: dict[int | str, TokenBucket] = {}
        self._global: TokenBucket | None = None
        self._paid: TokenBucket | None = None

    def check(self, method: str, chat_id: int | str | None, is_group: bool, paid: bool, now: float) -> int:
        """Consume a token and return 0, or return ``retry_after`` (whole seconds, >= 1)."""
        if method.lower() not in self.limits.methods:
            return 0
        lim = self.limits
        if paid:
            if self._paid is None:
                self._paid = TokenBucket(lim.paid_global_per_second, lim.paid_global_burst, now)
            global_bucket = self._paid
        else:
            if self._global is None:
                self._global = TokenBucket(lim.global_per_second, lim.global_burst, now)
            global_bucket = self._global
        buckets = [global_bucket]
        if chat_id is not None:
            chat_bucket = self._chats.get(chat_id)
            if chat_bucket is None:
                if is_group:
                    chat_bucket = TokenBucket(lim.group_per_second, lim.group_burst, now)
                else:
                    chat_bucket = TokenBucket(lim.private_per_second, lim.private_burst, now)
                self._chats[chat_id] = chat_bucket
            buckets.append(chat_bucket)
        wait = max(bucket.wait_time(now) for bucket in buckets)
        if wait > 0:
            return max(1, math.ceil(wait))
        for bucket in buckets:
            bucket.consume()
        return 0
