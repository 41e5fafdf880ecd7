"""The answering engine: question in, sourced answer (or an honest decline) out.

Steps: analyse the question (language, intent, term groups), search the inverted index, re-rank the
candidates for the intent (a date question wants the event whose *title* carries the action asked
about; a status question wants the newest step on the topic), check that the best fact really covers
the question (no invented numbers or dates), then compose the reply.
"""

from __future__ import annotations

import dataclasses
import gc
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Union

from bot.answering import compose as C
from functools import lru_cache

from bot.answering.analyze import compiled_lexicon, off_topic_lexicon, other_names_lexicon, text_term_set, token_terms
from bot.answering.intent import _HARD_PREDICTION, _SOFT_PREDICTION
from bot.answering.docs import doc_key, fields_of, index_terms
from bot.answering.fuzzy import Speller
from bot.answering.index import Hit, InvertedIndex
from bot.answering.lexicon import INTENT_PATTERNS, STOPWORDS
from bot.answering.normalize import fold, has_content, sentences, tokenize
from bot.answering.query import ACTION_CONCEPTS, PREDICATE_CONCEPTS, Group, Query, analyse
from bot.answering.types import Answer, Block
from bot.i18n import days_phrase, t
from bot.snapshot import EventView, NegotiationView, PointView, SourceRef, StatusStepView, TimelineSnapshot, When

Item = Union[EventView, PointView]
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
# Questions whose answer is a date or a number: the action asked about ("close", "resume", "killed")
# must be what the fact states, or the date/number would answer a different question.
_ACTION_STRICT = frozenset({"when", "how_long", "how_many", "next"})

_NUMBER_WORDS = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)?|\b(million|millions|thousand|thousands|hundred|hundreds|dozen|dozens|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|milyon|milyonlarca|bin|binlerce|yüz|iki|üç|dört|"
    r"beş|altı|yedi|sekiz|dokuz|altmış|миллион\w*|тысяч\w*|сот\w+|десятк\w*|дюжин\w*|два|две|три|четыре|пять|"
    r"шесть|семь|восемь|девять|десять|шестьдесят|тр[её]х\w*|двух\w*|пят\w+|сем\w+|девят\w+)\b", re.IGNORECASE)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÇĞİÖŞÜА-ЯЁ][a-zçğıöşüа-яё]+\s+[A-ZÇĞİÖŞÜА-ЯЁ][a-zçğıöşüа-яё]{2,}")
_REASON = re.compile(
    r"\b(to halt|to stop|in order to|so that|because|due to|after|aimed|to end|to prevent|için|amacıyla|nedeniyle|"
    r"yüzünden|dolayı|чтобы|из-за|поскольку|так как|с целью|ради)\b", re.IGNORECASE)
# Concepts that name the status a step records, for "when was X agreed / did X take effect".
_STEP_FOR_CONCEPT = {
    "AGREE": ("agreed", "largely_agreed"), "START": ("in_effect",), "HOLD": ("in_effect",),
    "SUSPEND": ("suspended",), "END": ("ended",), "STOP": ("ended", "suspended"), "VIOLATION": ("violated",),
}


@dataclass
class Candidate:
    doc: int
    item: Item
    score: float
    mask: int
    coverage: float
    matched: float


@dataclass
class _Step:
    """A dated statement about a topic: an event, or one step of a point's status history."""

    when: When
    status: str
    item: Item
    score: float
    step: StatusStepView | None = None
    text: str = ""


@dataclass
class _State:
    events: dict[int, EventView] = field(default_factory=dict)
    points: dict[int, PointView] = field(default_factory=dict)
    negotiations: dict[int, NegotiationView] = field(default_factory=dict)
    by_negotiation: dict[int, set[int]] = field(default_factory=dict)
    title_terms: dict[int, frozenset[str]] = field(default_factory=dict)
    # Terms of the head of the English title ("Turkish–Russian talks" of "... talks in Ankara on the
    # details of the Idlib ceasefire"): what a ranged event's start and end are the start and end of.
    head_terms: dict[int, frozenset[str]] = field(default_factory=dict)


class Answerer:
    """Answers plain-language questions about the timeline in English, Turkish and Russian.

    Build once from a snapshot; after an admin edit call `upsert_event` / `remove_event` /
    `upsert_point` / `remove_point` (or `refresh(snapshot)`, which re-indexes only what changed).
    """

    def __init__(self, snapshot: TimelineSnapshot, *, freeze_gc: bool = False) -> None:
        self._index = InvertedIndex()
        self._speller = Speller()
        self._s = _State()
        self._sorted: dict[object, tuple[list[float], list[EventView]]] = {}
        self._sentences: dict[tuple[int, str], list[tuple[str, frozenset[str], str]]] = {}
        self._clauses: dict[int, dict[str, int]] = {}
        self._topic_cache: dict[tuple[str, int | None], list[str]] = {}
        self._attrib: dict[int, frozenset[str]] = {}
        self._positions: dict[int, tuple[tuple[frozenset[str], ...], ...]] = {}
        for word in _known_vocabulary():
            self._speller.add(word, 3)
        for word in off_topic_lexicon().words | other_names_lexicon().words:
            self._speller.protect(word)
        for words in STOPWORDS.values():
            for w in words:
                self._speller.add(fold(w), 5)
        for cue in ("when", "where", "what", "which", "who", "why", "how", "start", "status", "latest", "next",
                    "holding", "still", "going", "agreed", "happened", "corridor", "patrols", "ceasefire"):
            self._speller.add(cue, 5)
        self.refresh(snapshot)
        if freeze_gc:
            freeze_long_lived_objects()

    # ------------------------------------------------------------------ indexing
    def refresh(self, snapshot: TimelineSnapshot) -> None:
        """Bring the index in line with `snapshot`, re-indexing only items that changed."""
        s = self._s
        s.negotiations = {n.id: n for n in snapshot.negotiations}
        new_events = {e.id: e for e in snapshot.events}
        new_points = {p.id: p for p in snapshot.points}
        for eid in [i for i in s.events if i not in new_events]:
            self.remove_event(eid)
        for pid in [i for i in s.points if i not in new_points]:
            self.remove_point(pid)
        for eid, event in new_events.items():
            old = s.events.get(eid)
            if old is None or not _same(old, event):
                self.upsert_event(event)
        for pid, point in new_points.items():
            old = s.points.get(pid)
            if old is None or not _same(old, point):
                self.upsert_point(point)

    def upsert_event(self, event: EventView) -> None:
        self._put("event", event)
        self._s.events[event.id] = event
        self._sorted.clear()
        self._topic_cache.clear()

    def remove_event(self, event_id: int) -> None:
        event = self._s.events.pop(event_id, None)
        self._drop(doc_key("event", event_id), event.negotiation_id if event else None)
        self._sorted.clear()
        self._topic_cache.clear()

    def upsert_point(self, point: PointView) -> None:
        self._put("point", point)
        self._s.points[point.id] = point
        self._topic_cache.clear()

    def remove_point(self, point_id: int) -> None:
        point = self._s.points.pop(point_id, None)
        self._drop(doc_key("point", point_id), point.negotiation_id if point else None)
        self._topic_cache.clear()

    def _put(self, kind: str, item: Item) -> None:
        key = doc_key(kind, item.id)  # type: ignore[arg-type]
        old = self._s.events.get(item.id) if kind == "event" else self._s.points.get(item.id)
        if old is not None and old.negotiation_id != item.negotiation_id:
            self._s.by_negotiation.get(old.negotiation_id, set()).discard(key)
        indexed = index_terms(item)
        self._index.put(key, indexed.terms)
        for word, language in indexed.surface:
            self._speller.add(word, 1, language)
        self._s.by_negotiation.setdefault(item.negotiation_id, set()).add(key)
        titles: set[str] = set()
        for f in fields_of(item):
            if f.name == "title":
                titles |= text_term_set(f.text, f.language)
        self._s.title_terms[key] = frozenset(titles)
        self._s.head_terms[key] = text_term_set(_title_head(item.title), "en")
        for lang in ("en", "tr", "ru"):
            self._sentences.pop((key, lang), None)
        self._clauses.pop(key, None)
        self._attrib.pop(key, None)
        self._attrib.pop(-1 - key, None)
        self._positions.pop(key, None)

    def _drop(self, key: int, negotiation_id: int | None) -> None:
        self._index.remove(key)
        self._s.title_terms.pop(key, None)
        self._s.head_terms.pop(key, None)
        if negotiation_id is not None:
            self._s.by_negotiation.get(negotiation_id, set()).discard(key)
        for lang in ("en", "tr", "ru"):
            self._sentences.pop((key, lang), None)
        self._clauses.pop(key, None)
        self._attrib.pop(key, None)
        self._attrib.pop(-1 - key, None)
        self._positions.pop(key, None)

    def _item(self, key: int) -> Item | None:
        return self._s.points.get(key // 2) if key % 2 else self._s.events.get(key // 2)

    # ------------------------------------------------------------------ answering
    def answer(
        self,
        question: str,
        *,
        now: datetime,
        language: str | None = None,
        reader_zone: str = "UTC",
        negotiation_id: int | None = None,
    ) -> Answer:
        """Answer `question` as of `now` (aware UTC) for a reader in `reader_zone`."""
        if now.tzinfo is None:
            now = now.replace(tzinfo=timezone.utc)
        question = _URL.sub(" ", question)
        if not has_content(question):
            lang = language if language in ("en", "tr", "ru") else "en"
            return self._decline(lang, "empty", "decline_empty", negotiation_id)
        q = analyse(question, index=self._index, speller=self._speller, fallback_language=language)
        ctx = _Ctx(q=q, now=now, zone=reader_zone, negotiation_id=negotiation_id, lang=q.language)
        if q.about_bot:
            return self._decline(ctx.lang, "about_bot", "decline_about_bot", negotiation_id)
        if q.off_topic:
            subject = t("subject_" + q.off_topic[0], ctx.lang)
            return self._decline(ctx.lang, q.intent.kind, "decline_off_topic", negotiation_id, subject=subject)
        if q.intent.prediction == "hard":
            return self._decline(ctx.lang, "prediction", "decline_prediction", negotiation_id)
        if q.other_names:
            # "the ceasefire in Gaza", "what did Lavrov say": a place or person the timeline never mentions.
            return self._decline(ctx.lang, q.intent.kind, "decline_unrecorded", negotiation_id)
        if any(_YEAR.fullmatch(tok.fold) and f"@y{tok.fold}" not in self._index for tok in q.tokens) \
                and not _NOW_YEAR.search(q.folded):
            # "who will control Idlib in 2021?": a year the timeline holds nothing about
            return self._decline(ctx.lang, q.intent.kind, "decline_unrecorded", negotiation_id)
        if self._unknown_designation(question):
            # "why did Turkey shoot down the Su-24": a model the timeline never mentions
            return self._decline(ctx.lang, q.intent.kind, "decline_unrecorded", negotiation_id)
        if _STILL.search(q.folded) and q.concepts() & _ROLE_CONCEPTS and not q.concepts() & _SUBJECTS \
                and not q.concepts() & {"CEASEFIRE", "HOLD"}:
            # "is Akar still minister?": the timeline records who held a role then, not now
            return self._decline(ctx.lang, q.intent.kind, "decline_unrecorded", negotiation_id)
        groups = q.known_groups
        allowed = self._s.by_negotiation.get(negotiation_id, set()) if negotiation_id is not None else None
        between = _BETWEEN.get(ctx.lang, _BETWEEN["en"]).search(q.folded) if _DAYS_ASKED.search(q.folded) else None
        if between is not None:
            spanned = self._days_between(ctx, between.group("a"), between.group("b"), language, allowed)
            if spanned is not None:
                return spanned
        day_term = self._date_only(q)
        if day_term is not None and q.intent.kind in ("what", "status", "latest", "when"):
            on_day = self._on_day(ctx, day_term, allowed)
            if on_day is not None:
                return on_day
        hits = self._index.search([g.terms for g in groups], limit=16, allowed=allowed) if groups else []
        cands = self._rerank(ctx, groups, hits)
        kind = q.intent.kind
        if kind in ("next", "latest") and not self._topical_query(q, cands):
            return self._next_or_latest(ctx, kind)
        if not cands:
            if kind in ("when", "what", "latest", "status") and not q.unknown and not groups and q.intent.cues:
                return self._overview(ctx)
            return self._decline(ctx.lang, kind, "decline_no_match", negotiation_id)
        if _FIRST.search(q.folded):
            pair = _OR.search(_FIRST.sub(" ", q.folded))
            if pair is not None:
                a = self._top_event(ctx, pair.group("a"), language, allowed)
                b = self._top_event(ctx, pair.group("b"), language, allowed)
                if a is not None and b is not None and a.id != b.id:
                    keep = {doc_key("event", a.id), doc_key("event", b.id)}
                    cands = [c for c in cands if c.doc in keep] or cands
            first = self._first_of(ctx, cands)
            if first is not None:
                return first
        if _LASTED.search(q.folded):
            lasted = self._lasted(ctx, cands)
            if lasted is None and any(g.concepts & {"REMAIN"} for g in groups):
                # "how long did the delegation stay": how long the stay (the ranged event) lasted
                rest = [g for g in groups if not g.concepts & {"REMAIN"}]
                hits2 = self._index.search([g.terms for g in rest], limit=16, allowed=allowed) if rest else []
                lasted = self._lasted(ctx, self._rerank(ctx, rest, hits2))
            if lasted is not None:
                return lasted
        problem = self._doubt(q, cands[0])
        if problem is None and self._focus_unsupported(q, cands[0]):
            problem = "unrecorded"
        if problem == "generic" and kind in ("what", "when", "status", "latest") and not q.unknown and q.intent.cues:
            return self._overview(ctx)
        if problem is not None:
            key = "decline_unrecorded" if problem == "unrecorded" else "decline_no_match"
            return self._decline(ctx.lang, kind, key, negotiation_id, closest=cands[:2] if problem == "unrecorded" else (),
                                 ctx=ctx)
        if q.intent.prediction == "soft" and not self._scheduled_fact(ctx, cands[0]):
            return self._decline(ctx.lang, "prediction", "decline_prediction", negotiation_id, closest=cands[:1], ctx=ctx)
        if q.date_group is not None and kind in ("status", "why"):
            corrected = self._premise(ctx, cands)
            if corrected is not None:
                return corrected
        if kind == "next":
            return self._next_on_topic(ctx, cands)
        if kind == "status" and q.intent.yes_no:
            step_answer = self._yes_no_step(ctx, cands)
            if step_answer is not None:
                return step_answer
        if kind in ("status", "latest"):
            return self._status(ctx, cands)
        if kind in ("when", "how_long"):
            return self._when(ctx, cands)
        return self._describe(ctx, cands)

    # ------------------------------------------------------------------ ranking and doubt
    def _rerank(self, ctx: "_Ctx", groups: list[Group], hits: list[Hit]) -> list[Candidate]:
        q = ctx.q
        weights = self._weights(q, groups)
        total = sum(weights) or 1.0
        concepts = q.concepts()
        actions = {"#" + c for g in groups if g.is_action and not g.context for c in g.concepts & ACTION_CONCEPTS}
        kind = q.intent.kind
        out: list[Candidate] = []
        action_idx = [i for i, g in enumerate(groups) if g.is_action and not g.context]
        others = [g for g in groups if not g.is_action and g.weight > 0]
        for hit in hits:
            item = self._item(hit.doc)
            if item is None:
                continue
            mask, raw = hit.mask, hit.score
            if others:
                # "has the ceasefire collapsed": a fact saying the *talks* ended matches "collapse" in a
                # sentence that does not speak of the ceasefire; such an action word counts for nothing.
                for i in action_idx:
                    if mask >> i & 1 and not self._action_supported(hit.doc, item, groups[i], others):
                        mask &= ~(1 << i)
                        raw -= hit.group_scores[i]
            matched = sum(w for i, w in enumerate(weights) if mask >> i & 1)
            coverage = matched / total
            score = raw * (0.4 + 0.6 * coverage)
            titles = self._s.title_terms.get(hit.doc, frozenset())
            if actions:
                in_title = sum(1 for a in actions if a in titles or (a in ("#START", "#END") and _is_range(item)
                                                                     and self._head_has_topic(hit.doc, others)))
                score *= 1.0 + 0.35 * in_title
            # How many of the question's words the title itself carries: the title says what a fact is about.
            title_cover = sum(w for g, w in zip(groups, weights) if g.hits(titles))
            score *= 1.0 + 0.5 * title_cover / total
            if kind == "who":
                said_by = self._attribution_terms(hit.doc, item)
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
                elif ("AGREE" in concepts and kind in ("when", "who") and item.kind == "statement"
                      and "SAY" not in concepts and not concepts & _SPEAKERS):
                    score *= 0.8  # "when/who agreed the truce": the agreement, not a later word on it
                if item.kind == "deadline" and kind in ("when", "how_long") and not _asks_deadline(q):
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
                elif "SAY" in concepts and concepts & _SPEAKERS and item.kind == "statement":
                    score *= 1.15  # "what did the minister say": a statement, not a fact citing him
            elif kind in ("when", "how_long"):
                score *= 0.8
            elif kind in ("status",):
                score *= 1.1
            if actions and kind in _ACTION_STRICT and not self._supports_actions(hit.doc, item, groups, mask):
                score *= 0.3
            out.append(Candidate(hit.doc, item, score, mask, coverage, matched))
        if kind == "why":
            # A "why" is answered by a fact that gives a reason for the topic in one sentence
            # ("the ceasefire ... was agreed to halt this escalation").
            topic = [g for g in groups if not g.is_entity and not g.context]
            for c in out:
                for sentence, terms, _origin in self._doc_sentences(c, q.language):
                    if _has_reason(sentence) and any(g.hits(terms) for g in topic):
                        c.score *= 1.5
                        break
        out.sort(key=lambda c: (-c.score, c.doc))
        return out

    def _weights(self, q: Query, groups: list[Group]) -> list[float]:
        """How much each group counts for coverage: context clauses count nothing, and for a status
        question the predicate ("holding", "collapsed") does not either."""
        kind = q.intent.kind
        status = kind in ("status", "latest")
        # "where does the route END", "who will PATROL": the place or person is asked, the action is context
        descriptive = kind in ("where", "who") and any(not g.is_action for g in groups)
        out = []
        for g in groups:
            if status and g.concepts & PREDICATE_CONCEPTS and not g.is_entity:
                out.append(0.0)
            elif descriptive and g.is_action:
                out.append(g.weight * 0.3)  # "where does the route END": the route is what is asked about
            else:
                out.append(g.weight)
        return out

    def _doubt(self, q: Query, best: Candidate) -> str | None:
        """Why the best fact might not answer the question: None, "no_match", "unrecorded", "generic"."""
        groups = q.known_groups
        weights = self._weights(q, groups)
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
        topic = [g for g, w in zip(groups, weights) if w > 0 and not g.is_action]
        ranged = _is_range(best.item) and self._head_has_topic(best.doc, topic)
        strict = q.intent.kind in _ACTION_STRICT
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
            if not self._supports_actions(best.doc, best.item, groups, best.mask):
                return "unrecorded"
        if "SAY" in q.concepts() and not self._said_by_named(q, best):
            return "unrecorded"
        if q.intent.kind == "who" and not self._role_of_named(q, best):
            return "unrecorded"
        if (q.intent.kind == "who" or _NAME_ASKED.search(q.folded)) and q.unknown_actions:
            # "who led the delegation", "name of the Russian general": nothing stored says who
            return "unrecorded"
        if max((w for w, m in zip(weights, matched) if m), default=0.0) < 0.45:
            return "generic"
        return None

    def _focus_unsupported(self, q: Query, best: Candidate) -> bool:
        """Whether the word the question asks about is missing from the best fact.

        "What colour are the patrol vehicles", "who will guard the corridor", "koridorun maliyeti ne
        kadar": the topic is recorded, the attribute asked (colour, guarding, cost) is not — any answer
        would be about something else. A focus word nothing stores, or one the best fact does not
        contain, means the fact is not the answer; a broad word ("civilians" ~ people) must be said
        as such, since "60 troops" or "millions of people" count someone else.
        """
        if not q.focus or q.intent.kind not in _FOCUS_KINDS:
            return False
        groups = q.known_groups
        for word in q.focus:
            if word in q.unknown and len(word) >= 3 and not word[0].isdigit():
                return True
            for i, g in enumerate(groups):
                if g.word != word or g.context or g.word.startswith("date:"):
                    continue
                if not best.mask >> i & 1:
                    return True
                if g.concepts and g.concepts <= _BROAD_CONCEPTS and not _GENERIC_PEOPLE.match(word) \
                        and not g.hits(self._literal_terms(best)):
                    return True
        return False

    def _literal_terms(self, cand: Candidate) -> frozenset[str]:
        """The words (not concepts) of a fact, in every language it is stored in; cached."""
        key = -1 - cand.doc
        cached = self._attrib.get(key)
        if cached is None:
            words: set[str] = set()
            for f in fields_of(cand.item):
                words |= {t for t in text_term_set(f.text, f.language) if not t.startswith("#")}
            cached = self._attrib[key] = frozenset(words)
        return cached

    def _said_by_named(self, q: Query, cand: Candidate) -> bool:
        """"What did X say": X must be who is quoted (attribution) or the subject of a statement."""
        named = [g for g in q.known_groups if g.is_entity and not g.context]
        if not named:
            return True
        said_by = self._attribution_terms(cand.doc, cand.item)
        titles = self._s.title_terms.get(cand.doc, frozenset())
        statement = isinstance(cand.item, EventView) and cand.item.kind == "statement"
        for g in named:
            if g.hits(said_by) or (statement and g.hits(titles)):
                return True
        return False

    def _unknown_designation(self, question: str) -> bool:
        for m in _DESIGNATION.finditer(question):
            letters, digits = m.group(1), m.group(2)
            if not (m.group(0) != letters + digits or len(letters) <= 3):
                continue
            if letters.lower() in _MONTH_ABBREVIATIONS:
                continue
            word = fold(letters.lower()) + digits
            if word in self._index or fold(letters.lower().translate(_LOOKALIKE)) + digits in self._index:
                continue
            return True
        return False

    def _role_of_named(self, q: Query, cand: Candidate) -> bool:
        """"Who is the Russian defence minister": the stored text must name a minister of *that* country
        (a country word within a few words of the role), not a Turkish one next to Russian officials."""
        groups = [g for g in q.known_groups if not g.context]
        roles = [g for g in groups if g.concepts & _ROLE_CONCEPTS]
        countries = [g for g in groups if g.concepts & _COUNTRY_CONCEPTS and not g.concepts & _ROLE_CONCEPTS]
        if not roles or not countries:
            return True
        positions = self._token_terms(cand.doc, cand.item)
        for field_terms in positions:
            role_at = [i for i, terms in enumerate(field_terms) if any(r.hits(terms) for r in roles)]
            if not role_at:
                continue
            for i, terms in enumerate(field_terms):
                if any(c.hits(terms) for c in countries) and any(abs(i - j) <= 3 for j in role_at):
                    return True
        return False

    def _token_terms(self, doc: int, item: Item) -> tuple[tuple[frozenset[str], ...], ...]:
        """Per field, the terms of each token in order (for "near each other" checks); cached."""
        cached = self._positions.get(doc)
        if cached is None:
            out = []
            for f in fields_of(item):
                if f.name not in ("title", "details", "attribution", "alias"):
                    continue
                toks = tokenize(f.text, f.language)
                out.append(tuple(frozenset(tt.words) | frozenset("#" + c for c in tt.concepts)
                                 for tt in (token_terms(t, f.language, query=False) for t in toks)))
            cached = self._positions[doc] = tuple(out)
        return cached

    def _attribution_terms(self, doc: int, item: Item) -> frozenset[str]:
        cached = self._attrib.get(doc)
        if cached is None:
            cached = text_term_set(" . ".join(s.attribution for s in item.sources if s.attribution), "en")
            self._attrib[doc] = cached
        return cached

    def _supports_actions(self, doc: int, item: Item, groups: list[Group], mask: int) -> bool:
        """Each action asked about ("close", "start") is said in one sentence with the topic asked about.

        "The two countries came close to confrontation" mentions "close", but not the corridor: it
        does not say when the corridor closes.
        """
        others = [g for g in groups if not g.is_action and g.weight > 0]
        for g in groups:
            if g.is_action and not g.context and not self._action_supported(doc, item, g, others):
                return False
        return True

    def _action_supported(self, doc: int, item: Item, g: Group, others: list[Group]) -> bool:
        """Whether the action of group `g` is said in one sentence with one of the other words asked."""
        if _is_range(item) and g.concepts & {"START", "END"} and self._head_has_topic(doc, others):
            return True  # a ranged event starts and ends by itself ("when did the talks end")
        if isinstance(item, EventView) and item.kind == "deadline" and g.concepts & {"END"}:
            return True  # a deadline is when a time limit expires
        where = self._clauses.get(doc)
        if where is None:
            # term → bit set of the sentences (of any field, any language) it occurs in
            where = {}
            n = 0
            for f in fields_of(item):
                for sentence in sentences(f.text) or [f.text]:
                    bit = 1 << n
                    n += 1
                    for term in text_term_set(sentence, f.language):
                        where[term] = where.get(term, 0) | bit
            self._clauses[doc] = where

        def clauses_of(grp: Group) -> int:
            mask = 0
            for term, _ in grp.terms:
                mask |= where.get(term, 0)
            return mask

        other_mask = 0
        for o in others:
            other_mask |= clauses_of(o)
        mask = clauses_of(g)
        return bool(mask & other_mask if others else mask)

    def _head_has_topic(self, doc: int, groups: list[Group]) -> bool:
        """The topic words asked (entities aside) are in the head of the title, not in a modifier."""
        head = self._s.head_terms.get(doc, frozenset())
        topic = [g for g in groups if not g.is_entity]
        return bool(topic) and all(g.hits(head) for g in topic)

    def _title_has_topic(self, doc: int, groups: list[Group]) -> bool:
        titles = self._s.title_terms.get(doc, frozenset())
        return bool(groups) and all(g.hits(titles) for g in groups if not g.is_entity)

    def _topical_query(self, q: Query, cands: list[Candidate]) -> bool:
        return bool(cands) and any(g.idf >= 0.45 for g in q.known_groups) and cands[0].coverage >= 0.5

    def _scheduled_fact(self, ctx: "_Ctx", cand: Candidate) -> bool:
        """A yes/no question about the future is answerable if the schedule holds it."""
        item = cand.item
        if not isinstance(item, EventView) or cand.coverage < 0.75:
            return False
        starts = item.when.starts_at
        return item.status in ("scheduled", "postponed", "cancelled") or (starts is not None and starts > ctx.now)

    # ------------------------------------------------------------------ answers by intent
    def _step_text(self, point: PointView, step: StatusStepView, lang: str) -> str:
        """"Ceasefire ...: Akar: the attacks have stopped, the ceasefire is holding" in the reader's
        language when possible (a step's note is English; its linked event may be translated)."""
        linked = self._s.events.get(step.event_id) if step.event_id else None
        if lang == "en" and step.note:
            said = step.note
        elif linked is not None:
            said = linked.title_in(lang)
        else:
            said = step.note
        return f"{point.title_in(lang)} — {said}" if said else point.title_in(lang)

    def _when(self, ctx: "_Ctx", cands: list[Candidate]) -> Answer:
        q, lang = ctx.q, ctx.lang
        best = cands[0]
        item = best.item
        when: When | None
        status: str
        title = item.title_in(lang)
        event_id: int | None = None
        source = self._best_source(item, q)
        if isinstance(item, PointView):
            step = self._step_for(item, q, ctx.now)
            when, status = (step.when, step.status) if step else (item.status_since, item.status)
            linked = self._s.events.get(step.event_id) if step and step.event_id else None
            event_id = linked.id if linked and linked.when.starts_at else None
        else:
            when, status = item.when, item.status
            event_id = item.id if item.when.starts_at else None
            if item.when.ends_at is not None and "END" in q.concepts() and "START" not in q.concepts():
                when = When(item.when.ends_at, "day", item.when.timezone)
        parts = C.date_parts(when, status, ctx.now, lang, ctx.zone)
        if q.intent.kind == "how_long" and when is not None and when.starts_at is not None:
            key = "how_long_future" if when.starts_at > ctx.now else "how_long_past"
            headline = C.fill(key, lang, title=title, **parts)
        else:
            headline = C.fill("when_headline", lang, title=title, **parts)
        blocks = [Block("headline", headline)]
        detail = item.details_in(lang)
        if detail:
            blocks.append(Block("detail", _short(detail)))
        blocks += self._quote_and_source(source, lang)
        matches = [C.match_of(item, best.score, lang, when=when, status=status, source=source)]
        matches += [C.match_of(c.item, c.score, lang) for c in cands[1:3]]
        return Answer(True, lang, q.intent.kind, tuple(blocks), tuple(matches), event_id)

    def _status(self, ctx: "_Ctx", cands: list[Candidate]) -> Answer:
        """The newest dated statement on the topic, then older ones as history."""
        q, lang, now = ctx.q, ctx.lang, ctx.now
        top = cands[0].score
        weights = self._weights(q, q.known_groups)
        topic = [g for g, w in zip(q.known_groups, weights) if w > 0 and not g.is_entity]
        # On topic: scores close to the best, or a title that names the topic (an admin's new event
        # written in English only is still about "devriyeler" when its title says "patrols").
        topical = [c for c in cands if c.coverage >= 0.5 and self._doubt(q, c) is None
                   and (c.score >= 0.45 * top or (c.score >= 0.15 * top and self._title_has_topic(c.doc, topic)))]
        steps: list[_Step] = []
        for c in topical:
            item = c.item
            if isinstance(item, EventView):
                if item.when.starts_at is not None:
                    steps.append(_Step(item.when, item.status, item, c.score, text=item.title_in(lang)))
            else:
                for st in item.history:
                    if st.when.starts_at is not None:
                        steps.append(_Step(st.when, st.status, item, c.score * 0.98, step=st,
                                           text=self._step_text(item, st, lang)))
        if not steps:
            return self._describe(ctx, cands)
        past = [s for s in steps if s.when.starts_at <= now]  # type: ignore[operator]
        future = [s for s in steps if s.when.starts_at > now]  # type: ignore[operator]

        def day(s: _Step) -> str:
            if s.when.ends_at is not None and s.when.ends_at <= now:
                return C.iso_date(When(s.when.ends_at, "day", s.when.timezone)) or ""
            return C.iso_date(s.when) or ""

        def names_topic(s: _Step) -> bool:
            doc = doc_key("point" if isinstance(s.item, PointView) else "event", s.item.id)
            return self._title_has_topic(doc, topic)

        if past:
            newest_day = max(day(s) for s in past)
            # Same day: a fact whose title names the topic beats one that mentions it in passing.
            newest = max((s for s in past if day(s) == newest_day), key=lambda s: (names_topic(s), s.score))
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
            linked = self._s.events.get(newest.step.event_id) if newest.step.event_id else None
            if linked is not None and linked.details_in(lang):
                blocks.append(Block("detail", _short(linked.details_in(lang))))
        elif item.details_in(lang):
            blocks.append(Block("detail", _short(item.details_in(lang))))
        # History: what was said earlier on the same topic — the point's own earlier steps first, then
        # events whose title names the topic; never the update the headline already reports.
        represented = {id(newest.item)}
        if newest.step is not None and newest.step.event_id:
            linked_event = self._s.events.get(newest.step.event_id)
            if linked_event is not None:
                represented.add(id(linked_event))
        seen = {(day(newest), newest.text)}
        newest_day = day(newest)

        def relevance(s: _Step) -> int:
            if s.item is newest.item:
                return 0
            doc = doc_key("point" if isinstance(s.item, PointView) else "event", s.item.id)
            return 1 if self._title_has_topic(doc, topic) else 2

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
        source = self._best_source(item, q)
        if newest.step is not None and newest.step.event_id:
            # The update that set this status is an event of its own: cite where that update came from.
            linked = self._s.events.get(newest.step.event_id)
            if linked is not None and linked.sources:
                source = self._best_source(linked, q)
        blocks += self._quote_and_source(source, lang)
        event_id = item.id if isinstance(item, EventView) else (newest.step.event_id if newest.step else None)
        matches = [C.match_of(item, newest.score, lang, when=newest.when, status=newest.status, source=source)]
        for c in topical:
            if c.item is not item and len(matches) < 3:
                matches.append(C.match_of(c.item, c.score, lang))
        return Answer(True, lang, q.intent.kind, tuple(blocks), tuple(matches), event_id)

    def _describe(self, ctx: "_Ctx", cands: list[Candidate]) -> Answer:
        """what / who / why / where / how many: the sentence of the stored text that answers it."""
        q, lang = ctx.q, ctx.lang
        kind = q.intent.kind
        best = cands[0]
        if kind == "what" and "AGREE" in q.concepts() and isinstance(best.item, EventView) and best.item.kind == "agreement":
            return self._agreement(ctx, best, cands)
        pool = [best] + [c for c in cands[1: 8 if kind == "why" else 3] if self._doubt(q, c) is None]
        pick = self._best_sentence(ctx, pool)
        if kind == "how_many":
            if pick is None or not _has_quantity(pick[1], _quantity_kind(q)):
                return self._decline(lang, kind, "decline_unrecorded", ctx.negotiation_id, closest=cands[:1], ctx=ctx)
            cand, sentence = pick
            terms = text_term_set(sentence, lang) | self._s.title_terms.get(cand.doc, frozenset())
            groups = q.known_groups
            # A size word ("büyük", "boyutta") says what is asked, not what about.
            groups = [g for g in groups if g.hits(terms) or not (_SIZE_ASKED.fullmatch(g.word) or "WIDTH" in g.concepts)]
            total = sum(g.weight for g in groups) + 0.6 * len(q.unknown)
            covered = sum(g.weight for g in groups if g.hits(terms))
            for g in groups:
                if g.is_entity and g.weight > 0 and not g.hits(terms):
                    return self._decline(lang, kind, "decline_unrecorded", ctx.negotiation_id)
                if g.weight > 0 and g.concepts & _SUBJECTS and not g.is_action and not g.hits(terms):
                    # "how many civilians died during the ceasefire": a war-wide toll is not that number
                    return self._decline(lang, kind, "decline_unrecorded", ctx.negotiation_id)
            if total and covered / total < 0.55:
                return self._decline(lang, kind, "decline_unrecorded", ctx.negotiation_id)
        cand, sentence = pick if pick else (best, best.item.title_in(lang))
        item = cand.item
        when = item.when if isinstance(item, EventView) else item.status_since
        status = item.status
        parts = C.date_parts(when, status, ctx.now, lang, ctx.zone)
        title = item.title_in(lang)
        blocks: list[Block] = []
        if kind == "where" and isinstance(item, EventView) and item.place:
            blocks.append(Block("headline", C.fill("where_headline", lang, title=title, place=item.place,
                                                   date=parts["date"])))
            if sentence == title:
                extra = self._best_sentence(ctx, [cand], exclude_title=True)
                sentence = extra[1] if extra else sentence
            if sentence != title:
                blocks.append(Block("detail", sentence))
        elif sentence == title:
            blocks.append(Block("headline", C.fill("when_headline", lang, title=title, **parts)))
            if item.details_in(lang):
                blocks.append(Block("detail", _short(item.details_in(lang))))
        else:
            blocks.append(Block("headline", sentence))
            blocks.append(Block("detail", C.fill("dated_line", lang, title=title, **parts)))
        source = self._best_source(item, q)
        blocks += self._quote_and_source(source, lang, skip=sentence)
        event_id = item.id if isinstance(item, EventView) and item.when.starts_at else None
        matches = [C.match_of(item, cand.score, lang, source=source)]
        matches += [C.match_of(c.item, c.score, lang) for c in cands[:3] if c.item is not item][:2]
        return Answer(True, lang, kind, tuple(blocks), tuple(matches), event_id)

    def _agreement(self, ctx: "_Ctx", best: Candidate, cands: list[Candidate]) -> Answer:
        """"What was agreed?": the agreement, then each provision linked to it with its status."""
        lang, item = ctx.lang, best.item
        assert isinstance(item, EventView)
        parts = C.date_parts(item.when, item.status, ctx.now, lang, ctx.zone)
        blocks = [Block("headline", C.fill("when_headline", lang, title=item.title_in(lang), **parts))]
        if item.details_in(lang):
            blocks.append(Block("detail", item.details_in(lang)))
        points = [p for p in self._s.points.values() if p.negotiation_id == item.negotiation_id
                  and any(st.event_id == item.id for st in p.history)]
        if points:
            lines = [t("agreed_intro", lang)]
            for p in sorted(points, key=lambda p: p.id):
                since = p.status_since
                lines.append(C.fill("point_line", lang, title=p.title_in(lang),
                                    status=C.status_label(p.status, lang),
                                    date=C.format_when(since, lang, ctx.zone) if since else ""))
            blocks.append(Block("detail", "\n".join(lines)))
        source = self._best_source(item, ctx.q)
        blocks += self._quote_and_source(source, lang)
        matches = [C.match_of(item, best.score, lang, source=source)]
        matches += [C.match_of(p, best.score * 0.9, lang) for p in points[:3]]
        return Answer(True, lang, "what", tuple(blocks), tuple(matches), item.id)

    def _next_on_topic(self, ctx: "_Ctx", cands: list[Candidate]) -> Answer:
        """"When is the next patrol?": the earliest future event on the topic, else its status."""
        top = cands[0].score
        future = [c for c in cands if c.score >= 0.4 * top and isinstance(c.item, EventView)
                  and c.item.when.starts_at is not None and c.item.when.starts_at > ctx.now]
        if not future:
            top_item = cands[0].item
            if isinstance(top_item, EventView) and top_item.kind in ("talks", "session"):
                # "when is the next round of talks": no later round is on record
                return self._decline(ctx.lang, "next", "decline_unrecorded", ctx.negotiation_id)
            return self._status(ctx, cands)
        best = min(future, key=lambda c: (c.item.when.starts_at, -c.score))  # type: ignore[union-attr]
        return self._when(ctx, [best] + [c for c in cands if c is not best])

    def _next_or_latest(self, ctx: "_Ctx", kind: str) -> Answer:
        lang, now = ctx.lang, ctx.now
        starts, events = self._events_sorted(ctx.negotiation_id)
        if not events:
            return self._decline(lang, kind, "decline_no_match", ctx.negotiation_id)
        cut = bisect_right(starts, now.timestamp())
        future, past = events[cut:], events[:cut]
        blocks: list[Block] = []
        chosen: EventView
        if kind == "next":
            key_next, key_last = self._key_around(ctx.negotiation_id, now)
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
                chosen = max(same_day, key=lambda e: (e.is_key_date, e.updated_at or _EPOCH, e.id))
            else:
                chosen = future[0]
            parts = C.date_parts(chosen.when, chosen.status, now, lang, ctx.zone)
            blocks.append(Block("headline", C.fill("latest_headline", lang, title=chosen.title_in(lang), **parts)))
            if past and future:
                nxt = self._key_around(ctx.negotiation_id, now)[0] or future[0]
                blocks.append(Block("note", C.fill("upcoming_line", lang, title=nxt.title_in(lang),
                                                   **C.date_parts(nxt.when, nxt.status, now, lang, ctx.zone))))
        if chosen.details_in(lang):
            blocks.insert(1, Block("detail", _short(chosen.details_in(lang))))
        source = chosen.sources[0] if chosen.sources else None
        blocks += self._quote_and_source(source, lang)
        matches = (C.match_of(chosen, 1.0, lang, source=source),)
        return Answer(True, lang, kind, tuple(blocks), matches, chosen.id)

    def _overview(self, ctx: "_Ctx") -> Answer:
        """A question naming only the negotiation itself ("tell me about Idlib"): summary and key dates."""
        lang, now = ctx.lang, ctx.now
        key_starts, key_events = self._key_events_sorted(ctx.negotiation_id)
        if not key_events:
            return self._decline(lang, ctx.q.intent.kind, "decline_no_match", ctx.negotiation_id)
        negotiation = self._s.negotiations.get(key_events[0].negotiation_id)
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

    def _date_only(self, q: Query) -> str | None:
        """The day term ("@03-12") of a question that asks only what happened on a day."""
        if q.date_group is None:
            return None
        term = q.groups[q.date_group].terms[0][0]
        if not term.startswith("@") or term.startswith("@m") or term not in self._index:
            return None
        for i, g in enumerate(q.groups):
            if i == q.date_group or g.context or not g.known:
                continue
            if any(t.startswith("n:") for t, _ in g.terms) or any(c.startswith("MONTH") for c in g.concepts):
                continue
            return None
        return term

    def _on_day(self, ctx: "_Ctx", term: str, allowed: set[int] | None) -> Answer | None:
        """"What happened on 12 March?": that day's events, the day's own ones before longer spans."""
        lang, now = ctx.lang, ctx.now
        docs = [d for d in self._index.postings.get(term, {}) if d % 2 == 0 and (allowed is None or d in allowed)]
        events = [e for e in (self._s.events.get(d // 2) for d in docs) if e is not None]
        if not events:
            return None
        order = {"agreement": 0, "milestone": 0, "statement": 1, "session": 1, "talks": 2, "deadline": 2,
                 "incident": 3, "background": 4}
        events.sort(key=lambda e: (e.when.ends_at is not None, order.get(e.kind, 3), e.id))
        first = events[0]
        parts = C.date_parts(first.when, first.status, now, lang, ctx.zone)
        blocks = [Block("headline", C.fill("when_headline", lang, title=first.title_in(lang), **parts))]
        if first.details_in(lang):
            blocks.append(Block("detail", _short(first.details_in(lang))))
        others = events[1:6]
        if others:
            lines = [t("day_events", lang)]
            for e in others:
                lines.append(t("bullet", lang, text=C.fill("dated_line", lang, title=e.title_in(lang),
                                                           **C.date_parts(e.when, e.status, now, lang, ctx.zone))))
            blocks.append(Block("detail", "\n".join(lines)))
        source = self._best_source(first, ctx.q)
        blocks += self._quote_and_source(source, lang)
        matches = [C.match_of(first, 1.0, lang, source=source)] + [C.match_of(e, 0.9, lang) for e in others[:2]]
        event_id = first.id if first.when.starts_at else None
        return Answer(True, lang, ctx.q.intent.kind, tuple(blocks), tuple(matches), event_id)

    def _yes_no_step(self, ctx: "_Ctx", cands: list[Candidate]) -> Answer | None:
        """"Did Russia agree to the corridor?": the provision's step that records it, with its date.

        "Yes" only when the step's event matches every name the question gives; otherwise the fact
        itself is the answer ("was it agreed in Ankara?" — agreed in Moscow, on 5 March 2020)."""
        q, lang, now = ctx.q, ctx.lang, ctx.now
        wanted: set[str] = set()
        for c in q.concepts():
            wanted.update(_STEP_FOR_CONCEPT.get(c, ()))
        if not wanted or "STOP" in q.concepts() or "END" in q.concepts():
            return None
        if _DETAILS_ASKED.search(q.folded):
            return None  # "have the details been agreed": the later update on the details, not the deal
        groups = [g for g in q.known_groups if not g.context]
        topic = [g for g in groups if not g.is_entity and not g.is_action and g.weight > 0]
        if not topic:
            return None
        top = cands[0].score
        for cand in cands[:6]:
            item = cand.item
            if not isinstance(item, PointView) or cand.score < 0.3 * top:
                continue
            titles = self._s.title_terms.get(cand.doc, frozenset())
            if not all(g.hits(titles) for g in topic):
                continue
            steps = [s for s in item.history if s.when.starts_at is not None and s.status in wanted
                     and s.when.starts_at <= now]
            if not steps:
                continue
            step = steps[0]
            linked = self._s.events.get(step.event_id) if step.event_id else None
            said = linked.title_in(lang) if linked is not None and lang != "en" else (step.note or item.title_in(lang))
            text = f"{item.title_in(lang)} — {said}"
            # a name must match as itself ("Ankara"), not through its country ("Turkey")
            named = [dataclasses.replace(g, terms=[(t, w) for t, w in g.terms if t[1:] not in _COUNTRY_CONCEPTS
                                                   or not g.concepts - _COUNTRY_CONCEPTS])
                     for g in groups if g.is_entity]
            linked_terms: frozenset[str] = frozenset()
            if linked is not None:
                linked_terms = frozenset(self._index_terms_of(doc_key("event", linked.id)))
            yes = linked is not None and all(g.hits(linked_terms) for g in named)
            parts = C.date_parts(step.when, step.status, now, lang, ctx.zone)
            blocks = [Block("headline", C.fill("yes_step" if yes else "fact_step", lang, text=text, **parts))]
            if linked is not None and linked.details_in(lang):
                blocks.append(Block("detail", _short(linked.details_in(lang))))
            for later in [s for s in item.history if s.when.starts_at is not None and s is not step
                          and step.when.starts_at < s.when.starts_at <= now][-1:]:
                blocks.append(Block("history", C.fill("later_line", lang, text=self._step_text(item, later, lang),
                                                      **C.date_parts(later.when, later.status, now, lang, ctx.zone))))
            source = self._best_source(linked, q) if linked is not None and linked.sources else self._best_source(item, q)
            blocks += self._quote_and_source(source, lang)
            matches = [C.match_of(item, cand.score, lang, when=step.when, status=step.status, source=source)]
            matches += [C.match_of(c.item, c.score, lang) for c in cands[:3] if c.item is not item][:2]
            return Answer(True, lang, q.intent.kind, tuple(blocks), tuple(matches),
                          linked.id if linked is not None else None)
        return None

    # ------------------------------------------------------------------ structural questions
    def _top_event(self, ctx: "_Ctx", text: str, language: str | None, allowed: set[int] | None) -> EventView | None:
        """The best-matching dated event for a fragment of a question ("the Moscow deal")."""
        sub = analyse(text, index=self._index, speller=self._speller, fallback_language=language or ctx.lang)
        groups = sub.known_groups
        if not groups:
            return None
        hits = self._index.search([g.terms for g in groups], limit=16, allowed=allowed)
        sub_ctx = dataclasses.replace(ctx, q=sub)
        cands = self._rerank(sub_ctx, groups, hits)
        if not cands or cands[0].coverage < 0.5:
            return None
        for c in cands[:4]:
            item = c.item
            if isinstance(item, EventView) and item.when.starts_at is not None and item.when.ends_at is None \
                    and item.when.precision in ("day", "exact"):
                return item
        return None

    def _days_between(self, ctx: "_Ctx", a: str, b: str, language: str | None, allowed: set[int] | None) -> Answer | None:
        """"How many days between the Moscow deal and the patrols?": both stored days, and the difference."""
        first, second = self._top_event(ctx, a, language, allowed), self._top_event(ctx, b, language, allowed)
        if first is None or second is None or first.id == second.id:
            return None
        if second.when.starts_at < first.when.starts_at:  # type: ignore[operator]
            first, second = second, first
        d1, d2 = C.iso_date(first.when), C.iso_date(second.when)
        if not d1 or not d2:
            return None
        days = (datetime.fromisoformat(d2) - datetime.fromisoformat(d1)).days
        lang, now = ctx.lang, ctx.now
        p1 = C.date_parts(first.when, first.status, now, lang, ctx.zone)
        p2 = C.date_parts(second.when, second.status, now, lang, ctx.zone)
        blocks = [Block("headline", t("days_between", lang, days=days_phrase(days, lang), first=first.title_in(lang),
                                      first_date=p1["date"], second=second.title_in(lang), second_date=p2["date"]))]
        seen: set[str] = set()
        for e in (second, first):
            src = self._best_source(e, ctx.q)
            if src is not None and C.source_text(src, lang) not in seen:
                seen.add(C.source_text(src, lang))
                blocks.append(C.source_block(src, lang))
        matches = (C.match_of(second, 1.0, lang, source=second.sources[0] if second.sources else None),
                   C.match_of(first, 0.9, lang))
        return Answer(True, lang, "how_long", tuple(blocks), matches, second.id)

    def _first_of(self, ctx: "_Ctx", cands: list[Candidate]) -> Answer | None:
        """"What was the first thing they agreed?", "what came first, A or B?": the earliest matching event."""
        if not cands or cands[0].coverage < 0.5:
            return None
        top = cands[0].score
        pool = [c for c in cands[:8] if c.score >= 0.35 * top and c.coverage >= 0.5 and isinstance(c.item, EventView)
                and c.item.when.starts_at is not None and c.item.kind != "background"]
        if "AGREE" in ctx.q.concepts():
            agreed = [c for c in pool if c.item.kind == "agreement" or "#AGREE" in self._s.title_terms.get(c.doc, ())]
            pool = agreed or pool
        if not pool:
            return None
        chosen = min(pool, key=lambda c: (c.item.when.starts_at, -c.score))  # type: ignore[union-attr]
        item = chosen.item
        lang = ctx.lang
        parts = C.date_parts(item.when, item.status, ctx.now, lang, ctx.zone)  # type: ignore[union-attr]
        blocks = [Block("headline", C.fill("first_of", lang, title=item.title_in(lang), **parts))]
        if item.details_in(lang):
            blocks.append(Block("detail", _short(item.details_in(lang))))
        source = self._best_source(item, ctx.q)
        blocks += self._quote_and_source(source, lang)
        matches = [C.match_of(item, chosen.score, lang, source=source)]
        matches += [C.match_of(c.item, c.score, lang) for c in pool if c is not chosen][:2]
        return Answer(True, lang, ctx.q.intent.kind, tuple(blocks), tuple(matches), item.id)  # type: ignore[union-attr]

    def _lasted(self, ctx: "_Ctx", cands: list[Candidate]) -> Answer | None:
        """"How long did the talks last?": a ranged event's span, in days."""
        if not cands or cands[0].coverage < 0.5:
            return None
        top = cands[0].score
        for c in cands[:5]:
            item = c.item
            if c.score < 0.3 * top or not _is_range(item) or item.when.starts_at is None:  # type: ignore[union-attr]
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
                blocks.append(Block("detail", _short(item.details_in(lang))))
            source = self._best_source(item, ctx.q)
            blocks += self._quote_and_source(source, lang)
            matches = [C.match_of(item, c.score, lang, source=source)]
            matches += [C.match_of(o.item, o.score, lang) for o in cands[:3] if o is not c][:2]
            return Answer(True, lang, "how_long", tuple(blocks), tuple(matches), item.id)
        return None

    def _premise(self, ctx: "_Ctx", cands: list[Candidate]) -> Answer | None:
        """"Why did the patrols start on March 5?": the question's day is not the recorded one — answer
        with the recorded date instead of going along with the premise."""
        q = ctx.q
        term = q.groups[q.date_group].terms[0][0] if q.date_group is not None else ""
        if not term.startswith("@") or term.startswith("@m") or not cands:
            return None
        top = cands[0].score
        close = [c for c in cands[:5] if c.score >= 0.5 * top and c.coverage >= 0.5]
        for c in close:
            if term in self._index_terms_of(c.doc):
                return None  # a fact on that day matches: the premise may well hold
        if not q.concepts() & {"START", "AGREE", "ARRIVE", "END", "STOP"}:
            return None
        for c in close:
            if isinstance(c.item, EventView) and c.item.when.starts_at is not None and not _is_range(c.item):
                return self._when(ctx, [c] + [o for o in cands if o is not c])
        return None

    def _index_terms_of(self, doc: int) -> tuple[str, ...]:
        return self._index.doc_terms.get(doc, ())

    # ------------------------------------------------------------------ helpers
    def _decline(self, lang: str, intent: str, key: str, negotiation_id: int | None, *,
                 closest: "list[Candidate] | tuple[()]" = (), ctx: "_Ctx | None" = None, **values: str) -> Answer:
        # No "closest fact" and no matches: a decline must not slip in a number or date that answers
        # a different question ("60" Turkish troops for "how many Russian soldiers died?").
        del closest, ctx
        blocks = [Block("note", t(key, lang, **values))]
        topics = t("list_sep", lang).join(self._topics(lang, negotiation_id))
        if topics:
            blocks.append(Block("suggestions", t("suggest", lang, topics=topics)))
        return Answer(False, lang, intent, tuple(blocks), (), None)

    def _topics(self, lang: str, negotiation_id: int | None) -> list[str]:
        """What the bot can talk about: the agreement's provisions and the key dates, in `lang`."""
        key = (lang, negotiation_id)
        cached = self._topic_cache.get(key)
        if cached is None:
            cached = self._topic_cache[key] = self._compute_topics(lang, negotiation_id)
        return cached

    def _compute_topics(self, lang: str, negotiation_id: int | None) -> list[str]:
        points = [p for p in self._s.points.values() if negotiation_id is None or p.negotiation_id == negotiation_id]
        nid = negotiation_id
        if nid is None and points:
            nid = min(p.negotiation_id for p in points)
        titles = [p.title_in(lang) for p in sorted(points, key=lambda p: p.id) if p.negotiation_id == nid][:4]
        _s, events = self._events_sorted(nid)
        for e in events:
            if e.is_key_date and e.kind in ("talks", "session") and len(titles) < 5:
                titles.append(e.title_in(lang))
        if not titles:
            titles = [e.title_in(lang) for e in events[-4:]]
        return titles

    def _events_sorted(self, negotiation_id: int | None) -> tuple[list[float], list[EventView]]:
        cached = self._sorted.get(negotiation_id)
        if cached is None:
            chosen = [e for e in self._s.events.values()
                      if e.when.starts_at is not None and (negotiation_id is None or e.negotiation_id == negotiation_id)]
            chosen.sort(key=lambda e: (e.when.starts_at, e.id))  # type: ignore[arg-type, return-value]
            cached = ([e.when.starts_at.timestamp() for e in chosen], chosen)  # type: ignore[union-attr]
            self._sorted[negotiation_id] = cached
        return cached

    def _key_events_sorted(self, negotiation_id: int | None) -> tuple[list[float], list[EventView]]:
        """Key dates (all events if none is marked key), date-sorted; cached like `_events_sorted`."""
        cached = self._sorted.get(("key", negotiation_id))  # type: ignore[call-overload]
        if cached is None:
            starts, events = self._events_sorted(negotiation_id)
            pairs = [(s, e) for s, e in zip(starts, events) if e.is_key_date] or list(zip(starts, events))
            cached = ([s for s, _ in pairs], [e for _, e in pairs])
            self._sorted[("key", negotiation_id)] = cached  # type: ignore[index]
        return cached

    def _key_around(self, negotiation_id: int | None, now: datetime) -> tuple[EventView | None, EventView | None]:
        """The first key date after `now` and the last one before it (None where there is none)."""
        starts, events = self._key_events_sorted(negotiation_id)
        if not any(e.is_key_date for e in events[:1]):
            return None, None  # no key dates marked: callers fall back to all events
        cut = bisect_right(starts, now.timestamp())
        return (events[cut] if cut < len(events) else None), (events[cut - 1] if cut > 0 else None)

    def _step_for(self, point: PointView, q: Query, now: datetime) -> StatusStepView | None:
        wanted: set[str] = set()
        for c in q.concepts():
            wanted.update(_STEP_FOR_CONCEPT.get(c, ()))
        steps = [s for s in point.history if s.when.starts_at is not None]
        if not steps:
            return None
        for s in steps:
            if s.status in wanted:
                return s
        return steps[-1]

    def _best_source(self, item: Item, q: Query) -> SourceRef | None:
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

    def _quote_and_source(self, source: SourceRef | None, lang: str, skip: str = "") -> list[Block]:
        if source is None:
            return []
        out: list[Block] = []
        qb = C.quote_block(source, lang)
        if qb is not None and (not skip or fold(source.quote.lower())[:60] not in fold(skip.lower())):
            out.append(qb)
        out.append(C.source_block(source, lang))
        return out

    def _doc_sentences(self, cand: Candidate, lang: str) -> list[tuple[str, frozenset[str], str]]:
        key = (cand.doc, lang)
        cached = self._sentences.get(key)
        if cached is None:
            item = cand.item
            cached = []
            title = item.title_in(lang)
            text_lang = lang if item.translations.get(lang, {}).get("title") else "en"
            cached.append((title, text_term_set(title, text_lang), "title"))
            details_lang = lang if item.translations.get(lang, {}).get("details") else "en"
            for s in sentences(item.details_in(lang)):
                cached.append((s, text_term_set(s, details_lang), "details"))
            if lang == "en" or details_lang == "en":
                for src in item.sources:
                    for s in sentences(src.quote):
                        cached.append((s, text_term_set(s, "en"), "quote"))
            self._sentences[key] = cached
        return cached

    def _best_sentence(self, ctx: "_Ctx", cands: list[Candidate], exclude_title: bool = False
                       ) -> tuple[Candidate, str] | None:
        q = ctx.q
        kind = q.intent.kind
        groups = q.known_groups
        best: tuple[float, int, Candidate, str] | None = None
        top = cands[0].score if cands else 1.0
        quantity = _quantity_kind(q) if kind == "how_many" else "any"
        q_concepts = q.concepts()
        entities = [g for g in groups if g.is_entity and g.weight > 0]
        # Per group, its terms' weights, computed once (not once per sentence).
        group_weights = [{term: self._index.idf(term) * w for term, w in g.terms} for g in groups]
        for rank, cand in enumerate(cands):
            if cand.score < {"why": 0.3, "how_many": 0.5}.get(kind, 0.7) * top:
                continue
            doc_weight = (cand.score / top) ** (0.25 if kind == "why" else 0.5)
            titles = self._s.title_terms.get(cand.doc, frozenset())
            for order, (sentence, terms, origin) in enumerate(self._doc_sentences(cand, ctx.lang)):
                if exclude_title and origin == "title":
                    continue
                score = 0.0
                for gw in group_weights:
                    common = terms.intersection(gw)
                    if common:
                        score += max(gw[t] for t in common)
                if kind == "how_many":
                    if entities and not all(g.hits(terms) or g.hits(titles) for g in entities):
                        continue  # "how many Russian soldiers": a sentence about Turkish ones is no answer
                    if quantity == "count":
                        counted = {c for c in _COUNTED_ACTIONS if "#" + c in terms}
                        if counted and not counted & q_concepts:
                            continue  # "how many troops are in Idlib": 60 were *killed*, not deployed
                    if _has_quantity(sentence, quantity):
                        score += 1.5
                if kind == "why" and _has_reason(sentence):
                    score += 1.0
                if kind == "who" and _has_name(sentence):
                    score += 0.5  # "who" is answered by a name
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
        return best[2], best[3]


def freeze_long_lived_objects() -> None:
    """Move every object alive now out of the cyclic garbage collector's reach (`gc.freeze()`).

    A process-wide setting, so the application decides, once, after building its long-lived state
    (the `Answerer` and the rest): a full collection pass over an index of 10,000 events otherwise
    stalls whichever answer triggers it. Frozen objects are still freed by reference counting; what
    is created later (edits, caches) is collected normally. Domain code never calls this by itself.
    """
    gc.collect()
    gc.freeze()


@lru_cache(maxsize=1)
def _known_vocabulary() -> frozenset[str]:
    """Words of the lexicon, the off-topic list and the question cues: never "corrected" away."""
    words: set[str] = set(compiled_lexicon().words)
    pattern_sets = [INTENT_PATTERNS] + [{"x": table} for table in (_HARD_PREDICTION, _SOFT_PREDICTION)]
    for table in pattern_sets:
        for by_lang in table.values():
            for patterns in by_lang.values():
                for pattern in patterns:
                    plain = re.sub(r"\\[a-zA-Z]", " ", pattern)
                    words.update(w for w in re.findall(r"[a-zа-яçğışöü]{3,}", plain))
    return frozenset(fold(w) for w in words)


@dataclass
class _Ctx:
    q: Query
    now: datetime
    zone: str
    negotiation_id: int | None
    lang: str


_HEAD_CUT = re.compile(r"\s(on|about|over|for|of|to|along|with|by|in|at|from|after|before|between|under)\s",
                       re.IGNORECASE)


def _title_head(title: str) -> str:
    """The words of an English title before its first preposition (its subject)."""
    m = _HEAD_CUT.search(title)
    return title[: m.start()] if m else title


def _is_range(item: Item) -> bool:
    return isinstance(item, EventView) and item.when.ends_at is not None


_MONTH_WORDS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
    r"jun|jul|aug|sep|sept|oct|nov|dec|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|"
    r"aralık|январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|"
    r"ноябр\w*|декабр\w*")
_DATES = re.compile(
    rf"\b\d{{1,2}}(st|nd|rd|th)?\s+({_MONTH_WORDS})\w*|\b({_MONTH_WORDS})\w*\s+\d{{1,2}}\b|\b(19|20)\d\d\b|"
    r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\.\s?(madde|maddesi)\b|\b(article|madde|статья|статьи)\s+\d+", re.IGNORECASE)


_UNITS = {
    "distance": r"(km|kms|kilomet\w*|kilometre\w*|mil|mile\w*|miles|км|километр\w*|мил\w*|metre\w*|meter\w*|m)\b",
    "duration": r"(day\w*|week\w*|month\w*|year\w*|gün\w*|hafta\w*|ay\b|yıl\w*|sene\w*|дн\w*|дня|день|недел\w*|"
                r"месяц\w*|год\w*|лет)",
}
_ANY_UNIT = re.compile(r"^\W{0,2}(\(?\d+[.,]?\d*\)?\s*)?(" + "|".join(_UNITS.values()) + ")", re.IGNORECASE)


def _quantity_kind(q: Query) -> str:
    """What a how-many question counts: a length, a distance, a duration, or things/people."""
    concepts = q.concepts()
    if "LENGTH" in concepts:
        return "length"
    if _SIZE_ASKED.search(q.folded) and not concepts & {"CORRIDOR", "ROAD"} \
            and concepts & {"HUMANITARIAN", "DISPLACE", "WAR", "OFFENSIVE", "PEOPLE"}:
        return "any"  # "how big is the humanitarian crisis": any number gives its scale
    if "WIDTH" in concepts or _SIZE_ASKED.search(q.folded):
        return "distance"  # "how big is the safe zone"
    if re.search(r"\b(days?|weeks?|months?|years?|gun|hafta|yil|sene|дней|дня|недел\w*|лет|год\w*|месяц\w*)\b", q.folded) \
            or re.search(r"\bhow long\b|\bne kadar sur\w*|\bсколько (длил|продолжал)\w*", q.folded):
        return "duration"
    return "count"


@lru_cache(maxsize=20_000)
def _has_quantity(sentence: str, kind: str = "any") -> bool:
    """A number of the kind asked about, not part of a date, a time or an article reference."""
    text = _DATES.sub(" ", sentence)
    if kind == "length":
        # Only a stated length answers "how long is the road" (a corridor's width does not).
        return bool(_LENGTH_WORDS.search(text)) and _has_quantity(sentence, "distance")
    for m in _NUMBER_WORDS.finditer(text):
        if kind == "any":
            return True
        fused = m.group(0) + text[m.end(): m.end() + 8]
        if kind == "count" and re.search(r"(дневн|day|gün|летн|yıllık|месячн|недельн)", fused, re.IGNORECASE):
            continue  # "three-day talks", "трёхдневные переговоры": a duration, not a head count
        after = text[m.end(): m.end() + 20]
        if m.group(0).isdigit() and after[:1].isdigit():
            continue
        unit = re.match(r"^\W{0,2}(\d+)?\s*" + (_UNITS.get(kind) or "(?!)"), after, re.IGNORECASE)
        if kind == "duration" and re.search(r"(дневн|day|gün|летн|yıllık|месячн)", m.group(0) + after[:6], re.IGNORECASE):
            return True  # "three-day", "трёхдневные", "üç günlük"
        if kind == "count":
            if not _ANY_UNIT.match(after):
                return True
        elif unit:
            return True
    return False


@lru_cache(maxsize=20_000)
def _has_reason(sentence: str) -> bool:
    return bool(_REASON.search(sentence))


@lru_cache(maxsize=20_000)
def _has_name(sentence: str) -> bool:
    return bool(_NAME.search(sentence))


_SIZE_ASKED = re.compile(r"\b(big|bigger|large|larger|huge|size|sized|scale|extent|how bad|buyuk\w*|boyut\w*|"
                         r"capta\w*|olcek\w*|размер\w*|велик\w*|больш\w*|масштаб\w*)\b")
_LENGTH_WORDS = re.compile(r"\b(long|length|длин\w*|протяж\w*|uzunluğ\w*|uzunluk\w*)\b", re.IGNORECASE)
# What a count in a sentence is bound to: 60 troops *killed*, a million people *displaced*.
_COUNTED_ACTIONS = frozenset({"KILL", "DISPLACE"})
_ROLE_CONCEPTS = frozenset({"MINISTER", "PRESIDENT"})
# Kinds of question whose focus word must be stated by the fact that answers them.
_FOCUS_KINDS = frozenset({"what", "how_many", "where"})
# Concepts so broad that matching them says little: the asked word itself must be in the fact.
_BROAD_CONCEPTS = frozenset({"PEOPLE", "EQUIPMENT"})
# ... unless the asked word is the broad word itself: any count of people answers "how many people".
_GENERIC_PEOPLE = re.compile(r"^(people|persons|person|kisi\w*|insan\w*|люд\w*|человек\w*)$")
# What a count is a count *of* or *during*: a number from a sentence about something else is no answer.
_SUBJECTS = frozenset({"CEASEFIRE", "TALKS", "PATROL", "CORRIDOR", "DELEGATION"})
_YEAR = re.compile(r"(19|20)\d\d")
# "it's 2025 now - did the patrols start?": the reader's own year, not a year asked about
_NOW_YEAR = re.compile(r"\b(it s|it is|its|we re in|we are in|now in|now it s) (19|20)\d\d\b|\b(19|20)\d\d (now|already)\b")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_STILL = re.compile(r"\b(still|any more|anymore|currently|today|now|hala|halen|hale|simdi|bugun|artik|"
                    r"до сих пор|вс[её] ещ[её]|по-прежнему|по прежнему|сейчас|сегодня|теперь)\b")
_DAYS_ASKED = re.compile(r"\b(days?|weeks?|gun\w*|hafta\w*|дн\w*|день|недел\w*|сколько времени|how long)\b")
_BETWEEN = {
    "en": re.compile(r"\bbetween (?P<a>.+?) and (?P<b>.+)"),
    "tr": re.compile(r"(?P<a>.+?) (?:ile|ve) (?P<b>.+?) aras\w*"),
    "ru": re.compile(r"\bмежду (?P<a>.+?) и (?P<b>.+)"),
}
_FIRST = re.compile(r"\b(what|which)( \w+)? (came|happened|was) first\b|\bfirst thing\b|\bthe first (step|agreement|deal)\b|"
                    r"\bilk (olarak|once|basta)\b|\bilk (ne|neyi|neyde|neler)\b|\bв самом начале\b|\bчто было (сначала|первым)\b|"
                    r"\bсначала\b|\bпервым делом\b")
_OR = re.compile(r"(?P<a>\w[^,:]*?)\s+(?:or|yoksa|veya|или)\s+(?P<b>\w.*)")
_LASTED = re.compile(r"\bhow long did\b|\bhow many days did\b|\bfor how long\b|\bhow long (were|was) (the )?\w+ (in|held)\b|"
                     r"\bne kadar sur\w*|\bkac gun sur\w*|\bсколько (дней |времени )?(длил|продолжал|шл|шли|ид)\w*|"
                     r"\bкак долго (длил|продолжал|шл|ид)\w*")
_NAME_ASKED = re.compile(r"\b(name|names|named|called|who|adi|adlari|ismi|isimleri|kim|kimdi|kimler|зовут|звали|имя|"
                         r"имена|фамили\w*|кто)\b")
# A model or designation ("Su-24", "S-400", "F16"): one the stored text never uses is something else.
_DESIGNATION = re.compile(r"(?<![\w-])([^\W\d_]{1,4})(?:-|‐)?(\d{1,4})(?![\w-])")
_LOOKALIKE = str.maketrans("авсекмнорстух", "abcekmhopctyx")  # "М4" typed with a Cyrillic М
_MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct",
                                  "nov", "dec", "no", "nr", "no.", "km", "mi", "kg", "am", "pm", "h", "g", "x"})
_DETAILS_ASKED = re.compile(r"\b(details?|specifics|parameters|ayrinti\w*|detay\w*|parametre\w*|детал\w*|параметр\w*)\b")
# Who can be asked "what did X say" about: a person named, or a role.
_SPEAKERS = frozenset({"AKAR", "ERDOGAN", "PUTIN", "ASSAD", "MINISTER", "PRESIDENT", "OFFICIAL"})
_COUNTRY_CONCEPTS = frozenset({"TURKEY", "RUSSIA", "SYRIA"})
_DEADLINE_ASKED = re.compile(
    r"\b(by|until|till) when\b|\b(have|has|had) to\b|\bsupposed to\b|\bdue\b|\bdeadline\b|\btime limit\b|"
    r"\bkadar\b|\bson tarih\w*|\bsure\w*|\bmuhlet\w*|\bдо какого\b|\bсрок\w*|\bдолжн\w*|\bдедлайн\w*")


def _asks_deadline(q: Query) -> bool:
    """"By when did they have to agree": a question about a time limit, which a deadline answers."""
    return "DEADLINE" in q.concepts() or bool(_DEADLINE_ASKED.search(q.folded))


def _same(old: Item, new: Item) -> bool:
    """Whether an item is unchanged (frozen dataclasses; translations/aliases compared explicitly)."""
    if old is new:
        return True
    return old == new and old.translations == new.translations and old.aliases == new.aliases


def _short(text: str, limit: int = 420) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("; "))
    return cut[: end + 1] if end > 120 else cut.rstrip() + "…"
