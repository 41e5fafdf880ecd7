"""Settings: the only place that reads the environment or `.env`.

Every setting is validated here, once, so a typo in `.env` is reported as one clear line naming the
setting and the fix (see `SettingsError`), never as a traceback from deep inside the bot.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import platformdirs
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

APP_NAME = "negotiation-bot"

_LEAD_TIME_RE = re.compile(r"^\s*(\d+)\s*([wdhm])\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"w": 7 * 86400, "d": 86400, "h": 3600, "m": 60}


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line naming it and the fix."""


def parse_lead_times(value: str) -> list[timedelta]:
    """Parse `1w,1d,1h,30m` into durations, longest first, without duplicates.

    `m` is minutes (nobody schedules reminders months ahead of a ceasefire deadline).
    """
    if not value or not value.strip():
        raise ValueError("it is empty; use units w, d, h, m such as 1d,1h")
    result: set[timedelta] = set()
    for part in value.split(","):
        match = _LEAD_TIME_RE.match(part)
        if not match:
            raise ValueError(
                f"{part.strip()!r} is not a lead time; use a number and a unit w, d, h or m, such as 1d,1h,30m"
            )
        amount, unit = int(match.group(1)), match.group(2).lower()
        if amount <= 0:
            raise ValueError(f"{part.strip()!r} must be more than zero")
        result.add(timedelta(seconds=amount * _UNIT_SECONDS[unit]))
    return sorted(result, reverse=True)


def format_lead_time(delta: timedelta) -> str:
    """The inverse of `parse_lead_times` for one value (`timedelta(days=1)` → `1d`)."""
    seconds = int(delta.total_seconds())
    for unit in ("w", "d", "h", "m"):
        size = _UNIT_SECONDS[unit]
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds // 60}m"


def default_database_url() -> str:
    """A SQLite file in the user's data directory, so a first run needs no set-up at all."""
    data_dir = Path(platformdirs.user_data_dir(APP_NAME))
    return f"sqlite+aiosqlite:///{data_dir / 'bot.sqlite3'}"


class Settings(BaseSettings):
    """All configuration, from the environment or a `.env` file in the working directory."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    telegram_bot_token: SecretStr = SecretStr("")
    telegram_base_url: str | None = None
    database_url: str = Field(default_factory=default_database_url)
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    default_timezone: str = "UTC"
    default_language: str = "en"
    reminder_lead_times: Annotated[str, NoDecode] = "1d,1h"
    webhook_url: str | None = None
    webhook_secret: SecretStr = SecretStr("")
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    log_level: str = "INFO"
    outbox_rate_per_second: float = Field(default=25.0, gt=0, le=1000)
    paid_broadcast: bool = False

    @field_validator("telegram_base_url", "webhook_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("telegram_base_url", "webhook_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("must start with http:// or https://, such as http://127.0.0.1:8081/bot")
        return value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        value = value.strip()
        if value.startswith("sqlite:///"):
            value = "sqlite+aiosqlite:///" + value[len("sqlite:///") :]
        elif value.startswith(("postgresql://", "postgres://")):
            value = "postgresql+asyncpg://" + value.split("://", 1)[1]
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError(
                "use sqlite+aiosqlite:///path/to/file.sqlite3 or postgresql+asyncpg://user@host/dbname"
            )
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            ids = []
            for part in value.replace(";", ",").split(","):
                part = part.strip()
                if not part:
                    continue
                if not re.fullmatch(r"-?\d+", part):
                    raise ValueError(f"{part!r} is not a numeric Telegram user id; use e.g. 12345,67890")
                ids.append(int(part))
            return frozenset(ids)
        return value

    @field_validator("default_timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        value = value.strip()
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not an IANA time zone; use e.g. UTC or Europe/Istanbul") from None
        if value not in available_timezones() and value != "UTC":
            raise ValueError(f"{value!r} is not an IANA time zone; use e.g. UTC or Europe/Istanbul")
        return value

    @field_validator("default_language")
    @classmethod
    def _language(cls, value: str) -> str:
        value = value.strip().lower()
        if value not in ("en", "tr", "ru"):
            raise ValueError("must be one of en, tr, ru")
        return value

    @field_validator("reminder_lead_times")
    @classmethod
    def _lead_times(cls, value: str) -> str:
        parse_lead_times(value)
        return value.replace(" ", "")

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        value = value.strip().upper()
        if value not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise ValueError("must be DEBUG, INFO, WARNING or ERROR")
        return value

    @cached_property
    def lead_times(self) -> list[timedelta]:
        return parse_lead_times(self.reminder_lead_times)

    @property
    def token(self) -> str:
        return self.telegram_bot_token.get_secret_value().strip()

    def require_token(self) -> str:
        """The bot token, or a `SettingsError` saying how to set it (only `run` needs one)."""
        token = self.token
        if not token:
            raise SettingsError(
                "TELEGRAM_BOT_TOKEN is not set: put TELEGRAM_BOT_TOKEN=<token from @BotFather> in .env "
                "or the environment"
            )
        if not re.fullmatch(r"\d+:[A-Za-z0-9_-]{10,}", token):
            raise SettingsError(
                "TELEGRAM_BOT_TOKEN looks malformed: it should look like 123456:ABC-DEF1234ghIkl from @BotFather"
            )
        return token


def load_settings(**overrides: Any) -> Settings:
    """Build the settings, turning a validation failure into one `SettingsError` line."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]).upper() if error.get("loc") else "a setting"
        message = str(error.get("msg", "is invalid")).removeprefix("Value error, ")
        raise SettingsError(f"{name} is invalid: {message} (fix it in .env or the environment)") from None
