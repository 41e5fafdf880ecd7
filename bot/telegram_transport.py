"""How the bot talks HTTP to the Bot API: PTB's request interface over aiohttp.

PTB still builds every request and maps every error; only the HTTP round trip is aiohttp's, which
costs a fraction of httpx's (httpcore polls every pooled connection on every request). Replies,
long polling and the outbox dispatcher all use it, with one way to read TELEGRAM_BASE_URL.
"""

from __future__ import annotations

from typing import Any

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


def telegram_base_urls(base_url: str | None) -> dict[str, str]:
    """TELEGRAM_BASE_URL (`http://host:port` or `.../bot`) as ApplicationBuilder/Bot arguments."""
    if not base_url:
        return {}
    base = base_url.rstrip("/")
    return {
        "base_url": base if base.endswith("/bot") or "{token}" in base else base + "/bot",
        "base_file_url": base.rsplit("/bot", 1)[0] + "/file/bot",
    }


class AiohttpRequest(BaseRequest):
    """A `BaseRequest` over one aiohttp session with a bounded keep-alive pool."""

    def __init__(self, connection_pool_size: int = 8, timeout: float = 10.0) -> None:
        self._pool_size = connection_pool_size
        self._timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float:
        return self._timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(connector=connector, headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    @staticmethod
    def _body(request_data: RequestData | None) -> Any:
        if request_data is None:
            return None
        if not request_data.contains_files:
            return request_data.json_parameters
        form = aiohttp.FormData()
        for name, value in request_data.json_parameters.items():
            form.add_field(name, value)
        for name, part in request_data.multipart_data.items():
            if isinstance(part, tuple):  # (file name, bytes, MIME type)
                filename, content, mime = part
                form.add_field(name, content, filename=filename, content_type=mime)
            else:
                form.add_field(name, part)
        return form

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
        if self._session is None or self._session.closed:
            await self.initialize()
        assert self._session is not None
        total = read_timeout if isinstance(read_timeout, (int, float)) else self._timeout
        try:
            async with self._session.request(
                method, url, data=self._body(request_data), timeout=aiohttp.ClientTimeout(total=total)
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut(f"no answer within {total}s") from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp: {exc!r}") from exc
