"""Status questions: the newest dated statement on the topic, older ones as history, yes/no on a step."""

from __future__ import annotations

import re
from datetime import date

import dataclasses
from dataclasses import dataclass

from babel.dates import format_date

from bot.answering import compose as C
from bot.answering.context import Candidate, Ctx, Item, is_range
from bot.answering.cues import COUNTRY_CONCEPTS, DETAILS_ASKED, STEP_FOR_CONCEPT, STILL
from bot.answering.docs import doc_key
from bot.answering.doubt import doubt
from bot.answering.evidence import best_source, quote_and_source, short
from bot.answering.normalize import fold
from bot.answering.query import Query
from bot.dates import locale_of
from bot.answering.rank import coverage_weights
from bot.answering.replies.describe import answer_describe
from bot.answering.store import FactStore
from bot.answering.types import Answer, Block
from bot.snapshot import EventView, PointView, StatusStepView, When


@dataclass
class Step:
    """A dated statement about a topic: an event, or one step of a point's status history."""

    when: When
    status: str
    item: Item
    score: float
    step: StatusStepView | None = None
    text: str = ""


def in_force_provisions(store: FactStore, q: Query, cands: list[Candidate]) -> list[Candidate]:
    """"Is the Moscow deal in force / holding?": an agreement is in force through its provisions —
    the ones whose status history says they took effect answer, with their newest step."""
    best = cands[0] if cands else None
    if best is None or "HOLD" not in q.concepts() or not isinstance(best.item, EventView) \
            or best.item.kind != "agreement":
        return []
    agreement = best.item.id
    out = []
    for point in store.points.values():
        if any(st.event_id == agreement for st in point.history) and any(st.status == "in_effect" for st in point.history):
            out.append(Candidate(doc_key("point", point.id), point, best.score, best.mask, best.coverage, best.matched))
    return out


def step_doc(s: Step) -> int:
    return doc_key("point" if isinstance(s.item, PointView) else "event", s.item.id)


def answer_status(store: FactStore, ctx: Ctx, cands: list[Candidate]) -> Answer:
    """The newest dated statement on the topic, then older ones as history."""
    q, lang, now = ctx.q, ctx.lang, ctx.now
    top = cands[0].score
    weights = coverage_weights(q, q.known_groups)
    # (a day named in the question — "broken by 12 March" — dates it; titles never carry it)
    topic = [g for g, w in zip(q.known_groups, weights) if w > 0 and not g.is_entity and not g.is_date]
    # On topic: scores close to the best, or a title that names the topic (an admin's new event
    # written in English only is still about "devriyeler" when its title says "patrols").
    topical = [c for c in cands if c.coverage >= 0.5 and doubt(store, q, c) is None
               and (c.score >= 0.45 * top or (c.score >= 0.15 * top and store.title_has_topic(c.doc, topic)))]
    # "is the Moscow deal in force?": answered by the provisions that took effect, not by news of the deal
    topical = in_force_provisions(store, q, cands) or topical
    # "is Assad's offensive still going?": the facts named after the offensive, not newer ones naming Assad
    # (and score close to it: a threat of "stronger military action" is no news of the offensive)
    titled = [c for c in topical if store.title_has_topic(c.doc, topic) and c.score >= 0.5 * top]
    if titled and topic and isinstance(cands[0].item, EventView) and is_range(cands[0].item):
        topical = titled
    steps: list[Step] = []
    for c in topical:
        item = c.item
        if isinstance(item, EventView):
            if item.when.starts_at is not None:
                steps.append(Step(item.when, item.status, item, c.score, text=item.title_in(lang)))
        else:
            for st in item.history:
                if st.when.starts_at is not None:
                    steps.append(Step(st.when, st.status, item, c.score * 0.98, step=st,
                                       text=step_text(store, item, st, lang)))
    if not steps:
        return answer_describe(store, ctx, cands)
    asked_actions = {"#" + c for c in q.concepts() & {"START", "END"}}
    if asked_actions and q.intent.yes_no:
        # "have the talks in Ankara started?": the fact saying they start, past or not — not older news
        # that mentions talk of something else
        acting = [s for s in steps if asked_actions & store.title_terms.get(step_doc(s), frozenset())
                  and store.title_has_topic(step_doc(s), topic)]
        steps = acting or steps
    past = [s for s in steps if s.when.starts_at <= now]  # type: ignore[operator]
    future = [s for s in steps if s.when.starts_at > now]  # type: ignore[operator]

    def day(s: Step) -> str:
        if s.when.ends_at is not None and s.when.ends_at <= now:
            return C.iso_date(When(s.when.ends_at, "day", s.when.timezone)) or ""
        return C.iso_date(s.when) or ""

    def names_topic(s: Step) -> bool:
        return store.title_has_topic(step_doc(s), topic)

    current = q.intent.yes_no and bool(topic) and asks_current(q)
    undated = [g for g in topic if "WEEKDAY" not in g.concepts]
    named = [s for s in future if undated and store.title_has_topic(step_doc(s), undated)
             and on_named_day(q, s.when, lang)]
    if named:
        # "are the patrols still on for Sunday / the 15th?": the scheduled step on that day is the answer
        past = []
        future = named
    if past:
        newest_day = max(day(s) for s in past)
        # Same day: a fact whose title names the topic beats one that mentions it in passing.
        # Then a provision's own status beats an event of that day ("is the corridor agreed yet": the
        # corridor is largely agreed, more than "the deadline passed").
        newest = max((s for s in past if day(s) == newest_day),
                     key=lambda s: (names_topic(s), current and isinstance(s.item, PointView),
                                    s.score))
    else:
        newest = min(future, key=lambda s: (s.when.starts_at, -s.score))
    parts = C.date_parts(newest.when, newest.status, now, lang, ctx.zone)
    if isinstance(newest.item, PointView):
        headline = C.fill("status_headline", lang, text=newest.text, **parts)
    else:
        headline = C.fill("when_headline", lang, title=newest.text, **parts)
    blocks = [Block("headline", headline)]
    item = newest.item
    if newest.step is not None:
        linked = store.events.get(newest.step.event_id) if newest.step.event_id else None
        if linked is not None and linked.details_in(lang):
            blocks.append(Block("detail", short(linked.details_in(lang))))
    elif item.details_in(lang):
        blocks.append(Block("detail", short(item.details_in(lang))))
    # History: what was said earlier on the same topic — the point's own earlier steps first, then
    # events whose title names the topic; never the update the headline already reports.
    represented = {id(newest.item)}
    if newest.step is not None and newest.step.event_id:
        linked_event = store.events.get(newest.step.event_id)
        if linked_event is not None:
            represented.add(id(linked_event))
    seen = {(day(newest), newest.text)}
    newest_day = day(newest)

    def relevance(s: Step) -> int:
        if s.item is newest.item:
            return 0
        doc = doc_key("point" if isinstance(s.item, PointView) else "event", s.item.id)
        return 1 if store.title_has_topic(doc, topic) else 2

    earlier = [s for s in past if day(s) < newest_day and id(s.item) not in represented or
               (s.item is newest.item and s is not newest and day(s) < newest_day)]
    earlier = [s for s in earlier if relevance(s) < 2]
    earlier.sort(key=lambda s: (relevance(s), -(s.when.starts_at.timestamp())))  # type: ignore[union-attr]
    history = sorted(earlier[:3], key=lambda s: s.when.starts_at, reverse=True)  # type: ignore[arg-type, return-value]
    shown = 0
    for s in history:
        label = (day(s), s.text if s.step is None else s.text + s.status)
        if label in seen or shown >= 3:
            continue
        seen.add(label)
        text = s.text
        blocks.append(Block("history", C.fill("history_line", lang, text=text,
                                              **C.date_parts(s.when, s.status, now, lang, ctx.zone))))
        shown += 1
    if past and future:
        nxt = min(future, key=lambda s: s.when.starts_at)  # type: ignore[arg-type, return-value]
        blocks.append(Block("note", C.fill("upcoming_line", lang, title=nxt.text,
                                           **C.date_parts(nxt.when, nxt.status, now, lang, ctx.zone))))
    source = best_source(item, q)
    if newest.step is not None and newest.step.event_id:
        # The update that set this status is an event of its own: cite where that update came from.
        linked = store.events.get(newest.step.event_id)
        if linked is not None and linked.sources:
            source = best_source(linked, q)
    blocks += quote_and_source(source, lang)
    event_id = item.id if isinstance(item, EventView) else (newest.step.event_id if newest.step else None)
    matches = [C.match_of(item, newest.score, lang, when=newest.when, status=newest.status, source=source)]
    for c in topical:
        if c.item is not item and len(matches) < 3:
            matches.append(C.match_of(c.item, c.score, lang))
    return Answer(True, lang, q.intent.kind, tuple(blocks), tuple(matches), event_id)


def on_named_day(q: Query, when: When, lang: str) -> bool:
    """Whether the question names the day of `when`: its date ("the 15th") or its weekday ("Sunday")."""
    iso = C.iso_date(when)
    if iso is None:
        return False
    day = date.fromisoformat(iso)
    weekdays = {fold(format_date(day, "EEEE", locale=locale_of(lang)).lower()), day.strftime("%A").lower()}
    for g in q.groups:
        if g.word == f"date:@{day.month:02d}-{day.day:02d}" or (g.concepts & {"WEEKDAY"} and g.word in weekdays):
            return True
    return False


def asks_current(q: Query) -> bool:
    """Whether a yes/no question asks where something stands now ("agreed YET?", "STILL being negotiated?")."""
    return bool(STILL.search(q.folded) or _YET.search(q.folded))


_YET = re.compile(r"\b(yet|so far|by now)\b")


def yes_no_step(store: FactStore, ctx: Ctx, cands: list[Candidate]) -> Answer | None:
    """"Did Russia agree to the corridor?": the provision's step that records it, with its date.

    "Yes" only when the step's event matches every name the question gives; otherwise the fact
    itself is the answer ("was it agreed in Ankara?" — agreed in Moscow, on 5 March 2020)."""
    q, lang, now = ctx.q, ctx.lang, ctx.now
    wanted: set[str] = set()
    asked = frozenset(c for g in q.groups if not g.context for c in g.concepts)  # not "after the deal"
    for c in asked:
        wanted.update(STEP_FOR_CONCEPT.get(c, ()))
    if not wanted or "STOP" in q.concepts() or "END" in q.concepts():
        return None
    if DETAILS_ASKED.search(q.folded):
        return None  # "have the details been agreed": the later update on the details, not the deal
    if asks_current(q):
        return None  # "is the corridor agreed yet or still being negotiated": where it stands now
    groups = [g for g in q.known_groups if not g.context]
    topic = [g for g in groups if not g.is_entity and not g.is_action and g.weight > 0]
    if not topic:
        return None
    top = cands[0].score
    for cand in cands[:6]:
        item = cand.item
        if not isinstance(item, PointView) or cand.score < 0.3 * top:
            continue
        titles = store.title_terms.get(cand.doc, frozenset())
        if not all(g.hits(titles) for g in topic):
            continue
        steps = [s for s in item.history if s.when.starts_at is not None and s.status in wanted
                 and s.when.starts_at <= now]
        if not steps:
            continue
        step = steps[0]
        linked = store.events.get(step.event_id) if step.event_id else None
        said = linked.title_in(lang) if linked is not None and lang != "en" else (step.note or item.title_in(lang))
        text = f"{item.title_in(lang)} — {said}"
        # a name must match as itself ("Ankara"), not through its country ("Turkey")
        named = [dataclasses.replace(g, terms=[(t, w) for t, w in g.terms if t[1:] not in COUNTRY_CONCEPTS
                                               or not g.concepts - COUNTRY_CONCEPTS])
                 for g in groups if g.is_entity]
        linked_terms: frozenset[str] = frozenset()
        if linked is not None:
            linked_terms = frozenset(store.index_terms_of(doc_key("event", linked.id)))
        yes = linked is not None and all(g.hits(linked_terms) for g in named)
        parts = C.date_parts(step.when, step.status, now, lang, ctx.zone)
        blocks = [Block("headline", C.fill("yes_step" if yes else "fact_step", lang, text=text, **parts))]
        if linked is not None and linked.details_in(lang):
            blocks.append(Block("detail", short(linked.details_in(lang))))
        for later in [s for s in item.history if s.when.starts_at is not None and s is not step
                      and step.when.starts_at < s.when.starts_at <= now][-1:]:
            blocks.append(Block("history", C.fill("later_line", lang, text=step_text(store, item, later, lang),
                                                  **C.date_parts(later.when, later.status, now, lang, ctx.zone))))
        source = best_source(linked, q) if linked is not None and linked.sources else best_source(item, q)
        blocks += quote_and_source(source, lang)
        matches = [C.match_of(item, cand.score, lang, when=step.when, status=step.status, source=source)]
        matches += [C.match_of(c.item, c.score, lang) for c in cands[:3] if c.item is not item][:2]
        return Answer(True, lang, q.intent.kind, tuple(blocks), tuple(matches),
                      linked.id if linked is not None else None)
    return None


def step_text(store: FactStore, point: PointView, step: StatusStepView, lang: str) -> str:
    """"Ceasefire ...: Akar: the attacks have stopped, the ceasefire is holding" in the reader's
    language when possible (a step's note is English; its linked event may be translated)."""
    linked = store.events.get(step.event_id) if step.event_id else None
    if lang == "en" and step.note:
        said = step.note
    elif linked is not None:
        said = linked.title_in(lang)
    else:
        said = step.note
    return f"{point.title_in(lang)} — {said}" if said else point.title_in(lang)
