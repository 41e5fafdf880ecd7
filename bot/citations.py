"""How a source is named to a reader: publisher, date, who said it."""

from __future__ import annotations

from babel.dates import format_date

from bot.dates import locale_of
from bot.snapshot import SourceRef


def source_line(source: SourceRef, language: str = "en") -> str:
    """`Al Jazeera (with Reuters), 12 March 2020 — Hulusi Akar, cited by his office`."""
    text = source.publisher
    if source.published_on:
        text += ", " + format_date(source.published_on, "d MMMM y", locale=locale_of(language))
    if source.attribution:
        text += " — " + source.attribution
    return text
