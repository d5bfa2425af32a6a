"""Every storage module's queries, on both engines (the folder's conftest runs each test twice)."""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
import re
from pathlib import Path

import pytest

from bot.storage import Database
from bot.storage import discussion as discussion_store
from bot.storage import feeds as feed_store
from bot.storage import moderation as moderation_store
from bot.storage import posts as post_store
from bot.storage import review as review_store
from bot.storage import updates as update_store
from bot.storage import votes as vote_store
from bot.storage.meta import get_meta, set_meta
from bot.storage.review import ReviewedMessage
from bot.storage.updates import DuplicateUpdate
from tests.bot.storage.populate import CHANNEL, GUILD, MEMBER, MODERATOR, THREAD

NOW = dt.datetime.now(dt.UTC)


def just_now(moment: dt.datetime | None) -> bool:
    """A time the database set a moment ago, read back as an aware datetime."""
    return (
        moment is not None and moment.tzinfo is not None and abs(dt.datetime.now(dt.UTC) - moment).total_seconds() < 600
    )


async def _post(db: Database, slug: str = "a", mode: str = "poll", options=("A", "B"), guild: int = GUILD):
    return await post_store.create_post(
        db,
        guild_id=guild,
        channel_id=CHANNEL,
        article_slug=slug,
        article_title=slug.title(),
        exit_question="Q?",
        vote_mode=mode,
        duration_hours=24,
        posted_by=MEMBER,
        poll_options=list(options),
    )


async def test_posts_lifecycle(db: Database):
    post = await _post(db)
    assert post.status == "pending" and just_now(post.created_at) and post.guild_id == GUILD
    await post_store.record_thread(db, post.id, THREAD, None)
    await post_store.record_starter(db, post.id, THREAD + 1)
    await post_store.record_thread(db, post.id, THREAD, None)  # keeps the starter it has
    await post_store.record_part(db, post.id, 2, THREAD + 2)
    await post_store.record_part(db, post.id, 2, THREAD + 3)  # a part re-sent replaces the old one
    assert await post_store.post_parts(db, post.id) == {1: THREAD + 1, 2: THREAD + 3}
    await post_store.record_question(db, post.id, THREAD + 4)
    await post_store.record_error(db, post.id, "boom " * 500)
    closes = NOW + dt.timedelta(hours=1)
    await post_store.mark_posted(db, post.id, closes)
    got = await post_store.get_post(db, post.id)
    assert got is not None
    assert (got.status, got.starter_message_id, got.last_error, got.closes_at) == (
        "posted",
        THREAD + 1,
        None,
        closes.replace(microsecond=closes.microsecond // 1000 * 1000),  # kept to the millisecond
    )
    assert got.jump_url() == f"https://discord.com/channels/{GUILD}/{THREAD}"
    assert [p.id for p in await post_store.posts_of_article(db, GUILD, "a")] == [post.id]
    assert [p.id for p in await post_store.posts_of_article(db, GUILD, "a", CHANNEL)] == [post.id]
    assert await post_store.posts_of_article(db, GUILD, "a", CHANNEL + 1) == []
    assert [p.id for p in await post_store.posts_in_guild(db, GUILD)] == [post.id]
    assert (await post_store.post_by_thread(db, THREAD)).id == post.id
    assert (await post_store.post_by_question_message(db, THREAD + 4)).id == post.id
    assert [p.id for p in await post_store.open_posts(db)] == [post.id]
    assert [p.id for p in await post_store.open_posts(db, "poll")] == [post.id]
    assert await post_store.open_posts(db, "answers") == []
    assert await post_store.posts_due_to_close(db, NOW) == []
    assert [p.id for p in await post_store.posts_due_to_close(db, closes + dt.timedelta(seconds=1))] == [post.id]
    assert await post_store.post_thread_ids(db) == {THREAD}
    assert await post_store.mark_closed(db, post.id)
    assert not await post_store.mark_closed(db, post.id)  # the second close lost the race
    await post_store.record_results_message(db, post.id, THREAD + 5)
    other = await _post(db, "b")
    await post_store.mark_abandoned(db, other.id, "refused")
    got = await post_store.get_post(db, post.id)
    assert got.status == "closed" and just_now(got.closed_at) and got.results_message_id == THREAD + 5
    assert (await post_store.get_post(db, other.id)).status == "abandoned"


async def test_two_closes_at_once_one_wins(db: Database):
    post = await _post(db)
    await post_store.mark_posted(db, post.id, None)
    results = await asyncio.gather(*(post_store.mark_closed(db, post.id) for _ in range(8)))
    assert sorted(results) == [False] * 7 + [True]


async def test_votes_and_voters(db: Database):
    post = (await _post(db, options=("A", "B", "C"))).id
    await vote_store.apply_poll_votes(db, [vote_store.PollVote(True, post, 1, MEMBER + i) for i in range(4)])
    assert await vote_store.poll_voters(db, post, 1) == {MEMBER + i for i in range(4)}
    assert await vote_store.poll_voter_count(db, post) == 4
    assert await vote_store.replace_poll_voters(db, post, 1, [MEMBER, MEMBER + 9]) == (1, 3)
    assert await vote_store.poll_voters(db, post, 1) == {MEMBER, MEMBER + 9}
    assert [(t.answer_id, t.text, t.votes) for t in await vote_store.poll_tally(db, post)] == [
        (1, "A", 2),
        (2, "B", 0),
        (3, "C", 0),
    ]


async def test_exit_answers(db: Database):
    post = (await _post(db, mode="answers", options=())).id
    answer = await vote_store.add_exit_answer(db, post, MEMBER, "Peace")
    await vote_store.record_exit_answer_message(db, answer.id, THREAD + 7)
    got = await vote_store.get_exit_answer(db, answer.id)
    assert (got.text, got.message_id, got.votes, got.author_id) == ("Peace", THREAD + 7, 0, MEMBER)
    assert await vote_store.find_exit_answer(db, post, "peace") == got
    assert await vote_store.get_exit_answer(db, answer.id + 100) is None
    # its card deleted (by a moderator): the answer goes, with its upvotes; other messages change nothing
    await vote_store.toggle_exit_answer_vote(db, answer.id, MEMBER + 1)
    assert await vote_store.remove_exit_answers_by_card(db, [THREAD + 8]) == set()
    assert await vote_store.remove_exit_answers_by_card(db, []) == set()
    assert await vote_store.remove_exit_answers_by_card(db, [THREAD + 8, THREAD + 7]) == {post}
    assert await vote_store.get_exit_answer(db, answer.id) is None
    assert await vote_store.exit_answer_stats(db, post) == (0, 0)


async def test_double_click_on_an_answer_never_fails(db: Database):
    post = (await _post(db, mode="answers", options=())).id
    answer = await vote_store.add_exit_answer(db, post, MEMBER, "Peace")
    results = await asyncio.gather(*(vote_store.toggle_exit_answer_vote(db, answer.id, MODERATOR) for _ in range(2)))
    # SQLite runs them one after the other (add, take back); PostgreSQL may run them side by side
    # (both add, the second adds nothing). Either way no error and the count matches the rows.
    final = (await vote_store.get_exit_answer(db, answer.id)).votes
    rows = await db.fetch_value("SELECT COUNT(*) FROM exit_answer_votes WHERE answer_id = ?", (answer.id,))
    assert final == rows and final in (0, 1) and len(results) == 2


async def test_updates_store_edit_retract_and_outbox(db: Database):
    post = await _post(db)
    await post_store.record_thread(db, post.id, THREAD, THREAD)
    await post_store.mark_posted(db, post.id, None)
    seed, created = await update_store.store_update(
        db, article_slug="a", guild_id=None, label="Update", text="First news", source="seed", source_ref="seed:0"
    )
    assert created and seed.guild_id is None and just_now(seed.created_at)
    assert (
        await update_store.get_update(db, seed.id) == seed and await update_store.get_update(db, seed.id + 99) is None
    )
    again, created = await update_store.store_update(
        db, article_slug="a", guild_id=None, label="Update", text="first  NEWS", source="seed", source_ref="seed:9"
    )
    assert not created and again.id == seed.id  # the same text, normalised
    by_ref, created = await update_store.store_update(
        db, article_slug="a", guild_id=None, label="Update", text="Other words", source="seed", source_ref="seed:0"
    )
    assert not created and by_ref.id == seed.id  # the same source paragraph
    own, created = await update_store.store_update(
        db, article_slug="a", guild_id=GUILD, label="Ours", text="Server news", source="admin", author_id=MEMBER
    )
    assert created and own.guild_id == GUILD
    elsewhere, _ = await update_store.store_update(
        db, article_slug="a", guild_id=GUILD + 1, label="Theirs", text="Server news", source="admin"
    )
    assert elsewhere.id != own.id  # the same text in another server is another update
    assert await update_store.update_by_source(db, "a", "seed:0") == seed
    assert await update_store.update_by_source(db, "a", "seed:0", GUILD) is None
    assert [u.id for u in await update_store.updates_of_article(db, "a", GUILD)] == [seed.id, own.id]
    # queued for the thread: the seed update and this server's own, not the other server's
    assert sorted(j.update.id for j in await update_store.deliveries_of_post(db, post.id)) == [seed.id, own.id]
    assert await update_store.queue_existing_updates(db, post.id) == 0  # already there
    edited = await update_store.edit_update(db, own.id, "Server news, corrected")
    assert edited.revision == 2 and just_now(edited.edited_at)
    # the seed's text belongs to the operator's scope, not the server's: no clash
    assert (await update_store.edit_update(db, own.id, "first news")).revision == 3


async def test_update_edit_clash_and_retraction(db: Database):
    first, _ = await update_store.store_update(
        db, article_slug="a", guild_id=GUILD, label="U", text="One", source="admin"
    )
    second, _ = await update_store.store_update(
        db, article_slug="a", guild_id=GUILD, label="U", text="Two", source="admin"
    )
    with pytest.raises(DuplicateUpdate) as clash:
        await update_store.edit_update(db, second.id, " one ")
    assert clash.value.existing.id == first.id
    post = await _post(db)
    await post_store.record_thread(db, post.id, THREAD, THREAD)
    await post_store.mark_posted(db, post.id, None)
    assert await update_store.queue_existing_updates(db, post.id) == 2
    retracted = await update_store.retract_update(db, first.id, MODERATOR)
    assert retracted.retracted and retracted.revision == 2
    assert {j.update.id: j.status for j in await update_store.deliveries_of_post(db, post.id)} == {
        first.id: "cancelled",
        second.id: "pending",
    }
    [job] = await update_store.deliveries_of_update(db, second.id)
    assert (job.thread_id, job.reply_to, job.guild_id) == (THREAD, THREAD, GUILD)
    assert await update_store.mark_sending(db, job.id)
    await update_store.mark_sent(db, job.id, [THREAD + 50, THREAD + 51], 1)
    [job] = await update_store.deliveries_of_update(db, second.id)
    assert (job.status, job.message_ids, job.sent_revision, job.attempts) == ("sent", [THREAD + 50, THREAD + 51], 1, 1)
    await update_store.mark_retry(db, job.id, "429", 60, was_sent=True)
    assert (await update_store.deliveries_of_update(db, second.id))[0].status == "sent"
    await update_store.mark_failed(db, job.id, "gone")
    assert (await update_store.deliveries_of_update(db, second.id))[0].status == "failed"


async def test_failing_a_posts_rows(db: Database):
    post = await _post(db)
    await post_store.record_thread(db, post.id, THREAD, THREAD)
    await post_store.mark_posted(db, post.id, None)
    update, _ = await update_store.store_update(db, article_slug="a", guild_id=None, label="U", text="X", source="seed")
    [job] = await update_store.deliveries_of_update(db, update.id)
    assert job.status == "pending"
    await update_store.fail_deliveries_of_post(db, post.id, "locked")
    assert (await update_store.deliveries_of_post(db, post.id))[0].status == "failed"


async def test_a_removed_post_ends_its_waiting_updates_and_takes_no_more(db: Database):
    post = await _post(db)
    await post_store.record_thread(db, post.id, THREAD, THREAD)
    await post_store.mark_posted(db, post.id, None)
    await update_store.store_update(db, article_slug="a", guild_id=None, label="U", text="X", source="seed")
    assert await post_store.mark_removed(db, post.id, "the discussion thread was deleted") == 1
    assert await post_store.mark_removed(db, post.id, "again") is None  # removed once
    removed = await post_store.get_post(db, post.id)
    assert removed is not None and removed.removed and removed.status == "abandoned" and removed.jump_url() is None
    assert [(j.status, j.post_id) for j in await update_store.deliveries_of_post(db, post.id)] == [("failed", post.id)]
    assert await post_store.post_by_thread(db, THREAD) is None
    assert [p.id for p in await post_store.posts_in_guild(db, GUILD)] == [post.id]  # listed, as deleted
    await update_store.store_update(db, article_slug="a", guild_id=None, label="U", text="Y", source="seed")
    assert len(await update_store.deliveries_of_post(db, post.id)) == 1  # nothing new queued there


async def test_seed_files(db: Database):
    assert await update_store.seen_seed(db, "a") is None
    await update_store.remember_seed(db, "a", "1")
    await update_store.remember_seed(db, "a", "2")
    await update_store.remember_seed(db, "b", "1")
    assert await update_store.seen_seed(db, "a") == "2"
    assert await update_store.known_seed_count(db) == 2


async def test_feeds(db: Database):
    feed = await feed_store.add_feed(db, GUILD, CHANNEL, "https://example.org/a.xml", MEMBER)
    NOW = dt.datetime.now(dt.UTC)
    assert feed is not None and feed.failures == 0 and not feed.first_check_done
    assert await feed_store.add_feed(db, GUILD, CHANNEL, "https://example.org/a.xml", MEMBER) is None
    assert [f.id for f in await feed_store.feeds_of_guild(db, GUILD)] == [feed.id]
    assert [f.id for f in await feed_store.due_feeds(db, NOW + dt.timedelta(seconds=1))] == [feed.id]
    assert await feed_store.record_failure(db, feed.id, "503", NOW + dt.timedelta(minutes=5)) == 1
    assert await feed_store.record_failure(db, feed.id, "503", NOW + dt.timedelta(minutes=5)) == 2
    assert await feed_store.due_feeds(db, NOW + dt.timedelta(minutes=1)) == []
    await feed_store.mark_alerted(db, feed.id)
    failing = await feed_store.get_feed(db, feed.id)
    assert failing.alerted == 1 and not failing.first_check_done  # no check has read it yet
    await feed_store.record_success(db, feed.id, etag='"x"', last_modified=None, title=None, next_check=NOW)
    await feed_store.record_success(db, feed.id, etag=None, last_modified="Mon", title="News", next_check=NOW)
    got = await feed_store.get_feed(db, feed.id)
    assert (got.failures, got.alerted, got.title, got.last_modified, got.etag) == (0, 0, "News", "Mon", None)
    assert just_now(got.last_ok_at) and got.first_check_done
    await feed_store.remember_entry(db, feed.id, "e1", "h1", None)
    await feed_store.remember_entry(db, feed.id, "e1", "h2", "slug-1")
    await feed_store.remember_entry(db, feed.id, "e1", "h3", None)  # keeps the article it became
    assert await feed_store.known_entry(db, feed.id, "e1") == ("h3", "slug-1")
    assert await feed_store.known_entry(db, feed.id, "e2") is None
    assert await feed_store.hash_seen(db, feed.id, "h3") and not await feed_store.hash_seen(db, feed.id, "h1")
    article = feed_store.StoredFeedArticle("slug-1", feed.id, GUILD, "Title\n\nBody", "https://x", None, None)
    await feed_store.save_feed_article(db, article)
    await feed_store.save_feed_article(db, article)
    assert await feed_store.feed_articles(db) == [article]
    # what other shard processes stored lately: by when it was stored or changed
    moment = dt.datetime.now(dt.UTC)
    assert await feed_store.feed_articles(db, moment - dt.timedelta(minutes=1)) == [article]
    assert await feed_store.feed_articles(db, moment + dt.timedelta(minutes=1)) == []
    assert not await feed_store.remove_feed(db, GUILD + 1, feed.id)
    assert await feed_store.remove_feed(db, GUILD, feed.id)
    assert await feed_store.feed_articles(db) == []  # the feed's rows go with it


async def test_rules_and_cases(db: Database):
    rule = await moderation_store.add_rule(db, GUILD, "keyword", "tangerine", "word", "hold", MODERATOR)
    assert rule is not None
    assert await moderation_store.add_rule(db, GUILD, "keyword", "tangerine", "prefix", "delete", MODERATOR) is None
    assert await moderation_store.rules_of(db, GUILD) == [rule]
    assert not await moderation_store.remove_rule(db, GUILD + 1, rule.id)
    assert await moderation_store.remove_rule(db, GUILD, rule.id)
    warn = await moderation_store.open_case(
        db,
        guild_id=GUILD,
        member_id=MEMBER,
        moderator_id=MODERATOR,
        rule=None,
        action="warn",
        reason="rude",
        excerpt="x" * 900,
        channel_id=CHANNEL,
        message_id=THREAD,
        expires_at=NOW + dt.timedelta(hours=1),
    )
    assert warn.number == 1 and len(warn.excerpt) == 500 and just_now(warn.created_at)
    second = await moderation_store.open_case(
        db, guild_id=GUILD, member_id=MEMBER, moderator_id=None, rule="caps", action="delete", reason=None
    )
    assert second.number == 2
    other = await moderation_store.open_case(
        db, guild_id=GUILD + 1, member_id=MEMBER, moderator_id=None, rule="caps", action="delete", reason=None
    )
    assert other.number == 1  # numbered per server
    assert await moderation_store.set_case_reason(db, GUILD, 2, "shouting")
    assert not await moderation_store.set_case_reason(db, GUILD, 99, "none")
    await moderation_store.record_log_message(db, GUILD, 2, THREAD + 9)
    assert (await moderation_store.get_case(db, GUILD, 2)).log_message_id == THREAD + 9
    assert [c.number for c in await moderation_store.cases_of_member(db, GUILD, MEMBER)] == [2, 1]
    assert await moderation_store.active_warnings(db, GUILD, MEMBER, NOW) == 1
    assert await moderation_store.active_warnings(db, GUILD, MEMBER, NOW + dt.timedelta(hours=2)) == 0


async def test_cases_opened_at_once_get_distinct_numbers(db: Database):
    cases = await asyncio.gather(
        *(
            moderation_store.open_case(
                db, guild_id=GUILD, member_id=MEMBER + i, moderator_id=None, rule="r", action="delete", reason=None
            )
            for i in range(12)
        )
    )
    assert sorted(c.number for c in cases) == list(range(1, 13))


async def test_review_queue(db: Database):
    message = ReviewedMessage(GUILD, CHANNEL, THREAD, MEMBER, "max", "https://cdn/avatar.png", "held text")
    held = await review_store.add_held(db, message, reason="caps", case_number=3)
    assert await review_store.add_held(db, message, reason="again", case_number=4) == held  # one card per message
    assert (held.kind, held.status, held.case_number, held.author_avatar) == ("held", "open", 3, message.author_avatar)
    item, count, new = await review_store.add_report(db, message, reporter_id=MODERATOR, reason="rude")
    assert item.kind == "report" and item.id != held.id and (count, new) == (1, True)
    assert (await review_store.add_report(db, message, reporter_id=MODERATOR, reason="again"))[1:] == (1, False)
    assert (await review_store.add_report(db, message, reporter_id=MEMBER + 5, reason=""))[1:] == (2, True)
    assert await review_store.report_reasons(db, item.id) == ["rude"]
    await review_store.record_card(db, item.id, CHANNEL, THREAD + 30)
    assert (await review_store.get_item(db, item.id)).card_message_id == THREAD + 30
    decisions = await asyncio.gather(*(review_store.decide(db, held.id, "approved", MODERATOR + i) for i in range(3)))
    assert sorted(decisions) == [False, False, True]  # the first decision wins
    decided = await review_store.get_item(db, held.id)
    assert decided.status == "approved" and just_now(decided.decided_at)
    await review_store.reopen(db, held.id)  # the approved repost failed: open again, for the next decision
    reopened = await review_store.get_item(db, held.id)
    assert (reopened.status, reopened.decided_by, reopened.decided_at) == ("open", None, None)
    assert await review_store.decide(db, held.id, "rejected", MODERATOR)


async def test_thread_replies(db: Database):
    edge = discussion_store.ReplyEdge
    await discussion_store.record_replies(db, [])
    await discussion_store.record_replies(
        db,
        [
            edge(THREAD + 2, THREAD, GUILD, THREAD + 1, MEMBER, "first point " * 50),
            edge(THREAD + 3, THREAD, GUILD, THREAD + 1, MEMBER, "first point"),
            edge(THREAD + 3, THREAD, GUILD, THREAD + 1, MEMBER, "first point"),  # seen twice, counted once
            edge(THREAD + 5, THREAD, None, THREAD + 4, MODERATOR, "second point"),
        ],
    )
    points = await discussion_store.top_points(db, THREAD)
    assert [(p.message_id, p.replies, p.guild_id) for p in points] == [(THREAD + 1, 2, GUILD), (THREAD + 4, 1, None)]
    assert len(points[0].excerpt) == discussion_store.EXCERPT_CHARS
    await discussion_store.forget_messages(db, [THREAD + 2])  # a reply deleted
    await discussion_store.forget_messages(db, [THREAD + 4])  # a point deleted, its replies with it
    await discussion_store.forget_messages(db, [])
    assert [(p.message_id, p.replies) for p in await discussion_store.top_points(db, THREAD)] == [(THREAD + 1, 1)]
    # an edit replaces the copy; an edit of a message never replied to changes nothing
    await discussion_store.edit_points(db, [(THREAD + 1, "first point, edited"), (THREAD + 99, "not a point")])
    await discussion_store.edit_points(db, [])
    assert [p.excerpt for p in await discussion_store.top_points(db, THREAD)] == ["first point, edited"]
    # a deleted thread takes every point and reply with it, and no other thread's
    other = THREAD + 1000
    await discussion_store.record_replies(db, [edge(other + 2, other, GUILD, other + 1, MEMBER, "elsewhere")])
    await discussion_store.forget_threads(db, [THREAD])
    await discussion_store.forget_threads(db, [])
    assert await discussion_store.top_points(db, THREAD) == []
    assert [p.message_id for p in await discussion_store.top_points(db, other)] == [other + 1]


async def test_a_member_who_opted_out_is_not_copied_from_before_they_asked(db: Database):
    edge = discussion_store.ReplyEdge
    asked = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    before, after = (discussion_store.snowflake_at(asked - dt.timedelta(seconds=s)) for s in (1, -1))
    async with db.transaction() as tx:
        await discussion_store.opt_out(tx, MEMBER, asked)
        await discussion_store.opt_out(tx, MEMBER, asked)  # asking twice is asking once
    assert str(MEMBER) not in str([tuple(r) for r in await db.fetch_all("SELECT * FROM digest_optouts")])
    await discussion_store.record_replies(
        db,
        [
            edge(after + 10, THREAD, GUILD, before, MEMBER, "an old message of theirs"),
            edge(after + 11, THREAD, GUILD, after, MEMBER, "written after they asked"),
            edge(after + 12, THREAD, GUILD, before + 1, MODERATOR, "someone else's old message"),
        ],
    )
    points = await discussion_store.top_points(db, THREAD)
    assert sorted(p.excerpt for p in points) == ["someone else's old message", "written after they asked"]


async def test_meta(db: Database):
    assert await get_meta(db, "k") is None
    await set_meta(db, "k", "1")
    await set_meta(db, "k", "2")
    assert await get_meta(db, "k") == "2"


def test_every_query_module_function_is_exercised_here():
    """A new storage function must be run by a test in this folder, so it runs on both engines."""
    import bot.storage.discussion
    import bot.storage.feeds
    import bot.storage.meta
    import bot.storage.moderation
    import bot.storage.posts
    import bot.storage.review
    import bot.storage.server_settings
    import bot.storage.updates
    import bot.storage.votes

    modules = [
        bot.storage.discussion,
        bot.storage.feeds,
        bot.storage.server_settings,
        bot.storage.meta,
        bot.storage.moderation,
        bot.storage.posts,
        bot.storage.review,
        bot.storage.updates,
        bot.storage.votes,
    ]
    tests = "\n".join(p.read_text() for p in Path(__file__).parent.glob("*.py"))
    missing = [
        f"{module.__name__}.{name}"
        for module in modules
        for name, function in vars(module).items()
        if inspect.iscoroutinefunction(function)
        and not name.startswith("_")
        and function.__module__ == module.__name__
        and not re.search(rf"\b{name}\(", tests)
    ]
    assert missing == []


async def test_two_edits_to_the_same_text_at_once_one_is_told_of_the_other(db: Database):
    first, second = [
        (await update_store.store_update(db, article_slug="a", guild_id=GUILD, label="U", text=t, source="admin"))[0]
        for t in ("1", "2")
    ]
    await asyncio.gather(*(db.fetch_value("SELECT 1") for _ in range(4)))  # PostgreSQL: connections ready for both
    results = await asyncio.gather(
        update_store.edit_update(db, first.id, "Same words"),
        update_store.edit_update(db, second.id, "same  WORDS"),
        return_exceptions=True,
    )
    edited = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(edited) == 1 and len(refused) == 1
    assert isinstance(refused[0], DuplicateUpdate) and refused[0].existing.id == edited[0].id


async def test_recent_published_posts_of_every_server_newest_first(db: Database):
    posted, pending, elsewhere, closed = [await _post(db, slug, guild=GUILD + i) for i, slug in enumerate("abcd")]
    for post in (posted, elsewhere, closed):
        await post_store.mark_posted(db, post.id, None)
    await post_store.mark_closed(db, closed.id)
    assert [p.id for p in await post_store.recent_published_posts(db)] == [closed.id, elsewhere.id, posted.id]
    assert [p.id for p in await post_store.recent_published_posts(db, 1)] == [closed.id]
    assert pending.status == "pending"


async def test_live_updates_of_a_guild_newest_first(db: Database):
    first, second, operators, other = [
        (await update_store.store_update(db, article_slug="a", guild_id=g, label="U", text=t, source="admin"))[0]
        for g, t in ((GUILD, "one"), (GUILD, "two"), (None, "three"), (GUILD + 1, "four"))
    ]
    await update_store.retract_update(db, first.id, MODERATOR)
    assert [u.id for u in await update_store.live_updates_of_guild(db, GUILD)] == [second.id]
    assert [u.id for u in await update_store.live_updates_of_guild(db, GUILD + 1)] == [other.id]
    assert operators.guild_id is None
