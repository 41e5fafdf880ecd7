"""Turning raw text (questions and stored text alike) into comparable tokens.

Both sides of a match go through the same functions, so whatever a user types ("İDLİB", "Idleb'de",
"M-4", "М4" in Cyrillic, "ateskes" without Turkish letters) meets the stored text in one form.
Two forms are kept per token: `lower` (language-aware lower case, letters intact, what a stemmer
needs) and `fold` (diacritics and Turkish dotless i folded away, what lookups use, so a question
typed on a keyboard without Turkish or Russian letters still matches).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Folding that a reader typing on a plain keyboard does implicitly.
_FOLD = str.maketrans(
    {
        "ı": "i", "ş": "s", "ğ": "g", "ç": "c", "ö": "o", "ü": "u", "â": "a", "î": "i", "û": "u",
        "ё": "е", "é": "e", "è": "e", "ä": "a", "ß": "ss", "’": "'", "‘": "'", "`": "'", "ʼ": "'",
    }
)

# Cyrillic → Latin, so names meet across scripts ("Идлиб" ~ "idlib", "Эрдоган" ~ "erdogan", "М4" ~ "m4").
_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
        "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "",
        "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    }
)

_CONTRACTIONS = [
    (re.compile(r"\bwon['’]t\b"), "will not"),
    (re.compile(r"\bcan['’]t\b"), "can not"),
    (re.compile(r"\b(\w+)n['’]t\b"), r"\1 not"),
    (re.compile(r"\b(\w+)['’]ll\b"), r"\1 will"),  # "who'll win": a forecast
    (re.compile(r"\b(\w+)['’](re|ve|d|m)\b"), r"\1"),
]
# "M-4", "M 4", "М-4" (Cyrillic) → "m4": road names are one token.
_ROAD = re.compile(r"\b([a-zа-я])\s?[-‐–]\s?(\d{1,3})\b")
_DIGIT = re.compile(r"\d")
_M_ROAD = re.compile(r"\b[мm](\d{1,3})\b")
_M_ROAD_SUFFIX = re.compile(r"\b(m\d{1,3})(un|ün|nun|nün|u|ü|e|a|ye|ya|de|da|te|ta|den|dan|ten|tan|le|la|yle|yla)\b")
_NUM_UNIT = re.compile(r"(\d)([a-zа-яçğışöü]{1,3})\b")
# A word, a number (3.7 / 3,7) or a road name; an apostrophe ends a Turkish proper noun ("Mart'ta").
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+(?:\d+)?|\d+[^\W\d_]*", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]")
_ACCENTED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    lower: str  # language-aware lower case, for stemmers
    fold: str  # accent- and dotless-i-free, for lookups
    pos: int  # index in the token list (phrases need adjacency)
    cyrillic: bool


def lower(text: str, language: str = "en") -> str:
    """Lower-case with Turkish rules where they matter.

    Python maps "İ" to "i̇" (i + combining dot) and "I" to "i"; Turkish needs İ→i and I→ı. The dotted
    capital is unambiguous in any language, so it always becomes "i"; the plain "I" becomes "ı" only in
    Turkish text, and folding maps "ı" back to "i" for lookups anyway.
    """
    text = text.replace("İ", "i").replace("i̇", "i")
    if language == "tr":
        text = text.replace("I", "ı")
    return unicodedata.normalize("NFC", text.lower())


def fold(text: str) -> str:
    """Accent-free form used for every lookup ("ateşkes" → "ateskes", "ещё" → "еще")."""
    text = text.translate(_FOLD)
    if text.isascii() or not _ACCENTED.search(text):
        return text
    decomposed = unicodedata.normalize("NFD", text.replace("й", "\x00"))
    if any(unicodedata.combining(ch) for ch in decomposed):
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("\x00", "й")
    return text


def translit(text: str) -> str:
    """Latin spelling of a Cyrillic word (for names and road numbers)."""
    return text.translate(_TRANSLIT)


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def has_content(text: str) -> bool:
    """False for empty or punctuation/emoji-only messages."""
    return bool(_LETTER_OR_DIGIT.search(text or ""))


def prepare(text: str, language: str = "en") -> str:
    """Lower-cased text with contractions expanded and road names joined; still with its letters."""
    text = lower(text, language)
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    if "'" in text:  # (each pattern needs an apostrophe: most questions have none)
        for pattern, repl in _CONTRACTIONS:
            text = pattern.sub(repl, text)
    if _DIGIT.search(text):  # (road names and units all carry a digit)
        text = _ROAD.sub(lambda m: (translit(m.group(1)) if is_cyrillic(m.group(1)) else m.group(1)) + m.group(2), text)
        text = _M_ROAD.sub(r"m\1", text)
        # "m4un", "m4te": a Turkish case ending written onto the road's name without the apostrophe
        text = _M_ROAD_SUFFIX.sub(r"\1", text)
        text = _NUM_UNIT.sub(r"\1 \2", text)
    return text


_SUFFIX = re.compile(r"(?<=[^\W_])'[^\W\d_]*|'")
_THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])")
_TR_THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3}(?:\.\d{3})+(?![\d.])")


def tokenize(text: str, language: str = "en") -> list[Token]:
    """Tokens of `text`. The part after an apostrophe ("Ankara'da", "Russia's") is a suffix: dropped."""
    # "60,000" is sixty thousand (a comma before exactly three digits groups thousands), not 60.000
    prepared = prepare(text, language)
    if _DIGIT.search(prepared):
        prepared = _THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), prepared)
        if language == "tr":  # "60.000" in Turkish
            prepared = _TR_THOUSANDS.sub(lambda m: m.group(0).replace(".", ""), prepared)
    out: list[Token] = []
    # an apostrophe after a letter starts a suffix; one opening a quotation ("what is 'line of contact'") does not
    for piece in (_SUFFIX.split(prepared) if "'" in prepared else (prepared,)):
        for match in _TOKEN.finditer(piece):
            word = match.group(0)
            out.append(Token(lower=word, fold=fold(word), pos=len(out), cyrillic=is_cyrillic(word)))
    return out


def folded_text(tokens: list[Token]) -> str:
    """The question as one folded string, for phrase patterns (intent cues)."""
    return " ".join(t.fold for t in tokens)


SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"”»]?\s+(?=[\"“«(]?[A-ZÇĞİÖŞÜА-ЯЁ0-9])")


def sentences(text: str) -> list[str]:
    """Sentences of a details text (for picking the one that answers a how-many/where question)."""
    text = " ".join(text.split())
    if not text:
        return []
    return [s.strip() for s in SENTENCE_SPLIT.split(text) if s.strip()]


# Russian typed in Latin letters ("kogda nachnutsya patruli"): back to Cyrillic, longest spellings first.
_LATIN_TO_CYR = [
    ("shch", "щ"), ("tsya", "тся"), ("tsia", "тся"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"),
    ("sh", "ш"), ("ts", "ц"), ("yu", "ю"), ("ju", "ю"), ("ya", "я"), ("ja", "я"), ("yo", "ё"), ("jo", "ё"),
    ("iy", "ий"), ("yy", "ый"), ("oy", "ой"), ("ey", "ей"), ("ay", "ай"), ("uy", "уй"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
    ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"),
    ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "к"), ("q", "к"), ("x", "кс"), ("y", "ы"), ("'", "ь"),
]
_LATIN_WORD = re.compile(r"[a-z']+")


def latin_to_cyrillic(text: str) -> str:
    """Cyrillic spelling of transliterated Russian; digits and road names ("m4") are kept."""

    def convert(m: re.Match[str]) -> str:
        word = m.group(0)
        out, i = [], 0
        if word.startswith("e"):
            out.append("э")
            i = 1
        while i < len(word):
            for latin, cyr in _LATIN_TO_CYR:
                if word.startswith(latin, i):
                    out.append(cyr)
                    i += len(latin)
                    break
            else:
                i += 1
        return "".join(out)

    return re.sub(r"\b(?![a-z]\d)[a-z']+\b", convert, text.lower())
