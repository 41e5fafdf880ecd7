"""Settings: defaults, parsing, and one clear line for every bad value."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.config import SettingsError, format_lead_time, load_settings, parse_lead_times


def test_defaults_need_no_setup() -> None:
    settings = load_settings()
    assert settings.database_url.startswith("sqlite+aiosqlite:///")
    assert settings.database_url.endswith("bot.sqlite3")
    assert settings.lead_times == [timedelta(days=1), timedelta(hours=1)]
    assert settings.admin_ids == frozenset()


def test_values_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", "123, 456,")
    monkeypatch.setenv("REMINDER_LEAD_TIMES", "1w,1d,1h,1m")
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Europe/Istanbul")
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1/test")
    settings = load_settings()
    assert settings.admin_ids == {123, 456}
    assert settings.lead_times == [timedelta(weeks=1), timedelta(days=1), timedelta(hours=1), timedelta(minutes=1)]
    assert settings.default_timezone == "Europe/Istanbul"
    assert settings.database_url == "postgresql+asyncpg://postgres@127.0.0.1/test"


def test_dotenv_file_is_read(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    (tmp_path / ".env").write_text("ADMIN_IDS=42\nREMINDER_LEAD_TIMES=2h\n")
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.admin_ids == {42}
    assert settings.lead_times == [timedelta(hours=2)]


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("DEFAULT_TIMEZONE", "Mars/Olympus", "DEFAULT_TIMEZONE"),
        ("REMINDER_LEAD_TIMES", "1 fortnight", "REMINDER_LEAD_TIMES"),
        ("REMINDER_LEAD_TIMES", "0h", "REMINDER_LEAD_TIMES"),
        ("ADMIN_IDS", "alice,bob", "ADMIN_IDS"),
        ("DATABASE_URL", "mysql://localhost/x", "DATABASE_URL"),
        ("TELEGRAM_BASE_URL", "localhost:8081", "TELEGRAM_BASE_URL"),
        ("WEBHOOK_PORT", "99999", "WEBHOOK_PORT"),
    ],
)
def test_bad_values_name_the_setting(monkeypatch: pytest.MonkeyPatch, name: str, value: str, says: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith(says)
    assert "\n" not in message


def test_token_is_required_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load_settings()
    with pytest.raises(SettingsError, match="TELEGRAM_BOT_TOKEN"):
        settings.require_token()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:ABCdefGhIJKlmnoPQRstuVWxyz")
    assert load_settings().require_token() == "123456:ABCdefGhIJKlmnoPQRstuVWxyz"
    assert "ABCdef" not in repr(load_settings())


def test_lead_time_round_trip() -> None:
    assert [format_lead_time(d) for d in parse_lead_times("1m, 1h ,1d,1w,1d")] == ["1w", "1d", "1h", "1m"]
    with pytest.raises(ValueError):
        parse_lead_times("")
