"""Storage on both SQLite and PostgreSQL: schema, migrations, constraints, aware UTC instants."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from storage.db import Database, head_revision
from storage.models import Event, Negotiation, OutboxMessage, Source, Subscription


async def _negotiation(session) -> Negotiation:
    negotiation = Negotiation(key="n", title="N")
    session.add(negotiation)
    await session.commit()
    return negotiation


async def test_migrations_create_every_table_at_head(database: Database) -> None:
    assert await database.current_revision() == head_revision()

    def tables(conn):  # noqa: ANN001, ANN202
        return set(inspect(conn).get_table_names())

    async with database.engine.connect() as conn:
        names = await conn.run_sync(tables)
    assert {"negotiation", "event", "agreementpoint", "pointstatuschange", "source", "subscription",
            "outboxmessage", "auditentry", "adminuser", "chatsettings"} <= names


async def test_instants_come_back_as_aware_utc(database: Database) -> None:
    moment = datetime(2020, 3, 15, 0, 0, tzinfo=timezone(timedelta(hours=3)))
    async with database.session() as session:
        negotiation = await _negotiation(session)
        session.add(Event(negotiation_id=negotiation.id, key="e", title="E", starts_at=moment))
        await session.commit()
    async with database.session() as session:
        event = (await session.execute(select(Event))).scalar_one()
    assert event.starts_at == moment
    assert event.starts_at.utcoffset() == timedelta(0)


async def test_event_keys_are_unique_within_a_negotiation(database: Database) -> None:
    async with database.session() as session:
        negotiation = await _negotiation(session)
        session.add(Event(negotiation_id=negotiation.id, key="same", title="A"))
        session.add(Event(negotiation_id=negotiation.id, key="same", title="B"))
        with pytest.raises(IntegrityError):
            await session.commit()


async def test_outbox_dedupe_key_refuses_a_second_copy(database: Database) -> None:
    due = datetime(2020, 3, 14, 6, 0, tzinfo=timezone.utc)
    async with database.session() as session:
        session.add(OutboxMessage(chat_id=10**12, kind="reminder", text="x", dedupe_key="s1:e1:1d:v1", due_at=due))
        await session.commit()
        session.add(OutboxMessage(chat_id=10**12, kind="reminder", text="x", dedupe_key="s1:e1:1d:v1", due_at=due))
        with pytest.raises(IntegrityError):
            await session.commit()


async def test_subscription_scope_is_unique_and_chat_ids_are_64_bit(database: Database) -> None:
    big_chat = -1001234567890123  # supergroup ids do not fit in 32 bits
    async with database.session() as session:
        negotiation = await _negotiation(session)
        event = Event(negotiation_id=negotiation.id, key="e", title="E")
        session.add(event)
        await session.commit()
        negotiation_id, event_id = negotiation.id, event.id
        session.add(Subscription(chat_id=big_chat, negotiation_id=negotiation_id, event_id=event_id))
        await session.commit()
        stored = (await session.execute(select(Subscription))).scalar_one()
        assert stored.chat_id == big_chat
        session.add(Subscription(chat_id=big_chat, negotiation_id=negotiation_id, event_id=event_id))
        with pytest.raises(IntegrityError):
            await session.commit()


async def test_a_source_belongs_to_exactly_one_owner(database: Database) -> None:
    async with database.session() as session:
        session.add(Source(publisher="nobody's"))
        with pytest.raises(IntegrityError):
            await session.commit()


async def test_older_revision_upgrades_without_loss(db_url: str) -> None:
    database = Database(db_url)
    try:
        await database.upgrade("0001")
        assert await database.current_revision() == "0001"
        async with database.engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO negotiation (key, title, parties, venue, status, summary, translations, version,"
                    " managed_by, created_at, updated_at) VALUES ('old', 'Old talks', '[]', '', 'ongoing', '',"
                    " '{}', 1, 'seed', :now, :now)"
                ),
                {"now": datetime(2020, 1, 1, tzinfo=timezone.utc)},
            )
        await database.upgrade()
        assert await database.current_revision() == head_revision()
        async with database.session() as session:
            kept = (await session.execute(select(Negotiation))).scalar_one()
            assert (kept.key, kept.title) == ("old", "Old talks")
            session.add(Subscription(chat_id=1, negotiation_id=kept.id))
            await session.commit()
    finally:
        await database.dispose()
