"""What the fake records about the bot's traffic, for assertions in tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .spec import UploadedFile

__all__ = ["Call", "Mark", "Rejection", "SentDocument"]


@dataclass
class Call:
    """One HTTP request to the Bot API and the answer it got."""

    method: str
    params: dict[str, Any]
    files: dict[str, UploadedFile]
    unknown_params: list[str]
    http_method: str
    content_type: str
    time: float
    wall_time: float
    index: int = 0
    status: int = 0
    response: dict[str, Any] = field(default_factory=dict)
    injected: bool = False
    rate_limited: bool = False
    client_gone: bool = False
    duration: float = 0.0

    @property
    def ok(self) -> bool:
        return bool(self.response.get("ok"))

    @property
    def result(self) -> Any:
        return self.response.get("result")

    @property
    def description(self) -> str | None:
        return self.response.get("description")


@dataclass(frozen=True)
class Rejection:
    """A 4xx answer. ``injected``/``rate_limited`` tell apart errors the bot did not cause."""

    method: str
    error_code: int
    description: str
    params: dict[str, Any]
    injected: bool = False
    rate_limited: bool = False

    @property
    def bot_fault(self) -> bool:
        """True when the bot sent something Telegram would reject."""
        return not (self.injected or self.rate_limited)


@dataclass(frozen=True)
class SentDocument:
    """A document the bot sent, with its bytes (e.g. an .ics file)."""

    chat_id: int
    message_id: int
    file_name: str | None
    mime_type: str | None
    data: bytes | None
    caption: str | None
    message: dict[str, Any]

    @property
    def text(self) -> str:
        """The content decoded as UTF-8 (convenient for .ics/.csv/.txt files)."""
        return (self.data or b"").decode("utf-8")


@dataclass(frozen=True)
class Mark:
    """A point in time for ``after=``: only later messages/calls are considered."""

    message_seq: int
    call_index: int
