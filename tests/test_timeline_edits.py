"""Admin edits of the timeline (bot/timeline.py), on SQLite and PostgreSQL: parsing with errors that
name the field, add/move/status/delete/undo with audit, optimistic locking, admins."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

import pytest
from freezegun import freeze_time
from sqlalchemy import func, select

from bot import timeline as tl
from bot.config import Settings
from bot.snapshot import load_snapshot
from storage.bundle import bundled_files
from storage.db import Database
from storage.models import (
    AdminUser,
    AgreementPoint,
    AuditEntry,
    Event,
    PointStatusChange,
    Source,
)
from storage.seeding import seed_bundled

UTC = timezone.utc
NOW = datetime(2020, 3, 12, 10, 0, tzinfo=UTC)  # Thursday
ADMIN = tl.Actor(user_id=100, name="Ayşe")
OTHER_ADMIN = tl.Actor(user_id=200, name="Ivan")
BUNDLED = next(p for p in bundled_files() if p.name == "idlib-ankara-2020.yaml")


def settings(**kw) -> Settings:  # noqa: ANN003
    return Settings(admin_ids=frozenset({100, 200}), default_timezone="Europe/Istanbul", **kw)


async def seeded(database: Database) -> int:
    async with database.session() as session:
        await seed_bundled(session, [BUNDLED])
        snapshot = await load_snapshot(session)
    return snapshot.negotiations[0].id


async def counts(database: Database) -> list[int]:
    async with database.session() as session:
        return [
            (await session.execute(select(func.count()).select_from(m))).scalar_one()
            for m in (Event, Source, AuditEntry, AdminUser, PointStatusChange)
        ]


async def event_by_key(database: Database, key: str) -> Event:
    async with database.session() as session:
        return (await session.execute(select(Event).where(Event.key == key))).scalar_one()


# --- parsing ----------------------------------------------------------------------------------------


def test_iso_dates_with_time_and_zone() -> None:
    assert tl.parse_date("2020-03-15", "Europe/Istanbul", NOW) == (
        datetime(2020, 3, 14, 21, 0, tzinfo=UTC), "day", "Europe/Istanbul")
    assert tl.parse_date("2020-03-15 14:30", "UTC", NOW) == (datetime(2020, 3, 15, 14, 30, tzinfo=UTC), "exact", "UTC")
    assert tl.parse_date("2020-03-15 14:30 Europe/Istanbul", "UTC", NOW) == (
        datetime(2020, 3, 15, 11, 30, tzinfo=UTC), "exact", "Europe/Istanbul")
    starts, precision, zone = tl.parse_date("2020-03-15 14:30 +03:00", "UTC", NOW)
    assert (starts, precision) == (datetime(2020, 3, 15, 11, 30, tzinfo=UTC), "exact")
    assert datetime(2020, 3, 15, tzinfo=UTC).astimezone(__import__("zoneinfo").ZoneInfo(zone)).utcoffset().total_seconds() == 3 * 3600
    assert tl.parse_date("2020-03-15 UTC", "Europe/Istanbul", NOW)[2] == "UTC"


def test_month_precision() -> None:
    assert tl.parse_date("2020-03", "UTC", NOW) == (datetime(2020, 3, 1, tzinfo=UTC), "month", "UTC")
    assert tl.parse_date("March 2020", "UTC", NOW) == (datetime(2020, 3, 1, tzinfo=UTC), "month", "UTC")


def test_natural_dates_are_relative_to_the_clock() -> None:
    with freeze_time("2020-03-12 10:00:00"):
        from bot import clock

        now = clock.now()
        assert tl.parse_date("15 March 2020", "UTC", now)[:2] == (datetime(2020, 3, 15, tzinfo=UTC), "day")
        assert tl.parse_date("next Sunday", "UTC", now)[:2] == (datetime(2020, 3, 15, tzinfo=UTC), "day")
        assert tl.parse_date("tomorrow 14:00", "UTC", now)[:2] == (datetime(2020, 3, 13, 14, 0, tzinfo=UTC), "exact")
        assert tl.parse_date("15 Mart 2020", "UTC", now)[:2] == (datetime(2020, 3, 15, tzinfo=UTC), "day")
        assert tl.parse_date("15 марта 2020", "UTC", now)[:2] == (datetime(2020, 3, 15, tzinfo=UTC), "day")
    with freeze_time("2024-06-05 10:00:00"):  # a Wednesday
        from bot import clock

        assert tl.parse_date("next Sunday", "UTC", clock.now())[0] == datetime(2024, 6, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "field", "problem_part"),
    [
        ("2030-13-45 | Title", "date", "not a real date"),
        ("next blursday | Title", "date", "could not read"),
        (" | Title", "date", "empty"),
        ("2020-03-15 |   ", "title", "empty"),
        ("2020-03-15", "title", "empty"),
        ("2020-03-15 | Title | details | htp:/bad", "source URL", "not a web address"),
        ("2020-03-15 | Title | details | www.example.com", "source URL", "not a web address"),
        ("2020-03-15 | Title | details | https://x.org | more", "line", "at most 4"),
        ("2020-03-15 10:00 Mars/Olympus | Title", "time zone", "not a time zone"),
    ],
)
def test_bad_input_names_the_field_and_gives_an_example(line: str, field: str, problem_part: str) -> None:
    with pytest.raises(tl.EditError) as caught:
        tl.parse_add_line(line, "UTC", NOW)
    assert caught.value.field == field
    assert problem_part in caught.value.problem
    assert caught.value.example


def test_one_line_keeps_text_exactly_as_typed() -> None:
    draft = tl.parse_add_line(
        "/add 2020-03-20 | Devriyeler <b>askıya</b> alındı & 🛑 | Патрули приостановлены > | https://www.aa.com.tr/en/a?b=1&c=2",
        "UTC", NOW,
    )
    assert draft.title == "Devriyeler <b>askıya</b> alındı & 🛑"
    assert draft.details == "Патрули приостановлены >"
    assert draft.source_url == "https://www.aa.com.tr/en/a?b=1&c=2"
    assert draft.preview(NOW, "Ayşe").sources[0].publisher == "aa.com.tr"
    assert draft.status_at(NOW) == "scheduled"
    assert tl.parse_add_line("2020-03-01 | Past", "UTC", NOW).status_at(NOW) == "happened"


# --- writes -----------------------------------------------------------------------------------------


async def test_add_appears_in_the_snapshot_with_source_and_audit(database: Database) -> None:
    negotiation_id = await seeded(database)
    draft = tl.parse_add_line("2020-03-20 | Joint patrols <suspended> & halted 🛑 | Russia said the patrols were "
                              "suspended | https://www.aa.com.tr/en/patrols", "Europe/Istanbul", NOW)
    change = await tl.add_event(database, tl.Draft(**{**draft.__dict__, "negotiation_id": negotiation_id}), ADMIN, now=NOW)
    assert change.kind == "created" and change.version == 1
    async with database.session() as session:
        snapshot = await load_snapshot(session)
        audit = (await session.execute(select(AuditEntry).where(AuditEntry.entity_type == "event",
                                                                AuditEntry.entity_id == change.event_id))).scalars().all()
        row = await session.get(Event, change.event_id)
    event = snapshot.event(change.event_id)
    assert event is not None and event.title == "Joint patrols <suspended> & halted 🛑"
    assert event.status == "scheduled" and event.when.precision == "day" and event.when.timezone == "Europe/Istanbul"
    assert event.sources[0].url == "https://www.aa.com.tr/en/patrols"
    assert event.sources[0].publisher == "aa.com.tr" and event.sources[0].attribution == "added by admin Ayşe"
    assert row.managed_by == "admin" and row.key.startswith("joint-patrols-suspended-halted-")
    assert [(a.action, a.actor) for a in audit] == [("create", "tg:100 (Ayşe)")]


async def test_move_changes_the_date_and_returns_the_change(database: Database) -> None:
    await seeded(database)
    event = await event_by_key(database, "joint-patrols-start")
    change = await tl.move_event(database, event.id, "2020-03-22", ADMIN, event.version, now=NOW)
    assert change.kind == "moved" and change.version == event.version + 1
    assert change.old_starts_at == event.starts_at
    assert change.new_starts_at == datetime(2020, 3, 21, 21, 0, tzinfo=UTC)  # 22 March in Istanbul
    moved = await event_by_key(database, "joint-patrols-start")
    assert moved.starts_at == change.new_starts_at and moved.managed_by == "admin" and moved.version == change.version
    assert moved.updated_at > event.updated_at


async def test_move_calls_the_reminders_hook_in_the_same_transaction(database: Database, monkeypatch) -> None:  # noqa: ANN001
    import bot.reminders

    seen = []

    async def on_event_change(session, change) -> None:  # noqa: ANN001
        row = await session.get(Event, change.event_id)
        seen.append((change.kind, row.starts_at == change.new_starts_at))

    monkeypatch.setattr(bot.reminders, "on_event_change", on_event_change, raising=False)
    await seeded(database)
    event = await event_by_key(database, "joint-patrols-start")
    await tl.move_event(database, event.id, "2020-03-22", ADMIN, event.version, now=NOW)
    assert seen == [("moved", True)]

    async def failing(session, change) -> None:  # noqa: ANN001
        raise RuntimeError("planning failed")

    monkeypatch.setattr(bot.reminders, "on_event_change", failing, raising=False)
    before = await counts(database)
    with pytest.raises(RuntimeError):
        await tl.move_event(database, event.id, "2020-03-25", ADMIN, None, now=NOW)
    assert await counts(database) == before  # nothing half saved
    assert (await event_by_key(database, "joint-patrols-start")).starts_at == datetime(2020, 3, 21, 21, 0, tzinfo=UTC)


async def test_point_status_change_keeps_the_history(database: Database) -> None:
    await seeded(database)
    async with database.session() as session:
        point = (await session.execute(select(AgreementPoint).where(AgreementPoint.key == "joint-patrols"))).scalar_one()
        steps_before = len((await session.execute(select(PointStatusChange).where(PointStatusChange.point_id == point.id))).all())
    result = await tl.set_point_status(
        database, point.id, "suspended", ADMIN, as_of_text="2020-03-20", note="Russia halted the patrols",
        source_url="https://tass.com/world/1", default_zone="Europe/Istanbul", now=NOW,
    )
    assert (result.old_status, result.new_status) == (point.status, "suspended")
    async with database.session() as session:
        snapshot = await load_snapshot(session)
    view = next(p for p in snapshot.points if p.id == point.id)
    assert view.status == "suspended"
    assert len(view.history) == steps_before + 1
    assert view.history[-1].status == "suspended" and view.history[-1].note == "Russia halted the patrols"
    assert view.history[-1].when.starts_at == datetime(2020, 3, 19, 21, 0, tzinfo=UTC)
    assert view.history[-2].status == point.status  # the earlier steps are kept
    assert any(s.url == "https://tass.com/world/1" for s in view.sources)
    with pytest.raises(tl.EditError) as caught:
        await tl.set_point_status(database, point.id, "sleeping", ADMIN, now=NOW)
    assert caught.value.field == "status" and "suspended" in caught.value.example


async def test_event_status(database: Database) -> None:
    await seeded(database)
    event = await event_by_key(database, "joint-patrols-start")
    change = await tl.set_event_status(database, event.id, "postponed", ADMIN, event.version)
    assert (change.kind, change.old_status, change.new_status) == ("status", "scheduled", "postponed")
    with pytest.raises(tl.EditError) as caught:
        await tl.set_event_status(database, event.id, "maybe", ADMIN, None)
    assert caught.value.field == "status"


async def test_delete_hides_and_undo_restores(database: Database) -> None:
    await seeded(database)
    event = await event_by_key(database, "erdogan-warning")
    change = await tl.delete_event(database, event.id, ADMIN, event.version)
    assert change.kind == "deleted"
    async with database.session() as session:
        assert (await load_snapshot(session)).event(event.id) is None
    with pytest.raises(tl.NotFound):
        await tl.edit_event_field(database, event.id, "title", "x", ADMIN, None)
    undone = await tl.undo_last(database, ADMIN)
    assert undone.action == "delete" and undone.change is not None and undone.change.kind == "restored"
    async with database.session() as session:
        restored = (await load_snapshot(session)).event(event.id)
    assert restored is not None and restored.title == event.title
    actions = [i.action for i in await tl.history(database, event.id)]
    assert actions[-2:] == ["delete", "undo of delete"]
    with pytest.raises(tl.EditError) as caught:
        await tl.undo_last(database, ADMIN)  # the seed's create is not this admin's
    assert caught.value.field == "undo"


async def test_undo_reverts_the_last_edit_and_never_overwrites_another_admin(database: Database) -> None:
    await seeded(database)
    event = await event_by_key(database, "joint-patrols-start")
    await tl.edit_event_field(database, event.id, "title", "Patrols begin (corrected)", ADMIN, event.version)
    await tl.edit_event_field(database, event.id, "place", "M4 highway", OTHER_ADMIN, None)
    assert (await tl.undo_last(database, ADMIN)).action == "update"  # her title; his place stays
    row = await event_by_key(database, "joint-patrols-start")
    assert (row.title, row.place, row.version) == (event.title, "M4 highway", event.version + 3)

    await tl.edit_event_field(database, event.id, "title", "Ayşe's title", ADMIN, None)
    await tl.edit_event_field(database, event.id, "title", "Ivan's title", OTHER_ADMIN, None)
    with pytest.raises(tl.ConflictError) as caught:
        await tl.undo_last(database, ADMIN)  # Ivan changed the same field since: not clobbered
    assert caught.value.current is not None and caught.value.current.title == "Ivan's title"
    assert (await event_by_key(database, "joint-patrols-start")).title == "Ivan's title"


async def test_two_admins_racing_on_one_event(database: Database) -> None:
    await seeded(database)
    event = await event_by_key(database, "joint-patrols-start")
    seen = event.version  # both admins previewed this version
    await tl.edit_event_field(database, event.id, "title", "First admin's title", ADMIN, seen)
    with pytest.raises(tl.ConflictError) as caught:
        await tl.edit_event_field(database, event.id, "title", "Second admin's title", OTHER_ADMIN, seen)
    assert caught.value.expected == seen and caught.value.current_version == seen + 1
    assert caught.value.current is not None and caught.value.current.title == "First admin's title"
    assert (await event_by_key(database, "joint-patrols-start")).title == "First admin's title"


async def test_concurrent_conditional_updates_let_exactly_one_win(database: Database) -> None:
    """Both writers read version N and UPDATE ... WHERE version = N at the same time."""
    from storage import admin_queries as q

    await seeded(database)
    event = await event_by_key(database, "joint-patrols-start")
    if database.dialect != "postgresql":
        pytest.skip("SQLite serialises writers; the sequential race above covers it")

    async def writer(title: str) -> bool:
        async with database.session() as session:
            ok = await q.update_event_if_version(session, event.id, event.version, {"title": title})
            await asyncio.sleep(0.05)  # hold the row lock a moment so the other writer has to wait
            await session.commit()
            return ok

    results = await asyncio.gather(writer("A"), writer("B"))
    assert sorted(results) == [False, True]
    row = await event_by_key(database, "joint-patrols-start")
    assert row.version == event.version + 1 and row.title == ("A" if results[0] else "B")


async def test_concurrent_edits_on_postgres_through_the_domain(database: Database) -> None:
    if database.dialect != "postgresql":
        pytest.skip("PostgreSQL only")
    await seeded(database)
    event = await event_by_key(database, "joint-patrols-start")
    outcomes = await asyncio.gather(
        tl.edit_event_field(database, event.id, "title", "From Ayşe", ADMIN, event.version),
        tl.edit_event_field(database, event.id, "title", "From Ivan", OTHER_ADMIN, event.version),
        return_exceptions=True,
    )
    assert sum(isinstance(o, tl.ConflictError) for o in outcomes) == 1
    row = await event_by_key(database, "joint-patrols-start")
    assert row.version == event.version + 1
    async with database.session() as session:
        audits = (await session.execute(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity_id == event.id, AuditEntry.action == "update"))).scalar_one()
    assert audits == 1


async def test_non_admin_is_refused_and_nothing_is_written(database: Database) -> None:
    await seeded(database)
    before = await counts(database)
    with pytest.raises(tl.NotAdmin):
        await tl.authorize(database, settings(), 999, "Mallory")
    assert await counts(database) == before
    actor = await tl.authorize(database, settings(), 100, "Ayşe")
    assert actor.label == "tg:100 (Ayşe)"


async def test_history_lists_who_when_before_and_after(database: Database) -> None:
    await seeded(database)
    event = await event_by_key(database, "joint-patrols-start")
    with freeze_time("2020-03-13 09:00:00", real_asyncio=True):
        await tl.move_event(database, event.id, "2020-03-22 10:00", ADMIN, event.version)
        await tl.set_event_status(database, event.id, "postponed", OTHER_ADMIN, event.version + 1)
    items = await tl.history(database, event.id)
    assert [i.action for i in items] == ["create", "update", "update"]
    assert items[0].actor == "seed"
    move = items[1]
    assert move.actor == "tg:100 (Ayşe)" and move.at == datetime(2020, 3, 13, 9, 0, tzinfo=UTC)
    starts = next(c for c in move.changes if c.field == "starts_at")
    assert starts.before.startswith("2020-03-14") and starts.after == "2020-03-22T07:00:00+00:00"
    status = next(c for c in items[2].changes if c.field == "status")
    assert (status.before, status.after) == ("scheduled", "postponed")


async def test_edit_fields_preview_and_sources(database: Database) -> None:
    await seeded(database)
    event = await event_by_key(database, "joint-patrols-start")
    view = await tl.current_event(database, event.id)
    assert view is not None
    preview = tl.preview_edit(view, "key", "no", now=NOW)
    assert preview.is_key_date is False and view.is_key_date is True
    with pytest.raises(tl.EditError) as caught:
        tl.preview_edit(view, "colour", "red", now=NOW)
    assert caught.value.field == "field"
    change = await tl.edit_event_field(database, event.id, "key", "no", ADMIN, view.version)
    assert change.kind == "edited"
    added = await tl.add_source(database, str(event.id), "https://www.reuters.com/x", "Reuters, citing officials", ADMIN)
    assert added.version == change.version + 1
    view = await tl.current_event(database, event.id)
    assert view.sources[-1].attribution == "Reuters, citing officials" and view.sources[-1].publisher == "reuters.com"
    with pytest.raises(tl.EditError) as caught:
        await tl.add_source(database, str(event.id), "not-a-url", "", ADMIN)
    assert caught.value.field == "source URL"
    undone = await tl.undo_last(database, ADMIN)
    assert undone.action == "source"
    assert len((await tl.current_event(database, event.id)).sources) == len(view.sources) - 1


async def test_admins_are_added_listed_removed_with_audit(database: Database) -> None:
    conf = settings()
    assert not await tl.is_admin(database, conf, 5_000_000_001)
    assert await tl.add_admin(database, conf, ADMIN, "5000000001") is True
    assert await tl.add_admin(database, conf, ADMIN, "5000000001") is False
    assert await tl.is_admin(database, conf, 5_000_000_001)
    listed = await tl.list_admins(database, conf)
    assert [(a.user_id, a.origin) for a in listed] == [(100, "ADMIN_IDS"), (200, "ADMIN_IDS"), (5_000_000_001, "added")]
    with pytest.raises(tl.EditError):
        await tl.remove_admin(database, conf, ADMIN, "100")
    with pytest.raises(tl.EditError) as caught:
        await tl.add_admin(database, conf, ADMIN, "bob")
    assert caught.value.field == "user id"
    await tl.remove_admin(database, conf, ADMIN, "5000000001")
    assert not await tl.is_admin(database, conf, 5_000_000_001)
    async with database.session() as session:
        actions = (await session.execute(select(AuditEntry.action).where(AuditEntry.entity_type == "admin")
                                         .order_by(AuditEntry.id))).scalars().all()
    assert actions == ["admin_add", "admin_remove"]


async def test_negotiations_get_unique_slug_keys(database: Database) -> None:
    first = await tl.create_negotiation(database, "Geneva talks on Syria", ADMIN)
    second = await tl.create_negotiation(database, "Geneva talks on Syria", ADMIN)
    third = await tl.create_negotiation(database, "Переговоры в Стамбуле", ADMIN)
    assert (first.key, second.key) == ("geneva-talks-on-syria", "geneva-talks-on-syria-2")
    assert third.key == "negotiation" and third.title == "Переговоры в Стамбуле"
    with pytest.raises(tl.EditError):
        await tl.create_negotiation(database, "   ", ADMIN)
    draft = tl.parse_add_line("2024-05-01 | Opening session", "UTC", NOW)
    change = await tl.add_event(database, tl.Draft(**{**draft.__dict__, "negotiation_id": first.id}), ADMIN, now=NOW)
    async with database.session() as session:
        snapshot = await load_snapshot(session)
    assert [e.title for e in snapshot.events_of(first.id)] == ["Opening session"]
    assert snapshot.event(change.event_id).status == "scheduled"
