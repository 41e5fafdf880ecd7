"""Every handler of the bot, registered in one place."""

from __future__ import annotations

from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.handlers import basics, preferences, questions, timeline
from bot.handlers.errors import on_error


def register(application: Application) -> None:
    application.add_handler(CommandHandler("start", basics.start))
    application.add_handler(CommandHandler("help", basics.help_command))
    application.add_handler(CommandHandler("timeline", timeline.timeline))
    application.add_handler(CommandHandler("next", timeline.next_date))
    application.add_handler(CommandHandler("latest", timeline.latest))
    application.add_handler(CommandHandler("points", timeline.points))
    application.add_handler(CommandHandler("about", timeline.about))
    application.add_handler(CommandHandler("calendar", timeline.calendar))
    application.add_handler(CommandHandler("negotiations", preferences.negotiations))
    application.add_handler(CommandHandler("settings", preferences.settings))

    # --- admin (bot/handlers/admin.py): /add conversation, /edit, /move, /status, /delete, /undo,
    # /source, /history, /admins, /negotiation and the `adm:` preview buttons. Registered before the
    # catch-all button handler, the unknown-command handler and the text-question handler. ---
    from bot.handlers.admin import register_admin

    register_admin(application)
    # --- end admin ---

    # --- reminders (bot/handlers/subscriptions.py): /subscribe, /reminders, /unsubscribe, /announce and
    # the 🔔 `rm:<event_id>` / 🔕 `unsub:<subscription_id>` buttons; before the catch-all handlers. ---
    from bot.handlers import subscriptions

    application.add_handler(CommandHandler("subscribe", subscriptions.subscribe))
    application.add_handler(CommandHandler("reminders", subscriptions.list_reminders))
    application.add_handler(CommandHandler("unsubscribe", subscriptions.unsubscribe))
    application.add_handler(CommandHandler("announce", subscriptions.announce))
    application.add_handler(CallbackQueryHandler(subscriptions.on_button, pattern=r"^(rm|unsub):"))
    # --- end reminders ---

    application.add_handler(CallbackQueryHandler(timeline.on_button, pattern=r"^(tl|ev|src|menu):"))
    application.add_handler(CallbackQueryHandler(preferences.on_button, pattern=r"^(lang|neg):"))
    application.add_handler(CallbackQueryHandler(_stale_button))
    application.add_handler(ChatMemberHandler(basics.membership, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(InlineQueryHandler(questions.inline_query))

    application.add_handler(MessageHandler(filters.COMMAND, basics.unknown_command))
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & questions.ADDRESSED_TO_BOT & ~filters.UpdateType.EDITED, questions.question)
    )
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE
            & (filters.Sticker.ALL | filters.PHOTO | filters.VOICE | filters.AUDIO | filters.VIDEO
               | filters.VIDEO_NOTE | filters.Document.ALL | filters.ANIMATION | filters.LOCATION | filters.CONTACT),
            basics.not_text,
        )
    )
    application.add_error_handler(on_error)


async def _stale_button(update, context) -> None:  # noqa: ANN001
    """Buttons from an older version of the bot: answer them so the client stops spinning."""
    if update.callback_query is not None:
        await update.callback_query.answer()
