"""Finding a time zone from what a person types: an IANA name, a city (in English, Turkish or
Russian, via Babel's CLDR exemplar cities), a capital that has no zone of its own, or a UTC offset."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from zoneinfo import available_timezones

from babel.dates import get_timezone_location
from rapidfuzz import fuzz, process

# Capitals and places in the news whose zone is named after another city.
_CAPITALS = {
    "ankara": "Europe/Istanbul",
    "idlib": "Asia/Damascus",
    "idleb": "Asia/Damascus",
    "aleppo": "Asia/Damascus",
    "washington": "America/New_York",
    "washington dc": "America/New_York",
    "geneva": "Europe/Zurich",
    "cenevre": "Europe/Zurich",
    "женева": "Europe/Zurich",
    "the hague": "Europe/Amsterdam",
    "new delhi": "Asia/Kolkata",
    "beijing": "Asia/Shanghai",
    "ottawa": "America/Toronto",
    "canberra": "Australia/Sydney",
    "brasilia": "America/Sao_Paulo",
    "анкара": "Europe/Istanbul",
    "идлиб": "Asia/Damascus",
    "вашингтон": "America/New_York",
    "kyiv": "Europe/Kyiv",
    "kiev": "Europe/Kyiv",
    "киев": "Europe/Kyiv",
    "sochi": "Europe/Moscow",
    "сочи": "Europe/Moscow",
    "astana": "Asia/Almaty",
    "tehran": "Asia/Tehran",
}
_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?00)?$")


def _fold(text: str) -> str:
    text = text.replace("İ", "i")
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("_", " ").strip()


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    # Europe first: old aliases such as Asia/Istanbul should lose to the canonical Europe/Istanbul.
    zones = sorted(
        (z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/", "US/"))),
        key=lambda z: (not z.startswith("Europe/"), z),
    )
    for zone in zones:
        index.setdefault(_fold(zone), zone)
        index.setdefault(_fold(zone.rsplit("/", 1)[-1]), zone)
        for locale in ("en", "tr", "ru"):
            try:
                city = get_timezone_location(zone, locale=locale, return_city=True)
            except Exception:  # noqa: BLE001 - CLDR lacks some zones; they keep their IANA names
                continue
            index.setdefault(_fold(city), zone)
    for name, zone in _CAPITALS.items():
        index[_fold(name)] = zone
    index["utc"] = "UTC"
    index["gmt"] = "UTC"
    return index


def resolve_zone(text: str) -> str | None:
    """The IANA zone meant by `text`, or None when nothing fits well enough to be sure."""
    cleaned = text.strip()
    if not cleaned:
        return None
    exact = {z.casefold(): z for z in available_timezones()}
    if cleaned.casefold() in exact:
        return exact[cleaned.casefold()]
    offset = _OFFSET.match(cleaned.casefold().replace(" ", ""))
    if offset:
        hours = int(offset.group(2))
        if hours == 0:
            return "UTC"
        if hours <= 14:
            # POSIX Etc zones have inverted signs: UTC+3 is Etc/GMT-3.
            return f"Etc/GMT{'-' if offset.group(1) == '+' else '+'}{hours}"
        return None
    index = _index()
    folded = _fold(cleaned)
    if folded in index:
        return index[folded]
    match = process.extractOne(folded, index.keys(), scorer=fuzz.ratio, score_cutoff=80)
    return index[match[0]] if match else None
