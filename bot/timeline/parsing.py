"""Reading what an admin typed: dates (ISO, with zone, month, natural language), fields, drafts.

Every problem is an `EditError` naming the field, what is wrong and an example, raised before
anything is written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.snapshot import EventView, SourceRef, When
from bot.timeline.errors import (
    DATE_EXAMPLE,
    LINE_EXAMPLE,
    MAX_DETAILS,
    MAX_PLACE,
    MAX_TITLE,
    TITLE_EXAMPLE,
    URL_EXAMPLE,
    EditError,
)
from storage.models import DatePrecision, EventKind, EventStatus, PointStatus

UTC = timezone.utc


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


def check_zone(zone: str) -> str:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise EditError("time zone", f"{zone} is not a time zone I know", "UTC, Europe/Istanbul or +03:00") from None
    return zone


def _natural(text: str, zone: str, now: datetime) -> tuple[datetime, str]:
    """dateparser, relative to `now` in `zone`: a naive local datetime and its period."""
    from dateparser.date import (
        DateDataParser,  # slow to import; only natural dates need it
    )

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
    zone = check_zone(default_zone)
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
