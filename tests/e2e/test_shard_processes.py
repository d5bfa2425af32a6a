"""Shard processes: a bot with SHARD_COUNT/SHARD_IDS connects only its shards and does only the work of
its servers; work of no server is leased to one process at a time."""

from __future__ import annotations

import asyncio
import contextlib
import time
from pathlib import Path

import discord
import pytest
from aiohttp import web

from bot.client import DiscussionBot
from bot.sharding import shard_of
from bot.storage import feeds as feed_store
from bot.storage import leases as lease_store
from bot.storage.rows import read_time
from discord_emulator import Emulator, RateLimitConfig, ShardingConfig
from discord_emulator import permissions as perms
from tests.e2e.test_chat import ask
from tests.e2e.test_chat_dms import SECRET
from tests.e2e.test_privacy import suggest
from tests.harness import bot_environment, eventually, question_of, running_bot


async def test_a_sharded_process_connects_its_shards_and_sees_only_their_servers(
    emulator: Emulator, tmp_path: Path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    guilds = [emulator.create_guild(f"server {i}") for i in range(6)]
    env = bot_environment(emulator, tmp_path, SHARD_COUNT="3", SHARD_IDS="0,2", IDENTIFY_INTERVAL_SECONDS="0")
    async with running_bot(env) as bot:
        assert isinstance(bot, discord.AutoShardedClient)
        assert sorted(bot.shards) == [0, 2]
        owned = {g.id for g in guilds if shard_of(g.id, 3) in (0, 2)}
        assert {g.id for g in bot.guilds} == owned and len(owned) == 4
        assert all(bot.ownership.owns(g) for g in owned)
        logins = {(r.shard_id, r.shard_count) for r in emulator.gateway.identify_log if r.accepted}
        assert logins == {(0, 3), (2, 3)}


async def test_unsharded_connects_as_one_shard_as_before(emulator: Emulator, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    guilds = [emulator.create_guild(f"server {i}") for i in range(3)]
    async with running_bot(bot_environment(emulator, tmp_path)) as bot:
        assert not isinstance(bot, discord.AutoShardedClient)
        assert {g.id for g in bot.guilds} == {g.id for g in guilds}
        assert [(r.shard_id, r.shard_count) for r in emulator.gateway.identify_log] == [(0, 1)]


@pytest.mark.parametrize("engine", ["postgresql"])
async def test_processes_starting_together_log_in_one_bucket_at_a_time(tmp_path: Path, monkeypatch, database_url: str):
    """Two processes of 2 shards each start at the same moment against a Discord that refuses a
    second IDENTIFY of a bucket within 0.4 s: the advisory lock per bucket spaces all four logins."""
    monkeypatch.chdir(tmp_path)
    emulator = Emulator(sharding=ShardingConfig(max_concurrency=2, identify_interval=0.4))
    await emulator.start()
    try:
        for i in range(4):
            emulator.create_guild(f"server {i}")
        common = {"SHARD_COUNT": "4", "IDENTIFY_INTERVAL_SECONDS": "0.5"}
        first = bot_environment(emulator, tmp_path, database_url=database_url, **common, SHARD_IDS="0,1")
        second = bot_environment(emulator, tmp_path, database_url=database_url, **common, SHARD_IDS="2,3")
        async with contextlib.AsyncExitStack() as stack:
            bots = await asyncio.gather(
                stack.enter_async_context(running_bot(first, ready_timeout=20)),
                stack.enter_async_context(running_bot(second, ready_timeout=20)),
            )
            assert [sorted(b.shards) for b in bots] == [[0, 1], [2, 3]]
        log = emulator.gateway.identify_log
        assert [r for r in log if not r.accepted] == []
        assert sorted(r.shard_id for r in log) == [0, 1, 2, 3]
        for bucket in (0, 1):  # shards 0 and 2 share bucket 0, 1 and 3 bucket 1 (max_concurrency 2)
            times = sorted(r.at for r in log if r.shard_id % 2 == bucket)
            assert times[1] - times[0] >= 0.4
    finally:
        await emulator.stop()


async def _burst(bot: discord.Client, channel_id: int, count: int) -> None:
    """`count` REST requests at once (each answered by Discord, whatever the order)."""
    await asyncio.gather(*(bot.fetch_channel(channel_id) for _ in range(count)))


@pytest.mark.parametrize(("share", "over_budget"), [("10", False), (None, True)])
async def test_a_process_keeps_to_its_share_of_the_global_rest_limit(
    tmp_path: Path, monkeypatch, share: str | None, over_budget: bool
):
    """Against a Discord whose global limit is 10 requests/s: with REST_GLOBAL_SHARE=10 a burst of 25
    requests never meets a global 429; without a share of its own the same burst does (discord.py
    retries those), so the emulator would see a process that overspends."""
    monkeypatch.chdir(tmp_path)
    emulator = Emulator(rate_limits=RateLimitConfig(global_per_second=10))
    await emulator.start()
    try:
        guild = emulator.create_guild("server")
        channel = emulator.create_text_channel(guild, "general")
        env = bot_environment(emulator, tmp_path, **({"REST_GLOBAL_SHARE": share} if share else {}))
        async with running_bot(env, ready_timeout=20) as bot:
            emulator.rate_limiter.limited.clear()
            await _burst(bot, channel.id, 25)
        # GET /channels/{id} allows 50 a second per channel: a 429 on 25 of them is the global limit's.
        global_limited = [hit for hit in emulator.rate_limiter.limited if hit[0].startswith("GET /channels")]
        assert bool(global_limited) is over_budget, global_limited
    finally:
        await emulator.stop()


@pytest.mark.parametrize("engine", ["postgresql"])
async def test_a_dm_on_shard_zero_knows_the_members_server_on_another_shard(
    emulator: Emulator, tmp_path: Path, monkeypatch, database_url: str
):
    """DMs arrive on shard 0 only. A member of a server on shard 1 DMs the bot: the process with shard 0
    has no cache of that server, and still finds the member's server (its stored discussions, the
    membership asked of Discord) and speaks of its discussion."""
    monkeypatch.chdir(tmp_path)
    home, private = emulator.create_guild("Home"), emulator.create_guild("Private club")
    if shard_of(home.id, 2) == 1:
        home, private = private, home
    assert (shard_of(home.id, 2), shard_of(private.id, 2)) == (0, 1)
    emulator.create_text_channel(home, "general")
    private_owner = private.members[private.owner_id]
    private_forum = emulator.create_forum_channel(private, "articles")
    insider = emulator.add_member(private, "insider")
    common = {"SHARD_COUNT": "2", "IDENTIFY_INTERVAL_SECONDS": "0"}
    zero = bot_environment(emulator, tmp_path, database_url=database_url, **common, SHARD_IDS="0")
    one = bot_environment(emulator, tmp_path, database_url=database_url, **common, SHARD_IDS="1")
    async with running_bot(zero, ready_timeout=20) as first, running_bot(one, ready_timeout=20) as second:
        assert private.id not in {g.id for g in first.guilds} and private.id in {g.id for g in second.guilds}
        posted = emulator.run_command(
            private_owner, private_forum, "article post", article="odierno-ceasefire", channel=private_forum
        )
        assert "Posted" in (await posted.wait_message(timeout=10)).content
        [thread] = emulator.threads_of(private_forum)
        await suggest(emulator, insider, question_of(emulator, thread), SECRET)

        dm = emulator.dm_channel(insider.user)
        inside = await ask(emulator, insider, dm, "how's the vote going?", mention=False)
        assert SECRET in inside.content and str(private.id) in inside.content, inside.content

        # Who may see a discussion is asked of Discord too: a staff-only forum's post, the newest, is
        # spoken of to the owner who sees it, and never to the member who does not.
        staff = emulator.create_forum_channel(private, "staff")
        emulator.set_channel_permission(staff, private.roles[private.id], deny=perms.VIEW_CHANNEL)
        emulator.set_channel_permission(staff, emulator.bot_role(private), allow=perms.VIEW_CHANNEL)
        posted = emulator.run_command(private_owner, staff, "article post", article="odierno-ceasefire", channel=staff)
        assert "Posted" in (await posted.wait_message(timeout=10)).content
        [staff_thread] = emulator.threads_of(staff)
        owner_dm = emulator.dm_channel(private_owner.user)
        told = await ask(emulator, private_owner, owner_dm, "how's the vote going?", mention=False)
        assert str(staff_thread.id) in told.content, told.content
        again = await ask(emulator, insider, dm, "how's the vote going?", mention=False)
        assert str(staff_thread.id) not in again.content and SECRET in again.content, again.content

        # A feed article the other process stores reaches this one's library at its next feeds pass.
        feed = await feed_store.add_feed(second.db, private.id, private_forum.id, "https://example.org/f.xml", 1)
        assert feed is not None
        await feed_store.save_feed_article(
            second.db,
            feed_store.StoredFeedArticle(
                "feed-news", feed.id, private.id, "Feed news\n\nIt happened.", None, None, None
            ),
        )
        assert first.library.get("feed-news") is None
        await first.feeds.catch_up()
        found = first.library.get("feed-news")
        assert found is not None and found.title == "Feed news"


def _polls(bot: DiscussionBot) -> float:
    registry = bot.metrics.registry
    return sum(registry.get_sample_value("bot_feed_polls_total", {"result": r}) or 0 for r in ("ok", "unchanged"))


@pytest.mark.parametrize("engine", ["postgresql"])
async def test_a_feed_is_polled_by_one_process_and_taken_over_when_it_dies(
    emulator: Emulator, tmp_path: Path, monkeypatch, database_url: str
):
    """Two processes running the same shards (as during a rolling restart) over one database: the feed
    is fetched by one of them only; when that one stops working without letting go (a hung or killed
    process), the other fetches it once the lease has lapsed, not before."""
    monkeypatch.chdir(tmp_path)
    fetched: list[float] = []  # wall-clock time of each fetch

    async def feed(request: web.Request) -> web.Response:
        fetched.append(time.time())
        body = '<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback</title></channel></rss>'
        return web.Response(text=body, content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/feed.xml", feed)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/feed.xml"  # type: ignore[union-attr]
    guild = emulator.create_guild("server")
    forum = emulator.create_forum_channel(guild, "articles")
    common = {
        "SHARD_COUNT": "2",
        "SHARD_IDS": "0,1",
        "IDENTIFY_INTERVAL_SECONDS": "0",
        "FEED_POLL_SECONDS": "1",
        "FEED_ALLOW_PRIVATE": "true",
        "LEASE_SECONDS": "2",
    }
    env = bot_environment(emulator, tmp_path, database_url=database_url, **common)
    try:
        async with running_bot(env, ready_timeout=20) as first, running_bot(env, ready_timeout=20) as second:
            record = await feed_store.add_feed(first.db, guild.id, forum.id, url, 1)
            assert record is not None
            await eventually(lambda: _polls(first) + _polls(second) >= 3, timeout=15)
            bots = sorted((first, second), key=_polls, reverse=True)
            holder, other = bots
            assert _polls(other) == 0  # exactly one process polls it
            lease = f"feed:{record.id}"
            assert await lease_store.lease_holder(first.db, lease) == holder.leases.holder

            # The holder stops working and stops renewing, without letting go: as if it hung or died.
            holder.get_cog("Feeds").check_feeds.cancel()  # type: ignore[union-attr]
            assert holder.leases._renewing is not None
            holder.leases._renewing.cancel()
            lapses = await first.db.fetch_value("SELECT expires_at FROM leases WHERE name = ?", (lease,))
            await eventually(lambda: _polls(other) > 0, timeout=15)
            assert await lease_store.lease_holder(first.db, lease) == other.leases.holder
            first_by_other = fetched[-int(_polls(other))]
            assert first_by_other >= read_time(lapses).timestamp()  # not before the lease lapsed
    finally:
        await runner.cleanup()
