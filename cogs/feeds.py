"""/feed: follow RSS and Atom feeds; each new entry becomes an article posted to the feed's channel,
and an entry that gains `Update:` paragraphs pushes them into its thread."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.checks import editor, require_guild
from bot.client import BotInteraction, DiscussionBot
from bot.errors import UserFacingError
from bot.feeds.fetch import FeedFetchError, check_url
from bot.formatting import escape_markdown, shorten

log = logging.getLogger(__name__)


class Feeds(commands.Cog):
    """Follow feeds: new entries become discussions, new Update: paragraphs become updates."""

    feed = app_commands.Group(name="feed", description="Follow RSS and Atom feeds.", guild_only=True)

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.check_feeds.change_interval(seconds=min(30.0, self.bot.settings.feed_poll_seconds))
        self.check_feeds.start()

    async def cog_unload(self) -> None:
        self.check_feeds.cancel()
        await self.bot.feeds.stop()  # checks under way are not waited for

    @tasks.loop(seconds=30)
    async def check_feeds(self) -> None:
        try:
            await self.bot.feeds.catch_up()
            await self.bot.feeds.check_due()  # starts the due checks; each says feed_checked when done
        except Exception:  # the loop goes on: the feeds due now are due on the next pass too
            log.exception("Checking the feeds failed")

    @check_feeds.before_loop
    async def _ready(self) -> None:
        await self.bot.wait_until_ready()

    @feed.command(name="add", description="Follow a feed: new entries are posted as discussions in a channel.")
    @app_commands.describe(url="The RSS or Atom feed's address", channel="Where new entries are posted")
    @editor()
    async def add(
        self,
        interaction: BotInteraction,
        url: app_commands.Range[str, 8, 1000],
        channel: discord.TextChannel | discord.ForumChannel,
    ) -> None:
        guild = require_guild(interaction)
        try:
            url = check_url(url)
        except FeedFetchError as error:
            raise UserFacingError(str(error)) from None
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.bot.feeds.follow(guild.id, channel.id, url, interaction.user.id)
        await interaction.followup.send(
            f"Following <{url}>. I noted the {result.entries} entries there now; new ones will be posted in "
            f"{channel.mention}.",
            ephemeral=True,
        )

    @feed.command(name="list", description="The feeds this server follows.")
    async def list_(self, interaction: BotInteraction) -> None:
        guild = require_guild(interaction)
        feeds = await self.bot.feeds.feeds_of(guild.id)
        embed = discord.Embed(title="Followed feeds", colour=discord.Colour.blurple())
        for record in feeds[:25]:
            state = f"failing ({record.failures}×): {record.last_error}" if record.failures else "ok"
            embed.add_field(
                name=shorten(f"#{record.id} {record.title or record.url}", 256),
                value=shorten(f"<{record.url}> → <#{record.channel_id}>\n{escape_markdown(state)}", 1024),
                inline=False,
            )
        if not feeds:
            embed.description = "None yet. Add one with `/feed add`."
        await interaction.response.send_message(embed=embed, ephemeral=True)

    async def feed_autocomplete(self, interaction: BotInteraction, current: str) -> list[app_commands.Choice[int]]:
        if interaction.guild is None:
            return []
        feeds = await self.bot.feeds.feeds_of(interaction.guild.id)
        return [
            app_commands.Choice(name=shorten(f"#{f.id} {f.title or f.url}", 100), value=f.id)
            for f in feeds
            if current.casefold() in (f.title or f.url).casefold()
        ][:25]

    @feed.command(name="remove", description="Stop following a feed (its discussions stay).")
    @app_commands.describe(feed="The feed")
    @app_commands.autocomplete(feed=feed_autocomplete)
    @editor()
    async def remove(self, interaction: BotInteraction, feed: int) -> None:
        guild = require_guild(interaction)
        if not await self.bot.feeds.unfollow(guild.id, feed):
            raise UserFacingError(f"This server follows no feed #{feed}. See `/feed list`.")
        await interaction.response.send_message(f"Stopped following feed #{feed}.", ephemeral=True)


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Feeds(bot))
