"""Run :class:`FakeTelegram` on its own event loop in a background thread.

Why: the server must keep answering while the test's own code blocks - a
synchronous test, or one that runs ``subprocess.run([... "bot", "run"])`` and
therefore cannot give its event loop to the server. All state lives on the
server's thread; every method call is marshalled there, so there are no races.

    with ThreadedFakeTelegram(token=TOKEN) as tg:
        env["TELEGRAM_BASE_URL"] = tg.base_url
        proc = subprocess.Popen([...], env=env)
        tg.send_text(42, 42, "/start")
        reply = tg.wait_for_message(42, timeout=10)      # blocks this thread only
        reply = await tg.aio.wait_for_message(42)         # from another event loop
"""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Callable, Coroutine
from types import TracebackType
from typing import Any

from .server import FakeTelegram

__all__ = ["ThreadedFakeTelegram"]

_START_TIMEOUT = 10.0


class ThreadedFakeTelegram:
    """A :class:`FakeTelegram` proxy; attributes and methods run on the server thread.

    Methods of the server (sync or async) are available as blocking calls;
    ``self.aio.<method>`` gives awaitable versions for use from another loop.
    Constructor arguments are those of :class:`FakeTelegram`.
    """

    def __init__(self, **kwargs: Any) -> None:
        self._kwargs = kwargs
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: FakeTelegram | None = None
        self.aio = _AsyncView(self)

    @property
    def server(self) -> FakeTelegram:
        if self._server is None:
            raise RuntimeError("ThreadedFakeTelegram is not started")
        return self._server

    def start(self) -> ThreadedFakeTelegram:
        if self._thread is not None:
            return self
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=self._run_loop, args=(loop,), name="fake-telegram", daemon=True)
        self._loop, self._thread = loop, thread
        thread.start()
        self._server = self._submit(self._create()).result(_START_TIMEOUT)
        return self

    async def _create(self) -> FakeTelegram:
        server = FakeTelegram(**self._kwargs)
        return await server.start()

    @staticmethod
    def _run_loop(loop: asyncio.AbstractEventLoop) -> None:
        asyncio.set_event_loop(loop)
        loop.run_forever()

    def stop(self) -> None:
        if self._thread is None or self._loop is None:
            return
        if self._server is not None:
            self._submit(self._server.stop()).result(_START_TIMEOUT)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(_START_TIMEOUT)
        self._loop.close()
        self._thread = self._loop = self._server = None

    def __enter__(self) -> ThreadedFakeTelegram:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # ----------------------------------------------------------- marshalling
    def _submit(self, coro: Coroutine[Any, Any, Any]) -> Any:
        if self._loop is None:
            raise RuntimeError("ThreadedFakeTelegram is not started")
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    def run(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``func(*args, **kwargs)`` on the server thread and return its result."""

        async def invoke() -> Any:
            result = func(*args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
            return result

        return self._submit(invoke()).result()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        attr = getattr(self.server, name)
        if callable(attr):
            return lambda *args, **kwargs: self.run(attr, *args, **kwargs)
        return self.run(lambda: getattr(self.server, name))


class _AsyncView:
    """``await threaded.aio.wait_for_message(...)`` from any other event loop."""

    def __init__(self, owner: ThreadedFakeTelegram) -> None:
        self._owner = owner

    def __getattr__(self, name: str) -> Callable[..., Any]:
        attr = getattr(self._owner.server, name)

        async def call(*args: Any, **kwargs: Any) -> Any:
            async def invoke() -> Any:
                result = attr(*args, **kwargs)
                if inspect.isawaitable(result):
                    result = await result
                return result

            return await asyncio.wrap_future(self._owner._submit(invoke()))

        return call
