"""Which message updates are edits to screen.

Edits come from the raw event (`on_raw_message_edit`), not from `on_message_edit`: discord.py fires
the latter only for messages in its cache (the last 1,000 it saw, empty after a restart), so an edit
to an older message would never be screened. The raw event carries the updated message whether or
not it is cached. But Discord sends a message update for more than edits (a link preview arriving,
a thread started on the message, a pin), and the same edit can arrive again that way: an update is
screened once per edit, known by the message's id and its edited timestamp.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict

import discord

REMEMBERED_EDITS = 4096  # updates that are not edits arrive within seconds of the edit they repeat


class ScreenedEdits:
    """The edits screened lately, so that a repeat of one is not screened (and acted on) again."""

    def __init__(self, size: int = REMEMBERED_EDITS) -> None:
        self._size = size
        self._seen: OrderedDict[tuple[int, dt.datetime], None] = OrderedDict()

    def first_time(self, message_id: int, edited_at: dt.datetime) -> bool:
        key = (message_id, edited_at)
        if key in self._seen:
            self._seen.move_to_end(key)
            return False
        self._seen[key] = None
        if len(self._seen) > self._size:
            self._seen.popitem(last=False)
        return True

    def to_screen(self, payload: discord.RawMessageUpdateEvent) -> discord.Message | None:
        """The edited message if this update is a member's edit not screened yet, else None."""
        message = payload.message
        if message.author.bot or message.webhook_id is not None:
            return None
        if message.edited_at is None:  # never edited: a preview, a thread, a pin
            return None
        cached = payload.cached_message
        if cached is not None and cached.content == message.content:
            return None  # an edit of something else (attachments removed, say): the words were screened
        if not self.first_time(message.id, message.edited_at):
            return None
        return message
