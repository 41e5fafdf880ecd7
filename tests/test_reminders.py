"""Reminders: planning rules (pure), subscribing, re-planning on change, announcements, lateness."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from freezegun import freeze_time
from test_reminders_support import (
    RecordingSender,
    edit_event,
    make_event,
    make_negotiation,
    rows,
    set_chat,
    subscriptions,
    use_defaults,
)

from bot.reminders import (
    Dispatcher,
    DispatcherConfig,
    ReminderError,
    announce,
    list_subscriptions,
    subscribe_event,
    subscribe_negotiation,
    unsubscribe,
    unsubscribe_all,
)
from bot.reminders.planning import reminder_slots
from bot.render import subscribed_html, subscriptions_html
from storage.db import Database

UTC = timezone.utc
NOW = datetime(2020, 3, 1, 12, 0, tzinfo=UTC)
D = timedelta(days=1)
H = timedelta(hours=1)


@pytest.fixture(autouse=True)
def _defaults() -> None:
    use_defaults(timezone="UTC", lead_times="1w,1d,1h", admin_ids=frozenset({7}))


# --- planning (pure) -----------------------------------------------------------------------------------


def slots(**kwargs):  # noqa: ANN003, ANN201
    values = dict(precision="exact", event_zone="Europe/Istanbul", status="scheduled", reader_zone="UTC", now=NOW)
    values.update(kwargs)
    return reminder_slots(**values)


def test_exact_time_one_reminder_per_lead_time_including_minutes() -> None:
    start = datetime(2020, 3, 15, 9, 0, tzinfo=UTC)
    planned = slots(starts_at=start, lead_times=(7 * D, D, H, timedelta(minutes=1)))
    assert [s.fire_at for s in planned] == [start - 7 * D, start - D, start - H, start - timedelta(minutes=1)]
    assert all(s.not_after == start for s in planned)
    assert len({s.key for s in planned}) == 4


def test_lead_times_already_past_are_not_planned() -> None:
    start = NOW + 2 * D
    assert [s.lead for s in slots(starts_at=start, lead_times=(7 * D, D, H))] == [D, H]
    assert slots(starts_at=NOW - H, lead_times=(H,)) == []


def test_day_precision_reminds_at_nine_in_the_readers_zone() -> None:
    # 15 March 2020 in Istanbul (stored as its local midnight = 21:00 UTC the day before)
    start = datetime(2020, 3, 14, 21, 0, tzinfo=UTC)
    planned = slots(starts_at=start, precision="day", lead_times=(7 * D, D, H, timedelta(minutes=30)), reader_zone="Europe/Istanbul")
    assert [(s.key, s.fire_at) for s in planned] == [
        ("d7", datetime(2020, 3, 8, 6, 0, tzinfo=UTC)),  # 09:00 Istanbul, 7 days before
        ("d1", datetime(2020, 3, 14, 6, 0, tzinfo=UTC)),  # the day before
        ("d0", datetime(2020, 3, 15, 6, 0, tzinfo=UTC)),  # leads under a day: once, 09:00 on the day
    ]
    new_york = slots(starts_at=start, precision="day", lead_times=(D,), reader_zone="America/New_York")
    assert new_york[0].fire_at == datetime(2020, 3, 14, 13, 0, tzinfo=UTC)  # 09:00 EDT on 14 March


def test_month_precision_one_reminder_on_the_first_and_approximate_none() -> None:
    march = datetime(2020, 3, 31, 21, 0, tzinfo=UTC)  # April 2020 in Istanbul
    planned = slots(starts_at=march, precision="month", lead_times=(7 * D, D))
    assert [(s.key, s.fire_at) for s in planned] == [("m1", datetime(2020, 4, 1, 9, 0, tzinfo=UTC))]
    assert slots(starts_at=march, precision="approximate", lead_times=(D,)) == []


@pytest.mark.parametrize("status", ["cancelled", "postponed", "happened"])
def test_only_scheduled_events_are_reminded(status: str) -> None:
    assert slots(starts_at=NOW + 10 * D, status=status, lead_times=(D,)) == []
    assert slots(starts_at=NOW + 10 * D, lead_times=(D,), deleted=True) == []


# --- subscribing -----------------------------------------------------------------------------------------


async def test_subscribe_to_an_event_confirms_what_and_when_in_the_readers_zone(database: Database) -> None:
    with freeze_time(NOW, real_asyncio=True):
        n = await make_negotiation(database)
        e = await make_event(database, n, starts_at=datetime(2020, 3, 15, 6, 0, tzinfo=UTC))  # 09:00 Istanbul
        await set_chat(database, 42, timezone="Europe/Istanbul", lead_times="1d")
        result = await subscribe_event(database, chat_id=42, user_id=42, event_id=e, language="en")
        text = subscribed_html(result)
    assert "Joint patrols begin" in text
    assert "on Saturday, 14 March 2020 at 09:00 (Europe/Istanbul), 1 day before" in text
    [row] = await rows(database)
    assert row.kind == "reminder" and row.chat_id == 42 and row.due_at == datetime(2020, 3, 14, 6, 0, tzinfo=UTC)
    assert "Sunday, 15 March 2020 at 09:00 (Europe/Istanbul)" in row.text and "📍 M4 highway" in row.text
    assert "Status: scheduled" in row.text and "📰 Al Jazeera — Hulusi Akar" in row.text
    buttons = row.reply_markup["inline_keyboard"][0]
    assert [b["callback_data"] for b in buttons] == [f"ev:{e}", f"unsub:{result.subscription_id}"]


async def test_subscribing_twice_or_through_two_scopes_plans_each_reminder_once(database: Database) -> None:
    with freeze_time(NOW, real_asyncio=True):
        n = await make_negotiation(database)
        e = await make_event(database, n, starts_at=NOW + 10 * D)
        await make_event(database, n, title="Not a key date", starts_at=NOW + 10 * D, key_date=False)
        await subscribe_event(database, chat_id=42, user_id=42, event_id=e, language="en")
        await subscribe_event(database, chat_id=42, user_id=42, event_id=e, language="en")
        result = await subscribe_negotiation(database, chat_id=42, user_id=42, negotiation_id=n, language="en")
        await subscribe_negotiation(database, chat_id=42, user_id=42, negotiation_id=n, language="en")
    assert len(await subscriptions(database)) == 2
    planned = await rows(database)
    assert len(planned) == 3 and len({r.dedupe_key for r in planned}) == 3  # 1w, 1d, 1h of the key date only
    assert [p.slot.key for p in result.planned] == ["s604800", "s86400", "s3600"]
    assert "before every key date of <b>Ankara talks</b> (1 week, 1 day, 1 hour before)" in subscribed_html(result)


async def test_lead_times_come_from_the_chat_then_the_deployment(database: Database) -> None:
    use_defaults(lead_times="1m")
    with freeze_time(NOW, real_asyncio=True):
        n = await make_negotiation(database)
        e = await make_event(database, n, starts_at=NOW + 2 * H)
        await set_chat(database, 43, lead_times="1h")
        await subscribe_event(database, chat_id=42, user_id=42, event_id=e, language="en")
        await subscribe_event(database, chat_id=43, user_id=43, event_id=e, language="en")
    by_chat = {r.chat_id: r.due_at for r in await rows(database)}
    assert by_chat == {42: NOW + 2 * H - timedelta(minutes=1), 43: NOW + H}


async def test_nothing_planned_is_explained(database: Database) -> None:
    with freeze_time(NOW, real_asyncio=True):
        n = await make_negotiation(database)
        soon = await make_event(database, n, starts_at=NOW + timedelta(minutes=30))
        vague = await make_event(database, n, title="Talks resume", starts_at=NOW + 30 * D, precision="approximate")
        r1 = await subscribe_event(database, chat_id=42, user_id=42, event_id=soon, language="en")
        r2 = await subscribe_event(database, chat_id=42, user_id=42, event_id=vague, language="en")
        with pytest.raises(ReminderError):
            await subscribe_event(database, chat_id=42, user_id=42, event_id=999, language="en")
    assert r1.reason == "too_close" and "too close" in subscribed_html(r1)
    assert r2.reason == "approximate" and "approximate" in subscribed_html(r2)


async def test_unsubscribe_removes_pending_reminders_and_keeps_other_subscriptions(database: Database) -> None:
    with freeze_time(NOW, real_asyncio=True):
        n = await make_negotiation(database)
        e = await make_event(database, n, starts_at=NOW + 10 * D)
        first = await subscribe_event(database, chat_id=42, user_id=42, event_id=e, language="en")
        await subscribe_negotiation(database, chat_id=42, user_id=42, negotiation_id=n, language="en")
        assert {r.subscription_id for r in await rows(database)} == {first.subscription_id}
        views = await list_subscriptions(database, chat_id=42)
        text, markup = subscriptions_html(views, "en")
        assert "every key date of Ankara talks" in text and len(markup.inline_keyboard) == 2
        await unsubscribe(database, chat_id=42, subscription_id=first.subscription_id)
        remaining = await rows(database)
        assert len(remaining) == 3 and first.subscription_id not in {r.subscription_id for r in remaining}
        with pytest.raises(ReminderError):  # someone else's subscription (forged button data)
            await unsubscribe(database, chat_id=99, subscription_id=remaining[0].subscription_id)
        assert await unsubscribe_all(database, chat_id=42) == 1
    assert await rows(database) == []
    assert not any(s.active for s in await subscriptions(database))


# --- re-planning on change ---------------------------------------------------------------------------------


async def test_moving_an_event_moves_reminders_and_tells_each_chat_once(database: Database) -> None:
    with freeze_time(NOW, real_asyncio=True):
        n = await make_negotiation(database)
        start = datetime(2020, 3, 15, 6, 0, tzinfo=UTC)
        e = await make_event(database, n, starts_at=start)
        await subscribe_event(database, chat_id=42, user_id=42, event_id=e, language="en")
        await subscribe_negotiation(database, chat_id=42, user_id=42, negotiation_id=n, language="en")
        await set_chat(database, 43, timezone="Europe/Istanbul")
        await subscribe_negotiation(database, chat_id=43, user_id=43, negotiation_id=n, language="en")
        await edit_event(database, e, "moved", starts_at=start + 2 * D)
    reminders = await rows(database, kind="reminder")
    assert all(r.dedupe_key.endswith(":v2") for r in reminders) and len(reminders) == 6
    assert sorted(r.due_at for r in reminders if r.chat_id == 42) == [start + 2 * D - lead for lead in (7 * D, D, H)]
    notices = await rows(database, kind="change")
    assert sorted(r.chat_id for r in notices) == [42, 43]
    istanbul = next(r.text for r in notices if r.chat_id == 43)
    assert "Date changed: Joint patrols begin" in istanbul
    assert "Sunday, 15 March 2020 at 09:00 (Europe/Istanbul) → <b>Tuesday, 17 March 2020 at 09:00 (Europe/Istanbul)</b>" in istanbul
    assert "next on Tuesday, 10 March 2020 at 09:00 (Europe/Istanbul)" in istanbul


@pytest.mark.parametrize(
    ("kind", "values", "head"),
    [
        ("status", {"status": "cancelled"}, "Cancelled: Joint patrols begin"),
        ("status", {"status": "postponed"}, "Postponed: Joint patrols begin"),
        ("deleted", {}, "Removed from the timeline: Joint patrols begin"),
    ],
)
async def test_cancel_postpone_delete_drop_reminders_with_one_notice(database: Database, kind: str, values: dict, head: str) -> None:
    with freeze_time(NOW, real_asyncio=True):
        n = await make_negotiation(database)
        e = await make_event(database, n, starts_at=NOW + 10 * D)
        await subscribe_event(database, chat_id=42, user_id=42, event_id=e, language="en")
        await edit_event(database, e, kind, **values)
        await edit_event(database, e, "edited", title="Joint patrols begin") if kind != "deleted" else None
    assert await rows(database, kind="reminder") == []
    [notice] = await rows(database, kind="change")
    assert head in notice.text and "No reminders will be sent" in notice.text and "Was: " in notice.text


async def test_a_new_key_date_is_planned_for_negotiation_subscribers_without_notice(database: Database) -> None:
    from bot.changes import EventChange
    from bot.reminders import on_event_change

    with freeze_time(NOW, real_asyncio=True):
        n = await make_negotiation(database)
        await subscribe_negotiation(database, chat_id=42, user_id=42, negotiation_id=n, language="tr")
        e = await make_event(database, n, starts_at=NOW + 3 * D)
        async with database.session() as session:
            await on_event_change(session, EventChange(e, n, "created", "admin:1", 1, "Joint patrols begin", new_starts_at=NOW + 3 * D))
            await session.commit()
    planned = await rows(database)
    assert [r.kind for r in planned] == ["reminder", "reminder"] and all(r.language == "tr" for r in planned)
    assert "2 gün sonra" in planned[0].text or "1 gün sonra" in planned[0].text


# --- sending: late and dropped ---------------------------------------------------------------------------


async def test_reminder_due_while_down_is_sent_late_or_dropped_once_the_event_started(database: Database) -> None:
    with freeze_time(NOW, real_asyncio=True) as frozen:
        n = await make_negotiation(database)
        soon = await make_event(database, n, starts_at=NOW + 2 * D)
        gone = await make_event(database, n, title="Ceasefire", starts_at=NOW + 1 * D + 2 * H)
        await subscribe_event(database, chat_id=42, user_id=42, event_id=soon, language="en")
        await subscribe_event(database, chat_id=43, user_id=43, event_id=gone, language="en")
        frozen.move_to(NOW + 1 * D + 3 * H)  # the bot was down through both "1 day before" moments
        sender = RecordingSender()
        dispatcher = Dispatcher(database, sender, DispatcherConfig(rate_per_second=100))
        await dispatcher.drain(5)
    assert [m.chat_id for m in sender.sent] == [42]
    assert sender.sent[0].text.startswith("⏰ <i>Late reminder")
    sent = await rows(database, state="sent")
    assert len(sent) == 1 and sent[0].late
    dropped = await rows(database, state="dropped")
    assert {r.chat_id for r in dropped} == {43} and all("already started" in r.last_error for r in dropped)


# --- announcements ----------------------------------------------------------------------------------------


async def test_announce_reaches_every_subscriber_chat_once_and_only_admins_may(database: Database) -> None:
    with freeze_time(NOW, real_asyncio=True):
        n = await make_negotiation(database)
        e = await make_event(database, n, starts_at=NOW + 10 * D)
        for chat in (1, 2, 3):
            await subscribe_negotiation(database, chat_id=chat, user_id=chat, negotiation_id=n, language="en")
        await subscribe_event(database, chat_id=3, user_id=3, event_id=e, language="en")
        await set_chat(database, 2, active=False)  # blocked the bot
        with pytest.raises(ReminderError):
            await announce(database, user_id=5, negotiation_id=n, text="hi", announcement_id="a")
        count = await announce(database, user_id=7, negotiation_id=n, text="<b>Talks</b> resume & more", announcement_id="1.10")
        again = await announce(database, user_id=7, negotiation_id=n, text="<b>Talks</b> resume & more", announcement_id="1.10")
    assert (count, again) == (2, 0)
    sent = await rows(database, kind="announcement")
    assert sorted(r.chat_id for r in sent) == [1, 3]
    assert "&lt;b&gt;Talks&lt;/b&gt; resume &amp; more" in sent[0].text


async def test_changing_zone_or_lead_times_moves_pending_reminders(database: Database) -> None:
    from bot.preferences import set_lead_times, set_timezone

    with freeze_time(NOW, real_asyncio=True):
        n = await make_negotiation(database)
        e = await make_event(database, n, starts_at=datetime(2020, 3, 15, 6, 0, tzinfo=UTC))
        await set_chat(database, 42, timezone="UTC", lead_times="1d")
        await subscribe_event(database, chat_id=42, user_id=42, event_id=e, language="en")
        [before] = await rows(database)
        assert "(UTC)" in before.text
        await set_timezone(database, 42, "Ankara")
        [after_zone] = await rows(database)
        assert after_zone.due_at == before.due_at and "(Europe/Istanbul)" in after_zone.text
        await set_lead_times(database, 42, "2h")
        [after_leads] = await rows(database)
    assert after_leads.due_at == datetime(2020, 3, 15, 4, 0, tzinfo=UTC)
