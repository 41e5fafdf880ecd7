"""Opening the database the way every command does: migrate, seed an empty database, load."""

from __future__ import annotations

import logging

from bot.snapshot import TimelineSnapshot, load_snapshot
from storage.db import Database
from storage.seeding import is_empty, seed_bundled

log = logging.getLogger(__name__)


async def open_database(url: str) -> Database:
    """Apply pending migrations and load the bundled timelines into an empty database."""
    database = Database(url)
    await database.upgrade()
    async with database.session() as session:
        if await is_empty(session):
            reports = await seed_bundled(session)
            for report in reports:
                log.info("seeded %s", report.summary())
    return database


async def bundled_snapshot() -> TimelineSnapshot:
    """The bundled timelines in a throw-away in-memory database (tests, evaluation, benchmarks)."""
    database = await open_database("sqlite+aiosqlite:///:memory:")
    try:
        async with database.session() as session:
            return await load_snapshot(session)
    finally:
        await database.dispose()
