"""Turning a chosen fact into the reply: answer first, then detail, quote and source.

Only plain text is produced; the renderer styles blocks. The frame (dates, status words, "Source")
is in the reader's language; stored text is shown in the reader's language when a translation
exists (`title_in` / `details_in`), otherwise as written.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache


from bot.answering.types import Block, Match
from bot.dates import format_when as _format_when
from bot.dates import format_day_month, format_month, iso_date, relative
from bot.i18n import status_label, t
from bot.citations import source_line
from bot.snapshot import EventView, PointView, SourceRef, When


@lru_cache(maxsize=4096)
def format_when(when: When, language: str, zone: str | None = None) -> str:
    """`bot.dates.format_when`, cached: a stored date reads the same for every question (Babel is slow)."""
    return _format_when(when, language, zone) if zone is not None else _format_when(when, language)


@lru_cache(maxsize=4096)
def source_text(source: SourceRef, language: str) -> str:
    """"Al Jazeera (with Reuters), 12 March 2020 — Hulusi Akar, Turkish Defence Minister, cited by his office"."""
    return source_line(source, language)


def source_block(source: SourceRef, language: str) -> Block:
    return Block("source", t("source", language, text=source_text(source, language)), source.url or None)


def quote_block(source: SourceRef, language: str) -> Block | None:
    if not source.quote:
        return None
    who = source.attribution or source.publisher
    return Block("quote", t("said_by", language, who=who, quote=source.quote.strip().rstrip(",")))


def date_parts(when: When | None, status: str, now: datetime, language: str, zone: str) -> dict[str, str]:
    if when is None or when.starts_at is None:
        return {"date": format_when(When(None), language), "status": status_label(status, language), "relative": ""}
    return {
        "date": format_when(when, language, zone),
        "status": status_label(status, language),
        "relative": relative(when, now, language, zone),
    }


def day_month(month: int, day: int, language: str) -> str:
    return format_day_month(month, day, language)


def month_name(month: int, language: str) -> str:
    return format_month(month, language)


def fill(key: str, language: str, **values: str) -> str:
    """A frame sentence; drops the "; relative" part gracefully when there is no relative date."""
    text = t(key, language, **values)
    return text.replace("; )", ")").replace(" ()", "")


def match_of(item: EventView | PointView, score: float, language: str, when: When | None = None,
             status: str | None = None, source: SourceRef | None = None) -> Match:
    if isinstance(item, EventView):
        when = when or item.when
        kind = "event"
    else:
        when = when or item.status_since
        kind = "point"
    src = source or (item.sources[0] if item.sources else None)
    return Match(
        kind=kind,  # type: ignore[arg-type]
        id=item.id,
        title=item.title_in(language),
        date=iso_date(when) if when is not None else None,
        status=status or item.status,
        source=source_text(src, language) if src else "",
        score=round(score, 3),
        negotiation_id=item.negotiation_id,
    )
