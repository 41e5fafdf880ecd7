"""Tests of the fake Telegram Bot API server itself.

The fake is driven the way the bot drives Telegram: through a real PTB
``Bot``/``Application`` over HTTP, plus raw httpx for protocol details PTB
hides (status codes, encodings, unknown methods).
"""

from __future__ import annotations

import asyncio
import json
import sys
import textwrap
import warnings

import httpx
import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

try:  # the package is importable as tests.fake_telegram or, with pytest's rootdir insertion, fake_telegram
    from tests.fake_telegram import FakeTelegram, RateLimits, ThreadedFakeTelegram
    from tests.fake_telegram.fixtures import fake_bot, fake_telegram  # noqa: F401
    from tests.fake_telegram.html_check import HtmlParseError, parse_html
except ImportError:  # pragma: no cover - depends on how pytest sets sys.path
    from fake_telegram import FakeTelegram, RateLimits, ThreadedFakeTelegram  # type: ignore[no-redef]
    from fake_telegram.fixtures import fake_bot, fake_telegram  # type: ignore[no-redef] # noqa: F401
    from fake_telegram.html_check import HtmlParseError, parse_html  # type: ignore[no-redef]

CHAT = 4242
KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="vote:yes")]])


def api(server: FakeTelegram, method: str, token: str | None = None) -> str:
    return f"{server.base_url}{token or server.token}/{method}"


# --------------------------------------------------------------- html parser
@pytest.mark.parametrize(
    ("html", "visible", "entity_types"),
    [
        ("<b>bold</b> and <i>it</i>", "bold and it", ["bold", "italic"]),
        ('<a href="https://example.org/?a=1&amp;b=2">link</a>', "link", ["text_link"]),
        ('<pre><code class="language-python">x = 1</code></pre>', "x = 1", ["pre"]),
        ('<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>', "st", ["spoiler", "spoiler"]),
        ("<blockquote expandable>quote</blockquote>", "quote", ["expandable_blockquote"]),
        ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍", ["custom_emoji"]),
        ("1 &lt; 2 &amp;&amp; 3 &gt; 2 &quot;q&quot; &#65;&#x42;", '1 < 2 && 3 > 2 "q" AB', []),
        ("<B>caps</B> <s>x</s><del>y</del><u>z</u><ins>w</ins>", "caps xyzw", ["bold", "strikethrough",
                                                                           "strikethrough", "underline",
                                                                           "underline"]),
    ],
)
def test_html_parser_accepts_telegram_subset(html: str, visible: str, entity_types: list[str]) -> None:
    parsed = parse_html(html)
    assert parsed.text == visible
    assert [e["type"] for e in parsed.entities] == entity_types


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'),
        ("ab <br> cd", 'Unsupported start tag "br" at byte offset 3'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("<b>never closed", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("text <b", "Unclosed start tag at byte offset 5"),
        ('<span class="x">s</span>', 'Tag "span" must have class "tg-spoiler"'),
        ("salt & pepper", 'Unescaped "&" at byte offset 5'),
        ("&nbsp;", 'Unescaped "&" at byte offset 0'),
        ("ü <x>", 'Unsupported start tag "x" at byte offset 3'),  # byte, not character, offset
    ],
)
def test_html_parser_rejects_like_telegram(html: str, message: str) -> None:
    with pytest.raises(HtmlParseError) as exc:
        parse_html(html)
    assert message in str(exc.value)


def test_html_entity_offsets_are_utf16() -> None:
    parsed = parse_html("😀 <b>x</b>")
    assert parsed.entities == [{"type": "bold", "offset": 3, "length": 1}]


# ------------------------------------------------------------ with PTB's Bot
@pytest.mark.asyncio
async def test_get_me(fake_bot: telegram.Bot) -> None:
    me = await fake_bot.get_me()
    assert me.username == "ankara_talks_bot"
    assert me.is_bot and me.supports_inline_queries and me.can_join_groups


@pytest.mark.asyncio
async def test_send_message_with_good_html_is_accepted_and_recorded(
    fake_telegram: FakeTelegram, fake_bot: telegram.Bot
) -> None:
    sent = await fake_bot.send_message(
        CHAT, "<b>Round 3</b> &amp; <i>talks</i>", parse_mode="HTML", reply_markup=KEYBOARD
    )
    assert sent.text == "Round 3 & talks"
    assert sent.reply_markup == KEYBOARD
    received = await fake_telegram.wait_for_message(CHAT)
    assert received["message_id"] == sent.message_id
    assert [e["type"] for e in received["entities"]] == ["bold", "italic"]
    call = fake_telegram.calls_to("sendMessage")[-1]
    assert call.params["parse_mode"] == "HTML" and call.params["chat_id"] == CHAT
    assert call.params["reply_markup"] == {"inline_keyboard": [[{"text": "Yes", "callback_data": "vote:yes"}]]}
    assert fake_telegram.unknown_params == [] and fake_telegram.rejections == []
    second = await fake_bot.send_message(CHAT, "next")
    assert second.message_id == sent.message_id + 1


@pytest.mark.asyncio
async def test_bad_html_is_rejected(fake_telegram: FakeTelegram, fake_bot: telegram.Bot) -> None:
    with pytest.raises(BadRequest, match="(?i)unsupported start tag"):
        await fake_bot.send_message(CHAT, "Deadline <tomorrow>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="(?i)end tag"):
        await fake_bot.send_message(CHAT, "<b>unclosed", parse_mode="HTML")
    # Without parse_mode the same text is fine.
    await fake_bot.send_message(CHAT, "Deadline <tomorrow>")
    assert [r.error_code for r in fake_telegram.bot_faults()] == [400, 400]
    assert fake_telegram.rejections[0].description.startswith("Bad Request: can't parse entities: ")
    assert fake_telegram.messages(CHAT)[0]["text"] == "Deadline <tomorrow>"


@pytest.mark.asyncio
async def test_length_limits_count_visible_utf16_text(fake_bot: telegram.Bot) -> None:
    with pytest.raises(BadRequest, match="(?i)message is too long"):
        await fake_bot.send_message(CHAT, "a" * 4097)
    await fake_bot.send_message(CHAT, "a" * 4096)
    with pytest.raises(BadRequest, match="(?i)message is too long"):
        await fake_bot.send_message(CHAT, "😀" * 2049)  # 4098 UTF-16 code units
    tagged = "<b>x</b> " * 555 + "<i>" + "y" * 5 + "</i>"  # ~5000 chars of markup, ~1100 visible
    assert len(tagged) > 5000
    sent = await fake_bot.send_message(CHAT, tagged, parse_mode="HTML")
    assert len(sent.text) < 4096
    with pytest.raises(BadRequest, match="(?i)message text is empty"):
        await fake_bot.send_message(CHAT, "<b>  </b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="(?i)caption is too long"):
        await fake_bot.send_document(CHAT, b"x", filename="a.txt", caption="c" * 1025)


@pytest.mark.asyncio
async def test_inline_keyboard_rules(fake_telegram: FakeTelegram, fake_bot: telegram.Bot) -> None:
    await fake_bot.send_message(
        CHAT, "ok", reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="x" * 64)]])
    )
    with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
        await fake_bot.send_message(
            CHAT, "no", reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="x" * 65)]])
        )
    with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):  # 33 Cyrillic letters = 66 bytes
        await fake_bot.send_message(
            CHAT, "no", reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="д" * 33)]])
        )
    # PTB cannot build these two, so they go over raw HTTP (form field holding JSON, as PTB sends).
    no_action = {"inline_keyboard": [[{"text": "b"}]]}
    two_actions = {"inline_keyboard": [[{"text": "b", "callback_data": "x", "url": "https://example.org"}]]}
    async with httpx.AsyncClient() as http:
        for markup, description in [
            (no_action, "Text buttons are unallowed in the inline keyboard"),
            (two_actions, "exactly one of the fields url, callback_data must be used"),
        ]:
            response = await http.post(
                api(fake_telegram, "sendMessage"),
                data={"chat_id": CHAT, "text": "t", "reply_markup": json.dumps(markup)},
            )
            prefix = "Bad Request: can't parse inline keyboard button: "
            assert (response.status_code, response.json()["description"]) == (400, prefix + description)


@pytest.mark.asyncio
async def test_wrong_token_is_invalid_token(fake_telegram: FakeTelegram) -> None:
    bot = telegram.Bot("999:WRONG", base_url=fake_telegram.base_url)
    with pytest.raises(InvalidToken):
        async with bot:  # initialize() calls getMe; on failure PTB shuts the client down
            pass
    assert fake_telegram.rejections[-1].error_code == 401


@pytest.mark.asyncio
async def test_injected_errors_map_to_ptb_exceptions(fake_telegram: FakeTelegram, fake_bot: telegram.Bot) -> None:
    fake_telegram.fail_next("sendMessage", 429, retry_after=7)
    with pytest.raises(RetryAfter) as exc:
        await fake_bot.send_message(CHAT, "x")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert exc.value.retry_after in (7, __import__("datetime").timedelta(seconds=7))
    fake_telegram.fail_next("sendMessage", 403)
    with pytest.raises(Forbidden, match="(?i)blocked by the user"):
        await fake_bot.send_message(CHAT, "x")
    fake_telegram.fail_next("sendMessage", 500)
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await fake_bot.send_message(CHAT, "x")
    fake_telegram.fail_next("*", 502, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await fake_bot.send_chat_action(CHAT, "typing")
    fake_telegram.fail_next("sendMessage", 403, chat_id=1)  # only chat 1 fails
    await fake_bot.send_message(CHAT, "delivered")
    with pytest.raises(Forbidden):
        await fake_bot.send_message(1, "x")
    assert fake_telegram.bot_faults() == []
    assert [m["text"] for m in fake_telegram.messages(CHAT)] == ["delivered"]


@pytest.mark.asyncio
async def test_slow_method_delays_answer(fake_telegram: FakeTelegram, fake_bot: telegram.Bot) -> None:
    fake_telegram.slow("sendChatAction", 0.3, times=1)
    loop = asyncio.get_running_loop()
    start = loop.time()
    await fake_bot.send_chat_action(CHAT, "typing")
    assert loop.time() - start >= 0.3
    with pytest.raises(BadRequest, match="(?i)wrong parameter action"):
        await fake_bot.send_chat_action(CHAT, "dancing")


@pytest.mark.asyncio
async def test_get_updates_long_poll_returns_as_soon_as_an_update_arrives(
    fake_telegram: FakeTelegram, fake_bot: telegram.Bot
) -> None:
    loop = asyncio.get_running_loop()
    poll = asyncio.create_task(fake_bot.get_updates(timeout=20))
    await fake_telegram.wait_for_long_poll()
    injected_at = loop.time()
    fake_telegram.send_text(CHAT, CHAT, "/start@ankara_talks_bot hi @negotiator", language_code="tr")
    updates = await asyncio.wait_for(poll, 5)
    assert loop.time() - injected_at < 1.0
    message = updates[0].message
    assert message.text.startswith("/start") and message.from_user.language_code == "tr"
    assert [(e.type, e.offset, e.length) for e in message.entities] == [("bot_command", 0, 23), ("mention", 27, 11)]


@pytest.mark.asyncio
async def test_get_updates_offset_limit_and_allowed_updates(
    fake_telegram: FakeTelegram, fake_bot: telegram.Bot
) -> None:
    ids = [fake_telegram.send_text(CHAT, CHAT, f"m{i}")["update_id"] for i in range(3)]
    first = await fake_bot.get_updates(limit=2, timeout=0)
    assert [u.update_id for u in first] == ids[:2]
    again = await fake_bot.get_updates(timeout=0)  # nothing confirmed yet
    assert [u.update_id for u in again] == ids
    rest = await fake_bot.get_updates(offset=ids[1] + 1, timeout=0)
    assert [u.update_id for u in rest] == ids[2:]
    assert await fake_bot.get_updates(offset=ids[2] + 1, timeout=0) == ()
    await fake_bot.get_updates(offset=ids[2] + 1, timeout=0, allowed_updates=["callback_query"])
    fake_telegram.send_text(CHAT, CHAT, "dropped: not an allowed update type")
    assert fake_telegram.pending_updates == [] and len(fake_telegram.state.dropped_updates) == 1


@pytest.mark.asyncio
async def test_application_polling_receives_start_and_replies(fake_telegram: FakeTelegram) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(
            "<b>Welcome</b>, choose:", parse_mode="HTML", reply_markup=KEYBOARD
        )

    async def vote(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("Noted")
        await query.edit_message_text(f"You voted {query.data}")

    app = (
        ApplicationBuilder()
        .token(fake_telegram.token)
        .base_url(fake_telegram.base_url)
        .base_file_url(fake_telegram.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(vote))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0)
        try:
            fake_telegram.send_text(CHAT, 7, "/start", first_name="Ayşe")
            reply = await fake_telegram.wait_for_message(CHAT, timeout=5)
            assert reply["text"] == "Welcome, choose:"
            pressed = fake_telegram.press_button(CHAT, 7, reply["message_id"], button_text="Yes")
            answer = await fake_telegram.wait_for_callback_answer(pressed)
            assert answer["text"] == "Noted"
            edit = await fake_telegram.wait_for_call("editMessageText")
            assert edit.ok and edit.result["text"] == "You voted vote:yes"
            assert fake_telegram.messages(CHAT)[-1]["text"] == "You voted vote:yes"
            assert "reply_markup" not in fake_telegram.messages(CHAT)[-1]  # edit without markup drops it
        finally:
            await app.updater.stop()
            await app.stop()
    assert fake_telegram.bot_faults() == []
    assert fake_telegram.unknown_params == []


@pytest.mark.asyncio
async def test_send_document_upload_is_retrievable(fake_telegram: FakeTelegram, fake_bot: telegram.Bot) -> None:
    ics = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    message = await fake_bot.send_document(CHAT, ics, filename="round-3.ics", caption="<b>Calendar</b>",
                                           parse_mode="HTML")
    assert message.document is not None and message.document.file_name == "round-3.ics"
    assert message.caption == "Calendar"
    [document] = fake_telegram.sent_documents(CHAT)
    assert document.data == ics and document.file_name == "round-3.ics" and document.mime_type == "text/calendar"
    assert fake_telegram.calls_to("sendDocument")[-1].content_type == "multipart/form-data"
    file = await fake_bot.get_file(message.document.file_id)
    assert bytes(await file.download_as_bytearray()) == ics
    resent = await fake_bot.send_document(CHAT, message.document.file_id)  # by file_id
    assert resent.document is not None and resent.document.file_id == message.document.file_id


@pytest.mark.asyncio
async def test_set_my_commands_validation_and_scopes(fake_bot: telegram.Bot) -> None:
    await fake_bot.set_my_commands([("start", "Start"), ("timeline", "Show the timeline")])
    await fake_bot.set_my_commands([("start", "Başla")], language_code="tr")
    await fake_bot.set_my_commands(
        [("admin", "Admin tools")], scope=telegram.BotCommandScopeChat(chat_id=CHAT)
    )
    assert [c.command for c in await fake_bot.get_my_commands()] == ["start", "timeline"]
    assert [c.description for c in await fake_bot.get_my_commands(language_code="tr")] == ["Başla"]
    scoped = await fake_bot.get_my_commands(scope=telegram.BotCommandScopeChat(chat_id=CHAT))
    assert [c.command for c in scoped] == ["admin"]
    await fake_bot.delete_my_commands(language_code="tr")
    assert await fake_bot.get_my_commands(language_code="tr") == ()
    for bad, match in [
        ([("Start", "upper case")], "BOT_COMMAND_INVALID"),
        ([("x" * 33, "too long")], "BOT_COMMAND_INVALID"),
        ([("ok", "")], "BOT_COMMAND_DESCRIPTION_INVALID"),
        ([("ok", "d" * 257)], "BOT_COMMAND_DESCRIPTION_INVALID"),
        ([(f"c{i}", "d") for i in range(101)], "BOT_COMMANDS_TOO_MUCH"),
    ]:
        with pytest.raises(BadRequest, match=f"(?i){match}"):
            await fake_bot.set_my_commands(bad)


@pytest.mark.asyncio
async def test_edit_delete_and_query_answers(fake_telegram: FakeTelegram, fake_bot: telegram.Bot) -> None:
    sent = await fake_bot.send_message(CHAT, "draft", reply_markup=KEYBOARD)
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await fake_bot.edit_message_text("draft", CHAT, sent.message_id, reply_markup=KEYBOARD)
    edited = await fake_bot.edit_message_text("final", CHAT, sent.message_id, reply_markup=KEYBOARD)
    assert isinstance(edited, telegram.Message) and edited.edit_date is not None
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await fake_bot.edit_message_reply_markup(CHAT, sent.message_id, reply_markup=KEYBOARD)
    with pytest.raises(BadRequest, match="(?i)message to edit not found"):
        await fake_bot.edit_message_text("x", CHAT, 999)
    pressed = fake_telegram.press_button(CHAT, CHAT, sent.message_id, "vote:yes")
    query_id = pressed["callback_query"]["id"]
    assert pressed["callback_query"]["message"]["text"] == "final"
    assert await fake_bot.answer_callback_query(query_id, text="ok")
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await fake_bot.answer_callback_query(query_id)
    with pytest.raises(LookupError):
        fake_telegram.press_button(CHAT, CHAT, sent.message_id, "no-such-button")
    assert await fake_bot.delete_message(CHAT, sent.message_id)
    with pytest.raises(BadRequest, match="(?i)message to delete not found"):
        await fake_bot.delete_message(CHAT, sent.message_id)
    assert fake_telegram.messages(CHAT) == []


@pytest.mark.asyncio
async def test_answer_inline_query_validation(fake_telegram: FakeTelegram, fake_bot: telegram.Bot) -> None:
    def article(result_id: str) -> telegram.InlineQueryResultArticle:
        return telegram.InlineQueryResultArticle(
            result_id, "Title", telegram.InputTextMessageContent("<b>t</b>", parse_mode="HTML")
        )

    update = fake_telegram.inline_query(CHAT, "round")
    query_id = update["inline_query"]["id"]
    with pytest.raises(BadRequest, match="(?i)RESULT_ID_DUPLICATE"):
        await fake_bot.answer_inline_query(query_id, [article("1"), article("1")])
    with pytest.raises(BadRequest, match="(?i)RESULT_ID_INVALID"):
        await fake_bot.answer_inline_query(query_id, [article("x" * 65)])
    with pytest.raises(BadRequest, match="(?i)too many inline query results"):
        await fake_bot.answer_inline_query(query_id, [article(str(i)) for i in range(51)])
    assert await fake_bot.answer_inline_query(query_id, [article("1"), article("2")])
    assert [r["id"] for r in fake_telegram.inline_answer(update)["results"]] == ["1", "2"]
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await fake_bot.answer_inline_query(query_id, [article("1")])


@pytest.mark.asyncio
async def test_rate_limits(fake_telegram: FakeTelegram, fake_bot: telegram.Bot) -> None:
    fake_telegram.set_rate_limits(RateLimits(private_per_second=1, private_burst=2, global_per_second=3,
                                             global_burst=3, paid_global_per_second=1000, paid_global_burst=1000))
    await fake_bot.send_message(1, "a")
    await fake_bot.send_message(1, "b")
    with pytest.raises(RetryAfter):
        await fake_bot.send_message(1, "c")  # private chat burst exhausted
    await fake_bot.send_message(2, "d")  # global budget: third token
    with pytest.raises(RetryAfter):
        await fake_bot.send_message(3, "e")  # global budget exhausted
    await fake_bot.send_message(3, "paid", allow_paid_broadcast=True)
    assert fake_telegram.rate_limited_count == 2
    fake_telegram.set_rate_limits(RateLimits(group_per_second=20 / 60, group_burst=2))
    group = -100777
    for text in ("g1", "g2"):
        await fake_bot.send_message(group, text)
    with pytest.raises(RetryAfter):
        await fake_bot.send_message(group, "g3")  # the next token is 3 s away
    assert fake_telegram.calls[-1].response["parameters"] == {"retry_after": 3}
    fake_telegram.set_rate_limits(None)
    await fake_bot.send_message(group, "limits off")
    assert fake_telegram.rate_limited_count == 3 and fake_telegram.sent_429_count == 3
    assert fake_telegram.bot_faults() == [] and all(r.rate_limited for r in fake_telegram.rejections)
    await fake_bot.send_chat_action(1, "typing")  # not a message: not limited


# ------------------------------------------------------------------ raw HTTP
@pytest.mark.asyncio
async def test_http_protocol_details(fake_telegram: FakeTelegram) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.get(api(fake_telegram, "getMe"))
        assert response.status_code == 200 and response.json()["result"]["username"] == "ankara_talks_bot"

        response = await http.post(api(fake_telegram, "noSuchMethod"))
        assert response.status_code == 404
        assert response.json() == {"ok": False, "error_code": 404, "description": "Not Found"}

        response = await http.post(api(fake_telegram, "getMe", token="1:bad"))
        assert response.status_code == 401 and response.json()["description"] == "Unauthorized"

        # Query string, JSON body with a nested object, and case-insensitive method names.
        response = await http.get(api(fake_telegram, "sendmessage"), params={"chat_id": CHAT, "text": "q"})
        assert response.json()["result"]["text"] == "q"
        markup = {"inline_keyboard": [[{"text": "a", "callback_data": "b"}]]}
        response = await http.post(api(fake_telegram, "sendMessage"),
                                   json={"chat_id": CHAT, "text": "j", "reply_markup": markup})
        assert response.json()["result"]["reply_markup"] == markup

        response = await http.post(api(fake_telegram, "sendMessage"), data={"text": "no chat"})
        assert (response.status_code, response.json()["description"]) == (400, "Bad Request: chat_id is empty")
        response = await http.post(api(fake_telegram, "sendMessage"), data={"chat_id": CHAT})
        assert response.json()["description"] == "Bad Request: message text is empty"
        response = await http.post(api(fake_telegram, "setMyCommands"), data={})
        assert response.json()["description"] == 'Bad Request: parameter "commands" is required'
        response = await http.post(api(fake_telegram, "getUpdates"), data={"limit": "many"})
        assert response.status_code == 400

        response = await http.post(api(fake_telegram, "sendMessage"),
                                   data={"chat_id": CHAT, "text": "t", "disable_web_page_preview": "true"})
        assert response.status_code == 200  # unknown (removed) parameters are ignored ...
    assert ("sendMessage", "disable_web_page_preview") in fake_telegram.unknown_params  # ... but recorded


@pytest.mark.asyncio
async def test_concurrent_get_updates_conflict(fake_telegram: FakeTelegram) -> None:
    async with httpx.AsyncClient(timeout=10) as http:
        first = asyncio.create_task(http.post(api(fake_telegram, "getUpdates"), data={"timeout": "5"}))
        await fake_telegram.wait_for_long_poll()
        second = asyncio.create_task(http.post(api(fake_telegram, "getUpdates"), data={"timeout": "5"}))
        conflict = await asyncio.wait_for(first, 5)
        assert conflict.status_code == 409 and "terminated by other getUpdates" in conflict.json()["description"]
        await fake_telegram.wait_for_long_poll()
        fake_telegram.send_text(CHAT, CHAT, "hello")
        delivered = await asyncio.wait_for(second, 5)
        assert delivered.json()["result"][0]["message"]["text"] == "hello"


@pytest.mark.asyncio
async def test_bot_in_a_separate_process(fake_telegram: FakeTelegram) -> None:
    """The server on the test's loop serves a bot running as another process."""
    script = textwrap.dedent(
        """
        import asyncio, sys, telegram

        async def main():
            async with telegram.Bot(sys.argv[1], base_url=sys.argv[2]) as bot:
                updates = await bot.get_updates(timeout=10)
                for update in updates:
                    await bot.send_message(update.message.chat_id, "echo: " + update.message.text)
                await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)

        asyncio.run(main())
        """
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", script, fake_telegram.token, fake_telegram.base_url
    )
    try:
        await fake_telegram.wait_for_long_poll(timeout=15)
        fake_telegram.send_text(CHAT, CHAT, "ping")
        reply = await fake_telegram.wait_for_message(CHAT, timeout=10)
        assert reply["text"] == "echo: ping"
        await fake_telegram.wait_until_delivered()
        assert await asyncio.wait_for(process.wait(), 10) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


def test_threaded_server_from_synchronous_code() -> None:
    with ThreadedFakeTelegram(bot_username="other_bot") as tg:
        with httpx.Client(timeout=5) as http:
            me = http.get(f"{tg.base_url}{tg.token}/getMe").json()["result"]
            assert me["username"] == "other_bot"
            http.post(f"{tg.base_url}{tg.token}/sendMessage", data={"chat_id": 5, "text": "hi"})
            assert tg.wait_for_message(5, timeout=2)["text"] == "hi"
            update = tg.send_text(5, 5, "/help")
            result = http.post(f"{tg.base_url}{tg.token}/getUpdates", data={"timeout": 5}).json()["result"]
            assert result[0]["update_id"] == update["update_id"]
        assert [c.method for c in tg.calls] == ["getMe", "sendMessage", "getUpdates"]


@pytest.mark.asyncio
async def test_wait_for_message_times_out_with_a_report(fake_telegram: FakeTelegram) -> None:
    with pytest.raises(TimeoutError, match="no bot message to chat 1"):
        await fake_telegram.wait_for_message(1, timeout=0.05)


@pytest.mark.asyncio
async def test_user_side_builders(fake_telegram: FakeTelegram, fake_bot: telegram.Bot) -> None:
    group = -1001234567890
    update = fake_telegram.send_text(group, 7, "/timeline@ankara_talks_bot", chat_title="Talks", username="ayse")
    chat = update["message"]["chat"]
    assert chat == {"id": group, "type": "supergroup", "title": "Talks", "is_forum": False}
    assert update["message"]["from"]["username"] == "ayse"
    upload = fake_telegram.send_document(7, 7, "minutes.txt", b"minutes", mime_type="text/plain", caption="#round3")
    photo = fake_telegram.send_photo(7, 7, caption="look")
    voice = fake_telegram.send_voice(7, 7)
    sticker = fake_telegram.send_sticker(7, 7, emoji="🤝")
    reply = fake_telegram.send_text(7, 7, "see above", reply_to_message_id=upload["message"]["message_id"])
    updates = await fake_bot.get_updates(timeout=0)
    parsed = {u.update_id: u for u in updates}
    assert parsed[update["update_id"]].message.chat.title == "Talks"
    document = parsed[upload["update_id"]].message.document
    assert document is not None and document.file_name == "minutes.txt"
    file = await fake_bot.get_file(document.file_id)
    assert bytes(await file.download_as_bytearray()) == b"minutes"
    assert parsed[upload["update_id"]].message.caption_entities[0].type == "hashtag"
    assert parsed[photo["update_id"]].message.photo and parsed[voice["update_id"]].message.voice
    assert parsed[sticker["update_id"]].message.sticker.emoji == "🤝"
    assert parsed[reply["update_id"]].message.reply_to_message.document is not None
    # The user blocks the bot: a my_chat_member update, then 403 like Telegram.
    blocked = fake_telegram.block_bot(7)
    assert blocked["my_chat_member"]["new_chat_member"]["status"] == "kicked"
    with pytest.raises(Forbidden):
        await fake_bot.send_message(7, "still there?")
    raw = fake_telegram.add_raw_update({"poll_answer": {"poll_id": "1", "option_ids": [0],
                                                        "user": {"id": 7, "is_bot": False, "first_name": "A"}}})
    assert raw["update_id"] == blocked["update_id"] + 1


@pytest.mark.asyncio
async def test_control_api_drives_the_server_over_http() -> None:
    async with FakeTelegram(control_api=True) as server, httpx.AsyncClient() as http:
        control = f"{server.url}/_fake"
        sent = (await http.post(f"{control}/send_text", json={"chat_id": 9, "user_id": 9, "text": "/start"})).json()
        assert sent["result"]["message"]["entities"][0]["type"] == "bot_command"
        await http.post(api(server, "sendMessage"), data={"chat_id": 9, "text": "welcome"})
        waited = (await http.post(f"{control}/wait_for_message", json={"chat_id": 9, "contains": "wel"})).json()
        assert waited["result"]["text"] == "welcome"
        assert (await http.get(f"{control}/rejections")).json()["result"] == []


def test_spec_is_found_next_to_the_repository_or_reported() -> None:
    server = FakeTelegram()  # default lookup: <repo>/../shared/telegram-bot-api/api.json
    assert server.spec.method("SENDMESSAGE") is not None and server.spec.version.startswith("Bot API")
    with pytest.raises(FileNotFoundError, match="FAKE_TELEGRAM_API_SPEC"):
        FakeTelegram(spec_path="/nonexistent/api.json")


@pytest.mark.asyncio
async def test_threaded_server_awaited_from_another_loop() -> None:
    with ThreadedFakeTelegram() as tg:
        async with httpx.AsyncClient(timeout=5) as http:
            waiter = asyncio.create_task(tg.aio.wait_for_message(8, "agenda", timeout=5))
            await http.post(f"{tg.base_url}{tg.token}/sendMessage", data={"chat_id": 8, "text": "agenda: round 4"})
            assert (await waiter)["text"] == "agenda: round 4"
