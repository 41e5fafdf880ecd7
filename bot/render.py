"""The one place that turns domain values into Telegram HTML and inline keyboards.

Every string that came from a user, an admin or a data file passes through `esc()` here; templates
in `bot.ui_text` are trusted HTML with placeholders. Messages are split at line boundaries so no
reply exceeds Telegram's 4096 characters; callback data stays within 64 bytes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answering import Answer
from bot.citations import source_line
from bot.dates import format_when, relative
from bot.overview import NextKeyDate
from bot.reminders.messages import instant_text, lead_text
from bot.reminders.messages import when_text as _when_text
from bot.reminders.service import lead_times_label
from bot.reminders.texts import tr as _tr
from bot.snapshot import EventView, NegotiationView, PointView, SourceRef
from bot.ui_text import LANGUAGE_NAMES, LANGUAGES, status_word, t

MAX_MESSAGE = 4096
PAGE_SIZE = 6


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|\n|[^\S\n]+|[^<&\s]+|[<&]")
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)")


def _pieces(token: str, size: int) -> list[str]:
    """A word longer than `size` UTF-16 units, cut into parts that fit."""
    parts, current = [], ""
    for char in token:
        if current and _utf16_len(current + char) > size:
            parts.append(current)
            current = ""
        current += char
    return [*parts, current] if current else parts


def split_message(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Cut HTML into messages of at most `limit` UTF-16 units (Telegram's measure): at line
    boundaries where possible, else at spaces, never inside a tag or an entity. A tag still open at
    a cut (a long quote in <i>) is closed there and opened again at the start of the next part, so
    every part is valid HTML on its own. Parts with nothing visible are dropped."""
    if _utf16_len(text) <= limit:
        return [text]
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        if token[0] in "<&" and len(token) > 1:
            tokens.append(token)
        else:
            tokens.extend(_pieces(token, max(1, limit // 4)))
    chunks: list[str] = []
    opened: list[str] = []  # opening tags in force at the start of the current part
    current: list[str] = []  # tokens of the current part
    stacks: list[list[str]] = []  # open tags after each token of `current`

    def closers(stack: list[str]) -> str:
        return "".join(f"</{_TAG.match(tag).group(2)}>" for tag in reversed(stack))  # type: ignore[union-attr]

    def emit(upto: int) -> None:
        nonlocal opened, current, stacks
        stack = stacks[upto - 1] if upto else opened
        body = "".join(current[:upto]).strip("\n ")
        if re.sub(r"<[^>]*>", "", body).strip():
            chunks.append("".join(opened) + body + closers(stack))
        rest, rest_stacks = current[upto:], stacks[upto:]
        while rest and rest[0] in ("\n",) or (rest and not rest[0].strip()):
            rest, rest_stacks = rest[1:], rest_stacks[1:]
        opened, current, stacks = list(stack), rest, rest_stacks

    for token in tokens:
        stack = list(stacks[-1] if stacks else opened)
        match = _TAG.match(token)
        if match:
            if match.group(1):
                if stack:
                    stack.pop()
            else:
                stack.append(token)
        used = _utf16_len("".join(opened) + "".join(current) + token) + _utf16_len(closers(stack))
        if used > limit and current:
            newlines = [i for i, t in enumerate(current) if t == "\n"]
            spaces = [i for i, t in enumerate(current) if not t.strip()]
            cut = (newlines or spaces or [len(current)])[-1]
            emit(cut if cut > 0 else len(current))
            stack = list(stacks[-1] if stacks else opened)
            if match:
                stack = stack[:-1] if match.group(1) and stack else stack + ([] if match.group(1) else [token])
        current.append(token)
        stacks.append(stack)
    emit(len(current))
    return chunks or [text[:limit]]


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


def button_label(text: str, limit: int = 60) -> str:
    """A button label that fits: cut at a word boundary, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:—–-") + "…"


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
    if not row:
        return None
    rows = [row]
    if answer.event_id is not None:
        rows.append([remind_button(answer.event_id, language)])
    return InlineKeyboardMarkup(rows)


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
    back = button(t("btn_back", language), "tl", event.negotiation_id, "e", event.id)
    if event.when.starts_at is None:
        return InlineKeyboardMarkup([[back]])
    return InlineKeyboardMarkup([[back, remind_button(event.id, language)]])


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
        buttons.append([button(button_label(f"{number}. {event.title_in(language)}"), "ev", event.id)])
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
        [[button(button_label(f"📰 {p.title_in(language)}"), "src", "p", p.id)] for p in points]
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
            [button(t("btn_points", language), "menu", "points"), button(t("btn_reminders", language), "menu", "reminders")],
            [button(t("btn_help", language), "menu", "help")],
        ]
    )


def negotiations_keyboard(negotiations: tuple[NegotiationView, ...], chosen: int | None) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[button(button_label(("✅ " if n.id == chosen else "") + n.title), "neg", n.id)] for n in negotiations]
    )


def settings_keyboard(language: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[button(("✅ " if code == language else "") + LANGUAGE_NAMES[code], "lang", code) for code in LANGUAGES]]
    )


# --- admin ---------------------------------------------------------------------------------------
# Replies to admin commands (bot/handlers/admin.py). Every value that came from an admin is escaped.


def admin_error_html(field: str, problem: str, example: str) -> str:
    from bot.admin_text import a

    return a("error", field=esc(field), problem=esc(problem), example=esc(example))


def admin_event_html(head: str, event: EventView, negotiation: NegotiationView | None, now: datetime, zone: str) -> str:
    """`head` (trusted HTML) above the event card exactly as users see it (in English)."""
    card = event_card(event, None, now, "en", zone)
    lines = [head, "", card]
    if negotiation is not None or event.id:
        footer = " · ".join(
            part for part in (
                f"🗂 {esc(negotiation.title)}" if negotiation is not None else "",
                f"#{event.id} v{event.version}" if event.id else "",
                "🔔 key date" if event.is_key_date else "",
            ) if part
        )
        lines.append(footer)
    return "\n".join(lines)


def admin_preview_keyboard(token: str) -> InlineKeyboardMarkup:
    from bot.admin_text import a

    return InlineKeyboardMarkup(
        [[button(a("btn_save"), "adm", "save", token), button(a("btn_edit"), "adm", "edit", token),
          button(a("btn_cancel"), "adm", "cancel", token)]]
    )


def admin_history_html(what: str, items: list, zone: str = "UTC") -> str:  # list[bot.timeline.HistoryItem]
    from zoneinfo import ZoneInfo

    from bot.admin_text import a

    lines = [a("history_title", what=esc(what))]
    if not items:
        lines.append(a("history_empty"))
    for item in items:
        stamp = item.at.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")
        version = f" → v{item.version}" if item.version else ""
        lines.append("")
        lines.append(f"<b>{esc(item.action)}</b>{version} · {esc(stamp)} {esc(zone)} · {esc(item.actor)}")
        for change in item.changes:
            lines.append(f"  • {esc(change.field)}: {esc(change.before)} → {esc(change.after)}")
    return "\n".join(lines)


def admin_list_html(title_html: str, rows: list[str], footer_html: str = "") -> str:
    """A heading (trusted), one escaped line per row, a footer (trusted)."""
    lines = [title_html, *[f"• {esc(row)}" for row in rows]]
    if footer_html:
        lines.extend(["", footer_html])
    return "\n".join(lines)


def admin_code(text: str) -> str:
    return f"<code>{esc(text)}</code>"


# --- reminders -----------------------------------------------------------------------------------
# Replies of bot/handlers/subscriptions.py, and the 🔔 button. (What reminders and change notices
# themselves say is rendered by bot/reminders/messages.py, since those are stored in the outbox.)



if TYPE_CHECKING:
    from bot.reminders.service import SubscribeResult, SubscriptionView


def remind_button(event_id: int, language: str) -> InlineKeyboardButton:
    """🔔 Remind me (`rm:<event_id>`): put it under any answer or card about a dated event."""
    return button(_tr("btn_remind", language), "rm", event_id)


def _planned_lines(result: SubscribeResult, limit: int = 5) -> list[str]:
    language = result.language
    lines: list[str] = []
    for planned in result.planned[:limit]:
        when = esc(instant_text(planned.slot.fire_at, language, result.zone))
        lead = esc(lead_text(planned.slot, language))
        if result.event is None:
            lines.append(_tr("planned_line_titled", language, title=esc(planned.event.title_in(language)), when=when, lead=lead))
        else:
            lines.append(_tr("planned_line", language, when=when, lead=lead))
    if len(result.planned) > limit:
        lines.append(_tr("more_planned", language, count=len(result.planned) - limit))
    return lines


def subscribed_html(result: SubscribeResult) -> str:
    """"I'll remind you of X: • on Saturday, 14 March 2020 at 09:00 (Europe/Istanbul), 1 day before"."""
    language = result.language
    leads = esc(lead_times_label(result.lead_times, language))
    event = result.event
    if event is None:
        head = _tr("subscribed_negotiation", language, title=esc(result.negotiation_title), leads=leads)
        if not result.planned:
            return f"{head}\n{_tr('nothing_upcoming', language)}"
        return "\n".join([head, *_planned_lines(result)])
    title = esc(event.title_in(language))
    when = esc(_when_text(event.when, language, result.zone))
    if not result.planned:
        why = _tr(f"why_{result.reason or 'too_close'}", language, leads=leads, status=esc(status_word(event.status, language)))
        return _tr("nothing_planned_event", language, title=title, when=when, why=why)
    return "\n".join([_tr("subscribed_event", language, title=title, when=when), *_planned_lines(result)])


def subscriptions_html(views: list[SubscriptionView], language: str) -> tuple[str, InlineKeyboardMarkup | None]:
    """/reminders: one line per subscription, each with an Unsubscribe button."""
    if not views:
        return _tr("no_subscriptions", language), None
    lines = [_tr("subscriptions_title", language), ""]
    buttons: list[list[InlineKeyboardButton]] = []
    for number, view in enumerate(views, start=1):
        if view.event is None:
            what = _tr("sub_negotiation", language, title=esc(view.negotiation_title))
            label = view.negotiation_title
        else:
            what = _tr("sub_event", language, title=esc(view.event.title_in(language)),
                       when=esc(_when_text(view.event.when, language, view.zone)))
            label = view.event.title_in(language)
        leads = _tr("sub_leads", language, leads=esc(lead_times_label(view.lead_times, language)))
        lines.append(f"{number}. {what} · {leads} · {esc(view.zone)}")
        buttons.append([button(f"🔕 {number}. {label}"[:60], "unsub", view.id)])
    return "\n".join(lines), InlineKeyboardMarkup(buttons)


def unsubscribed_html(view: SubscriptionView, language: str) -> str:
    if view.event is None:
        what = _tr("sub_negotiation", language, title=esc(view.negotiation_title))
    else:
        what = f"<b>{esc(view.event.title_in(language))}</b>"
    return _tr("unsubscribed", language, what=what)


def reminders_text_html(key: str, language: str, **values: object) -> str:
    """A reminders message by key (bot/reminders/texts.py); string values are escaped here."""
    return _tr(key, language, **{k: esc(v) if isinstance(v, str) else v for k, v in values.items()})
