"""`db copy`: a database with rows in every table, moved into an empty PostgreSQL and verified."""

from __future__ import annotations

import pytest

from bot.storage import Database
from bot.storage import feeds as feed_store
from bot.storage import moderation as moderation_store
from bot.storage import posts as post_store
from bot.storage import review as review_store
from bot.storage import updates as update_store
from bot.storage import votes as vote_store
from bot.storage.admin import check
from bot.storage.copy import CopyError, copy_database
from bot.storage.review import ReviewedMessage
from tests.bot.storage.populate import CHANNEL, GUILD, MEMBER, populate
from tests.conftest import NewDatabase


async def _contents(db: Database) -> dict[str, list[tuple]]:
    contents = {}
    for table in await db.engine.table_names():
        columns = sorted(await db.engine.column_names(table))
        rows = await db.fetch_all(f"SELECT {', '.join(columns)} FROM {table}")
        contents[table] = sorted((tuple(r) for r in rows), key=repr)
    return contents


async def test_every_table_is_copied_counted_and_ids_continue(db: Database, new_database: NewDatabase):
    populated = await populate(db)
    before = await _contents(db)
    empty = [table for table, rows in before.items() if not rows]
    assert empty == [], "populate() must fill every table, so that the copy is tested on each"
    target = await Database.open(await new_database(engine="postgresql"))
    try:
        lines: list[str] = []
        copied = await copy_database(db, target, report=lines.append)
        assert {c.table: c.rows for c in copied} == {t: len(rows) for t, rows in before.items()}
        assert len(lines) == len(before)
        assert await _contents(target) == before  # every value, as it was
        assert await target.schema_version() == await db.schema_version()
        assert (await check(target.url)).problems == []

        # New rows get ids past the copied ones, in every table that gives out ids.
        identities = await target.engine.identity_columns()
        largest = {t: await db.fetch_value(f"SELECT MAX({c}) FROM {t}") for t, c in identities.items()}
        assert {c.table: c.next_id for c in copied if c.next_id is not None} == {t: v + 1 for t, v in largest.items()}
        post = await post_store.create_post(
            target,
            guild_id=GUILD,
            channel_id=CHANNEL,
            article_slug="after",
            article_title="After",
            exit_question=None,
            vote_mode="answers",
            duration_hours=1,
            posted_by=MEMBER,
            poll_options=[],
        )
        answer = await vote_store.add_exit_answer(target, populated.answer_post, MEMBER, "New")
        update, _ = await update_store.store_update(
            target, article_slug="odierno-ceasefire", guild_id=None, label="U", text="Later news", source="seed"
        )
        feed = await feed_store.add_feed(target, GUILD, CHANNEL, "https://example.org/other.xml", MEMBER)
        rule = await moderation_store.add_rule(target, GUILD, "keyword", "plum", "word", "hold", MEMBER)
        item = await review_store.add_held(
            target, ReviewedMessage(GUILD, CHANNEL, 5, MEMBER, "max", None, "x"), reason="r", case_number=None
        )
        deliveries = await update_store.deliveries_of_update(target, update.id)
        assert feed is not None and rule is not None and deliveries
        new_ids = {
            "article_posts": post.id,
            "exit_answers": answer.id,
            "updates": update.id,
            "feeds": feed.id,
            "automod_rules": rule.id,
            "review_items": item.id,
            "update_deliveries": deliveries[0].id,
        }
        # (the reply tables' ids are Discord's message ids, given by the bot, never by the table)
        assert set(new_ids) == set(identities) - {"thread_points", "thread_replies"}
        assert all(new_ids[t] == largest[t] + 1 for t in new_ids)
        case = await moderation_store.open_case(
            target, guild_id=GUILD, member_id=MEMBER, moderator_id=None, rule=None, action="warn", reason=None
        )
        assert case.number == 2  # numbering goes on from the copied cases

        # The counts came along once (triggers were off for the copy) and count again afterwards.
        tally = {t.answer_id: t.votes for t in await vote_store.poll_tally(target, populated.poll_post)}
        assert tally == {t.answer_id: t.votes for t in await vote_store.poll_tally(db, populated.poll_post)}
        await vote_store.apply_poll_votes(target, [vote_store.PollVote(True, populated.poll_post, 1, 42)])
        assert (await vote_store.poll_tally(target, populated.poll_post))[0].votes == tally[1] + 1
    finally:
        await target.close()


async def test_copy_refuses_a_target_with_data_or_a_source_not_migrated(db: Database, new_database: NewDatabase):
    await populate(db, voters=3)
    full = await Database.open(await new_database(engine="postgresql", migrated=True))
    try:
        await copy_database(db, full)
        with pytest.raises(CopyError, match="already holds data"):
            await copy_database(db, full)
    finally:
        await full.close()
    unmigrated = await Database.open(await new_database())
    target = await Database.open(await new_database(engine="postgresql"))
    sqlite = await Database.open(await new_database(engine="sqlite", migrated=True))
    try:
        with pytest.raises(CopyError, match="run python -m bot db migrate first"):
            await copy_database(unmigrated, target)
        assert await target.engine.table_names() == []  # nothing was written
        with pytest.raises(CopyError, match="writes to PostgreSQL"):
            await copy_database(target, sqlite)
    finally:
        for database in (unmigrated, target, sqlite):
            await database.close()


async def test_a_copy_whose_counts_do_not_add_up_is_not_kept(db: Database, new_database: NewDatabase):
    await populate(db, voters=6)
    await db.execute("UPDATE poll_options SET votes = votes + 1 WHERE answer_id = 1")  # a source that drifted
    target = await Database.open(await new_database(engine="postgresql"))
    try:
        with pytest.raises(CopyError, match="vote counts do not match"):
            await copy_database(db, target)
        assert await target.fetch_value("SELECT COUNT(*) FROM poll_votes") == 0  # rolled back
    finally:
        await target.close()
