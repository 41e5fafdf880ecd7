"""Questions about the calendar rather than a topic: next/latest overall, one day, an overview."""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.answering import compose as C
from bot.answering.context import Ctx
from bot.answering.declines import decline
from bot.answering.evidence import best_source, quote_and_source, short
from bot.answering.query import Query
from bot.answering.store import FactStore
from bot.answering.types import Answer, Block
from bot.i18n import t
from bot.snapshot import EventView, When

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


NOT_NEWS = frozenset({"deadline", "background"})


def next_or_latest(store: FactStore, ctx: Ctx, kind: str, after: datetime | None = None) -> Answer:
    """The next key date (or the latest update) as of now, or for "next" after the moment `after`."""
    lang, now = ctx.lang, ctx.now
    starts, events = store.events_sorted(ctx.negotiation_id)
    if not events:
        return decline(store, lang, kind, "decline_no_match", ctx.negotiation_id)
    cut = bisect_right(starts, (after or now).timestamp())
    future, past = events[cut:], events[:cut]
    blocks: list[Block] = []
    chosen: EventView
    if kind == "next":
        key_next, key_last = store.key_around(ctx.negotiation_id, after or now)
        if future:
            chosen = key_next or future[0]
            parts = C.date_parts(chosen.when, chosen.status, now, lang, ctx.zone)
            blocks.append(Block("headline", C.fill("next_headline", lang, title=chosen.title_in(lang), **parts)))
        else:
            chosen = key_last or past[-1]
            parts = C.date_parts(chosen.when, chosen.status, now, lang, ctx.zone)
            blocks.append(Block("headline", C.fill("next_none", lang, title=chosen.title_in(lang), **parts)))
    else:
        if past:
            # The newest day's events, walking back from the end of the date-sorted list.
            last_day = C.iso_date(past[-1].when)
            same_day = []
            for e in reversed(past):
                if C.iso_date(e.when) != last_day:
                    break
                same_day.append(e)
            # A deadline passing or a line of background is not news: on its day, what was done or said is
            # the latest update.
            chosen = max(same_day, key=lambda e: (e.kind not in NOT_NEWS, e.is_key_date, e.updated_at or EPOCH, e.id))
        else:
            chosen = future[0]
        parts = C.date_parts(chosen.when, chosen.status, now, lang, ctx.zone)
        blocks.append(Block("headline", C.fill("latest_headline", lang, title=chosen.title_in(lang), **parts)))
        if past and future:
            nxt = store.key_around(ctx.negotiation_id, now)[0] or future[0]
            blocks.append(Block("note", C.fill("upcoming_line", lang, title=nxt.title_in(lang),
                                               **C.date_parts(nxt.when, nxt.status, now, lang, ctx.zone))))
    if chosen.details_in(lang):
        blocks.insert(1, Block("detail", short(chosen.details_in(lang))))
    source = chosen.sources[0] if chosen.sources else None
    blocks += quote_and_source(source, lang)
    matches = (C.match_of(chosen, 1.0, lang, source=source),)
    return Answer(True, lang, kind, tuple(blocks), matches, chosen.id)


def overview(store: FactStore, ctx: Ctx) -> Answer:
    """A question naming only the negotiation itself ("tell me about Idlib"): summary and key dates."""
    lang, now = ctx.lang, ctx.now
    key_starts, key_events = store.key_events_sorted(ctx.negotiation_id)
    if not key_events:
        return decline(store, lang, ctx.q.intent.kind, "decline_no_match", ctx.negotiation_id)
    negotiation = store.negotiations.get(key_events[0].negotiation_id)
    blocks: list[Block] = []
    if negotiation is not None:
        title = negotiation.translations.get(lang, {}).get("title") or negotiation.title
        summary = negotiation.translations.get(lang, {}).get("summary") or negotiation.summary
        blocks.append(Block("headline", title))
        if summary:
            blocks.append(Block("detail", summary))
    lines = [t("key_dates", lang)]
    for e in key_events[:6]:
        lines.append(t("bullet", lang, text=C.fill("dated_line", lang, title=e.title_in(lang),
                                                   **C.date_parts(e.when, e.status, now, lang, ctx.zone))))
    blocks.append(Block("detail", "\n".join(lines)))
    if not blocks or blocks[0].kind != "headline":
        blocks[0] = Block("headline", blocks[0].text)
    seen: set[str] = set()
    for e in key_events[:6]:
        for src in e.sources[:1]:
            text = C.source_text(src, lang)
            if text not in seen:
                seen.add(text)
                blocks.append(C.source_block(src, lang))
    matches = tuple(C.match_of(e, 1.0, lang) for e in key_events[:3])
    cut = bisect_right(key_starts, now.timestamp())
    upcoming = key_events[cut] if cut < len(key_events) else None
    return Answer(True, lang, ctx.q.intent.kind, tuple(blocks), matches, upcoming.id if upcoming else None)


def date_only(store: FactStore, q: Query) -> str | None:
    """The day term ("@03-12") of a question that asks only what happened on a day."""
    if q.date_group is None:
        return None
    term = q.groups[q.date_group].terms[0][0]
    if not term.startswith("@") or term.startswith("@m") or term not in store.index:
        return None
    for i, g in enumerate(q.groups):
        if i == q.date_group or g.context or not g.known:
            continue
        if any(t.startswith("n:") for t, _ in g.terms) or any(c.startswith("MONTH") for c in g.concepts):
            continue
        return None
    return term


def answer_on_day(store: FactStore, ctx: Ctx, term: str, allowed: set[int] | None) -> Answer | None:
    """"What happened on 12 March?": that day's events, the day's own ones before longer spans."""
    docs = [d for d in store.index.postings.get(term, {}) if d % 2 == 0 and (allowed is None or d in allowed)]
    events = [e for e in (store.events.get(d // 2) for d in docs) if e is not None]
    if not events:
        return None
    return _day_reply(store, ctx, events)


def answer_relative_day(store: FactStore, ctx: Ctx, offset: int) -> Answer:
    """"Is anything happening tomorrow?", "что вчера было?": the events of that day in the reader's
    zone; if none, say so and give the next key date (or the latest one, for a past day)."""
    lang, now = ctx.lang, ctx.now
    day = (now.astimezone(ZoneInfo(ctx.zone)) + timedelta(days=offset)).date()
    starts, events = store.events_sorted(ctx.negotiation_id)
    lo = bisect_left(starts, datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() - 2 * 86400)
    hi = bisect_right(starts, datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() + 3 * 86400)
    wanted = day.isoformat()
    on_day = [e for e in events[lo:hi] if e.when.precision in ("day", "exact")
              and C.iso_date(e.when) == wanted]
    if on_day:
        return _day_reply(store, ctx, on_day)
    label = C.format_when(When(datetime(day.year, day.month, day.day, 12, tzinfo=UTC), "day", "UTC"), lang, "UTC")
    nothing = Block("note", t("nothing_on_day", lang, date=label))
    if offset >= 0:
        reply = next_or_latest(store, ctx, "next")
    else:
        reply = next_or_latest(store, ctx, "latest")
    return dataclasses.replace(reply, blocks=(nothing,) + reply.blocks)


def _day_reply(store: FactStore, ctx: Ctx, events: list[EventView]) -> Answer:
    lang, now = ctx.lang, ctx.now
    order = {"agreement": 0, "milestone": 0, "statement": 1, "session": 1, "talks": 2, "deadline": 2,
             "incident": 3, "background": 4}
    events.sort(key=lambda e: (e.when.ends_at is not None, order.get(e.kind, 3), e.id))
    first = events[0]
    parts = C.date_parts(first.when, first.status, now, lang, ctx.zone)
    blocks = [Block("headline", C.fill("when_headline", lang, title=first.title_in(lang), **parts))]
    if first.details_in(lang):
        blocks.append(Block("detail", short(first.details_in(lang))))
    others = events[1:6]
    if others:
        lines = [t("day_events", lang)]
        for e in others:
            lines.append(t("bullet", lang, text=C.fill("dated_line", lang, title=e.title_in(lang),
                                                       **C.date_parts(e.when, e.status, now, lang, ctx.zone))))
        blocks.append(Block("detail", "\n".join(lines)))
    source = best_source(first, ctx.q)
    blocks += quote_and_source(source, lang)
    matches = [C.match_of(first, 1.0, lang, source=source)] + [C.match_of(e, 0.9, lang) for e in others[:2]]
    event_id = first.id if first.when.starts_at else None
    return Answer(True, lang, ctx.q.intent.kind, tuple(blocks), tuple(matches), event_id)
