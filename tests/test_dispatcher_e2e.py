"""The dispatcher against the fake Bot API server, and against itself on PostgreSQL.

- error storms (429, 5xx, timeouts, 403, 400) through the real PTB sender: no crash, nothing lost,
  blocked chats deactivated;
- two dispatchers on one PostgreSQL database: a 10,000-row fan-out with zero duplicates;
- `kill -9` of a real dispatcher process (`python -m bot.reminders`) at random moments, restarted
  each time: every message arrives, and repeats stay within the messages that were in flight.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.reminder_sender import TelegramSender
from bot.reminders.dispatcher import Dispatcher, DispatcherConfig, Outgoing
from storage import outbox
from storage.db import Database
from storage.models import ChatSettings

try:  # importable as tests.fake_telegram or, with pytest's rootdir insertion, as fake_telegram
    from tests.fake_telegram import FakeTelegram, RateLimits
except ImportError:
    from fake_telegram import FakeTelegram, RateLimits  # type: ignore[no-redef]
from test_reminders_support import rows

REPO = Path(__file__).resolve().parents[1]
TOKEN = "123456789:AAFakeTelegramTokenForTests_0123456789"
PAST = datetime(2020, 3, 1, 12, 0, tzinfo=timezone.utc)

pytestmark = pytest.mark.e2e


async def queue(db: Database, chats: list[int], prefix: str = "m") -> None:
    async with db.session() as session:
        await outbox.insert_messages(
            session,
            [{"chat_id": c, "kind": "announcement", "text": f"{prefix} <b>{c}</b>", "dedupe_key": f"{prefix}:{c}", "due_at": PAST}
             for c in chats],
        )
        await session.commit()


def delivered(server: FakeTelegram) -> Counter[int]:
    return Counter(int(c.params["chat_id"]) for c in server.calls_to("sendMessage") if c.status == 200)


async def settle(db: Database, dispatcher: Dispatcher, timeout: float) -> None:
    """Tick until no row is pending or sending (retries included)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        if await dispatcher.run_once() == 0:
            async with db.session() as session:
                counts = await outbox.state_counts(session)
            if not counts.get("pending") and not counts.get("sending"):
                return
            await asyncio.sleep(0.1)
    raise AssertionError(f"outbox not settled: {counts}")


async def test_error_storm_nothing_lost_blocked_chats_deactivated(database: Database) -> None:
    chats = list(range(1001, 1151))
    blocked = chats[10:15]
    rejected = chats[20]
    await queue(database, chats)
    limits = RateLimits(global_per_second=100, global_burst=20)
    async with FakeTelegram(token=TOKEN, rate_limits=limits) as server:
        for user in blocked:
            server.block_bot(user)
        server.fail_next("sendMessage", 429, retry_after=1, times=3)
        server.fail_next("sendMessage", 500, times=4)
        server.fail_next("sendMessage", 502, times=3)
        server.fail_next("sendMessage", 400, "Bad Request: chat not found", chat_id=rejected, times=None)
        sender = TelegramSender.create(TOKEN, server.base_url, concurrency=8, timeout=0.7)
        dispatcher = Dispatcher(database, sender, DispatcherConfig.for_rate(80, concurrency=8))
        try:
            running = asyncio.create_task(settle(database, dispatcher, 60))
            while len(server.calls_to("sendMessage")) < 40:
                await asyncio.sleep(0.01)
            server.slow("sendMessage", 1.5, times=3)  # answers after the sender's timeout
            await running
        finally:
            await sender.close()
        got = delivered(server)
        assert server.rate_limited_count == 0 or dispatcher.stats["rate_limited"] >= 1
    expected = set(chats) - set(blocked) - {rejected}
    assert set(got) == expected  # nothing lost, nothing sent where it must not be
    assert sum(got.values()) - len(got) <= 3  # a timed-out request may have arrived: at most those repeat
    states = {r.chat_id: r for r in await rows(database)}
    assert {c for c, r in states.items() if r.state == "sent"} == expected
    assert states[rejected].state == "failed" and "chat not found" in states[rejected].last_error.lower()
    async with database.session() as session:
        inactive = set((await session.execute(select(ChatSettings.chat_id).where(ChatSettings.active.is_(False)))).scalars())
    assert inactive == set(blocked)
    assert dispatcher.stats["retried"] >= 7 and dispatcher.stats["rate_limited"] >= 1


@pytest.mark.postgres
async def test_two_dispatchers_share_a_10000_row_fan_out_without_duplicates(postgres_url: str) -> None:
    first, second = Database(postgres_url), Database(postgres_url)
    await first.upgrade()
    seen: Counter[str] = Counter()
    by_worker: Counter[str] = Counter()

    class Counting:
        def __init__(self, name: str) -> None:
            self.name = name

        async def send(self, message: Outgoing) -> None:
            await asyncio.sleep(0.002)  # a network round trip
            seen[message.text] += 1
            by_worker[self.name] += 1

    try:
        await queue(first, list(range(1, 10_001)))
        config = DispatcherConfig.for_rate(1000, concurrency=24, batch_size=500, private_interval=0.0)
        a = Dispatcher(first, Counting("a"), config, worker_id="a")
        b = Dispatcher(second, Counting("b"), config, worker_id="b")
        await asyncio.gather(settle(first, a, 60), settle(second, b, 60))
    finally:
        await first.dispose()
        await second.dispose()
    assert len(seen) == 10_000 and max(seen.values()) == 1
    assert by_worker["a"] > 1000 and by_worker["b"] > 1000, by_worker


class DispatcherProcess:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.reminders", "--lease", "2", env=self.env, cwd=str(REPO),
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )

    async def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def terminate(self) -> int:
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.process.wait(), 20)


@pytest.mark.postgres
async def test_kill_minus_9_then_restart_loses_nothing(postgres_url: str) -> None:
    db = Database(postgres_url)
    await db.upgrade()
    chats = list(range(2001, 3201))
    await queue(db, chats)
    concurrency = DispatcherConfig.for_rate(300).concurrency
    async with FakeTelegram(token=TOKEN, rate_limits=True) as server:
        env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TMPDIR")}
        env.update({
            "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": server.base_url, "DATABASE_URL": postgres_url,
            "OUTBOX_RATE_PER_SECOND": "300", "PAID_BROADCAST": "true", "PYTHONPATH": str(REPO), "LOG_LEVEL": "WARNING",
        })
        process = DispatcherProcess(env)
        kills = 0
        rng = random.Random(7)
        for threshold in (150, 500):
            await process.start()
            while len(server.calls_to("sendMessage")) < threshold + rng.randrange(100):
                await asyncio.sleep(0.01)
            await process.kill()
            kills += 1
        await process.start()
        try:
            for _ in range(600):
                async with db.session() as session:
                    counts = await outbox.state_counts(session)
                if counts.get("sent") == len(chats):
                    break
                await asyncio.sleep(0.1)
        finally:
            assert await process.terminate() == 0
        got = delivered(server)
        assert server.rate_limited_count == 0
    await db.dispose()
    assert counts == {"sent": len(chats)}
    assert set(got) == set(chats)  # no reminder lost
    duplicates = sum(got.values()) - len(got)
    print(f"kill -9 x{kills}: {len(chats)} delivered, {duplicates} repeated (bound {kills * concurrency})")
    assert duplicates <= kills * concurrency, (duplicates, kills, concurrency)
