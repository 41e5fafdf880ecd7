"""Admin commands end to end inside the process: a real PTB `Application` with the real handlers, a
fake `BaseRequest` that records every Bot API call, and updates fed through `process_update`."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time
from sqlalchemy import func, select
from telegram import Update
from telegram.ext import Application, ApplicationBuilder, Defaults
from telegram.request import BaseRequest, RequestData

from bot.config import Settings
from bot.handlers import register
from bot.runtime import open_database
from bot.services import Services
from bot.timeline_service import TimelineService
from storage.models import AdminUser, AuditEntry, Event, Source

TOKEN = "123456789:AAFakeTokenForAdminHandlerTests_01"
ADMIN = {"id": 100, "is_bot": False, "first_name": "Ayşe", "language_code": "en"}
SECOND_ADMIN = {"id": 200, "is_bot": False, "first_name": "Ivan", "language_code": "en"}
STRANGER = {"id": 999, "is_bot": False, "first_name": "Mallory", "language_code": "en"}
NOW = "2020-03-20 10:00:00"  # a week after the bundled timeline's last article


class FakeRequest(BaseRequest):
    """Answers the Bot API methods the admin handlers use and records every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._ids = itertools.count(5000)

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return None

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None, **_: Any) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data is not None else {}
        self.calls.append((name, params))
        if name == "getMe":
            result: Any = {"id": 42, "is_bot": True, "first_name": "Tracker", "username": "tracker_bot",
                           "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True}
        elif name in ("sendMessage", "editMessageText"):
            result = {
                "message_id": params.get("message_id") or next(self._ids),
                "date": int(datetime.now(timezone.utc).timestamp()),
                "chat": {"id": params.get("chat_id", 1), "type": "private"},
                "from": {"id": 42, "is_bot": True, "first_name": "Tracker", "username": "tracker_bot"},
                "text": params.get("text", ""),
            }
        else:  # answerCallbackQuery, setMyCommands, deleteWebhook …
            result = True
        return 200, json.dumps({"ok": True, "result": result}).encode()

    # --- what the bot said ---

    def sent(self) -> list[dict[str, Any]]:
        return [p for name, p in self.calls if name in ("sendMessage", "editMessageText")]

    def last_text(self) -> str:
        return self.sent()[-1]["text"]

    def clear(self) -> None:
        self.calls.clear()


class Harness:
    def __init__(self, app: Application, request: FakeRequest, services: Services) -> None:
        self.app = app
        self.request = request
        self.services = services
        self._update_ids = itertools.count(1)

    async def send(self, text: str, user: dict[str, Any] = ADMIN, chat_id: int | None = None) -> str:
        """A private message from `user`; returns the text of the bot's last reply."""
        update_id = next(self._update_ids)
        message: dict[str, Any] = {
            "message_id": update_id, "date": int(datetime.now(timezone.utc).timestamp()),
            "chat": {"id": chat_id or user["id"], "type": "private"}, "from": user, "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        self.request.clear()
        await self.app.process_update(Update.de_json({"update_id": update_id, "message": message}, self.app.bot))
        return self.request.last_text() if self.request.sent() else ""

    def buttons(self) -> dict[str, str]:
        """Text → callback data of the last message's inline keyboard."""
        markup = next(p["reply_markup"] for p in reversed(self.request.sent()) if p.get("reply_markup"))
        markup = json.loads(markup) if isinstance(markup, str) else markup
        return {b["text"]: b["callback_data"] for row in markup["inline_keyboard"] for b in row}

    async def press(self, data: str, user: dict[str, Any] = ADMIN) -> str:
        update_id = next(self._update_ids)
        query = {
            "id": f"cb{update_id}", "from": user, "chat_instance": "ci", "data": data,
            "message": {"message_id": 77, "date": int(datetime.now(timezone.utc).timestamp()),
                        "chat": {"id": user["id"], "type": "private"},
                        "from": {"id": 42, "is_bot": True, "first_name": "Tracker"}, "text": "preview"},
        }
        self.request.clear()
        await self.app.process_update(Update.de_json({"update_id": update_id, "callback_query": query}, self.app.bot))
        return self.request.last_text() if self.request.sent() else ""

    async def count(self, model: Any) -> int:
        async with self.services.database.session() as session:
            return (await session.execute(select(func.count()).select_from(model))).scalar_one()

    async def event_titled(self, title: str) -> Event | None:
        async with self.services.database.session() as session:
            return (await session.execute(select(Event).where(Event.title == title))).scalar_one_or_none()

    def ask(self, question: str) -> Any:
        from bot import clock

        return self.services.timeline.answer(question, now=clock.now(), language=None, reader_zone="Europe/Istanbul",
                                             negotiation_id=None)


@asynccontextmanager
async def running_bot(tmp_path: Path) -> AsyncIterator[Harness]:
    settings = Settings(
        telegram_bot_token=TOKEN, admin_ids=frozenset({100, 200}), default_timezone="Europe/Istanbul",
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}",
    )
    request = FakeRequest()
    app = (
        ApplicationBuilder().token(TOKEN).request(request).get_updates_request(FakeRequest()).updater(None)
        .defaults(Defaults(tzinfo=ZoneInfo(settings.default_timezone))).build()
    )
    app.bot_data["settings"] = settings
    register(app)
    database = await open_database(settings.database_url)  # migrated and seeded with the bundled timeline
    services = Services(settings=settings, database=database, timeline=await TimelineService.load(database))
    app.bot_data["services"] = services
    await app.initialize()
    await app.start()  # runs the JobQueue (conversation timeouts); no updater: updates come from the test
    try:
        yield Harness(app, request, services)
    finally:
        await app.stop()
        await app.shutdown()
        await database.dispose()


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    with freeze_time(NOW, real_asyncio=True):
        async with running_bot(tmp_path) as harness:
            yield harness


async def test_non_admin_is_refused_and_nothing_is_written(bot: Harness) -> None:
    events, audit = await bot.count(Event), await bot.count(AuditEntry)
    for command in ("/add 2020-03-20 | Patrols suspended", "/move 16 2020-03-22", "/delete 16", "/admins add 999",
                    "/status p1 suspended", "/history 16", "/add"):
        reply = await bot.send(command, user=STRANGER)
        assert "for admins only" in reply, command
    assert "for admins only" in await bot.send("/undo", user=STRANGER)
    assert (await bot.count(Event), await bot.count(AuditEntry), await bot.count(AdminUser)) == (events, audit, 0)
    # the stranger's plain questions are still answered by the question handler, not swallowed
    assert "for admins only" not in await bot.send("When do the joint patrols begin?", user=STRANGER)


async def test_add_one_liner_preview_save_stored_and_answerable(bot: Harness) -> None:
    events = await bot.count(Event)
    reply = await bot.send(
        "/add 2020-03-18 | Joint patrols suspended after an attack on the M4 | The joint Turkish–Russian patrols "
        "on the M4 highway were suspended after an attack | https://www.aa.com.tr/en/patrols-suspended"
    )
    assert "Preview" in reply and "Joint patrols suspended" in reply and "aa.com.tr" in reply
    assert await bot.count(Event) == events  # nothing stored before Save
    buttons = bot.buttons()
    assert set(buttons) == {"✅ Save", "✏️ Edit", "✖ Cancel"}
    assert all(len(data.encode()) <= 64 for data in buttons.values())

    saved = await bot.press(buttons["✅ Save"])
    assert "Saved as #" in saved and "answerable" in saved
    row = await bot.event_titled("Joint patrols suspended after an attack on the M4")
    assert row is not None and row.managed_by == "admin" and row.status == "happened"
    async with bot.services.database.session() as session:
        source = (await session.execute(select(Source).where(Source.event_id == row.id))).scalar_one()
    assert source.publisher == "aa.com.tr" and source.attribution == "added by admin Ayşe"
    assert bot.services.timeline.snapshot.event(row.id) is not None  # reloaded at once

    answer = bot.ask("are the joint patrols still going on?")
    text = answer.plain_text()
    assert "suspended" in text.lower() and "18 March 2020" in text
    assert "aa.com.tr" in text or any(b.url == "https://www.aa.com.tr/en/patrols-suspended" for b in answer.blocks)

    assert "no longer open" in await bot.press(buttons["✅ Save"])  # a second press does not store twice
    assert await bot.count(Event) == events + 1


async def test_cancel_stores_nothing(bot: Harness) -> None:
    events, audit = await bot.count(Event), await bot.count(AuditEntry)
    await bot.send("/add 2020-03-19 | Something that will not be saved")
    buttons = bot.buttons()
    assert "Cancelled" in await bot.press(buttons["✖ Cancel"])
    assert "no longer open" in await bot.press(buttons["✅ Save"])
    assert (await bot.count(Event), await bot.count(AuditEntry)) == (events, audit)


async def test_edit_button_gives_the_line_back_to_correct(bot: Harness) -> None:
    await bot.send("/add 2020-03-19 14:30 | Talks resume | In Moscow")
    reply = await bot.press(bot.buttons()["✏️ Edit"])
    assert "<code>/add 2020-03-19 14:30 Europe/Istanbul | Talks resume | In Moscow</code>" in reply


@pytest.mark.parametrize(
    ("line", "field", "example_part"),
    [
        ("/add 2030-13-45 | Title", "date", "2020-03-15"),
        ("/add 2020-03-19 |  ", "title", "Joint patrols suspended"),
        ("/add 2020-03-19 | Title | details | ftp:/x", "source URL", "https://"),
        ("/add 2020-03-19 | a | b | https://x.org | d", "line", "/add 2020-03-15 |"),
    ],
)
async def test_bad_input_reply_names_the_field_with_an_example(bot: Harness, line: str, field: str, example_part: str) -> None:
    events = await bot.count(Event)
    reply = await bot.send(line)
    assert reply.startswith(f"⚠️ <b>{field}</b>:")
    assert "Example: <code>" in reply and example_part in reply
    assert await bot.count(Event) == events


async def test_html_and_any_script_stored_as_typed_and_shown_escaped(bot: Harness) -> None:
    title = "<b>Bold</b> & Ортак <i>devriye</i> 🛑 > ok"
    reply = await bot.send(f"/add 2020-03-19 | {title} | a<b & c | https://example.org/a?x=1&y=2")
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Ортак &lt;i&gt;devriye&lt;/i&gt; 🛑 &gt; ok" in reply
    assert "<b>Bold</b>" not in reply and "a&lt;b &amp; c" in reply
    saved = await bot.press(bot.buttons()["✅ Save"])
    assert "&lt;b&gt;Bold&lt;/b&gt;" in saved
    row = await bot.event_titled(title)
    assert row is not None and row.details == "a<b & c"
    history = await bot.send(f"/history {row.id}")
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Ортак" in history and "<i>devriye</i>" not in history


async def test_move_reports_old_and_new_dates_and_audits(bot: Harness) -> None:
    event = await bot.event_titled("Joint Turkish–Russian patrols on the M4 to begin")
    if event is None:  # the bundled title may be worded differently; find it by key
        async with bot.services.database.session() as session:
            event = (await session.execute(select(Event).where(Event.key == "joint-patrols-start"))).scalar_one()
    reply = await bot.send(f"/move {event.id} 2020-03-22")
    assert f"#{event.id}" in reply and "moved" in reply
    assert "15 March 2020" in reply and "22 March 2020" in reply
    assert bot.services.timeline.snapshot.event(event.id).version == event.version + 1
    reply = await bot.send(f"/move {event.id} 2020-02-30")
    assert reply.startswith("⚠️ <b>date</b>:")
    reply = await bot.send("/move 99999 2020-03-22")
    assert reply.startswith("⚠️ <b>id</b>:")

    history = await bot.send(f"/history {event.id}")
    assert "History of #" in history and "tg:100 (Ayşe)" in history
    assert "starts_at: 2020-03-14T21:00:00+00:00 → 2020-03-21T21:00:00+00:00" in history


async def test_history_shows_before_and_after_of_an_edit_through_preview(bot: Harness) -> None:
    async with bot.services.database.session() as session:
        event = (await session.execute(select(Event).where(Event.key == "joint-patrols-start"))).scalar_one()
    fields = await bot.send(f"/edit {event.id}")
    assert f"/edit {event.id} title New title" in fields and f"version {event.version}" in fields
    preview = await bot.send(f"/edit {event.id} title Joint patrols begin on the M4")
    assert "Preview of #" in preview and "Joint patrols begin on the M4" in preview
    await bot.press(bot.buttons()["✅ Save"])
    history = await bot.send(f"/history {event.id}")
    assert f"title: {event.title} → Joint patrols begin on the M4".replace("&", "&amp;") in history


async def test_two_admins_previewing_the_same_version_second_save_is_a_conflict(bot: Harness) -> None:
    async with bot.services.database.session() as session:
        event = (await session.execute(select(Event).where(Event.key == "joint-patrols-start"))).scalar_one()
    await bot.send(f"/edit {event.id} place Along the M4", user=ADMIN)
    first = bot.buttons()["✅ Save"]
    await bot.send(f"/edit {event.id} place Saraqib", user=SECOND_ADMIN)
    second = bot.buttons()["✅ Save"]
    await bot.press(first, user=ADMIN)
    await bot.press(second, user=SECOND_ADMIN)
    texts = [p["text"] for p in bot.request.sent()]
    assert any("changed meanwhile" in t and f"version {event.version}" in t and "Along the M4" in t for t in texts)
    async with bot.services.database.session() as session:
        row = await session.get(Event, event.id)
    assert row.place == "Along the M4" and row.version == event.version + 1


async def test_admins_add_list_remove(bot: Harness) -> None:
    assert "for admins only" in await bot.send("/history 16", user=STRANGER)
    assert "is now an admin" in await bot.send("/admins add 999")
    assert "History of" in await bot.send("/history 16", user=STRANGER)  # Mallory is an admin now
    listing = await bot.send("/admins")
    assert "100 (ADMIN_IDS setting)" in listing and "999 (added by 100" in listing
    assert (await bot.send("/admins add abc")).startswith("⚠️ <b>user id</b>:")
    assert "no longer an admin" in await bot.send("/admins remove 999")
    assert "for admins only" in await bot.send("/history 16", user=STRANGER)
    async with bot.services.database.session() as session:
        actions = (await session.execute(select(AuditEntry.action).where(AuditEntry.entity_type == "admin"))).scalars().all()
    assert sorted(actions) == ["admin_add", "admin_remove"]


async def test_point_status_update_is_answerable_with_date_and_source(bot: Harness) -> None:
    point = next(p for p in bot.services.timeline.snapshot.points if p.key == "joint-patrols")
    reply = await bot.send(
        f"/status p{point.id} suspended | 2020-03-18 | Russia suspended the joint patrols after an attack | "
        "https://tass.com/politics/1131337"
    )
    assert "suspended" in reply and "18 March 2020" in reply
    answer = bot.ask("are the patrols still going on?")
    text = answer.plain_text().lower()
    assert "suspended" in text and "18 march 2020" in text
    assert any("tass.com" in (b.url or "") for b in answer.blocks)  # the source of that update
    # the dated step links to an event of its own that cites the update's source
    updated = next(p for p in bot.services.timeline.snapshot.points if p.id == point.id)
    linked = bot.services.timeline.snapshot.event(updated.history[-1].event_id)
    assert linked is not None and linked.sources[0].url == "https://tass.com/politics/1131337"
    assert linked.details == "Russia suspended the joint patrols after an attack"
    assert "status change" in await bot.send("/undo")
    snapshot = bot.services.timeline.snapshot
    assert next(p for p in snapshot.points if p.id == point.id).status == point.status
    assert snapshot.event(linked.id) is None  # the update's event went with it
    assert (await bot.send("/undo")).startswith("⚠️ <b>undo</b>:")


async def test_delete_and_undo(bot: Harness) -> None:
    async with bot.services.database.session() as session:
        event = (await session.execute(select(Event).where(Event.key == "erdogan-warning"))).scalar_one()
    assert "is deleted" in await bot.send(f"/delete {event.id}")
    assert bot.services.timeline.snapshot.event(event.id) is None
    assert "Undone" in await bot.send("/undo")
    assert bot.services.timeline.snapshot.event(event.id) is not None
    assert (await bot.send("/undo")).startswith("⚠️ <b>undo</b>:")


async def test_guided_add_and_cancel(bot: Harness) -> None:
    events = await bot.count(Event)
    assert "the date?" in await bot.send("/add")
    assert (await bot.send("2030-13-45")).startswith("⚠️ <b>date</b>:")  # asked again, nothing stored
    assert "title?" in await bot.send("15 March 2020 14:00")
    assert "Details?" in await bot.send("Patrols <begin>")
    assert "source URL?" in await bot.send("/skip")
    assert (await bot.send("not a url")).startswith("⚠️ <b>source URL</b>:")
    assert "key date" in await bot.send("https://www.reuters.com/article/x")
    preview = await bot.send("yes")
    assert "Preview" in preview and "Patrols &lt;begin&gt;" in preview and "key date" in preview
    assert await bot.count(Event) == events
    await bot.press(bot.buttons()["✅ Save"])
    row = await bot.event_titled("Patrols <begin>")
    assert row is not None and row.is_key_date and row.precision == "exact" and row.timezone == "Europe/Istanbul"

    assert "the date?" in await bot.send("/add")
    assert "title?" in await bot.send("2020-03-25")
    assert "Stopped" in await bot.send("/cancel")
    assert "Preview" not in await bot.send("Some title")  # the conversation is over: this is a question now
    assert await bot.count(Event) == events + 1


async def test_negotiations_new_and_use(bot: Harness) -> None:
    reply = await bot.send("/negotiation new Geneva talks <2024>")
    assert "geneva-talks-2024" in reply and "Geneva talks &lt;2024&gt;" in reply
    await bot.send("/add 2024-05-01 | Opening session")
    await bot.press(bot.buttons()["✅ Save"])
    snapshot = bot.services.timeline.snapshot
    geneva = snapshot.negotiation_by_key("geneva-talks-2024")
    assert [e.title for e in snapshot.events_of(geneva.id)] == ["Opening session"]
    assert "editing" in await bot.send("/negotiation use idlib-ankara-2020")
    assert "▶ idlib-ankara-2020" in await bot.send("/negotiation")
    # the choice outlives the process: it is the admin chat's followed negotiation in the database
    for data in bot.app.user_data.values():  # as after a restart: nothing in memory
        data.clear()
    assert "▶ idlib-ankara-2020" in await bot.send("/negotiation")
    # with two negotiations the guided flow asks which one first
    assert "which negotiation?" in await bot.send("/add")
    assert "the date?" in await bot.send("/skip")
    await bot.send("/cancel")


async def test_idle_guided_add_times_out_and_tells_the_admin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.handlers.admin as admin_handlers

    monkeypatch.setattr(admin_handlers, "CONVERSATION_TIMEOUT", timedelta(seconds=0.3))
    async with running_bot(tmp_path) as harness:  # a running clock: the JobQueue must see time pass
        assert "the date?" in await harness.send("/add")
        harness.request.clear()
        for _ in range(50):
            await asyncio.sleep(0.05)
            if harness.request.sent():
                break
        assert "timed out" in harness.request.last_text() and "Nothing was saved" in harness.request.last_text()
        assert "Preview" not in await harness.send("2020-03-25")  # no longer in the conversation
