"""Places a yes/no question puts something at ("in Istanbul", "İstanbul'da", "в Стамбуле").

A place named that way is a premise to check against the record, not a word to search for: the
talks are found without it, and where they were recorded confirms or corrects it.
"""

from __future__ import annotations

import re

from bot.answering.analyze import text_term_set
from bot.answering.context import Item
from bot.answering.query import Group, Query
from bot.snapshot import EventView

# Concepts naming a place the timeline records things at.
PLACE_CONCEPTS = frozenset({"ANKARA", "MOSCOW", "IDLIB", "SARAQIB", "SYRIA"})
_PREPOSITIONS = frozenset({"in", "at", "to", "into", "inside", "в", "во", "на"})
# Turkish puts the place in a suffix: "İstanbul'da", "Soçi'de", "Ankarada", "Moskova'ya".
_TR_LOCATIVE = re.compile(r"^(?P<stem>.+?)['’]?(?:da|de|ta|te|daki|deki|taki|teki|ya|ye|a|e)$")
_TR_APOSTROPHE_LOCATIVE = re.compile(r"['’](?:da|de|ta|te|daki|deki|taki|teki|ya|ye|a|e)$")


def located_places(q: Query, question: str) -> list[tuple[int | None, str]]:
    """(group index or None for a name the timeline never mentions, the words as the reader wrote them)."""
    words = re.findall(r"[\w'’-]+", question)
    lowered = [w.lower() for w in words]
    out: list[tuple[int | None, str]] = []
    wanted: list[tuple[int | None, str]] = [(None, name) for name in q.other_names]
    wanted += [(i, g.word) for i, g in enumerate(q.groups)
               if g.known and not g.context and g.concepts & PLACE_CONCEPTS and len(g.concepts) <= 2]
    for index, word in wanted:
        at = _position(q, lowered, word)
        if at is None:
            continue
        surface = words[at]
        if q.language == "tr":
            if _TR_APOSTROPHE_LOCATIVE.search(lowered[at]) or (index is None and _TR_LOCATIVE.match(lowered[at])):
                out.append((index, surface))
        elif at > 0 and lowered[at - 1] in _PREPOSITIONS:
            shown = surface[:1].upper() + surface[1:]
            out.append((index, f"{words[at - 1].lower()} {shown}"))
    return out


def _position(q: Query, lowered: list[str], word: str) -> int | None:
    from bot.answering.normalize import fold

    for i, w in enumerate(lowered):
        f = fold(w.replace("’", "'").split("'")[0])
        if f == word or (len(word) >= 4 and f.startswith(word)) or (len(f) >= 4 and word.startswith(f)):
            return i
    return None


def happened_at(item: Item, place: Group) -> bool:
    """Whether a fact happened at the place a question names: its recorded place or its title says so
    (the Moscow summit's text mentions Ankara's talks, but it happened in Moscow)."""
    where = item.place if isinstance(item, EventView) else ""
    terms = text_term_set(f"{where} {item.title}", "en")
    return any(f"#{c}" in terms for c in place.concepts & PLACE_CONCEPTS)
