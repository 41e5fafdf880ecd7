"""The dispatcher without Telegram: rate limits, per-chat pacing, and every kind of send failure.

On SQLite only: the dispatcher's logic is dialect-free; its SQL runs on both in test_outbox.py and
test_dispatcher_e2e.py."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

from freezegun import freeze_time
from test_reminders_support import (
    RecordingSender,
    make_event,
    make_negotiation,
    rows,
    subscriptions,
    use_defaults,
)

from bot.reminders.dispatcher import (
    ChatBlocked,
    Dispatcher,
    DispatcherConfig,
    Outgoing,
    Rejected,
    RetryLater,
    TransientError,
)
from storage import outbox
from storage.db import Database
from storage.models import ChatSettings

NOW = datetime(2020, 3, 1, 12, 0, tzinfo=timezone.utc)


async def queue(db: Database, chats: list[int], kind: str = "announcement") -> None:
    async with db.session() as session:
        await outbox.insert_messages(
            session,
            [{"chat_id": c, "kind": kind, "text": f"to {c} #{i}", "dedupe_key": f"{kind}:{i}", "due_at": NOW} for i, c in enumerate(chats)],
        )
        await session.commit()


async def _db(url: str) -> Database:
    db = Database(url)
    await db.upgrade()
    return db


async def test_global_rate_is_respected(sqlite_url: str) -> None:
    db = await _db(sqlite_url)
    try:
        with freeze_time(NOW, real_asyncio=True):
            await queue(db, list(range(1, 61)))
            times: list[float] = []
            sender = RecordingSender(fail=lambda m: times.append(asyncio.get_running_loop().time()))  # type: ignore[func-returns-value]
            dispatcher = Dispatcher(db, sender, DispatcherConfig.for_rate(40))
            started = asyncio.get_running_loop().time()
            assert await dispatcher.drain(10) == 60
            elapsed = asyncio.get_running_loop().time() - started
        assert len(sender.sent) == 60
        assert 1.2 <= elapsed <= 2.5, elapsed  # 60 at 40/s with a 4-message burst
        window = [t for t in times if times[0] + 0.5 <= t < times[0] + 1.0]
        assert len(window) <= 40 * 0.5 + 2
    finally:
        await db.dispose()


async def test_one_private_chat_gets_at_most_one_message_a_second(sqlite_url: str) -> None:
    db = await _db(sqlite_url)
    try:
        await queue(db, [5, 5, 5, -100200])  # real clock: a deferred row becomes due again
        stamps: dict[int, list[float]] = {}
        sender = RecordingSender(fail=lambda m: stamps.setdefault(m.chat_id, []).append(asyncio.get_running_loop().time()))  # type: ignore[func-returns-value]
        dispatcher = Dispatcher(db, sender, DispatcherConfig.for_rate(100))
        await dispatcher.drain(10)
        gaps = [b - a for a, b in zip(stamps[5], stamps[5][1:])]
        assert len(sender.sent) == 4 and all(gap >= 0.95 for gap in gaps), gaps
    finally:
        await db.dispose()


async def test_429_pauses_everyone_and_retries_without_spending_attempts(sqlite_url: str) -> None:
    db = await _db(sqlite_url)
    try:
        with freeze_time(NOW, real_asyncio=True) as frozen:
            await queue(db, [1, 2, 3])
            calls = {"n": 0}

            def fail(m: Outgoing) -> BaseException | None:
                calls["n"] += 1
                return RetryLater(1) if calls["n"] == 1 else None

            sender = RecordingSender(fail=fail)
            dispatcher = Dispatcher(db, sender, DispatcherConfig.for_rate(100))
            await dispatcher.run_once()
            frozen.tick(2)
            await dispatcher.drain(5)
        assert sorted(m.chat_id for m in sender.sent) == [1, 2, 3] and dispatcher.stats["rate_limited"] == 1
        assert all(r.state == "sent" and r.attempts == 1 for r in await rows(db))
    finally:
        await db.dispose()


async def test_transient_errors_retry_with_backoff_then_fail_for_good(sqlite_url: str) -> None:
    db = await _db(sqlite_url)
    try:
        with freeze_time(NOW, real_asyncio=True) as frozen:
            await queue(db, [1, 2])
            flaky = {"left": 2}

            def fail(m: Outgoing) -> BaseException | None:
                if m.chat_id == 2:
                    return TransientError("502 Bad Gateway")
                if flaky["left"]:
                    flaky["left"] -= 1
                    return TimeoutError("timed out")
                return None

            sender = RecordingSender(fail=fail)
            dispatcher = Dispatcher(db, sender, DispatcherConfig.for_rate(100, max_attempts=3))
            for _ in range(6):
                await dispatcher.run_once()
                frozen.tick(600)
        assert [m.chat_id for m in sender.sent] == [1]
        by_chat = {r.chat_id: r for r in await rows(db)}
        assert by_chat[1].state == "sent" and by_chat[1].attempts == 3
        assert by_chat[2].state == "failed" and "502 Bad Gateway" in by_chat[2].last_error
    finally:
        await db.dispose()


async def test_403_deactivates_the_chat_and_its_subscriptions_and_400_moves_on(sqlite_url: str) -> None:
    db = await _db(sqlite_url)
    use_defaults()
    try:
        with freeze_time(NOW, real_asyncio=True):
            n = await make_negotiation(db)
            await make_event(db, n, starts_at=datetime(2020, 3, 20, tzinfo=timezone.utc))
            from bot.reminders import subscribe_negotiation

            await subscribe_negotiation(db, chat_id=9, user_id=9, negotiation_id=n, language="en")
            await queue(db, [9, 8, 7])

            def fail(m: Outgoing) -> BaseException | None:
                return {9: ChatBlocked("Forbidden: bot was blocked by the user"), 8: Rejected("Bad Request: can't parse entities")}.get(m.chat_id)

            sender = RecordingSender(fail=fail)
            await Dispatcher(db, sender, DispatcherConfig.for_rate(100)).drain(5)
        assert [m.chat_id for m in sender.sent] == [7]
        states = {(r.chat_id, r.kind): (r.state, r.last_error) for r in await rows(db)}
        assert states[(9, "announcement")][0] == "failed" and "blocked" in states[(9, "announcement")][1]
        assert states[(8, "announcement")] == ("failed", "Bad Request: can't parse entities")
        assert all(state == "dropped" for (chat, kind), (state, _) in states.items() if kind == "reminder")
        assert not any(s.active for s in await subscriptions(db))
        async with db.session() as session:
            assert (await session.get(ChatSettings, 9)).active is False
    finally:
        await db.dispose()


async def test_stop_finishes_in_flight_sends(sqlite_url: str) -> None:
    db = await _db(sqlite_url)
    try:
        await queue(db, list(range(1, 11)))

        class Slow(RecordingSender):
            async def send(self, message: Outgoing) -> None:
                await asyncio.sleep(0.2)
                await super().send(message)

        sender = Slow()
        dispatcher = Dispatcher(db, sender, DispatcherConfig.for_rate(1000, poll_interval=0.05))
        dispatcher.start()
        await asyncio.sleep(0.1)
        await dispatcher.stop()
        sent = await rows(db, state="sent")
        assert len(sent) == len(sender.sent) == 10  # everything claimed was sent and recorded
    finally:
        await db.dispose()
