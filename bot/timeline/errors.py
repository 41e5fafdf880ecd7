"""What can go wrong with an edit, in words an admin can act on."""

from __future__ import annotations


from bot.snapshot import EventView



# --- errors -----------------------------------------------------------------------------------------

DATE_EXAMPLE = "2020-03-15, 2020-03-15 14:30 Europe/Istanbul, 15 March 2020, next Sunday or 2020-03"
TITLE_EXAMPLE = "Joint patrols suspended"
URL_EXAMPLE = "https://www.aljazeera.com/news/2020/3/12/turkey-russia-agree"
LINE_EXAMPLE = "/add 2020-03-15 | Joint patrols begin | Along the M4 highway | https://www.aljazeera.com/news/…"
MAX_TITLE = 200
MAX_DETAILS = 3500
MAX_PLACE = 200
MAX_ATTRIBUTION = 300


class EditError(ValueError):
    """Bad input: which field, what was wrong, and an example of the right form."""

    def __init__(self, field: str, problem: str, example: str) -> None:
        super().__init__(f"{field}: {problem} (for example: {example})")
        self.field = field
        self.problem = problem
        self.example = example


class NotFound(EditError):
    """The event, point or admin named does not exist (or is deleted)."""


class ConflictError(Exception):
    """The row changed since the version the edit was based on; nothing was written."""

    def __init__(self, entity: str, entity_id: int, expected: int, current_version: int | None,
                 current: EventView | None = None) -> None:
        super().__init__(f"{entity} #{entity_id} changed meanwhile: expected version {expected}, it is now {current_version}")
        self.entity = entity
        self.entity_id = entity_id
        self.expected = expected
        self.current_version = current_version
        self.current = current


class NotAdmin(PermissionError):
    """Admin commands are for admins only."""
