"""Honest declines: questions out of scope, and the reply that says so with what the bot can answer."""

from __future__ import annotations

from bot.answering.context import Candidate, Ctx
from bot.answering.cues import (
    DESIGNATION,
    LOOKALIKE,
    MONTH_ABBREVIATIONS,
    NOW_YEAR,
    ROLE_CONCEPTS,
    STILL,
    SUBJECTS,
    YEAR,
)
from bot.answering.normalize import fold
from bot.answering.store import FactStore
from bot.answering.types import Answer, Block
from bot.i18n import t


def out_of_scope(store: FactStore, question: str, ctx: Ctx) -> Answer | None:
    """The decline for a question the timeline cannot answer whatever it holds, or None.

    Checked before any search: about the bot itself, off topic, a firm prediction, a place, person,
    year or model the timeline never mentions, or who holds a role *now*.
    """
    q, negotiation_id = ctx.q, ctx.negotiation_id
    if q.about_bot:
        return decline(store, ctx.lang, "about_bot", "decline_about_bot", negotiation_id)
    if q.off_topic:
        subject = t("subject_" + q.off_topic[0], ctx.lang)
        return decline(store, ctx.lang, q.intent.kind, "decline_off_topic", negotiation_id, subject=subject)
    if q.intent.prediction == "hard":
        return decline(store, ctx.lang, "prediction", "decline_prediction", negotiation_id)
    if q.other_names:
        # "the ceasefire in Gaza", "what did Lavrov say": a place or person the timeline never mentions.
        return decline(store, ctx.lang, q.intent.kind, "decline_unrecorded", negotiation_id)
    if any(YEAR.fullmatch(tok.fold) and f"@y{tok.fold}" not in store.index for tok in q.tokens) \
            and not NOW_YEAR.search(q.folded):
        # "who will control Idlib in 2021?": a year the timeline holds nothing about
        return decline(store, ctx.lang, q.intent.kind, "decline_unrecorded", negotiation_id)
    if unknown_designation(store, question):
        # "why did Turkey shoot down the Su-24": a model the timeline never mentions
        return decline(store, ctx.lang, q.intent.kind, "decline_unrecorded", negotiation_id)
    if STILL.search(q.folded) and q.concepts() & ROLE_CONCEPTS and not q.concepts() & SUBJECTS \
            and q.intent.kind in ("who", "status", "what") \
            and not q.concepts() & {"CEASEFIRE", "HOLD"}:
        # "is Akar still minister?": the timeline records who held a role then, not now
        return decline(store, ctx.lang, q.intent.kind, "decline_unrecorded", negotiation_id)
    return None


def unknown_designation(store: FactStore, question: str) -> bool:
    for m in DESIGNATION.finditer(question):
        letters, digits = m.group(1), m.group(2)
        if not (m.group(0) != letters + digits or len(letters) <= 3):
            continue
        if letters.lower() in MONTH_ABBREVIATIONS:
            continue
        word = fold(letters.lower()) + digits
        if word in store.index or fold(letters.lower().translate(LOOKALIKE)) + digits in store.index:
            continue
        return True
    return False


def decline(store: FactStore, lang: str, intent: str, key: str, negotiation_id: int | None, *,
            closest: list[Candidate] | tuple[()] = (), ctx: Ctx | None = None, **values: str) -> Answer:
    # No "closest fact" and no matches: a decline must not slip in a number or date that answers
    # a different question ("60" Turkish troops for "how many Russian soldiers died?").
    del closest, ctx
    blocks = [Block("note", t(key, lang, **values))]
    topics = t("list_sep", lang).join(suggested_topics(store, lang, negotiation_id))
    if topics:
        blocks.append(Block("suggestions", t("suggest", lang, topics=topics)))
    return Answer(False, lang, intent, tuple(blocks), (), None)


def suggested_topics(store: FactStore, lang: str, negotiation_id: int | None) -> list[str]:
    """What the bot can talk about: the agreement's provisions and the key dates, in `lang`."""
    key = (lang, negotiation_id)
    cached = store.topic_cache.get(key)
    if cached is None:
        cached = store.topic_cache[key] = _compute_topics(store, lang, negotiation_id)
    return cached


def _compute_topics(store: FactStore, lang: str, negotiation_id: int | None) -> list[str]:
    points = [p for p in store.points.values() if negotiation_id is None or p.negotiation_id == negotiation_id]
    nid = negotiation_id
    if nid is None and points:
        nid = min(p.negotiation_id for p in points)
    titles = [p.title_in(lang) for p in sorted(points, key=lambda p: p.id) if p.negotiation_id == nid][:4]
    _s, events = store.events_sorted(nid)
    for e in events:
        if e.is_key_date and e.kind in ("talks", "session") and len(titles) < 5:
            titles.append(e.title_in(lang))
    if not titles:
        titles = [e.title_in(lang) for e in events[-4:]]
    return titles
