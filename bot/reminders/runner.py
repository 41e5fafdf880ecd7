"""Starting and stopping the dispatcher: inside the bot (`_post_init` / `_post_shutdown`) or on its own
(`python -m bot.reminders`)."""

from __future__ import annotations

import logging

from bot.config import Settings
from bot.reminders.dispatcher import Dispatcher, DispatcherConfig
from bot.reminders.service import configure
from storage.db import Database

log = logging.getLogger("bot.reminders")


def dispatcher_config(settings: Settings, **overrides: object) -> DispatcherConfig:
    return DispatcherConfig.for_rate(settings.outbox_rate_per_second, settings.paid_broadcast, **overrides)


async def start_dispatcher(
    settings: Settings, database: Database, *, worker_id: str | None = None, **overrides: object
) -> Dispatcher:
    """Configure the planning defaults and start draining the outbox in the background.

    `overrides` are DispatcherConfig fields (e.g. `lease=timedelta(seconds=5)` for tests)."""
    from bot.reminder_sender import TelegramSender  # the Telegram edge

    configure(settings)
    config = dispatcher_config(settings, **overrides)
    sender = TelegramSender.from_settings(settings, concurrency=config.concurrency)
    dispatcher = Dispatcher(database, sender, config, worker_id=worker_id)
    dispatcher.start()
    return dispatcher


async def stop_dispatcher(dispatcher: Dispatcher | None) -> None:
    if dispatcher is None:
        return
    await dispatcher.stop()
    close = getattr(dispatcher.sender, "close", None)
    if close is not None:
        await close()
