"""A bare python-telegram-bot echo bot: the baseline `bot_throughput.py` measures the real bot against.

Same ApplicationBuilder settings as `bot/app.py` where they matter for speed (long polling,
concurrent_updates, the HTTP connection pool, a local Bot API server via TELEGRAM_BASE_URL), and
nothing else: no database, no answering, no rate limiter, no logging per update. Run: `TELEGRAM_BOT_TOKEN=... TELEGRAM_BASE_URL=... python benchmarks/echo_bot.py`.
"""

from __future__ import annotations

import logging
import os
import signal

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters


POOL_SIZE = int(os.environ.get("ECHO_POOL_SIZE", "16"))
# ECHO_TRANSPORT=aiohttp gives the echo bot the real bot's transport (bot/telegram_transport.py), to
# compare handler work alone; the default is bare PTB (httpx), the baseline the targets are set against.
TRANSPORT = os.environ.get("ECHO_TRANSPORT", "httpx")


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and message.text:
        await context.bot.send_message(message.chat_id, message.text)


def build(token: str, base_url: str | None) -> Application:
    builder = (
        ApplicationBuilder()
        .token(token)
        .concurrent_updates(True)
    )
    if TRANSPORT == "aiohttp":
        from bot.telegram_transport import AiohttpRequest

        builder = builder.request(AiohttpRequest(POOL_SIZE, 10.0)).get_updates_request(AiohttpRequest(1, 10.0))
    else:
        builder = builder.connection_pool_size(POOL_SIZE).pool_timeout(10.0)
    if base_url:
        base = base_url.rstrip("/")
        builder = builder.base_url(base if base.endswith("/bot") else base + "/bot")
        builder = builder.base_file_url(base.rsplit("/bot", 1)[0] + "/file/bot")
    application = builder.build()
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    return application


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    application = build(os.environ["TELEGRAM_BOT_TOKEN"], os.environ.get("TELEGRAM_BASE_URL"))
    application.run_polling(allowed_updates=Update.ALL_TYPES, stop_signals=(signal.SIGINT, signal.SIGTERM))


if __name__ == "__main__":
    main()
