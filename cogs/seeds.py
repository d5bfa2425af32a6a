"""Watches the seeds folder: new article files become articles (auto-posted where a server set an
auto-post channel), new `Update:` paragraphs are pushed to the article's threads."""

from __future__ import annotations

import logging

from discord.ext import commands, tasks

from bot.client import DiscussionBot

log = logging.getLogger(__name__)


class Seeds(commands.Cog):
    """Turns changes in the seeds folder into articles and updates, every SEED_POLL_SECONDS."""

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot
        self.watch.change_interval(seconds=bot.settings.seed_poll_seconds)

    async def cog_load(self) -> None:
        self.watch.start()

    async def cog_unload(self) -> None:
        self.watch.cancel()

    @tasks.loop(seconds=2)
    async def watch(self) -> None:
        try:
            report = await self.bot.seed_watcher.check()
        except Exception:
            log.exception("Scanning the seeds folder failed")
            return
        self.bot.dispatch("seeds_scanned", report)

    @watch.before_loop
    async def _ready(self) -> None:
        await self.bot.wait_until_ready()


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Seeds(bot))
