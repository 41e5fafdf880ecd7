"""Reminders before key dates: planning (who is reminded of what, when) and dispatch (the outbox)."""
