"""The member lists of the servers that screen names, loaded in the background after login.

The bot has the members intent but not the presences intent, and connects with
`chunk_guilds_at_startup=False` (thousands of servers must not hold up READY). Without presences,
Discord's GUILD_CREATE lists only the bot and members in voice, and discord.py drops the
GUILD_MEMBER_UPDATE of a member it has not cached ("referencing an unknown member ID"): a
long-standing member renaming themselves would never be screened. So each server whose names are
screened is asked for its members (REQUEST_GUILD_MEMBERS, discord.py's `Guild.chunk`), one server at
a time per shard and paced, as the gateway allows 120 sends a minute per connection and the bot's
other sends need room too. A rename in the seconds between a server's GUILD_CREATE and the end of
its list is still missed: Discord sends no earlier name to compare with."""

from __future__ import annotations

import asyncio
import logging
from collections import deque

import discord

from bot.background import run_in_background
from bot.config_cache import ConfigCache

log = logging.getLogger(__name__)

# Seconds between two member requests on one shard: at most 60 a minute, half the gateway's budget.
REQUEST_INTERVAL = 1.0


def chunk_timeout(member_count: int) -> float:
    """How long to wait for a server's member list (Discord sends 1,000 members a chunk)."""
    return max(30.0, member_count / 1000)


class MemberLists:
    def __init__(self, client: discord.Client, *, configs: ConfigCache, interval: float = REQUEST_INTERVAL) -> None:
        self.client = client
        self.configs = configs
        self.interval = interval
        self._queues: dict[int, deque[int]] = {}  # shard -> servers waiting for their list
        self._queued: set[int] = set()
        self._workers: dict[int, asyncio.Task[None]] = {}

    def load(self, guild: discord.Guild) -> None:
        """Ask for the server's member list, in the background, if its names are screened and the
        list is not complete already."""
        if guild.chunked or guild.id in self._queued:
            return
        shard = guild.shard_id or 0
        self._queues.setdefault(shard, deque()).append(guild.id)
        self._queued.add(guild.id)
        if shard not in self._workers:
            self._workers[shard] = run_in_background(self._work(shard), name=f"member-lists-{shard}")

    def stop(self) -> None:
        for worker in self._workers.values():
            worker.cancel()
        self._workers.clear()
        self._queues.clear()
        self._queued.clear()

    async def _work(self, shard: int) -> None:
        queue = self._queues[shard]
        try:
            while queue:
                guild_id = queue.popleft()
                self._queued.discard(guild_id)
                if await self._load(guild_id) and queue:
                    await asyncio.sleep(self.interval)
        finally:
            if self._workers.get(shard) is asyncio.current_task():
                del self._workers[shard]

    async def _load(self, guild_id: int) -> bool:
        """Ask for one server's members; True when a request was sent."""
        guild = self.client.get_guild(guild_id)
        if guild is None or guild.chunked or self.client.is_closed():
            return False
        if not (await self.configs.get(guild_id)).number("name_screening"):
            return False
        try:
            await asyncio.wait_for(guild.chunk(cache=True), chunk_timeout(guild.member_count or 0))
        except TimeoutError:
            log.warning("Guild %s: its member list did not arrive; renames of uncached members go unseen", guild_id)
        except (discord.ClientException, discord.ConnectionClosed) as error:
            log.warning("Guild %s: could not ask for its member list (%s)", guild_id, error)
        return True
