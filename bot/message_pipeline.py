"""One path for every message: moderation first, then whatever answers it, then text commands.

discord.py runs each `on_message` listener as a task of its own. With one listener per cog a
message cost three tasks, and nothing ordered them: the chat could be answering a message that
moderation was removing. Cogs add a stage here instead (in `cog_load`, removed in `cog_unload`);
the bot runs the stages in order, in the one task discord.py gives its own `on_message`.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Awaitable, Callable

import discord

log = logging.getLogger(__name__)

# A stage returns True when it dealt with the message for good (removed it, answered it): the
# stages after it, and text commands, do not see it.
MessageStage = Callable[[discord.Message], Awaitable[bool]]

MODERATION = 100
CHAT = 200


class MessagePipeline:
    def __init__(self) -> None:
        self._order: list[int] = []
        self._stages: list[MessageStage] = []

    def add(self, stage: MessageStage, *, order: int) -> None:
        """Run `stage` for every message, after the stages with a lower `order`."""
        at = bisect.bisect_right(self._order, order)
        self._order.insert(at, order)
        self._stages.insert(at, stage)

    def remove(self, stage: MessageStage) -> None:
        for at, known in enumerate(self._stages):
            if known == stage:
                del self._order[at], self._stages[at]
                return

    async def run(self, message: discord.Message) -> bool:
        """True if a stage dealt with the message. A stage that raises is logged and skipped: one
        broken stage must not stop moderation or the others."""
        for stage in self._stages:
            try:
                if await stage(message):
                    return True
            except Exception:
                name = getattr(stage, "__qualname__", stage)
                log.exception("Message stage %s failed on message %s", name, message.id)
        return False
