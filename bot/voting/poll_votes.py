"""Poll mode: mirror Discord's poll votes into SQLite and reconcile them with Discord.

Vote events go through one writer task that commits them in groups (thousands per
transaction when they pour in). Reconciliation runs through the same queue, so it is
ordered with live events; members whose votes changed while Discord's voter lists were
being read keep what the live events said.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

import discord

from bot.sharding import Ownership
from bot.storage import posts as post_store
from bot.storage import votes as vote_store
from bot.storage.database import Database
from bot.storage.posts import PostRecord
from bot.storage.votes import PollVote

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]


class PollVoteWriter:
    def __init__(self, db: Database, *, max_batch: int = 5000) -> None:
        self.db = db
        self.max_batch = max_batch
        self._queue: asyncio.Queue[PollVote | Job] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._watches: dict[int, set[int]] = {}  # post id -> users whose votes changed meanwhile
        self.committed = 0

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="poll-vote-writer")

    async def stop(self, timeout: float = 10.0) -> None:
        """Let the queue drain (up to `timeout` seconds), then end the writer. Safe to run again
        while an earlier stop is still finishing (Client.close() can run twice at once): each works
        on the task it found, and only the one that ended it forgets it."""
        task = self._task
        if task is None:
            return
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._queue.join(), timeout)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        if self._task is task:
            self._task = None

    def submit(self, vote: PollVote) -> None:
        self._queue.put_nowait(vote)

    def submit_job(self, job: Job) -> None:
        self._queue.put_nowait(job)

    async def flush(self) -> None:
        await self._queue.join()

    def watch(self, post_id: int) -> None:
        self._watches[post_id] = set()

    def unwatch(self, post_id: int) -> set[int]:
        return self._watches.pop(post_id, set())

    async def _run(self) -> None:
        while True:
            item = await self._queue.get()
            batch: list[PollVote] = []
            jobs: list[Job] = []
            if isinstance(item, PollVote):
                batch.append(item)
                while len(batch) < self.max_batch and not self._queue.empty():
                    nxt = self._queue.get_nowait()
                    if isinstance(nxt, PollVote):
                        batch.append(nxt)
                    else:
                        jobs.append(nxt)  # a job ends the batch so it sees every earlier vote
                        break
            else:
                jobs.append(item)
            try:
                if batch:
                    await vote_store.apply_poll_votes(self.db, batch)
                    self.committed += len(batch)
                    for vote in batch:
                        watch = self._watches.get(vote.post_id)
                        if watch is not None:
                            watch.add(vote.user_id)
                for job in jobs:
                    await job()
            except Exception:
                log.exception("Storing %d poll votes failed; the next reconciliation repairs them", len(batch))
            finally:
                for _ in range(len(batch) + len(jobs)):
                    self._queue.task_done()


class PollVotes:
    """Routes raw vote events to posts and keeps stored votes equal to Discord's."""

    def __init__(self, db: Database, client: discord.Client, *, ownership: Ownership | None = None) -> None:
        self.db = db
        self.client = client  # the polls' messages, to read their voter lists
        self.ownership = ownership  # a shard process reconciles the polls of its own servers only
        self.writer = PollVoteWriter(db)
        self._posts_by_message: dict[int, int | None] = {}

    async def start(self) -> None:
        for post in await post_store.open_posts(self.db, "poll", self.ownership):
            if post.question_message_id is not None:
                self._posts_by_message[post.question_message_id] = post.id
        self.writer.start()

    async def stop(self) -> None:
        await self.writer.stop()

    def track(self, message_id: int, post_id: int) -> None:
        self._posts_by_message[message_id] = post_id

    async def on_vote(self, payload: discord.RawPollVoteActionEvent, added: bool) -> None:
        post_id = self._posts_by_message.get(payload.message_id, 0)
        if post_id == 0:  # not seen yet: one lookup, remembered either way
            post = await post_store.post_by_question_message(self.db, payload.message_id)
            post_id = post.id if post is not None and post.vote_mode == "poll" else None
            self._posts_by_message[payload.message_id] = post_id
        if post_id is None:
            return
        self.writer.submit(PollVote(added, post_id, payload.answer_id, payload.user_id))

    async def reconcile(self, post: PostRecord) -> tuple[int, int]:
        """Make the stored votes of `post` equal Discord's voter lists; (added, removed)."""
        if post.question_message_id is None or post.thread_id is None:
            return 0, 0
        thread = self.client.get_channel(post.thread_id) or await self.client.fetch_channel(post.thread_id)
        assert isinstance(thread, discord.Thread)
        self.writer.watch(post.id)
        try:
            message = await thread.fetch_message(post.question_message_id)
            if message.poll is None:
                return 0, 0
            voters: dict[int, list[int]] = {}
            for answer in message.poll.answers:
                voters[answer.id] = [user.id async for user in answer.voters(limit=None)]
        except BaseException:
            self.writer.unwatch(post.id)
            raise
        result = [0, 0]
        done = asyncio.get_running_loop().create_future()

        async def apply() -> None:
            keep = self.writer.unwatch(post.id)
            for answer_id, users in voters.items():
                added, removed = await vote_store.replace_poll_voters(self.db, post.id, answer_id, users, keep)
                result[0] += added
                result[1] += removed
            done.set_result(None)

        self.writer.submit_job(apply)
        await done
        if result != [0, 0]:
            log.info("Reconciled post %s: %d votes added, %d removed", post.id, *result)
        return result[0], result[1]

    async def reconcile_all(self) -> None:
        for post in await post_store.open_posts(self.db, "poll", self.ownership):
            try:
                await self.reconcile(post)
            except discord.HTTPException as error:
                log.warning("Could not reconcile the votes of post %s: %s", post.id, error)
