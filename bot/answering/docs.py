"""What of an event or agreement point is searchable, and how much each part counts.

Every text an editor writes is indexed, in every language it exists in: title (counts most),
aliases, place, topics, details, the quotes and attributions of its sources, and for points the
notes of the status history. Nothing depends on aliases being present: they are just more text.
Dates become terms too ("@03-15", "@m03"), so "what happened on 5 March?" finds the day's events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Literal, Union
from zoneinfo import ZoneInfo

from bot.answering.analyze import analyze_text
from bot.answering.language import detect
from bot.snapshot import EventView, PointView, When

Item = Union[EventView, PointView]

TITLE, ALIAS, PLACE, TOPIC, DETAILS, QUOTE, ATTRIBUTION, NOTE = 3.0, 2.0, 2.0, 1.5, 1.0, 0.8, 1.0, 1.0
_SATURATION = 1.2


def doc_key(kind: Literal["event", "point"], item_id: int) -> int:
    """One integer key space for events and points (postings stay plain int → float dicts)."""
    return item_id * 2 + (1 if kind == "point" else 0)


@dataclass(frozen=True, slots=True)
class Field:
    text: str
    language: str
    weight: float
    name: str


def fields_of(item: Item) -> list[Field]:
    """The searchable texts of an event or point with their weights."""
    out: list[Field] = [Field(item.title, "en", TITLE, "title"), Field(item.details, "en", DETAILS, "details")]
    for lang, tr in (item.translations or {}).items():
        if tr.get("title"):
            out.append(Field(tr["title"], lang, TITLE, "title"))
        if tr.get("details"):
            out.append(Field(tr["details"], lang, DETAILS, "details"))
    for lang, words in (item.aliases or {}).items():
        for w in words or ():
            out.append(Field(w, lang, ALIAS, "alias"))
    for topic in item.topics:
        out.append(Field(topic.replace("-", " "), "en", TOPIC, "topic"))
    if isinstance(item, EventView) and item.place:
        out.append(Field(item.place, detect(item.place, "en"), PLACE, "place"))
    for source in item.sources:
        if source.quote:
            out.append(Field(source.quote, detect(source.quote, "en"), QUOTE, "quote"))
        if source.attribution:
            out.append(Field(source.attribution, detect(source.attribution, "en"), ATTRIBUTION, "attribution"))
    if isinstance(item, PointView):
        for step in item.history:
            if step.note:
                out.append(Field(step.note, detect(step.note, "en"), NOTE, "note"))
    return [f for f in out if f.text and f.text.strip()]


def date_terms(when: When | None) -> set[str]:
    """Terms for the announced day(s) and month of a date, for questions that name a date."""
    if when is None or when.starts_at is None:
        return set()
    zone = ZoneInfo(when.timezone or "UTC")
    start = when.starts_at.astimezone(zone).date()
    terms = {f"@m{start.month:02d}", f"@y{start.year}"}
    if when.precision in ("day", "exact"):
        terms.add(f"@{start.month:02d}-{start.day:02d}")
    elif when.precision == "range" and when.ends_at is not None:
        end = when.ends_at.astimezone(zone).date()
        if (end - start).days <= 31:
            day = start
            while day <= end:
                terms.add(f"@{day.month:02d}-{day.day:02d}")
                terms.add(f"@m{day.month:02d}")
                day += timedelta(days=1)
        terms.add(f"@m{end.month:02d}")
    return terms


def _saturate(weight: float) -> float:
    # Rounded so that the many equal weights share one float object per value.
    return round(weight * (1 + _SATURATION) / (weight + _SATURATION), 2)


@dataclass(frozen=True, slots=True)
class Indexed:
    """An item's index terms and the words it shows (for the typo corrector)."""

    terms: dict[str, float]
    surface: tuple[tuple[str, str], ...]  # (word, language of the text it was seen in)


def index_terms(item: Item) -> Indexed:
    weights: dict[str, float] = {}
    surface: set[tuple[str, str]] = set()
    for f in fields_of(item):
        counts, words = analyze_text(f.text, f.language)
        for term, n in counts.items():
            weights[term] = weights.get(term, 0.0) + f.weight * (1 + 0.3 * (n - 1))
        surface.update((w, f.language) for w in words if len(w) >= 3 and not w[0].isdigit())
    if isinstance(item, EventView):
        dates = date_terms(item.when)
    else:
        dates = set()
        for step in item.history:
            dates |= date_terms(step.when)
    for term in dates:
        weights[term] = 2.0
    return Indexed({t: _saturate(w) for t, w in weights.items()}, tuple(sorted(surface)))

