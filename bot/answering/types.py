"""The values the answering engine returns; plain and frozen so any front end can render them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Match:
    """A fact the answer draws on, best first (what `ask --json` lists)."""

    kind: Literal["event", "point"]
    id: int
    title: str
    date: str | None  # YYYY-MM-DD of the announced day
    status: str
    source: str  # "Al Jazeera (with Reuters), 12 March 2020 — Hulusi Akar, cited by his office"
    score: float
    negotiation_id: int


@dataclass(frozen=True)
class Block:
    """One paragraph of the reply; the renderer styles it by kind (headline bold, quote italic ...)."""

    kind: Literal["headline", "detail", "history", "quote", "source", "note", "suggestions"]
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Answer:
    answered: bool
    language: str
    intent: str
    blocks: tuple[Block, ...]
    matches: tuple[Match, ...]
    event_id: int | None = None  # the dated event the answer is about (for a "Remind me" button)

    def plain_text(self) -> str:
        """The reply as plain text (no markup): blocks in order, one paragraph each."""
        parts = []
        for block in self.blocks:
            text = block.text
            if block.kind == "source" and block.url and block.url not in text:
                text = f"{text} ({block.url})"
            parts.append(text)
        return "\n\n".join(p for p in parts if p)
