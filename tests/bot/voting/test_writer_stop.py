"""The poll-vote writer's stop runs once per Client.close(), and close can run twice at once."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.storage import Database
from bot.voting.poll_votes import PollVoteWriter


async def test_a_second_stop_while_the_first_is_finishing_is_harmless(tmp_path: Path):
    db = await Database.open(tmp_path / "bot.sqlite3")
    try:
        await _stop_twice(PollVoteWriter(db))
    finally:
        await db.close()


async def _stop_twice(writer: PollVoteWriter) -> None:
    writer.start()
    cancelled, release = asyncio.Event(), asyncio.Event()

    async def slow_to_cancel() -> None:  # a job still finishing when the first stop cancels the writer
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            await release.wait()
            raise

    writer.submit_job(slow_to_cancel)
    await asyncio.sleep(0)  # the writer picks the job up
    first = asyncio.create_task(writer.stop(timeout=0.05))  # the job never drains: cancel it
    await asyncio.wait_for(cancelled.wait(), 15)  # the first stop is waiting for the writer to end
    second = asyncio.create_task(writer.stop(timeout=0.05))  # ...when the second begins
    await asyncio.sleep(0)
    release.set()
    assert await asyncio.gather(first, second, return_exceptions=True) == [None, None]
    await writer.stop()  # and once more, after both
