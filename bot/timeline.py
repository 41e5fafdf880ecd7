"""Validated, audited edits of the timeline: what admins do from Telegram, as plain functions.

Never imports `telegram`. Takes plain values (ids, typed text, an `Actor`, a clock reading) and
returns plain values (`Draft`, `EventChange`, views), raising:

- `EditError(field, problem, example)` for bad input: names the field, says what is wrong and shows
  the right form, before anything is written;
- `ConflictError` when the row changed since the version the edit was based on (optimistic locking
  with a conditional UPDATE; the error carries the current version to show);
- `NotAdmin` when someone who is not an admin asks for an `Actor`.

Every write is one transaction together with its audit entry (and the reminders' re-planning, when
that module offers `on_event_change`): all of it is committed, or none.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.changes import EventChange
from bot.config import Settings
from bot.snapshot import EventView, SourceRef, When
from storage import admin_queries as q
from storage.db import Database
from storage.models import DatePrecision, Event, EventKind, EventStatus, PointStatus

UTC = timezone.utc

# --- errors -----------------------------------------------------------------------------------------

DATE_EXAMPLE = "2020-03-15, 2020-03-15 14:30 Europe/Istanbul, 15 March 2020, next Sunday or 2020-03"
TITLE_EXAMPLE = "Joint patrols suspended"
URL_EXAMPLE = "https://www.aljazeera.com/news/2020/3/12/turkey-russia-agree"
LINE_EXAMPLE = "/add 2020-03-15 | Joint patrols begin | Along the M4 highway | https://www.aljazeera.com/news/…"
MAX_TITLE = 200
MAX_DETAILS = 3500
MAX_PLACE = 200
MAX_ATTRIBUTION = 300


class EditError(ValueError):
    """Bad input: which field, what was wrong, and an example of the right form."""

    def __init__(self, field: str, problem: str, example: str) -> None:
        super().__init__(f"{field}: {problem} (for example: {example})")
        self.field = field
        self.problem = problem
        self.example = example


class NotFound(EditError):
    """The event, point or admin named does not exist (or is deleted)."""


class ConflictError(Exception):
    """The row changed since the version the edit was based on; nothing was written."""

    def __init__(self, entity: str, entity_id: int, expected: int, current_version: int | None,
                 current: EventView | None = None) -> None:
        super().__init__(f"{entity} #{entity_id} changed meanwhile: expected version {expected}, it is now {current_version}")
        self.entity = entity
        self.entity_id = entity_id
        self.expected = expected
        self.current_version = current_version
        self.current = current


class NotAdmin(PermissionError):
    """Admin commands are for admins only."""


# --- who --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """An admin, as obtained from `authorize` (or built directly by trusted code such as the CLI)."""

    user_id: int | None
    name: str

    @property
    def id_label(self) -> str:
        return f"tg:{self.user_id}" if self.user_id is not None else self.name

    @property
    def label(self) -> str:
        """What the audit's `actor` column says: `tg:123 (Ayşe)`."""
        if self.user_id is None:
            return self.name
        return f"tg:{self.user_id} ({self.name})" if self.name else f"tg:{self.user_id}"


async def is_admin(database: Database, settings: Settings, user_id: int | None) -> bool:
    if user_id is None:
        return False
    if user_id in settings.admin_ids:
        return True
    async with database.session() as session:
        return await q.admin_row(session, user_id) is not None


async def authorize(database: Database, settings: Settings, user_id: int | None, name: str) -> Actor:
    """The `Actor` every write needs; `NotAdmin` for everyone else (nothing is written)."""
    if not await is_admin(database, settings, user_id):
        raise NotAdmin(f"user {user_id} is not an admin")
    return Actor(user_id=user_id, name=(name or "").strip()[:64])


# --- dates ------------------------------------------------------------------------------------------

_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2}))?$")
_ZONE_TAIL = re.compile(
    r"^(?P<body>.*?)\s*(?<![\w:])(?P<zone>utc|gmt|z|[a-z]+/[a-z0-9_+\-/]+|(?:utc|gmt)?[+-]\d{1,2}(?::?\d{2})?)$",
    re.IGNORECASE,
)
_OFFSET = re.compile(r"^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


def resolve_zone_text(text: str) -> str:
    """`UTC`, `Europe/Istanbul` (any case) or `+03:00` → an IANA zone name; EditError otherwise."""
    cleaned = text.strip()
    folded = cleaned.casefold()
    if folded in ("utc", "gmt", "z"):
        return "UTC"
    offset = _OFFSET.match(folded)
    if offset:
        sign, hours, minutes = offset.group(1), int(offset.group(2)), int(offset.group(3) or 0)
        if minutes:
            raise EditError("time zone", f"{cleaned} has minutes; write the zone's name instead", "Asia/Kolkata or Europe/Istanbul")
        if hours > 14:
            raise EditError("time zone", f"{cleaned} is not a UTC offset", "+03:00")
        if hours == 0:
            return "UTC"
        return f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"  # POSIX signs are inverted
    names = {z.casefold(): z for z in available_timezones()}
    if folded in names:
        return names[folded]
    raise EditError("time zone", f"{cleaned} is not a time zone I know", "UTC, Europe/Istanbul or +03:00")


def _check_zone(zone: str) -> str:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise EditError("time zone", f"{zone} is not a time zone I know", "UTC, Europe/Istanbul or +03:00") from None
    return zone


def _natural(text: str, zone: str, now: datetime) -> tuple[datetime, str]:
    """dateparser, relative to `now` in `zone`: a naive local datetime and its period."""
    from dateparser.date import DateDataParser  # slow to import; only natural dates need it

    base = now.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    settings = {"RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True, "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"}
    # All three languages first; a result carrying a zone nobody typed ("15 Mart" read as the MART
    # abbreviation) is retried one language at a time.
    for languages in (["en", "tr", "ru"], ["tr"], ["ru"], ["en"]):
        data = DateDataParser(languages=languages, settings=settings).get_date_data(text)
        if data.date_obj is not None and data.date_obj.tzinfo is None:
            return data.date_obj, data.period or "day"
    raise EditError("date", f"I could not read “{text}” as a date", DATE_EXAMPLE)


def parse_date(text: str, default_zone: str, now: datetime) -> tuple[datetime, str, str]:
    """Typed date → (starts_at as aware UTC, precision, zone).

    `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, `YYYY-MM` directly; natural dates (`15 March 2020`, `next
    Sunday`, `15 Mart 2020`, `15 марта 2020`) with dateparser, relative to `now`. An optional zone at
    the end (`UTC`, `Europe/Istanbul`, `+03:00`) says where it was announced; else `default_zone`.
    """
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise EditError("date", "it is empty", DATE_EXAMPLE)
    zone = _check_zone(default_zone)
    tail = _ZONE_TAIL.match(cleaned)
    if tail and tail.group("body") and not _ISO.match(cleaned):
        zone = resolve_zone_text(tail.group("zone"))
        cleaned = tail.group("body").strip()
    iso = _ISO.match(cleaned)
    if iso:
        year, month = int(iso["y"]), int(iso["m"])
        day = int(iso["d"]) if iso["d"] else 1
        hour, minute = (int(iso["H"]), int(iso["M"])) if iso["H"] else (0, 0)
        try:
            local = datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))
        except ValueError as exc:
            raise EditError("date", f"{cleaned} is not a real date ({exc})", DATE_EXAMPLE) from None
        precision = DatePrecision.EXACT if iso["H"] else DatePrecision.DAY if iso["d"] else DatePrecision.MONTH
        return local.astimezone(UTC), precision.value, zone
    if re.match(r"^\d{4}-\d", cleaned) or re.fullmatch(r"[\d\s./:-]+", cleaned) and re.search(r"\d{4}-|-\d{1,2}-", cleaned):
        raise EditError("date", f"{cleaned} is not a date in the form YYYY-MM-DD [HH:MM] [zone]", DATE_EXAMPLE)
    parsed, period = _natural(cleaned, zone, now)
    if period == "year":
        raise EditError("date", f"“{cleaned}” gives only a year; give at least the month", "2020-03 or March 2020")
    if period == "time":
        precision, local = DatePrecision.EXACT, parsed.replace(second=0, microsecond=0)
    elif period == "month":
        precision, local = DatePrecision.MONTH, datetime(parsed.year, parsed.month, 1)
    else:
        precision, local = DatePrecision.DAY, datetime(parsed.year, parsed.month, parsed.day)
    return local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC), precision.value, zone


# --- fields -----------------------------------------------------------------------------------------


def validate_title(text: str) -> str:
    title = (text or "").strip()
    if not title:
        raise EditError("title", "it is empty", TITLE_EXAMPLE)
    if len(title) > MAX_TITLE:
        raise EditError("title", f"it is {len(title)} characters long, at most {MAX_TITLE}", TITLE_EXAMPLE)
    return title


def validate_details(text: str) -> str:
    details = (text or "").strip()
    if len(details) > MAX_DETAILS:
        raise EditError("details", f"they are {len(details)} characters long, at most {MAX_DETAILS}", "Along the M4 highway")
    return details


def validate_place(text: str) -> str:
    place = (text or "").strip()
    if len(place) > MAX_PLACE:
        raise EditError("place", f"it is {len(place)} characters long, at most {MAX_PLACE}", "Ankara")
    return place


def validate_url(text: str, *, required: bool = False) -> str:
    url = (text or "").strip()
    if not url:
        if required:
            raise EditError("source URL", "it is missing", URL_EXAMPLE)
        return ""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        host, parts = "", None  # type: ignore[assignment]
    valid_host = bool(re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+|localhost|\[[0-9a-f:]+\]", host, re.IGNORECASE))
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not valid_host
        or any(c.isspace() for c in url)
        or len(url) > 2000
    ):
        raise EditError("source URL", f"{url} is not a web address starting with http:// or https://", URL_EXAMPLE)
    return url


def publisher_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or "unknown"


_YES = {"yes", "y", "true", "on", "1", "evet", "да"}
_NO = {"no", "n", "false", "off", "0", "hayır", "hayir", "нет"}


def parse_yes_no(text: str, field_name: str = "key date") -> bool:
    word = (text or "").strip().casefold()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise EditError(field_name, f"“{text}” is neither yes nor no", "yes or no")


def parse_event_status(text: str) -> str:
    word = (text or "").strip().casefold().replace(" ", "_")
    values = [s.value for s in EventStatus]
    if word not in values:
        raise EditError("status", f"“{text}” is not a status of events", ", ".join(values))
    return word


def parse_point_status(text: str) -> str:
    word = (text or "").strip().casefold().replace(" ", "_").replace("-", "_")
    values = [s.value for s in PointStatus]
    if word not in values:
        raise EditError("status", f"“{text}” is not a status of agreement points", ", ".join(values))
    return word


def parse_kind(text: str) -> str:
    word = (text or "").strip().casefold()
    values = [k.value for k in EventKind]
    if word not in values:
        raise EditError("kind", f"“{text}” is not a kind of event", ", ".join(values))
    return word


@dataclass(frozen=True)
class Ref:
    """`16` (an event) or `p4` (an agreement point)."""

    kind: str  # "event" | "point"
    id: int

    def __str__(self) -> str:
        return f"p{self.id}" if self.kind == "point" else str(self.id)


def parse_ref(text: str, *, allow_point: bool = True) -> Ref:
    word = (text or "").strip().lstrip("#").lower()
    match = re.fullmatch(r"(p?)(\d{1,9})", word)
    if not match or (match.group(1) and not allow_point):
        example = "16 (an event) or p4 (an agreement point)" if allow_point else "16"
        raise EditError("id", f"“{text}” is not an id" if text else "it is missing", example)
    return Ref("point" if match.group(1) else "event", int(match.group(2)))


EDITABLE_FIELDS = ("title", "details", "place", "key", "kind", "date")
FIELD_HELP = {
    "title": "/edit {id} title New title",
    "details": "/edit {id} details What happened, in a sentence or two",
    "place": "/edit {id} place Ankara",
    "key": "/edit {id} key yes",
    "kind": "/edit {id} kind " + "|".join(k.value for k in EventKind),
    "date": "/edit {id} date 2020-03-15 14:30 Europe/Istanbul",
}
_FIELD_ALIASES = {"key_date": "key", "keydate": "key", "when": "date", "type": "kind", "name": "title"}


def parse_field(name: str, text: str, *, zone: str, now: datetime) -> dict[str, Any]:
    """One `/edit` field → the column values it sets."""
    column = _FIELD_ALIASES.get(name.strip().lower(), name.strip().lower())
    if column == "title":
        return {"title": validate_title(text)}
    if column == "details":
        return {"details": validate_details(text)}
    if column == "place":
        return {"place": validate_place(text)}
    if column == "key":
        return {"is_key_date": parse_yes_no(text)}
    if column == "kind":
        return {"kind": parse_kind(text)}
    if column == "date":
        starts_at, precision, chosen = parse_date(text, zone, now)
        return {"starts_at": starts_at, "precision": precision, "timezone": chosen, "ends_at": None}
    raise EditError("field", f"“{name}” is not a field I can edit", ", ".join(EDITABLE_FIELDS))


# --- drafts -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """An event not yet saved: what `/add` parsed, shown as a preview until Save."""

    title: str
    starts_at: datetime
    precision: str
    timezone: str
    details: str = ""
    source_url: str = ""
    place: str = ""
    is_key_date: bool = False
    kind: str = EventKind.MILESTONE.value
    status: str | None = None  # None: happened if in the past, else scheduled
    negotiation_id: int | None = None

    def status_at(self, now: datetime) -> str:
        if self.status:
            return self.status
        return EventStatus.HAPPENED.value if self.starts_at <= now else EventStatus.SCHEDULED.value

    def source(self, actor_name: str) -> SourceRef | None:
        if not self.source_url:
            return None
        return SourceRef(publisher=publisher_of(self.source_url), url=self.source_url,
                         attribution=f"added by admin {actor_name}".strip())

    def preview(self, now: datetime, actor_name: str = "") -> EventView:
        """The event as users will see it once saved."""
        source = self.source(actor_name)
        return EventView(
            id=0, key="", negotiation_id=self.negotiation_id or 0, kind=self.kind, title=self.title,
            when=When(starts_at=self.starts_at, precision=self.precision, timezone=self.timezone),
            status=self.status_at(now), details=self.details, place=self.place, is_key_date=self.is_key_date,
            sources=(source,) if source else (),
        )

    def as_line(self) -> str:
        """The one-line `/add` form of this draft, to copy, correct and send again."""
        local = self.starts_at.astimezone(ZoneInfo(self.timezone))
        date_text = {
            DatePrecision.EXACT.value: local.strftime("%Y-%m-%d %H:%M"),
            DatePrecision.MONTH.value: local.strftime("%Y-%m"),
        }.get(self.precision, local.strftime("%Y-%m-%d"))
        if self.precision == DatePrecision.EXACT.value or self.timezone != "UTC":
            date_text += f" {self.timezone}"
        parts = [date_text, self.title, self.details, self.source_url]
        while len(parts) > 2 and not parts[-1]:
            parts.pop()
        return "/add " + " | ".join(parts)


_COMMAND = re.compile(r"^/\w+(@\w+)?\s*")


def parse_add_line(text: str, default_zone: str, now: datetime) -> Draft:
    """`DATE | title | details | source URL` (the last two optional) → a `Draft`."""
    body = _COMMAND.sub("", (text or "").strip(), count=1)
    fields = [part.strip() for part in body.split("|")]
    if len(fields) > 4:
        raise EditError(
            "line", f"it has {len(fields)} parts separated by |, at most 4: DATE | title | details | source URL",
            LINE_EXAMPLE,
        )
    starts_at, precision, zone = parse_date(fields[0], default_zone, now)
    title = validate_title(fields[1] if len(fields) > 1 else "")
    details = validate_details(fields[2] if len(fields) > 2 else "")
    url = validate_url(fields[3] if len(fields) > 3 else "")
    return Draft(title=title, starts_at=starts_at, precision=precision, timezone=zone, details=details, source_url=url)


# --- reading ----------------------------------------------------------------------------------------


def _source_ref(row: Any) -> SourceRef:
    return SourceRef(publisher=row.publisher, title=row.title, url=row.url, published_on=row.published_on,
                     attribution=row.attribution, quote=row.quote)


def event_view(row: Event, sources: list[Any]) -> EventView:
    return EventView(
        id=row.id or 0, key=row.key, negotiation_id=row.negotiation_id, kind=row.kind, title=row.title,
        when=When(starts_at=row.starts_at, precision=row.precision, timezone=row.timezone, ends_at=row.ends_at),
        status=row.status, details=row.details, place=row.place, is_key_date=row.is_key_date,
        aliases=row.aliases, translations=row.translations, topics=tuple(row.topics),
        sources=tuple(_source_ref(s) for s in sources), version=row.version, updated_at=row.updated_at,
    )


async def current_event(database: Database, event_id: int) -> EventView | None:
    async with database.session() as session:
        row = await q.get_event(session, event_id)
        if row is None:
            return None
        return event_view(row, await q.event_sources(session, event_id))


# --- writing events ---------------------------------------------------------------------------------


async def _reminders_hook(session: AsyncSession, change: EventChange) -> None:
    """Let the reminders module re-plan in this same transaction, when it offers `on_event_change`."""
    hook = None
    for name in ("bot.reminders", "bot.reminders.service"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        hook = getattr(module, "on_event_change", None)
        if hook is not None:
            break
    if hook is not None:
        await hook(session, change)


def slugify(text: str, *, limit: int = 60, fallback: str = "event") -> str:
    text = text.replace("ı", "i").replace("İ", "I").replace("ß", "ss")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or fallback


async def _new_event_key(session: AsyncSession, negotiation_id: int, title: str) -> str:
    base = slugify(title, limit=80)
    while True:
        key = f"{base}-{secrets.token_hex(2)}"
        if not await q.event_key_taken(session, negotiation_id, key):
            return key


_EVENT_COLUMNS = ("kind", "title", "details", "starts_at", "ends_at", "precision", "timezone", "status", "place", "is_key_date")


async def add_event(database: Database, draft: Draft, actor: Actor, *, now: datetime | None = None) -> EventChange:
    """Store a previewed draft: the event, its source and the audit entry, in one transaction."""
    now = now or clock.now()
    if draft.negotiation_id is None:
        raise EditError("negotiation", "no negotiation is chosen", "/negotiation use idlib-ankara-2020")
    values = {
        "negotiation_id": draft.negotiation_id,
        "kind": draft.kind,
        "title": validate_title(draft.title),
        "details": validate_details(draft.details),
        "starts_at": draft.starts_at,
        "precision": draft.precision,
        "timezone": draft.timezone,
        "status": draft.status_at(now),
        "place": validate_place(draft.place),
        "is_key_date": draft.is_key_date,
    }
    source = draft.source(actor.name)
    sources = [dataclasses.asdict(source)] if source else []
    async with database.session() as session:
        if await q.get_negotiation(session, draft.negotiation_id) is None:
            raise NotFound("negotiation", f"there is no negotiation #{draft.negotiation_id}", "/negotiation use <key>")
        values["key"] = await _new_event_key(session, draft.negotiation_id, draft.title)
        row = await q.insert_event(session, {**values, "managed_by": "admin", "version": 1}, sources)
        assert row.id is not None
        q.write_audit(session, actor.label, "create", "event", row.id, None, {**values, "sources": sources, "version": 1})
        change = EventChange(
            event_id=row.id, negotiation_id=row.negotiation_id, kind="created", actor=actor.label, version=1,
            title=row.title, new_starts_at=row.starts_at, new_precision=row.precision, new_timezone=row.timezone,
            new_status=row.status,
        )
        await _reminders_hook(session, change)
        await session.commit()
    return change


def _not_found(event_id: int) -> NotFound:
    return NotFound("id", f"there is no event #{event_id} (see /timeline for ids; /undo brings back a deleted one)", "16")


async def _conflict(database: Database, event_id: int, expected: int) -> Exception:
    async with database.session() as session:
        row = await q.get_event(session, event_id, include_deleted=True)
        if row is None:
            return _not_found(event_id)
        view = event_view(row, await q.event_sources(session, event_id)) if row.deleted_at is None else None
        return ConflictError("event", event_id, expected, row.version, view)


def _kind_of(fields: set[str]) -> str:
    if "deleted_at" in fields:
        return "edited"
    if fields & {"starts_at", "precision", "timezone", "ends_at"}:
        return "moved"
    if "status" in fields:
        return "status"
    return "edited"


async def _change_event(
    database: Database,
    event_id: int,
    actor: Actor,
    expected_version: int | None,
    compute: Callable[[Event], dict[str, Any]],
    *,
    action: str = "update",
    kind: str | None = None,
    include_deleted: bool = False,
    extra: Callable[[AsyncSession, Event, int], Any] | None = None,
) -> EventChange:
    """Read, compute the new values, then one conditional UPDATE + audit (+ reminders) in one transaction.

    The read is its own short transaction, so the write transaction starts with the UPDATE (which
    on SQLite takes the write lock first, waiting its turn, and on PostgreSQL waits for a concurrent
    writer's row lock and then re-checks the version): only one writer per version can win.
    """
    async with database.session() as session:
        row = await q.get_event(session, event_id, include_deleted=include_deleted)
    if row is None:
        raise _not_found(event_id)
    if expected_version is not None and row.version != expected_version:
        raise await _conflict(database, event_id, expected_version)
    base = row.version
    values = compute(row)
    before = {name: getattr(row, name) for name in values}
    async with database.session() as session:
        if not await q.update_event_if_version(session, event_id, base, values):
            await session.rollback()
            raise await _conflict(database, event_id, base)
        after: dict[str, Any] = dict(values)
        if extra is not None:
            after |= await extra(session, row, base + 1) or {}
        q.write_audit(session, actor.label, action, "event", event_id, {**before, "version": base}, {**after, "version": base + 1})
        merged = {name: values.get(name, getattr(row, name)) for name in _EVENT_COLUMNS}
        change = EventChange(
            event_id=event_id, negotiation_id=row.negotiation_id, kind=kind or _kind_of(set(values)),  # type: ignore[arg-type]
            actor=actor.label, version=base + 1, title=merged["title"],
            old_starts_at=row.starts_at, new_starts_at=merged["starts_at"],
            old_precision=row.precision, new_precision=merged["precision"],
            old_timezone=row.timezone, new_timezone=merged["timezone"],
            old_status=row.status, new_status=merged["status"],
        )
        await _reminders_hook(session, change)
        await session.commit()
    return change


async def move_event(
    database: Database, event_id: int, when_text: str, actor: Actor, expected_version: int | None,
    *, now: datetime | None = None, default_zone: str | None = None,
) -> EventChange:
    """A new date (in the event's own zone unless another is given) → `EventChange(kind="moved")`."""
    now = now or clock.now()

    def compute(row: Event) -> dict[str, Any]:
        starts_at, precision, zone = parse_date(when_text, default_zone or row.timezone, now)
        values: dict[str, Any] = {"starts_at": starts_at, "precision": precision, "timezone": zone, "ends_at": None}
        if row.ends_at is not None and row.starts_at is not None and precision == DatePrecision.DAY.value:
            values["ends_at"] = row.ends_at + (starts_at - row.starts_at)  # a range keeps its length
            values["precision"] = row.precision
        return values

    return await _change_event(database, event_id, actor, expected_version, compute, kind="moved")


async def set_event_status(
    database: Database, event_id: int, status: str, actor: Actor, expected_version: int | None
) -> EventChange:
    value = parse_event_status(status)
    return await _change_event(database, event_id, actor, expected_version, lambda row: {"status": value}, kind="status")


async def edit_event_field(
    database: Database, event_id: int, field_name: str, text: str, actor: Actor, expected_version: int | None,
    *, now: datetime | None = None,
) -> EventChange:
    """`/edit 16 title New title`: one field, validated, locked on `expected_version`."""
    now = now or clock.now()
    return await _change_event(
        database, event_id, actor, expected_version, lambda row: parse_field(field_name, text, zone=row.timezone, now=now)
    )


def preview_edit(view: EventView, field_name: str, text: str, *, now: datetime) -> EventView:
    """The event as it would look after `/edit`: validates like the save will."""
    values = parse_field(field_name, text, zone=view.when.timezone, now=now)
    changes: dict[str, Any] = {k: v for k, v in values.items() if k in ("title", "details", "place", "is_key_date", "kind")}
    if "starts_at" in values:
        changes["when"] = When(starts_at=values["starts_at"], precision=values["precision"], timezone=values["timezone"])
    return dataclasses.replace(view, **changes)


async def delete_event(database: Database, event_id: int, actor: Actor, expected_version: int | None = None) -> EventChange:
    """Soft delete: hidden from everyone, kept with its audit, brought back by `/undo`."""
    stamp = clock.now()
    return await _change_event(
        database, event_id, actor, expected_version, lambda row: {"deleted_at": stamp}, action="delete", kind="deleted"
    )


@dataclass(frozen=True)
class SourceAdded:
    ref: Ref
    title: str
    source: SourceRef
    version: int


async def add_source(
    database: Database, target: int | str | Ref, url: str, attribution: str, actor: Actor,
    expected_version: int | None = None,
) -> SourceAdded:
    """`/source 16 https://… [attribution]` (or `p4` for a point): one more citation."""
    ref = target if isinstance(target, Ref) else parse_ref(str(target))
    url = validate_url(url, required=True)
    attribution = (attribution or "").strip()[:MAX_ATTRIBUTION] or f"added by admin {actor.name}".strip()
    source = SourceRef(publisher=publisher_of(url), url=url, attribution=attribution)
    values = dataclasses.asdict(source)
    if ref.kind == "point":
        async with database.session() as session:
            point = await q.get_point(session, ref.id)
        if point is None:
            raise NotFound("id", f"there is no agreement point p{ref.id} (see /points)", "p4")
        base = point.version if expected_version is None else expected_version
        async with database.session() as session:
            if not await q.update_point_if_version(session, ref.id, base, {}):
                raise ConflictError("point", ref.id, base, point.version)
            row = await q.insert_source(session, point_id=ref.id, **values)
            q.write_audit(session, actor.label, "source", "point", ref.id, {"version": base},
                          {"source": values, "source_id": row.id, "version": base + 1})
            await session.commit()
        return SourceAdded(ref, point.title, source, base + 1)

    async def extra(session: AsyncSession, row: Event, version: int) -> dict[str, Any]:
        added = await q.insert_source(session, event_id=row.id, **values)
        return {"source": values, "source_id": added.id}

    change = await _change_event(database, ref.id, actor, expected_version, lambda row: {}, action="source",
                                 kind="edited", extra=extra)
    return SourceAdded(ref, change.title, source, change.version)


# --- agreement points -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PointStatusResult:
    point_id: int
    title: str
    old_status: str
    new_status: str
    as_of: datetime
    precision: str
    timezone: str
    version: int
    source: SourceRef | None = None


async def set_point_status(
    database: Database, point_id: int, status: str, actor: Actor, *,
    as_of_text: str = "", note: str = "", source_url: str = "", default_zone: str = "UTC",
    now: datetime | None = None, expected_version: int | None = None,
) -> PointStatusResult:
    """A new dated step of a point's status history; the point's status/status_since follow it."""
    now = now or clock.now()
    value = parse_point_status(status)
    if as_of_text.strip():
        as_of, precision, zone = parse_date(as_of_text, default_zone, now)
    else:
        zone = _check_zone(default_zone)
        local = now.astimezone(ZoneInfo(zone))
        as_of = datetime(local.year, local.month, local.day, tzinfo=ZoneInfo(zone)).astimezone(UTC)
        precision = DatePrecision.DAY.value
    note = note.strip()[:MAX_DETAILS]
    url = validate_url(source_url)
    async with database.session() as session:
        point = await q.get_point(session, point_id)
    if point is None:
        raise NotFound("id", f"there is no agreement point p{point_id} (see /points)", "p4")
    if expected_version is not None and point.version != expected_version:
        raise ConflictError("point", point_id, expected_version, point.version)
    base = point.version
    source = SourceRef(publisher=publisher_of(url), url=url, attribution=f"added by admin {actor.name}".strip()) if url else None
    async with database.session() as session:
        if not await q.update_point_if_version(session, point_id, base, {"status": value, "status_since": as_of}):
            await session.rollback()
            async with database.session() as fresh:
                current = await q.get_point(fresh, point_id)
            raise ConflictError("point", point_id, base, current.version if current else None)
        source_id = linked_id = linked_audit_id = None
        if source is not None:
            # A sourced update is also an event on the timeline (as every step of a bundled history
            # is): dated, citing the update's source, and linked from the new step.
            values = {
                "negotiation_id": point.negotiation_id, "kind": EventKind.STATEMENT.value,
                "title": f"{point.title}: {value.replace('_', ' ')}"[:MAX_TITLE], "details": note,
                "starts_at": as_of, "precision": precision, "timezone": zone,
                "status": EventStatus.HAPPENED.value if as_of <= now else EventStatus.SCHEDULED.value,
            }
            values["key"] = await _new_event_key(session, point.negotiation_id, values["title"])
            linked = await q.insert_event(session, {**values, "managed_by": "admin", "version": 1},
                                          [dataclasses.asdict(source)])
            linked_id = linked.id
            entry = q.write_audit(session, actor.label, "create", "event", linked.id, None,
                                  {**values, "sources": [dataclasses.asdict(source)], "version": 1, "for_point": point_id})
            await session.flush()
            linked_audit_id = entry.id
            source_id = (await q.insert_source(session, point_id=point_id, **dataclasses.asdict(source))).id
            assert linked_id is not None
            await _reminders_hook(session, EventChange(
                event_id=linked_id, negotiation_id=point.negotiation_id, kind="created", actor=actor.label, version=1,
                title=values["title"], new_starts_at=as_of, new_precision=precision, new_timezone=zone,
                new_status=values["status"],
            ))
        step = await q.insert_status_change(session, point_id=point_id, status=value, as_of=as_of,
                                            precision=precision, timezone=zone, note=note, event_id=linked_id)
        q.write_audit(
            session, actor.label, "status", "point", point_id,
            {"status": point.status, "status_since": point.status_since, "version": base},
            {"status": value, "status_since": as_of, "version": base + 1, "history_id": step.id,
             "note": note, "source_id": source_id, "event_id": linked_id, "event_audit_id": linked_audit_id,
             **({"source": dataclasses.asdict(source)} if source else {})},
        )
        await session.commit()
    return PointStatusResult(point_id, point.title, point.status, value, as_of, precision, zone, base + 1, source)


# --- undo -------------------------------------------------------------------------------------------

_UNDOABLE = {("event", "create"), ("event", "update"), ("event", "delete"), ("event", "source"), ("point", "status")}
_INSTANT_FIELDS = {"starts_at", "ends_at", "deleted_at", "status_since"}


def _decode(values: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in values.items():
        out[name] = datetime.fromisoformat(value) if name in _INSTANT_FIELDS and isinstance(value, str) else value
    return out


@dataclass(frozen=True)
class UndoResult:
    entity_type: str
    entity_id: int
    action: str  # the action undone
    title: str
    change: EventChange | None = None


async def undo_last(database: Database, actor: Actor) -> UndoResult:
    """Revert this admin's newest edit, delete, addition or status change that is not undone yet."""
    async with database.session() as session:
        entries = await q.audit_by_actor(session, actor.id_label)
    undone = {e.after.get("undoes") for e in entries if e.action == "undo" and e.after}
    target = next(
        (e for e in entries if (e.entity_type, e.action) in _UNDOABLE and e.id not in undone and e.entity_id is not None),
        None,
    )
    if target is None:
        raise EditError("undo", "you have nothing left to undo", "/delete 16, then /undo")
    assert target.entity_id is not None
    after = target.after or {}
    before = _decode({k: v for k, v in (target.before or {}).items() if k != "version"})
    expected = int(after.get("version", 0))
    marker = {"undoes": target.id, "undone_action": target.action}

    if target.entity_type == "point":
        return await _undo_point_status(database, actor, target.entity_id, expected, before, after, marker)

    wanted = _decode({k: v for k, v in after.items() if k in _EVENT_COLUMNS})
    entity_id = target.entity_id

    def stale(row: Event) -> ConflictError:
        return ConflictError("event", entity_id, expected, row.version)

    # Undo is refused (not forced) when someone changed the same thing since: it checks what the
    # edit set is still there, then writes with the usual conditional UPDATE on the version read.
    if target.action == "create":
        stamp = clock.now()
        compute: Callable[[Event], dict[str, Any]] = lambda row: {"deleted_at": stamp}  # noqa: E731
        kind, include_deleted = "deleted", False
    elif target.action == "delete":

        def compute(row: Event) -> dict[str, Any]:
            if row.deleted_at is None:
                raise stale(row)
            return {"deleted_at": None}

        kind, include_deleted = "restored", True
    elif target.action == "source":
        compute, kind, include_deleted = (lambda row: {}), "edited", False
    else:
        restored = {k: v for k, v in before.items() if k in _EVENT_COLUMNS}

        def compute(row: Event) -> dict[str, Any]:
            if any(getattr(row, name) != value for name, value in wanted.items()):
                raise stale(row)
            return restored

        kind, include_deleted = None, False

    async def extra(session: AsyncSession, row: Event, version: int) -> dict[str, Any]:
        if target.action == "source" and after.get("source_id"):
            await q.delete_source(session, int(after["source_id"]))
        return marker

    try:
        change = await _change_event(database, entity_id, actor, None, compute, action="undo",
                                     kind=kind, include_deleted=include_deleted, extra=extra)
    except ConflictError as exc:
        current = exc.current or await current_event(database, entity_id)
        raise ConflictError("event", entity_id, expected, exc.current_version, current) from None
    return UndoResult("event", target.entity_id, target.action, change.title, change)


async def _undo_point_status(
    database: Database, actor: Actor, point_id: int, expected: int, before: dict[str, Any], after: dict[str, Any],
    marker: dict[str, Any],
) -> UndoResult:
    async with database.session() as session:
        point = await q.get_point(session, point_id)
        if point is None:
            raise NotFound("id", f"there is no agreement point p{point_id}", "p4")
        values = {"status": before.get("status", point.status), "status_since": before.get("status_since")}
        if not await q.update_point_if_version(session, point_id, expected, values):
            raise ConflictError("point", point_id, expected, point.version)
        if after.get("history_id"):
            await q.delete_status_change(session, int(after["history_id"]))
        if after.get("source_id"):
            await q.delete_source(session, int(after["source_id"]))
        if after.get("event_id"):  # the update's own event goes too (soft, like /delete)
            linked = await q.get_event(session, int(after["event_id"]))
            if linked is not None and linked.id is not None:
                stamp = clock.now()
                if await q.update_event_if_version(session, linked.id, linked.version, {"deleted_at": stamp}):
                    q.write_audit(session, actor.label, "undo", "event", linked.id,
                                  {"deleted_at": None, "version": linked.version},
                                  {"deleted_at": stamp, "version": linked.version + 1,
                                   "undoes": after.get("event_audit_id"), "undone_action": "create"})
                    await _reminders_hook(session, EventChange(
                        event_id=linked.id, negotiation_id=linked.negotiation_id, kind="deleted", actor=actor.label,
                        version=linked.version + 1, title=linked.title, old_starts_at=linked.starts_at,
                        new_starts_at=linked.starts_at, old_status=linked.status, new_status=linked.status,
                    ))
        q.write_audit(session, actor.label, "undo", "point", point_id,
                      {"status": point.status, "status_since": point.status_since, "version": expected},
                      {**values, "version": expected + 1, **marker})
        await session.commit()
    return UndoResult("point", point_id, "status", point.title)


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


# --- admins -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AdminInfo:
    user_id: int
    origin: str  # "ADMIN_IDS" or "added"
    added_by: int | None = None
    added_at: datetime | None = None


async def list_admins(database: Database, settings: Settings) -> list[AdminInfo]:
    out = [AdminInfo(user_id, "ADMIN_IDS") for user_id in sorted(settings.admin_ids)]
    async with database.session() as session:
        rows = await q.admin_rows(session)
    out.extend(AdminInfo(r.user_id, "added", r.added_by, r.added_at) for r in rows if r.user_id not in settings.admin_ids)
    return out


def parse_user_id(text: str) -> int:
    word = (text or "").strip()
    if not re.fullmatch(r"\d{1,16}", word):
        raise EditError("user id", f"“{text}” is not a numeric Telegram user id" if word else "it is missing",
                        "/admins add 123456789")
    return int(word)


async def add_admin(database: Database, settings: Settings, actor: Actor, user_text: str | int) -> bool:
    """True when added, False when already an admin. Audited."""
    user_id = parse_user_id(str(user_text))
    if await is_admin(database, settings, user_id):
        return False
    async with database.session() as session:
        await q.insert_admin(session, user_id, actor.user_id)
        # entity_id is a 32-bit column and Telegram ids are not: the id goes in the values.
        q.write_audit(session, actor.label, "admin_add", "admin", None, None, {"user_id": user_id})
        await session.commit()
    return True


async def remove_admin(database: Database, settings: Settings, actor: Actor, user_text: str | int) -> None:
    user_id = parse_user_id(str(user_text))
    if user_id in settings.admin_ids:
        raise EditError("user id", f"{user_id} is an admin through the ADMIN_IDS setting; remove it there",
                        "/admins remove 123456789")
    async with database.session() as session:
        if await q.admin_row(session, user_id) is None:
            raise NotFound("user id", f"{user_id} is not an admin", "/admins remove 123456789")
        await q.delete_admin(session, user_id)
        q.write_audit(session, actor.label, "admin_remove", "admin", None, {"user_id": user_id}, None)
        await session.commit()


# --- negotiations -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NegotiationInfo:
    id: int
    key: str
    title: str


async def create_negotiation(database: Database, title: str, actor: Actor) -> NegotiationInfo:
    """A new tracked negotiation; its key is the title's slug, made unique (`-2`, `-3`, …)."""
    cleaned = " ".join((title or "").split())
    if not cleaned:
        raise EditError("title", "it is empty", "/negotiation new Geneva talks on Syria, 2024")
    if len(cleaned) > MAX_TITLE:
        raise EditError("title", f"it is {len(cleaned)} characters long, at most {MAX_TITLE}", "Geneva talks on Syria, 2024")
    base = slugify(cleaned, limit=56, fallback="negotiation")
    async with database.session() as session:
        taken = await q.negotiation_keys(session)
        key, number = base, 2
        while key in taken:
            key, number = f"{base}-{number}", number + 1
        row = await q.insert_negotiation(session, key=key, title=cleaned, managed_by="admin", status="ongoing")
        assert row.id is not None
        q.write_audit(session, actor.label, "create", "negotiation", row.id, None, {"key": key, "title": cleaned})
        await session.commit()
    return NegotiationInfo(row.id, key, cleaned)


__all__ = [
    "Actor", "AdminInfo", "ConflictError", "Draft", "EditError", "FieldChange", "HistoryItem", "NegotiationInfo",
    "NotAdmin", "NotFound", "PointStatusResult", "Ref", "SourceAdded", "UndoResult", "add_admin", "add_event",
    "add_source", "authorize", "create_negotiation", "current_event", "delete_event", "edit_event_field",
    "event_view", "history", "is_admin", "list_admins", "move_event", "parse_add_line", "parse_date",
    "parse_field", "parse_ref", "preview_edit", "remove_admin", "set_event_status", "set_point_status", "undo_last",
]
