"""Which sentence of a fact answers the question, and which of its citations to show."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answering import compose as C
from bot.answering.analyze import text_term_set
from bot.answering.context import Candidate, Ctx, Item
from bot.answering.cues import COUNTED_ACTIONS, SPEAKER_WORDS, asks_significance
from bot.answering.normalize import fold
from bot.answering.quantities import has_quantity, quantity_kind
from bot.answering.query import Group, Query
from bot.answering.store import FactStore
from bot.answering.types import Block
from bot.snapshot import SourceRef

NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÇĞİÖŞÜА-ЯЁ][a-zçğıöşüа-яё]+\s+[A-ZÇĞİÖŞÜА-ЯЁ][a-zçğıöşüа-яё]{2,}")
REASON = re.compile(
    r"\b(to halt|to stop|in order to|so that|because|due to|after|aimed|to end|to prevent|effectively|which means|the fact that|\w+m[ae]k için|fiilen|amacıyla|nedeniyle|"
    r"yüzünden|dolayı|фактически|чтобы|из-за|поскольку|так как|с целью|ради)\b", re.IGNORECASE)


# "in total", "both sides combined", "toplam", "всего": the sum asked for, and a sentence that gives it.
TOTAL_ASKED = re.compile(r"\b(in total|total|totals|altogether|combined|in all|all in all|overall|together|sum|"
                         r"toplam\w*|hepsi|tum\w*|всего|в сумме|в общей сложности|общ\w+)\b")
TOTAL_SAID = re.compile(r"\b(in all|in total|total|altogether|combined|toplam\w*|общей|всего|в общей сложности)\b",
                        re.IGNORECASE)


# Words that say who took part, when no one is named: "Turkish officials and a Russian delegation".
PARTY_TERMS = frozenset({"#DELEGATION", "#OFFICIAL"})


# Why people met or came: to discuss, to work out ... — a reason only for a question about a meeting.
MEETING_PURPOSE = re.compile(r"\bto (discuss|work out|agree|settle|finali[sz]e|negotiate|hammer out)\b", re.IGNORECASE)
MEETING_CONCEPTS = frozenset({"TALKS", "ARRIVE", "DELEGATION", "DEPLOY"})


@lru_cache(maxsize=20_000)
def has_reason(sentence: str, meeting: bool = False) -> bool:
    return bool(REASON.search(sentence)) or (meeting and bool(MEETING_PURPOSE.search(sentence)))


# "the strategic M4 highway": what a sentence calls strategic is the word after, not everything in it.
STRATEGIC_WORD = re.compile(r"\b(?:strategic\w*|stratejik\w*|стратегическ\w*|vital|crucial)\s+(\S+(?:\s+\S+)?)",
                            re.IGNORECASE)


@lru_cache(maxsize=20_000)
def strategic_about(sentence: str, lang: str) -> frozenset[str]:
    """The terms of what `sentence` calls strategic ("M4 highway" in "the strategic M4 highway")."""
    out: set[str] = set()
    for m in STRATEGIC_WORD.finditer(sentence):
        out |= text_term_set(m.group(1), lang)
    return frozenset(out)


def calls_strategic(sentence: str, lang: str, topic: list[Group]) -> bool:
    """Whether `sentence` calls the topic asked about strategic ("why is the M4 so important")."""
    about = strategic_about(sentence, lang)
    return bool(about) and any(g.hits(about) for g in topic)


@lru_cache(maxsize=20_000)
def has_name(sentence: str) -> bool:
    return bool(NAME.search(sentence))


def short(text: str, limit: int = 420) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("; "))
    return cut[: end + 1] if end > 120 else cut.rstrip() + "…"


def best_source(item: Item, q: Query) -> SourceRef | None:
    """The citation whose quote or attribution shares most with the question (first on ties)."""
    if not item.sources:
        return None
    if len(item.sources) == 1:
        return item.sources[0]
    best, best_score = item.sources[0], 0.0
    for src in item.sources:
        terms = text_term_set(f"{src.quote} . {src.attribution}", "en")
        score = sum(g.idf for g in q.known_groups if g.hits(terms))
        if score > best_score + 0.3:
            best, best_score = src, score
    return best


def quote_and_source(source: SourceRef | None, lang: str, skip: str = "") -> list[Block]:
    if source is None:
        return []
    out: list[Block] = []
    qb = C.quote_block(source, lang)
    if qb is not None and (not skip or fold(source.quote.lower())[:60] not in fold(skip.lower())):
        out.append(qb)
    out.append(C.source_block(source, lang))
    return out


def best_sentence(store: FactStore, ctx: Ctx, cands: list[Candidate], exclude_title: bool = False,
                  chosen: Candidate | None = None) -> tuple[Candidate, str] | None:
    """The sentence (of the best of `cands`) that answers the question.

    Called again with `chosen` set once a statement is picked for "what did X say about Y", to pick
    within it the sentence about Y rather than the one naming X."""
    q = ctx.q
    kind = q.intent.kind
    groups = q.known_groups
    best: tuple[float, int, Candidate, str] | None = None
    top = cands[0].score if cands else 1.0
    quantity = quantity_kind(q) if kind == "how_many" else "any"
    q_concepts = q.concepts()
    entities = [g for g in groups if g.is_entity and g.weight > 0]
    # Per group, its terms' weights, computed once (not once per sentence).
    group_weights = [{term: store.index.idf(term) * w for term, w in g.terms} for g in groups]
    if kind == "where":
        # "which city hosted the Turkey–Russia talks": a party counts the same however it is written
        # ("Turkish–Russian talks in Ankara"); a sentence must not win on the spelling the question used.
        group_weights = [dict.fromkeys(gw, max(gw.values())) if g.is_entity and gw else gw
                         for g, gw in zip(groups, group_weights)]
    said = kind == "what" and "SAY" in q_concepts and any(g.concepts & SPEAKER_WORDS for g in groups)
    meeting = bool(q_concepts & MEETING_CONCEPTS)
    strategic = asks_significance(q)
    total = kind == "how_many" and bool(TOTAL_ASKED.search(q.folded))
    topic = [g for g in groups if not g.is_entity and not g.context]
    for rank, cand in enumerate(cands):
        if cand.score < {"why": 0.3, "how_many": 0.5}.get(kind, 0.7) * top:
            continue
        # "what did Akar say": his statements in their ranked order (the lead one before what he "also said")
        doc_weight = (cand.score / top) ** (0.25 if kind == "why" else 3.0 if said else 0.5)
        titles = store.title_terms.get(cand.doc, frozenset())
        weights_here = group_weights
        if said and chosen is cand:
            # "what did the defence minister say about the patrols": the citation names the speaker, so
            # the sentence to show is the one about the patrols, not the one naming the minister
            speaker = store.attribution_terms(cand.doc, cand.item)
            weights_here = [{t: w * 0.05 for t, w in gw.items()} if ((g.is_entity or g.concepts & SPEAKER_WORDS)
                            and g.hits(speaker)) or "SAY" in g.concepts else gw for g, gw in zip(groups, group_weights)]
        for order, (sentence, terms, origin) in enumerate(store.doc_sentences(cand, ctx.lang)):
            if exclude_title and origin == "title":
                continue
            score = 0.0
            for gw in weights_here:
                common = terms.intersection(gw)
                if common:
                    score += max(gw[t] for t in common)
            if kind == "how_many":
                if entities and not all(g.hits(terms) or g.hits(titles) for g in entities):
                    continue  # "how many Russian soldiers": a sentence about Turkish ones is no answer
                if quantity == "count":
                    counted = {c for c in COUNTED_ACTIONS if "#" + c in terms}
                    if counted and not counted & q_concepts:
                        continue  # "how many troops are in Idlib": 60 were *killed*, not deployed
                if not has_quantity(sentence, quantity):
                    continue  # a how-many question is answered by a number: a sentence without one is none
                score += 1.5
                if total and TOTAL_SAID.search(sentence):
                    score += 1.5  # "how wide in total": the sentence that adds it up ("12 km wide in all")
            if kind == "why" and (has_reason(sentence, meeting) or (strategic and calls_strategic(sentence, ctx.lang, topic))):
                score += 1.0  # ("why is the M4 strategic": the sentence calling it strategic says why)
            if kind == "who" and (has_name(sentence) or not terms.isdisjoint(PARTY_TERMS)):
                score += 0.5  # "who" is answered by a name, or by who took part ("officials and a delegation")
            if origin == "quote":
                score *= 0.9
            if origin == "title" and kind in ("what", "who", "status"):
                score *= 1.1
            score *= doc_weight
            key = (score, -(rank * 100 + order))
            if best is None or key > (best[0], best[1]):
                best = (score, -(rank * 100 + order), cand, sentence)
    if best is None:
        return None
    picked = best[2]
    if said and chosen is None and getattr(picked.item, "kind", "") == "statement":
        again = best_sentence(store, ctx, [picked], exclude_title, chosen=picked)
        if again is not None:
            return again
    return picked, best[3]
