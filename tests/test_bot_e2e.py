"""End to end: the real `python -m bot run` process against the fake Bot API server.

One bot process serves the whole module (module-scoped event loop and fixtures), with two
negotiations loaded (the bundled Ankara talks, plus a small one imported with `python -m bot import`
before start-up), so the /negotiations chooser has a choice to offer. Each test talks from chats of its
own, so the tests do not see each other's messages; every request the bot makes is validated by the
fake against the Bot API spec, and `bot_faults()` must stay empty throughout.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from icalendar import Calendar

from tests.bot_harness import (
    TOKEN,
    WAIT,
    BotProcess,
    bot_env,
    button_texts,
    buttons,
    eventually,
    faults,
    press,
    run_cli,
    running_bot,
    say,
    second_negotiation_yaml,
)
from tests.fake_telegram import FakeTelegram

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

BOT_USERNAME = "ankara_talks_bot"
IDLIB_TITLE = "Turkey–Russia talks on the Idlib ceasefire"


@dataclass
class World:
    tg: FakeTelegram
    bot: BotProcess
    db_path: Path
    tmp: Path


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    tmp = tmp_path_factory.mktemp("bot-e2e")
    db_path = tmp / "bot.sqlite3"
    async with FakeTelegram(token=TOKEN, bot_username=BOT_USERNAME) as tg:
        env = bot_env(tg.base_url, f"sqlite+aiosqlite:///{db_path}")
        bundle = tmp / "sochi-2018.yaml"
        bundle.write_text(second_negotiation_yaml(), encoding="utf-8")
        code, out, err = await run_cli(["import", str(bundle)], env, tmp)
        assert code == 0, out + err
        async with running_bot(tg, env, tmp) as bot:
            yield World(tg, bot, db_path, tmp)


@pytest.fixture
def tg(world: World) -> Iterator[FakeTelegram]:
    """The fake server; after each test, nothing the bot sent may have been rejected as its fault."""
    before = len(faults(world.tg))
    yield world.tg
    world.tg.clear_failures()
    assert faults(world.tg)[before:] == []
    assert world.tg.internal_errors == []


# ------------------------------------------------------------------------------------------ helpers








def label_with(message: dict[str, Any], fragment: str) -> str:
    found = [text for text in button_texts(message) if fragment in text]
    assert found, f"no button with {fragment!r}: {button_texts(message)}"
    return found[0]


def current(tg: FakeTelegram, chat: int, message_id: int) -> dict[str, Any]:
    stored = tg.state.find_message(chat, message_id)
    assert stored is not None
    return dict(stored.current)


async def follow_idlib(tg: FakeTelegram, chat: int, user: int | None = None) -> None:
    """Choose the Ankara talks for this chat with /negotiations (two negotiations are loaded)."""
    chooser = await say(tg, chat, "/negotiations", user=user)
    mark = tg.mark()
    await press(tg, chat, chooser, label_with(chooser, IDLIB_TITLE), user=user)
    confirmation = await tg.wait_for_message(chat, timeout=WAIT, after=mark)
    assert "now follows" in confirmation["text"]


def chat_row(db_path: Path, chat_id: int) -> dict[str, Any] | None:
    with sqlite3.connect(db_path) as connection:
        connection.row_factory = sqlite3.Row
        row = connection.execute("SELECT * FROM chatsettings WHERE chat_id = ?", (chat_id,)).fetchone()
    return dict(row) if row else None


# ------------------------------------------------------------------------------ start-up and /start
async def test_command_menu_is_set_in_three_languages(tg: FakeTelegram) -> None:
    menus = {lang: tg.commands(None, lang) for lang in ("", "tr", "ru")}
    expected = {"start", "help", "timeline", "next", "latest", "points", "calendar", "negotiations", "settings", "about"}
    for lang, commands in menus.items():
        assert expected <= {c["command"] for c in commands}, lang  # other features may add their own
        assert {c["command"] for c in commands} == {c["command"] for c in menus[""]}
    start = {lang: next(c["description"] for c in commands if c["command"] == "start") for lang, commands in menus.items()}
    assert start == {"": "What this bot does", "tr": "Bu bot ne yapar", "ru": "Что умеет бот"}


async def test_start_before_choosing_offers_the_negotiations(tg: FakeTelegram) -> None:
    reply = await say(tg, 1001, "/start")
    assert "2 negotiations" in reply["text"] and "/negotiations" in reply["text"]
    assert "When do the joint patrols begin?" in reply["text"]  # how to ask
    assert button_texts(reply) == ["🗓 Timeline", "⏭ Next key date", "📜 Agreement points", "🔔 Reminders", "❓ Help"]


async def test_negotiations_chooser_shows_both_and_remembers_the_choice(tg: FakeTelegram, world: World) -> None:
    chooser = await say(tg, 1002, "/negotiations")
    labels = button_texts(chooser)
    assert len(labels) == 2
    assert any(IDLIB_TITLE in label for label in labels) and any("Sochi" in label for label in labels)
    mark = tg.mark()
    await press(tg, 1002, chooser, label_with(chooser, "Sochi"))
    confirmation = await tg.wait_for_message(1002, timeout=WAIT, after=mark)
    assert "Sochi memorandum" in confirmation["text"]
    again = await say(tg, 1002, "/negotiations")
    assert any(label.startswith("✅") and "Sochi" in label for label in button_texts(again))
    timeline = await say(tg, 1002, "/timeline")
    assert "Sochi summit on Idlib" in timeline["text"]
    row = chat_row(world.db_path, 1002)
    assert row is not None and row["negotiation_id"] is not None


async def test_start_welcomes_with_five_buttons_that_work(tg: FakeTelegram) -> None:
    chat = 1003
    await follow_idlib(tg, chat)
    welcome = await say(tg, chat, "/start")
    assert "Idlib" in welcome["text"] and "Ask me" in welcome["text"]
    assert button_texts(welcome) == ["🗓 Timeline", "⏭ Next key date", "📜 Agreement points", "🔔 Reminders", "❓ Help"]

    expectations = {
        "🗓 Timeline": "events 1–6 of 16",
        "⏭ Next key date": "key date",
        "📜 Agreement points": "Agreement points",
        "🔔 Reminders": "You have no reminders",
        "❓ Help": "/timeline",
    }
    for label, needle in expectations.items():
        mark = tg.mark()
        update = await press(tg, chat, welcome, label)
        reply = await tg.wait_for_message(chat, timeout=WAIT, after=mark)
        assert needle in reply["text"], (label, reply["text"])
        assert tg.callback_answer(update) is not None


async def test_start_speaks_the_users_telegram_language(tg: FakeTelegram) -> None:
    await follow_idlib(tg, 1004, user=1004)
    reply = await say(tg, 1004, "/start", language_code="ru")
    assert "Я веду хронологию" in reply["text"]
    assert "🗓 Хронология" in button_texts(reply)
    reply = await say(tg, 1005, "/help", language_code="tr-TR")
    assert "Komutlar" in reply["text"]


async def test_help_lists_examples_and_every_command(tg: FakeTelegram) -> None:
    reply = await say(tg, 1006, "/help")
    for command in ("/timeline", "/next", "/latest", "/points", "/calendar", "/negotiations", "/settings", "/about"):
        assert command in reply["text"]
    assert "When do the joint patrols begin?" in reply["text"]


# ------------------------------------------------------------------------------------------ questions
async def test_question_is_answered_with_source_and_buttons(tg: FakeTelegram, world: World) -> None:
    chat = 1010
    await follow_idlib(tg, chat)
    reply = await say(tg, chat, "When do the joint patrols begin?")
    assert "15 March 2020" in reply["text"]
    assert "Al Jazeera" in reply["text"]  # every answer carries its source
    assert button_texts(reply) == ["📰 Source", "🗓 Timeline", "🔔 Remind me"]
    assert all(len(b["callback_data"].encode()) <= 64 for b in buttons(reply))

    mark = tg.mark()
    await press(tg, chat, reply, "📰 Source")
    source = await tg.wait_for_message(chat, timeout=WAIT, after=mark)
    assert "Al Jazeera (with Reuters)" in source["text"]
    assert "The joint patrols will start along the M4 on March 15" in source["text"]

    mark = tg.mark()
    await press(tg, chat, reply, "🗓 Timeline")
    page = await tg.wait_for_call("editMessageText", after=mark, timeout=WAIT)
    assert page.ok
    assert "events 1–6 of 16" in current(tg, chat, reply["message_id"])["text"]

    assert await world.bot.wait_for_log(f"chat={chat} answered=True")


async def test_question_in_turkish_and_russian(tg: FakeTelegram) -> None:
    chat = 1011
    await follow_idlib(tg, chat)
    turkish = await say(tg, chat, "Ortak devriyeler ne zaman başlıyor?")
    assert "15 Mart 2020" in turkish["text"]
    russian = await say(tg, chat, "Когда начнётся совместное патрулирование?")
    assert "15 марта 2020" in russian["text"]


@pytest.mark.parametrize(
    "text",
    [
        "<b>patrols</b> & <script>alert(1)</script> &amp; <&>",
        "🤔🇹🇷 patrols?? 🚙🚙",
        "متى تبدأ الدوريات المشتركة؟ שלום",
        "patrols " * 1250,  # 10,000 characters
        "\u200f\u202e reversed \u0000?",
    ],
    ids=["html-like", "emoji", "rtl", "10k-chars", "control-chars"],
)
async def test_odd_text_gets_a_normal_answer(tg: FakeTelegram, text: str) -> None:
    reply = await say(tg, 1020, text)
    assert reply["text"] and "went wrong" not in reply["text"]


async def test_unknown_command_lists_what_exists(tg: FakeTelegram) -> None:
    reply = await say(tg, 1021, "/frobnicate now")
    assert "/frobnicate" in reply["text"] and "/timeline" in reply["text"] and "/settings" in reply["text"]
    reply = await say(tg, 1021, "/<b>x</b>")  # not a command entity: a (strange) question
    assert "went wrong" not in reply["text"]


@pytest.mark.parametrize("kind", ["sticker", "photo", "voice"])
async def test_non_text_messages_get_a_friendly_line(tg: FakeTelegram, kind: str) -> None:
    chat = 1030
    mark = tg.mark()
    getattr(tg, f"send_{kind}")(chat, chat)
    reply = await tg.wait_for_message(chat, timeout=WAIT, after=mark)
    assert "I answer text questions" in reply["text"]


async def test_inline_query_offers_answers(tg: FakeTelegram) -> None:
    update = tg.inline_query(1040, "patrols")
    await tg.wait_for_call("answerInlineQuery", timeout=WAIT)
    answer = tg.inline_answer(update)
    assert answer is not None
    results = answer["results"]
    assert results and results[0]["type"] == "article"
    content = results[0]["input_message_content"]["message_text"]
    assert "patrol" in content.lower() and "15 March 2020" in content
    empty = tg.inline_query(1040, "   ")
    await tg.wait_for_call("answerInlineQuery", timeout=WAIT)
    assert tg.inline_answer(empty) is not None


# ------------------------------------------------------------------------------------------- browsing
async def test_timeline_pages_and_event_cards(tg: FakeTelegram) -> None:
    chat = 1050
    await follow_idlib(tg, chat)
    page = await say(tg, chat, "/timeline")
    text = page["text"]
    assert "events 1–6 of 16" in text
    assert text.index("The Syrian war begins") < text.index("Putin and Erdogan agree a ceasefire")  # date order
    labels = button_texts(page)
    assert labels[0].startswith("1. ") and labels[-1] == "Newer ▶"
    assert all(len(b["callback_data"].encode()) <= 64 for b in buttons(page))

    async def press_and_wait_edit(label: str) -> dict[str, Any]:
        mark = tg.mark()
        await press(tg, chat, current(tg, chat, page["message_id"]), label)
        call = await tg.wait_for_call("editMessageText", after=mark, timeout=WAIT)
        assert call.ok, call.response
        return current(tg, chat, page["message_id"])

    second = await press_and_wait_edit("Newer ▶")
    assert "events 7–12 of 16" in second["text"]
    assert button_texts(second)[-2:] == ["◀ Older", "Newer ▶"]
    third = await press_and_wait_edit("Newer ▶")
    assert "events 13–16 of 16" in third["text"]
    assert "Newer ▶" not in button_texts(third)
    back = await press_and_wait_edit("◀ Older")
    assert "events 7–12 of 16" in back["text"]

    patrols = await press_and_wait_edit("◀ Older")
    card = await press_and_wait_edit(button_texts(patrols)[5])  # event 6: the Moscow ceasefire
    assert "Putin and Erdogan agree a ceasefire" in card["text"]
    assert "happened" in card["text"] and "📰" in card["text"] and "Thursday, 5 March 2020" in card["text"]
    assert button_texts(card) == ["↩ Timeline", "🔔 Remind me"]
    returned = await press_and_wait_edit("↩ Timeline")
    assert "events 1–6 of 16" in returned["text"]


async def test_next_latest_points_about(tg: FakeTelegram) -> None:
    chat = 1051
    await follow_idlib(tg, chat)
    nxt = await say(tg, chat, "/next")
    assert "Joint Turkish–Russian patrols along the M4 highway start" in nxt["text"]
    assert "Sunday, 15 March 2020" in nxt["text"] and "years ago" in nxt["text"]  # how far, from now
    latest = await say(tg, chat, "/latest")
    assert "Latest updates" in latest["text"] and latest["text"].count("•") == 5
    points = await say(tg, chat, "/points")
    for title in ("Ceasefire along the line of contact", "Security corridor", "Joint Turkish–Russian patrols"):
        assert title in points["text"]
    assert "in effect" in points["text"] and "largely agreed" in points["text"]
    assert "since Thursday, 12 March 2020" in points["text"]
    mark = tg.mark()
    await press(tg, chat, points, label_with(points, "Security corridor"))
    source = await tg.wait_for_message(chat, timeout=WAIT, after=mark)
    assert "PA-X" in source["text"] or "Al Jazeera" in source["text"]
    about = await say(tg, chat, "/about")
    assert "Al Jazeera (with Reuters)" in about["text"] and "PA-X Peace Agreements Database" in about["text"]


async def test_browsing_without_a_chosen_negotiation_offers_the_choice(tg: FakeTelegram) -> None:
    reply = await say(tg, 1052, "/timeline")
    assert "Which negotiation" in reply["text"] and len(buttons(reply)) == 2


async def test_calendar_is_an_ics_with_all_day_key_dates(tg: FakeTelegram) -> None:
    chat = 1060
    await follow_idlib(tg, chat)
    mark = tg.mark()
    tg.send_text(chat, chat, "/calendar")
    message = await tg.wait_for_message(chat, timeout=WAIT, after=mark)
    assert "document" in message
    document = [d for d in tg.sent_documents(chat) if d.message_id == message["message_id"]][0]
    assert document.file_name and document.file_name.endswith(".ics")
    assert "DTSTART;VALUE=DATE:20200315" in document.text
    calendar = Calendar.from_ical(document.data)
    events = list(calendar.walk("VEVENT"))
    assert events
    patrols = [e for e in events if e.decoded("dtstart") == date(2020, 3, 15)]
    assert len(patrols) == 1
    event = patrols[0]
    assert type(event.decoded("dtstart")) is date  # all-day, not a datetime
    assert str(event["uid"]).startswith("idlib-ankara-2020.")
    assert int(event["sequence"]) >= 1
    assert len({str(e["uid"]) for e in events}) == len(events)


# ------------------------------------------------------------------------------------------- settings
async def test_settings_zone_language_and_lead_times(tg: FakeTelegram, world: World) -> None:
    chat = 1070
    await follow_idlib(tg, chat)
    shown = await say(tg, chat, "/settings")
    assert "Time zone: UTC" in shown["text"] and "Reminders: 1d, 1h" in shown["text"]
    assert set(button_texts(shown)) == {"✅ English", "Türkçe", "Русский"}

    saved = await say(tg, chat, "/settings tz Ankara")
    assert "Saved" in saved["text"]
    view = await tg.wait_for_message(chat, timeout=WAIT)
    assert "Europe/Istanbul" in view["text"]

    bad = await say(tg, chat, "/settings tz Atlantis <b>")
    assert "Atlantis &lt;b&gt;" in bad["text"] or "Atlantis <b>" in bad["text"]
    assert "don't know the time zone" in bad["text"]
    assert chat_row(world.db_path, chat)["timezone"] == "Europe/Istanbul"

    saved = await say(tg, chat, "/settings reminders 1h, 1d")
    view = await tg.wait_for_message(chat, timeout=WAIT)
    assert "Reminders: 1d, 1h" in view["text"]
    bad = await say(tg, chat, "/settings reminders soon")
    assert "soon" in bad["text"]

    mark = tg.mark()
    await press(tg, chat, view, "Türkçe")
    turkish = await tg.wait_for_message(chat, timeout=WAIT, after=mark)
    assert "Ayarlar" in turkish["text"] and "✅ Türkçe" in button_texts(turkish)
    helped = await say(tg, chat, "/help")
    assert "Komutlar" in helped["text"]
    nxt = await say(tg, chat, "/next")
    assert "15 Mart 2020" in nxt["text"]  # Turkish dates, in the chosen zone
    row = chat_row(world.db_path, chat)
    assert row["language"] == "tr" and row["lead_times"] == "1d,1h"


# ----------------------------------------------------------------------------------------------- groups
async def test_group_answers_only_what_is_addressed_to_it(tg: FakeTelegram) -> None:
    group, alice = -1001234567890, 2001
    chatter = tg.send_text(group, alice, "Anyone seen the news about the patrols?", chat_title="Newsroom")
    tg.send_text(group, alice, "/help@other_bot")
    tg.send_text(group, alice, "/timeline@other_bot")

    mentioned = await say(tg, group, f"@{BOT_USERNAME} when do the joint patrols begin?", user=alice)
    assert "15 March 2020" in mentioned["text"]
    assert mentioned["reply_to_message"]["message_id"] == chatter["message"]["message_id"] + 3

    replied = await say(tg, group, "and how wide is the corridor?", user=alice, reply_to_message_id=mentioned["message_id"])
    assert "6 km" in replied["text"] or "12 km" in replied["text"]

    helped = await say(tg, group, f"/help@{BOT_USERNAME}", user=alice)
    assert "/timeline" in helped["text"]
    bare = await say(tg, group, "/points", user=alice)  # two negotiations, none chosen in this group yet
    assert "Which negotiation" in bare["text"]
    tg.send_text(group, alice, "/frobnicate")  # a bare command we lack: another bot's, stay quiet
    unknown = await say(tg, group, f"/frobnicate@{BOT_USERNAME}", user=alice)
    assert "/timeline" in unknown["text"]

    await tg.wait_until_delivered(timeout=WAIT)
    await asyncio.sleep(0.3)  # anything the ignored messages might have caused would have arrived
    sent = [m.get("text", "") for m in tg.messages(group)]
    assert len(sent) == 5, sent


async def test_group_ignores_chatter_even_with_privacy_mode_off(tg: FakeTelegram) -> None:
    group = -1009999
    for n in range(3):
        tg.send_text(group, 3000 + n, f"just talking {n}, nothing for the bot", chat_title="Chatter")
    tg.send_text(group, 3000, "reply to a human", chat_title="Chatter")
    reply = await say(tg, group, f"/start@{BOT_USERNAME}", user=3000)
    assert "negotiations" in reply["text"]
    await asyncio.sleep(0.3)
    assert len(tg.messages(group)) == 1


# ------------------------------------------------------------------------------------------- callbacks
async def test_stale_or_malformed_buttons_are_answered(tg: FakeTelegram) -> None:
    chat = 1080
    await follow_idlib(tg, chat)
    page = await say(tg, chat, "/timeline")
    for data in ("ev:999999", "ev:notanumber", "tl:1:zz", "zz:old-version", "src:q:1", "neg:77777", "lang:xx"):
        update = tg.press_button(chat, chat, page["message_id"], data, strict=False)
        assert await tg.wait_for_callback_answer(update, timeout=WAIT) is not None
    gone = await tg.wait_for_message(chat, "no longer exists", timeout=WAIT)  # ev:999999
    assert "/timeline" in gone["text"]
    await asyncio.sleep(0.3)
    others = [m.get("text") for m in tg.messages(chat)[-8:] if m["message_id"] > page["message_id"]]
    # ev:999999 and neg:77777 say the entry is gone; the malformed ones are only answered and logged
    assert sorted(others) == sorted([gone["text"], "That negotiation no longer exists. Choose again with /negotiations."])
    reply = await say(tg, chat, "When do the joint patrols begin?")  # still answering
    assert "15 March 2020" in reply["text"]
    assert not [m for m in tg.messages(chat) if "went wrong" in (m.get("text") or "")]


# -------------------------------------------------------------------------------------- error handling
async def test_server_error_is_retried_and_the_reply_arrives(tg: FakeTelegram) -> None:
    chat = 1090
    tg.fail_next("sendMessage", 500, chat_id=chat)
    reply = await say(tg, chat, "/help")
    assert "/timeline" in reply["text"]
    statuses = [c.status for c in tg.calls_to("sendMessage") if str(c.params.get("chat_id")) == str(chat)]
    assert statuses == [500, 200]


async def test_flood_control_is_waited_out(tg: FakeTelegram) -> None:
    chat = 1091
    tg.fail_next("sendMessage", 429, retry_after=1, chat_id=chat)
    started = time.monotonic()
    reply = await say(tg, chat, "/help")
    assert "/timeline" in reply["text"]
    calls = [c for c in tg.calls_to("sendMessage") if str(c.params.get("chat_id")) == str(chat)]
    assert [c.status for c in calls] == [429, 200]
    assert calls[1].time - calls[0].time >= 0.95  # it waited retry_after before asking again
    assert time.monotonic() - started >= 0.95


async def test_bad_request_is_logged_and_the_bot_moves_on(tg: FakeTelegram, world: World) -> None:
    chat = 1095
    mark = tg.mark()
    tg.fail_next("sendMessage", 400, "Bad Request: can't parse entities", chat_id=chat)
    tg.send_text(chat, chat, "/help")
    call = await tg.wait_for_call("sendMessage", lambda c: str(c.params.get("chat_id")) == str(chat), after=mark,
                                  timeout=WAIT)
    assert call.status == 400
    line = await world.bot.wait_for_log(f"chat={chat}: Telegram refused a request")
    assert "WARNING" in line
    reply = await say(tg, chat, "/help")  # not retried, not apologised for; the next update is answered
    assert "/timeline" in reply["text"]
    assert [c.status for c in tg.calls_to("sendMessage") if str(c.params.get("chat_id")) == str(chat)] == [400, 200]


async def test_403_on_reply_marks_the_chat_inactive(tg: FakeTelegram, world: World) -> None:
    chat = 1092
    await say(tg, chat, "/help")
    assert (chat_row(world.db_path, chat) or {"active": True})["active"]
    mark = tg.mark()
    tg.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user", chat_id=chat)
    tg.send_text(chat, chat, "When do the joint patrols begin?")
    call = await tg.wait_for_call("sendMessage", lambda c: str(c.params.get("chat_id")) == str(chat), after=mark,
                                  timeout=WAIT)
    assert call.status == 403
    await world.bot.wait_for_log(f"chat={chat} blocked the bot")
    row = await eventually(lambda: (r := chat_row(world.db_path, chat)) is not None and not r["active"] and r)
    assert row, chat_row(world.db_path, chat)
    assert len([c for c in tg.calls_to("sendMessage") if str(c.params.get("chat_id")) == str(chat)]) == 2  # no retry

    reply = await say(tg, chat, "/help")  # they wrote again: the chat is active again
    assert "/timeline" in reply["text"]
    assert await eventually(lambda: chat_row(world.db_path, chat)["active"])


async def test_blocking_and_unblocking_the_bot_is_tracked(tg: FakeTelegram, world: World) -> None:
    chat = 1094
    await say(tg, chat, "/help")
    mark = tg.mark()
    tg.send_text(chat, chat, "When do the joint patrols begin?")
    tg.block_bot(chat)  # blocked before the bot could reply: a my_chat_member update, then 403s
    call = await tg.wait_for_call("sendMessage", lambda c: str(c.params.get("chat_id")) == str(chat), after=mark,
                                  timeout=WAIT)
    assert call.status == 403
    assert await eventually(lambda: not (chat_row(world.db_path, chat) or {"active": True})["active"])
    tg.unblock_bot(chat)
    assert await eventually(lambda: chat_row(world.db_path, chat)["active"])
    await world.bot.wait_for_log(f"chat={chat} bot membership kicked -> member")
    reply = await say(tg, chat, "/help")
    assert "/timeline" in reply["text"]


async def test_handler_exception_apologises_and_the_bot_keeps_answering(tg: FakeTelegram, world: World) -> None:
    chat = 1093
    await follow_idlib(tg, chat)
    tg.set_handler("sendDocument", lambda params: {"unexpected": 1})  # a malformed answer: the handler raises
    try:
        apology = await say(tg, chat, "/calendar")
    finally:
        tg.set_handler("sendDocument", None)
    assert "something went wrong" in apology["text"]
    line = await world.bot.wait_for_log(f"chat={chat} failed")
    assert "update " in line
    reply = await say(tg, chat, "When do the joint patrols begin?")
    assert "15 March 2020" in reply["text"]


# --------------------------------------------------------------------------------------------- logging
async def test_logs_one_line_per_event_with_the_chat(tg: FakeTelegram, world: World) -> None:
    await say(tg, 1100, "/about")
    line = await world.bot.wait_for_log("chat=1100")
    assert " INFO " in line
    assert not any("httpx" in line and "INFO" in line for line in world.bot.stderr)


async def test_an_edited_message_runs_no_command_and_asks_nothing_again(tg: FakeTelegram) -> None:
    chat = 1990
    user = {"id": chat, "is_bot": False, "first_name": "Editor"}
    for text in ("/start", "When do the joint patrols begin?"):
        tg.add_raw_update({
            "edited_message": {
                "message_id": 1, "date": 1584000000, "edit_date": 1584000060, "chat": {"id": chat, "type": "private"},
                "from": user, "text": text,
                "entities": [{"type": "bot_command", "offset": 0, "length": 6}] if text.startswith("/") else [],
            }
        })
    reply = await say(tg, chat, "/help")
    assert "/timeline" in reply["text"]  # the first reply in this chat is to /help: both edits were ignored
    assert [m["text"][:20] for m in tg.messages(chat)] == [reply["text"][:20]]


# ------------------------------------------------------------------------------- shutdown (runs last)
async def test_sigterm_shuts_down_cleanly_and_the_token_never_leaks(tg: FakeTelegram, world: World) -> None:
    code = await world.bot.stop()
    assert code == 0, world.bot.output[-3000:]
    assert "bot stopped" in world.bot.output
    secret = TOKEN.split(":", 1)[1]
    assert secret not in world.bot.output
    # the one traceback is the deliberate handler failure above
    assert world.bot.output.count("Traceback") <= 1, world.bot.output[-3000:]
    assert faults(tg) == []
    assert [r for r in tg.bot_faults() if r.error_code == 400] == []  # nothing refused as Bad Request
    assert tg.unknown_params == []

