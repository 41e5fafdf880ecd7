"""The outbox's SQL on SQLite and PostgreSQL: dedupe on insert, batched claims, SKIP LOCKED, leases."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest

from storage import outbox
from storage.db import Database

NOW = datetime(2020, 3, 1, 12, 0, tzinfo=timezone.utc)


def message(n: int, due: datetime = NOW, chat: int | None = None) -> dict:
    return {"chat_id": chat or 1000 + n, "kind": "reminder", "text": f"m{n}", "dedupe_key": f"k{n}", "due_at": due}


async def test_insert_skips_existing_dedupe_keys(database: Database) -> None:
    async with database.session() as session:
        assert await outbox.insert_messages(session, [message(n) for n in range(5)]) == 5
        assert await outbox.insert_messages(session, [message(n) for n in range(3, 8)]) == 3
        await session.commit()
    async with database.session() as session:
        assert await outbox.state_counts(session) == {"pending": 8}


async def test_claim_takes_due_rows_oldest_first_in_batches(database: Database) -> None:
    async with database.session() as session:
        rows = [message(n, NOW - timedelta(minutes=n)) for n in range(10)] + [message(99, NOW + timedelta(hours=1))]
        await outbox.insert_messages(session, rows)
        await session.commit()
    async with database.session() as session:
        first = await outbox.claim_due(session, worker="a", now=NOW, limit=4)
        await session.commit()
    assert [m.text for m in first] == ["m9", "m8", "m7", "m6"] and all(m.attempts == 1 for m in first)
    async with database.session() as session:
        rest = await outbox.claim_due(session, worker="a", now=NOW, limit=100)
        assert len(rest) == 6  # the future row is not due
        assert await outbox.claim_due(session, worker="a", now=NOW, limit=100) == []
        await session.commit()


async def test_stale_claims_are_reclaimed_after_the_lease(database: Database) -> None:
    async with database.session() as session:
        await outbox.insert_messages(session, [message(1)])
        await outbox.claim_due(session, worker="dead", now=NOW, limit=10)
        await session.commit()
    async with database.session() as session:
        assert await outbox.reclaim_stale(session, now=NOW + timedelta(seconds=60), lease=timedelta(seconds=120)) == 0
        assert await outbox.reclaim_stale(session, now=NOW + timedelta(seconds=121), lease=timedelta(seconds=120)) == 1
        [again] = await outbox.claim_due(session, worker="b", now=NOW + timedelta(seconds=121), limit=10)
        await session.commit()
    assert again.attempts == 2


@pytest.mark.postgres
async def test_concurrent_claims_on_postgres_skip_locked_rows(postgres_url: str) -> None:
    """Two open transactions claim at once: neither waits for the other, none gets a row twice."""
    one, two = Database(postgres_url), Database(postgres_url)
    await one.upgrade()
    try:
        async with one.session() as session:
            await outbox.insert_messages(session, [message(n) for n in range(50)])
            await session.commit()
        async with one.session() as s1, two.session() as s2:
            a = await outbox.claim_due(s1, worker="a", now=NOW, limit=30)  # s1 holds its row locks...
            b = await asyncio.wait_for(outbox.claim_due(s2, worker="b", now=NOW, limit=30), 5)  # ...s2 skips them
            await s1.commit()
            await s2.commit()
        assert len(a) == 30 and len(b) == 20 and not {m.id for m in a} & {m.id for m in b}
    finally:
        await one.dispose()
        await two.dispose()
