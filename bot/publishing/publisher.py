"""Post an article as a discussion thread, resumably.

Each step is recorded in SQLite right after its Discord call succeeds, and the post row
exists before the first call. Message sends carry a nonce derived from the post and part
(Discord drops a repeat), a forum thread left unrecorded by a crash is adopted rather than
created twice, and a failure while creating the thread undoes what was sent, so an
article is never left half-posted without a record that the next attempt completes.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import discord

from bot.articles.model import Article
from bot.articles.render import EmbedSpec, parse_poll_options, render_article, thread_name
from bot.config_cache import ConfigCache
from bot.enums import PUBLISHED, PostStatus, VoteMode
from bot.errors import UserFacingError
from bot.publishing.embeds import to_embed
from bot.responses import NO_PINGS
from bot.storage import posts as post_store
from bot.storage import updates as update_store
from bot.storage.database import Database
from bot.storage.posts import PostRecord as PostRecord  # the record of a discussion, for the cogs
from bot.storage.votes import poll_tally
from bot.voting.answers import AnswerBoard
from bot.voting.components import suggest_view
from bot.voting.embeds import answers_intro, build_poll
from bot.voting.poll_votes import PollVotes

log = logging.getLogger(__name__)

ARCHIVE_AFTER_MINUTES: Literal[10080] = 10080  # a week: discussions outlive a day of silence
PostChannel = discord.TextChannel | discord.ForumChannel


class AlreadyPosted(UserFacingError):
    def __init__(self, post: PostRecord) -> None:
        super().__init__(
            f"**{post.article_title}** is already posted here: {post.jump_url()}\n"
            "Use `force: True` to post it again as a new discussion."
        )
        self.post = post


@dataclass(frozen=True, slots=True)
class PublishResult:
    post: PostRecord
    resumed: bool
    replaces_deleted: bool = False  # the article's discussion there before this one was deleted in Discord


def required_permissions(channel: PostChannel, vote_mode: VoteMode) -> discord.Permissions:
    needed = discord.Permissions(
        view_channel=True,
        send_messages_in_threads=True,
        embed_links=True,
        read_message_history=True,
        send_messages=True,
    )
    if isinstance(channel, discord.TextChannel):
        needed.create_public_threads = True
    if vote_mode is VoteMode.POLL:
        needed.send_polls = True
    return needed


def check_bot_permissions(channel: PostChannel, vote_mode: VoteMode) -> None:
    have = channel.permissions_for(channel.guild.me)
    missing = [name for name, value in required_permissions(channel, vote_mode) if value and not getattr(have, name)]
    if missing:
        names = ", ".join(f"**{m.replace('_', ' ').title()}**" for m in missing)
        raise UserFacingError(f"I need {names} in {channel.mention} to post there. Ask an admin to grant it.")


def vote_mode_for(article: Article, options: list[str]) -> VoteMode:
    if article.exit_question is None:
        return VoteMode.NONE
    return VoteMode.POLL if options else VoteMode.ANSWERS


class Publisher:
    def __init__(
        self,
        db: Database,
        client: discord.Client,
        *,
        configs: ConfigCache,
        post_threads: set[int],
        poll_votes: PollVotes,
        answer_board: AnswerBoard,
        wake_delivery: Callable[[], None],
    ) -> None:
        self.db = db
        self.client = client
        self.configs = configs
        self.post_threads = post_threads  # the discussion threads, shared with moderation (see DiscussionBot)
        self.poll_votes = poll_votes
        self.answer_board = answer_board
        self.wake_delivery = wake_delivery  # the update outbox has rows for a new thread

    async def publish(
        self,
        article: Article,
        channel: PostChannel,
        *,
        options_text: str | None,
        duration_hours: int,
        requested_by: int,
        force: bool = False,
    ) -> PublishResult:
        options = parse_poll_options(options_text) if options_text else list(article.poll_options)
        if options and article.exit_question is None:
            raise UserFacingError("This article has no exit question, so there is nothing to vote on.")
        if options:
            options = parse_poll_options(options)
        mode = vote_mode_for(article, options)
        check_bot_permissions(channel, mode)
        existing = await post_store.posts_of_article(self.db, channel.guild.id, article.slug, channel.id)
        unfinished = next((p for p in existing if p.status == PostStatus.PENDING), None)
        if unfinished is not None:
            log.info("Completing unfinished post %s of %s", unfinished.id, article.slug)
            return PublishResult(await self.complete(unfinished, article, channel), resumed=True)
        done = [p for p in existing if p.status in PUBLISHED]
        if done and not force:
            raise AlreadyPosted(done[-1])
        post = await post_store.create_post(
            self.db,
            guild_id=channel.guild.id,
            channel_id=channel.id,
            article_slug=article.slug,
            article_title=article.title,
            exit_question=article.exit_question,
            vote_mode=mode,
            duration_hours=duration_hours,
            posted_by=requested_by,
            poll_options=options,
        )
        deleted = any(p.removed for p in existing) and not done
        return PublishResult(await self.complete(post, article, channel), resumed=False, replaces_deleted=deleted)

    async def guilds_with_posts(self) -> list[int]:
        """Every server with a posted discussion, on this process's shards or not (for DMs)."""
        return await post_store.guilds_with_posts(self.db)

    async def posts_in_guild(self, guild_id: int) -> list[PostRecord]:
        """The server's discussions, pending ones included, oldest first."""
        return await post_store.posts_in_guild(self.db, guild_id)

    def auto_post_channel(self, guild: discord.Guild, channel_id: int | None) -> PostChannel | None:
        channel = guild.get_channel(channel_id) if channel_id else None
        return channel if isinstance(channel, discord.TextChannel | discord.ForumChannel) else None

    async def auto_post(self, article: Article, channel: PostChannel) -> None:
        """A new article (from the seeds folder) posted in a server's auto-post channel; a server where
        it cannot be posted is logged and skipped."""
        guild = channel.guild
        try:
            await self.publish(article, channel, options_text=None, duration_hours=24, requested_by=guild.me.id)
            log.info("Auto-posted %s in %s/%s", article.slug, guild.id, channel.id)
        except (UserFacingError, discord.HTTPException) as error:
            log.warning("Could not auto-post %s in %s: %s", article.slug, guild.id, error)

    async def complete(self, post: PostRecord, article: Article, channel: PostChannel) -> PostRecord:
        specs = render_article(article)
        try:
            thread = await self._ensure_thread(post, channel, specs[0].embed)
        except discord.HTTPException as error:
            await self._undo_unthreaded(post, channel, error)
            raise UserFacingError(
                f"Discord refused to create the discussion thread ({error.status}: {error.text or 'no detail'}). "
                "Nothing was left half-posted; check my permissions in that channel and try again."
            ) from error
        try:
            parts = await post_store.post_parts(self.db, post.id)
            for number, spec in enumerate(specs[1:], start=2):
                if number in parts:
                    continue
                assert spec.embed is not None
                message = await thread.send(
                    embed=to_embed(spec.embed), allowed_mentions=NO_PINGS, nonce=f"p{post.id}.{number}"
                )
                await post_store.record_part(self.db, post.id, number, message.id)
            refreshed = await post_store.get_post(self.db, post.id)
            assert refreshed is not None
            if refreshed.question_message_id is None and post.vote_mode != VoteMode.NONE:
                question = await self._send_question(refreshed, thread)
                await post_store.record_question(self.db, post.id, question.id)
                if post.vote_mode == VoteMode.POLL:
                    self.poll_votes.track(question.id, post.id)
        except discord.HTTPException as error:
            await post_store.record_error(self.db, post.id, f"{error.status} {error.text}")
            raise UserFacingError(
                f"The thread is there but not finished: Discord refused a message ({error.status}: "
                f"{error.text or 'no detail'}). Run the same /article post again to finish it."
            ) from error
        closes_at = dt.datetime.now(dt.UTC) + dt.timedelta(hours=post.duration_hours)
        await post_store.mark_posted(self.db, post.id, closes_at if post.vote_mode != VoteMode.NONE else None)
        final = await post_store.get_post(self.db, post.id)
        assert final is not None
        log.info("Posted %s as post %s in thread %s", article.slug, post.id, final.thread_id)
        if final.vote_mode == VoteMode.ANSWERS:
            self.answer_board.schedule_refresh(final.id)
        if await update_store.queue_existing_updates(self.db, final.id):
            self.wake_delivery()  # updates that already exist reach the new thread too
        return final

    async def _ensure_thread(self, post: PostRecord, channel: PostChannel, first: EmbedSpec | None) -> discord.Thread:
        assert first is not None
        name = thread_name(post.article_title)
        if post.thread_id is not None:
            thread = channel.guild.get_thread(post.thread_id) or await self.client.fetch_channel(post.thread_id)
            assert isinstance(thread, discord.Thread)
            return thread
        if isinstance(channel, discord.ForumChannel):
            adopted = self._adoptable_thread(post, channel, name)
            if adopted is not None:
                log.info("Adopting thread %s created for post %s before a crash", adopted.id, post.id)
                await post_store.record_thread(self.db, post.id, adopted.id, adopted.id)
                self.post_threads.add(adopted.id)
                return adopted
            created = await channel.create_thread(
                name=name,
                embed=to_embed(first),
                allowed_mentions=NO_PINGS,
                auto_archive_duration=ARCHIVE_AFTER_MINUTES,
            )
            await post_store.record_thread(self.db, post.id, created.thread.id, created.message.id)
            self.post_threads.add(created.thread.id)
            return created.thread
        starter_id = post.starter_message_id
        if starter_id is None:
            starter = await channel.send(embed=to_embed(first), allowed_mentions=NO_PINGS, nonce=f"p{post.id}.1")
            await post_store.record_starter(self.db, post.id, starter.id)
            starter_id = starter.id
        try:
            thread = await channel.get_partial_message(starter_id).create_thread(
                name=name, auto_archive_duration=ARCHIVE_AFTER_MINUTES
            )
        except discord.HTTPException as error:
            if error.code != 160004:  # "a thread already exists for this message": ours, from before a crash
                raise
            found = await self.client.fetch_channel(starter_id)  # a message's thread has the message's id
            assert isinstance(found, discord.Thread)
            thread = found
        await post_store.record_thread(self.db, post.id, thread.id, None)
        self.post_threads.add(thread.id)
        return thread

    def _adoptable_thread(self, post: PostRecord, channel: discord.ForumChannel, name: str) -> discord.Thread | None:
        created = post.created_at
        me = channel.guild.me.id
        for thread in channel.threads:
            if thread.owner_id == me and thread.name == name and thread.created_at and thread.created_at >= created:
                return thread
        return None

    async def _undo_unthreaded(self, post: PostRecord, channel: PostChannel, error: discord.HTTPException) -> None:
        """Thread creation failed: remove the lone starter message and abandon the post."""
        refreshed = await post_store.get_post(self.db, post.id)
        if refreshed is not None and refreshed.thread_id is None and refreshed.starter_message_id is not None:
            if isinstance(channel, discord.TextChannel):
                try:
                    await channel.get_partial_message(refreshed.starter_message_id).delete()
                except discord.HTTPException:
                    log.warning("Could not remove the starter message of abandoned post %s", post.id)
        await post_store.mark_abandoned(self.db, post.id, f"{error.status} {error.text}")
        log.warning("Post %s abandoned: thread creation failed (%s %s)", post.id, error.status, error.text)

    async def _send_question(self, post: PostRecord, thread: discord.Thread) -> discord.Message:
        assert post.exit_question is not None
        nonce = f"p{post.id}.q"
        if post.vote_mode == VoteMode.POLL:
            options = [o.text for o in await poll_tally(self.db, post.id)]
            text, poll = build_poll(post.exit_question, options, post.duration_hours)
            return await thread.send(text, poll=poll, allowed_mentions=NO_PINGS, nonce=nonce)
        embed = await self.answer_board.render(post, is_open=True)
        return await thread.send(
            answers_intro(post.exit_question),
            embed=embed,
            view=suggest_view(post.id),
            allowed_mentions=NO_PINGS,
            nonce=nonce,
        )
