"""``FakeTelegram``: a local Bot API server speaking Telegram's HTTP protocol.

Why a real HTTP server instead of mocking ``telegram.Bot``: the bot under test
keeps its real network stack (PTB's ``HTTPXRequest``, retries, rate limiter,
error mapping), can run as a separate process (``python -m bot run`` with
``TELEGRAM_BASE_URL`` pointing here), and every request is checked against the
official spec and Telegram's content rules, so "the fake accepted it" means
"Telegram would have accepted it".

Typical use (pytest-asyncio)::

    async with FakeTelegram(token=TOKEN) as tg:
        app = ApplicationBuilder().token(TOKEN).base_url(tg.base_url).base_file_url(tg.base_file_url).build()
        ...
        tg.send_text(chat_id=42, user_id=42, text="/start")
        reply = await tg.wait_for_message(42)
        assert not [r for r in tg.rejections if r.bot_fault]

Everything runs on the event loop that called :meth:`FakeTelegram.start`; see
:class:`~.threaded.ThreadedFakeTelegram` for a server on its own thread.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from aiohttp import web

from .errors import DEFAULT_DESCRIPTIONS, ApiError, bad_request, error_body
from .methods import HANDLERS, Options, generic_handler
from .ratelimit import RateLimiter, RateLimits
from .records import Call, Mark, Rejection, SentDocument
from .spec import BotApiSpec, UploadedFile, load_spec
from .state import BotState, PendingQuery, StoredFile, StoredMessage
from .updates import detect_entities, make_user

__all__ = ["FakeTelegram"]

DEFAULT_TOKEN = "123456789:AAFakeTelegramTokenForTests_0123456789"
MAX_UPLOAD_BYTES = 50 * 1024 * 1024

MessagePredicate = Callable[[dict[str, Any]], bool] | str | None
CallPredicate = Callable[[Call], bool] | None
UserHandler = Callable[[dict[str, Any]], Any]


@dataclass
class _Failure:
    method: str  # lower-case method name or "*"
    error_code: int
    description: str
    parameters: dict[str, Any] | None
    remaining: int | None
    chat_id: str | None

    def matches(self, method: str, raw: dict[str, Any]) -> bool:
        if self.method not in ("*", method.lower()):
            return False
        return self.chat_id is None or str(raw.get("chat_id")) == self.chat_id


@dataclass
class _Delay:
    method: str
    seconds: float
    remaining: int | None


def _dumps(body: Any) -> str:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


class FakeTelegram:
    """A fake Bot API server plus the test-side API to drive and inspect it.

    Args:
        token: the only token accepted; others get ``401 Unauthorized``.
        bot_username: ``username`` returned by getMe.
        bot_first_name: ``first_name`` returned by getMe.
        host, port: where to listen; port 0 picks a free port (see :attr:`port`).
        spec_path: ``api.json`` location (default: see :func:`.spec.default_spec_path`).
        rate_limits: ``None``/``False`` disables flood control, ``True`` enables
            Telegram's default limits, a :class:`RateLimits` sets custom ones.
        strict_html: reject a bare ``&`` in HTML (Telegram documents it as
            forbidden but tolerates it); set ``False`` for TDLib's leniency.
        require_known_chats: answer "chat not found" for chats no test user has
            written from; by default unknown chats are created on first use.
        can_join_groups, can_read_all_group_messages, supports_inline_queries: getMe flags.
        control_api: also serve ``/_fake/<action>`` (see :mod:`.control`) for
            driving the server from another process.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "ankara_talks_bot",
        bot_first_name: str = "Ankara Talks",
        host: str = "127.0.0.1",
        port: int = 0,
        spec_path: str | None = None,
        rate_limits: RateLimits | bool | None = None,
        strict_html: bool = True,
        require_known_chats: bool = False,
        can_join_groups: bool = True,
        can_read_all_group_messages: bool = False,
        supports_inline_queries: bool = True,
        control_api: bool = False,
    ) -> None:
        self.token = token
        self.host = host
        self._requested_port = port
        self.spec: BotApiSpec = load_spec(spec_path)
        bot_id_text = token.split(":", 1)[0]
        bot_id = int(bot_id_text) if bot_id_text.isdigit() else 123456789
        bot_user = make_user(bot_id, first_name=bot_first_name, username=bot_username, is_bot=True)
        bot_user.update(
            {
                "can_join_groups": can_join_groups,
                "can_read_all_group_messages": can_read_all_group_messages,
                "supports_inline_queries": supports_inline_queries,
                "can_connect_to_business": False,
                "has_main_web_app": False,
            }
        )
        self.state = BotState(bot_user=bot_user, require_known_chats=require_known_chats)
        self.options = Options(strict_ampersand=strict_html)
        self.calls: list[Call] = []
        self.rejections: list[Rejection] = []
        self.unknown_params: list[tuple[str, str]] = []
        self.rate_limited_count = 0
        #: Exceptions raised inside the fake while answering (answered as 500); should stay empty.
        self.internal_errors: list[Exception] = []
        self._limiter: RateLimiter | None = None
        self.set_rate_limits(rate_limits)
        self._failures: list[_Failure] = []
        self._delays: list[_Delay] = []
        self._user_handlers: dict[str, UserHandler] = {}
        self._consumed_messages: set[int] = set()
        self._consumed_calls: set[int] = set()
        self._control_api = control_api
        self._scan_from: dict[int, int] = {}
        self._runner: web.AppRunner | None = None
        self._port: int | None = None

    # ------------------------------------------------------------ lifecycle
    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("FakeTelegram is not started")
        return self._port

    @property
    def url(self) -> str:
        """Root URL of the server, e.g. ``http://127.0.0.1:PORT``."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder().base_url(...)``; PTB appends the token."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder().base_file_url(...)``."""
        return f"{self.url}/file/bot"

    @property
    def bot_user(self) -> dict[str, Any]:
        return self.state.bot_user

    async def start(self) -> FakeTelegram:
        """Bind and serve on the running event loop; returns ``self``."""
        if self._runner is not None:
            return self
        app = web.Application(client_max_size=MAX_UPLOAD_BYTES)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_route("GET", "/file/bot{token}/{path:.+}", self._handle_file)
        if self._control_api:
            from .control import add_control_routes

            add_control_routes(app, self)
        app.router.add_route("*", "/{tail:.*}", self._handle_not_found)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self._requested_port))
            site = web.SockSite(runner, sock)
            await site.start()
        except BaseException:
            sock.close()
            await runner.cleanup()
            raise
        self._port = sock.getsockname()[1]
        self._runner = runner
        self.options.closing = False
        return self

    async def stop(self) -> None:
        """Stop serving; pending long polls are answered with no updates first."""
        if self._runner is None:
            return
        self.options.closing = True
        self.state.updates_changed.notify()
        runner, self._runner = self._runner, None
        await runner.cleanup()

    async def __aenter__(self) -> FakeTelegram:
        return await self.start()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    # ------------------------------------------------------------- HTTP side
    async def _read_params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
        """Query string plus body (form, multipart or JSON) as one flat dict."""
        params: dict[str, Any] = dict(request.query)
        files: dict[str, UploadedFile] = {}
        if not request.body_exists:
            return params, files
        content_type = request.content_type
        if content_type == "application/json":
            raw = await request.read()
            if raw.strip():
                try:
                    body = json.loads(raw)
                except ValueError:
                    raise bad_request("can't parse JSON encoded request") from None
                if not isinstance(body, dict):
                    raise bad_request("JSON object expected as request body")
                params.update(body)
        elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for name, value in form.items():
                if isinstance(value, web.FileField):
                    files[name] = UploadedFile(name, value.filename, value.content_type, value.file.read())
                else:
                    params[name] = value
        return params, files

    async def _handle_api(self, request: web.Request) -> web.Response:
        loop = asyncio.get_running_loop()
        started = loop.time()
        method_name = request.match_info["method"]
        call = Call(
            method=method_name,
            params={},
            files={},
            unknown_params=[],
            http_method=request.method,
            content_type=request.content_type,
            time=started,
            wall_time=time.time(),
        )
        try:
            raw, files = await self._read_params(request)
            call.params, call.files = raw, files
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            method = self.spec.method(method_name)
            if method is None:
                raise ApiError(404, "Not Found")
            call.method = method.name
            failure = self._take_failure(method.name, raw)
            delay = self._take_delay(method.name)
            if delay:
                await asyncio.sleep(delay)
            if failure is not None:
                call.injected = True
                raise failure
            params, unknown = self.spec.coerce(method, raw, files)
            call.params, call.unknown_params = params, unknown
            self.unknown_params.extend((method.name, name) for name in unknown)
            self._check_rate(method.name, params, loop.time(), call)
            result = await self._dispatch(method.name, params)
            body: dict[str, Any] = {"ok": True, "result": result}
            status = 200
        except ApiError as exc:
            body, status = exc.body(), exc.error_code
            transport = request.transport
            call.client_gone = transport is None or transport.is_closing()
            # An answer nobody receives (the bot dropped the connection, e.g. a
            # cancelled long poll superseded by a new one) is not a rejection.
            if 400 <= status < 500 and not call.client_gone:
                self.rejections.append(
                    Rejection(call.method, status, exc.description, call.params, call.injected, call.rate_limited)
                )
        except web.HTTPException:
            raise  # e.g. 413 for an upload over client_max_size, answered by aiohttp itself
        except Exception as exc:  # a bug in the fake (or in a set_handler callback): make it visible
            self.internal_errors.append(exc)
            body, status = error_body(500, f"Internal Server Error: fake server failed: {exc!r}"), 500
        call.status, call.response = status, body
        call.duration = loop.time() - started
        call.index = len(self.calls)
        self.calls.append(call)
        self.state.activity.notify()
        return web.Response(text=_dumps(body), status=status, content_type="application/json")

    async def _dispatch(self, method: str, params: dict[str, Any]) -> Any:
        key = method.lower()
        user_handler = self._user_handlers.get(key)
        if user_handler is not None:
            result = user_handler(params)
        else:
            handler = HANDLERS.get(key)
            if handler is None:
                spec = self.spec.method(method)
                handler = generic_handler(spec) if spec is not None else None
            if handler is None:
                raise bad_request(f"method {method} is not implemented by the fake Telegram server")
            result = handler(self.state, params, self.options)
        if inspect.isawaitable(result):
            result = await result
        return result

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            body = _dumps(error_body(401, "Unauthorized"))
            return web.Response(text=body, status=401, content_type="application/json")
        path = request.match_info["path"]
        for stored in self.state.files.values():
            if stored.data is not None and stored.file_path == path:
                return web.Response(body=stored.data, content_type=stored.mime_type or "application/octet-stream")
        return web.Response(text=_dumps(error_body(404, "Not Found")), status=404, content_type="application/json")

    async def _handle_not_found(self, request: web.Request) -> web.Response:
        return web.Response(text=_dumps(error_body(404, "Not Found")), status=404, content_type="application/json")

    def _check_rate(self, method: str, params: dict[str, Any], now: float, call: Call) -> None:
        if self._limiter is None:
            return
        chat_id = params.get("chat_id")
        retry_after = self._limiter.check(
            method, chat_id, self.state.is_group(chat_id), bool(params.get("allow_paid_broadcast")), now
        )
        if retry_after:
            call.rate_limited = True
            self.rate_limited_count += 1
            raise ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})

    # ----------------------------------------------------- fault injection
    def fail_next(
        self,
        method: str = "*",
        error_code: int = 429,
        description: str | None = None,
        *,
        retry_after: int | None = None,
        times: int | None = 1,
        chat_id: int | str | None = None,
        parameters: dict[str, Any] | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` (``"*"`` = any) with an error.

        ``times=None`` keeps failing until :meth:`clear_failures`. With
        ``chat_id`` only calls for that chat fail. A 429 gets
        ``parameters.retry_after`` (default 1 s) so PTB raises ``RetryAfter``.
        """
        params = dict(parameters or {})
        if error_code == 429:
            params.setdefault("retry_after", retry_after or 1)
        elif retry_after is not None:
            params["retry_after"] = retry_after
        if description is None:
            description = DEFAULT_DESCRIPTIONS.get(error_code, "Bad Request").format(
                retry_after=params.get("retry_after", 1)
            )
        self._failures.append(
            _Failure(method.lower(), error_code, description, params or None, times,
                     None if chat_id is None else str(chat_id))
        )

    def clear_failures(self) -> None:
        self._failures.clear()
        self._delays.clear()

    def slow(self, method: str, seconds: float, *, times: int | None = None) -> None:
        """Delay answers to ``method`` (``"*"`` = any) by ``seconds`` (latency simulation)."""
        self._delays.append(_Delay(method.lower(), seconds, times))

    def set_rate_limits(self, limits: RateLimits | bool | None) -> None:
        """Switch flood control on (``True`` or custom limits) or off (``None``/``False``)."""
        if limits is True:
            limits = RateLimits()
        self._limiter = RateLimiter(limits) if isinstance(limits, RateLimits) else None

    def set_handler(self, method: str, handler: UserHandler | None) -> None:
        """Answer ``method`` with ``handler(params)`` (return the result or raise ``ApiError``)."""
        if handler is None:
            self._user_handlers.pop(method.lower(), None)
        else:
            self._user_handlers[method.lower()] = handler

    def _take_failure(self, method: str, raw: dict[str, Any]) -> ApiError | None:
        for failure in self._failures:
            if failure.matches(method, raw):
                if failure.remaining is not None:
                    failure.remaining -= 1
                    if failure.remaining <= 0:
                        self._failures.remove(failure)
                return ApiError(failure.error_code, failure.description, failure.parameters)
        return None

    def _take_delay(self, method: str) -> float:
        for delay in self._delays:
            if delay.method in ("*", method.lower()):
                if delay.remaining is not None:
                    delay.remaining -= 1
                    if delay.remaining <= 0:
                        self._delays.remove(delay)
                return delay.seconds
        return 0.0

    # ------------------------------------------------- user-side injection
    def _chat_type_for(self, chat_id: int, chat_type: str | None) -> str:
        if chat_type:
            return chat_type
        known = self.state.chats.get(chat_id)
        if known is not None:
            return str(known["type"])
        if chat_id > 0:
            return "private"
        return "supergroup" if str(chat_id).startswith("-100") else "group"

    def _user_message(
        self,
        chat_id: int,
        user_id: int,
        content: dict[str, Any],
        *,
        chat_type: str | None,
        chat_title: str | None,
        reply_to_message_id: int | None,
        user_fields: dict[str, Any],
    ) -> dict[str, Any]:
        user = self.state.remember_user(user_id, **user_fields)
        kind = self._chat_type_for(chat_id, chat_type)
        chat = self.state.remember_chat(chat_id, kind, user=user if kind == "private" else None, title=chat_title)
        message: dict[str, Any] = {
            "message_id": self.state.next_message_id(chat_id),
            "from": user,
            "chat": chat,
            "date": int(time.time()),
        }
        if reply_to_message_id is not None:
            target = self.state.find_message(chat_id, reply_to_message_id)
            if target is None:
                raise LookupError(f"no message {reply_to_message_id} in chat {chat_id} to reply to")
            replied = dict(target.current)
            replied.pop("reply_to_message", None)
            message["reply_to_message"] = replied
        message.update(content)
        self.state.store_message(chat_id, message, from_bot=False)
        return self.state.push_update({"message": message})

    def send_text(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        chat_type: str | None = None,
        first_name: str | None = None,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        reply_to_message_id: int | None = None,
        chat_title: str | None = None,
        entities: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """A user types ``text``; returns the queued ``message`` update.

        ``bot_command``/``mention``/``url``/``hashtag`` entities are detected
        unless ``entities`` is given. ``chat_type`` defaults to the chat's known
        type, else ``private`` for positive ids and ``group``/``supergroup``
        (``-100...``) for negative ones.
        """
        content: dict[str, Any] = {"text": text}
        found = detect_entities(text) if entities is None else entities
        if found:
            content["entities"] = found
        return self._user_message(
            chat_id, user_id, content, chat_type=chat_type, chat_title=chat_title,
            reply_to_message_id=reply_to_message_id,
            user_fields={"first_name": first_name, "last_name": last_name, "username": username,
                         "language_code": language_code},
        )

    def _user_file(self, data: bytes, file_name: str | None, mime_type: str | None) -> StoredFile:
        stored = StoredFile(self.state.new_id("AgAC"), self.state.new_id("AQAD"), data, file_name, mime_type)
        self.state.files[stored.file_id] = stored
        return stored

    def send_document(
        self,
        chat_id: int,
        user_id: int,
        file_name: str,
        data: bytes,
        *,
        mime_type: str | None = None,
        caption: str | None = None,
        chat_type: str | None = None,
        **user_fields: Any,
    ) -> dict[str, Any]:
        """A user sends a file; the bot can getFile and download it from :attr:`base_file_url`."""
        stored = self._user_file(data, file_name, mime_type)
        document = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "file_name": file_name,
                    "file_size": len(data)}
        if mime_type:
            document["mime_type"] = mime_type
        content: dict[str, Any] = {"document": document}
        self._add_caption(content, caption)
        return self._user_message(chat_id, user_id, content, chat_type=chat_type, chat_title=None,
                                  reply_to_message_id=None, user_fields=user_fields)

    def send_photo(
        self,
        chat_id: int,
        user_id: int,
        data: bytes = b"\xff\xd8\xff\xe0fake-jpeg",
        *,
        caption: str | None = None,
        chat_type: str | None = None,
        **user_fields: Any,
    ) -> dict[str, Any]:
        stored = self._user_file(data, "photo.jpg", "image/jpeg")
        content: dict[str, Any] = {"photo": [
            {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "width": 800, "height": 600,
             "file_size": len(data)}
        ]}
        self._add_caption(content, caption)
        return self._user_message(chat_id, user_id, content, chat_type=chat_type, chat_title=None,
                                  reply_to_message_id=None, user_fields=user_fields)

    def send_voice(
        self,
        chat_id: int,
        user_id: int,
        data: bytes = b"OggS-fake-voice",
        *,
        duration: int = 2,
        chat_type: str | None = None,
        **user_fields: Any,
    ) -> dict[str, Any]:
        stored = self._user_file(data, "voice.ogg", "audio/ogg")
        voice = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "duration": duration,
                 "mime_type": "audio/ogg", "file_size": len(data)}
        return self._user_message(chat_id, user_id, {"voice": voice}, chat_type=chat_type, chat_title=None,
                                  reply_to_message_id=None, user_fields=user_fields)

    def send_sticker(
        self,
        chat_id: int,
        user_id: int,
        emoji: str = "👍",
        *,
        chat_type: str | None = None,
        **user_fields: Any,
    ) -> dict[str, Any]:
        stored = self._user_file(b"RIFF-fake-webp", "sticker.webp", "image/webp")
        sticker = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "type": "regular",
                   "width": 512, "height": 512, "is_animated": False, "is_video": False, "emoji": emoji,
                   "file_size": 14}
        return self._user_message(chat_id, user_id, {"sticker": sticker}, chat_type=chat_type, chat_title=None,
                                  reply_to_message_id=None, user_fields=user_fields)

    @staticmethod
    def _add_caption(content: dict[str, Any], caption: str | None) -> None:
        if caption:
            content["caption"] = caption
            found = detect_entities(caption)
            if found:
                content["caption_entities"] = found

    def press_button(
        self,
        chat_id: int,
        user_id: int,
        message_id: int,
        callback_data: str | None = None,
        *,
        button_text: str | None = None,
        strict: bool = True,
        **user_fields: Any,
    ) -> dict[str, Any]:
        """A user presses an inline button of a bot message; returns the ``callback_query`` update.

        Give ``callback_data`` or ``button_text`` (the label). With
        ``strict=True`` the button must exist on the message as it is now,
        since users can only press what they see.
        """
        stored = self.state.find_message(chat_id, message_id)
        if stored is None:
            raise LookupError(f"no message {message_id} in chat {chat_id}")
        buttons = [b for row in (stored.current.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]
        if button_text is not None:
            match = next((b for b in buttons if b.get("text") == button_text and "callback_data" in b), None)
            if match is None:
                raise LookupError(f"no callback button labelled {button_text!r}; buttons: {buttons}")
            callback_data = match["callback_data"]
        if callback_data is None:
            raise ValueError("give callback_data or button_text")
        if strict and not any(b.get("callback_data") == callback_data for b in buttons):
            raise LookupError(f"message {message_id} has no button with callback_data {callback_data!r}: {buttons}")
        user = self.state.remember_user(user_id, **user_fields)
        query_id = self.state.new_id()
        query = {
            "id": query_id,
            "from": user,
            "message": dict(stored.current),
            "chat_instance": str(abs(chat_id) * 7919 % 10**18 + 10**17),
            "data": callback_data,
        }
        update = self.state.push_update({"callback_query": query})
        self.state.callback_queries[query_id] = PendingQuery(update)
        return update

    def inline_query(
        self,
        user_id: int,
        query: str,
        *,
        offset: str = "",
        chat_type: str | None = "sender",
        **user_fields: Any,
    ) -> dict[str, Any]:
        """A user types ``@bot query``; returns the ``inline_query`` update."""
        user = self.state.remember_user(user_id, **user_fields)
        query_id = self.state.new_id()
        inline: dict[str, Any] = {"id": query_id, "from": user, "query": query, "offset": offset}
        if chat_type:
            inline["chat_type"] = chat_type
        update = self.state.push_update({"inline_query": inline})
        self.state.inline_queries[query_id] = PendingQuery(update)
        return update

    def add_raw_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue any update as given (``update_id`` is assigned if missing)."""
        return self.state.push_update(dict(update))

    def block_bot(self, user_id: int) -> dict[str, Any]:
        """The user blocks the bot: a ``my_chat_member`` update, then 403 on every send."""
        self.state.blocked.add(user_id)
        return self._my_chat_member(user_id, user_id, "member", "kicked", "private")

    def unblock_bot(self, user_id: int) -> dict[str, Any]:
        self.state.blocked.discard(user_id)
        return self._my_chat_member(user_id, user_id, "kicked", "member", "private")

    def add_bot_to_group(
        self, chat_id: int, user_id: int, *, title: str | None = None, chat_type: str | None = None
    ) -> dict[str, Any]:
        """``user_id`` adds the bot to a group: a ``my_chat_member`` update (left -> member)."""
        self.state.remember_chat(chat_id, self._chat_type_for(chat_id, chat_type), title=title)
        return self._my_chat_member(chat_id, user_id, "left", "member", None)

    def _my_chat_member(
        self, chat_id: int, user_id: int, old: str, new: str, chat_type: str | None
    ) -> dict[str, Any]:
        user = self.state.remember_user(user_id)
        chat = self.state.remember_chat(chat_id, chat_type, user=user if chat_type == "private" else None)
        bot = self.state.bot_user

        def member(status: str) -> dict[str, Any]:
            data: dict[str, Any] = {"status": status, "user": bot}
            if status == "kicked":
                data["until_date"] = 0
            return data

        return self.state.push_update({"my_chat_member": {
            "chat": chat, "from": user, "date": int(time.time()),
            "old_chat_member": member(old), "new_chat_member": member(new),
        }})

    def set_member_status(self, chat_id: int, user_id: int, status: str) -> None:
        """What getChatMember answers (``creator``, ``administrator``, ``member``, ``left``...)."""
        self.state.chat_members[(chat_id, user_id)] = status

    # ---------------------------------------------------------- inspection
    def mark(self) -> Mark:
        """The current point; pass as ``after=`` to wait only for later traffic."""
        return Mark(self.state.last_seq, len(self.calls))

    def messages(
        self, chat_id: int, *, include_user: bool = False, include_deleted: bool = False
    ) -> list[dict[str, Any]]:
        """The chat's transcript (current state after edits), bot messages by default."""
        return [
            dict(m.current)
            for m in self.state.transcripts.get(chat_id, [])
            if (include_user or m.from_bot) and (include_deleted or not m.deleted)
        ]

    def transcript(self, chat_id: int) -> list[StoredMessage]:
        """Raw transcript entries (both sides, with ``sent``/``current``/``deleted``)."""
        return list(self.state.transcripts.get(chat_id, []))

    def sent_documents(self, chat_id: int | None = None) -> list[SentDocument]:
        """Documents the bot sent, with bytes when uploaded (not when sent by URL)."""
        found: list[SentDocument] = []
        chats = [chat_id] if chat_id is not None else list(self.state.transcripts)
        for chat in chats:
            for stored in self.state.transcripts.get(chat, []):
                document = stored.sent.get("document")
                if not stored.from_bot or document is None:
                    continue
                file = self.state.files.get(document["file_id"])
                found.append(SentDocument(
                    chat_id=chat, message_id=stored.message_id, file_name=document.get("file_name"),
                    mime_type=document.get("mime_type"), data=file.data if file else None,
                    caption=stored.sent.get("caption"), message=dict(stored.sent),
                ))
        return found

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method.lower() == method.lower()]

    @property
    def sent_429_count(self) -> int:
        """How many ``429 Too Many Requests`` answers were sent (flood control and injected)."""
        return sum(1 for c in self.calls if c.status == 429)

    def bot_faults(self) -> list[Rejection]:
        """Rejections the bot caused (not injected, not flood control)."""
        return [r for r in self.rejections if r.bot_fault]

    def commands(self, scope: dict[str, Any] | None = None, language_code: str = "") -> list[dict[str, str]]:
        from .validation import scope_key

        return list(self.state.commands.get(scope_key(scope, language_code), []))

    def callback_answer(self, update_or_id: dict[str, Any] | str) -> dict[str, Any] | None:
        """The bot's answerCallbackQuery parameters for a pressed button, if answered."""
        query_id = update_or_id if isinstance(update_or_id, str) else update_or_id["callback_query"]["id"]
        pending = self.state.callback_queries.get(query_id)
        return pending.answer if pending else None

    def inline_answer(self, update_or_id: dict[str, Any] | str) -> dict[str, Any] | None:
        query_id = update_or_id if isinstance(update_or_id, str) else update_or_id["inline_query"]["id"]
        pending = self.state.inline_queries.get(query_id)
        return pending.answer if pending else None

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        return list(self.state.pending_updates)

    # --------------------------------------------------------------- waiting
    async def wait_for_message(
        self,
        chat_id: int | None = None,
        predicate: MessagePredicate = None,
        timeout: float = 5.0,
        *,
        after: Mark | None = None,
    ) -> dict[str, Any]:
        """The next bot message (as sent) to ``chat_id`` (any chat if ``None``) not returned before.

        ``predicate`` filters (a callable on the message dict, or a substring of
        its text/caption); non-matching messages stay available for later
        waits. Raises ``TimeoutError`` listing what did arrive.
        """
        if isinstance(predicate, str):
            needle = predicate

            def matches(message: dict[str, Any]) -> bool:
                return needle in (message.get("text") or message.get("caption") or "")
        else:
            matches = predicate or (lambda message: True)
        floor = after.message_seq if after is not None else 0

        def probe() -> dict[str, Any] | None:
            candidates: list[StoredMessage] = []
            chats = [chat_id] if chat_id is not None else list(self.state.transcripts)
            for chat in chats:
                transcript = self.state.transcripts.get(chat, [])
                start = self._scan_from.get(chat, 0)
                # Skip the prefix already consumed (or not from the bot) so that
                # waiting stays cheap in long transcripts (benchmarks).
                while start < len(transcript) and (
                    not transcript[start].from_bot or transcript[start].seq in self._consumed_messages
                ):
                    start += 1
                self._scan_from[chat] = start
                for stored in transcript[start:]:
                    if stored.from_bot and stored.seq > floor and stored.seq not in self._consumed_messages:
                        candidates.append(stored)
            for stored in sorted(candidates, key=lambda m: m.seq) if chat_id is None else candidates:
                message = dict(stored.sent)
                if matches(message):
                    self._consumed_messages.add(stored.seq)
                    return message
            return None

        found = await self.state.activity.wait_for(probe, timeout)
        if found is None:
            raise TimeoutError(self._timeout_report(f"no bot message to chat {chat_id} within {timeout}s", chat_id))
        return found

    async def wait_for_call(
        self,
        method: str | None,
        predicate: CallPredicate = None,
        timeout: float = 5.0,
        *,
        after: Mark | None = None,
    ) -> Call:
        """The next recorded call of ``method`` (any if ``None``) not returned before."""
        floor = after.call_index if after is not None else 0
        wanted = method.lower() if method else None

        def probe() -> Call | None:
            for call in self.calls[floor:]:
                if call.index in self._consumed_calls:
                    continue
                if wanted is not None and call.method.lower() != wanted:
                    continue
                if predicate is None or predicate(call):
                    self._consumed_calls.add(call.index)
                    return call
            return None

        found = await self.state.activity.wait_for(probe, timeout)
        if found is None:
            raise TimeoutError(self._timeout_report(f"no {method} call within {timeout}s", None))
        return found

    async def wait_for_callback_answer(self, update: dict[str, Any], timeout: float = 5.0) -> dict[str, Any]:
        """Parameters of the bot's answerCallbackQuery for a :meth:`press_button` update."""
        found = await self.state.activity.wait_for(lambda: self.callback_answer(update), timeout)
        if found is None:
            raise TimeoutError(self._timeout_report(f"callback query not answered within {timeout}s", None))
        return found

    async def wait_for_long_poll(self, timeout: float = 5.0) -> None:
        """Until the bot has a getUpdates request waiting (i.e. it is polling)."""
        waiting = await self.state.activity.wait_for(lambda: True if self.state.polls_waiting else None, timeout)
        if waiting is None:
            raise TimeoutError(self._timeout_report(f"the bot did not long-poll within {timeout}s", None))

    async def wait_until_delivered(self, timeout: float = 5.0) -> None:
        """Until the bot has confirmed (getUpdates offset past) every queued update."""
        done = await self.state.updates_changed.wait_for(
            lambda: True if not self.state.pending_updates else None, timeout
        )
        if done is None:
            raise TimeoutError(f"{len(self.state.pending_updates)} updates still pending after {timeout}s")

    def _timeout_report(self, headline: str, chat_id: int | None) -> str:
        lines = [headline]
        if chat_id is not None:
            texts = [m.get("text") or m.get("caption") or "<media>" for m in self.messages(chat_id)]
            lines.append(f"bot messages in chat {chat_id}: {texts[-5:]}")
        lines.append(f"last calls: {[(c.method, c.status) for c in self.calls[-8:]]}")
        if self.rejections:
            lines.append(f"rejections: {[(r.method, r.description) for r in self.rejections[-5:]]}")
        if self.state.pending_updates:
            lines.append(f"{len(self.state.pending_updates)} updates not yet fetched by the bot")
        return "\n".join(lines)
