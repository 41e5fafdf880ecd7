"""The words the speller must know (and must not correct) before any fact is indexed."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answering.analyze import (
    compiled_lexicon,
    off_topic_lexicon,
    other_names_lexicon,
)
from bot.answering.fuzzy import Speller
from bot.answering.intent import _HARD_PREDICTION, _SOFT_PREDICTION
from bot.answering.lexicon import INTENT_PATTERNS, STOPWORDS
from bot.answering.normalize import fold


@lru_cache(maxsize=1)
def known_vocabulary() -> frozenset[str]:
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


def new_speller() -> Speller:
    """A speller that knows the question vocabulary and never "corrects" an off-topic or unknown name."""
    speller = Speller()
    for word in known_vocabulary():
        speller.add(word, 3)
    for word in off_topic_lexicon().words | other_names_lexicon().words:
        speller.protect(word)
    for words in STOPWORDS.values():
        for w in words:
            speller.add(fold(w), 5)
    for cue in ("when", "where", "what", "which", "who", "why", "how", "start", "status", "latest", "next",
                "holding", "still", "going", "agreed", "happened", "corridor", "patrols", "ceasefire"):
        speller.add(cue, 5)
    return speller
