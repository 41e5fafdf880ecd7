"""A local fake of the Telegram Bot API for end-to-end tests of the bot.

Main entry points: :class:`FakeTelegram` (runs on the caller's event loop) and
:class:`ThreadedFakeTelegram` (runs on its own thread, for synchronous tests).
"""

from .errors import ApiError
from .ratelimit import RateLimits
from .records import Call, Mark, Rejection, SentDocument
from .server import DEFAULT_TOKEN, FakeTelegram
from .threaded import ThreadedFakeTelegram

__all__ = [
    "DEFAULT_TOKEN",
    "ApiError",
    "Call",
    "FakeTelegram",
    "Mark",
    "RateLimits",
    "Rejection",
    "SentDocument",
    "ThreadedFakeTelegram",
]
