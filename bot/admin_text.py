"""Words of the admin interface (English only: admins are staff).

Templates are trusted HTML with `{placeholders}`; every value put into them comes from the renderer
or the admin handlers already escaped.
"""

from __future__ import annotations

from typing import Any

ADMIN_TEXT: dict[str, str] = {
    "admin_only": "🔒 {command} is for admins only. Nothing was changed.",
    "error": "⚠️ <b>{field}</b>: {problem}\nExample: <code>{example}</code>",
    "preview_new": "👀 <b>Preview</b> — not saved yet. This is how users will see it:",
    "preview_edit": "👀 <b>Preview of #{id}</b> — {field} changes; not saved yet:",
    "btn_save": "✅ Save",
    "btn_edit": "✏️ Edit",
    "btn_cancel": "✖ Cancel",
    "saved_new": "✅ Saved as #{id} in <b>{negotiation}</b>. It is answerable now.",
    "saved_edit": "✅ Saved #{id} (version {version}).",
    "cancelled": "✖ Cancelled. Nothing was saved.",
    "expired": "This preview is no longer open (saved, cancelled or from before a restart). Send the command again.",
    "edit_add_hint": "✏️ Correct this line and send it again:\n<code>{line}</code>\nor /add alone for step-by-step questions.",
    "edit_edit_hint": "✏️ Send the corrected command:\n<code>{line}</code>",
    "conflict": (
        "⚠️ <b>#{id} changed meanwhile</b> — your edit was based on version {expected}, it is now at version "
        "{current}. Nothing was overwritten. This is the current version; edit again if your change is still needed:"
    ),
    "conflict_gone": "⚠️ #{id} changed meanwhile (it is now version {current}). Nothing was overwritten.",
    "moved": "📅 #{id} <b>{title}</b> moved: {old} → {new} (version {version}).",
    "status_event": "🔄 #{id} <b>{title}</b>: {old} → {new} (version {version}).",
    "status_point": "🔄 Point p{id} <b>{title}</b>: {old} → {new} since {since}.",
    "deleted": "🗑 #{id} <b>{title}</b> is deleted (hidden from users; /undo brings it back).",
    "undone": "↩️ Undone: your last {action} of {what} <b>{title}</b>.",
    "source_added": "📰 Source added to {what} <b>{title}</b>: {source}",
    "history_title": "🕓 <b>History of {what}</b>",
    "history_empty": "No changes are recorded.",
    "admins_title": "👮 <b>Admins</b>",
    "admins_footer": "/admins add &lt;id&gt; · /admins remove &lt;id&gt;",
    "admin_added": "✅ {user_id} is now an admin.",
    "admin_already": "{user_id} is already an admin.",
    "admin_removed": "✅ {user_id} is no longer an admin.",
    "negotiations_title": "🗂 <b>Negotiations</b> (you are editing the one marked ▶)",
    "negotiations_footer": "/negotiation use &lt;key&gt; · /negotiation new &lt;title&gt;",
    "negotiation_created": "✅ Created <b>{title}</b> with key <code>{key}</code>. You are now editing it.",
    "negotiation_chosen": "▶ You are now editing <b>{title}</b> (<code>{key}</code>).",
    "negotiation_unknown": "⚠️ <b>negotiation</b>: there is none with key <code>{key}</code>. Keys: {keys}",
    "negotiation_needed": "Which negotiation are you editing? Choose with <code>/negotiation use &lt;key&gt;</code>. Keys: {keys}",
    "negotiation_none": "No negotiation exists yet. Create one: <code>/negotiation new &lt;title&gt;</code>",
    "edit_fields": (
        "✏️ <b>Edit #{id}</b> (version {version}) — send one of:\n{fields}\n\n"
        "Also: <code>/move {id} DATE</code> · <code>/status {id} STATUS</code> · <code>/source {id} URL [attribution]</code> · "
        "<code>/delete {id}</code> · <code>/history {id}</code>"
    ),
    "usage": "Usage: <code>{usage}</code>",
    "guided_negotiation": "➕ <b>New event</b> — step 1: which negotiation? Send its key{default}.\nKeys: {keys}\n(/cancel to stop)",
    "guided_date": "➕ <b>New event</b> in <b>{negotiation}</b> — the date?\nFor example <code>2020-03-15</code>, <code>2020-03-15 14:30 Europe/Istanbul</code>, <code>15 March 2020</code>, <code>next Sunday</code> or <code>2020-03</code>. (/cancel to stop)",
    "guided_title": "The title? (as users should read it)",
    "guided_details": "Details? A sentence or two, or /skip.",
    "guided_source": "The source URL? (<code>https://…</code>), or /skip.",
    "guided_key": "Is this a key date that subscribers get reminders for? <b>yes</b> or <b>no</b>",
    "guided_cancelled": "✖ Stopped. Nothing was saved.",
    "guided_timeout": "⌛ The /add conversation timed out after {minutes} minutes of silence. Nothing was saved; send /add to start again.",
    "nothing_to_cancel": "There is nothing to cancel.",
}


def a(name: str, /, **values: Any) -> str:
    return ADMIN_TEXT[name].format(**values)
