"""Numbers in stored text: whether a sentence states a count, a distance, a length or a duration."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answering.normalize import fold
from bot.answering.query import Query

NUMBER_WORDS = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)?|\b(million|millions|thousand|thousands|hundred|hundreds|dozen|dozens|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|milyon|milyonlarca|bin|binlerce|yüz|iki|üç|dört|"
    r"beş|altı|yedi|sekiz|dokuz|altmış|миллион\w*|тысяч\w*|сот\w+|десятк\w*|дюжин\w*|два|две|три|четыре|пять|"
    r"шесть|семь|восемь|девять|десять|шестьдесят|тр[её]х\w*|двух\w*|пят\w+|сем\w+|девят\w+)\b", re.IGNORECASE)
MONTH_WORDS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
    r"jun|jul|aug|sep|sept|oct|nov|dec|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|"
    r"aralık|январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|"
    r"ноябр\w*|декабр\w*")
DATES = re.compile(
    rf"\b\d{{1,2}}(st|nd|rd|th)?\s+({MONTH_WORDS})\w*|\b({MONTH_WORDS})\w*\s+\d{{1,2}}\b|\b(19|20)\d\d\b|"
    r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\.\s?(madde|maddesi)\b|\b(article|madde|статья|статьи)\s+\d+", re.IGNORECASE)
UNITS = {
    "distance": r"(km|kms|kilomet\w*|kilometre\w*|mil|mile\w*|miles|км|километр\w*|мил\w*|metre\w*|meter\w*|m)\b",
    "duration": r"(day\w*|week\w*|month\w*|year\w*|gün\w*|hafta\w*|ay\b|yıl\w*|sene\w*|дн\w*|дня|день|недел\w*|"
                r"месяц\w*|год\w*|лет)",
}
ANY_UNIT = re.compile(r"^\W{0,2}(\(?\d+[.,]?\d*\)?\s*)?(" + "|".join(UNITS.values()) + ")", re.IGNORECASE)
SIZE_ASKED = re.compile(r"\b(big|bigger|large|larger|huge|size|sized|scale|extent|how bad|buyuk\w*|boyut\w*|"
                         r"capta\w*|olcek\w*|размер\w*|велик\w*|больш\w*|масштаб\w*)\b")
_KM = r"(?:km|kms|kilomet\w*|kilometre\w*|miles?|mil|км|километр\w*|мил\w*)"
DISTANCE_UNIT_ASKED = re.compile(rf"\b{_KM}\b")
LENGTH_WORDS = re.compile(r"\b(long|length|длин\w*|протяж\w*|uzunluğ\w*|uzunluk\w*)\b", re.IGNORECASE)


def quantity_kind(q: Query) -> str:
    """What a how-many question counts: a length, a distance, a duration, or things/people."""
    concepts = q.concepts()
    if "LENGTH" in concepts:
        return "length"
    if SIZE_ASKED.search(q.folded) and not concepts & {"CORRIDOR", "ROAD"} \
            and concepts & {"HUMANITARIAN", "DISPLACE", "WAR", "OFFENSIVE", "PEOPLE"}:
        return "any"  # "how big is the humanitarian crisis": any number gives its scale
    if "WIDTH" in concepts or SIZE_ASKED.search(q.folded) or DISTANCE_UNIT_ASKED.search(q.folded):
        return "distance"  # "how big is the safe zone", "how many km of buffer"
    if "CORRIDOR" in concepts and not concepts & {"TROOPS", "PEOPLE", "PATROL", "KILL", "DISPLACE", "DEADLINE"} \
            and re.search(r"\bhow much\b|\bne kadar\b|\bсколько\b", q.folded):
        return "distance"  # "how much buffer each side of the highway": a zone is measured, not counted
    if re.search(r"\b(days?|weeks?|months?|years?|gun|hafta|yil|sene|дней|дня|недел\w*|лет|год\w*|месяц\w*)\b|"
                 r"\bkac (gun|hafta|yil|sene|ay)\w*", q.folded) \
            or re.search(r"\bhow long\b|\bhow much time\b|\bne kadar (sur\w*|zaman)|\bсколько (длил|продолжал)\w*|"
                         r"\bсколько времени\b", q.folded):
        return "duration"
    return "count"


@lru_cache(maxsize=20_000)
def has_quantity(sentence: str, kind: str = "any") -> bool:
    """A number of the kind asked about, not part of a date, a time or an article reference."""
    text = DATES.sub(" ", sentence)
    if kind == "length":
        # Only a stated length answers "how long is the road" (a corridor's width does not).
        return bool(LENGTH_WORDS.search(text)) and has_quantity(sentence, "distance")
    for m in NUMBER_WORDS.finditer(text):
        if kind == "any":
            return True
        fused = m.group(0) + text[m.end(): m.end() + 8]
        if kind == "count" and re.search(r"(дневн|day|gün|летн|yıllık|месячн|недельн)", fused, re.IGNORECASE):
            continue  # "three-day talks", "трёхдневные переговоры": a duration, not a head count
        after = text[m.end(): m.end() + 20]
        if m.group(0).isdigit() and after[:1].isdigit():
            continue
        unit = re.match(r"^\W{0,2}(\d+)?\s*" + (UNITS.get(kind) or "(?!)"), after, re.IGNORECASE)
        if kind == "duration" and re.search(r"(дневн|day|gün|летн|yıllık|месячн)", m.group(0) + after[:6], re.IGNORECASE):
            return True  # "three-day", "трёхдневные", "üç günlük"
        if kind == "count":
            if not ANY_UNIT.match(after):
                return True
        elif unit:
            return True
    return False


# A distance between two named places is asked ("how many km from Trumba to Ain al-Havr") ...
ROUTE_ASKED = re.compile(r"\b(how (many|much|far|long)|distance)\b.*\b(from \w.+ to|between \w.+ and) \w|"
                         r"\bkac (km|kilometre)\b.*\b(ile|dan|den)\b|\bсколько (км|километров)\b.*\bот \w.+ до\b")
# ... and a distance that places one point from another ("2 km west of Saraqib") does not give it ...
DIRECTED = re.compile(rf"\d+(?:[.,]\d+)?\s*{_KM}\s+(?:to the )?(?:north|south|east|west|kuzey\w*|güney\w*|doğu\w*|batı\w*|"
                      r"севернее|южнее|восточнее|западнее|к северу|к югу|к западу|к востоку)", re.IGNORECASE)
STATED_DISTANCE = re.compile(rf"\d+(?:[.,]\d+)?\s*{_KM}\b", re.IGNORECASE)


def route_unstated(folded_question: str, sentence: str) -> bool:
    """"How many km from Trumba to Ain al-Havr": the sentence states no distance between the places asked
    ("Trumba (2 km west of Saraqib)" measures Trumba from Saraqib) — unless the place it is measured
    from is one asked ("how far from Trumba to Saraqib")."""
    if not ROUTE_ASKED.search(folded_question) or STATED_DISTANCE.search(DIRECTED.sub(" ", sentence)):
        return False
    asked = {w[:5] for w in folded_question.split() if len(w) >= 4}
    for m in DIRECTED.finditer(sentence):
        after = re.match(r"\s+(?:of|от)\s+(\w+)", sentence[m.end():])  # "west of Saraqib", "к западу от Серакиба"
        before = re.search(r"(\w+)['’](?:in|ın|un|ün|nin|nın)\s+$", sentence[:m.start()])  # "Serakib'in 2 km batısı"
        reference = after or before
        if reference is not None and fold(reference.group(1).lower())[:5] in asked:
            return False
    return True
