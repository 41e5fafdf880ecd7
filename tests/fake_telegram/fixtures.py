"""pytest fixtures for the fake Telegram server.

Import the ones you need into a test module or a conftest::

    from tests.fake_telegram.fixtures import fake_telegram, fake_bot  # noqa: F401

Why fixtures live here and not in ``tests/conftest.py``: the package is
self-contained and the project's conftest decides what to expose globally.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
import telegram

from .server import DEFAULT_TOKEN, FakeTelegram
from .threaded import ThreadedFakeTelegram

__all__ = ["fake_bot", "fake_telegram", "threaded_fake_telegram"]


@pytest_asyncio.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    """A started server on the test's event loop (default token and bot username)."""
    async with FakeTelegram(token=DEFAULT_TOKEN) as server:
        yield server


@pytest_asyncio.fixture
async def fake_bot(fake_telegram: FakeTelegram) -> AsyncIterator[telegram.Bot]:
    """An initialised PTB ``Bot`` talking to :func:`fake_telegram`."""
    bot = telegram.Bot(
        fake_telegram.token, base_url=fake_telegram.base_url, base_file_url=fake_telegram.base_file_url
    )
    async with bot:
        yield bot


@pytest.fixture
def threaded_fake_telegram() -> Iterator[ThreadedFakeTelegram]:
    """A server on its own thread, for tests that block (e.g. ``subprocess.run``)."""
    with ThreadedFakeTelegram(token=DEFAULT_TOKEN) as server:
        yield server
