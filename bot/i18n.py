"""User-facing strings in English, Turkish and Russian.

Kept in one table so a translator sees every sentence the bot says side by side, and a missing
translation falls back to English instead of failing. Dates are not here: `bot/dates.py` formats
them with Babel in the reader's language.
"""

from __future__ import annotations

LANGUAGES = ("en", "tr", "ru")

TEXTS: dict[str, dict[str, str]] = {
    # ---- answer frame
    "source": {"en": "Source: {text}", "tr": "Kaynak: {text}", "ru": "Источник: {text}"},
    "when_headline": {"en": "{title}: {date} ({status}; {relative}).", "tr": "{title}: {date} ({status}; {relative}).",
                      "ru": "{title}: {date} ({status}; {relative})."},
    "dated_line": {"en": "{title} — {date} ({status}; {relative}).", "tr": "{title} — {date} ({status}; {relative}).",
                   "ru": "{title} — {date} ({status}; {relative})."},
    "how_long_future": {"en": "{title}: {relative} — {date} ({status}).",
                        "tr": "{title}: {relative}, {date} ({status}).",
                        "ru": "{title}: {relative}, {date} ({status})."},
    "how_long_past": {"en": "{title}: that was {relative} — {date} ({status}).",
                      "tr": "{title}: {relative}, {date} tarihinde ({status}).",
                      "ru": "{title}: это было {relative}, {date} ({status})."},
    "where_headline": {"en": "{title}: {place} ({date}).", "tr": "{title}: {place} ({date}).",
                       "ru": "{title}: {place} ({date})."},
    "status_headline": {"en": "As of {date}: {text} ({status}; {relative}).",
                        "tr": "{date} itibarıyla: {text} ({status}; {relative}).",
                        "ru": "По состоянию на {date}: {text} ({status}; {relative})."},
    "history_line": {"en": "Earlier, on {date}: {text} ({status}).", "tr": "Daha önce, {date}: {text} ({status}).",
                     "ru": "Ранее, {date}: {text} ({status})."},
    "upcoming_line": {"en": "Coming up: {title} — {date} ({status}; {relative}).",
                      "tr": "Sırada: {title} — {date} ({status}; {relative}).",
                      "ru": "Впереди: {title} — {date} ({status}; {relative})."},
    "next_headline": {"en": "Next key date: {title} — {date} ({status}; {relative}).",
                      "tr": "Sıradaki önemli tarih: {title} — {date} ({status}; {relative}).",
                      "ru": "Следующая ключевая дата: {title} — {date} ({status}; {relative})."},
    "next_none": {"en": "No upcoming date is recorded. The most recent key date: {title} — {date} ({status}; {relative}).",
                  "tr": "Kayıtlı yaklaşan bir tarih yok. En son önemli tarih: {title} — {date} ({status}; {relative}).",
                  "ru": "Предстоящих дат не записано. Последняя ключевая дата: {title} — {date} ({status}; {relative})."},
    "latest_headline": {"en": "Latest: {title} — {date} ({status}; {relative}).",
                        "tr": "En son: {title} — {date} ({status}; {relative}).",
                        "ru": "Последнее: {title} — {date} ({status}; {relative})."},
    "agreed_intro": {"en": "What was agreed:", "tr": "Üzerinde anlaşılanlar:", "ru": "О чём договорились:"},
    "point_line": {"en": "• {title}: {status} since {date}.", "tr": "• {title}: {date} itibarıyla {status}.",
                   "ru": "• {title}: {status} с {date}."},
    "said_by": {"en": "{who}: “{quote}”", "tr": "{who}: “{quote}”", "ru": "{who}: «{quote}»"},
    "on_date": {"en": "On {date}", "tr": "{date} tarihinde", "ru": "{date}"},
    "nothing_on_day": {"en": "Nothing is recorded for {date}.", "tr": "{date} için kayıtlı bir şey yok.",
                       "ru": "На {date} ничего не записано."},
    "day_events": {"en": "Also on that day:", "tr": "Aynı gün:", "ru": "В тот же день:"},
    "yes_step": {"en": "Yes — {date}: {text} ({status}).", "tr": "Evet — {date}: {text} ({status}).",
                 "ru": "Да — {date}: {text} ({status})."},
    "fact_step": {"en": "{date}: {text} ({status}).", "tr": "{date}: {text} ({status}).",
                  "ru": "{date}: {text} ({status})."},
    "later_line": {"en": "Later, on {date}: {text} ({status}).", "tr": "Daha sonra, {date}: {text} ({status}).",
                   "ru": "Позже, {date}: {text} ({status})."},
    "days_between": {"en": "{days} passed between the two: {first} — {first_date}; {second} — {second_date}.",
                     "tr": "İkisi arasında {days} var: {first} — {first_date}; {second} — {second_date}.",
                     "ru": "Между ними прошло {days}. {first} — {first_date}; {second} — {second_date}."},
    "lasted": {"en": "{title}: {date}, {days} in all ({status}).",
               "tr": "{title}: {date}, toplam {days} ({status}).",
               "ru": "{title}: {date}, всего {days} ({status})."},
    "first_of": {"en": "First came: {title} — {date} ({status}).", "tr": "İlk olarak: {title} — {date} ({status}).",
                 "ru": "Сначала: {title} — {date} ({status})."},
    "then_of": {"en": "Then: {title} — {date}.", "tr": "Sonra: {title} — {date}.", "ru": "Затем: {title} — {date}."},
    "key_dates": {"en": "Key dates:", "tr": "Önemli tarihler:", "ru": "Ключевые даты:"},
    "bullet": {"en": "• {text}", "tr": "• {text}", "ru": "• {text}"},
    # ---- declines
    "decline_off_topic": {
        "en": "Sorry, I only answer questions about the negotiation I follow, not about {subject}.",
        "tr": "Üzgünüm, yalnızca takip ettiğim müzakereyle ilgili soruları yanıtlıyorum; {subject} konusunda yardımcı olamam.",
        "ru": "Извините, я отвечаю только на вопросы о переговорах, за которыми слежу, а не о теме «{subject}».",
    },
    "decline_empty": {
        "en": "Please ask a question, for example: when do the joint patrols start?",
        "tr": "Lütfen bir soru sorun, örneğin: ortak devriyeler ne zaman başlıyor?",
        "ru": "Задайте, пожалуйста, вопрос, например: когда начнётся совместное патрулирование?",
    },
    "decline_prediction": {
        "en": "I can't predict what will happen; I only report what has been announced and recorded.",
        "tr": "Ne olacağını tahmin edemem; yalnızca açıklanmış ve kaydedilmiş bilgileri aktarırım.",
        "ru": "Я не могу предсказывать будущее; я сообщаю только то, что было объявлено и записано.",
    },
    "decline_about_bot": {
        "en": "I'm a bot that follows one negotiation and answers questions about its timeline — dates, places, "
              "numbers, who said what — always with the source. I don't guess or predict.",
        "tr": "Tek bir müzakereyi takip eden ve zaman çizelgesiyle ilgili soruları — tarihler, yerler, sayılar, kim ne "
              "dedi — her zaman kaynağıyla yanıtlayan bir botum. Tahmin yürütmem.",
        "ru": "Я бот, который следит за одними переговорами и отвечает на вопросы об их хронологии — даты, места, "
              "цифры, кто что сказал — всегда со ссылкой на источник. Я не гадаю и не предсказываю.",
    },
    "decline_unrecorded": {
        "en": "That is not recorded in the timeline I keep, so I can't answer it without guessing.",
        "tr": "Bu bilgi tuttuğum zaman çizelgesinde kayıtlı değil; tahmin yürütmeden yanıtlayamam.",
        "ru": "Этого нет в хронологии, которую я веду, поэтому я не могу ответить, не гадая.",
    },
    "party_count": {"en": "{count}: {names}.", "tr": "{count}: {names}.", "ru": "{count}: {names}."},
    "and": {"en": " and ", "tr": " ve ", "ru": " и "},
    "country_turkey": {"en": "Turkey", "tr": "Türkiye", "ru": "Турция"},
    "country_russia": {"en": "Russia", "tr": "Rusya", "ru": "Россия"},
    "country_syria": {"en": "Syria", "tr": "Suriye", "ru": "Сирия"},
    "also_said": {"en": "Also that day: {title}.", "tr": "Aynı gün: {title}.", "ru": "В тот же день: {title}."},
    "premise_other_day": {
        "en": "Not on {asked} — the record gives another date:",
        "tr": "{asked} değil; kayıtlardaki tarih başka:",
        "ru": "Не {asked} — в записях другая дата:",
    },
    "premise_other_month": {
        "en": "Not in {asked} — the record gives another date:",
        "tr": "{asked} ayında değil; kayıtlardaki tarih başka:",
        "ru": "Не в этот месяц ({asked}) — в записях другая дата:",
    },
    "premise_other_year": {
        "en": "Not in {asked} — the record gives another date:",
        "tr": "{asked} yılında değil; kayıtlardaki tarih başka:",
        "ru": "Не в {asked} году — в записях другая дата:",
    },
    "premise_other_place": {
        "en": "Not {asked} — the record gives another place:",
        "tr": "{asked} değil; kayıtlardaki yer başka:",
        "ru": "Не {asked} — в записях другое место:",
    },
    "premise_other_number": {
        "en": "Not {asked} — the record gives another figure:",
        "tr": "{asked} değil; kayıtlardaki sayı başka:",
        "ru": "Не {asked} — в записях другое число:",
    },
    "premise_other_person": {
        "en": "The record does not say that of {asked}; it says:",
        "tr": "Kayıtlar bunu {asked} için söylemiyor; kayıtta şu var:",
        "ru": "В записях это сказано не о {asked}; там говорится:",
    },
    "decline_no_time": {
        "en": "The time of day is not recorded, only the date: {title} — {date}.",
        "tr": "Saati kayıtlı değil, yalnızca tarihi: {title} — {date}.",
        "ru": "Время суток не записано, только дата: {title} — {date}.",
    },
    "decline_no_match": {
        "en": "Sorry, I couldn't find that in the timeline I keep.",
        "tr": "Üzgünüm, bunu tuttuğum zaman çizelgesinde bulamadım.",
        "ru": "Извините, я не нашёл этого в хронологии, которую веду.",
    },
    "closest_fact": {"en": "The closest recorded fact: {text}", "tr": "Kayıtlı en yakın bilgi: {text}",
                     "ru": "Ближайший записанный факт: {text}"},
    "suggest": {"en": "I can tell you about: {topics}.", "tr": "Şunlar hakkında bilgi verebilirim: {topics}.",
                "ru": "Я могу рассказать о следующем: {topics}."},
    "list_sep": {"en": "; ", "tr": "; ", "ru": "; "},
    # ---- subjects named in the off-topic decline
    "subject_weather": {"en": "the weather", "tr": "hava durumu", "ru": "погода"},
    "subject_sport": {"en": "sport", "tr": "spor", "ru": "спорт"},
    "subject_food": {"en": "food and recipes", "tr": "yemek ve tarifler", "ru": "еда и рецепты"},
    "subject_prices": {"en": "prices and money", "tr": "fiyatlar ve para", "ru": "цены и деньги"},
    "subject_jokes": {"en": "jokes", "tr": "şakalar", "ru": "шутки"},
    "subject_code": {"en": "programming", "tr": "programlama", "ru": "программирование"},
    "subject_chitchat": {"en": "that subject", "tr": "bu konu", "ru": "эта тема"},
}

STATUS: dict[str, dict[str, str]] = {
    "scheduled": {"en": "scheduled", "tr": "planlandı", "ru": "запланировано"},
    "happened": {"en": "happened", "tr": "gerçekleşti", "ru": "состоялось"},
    "ongoing": {"en": "ongoing", "tr": "sürüyor", "ru": "продолжается"},
    "postponed": {"en": "postponed", "tr": "ertelendi", "ru": "отложено"},
    "cancelled": {"en": "cancelled", "tr": "iptal edildi", "ru": "отменено"},
    "proposed": {"en": "proposed", "tr": "önerildi", "ru": "предложено"},
    "largely_agreed": {"en": "largely agreed", "tr": "büyük ölçüde uzlaşıldı", "ru": "в основном согласовано"},
    "agreed": {"en": "agreed", "tr": "üzerinde anlaşıldı", "ru": "согласовано"},
    "in_effect": {"en": "in effect", "tr": "yürürlükte", "ru": "действует"},
    "violated": {"en": "violated", "tr": "ihlal edildi", "ru": "нарушено"},
    "suspended": {"en": "suspended", "tr": "askıya alındı", "ru": "приостановлено"},
    "ended": {"en": "ended", "tr": "sona erdi", "ru": "прекращено"},
}


def days_phrase(n: int, language: str) -> str:
    """"10 days", "10 gün", "10 дней" (Russian plural rules)."""
    if language == "tr":
        return f"{n} gün"
    if language == "ru":
        if n % 10 == 1 and n % 100 != 11:
            word = "день"
        elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            word = "дня"
        else:
            word = "дней"
        return f"{n} {word}"
    return f"{n} day" if n == 1 else f"{n} days"


def t(key: str, language: str, **values: object) -> str:
    """The string `key` in `language` (English if missing), with `values` filled in."""
    table = TEXTS[key]
    template = table.get(language) or table["en"]
    return template.format(**values) if values else template


def status_label(status: str, language: str) -> str:
    """A stored status value (`scheduled`, `in_effect` ...) in words of `language`."""
    row = STATUS.get(status)
    if row is None:
        return status.replace("_", " ")
    return row.get(language) or row["en"]
