"""Negotiation tracker: a Telegram bot that keeps the timeline of a diplomatic negotiation."""
