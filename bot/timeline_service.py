"""The live timeline the bot serves: the newest snapshot and an answerer indexed on it.

Reloaded after every edit, so an admin's change is answerable at once.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from bot.answering import Answer, Answerer
from bot.snapshot import TimelineSnapshot, load_snapshot
from storage.db import Database


class TimelineService:
    def __init__(self, database: Database, snapshot: TimelineSnapshot) -> None:
        self.database = database
        self.snapshot = snapshot
        self.answerer = Answerer(snapshot)
        self.answerer.warm_up()
        self._lock = asyncio.Lock()

    @classmethod
    async def load(cls, database: Database) -> "TimelineService":
        async with database.session() as session:
            return cls(database, await load_snapshot(session))

    async def reload(self) -> None:
        async with self._lock:
            async with self.database.session() as session:
                snapshot = await load_snapshot(session)
            self.snapshot = snapshot
            self.answerer.refresh(snapshot)

    def answer(
        self, question: str, *, now: datetime, language: str | None, reader_zone: str, negotiation_id: int | None
    ) -> Answer:
        return self.answerer.answer(
            question, now=now, language=language, reader_zone=reader_zone, negotiation_id=negotiation_id
        )
