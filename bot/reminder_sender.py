"""The Telegram edge of the dispatcher: the one module of `bot/reminders` that imports `telegram`.

It sends with a `Bot` of its own (not the Application's, whose AIORateLimiter would cap it at 30 msg/s
and retry behind the dispatcher's back), with a connection pool as large as the dispatcher's
concurrency, and maps PTB's exceptions onto the dispatcher's (`RetryLater`, `TransientError`,
`ChatBlocked`, `Rejected`).
"""

from __future__ import annotations

import asyncio
from typing import Any

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, InvalidToken, RetryAfter, TelegramError
from telegram.request import BaseRequest

from bot.config import Settings
from bot.telegram_transport import AiohttpRequest, telegram_base_urls
from bot.reminders.dispatcher import ChatBlocked, Outgoing, Rejected, RetryLater, TransientError


def _request(concurrency: int, timeout: float) -> BaseRequest:
    return AiohttpRequest(concurrency + 2, timeout)


class TelegramSender:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self._initialized = False
        self._lock = asyncio.Lock()

    @classmethod
    def create(cls, token: str, base_url: str | None = None, *, concurrency: int = 8, timeout: float = 10.0) -> "TelegramSender":
        request = _request(concurrency, timeout)
        return cls(Bot(token, request=request, get_updates_request=AiohttpRequest(1, timeout), **telegram_base_urls(base_url)))

    @classmethod
    def from_settings(cls, settings: Settings, *, concurrency: int = 8) -> "TelegramSender":
        return cls.create(settings.require_token(), settings.telegram_base_url, concurrency=concurrency)

    async def _ensure_initialized(self) -> None:
        if self._initialized:
            return
        async with self._lock:
            if not self._initialized:
                await self.bot.initialize()
                self._initialized = True

    async def close(self) -> None:
        if self._initialized:
            await self.bot.shutdown()
            self._initialized = False

    async def send(self, message: Outgoing) -> None:
        try:
            await self._ensure_initialized()
            params: dict[str, Any] = {
                "chat_id": message.chat_id,
                "text": message.text,
                "parse_mode": ParseMode.HTML.value,
                "link_preview_options": {"is_disabled": True},
            }
            if message.reply_markup:
                params["reply_markup"] = message.reply_markup
            if message.paid_broadcast:
                params["allow_paid_broadcast"] = True
            # `do_api_request` with the stored JSON as is: no TelegramObjects built for the keyboard or
            # parsed from the answer (that was half of the per-message CPU at 1000 msg/s), PTB's error
            # mapping kept. Bot API method names are case-insensitive; the lower-case spelling is not
            # a `Bot` attribute, so PTB does not warn "use Bot.send_message instead".
            await self.bot.do_api_request("sendmessage", api_kwargs=params)
        except RetryAfter as exc:
            value = exc.retry_after
            seconds = value.total_seconds() if hasattr(value, "total_seconds") else float(value)
            raise RetryLater(seconds, exc.message) from exc
        except Forbidden as exc:
            raise ChatBlocked(exc.message) from exc
        except ChatMigrated as exc:
            raise Rejected(f"group upgraded to supergroup {exc.new_chat_id}") from exc
        except BadRequest as exc:  # before NetworkError: BadRequest is a subclass of it
            raise Rejected(exc.message) from exc
        except InvalidToken as exc:
            raise TransientError(f"token rejected: {exc.message}") from exc
        except TelegramError as exc:  # TimedOut, NetworkError (5xx, connection), Conflict, ...
            raise TransientError(f"{exc.__class__.__name__}: {exc.message}") from exc
