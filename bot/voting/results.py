"""Results of a post's vote, from SQLite: the summary, an embed and the chart file; and closing a vote."""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING

import discord

from bot.formatting import escape_markdown, shorten
from bot.responses import NO_PINGS
from bot.storage import posts as post_store
from bot.storage import votes as vote_store
from bot.storage.posts import PostRecord
from bot.voting.chart import render_chart
from bot.voting.tally import VoteSummary, result_lines, summarize

if TYPE_CHECKING:
    from bot.client import DiscussionBot

log = logging.getLogger(__name__)

CHART_NAME = "results.png"
POLL_ALREADY_ENDED = 520001


async def vote_summary(bot: DiscussionBot, post: PostRecord) -> VoteSummary:
    question = post.exit_question or post.article_title
    if post.vote_mode == "poll":
        tally = await vote_store.poll_tally(bot.db, post.id)
        voters = await vote_store.poll_voter_count(bot.db, post.id)
        return summarize(question, [(o.text, o.votes) for o in tally], voters=voters, is_open=post.is_open, mode="poll")
    answers = await vote_store.top_exit_answers(bot.db, post.id, 10)
    _, voters = await vote_store.exit_answer_stats(bot.db, post.id)
    return summarize(
        question, [(a.text, a.votes) for a in answers], voters=voters, is_open=post.is_open, mode="answers"
    )


def results_embed(post: PostRecord, summary: VoteSummary, *, final: bool) -> discord.Embed:
    title = "Final results" if final else "Results so far"
    embed = discord.Embed(title=title, colour=discord.Colour.green() if final else discord.Colour.blurple())
    lines = result_lines(summary)
    header = f"**{escape_markdown(shorten(summary.question, 300))}**\n"
    body = (
        "```\n" + "\n".join(lines) + "\n```"
        if lines
        else "No votes yet."
        if summary.mode == "poll"
        else ("No answers were suggested.")
    )
    embed.description = shorten(header, 400) + "\n" + body
    state = "open" if summary.is_open else "closed"
    kind = "poll" if summary.mode == "poll" else "top answers"
    embed.set_footer(text=f"{summary.voters} voter{'s' if summary.voters != 1 else ''} · {kind} · vote {state}")
    if post.thread_id:
        embed.add_field(
            name="Discussion", value=f"[{escape_markdown(shorten(post.article_title, 80))}]({post.jump_url()})"
        )
    embed.set_image(url=f"attachment://{CHART_NAME}")
    return embed


def chart_file(summary: VoteSummary) -> discord.File:
    return discord.File(io.BytesIO(render_chart(summary)), filename=CHART_NAME)


class Closer:
    """Ends a vote: stored first, then Discord (end the poll, post the results, lock and archive)."""

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot

    async def close(self, post: PostRecord) -> PostRecord:
        await post_store.mark_closed(self.bot.db, post.id)  # False: already closed; finish what is left
        post = await post_store.get_post(self.bot.db, post.id) or post
        if post.thread_id is None:
            return post
        thread = self.bot.get_channel(post.thread_id) or await self.bot.fetch_channel(post.thread_id)
        assert isinstance(thread, discord.Thread)
        if post.vote_mode == "poll" and post.question_message_id is not None:
            try:
                await thread.get_partial_message(post.question_message_id).end_poll()
            except discord.HTTPException as error:
                if error.code != POLL_ALREADY_ENDED:
                    raise
            await self.bot.poll_votes.reconcile(post)  # the final, exact voter lists
        elif post.vote_mode == "answers":
            await self.bot.answer_board.refresh(post.id)
        if post.results_message_id is None:
            summary = await vote_summary(self.bot, post)
            message = await thread.send(
                embed=results_embed(post, summary, final=True),
                file=chart_file(summary),
                allowed_mentions=NO_PINGS,
                nonce=f"r{post.id}",
            )
            await post_store.record_results_message(self.bot.db, post.id, message.id)
        if not (thread.locked and thread.archived):
            await thread.edit(locked=True, archived=True)
        log.info("Closed the vote of post %s", post.id)
        return await post_store.get_post(self.bot.db, post.id) or post
