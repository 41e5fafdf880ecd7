"""Validated, audited edits of the timeline: what admins do from Telegram, as plain functions.

Never imports `telegram`. Takes plain values (ids, typed text, an `Actor`, a clock reading) and
returns plain values (`Draft`, `EventChange`, views), raising:

- `EditError(field, problem, example)` for bad input: names the field, says what is wrong and shows
  the right form, before anything is written;
- `ConflictError` when the row changed since the version the edit was based on (optimistic locking
  with a conditional UPDATE; the error carries the current version to show);
- `NotAdmin` when someone who is not an admin asks for an `Actor`.

Every write is one transaction together with its audit entry (and the reminders' re-planning, when
that module offers `on_event_change`): all of it is committed, or none.
"""

from __future__ import annotations

from bot.timeline.admins import (
    Actor,
    AdminInfo,
    add_admin,
    authorize,
    is_admin,
    list_admins,
    parse_user_id,
    remove_admin,
)
from bot.timeline.edits import (
    NegotiationInfo,
    PointStatusResult,
    SourceAdded,
    UndoResult,
    add_event,
    add_source,
    create_negotiation,
    current_event,
    delete_event,
    edit_event_field,
    event_view,
    move_event,
    preview_edit,
    set_event_status,
    set_point_status,
    slugify,
    undo_last,
)
from bot.timeline.errors import (
    DATE_EXAMPLE,
    LINE_EXAMPLE,
    MAX_ATTRIBUTION,
    MAX_DETAILS,
    MAX_PLACE,
    MAX_TITLE,
    TITLE_EXAMPLE,
    URL_EXAMPLE,
    ConflictError,
    EditError,
    NotAdmin,
    NotFound,
)
from bot.timeline.history import (
    FieldChange,
    HistoryItem,
    history,
    show_value,
)
from bot.timeline.parsing import (
    EDITABLE_FIELDS,
    FIELD_HELP,
    Draft,
    Ref,
    check_zone,
    parse_add_line,
    parse_date,
    parse_event_status,
    parse_field,
    parse_kind,
    parse_point_status,
    parse_ref,
    parse_yes_no,
    publisher_of,
    resolve_zone_text,
    validate_details,
    validate_place,
    validate_title,
    validate_url,
)

__all__ = [
    "DATE_EXAMPLE",
    "TITLE_EXAMPLE",
    "URL_EXAMPLE",
    "LINE_EXAMPLE",
    "MAX_TITLE",
    "MAX_DETAILS",
    "MAX_PLACE",
    "MAX_ATTRIBUTION",
    "EditError",
    "NotFound",
    "ConflictError",
    "NotAdmin",
    "Actor",
    "is_admin",
    "authorize",
    "AdminInfo",
    "list_admins",
    "parse_user_id",
    "add_admin",
    "remove_admin",
    "resolve_zone_text",
    "check_zone",
    "parse_date",
    "validate_title",
    "validate_details",
    "validate_place",
    "validate_url",
    "publisher_of",
    "parse_yes_no",
    "parse_event_status",
    "parse_point_status",
    "parse_kind",
    "Ref",
    "parse_ref",
    "EDITABLE_FIELDS",
    "FIELD_HELP",
    "parse_field",
    "Draft",
    "parse_add_line",
    "event_view",
    "current_event",
    "slugify",
    "add_event",
    "move_event",
    "set_event_status",
    "edit_event_field",
    "preview_edit",
    "delete_event",
    "SourceAdded",
    "add_source",
    "PointStatusResult",
    "set_point_status",
    "UndoResult",
    "undo_last",
    "NegotiationInfo",
    "create_negotiation",
    "FieldChange",
    "HistoryItem",
    "show_value",
    "history",
]
