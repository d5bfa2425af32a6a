"""Watches the seeds folder: new article files become articles (auto-posted where a server set an
auto-post channel), new `Update:` paragraphs are pushed to the article's threads."""

from __future__ import annotations

import logging

import discord
from discord.ext import commands, tasks

from bot.articles.model import Article
from bot.client import DiscussionBot
from bot.errors import UserFacingError
from bot.updates.seed_sync import SeedSync

log = logging.getLogger(__name__)


class Seeds(commands.Cog):
    """Turns changes in the seeds folder into articles and updates."""

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot
        self.sync = SeedSync(
            bot.db,
            bot.settings.seeds_dir,
            settle_seconds=bot.settings.seed_poll_seconds * 0.9,
            on_new_article=self.auto_post,
        )
        self.watch.change_interval(seconds=bot.settings.seed_poll_seconds)

    async def cog_load(self) -> None:
        self.watch.start()

    async def cog_unload(self) -> None:
        self.watch.cancel()

    @tasks.loop(seconds=2)
    async def watch(self) -> None:
        try:
            await self.bot.library.refresh()  # what /article and the chat see
            report = await self.sync.scan()
        except Exception:
            log.exception("Scanning the seeds folder failed")
            return
        if report.new_updates or report.edited_updates:
            self.bot.delivery.wake()
        self.bot.dispatch("seeds_scanned", report)

    @watch.before_loop
    async def _ready(self) -> None:
        await self.bot.wait_until_ready()

    async def auto_post(self, article: Article) -> None:
        for guild in self.bot.guilds:
            channel_id = (await self.bot.guild_config(guild.id)).channel("auto_post_channel")
            channel = guild.get_channel(channel_id) if channel_id else None
            if not isinstance(channel, discord.TextChannel | discord.ForumChannel):
                continue
            try:
                await self.bot.publisher.publish(
                    article, channel, options_text=None, duration_hours=24, requested_by=guild.me.id
                )
                log.info("Auto-posted %s in %s/%s", article.slug, guild.id, channel.id)
            except (UserFacingError, discord.HTTPException) as error:
                log.warning("Could not auto-post %s in %s: %s", article.slug, guild.id, error)


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Seeds(bot))
