"""The answering engine: question in, sourced answer (or an honest decline) out.

Steps: analyse the question (language, intent, term groups), search the inverted index, re-rank the
candidates for the intent (a date question wants the event whose *title* carries the action asked
about; a status question wants the newest step on the topic), check that the best fact really covers
the question (no invented numbers or dates), then compose the reply.

A yes/no question that names a day, month, place, person or number ("were the talks in Istanbul?")
is searched without it first (`premise_checks`): the fact found confirms the premise or is given
with a correction.

`Answerer` only coordinates those steps; each lives in a module of its own: the facts and their caches
(`store`), the wording cues (`cues`), out-of-scope checks and declines (`declines`), re-ranking
(`rank`), doubt about the best fact (`doubt`), the sentence and citation to show (`evidence`), and the
replies by kind of question (`replies/`).
"""

from __future__ import annotations

import dataclasses
import gc
import re
from bisect import bisect_right
from datetime import UTC, datetime, timedelta

from bot.answering.context import Candidate, Ctx
from bot.answering.cues import (AFTER, AFTER_EVENT, ANAPHOR, BEFORE_OR_AFTER, BETWEEN, DAYS_ASKED, DONE_WITH, FIRST,
                               HOW_LONG_WHEN, LASTED, OR, ORDER, PARTY_NOUNS, RELATIVE_DAY, SINCE_EVENT, SUMMARY, URL)
from bot.answering.declines import decline, out_of_scope
from bot.answering.docs import doc_key
from bot.answering.doubt import (conditional_on_record, doubt, focus_unsupported, party_count_asked, scheduled_fact,
                                 stated_intention, topical_query)
from bot.answering.fuzzy import common_english
from bot.answering.normalize import has_content
from bot.answering.premise_checks import (PERSON_CONCEPTS, PLACED_ACTIONS, at_place, day_premise, number_premise, year_premise,
                                          designation_premise,
                                          person_premise, place_premise)
from bot.answering.query import PREDICATE_CONCEPTS, Group, Query, analyse
from bot.answering.rank import AGREEMENT_NOUN, rerank
from bot.answering.replies.dated import (
    answer_on_day,
    answer_relative_day,
    date_only,
    next_or_latest,
    overview,
)
from bot.answering.replies.describe import agreement_among, answer_agreement, answer_describe
from bot.answering.replies.spans import (
    answer_days_between,
    answer_first_of,
    answer_lasted,
    top_event,
)
from bot.answering.replies.status import answer_status, yes_no_step
from bot.answering.replies.when import answer_when, corrected_premise, next_on_topic
from bot.answering.store import FactStore, same
from bot.answering.types import Answer
from bot.snapshot import EventView, PointView, TimelineSnapshot


# Acts of speech a yes/no question may ask about ("has Ankara threatened retaliation?").
SPEECH_ACTS = frozenset({"SAY", "ACCUSE", "RETALIATE", "DECLARE"})
# What a yes/no question may ask that is a standing relation rather than a status with a history.
RELATION_CONCEPTS = frozenset({"CONNECT", "SUPPORT", "ACCUSE", "CONFRONTATION", "PRESENCE", "WIDTH", "LENGTH", "LAW"})


def side(match: re.Match[str], name: str) -> str:
    """One side ("a", "b") of a two-sided pattern whose alternatives name it a, a2, a3 ..."""
    return next(v for k, v in match.groupdict().items() if k.rstrip("0123456789") == name and v)


class Answerer:
    """Answers plain-language questions about the timeline in English, Turkish and Russian.

    Build once from a snapshot; after an admin edit call `upsert_event` / `remove_event` /
    `upsert_point` / `remove_point` (or `refresh(snapshot)`, which re-indexes only what changed).
    """

    def __init__(self, snapshot: TimelineSnapshot, *, freeze_gc: bool = False) -> None:
        self._store = FactStore()
        self.refresh(snapshot)
        if freeze_gc:
            freeze_long_lived_objects()

    def warm_up(self) -> None:
        """Load what the first question would otherwise wait for (the English word list, ~0.1 s): a
        long-running bot does it at start-up; a one-shot `ask` only when a question needs it."""
        common_english("the")

    # ------------------------------------------------------------------ indexing
    @property
    def store(self) -> FactStore:
        return self._store

    def refresh(self, snapshot: TimelineSnapshot) -> None:
        """Bring the index in line with `snapshot`, re-indexing only items that changed."""
        s = self._store
        s.negotiations = {n.id: n for n in snapshot.negotiations}
        new_events = {e.id: e for e in snapshot.events}
        new_points = {p.id: p for p in snapshot.points}
        for eid in [i for i in s.events if i not in new_events]:
            self.remove_event(eid)
        for pid in [i for i in s.points if i not in new_points]:
            self.remove_point(pid)
        for eid, event in new_events.items():
            old = s.events.get(eid)
            if old is None or not same(old, event):
                self.upsert_event(event)
        for pid, point in new_points.items():
            old = s.points.get(pid)
            if old is None or not same(old, point):
                self.upsert_point(point)

    def upsert_event(self, event: EventView) -> None:
        self._store.upsert_event(event)

    def remove_event(self, event_id: int) -> None:
        self._store.remove_event(event_id)

    def upsert_point(self, point: PointView) -> None:
        self._store.upsert_point(point)

    def remove_point(self, point_id: int) -> None:
        self._store.remove_point(point_id)

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
            now = now.replace(tzinfo=UTC)
        question = URL.sub(" ", question)
        parts = COMPOUND.split(question, maxsplit=1)
        if len(parts) == 2 and len(parts[0].split()) >= 3 and all(has_content(p) for p in parts):
            # "when was the ceasefire agreed and when did it start": two questions, two answers
            kw = dict(now=now, language=language, reader_zone=reader_zone, negotiation_id=negotiation_id)
            q1 = analyse(parts[0], index=self._store.index, speller=self._store.speller, fallback_language=language)
            first = self._answer_one(parts[0], analysed=q1, **kw)
            second_q = parts[1]
            if PRONOUN.search(second_q):
                # "... and when did IT start": the second question is about the first one's topic
                second_q += " " + " ".join(g.word for g in q1.known_groups if not g.is_action and not g.context)
            second = self._answer_one(second_q, **kw)
            return combine(first, second)
        return self._answer_one(question, now=now, language=language, reader_zone=reader_zone,
                                negotiation_id=negotiation_id)

    def _answer_one(
        self,
        question: str,
        *,
        now: datetime,
        language: str | None,
        reader_zone: str,
        negotiation_id: int | None,
        analysed: Query | None = None,
    ) -> Answer:
        if not has_content(question):
            lang = language if language in ("en", "tr", "ru") else "en"
            return decline(self._store, lang, "empty", "decline_empty", negotiation_id)
        q = analysed or analyse(question, index=self._store.index, speller=self._store.speller,
                                fallback_language=language)
        if party_count_asked(q):
            # "how many countries take part in the patrols": counted from the parties the patrols name,
            # not searched for as a word ("the two countries" is in other facts)
            q = dataclasses.replace(q, groups=[g for g in q.groups if g.word not in PARTY_NOUNS])
        ctx = Ctx(q=q, now=now, zone=reader_zone, negotiation_id=negotiation_id, lang=q.language)
        allowed = self._store.by_negotiation.get(negotiation_id, set()) if negotiation_id is not None else None
        declined = out_of_scope(self._store, question, ctx)
        if declined is not None:
            if q.other_names and q.intent.yes_no and not q.off_topic and not q.about_bot:
                # "were the talks in Istanbul?": a place the timeline never mentions may be a wrong premise
                return place_premise(self, q, ctx, question, allowed) or person_premise(self, q, ctx, allowed) \
                    or declined
            if q.intent.yes_no and not q.off_topic and not q.about_bot:
                # "did the war begin in 2012?": a year the timeline never mentions may be a wrong premise
                return year_premise(self, q, ctx, allowed) or designation_premise(self, q, ctx, question, allowed) \
                    or declined
            if not q.off_topic and not q.about_bot and q.intent.prediction != "hard":
                # "the patrols along the M5 - when do they start?": the road is corrected, the date given
                return designation_premise(self, q, ctx, question, allowed) or declined
            return declined
        if q.intent.yes_no and q.intent.kind in ("status", "what", "who"):
            # ("was it Erdogan who announced ...?": a yes/no question about who)
            checked = place_premise(self, q, ctx, question, allowed) or person_premise(self, q, ctx, allowed)
            if checked is not None:
                return checked
        groups = q.known_groups
        between = BETWEEN.get(ctx.lang, BETWEEN["en"]).search(q.folded) if DAYS_ASKED.search(q.folded) else None
        lasting = False
        if between is None and q.intent.kind == "how_long":
            between = AFTER.search(q.folded)
            if between is None:
                between = HOW_LONG_WHEN.search(q.folded)
                lasting = between is not None
        if between is not None:
            spanned = answer_days_between(self._store, ctx, side(between, "a"), side(between, "b"), language, allowed,
                                          lasting=lasting)
            if spanned is not None:
                return spanned
        if SUMMARY.search(q.folded) and not any(g.known and not g.context and not g.is_entity and g.idf >= 0.45
                                                for g in groups):
            # "tl;dr of the whole idlib thing?": the negotiation in brief, with its key dates
            return overview(self._store, ctx)
        relative = next((off for off, rx in RELATIVE_DAY.items() if rx.search(q.folded)), None)
        if relative is not None and not any(g.known and not g.context and g.idf >= 0.45 for g in groups) \
                and q.intent.kind in ("what", "status", "next", "when") and "latest" not in q.intent.cues:
            # "is anything happening tomorrow?": that day in the reader's zone, whatever is on it
            return answer_relative_day(self._store, ctx, relative)
        if relative is not None and q.intent.kind == "what" and q.intent.cues <= {"what"}:
            # "patrols tomorrow?": whether they are on that day — their date, said relative to today
            q = dataclasses.replace(q, intent=dataclasses.replace(q.intent, kind="when"))
            ctx = dataclasses.replace(ctx, q=q)
        day_term = date_only(self._store, q)
        if day_term is not None and q.intent.kind in ("what", "status", "latest", "when"):
            on_day = answer_on_day(self._store, ctx, day_term, allowed)
            if on_day is not None:
                return on_day
        if q.intent.yes_no and q.unknown_numbers and not q.unknown and q.intent.kind in ("status", "what", "how_many"):
            checked = number_premise(self, q, ctx, allowed)
            if checked is not None:
                return checked
        if q.intent.yes_no and q.date_group is not None and q.intent.kind in ("status", "what", "when"):
            checked = day_premise(self, q, ctx, allowed)
            if checked is not None:
                return checked
        hits = self._store.index.search([g.terms for g in groups], limit=16, allowed=allowed) if groups else []
        cands = rerank(self._store, ctx, groups, hits)
        kind = q.intent.kind
        if kind == "status" and "latest" in q.intent.cues and not groups:
            kind = "latest"  # "what's new today": the newest update, not the status of a topic
        if kind == "status" and not q.intent.yes_no and not any(not g.is_entity and not g.context for g in groups):
            kind = "latest"  # "what's the current situation in Idlib": the newest update there
        if kind == "next":
            after = AFTER_EVENT.search(q.folded)
            anchor_text = next(x for x in after.groups() if x) if after else None
            if (anchor_text is not None and ANAPHOR.fullmatch(anchor_text.strip(" ?!.,"))) \
                    or (after is None and DONE_WITH.search(q.folded)):
                # "the talks are done — what comes after that?": after the topic named before
                anchor_text = " ".join(g.word for g in groups if not g.is_date) or None
            anchor = top_event(self._store, ctx, anchor_text, language, allowed, ranged=True) if anchor_text else None
            if anchor is not None:
                # "anything coming up after the talks?": the next key date after that event
                end = anchor.when.ends_at or anchor.when.starts_at
                if end is not None:
                    if anchor.when.precision != "exact":
                        end = end + timedelta(days=1, seconds=-1)  # a dated event lasts its whole (last) day
                    topic = [g for g in groups if not g.is_entity and not g.context and not g.is_date
                             and g.word not in anchor_text]
                    if topic and not self._later_on_topic(ctx, end, topic):
                        # "the next ROUND OF TALKS after Ankara": nothing of the kind is recorded after it
                        return decline(self._store, ctx.lang, kind, "decline_unrecorded", negotiation_id)
                    return next_or_latest(self._store, ctx, kind, after=end)
        if cands and kind not in ("where", "next", "latest") and not q.intent.yes_no \
                and not (kind == "who" and "SUPPORT" in q.concepts()):
            # (who backs whom "in Idlib" is a standing relation, not something that happened there)
            cands = at_place(q, question, cands)
        if q.about_document and cands:
            # "what does the deal say about the corridor": the provision on the corridor, if one is named
            topic = [g for g in groups if not g.is_entity and not g.context and not AGREEMENT_NOUN.match(g.word)
                     and not g.concepts & {"CEASEFIRE", "AGREE"}]
            point = self._provision_on(cands, topic)
            if point is not None:
                cands = [point] + [c for c in cands if c is not point]
        if SUMMARY.search(q.folded) and any(AGREEMENT_NOUN.match(g.word) for g in groups):
            agreement = agreement_among(cands)
            if agreement is not None:
                return answer_agreement(self._store, ctx, agreement, cands)  # "summary of the ceasefire deal pls"
        since = SINCE_EVENT.search(q.folded) if kind == "latest" else None
        if since is not None:
            anchor = top_event(self._store, ctx, since.group("a"), language, allowed, ranged=True)
            end = (anchor.when.ends_at or anchor.when.starts_at) if anchor is not None else None
            starts, _events = self._store.events_sorted(negotiation_id)
            if end is not None and starts and end.timestamp() < starts[bisect_right(starts, now.timestamp()) - 1]:
                # "anything new since the Moscow summit?": the newest update, if it came after the summit
                return next_or_latest(self._store, ctx, kind)
        if kind in ("next", "latest") and not topical_query(q, cands):
            return next_or_latest(self._store, ctx, kind)
        if not cands:
            if kind in ("when", "what", "latest", "status") and not q.unknown and not groups and q.intent.cues:
                return overview(self._store, ctx)
            return decline(self._store, ctx.lang, kind, "decline_no_match", negotiation_id)
        if FIRST.search(q.folded) or ORDER.search(q.folded):
            rest = ORDER.sub(" ", FIRST.sub(" ", q.folded)).strip()
            pair = BEFORE_OR_AFTER.search(q.folded.strip()) or OR.search(rest)
            compared = False
            if pair is not None:
                # (an event dated to a month or a span has its place in the order too)
                a = top_event(self._store, ctx, side(pair, "a"), language, allowed, ranged=True)
                b = top_event(self._store, ctx, side(pair, "b"), language, allowed, ranged=True)
                if a is not None and b is not None and a.id != b.id:
                    # "what came first, the ceasefire or the Ankara talks?": just those two, however
                    # the whole question ranked them
                    top = cands[0]
                    cands = [Candidate(doc_key("event", e.id), e, top.score, top.mask, 1.0, top.matched) for e in (a, b)]
                    compared = True
            first = answer_first_of(self._store, ctx, cands, pair=compared)
            if first is not None:
                return first
        if LASTED.search(q.folded):
            lasted = answer_lasted(self._store, ctx, cands)
            if lasted is None and any(g.concepts & {"REMAIN"} for g in groups):
                # "how long did the delegation stay": how long the stay (the ranged event) lasted
                rest = [g for g in groups if not g.concepts & {"REMAIN"}]
                hits2 = self._store.index.search([g.terms for g in rest], limit=16, allowed=allowed) if rest else []
                lasted = answer_lasted(self._store, ctx, rerank(self._store, ctx, rest, hits2))
            if lasted is not None:
                return lasted
        problem = self.problem(q, cands[0])
        if problem == "unnamed":
            # the fact that tells of the person does not name them: another fact naming someone
            # else is no answer either
            return decline(self._store, ctx.lang, kind, "decline_unrecorded", negotiation_id)
        if problem is not None:
            # The best-scored fact may be about the place or topic but not what is asked ("the latest
            # statement out of Ankara" ranks the Ankara talks first): a close runner-up that matches
            # every word the best one does, and passes, answers instead.
            top = cands[0]
            for i, other in enumerate(cands[1:6], start=1):
                if other.score >= 0.4 * top.score and other.mask & top.mask == top.mask \
                        and self.problem(q, other) is None:
                    cands = [other] + cands[:i] + cands[i + 1:]
                    problem = None
                    break
        if problem == "generic" and kind in ("what", "when", "status", "latest") and not q.unknown and q.intent.cues:
            return overview(self._store, ctx)
        if problem is not None:
            key = "decline_unrecorded" if problem == "unrecorded" else "decline_no_match"
            return decline(self._store, ctx.lang, kind, key, negotiation_id,
                           closest=cands[:2] if problem == "unrecorded" else (), ctx=ctx)
        # (a provision on the patrols ranks with their scheduled start: the schedule answers "will there be")
        if q.intent.prediction == "soft" \
                and not any(scheduled_fact(ctx, c) for c in cands[:3]
                            if c is cands[0] or (not q.unknown and c.score >= 0.8 * cands[0].score)) \
                and not conditional_on_record(self._store, ctx, cands[0]) \
                and not stated_intention(self._store, ctx, cands[0]):
            return decline(self._store, ctx.lang, "prediction", "decline_prediction", negotiation_id,
                           closest=cands[:1], ctx=ctx)
        if q.date_group is not None and kind in ("status", "why"):
            corrected = corrected_premise(self._store, ctx, cands)
            if corrected is not None:
                return corrected
        if kind == "next":
            return next_on_topic(self._store, ctx, cands)
        if kind == "status" and q.intent.yes_no and not q.intent.cues and any(g.concepts & RELATION_CONCEPTS for g in groups) \
                and not any(g.concepts & PREDICATE_CONCEPTS for g in groups):
            # "does the M4 link east and west?", "is Turkey backing the rebels?": a relation, not a
            # status that changes over time — the sentence that states it answers
            return answer_describe(self._store, ctx, cands)
        if kind == "status" and q.intent.yes_no and q.concepts() & SPEECH_ACTS and cands[0].coverage >= 0.99 \
                and isinstance(cands[0].item, EventView) and cands[0].item.kind == "statement":
            # "has Ankara threatened retaliation?": whether someone said it — the statement that does
            return answer_describe(self._store, ctx, cands)
        if kind == "status" and q.intent.yes_no:
            step_answer = yes_no_step(self._store, ctx, cands)
            if step_answer is not None:
                return step_answer
        if kind in ("status", "latest"):
            return answer_status(self._store, ctx, cands)
        if kind in ("when", "how_long"):
            return answer_when(self._store, ctx, cands)
        if kind == "where" and not q.concepts() & (PLACED_ACTIONS | PERSON_CONCEPTS | {"SAY", "AGREE"}):
            # "where does the ceasefire apply", "in which province is the ceasefire": where the provision
            # is (its own text), not where someone spoke about it or signed it
            # (a kind of place — "which PROVINCE" — is what is asked, not the topic)
            # (nor how it comes about: "where will the buffer zone be SET UP")
            topic = [g for g in groups if not g.is_entity and not g.context and g.word not in q.focus
                     and "PROVINCE" not in g.concepts and not g.concepts & {"ESTABLISH", "BUILD"}]
            # (a word as common as "ceasefire" ranks its own provision low among the facts naming it)
            point = self._provision_on(cands, topic, min_coverage=cands[0].coverage, depth=10)
            if point is not None and (point is cands[0] or isinstance(cands[0].item, EventView) and (
                    cands[0].item.kind in ("statement", "agreement", "talks", "session")
                    or not self._store.title_has_topic(cands[0].doc, topic))):
                return answer_describe(self._store, ctx, [point])
        return answer_describe(self._store, ctx, cands)


    def _provision_on(self, cands: list[Candidate], topic: list[Group], min_coverage: float = 0.0,
                      depth: int = 5) -> Candidate | None:
        """The provision among the top candidates whose title names `topic` ("the corridor")."""
        if not topic:
            return None
        return next((c for c in cands[:depth] if isinstance(c.item, PointView) and c.coverage >= min_coverage
                     and self._store.title_has_topic(c.doc, topic)), None)

    def _later_on_topic(self, ctx: Ctx, moment: datetime, topic: list[Group]) -> bool:
        """Whether an event after `moment` is about `topic` (its title names it)."""
        starts, events = self._store.events_sorted(ctx.negotiation_id)
        return any(self._store.title_has_topic(doc_key("event", e.id), topic)
                   for e in events[bisect_right(starts, moment.timestamp()):])

    def ranked(self, q: Query, ctx: Ctx, allowed: set[int] | None) -> tuple[Ctx, list[Candidate]]:
        """The candidates for a reworded question (a premise taken out), with the context to answer it in."""
        ctx2 = dataclasses.replace(ctx, q=q)
        groups = q.known_groups
        hits = self._store.index.search([g.terms for g in groups], limit=16, allowed=allowed) if groups else []
        return ctx2, rerank(self._store, ctx2, groups, hits)

    def problem(self, q: Query, cand: Candidate) -> str | None:
        problem = doubt(self._store, q, cand)
        if problem is None and focus_unsupported(self._store, q, cand):
            problem = "unrecorded"
        return problem


# "... and when did it start", "... ve ne zaman başladı", "... и когда началось": a second question.
COMPOUND = re.compile(r"[,;]?\s+(?:and|also|ve|и|а)\s+(?=(?:when|where|who|what|how|why|ne zaman|nerede|kim|neden|"
                      r"когда|где|кто|почему|сколько)\b)", re.IGNORECASE)
PRONOUN = re.compile(r"\b(it|they|them|this|that|these|those|bu|onlar|они|оно|он|она|это)\b", re.IGNORECASE)


def combine(first: Answer, second: Answer) -> Answer:
    """Two answers as one reply: both when both answered, else the one that did (or the first decline)."""
    if first.answered and second.answered:
        if first.matches[:1] == second.matches[:1]:
            return first
        return dataclasses.replace(first, blocks=first.blocks + second.blocks,
                                   matches=first.matches + tuple(m for m in second.matches if m not in first.matches))
    if second.answered:
        return second
    return first


def freeze_long_lived_objects() -> None:
    """Move every object alive now out of the cyclic garbage collector's reach (`gc.freeze()`).

    A process-wide setting, so the application decides, once, after building its long-lived state
    (the `Answerer` and the rest): a full collection pass over an index of 10,000 events otherwise
    stalls whichever answer triggers it. Frozen objects are still freed by reference counting; what
    is created later (edits, caches) is collected normally. Domain code never calls this by itself.
    """
    gc.collect()
    gc.freeze()
