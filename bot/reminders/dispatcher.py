"""The dispatcher: drains the outbox at Telegram's rate limits, exactly once per row as far as it can.

The database is the source of truth: a tick claims due rows (pending → sending, in one statement,
`FOR UPDATE SKIP LOCKED` on PostgreSQL so several dispatchers share the work), sends them, and records
each outcome. A row is marked `sent` before its concurrency slot is freed (outcomes are committed in
groups, but a sender waits for its group's commit), so a crash (`kill -9`) can only repeat the at most
`concurrency` messages that were on the wire; a row whose claimer died is reclaimed after `lease`.

Sending goes through a `Sender` (a protocol: one `send` that raises the errors below), so this module
never imports `telegram`; `bot/reminder_sender.py` is the adapter.

Limits: a global rate (aiolimiter's leaky bucket with a small burst, so a server that allows a burst
of a second's worth is never pushed past it), at most one message a second per private chat and 20 a
minute per group (a row for a busy chat waits briefly or is put back until its chat is free).
Outcomes: 429 → every sender pauses for `retry_after` and the row is put back without counting an
attempt; timeout/5xx/network → put back with exponential backoff, failed after `max_attempts`;
403 → the chat and its subscriptions are deactivated and its queued rows dropped; 400 → failed with
the error, and the next row goes on.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import socket
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from aiolimiter import AsyncLimiter

from bot import clock
from bot.reminders.messages import late_line
from storage import outbox
from storage.db import Database

log = logging.getLogger("bot.reminders.dispatcher")


# --- the sender protocol ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outgoing:
    chat_id: int
    text: str  # HTML
    reply_markup: dict[str, Any] | None = None  # Telegram's JSON shape ({"inline_keyboard": [...]})
    paid_broadcast: bool = False


class SendError(Exception):
    """Base of what a `Sender` raises; the message is the API's description."""


class RetryLater(SendError):
    """429: wait `seconds` before sending anything else."""

    def __init__(self, seconds: float, description: str = "Too Many Requests") -> None:
        super().__init__(description)
        self.seconds = seconds


class TransientError(SendError):
    """Timeout, 5xx, network trouble: the same request may work later."""


class ChatBlocked(SendError):
    """403: the user blocked the bot, or the bot was removed from the group."""


class Rejected(SendError):
    """400 and other permanent refusals: this message will never be accepted."""


class Sender(Protocol):
    async def send(self, message: Outgoing) -> None: ...


# --- configuration -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DispatcherConfig:
    rate_per_second: float = 25.0
    paid_broadcast: bool = False
    concurrency: int = 8
    batch_size: int = 500
    lease: timedelta = timedelta(seconds=120)
    poll_interval: float = 1.0
    late_grace: timedelta = timedelta(seconds=60)
    max_attempts: int = 8
    private_interval: float = 1.0  # Telegram: about one message a second per chat
    group_interval: float = 3.0  # Telegram: 20 messages a minute per group
    max_chat_wait: float = 1.5  # wait this long for a busy chat, else put the row back
    burst_seconds: float = 0.1  # the global limiter's bucket holds this many seconds' worth

    @classmethod
    def for_rate(cls, rate_per_second: float, paid_broadcast: bool = False, **overrides: Any) -> "DispatcherConfig":
        """Concurrency and batch sized to the rate: enough sends in flight to reach it, no more."""
        concurrency = max(4, min(64, int(rate_per_second * 0.05)))  # sends in flight for a ~50 ms round trip
        batch = max(50, min(2000, int(rate_per_second * 2)))
        values: dict[str, Any] = dict(
            rate_per_second=rate_per_second, paid_broadcast=paid_broadcast, concurrency=concurrency, batch_size=batch
        )
        values.update(overrides)
        if "batch_size" not in overrides and "lease" in overrides:
            # a claimed row must go out well within half the lease, or it is put back unsent
            lease = overrides["lease"].total_seconds()  # type: ignore[union-attr]
            values["batch_size"] = max(concurrency, min(batch, int(rate_per_second * lease / 4)))
        return cls(**values)


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{random.randrange(1 << 24):06x}"


# --- bookkeeping --------------------------------------------------------------------------------------


class _SentRecorder:
    """Group commit of `sent` outcomes: one UPDATE for everything that finished meanwhile.

    `record` returns only after the row is durably `sent`, so a slot is never freed before that.
    """

    def __init__(self, database: Database) -> None:
        self._database = database
        self._batch: list[tuple[int, bool, asyncio.Future[None]]] = []
        self._task: asyncio.Task[None] | None = None

    async def record(self, message_id: int, late: bool) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._batch.append((message_id, late, future))
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._flush())
        await asyncio.shield(future)

    async def _flush(self) -> None:
        while self._batch:
            batch, self._batch = self._batch, []
            try:
                now = clock.now()
                async with self._database.session() as session:
                    await outbox.mark_sent(session, [i for i, late, _ in batch if not late], now=now)
                    await outbox.mark_sent(session, [i for i, late, _ in batch if late], now=now, late=True)
                    await session.commit()
            except Exception as exc:  # noqa: BLE001 - the rows stay `sending` and are reclaimed later
                for _, _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
            else:
                for _, _, future in batch:
                    if not future.done():
                        future.set_result(None)


class _ChatPacer:
    """Per-chat spacing; entries of chats not written to lately are forgotten (memory stays flat)."""

    def __init__(self, private_interval: float, group_interval: float) -> None:
        self.private_interval = private_interval
        self.group_interval = group_interval
        self._next: dict[int, float] = {}
        self._since_prune = 0

    def reserve(self, chat_id: int, now: float, max_wait: float) -> float | None:
        """Seconds to wait before sending to this chat (the slot is taken), or None if longer than `max_wait`."""
        slot = max(now, self._next.get(chat_id, 0.0))
        wait = slot - now
        if wait > max_wait:
            return None
        self._next[chat_id] = slot + (self.group_interval if chat_id < 0 else self.private_interval)
        self._since_prune += 1
        if self._since_prune >= 10_000:
            self._since_prune = 0
            self._next = {chat: t for chat, t in self._next.items() if t > now}
        return wait

    def busy_for(self, chat_id: int, now: float) -> float:
        return max(0.0, self._next.get(chat_id, 0.0) - now)


# --- the dispatcher ------------------------------------------------------------------------------------


class Dispatcher:
    def __init__(
        self,
        database: Database,
        sender: Sender,
        config: DispatcherConfig | None = None,
        *,
        worker_id: str | None = None,
    ) -> None:
        self.database = database
        self.sender = sender
        self.config = config or DispatcherConfig()
        self.worker_id = worker_id or default_worker_id()
        burst = max(1.0, self.config.rate_per_second * self.config.burst_seconds)
        self._limiter = AsyncLimiter(burst, burst / self.config.rate_per_second)
        self._slots = asyncio.Semaphore(self.config.concurrency)
        self._pacer = _ChatPacer(self.config.private_interval, self.config.group_interval)
        self._recorder = _SentRecorder(database)
        self._paused_until = 0.0
        self._stopping = asyncio.Event()
        self._wakeup = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._next_reclaim = 0.0
        self.started_at: datetime = clock.now()
        self.stats: Counter[str] = Counter()

    # -- lifecycle --

    def start(self) -> asyncio.Task[None]:
        """Run in the background (post_init); `stop()` finishes what is in flight."""
        self.started_at = clock.now()
        self._stopping.clear()
        self._task = asyncio.create_task(self.run_forever(), name=f"outbox-dispatcher-{self.worker_id}")
        return self._task

    async def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self._wakeup.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), timeout)
            except (TimeoutError, asyncio.CancelledError):
                self._task.cancel()
            self._task = None
        log.info("dispatcher %s stopped: %s", self.worker_id, dict(self.stats))

    def wake(self) -> None:
        """Something was queued for now: look at once instead of at the next poll."""
        self._wakeup.set()

    async def run_forever(self) -> None:
        """Claim the next batch while the current one is still going out (no idle tail between batches)."""
        log.info(
            "dispatcher %s started: %.0f msg/s%s, %d in flight",
            self.worker_id, self.config.rate_per_second, " (paid broadcast)" if self.config.paid_broadcast else "",
            self.config.concurrency,
        )
        loop = asyncio.get_running_loop()
        running: set[asyncio.Task[None]] = set()
        try:
            while not self._stopping.is_set():
                if len(running) > self.config.batch_size // 2:
                    _, running = await asyncio.wait(running, timeout=self.config.poll_interval, return_when=asyncio.FIRST_COMPLETED)
                    continue
                try:
                    if loop.time() >= self._next_reclaim:
                        self._next_reclaim = loop.time() + self.config.lease.total_seconds() / 4
                        await self.reclaim()
                    claimed = await self.claim(self.config.batch_size - len(running))
                except asyncio.CancelledError:
                    raise
                except Exception:  # noqa: BLE001 - a database hiccup must not end reminders for good
                    log.exception("dispatcher tick failed; retrying")
                    await self._sleep(self.config.poll_interval * 5)
                    continue
                claimed_at = loop.time()
                running |= {asyncio.create_task(self._deliver(message, claimed_at)) for message in claimed}
                if not claimed:
                    if running:
                        _, running = await asyncio.wait(running, timeout=self.config.poll_interval, return_when=asyncio.FIRST_COMPLETED)
                    else:
                        await self._sleep(self.config.poll_interval)
        finally:
            if running:  # stop(): what was claimed is sent (or put back) and recorded before we return
                await asyncio.wait(running)

    async def _sleep(self, seconds: float) -> None:
        self._wakeup.clear()
        try:
            await asyncio.wait_for(self._wakeup.wait(), seconds)
        except TimeoutError:
            pass

    # -- one tick --

    async def reclaim(self) -> int:
        async with self.database.session() as session:
            count = await outbox.reclaim_stale(session, now=clock.now(), lease=self.config.lease)
            await session.commit()
        if count:
            log.warning("reclaimed %d message(s) whose dispatcher stopped answering", count)
            self.stats["reclaimed"] += count
        return count

    async def claim(self, limit: int | None = None) -> list[outbox.ClaimedMessage]:
        async with self.database.session() as session:
            claimed = await outbox.claim_due(
                session, worker=self.worker_id, now=clock.now(), limit=limit or self.config.batch_size
            )
            await session.commit()
        return claimed

    async def run_once(self) -> int:
        """Reclaim (now and then), claim one batch of due rows and settle every one of them."""
        loop = asyncio.get_running_loop()
        if loop.time() >= self._next_reclaim:
            self._next_reclaim = loop.time() + self.config.lease.total_seconds() / 4
            await self.reclaim()
        claimed = await self.claim()
        if not claimed:
            return 0
        claimed_at = loop.time()
        await asyncio.gather(*(self._deliver(message, claimed_at) for message in claimed))
        return len(claimed)

    async def drain(self, timeout: float = 30.0) -> int:
        """Run ticks until nothing is due (tests, benchmarks, the CLI)."""
        total = 0
        deadline = asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            processed = await self.run_once()
            total += processed
            if processed == 0:
                async with self.database.session() as session:
                    next_due = await outbox.next_due_at(session)
                if next_due is None or next_due > clock.now() + timedelta(seconds=5):
                    return total
                await asyncio.sleep(0.05)
        return total

    # -- one message --

    async def _deliver(self, message: outbox.ClaimedMessage, claimed_at: float) -> None:
        loop = asyncio.get_running_loop()
        now = clock.now()
        try:
            if message.not_after is not None and now >= message.not_after:
                await self._final(message, outbox.DROPPED, "the event had already started when it could be sent")
                log.info("dropped %s %s for chat %s: too late (due %s)", message.kind, message.id, message.chat_id, message.due_at)
                return
            if message.attempts > self.config.max_attempts:
                await self._final(message, outbox.FAILED, f"gave up after {message.attempts - 1} attempts")
                return
            wait = self._pacer.reserve(message.chat_id, loop.time(), self.config.max_chat_wait)
            if wait is None:
                busy = self._pacer.busy_for(message.chat_id, loop.time())
                await self._release(message, now + timedelta(seconds=busy), "chat busy", count_attempt=False)
                self.stats["deferred"] += 1
                return
            if wait > 0:
                await asyncio.sleep(wait)
            async with self._slots:
                if loop.time() - claimed_at > self.config.lease.total_seconds() / 2:
                    await self._release(message, clock.now(), "claim too old to send safely", count_attempt=False)
                    return
                while (pause := self._paused_until - loop.time()) > 0:
                    await asyncio.sleep(pause)
                await self._limiter.acquire()
                late = message.kind == "reminder" and message.due_at < self.started_at - self.config.late_grace
                text = f"{late_line(message.language)}\n{message.text}" if late else message.text
                try:
                    await self.sender.send(
                        Outgoing(message.chat_id, text, message.reply_markup, self.config.paid_broadcast)
                    )
                except RetryLater as exc:
                    self._paused_until = max(self._paused_until, loop.time() + exc.seconds)
                    self.stats["rate_limited"] += 1
                    log.warning("429 from Telegram: pausing sends for %.1fs", exc.seconds)
                    await self._release(message, clock.now() + timedelta(seconds=exc.seconds), str(exc), count_attempt=False)
                    return
                except ChatBlocked as exc:
                    await self._blocked(message, str(exc))
                    return
                except Rejected as exc:
                    await self._final(message, outbox.FAILED, str(exc))
                    log.warning("message %s to chat %s refused: %s", message.id, message.chat_id, exc)
                    return
                except Exception as exc:  # noqa: BLE001 - TransientError, or a bug in the sender: retry later
                    await self._retry(message, exc)
                    return
                await self._recorder.record(message.id, late)
                self.stats["sent_late" if late else "sent"] += 1
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - bookkeeping failed: the row stays claimed and is reclaimed later
            log.exception("could not record the outcome of message %s", message.id)
            self.stats["unrecorded"] += 1

    async def _retry(self, message: outbox.ClaimedMessage, exc: Exception) -> None:
        description = f"{exc.__class__.__name__}: {exc}"
        if message.attempts >= self.config.max_attempts:
            await self._final(message, outbox.FAILED, f"gave up after {message.attempts} attempts: {description}")
            log.warning("message %s to chat %s failed for good: %s", message.id, message.chat_id, description)
            return
        delay = min(300.0, 2.0 ** message.attempts) * random.uniform(0.8, 1.2)
        self.stats["retried"] += 1
        log.info("message %s to chat %s: %s; retry in %.1fs", message.id, message.chat_id, description, delay)
        await self._release(message, clock.now() + timedelta(seconds=delay), description)

    async def _release(self, message: outbox.ClaimedMessage, due_at: datetime, error: str, *, count_attempt: bool = True) -> None:
        async with self.database.session() as session:
            await outbox.release(session, message.id, due_at=due_at, error=error, count_attempt=count_attempt)
            await session.commit()

    async def _final(self, message: outbox.ClaimedMessage, state: str, error: str) -> None:
        async with self.database.session() as session:
            await outbox.mark_final(session, [message.id], state=state, error=error)
            await session.commit()
        self.stats[state] += 1

    async def _blocked(self, message: outbox.ClaimedMessage, error: str) -> None:
        async with self.database.session() as session:
            await outbox.mark_final(session, [message.id], state=outbox.FAILED, error=error)
            dropped = await outbox.block_chat(session, message.chat_id, now=clock.now(), error=f"chat blocked the bot: {error}")
            await session.commit()
        self.stats["blocked"] += 1
        log.info("chat %s blocked the bot (%s): deactivated, %d queued message(s) dropped", message.chat_id, error, dropped)
