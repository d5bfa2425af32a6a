"""Who can see a posted discussion, read from Discord, for the chat (bot.permissions.may_discuss
decides). From the client's cache when the bot is connected to the server; for a DM about a server
another shard process serves, asked of Discord over REST (the member, the roles, the channel's
overwrites) and computed by bot.permissions.channel_permissions. Whatever cannot be read counts as
not seen: the answer then speaks of the articles only."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

import discord

from bot.permissions import VIEW_CHANNEL, DiscussionSight, Overwrite, channel_permissions, may_discuss

log = logging.getLogger(__name__)


class Discussion(Protocol):
    """Where a discussion is posted (a stored post: bot.storage.posts.Discussion)."""

    @property
    def id(self) -> int: ...
    @property
    def guild_id(self) -> int: ...
    @property
    def channel_id(self) -> int: ...  # the forum or text channel
    @property
    def thread_id(self) -> int | None: ...


class DiscussionSights:
    REMEMBER_SECONDS = 60.0  # REST answers reused for a while: a DM asks about several posts at once

    def __init__(self, bot: discord.Client) -> None:
        self.bot = bot
        self._rest: dict[tuple[str, int], tuple[Any, float]] = {}

    def for_message(self, message: discord.Message) -> Callable[[Discussion], Awaitable[bool]]:
        """The check the chat applies to each discussion it might speak of in its answer to `message`
        (every post of the server may be asked about: who sees a channel is read once per channel)."""
        channel = message.channel
        private = message.guild is None
        parent = channel.parent_id if isinstance(channel, discord.Thread) else None
        seen: dict[tuple[int, int], tuple[bool, bool]] = {}

        async def allowed(post: Discussion) -> bool:
            where = (post.guild_id, post.channel_id)
            if where not in seen:
                try:
                    seen[where] = await self._seen(message, post)
                except discord.HTTPException as error:
                    log.info("Could not check who sees discussion %s: %s", post.id, error)
                    seen[where] = (False, False)
            asker, everyone = seen[where]
            inside = not private and (channel.id in (post.thread_id, post.channel_id) or parent == post.channel_id)
            return may_discuss(DiscussionSight(asker, everyone, inside, private))

        return allowed

    async def _seen(self, message: discord.Message, post: Discussion) -> tuple[bool, bool]:
        """(the asker may view the discussion's channel, @everyone may)."""
        guild = self.bot.get_guild(post.guild_id)
        if guild is None:
            if message.guild is not None:
                return False, False  # another server's discussion, asked in a server: never
            return await self._over_rest(post, message.author.id)
        where = guild.get_channel(post.channel_id)
        if where is None:  # the channel is gone (or unknown): nothing to show
            return False, False
        member = message.author if isinstance(message.author, discord.Member) else guild.get_member(message.author.id)
        if member is None or member.guild.id != guild.id:
            try:
                member = await guild.fetch_member(message.author.id)
            except discord.NotFound:
                return False, False
        return where.permissions_for(member).view_channel, where.permissions_for(guild.default_role).view_channel

    async def _cached(self, kind: str, key: int, fetch: Callable[[], Awaitable[Any]]) -> Any:
        now = time.monotonic()
        known = self._rest.get((kind, key))
        if known is not None and known[1] > now:
            return known[0]
        value = await fetch()
        if len(self._rest) > 10_000:
            self._rest.clear()
        self._rest[(kind, key)] = (value, now + self.REMEMBER_SECONDS)
        return value

    async def _over_rest(self, post: Discussion, user_id: int) -> tuple[bool, bool]:
        """(the member sees it, @everyone sees it) for a server this process is not connected to."""
        http = self.bot.http
        guild_id = post.guild_id
        try:
            member = await http.get_member(guild_id, user_id)
        except discord.NotFound:
            return False, False
        guild = await self._cached("guild", guild_id, lambda: http.get_guild(guild_id))
        roles = await self._cached("roles", guild_id, lambda: http.get_roles(guild_id))
        channel = await self._cached("channel", post.channel_id, lambda: http.get_channel(post.channel_id))
        role_permissions = {int(r["id"]): int(r["permissions"]) for r in roles}
        overwrites = tuple(
            Overwrite(int(o["id"]), int(o["type"]) == 1, int(o["allow"]), int(o["deny"]))
            for o in channel.get("permission_overwrites") or ()
        )

        def sees(member_id: int, member_roles: frozenset[int], owner: bool) -> bool:
            return bool(
                channel_permissions(
                    guild_id=guild_id,
                    owner=owner,
                    member_id=member_id,
                    member_roles=member_roles,
                    role_permissions=role_permissions,
                    overwrites=overwrites,
                )
                & VIEW_CHANNEL
            )

        member_roles = frozenset(int(r) for r in member.get("roles") or ())
        asker = sees(user_id, member_roles, int(guild.get("owner_id") or 0) == user_id)
        return asker, sees(0, frozenset(), False)
