"""Bot API error responses, in Telegram's wording and envelope.

Why a dedicated exception: every validation step (spec, HTML, keyboards,
state lookups) can fail deep inside a handler; raising :class:`ApiError` and
turning it into ``{"ok": false, ...}`` in one place keeps handlers linear and
guarantees the HTTP status always matches ``error_code`` (PTB picks its
exception class from the HTTP status).
"""

from __future__ import annotations

from typing import Any

__all__ = ["ApiError", "DEFAULT_DESCRIPTIONS", "bad_request", "error_body"]

#: Descriptions Telegram uses when nothing more specific applies.
DEFAULT_DESCRIPTIONS: dict[int, str] = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    429: "Too Many Requests: retry after {retry_after}",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


class ApiError(Exception):
    """An error answer: ``error_code`` is also the HTTP status."""

    def __init__(self, error_code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.parameters = parameters

    def body(self) -> dict[str, Any]:
        return error_body(self.error_code, self.description, self.parameters)


def bad_request(message: str) -> ApiError:
    """``400 Bad Request: <message>``.

    Telegram lower-cases the first letter of the message unless it looks like
    an error constant (``BUTTON_DATA_INVALID``); we apply the same rule so
    callers can paste TDLib's capitalised messages.
    """
    if len(message) >= 2 and not (message[1] == "_" or message[1].isupper()):
        message = message[0].lower() + message[1:]
    return ApiError(400, f"Bad Request: {message}")


def error_body(error_code: int, description: str, parameters: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"ok": False, "error_code": error_code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return body
