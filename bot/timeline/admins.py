"""Who may edit: the deployment's ADMIN_IDS plus admins added from Telegram (audited)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.config import Settings
from bot.timeline.errors import EditError, NotAdmin, NotFound
from storage import admin_queries as q
from storage.db import Database



# --- who --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """An admin, as obtained from `authorize` (or built directly by trusted code such as the CLI)."""

    user_id: int | None
    name: str

    @property
    def id_label(self) -> str:
        return f"tg:{self.user_id}" if self.user_id is not None else self.name

    @property
    def label(self) -> str:
        """What the audit's `actor` column says: `tg:123 (Ayşe)`."""
        if self.user_id is None:
            return self.name
        return f"tg:{self.user_id} ({self.name})" if self.name else f"tg:{self.user_id}"


async def is_admin(database: Database, settings: Settings, user_id: int | None) -> bool:
    if user_id is None:
        return False
    if user_id in settings.admin_ids:
        return True
    async with database.session() as session:
        return await q.admin_row(session, user_id) is not None


async def authorize(database: Database, settings: Settings, user_id: int | None, name: str) -> Actor:
    """The `Actor` every write needs; `NotAdmin` for everyone else (nothing is written)."""
    if not await is_admin(database, settings, user_id):
        raise NotAdmin(f"user {user_id} is not an admin")
    return Actor(user_id=user_id, name=(name or "").strip()[:64])

# --- admins -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AdminInfo:
    user_id: int
    origin: str  # "ADMIN_IDS" or "added"
    added_by: int | None = None
    added_at: datetime | None = None


async def list_admins(database: Database, settings: Settings) -> list[AdminInfo]:
    out = [AdminInfo(user_id, "ADMIN_IDS") for user_id in sorted(settings.admin_ids)]
    async with database.session() as session:
        rows = await q.admin_rows(session)
    out.extend(AdminInfo(r.user_id, "added", r.added_by, r.added_at) for r in rows if r.user_id not in settings.admin_ids)
    return out


def parse_user_id(text: str) -> int:
    word = (text or "").strip()
    if not re.fullmatch(r"\d{1,16}", word):
        raise EditError("user id", f"“{text}” is not a numeric Telegram user id" if word else "it is missing",
                        "/admins add 123456789")
    return int(word)


async def add_admin(database: Database, settings: Settings, actor: Actor, user_text: str | int) -> bool:
    """True when added, False when already an admin. Audited."""
    user_id = parse_user_id(str(user_text))
    if await is_admin(database, settings, user_id):
        return False
    async with database.session() as session:
        await q.insert_admin(session, user_id, actor.user_id)
        # entity_id is a 32-bit column and Telegram ids are not: the id goes in the values.
        q.write_audit(session, actor.label, "admin_add", "admin", None, None, {"user_id": user_id})
        await session.commit()
    return True


async def remove_admin(database: Database, settings: Settings, actor: Actor, user_text: str | int) -> None:
    user_id = parse_user_id(str(user_text))
    if user_id in settings.admin_ids:
        raise EditError("user id", f"{user_id} is an admin through the ADMIN_IDS setting; remove it there",
                        "/admins remove 123456789")
    async with database.session() as session:
        if await q.admin_row(session, user_id) is None:
            raise NotFound("user id", f"{user_id} is not an admin", "/admins remove 123456789")
        await q.delete_admin(session, user_id)
        q.write_audit(session, actor.label, "admin_remove", "admin", None, {"user_id": user_id}, None)
        await session.commit()
