"""Fan-out through the dispatcher to the fake Bot API server enforcing Telegram's limits.

    python benchmarks/reminders_fanout.py            # 50,000 at 1,000 msg/s (paid) and 3,000 at 30 msg/s
    python benchmarks/reminders_fanout.py --quick    # 5,000 paid and 600 at 30/s

Each run: a fresh PostgreSQL database (TEST_POSTGRES_URL, as the tests), N outbox rows due now for N
distinct chats, the real TelegramSender and Dispatcher; the fake server runs in its own process and
counts what it accepted. Prints the achieved rate (accepted sends / time from first to last, as the
server saw them), its share of the configured rate, and the 429s.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
import uuid
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.reminders.dispatcher import Dispatcher, DispatcherConfig  # noqa: E402
from bot.reminder_sender import TelegramSender  # noqa: E402
from storage import outbox  # noqa: E402
from storage.db import Database  # noqa: E402

TOKEN = "123456789:AAFakeTelegramTokenForTests_0123456789"
PG = os.environ.get("TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def fresh_db() -> tuple[str, str]:
    name = f"bench_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(make_url(PG).set(drivername="postgresql").render_as_string(hide_password=False))
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    return name, make_url(PG).set(database=name).render_as_string(hide_password=False)


async def drop_db(name: str) -> None:
    conn = await asyncpg.connect(make_url(PG).set(drivername="postgresql").render_as_string(hide_password=False))
    await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await conn.close()


async def run(count: int, rate: float, paid: bool) -> dict:
    server = await asyncio.create_subprocess_exec(
        sys.executable, str(REPO / "benchmarks" / "reminders_fake_server.py"), stdout=asyncio.subprocess.PIPE,
    )
    assert server.stdout is not None
    port = int((await server.stdout.readline()).decode())
    name, url = await fresh_db()
    db = Database(url)
    try:
        await db.upgrade()
        from datetime import datetime, timedelta, timezone

        due = datetime.now(timezone.utc) - timedelta(seconds=1)
        async with db.session() as session:
            await outbox.insert_messages(session, (
                {"chat_id": 10_000_000 + i, "kind": "reminder", "text": f"🔔 <b>Joint patrols begin</b> — in 1 day\n#{i}",
                 "reply_markup": {"inline_keyboard": [[{"text": "🗓 Event card", "callback_data": "ev:1"},
                                                       {"text": "🔕 Unsubscribe", "callback_data": f"unsub:{i}"}]]},
                 "dedupe_key": f"bench:{i}", "due_at": due}
                for i in range(count)
            ))
            await session.commit()
        config = DispatcherConfig.for_rate(rate, paid)
        sender = TelegramSender.create(TOKEN, f"http://127.0.0.1:{port}/bot", concurrency=config.concurrency)
        dispatcher = Dispatcher(db, sender, config)
        started = time.perf_counter()
        cpu_started, server_cpu_started = time.process_time(), _cpu(server.pid)
        dispatcher.start()
        while True:
            await asyncio.sleep(0.5)
            async with db.session() as session:
                counts = await outbox.state_counts(session)
            if not counts.get("pending") and not counts.get("sending"):
                break
        wall = time.perf_counter() - started
        cpu = {"dispatcher_cpu_s": round(time.process_time() - cpu_started, 1),
               "fake_server_cpu_s": round(_cpu(server.pid) - server_cpu_started, 1)}
        await dispatcher.stop()
        await sender.close()
    finally:
        await db.dispose()
        await drop_db(name)
        server.send_signal(signal.SIGTERM)
        stats = json.loads((await server.stdout.readline()).decode())
        await server.wait()
    achieved = (stats["sent"] - 1) / (stats["last"] - stats["first"]) if stats["sent"] > 1 else 0.0
    return {
        "messages": count, "configured_rate": rate, "paid_broadcast": paid, "accepted": stats["sent"],
        "distinct_chats": stats["chats"], "rate_limited_429": stats["rate_limited"],
        "achieved_rate": round(achieved, 1), "share_of_configured": round(achieved / rate * 100, 1),
        "wall_seconds": round(wall, 1), **cpu, "load_average": os.getloadavg()[0], "dispatcher": dict(dispatcher.stats), "outbox": counts,
    }


async def main() -> None:
    quick = "--quick" in sys.argv
    for count, rate, paid in ((5_000 if quick else 50_000, 1000.0, True), (600 if quick else 3_000, 30.0, False)):
        result = await run(count, rate, paid)
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
