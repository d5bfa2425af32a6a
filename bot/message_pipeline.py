"""One path for every message: moderation first, then whatever answers it, then text commands.

discord.py runs each `on_message` listener as a task of its own. With one listener per cog a
message cost three tasks, and nothing ordered them: the chat could be answering a message that
moderation was removing. Cogs add a stage here instead (in `cog_load`, removed in `cog_unload`),
and the bot runs the stages in order.

Stages see members' messages only: the bot leaves out those of bots and webhooks (its own among
them). A stage is a plain function: it looks at the message at once and returns None when there is nothing
to do, or the work to await. Most messages need nothing (clean, and not for the bot), so `begin`
runs the stages as the message arrives and only a message with work to do costs a coroutine and a
task: a server's busiest path does not pay for its rarest.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import discord

log = logging.getLogger(__name__)

# The work a stage returns says True when it dealt with the message for good (removed it, answered
# it): the stages after it, and text commands, do not see it.
MessageStage = Callable[[discord.Message], Awaitable[bool] | None]

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

    def begin(self, message: discord.Message) -> Coroutine[Any, Any, bool] | None:
        """Run the stages until one has work: None if none had (the message is done), else the rest
        of the run, to await. Never raises: a stage that fails is logged and skipped, since one
        broken stage must not stop moderation or the others."""
        return self._begin(self._stages, message)

    async def run(self, message: discord.Message) -> bool:
        """Every stage, in order: True if one dealt with the message."""
        rest = self.begin(message)
        return rest is not None and await rest

    def _begin(self, stages: list[MessageStage], message: discord.Message) -> Coroutine[Any, Any, bool] | None:
        for at, stage in enumerate(stages):
            try:
                work = stage(message)
            except Exception as error:
                self._failed(stage, message, error)
                continue
            if work is not None:
                return self._finish(stage, work, stages[at + 1 :], message)
        return None

    async def _finish(
        self, stage: MessageStage, work: Awaitable[bool], later: list[MessageStage], message: discord.Message
    ) -> bool:
        try:
            if await work:
                return True
        except Exception as error:
            self._failed(stage, message, error)
        rest = self._begin(later, message)
        return rest is not None and await rest

    @staticmethod
    def _failed(stage: object, message: discord.Message, error: Exception) -> None:
        name = getattr(stage, "__qualname__", stage)
        log.error("Message stage %s failed on message %s", name, message.id, exc_info=error)
