"""The indexed facts of a snapshot and the per-fact caches the answering steps read."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import datetime

from bot.answering.analyze import text_term_set, token_terms
from bot.answering.context import Candidate, Item, is_range
from bot.answering.docs import doc_key, fields_of, index_terms
from bot.answering.index import InvertedIndex
from bot.answering.normalize import sentences, tokenize
from bot.answering.query import Group
from bot.answering.vocabulary import new_speller
from bot.snapshot import EventView, NegotiationView, PointView


class FactStore:
    """The indexed facts and everything cached per fact; edits go through `upsert_*` / `remove_*`,
    which drop exactly the caches the edit makes stale."""

    def __init__(self) -> None:
        self.index = InvertedIndex()
        self.speller = new_speller()
        self.events: dict[int, EventView] = {}
        self.points: dict[int, PointView] = {}
        self.negotiations: dict[int, NegotiationView] = {}
        self.by_negotiation: dict[int, set[int]] = {}
        self.title_terms: dict[int, frozenset[str]] = {}
        # Terms of the head of the English title ("Turkish–Russian talks" of "... talks in Ankara on the
        # details of the Idlib ceasefire"): what a ranged event's start and end are the start and end of.
        self.head_terms: dict[int, frozenset[str]] = {}
        self.topic_cache: dict[tuple[str, int | None], list[str]] = {}
        self._sorted: dict[object, tuple[list[float], list[EventView]]] = {}
        self._sentences: dict[tuple[int, str], list[tuple[str, frozenset[str], str]]] = {}
        self._clauses: dict[int, dict[str, int]] = {}
        self._attrib: dict[int, frozenset[str]] = {}
        self._positions: dict[int, tuple[tuple[frozenset[str], ...], ...]] = {}

    def upsert_event(self, event: EventView) -> None:
        self._put("event", event)
        self.events[event.id] = event
        self._sorted.clear()
        self.topic_cache.clear()

    def remove_event(self, event_id: int) -> None:
        event = self.events.pop(event_id, None)
        self._drop(doc_key("event", event_id), event.negotiation_id if event else None)
        self._sorted.clear()
        self.topic_cache.clear()

    def upsert_point(self, point: PointView) -> None:
        self._put("point", point)
        self.points[point.id] = point
        self.topic_cache.clear()

    def remove_point(self, point_id: int) -> None:
        point = self.points.pop(point_id, None)
        self._drop(doc_key("point", point_id), point.negotiation_id if point else None)
        self.topic_cache.clear()

    def _put(self, kind: str, item: Item) -> None:
        key = doc_key(kind, item.id)  # type: ignore[arg-type]
        old = self.events.get(item.id) if kind == "event" else self.points.get(item.id)
        if old is not None and old.negotiation_id != item.negotiation_id:
            self.by_negotiation.get(old.negotiation_id, set()).discard(key)
        indexed = index_terms(item)
        self.index.put(key, indexed.terms)
        for word, language in indexed.surface:
            self.speller.add(word, 1, language)
        self.by_negotiation.setdefault(item.negotiation_id, set()).add(key)
        titles: set[str] = set()
        for f in fields_of(item):
            if f.name == "title":
                titles |= text_term_set(f.text, f.language)
        self.title_terms[key] = frozenset(titles)
        self.head_terms[key] = text_term_set(title_head(item.title), "en")
        self._forget_cached(key)

    def _drop(self, key: int, negotiation_id: int | None) -> None:
        self.index.remove(key)
        self.title_terms.pop(key, None)
        self.head_terms.pop(key, None)
        if negotiation_id is not None:
            self.by_negotiation.get(negotiation_id, set()).discard(key)
        self._forget_cached(key)

    def _forget_cached(self, key: int) -> None:
        """Drop what was derived from a document's text (sentences, clauses, attributions, positions)."""
        for lang in ("en", "tr", "ru"):
            self._sentences.pop((key, lang), None)
        self._clauses.pop(key, None)
        self._attrib.pop(key, None)
        self._attrib.pop(-1 - key, None)
        self._positions.pop(key, None)

    def item(self, key: int) -> Item | None:
        return self.points.get(key // 2) if key % 2 else self.events.get(key // 2)

    def doc_sentences(self, cand: Candidate, lang: str) -> list[tuple[str, frozenset[str], str]]:
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

    def literal_terms(self, cand: Candidate) -> frozenset[str]:
        """The words (not concepts) of a fact, in every language it is stored in; cached."""
        key = -1 - cand.doc
        cached = self._attrib.get(key)
        if cached is None:
            words: set[str] = set()
            for f in fields_of(cand.item):
                words |= {t for t in text_term_set(f.text, f.language) if not t.startswith("#")}
            cached = self._attrib[key] = frozenset(words)
        return cached

    def token_terms(self, doc: int, item: Item) -> tuple[tuple[frozenset[str], ...], ...]:
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

    def attribution_terms(self, doc: int, item: Item) -> frozenset[str]:
        cached = self._attrib.get(doc)
        if cached is None:
            cached = text_term_set(" . ".join(s.attribution for s in item.sources if s.attribution), "en")
            self._attrib[doc] = cached
        return cached

    def action_supported(self, doc: int, item: Item, g: Group, others: list[Group]) -> bool:
        """Whether the action of group `g` is said in one sentence with one of the other words asked."""
        if is_range(item) and g.concepts & {"START", "END"} and self.head_has_topic(doc, others):
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

    def head_has_topic(self, doc: int, groups: list[Group]) -> bool:
        """The topic words asked (entities aside) are in the head of the title, not in a modifier."""
        head = self.head_terms.get(doc, frozenset())
        topic = [g for g in groups if not g.is_entity]
        return bool(topic) and all(g.hits(head) for g in topic)

    def title_has_topic(self, doc: int, groups: list[Group]) -> bool:
        titles = self.title_terms.get(doc, frozenset())
        return bool(groups) and all(g.hits(titles) for g in groups if not g.is_entity)

    def events_sorted(self, negotiation_id: int | None) -> tuple[list[float], list[EventView]]:
        cached = self._sorted.get(negotiation_id)
        if cached is None:
            chosen = [e for e in self.events.values()
                      if e.when.starts_at is not None and (negotiation_id is None or e.negotiation_id == negotiation_id)]
            chosen.sort(key=lambda e: (e.when.starts_at, e.id))  # type: ignore[arg-type, return-value]
            cached = ([e.when.starts_at.timestamp() for e in chosen], chosen)  # type: ignore[union-attr]
            self._sorted[negotiation_id] = cached
        return cached

    def key_events_sorted(self, negotiation_id: int | None) -> tuple[list[float], list[EventView]]:
        """Key dates (all events if none is marked key), date-sorted; cached like `_events_sorted`."""
        cached = self._sorted.get(("key", negotiation_id))  # type: ignore[call-overload]
        if cached is None:
            starts, events = self.events_sorted(negotiation_id)
            pairs = [(s, e) for s, e in zip(starts, events) if e.is_key_date] or list(zip(starts, events))
            cached = ([s for s, _ in pairs], [e for _, e in pairs])
            self._sorted[("key", negotiation_id)] = cached  # type: ignore[index]
        return cached

    def key_around(self, negotiation_id: int | None, now: datetime) -> tuple[EventView | None, EventView | None]:
        """The first key date after `now` and the last one before it (None where there is none)."""
        starts, events = self.key_events_sorted(negotiation_id)
        if not any(e.is_key_date for e in events[:1]):
            return None, None  # no key dates marked: callers fall back to all events
        cut = bisect_right(starts, now.timestamp())
        return (events[cut] if cut < len(events) else None), (events[cut - 1] if cut > 0 else None)

    def index_terms_of(self, doc: int) -> tuple[str, ...]:
        return self.index.doc_terms.get(doc, ())


HEAD_CUT = re.compile(r"\s(on|about|over|for|of|to|along|with|by|in|at|from|after|before|between|under)\s",
                       re.IGNORECASE)


def title_head(title: str) -> str:
    """The words of an English title before its first preposition (its subject)."""
    m = HEAD_CUT.search(title)
    return title[: m.start()] if m else title


def same(old: Item, new: Item) -> bool:
    """Whether an item is unchanged (frozen dataclasses; translations/aliases compared explicitly)."""
    if old is new:
        return True
    return old == new and old.translations == new.translations and old.aliases == new.aliases
