"""Which language a question is written in (en, tr or ru), to reply in it.

A statistical detector is unreliable on five-word chat messages and knows nothing about Turkish
typed without Turkish letters; the three languages here are told apart cheaply and reliably by
script, by letters only Turkish uses, and by a handful of very frequent function words.
"""

from __future__ import annotations

import re

from bot.answering.normalize import fold

SUPPORTED = ("en", "tr", "ru")

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_TURKISH_LETTERS = re.compile(r"[ğĞşŞıİ]")
_SOFT_TURKISH_LETTERS = re.compile(r"[çÇöÖüÜ]")

# Frequent function/question words, folded (ı→i, ş→s ...). Words shared with English are left out.
_TR_WORDS = frozenset(
    """
    ne zaman nerede nereye nereden kim kimdir kimdi kimler kimin neden niye nicin nasil kac hangi mi mu mudur midir
    nedir neler var yok ve ile icin bu su o bir daha hala halen mi? oldu olacak olur mu? degil evet hayir
    bana anlat soyle nedir? ne kadar kaldi baslar basliyor basladi basliyacak baslayacak oldu mu? mi?
    da de ki gibi kadar sonra once simdi bugun yarin dun artik ayrica hakkinda uzerine icin sey
    devriye devriyeler ateskes koridor anlasma gorusme gorusmeler asker askerler turk rus rusya turkiye
    suriye idlib'de musun misin miyim yapildi yapilacak edildi edilecek surdu suruyor devam
    sen siz kimsin kimsiniz nesin nesiniz neyi neden nicin niye nasilsin yardim merhaba selam tesekkurler
    neresi neresidir nerededir nerde hangisi hangileri karar verildi dedi dediler soyledi konusan yetkili
    aciklama acikladi
    """.split()
)
# A name English text writes with its Turkish letters ("Erdoğan"): no sign the question is Turkish.
_TURKISH_NAMES = frozenset({"erdogan", "cavusoglu", "hulusi", "turkiye", "idlib"})
# A Turkish case ending after an apostrophe ("Reuters'a", "Ankara'da", "M4'ün"): English has none of these.
_TR_APOSTROPHE_SUFFIX = re.compile(r"[^\W\d_]['’](?:y?[aeıiuü]|n?[ıiuü]n|[dt][ae]n?|n[ae]|y?l[ae]|s[ıiuü])\b",
                                   re.IGNORECASE)
_EN_WORDS = frozenset(
    """
    the a an is are was were what when where who why how which do does did will would can could
    of to in on at for with about and or not it this that there any anything new next still have has
    been be tell me please you i we they he she my your patrol patrols ceasefire truce corridor deal
    """.split()
)


def detect(question: str, fallback: str | None = None) -> str:
    """The language of `question`; `fallback` (the chat's language) when the text gives no clue."""
    if _CYRILLIC.search(question):
        latin = len(re.findall(r"[A-Za-z]", question))
        cyr = len(_CYRILLIC.findall(question))
        if cyr >= latin or cyr >= 3:
            return "ru"
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", question.lower().replace("i̇", "i"))]
    tr_hits = sum(1 for w in words if w in _TR_WORDS)
    en_hits = sum(1 for w in words if w in _EN_WORDS)
    tr_hits += 2 * len(_TR_APOSTROPHE_SUFFIX.findall(question))
    marked = [fold(w) for w in re.findall(r"[^\W\d_]+", question) if _TURKISH_LETTERS.search(w)]
    if marked and all(w in _TURKISH_NAMES for w in marked):
        tr_hits += 1  # only a name has Turkish letters: as much a hint as "ç" or "ö", no more
    elif marked:
        # Turkish letters are strong evidence — unless they only spell a name ("Erdoğan") in a
        # sentence of English function words ("what day did Erdoğan warn ... if the truce is broken")
        if en_hits >= 4 and tr_hits == 0:
            return "en"
        return "tr"
    if _SOFT_TURKISH_LETTERS.search(question):
        tr_hits += 1
    if tr_hits > en_hits:
        return "tr"
    if en_hits > 0:
        return "en"
    if fallback in SUPPORTED:
        return fallback  # type: ignore[return-value]
    return "en"


# Frequent Russian words as people type them in Latin letters (no keyboard layout at hand).
_RU_TRANSLIT_WORDS = frozenset(
    """
    kogda gde kto chto shto skolko pochemu zachem uzhe eshche eshe esche budet budut nachnetsya nachnutsya
    nachnyotsya nachalos nachalsya nachalas nachalis peremirie peremiriya peremirii peremiriem patruli
    patrulirovanie patrulirovaniya patrulej patruley peregovory peregovorov peregovorakh soglashenie
    soglasheniya turtsiya turtsii rossiya rossii dogovorilis pogiblo pogibli skazal zayavil seychas idet
    idut soblyudaetsya sobludaetsya derzhitsya privet pozhaluysta kakoy kakaya kakie kakogo mezhdu
    pochemu voyna voiny voyny sirii siriya idlibe idliba asad putin erdogan ankare moskve koridor koridora
    shirina shiriny takoi takoy takaya takie tishiny ognya prekrashchenie prekrashcheniya vstupilo vstupit
    """.split()
)
_TRANSLIT_STRONG = _RU_TRANSLIT_WORDS - {"koridor", "putin", "erdogan", "asad", "idlibe", "idliba"}


def is_translit_russian(question: str) -> bool:
    """Russian written in Latin letters ("kogda nachnutsya patruli")? At least one unmistakably Russian
    word, and no English or Turkish function word."""
    if _CYRILLIC.search(question) or _TURKISH_LETTERS.search(question):
        return False
    words = re.findall(r"[a-z']+", question.lower())
    if not words:
        return False
    strong = sum(1 for w in words if w in _TRANSLIT_STRONG)
    hits = sum(1 for w in words if w in _RU_TRANSLIT_WORDS)
    other = sum(1 for w in words if (w in _EN_WORDS or w in _TR_WORDS) and w not in _RU_TRANSLIT_WORDS)
    return strong >= 1 and hits >= 2 and other == 0
