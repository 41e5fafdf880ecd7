"""Audit entries: who changed what, when, before → after. Every write path uses this one helper."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry


def jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """Audit values as JSON: dates and instants become ISO strings, at any depth."""

    def encode(value: Any) -> Any:
        if isinstance(value, (datetime, date)):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    return json.loads(json.dumps(values, default=encode))


def write_audit(
    session: AsyncSession,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEntry:
    entry = AuditEntry(
        actor=actor,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        before=jsonable(before) if before is not None else None,
        after=jsonable(after) if after is not None else None,
    )
    session.add(entry)
    return entry
