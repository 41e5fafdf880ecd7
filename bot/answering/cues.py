"""Wording cues read off a question (regexes, concept sets) and the rules of thumb built on them."""

from __future__ import annotations

import re

from bot.answering.query import Query

# Questions whose answer is a date or a number: the action asked about ("close", "resume", "killed")
# must be what the fact states, or the date/number would answer a different question.
ACTION_STRICT = frozenset({"when", "how_long", "how_many", "next"})
# Concepts that name the status a step records, for "when was X agreed / did X take effect".
STEP_FOR_CONCEPT = {
    "AGREE": ("agreed", "largely_agreed"), "START": ("in_effect",), "HOLD": ("in_effect",),
    "SUSPEND": ("suspended",), "END": ("ended",), "STOP": ("ended", "suspended"), "VIOLATION": ("violated",),
}
# What a count in a sentence is bound to: 60 troops *killed*, a million people *displaced*.
COUNTED_ACTIONS = frozenset({"KILL", "DISPLACE"})
ROLE_CONCEPTS = frozenset({"MINISTER", "PRESIDENT"})
# "were there casualties / violations?": the thing whose existence is asked is the topic, not a predicate.
EXISTENTIAL = re.compile(r"\b(is|are|was|were|has|have|had) there( been)?\b|\bany (casualt|deaths|violation|losses)|"
                         r"\b(var mi|var mıydı|olmus mu|oldu mu)\b|\bбыли ли\b|\bесть ли\b")
COUNTED_NOUNS = frozenset({"KILL", "DISPLACE"})
# Kinds of question whose focus word must be stated by the fact that answers them.
FOCUS_KINDS = frozenset({"what", "how_many", "where"})
# Concepts so broad that matching them says little: the asked word itself must be in the fact.
BROAD_CONCEPTS = frozenset({"PEOPLE", "EQUIPMENT"})
# ... unless the asked word is the broad word itself: any count of people answers "how many people".
GENERIC_PEOPLE = re.compile(r"^(people|persons|person|kisi\w*|insan\w*|люд\w*|человек\w*)$")
# What a count is a count *of* or *during*: a number from a sentence about something else is no answer.
SUBJECTS = frozenset({"CEASEFIRE", "TALKS", "PATROL", "CORRIDOR", "DELEGATION"})
YEAR = re.compile(r"(19|20)\d\d")
# "it's 2025 now - did the patrols start?": the reader's own year, not a year asked about
NOW_YEAR = re.compile(r"\b(it s|it is|its|we re in|we are in|now in|now it s) (19|20)\d\d\b|\b(19|20)\d\d (now|already)\b")
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
STILL = re.compile(r"\b(still|any more|anymore|currently|today|now|until now|till now|to this day|to date|as of now|hala|halen|hale|simdi|bugun|artik|"
                    r"до сих пор|вс[её] ещ[её]|по-прежнему|по прежнему|пока|сейчас|сегодня|теперь)\b")
DAYS_ASKED = re.compile(r"\b(days?|weeks?|months?|years?|gun\w*|hafta\w*|yil\w*|дн\w*|день|недел\w*|месяц\w*|лет|год\w*|"
                        r"сколько времени|how long)\b")
BETWEEN = {
    # ("how many days separated the summit from the start of the patrols", "... from the summit to the patrols")
    "en": re.compile(r"\bbetween (?P<a>.+?) and (?P<b>.+)|\b(?:separated?|separating|passed|elapsed|went by|were there) "
                     r"(?:from |since )?(?:the )?(?P<a2>.+?) (?:from|and|to|until|till|before) (?:the )?(?P<b2>.+)|"
                     r"\bfrom (?:the )?(?P<a3>.+?) (?:to|until|till) (?:the )?(?P<b3>.+)"),
    "tr": re.compile(r"(?P<a>.+?) (?:ile|ve) (?P<b>.+?) aras\w*"),
    "ru": re.compile(r"\bмежду (?P<a>.+?) и (?P<b>.+)"),
}
# "how long after the summit did the truce start": the days between two events, the first named first
AFTER = re.compile(r"\bhow (?:long|many days|many weeks|much time) (?:after|before) (?:the )?(?P<a>.+?) "
                   r"(?:did|was|were|does|do|had|has|is|are) (?P<b>.+)")
# "how long had the truce been in place when Akar said it was holding", "... by the time the talks ended"
HOW_LONG_WHEN = re.compile(r"\bhow long (?:had|has|was|were) (?:the )?(?P<a>.+?) (?:when|by the time|before) (?:the )?(?P<b>.+)")
# "what's next after the talks", "anything coming up after the summit": next relative to an event
AFTER_EVENT = re.compile(r"\b(?:after|following) (?P<a>.+)|(?P<a2>.+?)(?:dan|den|tan|ten) sonra\b|\bпосле (?P<a3>.+)")
FIRST = re.compile(r"\b(what|which)( \w+)? (came|happened|was) first\b|\bfirst thing\b|\bthe first (step|agreement|deal)\b|"
                   # "when were the patrols first agreed": the earliest agreement on them
                   r"\bfirst (agreed|agree|agreeing|announced|signed|decided|settled)\b|"
                    r"\bilk (olarak|once|basta)\b|\bilk (ne|neyi|neyde|neler)\b|\bв самом начале\b|\bчто было (сначала|первым)\b|"
                    r"\bсначала\b|\bпервым делом\b")
# "did Assad's offensive BEGIN BEFORE Turkey's troop surge": which of two came first, asked yes or no.
_HAPPEN = r"(?:begin|began|begun|start|started|happen|happened|come|came|occur|occurred|take place|took place|kick off|" \
          r"kicked off|break out|broke out|made|issued|given|said)"
_BEFORE_ANOTHER = r"\b(?:did|was|were|had) .+? " + _HAPPEN + r" (?:before|after|earlier than|later than) "
# "Which is later, A or B?", "did A happen before or after B?", "önce mi sonra mı", "раньше или позже": the order
# of two events is asked, as by "which came first".
ORDER = re.compile(r"\b(what|which)( one| \w+)? (came|happened|was|is|comes|occurred) (earlier|later|sooner|last)\b|"
                   r"\bwhich (is|was|came) (earlier|later|first)\b|\bbefore or after\b|\bafter or before\b|"
                   r"\bonce mi sonra mi\b|\bsonra mi once mi\b|\bhangisi (daha )?(once|sonra)\b|\b(ilk|once) hangisi\b|"
                   r"\bчто было (раньше|позже)\b|\bчто (случилось|произошло) (раньше|позже|сначала)\b|"
                   r"\bдо или после\b|\bраньше или позже\b|" + _BEFORE_ANOTHER)
# "did A happen before or after B", "A, B'den önce mi sonra mı", "did A begin before B": the two events compared.
BEFORE_OR_AFTER = re.compile(r"\b(?:did|was|were|had) (?P<a3>.+?) " + _HAPPEN + r" (?:before|after|earlier than|later than) "
                             r"(?P<b3>.+)$|"
                             r"^(?:(?:did|was|were|is|are|has|had) )?(?P<a>.+?) (?:before or after|after or before|"
                             r"до или после|раньше или позже) (?P<b>.+)$|"
                             r"^(?P<a2>.+?) (?P<b2>\w+ \w+(?:dan|den|tan|ten)) (?:once mi sonra mi|sonra mi once mi)")
# "anything new since the Moscow summit": news after that event, whatever it is about.
SINCE_EVENT = re.compile(r"\bsince (?!(?:early |late |mid |the start of |the beginning of )?(?:last |this |the )?"
                         r"(?:week|month|year|yesterday|then|when|january|february|march|april|may|june|july|august|"
                         r"september|october|november|december|\d))(?P<a>(?:the |that |this )?\w.*)$")
# "after that": what comes after the event named before; "the talks are done/over": after them.
ANAPHOR = re.compile(r"(that|this|it|them|those|these|bu|bunun|bundan|ondan|этого|этому|него|нее|них)")
DONE_WITH = re.compile(r"\b(is|are|s|was|were|now|have|has|been) (done|over|finished|ended|wrapped up|concluded|behind us|"
                       r"signed|agreed|sealed)\b|\bthey (agreed|signed|met)\b|"
                       r"\b(done|finished|wrapped up|concluded)( so| and| now| then)? (?=what|anything|is there)|"
                       r"\b(bitti|sona erdi|tamamlandi)\b|\b(закончил|завершил|прошл)\w*")
OR = re.compile(r"(?P<a>\w[^,:]*?)\s+(?:or|yoksa|veya|или)\s+(?P<b>\w.*)|"
                r"(?P<a2>\w[^,:]*?) mi (?P<b2>\w.*?) mi\b")  # "Erdoğan'ın uyarısı mı, Akar'ın açıklaması mı"
LASTED = re.compile(r"\bhow long did\b|\bhow many days did\b|\bfor how long\b|\bhow long (were|was) (the )?\w+ (in|held)\b|"
                     r"\bne kadar sur\w*|\bkac gun sur\w*|\bсколько (дней |времени )?(длил|продолжал|шл|шли|ид)\w*|"
                     r"\bкак долго (длил|продолжал|шл|ид)\w*")
NAME_ASKED = re.compile(r"\b(name|names|named|called|who|adi|adlari|ismi|isimleri|kim|kimdi|kimler|зовут|звали|имя|"
                         r"имена|фамили\w*|кто)\b")
# A person's name asked for in so many words ("what's the name of", "как зовут"), not just "who".
NAME_ONLY = re.compile(r"\b(name|names|named|called|adi|adlari|ismi|isimleri|зовут|звали|имя|имена|фамили\w*)\b")
# "who was in the delegation", "heyette kimler vardı", "кто входил в делегацию": its members, by name.
MEMBERS_ASKED = re.compile(r"\bwho (was|were|is|are) (in|on|part of|among) (the )?(\w+ )?(delegation|team|officials?)\b|"
                           r"\b(delegation|team) members?\b|\bmembers of the \w* ?(delegation|team)\b|"
                           r"\bheyet\w* (kim|kimler|kimlerden)\b|\bkim(ler)? (vardi|yer aldi)\b.*\bheyet|"
                           r"\bкто (был|были|входил|входили) в (состав\w* )?\w* ?делегаци\w*|\bсостав\w* (\w+ )?делегаци\w*")
# "..., was he named?": a yes/no question in a later clause (whether a name is on record is answerable).
YES_NO_CLAUSE = re.compile(r"(^|[—–:;,.?!-]\s*)(is|are|was|were|did|does|has|have)\s+(he|she|they|it|the|his|their)\b")
# Who a person is in a question asking their name: an office or a body of people.
PERSON_CONCEPTS = frozenset({"MINISTER", "PRESIDENT", "OFFICIAL", "DELEGATION"})
# A model or designation ("Su-24", "S-400", "F16"): one the stored text never uses is something else.
DESIGNATION = re.compile(r"(?<![\w-])([^\W\d_]{1,4})(?:-|‐)?(\d{1,4})(?![\w-])")
LOOKALIKE = str.maketrans("авсекмнорстух", "abcekmhopctyx")  # "М4" typed with a Cyrillic М
MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct",
                                  "nov", "dec", "no", "nr", "no.", "km", "mi", "kg", "am", "pm", "h", "g", "x"})
# A clock time asked for ("what time", "saat kaçta", "во сколько"): a fact dated to the day cannot say it.
TIME_OF_DAY = re.compile(r"\b(what time|what hour|which hour|at what hour|time of day|o ?clock|saat ?kac\w*|hangi saat\w*|"
                         r"saat ne zaman|saati ne|во сколько|в котором часу|в какое время|в какой час|во скольк\w+ час\w*)\b")
# "tl;dr", "özetle", "вкратце": the whole story in brief (the negotiation's overview).
SUMMARY = re.compile(r"\b(tl ?dr|tldr|summary|summarise|summarize|sum up|sum it up|recap|overview|in a nutshell|"
                     r"rundown|run down|breakdown|explainer|"
                     r"nutshell|bottom line|big picture|gist|ozet\w*|kisaca|kisaca anlat\w*|кратко|вкратце|резюме|"
                     r"в двух словах|суть)\b")
# "tomorrow", "yarın", "вчера": a day relative to the reader's today.
RELATIVE_DAY = {
    0: re.compile(r"\b(today|tonight|this evening|bugun|bu aksam|сегодня|сегодняшн\w*)\b"),
    1: re.compile(r"\b(tomorrow|tmrw|tmr|yarin|завтра|завтрашн\w*)\b"),
    -1: re.compile(r"\b(yesterday|dun|вчера|вчерашн\w*)\b"),
}
# "what did Turkey do in Idlib", "Türkiye ne yaptı", "что делала Турция": a deed asked by its doer.
DOER = re.compile(r"\bwhat (?:did|does|do|has|have|had|is|are|was|were) (?P<x>.+?) (?:do|doing|done|been doing|up to)\b|"
                  r"^what (?P<x4>\w+(?: \w+)?) (?:did|done|has done|have done|was doing|is doing|does)\b|"
                  r"^(?P<x2>.+?) ne (?:yapti|yapiyor|yapmis|yapiyordu)\b|"
                  r"\bчто (?:сделал|делал|делает|предприн\w+)\w* (?P<x3>.+)")
DETAILS_ASKED = re.compile(r"\b(details?|specifics|parameters|ayrinti\w*|detay\w*|parametre\w*|детал\w*|параметр\w*)\b")
# Who can be asked "what did X say" about: a person named, or a role.
SPEAKERS = frozenset({"AKAR", "ERDOGAN", "PUTIN", "ASSAD", "MINISTER", "PRESIDENT", "OFFICIAL"})
# ... and the words that may name one in "what did the Turkish defence minister say": the citation covers them.
SPEAKER_WORDS = SPEAKERS | {"DEFENCE", "TURKEY", "RUSSIA"}
COUNTRY_CONCEPTS = frozenset({"TURKEY", "RUSSIA", "SYRIA"})
# "How many countries / sides": counted by the parties a fact names.
PARTY_NOUNS = frozenset({"countries", "country", "sides", "side", "parties", "party", "nations", "nation", "states",
                         "ulke", "ulkeler", "taraf", "taraflar", "стран", "страны", "сторон", "стороны"})
DEADLINE_ASKED = re.compile(
    r"\b(by|until|till) when\b|\b(have|has|had) to\b|\b(supposed|meant|required|expected) to\b|\bdue\b|\bdeadline\b|\btime limit\b|"
    r"\bkadar\b|\bson tarih\w*|\bsure\w*|\bmuhlet\w*|\bдо какого\b|\bсрок\w*|\bдолжн\w*|\bдедлайн\w*")


def doer_asked(q: Query) -> str | None:
    """The doer in "what did Turkey do": a fact whose title opens with it is the deed asked about."""
    m = DOER.search(q.folded) if q.intent.kind == "what" else None
    return next((x for x in m.group("x", "x2", "x3", "x4") if x), None) if m else None


def asks_deadline(q: Query) -> bool:
    """"By when did they have to agree": a question about a time limit, which a deadline answers."""
    return "DEADLINE" in q.concepts() or bool(DEADLINE_ASKED.search(q.folded))


# "why is the corridor so important", "neden bu kadar önemli", "почему это так важно": what makes it matter.
# Matched on the text: "önemli" and "важно" are stop words elsewhere ("the important dates").
SIGNIFICANCE = re.compile(r"\b(strategic\w*|important|importance|significan\w+|crucial|vital|big deal|matters?|mattered|"
                          r"stratejik\w*|onemli\w*|onem\w*|kritik\w*|hayati\w*|стратегическ\w*|важн\w*|значени\w*|значим\w*)\b")


def asks_significance(q: Query) -> bool:
    return q.intent.kind == "why" and ("STRATEGIC" in q.concepts() or bool(SIGNIFICANCE.search(q.folded)))
