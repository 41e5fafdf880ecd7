"""Seeding and import/export on SQLite and PostgreSQL: idempotent, all-or-nothing, admin edits kept."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from storage.bundle import BundleError, bundled_files, dump_bundle, parse_bundle
from storage.db import Database
from storage.models import AuditEntry, Event, Negotiation, PointStatusChange, Source
from storage.seeding import apply_bundle, export_bundle_data, seed_bundled

BUNDLED = next(p for p in bundled_files() if p.name == "idlib-ankara-2020.yaml")


async def _count(session, model) -> int:  # noqa: ANN001
    return (await session.execute(select(func.count()).select_from(model))).scalar_one()


async def test_seed_is_idempotent(database: Database) -> None:
    async with database.session() as session:
        (first,) = await seed_bundled(session, [BUNDLED])
        counts = [await _count(session, m) for m in (Event, Source, PointStatusChange, AuditEntry)]
        (second,) = await seed_bundled(session, [BUNDLED])
        again = [await _count(session, m) for m in (Event, Source, PointStatusChange, AuditEntry)]
    assert first.created > 15 and first.updated == 0
    assert second.created == 0 and second.updated == 0 and second.unchanged == first.created
    assert counts == again
    assert counts[3] == first.created + 1  # one audit entry per created row, plus the negotiation


async def test_reseed_keeps_what_an_admin_changed(database: Database) -> None:
    async with database.session() as session:
        await seed_bundled(session, [BUNDLED])
        event = (await session.execute(select(Event).where(Event.key == "joint-patrols-start"))).scalar_one()
        event.title = "Joint patrols postponed"
        event.status = "postponed"
        event.managed_by = "admin"
        event.version += 1
        await session.commit()
    async with database.session() as session:
        (report,) = await seed_bundled(session, [BUNDLED])
        kept = (await session.execute(select(Event).where(Event.key == "joint-patrols-start"))).scalar_one()
    assert (kept.title, kept.status) == ("Joint patrols postponed", "postponed")
    assert report.kept_admin_changes == ["joint-patrols-start"]
    assert "kept as edited by an admin" in report.summary()


async def test_a_changed_file_updates_seeded_rows_with_audit(database: Database) -> None:
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    async with database.session() as session:
        await apply_bundle(session, parse_bundle(data, "v1"))
        await session.commit()
        changed = copy.deepcopy(data)
        target = next(e for e in changed["events"] if e["key"] == "erdogan-warning")
        target["details"] = "Corrected details."
        report = await apply_bundle(session, parse_bundle(changed, "v2"))
        await session.commit()
        row = (await session.execute(select(Event).where(Event.key == "erdogan-warning"))).scalar_one()
        audit = (
            await session.execute(
                select(AuditEntry).where(AuditEntry.entity_id == row.id, AuditEntry.action == "update")
            )
        ).scalar_one()
    assert report.updated == 1
    assert (row.details, row.version) == ("Corrected details.", 2)
    assert audit.after["details"] == "Corrected details." and audit.before["details"] != "Corrected details."


async def test_one_bad_file_loads_nothing(database: Database, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BUNDLED.read_text(encoding="utf-8").replace('"2020-03-15"', '"2020-02-30"', 1), encoding="utf-8")
    async with database.session() as session:
        with pytest.raises(BundleError, match="bad.yaml"):
            await seed_bundled(session, [BUNDLED, bad])
        assert await _count(session, Negotiation) == 0


async def test_export_import_round_trip(database: Database, tmp_path: Path) -> None:
    async with database.session() as session:
        await seed_bundled(session, [BUNDLED])
        exported = await export_bundle_data(session, "idlib-ankara-2020")
    text = dump_bundle(exported)
    reloaded = parse_bundle(yaml.safe_load(text), "export.yaml")
    fresh = Database(f"sqlite+aiosqlite:///{tmp_path / 'fresh.sqlite3'}")
    try:
        await fresh.upgrade()
        async with fresh.session() as session:
            await apply_bundle(session, reloaded, actor="import:export.yaml")
            await session.commit()
            again = await export_bundle_data(session, "idlib-ankara-2020")
    finally:
        await fresh.dispose()
    assert again == exported
    assert dump_bundle(again, "json") == dump_bundle(exported, "json")
    assert len(exported["events"]) == len(parse_bundle(yaml.safe_load(BUNDLED.read_text()), "b").events)
