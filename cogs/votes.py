"""Votes on exit questions: mirrors poll votes, reconciles them after restarts and resumes,
closes votes when they expire, and answers /vote results."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.autocomplete import article_choices
from bot.checks import filter_exempt, require_guild
from bot.client import BotInteraction, DiscussionBot
from bot.errors import UserFacingError
from bot.formatting import escape_markdown
from bot.responses import NO_PINGS, answer_error
from bot.voting.components import SUGGEST_PATTERN, UPVOTE_PATTERN, suggest_button, upvote_button, upvote_view
from bot.voting.results import chart_file, results_embed

log = logging.getLogger(__name__)


# -- answer mode: the buttons the bot sends (bot.voting.components), handled here -------------------
class SuggestAnswerModal(discord.ui.Modal, title="Suggest an answer"):
    answer: discord.ui.TextInput[SuggestAnswerModal] = discord.ui.TextInput(
        label="Your answer",
        style=discord.TextStyle.paragraph,
        min_length=2,
        max_length=300,
        placeholder="Answer the exit question in a sentence or two.",
    )

    def __init__(self, post_id: int) -> None:
        super().__init__(custom_id=f"exitq:modal:{post_id}")
        self.post_id = post_id

    async def on_submit(self, interaction: BotInteraction) -> None:  # type: ignore[override]
        await interaction.response.defer(ephemeral=True, thinking=True)
        board = interaction.client.answer_board
        post = await board.open_post(self.post_id)
        exempt = await filter_exempt(interaction)
        card, note = await board.suggest(post, interaction.user, self.answer.value, exempt=exempt)
        await interaction.followup.send(
            f"Thanks! Your answer is posted: {card.jump_url}" + (f"\n{note}" if note else ""), ephemeral=True
        )

    async def on_error(self, interaction: BotInteraction, error: Exception, /) -> None:  # type: ignore[override]
        await answer_error(interaction, error, what="the suggested answer form")


class SuggestButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=SUGGEST_PATTERN):
    def __init__(self, post_id: int) -> None:
        self.post_id = post_id
        super().__init__(suggest_button(post_id))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> SuggestButton:
        return cls(int(match["post"]))

    async def callback(self, interaction: BotInteraction) -> None:  # type: ignore[override]
        try:
            await interaction.client.answer_board.open_post(self.post_id)
            await interaction.response.send_modal(SuggestAnswerModal(self.post_id))
        except Exception as error:
            await answer_error(interaction, error, what="the Suggest an answer button")


class UpvoteButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=UPVOTE_PATTERN):
    def __init__(self, answer_id: int) -> None:
        self.answer_id = answer_id
        super().__init__(upvote_button(answer_id))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> UpvoteButton:
        return cls(int(match["answer"]))

    async def callback(self, interaction: BotInteraction) -> None:  # type: ignore[override]
        try:
            voted, count, _ = await interaction.client.answer_board.upvote(self.answer_id, interaction.user.id)
            await interaction.response.edit_message(view=upvote_view(self.answer_id, count))
            note = "Upvoted." if voted else "Your upvote is removed."
            await interaction.followup.send(note, ephemeral=True)
        except Exception as error:
            await answer_error(interaction, error, what="the Upvote button")


ANSWER_BUTTONS = (SuggestButton, UpvoteButton)


class Votes(commands.Cog):
    """Vote results, and the machinery that keeps stored votes equal to Discord's."""

    vote = app_commands.Group(name="vote", description="Votes on exit questions.", guild_only=True)

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot
        self._reconciling: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*ANSWER_BUTTONS)
        self.close_expired.start()

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*ANSWER_BUTTONS)
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

    # -- a suggested answer's card deleted (by a moderator): the answer goes -------------------
    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        if payload.guild_id is not None:
            await self.bot.answer_board.cards_deleted([payload.message_id])

    @commands.Cog.listener()
    async def on_raw_bulk_message_delete(self, payload: discord.RawBulkMessageDeleteEvent) -> None:
        await self.bot.answer_board.cards_deleted(sorted(payload.message_ids))

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
        try:
            await self.bot.vote_results.close_expired()
        except Exception:  # the loop goes on: a vote not closed now is closed on the next pass
            log.exception("Closing expired votes failed")

    @close_expired.before_loop
    async def _wait_ready(self) -> None:
        await self.bot.wait_until_ready()

    # -- /vote results -------------------------------------------------------------------------
    @vote.command(name="results", description="Counts, percentages and a chart of an article's vote.")
    @app_commands.describe(article="The article", channel="Where it is posted (needed if posted in several)")
    @app_commands.autocomplete(article=article_choices)
    async def results(
        self,
        interaction: BotInteraction,
        article: app_commands.Range[str, 1, 200],
        channel: discord.TextChannel | discord.ForumChannel | None = None,
    ) -> None:
        guild = require_guild(interaction)
        found = self.bot.library.find(article, interaction.guild_id)
        slug = found.slug if found else article
        posts = await self.bot.vote_results.votes_of(guild.id, slug, channel.id if channel else None)
        if not posts:
            raise UserFacingError(f"There is no vote for {escape_markdown(article)!s} in this server yet.")
        post = posts[-1]
        summary = await self.bot.vote_results.summary(post)
        await interaction.response.send_message(
            embed=results_embed(post, summary, final=not post.is_open),
            file=chart_file(summary),
            ephemeral=True,
            allowed_mentions=NO_PINGS,
        )


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Votes(bot))
