"""Answering plain-language questions about a negotiation's timeline (en, tr, ru).

Pure domain code: no Telegram, no database. `Answerer(snapshot).answer(question, now=...)` returns an
`Answer` of plain-text blocks that any front end can render.
"""

from bot.answering.engine import Answerer, freeze_long_lived_objects
from bot.answering.types import Answer, Block, Match

__all__ = ["Answer", "Answerer", "Block", "Match", "freeze_long_lived_objects"]
