"""Votes on exit questions: mirrors poll votes, reconciles them after restarts and resumes,
closes votes when they expire, and answers /vote results."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.autocomplete import article_choices
from bot.checks import require_guild
from bot.client import DiscussionBot
from bot.errors import UserFacingError
from bot.formatting import escape_markdown
from bot.responses import NO_PINGS
from bot.storage import posts as post_store
from bot.voting.results import chart_file, results_embed, vote_summary

log = logging.getLogger(__name__)


class Votes(commands.Cog):
    """Vote results, and the machinery that keeps stored votes equal to Discord's."""

    vote = app_commands.Group(name="vote", description="Votes on exit questions.", guild_only=True)

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot
        self._reconciling: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        self.close_expired.start()

    async def cog_unload(self) -> None:
        self.close_expired.cancel()
        if self._reconciling is not None:
            self._reconciling.cancel()

    # -- live votes ----------------------------------------------------------------------------
    @commands.Cog.listener()
    async def on_raw_poll_vote_add(self, payload: discord.RawPollVoteActionEvent) -> None:
        await self.bot.poll_votes.on_vote(payload, added=True)

    @commands.Cog.listener()
    async def on_raw_poll_vote_remove(self, payload: discord.RawPollVoteActionEvent) -> None:
        await self.bot.poll_votes.on_vote(payload, added=False)

    # -- votes cast while the bot was away -----------------------------------------------------
    @commands.Cog.listener()
    async def on_ready(self) -> None:
        self._start_reconcile()

    @commands.Cog.listener()
    async def on_resumed(self) -> None:
        self._start_reconcile()

    def _start_reconcile(self) -> None:
        if self._reconciling is None or self._reconciling.done():
            self._reconciling = asyncio.create_task(self._reconcile(), name="reconcile-poll-votes")

    async def _reconcile(self) -> None:
        try:
            await self.bot.poll_votes.reconcile_all()
        except Exception:
            log.exception("Reconciling poll votes failed")
        self.bot.dispatch("poll_votes_reconciled")

    # -- expiry --------------------------------------------------------------------------------
    @tasks.loop(seconds=30)
    async def close_expired(self) -> None:
        for post in await post_store.posts_due_to_close(self.bot.db, dt.datetime.now(dt.UTC)):
            try:
                await self.bot.closer.close(post)
            except discord.HTTPException as error:
                log.warning("Could not close the vote of post %s: %s", post.id, error)

    @close_expired.before_loop
    async def _wait_ready(self) -> None:
        await self.bot.wait_until_ready()

    # -- /vote results -------------------------------------------------------------------------
    @vote.command(name="results", description="Counts, percentages and a chart of an article's vote.")
    @app_commands.describe(article="The article", channel="Where it is posted (needed if posted in several)")
    @app_commands.autocomplete(article=article_choices)
    async def results(
        self,
        interaction: discord.Interaction,
        article: app_commands.Range[str, 1, 200],
        channel: discord.TextChannel | discord.ForumChannel | None = None,
    ) -> None:
        guild = require_guild(interaction)
        found = self.bot.library.find(article, interaction.guild_id)
        slug = found.slug if found else article
        posts = [
            p
            for p in await post_store.posts_of_article(self.bot.db, guild.id, slug, channel.id if channel else None)
            if p.status in ("posted", "closed") and p.vote_mode != "none"
        ]
        if not posts:
            raise UserFacingError(f"There is no vote for {escape_markdown(article)!s} in this server yet.")
        post = posts[-1]
        summary = await vote_summary(self.bot, post)
        await interaction.response.send_message(
            embed=results_embed(post, summary, final=not post.is_open),
            file=chart_file(summary),
            ephemeral=True,
            allowed_mentions=NO_PINGS,
        )


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Votes(bot))
