"""Text → index terms, the one pipeline both stored text and questions go through.

A token yields several terms: its stem (snowball, in the language of the text), its folded surface
form, its Latin spelling if Cyrillic (names: "Идлиб" ~ "idlib"), and the language-free concept(s)
of the general lexicon ("#PATROL" for patrols/devriyeler/патрули). Questions additionally try the
English and Turkish stems of Latin words, because a Turkish question may quote an English name.
Everything is cached: the vocabulary of a question or an event is small and repeats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

from bot.answering import lexicon
from bot.answering.normalize import Token, fold, tokenize, translit

_STEMMER_NAMES = {"en": "english", "tr": "turkish", "ru": "russian"}
_MONTHS: dict[str, dict[str, list[str]]] = {
    "en": {str(i + 1): [m] for i, m in enumerate(
        "january february march april may june july august september october november december".split())},
    "tr": {str(i + 1): [m + "*"] for i, m in enumerate(
        "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık".split())},
    "ru": {str(i + 1): [m] for i, m in enumerate(
        "январ* феврал* март* апрел* ма[йя] июн* июл* август* сентябр* октябр* ноябр* декабр*".split())},
}
_EN_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                  "oct": 10, "nov": 11, "dec": 12}
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


@lru_cache(maxsize=None)
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_STEMMER_NAMES.get(language, "english"))


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """Folded snowball stem; cached because the same words recur in every question and event."""
    return fold(_stemmer(language).stemWord(word))


# Concepts naming what happened ("start", "agree", "guard"), as opposed to a topic or a party.
ACTION_CONCEPTS = frozenset({
    "START", "END", "CLOSE", "SUSPEND", "POSTPONE", "CANCEL", "AGREE", "ARRIVE", "DEPART", "KILL", "DEPLOY",
    "VIOLATION", "RETALIATE", "ESTABLISH", "BUILD", "REMAIN", "STOP", "DISPLACE", "RESUME", "LEAD", "GUARD", "COMMAND",
})


@dataclass(frozen=True, slots=True)
class Phrase:
    parts: tuple[tuple[str, bool], ...]  # (folded text or stem, is_prefix)
    concept: str


@dataclass
class Lexicon:
    """The general lexicon compiled for lookups: exact stems, prefixes, phrases → concept ids."""

    exact: dict[str, set[str]] = field(default_factory=dict)
    prefix: dict[str, set[str]] = field(default_factory=dict)
    phrases: dict[str, list[Phrase]] = field(default_factory=dict)  # keyed by first part
    phrase_prefixes: dict[str, list[Phrase]] = field(default_factory=dict)  # first part is a prefix
    words: set[str] = field(default_factory=set)  # folded surface words, for typo correction
    # "=öl*": a prefix of the *unfolded* word, where folding would merge two words ("öldü" died / "oldu" was)
    lower_prefix: dict[str, set[str]] = field(default_factory=dict)
    max_prefix: int = 3

    def add(self, concept: str, entry: str, language: str) -> None:
        entry = entry.strip()
        if not entry:
            return
        if entry.startswith("=") and entry.endswith("*"):
            text = entry[1:-1].lower()
            self.lower_prefix.setdefault(text, set()).add(concept)
            self.max_prefix = max(self.max_prefix, len(text))
            return
        parts = entry.split()
        if len(parts) > 1:
            compiled = tuple(self._part(p, language) for p in parts)
            phrase = Phrase(compiled, concept)
            first, is_prefix = compiled[0]
            if is_prefix:
                self.phrase_prefixes.setdefault(first, []).append(phrase)
                self.max_prefix = max(self.max_prefix, len(first))
            else:
                self.phrases.setdefault(first, []).append(phrase)
            for p in parts:
                self.words.add(fold(p.rstrip("*").lower()))
            return
        text, is_prefix = self._part(entry, language)
        if is_prefix:
            self.prefix.setdefault(text, set()).add(concept)
            self.max_prefix = max(self.max_prefix, len(text))
            self.words.add(text)
        else:
            self.exact.setdefault(text, set()).add(concept)
            self.exact.setdefault(fold(entry.lower()), set()).add(concept)
            self.words.add(fold(entry.lower()))

    @staticmethod
    def _part(part: str, language: str) -> tuple[str, bool]:
        if part.endswith("*"):
            return fold(part[:-1].lower().replace("İ", "i")), True
        return stem(part.lower(), language), False

    def concepts_of(self, surface: str, stems: tuple[str, ...], lower: str | None = None) -> set[str]:
        found: set[str] = set()
        if lower is not None and self.lower_prefix and lower != surface:
            for k in range(min(len(lower), self.max_prefix), 1, -1):
                hit = self.lower_prefix.get(lower[:k])
                if hit:
                    found |= hit
        for s in (surface, *stems):
            hit = self.exact.get(s)
            if hit:
                found |= hit
        for k in range(min(len(surface), self.max_prefix), 2, -1):
            hit = self.prefix.get(surface[:k])
            if hit:
                found |= hit
        return found


def _month_regex_entries() -> list[tuple[str, str, str]]:
    out = []
    for lang, months in _MONTHS.items():
        for number, words in months.items():
            for w in words:
                out.append((f"MONTH{number}", w, lang))
    return out


@lru_cache(maxsize=1)
def compiled_lexicon() -> Lexicon:
    """The lexicon, compiled once per process (about 10 ms)."""
    lex = Lexicon()
    for concept, by_lang in lexicon.CONCEPTS.items():
        for lang, entries in by_lang.items():
            for entry in entries:
                lex.add(concept, entry, lang)
    for concept, entries in lexicon.NAMES.items():
        for entry in entries:
            lex.add(concept, entry, "en")
    for concept, entry, lang in _month_regex_entries():
        if "[" in entry:  # "ма[йя]": May in Russian, two forms
            for form in ("май", "мая", "мае"):
                lex.add(concept, form, lang)
        else:
            lex.add(concept, entry, lang)
    for abbr, number in _EN_MONTH_ABBR.items():
        lex.add(f"MONTH{number}", abbr, "en")
    return lex


@lru_cache(maxsize=4)
def off_topic_lexicon(only: str | None = None) -> Lexicon:
    """Subjects the bot never covers (weather, sport, ...), compiled like the concepts (`only`: one
    language's entries)."""
    lex = Lexicon()
    for category, by_lang in lexicon.OFF_TOPIC.items():
        for lang, entries in by_lang.items():
            if only is not None and lang != only:
                continue
            for entry in entries:
                lex.add(category, entry, lang)
    return lex


class TokenTerms(NamedTuple):
    """What one token contributes: its own-word terms, and the concepts it stands for.

    Plain tuples of strings: the caches holding these stay invisible to the cyclic garbage
    collector, which otherwise walks millions of cached objects and stalls answers."""

    words: tuple[str, ...]  # stems / surface / transliteration
    concepts: tuple[str, ...]  # concept ids, without the "#"


def token_terms(token: Token, language: str, *, query: bool) -> TokenTerms:
    return _token_terms(token.lower, token.fold, token.cyrillic, language, query)


@lru_cache(maxsize=200_000)
def _token_terms(lower_: str, folded: str, cyrillic: bool, language: str, query: bool) -> TokenTerms:
    lex = compiled_lexicon()
    words: list[str] = []
    if _NUMBER.match(folded):
        words.append("n:" + folded.replace(",", "."))
        return TokenTerms(tuple(words), ())
    if cyrillic:
        stems = (stem(lower_, "ru"),)
        words.extend(stems)
        latin = translit(stems[0])
        if len(latin) >= 3:
            words.append(latin)
    else:
        langs = {language if language in ("en", "tr") else "en"}
        if query:
            langs |= {"en", "tr"}
        stems = tuple(stem(lower_, lang) for lang in sorted(langs))
        words.extend(stems)
    words.append(folded)
    unique_words = tuple(dict.fromkeys(w for w in words if w))
    concepts = lex.concepts_of(folded, stems, lower_)
    return TokenTerms(unique_words, tuple(sorted(concepts)))


def phrase_concepts(tokens: list[Token], language: str, lex: Lexicon | None = None) -> list[tuple[int, int, str]]:
    """Multi-word concepts ("take effect", "вступил в силу") as (first, last token index, concept)."""
    lex = lex or compiled_lexicon()
    found: list[tuple[int, int, str]] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        stems = {stem(tok.lower, "ru") if tok.cyrillic else stem(tok.lower, language if language != "ru" else "en"),
                 tok.fold}
        if not tok.cyrillic and language != "en":
            stems.add(stem(tok.lower, "en"))
        candidates: list[Phrase] = []
        for s in stems:
            candidates.extend(lex.phrases.get(s, ()))
        for k in range(min(len(tok.fold), lex.max_prefix), 2, -1):
            hit = lex.phrase_prefixes.get(tok.fold[:k])
            if hit:
                candidates.extend(hit)
        for ph in candidates:
            if i + len(ph.parts) > n:
                continue
            at, skipped, ok = i, 0, True
            for text, is_prefix in ph.parts[1:]:
                at += 1
                # "the guns ACTUALLY went quiet": an adverb inside a phrase does not break it
                while at < n - 1 and skipped < 2 and tokens[at].fold in PHRASE_FILLERS and not _part_is(
                        tokens[at], text, is_prefix, language):
                    at, skipped = at + 1, skipped + 1
                if at >= n or not _part_is(tokens[at], text, is_prefix, language):
                    ok = False
                    break
            if ok:
                found.append((i, at, ph.concept))
    return found


# Adverbs that may sit inside a phrase without changing it.
PHRASE_FILLERS = frozenset({"actually", "really", "finally", "already", "just", "even", "fully", "completely",
                            "truly", "indeed", "eventually", "gercekten", "artik", "действительно", "уже", "наконец"})


def _part_is(t: Token, text: str, is_prefix: bool, language: str) -> bool:
    if is_prefix:
        return t.fold.startswith(text)
    tstems = {t.fold, stem(t.lower, "ru") if t.cyrillic else stem(t.lower, language if language != "ru" else "en")}
    if not t.cyrillic:
        tstems.add(stem(t.lower, "en"))
    return text in tstems


def analyze_text(text: str, language: str) -> tuple[dict[str, int], tuple[str, ...]]:
    """Term counts of a stored text (stems, surface forms, concepts) and its folded words."""
    counts, words = _analyze_cached(text, language)
    return dict(counts), words


@lru_cache(maxsize=20_000)
def _analyze_cached(text: str, language: str) -> tuple[tuple[tuple[str, int], ...], tuple[str, ...]]:
    counts, tokens = _analyze(text, language)
    return tuple(counts.items()), tuple(t.fold for t in tokens)


def _analyze(text: str, language: str) -> tuple[dict[str, int], list[Token]]:
    tokens = tokenize(text, language)
    counts: dict[str, int] = {}
    phrases = phrase_concepts(tokens, language)
    # A word inside an idiom does not bring its own action ("mevzilerini KORUYOR" keeps positions, it does
    # not guard anything): the same rule the question side applies (query.analyse).
    covered_by: dict[int, set[str]] = {}
    for first, last, concept in phrases:
        for j in range(first + 1, last + 1):
            covered_by.setdefault(j, set()).add(concept)
    for i, tok in enumerate(tokens):
        tt = token_terms(tok, language, query=False)
        for w in tt.words:
            counts[w] = counts.get(w, 0) + 1
        concepts = tt.concepts
        inside = covered_by.get(i)
        if inside is not None and not inside.intersection(concepts):
            concepts = tuple(c for c in concepts if c not in ACTION_CONCEPTS)
        for c in concepts:
            key = "#" + c
            counts[key] = counts.get(key, 0) + 1
    for _first, _last, concept in phrases:
        key = "#" + concept
        counts[key] = counts.get(key, 0) + 1
    for term in article_terms(tokens):
        counts[term] = counts.get(term, 0) + 1
    return counts, tokens


# "Article 3", "3. madde", "maddesi 3", "статья 3", "статьи 3": a numbered provision, one term ("art:3").
_ARTICLE_WORDS = ("article", "art", "madde", "статья", "статьи", "статье", "статью", "пункт")


def article_terms(tokens: list[Token]) -> list[str]:
    return [term for _i, term in _articles(tokens)]


def article_positions(tokens: list[Token]) -> set[int]:
    """Where the word "article" stands: a word the speller must leave alone ("madde" is no "made")."""
    return {i for i, _term in _articles(tokens)}


def _articles(tokens: list[Token]) -> list[tuple[int, str]]:
    out = []
    for i, tok in enumerate(tokens):
        if not tok.fold.startswith(_ARTICLE_WORDS):
            continue
        for j in (i + 1, i - 1):
            if 0 <= j < len(tokens) and tokens[j].fold.isdigit() and len(tokens[j].fold) <= 2:
                out.append((i, f"art:{int(tokens[j].fold)}"))
                break
    return out


@lru_cache(maxsize=50_000)
def text_term_set(text: str, language: str) -> frozenset[str]:
    """All terms of a short text (a sentence), for comparing it with a question."""
    return frozenset(term for term, _ in _analyze_cached(text, language)[0])


@lru_cache(maxsize=1)
def other_names_lexicon() -> Lexicon:
    """Names of other countries, conflicts and politicians (lexicon.OTHER_NAMES), compiled like concepts."""
    lex = Lexicon()
    for lang, entries in lexicon.OTHER_NAMES.items():
        for entry in entries:
            lex.add("OTHER", entry, lang)
    return lex
