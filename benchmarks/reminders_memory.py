"""Memory is flat in subscribers: plan a moved key date for N subscribers and send every notice.

    python benchmarks/reminders_memory.py            # 10,000 and 100,000 subscribers, each in its own process

One process per size (so peak RSS is its own): fresh PostgreSQL database, N negotiation-wide
subscriptions (SQL), one key date; an admin moves it (`on_event_change`: N notices + N reminders,
streamed in batches), then the dispatcher sends all N notices through a no-op sender at 100,000 msg/s.
Prints peak RSS after planning and after sending, and the times.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import subprocess
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PG = os.environ.get("TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def one(n: int) -> dict:
    from bot.changes import EventChange
    from bot.reminders import Dispatcher, DispatcherConfig, on_event_change
    from bot.reminders.service import Defaults, configure
    from storage import outbox
    from storage.db import Database
    from storage.models import Event

    name = f"bench_{uuid.uuid4().hex[:8]}"
    maintenance = make_url(PG).set(drivername="postgresql").render_as_string(hide_password=False)
    conn = await asyncpg.connect(maintenance)
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    db = Database(make_url(PG).set(database=name).render_as_string(hide_password=False))
    try:
        await db.upgrade()
        configure(Defaults(lead_times="1h"))
        start = datetime.now(timezone.utc) + timedelta(days=5)
        async with db.engine.begin() as c:
            await c.execute(text(
                "INSERT INTO negotiation (key, title, parties, venue, status, summary, translations, version, managed_by, created_at, updated_at)"
                " VALUES ('n', 'Ankara talks', '[]', '', 'ongoing', '', '{}', 1, 'seed', now(), now())"))
            await c.execute(text(
                "INSERT INTO subscription (chat_id, negotiation_id, active, created_at, updated_at)"
                " SELECT g, 1, true, now(), now() FROM generate_series(1, :n) g"), {"n": n})
        async with db.session() as session:
            event = Event(negotiation_id=1, key="patrols", title="Joint patrols begin", starts_at=start, precision="exact",
                          timezone="Europe/Istanbul", status="scheduled", is_key_date=True, place="M4", version=2)
            session.add(event)
            await session.commit()
        baseline = rss_mb()
        t0 = time.perf_counter()
        async with db.session() as session:
            await on_event_change(session, EventChange(
                event.id, 1, "moved", "admin:1", 2, "Joint patrols begin", old_starts_at=start - timedelta(days=1),
                new_starts_at=start, old_precision="exact", new_precision="exact",
                old_timezone="Europe/Istanbul", new_timezone="Europe/Istanbul",
            ))
            await session.commit()
        plan_s = time.perf_counter() - t0
        after_plan = rss_mb()
        async with db.session() as session:
            planned = await outbox.state_counts(session)

        class NoOp:
            async def send(self, message: object) -> None:
                return None

        t0 = time.perf_counter()
        dispatcher = Dispatcher(db, NoOp(), DispatcherConfig.for_rate(100_000, concurrency=64, batch_size=2000))
        sent = await dispatcher.drain(600)
        send_s = time.perf_counter() - t0
        return {
            "subscribers": n, "rows_planned": planned, "plan_seconds": round(plan_s, 1), "sent": sent,
            "send_seconds": round(send_s, 1), "rss_mb_before_planning": round(baseline, 1),
            "peak_rss_mb_after_planning": round(after_plan, 1), "peak_rss_mb_after_sending": round(rss_mb(), 1),
        }
    finally:
        await db.dispose()
        conn = await asyncpg.connect(maintenance)
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(asyncio.run(one(int(sys.argv[2])))), flush=True)
        return
    for n in (10_000, 100_000):
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)


if __name__ == "__main__":
    main()
