"""Feeds end to end: a loopback feed server gains an entry, then an update to it."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from html import escape

import pytest
from aiohttp import web

from bot.storage import feeds as feed_store
from discord_emulator import Emulator
from tests.harness import World, eventually, is_update_message, running_bot
from tests.postgres import both_engines


@dataclass
class FeedServer:
    entries: list[tuple[str, str, str]] = field(default_factory=list)  # (id, title, html)
    fail_next: int = 0
    requests: list[str] = field(default_factory=list)  # "200", "304", "500", "cut"
    url: str = ""
    chunk_bytes: int = 0  # > 0: the body goes out in pieces of this size, as over a slow network
    cut: bool = False  # send half the body, then drop the connection

    def body(self) -> bytes:
        items = "".join(
            f"<item><guid>{escape(i)}</guid><title>{escape(t)}</title><link>https://news.example/{escape(i)}</link>"
            f"<description>{escape(h)}</description></item>"
            for i, t, h in reversed(self.entries)
        )
        head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title>'
        return f"{head}{items}</channel></rss>".encode()

    async def handle(self, request: web.Request) -> web.Response:
        if self.fail_next:
            self.fail_next -= 1
            self.requests.append("500")
            return web.Response(status=500, text="down")
        body = self.body()
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        if request.headers.get("If-None-Match") == etag:
            self.requests.append("304")
            return web.Response(status=304)
        if not self.chunk_bytes and not self.cut:
            self.requests.append("200")
            return web.Response(body=body, content_type="application/rss+xml", headers={"ETag": etag})
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml", "ETag": etag})
        response.content_length = len(body)
        await response.prepare(request)
        if self.cut:
            self.requests.append("cut")
            await response.write(body[: len(body) // 2])
            assert request.transport is not None
            request.transport.close()
            return response
        for start in range(0, len(body), self.chunk_bytes):
            await response.write(body[start : start + self.chunk_bytes])
            await asyncio.sleep(0.002)  # the network's pace: the reader sees the body in pieces
        await response.write_eof()
        self.requests.append("200")
        return response


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    server = FeedServer(entries=[("old-1", "An old story", "<p>Already there before we followed.</p>")])
    app = web.Application()
    app.router.add_get("/feed.xml", server.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    server.url = f"http://127.0.0.1:{port}/feed.xml"
    yield server
    await runner.cleanup()


def updates_in(emulator: Emulator, thread) -> list:  # type: ignore[no-untyped-def]
    return [m for m in emulator.history(thread) if is_update_message(m)]


@both_engines
async def test_feed_entry_becomes_a_thread_then_gains_an_update(
    emulator: Emulator, world: World, bot_env: dict[str, str], feed_server: FeedServer
):
    env = bot_env | {
        "FEED_POLL_SECONDS": "1",
        "FEED_ALLOW_PRIVATE": "true",
        "MOD_LOG_CHANNEL_ID": str(world.mod_log.id),
    }
    async with running_bot(env) as bot:
        handle = emulator.run_command(world.admin, world.general, "feed add", url=feed_server.url, channel=world.forum)
        reply = await handle.wait_message(timeout=10)
        assert "noted the 1 entries" in reply.content
        await bot.wait_for("feed_checked", timeout=5)
        assert emulator.threads_of(world.forum) == []  # what was there is not posted
        feed_server.entries.append(
            (
                "new-1",
                "Ceasefire talks begin",
                "<p>Talks began <b>today</b> in Baghdad.</p><p>Exit question: Will they hold?</p>",
            )
        )
        thread = await eventually(lambda: next(iter(emulator.threads_of(world.forum)), None), timeout=10)
        assert thread.name == "Ceasefire talks begin"
        starter = emulator.messages[thread.id]
        assert starter.embeds[0]["description"] == "Talks began today in Baghdad."
        assert starter.embeds[0]["url"] == "https://news.example/new-1"
        feed_server.entries[-1] = (
            "new-1",
            "Ceasefire talks begin",
            "<p>Talks began <b>today</b> in Baghdad.</p><p>Exit question: Will they hold?</p>"
            "<p>Update: The first round ended without a deal.</p>",
        )
        await eventually(lambda: len(updates_in(emulator, thread)) == 1, timeout=10)
        assert updates_in(emulator, thread)[0].embeds[0]["description"] == "The first round ended without a deal."
        # the same story under a new id is not posted again
        feed_server.entries.append(("new-1-copy", feed_server.entries[-1][1], feed_server.entries[-1][2]))
        served = len(feed_server.requests)
        # a 304 after the copy was served: the copy has been read, and unchanged feeds are not re-read
        await eventually(lambda: "304" in feed_server.requests[served + 1 :], timeout=10)
        await bot.delivery.wait_idle()
        assert len(emulator.threads_of(world.forum)) == 1 and len(updates_in(emulator, thread)) == 1
        # three failures in a row: the mod log hears about it once
        feed_server.fail_next = 5
        alert = await eventually(
            lambda: [m for m in emulator.history(world.mod_log) if "failed" in m.content], timeout=15
        )
        assert len(alert) == 1 and feed_server.url in alert[0].content and alert[0].mentions == []
        listing = emulator.run_command(world.admin, world.general, "feed list")
        assert "failing" in (await listing.wait_message()).embeds[0]["fields"][0]["value"]


async def test_feed_add_refuses_private_addresses_and_non_feeds(
    emulator: Emulator, world: World, bot_env: dict[str, str], feed_server: FeedServer
):
    async with running_bot(bot_env):
        handle = emulator.run_command(world.admin, world.general, "feed add", url=feed_server.url, channel=world.forum)
        assert "not a public address" in (await handle.wait_message(timeout=10)).content
        refused = emulator.run_command(
            world.member, world.general, "feed add", url="https://example.com/feed", channel=world.forum
        )
        assert "Manage Server" in (await refused.wait_message()).content
        bad = emulator.run_command(
            world.admin, world.general, "feed add", url="ftp://example.com/feed", channel=world.forum
        )
        assert "http://" in (await bad.wait_message()).content
    async with running_bot(bot_env | {"FEED_ALLOW_PRIVATE": "true"}):
        not_a_feed = feed_server.url.replace("/feed.xml", "/missing")
        handle = emulator.run_command(world.admin, world.general, "feed add", url=not_a_feed, channel=world.forum)
        assert "could not read that feed: the server answered 404" in (await handle.wait_message(timeout=10)).content
        listing = emulator.run_command(world.admin, world.general, "feed list")
        assert "None yet" in (await listing.wait_message()).embeds[0]["description"]


async def test_a_large_feed_arrives_whole_and_a_cut_one_changes_nothing(
    emulator: Emulator, world: World, bot_env: dict[str, str], feed_server: FeedServer
):
    padding = "<p>" + "A long paragraph of the story. " * 110 + "</p>"
    feed_server.entries = [(f"old-{i}", f"Story {i}", f"<p>Story {i} begins.</p>{padding}") for i in range(300)]
    feed_server.chunk_bytes = 16 * 1024
    assert len(feed_server.body()) > 1_000_000
    env = bot_env | {"FEED_POLL_SECONDS": "1", "FEED_ALLOW_PRIVATE": "true"}
    async with running_bot(env) as bot:
        handle = emulator.run_command(world.admin, world.general, "feed add", url=feed_server.url, channel=world.forum)
        assert "noted the 300 entries" in (await handle.wait_message(timeout=20)).content
        [feed] = await feed_store.feeds_of_guild(bot.db, world.guild.id)
        assert feed.etag is not None
        # a new story, but the connection drops halfway through the feed: an error, and the next
        # request is not conditional on what was never read whole
        feed_server.entries.append(("new-1", "Ceasefire talks begin", "<p>Talks began in Baghdad.</p>"))
        feed_server.cut = True
        failed = await eventually(lambda: _failing(bot, feed.id), timeout=15)
        assert failed.etag == feed.etag and "before the whole feed" in (failed.last_error or "")
        assert emulator.threads_of(world.forum) == []
        feed_server.cut = False
        thread = await eventually(lambda: next(iter(emulator.threads_of(world.forum)), None), timeout=15)
        assert thread.name == "Ceasefire talks begin"


async def _failing(bot, feed_id: int):  # type: ignore[no-untyped-def]
    record = await feed_store.get_feed(bot.db, feed_id)
    return record if record is not None and record.failures else None


async def test_a_link_only_entry_becomes_a_discussion_with_its_title_and_link(
    emulator: Emulator, world: World, bot_env: dict[str, str], feed_server: FeedServer
):
    env = bot_env | {"FEED_POLL_SECONDS": "1", "FEED_ALLOW_PRIVATE": "true"}
    async with running_bot(env):
        handle = emulator.run_command(world.admin, world.general, "feed add", url=feed_server.url, channel=world.forum)
        assert "noted the 1 entries" in (await handle.wait_message(timeout=10)).content
        feed_server.entries.append(("link-1", "A story worth reading elsewhere", ""))
        thread = await eventually(lambda: next(iter(emulator.threads_of(world.forum)), None), timeout=15)
        assert thread.name == "A story worth reading elsewhere"
        embed = emulator.messages[thread.id].embeds[0]
        assert embed["title"] == "A story worth reading elsewhere"
        assert embed["url"] == "https://news.example/link-1"
        assert "https://news.example/link-1" in embed["description"]


RSS_ONE_ENTRY = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><guid>a</guid><title>A story</title>'
    b"<link>https://news.example/a</link><description>Text.</description></item></channel></rss>"
)


@dataclass
class SlowAndFast:
    """Feeds at /slow/N answer at once until `hold` is set, then not before `release` is (a feed that
    is slow but within the time limits: it never fails, so nothing backs off); /fast always at once."""

    base: str = ""
    hold: bool = False
    release: asyncio.Event = field(default_factory=asyncio.Event)
    waiting: set[str] = field(default_factory=set)  # slow feeds with a request held
    fast_fetches: int = 0


@pytest.fixture
async def slow_and_fast() -> AsyncIterator[SlowAndFast]:
    feeds = SlowAndFast()

    async def slow(request: web.Request) -> web.Response:
        if feeds.hold:
            feeds.waiting.add(request.match_info["n"])
            await feeds.release.wait()
        return web.Response(body=RSS_ONE_ENTRY, content_type="application/rss+xml")

    async def fast(request: web.Request) -> web.Response:
        feeds.fast_fetches += 1
        return web.Response(body=RSS_ONE_ENTRY, content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/slow/{n}", slow)
    app.router.add_get("/fast", fast)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    feeds.base = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
    yield feeds
    feeds.release.set()
    await runner.cleanup()


async def test_slow_feeds_hold_up_no_other_feed(
    emulator: Emulator, world: World, bot_env: dict[str, str], slow_and_fast: SlowAndFast
):
    """Feeds used to be checked one after another, in one loop for every server: a feed that answers
    slowly but correctly held up every feed of every server. Now each has its own schedule: while a
    slow feed of the same server and another server's slow feeds (4, more than its share of
    FEED_CONCURRENCY=4) are all waiting for an answer, the fast feed is fetched again and again."""
    feeds = slow_and_fast
    other = emulator.create_guild("Slow News Club")
    other_owner = other.members[other.owner_id]
    other_channel = emulator.create_text_channel(other, "news")
    env = bot_env | {"FEED_POLL_SECONDS": "1", "FEED_ALLOW_PRIVATE": "true", "FEED_CONCURRENCY": "4"}
    async with running_bot(env):
        adds = [
            emulator.run_command(
                other_owner, other_channel, "feed add", url=f"{feeds.base}/slow/{n}", channel=other_channel
            )
            for n in range(4)
        ]
        adds.append(
            emulator.run_command(
                world.admin, world.general, "feed add", url=f"{feeds.base}/slow/9", channel=world.general
            )
        )
        adds.append(
            emulator.run_command(world.admin, world.general, "feed add", url=f"{feeds.base}/fast", channel=world.forum)
        )
        for add in adds:
            assert "Following" in (await add.wait_message(timeout=10)).content
        feeds.hold = True
        # The other server's share (2 of the 4 slots) and this server's slow feed are all waiting.
        await eventually(lambda: len(feeds.waiting - {"9"}) == 2 and "9" in feeds.waiting, timeout=10)
        fetched = feeds.fast_fetches
        # Well within the 20 s a request may take, so no slow feed has failed meanwhile.
        await eventually(lambda: feeds.fast_fetches >= fetched + 3, timeout=15)
        assert len(feeds.waiting) == 3  # the other server's other two wait for its own share
        # The bot stops with the three requests still held: their checks are cancelled (to run at the
        # next start: a check records nothing before it has read the whole feed), not waited for.


async def test_a_server_follows_at_most_feeds_per_server(
    emulator: Emulator, world: World, bot_env: dict[str, str], feed_server: FeedServer
):
    env = bot_env | {"FEED_ALLOW_PRIVATE": "true", "FEEDS_PER_SERVER": "2"}
    async with running_bot(env):
        for n in range(2):
            add = emulator.run_command(
                world.admin, world.general, "feed add", url=f"{feed_server.url}?n={n}", channel=world.forum
            )
            assert "Following" in (await add.wait_message(timeout=10)).content
        refused = emulator.run_command(
            world.admin, world.general, "feed add", url=f"{feed_server.url}?n=2", channel=world.forum
        )
        reply = (await refused.wait_message(timeout=10)).content
        assert refused.ephemeral and "follows 2 feeds, the most it may" in reply and "/feed remove" in reply
        listing = emulator.run_command(world.admin, world.general, "feed list")
        assert len((await listing.wait_message()).embeds[0]["fields"]) == 2


async def test_a_feed_empty_when_added_posts_its_first_entry(
    emulator: Emulator, world: World, bot_env: dict[str, str], feed_server: FeedServer
):
    """A new blog, a filtered search feed: empty when added. Each check used to take itself for the
    first (no entry remembered yet) and only note what it found, so its first entry never posted."""
    feed_server.entries.clear()
    async with running_bot(bot_env | {"FEED_POLL_SECONDS": "1", "FEED_ALLOW_PRIVATE": "true"}) as bot:
        handle = emulator.run_command(world.admin, world.general, "feed add", url=feed_server.url, channel=world.forum)
        assert "noted the 0 entries" in (await handle.wait_message(timeout=10)).content
        await bot.wait_for("feed_checked", timeout=10)  # a check of the still empty feed
        feed_server.entries.append(("new-1", "Ceasefire talks begin", "<p>Talks began in Baghdad.</p>"))
        thread = await eventually(lambda: next(iter(emulator.threads_of(world.forum)), None), timeout=15)
        assert thread.name == "Ceasefire talks begin"


async def test_one_feed_check_starts_a_bounded_number_of_discussions(
    emulator: Emulator, world: World, bot_env: dict[str, str], feed_server: FeedServer
):
    """A feed that gains a dozen entries at once (a 5 MB feed holds thousands) starts at most
    FEED_NEW_PER_CHECK discussions per check; the rest follow at the next checks, in order, none
    lost and none twice."""
    env = bot_env | {"FEED_POLL_SECONDS": "1", "FEED_ALLOW_PRIVATE": "true", "FEED_NEW_PER_CHECK": "5"}
    async with running_bot(env) as bot:
        add = emulator.run_command(world.admin, world.general, "feed add", url=feed_server.url, channel=world.forum)
        assert "noted the 1 entries" in (await add.wait_message(timeout=10)).content
        feed_server.entries += [(f"e{i}", f"Story number {i}", f"<p>Story {i} text.</p>") for i in range(1, 13)]
        posted = 0
        while not posted:  # posts are made inside a check, before it says feed_checked
            await bot.wait_for("feed_checked", timeout=10)
            posted = len(emulator.threads_of(world.forum))
        assert posted == 5  # the first check that saw them
        await eventually(lambda: len(emulator.threads_of(world.forum)) == 12, timeout=30)
        await bot.wait_for("feed_checked", timeout=10)  # and one more check: nothing left, nothing twice
        names = [t.name for t in emulator.threads_of(world.forum)]
    assert names == [f"Story number {i}" for i in range(1, 13)]  # oldest first, each once


async def test_a_feed_failure_is_told_in_its_own_servers_mod_log_only(
    emulator: Emulator, world: World, bot_env: dict[str, str], feed_server: FeedServer
):
    """The alert looked the mod-log channel up bot-wide: with MOD_LOG_CHANNEL_ID set for every server
    (a default), another server's failing feed, and its address, went to this server's mod log."""
    other = emulator.create_guild("Other Club")
    owner = other.members[other.owner_id]
    news = emulator.create_text_channel(other, "news")
    env = bot_env | {
        "FEED_POLL_SECONDS": "1",
        "FEED_ALLOW_PRIVATE": "true",
        "MOD_LOG_CHANNEL_ID": str(world.mod_log.id),  # this server's channel, as every server's default
    }
    async with running_bot(env) as bot:
        add = emulator.run_command(owner, news, "feed add", url=feed_server.url, channel=news)
        assert "Following" in (await add.wait_message(timeout=10)).content
        feed_server.fail_next = 5
        [feed] = await feed_store.feeds_of_guild(bot.db, other.id)
        alerted = False
        while not alerted:  # until a check ends with the feed alerted (the third failure in a row): its alert is sent
            await bot.wait_for("feed_checked", check=lambda checked: checked == feed.id, timeout=20)
            alerted = await _alerted(bot, feed.id)
    assert not any(feed_server.url in m.content for m in emulator.history(world.mod_log))


async def _alerted(bot, feed_id: int) -> bool:  # type: ignore[no-untyped-def]
    record = await feed_store.get_feed(bot.db, feed_id)
    return record is not None and bool(record.alerted)


async def test_a_masked_link_in_a_feed_shows_as_written(
    emulator: Emulator, world: World, bot_env: dict[str, str], feed_server: FeedServer
):
    """The bot does not screen feeds: `[free nitro](https://evil.example)` in an entry's text rendered
    as a link under the feed's words."""
    async with running_bot(bot_env | {"FEED_POLL_SECONDS": "1", "FEED_ALLOW_PRIVATE": "true"}):
        add = emulator.run_command(world.admin, world.general, "feed add", url=feed_server.url, channel=world.forum)
        assert "Following" in (await add.wait_message(timeout=10)).content
        feed_server.entries.append(("new-1", "Prizes", "<p>Claim [free nitro](https://evil.example) today.</p>"))
        thread = await eventually(lambda: next(iter(emulator.threads_of(world.forum)), None), timeout=15)
        starter = emulator.messages[thread.id]
        assert starter.embeds[0]["description"] == "Claim \\[free nitro\\](https://evil.example) today."
