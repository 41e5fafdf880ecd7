"""Dates as readers see them: in their language, their zone, at the precision that is known.

A day-precision date is shown as the day it was announced in its own zone (15 March in Ankara is
15 March for a reader in New York too); only exact times are converted to the reader's zone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_interval, format_timedelta

from bot.snapshot import When

LOCALES = {"en": "en_GB", "tr": "tr_TR", "ru": "ru_RU"}
_DAY = {"en": "EEEE, d MMMM y", "tr": "d MMMM y EEEE", "ru": "EEEE, d MMMM y"}
_MONTH = {"en": "LLLL y", "tr": "LLLL y", "ru": "LLLL y"}
_AROUND = {"en": "around {}", "tr": "yaklaşık {}", "ru": "примерно {}"}
_AT = {"en": "{date} at {time}", "tr": "{date}, saat {time}", "ru": "{date}, {time}"}
_TODAY = {"en": "today", "tr": "bugün", "ru": "сегодня"}
_TOMORROW = {"en": "tomorrow", "tr": "yarın", "ru": "завтра"}
_YESTERDAY = {"en": "yesterday", "tr": "dün", "ru": "вчера"}


def locale_of(language: str) -> str:
    return LOCALES.get(language, LOCALES["en"])


def local_date(instant: datetime, zone: str) -> date:
    return instant.astimezone(ZoneInfo(zone)).date()


def format_day(day: date, language: str) -> str:
    """`Sunday, 15 March 2020` / `15 Mart 2020 Pazar` / `воскресенье, 15 марта 2020`."""
    return format_date(day, _DAY.get(language, _DAY["en"]), locale=locale_of(language))


def format_day_month(month: int, day: int, language: str) -> str:
    """"5 March", "5 Mart", "5 марта": a day named without its year (as a question names it)."""
    lang = language if language in LOCALES else "en"
    return format_date(date(2000, month, day), "d MMMM", locale=locale_of(lang))


def format_month(month: int, language: str) -> str:
    """"February", "Şubat", "февраль": a month named without its year, standing alone."""
    lang = language if language in LOCALES else "en"
    return format_date(date(2000, month, 1), "LLLL", locale=locale_of(lang))


def format_when(when: When, language: str = "en", reader_zone: str = "UTC") -> str:
    """The date (and time, when known) of `when`, never more precise than it is known."""
    if when.starts_at is None:
        return {"en": "date unknown", "tr": "tarih bilinmiyor", "ru": "дата неизвестна"}.get(language, "date unknown")
    lang = language if language in LOCALES else "en"
    loc = locale_of(lang)
    if when.precision == "exact":
        zone = ZoneInfo(reader_zone)
        local = when.starts_at.astimezone(zone)
        day_text = format_day(local.date(), lang)
        time_text = format_datetime(local, "HH:mm", locale=loc)
        text = _AT[lang].format(date=day_text, time=time_text) + f" ({reader_zone})"
        announced = when.starts_at.astimezone(ZoneInfo(when.timezone))
        if announced.utcoffset() != local.utcoffset():
            # Say the time as it was announced too: "00:01 on 6 March in Moscow" is what the news said, and
            # its weekday is the one a reader asking "on what day" means (Friday there, Thursday in UTC).
            text += (" = " + format_datetime(announced, "HH:mm", locale=loc) + ", "
                     + format_day(announced.date(), lang) + f" ({when.timezone})")
        return text
    start = local_date(when.starts_at, when.timezone)
    if when.precision == "month":
        return format_date(start, _MONTH[lang], locale=loc)
    if when.precision == "range" and when.ends_at is not None:
        end = local_date(when.ends_at, when.timezone)
        if start.day == 1 and end.day == 1 and (end.year, end.month) != (start.year, start.month):
            return format_interval(start, end, "yMMMM", locale=loc)
        return _day_range(start, end, loc)
    if when.precision == "approximate":
        return _AROUND[lang].format(format_date(start, _MONTH[lang], locale=loc))
    return format_day(start, lang)


def _day_range(start: date, end: date, loc: str) -> str:
    """`10–12 March 2020`, `28 February – 2 March 2020`: CLDR has no full-month day interval."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end, 'd MMMM y', locale=loc)}"
    first = "d MMMM" if start.year == end.year else "d MMMM y"
    return f"{format_date(start, first, locale=loc)} – {format_date(end, 'd MMMM y', locale=loc)}"


def about_years(days: int, language: str) -> str:
    """"around 9 years": a span counted from a month, never more precise than that month."""
    lang = language if language in LOCALES else "en"
    years = format_timedelta(timedelta(days=round(days / 365.25) * 365), granularity="year", threshold=1.1,
                             locale=locale_of(lang))
    return _AROUND[lang].format(years)


def iso_date(when: When) -> str | None:
    """`YYYY-MM-DD` of the announced day (the contract of `ask --json`)."""
    if when.starts_at is None:
        return None
    if when.precision == "exact":
        return when.starts_at.astimezone(ZoneInfo(when.timezone)).date().isoformat()
    return local_date(when.starts_at, when.timezone).isoformat()


def relative(when: When, now: datetime, language: str = "en", reader_zone: str = "UTC") -> str:
    """How far `when` is from `now`: `in 3 days`, `6 years ago`, `tomorrow`."""
    if when.starts_at is None:
        return ""
    lang = language if language in LOCALES else "en"
    loc = locale_of(lang)
    if when.precision == "exact":
        delta = when.starts_at - now
        if abs(delta) < timedelta(days=1):
            return format_timedelta(delta, add_direction=True, locale=loc, threshold=1.1)
    reader_today = now.astimezone(ZoneInfo(reader_zone)).date()
    day = local_date(when.starts_at, when.timezone)
    if when.precision == "range" and when.ends_at is not None:
        end = local_date(when.ends_at, when.timezone)
        if day <= reader_today <= end:
            return {"en": "now", "tr": "şu anda", "ru": "сейчас"}[lang]
        if reader_today > end:
            day = end
    days = (day - reader_today).days
    if when.precision in ("day", "exact", "range"):
        if days == 0:
            return _TODAY[lang]
        if days == 1:
            return _TOMORROW[lang]
        if days == -1:
            return _YESTERDAY[lang]
    return _days_from_now(days, loc)


@lru_cache(maxsize=2048)
def _days_from_now(days: int, loc: str) -> str:
    """"in 3 days", "5 years ago" for a whole number of days (cached: Babel formats slowly, and a
    reader's answers repeat the same few distances)."""
    if abs(days) < 30:
        # "8 days ago" is what a reader wants, not Babel's rounded "1 week ago".
        return format_timedelta(timedelta(days=days), granularity="day", add_direction=True, locale=loc, threshold=100)
    if abs(days) >= 365:
        # Babel rounds 6.7 years up to 7; whole years elapsed is what a reader means.
        years = int(abs(days) / 365.25)
        days = (years * 365) * (1 if days > 0 else -1)
    return format_timedelta(timedelta(days=days), add_direction=True, locale=loc, threshold=1.1)
