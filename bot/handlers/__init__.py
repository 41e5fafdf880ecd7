"""Every handler of the bot, registered in one place."""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler, CommandHandler, InlineQueryHandler, MessageHandler, filters

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

    application.add_handler(CallbackQueryHandler(timeline.on_button, pattern=r"^(tl|ev|src|menu):"))
    application.add_handler(CallbackQueryHandler(preferences.on_button, pattern=r"^(lang|neg):"))
    application.add_handler(CallbackQueryHandler(_stale_button))
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
