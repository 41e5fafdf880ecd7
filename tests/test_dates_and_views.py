"""Dates as readers see them, the next key date, the calendar file and time-zone lookup."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time
from icalendar import Calendar

from bot import clock
from bot.calendar_export import build_calendar
from bot.dates import format_when, iso_date, relative
from bot.overview import latest_updates, next_key_date
from bot.snapshot import EventView, NegotiationView, TimelineSnapshot, When
from bot.zones import resolve_zone

IST = ZoneInfo("Europe/Istanbul")


def _day(y: int, m: int, d: int, zone: str = "Europe/Istanbul", precision: str = "day") -> When:
    return When(datetime(y, m, d, tzinfo=ZoneInfo(zone)).astimezone(timezone.utc), precision, zone)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Sunday, 15 March 2020"), ("tr", "15 Mart 2020 Pazar"), ("ru", "воскресенье, 15 марта 2020")],
)
def test_day_dates_with_weekday_in_the_readers_language(language: str, expected: str) -> None:
    assert format_when(_day(2020, 3, 15), language) == expected


def test_a_day_stays_the_announced_day_in_any_reader_zone() -> None:
    when = _day(2020, 3, 15)
    assert format_when(when, "en", "America/Los_Angeles") == "Sunday, 15 March 2020"
    assert iso_date(when) == "2020-03-15"


def test_month_precision_never_shows_a_made_up_day() -> None:
    when = _day(2020, 2, 1, precision="month")
    assert [format_when(when, lang) for lang in ("en", "tr", "ru")] == ["February 2020", "Şubat 2020", "февраль 2020"]


def test_exact_times_are_shown_in_the_readers_zone_and_as_announced() -> None:
    when = When(datetime(2020, 3, 6, 0, 1, tzinfo=ZoneInfo("Europe/Moscow")).astimezone(timezone.utc), "exact", "Europe/Moscow")
    assert format_when(when, "en", "Europe/Istanbul") == "Friday, 6 March 2020 at 00:01 (Europe/Istanbul)"
    assert format_when(when, "en", "UTC") == "Thursday, 5 March 2020 at 21:01 (UTC) = 00:01, Friday, 6 March 2020 (Europe/Moscow)"


def test_ranges() -> None:
    when = When(_day(2020, 3, 10).starts_at, "range", "Europe/Istanbul", _day(2020, 3, 12).starts_at)
    assert format_when(when, "en") == "10–12 March 2020"
    assert format_when(when, "ru") == "10–12 марта 2020"


@freeze_time("2020-03-13 12:00:00")
def test_relative_to_the_one_clock() -> None:
    now = clock.now()
    assert relative(_day(2020, 3, 15), now, "en") == "in 2 days"
    assert relative(_day(2020, 3, 14), now, "en") == "tomorrow"
    assert relative(_day(2020, 3, 13), now, "en") == "today"
    assert relative(_day(2020, 3, 5), now, "en") == "8 days ago"
    assert relative(_day(2020, 3, 15), now, "tr") == "2 gün sonra"
    assert relative(_day(2020, 3, 15), now, "ru") == "через 2 дня"


def test_relative_years_are_whole_years() -> None:
    assert relative(_day(2020, 3, 15), datetime(2026, 11, 26, tzinfo=timezone.utc), "en") == "6 years ago"


def _snapshot() -> TimelineSnapshot:
    negotiation = NegotiationView(id=1, key="talks", title="Talks")
    events = (
        EventView(1, "deal", 1, "agreement", "Deal", _day(2020, 3, 5), "happened", is_key_date=True),
        EventView(2, "patrols", 1, "milestone", "Patrols start", _day(2020, 3, 15), "scheduled", is_key_date=True,
                  version=3),
        EventView(3, "month", 1, "incident", "Something in February", _day(2020, 2, 1, precision="month"), "happened",
                  is_key_date=True),
        EventView(4, "statement", 1, "statement", "A statement", _day(2020, 3, 12), "happened"),
    )
    return TimelineSnapshot(negotiations=(negotiation,), events=events, points=())


def test_next_key_date_counts_the_whole_announced_day() -> None:
    snapshot = _snapshot()
    before = next_key_date(snapshot, 1, datetime(2020, 3, 13, tzinfo=timezone.utc))
    assert before.upcoming and before.event.key == "patrols"
    during = next_key_date(snapshot, 1, datetime(2020, 3, 15, 18, 0, tzinfo=timezone.utc))
    assert during.upcoming and during.event.key == "patrols"
    after = next_key_date(snapshot, 1, datetime(2020, 3, 16, 12, 0, tzinfo=timezone.utc))
    assert not after.upcoming and after.event.key == "patrols"


def test_latest_updates_newest_first() -> None:
    assert [e.key for e in latest_updates(_snapshot(), 1, limit=2)] == ["patrols", "statement"]


def test_calendar_has_all_day_key_dates_with_stable_uid_and_sequence() -> None:
    calendar = Calendar.from_ical(build_calendar(_snapshot(), 1, datetime(2026, 1, 1, tzinfo=timezone.utc)))
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Deal", "Patrols start"}  # no made-up day for the month-precision entry
    patrols = events["Patrols start"]
    assert patrols.decoded("dtstart").isoformat() == "2020-03-15"  # VALUE=DATE: all day
    assert patrols.decoded("dtend").isoformat() == "2020-03-16"
    assert str(patrols["uid"]) == "talks.patrols@negotiation-tracker-bot"
    assert int(patrols["sequence"]) == 3


@pytest.mark.parametrize(
    ("typed", "zone"),
    [("Europe/Istanbul", "Europe/Istanbul"), ("istanbul", "Europe/Istanbul"), ("Ankara", "Europe/Istanbul"),
     ("Москва", "Europe/Moscow"), ("moskow", "Europe/Moscow"), ("UTC+3", "Etc/GMT-3"), ("new york", "America/New_York")],
)
def test_zone_by_name_or_city(typed: str, zone: str) -> None:
    assert resolve_zone(typed) == zone


@pytest.mark.parametrize("typed", ["", "Mars", "UTC+99", "<script>"])
def test_unknown_zones_are_refused(typed: str) -> None:
    assert resolve_zone(typed) is None
