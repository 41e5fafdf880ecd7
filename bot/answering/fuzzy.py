"""Typo correction against the words the bot actually knows ("patrolls" → "patrols").

A symmetric-delete index (the SymSpell idea): every known word is stored under each of its
one-letter deletions, so a word within one edit of a typo is found by a few dictionary lookups,
whatever the size of the vocabulary; two edits are tried for long words. Costs do not grow with the
number of events, and new words from an admin's edit are added incrementally.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from rapidfuzz.distance import Levenshtein


_LANG_BITS = {"en": 1, "tr": 2, "ru": 4}


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Speller:
    """Nearest known word within a small edit distance, preferring frequent and same-initial words."""

    MIN_LEN = 4

    def __init__(self) -> None:
        self._freq: Counter[str] = Counter()
        # Tuples, not sets: immutable tuples of strings are untracked by the cyclic GC.
        self._by_delete: dict[str, tuple[str, ...]] = {}
        self._cache: dict[tuple[str, str | None], str | None] = {}
        self._protected: set[str] = set()
        # Which languages' text a word was seen in (bit per language): an English typo is corrected to
        # an English word, not to a Turkish one that happens to be one letter away ("basic" → "başı").
        self._langs: dict[str, int] = {}

    def __contains__(self, word: str) -> bool:
        return word in self._freq or word in self._protected

    def protect(self, word: str) -> None:
        """A word that is never corrected but never suggested either (off-topic words: correcting
        "wire" to "weather"-like words would decline a good question)."""
        self._protected.add(word)

    def add(self, word: str, count: int = 1, language: str | None = None) -> None:
        if len(word) < self.MIN_LEN - 1 or word.isdigit():
            return
        self._langs[word] = self._langs.get(word, 0) | _LANG_BITS.get(language or "", 7)
        if word not in self._freq:
            by_delete = self._by_delete
            for d in _deletes(word) | {word}:
                by_delete[d] = by_delete.get(d, ()) + (word,)
            self._cache.clear()
        self._freq[word] += count

    def correct(self, word: str, language: str | None = None) -> str | None:
        """The known word closest to `word` (seen in `language`'s text), or None if none is close."""
        key = (word, language)
        if key in self._cache:
            return self._cache[key]
        result = self._correct(word, _LANG_BITS.get(language or "", 7))
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = result
        return result

    def _correct(self, word: str, lang_bit: int) -> str | None:
        if len(word) < self.MIN_LEN or word.isdigit() or word in self._freq or word in self._protected:
            return None
        # Short words have many real neighbours ("make"/"take"), so only one slip is allowed below
        # eight letters, and the first letter must agree (people rarely mistype it).
        max_dist = 1 if len(word) < 8 else 2
        probes = {word} | _deletes(word)
        if max_dist == 2:
            probes |= {d2 for d in _deletes(word) for d2 in _deletes(d)}
        candidates: set[str] = set()
        for p in probes:
            hit = self._by_delete.get(p)
            if hit:
                candidates.update(hit)
        best: tuple[int, int, int, str] | None = None
        for cand in candidates:
            if cand[0] != word[0] or not self._langs.get(cand, 7) & lang_bit:
                continue
            dist = Levenshtein.distance(word, cand, weights=(1, 1, 1))
            # A swapped pair of letters is one slip, not two.
            if dist == 2 and len(word) == len(cand) and _is_transposition(word, cand):
                dist = 1
            if dist > max_dist or abs(len(cand) - len(word)) > max_dist:
                continue
            key = (dist, 0 if cand[0] == word[0] else 1, -self._freq[cand], cand)
            if best is None or key < best:
                best = key
        return best[3] if best else None


def _is_transposition(a: str, b: str) -> bool:
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


# How often a word must occur in pyspellchecker's English frequency list to count as a word of its
# own: "true", "help", "letter" (tens of thousands) are; chat misspellings ("wen": 336) are not.
_COMMON_ENGLISH = 1000


@lru_cache(maxsize=1)
def _english_words():  # type: ignore[no-untyped-def]
    from spellchecker import SpellChecker  # loaded on the first unknown English word (0.1 s), not at import

    return SpellChecker(language="en", distance=1)


@lru_cache(maxsize=8192)
def common_english(word: str) -> bool:
    """Whether `word` is a common English word in its own right, so not a typo of a stored word.

    The speller only knows the timeline's words, so it would read "is it true" as "truce" and
    "help" as "held"; an English dictionary says those are words, and they stay as asked.
    """
    return _english_words()[word] >= _COMMON_ENGLISH
