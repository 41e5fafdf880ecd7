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
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hit:
    doc: int
    score: float
    mask: int  # bit i set: query group i matched this document
    group_scores: tuple[float, ...]


class InvertedIndex:
    # A term with more postings than this only re-scores documents found by rarer terms.
    COMMON = 1500

    def __init__(self) -> None:
        self.postings: dict[str, dict[int, float]] = {}
        self.doc_terms: dict[int, tuple[str, ...]] = {}

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
        postings = self.postings
        for term, weight in terms.items():
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
        postings = self.postings
        for term in terms:
            p = postings.get(term)
            if p is not None:
                p.pop(doc, None)
                if not p:
                    del postings[term]

    def search(
        self,
        groups: list[list[tuple[str, float]]],
        *,
        limit: int = 12,
        allowed: set[int] | None = None,
    ) -> list[Hit]:
        """Documents by summed best-term score per group (a group = one word of the question and
        its alternatives: stems, concept, correction). `allowed` restricts to some documents."""
        n = len(self.doc_terms)
        if n == 0 or not groups:
            return []
        prepared = []
        for gi, group in enumerate(groups):
            terms = []
            size = 0
            for term, qweight in group:
                p = self.postings.get(term)
                if p:
                    df = len(p)
                    idf = math.log(1.0 + (n - df + 0.5) / (df + 0.5))
                    terms.append((p, idf * qweight))
                    size += df
            if terms:
                prepared.append((size, gi, terms))
        prepared.sort(key=lambda x: x[0])
        scores: dict[int, list[float]] = {}
        ngroups = len(groups)
        for size, gi, terms in prepared:
            restrict = size > self.COMMON and scores
            group_best: dict[int, float] = {}
            for p, weight in terms:
                if restrict:
                    for doc in scores:
                        w = p.get(doc)
                        if w is not None:
                            s = w * weight
                            if s > group_best.get(doc, 0.0):
                                group_best[doc] = s
                else:
                    for doc, w in p.items():
                        s = w * weight
                        if s > group_best.get(doc, 0.0):
                            group_best[doc] = s
            for doc, s in group_best.items():
                if allowed is not None and doc not in allowed:
                    continue
                row = scores.get(doc)
                if row is None:
                    row = scores[doc] = [0.0] * ngroups
                row[gi] = s
        if not scores:
            return []
        best = heapq.nlargest(limit, scores.items(), key=lambda kv: (sum(kv[1]), -kv[0]))
        hits = []
        for doc, row in best:
            mask = 0
            for i, s in enumerate(row):
                if s > 0:
                    mask |= 1 << i
            hits.append(Hit(doc, sum(row), mask, tuple(row)))
        return hits
