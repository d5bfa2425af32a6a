"""What a moderator does with `/mod`: warn, time out, note, purge, lock, slow mode; and the cases to
read back. Every action that is a case goes through bot.enforcement.cases, so each is stored,
logged and announced the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Iterable

import discord

from bot.enforcement.cases import CaseLog
from bot.enforcement.sanctions import Sanctions
from bot.enums import CaseAction
from bot.errors import UserFacingError
from bot.storage.moderation import Case

Channel = discord.TextChannel | discord.Thread


def channel_of(where: object, what: str) -> Channel:
    """The text channel or thread a command was used in; a UserFacingError elsewhere."""
    if not isinstance(where, discord.TextChannel | discord.Thread):
        raise UserFacingError(f"{what} works in text channels and threads.")
    return where


class ModeratorActions:
    def __init__(self, *, cases: CaseLog, sanctions: Sanctions) -> None:
        self.cases = cases
        self.sanctions = sanctions

    async def warn(
        self, guild: discord.Guild, member: discord.Member, *, by: int, reason: str
    ) -> tuple[Case, Case | None]:
        """The warning's case, and the timeout's if it is one warning too many."""
        return await self.sanctions.warn(guild, member.id, moderator_id=by, reason=reason)

    async def timeout(
        self, guild: discord.Guild, member: discord.Member, minutes: int, *, by: int, reason: str
    ) -> Case:
        if member.top_role >= guild.me.top_role or member == guild.owner:
            raise UserFacingError(f"I can't time out {member.mention}: their role is as high as mine.")
        until = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=minutes)
        return await self.sanctions.set_timeout(guild, member, until, moderator_id=by, reason=reason)

    async def untimeout(self, guild: discord.Guild, member: discord.Member, *, by: int, reason: str) -> Case:
        return await self.sanctions.set_timeout(guild, member, None, moderator_id=by, reason=reason)

    async def note(self, guild: discord.Guild, member: discord.Member, *, by: int, note: str) -> Case:
        """A note in the member's history: no action is taken, but it is a case like the others."""
        return await self.cases.open(guild, member_id=member.id, moderator_id=by, action=CaseAction.NOTE, reason=note)

    async def purge(
        self,
        guild: discord.Guild,
        channel: Channel,
        count: int,
        member: discord.Member | None,
        *,
        by: discord.abc.User,
        outranked: Callable[[Iterable[discord.abc.User]], Awaitable[set[int]]],
    ) -> tuple[int, int]:
        """Delete the channel's last `count` messages (only `member`'s, if given) whose authors the
        moderator outranks (`outranked`: their ids among the authors, bot.checks.outranked_authors),
        as a card's "Remove message" would for each: (how many went, how many were left)."""
        recent = [m async for m in channel.history(limit=count)]
        theirs = [m for m in recent if member is None or m.author.id == member.id]
        allowed = await outranked(m.author for m in theirs)
        deleted = await channel.purge(
            limit=count,
            # a message that arrived since the look above has an author not looked at: it stays
            check=lambda m: m.author.id in allowed and (member is None or m.author.id == member.id),
            reason=f"/mod purge by {by}",
        )
        left = sum(1 for m in theirs if m.author.id not in allowed)
        await self.cases.open(
            guild,
            member_id=member.id if member else 0,
            moderator_id=by.id,
            action=CaseAction.PURGE,
            reason=f"{len(deleted)} messages" + (f", {left} by members not outranked left" if left else ""),
            channel_id=channel.id,
        )
        return len(deleted), left

    async def lock(self, guild: discord.Guild, channel: Channel, locked: bool, *, by: discord.abc.User) -> Case:
        """A thread is locked; in a text channel @everyone loses Send Messages (or gets it back)."""
        if isinstance(channel, discord.Thread):
            await channel.edit(locked=locked)
        else:
            await channel.set_permissions(
                guild.default_role,
                send_messages=False if locked else None,
                reason=f"/mod {'lock' if locked else 'unlock'} by {by}",
            )
        return await self.cases.open(
            guild,
            member_id=0,
            moderator_id=by.id,
            action=CaseAction.LOCK if locked else CaseAction.UNLOCK,
            channel_id=channel.id,
        )

    async def slowmode(self, channel: Channel, seconds: int) -> None:
        await channel.edit(slowmode_delay=seconds)

    async def case(self, guild_id: int, number: int, new_reason: str | None = None) -> Case:
        """A case, its reason changed first if one is given; a UserFacingError if there is none."""
        if new_reason is not None and not await self.cases.set_reason(guild_id, number, new_reason):
            raise UserFacingError(f"There is no case {number} here.")
        found = await self.cases.get(guild_id, number)
        if found is None:
            raise UserFacingError(f"There is no case {number} here.")
        return found

    async def history(self, guild_id: int, member_id: int) -> list[Case]:
        """The member's cases, newest first."""
        return await self.cases.of_member(guild_id, member_id)
