"""What an edit did to an event, as plain values: the timeline's edits produce these, and the
reminders module re-plans from them in the same transaction (so a moved date can never leave a
reminder planned for the old one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

ChangeKind = Literal["created", "moved", "status", "edited", "deleted", "restored"]


@dataclass(frozen=True)
class EventChange:
    event_id: int
    negotiation_id: int
    kind: ChangeKind
    actor: str
    version: int  # the event's version after the change
    title: str
    old_starts_at: datetime | None = None
    new_starts_at: datetime | None = None
    old_precision: str | None = None
    new_precision: str | None = None
    old_timezone: str | None = None
    new_timezone: str | None = None
    old_status: str | None = None
    new_status: str | None = None
