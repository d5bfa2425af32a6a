"""A database with rows in every table, written through the storage modules (for copy and query tests)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.storage import Database
from bot.storage import discussion as discussion_store
from bot.storage import feeds as feed_store
from bot.storage import leases as lease_store
from bot.storage import moderation as moderation_store
from bot.storage import posts as post_store
from bot.storage import review as review_store
from bot.storage import updates as update_store
from bot.storage import votes as vote_store
from bot.storage.meta import set_meta
from bot.storage.review import ReviewedMessage
from bot.storage.server_settings import store_setting

# Discord ids are 64-bit snowflakes: far past what a 32-bit column holds.
GUILD = 1_180_000_000_000_000_001
CHANNEL = 1_180_000_000_000_000_002
THREAD = 1_180_000_000_000_000_003
MEMBER = 1_180_000_000_000_000_004
MODERATOR = 1_180_000_000_000_000_005


@dataclass
class Populated:
    poll_post: int
    answer_post: int
    update_id: int
    feed_id: int


async def populate(db: Database, *, voters: int = 50) -> Populated:
    await store_setting(db, GUILD, "editor_role", 77, updated_by=MODERATOR)
    await set_meta(db, "command_hash", "abc")
    poll = await post_store.create_post(
        db,
        guild_id=GUILD,
        channel_id=CHANNEL,
        article_slug="odierno-ceasefire",
        article_title="Odierno: négociations",
        exit_question="What do they get?",
        vote_mode="poll",
        duration_hours=24,
        posted_by=MEMBER,
        poll_options=["Protection", "Money", "Nothing"],
    )
    await post_store.record_thread(db, poll.id, THREAD, THREAD)
    await post_store.record_part(db, poll.id, 2, THREAD + 10)
    await post_store.record_question(db, poll.id, THREAD + 11)
    await post_store.mark_posted(db, poll.id, dt.datetime.now(dt.UTC) + dt.timedelta(hours=24))
    await vote_store.apply_poll_votes(
        db, [vote_store.PollVote(True, poll.id, user % 3 + 1, MEMBER + user) for user in range(voters)]
    )
    answers = await post_store.create_post(
        db,
        guild_id=GUILD,
        channel_id=CHANNEL,
        article_slug="second",
        article_title="Second",
        exit_question="Why?",
        vote_mode="answers",
        duration_hours=48,
        posted_by=MEMBER,
        poll_options=[],
    )
    await post_store.record_thread(db, answers.id, THREAD + 1, None)
    await post_store.mark_posted(db, answers.id, None)
    answer = await vote_store.add_exit_answer(db, answers.id, MEMBER, "Because")
    await vote_store.toggle_exit_answer_vote(db, answer.id, MODERATOR)
    update, _ = await update_store.store_update(
        db,
        article_slug="odierno-ceasefire",
        guild_id=None,
        label="Update",
        text="News",
        source="seed",
        source_ref="s:0",
    )
    await update_store.remember_seed(db, "odierno-ceasefire", "stamp-1")
    feed = await feed_store.add_feed(db, GUILD, CHANNEL, "https://example.org/feed.xml", MEMBER)
    assert feed is not None
    await feed_store.remember_entry(db, feed.id, "entry-1", "hash-1", "feed-article")
    await feed_store.save_feed_article(
        db,
        feed_store.StoredFeedArticle("feed-article", feed.id, GUILD, "Title\n\nBody", None, "Someone", "2024-01-01"),
    )
    await moderation_store.add_rule(db, GUILD, "keyword", "tangerine", "word", "hold", MODERATOR)
    case = await moderation_store.open_case(
        db, guild_id=GUILD, member_id=MEMBER, moderator_id=None, rule="profanity", action="delete", reason="x"
    )
    message = ReviewedMessage(GUILD, CHANNEL, THREAD + 20, MEMBER, "max", None, "a held message")
    await review_store.add_held(db, message, reason="held", case_number=case.number)
    await review_store.add_report(
        db,
        ReviewedMessage(GUILD, CHANNEL, THREAD + 21, MEMBER, "max", None, "reported"),
        reporter_id=MODERATOR,
        reason="rude",
    )
    await discussion_store.record_replies(
        db,
        [discussion_store.ReplyEdge(THREAD + 31, THREAD, GUILD, THREAD + 30, MEMBER, "a point others answer")],
    )
    async with db.transaction() as tx:  # someone else asked to be forgotten
        await discussion_store.opt_out(tx, MEMBER + 1000, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    await lease_store.acquire_lease(db, "seeds", "process-a", 60)
    await lease_store.queue_auto_post(db, "odierno-ceasefire")
    await lease_store.take_auto_post(db, "odierno-ceasefire", GUILD)
    return Populated(poll.id, answers.id, update.id, feed.id)
