"""The Telegram edge of the dispatcher: the one module of `bot/reminders` that imports `telegram`.

It sends with a `Bot` of its own (not the Application's, whose AIORateLimiter would cap it at 30 msg/s
and retry behind the dispatcher's back), with a connection pool as large as the dispatcher's
concurrency, and maps PTB's exceptions onto the dispatcher's (`RetryLater`, `TransientError`,
`ChatBlocked`, `Rejected`).
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, InvalidToken, RetryAfter, TelegramError
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

from bot.config import Settings
from bot.reminders.dispatcher import ChatBlocked, Outgoing, Rejected, RetryLater, TransientError


def telegram_base_urls(base_url: str | None) -> dict[str, str]:
    """`ApplicationBuilder`'s conventions for TELEGRAM_BASE_URL (see bot/app.py)."""
    if not base_url:
        return {}
    base = base_url.rstrip("/")
    return {
        "base_url": base if base.endswith("/bot") or "{token}" in base else base + "/bot",
        "base_file_url": base.rsplit("/bot", 1)[0] + "/file/bot",
    }


class AiohttpRequest(BaseRequest):
    """PTB's transport over aiohttp: PTB still builds the request and maps every error, but the HTTP
    round trip costs a fraction of httpx's (whose connection pool is O(pool) per request), which is
    what lets one process reach paid broadcasts' 1000 msg/s. Form-encoded bodies only (the dispatcher
    never uploads files)."""

    def __init__(self, connection_pool_size: int = 8, timeout: float = 10.0) -> None:
        self._pool_size = connection_pool_size
        self._timeout = timeout
        self._session: Any = None

    @property
    def read_timeout(self) -> float:
        return self._timeout

    async def initialize(self) -> None:
        import aiohttp

        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(connector=connector, headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        import aiohttp

        if request_data is not None and request_data.contains_files:
            raise NetworkError("AiohttpRequest does not upload files")
        if self._session is None:
            await self.initialize()
        total = read_timeout if isinstance(read_timeout, (int, float)) else self._timeout
        data = request_data.json_parameters if request_data is not None else None
        try:
            async with self._session.request(
                method, url, data=data, timeout=aiohttp.ClientTimeout(total=total)
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut(f"no answer within {total}s") from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp: {exc!r}") from exc


def _request(concurrency: int, timeout: float) -> BaseRequest:
    try:
        import aiohttp  # noqa: F401
    except ImportError:  # the test extra brings it; without it PTB's httpx transport does the job, slower
        return HTTPXRequest(
            connection_pool_size=concurrency + 2, read_timeout=timeout, write_timeout=timeout,
            connect_timeout=timeout, pool_timeout=timeout,
            # headers and body go out as two writes: without TCP_NODELAY, Nagle's algorithm holds the
            # body until the server's (delayed) ACK of the headers
            socket_options=((socket.IPPROTO_TCP, socket.TCP_NODELAY, 1),),
        )
    return AiohttpRequest(concurrency + 2, timeout)


class TelegramSender:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self._initialized = False
        self._lock = asyncio.Lock()

    @classmethod
    def create(cls, token: str, base_url: str | None = None, *, concurrency: int = 8, timeout: float = 10.0) -> "TelegramSender":
        request = _request(concurrency, timeout)
        return cls(Bot(token, request=request, get_updates_request=HTTPXRequest(), **telegram_base_urls(base_url)))

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
