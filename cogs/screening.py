"""Screening: every message and edit in the places a server moderates goes through its filters first
(bot.enforcement.screening), and members' names when they join or change them. Nothing here decides
anything: the listeners hand Discord's events to the screening service."""

from __future__ import annotations

import logging

import discord
from discord.ext import commands

from bot.client import DiscussionBot
from bot.message_pipeline import MODERATION

log = logging.getLogger(__name__)


class Screening(commands.Cog):
    """Every message, edit and member name through the server's filters."""

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot
        self.screening = bot.screening

    async def cog_load(self) -> None:
        self.bot.message_pipeline.add(self.screening.screen, order=MODERATION)

    async def cog_unload(self) -> None:
        self.bot.message_pipeline.remove(self.screening.screen)
        self.screening.member_lists.stop()

    @commands.Cog.listener()
    async def on_raw_message_edit(self, update: discord.RawMessageUpdateEvent) -> None:
        # The raw event: on_message_edit misses edits of messages discord.py no longer caches.
        if (work := self.screening.edited(update)) is not None:
            await work

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        # Build the server's filters now, not when its first messages arrive all at once.
        await self.bot.engines.engine(guild.id)
        self.screening.member_lists.load(guild)  # GUILD_CREATE lists only the bot: ask for the rest

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        self.screening.member_lists.load(guild)

    @commands.Cog.listener()
    async def on_member_join(self, member: discord.Member) -> None:
        await self.screening.names(member)

    @commands.Cog.listener()
    async def on_member_update(self, before: discord.Member, after: discord.Member) -> None:
        if before.nick != after.nick or before.name != after.name or before.global_name != after.global_name:
            await self.screening.names(after, already=(before.nick, before.name, before.global_name))

    @commands.Cog.listener()
    async def on_user_update(self, before: discord.User, after: discord.User) -> None:
        if before.name == after.name and before.global_name == after.global_name:
            return
        for guild in after.mutual_guilds:
            member = guild.get_member(after.id)
            if member is not None:
                await self.screening.names(member, already=(member.nick, before.name, before.global_name))


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Screening(bot))
