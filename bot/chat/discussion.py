"""Who answers whom in the discussion threads, recorded as messages arrive, for the digest.

The message path only queues (a reply in a thread is a tuple put on a queue; other messages cost
nothing); one task stores the queue in groups, in order with deletions, and keeps only threads
that are article discussions.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

from bot.storage import discussion as discussion_store
from bot.storage import posts as post_store
from bot.storage.database import Database
from bot.storage.discussion import ReplyEdge

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Edited:
    message_id: int
    text: str


@dataclass(frozen=True, slots=True)
class _ThreadGone:
    thread_id: int


_Item = ReplyEdge | int | _Edited | _ThreadGone  # an int: a deleted message


class ReplyRecorder:
    def __init__(self, db: Database, *, max_batch: int = 500) -> None:
        self.db = db
        self.max_batch = max_batch
        self._queue: asyncio.Queue[_Item] = asyncio.Queue()
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

    def edited(self, message_id: int, thread_id: int, text: str) -> None:
        """A message in a thread was edited: if the digest quotes it, the quote becomes the new text."""
        if self._discussions.get(thread_id, True):
            self._queue.put_nowait(_Edited(message_id, text))

    def thread_deleted(self, thread_id: int) -> None:
        """A thread was deleted, its messages with it (Discord sends no deletion per message)."""
        self._discussions[thread_id] = False  # nothing more to record there
        self._queue.put_nowait(_ThreadGone(thread_id))

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

    async def _store(self, batch: list[_Item]) -> None:
        # In arrival order, a run of items of one kind at a time: a reply, then its message's edit or
        # deletion, are applied in that order.
        run: list[_Item] = []
        for item in batch:
            if run and type(run[0]) is not type(item):
                await self._apply(run)
                run = []
            run.append(item)
        if run:
            await self._apply(run)

    async def _apply(self, run: list[_Item]) -> None:
        first = run[0]
        if isinstance(first, ReplyEdge):
            edges = [e for e in run if isinstance(e, ReplyEdge) and await self._is_discussion(e.thread_id)]
            await discussion_store.record_replies(self.db, edges)
        elif isinstance(first, _Edited):
            await discussion_store.edit_points(self.db, [(e.message_id, e.text) for e in run if isinstance(e, _Edited)])
        elif isinstance(first, _ThreadGone):
            await discussion_store.forget_threads(self.db, [t.thread_id for t in run if isinstance(t, _ThreadGone)])
        else:
            await discussion_store.forget_messages(self.db, [i for i in run if isinstance(i, int)])
