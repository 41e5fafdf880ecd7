"""Questions: any text addressed to the bot, and inline queries (`@botname patrols`)."""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from datetime import datetime
from uuid import uuid4

from telegram import InlineQueryResultArticle, InputTextMessageContent, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.ext import ContextTypes, filters

from bot import clock
from bot.handlers.common import chat_context, send_html, services_of
from bot.preferences import language_from_telegram
from bot.answering import Answer
from bot.render import answer_html, answer_keyboard, split_message
from bot.services import Services
from bot.ui_text import t

log = logging.getLogger("bot.handlers")

MAX_QUESTION = 1000  # nobody's question is longer; a pasted article is cut, not refused


class AddressedToBot(filters.MessageFilter):
    """Private chats: everything. Groups: messages that mention the bot or reply to it, so the bot
    stays quiet in a group's conversation whether privacy mode is on or off."""

    def filter(self, message: Message) -> bool:
        if message.chat.type == ChatType.PRIVATE:
            return True
        bot = message.get_bot()
        if message.reply_to_message and message.reply_to_message.from_user and message.reply_to_message.from_user.id == bot.id:
            return True
        username = (bot.username or "").lower()
        for entity, text in message.parse_entities(["mention"]).items():
            if text.lstrip("@").lower() == username:
                return True
        return False


ADDRESSED_TO_BOT = AddressedToBot()


class AnswerCache:
    """Recent answers, so the questions everyone asks at once ("when do the patrols start?") are
    answered once per minute rather than once per user.

    The key holds everything an answer depends on: the question, the reader's zone and scope, and the
    clock to the minute (relative wording such as "in 3 hours"); the cache empties itself when the
    timeline is reloaded after an edit (a new snapshot object).
    """

    def __init__(self, max_entries: int = 2048) -> None:
        self.max_entries = max_entries
        self._snapshot: object | None = None
        self._entries: OrderedDict[tuple[object, ...], Answer] = OrderedDict()

    def answer(self, services: Services, text: str, now: datetime, zone: str, scope: int | None) -> Answer:
        timeline = services.timeline
        if timeline.snapshot is not self._snapshot:
            self._entries.clear()
            self._snapshot = timeline.snapshot
        key = (text, zone, scope, now.replace(second=0, microsecond=0))
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
            return found
        answer = timeline.answer(text, now=now, language=None, reader_zone=zone, negotiation_id=scope)
        self._entries[key] = answer
        if len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
        return answer


def answer_cache(context: ContextTypes.DEFAULT_TYPE) -> AnswerCache:
    cache = context.application.bot_data.get("answer_cache")
    if cache is None:
        cache = context.application.bot_data["answer_cache"] = AnswerCache()
    return cache


def question_text(message: Message) -> str:
    text = message.text or ""
    username = message.get_bot().username
    if username:
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return text.strip()[:MAX_QUESTION]


async def question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    ctx = await chat_context(update, context)
    answer = answer_cache(context).answer(ctx.services, question_text(message), ctx.now, ctx.zone, ctx.scope())
    await send_html(
        context,
        message.chat_id,
        answer_html(answer),
        answer_keyboard(answer, answer.language, ctx.scope()),
        reply_to=message.message_id if message.chat.type != ChatType.PRIVATE else None,
    )
    log.info(
        "chat=%s answered=%s lang=%s intent=%s top=%s",
        message.chat_id,
        answer.answered,
        answer.language,
        answer.intent,
        answer.matches[0].id if answer.matches else None,
    )


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query
    if query is None:
        return
    services = services_of(context)
    language = language_from_telegram(query.from_user.language_code, services.settings.default_language)
    text = query.query.strip()[:MAX_QUESTION]
    if not text:
        await query.answer([], cache_time=5, button=None)
        return
    answer = answer_cache(context).answer(services, text, clock.now(), services.settings.default_timezone, None)
    results = []
    if answer.answered:
        body = split_message(answer_html(answer))[0]
        headline = next((b.text for b in answer.blocks if b.kind == "headline"), answer.plain_text())
        results.append(
            InlineQueryResultArticle(
                id=uuid4().hex,
                title=headline[:200],
                description=(answer.matches[0].source if answer.matches else "")[:200],
                input_message_content=InputTextMessageContent(body, parse_mode=ParseMode.HTML),
            )
        )
    else:
        results.append(
            InlineQueryResultArticle(
                id=uuid4().hex,
                title=t("inline_hint", answer.language or language),
                description=answer.plain_text()[:200],
                input_message_content=InputTextMessageContent(
                    split_message(answer_html(answer))[0], parse_mode=ParseMode.HTML
                ),
            )
        )
    await query.answer(results, cache_time=30, is_personal=False)
    log.info("inline user=%s answered=%s", query.from_user.id, answer.answered)
