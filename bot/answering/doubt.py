"""Whether the best fact really answers the question, or an answer would invent a number or a date."""

from __future__ import annotations

import re

from bot.answering.analyze import text_term_set
from bot.answering.context import Candidate, Ctx, is_range
from bot.answering.evidence import has_name
from bot.answering.cues import (
    ACTION_STRICT,
    BROAD_CONCEPTS,
    COUNTRY_CONCEPTS,
    FOCUS_KINDS,
    GENERIC_PEOPLE,
    NAME_ASKED,
    MEMBERS_ASKED,
    NAME_ONLY,
    PARTY_NOUNS,
    PERSON_CONCEPTS,
    YES_NO_CLAUSE,
    ROLE_CONCEPTS,
)
from bot.answering.query import Query
from bot.answering.rank import AGREEMENT_NOUN, coverage_weights, supports_actions
from bot.answering.store import FactStore
from bot.snapshot import EventView


# A place finer than a city, which the record would have to name ("which hotel", "what address").
FINER_PLACE = re.compile(r"\b(?:which|what|in which|at which) (building|hotel|room|palace|street|address|"
                         r"ministry building|conference hall)\b")


def doubt(store: FactStore, q: Query, best: Candidate) -> str | None:
    """Why the best fact might not answer the question: None, "no_match", "unrecorded", "unnamed"
    (the person whose name is asked is not named), "generic"."""
    groups = q.known_groups
    if q.unknown_numbers:
        return "unrecorded"  # "the airstrike that killed 33 soldiers": no stored text gives that number
    finer = FINER_PLACE.search(q.folded)
    if finer and not (text_term_set(finer.group(1), "en") - {t for t in text_term_set(finer.group(1), "en")
                                                              if t.startswith("#")}) & store.literal_terms(best):
        return "unrecorded"  # "which building in Ankara hosted the talks": the record gives the city only
    weights = coverage_weights(q, groups)
    unknown = len(q.unknown)
    matched = [bool(best.mask >> i & 1) for i in range(len(groups))]
    if best.coverage < 0.5:
        topic_found = any(m for g, m in zip(groups, matched) if not g.is_action) and all(
            m for g, w, m in zip(groups, weights, matched) if w > 0 and not g.is_action)
        # "when will the corridor close": the corridor is recorded, its closing is not
        return "unrecorded" if (best.matched >= 1.5 or topic_found) and not unknown else "no_match"
    topical = any(m and w > 0 and not g.is_entity for g, w, m in zip(groups, weights, matched))
    if unknown and not topical:
        return "no_match"
    quoted_topic = bool(q.quoted) and any(g.word in q.quoted for g in groups)
    if q.language == "en" and unknown >= 2 and unknown > len({g.word for g in groups}) and not quoted_topic:
        # (unless the reader quoted the topic: "our board keeps asking about the 'Additional Protocol'")
        return "no_match"  # "can you help me write a cover letter": one known word among many unknown ones
    topic = [g for g, w in zip(groups, weights) if w > 0 and not g.is_action]
    ranged = is_range(best.item) and (store.head_has_topic(best.doc, topic) or store.title_has_topic(best.doc, topic))
    if quoted_in(store, q, best):
        return None  # "who said 'we are moving forward'": the fact says those very words
    strict = q.intent.kind in ACTION_STRICT
    if strict and q.unknown_actions:
        return "unrecorded"
    deadline = isinstance(best.item, EventView) and best.item.kind == "deadline"
    for g, w, m in zip(groups, weights, matched):
        if w > 0 and not m and ((g.is_action and strict) or g.is_entity):
            if ranged and g.concepts & {"START", "END"}:
                continue
            if deadline and g.concepts & {"END"}:
                continue  # "when did the time limit expire": a deadline is when it expires
            return "unrecorded"
    if strict and any(g.is_action and w > 0 for g, w in zip(groups, weights)):
        if not supports_actions(store, best.doc, best.item, groups, best.mask):
            return "unrecorded"
    asked_concepts = {c for g in groups if not g.context for c in g.concepts}  # not "the piece just SAYS"
    if "SAY" in asked_concepts and q.intent.kind not in ("why", "who") and not said_by_named(store, q, best):
        # ("why is it said that ...": an impersonal "said" names no speaker; "who says ...": it is asked)
        return "unrecorded"
    if (q.intent.kind == "who" or NAME_ASKED.search(q.folded)) and not role_of_named(store, q, best):
        # ("what's the name of Russia's defence minister": Turkey's is named, Russia's is not)
        return "unrecorded"
    if (NAME_ONLY.search(q.folded) or MEMBERS_ASKED.search(q.folded)) and not q.intent.yes_no and not YES_NO_CLAUSE.search(q.text.lower()) \
            and not named_in(store, q, best):
        # "what's the name of the Turkish official who spoke to Reuters": he spoke anonymously
        return "unnamed"
    if (q.intent.kind == "who" or NAME_ASKED.search(q.folded)) and q.unknown_actions:
        # "who led the delegation", "name of the Russian general": nothing stored says who
        return "unrecorded"
    # Too generic to pick one fact ("what about turkey?") — unless the predicate of a status question
    # ("withdrawing", "staying") is itself rare enough to say which fact is meant.
    asked = [g for g in groups if not g.context]
    if q.intent.kind == "what" and asked and all("AGREE" in g.concepts for g in asked):
        return None  # "what was agreed?", "ne üzerinde anlaşıldı?": the agreement, however common the verb
    if max((max(w, g.weight if g.is_action and not g.context else 0.0)
            for g, w, m in zip(groups, weights, matched) if m), default=0.0) < 0.45:
        return "generic"
    return None


def focus_unsupported(store: FactStore, q: Query, best: Candidate) -> bool:
    """Whether the word the question asks about is missing from the best fact.

    "What colour are the patrol vehicles", "who will guard the corridor", "koridorun maliyeti ne
    kadar": the topic is recorded, the attribute asked (colour, guarding, cost) is not — any answer
    would be about something else. A focus word nothing stores, or one the best fact does not
    contain, means the fact is not the answer; a broad word ("civilians" ~ people) must be said
    as such, since "60 troops" or "millions of people" count someone else.
    """
    if not q.focus or q.intent.kind not in FOCUS_KINDS:
        return False
    if party_count_asked(q) and parties_named(store, best):
        return False  # "how many countries run the patrols": the Turkish–Russian patrols name them
    groups = q.known_groups
    for word in q.focus:
        if word in q.unknown and len(word) >= 3 and not word[0].isdigit():
            return True
        for i, g in enumerate(groups):
            if g.word != word or g.context or g.word.startswith("date:"):
                continue
            if not best.mask >> i & 1:
                return True
            if g.concepts and g.concepts <= BROAD_CONCEPTS and not GENERIC_PEOPLE.match(word) \
                    and not g.hits(store.literal_terms(best)):
                return True
    return False


def quoted_in(store: FactStore, q: Query, cand: Candidate) -> bool:
    """Whether the words the reader quoted (two or more) all stand in the fact."""
    words = [w for w in q.quoted if len(w) >= 3]
    if len(words) < 2:
        return False
    literal = store.literal_terms(cand)
    return all(w in literal for w in words)


def named_in(store: FactStore, q: Query, cand: Candidate) -> bool:
    """Whether the fact names the person asked about: a sentence that mentions the office or body
    asked ("official", "delegation") also carries a name ("Hulusi Akar"), not just "a senior official"."""
    roles = [g for g in q.known_groups if g.concepts & PERSON_CONCEPTS and not g.context]
    if not roles:
        return True
    sentences = store.doc_sentences(cand, "en")
    return any(has_name(sentence) for sentence, terms, _origin in sentences if any(g.hits(terms) for g in roles))


def party_count_asked(q: Query) -> bool:
    """"How many countries / sides ...", "kaç ülke", "сколько стран": a count of the parties."""
    if q.intent.kind != "how_many":
        return False
    if q.focus:
        return all(w in PARTY_NOUNS for w in q.focus)
    # the party noun is what is counted ("how many SIDES"), not where ("the width on both sides of the road")
    folds = [t.fold for t in q.tokens]
    return any(w in PARTY_NOUNS and any(c in _COUNT_WORDS for c in folds[max(0, i - 3):i])
               for i, w in enumerate(folds))


_COUNT_WORDS = frozenset({"many", "number", "kac", "сколько", "count"})


def parties_named(store: FactStore, cand: Candidate) -> list[str]:
    """The countries a fact's title names ("Joint Turkish–Russian patrols": Turkey, Russia), in order."""
    titles = store.title_terms.get(cand.doc, frozenset())
    return [c for c in ("TURKEY", "RUSSIA", "SYRIA") if "#" + c in titles] if sum(
        "#" + c in titles for c in COUNTRY_CONCEPTS) >= 2 else []


# Entities that are people, who say things (places and countries are said *about* as often as *by*).
PEOPLE_NAMED = frozenset({"PUTIN", "ERDOGAN", "AKAR", "ASSAD"})


def said_by_named(store: FactStore, q: Query, cand: Candidate) -> bool:
    """"What did X say": X must be who is quoted (attribution) or the subject of a statement."""
    named = [g for g in q.known_groups if g.is_entity and not g.context]
    people = [g for g in named if g.concepts & PEOPLE_NAMED]
    named = people or named  # "what did Putin say ... after the Moscow summit": Putin is the speaker, not Moscow
    if not named:
        return True
    said_by = store.attribution_terms(cand.doc, cand.item)
    titles = store.title_terms.get(cand.doc, frozenset())
    statement = isinstance(cand.item, EventView) and cand.item.kind == "statement"
    roles = [g for g in q.known_groups if g.concepts & ROLE_CONCEPTS and not g.context]
    if roles and not any(g.hits(said_by) or (statement and g.hits(titles)) for g in roles):
        # "what did the UN secretary general say": the UN is quoted, its secretary general is not
        return False
    for g in named:
        if g.hits(said_by) or (statement and g.hits(titles)):
            return True
    return False


def role_of_named(store: FactStore, q: Query, cand: Candidate) -> bool:
    """"Who is the Russian defence minister": the stored text must name a minister of *that* country
    (a country word within a few words of the role), not a Turkish one next to Russian officials."""
    groups = [g for g in q.known_groups if not g.context]
    roles = [g for g in groups if g.concepts & ROLE_CONCEPTS]
    countries = [g for g in groups if g.concepts & COUNTRY_CONCEPTS and not g.concepts & ROLE_CONCEPTS]
    if not roles or not countries:
        return True
    # only the country that qualifies the role in the question ("the RUSSIAN defence minister who
    # negotiated in Ankara": Ankara is where, not whose minister)
    folds = [t.fold for t in q.tokens]
    role_at = [i for i, w in enumerate(folds) if any(w == r.word for r in roles)]
    near = [c for c in countries if any(w == c.word and any(abs(i - j) <= 3 for j in role_at) for i, w in enumerate(folds))]
    countries = near or countries
    positions = store.token_terms(cand.doc, cand.item)
    for field_terms in positions:
        role_at = [i for i, terms in enumerate(field_terms) if any(r.hits(terms) for r in roles)]
        if not role_at:
            continue
        for i, terms in enumerate(field_terms):
            if any(c.hits(terms) for c in countries) and any(abs(i - j) <= 3 for j in role_at):
                return True
    return False


def topical_query(q: Query, cands: list[Candidate]) -> bool:
    """Whether "next"/"latest" asks about a topic, not about the negotiation as a whole ("next milestone
    in the Idlib deal" names only the deal and the place: any key date of it is on topic)."""
    return bool(cands) and any(g.idf >= 0.45 and not g.context and (not g.is_entity or g.concepts & PEOPLE_NAMED)
                               and not AGREEMENT_NOUN.match(g.word)
                               for g in q.known_groups) and cands[0].coverage >= 0.5


def scheduled_fact(ctx: Ctx, cand: Candidate) -> bool:
    """A yes/no question about the future is answerable if the schedule holds it."""
    item = cand.item
    if not isinstance(item, EventView) or cand.coverage < 0.75:
        return False
    groups = ctx.q.known_groups
    if any(g.is_action and not g.context and not cand.mask >> i & 1 for i, g in enumerate(groups)):
        return False  # "will the patrols be cancelled": the schedule says they start, not that they stop
    starts = item.when.starts_at
    return item.status in ("scheduled", "postponed", "cancelled") or (starts is not None and starts > ctx.now)


def stated_intention(store: FactStore, ctx: Ctx, cand: Candidate) -> bool:
    """"Will Turkey withdraw from Idlib?": not a prediction to make when a statement on record says
    what the party will do about exactly that (Akar: Turkish forces remain in their positions)."""
    item = cand.item
    if not isinstance(item, EventView) or item.kind != "statement" or cand.coverage < 0.99:
        return False
    groups = ctx.q.known_groups
    return any(g.concepts & INTENDED_ACTIONS and cand.mask >> i & 1 for i, g in enumerate(groups))


# What a party says it will do with its own forces: staying, withdrawing.
INTENDED_ACTIONS = frozenset({"REMAIN"})
# "if", "bozulursa", "если": a condition, in a question or in what someone said.
CONDITION = re.compile(r"\b(if|unless|in case|eger|если|в случае)\b|\b\w+(ursa|urse|irse|irsa|arsa|erse)\b", re.IGNORECASE)


def conditional_on_record(store: FactStore, ctx: Ctx, cand: Candidate) -> bool:
    """"What happens if the ceasefire is broken": answerable when a statement on record says what
    would follow from that condition (Erdogan: stronger military action if it is broken)."""
    item = cand.item
    if not CONDITION.search(ctx.q.folded) or not isinstance(item, EventView) or item.kind != "statement" \
            or cand.coverage < 0.75:
        return False
    said = store.doc_sentences(cand, ctx.lang) + store.doc_sentences(cand, "en")
    return any(CONDITION.search(sentence) for sentence, _terms, _origin in said)
