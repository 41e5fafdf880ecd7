"""A small validator for Telegram's ``parse_mode=HTML`` subset.

Why a hand-written parser: Telegram does not use a browser-style HTML parser
(which forgives almost anything); it uses TDLib's strict tokenizer, which
rejects unknown tags, unbalanced tags and stray ``<``. A bot that only ever
talks to a mock never learns that its messages would bounce, so the fake server
runs every HTML text through this module and answers with Telegram's own error
wording (``Unsupported start tag "foo" at byte offset 3`` ...).

Byte offsets are UTF-8 offsets into the text as sent, like TDLib reports them.
Entity offsets/lengths are in UTF-16 code units, like the Bot API.

One deliberate difference: TDLib leaves a ``&`` that does not start a known
entity as literal text. Telegram's documentation says such ``&`` must be
escaped, and a bot relying on the leniency is one ``&lt`` away from garbled
output, so by default (``strict_ampersand=True``) the validator rejects it with
``Unescaped "&" at byte offset N`` (wording of our own; Telegram has none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ALLOWED_TAGS",
    "HtmlParseError",
    "ParsedText",
    "parse_html",
    "utf16_len",
]

#: Tags Telegram accepts, mapped to the entity type they produce.
ALLOWED_TAGS: dict[str, str] = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}

_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_UNQUOTED_VALUE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")


class HtmlParseError(ValueError):
    """The text is not valid Telegram HTML; ``str(exc)`` is TDLib's message."""


@dataclass
class ParsedText:
    """Result of parsing: the visible text and the entities Telegram would create."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)

    @property
    def length(self) -> int:
        """Length as Telegram counts it for its limits (UTF-16 code units)."""
        return utf16_len(self.text)


@dataclass
class _OpenTag:
    name: str
    argument: str | None
    utf16_start: int
    byte_pos: int


def utf16_len(text: str) -> int:
    """Number of UTF-16 code units (what Telegram's offsets and limits count)."""
    # Characters outside the BMP take two code units; a fast path for ASCII-ish text.
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class _Cursor:
    """Maps string indexes to UTF-8 byte offsets lazily (only needed on errors)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def byte_offset(self, index: int) -> int:
        return len(self.text[:index].encode("utf-8", "surrogatepass"))


def _decode_entity(text: str, pos: int, *, require_semicolon: bool) -> tuple[str, int] | None:
    """Decode the HTML entity starting at ``text[pos] == "&"``.

    Returns the decoded character and the index after the entity, or ``None``
    when this is not an entity Telegram understands (TDLib rules: the four
    named entities and numeric ones; the trailing ``;`` is optional for TDLib).
    """
    n = len(text)
    end = pos + 1
    code = 0
    if end < n and text[end] == "#":
        end += 1
        digits_start = end
        if end < n and text[end] in "xX":
            end += 1
            digits_start = end
            while end < n and text[end] in "0123456789abcdefABCDEF":
                code = code * 16 + int(text[end], 16)
                end += 1
                if code >= 0x10FFFF:
                    return None
        else:
            while end < n and text[end].isdigit() and text[end].isascii():
                code = code * 10 + int(text[end])
                end += 1
                if code >= 0x10FFFF:
                    return None
        if end == digits_start or code == 0 or end - pos >= 10 or 0xD800 <= code <= 0xDFFF:
            return None
        char = chr(code)
    else:
        while end < n and text[end].isascii() and text[end].isalpha():
            end += 1
        name = text[pos + 1 : end]
        if name not in _NAMED_ENTITIES:
            return None
        char = _NAMED_ENTITIES[name]
    if end < n and text[end] == ";":
        return char, end + 1
    if require_semicolon:
        return None
    return char, end


def parse_html(text: str, *, strict_ampersand: bool = True) -> ParsedText:
    """Parse Telegram HTML; raise :class:`HtmlParseError` where Telegram would.

    The returned text has tags removed, entities decoded and surrounding
    whitespace stripped (Telegram trims messages), so ``utf16_len`` of it is
    what the 4096/1024 limits apply to.
    """
    if "<" not in text and "&" not in text:
        return _finish(text, [])

    cur = _Cursor(text)
    n = len(text)
    out: list[str] = []
    out_len16 = 0
    stack: list[_OpenTag] = []
    entities: list[dict[str, Any]] = []
    i = 0
    while i < n:
        ch = text[i]
        if ch == "&":
            decoded = _decode_entity(text, i, require_semicolon=strict_ampersand)
            if decoded is not None:
                char, i = decoded
                out.append(char)
                out_len16 += 2 if ord(char) > 0xFFFF else 1
                continue
            if strict_ampersand:
                raise HtmlParseError(f'Unescaped "&" at byte offset {cur.byte_offset(i)}')
        if ch != "<":
            # Copy the run of plain characters up to the next markup character.
            j = i + 1
            while j < n and text[j] not in "<&":
                j += 1
            chunk = text[i:j]
            out.append(chunk)
            out_len16 += utf16_len(chunk)
            i = j
            continue

        tag_start = i
        i += 1
        if i < n and text[i] == "/":
            i = _close_tag(text, i, tag_start, cur, stack, entities, out_len16)
        else:
            i = _open_tag(text, i, tag_start, cur, stack, out_len16)

    if stack:
        raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    return _finish("".join(out), entities)


def _open_tag(text: str, i: int, tag_start: int, cur: _Cursor, stack: list[_OpenTag], out_len16: int) -> int:
    """Parse ``<name attr="v" ...>`` starting after ``<``; return index after ``>``."""
    n = len(text)
    name_start = i
    while i < n and not text[i].isspace() and text[i] != ">":
        i += 1
    if i >= n:
        raise HtmlParseError(f"Unclosed start tag at byte offset {cur.byte_offset(tag_start)}")
    tag = text[name_start:i].lower()
    if tag not in ALLOWED_TAGS:
        raise HtmlParseError(f'Unsupported start tag "{tag}" at byte offset {cur.byte_offset(tag_start)}')

    argument: str | None = None
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            raise HtmlParseError(f'Unclosed start tag "{tag}" at byte offset {cur.byte_offset(tag_start)}')
        if text[i] == ">":
            i += 1
            break
        attr_start = i
        while i < n and not text[i].isspace() and text[i] not in "=>/\"'":
            i += 1
        attr = text[attr_start:i].lower()
        if not attr:
            raise HtmlParseError(
                f'Empty attribute name in the tag "{tag}" at byte offset {cur.byte_offset(tag_start)}'
            )
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            raise HtmlParseError(f'Unclosed start tag "{tag}" at byte offset {cur.byte_offset(tag_start)}')
        if text[i] != "=":
            # A bare attribute such as <blockquote expandable>.
            if tag == "blockquote" and attr == "expandable":
                argument = "expandable"
            continue
        i += 1
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            raise HtmlParseError(f'Unclosed start tag "{tag}" at byte offset {cur.byte_offset(tag_start)}')
        if text[i] in "\"'":
            quote = text[i]
            i += 1
            value_chars: list[str] = []
            while i < n and text[i] != quote:
                if text[i] == "&":
                    decoded = _decode_entity(text, i, require_semicolon=False)
                    if decoded is not None:
                        value_chars.append(decoded[0])
                        i = decoded[1]
                        continue
                value_chars.append(text[i])
                i += 1
            if i >= n:
                raise HtmlParseError(f"Unclosed start tag at byte offset {cur.byte_offset(tag_start)}")
            i += 1
            value = "".join(value_chars)
        else:
            value_start = i
            while i < n and text[i] in _UNQUOTED_VALUE_CHARS:
                i += 1
            if i >= n or not (text[i].isspace() or text[i] == ">"):
                raise HtmlParseError(f"Unexpected end of name token at byte offset {cur.byte_offset(value_start)}")
            value = text[value_start:i].lower()
        if tag == "a" and attr == "href":
            argument = value
        elif tag == "code" and attr == "class" and value.startswith("language-"):
            argument = value[len("language-") :]
        elif tag == "span" and attr == "class" and value.startswith("tg-"):
            argument = value[len("tg-") :]
        elif tag == "tg-emoji" and attr == "emoji-id":
            argument = value
        elif tag == "pre" and attr == "language":
            argument = value

    if tag == "span" and argument != "spoiler":
        raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {cur.byte_offset(tag_start)}')
    stack.append(_OpenTag(tag, argument, out_len16, tag_start))
    return i


def _close_tag(
    text: str,
    i: int,
    tag_start: int,
    cur: _Cursor,
    stack: list[_OpenTag],
    entities: list[dict[str, Any]],
    out_len16: int,
) -> int:
    """Parse ``</name>`` starting at ``/``; emit the entity; return index after ``>``."""
    n = len(text)
    if not stack:
        raise HtmlParseError(f"Unexpected end tag at byte offset {cur.byte_offset(tag_start)}")
    i += 1
    name_start = i
    while i < n and not text[i].isspace() and text[i] != ">":
        i += 1
    end_name = text[name_start:i].lower()
    while i < n and text[i].isspace():
        i += 1
    if i >= n or text[i] != ">":
        raise HtmlParseError(f"Unclosed end tag at byte offset {cur.byte_offset(tag_start)}")
    i += 1
    top = stack[-1]
    if end_name and end_name != top.name:
        raise HtmlParseError(
            f"Unmatched end tag at byte offset {cur.byte_offset(tag_start)}, "
            f'expected "</{top.name}>", found "</{end_name}>"'
        )
    stack.pop()
    length = out_len16 - top.utf16_start
    if length <= 0:
        return i
    entity: dict[str, Any] = {"type": ALLOWED_TAGS[top.name], "offset": top.utf16_start, "length": length}
    if top.name == "a":
        if not top.argument:
            return i  # <a> without href: Telegram drops the link, keeps the text
        entity["url"] = top.argument
    elif top.name == "tg-emoji":
        if not (top.argument or "").isdigit():
            raise HtmlParseError("Invalid custom emoji identifier specified")
        entity["custom_emoji_id"] = top.argument
    elif top.name == "blockquote" and top.argument == "expandable":
        entity["type"] = "expandable_blockquote"
    elif top.name == "code" and top.argument and stack and stack[-1].name == "pre":
        # <pre><code class="language-x"> becomes one "pre" entity with a language.
        stack[-1].argument = top.argument
        return i
    elif top.name == "pre" and top.argument:
        entity["language"] = top.argument
    entities.append(entity)
    return i


def _finish(text: str, entities: list[dict[str, Any]]) -> ParsedText:
    """Trim surrounding whitespace as Telegram does and clip entities to it."""
    stripped_left = text.lstrip()
    shift = utf16_len(text[: len(text) - len(stripped_left)])
    stripped = stripped_left.rstrip()
    if not entities:
        return ParsedText(stripped, [])
    total = utf16_len(stripped)
    clipped: list[dict[str, Any]] = []
    for entity in sorted(entities, key=lambda e: (e["offset"], -e["length"])):
        start = max(entity["offset"] - shift, 0)
        end = min(entity["offset"] + entity["length"] - shift, total)
        if end > start:
            clipped.append({**entity, "offset": start, "length": end - start})
    return ParsedText(stripped, clipped)
