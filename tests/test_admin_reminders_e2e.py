"""End to end: admins keeping the timeline current, and readers' reminders, through the real bot.

One `python -m bot run` process serves the whole module (module-scoped event loop and fixtures),
against the fake Bot API server, with two admins (`ADMIN_IDS=9001,9002`), reminders one minute before
(`REMINDER_LEAD_TIMES=1m`) and UTC as the default zone. The bot's clock is real, so the events the
reminders are about are created relative to the real now, and the reminder test waits for a real due
time: its event is added and subscribed to first (a module fixture), and the reminder is awaited last,
so the wait overlaps the other tests. Every test talks from chats of its own; every request the bot
makes is validated by the fake, and none may be refused as the bot's fault.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

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
    running_bot,
    say,
)
from tests.fake_telegram import FakeTelegram

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

BOT_USERNAME = "ankara_talks_bot"
ADMIN, SECOND_ADMIN = 9001, 9002
ADMIN_NAMES = {ADMIN: "Ayşe", SECOND_ADMIN: "Mehmet"}
STRANGER = 5000
LEAD = timedelta(minutes=1)  # REMINDER_LEAD_TIMES=1m
# the reminder of the exact-time event must still be ahead when the reader subscribes (the admin's
# add, the Save, the question and the 🔔 press come first): at least this far ahead of "now"
REMINDER_HEADROOM = timedelta(seconds=12)


@dataclass
class World:
    tg: FakeTelegram
    bot: BotProcess
    db_path: Path
    tmp: Path


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    tmp = tmp_path_factory.mktemp("admin-reminders-e2e")
    db_path = tmp / "bot.sqlite3"
    async with FakeTelegram(token=TOKEN, bot_username=BOT_USERNAME) as tg:
        for user_id, name in ADMIN_NAMES.items():
            tg.state.remember_user(user_id, first_name=name)
        env = bot_env(
            tg.base_url, f"sqlite+aiosqlite:///{db_path}",
            ADMIN_IDS=f"{ADMIN},{SECOND_ADMIN}", REMINDER_LEAD_TIMES="1m", DEFAULT_TIMEZONE="UTC",
        )
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








async def press_and_edit(tg: FakeTelegram, chat: int, message: dict[str, Any], label: str, *,
                         user: int | None = None) -> dict[str, Any]:
    """Press a button whose answer edits that same message; the message as it is afterwards."""
    mark = tg.mark()
    await press(tg, chat, message, label, user=user)
    call = await tg.wait_for_call(
        "editMessageText", lambda c: str(c.params.get("chat_id")) == str(chat)
        and str(c.params.get("message_id")) == str(message["message_id"]), after=mark, timeout=WAIT)
    assert call.ok, call.response
    return current(tg, chat, message["message_id"])


def current(tg: FakeTelegram, chat: int, message_id: int) -> dict[str, Any]:
    stored = tg.state.find_message(chat, message_id)
    assert stored is not None
    return dict(stored.current)


def label_with(message: dict[str, Any], fragment: str) -> str:
    found = [text for text in button_texts(message) if fragment in text]
    assert found, f"no button with {fragment!r}: {button_texts(message)}"
    return found[0]


def link_urls(message: dict[str, Any]) -> list[str]:
    return [e["url"] for e in message.get("entities") or [] if e.get("type") == "text_link"]


def bold_texts(message: dict[str, Any]) -> list[str]:
    """The bold parts of a message as Telegram shows them (offsets are in UTF-16 code units)."""
    encoded = (message.get("text") or "").encode("utf-16-le")
    return [
        encoded[2 * e["offset"]: 2 * (e["offset"] + e["length"])].decode("utf-16-le")
        for e in message.get("entities") or [] if e.get("type") == "bold"
    ]


async def admin_says(tg: FakeTelegram, text: str, admin: int = ADMIN) -> dict[str, Any]:
    return await say(tg, admin, text, user=admin)


async def add_and_save(tg: FakeTelegram, line: str, admin: int = ADMIN) -> tuple[int, dict[str, Any]]:
    """`/add <line>` → preview → ✅ Save; the new event's id and the saved message."""
    preview = await admin_says(tg, f"/add {line}", admin)
    assert "Preview" in preview["text"], preview["text"]
    saved = await press_and_edit(tg, admin, preview, "✅ Save", user=admin)
    match = re.search(r"Saved as #(\d+)", saved["text"])
    assert match, saved["text"]
    return int(match.group(1)), saved


def headline(message: dict[str, Any]) -> str:
    return (message.get("text") or "").split("\n", 1)[0]


async def timeline_text(tg: FakeTelegram, chat: int) -> str:
    """Every page of /timeline, paged with its buttons as a reader would."""
    page = await say(tg, chat, "/timeline")
    texts = [page["text"]]
    while "Newer ▶" in button_texts(current(tg, chat, page["message_id"])):
        texts.append((await press_and_edit(tg, chat, current(tg, chat, page["message_id"]), "Newer ▶"))["text"])
    return "\n".join(texts)


# --------------------------------------------------------------------------------------------- database
def query(db_path: Path, sql: str, *args: Any) -> list[dict[str, Any]]:
    with sqlite3.connect(db_path) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute(sql, args).fetchall()]


def count(db_path: Path, table: str) -> int:
    return query(db_path, f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]


def counts(db_path: Path) -> dict[str, int]:
    return {table: count(db_path, table) for table in ("event", "auditentry", "adminuser", "outboxmessage", "source")}


def event_row(db_path: Path, event_id: int) -> dict[str, Any]:
    rows = query(db_path, "SELECT * FROM event WHERE id = ?", event_id)
    assert rows, f"no event #{event_id}"
    return rows[0]


def event_id_by_key(db_path: Path, key: str) -> int:
    return query(db_path, "SELECT id FROM event WHERE key = ?", key)[0]["id"]


def point_id_by_key(db_path: Path, key: str) -> int:
    return query(db_path, "SELECT id FROM agreementpoint WHERE key = ?", key)[0]["id"]


def as_utc(value: str | None) -> datetime | None:
    """A datetime column as SQLite stores it (naive UTC or with an offset) → aware UTC."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def outbox_rows(db_path: Path, *, chat_id: int | None = None, event_id: int | None = None,
                kind: str | None = None) -> list[dict[str, Any]]:
    sql, args = "SELECT * FROM outboxmessage WHERE 1 = 1", []
    for column, value in (("chat_id", chat_id), ("event_id", event_id), ("kind", kind)):
        if value is not None:
            sql += f" AND {column} = ?"
            args.append(value)
    return query(db_path, sql + " ORDER BY id", *args)


def minute_ahead(min_ahead: timedelta, *, days: int = 0) -> datetime:
    """The first whole minute at least `min_ahead` from now (real UTC clock), `days` later."""
    now = datetime.now(UTC)
    moment = (now + min_ahead).replace(second=0, microsecond=0)
    if moment < now + min_ahead:
        moment += timedelta(minutes=1)
    return moment + timedelta(days=days)


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def long_date(moment: datetime) -> str:
    """`Thursday, 26 November 2026` (the bot's English date wording)."""
    return f"{moment:%A}, {moment.day} {moment:%B %Y}"


# --------------------------------------------------- reminders (set up first, checked last: real time)
@dataclass
class Extraordinary:
    event_id: int
    starts_at: datetime
    fire_at: datetime
    chat: int
    confirmation: dict[str, Any]


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def extraordinary(world: World) -> Extraordinary:
    """Admin adds an exact-time session a little over a minute ahead; a reader subscribes with 🔔."""
    tg, chat = world.tg, 5008
    fire_at = minute_ahead(REMINDER_HEADROOM)
    starts_at = fire_at + LEAD
    event_id, saved = await add_and_save(
        tg, f"{stamp(starts_at)} UTC | Extraordinary session in Ankara | Turkish and Russian delegations meet "
            "again in Ankara on the M4 security corridor | https://www.example.org/extraordinary-session")
    assert "Extraordinary session in Ankara" in saved["text"] and "scheduled" in saved["text"]

    answer = await say(tg, chat, "When is the extraordinary session?")
    assert "Extraordinary session in Ankara" in headline(answer), answer["text"]
    assert long_date(starts_at) in answer["text"] and f"{starts_at:%H:%M}" in answer["text"]
    assert "🔔 Remind me" in button_texts(answer)
    remind = next(b for b in buttons(answer) if b["text"] == "🔔 Remind me")
    assert remind["callback_data"] == f"rm:{event_id}"

    mark = tg.mark()
    await press(tg, chat, answer, "🔔 Remind me")
    confirmation = await tg.wait_for_message(chat, timeout=WAIT, after=mark)
    assert datetime.now(UTC) < fire_at, "too slow to subscribe before the reminder was due"
    return Extraordinary(event_id, starts_at, fire_at, chat, confirmation)


async def test_remind_me_under_an_answer_confirms_what_and_when(tg: FakeTelegram, extraordinary: Extraordinary,
                                                                world: World) -> None:
    text = extraordinary.confirmation["text"]
    assert "I'll remind you of Extraordinary session in Ankara" in text, text
    assert f"{long_date(extraordinary.starts_at)} at {extraordinary.starts_at:%H:%M}" in text  # when it is
    # the one reminder: a minute before, in UTC (the default zone)
    assert f"{long_date(extraordinary.fire_at)} at {extraordinary.fire_at:%H:%M} (UTC), 1 minute before" in text
    assert text.count("•") == 1
    rows = outbox_rows(world.db_path, chat_id=extraordinary.chat, kind="reminder")
    assert [(r["event_id"], as_utc(r["due_at"])) for r in rows] == [(extraordinary.event_id, extraordinary.fire_at)]


# ------------------------------------------------------------------------------------------ non-admins
async def test_non_admin_commands_are_refused_and_nothing_is_written(tg: FakeTelegram, world: World) -> None:
    patrols = event_id_by_key(world.db_path, "joint-patrols-start")
    before = counts(world.db_path)
    refused = (
        "/add 2020-03-18 | Joint patrols suspended",
        "/add",
        f"/move {patrols} 2020-03-22",
        f"/edit {patrols} title Hijacked",
        f"/delete {patrols}",
        f"/status {patrols} cancelled",
        f"/admins add {STRANGER}",
    )
    for command in refused:
        reply = await say(tg, STRANGER, command)
        assert "is for admins only" in reply["text"] and "Nothing was changed" in reply["text"], (command, reply["text"])
        assert reply["text"].startswith(f"🔒 {command.split()[0]} ")
    announce = await say(tg, STRANGER, "/announce Patrols are over, everyone go home")
    assert "Only admins" in announce["text"], announce["text"]
    assert counts(world.db_path) == before  # no event, audit entry, admin, source or outbox row
    assert event_row(world.db_path, patrols)["version"] == 1
    # still an ordinary reader: a question is answered, and /admins add did not make them an admin
    answer = await say(tg, STRANGER, "When do the joint patrols begin?")
    assert "15 March 2020" in answer["text"]
    again = await say(tg, STRANGER, f"/history {patrols}")
    assert "for admins only" in again["text"]
    assert not [m for m in tg.messages(STRANGER) if "📣" in (m.get("text") or "")]


# ------------------------------------------------------------------------------------------------- /add
async def test_add_one_liner_preview_then_save_changes_the_answers(tg: FakeTelegram, world: World) -> None:
    reader = 5002
    question = "are the patrols still going on?"
    before = counts(world.db_path)
    preview = await admin_says(
        tg, "/add 2020-03-18 | Joint patrols suspended after provocations | Russia and Turkey suspended the joint "
            "patrols on the M4 after attacks | https://www.aa.com.tr/en/example")
    text = preview["text"]
    assert "Preview" in text and "not saved yet" in text
    assert "Joint patrols suspended after provocations" in text and "Wednesday, 18 March 2020" in text
    assert "aa.com.tr" in text and "happened" in text
    assert button_texts(preview) == ["✅ Save", "✏️ Edit", "✖ Cancel"]
    assert all(len(b["callback_data"].encode()) <= 64 for b in buttons(preview))
    assert counts(world.db_path) == before  # nothing stored before Save

    # until it is saved, readers get the bundled answer
    old = await say(tg, reader, question)
    assert "15 March 2020" in old["text"] and "suspended" not in old["text"].lower()

    saved = await press_and_edit(tg, ADMIN, preview, "✅ Save", user=ADMIN)
    match = re.search(r"Saved as #(\d+) in Turkey–Russia talks", saved["text"])
    assert match and "answerable now" in saved["text"], saved["text"]
    assert buttons(saved) == []  # the preview's buttons are gone once saved
    row = event_row(world.db_path, int(match.group(1)))
    assert row["title"] == "Joint patrols suspended after provocations" and row["status"] == "happened"
    assert row["managed_by"] == "admin" and row["precision"] == "day" and row["version"] == 1
    source = query(world.db_path, "SELECT * FROM source WHERE event_id = ?", row["id"])
    assert [(s["url"], s["publisher"], s["attribution"]) for s in source] == [
        ("https://www.aa.com.tr/en/example", "aa.com.tr", "added by admin Ayşe")]
    after = counts(world.db_path)
    assert (after["event"], after["auditentry"]) == (before["event"] + 1, before["auditentry"] + 1)

    new = await say(tg, reader, question)
    assert "suspended" in new["text"].lower() and "18 March 2020" in new["text"], new["text"]
    assert "aa.com.tr" in new["text"] or "https://www.aa.com.tr/en/example" in link_urls(new), new
    assert "went wrong" not in new["text"]


async def test_cancel_stores_nothing_and_a_stale_save_is_refused(tg: FakeTelegram, world: World) -> None:
    before = counts(world.db_path)
    preview = await admin_says(tg, "/add 2020-03-19 | Something that will not be saved")
    save = next(b["callback_data"] for b in buttons(preview) if b["text"] == "✅ Save")
    cancelled = await press_and_edit(tg, ADMIN, preview, "✖ Cancel", user=ADMIN)
    assert cancelled["text"] == "✖ Cancelled. Nothing was saved." and buttons(cancelled) == []
    # a Save pressed on a stale copy of the preview (another device) finds nothing open
    mark = tg.mark()
    update = tg.press_button(ADMIN, ADMIN, preview["message_id"], save, strict=False)
    await tg.wait_for_callback_answer(update, timeout=WAIT)
    stale = await tg.wait_for_message(ADMIN, timeout=WAIT, after=mark)
    assert "no longer open" in stale["text"]
    assert counts(world.db_path) == before


@pytest.mark.parametrize(
    ("line", "field", "example_part"),
    [
        ("/add 2030-13-45 | x", "date", "2020-03-15"),
        ("/add 2020-03-18 |  ", "title", "Joint patrols suspended"),
        ("/add 2020-03-18 | t | d | not a url", "source URL", "https://"),
        ("/add 2020-03-18 | a | b | https://x.org | extra", "line", "/add 2020-03-15 | Joint patrols begin"),
    ],
    ids=["impossible-date", "empty-title", "bad-url", "five-parts"],
)
async def test_bad_add_input_names_the_field_with_an_example(tg: FakeTelegram, world: World, line: str, field: str,
                                                              example_part: str) -> None:
    before = counts(world.db_path)
    reply = await admin_says(tg, line)
    text = reply["text"]
    assert text.startswith(f"⚠️ {field}: "), text
    assert field in bold_texts(reply)
    assert "\nExample: " in text and example_part in text.split("\nExample: ", 1)[1]
    assert buttons(reply) == []  # no preview, nothing to save
    assert counts(world.db_path) == before


async def test_html_emoji_and_rtl_title_stored_as_typed_and_shown_escaped(tg: FakeTelegram, world: World) -> None:
    # dated before the war began, so it is the first line of the first /timeline page
    title = "<b>Patrols</b> & co 🇹🇷🚙 — الدوريات المشتركة שלום"
    details = "a<b & c > d"
    url = "https://example.org/a?x=1&y=2"
    preview = await admin_says(tg, f"/add 2011-02-15 | {title} | {details} | {url}")
    # the fake refuses malformed HTML (a bare & or an unknown tag): the preview arriving proves escaping
    assert title in preview["text"] and details in preview["text"], preview["text"]
    assert title in bold_texts(preview)  # the card's bold title, typed tags and all: <b> made nothing bold itself
    saved = await press_and_edit(tg, ADMIN, preview, "✅ Save", user=ADMIN)
    assert title in saved["text"]
    event_id = int(re.search(r"Saved as #(\d+)", saved["text"]).group(1))  # type: ignore[union-attr]
    row = event_row(world.db_path, event_id)
    assert (row["title"], row["details"]) == (title, details)
    assert query(world.db_path, "SELECT url FROM source WHERE event_id = ?", event_id) == [{"url": url}]

    page = await say(tg, 5004, "/timeline")
    assert title in page["text"], page["text"]
    assert any(title[:10] in label for label in button_texts(page))
    history = await admin_says(tg, f"/history {event_id}")
    assert title in history["text"]


async def test_guided_add_through_every_step_and_cancel_midway(tg: FakeTelegram, world: World) -> None:
    before = counts(world.db_path)
    assert "the date?" in (await admin_says(tg, "/add"))["text"]
    assert (await admin_says(tg, "2030-13-45"))["text"].startswith("⚠️ date: ")  # asked again
    assert "The title?" in (await admin_says(tg, "2020-03-16"))["text"]
    assert "Details?" in (await admin_says(tg, "Turkish observation posts reinforced <again>"))["text"]
    assert "source URL?" in (await admin_says(tg, "/skip"))["text"]
    assert (await admin_says(tg, "not a url"))["text"].startswith("⚠️ source URL: ")
    assert "key date" in (await admin_says(tg, "https://www.example.org/observation-posts"))["text"]
    preview = await admin_says(tg, "no")
    assert "Preview" in preview["text"] and "Turkish observation posts reinforced <again>" in preview["text"]
    assert "Monday, 16 March 2020" in preview["text"]
    assert counts(world.db_path)["event"] == before["event"]
    saved = await press_and_edit(tg, ADMIN, preview, "✅ Save", user=ADMIN)
    event_id = int(re.search(r"Saved as #(\d+)", saved["text"]).group(1))  # type: ignore[union-attr]
    row = event_row(world.db_path, event_id)
    assert (row["title"], row["details"], row["precision"], row["is_key_date"]) == (
        "Turkish observation posts reinforced <again>", "", "day", 0)
    assert query(world.db_path, "SELECT url FROM source WHERE event_id = ?", event_id) == [
        {"url": "https://www.example.org/observation-posts"}]

    middle = counts(world.db_path)
    assert "the date?" in (await admin_says(tg, "/add"))["text"]
    assert "The title?" in (await admin_says(tg, "2020-03-17"))["text"]
    assert (await admin_says(tg, "/cancel"))["text"] == "✖ Stopped. Nothing was saved."
    after_cancel = await admin_says(tg, "A title nobody will save")  # a question now, not step 3
    assert "Details?" not in after_cancel["text"] and "Preview" not in after_cancel["text"]
    assert counts(world.db_path) == middle


async def test_two_admins_racing_on_one_version_second_save_is_refused(tg: FakeTelegram, world: World) -> None:
    event_id, _ = await add_and_save(tg, "2020-03-20 | Talks on the corridor's width resume")
    first = await admin_says(tg, f"/edit {event_id} title Corridor talks resume in Ankara", ADMIN)
    second = await admin_says(tg, f"/edit {event_id} title Corridor talks resume in Moscow", SECOND_ADMIN)
    for preview in (first, second):
        assert f"Preview of #{event_id}" in preview["text"] and f"#{event_id} v1" in preview["text"]

    saved = await press_and_edit(tg, ADMIN, first, "✅ Save", user=ADMIN)
    assert f"Saved #{event_id} (version 2)" in saved["text"]

    mark = tg.mark()
    refused = await press_and_edit(tg, SECOND_ADMIN, second, "✅ Save", user=SECOND_ADMIN)
    assert "changed meanwhile" in refused["text"] and "now version 2" in refused["text"]
    assert "Nothing was overwritten" in refused["text"]
    shown = await tg.wait_for_message(SECOND_ADMIN, "based on version 1", timeout=WAIT, after=mark)
    assert "it is now at version 2" in shown["text"]
    assert "Corridor talks resume in Ankara" in shown["text"] and f"#{event_id} v2" in shown["text"]
    row = event_row(world.db_path, event_id)
    assert (row["title"], row["version"]) == ("Corridor talks resume in Ankara", 2)
    audit = query(world.db_path, "SELECT actor FROM auditentry WHERE entity_type = 'event' AND entity_id = ? "
                                 "AND action = 'update'", event_id)
    assert [a["actor"] for a in audit] == ["tg:9001 (Ayşe)"]


# ----------------------------------------------------------------- /move /history /delete /undo /status
async def test_move_history_delete_undo_and_point_status(tg: FakeTelegram, world: World) -> None:
    reader = 5007
    question = "When did Putin and Erdogan agree the ceasefire?"
    title = "Putin and Erdogan agree a ceasefire in Idlib at their Moscow summit"
    event_id = event_id_by_key(world.db_path, "moscow-ceasefire-agreed")
    answer = await say(tg, reader, question)
    assert title in headline(answer) and "5 March 2020" in headline(answer)

    moved = await admin_says(tg, f"/move {event_id} 2020-03-04")
    assert f"#{event_id} {title} moved" in moved["text"] and "(version 2)" in moved["text"]
    assert "5 March 2020 → " in moved["text"] and "4 March 2020" in moved["text"].split("→", 1)[1]
    answer = await say(tg, reader, question)  # the answer follows at once
    assert title in headline(answer) and "Wednesday, 4 March 2020" in headline(answer), headline(answer)

    history = await admin_says(tg, f"/history {event_id}")
    text = history["text"]
    assert f"History of #{event_id} {title}" in text
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    assert re.search(rf"update → v2 · {today} \d\d:\d\d UTC · tg:9001 \(Ayşe\)", text), text  # who, when
    assert re.search(r"starts_at: 2020-03-04T21:00:00\S* → 2020-03-03T21:00:00", text), text  # before → after

    deleted = await admin_says(tg, f"/delete {event_id}")
    assert f"#{event_id} {title} is deleted" in deleted["text"]
    assert title not in await timeline_text(tg, reader)
    answer = await say(tg, reader, question)
    assert title not in answer["text"]

    undone = await admin_says(tg, "/undo")
    assert f"Undone: your last delete of #{event_id} {title}" in undone["text"]
    assert title in await timeline_text(tg, reader)
    answer = await say(tg, reader, question)
    assert title in headline(answer) and "4 March 2020" in headline(answer)
    assert event_row(world.db_path, event_id)["deleted_at"] is None

    point = point_id_by_key(world.db_path, "joint-patrols")
    point_title = "Joint Turkish–Russian patrols along the M4 highway"

    def point_line(points: dict[str, Any]) -> str:
        return next(line for line in points["text"].splitlines() if line.startswith(f"• {point_title} — "))

    assert "suspended" not in point_line(await say(tg, reader, "/points"))
    status = await admin_says(tg, f"/status p{point} suspended")
    assert f"Point p{point} {point_title}" in status["text"] and "→ suspended since" in status["text"]
    points = await say(tg, reader, "/points")
    assert point_line(points) == f"• {point_title} — suspended"
    assert f"since {long_date(datetime.now(UTC))}" in points["text"]


# ------------------------------------------------------------------------ reminders: a move, /announce
async def test_move_sends_one_change_notice_and_the_reminder_follows(tg: FakeTelegram, world: World) -> None:
    reader = 5009
    old_start = (datetime.now(UTC) + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    new_start = old_start + timedelta(days=1, minutes=30)
    event_id, _ = await add_and_save(
        tg, f"{stamp(old_start)} UTC | Follow-up technical meeting on the M4 corridor | Military delegations "
            "meet on the corridor's parameters | https://www.example.org/follow-up")
    subscribed = await say(tg, reader, f"/subscribe {event_id}")
    assert "I'll remind you of Follow-up technical meeting on the M4 corridor" in subscribed["text"]
    assert f"at {old_start - LEAD:%H:%M} (UTC), 1 minute before" in subscribed["text"]
    [planned] = outbox_rows(world.db_path, chat_id=reader, kind="reminder")
    assert as_utc(planned["due_at"]) == old_start - LEAD and planned["state"] == "pending"

    mark = tg.mark()
    moved = await admin_says(tg, f"/move {event_id} {stamp(new_start)}")
    assert "moved" in moved["text"] and "(version 2)" in moved["text"]
    notice = await tg.wait_for_message(reader, "Date changed", timeout=WAIT, after=mark)
    text = notice["text"]
    assert "📅 Date changed: Follow-up technical meeting on the M4 corridor" in text
    old_text = f"{long_date(old_start)} at {old_start:%H:%M}"
    new_text = f"{long_date(new_start)} at {new_start:%H:%M}"
    assert re.search(rf"{re.escape(old_text)}.* → {re.escape(new_text)}", text), text
    assert f"next on {long_date(new_start - LEAD)} at {new_start - LEAD:%H:%M} (UTC)" in text
    assert set(button_texts(notice)) == {"🗓 Event card", "🔕 Unsubscribe"}

    # once: one change row for this chat, sent; one notice in the chat
    changes = await eventually(lambda: [r for r in outbox_rows(world.db_path, chat_id=reader, kind="change")
                                        if r["state"] == "sent"])
    assert len(outbox_rows(world.db_path, chat_id=reader, kind="change")) == 1 and len(changes) == 1
    assert changes[0]["dedupe_key"] == f"chg:{reader}:{event_id}:v2"
    assert [m for m in tg.messages(reader) if "Date changed" in (m.get("text") or "")] == [notice]
    # the pending reminder follows the new date; none is left for the old one
    reminders = outbox_rows(world.db_path, event_id=event_id, kind="reminder")
    assert [(r["chat_id"], as_utc(r["due_at"]), r["state"], r["dedupe_key"]) for r in reminders] == [
        (reader, new_start - LEAD, "pending", f"rem:{reader}:{event_id}:s60:v2")]


async def test_postpone_reschedule_cancel_delete_undo_each_notify_once(tg: FakeTelegram, world: World) -> None:
    reader = 5012
    start = (datetime.now(UTC) + timedelta(days=2)).replace(minute=15, second=0, microsecond=0)
    title = "Defence ministers review the security corridor"
    event_id, _ = await add_and_save(tg, f"{stamp(start)} UTC | {title}")
    await say(tg, reader, f"/subscribe {event_id}")

    def pending() -> list[tuple[datetime | None, str]]:
        return [(as_utc(r["due_at"]), r["dedupe_key"]) for r in outbox_rows(world.db_path, event_id=event_id, kind="reminder")
                if r["state"] == "pending"]

    assert pending() == [(start - LEAD, f"rem:{reader}:{event_id}:s60:v1")]
    steps = [
        (f"/status {event_id} postponed", "⏸ Postponed: " + title, "The new date is not known yet", []),
        (f"/status {event_id} scheduled", "ℹ️ Status changed: " + title, "reminders have moved with it",
         [(start - LEAD, f"rem:{reader}:{event_id}:s60:v3")]),
        (f"/status {event_id} cancelled", "❌ Cancelled: " + title, "No reminders will be sent", []),
        (f"/delete {event_id}", "🗑 Removed from the timeline: " + title, "No reminders will be sent", []),
        ("/undo", "↩️ Back on the timeline: " + title, long_date(start), []),  # still cancelled: no reminder
    ]
    for version, (command, head, line, expected) in enumerate(steps, start=2):
        mark = tg.mark()
        reply = await admin_says(tg, command)
        assert "⚠️" not in reply["text"], (command, reply["text"])
        notice = await tg.wait_for_message(reader, head, timeout=WAIT, after=mark)
        assert line in notice["text"], (command, notice["text"])
        assert pending() == expected, command
        sent = await eventually(lambda v=version: [r for r in outbox_rows(world.db_path, chat_id=reader, kind="change")
                                                   if r["dedupe_key"] == f"chg:{reader}:{event_id}:v{v}" and r["state"] == "sent"])
        assert len(sent) == 1, command
    notices = [m["text"] for m in tg.messages(reader) if title in (m.get("text") or "")]
    assert len(notices) == 1 + len(steps), notices  # the subscription confirmation, then one notice per change


async def test_a_key_date_added_later_is_planned_for_whole_negotiation_subscribers(tg: FakeTelegram,
                                                                                   world: World) -> None:
    reader = 5013
    assert "There is no upcoming key date right now" in (await say(tg, reader, "/subscribe"))["text"]
    start = (datetime.now(UTC) + timedelta(days=5)).replace(hour=11, minute=0, second=0, microsecond=0)
    assert "the date?" in (await admin_says(tg, "/add"))["text"]
    await admin_says(tg, f"{stamp(start)} UTC")
    await admin_says(tg, "Leaders' follow-up summit on Idlib")
    await admin_says(tg, "/skip")
    await admin_says(tg, "/skip")
    preview = await admin_says(tg, "yes")
    assert "🔔 key date" in preview["text"]
    saved = await press_and_edit(tg, ADMIN, preview, "✅ Save", user=ADMIN)
    event_id = int(re.search(r"Saved as #(\d+)", saved["text"]).group(1))  # type: ignore[union-attr]
    rows = outbox_rows(world.db_path, chat_id=reader, kind="reminder")
    assert [(r["event_id"], as_utc(r["due_at"]), r["state"]) for r in rows] == [(event_id, start - LEAD, "pending")]
    listing = await say(tg, reader, "/reminders")
    assert "every key date of Turkey–Russia talks" in listing["text"]
    nxt = await say(tg, reader, "/next")
    assert "Leaders' follow-up summit on Idlib" in nxt["text"] and long_date(start) in nxt["text"]


async def test_announce_reaches_every_subscribed_chat_once(tg: FakeTelegram, world: World) -> None:
    everything, quitter = 5010, 5011
    subscribed = await say(tg, everything, "/subscribe")
    assert "before every key date of" in subscribed["text"] and "(1 minute before)" in subscribed["text"]
    await say(tg, quitter, "/subscribe")
    gone = await say(tg, quitter, "/unsubscribe")
    assert "Unsubscribed from all reminders (1)" in gone["text"]

    expected = {r["chat_id"] for r in query(world.db_path, "SELECT DISTINCT chat_id FROM subscription WHERE active = 1")}
    assert everything in expected and quitter not in expected  # (and the chats of the other tests)

    words = "Talks resume on Monday <b>&</b> 🇹🇷"
    mark = tg.mark()
    queued = await admin_says(tg, f"/announce {words}")
    assert queued["text"] == f"📣 Queued for {len(expected)} chat(s)."
    for chat in sorted(expected):
        message = await tg.wait_for_message(chat, "📣", timeout=WAIT, after=mark)
        assert message["text"].endswith(f"\n\n{words}")  # the admin's words are text, never HTML
    rows = await eventually(lambda: (r := outbox_rows(world.db_path, kind="announcement"))
                            and all(x["state"] == "sent" for x in r) and r)
    assert sorted(r["chat_id"] for r in rows) == sorted(expected)  # one row per chat
    for chat in expected | {quitter, ADMIN}:
        copies = [m for m in tg.messages(chat) if "📣" in (m.get("text") or "") and words in m["text"]]
        assert len(copies) == (chat in expected), chat


# ----------------------------------------------------------------- reminders: the due time has come
async def test_reminder_arrives_on_time_and_reminders_lists_it(tg: FakeTelegram, world: World,
                                                               extraordinary: Extraordinary) -> None:
    chat = extraordinary.chat
    wait = (extraordinary.fire_at - datetime.now(UTC)).total_seconds() + 20
    reminder = await tg.wait_for_message(chat, "Extraordinary session in Ankara — in 1 minute", timeout=max(wait, WAIT))
    assert reminder["date"] >= int(extraordinary.fire_at.timestamp())  # not early
    assert reminder["date"] < int(extraordinary.starts_at.timestamp())  # before the session starts
    text = reminder["text"]
    assert f"🗓 {long_date(extraordinary.starts_at)} at {extraordinary.starts_at:%H:%M}" in text
    assert "Status: scheduled" in text and "https://www.example.org/extraordinary-session" in link_urls(reminder)
    assert set(button_texts(reminder)) == {"🗓 Event card", "🔕 Unsubscribe"}
    [row] = await eventually(lambda: [r for r in outbox_rows(world.db_path, chat_id=chat, kind="reminder")
                                      if r["state"] == "sent"])
    assert not row["late"] and len(outbox_rows(world.db_path, chat_id=chat, kind="reminder")) == 1
    assert as_utc(row["sent_at"]) >= extraordinary.fire_at  # type: ignore[operator]
    assert len([m for m in tg.messages(chat) if "— in 1 minute" in (m.get("text") or "")]) == 1

    listing = await say(tg, chat, "/reminders")
    assert "Your reminders" in listing["text"]
    assert re.search(r"1\. Extraordinary session in Ankara \(.*\) · 1 minute before · UTC", listing["text"]), listing["text"]
    assert button_texts(listing) == ["🔕 1. Extraordinary session in Ankara"]
    mark = tg.mark()
    await press(tg, chat, listing, "🔕 1. Extraordinary session in Ankara")
    done = await tg.wait_for_message(chat, timeout=WAIT, after=mark)
    assert "Unsubscribed from Extraordinary session in Ankara" in done["text"]
    assert "You have no reminders" in (await say(tg, chat, "/reminders"))["text"]


# ------------------------------------------------------------------------------- shutdown (runs last)
async def test_shutdown_is_clean_no_bad_request_and_the_token_never_leaks(tg: FakeTelegram, world: World) -> None:
    code = await world.bot.stop()
    assert code == 0, world.bot.output[-3000:]
    secret = TOKEN.split(":", 1)[1]
    assert secret not in world.bot.output and TOKEN not in world.bot.output
    assert "Traceback" not in world.bot.output, world.bot.output[-3000:]
    assert tg.bot_faults() == []
    assert [r for r in tg.rejections if r.error_code == 400] == []  # nothing refused as Bad Request
    assert tg.unknown_params == []
