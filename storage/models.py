"""SQLModel tables.

Instants are timezone-aware UTC (SQLModel's `UTCDateTime`). A date known only to the day or month is
stored as the start of that day/month in the zone it was announced in (`timezone`), together with its
`precision`, so a reader in another zone still sees the date that was announced, never a shifted one.
Free-form, language-keyed data (aliases, translations) is JSON: it is read whole, never queried into.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Optional

from sqlalchemy import JSON, BigInteger, CheckConstraint, Column, Index, UniqueConstraint, false, text
from sqlmodel import Field, SQLModel

from storage.timeutil import utcnow


class DatePrecision(StrEnum):
    EXACT = "exact"  # a known time of day
    DAY = "day"
    MONTH = "month"
    RANGE = "range"  # starts_at .. ends_at, each to the day
    APPROXIMATE = "approximate"  # "early February", "nearly nine years"


class EventStatus(StrEnum):
    SCHEDULED = "scheduled"
    HAPPENED = "happened"
    ONGOING = "ongoing"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class EventKind(StrEnum):
    TALKS = "talks"
    SESSION = "session"
    AGREEMENT = "agreement"
    STATEMENT = "statement"
    MILESTONE = "milestone"
    DEADLINE = "deadline"
    INCIDENT = "incident"
    BACKGROUND = "background"


class PointStatus(StrEnum):
    PROPOSED = "proposed"
    LARGELY_AGREED = "largely_agreed"
    AGREED = "agreed"
    IN_EFFECT = "in_effect"
    VIOLATED = "violated"
    SUSPENDED = "suspended"
    ENDED = "ended"


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    DROPPED = "dropped"


def _json(default_factory: Any) -> Any:
    return Field(default_factory=default_factory, sa_column=Column(JSON, nullable=False))


class Negotiation(SQLModel, table=True):
    """A tracked process, such as the March 2020 Ankara talks."""

    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = Field(index=True, unique=True, max_length=64)
    title: str
    parties: list[str] = _json(list)
    venue: str = ""
    status: str = "ongoing"
    summary: str = ""
    translations: dict[str, dict[str, str]] = _json(dict)
    version: int = 1
    managed_by: str = "seed"
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Event(SQLModel, table=True):
    """Something that happened or will happen: a session, an agreement, a statement, a deadline."""

    __table_args__ = (
        UniqueConstraint("negotiation_id", "key", name="uq_event_negotiation_key"),
        Index("ix_event_negotiation_starts", "negotiation_id", "starts_at"),
        Index("ix_event_key_date_starts", "is_key_date", "starts_at"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    negotiation_id: int = Field(foreign_key="negotiation.id")
    key: str = Field(max_length=96)
    kind: str = EventKind.MILESTONE.value
    title: str
    details: str = ""
    starts_at: Optional[datetime] = None
    ends_at: Optional[datetime] = None
    precision: str = DatePrecision.DAY.value
    timezone: str = "UTC"
    status: str = EventStatus.HAPPENED.value
    place: str = ""
    is_key_date: bool = False
    aliases: dict[str, list[str]] = _json(dict)
    translations: dict[str, dict[str, str]] = _json(dict)
    topics: list[str] = _json(list)
    version: int = 1
    managed_by: str = "seed"
    deleted_at: Optional[datetime] = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class AgreementPoint(SQLModel, table=True):
    """A provision of an agreement (joint patrols, security corridor, ceasefire)."""

    __table_args__ = (UniqueConstraint("negotiation_id", "key", name="uq_point_negotiation_key"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    negotiation_id: int = Field(foreign_key="negotiation.id", index=True)
    key: str = Field(max_length=96)
    title: str
    details: str = ""
    status: str = PointStatus.AGREED.value
    status_since: Optional[datetime] = None
    aliases: dict[str, list[str]] = _json(dict)
    translations: dict[str, dict[str, str]] = _json(dict)
    topics: list[str] = _json(list)
    version: int = 1
    managed_by: str = "seed"
    deleted_at: Optional[datetime] = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class PointStatusChange(SQLModel, table=True):
    """One dated step of an agreement point's status history."""

    __table_args__ = (Index("ix_point_status_point_as_of", "point_id", "as_of"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    point_id: int = Field(foreign_key="agreementpoint.id")
    status: str
    as_of: datetime
    precision: str = DatePrecision.DAY.value
    timezone: str = "UTC"
    note: str = ""
    event_id: Optional[int] = Field(default=None, foreign_key="event.id")
    recorded_at: datetime = Field(default_factory=utcnow)


class Source(SQLModel, table=True):
    """One citation: where a fact comes from, who said it, and the words used.

    A citation belongs to exactly one event or agreement point: the same article quoted for two facts
    is two citations with two quotes.
    """

    __table_args__ = (
        CheckConstraint(
            "(event_id IS NULL) <> (point_id IS NULL)", name="ck_source_one_owner"
        ),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    event_id: Optional[int] = Field(default=None, foreign_key="event.id", index=True)
    point_id: Optional[int] = Field(default=None, foreign_key="agreementpoint.id", index=True)
    publisher: str
    title: str = ""
    url: str = ""
    published_on: Optional[date] = None
    attribution: str = ""
    quote: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class ChatSettings(SQLModel, table=True):
    """What one chat has chosen: language, zone, lead times, the negotiation it follows."""

    chat_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    language: Optional[str] = None
    timezone: Optional[str] = None
    lead_times: Optional[str] = None
    negotiation_id: Optional[int] = Field(default=None, foreign_key="negotiation.id")
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Subscription(SQLModel, table=True):
    """A chat's wish to be reminded of a negotiation's key dates, or of one event."""

    __table_args__ = (
        UniqueConstraint("chat_id", "negotiation_id", "event_id", name="uq_subscription_scope"),
        Index("ix_subscription_negotiation_active", "negotiation_id", "active"),
        Index("ix_subscription_event_active", "event_id", "active"),
        # migration 0003: at most one negotiation-wide (event_id NULL) subscription per chat
        Index(
            "uq_subscription_whole_negotiation", "chat_id", "negotiation_id", unique=True,
            sqlite_where=text("event_id IS NULL"), postgresql_where=text("event_id IS NULL"),
        ),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    user_id: Optional[int] = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    negotiation_id: int = Field(foreign_key="negotiation.id")
    event_id: Optional[int] = Field(default=None, foreign_key="event.id")
    lead_times: Optional[str] = None
    timezone: Optional[str] = None
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class OutboxMessage(SQLModel, table=True):
    """Everything the bot sends on its own initiative, written before it is sent.

    `dedupe_key` is unique: planning the same reminder twice cannot create a second row.
    """

    __table_args__ = (
        Index("ix_outbox_state_due", "state", "due_at"),
        Index("ix_outbox_event_state", "event_id", "state"),  # migration 0003
        Index("ix_outbox_subscription_state", "subscription_id", "state"),  # migration 0003
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    kind: str
    text: str
    reply_markup: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))
    dedupe_key: str = Field(unique=True, max_length=255)
    due_at: datetime
    not_after: Optional[datetime] = None
    state: str = OutboxState.PENDING.value
    attempts: int = 0
    last_error: str = ""
    subscription_id: Optional[int] = Field(default=None, foreign_key="subscription.id")
    event_id: Optional[int] = Field(default=None, foreign_key="event.id")
    claimed_by: Optional[str] = None
    claimed_at: Optional[datetime] = None
    sent_at: Optional[datetime] = None
    created_at: datetime = Field(default_factory=utcnow)
    # migration 0003: the language `text` is in (for the "late" line) and whether it went out late
    language: Optional[str] = Field(default=None, max_length=8)
    late: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class AdminUser(SQLModel, table=True):
    """An admin added from Telegram (those in ADMIN_IDS are admins without a row)."""

    user_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    added_by: Optional[int] = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    added_at: datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    """Who changed what, when, with the before and after values."""

    __table_args__ = (Index("ix_audit_entity", "entity_type", "entity_id", "at"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    actor: str
    at: datetime = Field(default_factory=utcnow)
    action: str
    entity_type: str
    entity_id: Optional[int] = None
    before: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))
    after: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))
