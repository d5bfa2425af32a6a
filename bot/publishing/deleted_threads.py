"""Discussions whose thread was deleted in Discord: a moderator removed the thread (or the forum
post), or the bot met 404 Unknown Channel for it after missing the event while offline.

The post is marked removed in storage (abandoned, so it is nobody's latest discussion, takes no more
updates and `/article post` may post the article again) together with ending the updates waiting to
be sent there, and one log line says so. A thread that only cannot be seen (403, a network error) is
not a deleted one and is left alone.
"""

from __future__ import annotations

import logging

import discord

from bot.storage import posts as post_store
from bot.storage.database import Database
from bot.storage.posts import PostRecord

log = logging.getLogger(__name__)

UNKNOWN_CHANNEL = 10003  # Discord's code for a channel (or thread) that does not exist
REASON = "the discussion thread was deleted"
# Posts checked per server when it becomes available: its newest discussion, the one the chat speaks
# of. Each check may be a REST call (archived threads are not in the gateway's cache), and a server
# becomes available at every start and reconnect: older threads are found at their first 404 instead.
CHECK_PER_SERVER = 1


class DeletedThreads:
    def __init__(self, db: Database, client: discord.Client, *, post_threads: set[int]) -> None:
        self.db = db
        self.client = client  # fetches a thread the cache does not hold, to see whether it is still there
        self.post_threads = post_threads  # the discussion threads, shared with moderation

    async def thread_deleted(self, thread_id: int) -> PostRecord | None:
        """The thread is gone: its post, if it was a discussion's, is marked removed; None otherwise
        (not a discussion, or already marked)."""
        post = await post_store.post_by_thread(self.db, thread_id)
        if post is None:
            return None
        ended = await post_store.mark_removed(self.db, post.id, REASON)
        if ended is None:
            return None
        self.post_threads.discard(thread_id)
        log.warning(
            "The discussion of %s (post %s, thread %s) was deleted in Discord: marked removed; "
            "%d update(s) waiting for it will not be sent",
            post.article_slug,
            post.id,
            thread_id,
            ended,
        )
        return post

    async def check_guild(self, guild: discord.Guild) -> int:
        """The server's latest discussion is marked removed if Discord no longer has its thread (deleted
        while the bot was offline); how many were. A thread in the cache is there (the gateway sent it)."""
        posts = [p for p in await post_store.posts_in_guild(self.db, guild.id) if p.status in ("posted", "closed")]
        found = 0
        for post in sorted(posts, key=lambda p: p.id, reverse=True)[:CHECK_PER_SERVER]:
            if post.thread_id is None or guild.get_thread(post.thread_id) is not None:
                continue
            try:
                await self.client.fetch_channel(post.thread_id)
            except discord.NotFound as error:
                if error.code == UNKNOWN_CHANNEL and await self.thread_deleted(post.thread_id) is not None:
                    found += 1
            except discord.HTTPException as error:  # not seen is not deleted: checked again next time
                log.info("Could not check the thread of post %s in %s: %s", post.id, guild.id, error)
        return found
