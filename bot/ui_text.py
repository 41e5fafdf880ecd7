"""Words of the Telegram interface (buttons, menus, help) in English, Turkish and Russian.

Answer wording lives with the answering engine (`bot/i18n.py`); this is the chrome around it.
`{placeholders}` are filled by `t()`; values that come from users are escaped by the renderer first.
"""

from __future__ import annotations

from typing import Any

from bot.i18n import STATUS

LANGUAGES = ("en", "tr", "ru")
LANGUAGE_NAMES = {"en": "English", "tr": "Türkçe", "ru": "Русский"}

TEXT: dict[str, dict[str, str]] = {
    "welcome": {
        "en": "👋 I keep the timeline of <b>{negotiation}</b>: the talks, what was agreed, who said what, and the dates things start.\n\nAsk me in your own words, in English, Turkish or Russian — for example <i>When do the joint patrols begin?</i> Every answer comes with its date, status and source.",
        "tr": "👋 <b>{negotiation}</b> zaman çizelgesini tutuyorum: görüşmeler, neyin kararlaştırıldığı, kimin ne dediği ve ne zaman neyin başladığı.\n\nBana kendi sözlerinizle Türkçe, İngilizce veya Rusça sorun — örneğin <i>Ortak devriyeler ne zaman başlıyor?</i> Her yanıt tarihi, durumu ve kaynağıyla gelir.",
        "ru": "👋 Я веду хронологию: <b>{negotiation}</b> — переговоры, о чём договорились, кто что сказал и когда что начинается.\n\nСпрашивайте своими словами по-русски, по-английски или по-турецки — например, <i>Когда начнётся совместное патрулирование?</i> В каждом ответе есть дата, статус и источник.",
    },
    "welcome_many": {
        "en": "👋 I keep the timelines of {count} negotiations: the talks, what was agreed, who said what, and the dates things start.\n\nChoose the one this chat follows with /negotiations, or just ask in your own words, in English, Turkish or Russian — for example <i>When do the joint patrols begin?</i> Every answer comes with its date, status and source.",
        "tr": "👋 {count} müzakerenin zaman çizelgesini tutuyorum: görüşmeler, neyin kararlaştırıldığı, kimin ne dediği ve ne zaman neyin başladığı.\n\nBu sohbetin takip edeceğini /negotiations ile seçin ya da doğrudan kendi sözlerinizle Türkçe, İngilizce veya Rusça sorun — örneğin <i>Ortak devriyeler ne zaman başlıyor?</i> Her yanıt tarihi, durumu ve kaynağıyla gelir.",
        "ru": "👋 Я веду хронологию {count} переговоров: встречи, о чём договорились, кто что сказал и когда что начинается.\n\nВыберите, за какими следить в этом чате, через /negotiations или просто спросите своими словами по-русски, по-английски или по-турецки — например, <i>Когда начнётся совместное патрулирование?</i> В каждом ответе есть дата, статус и источник.",
    },
    "help": {
        "en": "<b>Ask anything</b> about the negotiation, for example:\n• When do the joint patrols begin?\n• How wide is the security corridor?\n• What was agreed in Moscow?\n• Is the ceasefire holding?\n• Ortak devriyeler ne zaman başlıyor?\n• Когда начнётся патрулирование?\n\n<b>Commands</b>\n/timeline — the events in date order\n/next — the next key date\n/latest — the newest updates\n/points — the agreement points and their status\n/subscribe — reminders before every key date (or tap 🔔 under an answer)\n/reminders — your reminders\n/unsubscribe — stop all reminders\n/calendar — key dates as a calendar file\n/negotiations — choose the negotiation to follow\n/settings — language, time zone, reminder times\n/about — sources\n/help — this message\n\nIn groups, mention me or reply to my message.",
        "tr": "<b>Müzakere hakkında her şeyi sorun</b>, örneğin:\n• Ortak devriyeler ne zaman başlıyor?\n• Güvenlik koridoru ne kadar geniş?\n• Moskova'da ne kararlaştırıldı?\n• Ateşkes sürüyor mu?\n\n<b>Komutlar</b>\n/timeline — olaylar tarih sırasıyla\n/next — bir sonraki önemli tarih\n/latest — en yeni gelişmeler\n/points — anlaşma maddeleri ve durumları\n/subscribe — her önemli tarihten önce hatırlatma (ya da yanıtın altındaki 🔔)\n/reminders — hatırlatmalarınız\n/unsubscribe — tüm hatırlatmaları durdur\n/calendar — önemli tarihler takvim dosyası olarak\n/negotiations — takip edilecek müzakereyi seçin\n/settings — dil, saat dilimi, hatırlatma zamanları\n/about — kaynaklar\n/help — bu mesaj\n\nGruplarda beni etiketleyin ya da mesajıma yanıt verin.",
        "ru": "<b>Спрашивайте что угодно</b> о переговорах, например:\n• Когда начнётся совместное патрулирование?\n• Какой ширины коридор безопасности?\n• О чём договорились в Москве?\n• Соблюдается ли перемирие?\n\n<b>Команды</b>\n/timeline — события по датам\n/next — ближайшая ключевая дата\n/latest — последние новости\n/points — пункты соглашения и их статус\n/subscribe — напоминания перед ключевыми датами (или 🔔 под ответом)\n/reminders — ваши напоминания\n/unsubscribe — отключить все напоминания\n/calendar — ключевые даты в календарь\n/negotiations — выбрать переговоры\n/settings — язык, часовой пояс, время напоминаний\n/about — источники\n/help — эта справка\n\nВ группах упомяните меня или ответьте на моё сообщение.",
    },
    "btn_timeline": {"en": "🗓 Timeline", "tr": "🗓 Zaman çizelgesi", "ru": "🗓 Хронология"},
    "btn_next": {"en": "⏭ Next key date", "tr": "⏭ Sıradaki önemli tarih", "ru": "⏭ Ближайшая дата"},
    "btn_points": {"en": "📜 Agreement points", "tr": "📜 Anlaşma maddeleri", "ru": "📜 Пункты соглашения"},
    "btn_reminders": {"en": "🔔 Reminders", "tr": "🔔 Hatırlatmalar", "ru": "🔔 Напоминания"},
    "btn_help": {"en": "❓ Help", "tr": "❓ Yardım", "ru": "❓ Помощь"},
    "btn_source": {"en": "📰 Source", "tr": "📰 Kaynak", "ru": "📰 Источник"},
    "btn_older": {"en": "◀ Older", "tr": "◀ Daha eski", "ru": "◀ Раньше"},
    "btn_newer": {"en": "Newer ▶", "tr": "Daha yeni ▶", "ru": "Позже ▶"},
    "btn_back": {"en": "↩ Timeline", "tr": "↩ Zaman çizelgesi", "ru": "↩ Хронология"},
    "timeline_title": {
        "en": "🗓 <b>{negotiation}</b> — events {first}–{last} of {total}",
        "tr": "🗓 <b>{negotiation}</b> — olaylar {first}–{last} / {total}",
        "ru": "🗓 <b>{negotiation}</b> — события {first}–{last} из {total}",
    },
    "timeline_empty": {
        "en": "Nothing is recorded for this negotiation yet.",
        "tr": "Bu müzakere için henüz kayıt yok.",
        "ru": "По этим переговорам пока ничего не записано.",
    },
    "next_none": {
        "en": "There is no upcoming key date in <b>{negotiation}</b>. The most recent one was:",
        "tr": "<b>{negotiation}</b> için yaklaşan önemli bir tarih yok. En son önemli tarih:",
        "ru": "В переговорах <b>{negotiation}</b> нет предстоящих ключевых дат. Последняя была:",
    },
    "next_title": {"en": "⏭ <b>Next key date</b>", "tr": "⏭ <b>Sıradaki önemli tarih</b>", "ru": "⏭ <b>Ближайшая ключевая дата</b>"},
    "latest_title": {"en": "🆕 <b>Latest updates</b>", "tr": "🆕 <b>En yeni gelişmeler</b>", "ru": "🆕 <b>Последние новости</b>"},
    "points_title": {"en": "📜 <b>Agreement points</b> — {negotiation}", "tr": "📜 <b>Anlaşma maddeleri</b> — {negotiation}", "ru": "📜 <b>Пункты соглашения</b> — {negotiation}"},
    "points_none": {"en": "No agreement points are recorded yet.", "tr": "Henüz kayıtlı anlaşma maddesi yok.", "ru": "Пункты соглашения пока не записаны."},
    "since": {"en": "since", "tr": "şu tarihten beri:", "ru": "с"},
    "about_title": {"en": "📰 <b>Sources</b> — {negotiation}", "tr": "📰 <b>Kaynaklar</b> — {negotiation}", "ru": "📰 <b>Источники</b> — {negotiation}"},
    "about_footer": {
        "en": "Dates mentioned relatively in the reports (\"on Thursday\", \"last week\") are resolved against two or more independent reports. Nothing here is invented: when I do not know, I say so.",
        "tr": "Haberlerde göreli olarak geçen tarihler (\"perşembe günü\", \"geçen hafta\") iki veya daha fazla bağımsız habere göre çözümlenmiştir. Hiçbir şey uydurulmaz: bilmediğimde bunu söylerim.",
        "ru": "Относительные даты из сообщений («в четверг», «на прошлой неделе») уточнены по двум и более независимым источникам. Ничего не выдумано: если я не знаю, я так и говорю.",
    },
    "choose_negotiation": {"en": "Which negotiation should this chat follow?", "tr": "Bu sohbet hangi müzakereyi takip etsin?", "ru": "За какими переговорами следить в этом чате?"},
    "negotiation_chosen": {"en": "✅ This chat now follows <b>{negotiation}</b>.", "tr": "✅ Bu sohbet artık <b>{negotiation}</b> müzakeresini takip ediyor.", "ru": "✅ Теперь этот чат следит за переговорами: <b>{negotiation}</b>."},
    "unknown_negotiation": {"en": "That negotiation no longer exists. Choose again with /negotiations.", "tr": "Bu müzakere artık yok. /negotiations ile yeniden seçin.", "ru": "Этих переговоров больше нет. Выберите снова: /negotiations."},
    "unknown_event": {"en": "That entry no longer exists (it may have been removed). See /timeline.", "tr": "Bu kayıt artık yok (kaldırılmış olabilir). /timeline'a bakın.", "ru": "Этой записи больше нет (возможно, её удалили). См. /timeline."},
    "not_text": {
        "en": "I answer text questions — type one, e.g. <i>When do the joint patrols begin?</i>",
        "tr": "Yazılı soruları yanıtlıyorum — örneğin <i>Ortak devriyeler ne zaman başlıyor?</i> yazın.",
        "ru": "Я отвечаю на текстовые вопросы — напишите, например: <i>Когда начнётся патрулирование?</i>",
    },
    "unknown_command": {
        "en": "I don't know the command {command}. These exist: {commands}",
        "tr": "{command} komutunu tanımıyorum. Mevcut komutlar: {commands}",
        "ru": "Я не знаю команду {command}. Есть такие: {commands}",
    },
    "error": {
        "en": "⚠️ Sorry, something went wrong on my side. Please try again in a moment.",
        "tr": "⚠️ Üzgünüm, benim tarafımda bir sorun oluştu. Lütfen biraz sonra tekrar deneyin.",
        "ru": "⚠️ Извините, у меня что-то пошло не так. Попробуйте ещё раз чуть позже.",
    },
    "settings": {
        "en": "⚙️ <b>Settings</b>\nLanguage: {language_name}\nTime zone: {zone}\nReminders: {lead_times} before each key date\n\nChange the time zone with <code>/settings tz Europe/Istanbul</code> (or a city: <code>/settings tz Moscow</code>), reminder times with <code>/settings reminders 1d,1h</code>.",
        "tr": "⚙️ <b>Ayarlar</b>\nDil: {language_name}\nSaat dilimi: {zone}\nHatırlatmalar: her önemli tarihten {lead_times} önce\n\nSaat dilimini <code>/settings tz Europe/Istanbul</code> (veya bir şehir: <code>/settings tz Ankara</code>), hatırlatma zamanlarını <code>/settings reminders 1d,1h</code> ile değiştirin.",
        "ru": "⚙️ <b>Настройки</b>\nЯзык: {language_name}\nЧасовой пояс: {zone}\nНапоминания: за {lead_times} до каждой ключевой даты\n\nЧасовой пояс: <code>/settings tz Europe/Moscow</code> (или город: <code>/settings tz Москва</code>), время напоминаний: <code>/settings reminders 1d,1h</code>.",
    },
    "settings_saved": {"en": "✅ Saved.", "tr": "✅ Kaydedildi.", "ru": "✅ Сохранено."},
    "bad_zone": {
        "en": "❌ I don't know the time zone “{value}”. Use a name like <code>Europe/Istanbul</code> or a city like <code>Ankara</code>.",
        "tr": "❌ “{value}” saat dilimini tanımıyorum. <code>Europe/Istanbul</code> gibi bir ad ya da <code>Ankara</code> gibi bir şehir yazın.",
        "ru": "❌ Я не знаю часовой пояс «{value}». Укажите название вроде <code>Europe/Moscow</code> или город, например <code>Москва</code>.",
    },
    "bad_lead_times": {
        "en": "❌ {problem}. Example: <code>/settings reminders 1d,1h</code> (w = weeks, d = days, h = hours, m = minutes).",
        "tr": "❌ {problem}. Örnek: <code>/settings reminders 1d,1h</code> (w = hafta, d = gün, h = saat, m = dakika).",
        "ru": "❌ {problem}. Пример: <code>/settings reminders 1d,1h</code> (w — недели, d — дни, h — часы, m — минуты).",
    },
    "bad_settings": {
        "en": "❌ I don't know that setting. Use <code>/settings tz &lt;zone or city&gt;</code>, <code>/settings reminders 1d,1h</code> or the language buttons.",
        "tr": "❌ Bu ayarı tanımıyorum. <code>/settings tz &lt;bölge veya şehir&gt;</code>, <code>/settings reminders 1d,1h</code> veya dil düğmelerini kullanın.",
        "ru": "❌ Такой настройки нет. Используйте <code>/settings tz &lt;пояс или город&gt;</code>, <code>/settings reminders 1d,1h</code> или кнопки языка.",
    },
    "calendar_caption": {
        "en": "🗓 Key dates of {negotiation}. Open the file to add them to your calendar; importing it again later updates the dates instead of duplicating them.",
        "tr": "🗓 {negotiation} önemli tarihleri. Takviminize eklemek için dosyayı açın; daha sonra yeniden içe aktarmak tarihleri çoğaltmadan günceller.",
        "ru": "🗓 Ключевые даты: {negotiation}. Откройте файл, чтобы добавить их в календарь; повторный импорт обновит даты, а не продублирует их.",
    },
    "status_label": {"en": "Status", "tr": "Durum", "ru": "Статус"},
    "source_label": {"en": "Source", "tr": "Kaynak", "ru": "Источник"},
    "where_label": {"en": "Where", "tr": "Yer", "ru": "Где"},
    "history_label": {"en": "History", "tr": "Geçmiş", "ru": "История"},
    "no_source": {"en": "No source recorded.", "tr": "Kaynak kaydı yok.", "ru": "Источник не указан."},
    "inline_hint": {"en": "Ask about the negotiation", "tr": "Müzakere hakkında sorun", "ru": "Спросите о переговорах"},
}

# The command menu (set with set_my_commands at start-up), per language.
COMMANDS: list[tuple[str, dict[str, str]]] = [
    ("start", {"en": "What this bot does", "tr": "Bu bot ne yapar", "ru": "Что умеет бот"}),
    ("timeline", {"en": "Events in date order", "tr": "Olaylar tarih sırasıyla", "ru": "События по датам"}),
    ("next", {"en": "The next key date", "tr": "Sıradaki önemli tarih", "ru": "Ближайшая ключевая дата"}),
    ("latest", {"en": "The newest updates", "tr": "En yeni gelişmeler", "ru": "Последние новости"}),
    ("points", {"en": "Agreement points and status", "tr": "Anlaşma maddeleri ve durumları", "ru": "Пункты соглашения и статус"}),
    ("subscribe", {"en": "Reminders before every key date", "tr": "Her önemli tarihten önce hatırlatma", "ru": "Напоминать о ключевых датах"}),
    ("reminders", {"en": "My reminders", "tr": "Hatırlatmalarım", "ru": "Мои напоминания"}),
    ("unsubscribe", {"en": "Stop all reminders", "tr": "Tüm hatırlatmaları durdur", "ru": "Отключить все напоминания"}),
    ("calendar", {"en": "Key dates as a calendar file", "tr": "Önemli tarihler takvim dosyası", "ru": "Ключевые даты в календарь"}),
    ("negotiations", {"en": "Choose the negotiation", "tr": "Müzakere seçin", "ru": "Выбрать переговоры"}),
    ("settings", {"en": "Language, time zone, reminders", "tr": "Dil, saat dilimi, hatırlatmalar", "ru": "Язык, часовой пояс, напоминания"}),
    ("about", {"en": "Sources", "tr": "Kaynaklar", "ru": "Источники"}),
    ("help", {"en": "How to ask, all commands", "tr": "Nasıl sorulur, tüm komutlar", "ru": "Как спрашивать, все команды"}),
]

# Shown to the admins of ADMIN_IDS only (a per-chat command scope); English, as the admin replies are.
ADMIN_COMMANDS: list[tuple[str, dict[str, str]]] = [
    ("add", {"en": "Add an update: /add DATE | title | details | URL"}),
    ("edit", {"en": "Correct an event: /edit <id> <field> <value>"}),
    ("move", {"en": "Move an event: /move <id> <new date>"}),
    ("status", {"en": "Set a status: /status <id|p<id>> <status>"}),
    ("delete", {"en": "Hide an event (undo with /undo)"}),
    ("undo", {"en": "Undo your last change"}),
    ("source", {"en": "Add a source: /source <id> <url> [attribution]"}),
    ("history", {"en": "Audit trail: /history <id>"}),
    ("admins", {"en": "List, add or remove admins"}),
    ("negotiation", {"en": "Create or choose the negotiation you edit"}),
    ("announce", {"en": "Message every subscriber"}),
]


def t(key: str, language: str, **values: Any) -> str:
    """The text `key` in `language` (English when missing), with `values` filled in."""
    variants = TEXT[key]
    text = variants.get(language) or variants["en"]
    return text.format(**values) if values else text


def status_word(status: str, language: str) -> str:
    """The same status words as in answers (one table, in bot.i18n)."""
    words = STATUS.get(status, {})
    return words.get(language) or words.get("en") or status.replace("_", " ")
