"""Persistence for the negotiation tracker. Knows nothing of the bot or of Telegram."""
