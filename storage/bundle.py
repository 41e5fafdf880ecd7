"""The bundled-timeline file format (YAML or JSON), validated on load.

One file holds one negotiation: its events, agreement points and the sources they cite. People read
and edit these files by hand, so validation names the file, the entry and what is wrong, and a file
with any error is rejected whole (nothing is half loaded).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from storage.models import DatePrecision, EventKind, EventStatus, PointStatus

# libyaml's loader is ten times faster than the pure-Python one (start-up reads the bundles).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_DIR = Path(__file__).resolve().parent / "data"

LANGUAGES = ("en", "tr", "ru")
_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,95}$")
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_DATE_RE = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:[ T](?P<H>\d{2}):(?P<M>\d{2}))?)?$"
)


class BundleError(Exception):
    """A bundle file is invalid. `problems` lists every error as `file: entry: what is wrong`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class ParsedWhen(BaseModel):
    """A date as written in a bundle, resolved to UTC instants in the zone it was announced in."""

    starts_at: datetime
    precision: DatePrecision


def parse_when(text: str, zone: str, precision: str | None = None) -> ParsedWhen:
    """Resolve `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (local to `zone`) to a UTC instant."""
    match = _DATE_RE.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a date; write YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM")
    year, month = int(match["y"]), int(match["m"])
    day = int(match["d"]) if match["d"] else 1
    hour = int(match["H"]) if match["H"] else 0
    minute = int(match["M"]) if match["M"] else 0
    try:
        local = datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a real date ({exc})") from None
    written = DatePrecision.EXACT if match["H"] else DatePrecision.DAY if match["d"] else DatePrecision.MONTH
    chosen = DatePrecision(precision) if precision else written
    return ParsedWhen(starts_at=local.astimezone(ZoneInfo("UTC")), precision=chosen)


def _when_text(value: Any) -> Any:
    """YAML turns unquoted dates into date objects; accept them as the text they were."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SourceDef(_Strict):
    publisher: str = Field(min_length=1)
    title: str = ""
    url: str = ""
    published_on: date | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if value and not _URL_RE.match(value):
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value


class Citation(_Strict):
    """A reference to a source, with who said it and the words used."""

    ref: str | None = None
    publisher: str | None = None
    title: str = ""
    url: str = ""
    published_on: date | None = None
    attribution: str = ""
    quote: str = ""

    @model_validator(mode="after")
    def _has_origin(self) -> "Citation":
        if not self.ref and not self.publisher:
            raise ValueError("a source needs `ref` (a key under `sources:`) or a `publisher`")
        return self


def _aliases(value: dict[str, list[str]]) -> dict[str, list[str]]:
    for lang in value:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; use {', '.join(LANGUAGES)}")
    return value


def _translations(value: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    for lang, fields in value.items():
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; use {', '.join(LANGUAGES)}")
        unknown = set(fields) - {"title", "details", "summary"}
        if unknown:
            raise ValueError(f"unknown translated field(s) {sorted(unknown)}; use title, details, summary")
    return value


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{value!r} is not an IANA time zone such as Europe/Istanbul") from None
    return value


def _key(value: str) -> str:
    if not _KEY_RE.match(value):
        raise ValueError(f"{value!r} is not a key: use lower-case letters, digits and dashes")
    return value


class EventDef(_Strict):
    key: str
    kind: EventKind = EventKind.MILESTONE
    title: str = Field(min_length=1)
    details: str = ""
    date: str
    end: str | None = None
    precision: DatePrecision | None = None
    timezone: str = "UTC"
    status: EventStatus = EventStatus.HAPPENED
    place: str = ""
    key_date: bool = False
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    translations: dict[str, dict[str, str]] = Field(default_factory=dict)
    topics: list[str] = Field(default_factory=list)
    sources: list[Citation] = Field(min_length=1)

    _v_key = field_validator("key")(classmethod(lambda cls, v: _key(v)))
    _v_zone = field_validator("timezone")(classmethod(lambda cls, v: _zone(v)))
    _v_aliases = field_validator("aliases")(classmethod(lambda cls, v: _aliases(v)))
    _v_translations = field_validator("translations")(classmethod(lambda cls, v: _translations(v)))

    @field_validator("date", "end", mode="before")
    @classmethod
    def _date_text(cls, value: Any) -> Any:
        return _when_text(value)

    @model_validator(mode="after")
    def _dates(self) -> "EventDef":
        start = parse_when(self.date, self.timezone, self.precision)
        if self.end is not None:
            end = parse_when(self.end, self.timezone)
            if end.starts_at < start.starts_at:
                raise ValueError(f"end {self.end!r} is before date {self.date!r}")
        elif self.precision is DatePrecision.RANGE:
            raise ValueError("precision `range` needs an `end` date")
        return self

    def when(self) -> tuple[datetime, datetime | None, DatePrecision]:
        start = parse_when(self.date, self.timezone, self.precision)
        end = parse_when(self.end, self.timezone).starts_at if self.end else None
        return start.starts_at, end, start.precision


class StatusStep(_Strict):
    status: PointStatus
    date: str
    precision: DatePrecision | None = None
    timezone: str = "UTC"
    event: str | None = None
    note: str = ""

    _v_zone = field_validator("timezone")(classmethod(lambda cls, v: _zone(v)))

    @field_validator("date", mode="before")
    @classmethod
    def _date_text(cls, value: Any) -> Any:
        return _when_text(value)

    @model_validator(mode="after")
    def _date_valid(self) -> "StatusStep":
        parse_when(self.date, self.timezone, self.precision)
        return self


class PointDef(_Strict):
    key: str
    title: str = Field(min_length=1)
    details: str = ""
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    translations: dict[str, dict[str, str]] = Field(default_factory=dict)
    topics: list[str] = Field(default_factory=list)
    status_history: list[StatusStep] = Field(min_length=1)
    sources: list[Citation] = Field(min_length=1)

    _v_key = field_validator("key")(classmethod(lambda cls, v: _key(v)))
    _v_aliases = field_validator("aliases")(classmethod(lambda cls, v: _aliases(v)))
    _v_translations = field_validator("translations")(classmethod(lambda cls, v: _translations(v)))


class NegotiationDef(_Strict):
    key: str
    title: str = Field(min_length=1)
    parties: list[str] = Field(default_factory=list)
    venue: str = ""
    status: Literal["ongoing", "concluded", "suspended", "planned"] = "ongoing"
    summary: str = ""
    translations: dict[str, dict[str, str]] = Field(default_factory=dict)

    _v_key = field_validator("key")(classmethod(lambda cls, v: _key(v)))
    _v_translations = field_validator("translations")(classmethod(lambda cls, v: _translations(v)))


class Bundle(_Strict):
    """One negotiation's timeline as stored in a data file."""

    format: int = 1
    negotiation: NegotiationDef
    sources: dict[str, SourceDef] = Field(default_factory=dict)
    events: list[EventDef] = Field(default_factory=list)
    points: list[PointDef] = Field(default_factory=list)

    def resolve(self, citation: Citation) -> dict[str, Any]:
        """A citation merged with the source it refers to, as the values of one `Source` row."""
        base: dict[str, Any] = {"publisher": "", "title": "", "url": "", "published_on": None}
        if citation.ref:
            base |= self.sources[citation.ref].model_dump()
        for field in ("publisher", "title", "url", "published_on"):
            value = getattr(citation, field)
            if value:
                base[field] = value
        base["attribution"] = citation.attribution
        base["quote"] = citation.quote
        return base


def _entry_label(bundle_data: Any, loc: tuple[Any, ...]) -> str:
    """`events[3] (key 'patrols-start')` from a pydantic error location."""
    parts: list[str] = []
    node = bundle_data
    for step in loc:
        if isinstance(step, int):
            label = f"[{step}]"
            try:
                node = node[step]
                if isinstance(node, dict) and "key" in node:
                    label += f" (key {node['key']!r})"
            except (IndexError, KeyError, TypeError):
                node = None
            parts.append(label)
        else:
            parts.append(("." if parts else "") + str(step))
            try:
                node = node[step] if isinstance(node, dict) else None
            except (KeyError, TypeError):
                node = None
    return "".join(parts) or "(top level)"


def _cross_check(bundle: Bundle) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for index, event in enumerate(bundle.events):
        label = f"events[{index}] (key {event.key!r})"
        if event.key in seen:
            problems.append(f"{label}: key is used twice")
        seen.add(event.key)
        for cindex, citation in enumerate(event.sources):
            if citation.ref and citation.ref not in bundle.sources:
                problems.append(f"{label}.sources[{cindex}]: unknown source ref {citation.ref!r}")
    point_keys: set[str] = set()
    for index, point in enumerate(bundle.points):
        label = f"points[{index}] (key {point.key!r})"
        if point.key in point_keys:
            problems.append(f"{label}: key is used twice")
        point_keys.add(point.key)
        for cindex, citation in enumerate(point.sources):
            if citation.ref and citation.ref not in bundle.sources:
                problems.append(f"{label}.sources[{cindex}]: unknown source ref {citation.ref!r}")
        for sindex, step in enumerate(point.status_history):
            if step.event and step.event not in seen:
                problems.append(f"{label}.status_history[{sindex}]: unknown event {step.event!r}")
    return problems


def parse_bundle(data: Any, origin: str) -> Bundle:
    """Validate already-decoded data; raise `BundleError` naming `origin`, the entry and the fault."""
    if not isinstance(data, dict):
        raise BundleError([f"{origin}: the file must hold a mapping with `negotiation:` and `events:`"])
    try:
        bundle = Bundle.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error.get("loc", ()))
            message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
            if error.get("type") == "extra_forbidden":
                message = f"unknown field {loc[-1]!r}"
                loc = loc[:-1]
            problems.append(f"{origin}: {_entry_label(data, loc)}: {message}")
        raise BundleError(problems) from None
    problems = _cross_check(bundle)
    if problems:
        raise BundleError([f"{origin}: {p}" for p in problems])
    return bundle


def read_bundle(path: Path) -> Bundle:
    """Read and validate one YAML or JSON bundle file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BundleError([f"{path}: cannot be read ({exc.strerror})"]) from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.load(text, Loader=_SafeLoader)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise BundleError([f"{path}: is not valid {'JSON' if path.suffix == '.json' else 'YAML'}: {exc}"]) from None
    return parse_bundle(data, str(path))


def bundled_files() -> list[Path]:
    """The timelines shipped with the bot."""
    return sorted(p for p in DATA_DIR.iterdir() if p.suffix.lower() in (".yaml", ".yml", ".json"))


def dump_bundle(data: dict[str, Any], fmt: str = "yaml") -> str:
    """Serialise bundle data as YAML (human-editable, key order kept) or JSON."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


__all__ = [
    "Bundle",
    "BundleError",
    "Citation",
    "EventDef",
    "PointDef",
    "SourceDef",
    "StatusStep",
    "bundled_files",
    "dump_bundle",
    "parse_bundle",
    "parse_when",
    "read_bundle",
    "DATA_DIR",
]
