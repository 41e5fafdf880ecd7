"""An inverted index with incremental updates: term → {doc: weight}.

A question touches only the postings of its own terms, so its cost follows how many documents
share its words, not how many documents there are. Terms are scored rarest first; once a very
common term (say "Turkey" among 10,000 events) is reached, it only adds to documents already found,
which keeps the worst case bounded. Adding, replacing or removing one document touches only that
document's postings (a few hundred dictionary operations).
"""

from __future__ import annotations

import heapq
import math
from operator import itemgetter
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hit:
    doc: int
    score: float
    mask: int  # bit i set: query group i matched this document
    group_scores: tuple[float, ...]


class InvertedIndex:
    # A word in more documents than this only re-scores documents found by rarer words.
    COMMON = 300
    # At most this many candidates are carried into the scoring of common words.
    CANDIDATES = 200

    GROUP_CACHE = 4096
    # Above this many documents for the rarest word, candidates come from each word's best documents.
    HUGE = 1000

    def __init__(self) -> None:
        self.postings: dict[str, dict[int, float]] = {}
        self.doc_terms: dict[int, tuple[str, ...]] = {}
        self.version = 0  # bumped by every edit
        # Per-term edit counters: an edit invalidates the cached merged postings of its own words only.
        self._term_version: dict[str, int] = {}
        self._group_cache: dict[tuple[tuple[str, float], ...], tuple[object, dict[int, float], list[int]]] = {}

    def __len__(self) -> int:
        return len(self.doc_terms)

    def __contains__(self, term: str) -> bool:
        return term in self.postings

    def df(self, term: str) -> int:
        p = self.postings.get(term)
        return len(p) if p else 0

    def idf(self, term: str) -> float:
        n = len(self.doc_terms)
        df = self.df(term)
        if df == 0 or n == 0:
            return 0.0
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def put(self, doc: int, terms: dict[str, float]) -> None:
        """Add a document, replacing any earlier version of it."""
        if doc in self.doc_terms:
            self.remove(doc)
        self.version += 1
        postings = self.postings
        tv = self._term_version
        for term, weight in terms.items():
            tv[term] = tv.get(term, 0) + 1
            p = postings.get(term)
            if p is None:
                postings[term] = {doc: weight}
            else:
                p[doc] = weight
        self.doc_terms[doc] = tuple(terms)

    def remove(self, doc: int) -> None:
        terms = self.doc_terms.pop(doc, None)
        if not terms:
            return
        self.version += 1
        postings = self.postings
        tv = self._term_version
        for term in terms:
            tv[term] = tv.get(term, 0) + 1
            p = postings.get(term)
            if p is not None:
                p.pop(doc, None)
                if not p:
                    del postings[term]

    def _merged(self, group: list[tuple[str, float]]) -> dict[int, float]:
        """doc → best weighted score over a group's alternative terms; cached until the next edit.

        The same words ("patrols", "ceasefire") recur across different questions, so merging their
        postings once per edit, not once per question, keeps common words cheap."""
        key = tuple(group)
        n = len(self.doc_terms)
        # Valid while none of its words was edited and the collection size (idf) is about the same.
        stamp = (tuple(self._term_version.get(t, 0) for t, _ in group), n // 100 if n >= 1000 else n)
        cached = self._group_cache.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        merged: dict[int, float] = {}
        for term, qweight in group:
            p = self.postings.get(term)
            if not p:
                continue
            df = len(p)
            weight = math.log(1.0 + (n - df + 0.5) / (df + 0.5)) * qweight
            if not merged:
                merged = {doc: w * weight for doc, w in p.items()}
                continue
            get = merged.get
            for doc, w in p.items():
                s = w * weight
                if s > get(doc, 0.0):
                    merged[doc] = s
        if len(self._group_cache) >= self.GROUP_CACHE:
            self._group_cache.clear()
        top = [doc for doc, _ in heapq.nlargest(self.CANDIDATES // 4, merged.items(), key=itemgetter(1))] \
            if len(merged) > self.CANDIDATES else list(merged)
        self._group_cache[key] = (stamp, merged, top)
        return merged

    def _top(self, group: list[tuple[str, float]]) -> list[int]:
        """The documents a group scores highest (computed with the merged postings)."""
        self._merged(group)
        return self._group_cache[tuple(group)][2]

    def search(
        self,
        groups: list[list[tuple[str, float]]],
        *,
        limit: int = 12,
        allowed: set[int] | None = None,
    ) -> list[Hit]:
        """Documents by summed best-term score per group (a group = one word of the question and
        its alternatives: stems, concept, correction). `allowed` restricts to some documents."""
        if not self.doc_terms or not groups:
            return []
        merged = [(self._merged(group), gi) for gi, group in enumerate(groups)]
        merged = [(m, gi) for m, gi in merged if m]
        if not merged:
            return []
        merged.sort(key=lambda x: len(x[0]))
        scores: dict[int, list[float]] = {}
        totals: dict[int, float] = {}
        rows_from: list[tuple[dict[int, float], int]] = []  # per-group scores, for rows built only for the best
        ngroups = len(groups)
        if allowed is not None and len(allowed) <= 10 * self.CANDIDATES:
            # A question scoped to one negotiation: score its own documents directly.
            gets = [m.get for m, _gi in merged]
            for doc in allowed:
                total = sum([g(doc, 0.0) for g in gets])
                if total:
                    totals[doc] = total
            rows_from = merged
            merged = []
        elif len(merged[0][0]) > self.CANDIDATES:
            # Even the rarest word is common: start from the documents that have the two rarest words
            # (a set intersection, done in C) plus each word's best-scoring documents.
            tops: set[int] = set()
            for _m, gi in merged:
                tops.update(self._top(groups[gi]))
            m0 = merged[0][0]
            if len(merged) > 1 and len(m0) > self.HUGE and any(d in m0 and d in merged[1][0] for d in tops):
                # Every word is in thousands of documents: intersecting them would only be cut back to
                # the best-scoring ones below, so go straight to those (no set of thousands built).
                seed = tops
            else:
                seed = set(m0.keys() & merged[1][0].keys()) if len(merged) > 1 else set()
            for m, _gi in merged[2:]:
                if len(seed) <= self.CANDIDATES:
                    break
                narrower = seed & m.keys()
                if not narrower:
                    break
                seed = narrower
            if len(seed) > self.CANDIDATES:
                # Too many share the rarest words: those that also score high on one of them.
                narrowed = seed & tops
                seed = narrowed if narrowed else set(list(seed)[: self.CANDIDATES])
            seed |= tops
            if allowed is not None:
                seed &= allowed
            gets = [m.get for m, _gi in merged]
            for doc in seed:
                totals[doc] = sum([g(doc, 0.0) for g in gets])
            rows_from = merged
            merged = []
        for m, gi in merged:
            if len(totals) > self.CANDIDATES:
                # Rarest words first: what is left are common words that add little; keep the best
                # candidates so far, so a common word costs at most CANDIDATES lookups.
                keep = heapq.nlargest(self.CANDIDATES, totals.items(), key=itemgetter(1))
                totals = dict(keep)
                scores = {doc: scores[doc] for doc in totals}
            if totals and len(m) > self.COMMON:
                pairs = [(doc, m[doc]) for doc in totals if doc in m]
            else:
                pairs = m.items()  # type: ignore[assignment]
            for doc, s in pairs:
                if allowed is not None and doc not in allowed:
                    continue
                row = scores.get(doc)
                if row is None:
                    row = scores[doc] = [0.0] * ngroups
                    totals[doc] = 0.0
                row[gi] = s
                totals[doc] += s
        if not totals:
            return []
        best = heapq.nlargest(limit, totals.items(), key=lambda kv: (kv[1], -kv[0]))
        hits = []
        for doc, total in best:
            row = scores.get(doc) or _score_row(doc, rows_from, ngroups)[0]
            mask = 0
            for i, s in enumerate(row):
                if s > 0:
                    mask |= 1 << i
            hits.append(Hit(doc, total, mask, tuple(row)))
        return hits


def _score_row(doc: int, merged: list[tuple[dict[int, float], int]], ngroups: int) -> tuple[list[float], float]:
    """One document's score per question word group, and their sum."""
    row = [0.0] * ngroups
    total = 0.0
    for m, gi in merged:
        s = m.get(doc)
        if s:
            row[gi] = s
            total += s
    return row, total
