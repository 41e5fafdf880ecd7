"""The one place that turns domain values into Telegram HTML and inline keyboards.

Every string that came from a user, an admin or a data file passes through `esc()` here; templates
in `bot.ui_text` are trusted HTML with placeholders. Messages are split at line boundaries so no
reply exceeds Telegram's 4096 characters; callback data stays within 64 bytes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answering import Answer
from bot.citations import source_line
from bot.dates import format_when, relative
from bot.overview import NextKeyDate
from bot.snapshot import EventView, NegotiationView, PointView, SourceRef
from bot.ui_text import LANGUAGE_NAMES, LANGUAGES, status_word, t

MAX_MESSAGE = 4096
PAGE_SIZE = 6


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_message(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Cut at line boundaries (our HTML never spans lines), a long single line at spaces."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if _utf16_len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        while _utf16_len(line) > limit:
            cut = line.rfind(" ", 0, limit // 2 * 2 - 1)
            cut = cut if cut > 0 else limit // 2
            chunks.append(line[:cut])
            line = line[cut:].lstrip()
        current = line
    if current or not chunks:
        chunks.append(current)
    return chunks


# --- callback data (≤ 64 bytes each) ------------------------------------------------------------


@dataclass(frozen=True)
class Callback:
    action: str
    args: tuple[str, ...] = ()

    def encode(self) -> str:
        data = ":".join((self.action, *self.args))
        if len(data.encode()) > 64:
            raise ValueError(f"callback data too long: {data!r}")
        return data

    @classmethod
    def decode(cls, data: str | None) -> "Callback":
        parts = (data or "").split(":")
        return cls(parts[0], tuple(parts[1:]))


def button(text: str, action: str, *args: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=Callback(action, tuple(str(a) for a in args)).encode())


# --- pieces ---------------------------------------------------------------------------------------


def source_html(source: SourceRef, language: str) -> str:
    line = esc(source_line(source, language))
    if source.url:
        line += f' — <a href="{html.escape(source.url, quote=True)}">{esc(source.title or source.url)}</a>'
    elif source.title:
        line += f" — {esc(source.title)}"
    return line


def when_line(event: EventView, now: datetime, language: str, zone: str) -> str:
    date_text = format_when(event.when, language, zone)
    rel = relative(event.when, now, language, zone)
    return f"{esc(date_text)} · {esc(status_word(event.status, language))}" + (f" · {esc(rel)}" if rel else "")


# --- whole messages -------------------------------------------------------------------------------


def answer_html(answer: Answer) -> str:
    lines: list[str] = []
    for block in answer.blocks:
        text = esc(block.text)
        if block.kind == "headline":
            lines.append(f"<b>{text}</b>")
        elif block.kind == "quote":
            lines.append(f"<i>{text}</i>")
        elif block.kind == "source":
            if block.url:
                text += f' — <a href="{html.escape(block.url, quote=True)}">link</a>'
            lines.append(f"📰 {text}")
        elif block.kind == "suggestions":
            lines.append(f"💡 {text}")
        else:
            lines.append(text)
    return "\n".join(lines)


def answer_keyboard(answer: Answer, language: str, negotiation_id: int | None) -> InlineKeyboardMarkup | None:
    row: list[InlineKeyboardButton] = []
    if answer.answered and answer.matches:
        top = answer.matches[0]
        row.append(button(t("btn_source", language), "src", "e" if top.kind == "event" else "p", top.id))
        row.append(button(t("btn_timeline", language), "tl", top.negotiation_id, 0))
    return InlineKeyboardMarkup([row]) if row else None


def event_card(event: EventView, negotiation: NegotiationView | None, now: datetime, language: str, zone: str) -> str:
    lines = [f"<b>{esc(event.title_in(language))}</b>", when_line(event, now, language, zone)]
    if event.place:
        lines.append(f"📍 {esc(event.place)}")
    details = event.details_in(language)
    if details:
        lines.append("")
        lines.append(esc(details))
    for source in event.sources:
        if source.quote:
            lines.append("")
            lines.append(f"<i>“{esc(source.quote)}”</i>")
            break
    lines.append("")
    lines.extend(f"📰 {source_html(s, language)}" for s in event.sources)
    if negotiation is not None:
        lines.append(f"🗂 {esc(negotiation.title)} · #{event.id}")
    return "\n".join(lines)


def event_card_keyboard(event: EventView, language: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button(t("btn_back", language), "tl", event.negotiation_id, "e", event.id)]])


def sources_html(sources: tuple[SourceRef, ...], title: str, language: str) -> str:
    lines = [f"📰 <b>{esc(title)}</b>"]
    if not sources:
        lines.append(t("no_source", language))
    for source in sources:
        lines.append(source_html(source, language))
        if source.quote:
            lines.append(f"<i>“{esc(source.quote)}”</i>")
    return "\n".join(lines)


def timeline_page(
    negotiation: NegotiationView, events: list[EventView], offset: int, now: datetime, language: str, zone: str
) -> tuple[str, InlineKeyboardMarkup | None]:
    if not events:
        return f"🗓 <b>{esc(negotiation.title)}</b>\n{t('timeline_empty', language)}", None
    offset = max(0, min(offset, (len(events) - 1) // PAGE_SIZE * PAGE_SIZE))
    page = events[offset : offset + PAGE_SIZE]
    lines = [
        t("timeline_title", language, negotiation=esc(negotiation.title), first=offset + 1,
          last=offset + len(page), total=len(events)),
        "",
    ]
    buttons: list[list[InlineKeyboardButton]] = []
    for number, event in enumerate(page, start=offset + 1):
        lines.append(f"{number}. <b>{esc(event.title_in(language))}</b>")
        lines.append(f"    {when_line(event, now, language, zone)}")
        label = f"{number}. {event.title_in(language)}"
        buttons.append([button(label[:60], "ev", event.id)])
    nav: list[InlineKeyboardButton] = []
    if offset > 0:
        nav.append(button(t("btn_older", language), "tl", negotiation.id, max(0, offset - PAGE_SIZE)))
    if offset + PAGE_SIZE < len(events):
        nav.append(button(t("btn_newer", language), "tl", negotiation.id, offset + PAGE_SIZE))
    if nav:
        buttons.append(nav)
    return "\n".join(lines), InlineKeyboardMarkup(buttons)


def next_html(result: NextKeyDate, negotiation: NegotiationView, now: datetime, language: str, zone: str) -> str:
    if result.event is None:
        return t("timeline_empty", language)
    event = result.event
    head = t("next_title", language) if result.upcoming else t("next_none", language, negotiation=esc(negotiation.title))
    lines = [head, "", f"<b>{esc(event.title_in(language))}</b>", when_line(event, now, language, zone)]
    if event.sources:
        lines.append(f"📰 {source_html(event.sources[0], language)}")
    return "\n".join(lines)


def latest_html(events: list[EventView], now: datetime, language: str, zone: str) -> str:
    if not events:
        return t("timeline_empty", language)
    lines = [t("latest_title", language), ""]
    for event in events:
        lines.append(f"• <b>{esc(event.title_in(language))}</b>")
        lines.append(f"   {when_line(event, now, language, zone)}")
        if event.sources:
            lines.append(f"   📰 {esc(source_line(event.sources[0], language))}")
    return "\n".join(lines)


def points_html(points: list[PointView], negotiation: NegotiationView, now: datetime, language: str, zone: str) -> str:
    if not points:
        return t("points_none", language)
    lines = [t("points_title", language, negotiation=esc(negotiation.title)), ""]
    for point in points:
        lines.append(f"• <b>{esc(point.title_in(language))}</b> — {esc(status_word(point.status, language))}")
        since = point.status_since
        if since is not None:
            when_text = format_when(since, language, zone)
            rel = relative(since, now, language, zone)
            lines.append(f"   {t('since', language)} {esc(when_text)}" + (f" ({esc(rel)})" if rel else ""))
        details = point.details_in(language)
        if details:
            lines.append(f"   {esc(details)}")
    return "\n".join(lines)


def points_keyboard(points: list[PointView], language: str) -> InlineKeyboardMarkup | None:
    if not points:
        return None
    return InlineKeyboardMarkup(
        [[button(f"📰 {p.title_in(language)}"[:60], "src", "p", p.id)] for p in points]
    )


def about_html(negotiation: NegotiationView, sources: list[tuple[str, str, str]], language: str) -> str:
    lines = [t("about_title", language, negotiation=esc(negotiation.title)), ""]
    for publisher, title, url in sources:
        line = f"• {esc(publisher)}"
        if title:
            line += f" — {esc(title)}"
        if url:
            line += f' (<a href="{html.escape(url, quote=True)}">link</a>)'
        lines.append(line)
    lines.extend(["", t("about_footer", language)])
    return "\n".join(lines)


def start_keyboard(language: str, negotiation_id: int | None) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [button(t("btn_timeline", language), "menu", "timeline"), button(t("btn_next", language), "menu", "next")],
            [button(t("btn_points", language), "menu", "points"), button(t("btn_help", language), "menu", "help")],
        ]
    )


def negotiations_keyboard(negotiations: tuple[NegotiationView, ...], chosen: int | None) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[button(("✅ " if n.id == chosen else "") + n.title[:58], "neg", n.id)] for n in negotiations]
    )


def settings_keyboard(language: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[button(("✅ " if code == language else "") + LANGUAGE_NAMES[code], "lang", code) for code in LANGUAGES]]
    )
