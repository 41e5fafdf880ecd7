"""Words of reminders, change notices and subscription replies in English, Turkish and Russian.

Templates are trusted HTML; values are escaped by the caller before they are filled in.
"""

from __future__ import annotations

from typing import Any

TEXT: dict[str, dict[str, str]] = {
    "reminder_head": {"en": "🔔 <b>{title}</b> — {rel}", "tr": "🔔 <b>{title}</b> — {rel}", "ru": "🔔 <b>{title}</b> — {rel}"},
    "sometime_in": {"en": "sometime in {month}", "tr": "{month} içinde", "ru": "в течение: {month}"},
    "today": {"en": "today", "tr": "bugün", "ru": "сегодня"},
    "tomorrow": {"en": "tomorrow", "tr": "yarın", "ru": "завтра"},
    "late": {
        "en": "⏰ <i>Late reminder: I was offline when it was due.</i>",
        "tr": "⏰ <i>Geç hatırlatma: zamanı geldiğinde çevrimdışıydım.</i>",
        "ru": "⏰ <i>Напоминание с опозданием: я был недоступен в нужное время.</i>",
    },
    "status": {"en": "Status: {status}", "tr": "Durum: {status}", "ru": "Статус: {status}"},
    "btn_event": {"en": "🗓 Event card", "tr": "🗓 Olay kartı", "ru": "🗓 Карточка события"},
    "btn_unsubscribe": {"en": "🔕 Unsubscribe", "tr": "🔕 Aboneliği bitir", "ru": "🔕 Отписаться"},
    "btn_remind": {"en": "🔔 Remind me", "tr": "🔔 Hatırlat", "ru": "🔔 Напомнить"},
    "moved_head": {"en": "📅 <b>Date changed: {title}</b>", "tr": "📅 <b>Tarih değişti: {title}</b>", "ru": "📅 <b>Дата изменилась: {title}</b>"},
    "postponed_head": {"en": "⏸ <b>Postponed: {title}</b>", "tr": "⏸ <b>Ertelendi: {title}</b>", "ru": "⏸ <b>Отложено: {title}</b>"},
    "cancelled_head": {"en": "❌ <b>Cancelled: {title}</b>", "tr": "❌ <b>İptal edildi: {title}</b>", "ru": "❌ <b>Отменено: {title}</b>"},
    "deleted_head": {"en": "🗑 <b>Removed from the timeline: {title}</b>", "tr": "🗑 <b>Zaman çizelgesinden kaldırıldı: {title}</b>", "ru": "🗑 <b>Удалено из хронологии: {title}</b>"},
    "status_head": {"en": "ℹ️ <b>Status changed: {title}</b>", "tr": "ℹ️ <b>Durum değişti: {title}</b>", "ru": "ℹ️ <b>Статус изменился: {title}</b>"},
    "restored_head": {"en": "↩️ <b>Back on the timeline: {title}</b>", "tr": "↩️ <b>Zaman çizelgesine geri döndü: {title}</b>", "ru": "↩️ <b>Снова в хронологии: {title}</b>"},
    "was_now": {"en": "{old} → <b>{new}</b>", "tr": "{old} → <b>{new}</b>", "ru": "{old} → <b>{new}</b>"},
    "was": {"en": "Was: {old}", "tr": "Önceki tarih: {old}", "ru": "Было: {old}"},
    "new_date_unknown": {"en": "The new date is not known yet; I'll tell you when it is.", "tr": "Yeni tarih henüz belli değil; belli olunca haber vereceğim.", "ru": "Новая дата пока неизвестна; я сообщу, когда она появится."},
    "reminders_moved": {"en": "🔔 Your reminders have moved with it: next on {when}.", "tr": "🔔 Hatırlatmalarınız da taşındı: sıradaki {when}.", "ru": "🔔 Напоминания перенесены: следующее — {when}."},
    "reminders_off": {"en": "🔕 No reminders will be sent for it.", "tr": "🔕 Bunun için hatırlatma gönderilmeyecek.", "ru": "🔕 Напоминаний о нём не будет."},
    "announcement_head": {"en": "📣 <b>{title}</b>", "tr": "📣 <b>{title}</b>", "ru": "📣 <b>{title}</b>"},
    # replies to the subscriber
    "subscribed_event": {
        "en": "🔔 I'll remind you of <b>{title}</b> ({when}):",
        "tr": "🔔 <b>{title}</b> ({when}) için size hatırlatacağım:",
        "ru": "🔔 Я напомню о событии <b>{title}</b> ({when}):",
    },
    "subscribed_negotiation": {
        "en": "🔔 I'll remind you before every key date of <b>{title}</b> ({leads} before). Coming up:",
        "tr": "🔔 <b>{title}</b> için her önemli tarihten önce hatırlatacağım ({leads} önce). Yaklaşanlar:",
        "ru": "🔔 Я буду напоминать о каждой ключевой дате: <b>{title}</b> (за {leads}). Ближайшие:",
    },
    "planned_line": {"en": "• on {when}, {lead}", "tr": "• {when}, {lead}", "ru": "• {when}, {lead}"},
    "planned_line_titled": {"en": "• {title}: on {when}, {lead}", "tr": "• {title}: {when}, {lead}", "ru": "• {title}: {when}, {lead}"},
    "lead_before": {"en": "{lead} before", "tr": "{lead} önce", "ru": "за {lead}"},
    "day_of": {"en": "on the day", "tr": "o gün", "ru": "в тот же день"},
    "days_before": {"en": "{days} before", "tr": "{days} önce", "ru": "за {days}"},
    "month_of": {"en": "at the start of the month (the exact day is not known)", "tr": "ayın başında (kesin gün belli değil)", "ru": "в начале месяца (точный день неизвестен)"},
    "nothing_planned_event": {
        "en": "🔔 Subscribed to <b>{title}</b> ({when}). {why}",
        "tr": "🔔 <b>{title}</b> ({when}) için abone oldunuz. {why}",
        "ru": "🔔 Вы подписаны на событие <b>{title}</b> ({when}). {why}",
    },
    "nothing_upcoming": {
        "en": "There is no upcoming key date right now; I'll remind you when one is set.",
        "tr": "Şu anda yaklaşan önemli bir tarih yok; belirlendiğinde hatırlatacağım.",
        "ru": "Сейчас нет предстоящих ключевых дат; я напомню, когда они появятся.",
    },
    "why_too_close": {"en": "It is too close for your reminder times ({leads}); I'll still tell you if it moves.", "tr": "Hatırlatma zamanlarınız ({leads}) için çok yakın; tarih değişirse yine haber vereceğim.", "ru": "До него меньше, чем ваше время напоминания ({leads}); если дата изменится, я сообщу."},
    "why_past": {"en": "It is not upcoming, so there is nothing to remind of; I'll tell you if it changes.", "tr": "Yaklaşan bir olay değil, hatırlatılacak bir şey yok; değişirse haber vereceğim.", "ru": "Это событие не предстоит, напоминать не о чем; если что-то изменится, я сообщу."},
    "why_approximate": {"en": "Its date is only approximate, so I'll tell you when it is fixed instead.", "tr": "Tarihi yalnızca yaklaşık; kesinleşince haber vereceğim.", "ru": "Его дата известна лишь приблизительно; я сообщу, когда она уточнится."},
    "why_not_scheduled": {"en": "It is {status}; I'll tell you if that changes.", "tr": "Durumu: {status}; değişirse haber vereceğim.", "ru": "Статус: {status}; если это изменится, я сообщу."},
    "more_planned": {"en": "… and {count} more.", "tr": "… ve {count} tane daha.", "ru": "… и ещё {count}."},
    "unsubscribed": {"en": "🔕 Unsubscribed from {what}.", "tr": "🔕 {what} aboneliği bitirildi.", "ru": "🔕 Вы отписались: {what}."},
    "unsubscribed_all": {"en": "🔕 Unsubscribed from all reminders ({count}).", "tr": "🔕 Tüm hatırlatmalardan çıkıldı ({count}).", "ru": "🔕 Вы отписались от всех напоминаний ({count})."},
    "no_subscriptions": {"en": "You have no reminders. Subscribe with /subscribe or the 🔔 Remind me button under a date.", "tr": "Hatırlatmanız yok. /subscribe ile ya da bir tarihin altındaki 🔔 Hatırlat düğmesiyle abone olun.", "ru": "У вас нет напоминаний. Подпишитесь через /subscribe или кнопку 🔔 Напомнить под датой."},
    "subscriptions_title": {"en": "🔔 <b>Your reminders</b>", "tr": "🔔 <b>Hatırlatmalarınız</b>", "ru": "🔔 <b>Ваши напоминания</b>"},
    "sub_negotiation": {"en": "every key date of {title}", "tr": "{title} — tüm önemli tarihler", "ru": "все ключевые даты: {title}"},
    "sub_event": {"en": "{title} ({when})", "tr": "{title} ({when})", "ru": "{title} ({when})"},
    "sub_leads": {"en": "{leads} before", "tr": "{leads} önce", "ru": "за {leads}"},
    "not_subscribed": {"en": "That subscription no longer exists. See /reminders.", "tr": "Bu abonelik artık yok. /reminders'a bakın.", "ru": "Этой подписки больше нет. См. /reminders."},
    "unknown_event": {"en": "That entry no longer exists (it may have been removed). See /timeline.", "tr": "Bu kayıt artık yok (kaldırılmış olabilir). /timeline'a bakın.", "ru": "Этой записи больше нет (возможно, её удалили). См. /timeline."},
    "no_negotiation": {"en": "Choose a negotiation first with /negotiations.", "tr": "Önce /negotiations ile bir müzakere seçin.", "ru": "Сначала выберите переговоры: /negotiations."},
    "announce_usage": {"en": "Usage: <code>/announce your message</code> (sent to every subscriber of the negotiation).", "tr": "Kullanım: <code>/announce mesajınız</code> (müzakerenin tüm abonelerine gönderilir).", "ru": "Использование: <code>/announce текст</code> (получат все подписчики переговоров)."},
    "announce_too_long": {"en": "❌ The announcement is too long ({length} characters; at most {limit}).", "tr": "❌ Duyuru çok uzun ({length} karakter; en fazla {limit}).", "ru": "❌ Объявление слишком длинное ({length} символов; не более {limit})."},
    "announce_queued": {"en": "📣 Queued for {count} chat(s).", "tr": "📣 {count} sohbet için sıraya alındı.", "ru": "📣 Поставлено в очередь для {count} чат(ов)."},
    "not_admin": {"en": "Only admins can do that.", "tr": "Bunu yalnızca yöneticiler yapabilir.", "ru": "Это могут только администраторы."},
}


def tr(key: str, language: str | None, **values: Any) -> str:
    variants = TEXT[key]
    text = variants.get(language or "en") or variants["en"]
    return text.format(**values) if values else text
