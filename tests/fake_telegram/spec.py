"""The Bot API spec (``api.json``), pre-indexed for per-request validation.

Why: the fake should reject exactly what the real API rejects at the protocol
level (unknown method, missing required parameter, a value of the wrong kind)
without us hand-maintaining 180 method signatures. The spec is loaded once and
turned into small lookup tables, so a request costs a dict lookup per
parameter.

Type coercion mirrors how values arrive: form/query values are strings (PTB
JSON-encodes non-string values, e.g. ``"123"``, ``"true"``, ``'{"inline_keyboard": ...}'``),
JSON bodies carry native values. Either way a handler receives native Python
values (``int``, ``bool``, ``dict``, ``list``...).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ApiError, bad_request

__all__ = ["BotApiSpec", "FieldSpec", "MethodSpec", "UploadedFile", "default_spec_path", "load_spec"]

#: Environment variable that overrides where ``api.json`` is read from.
SPEC_ENV_VAR = "FAKE_TELEGRAM_API_SPEC"

_SCALARS = frozenset({"Integer", "String", "Boolean", "Float", "InputFile"})
_TRUE = frozenset({"true", "1", "yes"})
_FALSE = frozenset({"false", "0", "no", ""})
#: How Telegram names a JSON-encoded parameter in "can't parse ... JSON object".
_JSON_NAMES = {"reply_markup": "reply keyboard markup", "scope": "BotCommandScope", "results": "inline query results"}


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a ``multipart/form-data`` request."""

    field: str
    filename: str | None
    content_type: str | None
    data: bytes


@dataclass(frozen=True)
class FieldSpec:
    """One parameter of a method, reduced to what validation needs."""

    name: str
    types: tuple[str, ...]
    required: bool

    @property
    def is_file(self) -> bool:
        return "InputFile" in self.types

    @property
    def is_structured(self) -> bool:
        """Whether the value is a JSON object/array (sent JSON-encoded in forms)."""
        return any(t not in _SCALARS for t in self.types)


@dataclass(frozen=True)
class MethodSpec:
    """A method: canonical name, its parameters and what it returns."""

    name: str
    fields: Mapping[str, FieldSpec]
    required: tuple[str, ...]
    returns: tuple[str, ...]


class BotApiSpec:
    """Method lookup (case-insensitive, like Telegram) and parameter coercion."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.version: str = str(raw.get("version", "unknown"))
        self.types: Mapping[str, Any] = raw.get("types", {})
        self.methods: dict[str, MethodSpec] = {}
        for name, method in raw["methods"].items():
            fields = {
                f["name"]: FieldSpec(f["name"], tuple(f.get("types", ("String",))), bool(f.get("required")))
                for f in method.get("fields", [])
            }
            required = tuple(f.name for f in fields.values() if f.required)
            spec = MethodSpec(name, fields, required, tuple(method.get("returns", ())))
            self.methods[name.lower()] = spec

    def method(self, name: str) -> MethodSpec | None:
        """The method called ``name`` in any letter case, or ``None``."""
        return self.methods.get(name.lower())

    def type_fields(self, type_name: str) -> list[str]:
        """Field names of an API object type (e.g. ``InlineKeyboardButton``)."""
        return [f["name"] for f in self.types.get(type_name, {}).get("fields", [])]

    def coerce(
        self,
        method: MethodSpec,
        raw_params: Mapping[str, Any],
        files: Mapping[str, UploadedFile],
    ) -> tuple[dict[str, Any], list[str]]:
        """Validate and convert parameters of one call.

        Returns ``(params, unknown)``: known parameters with native values, and
        the names of parameters the spec does not know (Telegram ignores them;
        we drop them but report them so tests can assert none were sent).
        Raises :class:`ApiError` for a missing required parameter or a value
        that cannot be of the declared type.
        """
        params: dict[str, Any] = {}
        unknown: list[str] = []
        for name, value in raw_params.items():
            field = method.fields.get(name)
            if field is None:
                unknown.append(name)
                continue
            if value is None or (value == "" and field.types != ("String",)):
                continue  # Telegram treats an empty value as "not given"
            params[name] = _coerce_value(field, value, files)
        for name, upload in files.items():
            field = method.fields.get(name)
            if field is not None and field.is_file and name not in params:
                params[name] = upload
        for name in method.required:
            value = params.get(name)
            if value is None or value == "":
                raise missing_parameter(name)
        return params, unknown


def missing_parameter(name: str) -> ApiError:
    """Telegram's wording for a missing required parameter."""
    if name == "chat_id":
        return bad_request("chat_id is empty")
    if name == "text":
        return bad_request("message text is empty")
    if name == "message_id":
        return bad_request("message identifier is not specified")
    return bad_request(f'parameter "{name}" is required')


def _type_error(field: FieldSpec) -> ApiError:
    # Telegram mostly coerces silently (a bad Integer becomes 0 and fails later);
    # failing loudly here points at the real bug in the bot.
    return bad_request(f'field "{field.name}" must be of type {" or ".join(field.types)}')


def _coerce_value(field: FieldSpec, value: Any, files: Mapping[str, UploadedFile]) -> Any:
    types = field.types
    if field.is_file and isinstance(value, str) and value.startswith("attach://"):
        upload = files.get(value[len("attach://") :])
        if upload is None:
            raise bad_request(f'file "{value}" not found in the request')
        return upload
    if isinstance(value, UploadedFile):
        return value
    if types == ("String",):
        if isinstance(value, (dict, list)):
            raise _type_error(field)
        if isinstance(value, bool):
            return "true" if value else "false"
        return value if isinstance(value, str) else str(value)
    if types == ("Integer",):
        return _to_int(field, value)
    if types == ("Boolean",):
        return _to_bool(field, value)
    if types == ("Float",) or types == ("Float number",):
        try:
            return float(value)
        except (TypeError, ValueError):
            raise _type_error(field) from None
    if set(types) <= {"Integer", "String"}:  # chat_id: Integer or String (@username)
        if isinstance(value, bool) or isinstance(value, (dict, list)):
            raise _type_error(field)
        if isinstance(value, int):
            return value
        text = str(value).strip()
        try:
            return int(text)
        except ValueError:
            return text
    if field.is_file:  # InputFile or String: file_id / URL
        if isinstance(value, (dict, list)):
            raise _type_error(field)
        return str(value)
    # Structured: an object or array type, JSON-encoded inside form fields.
    if isinstance(value, str):
        if value == "":
            return None
        try:
            value = json.loads(value)
        except ValueError:
            name = _JSON_NAMES.get(field.name, field.name.replace("_", " "))
            raise bad_request(f"can't parse {name} JSON object") from None
    expects_array = all(t.startswith("Array of") for t in types)
    if expects_array and not isinstance(value, list):
        raise bad_request(f"expected an Array for {field.name}")
    if not expects_array and not isinstance(value, (dict, list)):
        raise _type_error(field)
    return value


def _to_int(field: FieldSpec, value: Any) -> int:
    if isinstance(value, bool):
        raise _type_error(field)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    try:
        return int(str(value).strip())
    except ValueError:
        raise _type_error(field) from None


def _to_bool(field: FieldSpec, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _type_error(field)


def default_spec_path() -> Path:
    """Where ``api.json`` is looked for.

    Order: ``$FAKE_TELEGRAM_API_SPEC``; ``shared/`` next to the repository
    (``<repo>/../shared/telegram-bot-api/api.json``, which is how both the
    workplace and CI lay it out); finally ``/work/shared/...``.
    """
    env = os.environ.get(SPEC_ENV_VAR)
    if env:
        return Path(env)
    candidates = [
        Path(__file__).resolve().parents[3] / "shared" / "telegram-bot-api" / "api.json",
        Path("/work/shared/telegram-bot-api/api.json"),
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return candidates[0]


@lru_cache(maxsize=4)
def _load_cached(path: str) -> BotApiSpec:
    with open(path, encoding="utf-8") as fh:
        return BotApiSpec(json.load(fh))


def load_spec(path: str | os.PathLike[str] | None = None) -> BotApiSpec:
    """Load (and cache per path) the spec; a clear error if it is missing."""
    resolved = Path(path) if path is not None else default_spec_path()
    if not resolved.is_file():
        raise FileNotFoundError(
            f"Bot API spec not found at {resolved}; set {SPEC_ENV_VAR} or pass spec_path= to FakeTelegram"
        )
    return _load_cached(str(resolved.resolve()))
