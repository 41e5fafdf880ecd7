"""What reminders, change notices and announcements say: HTML text and inline keyboards as plain dicts
(Telegram's JSON shape), so this module needs no `telegram` import and the outbox can store them."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from babel.dates import format_timedelta

from bot.changes import EventChange
from bot.citations import source_line
from bot.dates import format_when, locale_of
from bot.reminders.planning import Slot
from bot.reminders.texts import tr
from bot.snapshot import SourceRef, When
from bot.ui_text import status_word

_UNITS = (("week", 7 * 86400), ("day", 86400), ("hour", 3600), ("minute", 60))


def esc(text: str) -> str:
    return html.escape(text, quote=False)


@dataclass(frozen=True)
class EventFacts:
    """An event as reminders need it (built from the table row inside the caller's transaction)."""

    id: int
    negotiation_id: int
    title: str
    when: When
    status: str
    place: str = ""
    is_key_date: bool = False
    version: int = 1
    deleted: bool = False
    translations: dict[str, dict[str, str]] = field(default_factory=dict, hash=False, compare=False)
    sources: tuple[SourceRef, ...] = ()

    def title_in(self, language: str) -> str:
        return self.translations.get(language, {}).get("title") or self.title


def duration_text(delta: timedelta, language: str) -> str:
    """`1 week`, `2 days`, `36 hours`, `1 minute`: in the largest unit that divides it exactly."""
    seconds = int(delta.total_seconds())
    for _name, size in _UNITS:
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return format_timedelta(timedelta(seconds=seconds), threshold=count, locale=locale_of(language))
    return format_timedelta(delta, locale=locale_of(language))


def when_text(when: When, language: str, zone: str) -> str:
    return format_when(when, language, zone)


def instant_text(instant: datetime, language: str, zone: str) -> str:
    """`Saturday, 14 March 2020 at 09:00 (Europe/Istanbul)`."""
    return format_when(When(instant, "exact", zone), language, zone)


def lead_text(slot: Slot, language: str) -> str:
    """How long before the date a reminder fires: `1 day before`, `on the day`."""
    if slot.key.startswith("m"):
        return tr("month_of", language)
    if slot.days_before is not None and slot.key.startswith("d"):
        if slot.days_before == 0:
            return tr("day_of", language)
        return tr("days_before", language, days=duration_text(timedelta(days=slot.days_before), language))
    assert slot.lead is not None
    return tr("lead_before", language, lead=duration_text(slot.lead, language))


def _relative(slot: Slot, event: EventFacts, language: str) -> str:
    if slot.key.startswith("m"):
        return tr("sometime_in", language, month=format_when(event.when, language))
    if slot.key.startswith("d"):
        days = slot.days_before or 0
        if days == 0:
            return tr("today", language)
        if days == 1:
            return tr("tomorrow", language)
        return format_timedelta(timedelta(days=days), add_direction=True, threshold=days if days % 7 else days // 7, locale=locale_of(language))
    assert slot.lead is not None
    seconds = int(slot.lead.total_seconds())
    count = next((seconds // size for _n, size in _UNITS if seconds >= size and seconds % size == 0), 1)
    return format_timedelta(slot.lead, add_direction=True, threshold=count, locale=locale_of(language))


def reminder_text(event: EventFacts, slot: Slot, language: str, zone: str) -> str:
    lines = [
        tr("reminder_head", language, title=esc(event.title_in(language)), rel=esc(_relative(slot, event, language))),
        f"🗓 {esc(when_text(event.when, language, zone))}",
    ]
    if event.place:
        lines.append(f"📍 {esc(event.place)}")
    lines.append(tr("status", language, status=esc(status_word(event.status, language))))
    for source in event.sources[:2]:
        line = f"📰 {esc(source_line(source, language))}"
        if source.url:
            line += f' — <a href="{html.escape(source.url, quote=True)}">link</a>'
        lines.append(line)
    return "\n".join(lines)


def late_line(language: str | None) -> str:
    return tr("late", language)


def event_keyboard(event_id: int, subscription_id: int | None, language: str) -> dict[str, Any]:
    row = [{"text": tr("btn_event", language), "callback_data": f"ev:{event_id}"}]
    if subscription_id is not None:
        row.append({"text": tr("btn_unsubscribe", language), "callback_data": f"unsub:{subscription_id}"})
    return {"inline_keyboard": [row]}


# --- change notices -----------------------------------------------------------------------------------


def _date_changed(change: EventChange) -> bool:
    if change.kind == "moved":
        return True
    pairs = (
        (change.old_starts_at, change.new_starts_at),
        (change.old_precision, change.new_precision),
        (change.old_timezone, change.new_timezone),
    )
    return any(old is not None and new is not None and old != new for old, new in pairs)


def notice_kind(change: EventChange) -> str | None:
    """Which notice a change deserves (None: subscribers are not told, e.g. a typo fixed)."""
    if change.kind == "deleted":
        return "deleted"
    if change.kind == "restored":
        return "restored"
    status_changed = change.new_status is not None and change.old_status is not None and change.new_status != change.old_status
    if status_changed and change.new_status == "cancelled":
        return "cancelled"
    if status_changed and change.new_status == "postponed":
        return "postponed"
    if _date_changed(change):
        return "moved"
    if status_changed and (change.old_status in ("postponed", "cancelled") or change.new_status == "scheduled"):
        return "status"
    return None


def notice_text(
    change: EventChange, event: EventFacts, kind: str, language: str, zone: str, next_fire: datetime | None
) -> str:
    title = esc(event.title_in(language))
    old_when = When(
        change.old_starts_at if change.old_starts_at is not None else event.when.starts_at,
        change.old_precision or event.when.precision,
        change.old_timezone or event.when.timezone,
    )
    old_text = esc(when_text(old_when, language, zone))
    new_text = esc(when_text(event.when, language, zone))
    lines = [tr(f"{kind}_head", language, title=title)]
    if kind == "moved":
        lines.append(tr("was_now", language, old=old_text, new=new_text))
    elif kind == "postponed":
        if _date_changed(change):
            lines.append(tr("was_now", language, old=old_text, new=new_text))
        else:
            lines.append(tr("was", language, old=old_text))
            lines.append(tr("new_date_unknown", language))
    elif kind in ("cancelled", "deleted"):
        lines.append(tr("was", language, old=old_text))
    elif kind == "status":
        old_status = esc(status_word(change.old_status or "", language))
        lines.append(f"{old_status} → <b>{esc(status_word(event.status, language))}</b> · {new_text}")
    else:  # restored
        lines.append(f"🗓 {new_text}")
    if next_fire is not None:
        lines.append(tr("reminders_moved", language, when=esc(instant_text(next_fire, language, zone))))
    elif kind in ("cancelled", "deleted", "postponed"):
        lines.append(tr("reminders_off", language))
    return "\n".join(lines)


def announcement_text(negotiation_title: str, text: str) -> str:
    """The admin's words are data: escaped, never HTML."""
    return f"📣 <b>{esc(negotiation_title)}</b>\n\n{esc(text)}"
