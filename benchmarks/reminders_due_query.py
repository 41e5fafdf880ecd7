"""Finding due reminders among 1,000,000 subscriptions: one dispatcher tick's claim, on PostgreSQL and SQLite.

    python benchmarks/reminders_due_query.py [--subscriptions 1000000]

Fills a fresh database with N subscriptions (one chat each) and N pending reminders spread over the
next 30 days, plus 5,000 due now, in SQL (generate_series / a recursive CTE). Then times what a tick
does: `claim_due` of a 500-row batch (UPDATE ... WHERE id IN (SELECT ... ORDER BY due_at LIMIT 500
FOR UPDATE SKIP LOCKED) RETURNING ...) and `next_due_at`, 10 times each; prints median and max.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from storage import outbox  # noqa: E402
from storage.db import Database  # noqa: E402

PG = os.environ.get("TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")

FILL = {
    "postgresql": [
        "INSERT INTO negotiation (key, title, parties, venue, status, summary, translations, version, managed_by, created_at, updated_at)"
        " VALUES ('n', 'N', '[]', '', 'ongoing', '', '{}', 1, 'seed', now(), now())",
        "INSERT INTO subscription (chat_id, negotiation_id, active, created_at, updated_at)"
        " SELECT g, 1, true, now(), now() FROM generate_series(1, :n) g",
        "INSERT INTO outboxmessage (chat_id, kind, text, dedupe_key, due_at, state, attempts, last_error, subscription_id, late, created_at)"
        " SELECT g, 'reminder', 'reminder text', 'r:' || g, now() + (g % 43200) * interval '1 minute' + interval '1 minute',"
        " 'pending', 0, '', g, false, now() FROM generate_series(1, :n) g",
        "INSERT INTO outboxmessage (chat_id, kind, text, dedupe_key, due_at, state, attempts, last_error, late, created_at)"
        " SELECT g, 'reminder', 'due', 'due:' || g, now() - interval '1 minute', 'pending', 0, '', false, now()"
        " FROM generate_series(1, 5000) g",
        "ANALYZE",
    ],
    "sqlite": [
        "INSERT INTO negotiation (key, title, parties, venue, status, summary, translations, version, managed_by, created_at, updated_at)"
        " VALUES ('n', 'N', '[]', '', 'ongoing', '', '{}', 1, 'seed', :now, :now)",
        "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < :n)"
        " INSERT INTO subscription (chat_id, negotiation_id, active, created_at, updated_at) SELECT x, 1, 1, :now, :now FROM g",
        "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < :n)"
        " INSERT INTO outboxmessage (chat_id, kind, text, dedupe_key, due_at, state, attempts, last_error, subscription_id, late, created_at)"
        " SELECT x, 'reminder', 'reminder text', 'r:' || x, strftime('%Y-%m-%d %H:%M:%f', :now, '+' || ((x % 43200) + 1) || ' minutes'),"
        " 'pending', 0, '', x, 0, :now FROM g",
        "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 5000)"
        " INSERT INTO outboxmessage (chat_id, kind, text, dedupe_key, due_at, state, attempts, last_error, late, created_at)"
        " SELECT x, 'reminder', 'due', 'due:' || x, :past, 'pending', 0, '', 0, :now FROM g",
        "ANALYZE",
    ],
}


async def measure(url: str, n: int) -> dict:
    db = Database(url)
    await db.upgrade()
    now = datetime.now(timezone.utc)
    started = time.perf_counter()
    async with db.engine.begin() as conn:
        for statement in FILL[db.dialect]:
            params = {"n": n}
            if db.dialect == "sqlite":
                params.update(now=now.strftime("%Y-%m-%d %H:%M:%S.%f"), past=(now - timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M:%S.%f"))
            await conn.execute(text(statement), {k: v for k, v in params.items() if f":{k}" in statement})
    fill = time.perf_counter() - started
    claims, peeks = [], []
    for _ in range(10):
        t0 = time.perf_counter()
        async with db.session() as session:
            claimed = await outbox.claim_due(session, worker="bench", now=datetime.now(timezone.utc), limit=500)
            await session.commit()
        claims.append((time.perf_counter() - t0) * 1000)
        assert len(claimed) == 500, len(claimed)
        t0 = time.perf_counter()
        async with db.session() as session:
            await outbox.next_due_at(session)
        peeks.append((time.perf_counter() - t0) * 1000)
    await db.dispose()
    return {
        "dialect": db.dialect, "subscriptions": n, "outbox_rows": n + 5000, "fill_seconds": round(fill, 1),
        "claim_500_ms_median": round(statistics.median(claims), 1), "claim_500_ms_max": round(max(claims), 1),
        "next_due_ms_median": round(statistics.median(peeks), 2),
    }


async def main() -> None:
    n = int(sys.argv[sys.argv.index("--subscriptions") + 1]) if "--subscriptions" in sys.argv else 1_000_000
    name = f"bench_{uuid.uuid4().hex[:8]}"
    maintenance = make_url(PG).set(drivername="postgresql").render_as_string(hide_password=False)
    conn = await asyncpg.connect(maintenance)
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    try:
        print(json.dumps(await measure(make_url(PG).set(database=name).render_as_string(hide_password=False), n)), flush=True)
    finally:
        conn = await asyncpg.connect(maintenance)
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(await measure(f"sqlite+aiosqlite:///{tmp}/bench.sqlite3", n)), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
