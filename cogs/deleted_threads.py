"""Discussion threads deleted in Discord: the post is marked removed (see bot.publishing.deleted_threads),
when the event arrives, and for threads deleted while the bot was offline when a server becomes available."""

from __future__ import annotations

import logging

import discord
from discord.ext import commands

from bot.client import DiscussionBot

log = logging.getLogger(__name__)


class DeletedThreads(commands.Cog):
    """Forget discussions whose thread a moderator deleted."""

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_raw_thread_delete(self, payload: discord.RawThreadDeleteEvent) -> None:
        await self.bot.deleted_threads.thread_deleted(payload.thread_id)

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        try:
            await self.bot.deleted_threads.check_guild(guild)
        except Exception:  # the next time the server becomes available checks again
            log.exception("Checking the discussion threads of %s failed", guild.id)


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(DeletedThreads(bot))
