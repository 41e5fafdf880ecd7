"""What the Telegram layer needs at hand, built once at start-up (`post_init`)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from bot.timeline_service import TimelineService
from storage.db import Database


@dataclass
class Services:
    settings: Settings
    database: Database
    timeline: TimelineService
