"""Replies by kind of question; each turns ranked candidates into an `Answer`."""

from __future__ import annotations


