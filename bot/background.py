"""Work the bot starts and nobody awaits (a refresh, a start-up step): kept referenced until it ends,
and its failure logged. Otherwise asyncio may collect a running task, and an exception in one shows
only as "Task exception was never retrieved", if ever."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger(__name__)

_running: set[asyncio.Task[Any]] = set()


def run_in_background(work: Coroutine[Any, Any, Any], *, name: str) -> asyncio.Task[Any]:
    """Start `work` as a task; its exception, if it raises one, is logged with `name`."""
    task = asyncio.create_task(work, name=name)
    _running.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _running.discard(task)
    if not task.cancelled() and (error := task.exception()) is not None:
        log.error("Background task %s failed", task.get_name(), exc_info=error)
