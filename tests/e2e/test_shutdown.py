"""Stopping the bot: discord.py's Client.close() can run more than once (Ctrl-C's handler, then
`async with`'s exit), even at the same time; every run after the first must be harmless."""

from __future__ import annotations

import asyncio
import logging

import pytest

from tests.harness import World, eventually, running_bot


async def test_closing_twice_at_once_is_clean(world: World, bot_env: dict[str, str], caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.WARNING)
    async with running_bot(bot_env) as bot:  # leaving this block closes it a third time
        stops = 0
        wait_for_boards = bot.answer_board.wait_idle  # a step that only close() takes

        async def counted_step() -> None:
            nonlocal stops
            stops += 1
            await wait_for_boards()

        bot.answer_board.wait_idle = counted_step  # type: ignore[method-assign]
        first = asyncio.create_task(bot.close())  # as the signal handler starts it
        await eventually(bot.is_closed, interval=0)  # disconnected: bot.start() returns, and
        second = asyncio.create_task(bot.close())  # `async with bot` in bot/runner.py closes again
        results = await asyncio.gather(first, second, bot.close(), return_exceptions=True)
        assert results == [None, None, None]
        assert bot.db.closed
    await bot.close()  # and a fourth, after everything has stopped
    assert stops == 1  # one run of the shutdown's steps, however many calls
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING and "voice" not in r.getMessage()]
    assert problems == [], [r.getMessage() for r in problems]
