"""An HTTP control API (``/_fake/<action>``) for driving the fake from another process.

Why: when the fake itself runs as a subprocess (``python -m tests.fake_telegram``),
a test cannot call ``server.send_text`` directly. The same test-side methods
are exposed as JSON endpoints; they take the method's keyword arguments as a
JSON object and answer ``{"ok": true, "result": ...}``.

Only enabled with ``FakeTelegram(control_api=True)`` (the ``__main__`` entry
point turns it on), so in-process tests see exactly Telegram's URL space.
"""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .errors import ApiError

if TYPE_CHECKING:
    from .server import FakeTelegram

__all__ = ["add_control_routes"]

#: Test-side methods reachable over HTTP; wait_for_message takes ``contains`` (a substring).
_SYNC_ACTIONS = (
    "send_text", "send_document", "send_photo", "send_voice", "send_sticker", "press_button", "inline_query",
    "add_raw_update", "block_bot", "unblock_bot", "add_bot_to_group", "set_member_status", "fail_next",
    "clear_failures", "slow", "messages",
)


def _summary(server: FakeTelegram, what: str) -> Any:
    if what == "calls":
        return [
            {"method": c.method, "params": c.params, "status": c.status, "description": c.description,
             "unknown_params": c.unknown_params}
            for c in server.calls
        ]
    if what == "rejections":
        return [
            {"method": r.method, "error_code": r.error_code, "description": r.description,
             "bot_fault": r.bot_fault}
            for r in server.rejections
        ]
    if what == "sent_documents":
        return [
            {"chat_id": d.chat_id, "message_id": d.message_id, "file_name": d.file_name,
             "mime_type": d.mime_type, "caption": d.caption,
             "data_base64": base64.b64encode(d.data).decode() if d.data is not None else None}
            for d in server.sent_documents()
        ]
    return {"unknown_params": server.unknown_params, "rate_limited_count": server.rate_limited_count,
            "pending_updates": len(server.state.pending_updates)}


def add_control_routes(app: web.Application, server: FakeTelegram) -> None:
    async def handle(request: web.Request) -> web.Response:
        action = request.match_info["action"]
        kwargs: dict[str, Any] = {}
        if request.body_exists:
            kwargs = await request.json()
        kwargs.update(request.query)
        try:
            if action in _SYNC_ACTIONS:
                if "data_base64" in kwargs:
                    kwargs["data"] = base64.b64decode(kwargs.pop("data_base64"))
                result = getattr(server, action)(**kwargs)
            elif action == "wait_for_message":
                contains = kwargs.pop("contains", None)
                chat_id = kwargs.pop("chat_id", None)
                result = await server.wait_for_message(
                    None if chat_id is None else int(chat_id), contains, float(kwargs.pop("timeout", 5.0))
                )
            elif action in ("calls", "rejections", "sent_documents", "stats"):
                result = _summary(server, action)
            else:
                raise ApiError(404, f"Not Found: unknown control action {action!r}")
        except ApiError as exc:
            return web.json_response(exc.body(), status=exc.error_code)
        except (TypeError, ValueError, LookupError, TimeoutError) as exc:
            status = 408 if isinstance(exc, TimeoutError) else 400
            return web.json_response({"ok": False, "error_code": status, "description": str(exc)}, status=status)
        return web.json_response({"ok": True, "result": result}, dumps=lambda o: json.dumps(o, default=str))

    app.router.add_route("*", "/_fake/{action}", handle)
