"""A shard process's queries see only the servers of its shards: outbox claims, votes to close and
reconcile, message copies to expire. The condition is Discord's formula, on both engines."""

from __future__ import annotations

import datetime as dt

from bot.sharding import Ownership, shard_of
from bot.storage import Database
from bot.storage import moderation as moderation_store
from bot.storage import operations as operations_store
from bot.storage import posts as post_store
from bot.storage import privacy as privacy_store
from bot.storage import updates as update_store

# Six servers a millisecond apart, as Discord makes them: shards 0..5 of 6, or 0,1,2,0,1,2 of 3.
BASE_MS = 281_000_000_000  # a 2020s timestamp in Discord's epoch
GUILDS = [((BASE_MS + i) << 22) | 4242 for i in range(6)]
THREAD = 1_190_000_000_000_000_000
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


async def _post_everywhere(db: Database) -> dict[int, int]:
    posts = {}
    for index, guild in enumerate(GUILDS):
        post = await post_store.create_post(
            db,
            guild_id=guild,
            channel_id=guild + 1,
            article_slug="a",
            article_title="A",
            exit_question="Q?",
            vote_mode="poll",
            duration_hours=1,
            posted_by=1,
            poll_options=["yes", "no"],
        )
        await post_store.record_thread(db, post.id, THREAD + index, THREAD + index)
        await post_store.mark_posted(db, post.id, NOW)
        posts[guild] = post.id
    return posts


def _owned_by(ownership: Ownership) -> set[int]:
    return {g for g in GUILDS if ownership.owns(g)}


async def test_each_process_claims_only_its_servers_outbox_rows(db: Database):
    posts = await _post_everywhere(db)
    await update_store.store_update(db, article_slug="a", guild_id=None, label="Update", text="news", source="seed")
    assert sorted(shard_of(g, 3) for g in GUILDS) == [0, 0, 1, 1, 2, 2]
    claimed: dict[int, int] = {}
    for shard in range(3):
        ownership = Ownership(3, frozenset({shard}))
        jobs = await update_store.claim_deliveries(db, f"shard-{shard}", ownership=ownership)
        assert {j.guild_id for j in jobs} == _owned_by(ownership)
        claimed |= {j.post_id: shard for j in jobs}
    assert sorted(claimed) == sorted(posts.values())  # every thread by exactly one process
    assert await update_store.claim_deliveries(db, "everything") == []  # all held


async def test_each_process_answers_for_its_own_servers_outbox_backlog(db: Database):
    await _post_everywhere(db)
    await update_store.store_update(db, article_slug="a", guild_id=None, label="Update", text="news", source="seed")
    assert (await operations_store.outbox_state(db)).backlog == 6
    assert (await operations_store.outbox_state(db, Ownership(3, frozenset({1})))).backlog == 2
    assert (await operations_store.outbox_state(db, Ownership(6, frozenset({0, 3, 5})))).backlog == 3


async def test_an_ownership_of_every_shard_claims_everything(db: Database):
    await _post_everywhere(db)
    await update_store.store_update(db, article_slug="a", guild_id=None, label="Update", text="news", source="seed")
    jobs = await update_store.claim_deliveries(db, "all", ownership=Ownership(2, frozenset({0, 1})))
    assert len(jobs) == 6


async def test_votes_to_close_and_reconcile_are_the_owned_servers(db: Database):
    posts = await _post_everywhere(db)
    ownership = Ownership(6, frozenset({1, 4}))
    owned_posts = {posts[g] for g in _owned_by(ownership)}
    assert len(owned_posts) == 2
    later = NOW + dt.timedelta(seconds=1)
    assert {p.id for p in await post_store.posts_due_to_close(db, later, ownership)} == owned_posts
    assert {p.id for p in await post_store.open_posts(db, "poll", ownership)} == owned_posts
    assert len(await post_store.posts_due_to_close(db, later)) == 6
    assert await post_store.guilds_with_posts(db) == sorted(GUILDS)  # every server, for DMs on shard 0


async def test_message_copies_expire_in_the_owned_servers_only(db: Database):
    for guild in GUILDS:
        await moderation_store.open_case(
            db, guild_id=guild, member_id=5, moderator_id=None, rule="r", action="warn", reason="x", excerpt="text"
        )
    ownership = Ownership(3, frozenset({2}))
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    expired = await privacy_store.expire_message_copies(db, later, ownership=ownership)
    assert expired.cleared_cases == 2
    for guild in GUILDS:
        case = await moderation_store.get_case(db, guild, 1)
        assert case is not None
        assert (case.excerpt is None) == ownership.owns(guild)
