"""`python -m bot.reminders`: a dispatcher on its own, draining the outbox until SIGTERM/SIGINT.

Reads the same settings as the bot (DATABASE_URL, TELEGRAM_BOT_TOKEN, TELEGRAM_BASE_URL,
OUTBOX_RATE_PER_SECOND, PAID_BROADCAST). On PostgreSQL several may run side by side (and beside the
bot's own); each claims different rows. Exit code 2 on a bad setting, like the bot's CLI.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys

from bot.config import SettingsError, load_settings


async def _run(worker_id: str | None, lease: float | None) -> None:
    from datetime import timedelta

    from bot.reminders.runner import start_dispatcher, stop_dispatcher
    from storage.db import Database

    settings = load_settings()
    settings.require_token()
    database = Database(settings.database_url)
    await database.upgrade()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    overrides = {"lease": timedelta(seconds=lease)} if lease else {}
    dispatcher = await start_dispatcher(settings, database, worker_id=worker_id, **overrides)
    try:
        await stop.wait()
    finally:
        await stop_dispatcher(dispatcher)
        await database.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.reminders", description="Drain the reminders outbox.")
    parser.add_argument("--worker-id", help="name of this dispatcher in claimed rows (default: host:pid:random)")
    parser.add_argument("--lease", type=float, help="seconds before a dead dispatcher's claimed rows are reclaimed (default 120)")
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        from bot.logging_setup import configure_logging

        configure_logging(settings.log_level, settings.token)
        asyncio.run(_run(args.worker_id, args.lease))
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
