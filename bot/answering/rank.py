"""Re-ranking search hits for the intent: the fact whose title carries the action asked about first."""

from __future__ import annotations

import re

from bot.answering.analyze import text_term_set
from bot.answering.context import Candidate, Ctx, Item, is_range
from bot.answering.cues import (ACTION_STRICT, COUNTED_NOUNS, EXISTENTIAL, SPEAKERS, asks_deadline, asks_significance,
                                doer_asked)
from bot.answering.evidence import calls_strategic, has_reason
from bot.answering.index import Hit
from bot.answering.query import ACTION_CONCEPTS, PREDICATE_CONCEPTS, Group, Query
from bot.answering.store import FactStore
from bot.snapshot import EventView


def rerank(store: FactStore, ctx: Ctx, groups: list[Group], hits: list[Hit]) -> list[Candidate]:
    q = ctx.q
    weights = coverage_weights(q, groups)
    total = sum(weights) or 1.0
    concepts = q.concepts()
    actions = {"#" + c for g in groups if g.is_action and not g.context for c in g.concepts & ACTION_CONCEPTS}
    kind = q.intent.kind
    out: list[Candidate] = []
    action_idx = [i for i, g in enumerate(groups) if g.is_action and not g.context]
    others = [g for g in groups if not g.is_action and g.weight > 0]
    for hit in hits:
        item = store.item(hit.doc)
        if item is None:
            continue
        mask, raw = hit.mask, hit.score
        if others:
            # "has the ceasefire collapsed": a fact saying the *talks* ended matches "collapse" in a
            # sentence that does not speak of the ceasefire; such an action word counts for nothing.
            for i in action_idx:
                if mask >> i & 1 and not store.action_supported(hit.doc, item, groups[i], others):
                    mask &= ~(1 << i)
                    raw -= hit.group_scores[i]
            if is_range(item) and store.head_has_topic(hit.doc, others):
                # "when did the escalation end": a ranged event ends by itself, whatever its words
                for i in action_idx:
                    if groups[i].concepts & {"START", "END"}:
                        mask |= 1 << i
        matched = sum(w for i, w in enumerate(weights) if mask >> i & 1)
        coverage = matched / total
        score = raw * (0.4 + 0.6 * coverage)
        titles = store.title_terms.get(hit.doc, frozenset())
        if actions:
            in_title = sum(1 for a in actions if a in titles or (a in ("#START", "#END") and is_range(item)
                                                                 and store.head_has_topic(hit.doc, others)))
            score *= 1.0 + 0.35 * in_title
        # How many of the question's words the title itself carries: the title says what a fact is about.
        title_cover = sum(w for g, w in zip(groups, weights) if g.hits(titles))
        score *= 1.0 + 0.5 * title_cover / total
        if kind == "who":
            said_by = store.attribution_terms(hit.doc, item)
            by_cover = sum(w for g, w in zip(groups, weights) if g.hits(said_by))
            score *= 1.0 + 0.6 * by_cover / total
        if "RESULT" in concepts and kind in ("what", "status", "latest") and "EXPECT" not in concepts:
            # "what was the outcome of the talks": what was agreed, not what was expected
            if "#AGREE" in titles:
                score *= 1.6
            if "#EXPECT" in titles:
                score *= 0.6
        if isinstance(item, EventView):
            if "AGREE" in concepts and item.kind == "agreement":
                score *= 1.4
            elif ("AGREE" in concepts and kind in ("when", "who", "where") and item.kind == "statement"
                  and "SAY" not in concepts and not concepts & SPEAKERS):
                score *= 0.8  # "when/who agreed the truce": the agreement, not a later word on it
            if item.kind == "deadline" and kind in ("when", "how_long") and not asks_deadline(q):
                score *= 0.5  # "when did they agree X": the day they agreed, not the day they had to
            if kind in ("when", "how_long", "next") and item.when.starts_at is not None:
                score *= 1.15
                if (actions and item.kind == "statement" and "SAY" not in concepts
                        and not any(a in text_term_set(item.title, "en") for a in actions)
                        and not any(g.hits(text_term_set(item.title, "en")) for g in groups
                                    if g.is_action and not g.concepts & {"CEASEFIRE"})):
                    score *= 0.6  # "when did the attacks stop": not the day someone said they had
            if kind == "where" and item.place:
                score *= 1.15
            if kind == "who" and item.kind == "statement":
                score *= 1.1
            elif "SAY" in concepts and concepts & SPEAKERS and item.kind == "statement":
                score *= 1.15  # "what did the minister say": a statement, not a fact citing him
            if "SAY" in concepts and item.kind == "statement" and ALSO_SAID.search(item.details or ""):
                score *= 0.7  # "Akar ALSO said ...": the lead statement first, what he added after
        elif kind in ("when", "how_long"):
            score *= 0.8
        elif kind in ("status",):
            score *= 1.1
        if actions and kind in ACTION_STRICT and not supports_actions(store, hit.doc, item, groups, mask):
            score *= 0.3
        out.append(Candidate(hit.doc, item, score, mask, coverage, matched))
    deeds = actions & DEEDS
    if deeds and any(deeds & store.title_terms.get(c.doc, frozenset()) for c in out):
        # "when did Turkey start SENDING soldiers": a fact named for something else that was done to
        # them ("60 troops KILLED") gives way to the one named for the sending
        for c in out:
            titles = store.title_terms.get(c.doc, frozenset())
            done = titles & DEEDS
            if done and not done & deeds:
                c.score *= 0.6
    if kind in ("who", "what") and any("SUPPORT" in g.concepts for g in groups if not g.context):
        # "who's on which side", "which side is Turkey on": the fact whose title says who backs whom,
        # not one naming a "Russia-backed offensive"
        for c in out:
            if SIDES_TITLE.search(c.item.title or ""):
                c.score *= 1.5
    doer = doer_asked(q)
    doers = [g for g in groups if g.is_entity and g.word in doer] if doer else []
    if doers:
        # "what did Turkey do in Idlib": the fact whose title has Turkey doing something ("Turkey pours troops
        # into Idlib"), not one where Turkey's troops are what was done to ("60 Turkish troops killed")
        for c in out:
            first = c.item.title.split(maxsplit=1)[0] if c.item.title else ""
            if any(g.hits(text_term_set(first, "en")) for g in doers):
                c.score *= 1.3
            elif any(g.hits(store.title_terms.get(c.doc, frozenset())) for g in doers):
                c.score *= 0.75
    if kind == "why":
        # A "why" is answered by a fact that gives a reason for the topic in one sentence
        # ("the ceasefire ... was agreed to halt this escalation").
        topic = [g for g in groups if not g.is_entity and not g.context]
        # "why is the M4 so important": the sentence calling it strategic says why, as one giving a cause does
        strategic = asks_significance(q)
        for c in out:
            for sentence, terms, _origin in store.doc_sentences(c, q.language):
                if (has_reason(sentence) or (strategic and calls_strategic(sentence, q.language, topic))) \
                        and any(g.hits(terms) for g in topic):
                    c.score *= 2.5
                    break
    out.sort(key=lambda c: (-c.score, c.doc))
    return out


SIDES_TITLE = re.compile(r"(?<![\w-])(backs?|supports?|backing|supporting|sides?|allies|ally)\b")
# Things done to or by people on the ground: a fact named for one of them is about that deed.
DEEDS = frozenset({"#DEPLOY", "#KILL", "#DISPLACE", "#ARRIVE", "#DEPART"})
ALSO_SAID = re.compile(r"\balso (said|told|stated|added|noted|announced)\b")
# An agreement named by a noun, not the act of agreeing: a topic a status question is about.
AGREEMENT_NOUN = re.compile(r"(deals?|agreements?|accords?|protocols?|pacts?|memorand\w*|treat\w+|anlasma\w*|"
                            r"mutabakat\w*|protokol\w*|соглашени\w*|договоренност\w*|протокол\w*|сделк\w*)$")


def coverage_weights(q: Query, groups: list[Group]) -> list[float]:
    """How much each group counts for coverage: context clauses count nothing, and for a status
    question the predicate ("holding", "collapsed") does not either."""
    kind = q.intent.kind
    status = kind in ("status", "latest")
    # "where does the route END", "who will PATROL": the place or person is asked, the action is context
    descriptive = kind in ("where", "who") and any(not g.is_action for g in groups)
    out = []
    existential = status and bool(EXISTENTIAL.search(q.folded))
    if status and groups and not q.unknown and all(g.concepts & PREDICATE_CONCEPTS and not g.is_entity
                                                   and not g.corrected for g in groups):
        # "is the deal done?": nothing but the predicate was asked, so it names the topic too
        return [g.weight for g in groups]
    # "latest on the idlib DEAL": an agreement named by a noun is the topic — unless something else is
    # ("the PATROL agreement": the patrols are the topic, the agreement their status)
    other_topic = any(not g.is_entity and not g.concepts & PREDICATE_CONCEPTS and not g.context for g in groups)
    for g in groups:
        if existential and g.concepts & COUNTED_NOUNS:
            out.append(g.weight)  # "were there casualties": the casualties are what is asked about
        elif status and g.concepts & PREDICATE_CONCEPTS and not g.is_entity \
                and (other_topic or not AGREEMENT_NOUN.match(g.word)):
            out.append(0.0)
        elif descriptive and g.is_action:
            out.append(g.weight * 0.3)  # "where does the route END": the route is what is asked about
        else:
            out.append(g.weight)
    return out


def supports_actions(store: FactStore, doc: int, item: Item, groups: list[Group], mask: int) -> bool:
    """Each action asked about ("close", "start") is said in one sentence with the topic asked about.

    "The two countries came close to confrontation" mentions "close", but not the corridor: it
    does not say when the corridor closes.
    """
    others = [g for g in groups if not g.is_action and g.weight > 0]
    for g in groups:
        if g.is_action and not g.context and not store.action_supported(doc, item, g, others):
            return False
    return True
