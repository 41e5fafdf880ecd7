"""What the answering steps hand each other: a fact, a ranked candidate, the question in hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Union

from bot.answering.query import Query
from bot.snapshot import EventView, PointView

Item = Union[EventView, PointView]


@dataclass
class Candidate:
    """A search hit re-scored for the question: `mask` says which term groups it matched."""

    doc: int
    item: Item
    score: float
    mask: int
    coverage: float
    matched: float


@dataclass
class Ctx:
    """The question being answered and what it is asked against (time, reader's zone, negotiation)."""

    q: Query
    now: datetime
    zone: str
    negotiation_id: int | None
    lang: str


def is_range(item: Item) -> bool:
    """An event with an end: it starts and ends by itself (talks, a stay)."""
    return isinstance(item, EventView) and item.when.ends_at is not None
