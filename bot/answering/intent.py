"""What kind of answer a question wants: a date, a place, a number, the current status ...

Cue phrases in the three languages (lexicon.INTENT_PATTERNS) are matched on the folded, typo-
corrected question. Several may match ("when is the NEXT patrol?"); the precedence below picks the
one that decides the answer's shape. Whether the question asks to predict the future is reported
separately, because "will the patrols start on the 15th?" is answerable from the schedule while
"will they go to war?" is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.answering.lexicon import INTENT_PATTERNS

INTENTS = ("when", "where", "who", "how_many", "what", "why", "status", "next", "latest", "how_long")
# The first cue found in this order decides.
PRECEDENCE = ("how_long", "next", "when", "status", "latest", "how_many", "where", "who", "why", "what")

_HARD_PREDICTION = {
    "en": [r"\b(predict\w*|forecasts?|(?<!at )odds|likelihood|probability|chances?|likely|unlikely)\b",
           r"\bwhat (will|would|is going to|s going to) happen\b", r"\bwill there (be|ever be)\b",
           r"\b(next|coming) (year|decade)\b", r"\bin the (future|long run|years to come)\b",
           r"\b(do|would) you (think|expect|reckon|guess)\b", r"\byour (opinion|view|guess|prediction)\b",
           r"\bwho will win\b", r"\bwho( is| s)? (going to|gonna) win\b",
           r"\bshould (turkey|russia|they|we)\b", r"\bwill .{0,40}\b(go to war|win|lose|invade|collapse)\b",
           r"\b(is|are) .{0,30}going to (win|lose|invade|collapse|attack|war|survive|last|hold|fail|succeed|end)\b",
           r"\bwill .{0,50}\b(last|survive|hold up|succeed|fail|break down|fall apart|escalate|attack|retaliate)\b",
           r"\b(can|could|might|may) .{0,40}\b(last|survive|hold up|succeed|fail|collapse|fall apart|escalate)\b",
           r"\b(do|did) you (reckon|think|believe|expect)\b", r"\b(by|until|till) (the )?(summer|spring|autumn|fall|winter|end of the year)\b",
           r"\bactually happen\b", r"\b(will|would|ll)\b.*\b(someday|some day|one day|eventually|ever again)\b",
           # ("where are the patrols going to happen": the place on the schedule, not a forecast)
           r"^(?!.*\b(where|when|what time|what date|which day)\b).*(?<!next thing )(?<!next step )(?<!next event )\bgoing to happen\b",
           r"\bwill .{0,40}\b(in|over|within) the (next|coming) (few |couple of )?(days|weeks|months|years)\b"],
    "tr": [r"\b(tahmin|ihtimal|olasilik|olasi|muhtemel)\w*", r"(?<!sonra )(?<!ardindan )(?<!rsa )(?<!rse )\bne olacak\b", r"\bgelecek yil\w*\b",
           r"\bsence\b", r"\bsizce\b", r"\bkim kazan\w*\b", r"\bsavas (cikar|cikacak|olur|olacak)\w*\b",
           r"\bileride\b", r"\bgelecekte\b", r"\b(kalici|uzun sure\w*|uzun soluklu)\b.{0,20}\b(olur|olacak|surer|surecek)\w*",
           r"\b(sizce|bence|acaba) .{0,40}(acak|ecek|ir|ar|er|ur)\w* ?(mi|mu)\b"],
    "ru": [r"\b(прогноз|вероятн|шанс|предскаж|предсказ)\w*", r"\bчто будет\b(?! \d)(?! (дальше|потом|после этого|если|завтра|сегодня|послезавтра)\b)", r"\bв следующем году\b", r"\b(до|к) следующ\w+ (года|году|месяца|лета|весны|осени|зимы)\b", r"\bв будущем году\b",
           r"\bкак (ты |вы )?думае\w*\b", r"\bв будущем\b", r"\bкто победит\b", r"\bпо-вашему\b",
           r"\bпо вашему\b", r"\bбудет ли война\b", r"\bначнется ли война\b", r"\bли война\b",
           r"\bкак (ты |вы )?счита\w*\b", r"\bдо (лета|весны|осени|зимы|конца года)\b", r"\bкогда закончится война\b",
           r"\bчем (за|о)?кончится\b", r"\bчем обернется\b",
           r"\bли\b.{0,40}\bв ближайш\w* (месяц|недел|год|время|дни)\w*"],
}
# A yes/no question about the future: answerable only when the schedule holds the fact.
_SOFT_PREDICTION = {
    # "what happens if the ceasefire is broken": answerable when someone on record said what would
    "en": [r"\bwhat (happens|will happen|would happen|is going to happen) if\b",r"(^|\b(and|but|so|if|whether)\s)(will|would|is .{0,40} going to|are .{0,40} going to)\b",
           r"^(do you think|can we expect)\b"],
    "tr": [r"\b\w+(ursa|urse|irse|irsa|arsa|erse) ne (olur|olacak)\b", r"\b\w+(acak|ecek|acaklar|ecekler) ?(mi|mu|mı|mü)\w*\b", r"\b(?!(var|bir|kadar|yeter|gerekir|mi|mu)\b)\w+(ir|ar|er|ur)(lar|ler)? ?(mi|mu)\b(?= *(acaba|sence|sizce)? *$)",
           r"\b\w+(abilir|ebilir|abilecek|ebilecek)\w* ?(mi|mu)\w*\b"],
    "ru": [r"\bчто (будет|произойд[её]т|случится),? если\b", r"\bбудет ли\b", r"\bбудут ли\b", r"\b\w+(нет|нут)(?:ся)? ли\b", r"\bли .{0,30}\b(будет|будут)\b"],
}

# Russian perfective verbs have no present tense: a prefixed non-past form ("выведет", "уйдёт",
# "сорвётся", "продержится", "начнутся") speaks of the future. Imperfective presents keep a
# -ает/-яет/-ует/-ивает theme ("соблюдается", "продолжается", "действует") or have no prefix
# ("держится", "идёт"); verbs of motion in -ходит are imperfective too.
_RU_PERFECTIVE_PREFIX = re.compile(
    r"^(вы|у|с|со|про|пре|за|по|на|от|ото|об|обо|раз|рас|под|подо|при|пере|до|из|ис|вз|вс|о|недо|пред)"
)
_RU_NONPAST = re.compile(r"(ет|ит|ут|ют|ат|ят|ется|ится|утся|ются|атся|ятся)$")
_RU_IMPERFECTIVE = re.compile(r"(ает|яет|ует|юет|ают|яют|уют|ива\w*|ыва\w*|ходит|ходят|ходится|ходятся|водит|водят|возит|возят|носит|носят|"
                              r"аетс\w|яетс\w|уетс\w|ают\w*|яют\w*|ует\w*|ивает\w*|ывает\w*)$")
_RU_NOT_VERBS = frozenset({"будет", "будут", "есть", "нет", "может", "могут", "стоит", "значит", "хотят", "хочет"})


def _ru_future_yes_no(text: str) -> bool:
    """"выведет ли турция войска?", "сорвётся ли перемирие?": a perfective verb before "ли"."""
    for m in re.finditer(r"(\w+) ли\b", text):
        verb = m.group(1)
        if verb in _RU_NOT_VERBS or len(verb) < 5 or not _RU_NONPAST.search(verb):
            continue
        if _RU_IMPERFECTIVE.search(verb):
            continue
        if _RU_PERFECTIVE_PREFIX.match(verb) or re.search(r"(нет|нут)(ся)?$", verb):
            return True
    return False
_YES_NO = {
    "en": [r"^((so|and|but|ok|okay|well|then|hmm|also|wait) )?(is|are|was|were|has|have|had|did|does|do|will|would|can|could)\b",
           r"\b(is it|are they) (true|correct)\b",
           # "I read the truce was agreed in Ankara, is that right?": a claim to check
           r"\b(is|was) (that|this|it) (right|true|correct|so|accurate)\b", r"\b(right|true|correct)\s*\?*\s*$"],
    "tr": [r"\b(mi|mı|mu|mü|midir|mudur|misin|musun)\b\s*$", r"\b(mi|mı|mu|mü)\b"],
    "ru": [r"\bли\b", r"^(правда|верно)\b", r"\b(это )?(правда|верно)\s*\?*\s*$"],
}


@dataclass(frozen=True, slots=True)
class Intent:
    kind: str  # one of INTENTS
    cues: frozenset[str]  # every intent whose cue matched
    prediction: str | None  # "hard" (always declined), "soft" (declined unless scheduled), None
    yes_no: bool
    cue_spans: tuple[tuple[int, int], ...] = ()  # character spans of pure question words ("when", "what's new")


@lru_cache(maxsize=64)
def _compiled(kind: str, language: str) -> re.Pattern[str] | None:
    """All cue patterns of one intent and language as one alternation (one scan per question)."""
    table = {"hard": _HARD_PREDICTION, "soft": _SOFT_PREDICTION, "yes_no": _YES_NO}.get(kind)
    patterns = (table if table is not None else INTENT_PATTERNS[kind]).get(language, [])
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def _any(kind: str, languages: tuple[str, ...], text: str) -> bool:
    for lang in languages:
        pattern = _compiled(kind, lang)
        if pattern is not None and pattern.search(text):
            return True
    return False


@lru_cache(maxsize=4096)
def detect(folded_question: str, language: str) -> Intent:
    """The intent of a folded question (see `normalize.folded_text`)."""
    text = folded_question.strip()
    languages = (language,) if language == "en" else (language, "en")
    cues = frozenset(k for k in PRECEDENCE if _any(k, languages, text))
    kind = next((k for k in PRECEDENCE if k in cues), "what")
    if kind == "what" and _PURPOSE.search(text):
        kind = "why"  # "what was the ceasefire meant to stop": its purpose, the reason it was agreed
    if kind == "when" and _LAST_DATE.search(text):
        kind = "latest"  # "which is the last key date on the timeline": the newest one, not a date of something
    if kind == "latest" and "how_many" in cues and re.search(r"^(roughly |about |approximately )?how (many|much)\b|"
                                                             r"^(yaklasik )?kac\b|^сколько\b", text):
        kind = "how_many"  # "how many lost their homes in the latest fighting": a number, not the newest update
    if kind == "latest" and cues & {"where", "who", "why"} and _LATEST_ADJECTIVE.search(text) \
            and not _LATEST_OTHER.search(text):
        # "who was behind the latest offensive": "latest" names which offensive, the question is who
        kind = next(k for k in PRECEDENCE if k in cues and k in ("where", "who", "why"))
    if kind in ("status", "what") and _WHO_SAID.search(text):
        kind = "who"  # "who said the ceasefire is holding": the speaker, not the ceasefire's status
    yes_no = _any("yes_no", (language,), text)
    if kind == "what" and yes_no:
        kind = "status"
    if "next" in cues and kind in ("when", "how_long") and not re.search(r"\bnext (week|month|year)\b", text):
        kind = "next"
    prediction: str | None = None
    if REPORTED_FUTURE.search(text):
        prediction = None  # "who is Turkey saying it will retaliate against": what was said, not a forecast
    elif _any("hard", languages, text):
        prediction = "hard"
    elif ((_any("soft", (language,), text) or (language == "ru" and _ru_future_yes_no(text)))
          and kind not in ("when", "where", "who", "how_many", "how_long", "why")):
        prediction = "soft"
    spans: list[tuple[int, int]] = []
    for k in _PURE_CUES:
        for lang in languages:
            pattern = _compiled(k, lang)
            if pattern is not None:
                spans.extend(m.span() for m in pattern.finditer(text))
    return Intent(kind=kind, cues=cues, prediction=prediction, yes_no=yes_no, cue_spans=tuple(spans))


_LATEST_ADJECTIVE = re.compile(r"\b(latest|newest|most recent|recent|last)\s+(?!(news|updates?|developments?|"
                               r"statements?|word|words|on|about|in|of|thing|things|one)\b)[a-z]{4,}")
_LATEST_OTHER = re.compile(r"\b(news|new|updates?|developments?|lately|recently)\b")
# "saying it will", "warned they would", "söyledi ... edecek": a future reported from a statement on record.
_PURPOSE = re.compile(r"^(so )?what\b.{0,60}\b(meant|trying|supposed|designed|intended|aimed|there|for) to "
                      r"(stop|halt|prevent|end|achieve|solve|fix|do|settle|accomplish|address|resolve)\b")
_LAST_DATE = re.compile(r"\b(last|latest|final|most recent|newest) (key |important |big |major )?(date|milestone|event)\b")
_WHO_SAID = re.compile(r"^(so |and |but )?who (said|says|told|claimed|stated|announced|warned|threatened|promised|"
                       r"declared|insisted)\b|^kim (dedi|soyledi|acikladi)\b|^кто (сказал|заявил|говорил|предупредил)\b")
REPORTED_FUTURE = re.compile(r"\b(say|says|said|saying|warn\w*|threaten\w*|promis\w*|vow\w*|pledg\w*|announc\w*)\b"
                             r"( (that|it|they|he|she|turkey|russia|ankara|moscow))* (will|would|is going to|might|could|may)\b")
# Intents whose cue words say only what is asked, never what about: they are not topic words.
_PURE_CUES = ("how_long", "next", "latest", "when", "where", "who", "why", "what")
