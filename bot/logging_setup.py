"""Logging: one line per event, and never the bot token.

httpx logs every request URL at INFO, and Telegram URLs contain the token; we silence httpx below
WARNING and, as a second guard, redact the token from every record that reaches a handler.
"""

from __future__ import annotations

import logging
import sys


class RedactTokenFilter(logging.Filter):
    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secret:
            message = record.getMessage()
            if self.secret in message:
                record.msg = message.replace(self.secret, "<token>")
                record.args = None
            if record.exc_info and record.exc_info[1] is not None and self.secret in str(record.exc_info[1]):
                record.exc_text = logging.Formatter().formatException(record.exc_info).replace(self.secret, "<token>")
        return True


def configure_logging(level: str = "INFO", secret: str = "") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactTokenFilter(secret))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler", "aiosqlite", "asyncio", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
