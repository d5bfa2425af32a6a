"""A task nobody awaits still has its failure logged."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.background import run_in_background


async def test_a_failing_background_task_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    async def fails() -> None:
        raise RuntimeError("boom")

    task = run_in_background(fails(), name="the-failing-one")
    await asyncio.wait({task})  # woken after the task's own done callback ran
    failed = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [r.getMessage() for r in failed] == ["Background task the-failing-one failed"]
    assert failed[0].exc_info is not None and "boom" in str(failed[0].exc_info[1])


async def test_a_cancelled_background_task_is_not_a_failure(caplog: pytest.LogCaptureFixture) -> None:
    task = run_in_background(asyncio.Event().wait(), name="waiting")
    await asyncio.sleep(0)
    task.cancel()
    await asyncio.wait({task})
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
