"""Questions across events: days between two, which came first, how long one lasted."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from bot.answering import compose as C
from bot.answering.context import Candidate, Ctx, is_range
from bot.answering.evidence import best_source, quote_and_source, short
from bot.answering.query import PREDICATE_CONCEPTS, analyse
from bot.answering.rank import rerank
from bot.answering.store import FactStore
from bot.answering.types import Answer, Block
from bot.dates import about_years
from bot.i18n import days_phrase, t
from bot.snapshot import EventView, When


def top_event(store: FactStore, ctx: Ctx, text: str, language: str | None, allowed: set[int] | None, *,
              ranged: bool = False, titled: bool = False, monthly: bool = False) -> EventView | None:
    """The best-matching dated event for a fragment of a question ("the Moscow deal").

    A day's event only (a span has no one day to count from), unless `ranged`: "after the talks"
    means after the last day of the talks; `monthly` lets an event known to the month count too ("the
    war", March 2011), for a span long enough to be said in years."""
    sub = analyse(text, index=store.index, speller=store.speller, fallback_language=language or ctx.lang)
    groups = sub.known_groups
    if not groups:
        return None
    # "(how long had) the truce been holding": counted from when it took effect
    # ("akar saying the ceasefire is holding": what he said, not when it took effect)
    took_effect = "HOLD" in sub.concepts() and "CEASEFIRE" in sub.concepts() and "SAY" not in sub.concepts()
    ended = "END" in sub.concepts()
    if titled and not took_effect:
        # "how long had the war been GOING ON": the going on is the span asked, not a word to find
        groups = [g for g in groups if g.is_entity or not g.concepts & PREDICATE_CONCEPTS] or groups
    hits = store.index.search([g.terms for g in groups], limit=16, allowed=allowed)
    sub_ctx = dataclasses.replace(ctx, q=sub)
    cands = rerank(store, sub_ctx, groups, hits)
    if not cands or cands[0].coverage < 0.5:
        return None
    if took_effect:
        cands = [c for c in cands if "#START" in store.title_terms.get(c.doc, ())] or cands
    # only a fact that covers the fragment as well as the best one does: "the war (going on)" is not
    # the ceasefire because the war began in a month, not on a day
    cands = [c for c in cands if c.coverage >= 0.99 * cands[0].coverage]
    if titled:
        # "how long had THE WAR been going on": a fact named after the war, not one mentioning it
        topic = [g for g in groups if not g.is_entity and not g.concepts & PREDICATE_CONCEPTS]
        cands = [c for c in cands if store.title_has_topic(c.doc, topic)]
    for c in cands[:4]:
        item = c.item
        if ended and isinstance(item, EventView) and item.when.ends_at is not None:
            # "by the time the talks ended": the last day of the talks
            return dataclasses.replace(item, when=When(item.when.ends_at, "day", item.when.timezone))
        if ranged and isinstance(item, EventView) and item.when.starts_at is not None:
            return item
        if isinstance(item, EventView) and item.when.starts_at is not None and item.when.ends_at is None \
                and (item.when.precision in ("day", "exact") or (monthly and item.when.precision == "month")):
            return item
    return None


def answer_days_between(store: FactStore, ctx: Ctx, a: str, b: str, language: str | None, allowed: set[int] | None,
                        *, lasting: bool = False) -> Answer | None:
    """"How many days between the Moscow deal and the patrols?": both stored days, and the difference.

    `lasting`: "how long had A been going when B": A is what is asked about, so it is the first match."""
    first = top_event(store, ctx, a, language, allowed, titled=lasting, monthly=True)
    second = top_event(store, ctx, b, language, allowed, monthly=True)
    if first is None or second is None or first.id == second.id:
        return None
    subject = first
    if second.when.starts_at < first.when.starts_at:  # type: ignore[operator]
        first, second = second, first
    d1, d2 = C.iso_date(first.when), C.iso_date(second.when)
    if not d1 or not d2:
        return None
    days = (datetime.fromisoformat(d2) - datetime.fromisoformat(d1)).days
    lang, now = ctx.lang, ctx.now
    monthly = "month" in (first.when.precision, second.when.precision)
    if monthly and days < 365:
        return None  # days counted from a month's first day would be made up
    span = about_years(days, lang) if monthly else days_phrase(days, lang)
    p1 = C.date_parts(first.when, first.status, now, lang, ctx.zone)
    p2 = C.date_parts(second.when, second.status, now, lang, ctx.zone)
    headline = t("days_between", lang, days=span, first=first.title_in(lang), first_date=p1["date"],
                 second=second.title_in(lang), second_date=p2["date"])
    blocks = [Block("headline", headline[:1].upper() + headline[1:])]
    if monthly:
        # the record's own words on a span known only to the month ("for nearly nine years")
        vague = subject if subject.when.precision == "month" else (first if first is not subject else second)
        if vague.details_in(lang):
            blocks.append(Block("detail", short(vague.details_in(lang))))
    seen: set[str] = set()
    for e in (second, first):
        src = best_source(e, ctx.q)
        if src is not None and C.source_text(src, lang) not in seen:
            seen.add(C.source_text(src, lang))
            blocks.append(C.source_block(src, lang))
    asked, other = (subject, second if subject is first else first) if lasting else (second, first)
    matches = (C.match_of(asked, 1.0, lang, source=asked.sources[0] if asked.sources else None),
               C.match_of(other, 0.9, lang))
    return Answer(True, lang, "how_long", tuple(blocks), matches, asked.id)


def answer_first_of(store: FactStore, ctx: Ctx, cands: list[Candidate], *, pair: bool = False) -> Answer | None:
    """"What was the first thing they agreed?", "what came first, A or B?": the earliest matching event."""
    if not cands or cands[0].coverage < 0.5:
        return None
    top = cands[0].score
    pool = [c for c in cands[:8] if c.score >= 0.35 * top and c.coverage >= 0.5 and isinstance(c.item, EventView)
            and c.item.when.starts_at is not None and c.item.kind != "background"]
    if "AGREE" in ctx.q.concepts() and not pair:  # (two named events: whichever came first, agreed or not)
        agreed = [c for c in pool if c.item.kind == "agreement" or "#AGREE" in store.title_terms.get(c.doc, ())]
        pool = agreed or pool
    if not pool:
        return None
    chosen = min(pool, key=lambda c: (c.item.when.starts_at, -c.score))  # type: ignore[union-attr]
    item = chosen.item
    lang = ctx.lang
    parts = C.date_parts(item.when, item.status, ctx.now, lang, ctx.zone)  # type: ignore[union-attr]
    # "when were the patrols first agreed": a date asked, said as any date is
    template = "when_headline" if ctx.q.intent.kind == "when" and not pair else "first_of"
    blocks = [Block("headline", C.fill(template, lang, title=item.title_in(lang), **parts))]
    if pair:
        # "which is later", "before or after": the other one's date too, so the order is plain to see
        other = next((c.item for c in pool if c is not chosen), None)
        if isinstance(other, EventView):
            blocks.append(Block("headline", C.fill("then_of", lang, title=other.title_in(lang),
                                                   **C.date_parts(other.when, other.status, ctx.now, lang, ctx.zone))))
    if item.details_in(lang):
        blocks.append(Block("detail", short(item.details_in(lang))))
    source = best_source(item, ctx.q)
    blocks += quote_and_source(source, lang)
    matches = [C.match_of(item, chosen.score, lang, source=source)]
    matches += [C.match_of(c.item, c.score, lang) for c in pool if c is not chosen][:2]
    return Answer(True, lang, ctx.q.intent.kind, tuple(blocks), tuple(matches), item.id)  # type: ignore[union-attr]


def answer_lasted(store: FactStore, ctx: Ctx, cands: list[Candidate]) -> Answer | None:
    """"How long did the talks last?": a ranged event's span, in days."""
    if not cands or cands[0].coverage < 0.5:
        return None
    top = cands[0].score
    for c in cands[:5]:
        item = c.item
        if c.score < 0.3 * top or not is_range(item) or item.when.starts_at is None:  # type: ignore[union-attr]
            continue
        assert isinstance(item, EventView)
        if item.when.precision not in ("range", "day", "exact"):
            continue
        d1 = C.iso_date(When(item.when.starts_at, "day", item.when.timezone))
        d2 = C.iso_date(When(item.when.ends_at, "day", item.when.timezone))
        if not d1 or not d2:
            continue
        days = (datetime.fromisoformat(d2) - datetime.fromisoformat(d1)).days + 1
        lang = ctx.lang
        parts = C.date_parts(item.when, item.status, ctx.now, lang, ctx.zone)
        blocks = [Block("headline", C.fill("lasted", lang, title=item.title_in(lang),
                                           days=days_phrase(days, lang), **parts))]
        if item.details_in(lang):
            blocks.append(Block("detail", short(item.details_in(lang))))
        source = best_source(item, ctx.q)
        blocks += quote_and_source(source, lang)
        matches = [C.match_of(item, c.score, lang, source=source)]
        matches += [C.match_of(o.item, o.score, lang) for o in cands[:3] if o is not c][:2]
        return Answer(True, lang, "how_long", tuple(blocks), tuple(matches), item.id)
    return None
