"""Building and running the Telegram application.

Start-up work happens in `post_init` (open and migrate the database, load the timeline, set the
command menu in three languages); `post_shutdown` closes the database. `run_bot` runs long polling,
or a webhook when WEBHOOK_URL is set, and returns (exit code 0) on SIGINT or SIGTERM.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import signal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import BadRequest, InvalidToken
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, Defaults

from bot.answering import freeze_long_lived_objects
from bot.config import Settings, SettingsError
from bot.handlers import register
from bot.reminders.runner import start_dispatcher, stop_dispatcher
from bot.runtime import open_database
from bot.services import Services
from bot.telegram_transport import AiohttpRequest, telegram_base_urls
from bot.timeline_service import TimelineService
from bot.ui_text import ADMIN_COMMANDS, COMMANDS, LANGUAGES

log = logging.getLogger("bot.app")

CONNECTION_POOL_SIZE = 16
REQUEST_TIMEOUT = 10.0  # seconds for one Bot API call (long polls add their own timeout)


async def _set_command_menus(application: Application, settings: Settings) -> None:
    """Everyone's menu in three languages; the deployment's admins also see the admin commands."""
    for language in LANGUAGES:
        commands = [BotCommand(name, descriptions[language]) for name, descriptions in COMMANDS]
        await application.bot.set_my_commands(commands, language_code=None if language == "en" else language)
    admin_menu = [BotCommand(name, d["en"]) for name, d in COMMANDS + ADMIN_COMMANDS]
    for admin_id in sorted(settings.admin_ids):
        try:
            await application.bot.set_my_commands(admin_menu, scope=BotCommandScopeChat(admin_id))
        except BadRequest as exc:  # the admin has not opened a chat with the bot yet
            log.info("admin %s gets the admin menu once they start the bot (%s)", admin_id, exc)


async def _post_init(application: Application) -> None:
    settings: Settings = application.bot_data["settings"]
    database = await open_database(settings.database_url)
    timeline = await TimelineService.load(database)
    freeze_long_lived_objects()  # the index lives as long as the process: keep it out of GC passes
    application.bot_data["services"] = Services(settings=settings, database=database, timeline=timeline)
    # The outbox dispatcher (reminders, change notices, announcements) runs in this process.
    application.bot_data["reminder_dispatcher"] = await start_dispatcher(settings, database)
    await _set_command_menus(application, settings)
    log.info(
        "bot @%s ready: %d negotiation(s), %d events",
        application.bot.username,
        len(timeline.snapshot.negotiations),
        len(timeline.snapshot.events),
    )


async def _post_shutdown(application: Application) -> None:
    # Finish in-flight sends and record them before the database closes.
    await stop_dispatcher(application.bot_data.pop("reminder_dispatcher", None))
    services: Services | None = application.bot_data.get("services")
    if services is not None:
        await services.database.dispose()
    log.info("bot stopped")


def build_application(settings: Settings) -> Application:
    transports = (AiohttpRequest(CONNECTION_POOL_SIZE, REQUEST_TIMEOUT), AiohttpRequest(1, REQUEST_TIMEOUT))
    builder = (
        ApplicationBuilder()
        .token(settings.require_token())
        .defaults(Defaults(tzinfo=ZoneInfo(settings.default_timezone)))
        # Replies are paced per group (Telegram allows ~20/min there) and wait out a 429, but are not
        # capped at 30/s overall: that cap is for broadcasts, which the outbox dispatcher paces itself,
        # and applied to replies it made every user wait behind every other at 30 replies/s.
        .rate_limiter(AIORateLimiter(overall_max_rate=0, max_retries=2))
        .concurrent_updates(True)
        # aiohttp under PTB (bot/telegram_transport.py): a keep-alive pool of 16 connections carries
        # ~160 requests/s at Telegram's ~100 ms round trip, five times what Telegram accepts from a bot.
        .request(transports[0])
        .get_updates_request(transports[1])
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    urls = telegram_base_urls(settings.telegram_base_url)
    if urls:
        builder = builder.base_url(urls["base_url"]).base_file_url(urls["base_file_url"])
    application = builder.build()
    application.bot_data["settings"] = settings
    application.bot_data["transports"] = transports
    register(application)
    return application


class _TokenRefused(logging.Filter):
    """PTB logs a refused token with a traceback before raising; `run_bot` reports it in one line instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], InvalidToken))


def run_bot(settings: Settings) -> None:
    """Run until SIGINT/SIGTERM. A token the Bot API refuses is a `SettingsError`, not a traceback."""
    application = build_application(settings)
    logging.getLogger("telegram.ext").addFilter(_TokenRefused())
    try:
        _run(application, settings)
    except InvalidToken:
        asyncio.run(_close_transports(application))
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN was refused by the Bot API (401 Unauthorized): copy the token again from @BotFather"
        ) from None


async def _close_transports(application: Application) -> None:
    for request in application.bot_data.get("transports", ()):
        await request.shutdown()


def _run(application: Application, settings: Settings) -> None:
    stop_signals = (signal.SIGINT, signal.SIGTERM)
    if settings.webhook_url:
        # Without a configured secret, one is made for this run: Telegram then proves every call is its own.
        secret = settings.webhook_secret.get_secret_value() or secrets.token_urlsafe(32)
        path = urlsplit(settings.webhook_url).path.strip("/")
        log.info("starting webhook on %s:%s", settings.webhook_listen, settings.webhook_port)
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=path,
            webhook_url=settings.webhook_url,
            secret_token=secret,
            allowed_updates=Update.ALL_TYPES,
            stop_signals=stop_signals,
        )
    else:
        log.info("starting long polling")
        application.run_polling(allowed_updates=Update.ALL_TYPES, stop_signals=stop_signals, drop_pending_updates=False)
