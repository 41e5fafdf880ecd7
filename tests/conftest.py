"""Shared fixtures: databases on SQLite and PostgreSQL, the bundled data, a pinned clock.

Every PostgreSQL-backed test gets a database of its own, created from the `test` maintenance
database and dropped afterwards, so runs never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from storage.db import Database

REPO = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")

# Tests never read a developer's .env, and never talk to Telegram.
os.environ.setdefault("PTB_TIMEDELTA", "1")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in list(os.environ):
        if name.startswith(("TELEGRAM_", "DATABASE_", "ADMIN_", "DEFAULT_", "REMINDER_", "WEBHOOK_")):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.chdir(tmp_path)


def _pg_dsn(url: str, database: str) -> str:
    parsed = make_url(url).set(drivername="postgresql", database=database)
    return parsed.render_as_string(hide_password=False)


@asynccontextmanager
async def fresh_postgres() -> AsyncIterator[str]:
    """A fresh, empty PostgreSQL database; dropped afterwards."""
    if not PG_URL:
        pytest.skip("TEST_POSTGRES_URL is empty: PostgreSQL tests are switched off")
    name = f"t_{uuid.uuid4().hex[:12]}"
    maintenance = _pg_dsn(PG_URL, make_url(PG_URL).database or "test")
    admin = await asyncpg.connect(maintenance)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        admin = await asyncpg.connect(maintenance)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    async with fresh_postgres() as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
async def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """The same test on both supported databases."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}"
    else:
        async with fresh_postgres() as url:
            yield url


@pytest.fixture
async def database(db_url: str) -> AsyncIterator[Database]:
    """A migrated, empty database (no seed) on SQLite and on PostgreSQL."""
    db = Database(db_url)
    await db.upgrade()
    try:
        yield db
    finally:
        await db.dispose()
