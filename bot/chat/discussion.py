"""Who answers whom in the discussion threads, recorded as messages arrive, for the digest.

The message path only queues (a reply in a thread is a tuple put on a queue; other messages cost
nothing); one task stores the queue in groups, in order with deletions, and keeps only threads
that are article discussions.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from bot.storage import discussion as discussion_store
from bot.storage import posts as post_store
from bot.storage.database import Database
from bot.storage.discussion import ReplyEdge

log = logging.getLogger(__name__)


class ReplyRecorder:
    def __init__(self, db: Database, *, max_batch: int = 500) -> None:
        self.db = db
        self.max_batch = max_batch
        self._queue: asyncio.Queue[ReplyEdge | int] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._discussions: dict[int, bool] = {}  # thread id -> is an article's discussion thread

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="reply-recorder")

    async def stop(self) -> None:
        if self._task is not None:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._queue.join(), 5)
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def reply(self, edge: ReplyEdge) -> None:
        if self._discussions.get(edge.thread_id, True):
            self._queue.put_nowait(edge)

    def note(
        self,
        message_id: int,
        thread_id: int,
        guild_id: int | None,
        parent_id: int,
        parent_author_id: int,
        parent_content: str,
    ) -> None:
        """A member answered another's message in a thread (on the message path: only queued)."""
        if self._discussions.get(thread_id, True):
            self._queue.put_nowait(
                ReplyEdge(message_id, thread_id, guild_id, parent_id, parent_author_id, parent_content)
            )

    def deleted(self, message_id: int) -> None:
        self._queue.put_nowait(message_id)

    async def flush(self) -> None:
        await self._queue.join()

    async def _is_discussion(self, thread_id: int) -> bool:
        known = self._discussions.get(thread_id)
        if known is None:
            known = await post_store.post_by_thread(self.db, thread_id) is not None
            if len(self._discussions) > 50_000:
                self._discussions.clear()
            self._discussions[thread_id] = known
        return known

    async def _run(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while len(batch) < self.max_batch and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            try:
                await self._store(batch)
            except Exception:
                log.exception("Storing %d reply records failed", len(batch))
            finally:
                for _ in batch:
                    self._queue.task_done()

    async def _store(self, batch: list[ReplyEdge | int]) -> None:
        # In arrival order: runs of replies, then the deletions that followed them.
        run: list[ReplyEdge] = []
        deleted: list[int] = []
        for item in batch:
            if isinstance(item, int):
                if run:
                    await discussion_store.record_replies(self.db, run)
                    run = []
                deleted.append(item)
                continue
            if deleted:
                await discussion_store.forget_messages(self.db, deleted)
                deleted = []
            if await self._is_discussion(item.thread_id):
                run.append(item)
        if run:
            await discussion_store.record_replies(self.db, run)
        if deleted:
            await discussion_store.forget_messages(self.db, deleted)
