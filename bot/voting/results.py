"""Results of a post's vote, from the database: the summary, an embed and the chart file; finding an
article's vote in a server; and closing a vote."""

from __future__ import annotations

import datetime as dt
import io
import logging

import discord

from bot.enums import PUBLISHED, PostStatus, VoteMode
from bot.errors import UserFacingError
from bot.formatting import escape_markdown, shorten
from bot.responses import NO_PINGS
from bot.sharding import Ownership
from bot.storage import posts as post_store
from bot.storage import votes as vote_store
from bot.storage.database import Database
from bot.storage.posts import PostRecord
from bot.voting.answers import AnswerBoard
from bot.voting.chart import render_chart
from bot.voting.poll_votes import PollVotes
from bot.voting.tally import VoteSummary, result_lines, summarize

log = logging.getLogger(__name__)

CHART_NAME = "results.png"
POLL_ALREADY_ENDED = 520001


async def vote_summary(db: Database, post: PostRecord) -> VoteSummary:
    question = post.exit_question or post.article_title
    if post.vote_mode == VoteMode.POLL:
        tally = await vote_store.poll_tally(db, post.id)
        voters = await vote_store.poll_voter_count(db, post.id)
        return summarize(
            question, [(o.text, o.votes) for o in tally], voters=voters, is_open=post.is_open, mode=VoteMode.POLL
        )
    answers = await vote_store.top_exit_answers(db, post.id, 10)
    _, voters = await vote_store.exit_answer_stats(db, post.id)
    return summarize(
        question, [(a.text, a.votes) for a in answers], voters=voters, is_open=post.is_open, mode=VoteMode.ANSWERS
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
        if summary.mode == VoteMode.POLL
        else ("No answers were suggested.")
    )
    embed.description = shorten(header, 400) + "\n" + body
    state = "open" if summary.is_open else "closed"
    kind = VoteMode(summary.mode).results_name
    embed.set_footer(text=f"{summary.voters} voter{'s' if summary.voters != 1 else ''} · {kind} · vote {state}")
    if post.thread_id:
        embed.add_field(
            name="Discussion", value=f"[{escape_markdown(shorten(post.article_title, 80))}]({post.jump_url()})"
        )
    embed.set_image(url=f"attachment://{CHART_NAME}")
    return embed


def chart_file(summary: VoteSummary) -> discord.File:
    return discord.File(io.BytesIO(render_chart(summary)), filename=CHART_NAME)


class VoteResults:
    """An article's vote in a server: found, summed up, and ended (stored first, then Discord: end
    the poll, post the results, lock and archive)."""

    def __init__(
        self,
        db: Database,
        client: discord.Client,
        *,
        poll_votes: PollVotes,
        answer_board: AnswerBoard,
        ownership: Ownership | None = None,
    ) -> None:
        self.db = db
        self.client = client
        self.ownership = ownership  # a shard process closes the votes of its own servers only
        self.poll_votes = poll_votes  # the final, exact voter lists when a poll ends
        self.answer_board = answer_board  # the top answers, redrawn closed

    async def summary(self, post: PostRecord) -> VoteSummary:
        return await vote_summary(self.db, post)

    async def votes_of(self, guild_id: int, slug: str, channel_id: int | None = None) -> list[PostRecord]:
        """The article's discussions in the server (or in one channel) that have a vote, open or
        closed, oldest first."""
        posts = await post_store.posts_of_article(self.db, guild_id, slug, channel_id)
        return [p for p in posts if p.status in PUBLISHED and p.vote_mode != VoteMode.NONE]

    async def vote_to_close(self, guild_id: int, slug: str, title: str, channel_id: int | None) -> PostRecord:
        """The one vote of the article that `/article close` would end: an open one, or a closed one
        whose results were never posted. A UserFacingError when there is none, or several."""
        posts = await self.votes_of(guild_id, slug, channel_id)
        open_posts = [p for p in posts if p.status == PostStatus.POSTED] or [
            p for p in posts if p.results_message_id is None
        ]
        if not open_posts:
            where = f" in <#{channel_id}>." if channel_id else "."
            raise UserFacingError(f"**{escape_markdown(title)}** has no open vote{where}")
        if len(open_posts) > 1:
            places = ", ".join(f"<#{p.channel_id}>" for p in open_posts)
            raise UserFacingError(f"That article has open votes in {places}: choose one with the `channel` option.")
        return open_posts[0]

    async def close_expired(self) -> None:
        """Close every vote whose time is up; one that Discord refuses is logged and tried again later."""
        for post in await post_store.posts_due_to_close(self.db, dt.datetime.now(dt.UTC), self.ownership):
            try:
                await self.close(post)
            except discord.HTTPException as error:
                log.warning("Could not close the vote of post %s: %s", post.id, error)

    async def close(self, post: PostRecord) -> PostRecord:
        await post_store.mark_closed(self.db, post.id)  # False: already closed; finish what is left
        post = await post_store.get_post(self.db, post.id) or post
        if post.thread_id is None:
            return post
        thread = self.client.get_channel(post.thread_id) or await self.client.fetch_channel(post.thread_id)
        assert isinstance(thread, discord.Thread)
        if post.vote_mode == VoteMode.POLL and post.question_message_id is not None:
            try:
                await thread.get_partial_message(post.question_message_id).end_poll()
            except discord.HTTPException as error:
                if error.code != POLL_ALREADY_ENDED:
                    raise
            await self.poll_votes.reconcile(post)  # the final, exact voter lists
        elif post.vote_mode == VoteMode.ANSWERS:
            await self.answer_board.refresh(post.id)
        if post.results_message_id is None:
            summary = await self.summary(post)
            message = await thread.send(
                embed=results_embed(post, summary, final=True),
                file=chart_file(summary),
                allowed_mentions=NO_PINGS,
                nonce=f"r{post.id}",
            )
            await post_store.record_results_message(self.db, post.id, message.id)
        if not (thread.locked and thread.archived):
            await thread.edit(locked=True, archived=True)
        log.info("Closed the vote of post %s", post.id)
        return await post_store.get_post(self.db, post.id) or post
