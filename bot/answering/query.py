"""A question, analysed: its language, intent, and the groups of terms it is searched with.

One group per meaningful word: the word's stems, surface and Latin forms, its concepts, and — if the
word is unknown to both the stored text and the lexicon — the nearest known word (typo correction).
A group matches a document if any of its terms does, so "patrolls", "devriyeler" and "патрули" all
meet the one document about patrols, and a word is never counted twice through its synonyms.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from dataclasses import dataclass, field

from bot.answering import analyze
from bot.answering import intent as intent_mod
from bot.answering import lexicon
from bot.answering.analyze import (article_positions, article_terms, compiled_lexicon, off_topic_lexicon, other_names_lexicon, phrase_concepts, stem,
                                   token_terms)
from bot.answering.fuzzy import Speller, common_english
from bot.answering.index import InvertedIndex
from bot.answering.language import detect, is_translit_russian
from bot.answering.normalize import Token, fold, folded_text, latin_to_cyrillic, tokenize

# Concepts naming a party, place or person: if the question names one, the answer must be about it.
ENTITY_CONCEPTS = frozenset({
    "TURKEY", "RUSSIA", "SYRIA", "IDLIB", "ASSAD", "ERDOGAN", "PUTIN", "AKAR", "ANKARA", "MOSCOW", "NATO", "UN",
    "SARAQIB", "OPPOSITION",
})
# Concepts naming what happened: if the question asks when X *closes*, a fact about X opening is no answer.
ACTION_CONCEPTS = analyze.ACTION_CONCEPTS
_ALL_STOPWORDS = frozenset(fold(w) for words in lexicon.STOPWORDS.values() for w in words)
_STOPWORDS_LOWER = frozenset(w for words in lexicon.STOPWORDS.values() for w in words)


def _is_stopword(tok: Token) -> bool:
    """A word that carries no topic. Folding must not turn a word into one: "öldü" (died) is not "oldu"."""
    if tok.fold not in _ALL_STOPWORDS:
        return False
    return tok.lower == tok.fold or tok.lower in _STOPWORDS_LOWER
_RU_WH = re.compile(r"\b(кто|кого|кем|что|чем|чего|где|когда|почему|зачем|как|каков\w*|сколько|как\w{2}|куда|откуда|"
                    r"чей|чья|чьи|ч[её])\b")
_EN_WH = re.compile(r"\b(when|where|who|whom|whose|why|how|which|what|whats)\b")
_EN_AUX = frozenset({"is", "are", "was", "were", "has", "have", "had", "did", "does", "do"})
_EN_TAG = re.compile(r"\b(wasn ?t|isn ?t|didn ?t|weren ?t|aren ?t|doesn ?t|hasn ?t|haven ?t|was not|is not|did not|"
                     r"were not|are not|does not) (it|they|he|she|there)$")
_RU_PAST = re.compile(r"^[а-яё]{3,}(ла|ло|ли|лся|лась|лось|лись)$")
_SHORTHAND = {fold(k): v for k, v in lexicon.SHORTHAND.items()}
_MONTH = re.compile(r"^MONTH(\d+)$")
# Where a long message splits into clauses: the clause holding the question is what is asked.
_CLAUSE = re.compile(r"[.;:!?…]+\s+|\s[-–—]+\s|\n+|,\s+(?=(?:so |then |but )?(?:why|when|what|how|where|who|which)\b)|"
                     # "I work for an NGO in Syria, and OUR board keeps asking about ...": the reader's own clause ends
                     r",?\s+and\s+(?=(?:our|my|we|i)\s|(?:need|needs|want|would like|wanted|have|hope) to "
                     r"(?:know|ask|find out|check|understand|confirm)\b)",
                     re.IGNORECASE)
_PRECISE_INTENTS = frozenset(intent_mod.PRECEDENCE) - {"what"}
_BOT_META = {lang: re.compile("|".join(f"(?:{p})" for p in patterns)) for lang, patterns in lexicon.BOT_META.items()}
# A capitalised word inside a sentence: a name ("what did Lavrov say"), unless the text knows it.
_CAPITALISED = re.compile(r"(?<![.!?:;]\s)(?<!^)(?<![\w'’-])([A-ZÇĞİÖŞÜА-ЯЁ][a-zçğıöşüа-яё]{3,})\b")


# Concepts that state what is asked about a topic ("holding", "collapsed"): for a status question they
# are the predicate, not the topic — the answer is the newest status, whatever it says.
PREDICATE_CONCEPTS = ACTION_CONCEPTS | frozenset({"HOLD"})


@dataclass
class Group:
    word: str  # the word as (corrected and) folded
    terms: list[tuple[str, float]]
    concepts: frozenset[str]
    known: bool
    corrected: bool = False
    idf: float = 0.0
    context: bool = False  # from a clause around the question ("I'm with an NGO ..."): weak, not required

    @property
    def term_set(self) -> frozenset[str]:
        cached = self.__dict__.get("_term_set")
        if cached is None:
            cached = self.__dict__["_term_set"] = frozenset(t for t, _ in self.terms)
        return cached

    def hits(self, terms: frozenset[str] | set[str]) -> bool:
        """Whether any of the group's terms is among `terms`."""
        return not self.term_set.isdisjoint(terms)

    @property
    def weight(self) -> float:
        """How much the group counts when judging whether a fact covers the question."""
        return 0.0 if self.context else self.idf

    @property
    def is_entity(self) -> bool:
        return bool(self.concepts & ENTITY_CONCEPTS)

    @property
    def is_action(self) -> bool:
        return bool(self.concepts & ACTION_CONCEPTS)

    @property
    def is_date(self) -> bool:
        """A day, month or number of a date ("12 March", "december"): when, not what about."""
        return self.word.startswith("date:") or any(t.startswith("n:") for t, _ in self.terms) \
            or any(c.startswith("MONTH") for c in self.concepts)


@dataclass
class Query:
    text: str
    language: str
    tokens: list[Token]
    folded: str
    intent: intent_mod.Intent
    groups: list[Group] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    unknown_actions: list[str] = field(default_factory=list)  # actions asked about that nothing records
    unknown_numbers: list[str] = field(default_factory=list)  # "33 soldiers": a count no stored text states
    off_topic: list[str] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)  # words the reader put in quotes ("'we are moving forward'")
    other_names: list[str] = field(default_factory=list)  # named places/people the timeline never mentions
    # The word the question asks *about* ("what COLOUR", "who GUARDS", "how many CIVILIANS", "maliyeti ne
    # kadar", "какой БЮДЖЕТ"), folded; its fact must state it, or the answer would be about something else.
    focus: list[str] = field(default_factory=list)
    about_bot: bool = False  # "who are you?", "what can you do?"
    date_group: int | None = None  # index of the group holding a named date, if any
    about_document: bool = False  # "what does the deal say about X": the provision on X, not a statement

    @property
    def known_groups(self) -> list[Group]:
        return [g for g in self.groups if g.known]

    def concepts(self) -> frozenset[str]:
        out: set[str] = set()
        for g in self.groups:
            out |= g.concepts
        return frozenset(out)


def _expand_shorthand(tokens: list[Token], language: str) -> list[Token]:
    out: list[Token] = []
    skip = False
    for i, tok in enumerate(tokens):
        if skip:
            skip = False
            continue
        # two-word shorthand first ("def min"), then one word ("wen")
        repl = _SHORTHAND.get(f"{tok.fold} {tokens[i + 1].fold}") if i + 1 < len(tokens) else None
        skip = repl is not None
        repl = repl or _SHORTHAND.get(tok.fold)
        if repl is None:
            out.append(tok)
            continue
        for word in repl.split():
            out.append(Token(lower=word, fold=fold(word), pos=0, cyrillic=tok.cyrillic))
    return [Token(t.lower, t.fold, i, t.cyrillic) for i, t in enumerate(out)]


def _off_topic(tok: Token, language: str, index: InvertedIndex) -> list[str]:
    """Off-topic categories of a word, unless the stored text itself uses the word."""
    cats = _off_topic_categories(tok.lower, tok.fold, tok.cyrillic, language)
    if cats and not any(w in index for w in token_terms(tok, language, query=True).words):
        return list(cats)
    return []


@lru_cache(maxsize=16384)
def _off_topic_categories(lower: str, folded: str, cyrillic: bool, language: str) -> tuple[str, ...]:
    """The off-topic lexicon's categories of a word (cached: the lexicon never changes at run time)."""
    off = off_topic_lexicon()
    stems = (stem(lower, "ru"),) if cyrillic else (stem(lower, "en"), stem(lower, "tr"))
    cats = off.concepts_of(folded, stems)
    if cats and language == "en" and not cyrillic and common_english(folded):
        # A common English word matches only as itself, not as the start of a Turkish word: "asked" is
        # no "aşk" (love), and "one para" is a paragraph, not "para" (money)
        cats = off_topic_lexicon("en").concepts_of(folded, stems[:1])
    if cats and any(c.startswith("MONTH") for c in token_terms(Token(lower, folded, 0, cyrillic), language,
                                                                   query=True).concepts):
        return ()  # "Feb-Mar 2020": a month, however short ("mar" is no "marry")
    return tuple(sorted(cats))


_ANSWERABLE_FUTURE = ("when", "where", "who", "how_many", "how_long", "why")


def _other_name(tok: Token, tt: "object", index: InvertedIndex) -> bool:
    """A country, conflict or politician of world politics that the stored text never mentions."""
    if len(tok.fold) < 2 or tok.fold[0].isdigit():
        return False
    stems = (stem(tok.lower, "ru"),) if tok.cyrillic else (stem(tok.lower, "en"), stem(tok.lower, "tr"))
    if getattr(tt, "concepts", ()) or not other_names_lexicon().concepts_of(tok.fold, stems):
        return False
    return not any(w in index for w in tt.words)  # type: ignore[attr-defined]


def _correct_tokens(tokens: list[Token], index: InvertedIndex, speller: Speller, language: str,
                    keep: frozenset[int] = frozenset()) -> tuple[list[Token], set[int]]:
    """Replace words nobody knows by the nearest known word; returns the tokens and which changed.
    Tokens in `keep` (question words, "edildiği gün") are never corrected."""
    out: list[Token] = []
    changed: set[int] = set()
    for i, tok in enumerate(tokens):
        if (i in keep or _is_stopword(tok) or len(tok.fold) < speller.MIN_LEN or tok.fold[0].isdigit()
                or _off_topic(tok, language, index)
                or _other_name(tok, token_terms(tok, language, query=True), index)):
            out.append(tok)
            continue
        tt = token_terms(tok, language, query=True)
        if tt.concepts or any(w in index for w in tt.words) or tok.fold in speller:
            out.append(tok)
            continue
        if language == "en" and not tok.cyrillic and common_english(tok.lower):
            out.append(tok)  # "is it TRUE": a word in its own right, not a typo of "truce"
            continue
        corrected = speller.correct(tok.fold, "ru" if tok.cyrillic else language)
        if corrected and corrected != tok.fold:
            out.append(Token(lower=corrected, fold=corrected, pos=i, cyrillic=tok.cyrillic))
            changed.add(i)
        else:
            out.append(tok)
    return out, changed


def _detect_asked(tokens: list[Token], clause_of: list[int], hidden: set[int], language: str) -> intent_mod.Intent:
    """The intent of the clauses that ask, with cue offsets into the whole folded text.

    The text read runs from the first asking word to the last; a context clause inside it is blanked
    with underscores of the same length, so offsets still line up."""
    shown = [i for i in range(len(tokens)) if clause_of[i] not in hidden]
    if not hidden or not shown:
        return intent_mod.detect(folded_text(tokens), language)
    first, last = shown[0], shown[-1]
    offset = sum(len(t.fold) + 1 for t in tokens[:first])
    text = " ".join("_" * len(t.fold) if clause_of[i] in hidden else t.fold
                    for i, t in enumerate(tokens[first:last + 1], first))
    found = intent_mod.detect(text, language)
    return dataclasses.replace(found, cue_spans=tuple((a + offset, b + offset) for a, b in found.cue_spans))


# The reader speaking of themselves ("I'm a journalist", "ben bir gazeteciyim", "я журналист").
_READER = re.compile(r"\b(i|im|i am|my|we|our|ben|benim|biz|bizim|я|мы|мой|моя|мои|наш\w*|\w+(yim|yum|im|um))\b")


def _clause_text(tokens: list[Token], clause_of: list[int], n: int) -> str:
    """The folded text of clause `n` alone."""
    return folded_text([t for t, c in zip(tokens, clause_of) if c == n])


def _questioned_clauses(question: str, count: int) -> frozenset[int]:
    """The clauses of sentences the reader ended with a question mark ("Where do the patrols stand -
    agreed, or still up in the air?": both clauses of that sentence)."""
    ends = [m.group(0) for m in _CLAUSE.finditer(question)] + [question.rstrip()[-1:]]
    out: set[int] = set()
    sentence: list[int] = []
    for n in range(count):
        sentence.append(n)
        end = ends[n] if n < len(ends) else ""
        if re.search(r"[.!?…\n]", end):
            if "?" in end:
                out.update(sentence)
            sentence = []
    return frozenset(out)


def _context_clauses(tokens: list[Token], clause_of: list[int], language: str,
                     questioned: frozenset[int] = frozenset(), index: InvertedIndex | None = None) -> set[int]:
    """Clauses of a long message that only give context: all but the last one that asks something.

    `questioned`: the clauses the reader ended with a question mark — "Which day was that? I'm an aid
    worker and nobody remembered the date": the question is the one asked, not the last to name a date.
    """
    clauses = sorted(set(clause_of))
    if len(clauses) < 2 or len(tokens) < 9:
        return set()

    def topic_before(n: int) -> int:
        """The clause before `n` naming most of what the timeline knows, the nearest of equals ("That seems
        wrong to me?" names nothing, "I'm a translator working on a report" little: "when did IT begin"
        points past them to "the Syrian war started in 2012")."""
        if index is None:
            return n - 1
        best, best_known = n - 1, 0
        for m in range(n - 1, -1, -1):
            known = sum(1 for t, c in zip(tokens, clause_of) if c == m and not _is_stopword(t)
                        and (t.fold in index or token_terms(t, language, query=True).concepts))
            if known > best_known:
                best, best_known = m, known
        return best

    asking = []
    for n in clauses:
        words = [t for t, c in zip(tokens, clause_of) if c == n]
        cues = intent_mod.detect(folded_text(words), language).cues
        if language == "en" and cues & {"who", "which"} == cues & _PRECISE_INTENTS and _relative_only(words):
            cues = cues - {"who"}  # "volunteers WHO have never followed Syria": a relative clause, not a question
        if cues & _PRECISE_INTENTS or intent_mod.detect(folded_text(words), language).yes_no:
            asking.append(n)
    if not asking:
        # no clause asks for a date, place, number ...: the question is the last clause asking anything
        asking = [n for n in clauses
                  if intent_mod.detect(_clause_text(tokens, clause_of, n), language).cues]
        if not asking or (asking[-1] != clauses[-1] and asking[-1] not in questioned):
            return set()
    all_asking = list(asking)
    if questioned & set(asking):
        asking = [n for n in asking if n in questioned]
    elif questioned:
        # "What are the joint patrols? I'm an aid worker and our convoys use that road every day": the
        # sentence with the question mark asks, whatever words for a date the reader's sentence has
        marked = [n for n in sorted(questioned)
                  if n in clauses and intent_mod.detect(_clause_text(tokens, clause_of, n), language).cues]
        asking = marked or asking
    question = asking[-1]
    restated = [n for n in clauses if n > question and _RESTATED.match(_clause_text(tokens, clause_of, n))
                and intent_mod.detect(_clause_text(tokens, clause_of, n), language).cues & _PRECISE_INTENTS]
    if restated:
        # "from what time were our teams to stop hearing shelling? i mean when did the halt to fighting
        # start": the reader says it again, plainer — that is the question
        question = restated[-1]
    later = [n for n in clauses if n > question and n in questioned
             and intent_mod.detect(_clause_text(tokens, clause_of, n), language).cues]
    if later and _READER.search(_clause_text(tokens, clause_of, question)):
        # "Ben bir gazeteciyim, haber yazıyorum: ... neler üzerinde anlaştı?": the clause the question mark
        # closes asks, not the reader's "news" before it
        question = later[-1]
    # Very short question clauses ("when?", "when was that?") lean on the clause before them.
    content = sum(1 for t, c in zip(tokens, clause_of)
                  if c == question and not _is_stopword(t) and t.fold not in _ASKED_NOUNS)
    if (sum(1 for c in clause_of if c == question) <= 2 or content == 0) and question - 1 in clauses:
        return set(clauses) - {question, topic_before(question)}
    if content == 0 and question == clauses[0] and question + 1 in clauses:
        # "date check - truce agreed 5 march or 6 march?": a heading that asks, then what it is about
        return set(clauses) - {question, question + 1}
    if content <= 2 and question - 1 in all_asking and (not questioned or question - 1 in questioned):
        # "where are the troops now? still in idlib?": a short follow-up question goes with the one before
        kept = {question, question - 1}
        topic = question - 2
        if topic in clauses and topic not in all_asking and any(
                t.fold in _POINTING_BACK | _POSSESSIVE for t, c in zip(tokens, clause_of) if c in kept) \
                and sum(1 for c in clause_of if c == topic) <= 4:
            kept.add(topic)  # "Hulusi Akar - who is he, what's his job?": "he" is the name before
        return set(clauses) - kept
    words = [t.fold for t, c in zip(tokens, clause_of) if c == question]
    pointing = (len(words) <= 6 and any(w in _POINTING_BACK for w in words)) or (
        len(words) <= 8 and any(w in _POSSESSIVE for w in words))  # "akar who? what's his full name and job"
    if pointing and question - 1 in clauses:
        # "the NATO member in this story, which country is that?": "that" is the clause before
        return set(clauses) - {question, topic_before(question)}
    return set(clauses) - {question}


_TIME_ZONE = re.compile(
    r"(?i)\b(in |by |on )?(istanbul|ankara|moscow|turkish|turkey|russian|syrian|damascus|local|our|my)( local)? time\b|"
    r"\b(in |by |on )?(utc|gmt)(\s?[+-]\s?\d{1,2})?\b|"
    r"\b(türkiye|turkiye|istanbul|ankara|moskova|tr|yerel)\s+saat(i|iyle|iyle|ine göre|ine gore)\b|"
    r"\bпо (московскому|турецкому|стамбульскому|анкарскому|местному|сирийскому|нашему) времени\b|\bпо москве\b")
# Where the reader places the question, not what it is about: "according to this coverage", "in all this".
_FRAME = re.compile(r"(?i)\baccording to (this|the|your|these|that) (coverage|article|report|reports|piece|story|source|"
                    r"sources|data|record|records|timeline|bot)\b|\bin (all this|this whole thing|this story|this saga)\b|"
                    # "the article says they agreed ...", "the Al Jazeera piece from 12 March says ..."
                    r"\b(the|this|that|your) ([\w-]+ ){0,2}(article|piece|report|story|text|source)( from [\w ]{1,20}?)? "
                    r"((just|only|simply|also|actually|merely|clearly) )?(says|said|mentions|mentioned|states|stated|claims|reports|notes)( that)?\b|"
                    # "what is it, in plain terms?": how to say it, not what about
                    r"\bin (plain|simple|layman'?s|lay|short|brief|everyday|normal) (terms|english|words|language)\b|"
                    r"\bin a nutshell\b|\bfor (a )?(layman|laymen|dummies|beginners)\b|"
                    r"\bback then\b|\bat the time\b|\bback(?= in (?:early |late |mid )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d{4}))|\bin (this|the|these) (news|article|story|report|piece|reports)\b|"
                    # "what did Akar say at the end of the talks": when he said it, not an ending asked about
                    r"\b(at|by|towards?|near) the (very )?(end|close|start|beginning|outset) of\b|\bв (самом )?(конце|начале)\b|"
                    r"(?<=\w)(?:in|ın|un|ün|nin|nın|nun|nün) (sonunda|başında|basinda)\b|"
                    # "is Turkey pulling out now that there's a truce": a premise granted, not the topic asked
                    r"\b(now|given) that there(?: is|'s| s| are)(?: now)? (?:a |an |the )?[\w-]+(?: in place)?")
# "what's the deal with the patrols": what about them (no agreement is asked about)
_NUMERIC_DATE = re.compile(r"(?<![\d.,/])(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?![\d/])")
# "until what date did the offensive continue", "till when did it last": when it ended
_UNTIL_WHEN = re.compile(r"(?i)\b(until|till|til|up to) (when|what date|which date|what day|which day|what point)\b")
_TIME_UNIT_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "hour", "hours", "gun", "gunu", "hafta",
                              "дней", "дня", "день", "недель", "недели"})
# Source code pasted into a question: a statement of SQL, a function, an assignment or a call.
_CODE = re.compile(r"(?i)\bselect\s+(\*|\w+(\s*,\s*\w+)+)\s+(from|form)\b|\bwhere\s+\w+\s*(=|<|>|like\b)|"
                   r"\b(def|function|class)\s+\w+\s*[(:{]|\w+\s*\([^()]*\)\s*[{;]|console\.log|#include\b|=>|"
                   r"\b(int|var|let|const)\s+\w+\s*=")
_STATE_WORDS = frozenset({"agreed", "finalised", "finalized", "settled", "done", "signed", "over", "started", "begun",
                          "confirmed", "holding", "finished", "sorted", "decided", "final", "official", "happening"})
_CODE_CHARS = frozenset("=*({;>#")
_RESTATED = re.compile(r"^(i mean|i meant|in other words|or rather|put simply|simply put)\b")
_GUESS = re.compile(r"\b(\w+) or (?:someone|somebody|anyone|anybody|something|somewhere|someplace) else\b")
_WHOLE = re.compile(r"\b(?:the )?(?:whole|entire|all)(?: of)? (?:the )?(\w+)")
_COMING = frozenset({"coming", "upcoming", "following", "few", "couple", "gelecek", "onumuzdeki", "ближайш", "ближайшие",
                     "ближайших", "предстоящие", "предстоящих"})
_GOING_ON = re.compile(r"(?i)\b(continue|continued|last|lasted|go on|went on|run|ran|carry on|carried on|keep going|kept going)\b")
_STILL_TALKING = re.compile(r"\b(still|being|under|yet to be|not yet|to be)( being)? (negotiat|discuss|talk|worked out|hammered|"
                            r"thrash|finali|ironed|debated)")
_HELD = frozenset({"held", "hold", "holds", "holding", "organised", "organized", "convened", "staged"})
# "pulled its troops back": the particle next to its verb, so "pull back" is one phrase
_SEPARATED_PARTICLE = re.compile(r"(?i)\b(pull|pulled|pulling|pulls|move|moved|moving|moves|draw|drew|drawn|drawing|push|pushed|pushing|pushes)"
                                 r" ((?:its|their|the|all|his|her|our|some|any) )?(\w+) (back|out)\b")
_STATE_OF_PLAY = re.compile(r"(?i)\bstate of (play|affairs)\b")
# "what does the truce (actually) say about X", "what does Article 2 provide for": the text of the deal,
# not somebody's statement — the verb names no speaker.
_DOC_SAYS = re.compile(r"(?i)\b(?P<doc>(truce|ceasefire|cease-fire|deal|agreement|accord|protocol|memorandum|text|document|pact|"
                       r"article \d+)( \w+){0,2}?|(?<=\bdoes )it|(?<=\bdo )they) (actually |exactly |really )?(say|says|state|states|provide|provides|stipulate|"
                       r"stipulates|specify|specifies|set out|sets out|lay down|lays down|contain|contains)( for)?\b")
# "what exactly does the ceasefire stop?", "what does the corridor cover": what a provision itself lays down.
_PROVISION_DOES = re.compile(r"(?i)\bwhat (exactly |actually |precisely )?(does|do|will|is(?= .*\bsupposed to\b)) "
                             r"(the |this )?(ceasefire|truce|cease-fire|corridor|buffer zone|security corridor) "
                             r"(actually |exactly )?(supposed to )?(stop|ban|halt|cover|"
                             r"include|require|allow|prohibit|forbid|involve|entail|do|mean|prevent|end)\b")
# "what happens along the M4 under the deal": what the deal lays down about the M4 (the provision on it).
_UNDER_DEAL = re.compile(r"(?i)^\W*what\b.*\b(under|in|according to|per) (the|this|that) (?P<doc>(moscow |idlib |ceasefire )?"
                         r"(deal|agreement|accord|protocol|memorandum))\b")
_DEAL_WITH = re.compile(r"(?i)\bwhat(?:'s|’s| is|s) the (?:deal|story) with\b")
_WEEKDAY_ASKED = {
    "en": re.compile(r"(?i)\b(on )?(which|what) day of the week\b|\b(which|what) weekday\b"),
    "tr": re.compile(r"(?i)\bhaftanın hangi günü\w*|\bhangi gün(ü|e)?\b(?= .*(başla|oldu|yapıl|imzala|gel))"),
    "ru": re.compile(r"(?i)\bв какой день недели\b|\bкакой день недели\b"),
}
_WHEN_WORD = {"en": " when ", "tr": " ne zaman ", "ru": " когда "}
YEAR_LIKE = re.compile(r"(19|20)\d\d|0\d|[12]\d|3[01]")  # a year, a day of the month or a clock part
# Words quoted in a question ("when did Erdogan warn 'we will not hesitate'"): someone else's words
# that identify a statement; one the stored text does not use is no sign the fact is missing.
_QUOTED = re.compile(r"(?:(?<=\s)|^)[\"“«„‘'](?P<q>[^\"”»“’']{3,}?)[\"”»“’'](?=[\s,.!?;:)]|$)")


_OFFICES = frozenset({"PRESIDENT", "MINISTER"})
_COUNTRIES = frozenset({"TURKEY", "RUSSIA", "SYRIA"})
# What a short question clause asks for ("which date was?"): no topic of its own.
_ASKED_NOUNS = frozenset({"date", "day", "time", "year", "month", "place", "city", "number", "name", "tarih", "gun",
                          "дата", "число", "день"})
def _about_reader(tokens: list[Token], i: int) -> bool:
    return any(t.fold in _FIRST_PERSON for t in tokens[max(0, i - 5): i])


def _relative_only(words: list[Token]) -> bool:
    """Whether every "who"/"which" of a clause follows a noun ("the volunteers who ...")."""
    found = False
    for i, t in enumerate(words):
        if t.fold in ("who", "which", "whom"):
            found = True
            if i == 0 or _is_stopword(words[i - 1]) or words[i - 1].fold in _ASKING_VERBS:
                return False
    return found


_ASKING_VERBS = frozenset({"know", "tell", "ask", "asking", "wonder", "wondering", "curious", "explain", "confirm"})
# The reader's own whereabouts ("our field team in Gaziantep", "I'm in Berlin"): not the topic.
_FIRST_PERSON = frozenset({"i", "im", "we", "our", "my"})  # (not "tell ME about ...")
_POINTING_BACK = frozenset({"that", "this", "it", "they", "them", "he", "she", "him", "those", "these"})
_POSSESSIVE = frozenset({"his", "her", "its", "their"})
_TIME_UNITS = frozenset({"min", "mins", "minute", "minutes", "hrs", "secs", "sec", "seconds"})
_ANCHOR_WORDS = frozenset({"after", "since", "following"})
_GIVEN_WORDS = frozenset({"if", "although", "though", "whereas", "given"})


def _anchor_after(query: Query, tokens: list[Token], clause_of: list[int], anchors: frozenset[str]) -> None:
    """"Did the guns go quiet after the Moscow deal?": what follows "after" says when, not what about —
    the question is whether the guns went quiet, answered from the newest news on that, not from the
    deal. Those words count as context (weak, not required) when the question has a topic before them."""
    at = next((i for i, t in enumerate(tokens) if t.fold in anchors and i > 0), None)
    if at is None:
        return
    before = {t.fold for t in tokens[:at]}
    after = {t.fold for t in tokens[at + 1:] if clause_of[tokens.index(t)] == clause_of[at]}
    asked = [g for g in query.groups if g.known and not g.context and g.word in before and g.word not in after]
    if not any(not g.is_entity and g.concepts for g in asked):
        return
    for g in query.groups:
        if g.word in after and g.word not in before and not g.context:
            g.context = True
            g.terms = [(t, w * 0.3) for t, w in g.terms]
            g.__dict__.pop("_term_set", None)


def analyse(
    question: str, *, index: InvertedIndex, speller: Speller, fallback_language: str | None
) -> Query:
    """Everything the engine needs to know about a question before searching."""
    original = question
    if is_translit_russian(question):
        question, language = latin_to_cyrillic(question), "ru"
    else:
        language = detect(question, fallback_language)
    question = re.sub(r"\bU\.?S\.?A?\b\.?(?!\w)", "USA", question)  # "US", "U.S." → a country, not "us"
    # "in Istanbul time", "по московскому времени": the reply states the stored instant in its zone
    # and in UTC; the zone named is no topic. "Which day of the week": a date (the reply names the day).
    question = _TIME_ZONE.sub(" ", question)
    question = _FRAME.sub(" ", question)
    question = _DEAL_WITH.sub("what about", question)
    question = _STATE_OF_PLAY.sub("status", question)
    question = _SEPARATED_PARTICLE.sub(r"\1 \4 \2\3", question)
    if _UNTIL_WHEN.search(question):
        question = _GOING_ON.sub(" ", _UNTIL_WHEN.sub("when did it end ", question))
    about_document = bool(_DOC_SAYS.search(question) or _PROVISION_DOES.search(question) or _UNDER_DEAL.search(question))
    document_words = {fold(w) for rx in (_DOC_SAYS, _UNDER_DEAL) for m in rx.finditer(question)
                      for w in re.findall(r"\w+", m.group("doc").lower())}
    question = _DOC_SAYS.sub(lambda m: m.group("doc") + " about", question)
    question = _WEEKDAY_ASKED[language].sub(_WHEN_WORD[language], question)
    capitalised = {fold(w.lower()) for w in _CAPITALISED.findall(question.strip())}
    quoted = {t.fold for m in _QUOTED.finditer(question) for t in tokenize(m.group("q"), language)}
    tokens: list[Token] = []
    clause_of: list[int] = []
    pieces = _CLAUSE.split(question)
    questioned = _questioned_clauses(question, len(pieces))
    for n, clause in enumerate(pieces):
        clause_tokens = _expand_shorthand(tokenize(clause, language), language)
        tokens.extend(clause_tokens)
        clause_of.extend([n] * len(clause_tokens))
    tokens = [Token(t.lower, t.fold, i, t.cyrillic) for i, t in enumerate(tokens)]
    raw_folded = folded_text(tokens)
    raw_spans = intent_mod.detect(raw_folded, language).cue_spans
    keep, position = set(), 0
    for i, tok in enumerate(tokens):
        a, b = position, position + len(tok.fold)
        if any(s <= a and b <= e for s, e in raw_spans):
            keep.add(i)
        position = b + 1
    articles = article_terms(tokens)
    keep |= article_positions(tokens)  # "3. madde" is no typo of "made"
    raw_tokens = tokens
    tokens, changed = _correct_tokens(tokens, index, speller, language, frozenset(keep))
    folded = folded_text(tokens)
    context_clauses = _context_clauses(tokens, clause_of, language, questioned, index)
    # What is asked is read from the question, not from the reader's context ("I'm heading to Turkey
    # NEXT week. Which city did the delegation go to?"); the context's words are blanked, not removed,
    # so that the cues' character offsets still point into `folded`.
    found_intent = _detect_asked(tokens, clause_of, context_clauses, language)
    if context_clauses and found_intent.prediction == "soft":
        # "... scale up along the highway next year. Will the patrols make it safe by then?": a forecast
        whole = intent_mod.detect(folded, language)
        if whole.prediction == "hard":
            found_intent = dataclasses.replace(found_intent, prediction="hard")
    if raw_folded != folded and found_intent.prediction != "hard":
        # A typo correction must not hide a verb form that asks about the future ("sürer mi").
        raw = _detect_asked(raw_tokens, clause_of, context_clauses, language)
        if raw.prediction == "hard" or (raw.prediction == "soft" and found_intent.kind not in _ANSWERABLE_FUTURE):
            found_intent = dataclasses.replace(found_intent, prediction=raw.prediction)
    if (language == "ru" and not found_intent.yes_no and original.strip().endswith("?")
            and not _RU_WH.search(folded) and any(_RU_PAST.search(t.lower) for t in tokens)):
        # "Россия согласилась на коридор?": a yes/no question by intonation alone
        found_intent = dataclasses.replace(found_intent, yes_no=True,
                                           kind="status" if found_intent.kind == "what" else found_intent.kind)
    if not found_intent.cues and len(tokens) <= 5 and tokens and tokens[-1].fold in ("day", "gunu", "день"):
        # "first patrol day??": a fragment naming a day asks for its date
        found_intent = dataclasses.replace(found_intent, kind="when", cues=frozenset({"when"}))
    if language == "en" and not found_intent.yes_no and original.strip().endswith("?") and tokens \
            and tokens[-1].fold in _STATE_WORDS and not _EN_WH.search(folded):
        # "patrol details finalised?": a state asked about, yes or no
        found_intent = dataclasses.replace(found_intent, yes_no=True,
                                           kind="status" if found_intent.kind == "what" else found_intent.kind)
    if language == "en" and not found_intent.yes_no and (_EN_TAG.search(folded) or not _EN_WH.search(folded) and (
            any(tokens[i].fold in _EN_AUX for i in range(1, len(tokens)) if clause_of[i] != clause_of[i - 1])
            or (original.strip().endswith("?") and any(t.fold in _EN_AUX for t in tokens[1:])))):
        # "So the ceasefire was agreed in Ankara?", "It was Lavrov who said it, wasn't it?": a claim asked
        # about by intonation or a tag
        # "Retired officer here. Did the guns go quiet ...?": a yes/no question after a first sentence
        found_intent = dataclasses.replace(found_intent, yes_no=True,
                                           kind="status" if found_intent.kind == "what" else found_intent.kind)
    query = Query(text=original, language=language, tokens=tokens, folded=folded, intent=found_intent,
                  about_document=about_document)
    query.quoted = sorted(quoted)
    query.about_bot = any(pattern.search(raw_folded) for pattern in _BOT_META.values())

    off = off_topic_lexicon()
    lex = compiled_lexicon()
    phrase_hits = phrase_concepts(tokens, language, lex)
    content_at = [i for i, t in enumerate(tokens) if not _is_stopword(t)] if language != "en" else []
    if language != "en" and len(content_at) < len(tokens):
        # A phrase split by question words ("silahlar ne zaman sustu", "стрельба когда прекратилась").
        seen_hits = {(f, c) for f, _l, c in phrase_hits}
        for f, l, c in phrase_concepts([tokens[i] for i in content_at], language, lex):
            if l > f and (content_at[f], c) not in seen_hits:
                phrase_hits.append((content_at[f], content_at[l], c))
    # A word that opens a phrase means what the phrase means ("came out of" is a result, not an arrival).
    phrase_start_actions = {f: {c for ff, _l, c in phrase_hits if ff == f} for f, _l, _c in phrase_hits}
    ceasefire_asked = any("CEASEFIRE" in token_terms(t, language, query=True).concepts for t in tokens) or any(
        c == "CEASEFIRE" for _f, _l, c in phrase_hits)
    off_hits = phrase_concepts(tokens, language, off)
    in_phrase: dict[int, set[str]] = {}
    covered: set[int] = set()
    covered_by: dict[int, set[str]] = {}
    for first, last, concept in phrase_hits:
        in_phrase.setdefault(first, set()).add(concept)
        covered.update(range(first + 1, last + 1))
        for j in range(first + 1, last + 1):
            covered_by.setdefault(j, set()).add(concept)
    # A clause kept to make sense of a short question, but about the reader ("I'm a translator working on
    # the protocol text. What did its first article say?"), names no subject the question is about.
    kept = sorted(set(clause_of) - context_clauses)
    # "my cousin says they go to the M4 with the Russians. when this patrol start?": the clause a short
    # question leans on gives its topic; who said so there (the cousin) is not asked about
    leaned = set(kept[:-1]) if len(kept) >= 2 and not intent_mod.detect(
        " ".join(_clause_text(tokens, clause_of, n) for n in kept[:-1]), language).cues else set()
    reader_clauses = {n for n in kept[:-1] if _READER.search(_clause_text(tokens, clause_of, n))}
    quiet = context_clauses | reader_clauses
    # "im writing a school ESSAY on the idlib truce, what did they agree": the reader's own task, off topic
    # only if the question names nothing the timeline knows
    own_off: list[str] = []
    for first, _last, category in off_hits:
        if clause_of[first] not in quiet:  # "I'm a student writing an essay. What ...?"
            (own_off if category == "chitchat" and _about_reader(tokens, first) else query.off_topic).append(category)
    if _CODE_CHARS.intersection(original) and _CODE.search(original):
        query.off_topic.append("code")  # "fix my sql: SELECT * FORM users WHERE id=1": code, whatever its words

    # Character offsets of tokens in the folded question, to drop pure question words ("when", "new").
    offsets, position = [], 0
    for tok in tokens:
        offsets.append((position, position + len(tok.fold)))
        position += len(tok.fold) + 1
    cue_tokens = {i for i, (a, b) in enumerate(offsets)
                  if any(s <= a and b <= e for s, e in found_intent.cue_spans)
                  # "were the DETAILS agreed?", "where were the details hammered out": unless the question asks for the
                  # details, the word is what it asks about
                  and not ((found_intent.yes_no or found_intent.kind not in ("what", "latest"))
                           and tokens[i].fold in ("details", "detail"))}
    months: dict[int, int] = {}
    stop_phrase = False
    for i, tok in enumerate(tokens):
        if clause_of[i] not in quiet:
            for category in _off_topic(tok, language, index):
                (own_off if category == "chitchat" and _about_reader(tokens, i) else query.off_topic).append(category)
        if i and tokens[i - 1].fold in ("zorunda", "mecbur") and tok.fold.startswith("kal"):
            continue  # "terk etmek zorunda kaldı": had to leave — "kaldı" is no staying
        if (_is_stopword(tok) or i in cue_tokens) and i not in in_phrase \
                and not (tok.fold in _RANK_WORDS and (i == 0 or tokens[i - 1].fold not in ("in", "overall"))):
            continue
        tt = token_terms(tok, language, query=True)
        if clause_of[i] not in context_clauses and _other_name(tok, tt, index) and not _about_reader(tokens, i):
            query.other_names.append(tok.fold)
            continue
        concepts = set(tt.concepts)
        if i in phrase_start_actions:
            concepts &= ENTITY_CONCEPTS | phrase_start_actions[i]
        concepts |= in_phrase.get(i, set())
        if ceasefire_asked and "DECLARE" in concepts and "CEASEFIRE" not in concepts:
            # "when was the ceasefire declared", "почему объявили перемирие": when/why it was agreed
            concepts = (concepts - {"SAY", "DECLARE"}) | {"AGREE"}
        for c in list(concepts):
            m = _MONTH.match(c)
            if m and clause_of[i] not in context_clauses:
                # "I read the patrols start on March 12 — when are they?": a day in the reader's context
                # is no day asked about
                months[i] = int(m.group(1))
        if "HOLD" in concepts and found_intent.kind in ("when", "how_long"):
            concepts.add("START")  # "since when is the truce in force" asks when it started
        qweight = 0.85 if i in changed else 1.0
        if i in covered and not concepts and covered_by[i] & ACTION_CONCEPTS and language != "en":
            continue  # "sona ERDİ", "yürürlüğe GİRDİ": the rest of a verb phrase is the action already counted
        if i in covered and not (covered_by[i] & concepts):
            # "kimin YANINDA", "evini TERK etti": a word inside an idiom counts less than the idiom, and
            # its own action ("terk" = leave) is not what is asked.
            qweight *= 0.3
            if "STOP" in concepts and "CEASEFIRE" in covered_by[i] and found_intent.kind in ("when", "how_long"):
                stop_phrase = True  # "when did the shooting stop": the ceasefire taking effect (below)
                continue
            concepts -= ACTION_CONCEPTS
            if language == "en" and concepts - ENTITY_CONCEPTS:
                continue  # "in FORCE" (no troops): an English idiom's word does not mean what it does alone
        terms = [(w, qweight) for w in tt.words]
        terms += [("#" + c, 0.9 * qweight) for c in sorted(concepts)]
        if "AGREE" in concepts and "DECLARE" in tt.concepts:
            terms = [(w, q) for w, q in terms if w not in ("#SAY", "#DECLARE")]
        known = any(w in index for w, _ in terms)
        if i in covered and not known:
            continue
        # a word the reader quotes ("I keep hearing about 'convoys'") is a hint at the topic, even in context
        in_context = (clause_of[i] in context_clauses or (clause_of[i] in leaned and "SAY" in concepts)) \
            and tok.fold not in quoted
        if not known and tok.fold in quoted:
            continue
        if not known and concepts and not in_context:
            # A word the lexicon knows but no stored text says ("resume", "withdraw"): the timeline
            # records nothing about it.
            query.unknown.append(tok.fold)
            if concepts & (ACTION_CONCEPTS | {"LENGTH", "RANK", "SPEED"}):
                # an action, or a measure ("length"), that no stored text states: a date or number
                # asked about it would be invented
                query.unknown_actions.append(tok.fold)
            continue
        actions = concepts & ACTION_CONCEPTS
        # ("the Turkish LEADER who warned": a country's leader is its president, an office, not an act of leading)
        head_of_state = bool(concepts & _OFFICES) and i > 0 and bool(
            _COUNTRIES.intersection(token_terms(tokens[i - 1], language, query=True).concepts))
        if known and actions and not in_context and not head_of_state and all("#" + c not in index for c in actions):
            # "Rus heyetinin BAŞINDA kim vardı": the word is stored, the action its phrase names
            # (leading the delegation) is not — a name or date asked about it would be invented.
            query.unknown_actions.append(tok.fold)
        if not known and not concepts:
            if (tok.fold.isdigit() and len(tok.fold) >= 2 and not YEAR_LIKE.fullmatch(tok.fold) and not in_context
                    and not (0 < i < len(tokens) - 1 and tokens[i - 1].fold.isdigit())):
                query.unknown_numbers.append(tok.fold)
            if len(tok.fold) >= 3 and not tok.fold[0].isdigit() and not in_context:
                query.unknown.append(tok.fold)
                if tok.fold in capitalised and i not in changed and not _about_reader(tokens, i):
                    query.other_names.append(tok.fold)
            continue
        if tok.fold[0].isdigit():
            if i + 1 < len(tokens) and tokens[i + 1].fold in _TIME_UNITS:
                continue  # "going to print in 10 min": the reader's clock, not the topic
            terms = [(w, 0.4) for w, _ in terms]
        if in_context:
            terms = [(w, q * 0.3) for w, q in terms]
        query.groups.append(Group(tok.fold, terms, frozenset(concepts), known, corrected=i in changed,
                                  context=in_context))

    # "15 March", "March 15th", "15 марта", "15 Mart" → the day's events.
    for i, month in months.items():
        day = None
        for j in (i - 1, i + 1):
            if 0 <= j < len(tokens) and tokens[j].fold.isdigit() and 1 <= int(tokens[j].fold) <= 31:
                day = int(tokens[j].fold)
                break
            if 0 <= j < len(tokens) and re.fullmatch(r"(\d{1,2})(st|nd|rd|th)", tokens[j].fold):
                day = int(re.match(r"\d+", tokens[j].fold).group(0))  # type: ignore[union-attr]
                break
        term = f"@{month:02d}-{day:02d}" if day else f"@m{month:02d}"
        query.groups.append(Group(f"date:{term}", [(term, 1.2 if day else 0.6)], frozenset(), term in index))
        query.date_group = len(query.groups) - 1
    numeric = _NUMERIC_DATE.search(original) if not months else None
    if numeric is not None:
        # "5/3/2020", "12.03.2020": day first (as in Turkey, Russia, Europe) unless only the other reading
        # is a day the record has
        a, b = int(numeric.group(1)), int(numeric.group(2))
        readings = [(b, a), (a, b)] if a != b else [(b, a)]
        terms = [f"@{m:02d}-{d:02d}" for m, d in readings if 1 <= m <= 12 and 1 <= d <= 31]
        term = next((x for x in terms if x in index), terms[0] if terms else None)
        if term is not None:
            parts = {numeric.group(1), numeric.group(2), numeric.group(3), str(a), str(b)}
            query.groups = [g for g in query.groups if g.word not in parts]
            query.groups.append(Group(f"date:{term}", [(term, 1.2)], frozenset(), term in index))
            query.date_group = len(query.groups) - 1
    if not months and numeric is None:
        # "what happened on the 12th?": a day of the month alone is the one month the record has it in
        for k, tok in enumerate(tokens):
            # "12th" or, as tokenised, "12" "th"
            m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)", tok.fold) or (
                re.fullmatch(r"(\d{1,2})", tok.fold) if k + 1 < len(tokens) and tokens[k + 1].fold in ("st", "nd", "rd", "th")
                else None)
            if m is None or not 1 <= int(m.group(1)) <= 31:
                continue
            day = int(m.group(1))
            terms = [f"@{month:02d}-{day:02d}" for month in range(1, 13) if f"@{month:02d}-{day:02d}" in index]
            if len(terms) == 1:
                query.groups = [g for g in query.groups if g.word != tok.fold]
                query.groups.append(Group(f"date:{terms[0]}", [(terms[0], 1.2)], frozenset(), True))
                query.date_group = len(query.groups) - 1
            break
    if any("CEASEFIRE" in g.concepts for g in query.groups):
        for g in query.groups:
            if "DECLARE" in g.concepts and "CEASEFIRE" not in g.concepts:
                # "when was the ceasefire declared": when it was agreed, not who said something
                g.concepts = (g.concepts - {"SAY", "DECLARE"}) | {"AGREE"}
                g.terms = [(t, w) for t, w in g.terms if t not in ("#SAY", "#DECLARE")] + [("#AGREE", 0.9)]
                g.__dict__.pop("_term_set", None)
    if found_intent.kind == "status" and _STILL_TALKING.search(folded):
        # "is the corridor agreed yet or still being negotiated": being negotiated is a status of the
        # corridor, not the talks as a topic
        talking = [g for g in query.groups if "TALKS" in g.concepts and not g.is_entity]
        if talking and any(not g.is_entity and not g.concepts & (PREDICATE_CONCEPTS | {"TALKS"}) for g in query.groups):
            for g in talking:
                g.context = True
    if found_intent.kind == "where" and any("CONNECT" in g.concepts and not g.context for g in query.groups):
        # "M4 neresiyle neresini bağlıyor" (what does the M4 link, from where to where): what the road
        # connects, said in a sentence — not the place an event on it happens
        query.intent = dataclasses.replace(query.intent, kind="what")
    for g in query.groups:
        if "WEEKDAY" in g.concepts and len(g.terms) > 1 and g.word not in ("weekend", "hafta sonu"):
            # "still on for Sunday?": that day first, before any day of the week a fact names ("Thursday")
            g.terms = [(t, w * 0.3 if t == "#WEEKDAY" else w) for t, w in g.terms]
            g.__dict__.pop("_term_set", None)
    owned = {tokens[j].fold for i, t in enumerate(tokens) if t.fold in ("our", "my")
             for j in range(i + 1, min(i + 3, len(tokens)))}
    if owned and any(g.known and not g.context and g.word not in owned for g in query.groups):
        # "the corridor everyone mentions in OUR COORDINATION MEETINGS": the reader's own meetings are no
        # topic, when the question names one besides them
        for g in query.groups:
            if g.word in owned and not g.is_entity:
                g.context = True
    if about_document and any(g.word not in document_words and not g.context and not g.is_date for g in query.groups):
        # "what does the deal say about the line of contact": the deal is where to look, the line of
        # contact what is asked about. A truce named so is a provision itself: it stays a topic.
        for g in query.groups:
            if g.word in document_words and "CEASEFIRE" not in g.concepts:
                g.context = True
    guesses = {m.group(1) for m in _GUESS.finditer(folded)}
    if guesses and any(g.known and not g.context and g.word not in guesses for g in query.groups):
        # "who has to agree the details, the presidents or someone else?": the reader's guess, which the
        # answer confirms or corrects; it is not what the fact is searched by
        for g in query.groups:
            if g.word in guesses:
                g.context = True
    if found_intent.kind == "where" and _WHOLE.search(folded):
        # "where does the ceasefire apply — the whole of Syria?": the reader's guess at the scope, which the
        # answer corrects; it is not what the ceasefire is searched by
        guessed = {m.group(1) for m in _WHOLE.finditer(folded)}
        for g in query.groups:
            if g.word in guessed:
                g.context = True
    if found_intent.kind == "next":
        # "anything planned for the coming days?": when to look, not what about
        query.groups = [g for g in query.groups if g.word not in _TIME_UNIT_WORDS and g.word not in _COMING]
    if found_intent.kind == "how_long":
        # "how long till the patrols, in days": the unit of the answer, not a topic ("three days of talks")
        query.groups = [g for g in query.groups if g.word not in _TIME_UNIT_WORDS] or query.groups
    if found_intent.kind == "when" and any("TALKS" in g.concepts for g in query.groups):
        # "when was the Moscow summit held": a meeting is held where and when it takes place — the
        # verb asks nothing ("held" is no ceasefire holding)
        query.groups = [g for g in query.groups if g.word not in _HELD]
    if found_intent.kind in ("when", "how_long"):
        fighting = [g for g in query.groups if g.concepts & {"OFFENSIVE", "WAR", "CEASEFIRE"} and not g.context]
        stops = [g for g in query.groups if "STOP" in g.concepts and not g.context]
        if stop_phrase:
            stops = [g for g in fighting if "CEASEFIRE" in g.concepts]
        if fighting and stops and not any(g.concepts & {"START", "END", "HOLD"} for g in query.groups):
            # "when did the shooting/bombing stop": when the ceasefire took effect — not the later day
            # someone said the attacks had stopped.
            for g in stops:
                g.concepts = g.concepts | {"START"}
                g.terms = g.terms + [("#START", 0.9)]
                g.__dict__.pop("_term_set", None)
            for g in fighting:
                if "CEASEFIRE" not in g.concepts:
                    g.concepts = g.concepts | {"CEASEFIRE"}
                    g.terms = g.terms + [("#CEASEFIRE", 0.9)]
                    g.__dict__.pop("_term_set", None)
    if language == "en" and (found_intent.yes_no or found_intent.kind == "why"):
        # ("why were more talks needed after the Moscow deal": the talks are asked about, not the deal)
        _anchor_after(query, tokens, clause_of, _ANCHOR_WORDS)
    if language == "en" and (found_intent.kind == "why" or (
            not found_intent.yes_no and found_intent.kind in ("when", "where", "who", "how_many"))):
        # "why more talks in Ankara if they already had a deal in Moscow?": the if-clause is background;
        # "when did Erdogan threaten more force if the truce breaks down": it is what he said, not asked
        _anchor_after(query, tokens, clause_of, _GIVEN_WORDS)
    if articles:
        # "what does Article 3 say": the numbered provision, not any text with a 3 (or "article") in it
        words = {tokens[i].fold for i in article_positions(tokens)} | {t.split(":")[1] for t in articles}
        query.groups = [g for g in query.groups if g.word not in words]
        query.unknown = [w for w in query.unknown if w not in words]
        query.groups += [Group(term, [(term, 3.0)], frozenset(), term in index) for term in articles]
    if articles and any("SAY" in g.concepts for g in query.groups):
        # what a text says is no one's statement: the article is the subject
        query.groups = [g for g in query.groups if "SAY" not in g.concepts]
    for g in query.groups:
        g.idf = max((index.idf(t) * w for t, w in g.terms), default=0.0)
        if g.idf == 0.0:
            g.known = False
    if own_off and not any(g.known and not g.context and not g.is_entity and g.idf >= 0.45 for g in query.groups):
        query.off_topic.extend(own_off)
    # "operation Olive Branch", "Zeytin Dalı harekatı", "сочинский меморандум": a word nothing stores next
    # to "operation"/"memorandum" names an operation or agreement the timeline does not hold.
    for i, tok in enumerate(tokens):
        if tok.fold not in query.unknown or i in changed or _is_stopword(tok) or clause_of[i] in context_clauses:
            continue
        near = tokens[max(0, i - 2): i] + tokens[i + 1: i + 3]
        if language == "en" and tok.fold not in capitalised and common_english(tok.fold) \
                and any(t.fold.startswith("operation") for t in near):
            near = tokens[max(0, i - 2): i]  # "operation olive branch"; "a more strong operation" names none
        if any(_NAMED_KINDS.match(t.fold) for t in near):
            query.other_names.append(tok.fold)
    query.focus = _focus_words(tokens, language, context_clauses, clause_of, changed)
    if articles:
        query.focus = [w for w in query.focus if w not in {tokens[i].fold for i in article_positions(tokens)}]
    return query


# "general" is a filler word ("in general") unless it names a rank ("the Russian general").
_RANK_WORDS = frozenset({"general", "generals"})
_NAMED_KINDS = re.compile(r"^(operation|operations|operasyon\w*|harekat\w*|операци\w*|memorandum|mutabakat\w*|"
                          r"меморандум\w*)$")


# Question words that open a phrase naming what is asked: the next content word is its focus.
_FOCUS_AFTER = {
    "en": frozenset({"what", "which", "whose", "many", "much"}),
    "tr": frozenset({"hangi", "kac"}),
    "ru": frozenset({"какой", "какая", "какое", "какие", "каких", "какого", "каком", "какую", "сколько"}),
}
# Turkish puts the question word after what is asked: "maliyeti ne kadar", "rengi ne", "ne renk".
_FOCUS_BEFORE = {"tr": frozenset({"ne", "nedir", "neydi", "kadar"})}
# Words that only say a name is wanted ("the name of X", "adı ne"): the focus is what follows/precedes.
# So do words that only say which kind of answer is wanted: a place ("which city"), a time ("hangi saatte").
_TRANSPARENT = frozenset({"name", "names", "called", "title", "adi", "ismi", "isim", "название", "имя", "зовут",
                          "exact", "exactly", "full", "official", "other", "another"})
_KIND_WORDS = frozenset({"city", "town", "place", "country", "location",
                          "sehir", "sehre", "sehirde", "yer", "yerde", "ulke", "город", "городе", "место", "месте",
                          "date", "day", "time", "hour", "gun", "tarih", "saat", "saatte", "saatinde", "дата", "день",
                          "время", "час", "число", "first", "next", "last", "one", "two", "three",
                          "capital", "province", "region", "area", "venue"})
# Nouns that only frame what is asked ("what is the RELATIONSHIP between X and Y", "which BODIES were
# tasked with X", "what was on the AGENDA"): the answer is the fact about the rest, not a missing attribute.
_SHELL_NOUNS = frozenset({"relationship", "relation", "relations", "link", "links", "connection", "agenda", "assessment",
                          "condition", "conditions", "circumstances", "point", "body", "bodies", "institution",
                          "institutions", "thing", "things", "aspect", "aspects", "part", "parts", "role", "purpose",
                          "aim", "goal", "significance", "meaning", "terms", "content", "contents", "substance", "gist",
                          "nature", "kind", "sort", "type", "step", "steps", "stage", "measures", "provisions",
                          "elements", "issue", "issues", "topic", "topics", "matter", "subject", "message", "position",
                          "stance", "view", "views", "idea", "basis", "grounds", "difference", "differences", "arrangement",
                          "arrangements", "mechanism", "framework", "organisation", "organization", "organisations",
                          "organizations", "authorities", "authority", "sides", "side", "parties", "party"})


def _focus_words(tokens: list[Token], language: str, context: set[int], clause_of: list[int],
                 changed: set[int]) -> list[str]:
    after = _FOCUS_AFTER.get(language, frozenset())
    before = _FOCUS_BEFORE.get(language, frozenset())
    out: list[str] = []
    for i, tok in enumerate(tokens):
        if clause_of[i] in context:
            continue
        if tok.fold in after:
            for j in range(i + 1, min(i + 5, len(tokens))):
                t = tokens[j]
                if t.fold in _KIND_WORDS or t.fold in _SHELL_NOUNS:
                    break  # "which city hosted ...": a where/when question in other words
                if t.fold in after or t.fold in _TRANSPARENT:
                    continue
                if not _is_stopword(t):
                    if j not in changed:  # a typo fixed to some word is no evidence of what is asked
                        out.append(t.fold)
                    break
        nxt = tokens[i + 1].fold if i + 1 < len(tokens) else ""
        if tok.fold in before and i > 0 and nxt not in ("zaman", "zamandi", "zamanki"):
            prev = tokens[i - 1]
            if (not _is_stopword(prev) and prev.fold not in _TRANSPARENT and prev.fold not in _KIND_WORDS
                    and prev.fold not in after
                    and i - 1 not in changed):
                out.append(prev.fold)
    return out
