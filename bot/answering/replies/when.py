"""Date questions (when, how long until, next on a topic), and correcting a wrong date in the question."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timedelta

from bot.answering import compose as C
from bot.answering.context import Candidate, Ctx, is_range
from bot.answering.cues import STEP_FOR_CONCEPT, TIME_OF_DAY
from bot.answering.declines import decline
from bot.answering.evidence import best_source, quote_and_source, short
from bot.answering.query import Group, Query
from bot.answering.replies.status import answer_status
from bot.answering.store import FactStore
from bot.answering.types import Answer, Block
from bot.snapshot import EventView, PointView, StatusStepView, When


def topic_of(q: Query) -> list[Group]:
    """The words a question is about: not names, not the reader's context, not a date."""
    return [g for g in q.known_groups if not g.is_entity and not g.context and not g.is_date and not g.is_action]


def same_topic(store: FactStore, a: int, b: int, topic: list[Group]) -> bool:
    """Both titles name a word asked about ("patrols" in the provision and in the event that starts them)."""
    ta, tb = store.title_terms.get(a, frozenset()), store.title_terms.get(b, frozenset())
    return any(g.hits(ta) and g.hits(tb) for g in topic)


def answer_when(store: FactStore, ctx: Ctx, cands: list[Candidate]) -> Answer:
    q, lang = ctx.q, ctx.lang
    best = cands[0]
    item = best.item
    when: When | None
    status: str
    title = item.title_in(lang)
    event_id: int | None = None
    source = best_source(item, q)
    if isinstance(item, PointView):
        step = step_for(item, q, ctx.now)
        asked_step = any(STEP_FOR_CONCEPT.get(c) for c in q.concepts())
        dated = None if asked_step else next(
            (c for c in cands[1:4] if isinstance(c.item, EventView) and c.item.when.starts_at is not None
             and c.score >= 0.75 * best.score and same_topic(store, best.doc, c.doc, topic_of(q))), None)
        if dated is not None:
            # "soldiers patrolling together - from when?": the provision's status is dated by its last
            # update; the date asked is the event that starts it
            return answer_when(store, ctx, [dated] + [c for c in cands if c is not dated])
        when, status = (step.when, step.status) if step else (item.status_since, item.status)
        linked = store.events.get(step.event_id) if step and step.event_id else None
        event_id = linked.id if linked and linked.when.starts_at else None
    else:
        when, status = item.when, item.status
        event_id = item.id if item.when.starts_at else None
        if item.when.ends_at is not None and "END" in q.concepts() and "START" not in q.concepts():
            when = When(item.when.ends_at, "day", item.when.timezone)
        elif item.when.ends_at is not None and item.when.starts_at is not None:
            when = day_of_range(item.when, q.folded) or when
    parts = C.date_parts(when, status, ctx.now, lang, ctx.zone)
    if when is not None and when.precision != "exact" and TIME_OF_DAY.search(q.folded):
        # "what time do the patrols set off": only the day is known — say so, never a made-up hour
        note = C.fill("decline_no_time", lang, title=title, date=parts["date"])
        cited = (C.source_block(source, lang),) if source is not None else ()
        return Answer(False, lang, q.intent.kind, (Block("note", note), *cited), ())
    if q.intent.kind == "how_long" and when is not None and when.starts_at is not None:
        key = "how_long_future" if when.starts_at > ctx.now else "how_long_past"
        headline = C.fill(key, lang, title=title, **parts)
    else:
        headline = C.fill("when_headline", lang, title=title, **parts)
    blocks = [Block("headline", headline)]
    detail = item.details_in(lang)
    if detail:
        blocks.append(Block("detail", short(detail)))
    blocks += quote_and_source(source, lang)
    matches = [C.match_of(item, best.score, lang, when=when, status=status, source=source)]
    matches += [C.match_of(c.item, c.score, lang) for c in cands[1:3]]
    return Answer(True, lang, q.intent.kind, tuple(blocks), tuple(matches), event_id)


# "the third day of the talks", "last day", "son gün", "третий день": one day of a ranged event.
DAY_OF_RANGE = re.compile(
    r"\b(?:(first|opening|second|third|fourth|fifth|[1-5] ?(?:st|nd|rd|th)|last|final|closing|concluding) day|"
    r"day (one|two|three|four|five|[1-5]))\b|"
    r"\b(ilk|birinci|ikinci|ucuncu|dorduncu|besinci|son) gun|"
    r"\b(перв|втор|трет|четверт|пят|последн)\w* (?:день|дня|днем)")
_DAY_NUMBER = {"first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "one": 1, "two": 2,
               "three": 3, "four": 4, "five": 5, "ilk": 1, "birinci": 1, "ikinci": 2, "ucuncu": 3, "dorduncu": 4,
               "besinci": 5, "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5}


def day_of_range(when: When, folded: str) -> When | None:
    """The day of a ranged event the question names ("the last day of the talks"), or None."""
    m = DAY_OF_RANGE.search(folded)
    if m is None or when.starts_at is None or when.ends_at is None:
        return None
    word = next(g for g in m.groups() if g)
    word = re.sub(r" ?(st|nd|rd|th)$", "", word) if word[0].isdigit() else word
    if word in ("last", "final", "closing", "concluding", "son", "последн"):
        return When(when.ends_at, "day", when.timezone)
    n = int(word) if word.isdigit() else _DAY_NUMBER.get(word, 0)
    day = when.starts_at + timedelta(days=n - 1)
    return When(day, "day", when.timezone) if n >= 1 and day <= when.ends_at else None


def next_on_topic(store: FactStore, ctx: Ctx, cands: list[Candidate]) -> Answer:
    """"When is the next patrol?": the earliest future event on the topic, else its status."""
    top = cands[0].score
    future = [c for c in cands if c.score >= 0.4 * top and isinstance(c.item, EventView)
              and c.item.when.starts_at is not None and c.item.when.starts_at > ctx.now]
    if not future:
        top_item = cands[0].item
        if (isinstance(top_item, EventView) and top_item.kind in ("talks", "session")) or "TALKS" in ctx.q.concepts():
            # "when is the next round of talks", "when are Putin and Erdogan meeting next": none is on record
            return decline(store, ctx.lang, "next", "decline_unrecorded", ctx.negotiation_id)
        return answer_status(store, ctx, cands)
    # "what's next on the M4": a fact named after the M4 (the patrols on it), before one that mentions it
    topic = [g for g in ctx.q.known_groups if not g.is_entity and not g.context]
    future = [c for c in future if store.title_has_topic(c.doc, topic)] or future
    best = min(future, key=lambda c: (c.item.when.starts_at, -c.score))  # type: ignore[union-attr]
    return answer_when(store, ctx, [best] + [c for c in cands if c is not best])


def corrected_premise(store: FactStore, ctx: Ctx, cands: list[Candidate]) -> Answer | None:
    """"Why did the patrols start on March 5?": the question's day is not the recorded one — answer
    with the recorded date instead of going along with the premise."""
    q = ctx.q
    term = q.groups[q.date_group].terms[0][0] if q.date_group is not None else ""
    if not term.startswith("@") or term.startswith("@m") or not cands:
        return None
    top = cands[0].score
    close = [c for c in cands[:5] if c.score >= 0.5 * top and c.coverage >= 0.5]
    for c in close:
        if term in store.index_terms_of(c.doc):
            return None  # a fact on that day matches: the premise may well hold
    if not q.concepts() & {"START", "AGREE", "ARRIVE", "END", "STOP"}:
        return None
    for c in close:
        if isinstance(c.item, EventView) and c.item.when.starts_at is not None and not is_range(c.item):
            return answer_when(store, ctx, [c] + [o for o in cands if o is not c])
    return None


def premise_corrected(answer: Answer, asked_term: str) -> Answer:
    """The answer to "did X happen on <day>?" when X's recorded day is another: said first."""
    if not answer.answered:
        return answer
    if asked_term.startswith("@m"):
        asked = C.month_name(int(asked_term[2:]), answer.language)
        note = Block("note", C.fill("premise_other_month", answer.language, asked=asked))
    else:
        month, day = (int(x) for x in asked_term[1:].split("-"))
        asked = C.day_month(month, day, answer.language)
        note = Block("note", C.fill("premise_other_day", answer.language, asked=asked))
    return dataclasses.replace(answer, blocks=(note, *answer.blocks))


def step_for(point: PointView, q: Query, now: datetime) -> StatusStepView | None:
    wanted: set[str] = set()
    for c in q.concepts():
        wanted.update(STEP_FOR_CONCEPT.get(c, ()))
    steps = [s for s in point.history if s.when.starts_at is not None]
    if not steps:
        return None
    for s in steps:
        if s.status in wanted:
            return s
    return steps[-1]
