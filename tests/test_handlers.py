"""The Telegram layer in process: rendering (HTML validity, escaping, splitting, callback data), the
retry policy, and handlers driven through the real Application against the fake Bot API server where
that is simpler than a subprocess (a clock reading, a forced long answer, a failing engine)."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

import pytest
import pytest_asyncio
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application

from bot import clock
from bot.answering import Answer, Block, Match
from bot.app import build_application
from bot.config import Settings
from bot.handlers import common
from bot.handlers.questions import AnswerCache
from bot.overview import next_key_date
from bot.render import (
    MAX_MESSAGE,
    Callback,
    _utf16_len,
    answer_html,
    answer_keyboard,
    button_label,
    event_card,
    event_card_keyboard,
    negotiations_keyboard,
    points_html,
    points_keyboard,
    settings_keyboard,
    sources_html,
    split_message,
    start_keyboard,
    timeline_page,
)
from bot.runtime import bundled_snapshot
from bot.snapshot import EventView, NegotiationView, SourceRef, TimelineSnapshot, When

try:
    from tests.bot_harness import TOKEN
    from tests.fake_telegram import FakeTelegram
    from tests.fake_telegram.html_check import parse_html
except ImportError:  # pragma: no cover
    from bot_harness import TOKEN  # type: ignore[no-redef]
    from fake_telegram import FakeTelegram  # type: ignore[no-redef]
    from fake_telegram.html_check import parse_html  # type: ignore[no-redef]

NOW = datetime(2020, 3, 13, 9, 0, tzinfo=timezone.utc)  # a Friday, two days before the patrols


def visible(html_text: str) -> str:
    return parse_html(html_text).text


def all_buttons(markup: Any) -> list[Any]:
    return [b for row in (markup.inline_keyboard if markup else ()) for b in row]


@pytest.fixture(scope="module")
def snapshot() -> TimelineSnapshot:
    return asyncio.run(bundled_snapshot())


# ----------------------------------------------------------------------------------- split_message
def test_short_text_is_one_part() -> None:
    assert split_message("<b>hi</b>") == ["<b>hi</b>"]


def test_long_text_is_cut_at_line_boundaries() -> None:
    lines = [f"<b>{i:04d}</b> — an event &amp; its date" for i in range(500)]
    parts = split_message("\n".join(lines))
    assert len(parts) > 1
    assert all(_utf16_len(p) <= MAX_MESSAGE for p in parts)
    assert [line for p in parts for line in p.split("\n")] == lines  # nothing lost, no line cut


def test_a_long_quote_stays_valid_html_in_every_part() -> None:
    quote = "<i>“" + " ".join(f"word{i} &amp; more" for i in range(1500)) + "”</i>"
    parts = split_message(f"<b>Title</b>\n{quote}\n📰 source")
    assert len(parts) >= 3
    for part in parts:
        assert _utf16_len(part) <= MAX_MESSAGE
        parse_html(part)  # raises like Telegram on a tag left open or an entity cut in two
    assert parts[1].startswith("<i>") and parts[1].endswith("</i>")
    assert "".join(visible(p) for p in parts).count("&") == 1500


def test_emoji_count_double_and_a_link_is_never_cut_inside_its_tag() -> None:
    parts = split_message("😀" * 5000)
    assert [_utf16_len(p) for p in parts] == [4096, 4096, 1808]
    link = '<a href="https://example.org/?a=1&amp;b=2">' + "x" * 5000 + "</a>"
    for part in split_message(link):
        assert part.startswith('<a href="https://example.org/?a=1&amp;b=2">') and part.endswith("</a>")


@pytest.mark.parametrize("seed", range(20))
def test_split_message_fuzz(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["a", "word", "&lt;", "😀😀", "\n", "<b>bold words</b>", "<i>x y z</i>", "ü" * rng.randint(1, 40),
              "\n\n", "שלום", '<a href="https://e.org/x">a link</a>', "<code>x = 1</code>"]
    text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 1500)))
    limit = rng.choice([64, 200, 1000, 4096])
    parts = split_message(text, limit)
    for part in parts:
        assert _utf16_len(part) <= limit
        parse_html(part)
        assert visible(part).strip()
    words = lambda s: visible(s).split()  # noqa: E731
    assert sum(len(words(p)) for p in parts) >= len(words(text)) - len(parts)


# ------------------------------------------------------------------------ callback data and labels
def test_callback_data_is_limited_to_64_bytes() -> None:
    assert Callback("ev", ("12",)).encode() == "ev:12"
    assert Callback.decode("tl:1:e:16") == Callback("tl", ("1", "e", "16"))
    with pytest.raises(ValueError):
        Callback("x", ("я" * 40,)).encode()


def test_every_keyboard_of_the_bundled_timeline_fits(snapshot: TimelineSnapshot) -> None:
    negotiation = snapshot.negotiations[0]
    events = snapshot.events_of(negotiation.id)
    markups = [start_keyboard(lang, negotiation.id) for lang in ("en", "tr", "ru")]
    markups += [settings_keyboard(lang) for lang in ("en", "tr", "ru")]
    markups.append(negotiations_keyboard(snapshot.negotiations, negotiation.id))
    for lang in ("en", "tr", "ru"):
        for offset in range(0, len(events), 6):
            markups.append(timeline_page(negotiation, events, offset, NOW, lang, "Europe/Istanbul")[1])
        markups.append(points_keyboard(snapshot.points_of(negotiation.id), lang))
        markups.extend(event_card_keyboard(e, lang) for e in events)
    buttons = [b for m in markups for b in all_buttons(m)]
    assert len(buttons) > 100
    for b in buttons:
        assert 1 <= len(b.callback_data.encode()) <= 64
        assert len(b.text) <= 64


def test_button_labels_are_cut_at_a_word_with_an_ellipsis() -> None:
    assert button_label("short") == "short"
    cut = button_label("4. Russia accuses Turkey of violating international law and plays down talk")
    assert cut.endswith("…") and len(cut) <= 60 and not cut.endswith(" …")


# ------------------------------------------------------------------------------ rendering and escaping
def hostile_event() -> tuple[NegotiationView, EventView]:
    negotiation = NegotiationView(id=9, key="x", title="Talks <b>&amp; “quotes”")
    event = EventView(
        id=99, key="e", negotiation_id=9, kind="talks", title="<script>alert('x')</script> & co",
        when=When(datetime(2020, 3, 15, tzinfo=timezone.utc), "day", "Europe/Istanbul"), status="scheduled",
        details="Line one\nline two <i>not italic</i> &", place="Idlib <M4>",
        sources=(SourceRef("Pub <lisher>", "A & B", "https://e.org/?a=1&b=<2>", None, "someone", "“quote” <&>"),),
    )
    return negotiation, event


def test_user_and_data_strings_are_escaped_everywhere() -> None:
    negotiation, event = hostile_event()
    card = event_card(event, negotiation, NOW, "en", "UTC")
    shown = visible(card)  # valid Telegram HTML...
    assert "<script>alert('x')</script> & co" in shown  # ...showing the raw text, not markup
    assert "Idlib <M4>" in shown and "“quote” <&>" in shown and "Talks <b>&amp; “quotes”" in shown
    page, _ = timeline_page(negotiation, [event], 0, NOW, "en", "UTC")
    assert "<script>alert('x')</script> & co" in visible(page)
    assert "Pub <lisher>" in visible(sources_html(event.sources, event.title, "en"))


def test_answer_html_escapes_blocks_and_links() -> None:
    answer = Answer(
        answered=True, language="en", intent="when",
        blocks=(Block("headline", "<b>x</b> & y"), Block("quote", "“<i>”"),
                Block("source", "Pub & co", "https://e.org/?a=1&b=2\"><script>"), Block("suggestions", "a <&> b")),
        matches=(Match("event", 5, "t", "2020-03-15", "scheduled", "Pub", 1.0, 1),),
    )
    text = answer_html(answer)
    shown = visible(text)
    assert "<b>x</b> & y" in shown and "a <&> b" in shown
    keyboard = answer_keyboard(answer, "en", 1)
    assert [b.callback_data for b in all_buttons(keyboard)] == ["src:e:5", "tl:1:0"]


def test_points_show_status_and_when_it_last_changed(snapshot: TimelineSnapshot) -> None:
    negotiation = snapshot.negotiations[0]
    text = points_html(snapshot.points_of(negotiation.id), negotiation, NOW, "tr", "Europe/Istanbul")
    shown = visible(text)
    assert "yürürlükte" in shown and "büyük ölçüde uzlaşıldı" in shown and "12 Mart 2020" in shown


# ----------------------------------------------------------------------------------- retry policy
@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr(common.asyncio, "sleep", fake_sleep)
    return waited


def failing(*errors: Exception) -> Any:
    queue = list(errors)
    calls: list[int] = []

    async def call(*args: Any, **kwargs: Any) -> str:
        calls.append(1)
        if queue:
            raise queue.pop(0)
        return "sent"

    call.calls = calls  # type: ignore[attr-defined]
    return call


async def test_timeouts_and_server_errors_are_retried_with_backoff(sleeps: list[float]) -> None:
    call = failing(TimedOut(), NetworkError("Bad Gateway"))
    assert await common.with_retries(call) == "sent"
    assert len(call.calls) == 3 and sleeps == [0.5, 1.0]


async def test_429_waits_as_long_as_telegram_asks(sleeps: list[float]) -> None:
    from datetime import timedelta

    call = failing(RetryAfter(timedelta(seconds=7)))
    assert await common.with_retries(call) == "sent"
    assert sleeps == [7.0]


async def test_400_and_403_are_not_retried(sleeps: list[float]) -> None:
    for error in (BadRequest("Message is too long"), Forbidden("bot was blocked by the user")):
        call = failing(error)
        with pytest.raises(type(error)):
            await common.with_retries(call)
        assert len(call.calls) == 1
    assert sleeps == []


async def test_retries_give_up_after_three_attempts(sleeps: list[float]) -> None:
    call = failing(TimedOut(), TimedOut(), TimedOut(), TimedOut())
    with pytest.raises(TimedOut):
        await common.with_retries(call)
    assert len(call.calls) == 3


# ------------------------------------------------------------------------------------ answer cache
def test_answer_cache_reuses_answers_within_the_minute_and_forgets_on_reload(snapshot: TimelineSnapshot) -> None:
    calls: list[str] = []

    class Timeline:
        def __init__(self) -> None:
            self.snapshot = snapshot

        def answer(self, text: str, **kwargs: Any) -> str:
            calls.append(text)
            return f"answer {len(calls)}"

    class Services:
        timeline = Timeline()

    cache = AnswerCache(max_entries=2)
    services = Services()
    first = cache.answer(services, "q", NOW, "UTC", 1)  # type: ignore[arg-type]
    assert cache.answer(services, "q", NOW.replace(second=30), "UTC", 1) == first  # type: ignore[arg-type]
    assert cache.answer(services, "q", NOW, "Europe/Istanbul", 1) != first  # type: ignore[arg-type]
    assert cache.answer(services, "q", NOW.replace(minute=1), "UTC", 1) != first  # type: ignore[arg-type]
    services.timeline.snapshot = replace(snapshot)  # an admin edit reloads the timeline
    cache.answer(services, "q", NOW, "UTC", 1)  # type: ignore[arg-type]
    assert len(calls) == 4


# ------------------------------------------------------------------------- the application in process
class InProcessBot:
    def __init__(self, tg: FakeTelegram, app: Application) -> None:
        self.tg, self.app = tg, app

    @property
    def services(self) -> Any:
        return self.app.bot_data["services"]

    async def say(self, chat: int, text: str, **fields: Any) -> dict[str, Any]:
        mark = self.tg.mark()
        self.tg.send_text(chat, chat, text, **fields)
        return await self.tg.wait_for_message(chat, timeout=10, after=mark)


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def inproc(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[InProcessBot]:
    tmp = tmp_path_factory.mktemp("inproc")
    async with FakeTelegram(token=TOKEN) as tg:
        settings = Settings(
            _env_file=None, telegram_bot_token=TOKEN, telegram_base_url=tg.base_url,
            database_url=f"sqlite+aiosqlite:///{tmp / 'bot.sqlite3'}",
        )
        app = build_application(settings)
        await app.initialize()
        assert app.post_init is not None
        await app.post_init(app)
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(allowed_updates=["message", "callback_query", "inline_query"])
        try:
            yield InProcessBot(tg, app)
        finally:
            await app.updater.stop()
            await app.stop()
            if app.post_shutdown is not None:
                await app.post_shutdown(app)
            await app.shutdown()
            assert tg.bot_faults() == []


@pytest.mark.asyncio(loop_scope="module")
async def test_next_says_how_long_until_the_key_date(inproc: InProcessBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: NOW)
    reply = await inproc.say(501, "/next")
    assert "Next key date" in reply["text"]
    assert "Sunday, 15 March 2020" in reply["text"] and "in 2 days" in reply["text"]
    result = next_key_date(inproc.services.timeline.snapshot, None, NOW)
    assert result.upcoming and result.event is not None


@pytest.mark.asyncio(loop_scope="module")
async def test_a_reply_over_4096_characters_is_split(inproc: InProcessBot, monkeypatch: pytest.MonkeyPatch) -> None:
    long_blocks = tuple(Block("detail", f"Paragraph {i}: " + "the corridor runs 6 km either side " * 8)
                        for i in range(40))
    answer = Answer(True, "en", "what", (Block("headline", "A long answer"), *long_blocks,
                                         Block("source", "Al Jazeera (with Reuters), 12 March 2020")),
                    (Match("event", 16, "Patrols", "2020-03-15", "scheduled", "Al Jazeera", 1.0, 1),))
    monkeypatch.setattr(inproc.services.timeline, "answer", lambda *a, **k: answer)
    mark = inproc.tg.mark()
    inproc.tg.send_text(502, 502, "tell me everything about the corridor")
    expected = split_message(answer_html(answer))
    assert len(expected) >= 3
    parts = [await inproc.tg.wait_for_message(502, timeout=10, after=mark) for _ in expected]
    assert all(len(p["text"]) <= 4096 for p in parts)
    assert parts[0]["text"].startswith("A long answer") and "Al Jazeera" in parts[-1]["text"]
    assert [("reply_markup" in p) for p in parts] == [False] * (len(parts) - 1) + [True]  # buttons: last part
    calls = [c for c in inproc.tg.calls_to("sendMessage") if str(c.params.get("chat_id")) == "502"]
    assert len(calls) == len(expected) and all(c.ok for c in calls)


@pytest.mark.asyncio(loop_scope="module")
async def test_an_engine_failure_apologises_and_the_bot_keeps_going(
    inproc: InProcessBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = inproc.services.timeline.answer

    def broken(*args: Any, **kwargs: Any) -> Answer:
        raise RuntimeError("index corrupted")

    monkeypatch.setattr(inproc.services.timeline, "answer", broken)
    apology = await inproc.say(503, "will this break?")
    assert "something went wrong" in apology["text"]
    assert any("update" in r.getMessage() and "chat=503 failed" in r.getMessage() for r in caplog.records)
    monkeypatch.setattr(inproc.services.timeline, "answer", real)
    reply = await inproc.say(503, "When do the joint patrols begin?")
    assert "15 March 2020" in reply["text"]


@pytest.mark.asyncio(loop_scope="module")
async def test_inline_results_fit_telegram_limits(inproc: InProcessBot) -> None:
    update = inproc.tg.inline_query(504, "corridor", language_code="ru")
    await inproc.tg.wait_for_call("answerInlineQuery", timeout=10)
    answer = inproc.tg.inline_answer(update)
    assert answer is not None and answer["results"]
    for result in answer["results"]:
        assert len(result["input_message_content"]["message_text"]) <= 4096
        assert len(result["title"]) <= 200
    assert "km" in answer["results"][0]["input_message_content"]["message_text"]


@pytest.mark.asyncio(loop_scope="module")
async def test_settings_are_read_from_memory_after_the_first_message(inproc: InProcessBot) -> None:
    reads: list[int] = []
    database = inproc.services.database
    real_session = database.session

    def counting_session(*args: Any, **kwargs: Any) -> Any:
        reads.append(1)
        return real_session(*args, **kwargs)

    database.session = counting_session  # type: ignore[method-assign]
    try:
        await inproc.say(505, "/help")
        first = len(reads)
        for _ in range(3):
            await inproc.say(505, "/help")
        assert len(reads) == first  # no database round trip per update
        await inproc.say(505, "/settings tz Moscow")  # a write goes to the database ...
        view = await inproc.tg.wait_for_message(505, timeout=10)
        assert "Europe/Moscow" in view["text"]  # ... and is seen at once
        reply = await inproc.say(505, "/settings")
        assert "Europe/Moscow" in reply["text"]
    finally:
        del database.session


@pytest.mark.asyncio(loop_scope="module")
async def test_a_network_failure_reaching_telegram_is_retried(inproc: InProcessBot) -> None:
    inproc.tg.fail_next("sendMessage", 502, chat_id=506)
    inproc.tg.fail_next("sendMessage", 503, chat_id=506)
    reply = await inproc.say(506, "/about")
    assert "Sources" in reply["text"]
    statuses = [c.status for c in inproc.tg.calls_to("sendMessage") if str(c.params.get("chat_id")) == "506"]
    assert statuses == [502, 503, 200]


def test_the_token_is_redacted_from_logs() -> None:
    import logging

    from bot.logging_setup import RedactTokenFilter

    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "GET %s failed", (f"https://api/bot{TOKEN}/getMe",), None)
    assert RedactTokenFilter(TOKEN).filter(record)
    assert TOKEN not in record.getMessage() and "<token>" in record.getMessage()
