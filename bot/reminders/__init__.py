"""Reminders before key dates: planning (who is reminded of what, when) and dispatch (the outbox).

- `planning`: when reminders fire (pure; lead times, day/month precision, zones).
- `messages`, `texts`: what reminders and change notices say (HTML + keyboards as plain dicts).
- `service`: subscribe / unsubscribe / list / announce, and `on_event_change`, which the timeline's
  edits call inside their transaction.
- `dispatcher`: drains the outbox at Telegram's limits through a `Sender`.
- `runner`: wires a dispatcher to the Telegram adapter, `bot/reminder_sender.py`, which lives outside
  this package so that nothing in it imports `telegram`.
- `python -m bot.reminders`: a dispatcher on its own (several may share one PostgreSQL database).
"""

from bot.reminders.dispatcher import Dispatcher, DispatcherConfig, Outgoing, Sender
from bot.reminders.service import (
    ReminderError,
    SubscribeResult,
    SubscriptionView,
    announce,
    configure,
    list_subscriptions,
    on_event_change,
    subscribe_event,
    subscribe_negotiation,
    unsubscribe,
    unsubscribe_all,
)

__all__ = [
    "Dispatcher",
    "DispatcherConfig",
    "Outgoing",
    "ReminderError",
    "Sender",
    "SubscribeResult",
    "SubscriptionView",
    "announce",
    "configure",
    "list_subscriptions",
    "on_event_change",
    "subscribe_event",
    "subscribe_negotiation",
    "unsubscribe",
    "unsubscribe_all",
]
