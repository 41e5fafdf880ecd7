"""The audit trail of an event or point, as an admin reads it: who, when, before → after."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.timeline.errors import NotFound
from bot.timeline.parsing import Ref, parse_ref
from storage import admin_queries as q
from storage.db import Database



# --- history ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryItem:
    at: datetime
    actor: str
    action: str
    changes: tuple[FieldChange, ...] = ()
    version: int | None = None


_CREATE_FIELDS = ("title", "starts_at", "precision", "timezone", "status", "details", "place", "is_key_date", "sources")
_HIDDEN = {"version", "history_id", "source_id", "undoes", "undone_action", "aliases", "translations", "topics",
           "event_id", "event_audit_id", "for_point"}


def show_value(value: Any) -> str:
    """An audit value as one short line."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict) and "publisher" in value:
        text = value.get("url") or value.get("publisher", "")
        return str(text)
    if isinstance(value, list):
        return "; ".join(show_value(v) for v in value) or "—"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)[:300]
    text = str(value)
    return text if len(text) <= 300 else text[:299] + "…"


async def history(database: Database, target: int | str | Ref) -> list[HistoryItem]:
    """The audit trail of one event (or point): who, when, what changed, before → after."""
    ref = target if isinstance(target, Ref) else parse_ref(str(target))
    async with database.session() as session:
        entries = await q.audit_of(session, ref.kind, ref.id)
    if not entries:
        raise NotFound("id", f"there is no history for {'point p' if ref.kind == 'point' else 'event #'}{ref.id}", "/history 16")
    items: list[HistoryItem] = []
    for entry in entries:
        before, after = entry.before or {}, entry.after or {}
        if entry.action == "create":
            names = [n for n in _CREATE_FIELDS if n in after]
        else:
            names = [n for n in dict.fromkeys([*before, *after]) if n not in _HIDDEN]
        changes = tuple(
            FieldChange(name, show_value(before.get(name)), show_value(after.get(name)))
            for name in names
            if entry.action == "create" or before.get(name) != after.get(name)
        )
        action = entry.action
        if action == "undo" and after.get("undone_action"):
            action = f"undo of {after['undone_action']}"
        version = after.get("version") if isinstance(after.get("version"), int) else None
        items.append(HistoryItem(entry.at, entry.actor, action, changes, version))
    return items
