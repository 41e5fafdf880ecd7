"""Premises a yes/no question takes for granted, checked against the record before it is searched.

"Did the patrols start on 5 March?", "were the talks in Istanbul?", "did Putin travel to Ankara?",
"were 100 troops killed?": the day, place, person or number is what is checked, not what is searched
for. Searched without it, the question finds what happened; the fact found either confirms the premise
(answered as usual) or corrects it, and the reply says so first. `at_place` keeps a question about what
happened *at* a named place to facts that happened there.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Protocol

from babel.numbers import format_decimal

from bot.answering.context import Candidate, Ctx
from bot.answering.cues import COUNTED_NOUNS, DESIGNATION, MONTH_ABBREVIATIONS, ROLE_CONCEPTS
from bot.answering.normalize import fold
from bot.answering.premises import happened_at, located_places
from bot.answering.query import Query
from bot.answering.replies.describe import answer_describe
from bot.answering.replies.when import answer_when, premise_corrected
from bot.answering.store import FactStore
from bot.answering.types import Answer, Block
from bot.dates import locale_of
from bot.i18n import t
from bot.snapshot import EventView


class Searcher(Protocol):
    """What the checks need of the engine: its facts, a search for a reworded question, its doubts."""

    @property
    def store(self) -> FactStore: ...

    def ranked(self, q: Query, ctx: Ctx, allowed: set[int] | None) -> tuple[Ctx, list[Candidate]]: ...

    def problem(self, q: Query, cand: Candidate) -> str | None: ...


# What happens on a day ("did the patrols start / was the deal signed on 5 March?"): a day to check.
PREMISE_ACTIONS = frozenset({"START", "END", "AGREE", "ARRIVE", "STOP", "ESTABLISH", "DEPART", "RESUME"})
# What happens at a place ("were the talks / was the deal signed in Istanbul?"): a place to check.
PLACED_ACTIONS = frozenset({"TALKS", "AGREE", "ARRIVE", "DELEGATION"})
# What a number in a yes/no question may count or measure ("were 100 troops killed", "is it 20 km wide").
COUNTABLE = frozenset({"TROOPS", "PEOPLE", "WIDTH", "LENGTH"})
# People a yes/no question may wrongly credit with something ("did Putin come to Ankara?").
PERSON_CONCEPTS = frozenset({"PUTIN", "ERDOGAN", "AKAR", "ASSAD"})
ROAD_PREPOSITION = re.compile(r"\b(?:on|along|at|in|near|via|to)\s+(?:the\s+)?$", re.IGNORECASE)
YEAR_WORD = re.compile(r"(19|20)\d\d")
ORDINAL_DAY = re.compile(r"(\d{1,2})(st|nd|rd|th)?")
INDEFINITE = re.compile(r"\b(an?|any|some)\s+(\w+\s+)?(agreement|deal|accord|understanding|talks|meeting|"
                        r"deal|progress|breakthrough)\b|\b(agree|agreed|settle|settled|decide|decided|sign|signed) "
                        r"(anything|something|on anything|on something)\b")


def day_premise(s: Searcher, q: Query, ctx: Ctx, allowed: set[int] | None) -> Answer | None:
    """"Did the patrols start on 5 March?": the day is what is checked, not what is searched for.

    Searched with the day, the question finds whatever happened on 5 March (the Moscow summit);
    searched without it, it finds the patrols' start, whose recorded day either confirms the
    premise or corrects it.
    """
    term = q.groups[q.date_group].terms[0][0] if q.date_group is not None else ""
    if not term.startswith("@") or not q.concepts() & PREMISE_ACTIONS:
        return None
    # "@03-05" (a day) or "@m02" (a month: "was the ceasefire signed in February 2020?")
    month, day = (term[2:], "") if term.startswith("@m") else term[1:].split("-")
    rest = [g for i, g in enumerate(q.groups) if i != q.date_group and f"MONTH{int(month)}" not in g.concepts
            and (not day or g.word not in (day, str(int(day)))) and not YEAR_WORD.fullmatch(g.word)]
    if not any(g.known and not g.context and not g.is_action and g.idf >= 0.45 for g in rest):
        return None
    # (a month no fact is dated to — "back in January" — is no unknown word once it is the premise)
    dated = {q.groups[q.date_group].word} | {g.word for g in q.groups if f"MONTH{int(month)}" in g.concepts}
    q2 = dataclasses.replace(q, groups=rest, date_group=None, unknown=[w for w in q.unknown if w not in dated
                                                                      and not MONTH_NAME.fullmatch(w)])
    ctx2, cands = s.ranked(q2, ctx, allowed)
    if not cands or s.problem(q2, cands[0]) is not None:
        return None
    best = cands[0].item
    if not isinstance(best, EventView) or best.when.starts_at is None:
        return None
    if term in s.store.index_terms_of(cands[0].doc):
        return answer_when(s.store, ctx2, cands)  # the premise holds: the recorded day says so
    answer = premise_corrected(answer_when(s.store, ctx2, cands), term)
    wrong_place = next((shown for i, shown in located_places(q, q.text)
                        if i is not None and not happened_at(best, q.groups[i])), None)
    if wrong_place is not None and answer.answered:
        # "agreed in Ankara on the 10th?": neither the day nor the place holds — both are said
        note = Block("note", t("premise_other_place", ctx.lang, asked=wrong_place))
        answer = dataclasses.replace(answer, blocks=(answer.blocks[0], note, *answer.blocks[1:]))
    return answer

MONTH_NAME = re.compile(r"(january|february|march|april|may|june|july|august|september|october|november|december|"
                        r"ocak|subat|mart|nisan|mayis|haziran|temmuz|agustos|eylul|ekim|kasim|aralik|"
                        r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]\w*|июн\w*|июл\w*|август\w*|сентябр\w*|"
                        r"октябр\w*|ноябр\w*|декабр\w*)")


def year_premise(s: Searcher, q: Query, ctx: Ctx, allowed: set[int] | None) -> Answer | None:
    """"Did the war in Syria begin in 2012?": a year the timeline holds nothing about is the premise
    checked, not a reason to decline. Without it, the question finds when the war began; its recorded
    year corrects the premise, said first."""
    years = {tok.fold for tok in q.tokens if YEAR_WORD.fullmatch(tok.fold) and f"@y{tok.fold}" not in s.store.index}
    if len(years) != 1 or q.intent.prediction or q.date_group is not None \
            or not q.concepts() & (PREMISE_ACTIONS | PLACED_ACTIONS):
        return None
    rest = [g for g in q.groups if g.word not in years]
    if not any(g.known and not g.context and not g.is_action and g.idf >= 0.45 for g in rest):
        return None
    q2 = dataclasses.replace(q, groups=rest)
    ctx2, cands = s.ranked(q2, ctx, allowed)
    if not cands or cands[0].coverage < 0.99 or s.problem(q2, cands[0]) is not None:
        return None
    best = cands[0].item
    if not isinstance(best, EventView) or best.when.starts_at is None:
        return None
    answer = answer_when(s.store, ctx2, cands)
    if not answer.answered:
        return None
    note = Block("note", t("premise_other_year", ctx.lang, asked=years.pop()))
    return dataclasses.replace(answer, blocks=(note, *answer.blocks))


def designation_premise(s: Searcher, q: Query, ctx: Ctx, question: str, allowed: set[int] | None) -> Answer | None:
    """"Are the patrols on the M5?": a road (or other designation) the timeline never names, where a
    fact on the topic names another of its kind (the M4). Searched without it, the question finds
    the patrols; the reply says first that the record gives another place."""
    found = [m for m in DESIGNATION.finditer(question)
             if fold(m.group(1).lower()) + m.group(2) not in s.store.index
             and m.group(1).lower() not in MONTH_ABBREVIATIONS]
    asked = [m.group(0) for m in found]
    if len(asked) != 1 or q.intent.prediction == "hard" or q.unknown_actions:
        return None
    letters = fold(DESIGNATION.fullmatch(asked[0]).group(1).lower())
    rest = [g for g in q.groups if g.word != fold(asked[0].lower())]
    if not any(g.known and not g.context and not g.is_action and g.idf >= 0.45 for g in rest):
        return None
    q2 = dataclasses.replace(q, groups=rest, unknown=[w for w in q.unknown if w != fold(asked[0].lower())],
                             intent=dataclasses.replace(q.intent, kind="where"))
    ctx2, cands = s.ranked(q2, ctx, allowed)
    if not cands or cands[0].coverage < 0.99 or s.problem(q2, cands[0]) is not None:
        return None
    if not any(DESIGNATION.fullmatch(term) and term.startswith(letters) for term in s.store.index_terms_of(cands[0].doc)):
        return None  # the fact names no road of that kind: nothing to correct the premise with
    answer = answer_describe(s.store, ctx2, cands)
    if not answer.answered:
        return None
    # "on the M5": the words the reader put before it, so the note reads "Not on the M5"
    before = ROAD_PREPOSITION.search(question[:found[0].start()])
    shown = (before.group(0).lower() if before else "") + asked[0].upper()
    note = Block("note", t("premise_other_place", ctx.lang, asked=shown))
    return dataclasses.replace(answer, blocks=(note, *answer.blocks))


def place_premise(s: Searcher, q: Query, ctx: Ctx, question: str, allowed: set[int] | None) -> Answer | None:
    """"Were the talks in Istanbul?", "was the ceasefire agreed in Ankara?": where something
    happened is what is checked. Without the place, the question finds the talks; the place they
    are recorded at confirms the premise (answered as usual) or corrects it (said first)."""
    located = located_places(q, question)
    if not located or q.intent.prediction or q.date_group is not None:
        return None
    drop = {i for i, _ in located if i is not None}
    # "agreed in Ankara on the 10th": a bare day is part of the claim too, not what to search for
    rest = [g for i, g in enumerate(q.groups) if i not in drop and not ORDINAL_DAY.fullmatch(g.word)]
    if not any(g.concepts & PLACED_ACTIONS for g in rest if g.known and not g.context):
        return None
    if INDEFINITE.search(q.folded):
        return None  # "did they reach AN agreement in Ankara": whether any was, not where THE one was
    q2 = dataclasses.replace(q, groups=rest, other_names=[], intent=dataclasses.replace(q.intent, kind="where"))
    ctx2, cands = s.ranked(q2, ctx, allowed)
    if not cands or cands[0].coverage < 0.99 or s.problem(q2, cands[0]) is not None:
        return None
    best = cands[0]
    if not isinstance(best.item, EventView) or not best.item.place:
        return None
    if all(i is not None and happened_at(best.item, q.groups[i]) for i, _ in located):
        return None  # recorded there: the premise holds, the usual answer says so
    answer = answer_describe(s.store, ctx2, [best])
    if not answer.answered:
        return None
    asked = located[0][1]
    note = Block("note", t("premise_other_place", ctx.lang, asked=asked))
    return dataclasses.replace(answer, blocks=(note, *answer.blocks))

def person_premise(s: Searcher, q: Query, ctx: Ctx, allowed: set[int] | None) -> Answer | None:
    """"Did Putin travel to Ankara?", "did Erdogan say the ceasefire is holding?": who did it is
    what is checked. Without the person, the question finds what happened (a delegation came;
    Akar said it); if that fact never names the person, the reply says so first."""
    people = [i for i, g in enumerate(q.groups) if g.known and not g.context and g.concepts & PERSON_CONCEPTS]
    # "was it Cavusoglu who said ...": a person the timeline never names is credited with it
    unnamed = q.other_names[:1] if not people and len(q.other_names) == 1 else []
    if len(people) + len(unnamed) != 1 or q.intent.prediction or q.date_group is not None:
        return None
    rest = [g for i, g in enumerate(q.groups) if i not in people and not (unnamed and g.concepts & ROLE_CONCEPTS)]
    if not any(g.known and not g.context and (g.is_action or g.concepts & {"SAY", "HOLD"}) for g in rest):
        return None
    if people:
        _ctx, found = s.ranked(q, ctx, allowed)
        if found and found[0].coverage >= 0.99 and s.problem(q, found[0]) is None:
            return None  # a fact has the person doing just that
    q2 = dataclasses.replace(q, groups=rest, other_names=[], unknown=[w for w in q.unknown if w not in unnamed],
                             intent=dataclasses.replace(q.intent, kind="what"))
    ctx2, cands = s.ranked(q2, ctx, allowed)
    if not cands or cands[0].coverage < 0.99 or s.problem(q2, cands[0]) is not None:
        return None
    best = cands[0]
    if not isinstance(best.item, EventView):
        return None
    if people:
        person = q.groups[people[0]]
        if person.hits(set(s.store.index_terms_of(best.doc))):
            return None  # the fact names them: the usual answer says what they did
    answer = answer_describe(s.store, ctx2, [best])
    if not answer.answered:
        return None
    word = q.groups[people[0]].word if people else unnamed[0]
    asked = next((tok.lower for tok in q.tokens if tok.fold == word), word).title()
    note = Block("note", t("premise_other_person", ctx.lang, asked=asked))
    return dataclasses.replace(answer, blocks=(note, *answer.blocks))

def at_place(q: Query, question: str, cands: list[Candidate]) -> list[Candidate]:
    """"What did the two sides agree in Ankara?": what happened *at* the place named — the
    Moscow summit's agreement mentions Ankara's talks, but happened elsewhere."""
    located = [i for i, _ in located_places(q, question) if i is not None]
    if not located:
        return cands
    top = cands[0].score

    def there(c: Candidate) -> bool:
        return all(happened_at(c.item, q.groups[i]) for i in located)

    first = cands[0].item
    if not isinstance(first, EventView) or not first.place or there(cands[0]):
        return cands  # only a fact that happened elsewhere gives way
    close = [c for c in cands[:6] if c.score >= 0.4 * top]
    at = [c for c in close if there(c)]
    if not at or at[0] is cands[0]:
        return cands
    # what happened there first, and nothing that happened elsewhere: the sentence shown is
    # picked among the facts kept
    elsewhere = [c for c in cands if isinstance(c.item, EventView) and c.item.place and not there(c)]
    return at + [c for c in cands if c not in at and c not in elsewhere]

def number_premise(s: Searcher, q: Query, ctx: Ctx, allowed: set[int] | None) -> Answer | None:
    """"Were 100 Turkish troops killed?": the number is what is checked. No stored text gives
    100; the one that counts the troops killed says how many were, and the reply says first
    that the figure differs."""
    q2 = dataclasses.replace(q, unknown_numbers=[], intent=dataclasses.replace(q.intent, kind="how_many"))
    if not any(g.concepts & (COUNTED_NOUNS | COUNTABLE) for g in q2.known_groups):
        return None
    ctx2, cands = s.ranked(q2, ctx, allowed)
    if not cands or cands[0].coverage < 0.75 or s.problem(q2, cands[0]) is not None:
        return None
    answer = answer_describe(s.store, ctx2, cands)
    if not answer.answered:
        return None
    asked = " ".join(format_decimal(int(n), locale=locale_of(ctx.lang)) if n.isdigit() else n for n in q.unknown_numbers)
    note = Block("note", t("premise_other_number", ctx.lang, asked=asked))
    return dataclasses.replace(answer, blocks=(note, *answer.blocks))
