"""Every handler of the bot, registered in one place.

Order matters: PTB runs the first matching handler of a group, so specific commands and buttons come
before the catch-alls (stale buttons, unknown commands, free-text questions).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.handlers import admin, basics, preferences, questions, subscriptions, timeline
from bot.handlers.errors import on_error

Callback = Callable[[Any, Any], Awaitable[None]]

# Commands for everyone, then for admins. An edited message never re-runs a command.
COMMANDS: list[tuple[str, Callback]] = [
    ("start", basics.start),
    ("help", basics.help_command),
    ("timeline", timeline.timeline),
    ("next", timeline.next_date),
    ("latest", timeline.latest),
    ("points", timeline.points),
    ("about", timeline.about),
    ("calendar", timeline.calendar),
    ("negotiations", preferences.negotiations),
    ("settings", preferences.settings),
    ("subscribe", subscriptions.subscribe),
    ("reminders", subscriptions.list_reminders),
    ("unsubscribe", subscriptions.unsubscribe),
    # admins (each handler refuses everyone else, writing nothing)
    ("edit", admin.edit),
    ("move", admin.move),
    ("status", admin.status),
    ("delete", admin.delete),
    ("undo", admin.undo),
    ("source", admin.source),
    ("history", admin.history),
    ("admins", admin.admins),
    ("negotiation", admin.negotiation),
    ("announce", subscriptions.announce),
]

# Inline buttons, by the action prefix of their callback data (see bot.render.Callback).
BUTTONS: list[tuple[str, Callback]] = [
    (r"^adm:", admin.on_button),
    (r"^(rm|unsub):", subscriptions.on_button),
    (r"^(tl|ev|src|menu):", timeline.on_button),
    (r"^(lang|neg):", preferences.on_button),
]

NOT_TEXT = filters.ChatType.PRIVATE & (
    filters.Sticker.ALL | filters.PHOTO | filters.VOICE | filters.AUDIO | filters.VIDEO | filters.VIDEO_NOTE
    | filters.Document.ALL | filters.ANIMATION | filters.LOCATION | filters.CONTACT
)


def register(application: Application) -> None:
    application.add_handler(admin.add_conversation())  # /add, guided or one line
    new_messages = filters.UpdateType.MESSAGE
    for name, callback in COMMANDS:
        application.add_handler(CommandHandler(name, callback, filters=new_messages))
    for pattern, callback in BUTTONS:
        application.add_handler(CallbackQueryHandler(callback, pattern=pattern))
    application.add_handler(CallbackQueryHandler(_stale_button))
    application.add_handler(ChatMemberHandler(basics.membership, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(InlineQueryHandler(questions.inline_query))

    application.add_handler(MessageHandler(filters.COMMAND & new_messages, basics.unknown_command))
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & questions.ADDRESSED_TO_BOT & new_messages, questions.question)
    )
    application.add_handler(MessageHandler(NOT_TEXT & new_messages, basics.not_text))
    application.add_error_handler(on_error)


async def _stale_button(update: Any, context: Any) -> None:
    """Buttons from an older version of the bot: answer them so the client stops spinning."""
    if update.callback_query is not None:
        await update.callback_query.answer()
