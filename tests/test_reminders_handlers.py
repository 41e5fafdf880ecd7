"""/subscribe, 🔔 Remind me, /reminders with 🔕 buttons, /announce and /unsubscribe, through the real
Application against the fake Bot API server (the in-process dispatcher delivers the announcement)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from telegram import Update

from bot import clock
from bot.app import _post_init, _post_shutdown, build_application
from bot.config import load_settings
from storage.db import Database
from storage.models import Event, Negotiation

try:
    from tests.fake_telegram import FakeTelegram
except ImportError:
    from fake_telegram import FakeTelegram  # type: ignore[no-redef]

TOKEN = "123456789:AAFakeTelegramTokenForTests_0123456789"


async def test_subscribe_list_unsubscribe_and_announce(sqlite_url: str) -> None:
    async with FakeTelegram(token=TOKEN) as server:
        settings = load_settings(
            telegram_bot_token=TOKEN, telegram_base_url=server.base_url, database_url=sqlite_url,
            admin_ids="7", reminder_lead_times="1d,1h", default_timezone="Europe/Istanbul",
        )
        app = build_application(settings)
        await app.initialize()
        await _post_init(app)
        try:
            database: Database = app.bot_data["services"].database
            async with database.session() as session:
                negotiation = (await session.execute(select(Negotiation))).scalars().first()
                event = Event(negotiation_id=negotiation.id, key="future-talks", title="Next round of talks",
                              starts_at=clock.now() + timedelta(days=10), precision="exact", timezone="Europe/Istanbul",
                              status="scheduled", is_key_date=True, place="Ankara")
                session.add(event)
                await session.commit()
                event_id = event.id

            async def say(text: str, user: int = 42) -> dict:
                mark = server.mark()
                await app.process_update(Update.de_json(server.send_text(42, user, text), app.bot))
                return await server.wait_for_message(42, after=mark)

            reply = await say("/subscribe")
            assert "I'll remind you before every key date" in reply["text"]
            assert "Next round of talks: on " in reply["text"] and "(Europe/Istanbul), 1 day before" in reply["text"]

            mark = server.mark()
            press = server.press_button(42, 42, reply["message_id"], f"rm:{event_id}", strict=False)
            await app.process_update(Update.de_json(press, app.bot))
            confirm = await server.wait_for_message(42, after=mark)
            assert "I'll remind you of Next round of talks" in confirm["text"]
            assert server.callback_answer(press) is not None

            listing = await say("/reminders")
            assert "every key date of" in listing["text"] and "Next round of talks" in listing["text"]
            unsub = [b for row in listing["reply_markup"]["inline_keyboard"] for b in row]
            assert len(unsub) == 2 and all(b["callback_data"].startswith("unsub:") for b in unsub)
            mark = server.mark()
            press = server.press_button(42, 42, listing["message_id"], unsub[1]["callback_data"])
            await app.process_update(Update.de_json(press, app.bot))
            assert "Unsubscribed from" in (await server.wait_for_message(42, after=mark))["text"]

            assert "Only admins" in (await say("/announce hello", user=5))["text"]
            assert "Queued for 1 chat" in (await say("/announce Talks <resume> & more", user=7))["text"]
            announced = await server.wait_for_message(42, "📣", timeout=10)
            assert "Talks <resume> & more" in announced["text"]

            assert "Unsubscribed from all reminders (1)" in (await say("/unsubscribe"))["text"]
            assert "You have no reminders" in (await say("/reminders"))["text"]
            assert not server.bot_faults()
        finally:
            await _post_shutdown(app)
            await app.shutdown()
