"""General multilingual vocabulary: concepts, question cues, stop words, off-topic subjects.

This is vocabulary of the domain (diplomacy, ceasefires, armed conflict) and of everyday questions,
not a table of the bundled data's sentences: a concept groups the words people use for one idea in
English, Turkish and Russian ("truce", "ateşkes", "перемирие"), so a question in one language meets
stored text in another, and a synonym meets the word an editor happened to write. Retrieval itself
is driven by the stored text (see `index.py`); concepts only add a shared, language-free term.

Entry syntax, in every list:
  word      exact word; matched after stemming with its language's stemmer ("patrols" ~ "patrol")
  word*     prefix of the (folded) surface word; for inflected Turkish and Russian forms
            ("devriye*" covers devriyeler, devriyelerin ...)
  two words a phrase; each element may itself be a prefix ("take effect", "вступ* в силу")
"""

from __future__ import annotations

# fmt: off
CONCEPTS: dict[str, dict[str, list[str]]] = {
    "CEASEFIRE": {
        "en": ["ceasefire", "ceasefires", "cease-fire", "cease fire", "truce", "armistice", "cessation of hostilities",
               "halt to fighting", "stop the fighting", "ceasfire", "ceasefir*", "guns go quiet", "guns went quiet",
               "guns gone quiet", "guns fall silent", "guns fell silent", "guns go silent", "guns went silent",
               "guns have to fall silent", "guns had to fall silent", "weapons fall silent", "weapons fell silent",
               "weapons go silent", "weapons went silent", "fall silent", "fell silent", "go quiet", "went quiet",
               "go silent", "went silent", "hostilities cease", "hostilities ceased", "hostilities end",
               "hostilities ended", "shooting stop*", "fighting stop*", "stop shooting", "stopped shooting",
               "silence the guns", "silenced the guns", "lay down arms", "laid down arms", "lay down their arms"],
        "tr": ["ateşkes*", "ateş kes*", "mütareke*", "silah bırak*", "çatışmasızlık*", "silahlar sus*",
               "silahların sus*", "çatışmalar dur*", "çatışmaların dur*", "ateşi kes*", "atesk*"],
        "ru": ["перемири*", "прекращени* огня", "режим* тишины", "прекращени* боевых", "огонь прекращ*",
               "оружие замолч*", "пушки замолч*", "стрельб* прекрат*", "стрельб* стихл*", "боев* прекрат*",
               "прекратил* стрелять", "прекрат* огонь", "тишин*"],
    },
    "PATROL": {
        "en": ["patrol", "patrols", "patrolling", "patroling", "patrolled", "patrol*"],
        "tr": ["devriye*", "karakol*"],
        "ru": ["патрул*"],
    },
    "JOINT": {
        "en": ["joint", "jointly", "together", "combined", "shared", "mixed", "take part", "takes part", "taking part",
               "took part", "participate", "participates", "participating", "participated", "participation"],
        "tr": ["ortak*", "müşterek*", "birlikte", "beraber*", "katıl*"],
        "ru": ["совместн*", "вместе", "общи*", "смешанн*", "участв*", "участи*"],
    },
    "CORRIDOR": {
        "en": ["corridor", "corridors", "buffer", "buffer zone", "safe zone", "security zone", "demilitarised zone",
               "demilitarized zone", "strip", "zone", "each side of the road", "either side of the road", "each side of the highway",
               "either side of the highway", "each side of the m4", "either side of the m4", "territory either side"],
        "tr": ["koridor*", "tampon*", "güvenli bölge*", "güvenlik bölge*"],
        "ru": ["коридор*", "буферн*", "зон*"],
    },
    "SECURITY": {
        "en": ["security", "safety", "secure"],
        "tr": ["güvenlik*", "emniyet*"],
        "ru": ["безопасн*"],
    },
    "ROAD": {
        "en": ["road", "roads", "highway", "highways", "motorway", "motorways", "route", "freeway", "expressway", "hwy"],
        "tr": ["yol", "yolu", "yolun*", "yolda", "yolunda", "otoyol*", "karayol*", "otoban*", "güzergah*", "güzergâh*"],
        "ru": ["трасс*", "дорог*", "шоссе", "магистрал*", "автострад*", "автомагистрал*", "маршрут*"],
    },
    "START": {
        "en": ["start", "starts", "started", "starting", "begin", "begins", "began", "begun", "beginning", "commence",
               "commences", "commenced", "launch", "launched", "kick off", "kicks off", "kicked off", "take effect",
               "takes effect", "took effect", "taken effect", "come into force", "came into force", "enter into force",
               "entered into force", "go into effect", "went into effect", "first", "onset", "outset",
               "get going", "get underway", "get under way", "startin", "strat", "take hold", "took hold",
               "taken hold", "takes hold", "kick in", "kicked in", "kicks in", "break out", "breaks out", "broke out",
               "broken out", "erupt", "erupts", "erupted", "flare up", "flared up", "set off", "sets off", "set out",
               "sets out"],
        "tr": ["başla*", "başlı*", "başlangıç*", "yürürlüğe gir*", "yürürlüğe gire*", "ilk"],
        "ru": ["начн*", "начин*", "нача*", "старт*", "запуск*", "вступ* в силу", "вступил*", "первы*"],
    },
    "END": {
        "en": ["end", "ends", "ended", "ending", "finish", "finished", "over", "terminate", "terminated", "expire",
               "expires", "expired", "collapse", "collapsed", "break down", "broke down", "run out", "ran out",
               "runs out", "running out", "wrap up", "wrapped up", "wraps up", "wrapping up", "conclude", "concluded",
               "concludes"],
        "tr": ["bitti*", "bitecek*", "bitiş*", "bitme*", "sona erdi*", "sona erece*", "sona erme*", "sona ermi*", "sona eriyor*", "sona erer*", "son bul*", "çöktü*", "çöküş*", "çökme*"],
        "ru": ["законч*", "кончит*", "заверш*", "истек*", "рухн*", "сорва*"],
    },
    "CLOSE": {
        "en": ["close", "closed", "closes", "closing", "shut", "shutdown", "dismantle", "dismantled", "removed", "lifted"],
        "tr": ["kapan*", "kapat*", "kaldırıl*"],
        "ru": ["закро*", "закры*", "упраздн*", "ликвидир*", "сня*"],
    },
    "STOP": {
        "en": ["stop", "stopped", "stops", "halt", "halted", "halts", "cease", "ceased", "ceases", "calm", "quiet",
               "go quiet", "went quiet", "gone quiet", "goes quiet", "fall silent", "fell silent", "falls silent",
               "silent", "silenced"],
        "tr": ["durdu*", "durdur*", "dur", "durmu*", "durma*", "son ver*", "sustu*", "sakin*"],
        "ru": ["прекрат*", "прекращ*", "останов*", "стих*", "затих*"],
    },
    "SUSPEND": {
        "en": ["suspend", "suspended", "suspends", "suspension", "pause", "paused", "freeze", "frozen", "called off",
               "call off", "put on hold", "on hold", "interrupted"],
        "tr": ["askıya*", "durduruldu*", "ara ver*", "dondur*", "kesintiye*"],
        "ru": ["приостанов*", "заморож*", "прерва*", "прерыва*"],
    },
    "POSTPONE": {
        "en": ["postpone", "postponed", "postpones", "delay", "delayed", "delays", "put off", "reschedule",
               "rescheduled", "pushed back", "push back", "pushing back", "pushes back", "put back", "set back"],
        "tr": ["ertele*", "gecik*", "ileri bir tarih*"],
        "ru": ["отлож*", "отклад*", "перенес*", "перенос*", "задерж*"],
    },
    "CANCEL": {
        "en": ["cancel", "cancelled", "canceled", "cancels", "scrapped", "scrap", "abandoned", "abandon"],
        "tr": ["iptal*", "vazgeç*"],
        "ru": ["отмен*"],
    },
    "AGREE": {
        "en": ["shake hands", "shook hands", "shaken hands", "agree", "agreed", "agrees", "agreement", "agreements", "deal", "deals", "accord", "accords", "pact",
               "protocol", "memorandum", "treaty", "sign", "signed", "signing", "settle", "settled", "consensus", "final", "finalised",
               "finalized", "finalise", "finalize", "finalising", "finalizing",
               "understanding", "arrangement", "arrangements", "agreemnt", "agrement", "conclude", "concluded", "struck",
               "sort out", "sorted out", "sorting out", "sorted", "work out", "worked out", "working out", "hammer out",
               "hammered out", "iron out", "ironed out", "thrash out", "thrashed out", "nail down", "nailed down",
               "strike a deal", "reach agreement", "reached agreement", "accept", "accepted", "accepts",
               "agreement reached", "agreement was reached", "deal reached", "deal was reached", "reach* * agreement",
               "reach* * deal", "reach* a deal", "reach* an agreement",
               "broker", "brokered", "hammer* out", "seal", "sealed", "ink", "inked", "green light", "green lit",
               "greenlit", "approve", "approved", "approval", "sign off", "signed off", "rubber stamp*"],
        "tr": ["anlaş*", "antlaş*", "mutabakat*", "mutabık*", "uzlaş*", "protokol*", "imza*", "kararlaştır*", "sözleşme*", "akdet*",
               "kabul*", "mutabakata var*", "anlaşma* yap*", "anlaşma* imzala*", "anlaşmaya var*", "anlaşma* varıl*",
               "karar ver*", "karar alın*"],
        "ru": ["соглаш*", "соглас*", "договор*", "сделк*", "протокол*", "меморандум*", "подпис*", "условил*", "заключ*",
               "приняли", "принял*"],
    },
    "TALKS": {
        "en": ["talks", "talk", "host", "hosts", "hosted", "hosting", "venue", "agenda", "negotiation", "negotiations", "negotiate", "negotiated", "negotiating", "discussion",
               "discussions", "discuss", "discussed", "discussing", "meeting", "meetings", "met", "meet", "summit",
               "consultations", "round", "session", "sessions", "conference", "negotations", "negociations",
               "at the table", "negotiating table", "around the table", "sit down", "sat down", "sitting down",
               "haggle", "haggled", "haggling", "bargain", "bargained", "bargaining", "hash out", "hashing out", "hashed out"],
        "tr": ["görüşme*", "görüşül*", "görüştü*", "görüşüyor*", "müzakere*", "toplantı*", "zirve*", "istişare*",
               "oturum*", "konuş*", "buluş*", "masaya otur*", "masada*", "gündem*"],
        "ru": ["переговор*", "встреч*", "встрет*", "саммит*", "за столом*", "повестк*", "консультац*", "обсужд*", "обсуди*", "раунд*", "сесси*", "совещан*"],
    },
    "DELEGATION": {
        "en": ["delegation", "delegations", "delegates", "envoy", "envoys", "team", "officials", "mission"],
        "tr": ["heyet*", "delegasyon*"],
        "ru": ["делегац*", "делегат*", "эмиссар*"],
    },
    "ARRIVE": {
        "en": ["arrive", "arrived", "arrives", "arrival", "came", "come", "comes", "coming", "land", "landed", "visit",
               "visited", "visiting", "fly", "flew", "travel", "travelled", "traveled", "show up", "shows up",
               "showed up", "turn up", "turns up", "turned up"],
        "tr": ["geldi*", "gelmiş*", "geliyor*", "geliş*", "gelecek mi", "var*dı", "ulaş*", "ziyaret*"],
        "ru": ["прибы*", "прибыв*", "приех*", "приезж*", "прилет*", "прилeт*", "визит*"],
    },
    "KILL": {
        "en": ["kill", "killed", "kills", "killing", "die", "died", "dies", "dead", "death", "deaths", "casualty",
               "casualties", "fatality", "fatalities", "lost", "losses", "loss", "slain", "toll", "perished", "martyr",
               "martyrs", "martyred", "killd", "lose", "loses", "losing"],
        "tr": ["=öldü*", "=ölen*", "=ölüm*", "=öldür*", "=ölü*", "=ölmüş*", "=ölme*", "şehit*", "şehit ver*", "kayıp ver*", "hayatını kaybet*", "hayatlarını kaybet*", "kayıp*", "kaybı*", "kaybet*", "can kaybı*"],
        "ru": ["убит*", "убил*", "убива*", "погиб*", "гибел*", "смерт*", "жертв*", "потер*", "умер*", "погибш*", "унес* жизн*", "унося* жизн*"],
    },
    "TROOPS": {
        "en": ["troop", "troops", "soldier", "soldiers", "forces", "force", "servicemen", "personnel", "army", "armies",
               "military", "militaries", "armed", "servicemembers", "reinforcements", "units", "tsk", "troups", "soliders"],
        "tr": ["asker*", "kuvvet*", "ordu*", "birlik*", "tsk", "mehmetçik*", "takviye*"],
        "ru": ["военн*", "солдат*", "войск*", "силы", "силами", "силам", "силах", "армия", "армии", "армию", "подкреплен*", "военнослужащ*"],
    },
    "EQUIPMENT": {
        "en": ["equipment", "weapons", "weapon", "arms", "tanks", "tank", "armour", "armor", "hardware", "vehicles"],
        "tr": ["teçhizat*", "ekipman*", "silah*", "tank*", "mühimmat*", "araç*"],
        "ru": ["техник*", "оружи*", "вооружен*", "танк*", "бронетехник*"],
    },
    "DEPLOY": {
        "en": ["deploy", "deployed", "deployment", "send", "sent", "sending", "pour", "poured", "pouring", "build-up",
               "buildup", "build up", "reinforce", "reinforced", "reinforcements", "mass", "massed", "moved", "surge",
               "troop surge", "influx"],
        "tr": ["sevk*", "konuşlan*", "yığ*", "gönder*", "takviye*"],
        "ru": ["перебро*", "перебрас*", "ввод*", "ввел*", "развер*", "направ*", "стяги*", "нара*"],
    },
    "WAR": {
        "en": ["war", "wars", "civil war", "conflict", "conflicts", "fighting", "hostilities", "warfare"],
        "tr": ["savaş*", "iç savaş*", "çatışma*", "harp", "harbi*", "harbe*", "harpte*"],
        "ru": ["войн*", "конфликт*", "боев*"],
    },
    "OFFENSIVE": {
        "en": ["offensive", "offensives", "led the offensive", "lead the offensive", "led the attack", "waged",
               "attack", "attacks", "attacked", "assault", "assaults", "strike", "strikes",
               "bombing", "bombardment", "shelling", "airstrikes", "escalation", "escalate", "escalated", "violence",
               "operation", "campaign", "push", "flare-up", "flare up", "flared up", "flare ups", "flareup"],
        "tr": ["saldırı*", "taarruz*", "operasyon*", "harekat*", "harekât*", "bombardıman*", "tırman*", "şiddet*",
               "hücum*"],
        "ru": ["наступлен*", "атак*", "удар*", "обстрел*", "бомбардир*", "эскалац*", "насили*", "операци*", "штурм*"],
    },
    "VIOLATION": {
        "en": ["violation", "violations", "violate", "violated", "violating", "breach", "breached", "breaches",
               "broken", "break", "breaks", "broke", "infringement", "fragile", "shaky"],
        "tr": ["ihlal*", "boz*", "çiğne*", "kırılgan*"],
        "ru": ["хрупк*", "наруш*", "сорв*"],
    },
    "RETALIATE": {
        "en": ["retaliate", "retaliation", "retaliating", "respond", "response", "reprisal", "reprisals",
               "hit back", "strike back", "react", "hold back", "holding back", "held back", "stronger military action", "stronger action", "tougher action",
               "harsher action", "more force", "tougher military action", "tougher military response"],
        "tr": ["misilleme*", "karşılık*", "cevap ver*", "yanıt ver*"],
        "ru": ["ответ*", "возмезд*", "отомст*", "реагир*"],
    },
    "HOLD": {
        "en": ["holding", "hold", "holds", "held", "hold up", "holding up", "respected", "observed", "intact",
               "working", "works", "in effect", "in force", "in place", "stick", "sticking", "survive", "surviving",
               "stable", "honoured", "honored", "kept", "going on", "still on", "ongoing",
               "underway", "under way", "implementation", "implemented", "implementing"],
        "tr": ["sürüyor*", "sürdü*", "sürmekte*", "devam*", "uyul*", "geçerli*", "yürürlükte*", "işliyor*", "tutuyor*",
               "korunuyor*", "sağlam*"],
        "ru": ["соблюда*", "действу*", "держ*", "работа*", "сохраня*", "продолжа*", "силе"],
    },
    "REMAIN": {
        "en": ["remain", "remained", "remains", "remaining", "stay", "stayed", "stays", "staying", "positions",
               "position", "posts", "outposts", "observation posts", "withdraw", "withdrawal", "withdrew", "pull out",
               "pull back", "pulled back", "pulling back", "pulls back", "pulled out", "pulling out", "pulls out",
               "draw back", "drew back", "move back", "moved back", "moved out", "drawn down", "draw down",
               "pullout", "retreat", "keep* position*", "hold* position*", "keep* their position*",
               "hold* their position*"],
        "tr": ["kala*", "kald*", "kalı*", "kalm*", "kalır*", "kalsın*", "kalac*", "kalaca*", "mevzi*", "konum*", "çekil*", "çekilme*", "gözlem nokta*", "üssü*", "üsse*", "üssün*", "üsler*",
               # keeping one's positions is staying put, not guarding ("mevzilerini koruyor")
               "mevzi* koru*", "konum* koru*", "mevzi* muhafaza*"],
        "ru": ["остал*", "остаю*", "остают*", "оставал*", "останут*", "остаться", "позици*", "вывод*", "вывед*", "вывест*", "отвод*", "отвед*", "отступ*", "уйд*", "уход*", "ушл*", "уйти",
               "сохран* позици*", "удерж* позици*", "удержива* позици*"],
    },
    "ACCUSE": {
        "en": ["accuse", "accused", "accuses", "accusing", "accusation", "accusations", "complain", "complained",
               "complaint", "complaints", "blame", "blamed", "criticise", "criticised", "criticize", "criticized",
               "condemn", "condemned", "allege", "alleged", "beef", "grievance", "grievances",
               "gripe", "gripes", "charge", "charges", "problem with", "issue with", "issues with", "beef with",
               "angry", "anger", "angered", "upset", "furious", "irritated", "annoyed", "unhappy", "displeased", "mad at",
               "mad with", "pissed", "cross with", "fuming", "livid", "outraged", "resent", "resentment"],
        "tr": ["suçla*", "şikayet*", "şikâyet*", "eleştir*", "kına*", "itham*", "kızgın*", "öfke*", "rahatsız*"],
        "ru": ["обвин*", "жалова*", "жалоб*", "критик*", "осуди*", "осужд*", "упрек*", "упрёк*", "претензи*",
               "злит*", "зол", "злы", "недоволь*", "раздраж*", "возмущ*"],
    },
    "RESUME": {
        "en": ["resume", "resumed", "resumes", "resumption", "restart", "restarted", "reconvene", "reconvened",
               "continue", "continues", "continued", "next round", "new round", "another round",
               "reopen", "reopened", "renew", "renewed"],
        "tr": ["yeniden başla*", "tekrar başla*", "yeniden toplan*", "yeniden aç*"],
        "ru": ["возобнов*", "продолж* снова"],
    },
    "DEPART": {
        "en": ["leave", "leaves", "left", "depart", "departed", "departure", "go home", "went home", "exit"],
        "tr": ["ayrıl*", "terk*", "döndü*", "dönüş*"],
        "ru": ["уех*", "уезж*", "отбы*", "покинул*", "улете*", "вернул*"],
    },
    # Leading a delegation or a body: nothing the timeline records (so "who led ..." is declined).
    "LEAD": {
        "en": ["led", "headed", "heading", "chaired", "chairs", "chairing", "in charge of the delegation", "leads",
               "leading", "leader", "leaders", "head of the delegation", "head of delegation"],
        "tr": ["başkanlık*", "liderlik*", "başını çek*", "önderlik*", "heyetin* başında*", "heyet başkan*", "lider*"],
        "ru": ["возглавл*", "руководил*", "во главе делегац*"],
    },
    "SAY": {
        "en": ["say", "said", "talk of", "talked* to", "talking* to", "spoke to", "speaking to", "spoken to", "just talk", "only talk", "all talk", "says", "saying", "tell", "told", "state", "stated", "statement", "statements", "announce",
               "announced", "announcement", "declare", "declared", "claim", "claimed", "comment", "comments",
               "remark", "remarks", "quote", "quoted", "according", "word", "words", "spoke", "speak", "stance",
               "position", "warn", "warned", "warning", "threat", "threaten", "threatened"],
        "tr": ["söyle*", "söz*", "dedi", "demiş*", "diyor*", "açıkla*", "beyan*", "ilan*", "ifade*", "belirt*", "uyar*",
               "tehdit*", "yorum*", "demeç*"],
        "ru": ["пригроз*", "угрож*", "грозил*", "предупред*", "заяв*", "сказа*", "говор*", "сообщ*", "отмет*", "предупре*", "угро*", "коммент*", "слов*", "высказ*"],
    },
    "WIDTH": {
        "en": ["end to end", "wide", "width", "broad", "breadth", "deep", "depth", "km", "kms", "kilometre", "kilometres",
               "kilometer", "kilometers", "mile", "miles", "size", "stretch", "stretches", "extend", "extends",
               "big", "far", "span", "area"],
        "tr": ["geniş*", "derin*", "km", "kilometre*", "mil", "boyut*", "büyüklü*", "uzan*", "alan*", "uzak*", "mesafe*"],
        "ru": ["ширин*", "широк*", "глубин*", "км", "километр*", "мил*", "размер*", "простира*", "далек*", "далеко",
               "расстояни*"],
    },
    # Length of a thing (a road, a border): nothing the timeline records; kept apart from WIDTH so that
    # "how long is the M4" is not answered with the corridor's width.
    "ANONYMOUS": {
        "en": ["anonymous", "anonymously", "unnamed", "unidentified", "nameless", "anonymity", "not named",
               "without giving * name", "without naming", "without his name", "without a name", "not give * name",
               "did not give * name", "declined to be named", "asked not to be named", "not to be named",
               "would not be named", "refused to be named"],
        "tr": ["anonim*", "isimsiz*", "adı açıklanmayan", "ismi açıklanmayan", "adını vermeyen", "ismini vermeyen",
               "isminin açıklanmaması*", "adının açıklanmaması*"],
        "ru": ["аноним*", "неназванн*", "пожелавш* остаться неизвестн*", "на условиях анонимности"],
    },
    "STRATEGIC": {
        "en": ["strategic", "strategically", "important", "importance", "significant", "significance", "crucial",
               "vital", "key road", "key highway", "big deal", "such a big deal", "so special", "special about",
               "so important", "so much attention"],
        "tr": ["stratejik*", "önemli*", "önem*", "kritik*", "hayati*"],
        "ru": ["стратегическ*", "важн*", "значени*"],
    },
    "SPEED": {
        "en": ["speed", "speeds", "fast", "faster", "quickly", "mph", "km/h", "kmh", "velocity"],
        "tr": ["hız*", "süratle", "ne kadar hızlı"],
        "ru": ["скорост*", "быстро", "как быстро"],
    },
    "LENGTH": {
        "en": ["km of", "kms of", "kilometres of", "kilometers of", "miles of", "length", "lengths", "lengthwise", "km long", "kms long", "kilometres long", "kilometers long",
               "kilometre long", "kilometer long", "miles long", "mile long", "how long is the", "how long are the",
               "how long is it", "long is the", "in total length", "total length"],
        "tr": ["uzunluğ*", "uzunluk*", "kaç km uzun*", "kaç kilometre uzun*", "ne kadar uzun*", "uzunlukta*"],
        "ru": ["длин*", "протяж*", "какой длины", "км в длину", "километров в длину"],
    },
    "DISPLACE": {
        "en": ["displace", "displaced", "displacement", "refugee", "refugees", "flee", "fled", "fleeing", "homeless",
               "uprooted", "migrants", "migration", "exodus", "homes", "idps", "lost their homes", "lost their home",
               "lose their homes", "left their homes", "forced from their homes", "forced out", "driven from",
               "driven out", "run for their lives", "had to leave", "had to flee"],
        "tr": ["yerinden*", "mülteci*", "göç*", "sığınmacı*", "evlerini*", "evini", "evinden*", "evlerinden*",
               "yurdundan*", "yurtlarından*", "yerlerinden*", "ev bark*", "evsiz*", "evini terk*", "evlerini terk*",
               "yurdunu terk*", "evlerinden ol*", "evinden ol*", "evini bırak*", "evlerini bırak*",
               "kaçmak zorunda*", "göç etmek zorunda*", "kaç* zorunda kal*"],
        "ru": ["беженц*", "беженец*", "перемещ*", "переселен*", "покину*", "дома*", "бежа*", "мигра*"],
    },
    "HUMANITARIAN": {
        "en": ["humanitarian", "crisis", "aid", "catastrophe", "disaster", "suffering"],
        "tr": ["insani*", "kriz*", "yardım*", "felaket*", "dram*"],
        "ru": ["гуманитарн*", "кризис*", "помощ*", "катастроф*"],
    },
    "TURKEY": {
        "en": ["turkey", "turkish", "turks", "turk", "ankara", "turkiye", "türkiye"],
        "tr": ["türk*", "türkiye*", "ankara*"],
        "ru": ["турц*", "турецк*", "турк*", "турок", "анкар*"],
    },
    "RUSSIA": {
        "en": ["russia", "russian", "russians", "moscow", "kremlin", "russias"],
        "tr": ["rus", "ruslar*", "rusya*", "rusların*", "moskova*", "kremlin*"],
        "ru": ["росси*", "русск*", "российск*", "москв*", "кремл*", "рф"],
    },
    "SYRIA": {
        "en": ["syria", "syrian", "syrians", "damascus", "regime", "government"],
        "tr": ["suriye*", "şam", "rejim*", "hükümet*"],
        "ru": ["сири*", "сирийск*", "дамаск*", "режим* асад*", "правительств*"],
    },
    "MINISTER": {
        "en": ["minister", "ministers", "secretary", "secretary of state", "foreign minister", "defence chief",
               "defense chief", "defense secretary", "defence secretary", "head* * ministry", "head* * ministry of",
               "in charge of * ministry", "runs * ministry", "run* the * ministry"],
        "tr": ["genel sekreter*", "bakan", "bakanı", "bakanın", "bakana", "bakanlar", "bakanları", "bakanıdır", "bakanımız",
               "bakanlığın* başında*", "bakanlığını yönet*", "bakanlığı yönet*"],
        "ru": ["генсек*", "генеральн* секретар*", "министр", "министра", "министру", "министром", "министре", "министры", "министров", "министрами",
               "глава минобороны", "глава мид", "глава министерства", "возглавля* министерств*", "возглавля* минобороны",
               "руковод* министерств*", "руковод* минобороны", "во главе министерств*"],
    },
    "MINISTRY": {
        "en": ["ministry", "ministries", "department", "pentagon"],
        "tr": ["bakanlı*", "bakanlık*"],
        "ru": ["министерств*", "минобороны", "ведомств*", "мид"],
    },
    "DEFENCE": {
        "en": ["defence", "defense", "defences", "defenses"],
        "tr": ["savunma*", "msb"],
        "ru": ["оборон*", "минобороны"],
    },
    "PRESIDENT": {
        "en": ["president", "presidents", "leader", "leaders", "head of state", "presidential"],
        "tr": ["cumhurbaşkan*", "başkan*", "lider*"],
        "ru": ["президент*", "лидер*", "глав* государств*"],
    },
    "OFFICIAL": {
        "en": ["official", "officials", "source", "sources", "anonymous", "diplomat",
               "diplomats", "authorities"],
        "tr": ["yetkili*", "sözcü*", "kaynak*", "diplomat*", "isim vermeyen*"],
        "ru": ["чиновник*", "представител*", "источник*", "официальн*", "дипломат*", "аноним*", "власт*"],
    },
    "DETAILS": {
        "en": ["details", "detail", "specifics", "parameters", "terms", "modalities", "technical", "fine print"],
        "tr": ["ayrıntı*", "detay*", "parametre*", "şart*", "koşul*", "teknik*"],
        "ru": ["детал*", "подробност*", "параметр*", "услови*", "техническ*"],
    },
    "LAW": {
        "en": ["law", "laws", "legal", "illegal", "lawful", "unlawful"],
        "tr": ["hukuk*", "yasa", "yasası*", "yasal*", "yasadışı*"],
        "ru": ["прав*", "закон", "закона", "закону", "законом", "законе", "законы", "законов", "законн*"],
    },
    "INTERNATIONAL": {
        "en": ["international", "global", "world"],
        "tr": ["uluslararası*", "dünya*"],
        "ru": ["международн*", "мир*"],
    },
    "NATO": {"en": ["nato", "alliance"], "tr": ["nato*"], "ru": ["нато"]},
    "UN": {"en": ["un", "united nations", "u.n."], "tr": ["bm", "birleşmiş milletler*"], "ru": ["оон"]},
    "NORTH": {"en": ["direction", "directions", "north", "northern", "northward"], "tr": ["kuzey*"], "ru": ["север*"]},
    "SOUTH": {"en": ["direction", "directions", "south", "southern", "southward"], "tr": ["güney*"], "ru": ["юг", "юга", "югу", "южн*"]},
    "EAST": {"en": ["direction", "directions", "east", "eastern"], "tr": ["doğu*"], "ru": ["восток*", "восточн*"]},
    "WEST": {"en": ["direction", "directions", "west", "western"], "tr": ["batı*"], "ru": ["запад*"]},
    # Guarding and commanding: roles the timeline never assigns ("who will guard the corridor").
    "GUARD": {
        "en": ["guard", "guards", "guarding", "guarded", "protect", "protects", "protecting", "protected"],
        "tr": ["koru*", "muhafaza*"],
        "ru": ["охран*", "защищ*", "оберега*"],
    },
    # Ranks and posts of people the timeline never names ("the Russian general", "the ambassador").
    "RANK": {
        "en": ["general", "generals", "admiral", "admirals", "colonel", "colonels", "ambassador", "ambassadors",
               "envoy", "envoys", "deputy", "deputies"],
        "tr": ["general*", "orgeneral*", "korgeneral*", "tümgeneral*", "tuğgeneral*", "amiral*", "albay*",
               "büyükelçi*", "elçi*"],
        "ru": ["генерал*", "адмирал*", "полковник*", "посол", "посла", "послом", "послу", "посланник*",
               "замминистр*", "заместител*"],
    },
    "COMMAND": {
        "en": ["command", "commands", "commanded", "commanding", "commander", "commanders"],
        "tr": ["komuta*"],
        "ru": ["командова*", "командир*", "командующ*", "команду*"],
    },
    "CONNECT": {
        "en": ["link", "links", "linking", "linked", "connect", "connects", "connecting", "connected", "join", "joins",
               "run", "runs", "running", "between"],
        "tr": ["bağla*", "bağlıyor*", "bağlar", "bağlıyo", "birleştir*", "arasında*", "uzan*"],
        "ru": ["связ*", "соедин*", "проход*", "между"],
    },
    "HOPE": {
        "en": ["hope", "hopes", "hopeful", "optimistic", "optimism", "future", "forward", "outlook", "upbeat", "positive*",
               "confident", "confidence", "encouraged", "encouraging", "bullish", "rosy", "good mood", "pleased"],
        "tr": ["umut*", "ümit*", "iyimser*", "gelecek", "ilerli*"],
        "ru": ["надежд*", "надея*", "оптимизм*", "будущ*", "вперед*"],
    },
    "RESULT": {
        "en": ["result", "results", "outcome", "outcomes", "progress", "concrete", "achieve", "achieved", "reached",
               "success", "breakthrough", "come out of", "came out of", "came of",
               "end up", "ended up", "turn out", "turned out", "upshot", "yield", "yielded", "produce", "produced",
               "decide", "decided", "decision", "decisions", "resolved", "came up with", "settled on"],
        "tr": ["sonuç*", "ilerleme*", "somut*", "başarı*", "ne çıktı", "neyle bitti",
               "nasıl bitti", "nasıl sonuçlandı", "sonuçlan*", "karar", "kararlar*", "karar ver*", "karar al*", "kararı", "kararın*"],
        "ru": ["результат*", "прогресс*", "итог*", "конкретн*", "достиг*", "успех*", "чем закончил*",
               "чем завершил*", "как закончил*", "как завершил*", "к чему приве*", "чем кончил*", "реши*", "решен*",
               "постанови*"],
    },
    "EXPECT": {
        "en": ["expected", "expect", "expects", "expecting", "expectation", "expectations", "anticipated"],
        "tr": ["bekleni*", "beklen*", "beklenti*"],
        "ru": ["ожида*", "ожидан*"],
    },
    "OPPOSITION": {
        "en": ["opposition", "rebels", "rebel", "insurgents", "fighters", "factions", "faction", "militants", "jihadists",
               "groups", "armed groups"],
        "tr": ["muhalif*", "muhalefet*", "isyancı*", "grup*", "militan*", "cihatçı*"],
        "ru": ["оппозиц*", "повстан*", "боевик*", "группировк*", "мятеж*", "джихадист*"],
    },
    "SUPPORT": {
        "en": ["support", "supports", "supported", "supporting", "back", "backs", "backed", "backing", "sponsor",
               "ally", "allies", "opposing sides", "whom", "which side", "whose side", "what side", "side with",
               "same side",
               "sides with", "sided with", "siding with", "on the side of", "on side of", "side of who", "side of whom", "patron", "patrons", "fighting who",
               "fighting whom", "who fights who", "who is fighting who", "who s fighting who",
               "proxy", "proxies", "arming", "prop up", "propping up", "propped up"],
        "tr": ["destek*", "yanlı*", "taraf*", "müttefik*", "hangi taraf*", "taraf* yanında*", "kimin yan*", "kimin saf*", "kimden yana", "kimi tutu*",
               "arka çık*", "arkasında*", "hamisi*"],
        "ru": ["поддерж*", "союзник*", "сторон*", "покровит*", "на чьей", "за кого", "на стороне", "помога*", "помог*"],
    },
    "CONFRONTATION": {
        "en": ["confrontation", "confront", "clash", "clashes", "brink", "tension", "tensions", "standoff", "at odds",
               "dispute", "disputes", "disagree", "disagreement", "disagreements", "rift", "friction", "feud",
               "quarrel", "quarrelling", "falling out", "fell out", "fall out"],
        "tr": ["karşı karşıya*", "çatışma*", "gerginli*", "gerilim*", "eşiğ*", "anlaşmazlı*", "ihtilaf*", "sürtüşme*",
               "arası bozu*", "araları bozu*", "ters düş*", "karşı karşıya gel*"],
        "ru": ["противостоя*", "конфронтац*", "столкнов*", "напряж*", "грань*", "разноглас*", "трени*", "рассор*",
               "спор", "спора", "споры", "споров"],
    },
    "PRESENCE": {
        "en": ["presence", "advance", "advancing", "advanced", "expand", "expanding", "influence", "control", "further",
               "gain", "gains", "advantage", "advantages", "benefit", "benefits", "benefited", "benefitted", "win for",
               "favours", "favors", "favoured", "favored", "strengthen*", "boost*", "footprint"],
        "tr": ["varlığ*", "varlık*", "nüfuz*", "kontrol*", "ilerlet*", "taşı*", "işine yara*", "kazanç*", "kazanım*",
               "avantaj*", "lehine*"],
        "ru": ["присутств*", "продвиг*", "продвиж*", "влияни*", "контрол*", "выгод*", "преимуществ*", "выигр*"],
    },
    # Building a road or a wall: nothing the timeline records (a corridor is created, not built).
    "BUILD": {
        "en": ["built", "construct", "constructed", "construction", "paved", "asphalted"],
        "tr": ["inşa ed*", "inşa edil*", "inşaat*"],
        "ru": ["постро*", "строил*", "строительств*", "проложен*"],
    },
    "ESTABLISH": {
        "en": ["establish", "established", "establishing", "set up", "sets up", "setting up", "create", "created",
               "creates", "creating", "form", "formed"],
        "tr": ["kurul*", "kurma*", "kurdu*", "kurac*", "kurar*", "kurmu*", "kuruyor*", "oluştur*", "tesis*", "yaratıl*"],
        "ru": ["созда*", "устан*", "учред*", "сформир*", "организ*"],
    },
    "PEOPLE": {
        "en": ["people", "persons", "civilians", "civilian", "residents", "inhabitants", "humans",
               "families", "million", "millions", "thousand", "thousands", "hundreds"],
        "tr": ["insan*", "kişi*", "sivil*", "halk*", "aile*", "milyon*", "bin", "binlerce", "yüzbin*", "yüz bin*"],
        "ru": ["люд*", "человек*", "мирн* жител*", "жител*", "семь*", "миллион*", "тысяч*", "сотн*"],
    },
    # "mostly settled" is "largely agreed": how far along something is, said many ways
    "LARGELY": {
        "en": ["largely", "mostly", "broadly", "mainly", "in large part", "for the most part", "by and large",
               "in principle", "more or less"],
        # (Turkish and Russian readers use the stored words themselves: "büyük ölçüde", "в основном")
        "tr": [],
        "ru": [],
    },
    "DEADLINE": {
        "en": ["deadline", "deadlines", "timeframe", "time limit", "time frame", "window", "cutoff", "cut-off",
               "cut off date", "have left to", "has left to"],
        "tr": ["son tarih*", "süre", "süresi*", "mühlet*"],
        "ru": ["срок*", "дедлайн*"],
    },
    "LINE": {
        "en": ["line", "front", "frontline", "front line", "contact", "line of contact"],
        "tr": ["hat", "hattı*", "hatt*", "hatla*", "cephe*", "temas*"],
        "ru": ["лини*", "фронт*", "соприкоснов*"],
    },
    "DEESCALATION": {
        "en": ["de-escalation", "deescalation", "stabilization", "stabilisation", "stability"],
        "tr": ["gerginliği azaltma*", "istikrar*"],
        "ru": ["деэскалац*", "стабилиз*"],
    },
    "PROVINCE": {
        "en": ["province", "region", "area", "governorate"],
        "tr": ["vilayet*", "bölge*", "il"],
        "ru": ["провинци*", "регион*", "област*", "район*"],
    },
    "YEAR": {"en": ["year", "years"], "tr": ["yıl*", "sene*"], "ru": ["год", "года", "лет", "годы"]},
    # Declaring or announcing: with a ceasefire in the question it means the ceasefire was agreed
    # ("when was the truce declared", "ateşkes ne zaman ilan edildi", "почему объявили перемирие").
    "DECLARE": {
        "en": ["declare", "declared", "declares", "declaring", "declaration", "announce", "announced", "announces",
               "proclaim", "proclaimed"],
        "tr": ["ilan*", "duyur*"],
        "ru": ["объяв*", "провозгла*"],
    },
    "WEEKDAY": {
        "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend"],
        "tr": ["pazartesi*", "salı", "salıya", "salıdan", "salı günü*", "çarşamba*", "perşembe*", "cuma*", "cumartesi*", "pazar", "pazar günü*"],
        "ru": ["понедельник*", "вторник*", "среда", "среду", "среды", "четверг*", "пятниц*", "суббот*", "воскресень*"],
    },
}

# Names written differently across scripts and spellings; folded forms, any language.
NAMES: dict[str, list[str]] = {
    "IDLIB": ["idlib", "idleb", "idlip", "idlibe", "идлиб*", "idlib*"],
    "ASSAD": ["assad", "al-assad", "asad", "esad*", "асад*", "bashar", "beşşar", "башар*"],
    "ERDOGAN": ["erdogan", "erdoğan*", "erdogan*", "эрдоган*", "tayyip", "reccep"],
    "PUTIN": ["putin*", "путин*"],
    "AKAR": ["akar*", "акар*", "hulusi", "хулуси"],
    "ANKARA": ["ankara*", "анкар*"],
    "MOSCOW": ["moscow", "moskova*", "москв*", "moskow"],
    "SARAQIB": ["saraqib", "saraqeb", "serakib*", "серакиб*", "саракиб*"],
}

# How people abbreviate in chat; folded token → replacement words.
SHORTHAND: dict[str, str] = {
    "wen": "when", "whn": "when", "wehn": "when", "wat": "what", "wut": "what", "wht": "what", "whats": "what is",
    "hw": "how", "y": "why", "r": "are", "u": "you", "ur": "your", "pls": "please", "plz": "please", "thx": "thanks",
    "abt": "about", "b4": "before", "2day": "today", "tmrw": "tomorrow", "tmr": "tomorrow", "rn": "now",
    "tho": "though", "wanna": "want to", "gonna": "going to", "govt": "government", "gov": "government",
    "mil": "military", "info": "information", "nxt": "next", "latst": "latest", "k": "ok", "w": "with",
    "ppl": "people", "bc": "because", "cuz": "because", "whens": "when is", "wheres": "where is", "whos": "who is",
    "hows": "how is", "im": "i am", "dont": "do not", "didnt": "did not", "isnt": "is not", "arent": "are not",
    "wont": "will not", "cant": "can not", "doesnt": "does not", "hasnt": "has not", "havent": "have not",
    "nbr": "number", "num": "number", "prez": "president", "pres": "president", "govt": "government", "approx": "about", "sth": "something", "smth": "something",
    "def min": "defence minister", "def mins": "defence ministers", "defmin": "defence minister",
    "mod": "defence ministry", "mods": "defence ministries", "asap": "please", "anon": "anonymous",
    "yrs": "years", "yr": "year", "wks": "weeks", "wk": "week", "hrs": "hours", "hr": "hour", "mins": "minutes",
    "mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "weds": "wednesday", "thu": "thursday",
    "thur": "thursday", "thurs": "thursday", "fri": "friday",
    "n": "and", "btwn": "between", "betw": "between", "frm": "from", "thru": "through", "bout": "about",
    "ne zmn": "ne zaman", "nzmn": "ne zaman", "nezaman": "ne zaman", "nbr?": "number",
    "bisey": "bir sey", "bişey": "bir şey", "bişi": "bir şey", "bisi": "bir sey", "skoka": "skolko",
    "скока": "сколько", "скоко": "сколько", "кагда": "когда", "када": "когда", "шо": "что", "че": "что", "чо": "что", "щас": "сейчас", "ща": "сейчас",
}

# Question cues, as regular expressions over the folded question (ı→i, ş→s, ё→е ...).
# Order matters only inside `intent.py`, which decides between them.
INTENT_PATTERNS: dict[str, dict[str, list[str]]] = {
    "how_long": {
        "en": [r"\bhow (long|many days|many weeks|much time|soon) (until|till|til|before|to go|left|remain|is it until)\b",
               r"\bhow (long|much time) (is|are) (there|it|left) (until|till|before)\b",
               r"\b(days?|weeks?|time) (left|remaining|to go) (until|till|before)\b", r"\bcount ?down\b",
               r"\bhow many days (left|remain|until|till|before|to)\b", r"\bhow (long|soon) (un)?til\b",
               r"(?<!the )(?<!a )(?<!that )\b(days?|weeks?|hours?) (till|until|til|to|left|before)\b", r"\bhow much time (remains|is left|left)\b",
               r"\btime (remaining|left)\b", r"\bin how (many|much) (days?|weeks?|months?|hours?|time)\b",
               r"\b(how (many|much) (days?|weeks?|months?|time)|how long) from (now|today)\b",
               r"\bhow (long|many days|many weeks|many months) (has|have|had)\b(?=( \w+){1,6} been\b)",
               r"\bhow long ago\b", r"\bhow many (days|weeks|months|years) ago\b", r"\bhow soon\b",
               r"\bhow long (now|still|more)\b",
               r"\bhow long (has it been|is it since|since)\b", r"\bhow (many|much) (days|weeks|months|years) (since|have passed|has passed|passed|went by|have gone by) ?(since|from|after)?\b(?! (the|a) .{0,40}\b(and|to|until|till|before)\b)",
               r"\bhow (long|many days|many weeks|much time) (are|is) (there )?(left|remaining|to go)( until| till| before)?\b",
               r"\bhow (long|many days|many weeks|much time) (after|before)\b"],
        "tr": [r"\b(kac|ne kadar) (gun|hafta|zaman|sure)? ?(kaldi|var)\b", r"\bkalan (gun|sure)\b",
               r"\bkac gun sonra\b", r"\bne kadar (sure )?(once|sonra)\b", r"\bkac (gun|yil|ay|hafta) once\b",
               r"\bne kadar zaman (kaldi|var|gecti)\b", r"\bkac gun (var|kaldi)\b",
               r"\b\w+(ali|eli|yali|yeli) (kac|ne kadar) (gun|hafta|ay|yil|zaman|sure)\w*( oldu| gecti)?\b",
               r"\bkac (gun|hafta|ay|yil) (oldu|gecti)\b"],
        "ru": [r"\bсколько (дней |времени |недель )?(осталось|остается|ещ?е ждать|до)\b", r"\bчерез сколько\b",
               r"\bкак скоро\b", r"\bсколько (дней|лет|месяцев|недель) (назад|прошло)\b", r"\bкак давно\b",
               r"\bосталось (дней|времени)\b"],
    },
    "status": {
        "en": [r"\bstill\b", r"(^|\b(and|but|so|if|whether|me)\s)(is|are|was|were) (the |a )?[\w\- ]{0,40}(holding|working|going on|in effect|in force|"
               r"in place|respected|over|intact|on track|suspended|postponed|cancelled|canceled|happening|alive|"
               r"running|underway|under way|continuing|active|stable|fragile|broken|collapsed|violated|agreed|done|"
               r"finalised|finalized|settled|implemented|operational|ongoing)\b",
               r"\b(current|latest) (status|state|situation)\b", r"\bstatus\b", r"\bsituation (now|today|currently)\b",
               r"(^|\b(and|but|so|if|whether|me)\s)(has|have|did) (the )?[\w\- ]{0,30}(start|started|begin|begun|began|happen|happened|collapse|"
               r"collapsed|hold|held|end|ended|stop|stopped|break|broken|broke)\b",
               r"\bhow is (the )?[\w\- ]{0,30}(going|holding|doing)\b", r"\bany (violations|progress)\b",
               r"\bhow are (the )?[\w\- ]{0,30}going\b", r"\bis it (holding|working|over|on)\b",
               r"\b(are|is) (they|it) (on|happening|going on|going ahead)\b", r"\bgoing ahead\b", r"\bon track\b",
               r"\bholding\b", r"\bstate of play\b", r"\bwhere (do|does) [\w\- ]{0,40} stand\b"],
        "tr": [r"\b(hala|halen|hale|hâlâ|artik)\b", r"\bdurum\w*\b", r"\b(suruyor|devam ediyor|gecerli|yururlukte|"
               r"isliyor|tutuyor|korunuyor|bozuldu|askiya|ertelendi|iptal)\w* ?(mu|mi|mu\w*|mi\w*)?\b",
               r"\b\w+(iyor|uyor|ıyor|üyor)( ?mu| ?mi)\b", r"\b\w+(di|ti|du|tu)( ?mu| ?mi)\b", r"\bne alemde\b",
               r"\bne durumda\b", r"\bson durum\b"],
        "ru": [r"\b(все ещ?е|вс[её] ещ?е|до сих пор|по-прежнему|по прежнему|пока ещ?е|сейчас|сегодня|на данный момент)\b",
               r"\bсоблюдается\b", r"\bдержится\b", r"\bдействует\b", r"\bстатус\w*\b", r"\bсостояни\w*\b",
               r"\bситуаци\w*\b", r"\bчто там (с|со|по)\b", r"\bкак там\b", r"\bчто (с|со) \w+(ем|ой|ами|ом|ием|ией)\b", r"\b\w+(ет|ит|ут|ют|ат|ят|ется|ится|утся|ются|атся|ятся)(?:ся)? ли\b", r"\b\w+(ло|ла|ли|лся|лось|лась) ли\b",
               r"\bкак (там|обстоят|дела)\b", r"\bпродолжа\w*\b", r"\bидут ли\b"],
    },
    "next": {
        "en": [r"\bnext\b", r"\bupcoming\b", r"\bcoming up\b", r"\bwhat is ahead\b", r"\bon the (calendar|horizon)\b",
               r"\bwhat comes\b", r"\bwhat( is|s)? coming( next| up)?\b", r"\bcoming next\b", r"\b(still )?ahead( of us)?\b", r"\balready (passed|happened|gone|behind us)\b",
               r"\bhas it (already )?(passed|happened|gone by)\b", r"\b(passed|gone|happened) already\b", r"\bstill to come\b", r"\byet to come\b",
               r"\b(anything|something|what) (else )?(left|remaining|still) (to come|pending|outstanding)\b", r"\bwhat (happens|happened|came|comes|followed|follows|is|was) (next|after|following)\b",
               r"\bwhat (will|would) happen (after|next)\b", r"\bnxt\b", r"\b(anything|something|what s|what is|whats|what) (else )?"
               r"(scheduled|planned|lined up|on the cards|in the pipeline)\b"],
        "tr": [r"\b(bir )?sonraki\b", r"\byaklasan\b", r"\bsiradaki\b", r"\bgelecek (adim|tarih|"
               r"etap|asama)\w*\b", r"\bileriki\b", r"\bsirada ne\b",
               r"\b(bundan|ondan|bunun ardindan|daha) sonra ne (olacak|var|geliyor)\b"],
        "ru": [r"\bследующ\w*\b", r"\bближайш\w*\b", r"\bпредстоящ\w*\b", r"\bвпереди\b", r"\bчто дальше\b",
               r"\bчто (будет|произойд\w*|случится|последует) (дальше|потом|после этого)\b"],
    },
    "latest": {
        "en": [r"\b(latest|newest|most recent|recent|recently|lately|last)\b", r"\b(any|anything|what is|whats|something) new\b",
               r"\bnews\b", r"\bnew\b", r"\bwhat new\b", r"\bupdates?\b", r"\bwhat is (happening|going on)\b", r"\bwhat happened (recently|lately|last)\b",
               r"\bany developments?\b", r"\bdevelopments?\b", r"\blately\b", r"\bso far\b", r"\bsum(mary| up)\b",
               r"\bcatch me up\b", r"\bfill me in\b", r"\bbrief me\b",
               r"\b(current|latest|overall|present) (situation|state of play|picture|state of affairs)\b",
               r"\bsituation (now|today|right now|at the moment)\b"],
        "tr": [r"\b(son|en son|yeni)\b", r"\bhaber\w*\b", r"\bguncel\w*\b", r"\bgelisme\w*\b", r"\bne var ne yok\b",
               r"\bneler oluyor\b", r"\bneler oldu\b", r"\bozet\w*\b"],
        "ru": [r"\bпоследн\w*\b", r"\bнов\w*\b", r"\bсвеж\w*\b", r"\bчто слышно\b", r"\bчто происходит\b",
               r"\bобновлен\w*\b", r"\bитог\w*\b", r"\bсводк\w*\b", r"\bвкратце\b"],
    },
    "when": {
        "en": [r"\bwhen\b", r"\bwhat (date|day|time|month|year)\b", r"\bwhich (date|day|month|year)\b", r"\bdates?\b",
               r"\bon what\b", r"\bwhat time\b", r"\btiming\b", r"\bhow long ago\b", r"\bsince when\b",
               r"\bstart date\b", r"\bkick ?off\b", r"\bsince\s*\??$", r"\b(starting|beginning|counting|from) when\b",
               r"\b(first|last|final|opening|closing|second|third|fourth|fifth|[1-5] ?(st|nd|rd|th)) day of\b"],
        "tr": [r"\bne zaman\w*\b", r"\bhangi (gun|tarih|ay|yil)\w*\b", r"\btarih\w*\b", r"\bayin kac\w*\b",
               r"\bsaat kac\w*\b", r"\bne vakit\b", r"\bkacinda\b", r"\bgunu\b", r"\bnezaman\b",
               r"\b\w*(digi|dugu|tigi|tugu|dikleri|duklari|tikleri|tuklari) (gun|tarih|zaman|saat|an)\w*\b",
               r"\b(ilk|son|birinci|ikinci|ucuncu) gun(u|un|unde)\b"],
        "ru": [r"\bкогда\b", r"\bкакого числа\b", r"\bв какой день\b", r"\bкакая дата\b", r"\bкакую дату\b",
               r"\bдат(а|у|ы|е)\b", r"\bво сколько\b", r"\bс какого( (момента|времени|числа|дня))?\b", r"\bс каких пор\b", r"\bв каком (месяце|году)\b", r"\bчисла\b",
               r"\b(перв|последн|втор|трет)\w* (день|дня|днем)\b"],
    },
    "how_many": {
        "en": [r"\bhow (many|much|wide|big|large|long|far|deep|broad|large|extensive|close|fast|quickly|heavy|tall|high|old)\b", r"\bnumber of\b",
               r"\bwhat is the (width|size|number|toll|count|length|depth|extent|scale)\b", r"\b(width|size|toll|depth|"
               r"length|extent|count|figure|numbers?|km|kilometres?|kilometers?|miles?)\b", r"\bhw many\b"],
        "tr": [r"\bkac\b", r"\bkac (tane|kisi|asker|km|kilometre)\b", r"\bne kadar\b", r"\bsayi\w*\b", r"\bmiktar\w*\b",
               r"\bgenislig\w*\b", r"\bgenislik\w*\b", r"\bboyut\w*\b", r"\bkac kilometre\b", r"\bkac km\b", r"\bkacini\b"],
        "ru": [r"\bсколько\b", r"\bкакой (ширины|длины|глубины|протяженности)\b", r"\bкакова\w* (ширина|длина|"
               r"глубина|численность)\b", r"\bчисл(о|а|енность)\b", r"\bколичеств\w*\b", r"\bширин\w*\b",
               r"\bнасколько\b", r"\bразмер\w*\b", r"\bкакое число\b"],
    },
    "where": {
        "en": [r"\bwhere\b", r"\bwhat (place|city|location|town|venue|country|road|area|region|province)\b",
               r"\bwhich (place|city|location|town|village|venue|country|road|area|region|stretch|section|part|spot|settlement|province|building|hotel|room|palace)s?\b",
               r"\bwhat (towns|villages|places|cities|settlements|locations)\b",
               r"\bwhat (village|spot|settlement)\b", r"\b(along|on) (which|what) (road|highway|route)\b",
               r"\blocation\b", r"\bvenue\b", r"\bin which\b"],
        "tr": [r"\bnere\w*\b", r"\bhangi (sehir|yer|ulke|bolge|yol|kent|il)\w*\b", r"\bkonum\w*\b"],
        "ru": [r"\bгде\b", r"\bкуда\b", r"\bоткуда\b", r"\bот (какого|какой|каких) .{0,20}\bдо\b",
               r"\bкакого (пункта|места|города)\b", r"\bв каком (городе|месте|районе|регионе)\b", r"\bкакой (город|участок)\b",
               r"\bместо\b", r"\bна каком участке\b", r"\b(вдоль|по|на) как(ой|ому|ом) (дорог\w*|трасс\w*|шоссе|маршрут\w*|участк\w*)\b",
               r"\bв как(ой|ом) (деревн\w*|сел\w*|населенн\w* пункт\w*|пункт\w*)\b"],
    },
    "who": {
        "en": [r"\bwho\b", r"\bwhom\b", r"\bwhose\b", r"\bwhich (official|minister|country|countries|side|sides|"
               r"leader|leaders|president|party|parties|forces|troops|units|soldiers|army|armies|military)\b",
               r"\bby whom\b",
               r"\b(what|which) (is|was|s) (his|her|their|\w+ s) (job|role|position|post|title|office|occupation)\b",
               r"\b(job|position|post|title|occupation)\b", r"\broles?\b",
               r"\b(which|what) (body|organi[sz]ation|agency|institution|group|outfit)\b",
               r"\baccording to whom\b"],
        "tr": [r"\bkim\w*\b", r"\bhangi (ulke|taraf|bakan|lider|yetkili)\w*\b", r"\bgorev\w*( ne\w*)?\b",
               r"\bunvan\w*( ne\w*)?\b", r"\bne is yap\w*", r"\bmakam\w*( ne\w*)?\b"],
        "ru": [r"\bкто\b", r"\bкого\b", r"\bкем\b", r"\bкому\b", r"\bчей\b", r"\bчья\b", r"\bчьи\b",
               r"\bкакая страна\b", r"\bкакие страны\b", r"\bдолжност\w*\b", r"\bкто так(ой|ая|ие)\b"],
    },
    "why": {
        "en": [
               # "why do some say / do people call ...": who says it is a frame, not the topic (first: the
               # longest cue must win over the bare "why")
               r"\bwhy (do|does|did|would|are|is) (some|people|they|critics|analysts|many|experts|observers|"
               r"commentators|others|you|some people|so many)( people)? (keep |still |often )?(say|said|saying|think|call|"
               r"calling|claim|claiming|argue|believe|describe|describing|consider|see)\b",
               r"\bwhy\b", r"\breason\w*\b", r"\bwhat for\b", r"\bfor what\b", r"\bpurpose\b", r"\bwhat caused\b",
               r"\bcause[sd]?\b", r"\bhow come\b", r"\bin the first place\b", r"\bwhat was behind\b", r"\bmotive\w*\b", r"\bwhat led to\b", r"\bin order to\b", r"\bthe point of\b", r"\bwhat(s| is| was) the point\b", r"\bgoals?\b", r"\baim(ed)?\b",
               r"\bmeant to achieve\b"],
        "tr": [r"\bneden\b", r"\bniye\b", r"\bnicin\b", r"\bsebep\w*\b", r"\bamac\w*\b", r"\bne icin\b", r"\bnedeni\w*\b",
               r"\bgerekce\w*\b"],
        "ru": [r"\bпочему\b", r"\bзачем\b", r"\bпричин\w*\b", r"\bс какой целью\b", r"\bдля чего\b", r"\bцель\w*\b",
               r"\bиз-за чего\b"],
    },
    "what": {
        "en": [r"\bwhat\b", r"\bwhich\b", r"\btell me\b", r"\bexplain\b", r"\bdescribe\b", r"\bdetails?\b",
               r"\bterms\b", r"\binclude\b", r"\binvolve\b",
               r"\b(official|full|formal|exact|proper) (name|title)\b", r"\bwhat (is|was) it called\b"],
        "tr": [r"\b(resmi|tam) (adi|ismi)\b", r"\bne\b", r"\bnedir\b", r"\bneler\w*\b", r"\bnelerdir\b", r"\bhangi\b", r"\banlat\w*\b", r"\bne dedi\w*\b",
               r"\bnasil\b", r"\bicerig\w*\b", r"\bneyi\b", r"\bneydi\b"],
        "ru": [r"\bчто\b", r"\bкакие\b", r"\bкакой\b", r"\bкакая\b", r"\bрасскажи\w*\b", r"\bо ч[её]м\b", r"\bкак\b",
               r"\bобъясни\w*\b", r"\bподробн\w*\b", r"\b(официальн\w*|полн\w*|точн\w*) (название|наименование)\b",
               r"\bкак (он |она |оно )?называ\w*\b"],
    },
}

# Words that carry no topic. Folded forms. (Question words are cues, handled in `intent.py`.)
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        a an the is are was were be been being am do does did doing have has had having will would shall should can
        seen seem seems seemed regarded considered viewed done worried worry worries concerned alarmed meant mean means part
        btw fyi tbh imo imho lol ever confirm verify apply applies applied
        could may might must of to in on at by for with about as from into onto upon over under than then so such against toward towards
        and or but if because while there here this that these those it its they them their he him his she her we
        us our you your i me my mine what when where who whom whose why how which any anything something some all
        each every much many more most very just also too not no yes please thanks thank hi hello hey ok okay
        tell know want need like get got let lets anyone someone one ones up out off again still even yet already everyone everybody mention mentions mentioned mentioning besides check checking somebody anybody nobody
        really actually currently right now today exactly precisely supposed going gonna will shall s t d ll re
        ve m bot info information question answer kind sort thing things stuff lot lots way wondering wonder
        curious quick quickly remind mind happen happens happened happening ago long soon near around abt
        i'm im am planning plan work working our team ngo journalist analyst reporter diplomat need needs
        guys folks asking ask wanted would like could you can you do you know please
        take takes taking took taken make makes making made get gets getting give gives gave given put puts
        go goes went gone come comes came place places since sorry basic either neither both each side number numbers figure figures count total amount event events thing things stuff key important main
        major critical crucial big milestone milestones step steps stand stands matter matters situation
        down scheduled planned provision clause lol lmao haha hehe xd mean means meaning min mins minute minutes hrs secs needed afterwards afterward subsequently true correct accurate points provisions clauses short brief briefly story stories saga read heard hear somewhere online exactly precise specific roughly approximately basically anyway whole overall general generally
        officially formally actually really timeline until till til fully partly partially entirely wholly totally
    """.split()),
    "tr": frozenset("""
        üzerinde üzerine üstünde ve ile de da ki yoksa zorunda mecbur mi mı mu mü mudur midir mıdır müdür miydi mıydı muydu müydü miymiş mıymış yaptı yapmış yapılmış etti etmiş bu şu o bir için gibi kadar daha en çok az ne neden
        nasıl hangi kim kimin nerede nereye zaman ama fakat ya veya yada hem ise eğer diye olarak olan oldu olacak
        olur olmuş var yok değil evet hayır bana beni sana biz siz onlar şey şimdi bugün artık acaba lütfen
        merhaba selam tamam peki hakkında üzerine sonra önce ile yani bile sadece hala halen hâlâ mi? ediyor
        edildi edilecek etti etmek yapıldı yapılacak oluyor olacak mı oldu mu neler nedir ne zaman kaç tane
        söyler misin söyleyebilir misin misiniz musunuz bilgi bilgisi rica ederim acaba öğrenmek istiyorum
        önemli kritik ana temel olay olaylar olayı sayı sayısı sayısını toplam miktar şey şeyler tam tam olarak kesin acaba peki
        yüzünden nedeniyle dolayı sebebiyle itibaren boyunca süresince yaşandı yaşanan yaşananlar neydi
        kimdir kimdi neye neyi nereyi nereye neresini neresiyle neresi neyle kime kimi
    """.split()),
    "ru": frozenset("""
        него нему ним нём нем ней них ними какого каком какую каких правда верно и в во на с со к ко о об от до по за из у же ли бы то не ни но а или да нет это этот эта эти тот та те
        как так что кто где когда куда почему зачем какой какая какие каков сколько чей мне меня мы вы они он она
        оно их его ее её нам вам был была были было будет будут есть ещё еще уже сейчас сегодня пожалуйста
        привет спасибо скажите скажи подскажите подскажи расскажите расскажи можно ли вообще просто именно
        также тоже очень всё все весь там тут здесь этого этой этом эту того чем чего при про для через
        свой свои своих хочу хотел хотела узнать интересно информация вопрос ответ
        ключевая ключевой ключевые ключевую важная важный важные важную главная главный главные событие
        события событий точно именно вообще число количество общее такой такая такие таков такова
        произошло происходит случилось было
        вдоль пока наш наша наше наши нашей нашего нашу нашим нашими ваш ваша ваши
    """.split()),
}

# Subjects the bot never covers. A word here only declines a question if the stored text never uses
# it: an editor who adds "patrols suspended by a sandstorm" makes "weather" a topic again.
OFF_TOPIC: dict[str, dict[str, list[str]]] = {
    "weather": {
        "en": ["weather", "rain", "raining", "rainy", "sunny", "snow", "snowing", "temperature", "forecast", "humid",
               "humidity", "degrees", "celsius", "fahrenheit", "climate", "umbrella", "storm", "windy", "how cold",
               "how hot", "how warm", "freezing", "heatwave", "frost", "sunshine", "cloudy"],
        "tr": ["hava durumu*", "hava nasıl*", "yağmur*", "kar yağ*", "sıcaklık*", "kaç derece", "güneşli*", "fırtına*",
               "şemsiye*", "havalar*"],
        "ru": ["погод*", "дожд*", "снег*", "температур*", "градус*", "солнечн*", "зонт*", "жарко", "холодно"],
    },
    "sport": {
        "en": ["football", "soccer", "match", "matches", "league", "score", "basketball", "tennis",
               "olympics", "world cup", "champions", "galatasaray", "fenerbahce", "besiktas", "spartak", "cska",
               "tournament", "sport", "sports", "game", "games", "team won", "nba", "fifa", "uefa",
               "formula", "f1", "chess", "volleyball", "hockey", "boxing"],
        "tr": ["futbol*", "maç*", "lig", "ligi", "ligde", "basketbol*", "şampiyon*", "galatasaray*", "fenerbahçe*", "beşiktaş*",
               "turnuva*", "spor*", "voleybol*", "skor*"],
        "ru": ["футбол*", "матч*", "лига*", "голы", "баскетбол*", "чемпионат*", "спартак*", "цска", "хоккей*",
               "турнир*", "спорт*", "счет матча", "шахмат*", "олимпиад*"],
    },
    "food": {
        "en": ["recipe", "recipes", "cook", "cooking", "bake", "baking", "ingredients", "kebab", "baklava", "borscht",
               "pizza", "cake", "soup", "dinner", "lunch", "breakfast", "restaurant", "food", "eat", "dish", "coffee",
               "tea", "meal", "dessert", "pilaf", "dumplings", "shawarma", "falafel", "hummus", "kofte", "doner",
               "lahmacun", "bread", "cookies", "pasta", "salad", "curry", "sushi", "sandwich", "burger", "vegan",
               "vegetarian", "turkish delight", "lokum"],
        "tr": ["tarif*", "yemek*", "pişir*", "malzeme*", "kebap*", "baklava*", "çorba*", "pilav*", "tatlı*", "kahve*",
               "çay", "restoran*", "lokanta*", "kahvaltı*", "börek*", "mantı*", "dolma*"],
        "ru": ["рецепт*", "приготов*", "готовить", "ингредиент*", "борщ*", "пельмен*", "блины", "суп*", "торт*",
               "ресторан*", "еда", "ужин*", "обед*", "завтрак*", "кофе", "чай", "шашлык*", "плов*"],
    },
    "prices": {
        "en": ["price", "prices", "cost", "costs", "costing", "cheap", "cheaper", "expensive", "buy", "buying", "sell",
               "selling", "bitcoin", "crypto", "dollar", "dollars", "euro", "euros", "lira", "rouble", "ruble",
               "exchange rate", "stock", "stocks", "salary", "rent", "oil price", "gold", "inflation",
               "mortgage", "invest", "investment", "usd", "eur"],
        "tr": ["fiyat*", "ucuz*", "pahalı*", "satın*", "satış*", "bitcoin*", "dolar*", "euro*", "lira*", "döviz*",
               "borsa*", "hisse*", "maaş*", "kira*", "altın*", "enflasyon*", "para", "kaç para", "kaç lira", "yatırım*"],
        "ru": ["цена", "цены", "цену", "ценам", "сколько стоит", "стоимост*", "дешев*", "дорог* ли", "купить", "продать", "биткоин*", "доллар*", "евро",
               "лира", "лиры", "рубл*", "курс* валют*", "курс* доллар*", "бирж*", "зарплат*", "аренд*", "золот*", "инфляци*", "инвест*"],
    },
    "jokes": {
        "en": ["joke", "jokes", "funny", "laugh", "humor", "humour", "pun", "riddle", "meme"],
        "tr": ["fıkra*", "şaka*", "espri*", "komik*", "güldür*", "bilmece*"],
        "ru": ["анекдот*", "шутк*", "пошути*", "смешн*", "юмор*", "загадк*", "рассмеш*"],
    },
    "code": {
        "en": ["python", "javascript", "java", "code", "coding", "programming", "sql", "html",
               "css", "regex", "compile", "compiler", "bug", "debug", "script", "api", "json", "docker", "linux",
               "algorithm", "github", "typescript", "c++", "rust", "golang", "excel", "vim", "emacs", "terminal",
               "bash", "shell script", "npm", "pip install", "segfault", "stack overflow", "stackoverflow", "git", "select from",
               "insert into", "drop table", "create table", "delete from"],
        "tr": ["kod", "kodu", "kodla*", "yazılım*", "programla*", "fonksiyon*", "algoritma*", "python*", "javascript*", "derle*", "betik*"],
        "ru": ["код", "кода", "коде", "кодом", "программирован*", "скрипт*", "алгоритм*", "питон*", "python", "компил*", "баг*", "отлад*"],
    },
    "chitchat": {
        "en": ["who are you", "your name", "how are you", "love", "girlfriend", "boyfriend", "date me", "marry",
               "horoscope", "zodiac", "movie", "movies", "film", "films", "song", "songs", "music", "poem", "poetry",
               "homework", "essay", "translate", "ignore your instructions", "ignore previous instructions", "ignore all instructions", "what day is it", "what time is it", "capital of", "population of", "celebrity", "netflix", "series",
               "novel", "book", "books", "game of thrones", "meaning of life", "pet", "dog", "cat", "cats", "dogs",
               "car", "cars", "phone", "iphone", "vacation", "holiday", "hotel", "flight", "flights", "ticket", "tickets",
               "visa", "birthday", "gift", "diet", "weight", "health", "doctor", "medicine", "covid", "vaccine",
               "president of france", "moon", "mars", "planet", "dinosaur", "dinosaurs", "stars", "astrology",
               "lottery", "casino", "fashion", "clothes", "shoes", "hair", "tallest", "biggest country", "ocean"],
        "tr": ["adın* ne*", "ismin* ne*", "nasılsın*", "aşk*", "sevgili*", "burç*", "film*", "dizi*", "şarkı*", "müzik*", "şiir*",
               "ödev*", "çevirir*", "talimat*", "günlerden* ne*", "başkenti*", "tatil*", "otel*", "uçak bilet*", "bilet*", "vize*",
               "doğum gün*", "hediye*", "diyet*", "sağlık*", "doktor*", "ilaç*", "kedi*", "köpek*", "araba*", "telefon*",
               "gezegen*", "piyango*"],
        "ru": ["как тебя зовут", "кто ты", "как дела", "любов*", "девушк*", "гороскоп*", "фильм*", "кино", "сериал*",
               "песн*", "музык*", "стихотворени*", "стих", "стихи", "стишок", "инструкци*", "какой сегодня день", "который час", "домашн* задани*", "переведи*", "столиц*", "отпуск*",
               "отел*", "гостиниц*", "билет*", "виза", "визу", "визы", "день рождения", "подарок*", "диет*", "здоровь*", "врач*",
               "лекарств*", "кошк*", "собак*", "машин*", "телефон*", "луна", "луну", "планет*", "лотере*"],
    },
}
# fmt: on

# Words that say a question asks about the future beyond what is recorded ("will the war end?").
FUTURE_MODALS: dict[str, frozenset[str]] = {
    "en": frozenset({"will", "would", "going", "gonna", "shall"}),
    "tr": frozenset(),
    "ru": frozenset({"будет", "будут", "станет"}),
}


# Places, countries, conflicts and people of world politics. A question that names one the stored text
# never mentions asks about something the timeline does not record ("the ceasefire in Gaza", "what did
# Lavrov say"): it is declined rather than answered with the nearest Idlib fact. Folded forms; `*` as
# in CONCEPTS (Turkish and Russian inflect names). A name an editor adds to the data stops counting.
OTHER_NAMES: dict[str, list[str]] = {
    "en": """
        ukraine ukrainian ukrainians kyiv kiev donbas donbass crimea crimean donetsk luhansk mariupol kharkiv
        gaza gazan israel israeli israelis palestine palestinian palestinians hamas hezbollah westbank jerusalem
        lebanon lebanese beirut iraq iraqi baghdad mosul iran iranian iranians tehran yemen yemeni houthi houthis
        libya libyan libyans tripoli benghazi haftar sarraj egypt egyptian cairo jordan jordanian amman
        saudi riyadh qatar qatari doha emirates uae dubai kuwait oman bahrain afghanistan afghan taliban
        pakistan pakistani india indian kashmir china chinese beijing taiwan japan japanese korea korean
        pyongyang armenia armenian azerbaijan azerbaijani azeri karabakh nagorno baku yerevan georgia georgian
        tbilisi abkhazia ossetia chechnya chechen belarus belarusian minsk moldova transnistria kosovo serbia
        serbian bosnia sudan sudanese khartoum darfur ethiopia ethiopian tigray eritrea somalia somali 
        nigeria congo rwanda venezuela colombia cuba mexico brazil argentina greece greek athens cyprus
        cypriot germany german berlin france french paris macron britain british uk london england spain
        italy italian rome poland warsaw sweden finland norway netherlands belgium brussels switzerland swiss
        geneva vienna austria hungary kazakhstan astana nursultan sochi istanbul izmir aleppo latakia homs
        hama raqqa deir ezzor daraa kurds kurdish ypg pkk sdf isis isil daesh nusra hts afrin manbij kobani
        usa america american americans washington pentagon biden trump obama pompeo blinken merkel scholz
        johnson sunak zelensky zelenskyy poroshenko netanyahu abbas rouhani khamenei raisi lavrov shoigu
        peskov zakharova medvedev gerasimov cavusoglu davutoglu fidan   guterres pedersen
        jeffrey stoltenberg borrell macron  modi  lukashenko aliyev pashinyan orban
    """.split(),
    "tr": """
        ukrayna* kırım* donbas* gazze* israil* filistin* hamas* hizbullah* lübnan* beyrut* ırak* irak* bağdat*
        musul* iran* tahran* yemen* husi* libya* trablus* bingazi* hafter* mısır* kahire* ürdün* suudi* katar*
        afganistan* pakistan* hindistan* çin çine çinde çinli* japon* kore* ermeni* azerbaycan* karabağ* bakü* erivan*
        gürcistan* tiflis* çeçen* belarus* moldova* kosova* sırbistan* bosna* sudan* etiyopya* somali*
        yunan* atina* kıbrıs* almanya* berlin* fransa* paris* ingiltere* londra* ispanya* italya* roma
        polonya* isveç* norveç* hollanda* belçika* brüksel* isviçre* cenevre* viyana* kazakistan* astana*
        soçi* istanbul* izmir* halep* lazkiye* humus* hama rakka* deyrezzor*  kürt* ypg* pkk* sdg* işid*
        deaş* nusra* hts* afrin* münbiç* kobani* abd amerika* vaşington* pentagon* biden* trump* obama*
        merkel* macron* zelenski* netanyahu* ruhani* hamaney* lavrov* şoygu* peskov* zaharova* medvedev*
        çavuşoğlu* davutoğlu*    guterres* pedersen* stoltenberg* aliyev* paşinyan*
    """.split(),
    "ru": """
        украин* киев* донбасс* крым* донецк* луганск* мариупол* газа газе газу газы газой израил* палестин*
        хамас* хезболл* ливан* бейрут* ирак* багдад* иран* тегеран* йемен* хусит* ливи* триполи бенгази хафтар*
        египет* египт* каир* иордани* саудовск* катар* афганистан* талибан* пакистан* индия индии индию китай* китая
        япони* корея кореи корею корейск* армени* азербайджан* карабах* баку ереван* грузия грузии грузию грузинск* тбилиси абхази* осети* чечн* белорус*
        беларус* минск* молдав* приднестров* косово серби* босни* судан* эфиопи* сомали* греци* греческ*
        афин* кипр* германи* берлин* франци* париж* британи* лондон* испани* итали* рим рима риме польш* варшав*
        швеци* финлянди* норвеги* нидерланд* бельги* брюссел* швейцари* женев* вена вене вену вены австри* казахстан*
        астан* сочи стамбул* измир* алеппо халеб* латаки* хомс* хама ракк* дейр* курд* игил* нуср* африн*
        сша америк* вашингтон* пентагон* байден* трамп* обам* меркель* макрон* зеленск* нетаньях* рухани
        хаменеи лавров* шойгу песков* захаров* медведев* герасимов* чавушоглу* давутоглу* фидан* гутерриш*
        педерсен* столтенберг* алиев* пашинян* лукашенко*
    """.split(),
}

# Questions about the bot itself ("who are you?", "what can you do?", "help"): declined with the list of
# what it can tell (that list is the useful answer). Regular expressions over the folded question.
BOT_META: dict[str, list[str]] = {
    "en": [r"^\W*(who|what) (are|r) (you|u)\b", r"\bare you (a |an )?(bot|robot|human|person|ai|real|machine)\b",
           r"^\W*what (can|do) you (do|know)\b", r"\bhow do you work\b", r"^\W*(help|start|menu|commands?)\W*$",
           r"\b(your|ur) name\b", r"\bwho (made|built|created|programmed|wrote) you\b", r"\bwhat is this bot\b",
           r"\bwhat does this bot do\b", r"\bhow (do|can) i use (you|this)\b", r"^\W*(hi|hello|hey|thanks|thank you|ok|okay)\W*$"],
    "tr": [r"\b(sen|siz) kimsin\w*\b", r"^\W*kimsin\w*\b", r"\b(sen|siz) nesin\w*\b", r"\bbot mu(sun|sunuz)\b",
           r"\bne (yapabilirsin|yapabiliyorsun|biliyorsun|is yapiyorsun)\b", r"\bbu bot\b", r"\badin ne\b",
           r"^\W*(yardim|merhaba|selam|tesekkurler|sagol|tamam)\W*$", r"\bnasil kullan\w*\b"],
    "ru": [r"\b(ты|вы) кто\b", r"\bкто (ты|вы)\b", r"\bчто (ты|вы) (умеешь|умеете|можешь|можете|знаешь)\b",
           r"\b(ты|вы) бот\b", r"\bкак тебя зовут\b", r"\bэто бот\b", r"\bкак (тобой|этим) пользоваться\b",
           r"^\W*(помощь|привет|здравствуйте|спасибо|ок|хорошо)\W*$"],
}
