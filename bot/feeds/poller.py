"""Checks followed feeds: new entries become articles posted to the feed's channel; an entry whose
text gains `Update:` paragraphs pushes them as updates. Errors back off; after repeated failures the
server's mod-log channel is told once.

Each feed is checked on its own schedule, in a task of its own, at most FEED_CONCURRENCY at once
across all servers: a feed that answers slowly (but within the time limits, so it never backs off)
holds up no other feed. One server's checks take at most half of those slots, so a server whose
feeds are all slow cannot hold up the others' (it waits for its own), and a server follows at most
FEEDS_PER_SERVER feeds."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, replace
from typing import Any

import aiohttp
import discord

from bot.articles.library import ArticleLibrary
from bot.articles.model import Article, ArticleError
from bot.articles.parser import parse_article_text
from bot.config_cache import ConfigCache
from bot.errors import UserFacingError
from bot.feeds.entries import FeedItem, article_from_item, item_from_entry, parse_feed
from bot.feeds.fetch import FeedFetchError, fetch_feed
from bot.leases import Leases
from bot.log_context import log_fields
from bot.metrics import BotMetrics
from bot.publishing.publisher import Publisher
from bot.responses import NO_PINGS
from bot.sharding import Ownership
from bot.storage import feeds as feed_store
from bot.storage import updates as update_store
from bot.storage.database import Database
from bot.storage.feeds import FeedRecord, StoredFeedArticle
from bot.text_key import text_key

log = logging.getLogger(__name__)

ALERT_AFTER_FAILURES = 3
MAX_BACKOFF_SECONDS = 3600.0


@dataclass(slots=True)
class CheckResult:
    entries: int = 0
    new_articles: int = 0
    new_updates: int = 0
    unchanged: bool = False
    deferred: int = 0  # new entries left for the next check (FEED_NEW_PER_CHECK)


CATCH_UP_OVERLAP = dt.timedelta(minutes=1)


def feed_lease(feed_id: int) -> str:
    return f"feed:{feed_id}"


class FeedPoller:
    """The feeds servers follow: added (what is there then is only noted), listed, removed, and
    checked when due."""

    def __init__(
        self,
        db: Database,
        client: discord.Client,
        session: aiohttp.ClientSession,
        *,
        interval: float,
        library: ArticleLibrary,
        configs: ConfigCache,
        publisher: Publisher,
        wake_delivery: Callable[[], None],
        metrics: BotMetrics,
        leases: Leases,
        ownership: Ownership | None = None,
        concurrency: int = 8,
        per_server: int = 20,
        new_per_check: int = 5,
    ) -> None:
        self.db = db
        # A feed posts into its server's channel: the process of that server's shard polls it, under a
        # lease, so that two processes running the same shards (a rolling restart) never both do.
        self.leases = leases
        self.ownership = ownership
        self._caught_up: dt.datetime | None = dt.datetime.now(dt.UTC)  # load_articles ran at the start
        self.client = client
        self.session = session  # checks every address it connects to (bot.feeds.fetch.feed_session)
        self.interval = interval
        self.library = library  # where feed articles are registered, for /article and the chat
        self.configs = configs
        self.publisher = publisher
        self.wake_delivery = wake_delivery  # new updates are in the outbox
        self.metrics = metrics
        self.per_server = per_server  # feeds one server may follow (FEEDS_PER_SERVER)
        # New discussions one check starts at most (FEED_NEW_PER_CHECK): a feed that gains hundreds of
        # entries at once (the bot does not screen feeds, and a feed is not the admin's to control)
        # would flood the channel and spend the bot's one global REST budget, shared by every
        # server, on one feed.
        self.new_per_check = new_per_check
        self._slots = asyncio.Semaphore(concurrency)  # FEED_CONCURRENCY
        self._server_slots = max(1, concurrency // 2)
        self._servers: dict[int, asyncio.Semaphore] = {}  # guild id → its share of the slots
        self._checking: dict[int, asyncio.Task[Any]] = {}  # feed id → its check, waiting or running

    async def follow(self, guild_id: int, channel_id: int, url: str, added_by: int) -> CheckResult:
        """Follow a feed (its address checked with `check_url` already): read it once, noting what it
        holds now without posting it. A feed that cannot be read is not kept; the UserFacingError says
        why, as it does for a server that follows as many feeds as it may."""
        followed = len(await feed_store.feeds_of_guild(self.db, guild_id))
        if followed >= self.per_server:
            raise UserFacingError(
                f"This server follows {followed} feeds, the most it may (the bot's operator sets the limit: "
                "FEEDS_PER_SERVER). Remove one with `/feed remove` first."
            )
        record = await feed_store.add_feed(self.db, guild_id, channel_id, url, added_by)
        if record is None:
            raise UserFacingError("This server already follows that feed. See `/feed list`.")
        try:
            return await self._track(record, self.check(record, first=True))
        except FeedFetchError as error:
            await feed_store.remove_feed(self.db, guild_id, record.id)
            raise UserFacingError(f"I could not read that feed: {error}.") from None

    async def feeds_of(self, guild_id: int) -> list[FeedRecord]:
        return await feed_store.feeds_of_guild(self.db, guild_id)

    async def unfollow(self, guild_id: int, feed_id: int) -> bool:
        """Stop following a feed (its discussions stay); False if the server follows no such feed."""
        return await feed_store.remove_feed(self.db, guild_id, feed_id)

    async def stop(self) -> None:
        """Cancel the checks under way (a stop must not wait for a slow feed); the next start checks
        them again, since a check records nothing until it has read the whole feed."""
        tasks = list(self._checking.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def load_articles(self, since: dt.datetime | None = None) -> None:
        """Feed articles are in the database; make them findable again after a restart (or, with
        `since`, those other processes stored since then)."""
        for stored in await feed_store.feed_articles(self.db, since):
            try:
                parsed = parse_article_text(stored.source, name=f"feed article {stored.slug}", slug=stored.slug)
            except ArticleError as error:
                log.warning("Stored feed article unreadable: %s", error)
                continue
            self.library.register(_with_metadata(parsed, stored), stored.guild_id)

    async def catch_up(self, now: dt.datetime | None = None) -> None:
        """Shard processes: the feed articles other processes stored lately, so that this one knows them
        too (the process with shard 0 answers every DM, about every server's articles). A minute of
        overlap covers clocks that differ a little; registering an article again changes nothing."""
        now = now or dt.datetime.now(dt.UTC)
        since, self._caught_up = self._caught_up, now
        if self.ownership is not None and self.ownership.sharded and since is not None:
            await self.load_articles(since - CATCH_UP_OVERLAP)

    async def check_due(self) -> None:
        """Start a check of every feed that is due and not being checked already, and return: each
        check waits for a slot (FEED_CONCURRENCY) in its own task, and says `feed_checked` when done."""
        for feed in await feed_store.due_feeds(self.db, dt.datetime.now(dt.UTC), self.ownership):
            if feed.id in self._checking:
                continue
            if not await self.leases.hold(feed_lease(feed.id)):
                continue  # another live process polls it
            self._track(feed, self._check_in_slot(feed))

    def _track(self, feed: FeedRecord, check: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.create_task(check, name=f"feed {feed.id}")
        self._checking[feed.id] = task
        task.add_done_callback(lambda _: self._checking.pop(feed.id, None))
        return task

    async def _check_in_slot(self, feed: FeedRecord) -> None:
        server = self._servers.setdefault(feed.guild_id, asyncio.Semaphore(self._server_slots))
        async with server, self._slots:  # the server's share first: its waiting feeds hold no shared slot
            with log_fields(guild_id=feed.guild_id, channel_id=feed.channel_id):
                try:
                    await self.check(feed)
                except FeedFetchError:
                    pass  # logged, backed off and counted by check()
                except Exception:
                    log.exception("Checking feed %s failed", feed.id)
        self.client.dispatch("feed_checked", feed.id)

    async def check(self, feed: FeedRecord, *, first: bool = False) -> CheckResult:
        """Fetch and process one feed. With `first`, what is there is recorded, not posted."""
        now = dt.datetime.now(dt.UTC)
        try:
            fetched = await fetch_feed(
                self.session,
                feed.url,
                etag=feed.etag,
                last_modified=feed.last_modified,
            )
            parsed = None
            if fetched.status == 200:
                parsed = await asyncio.to_thread(parse_feed, fetched.body, fetched.url)
                if not parsed.get("version") and not parsed.entries:
                    raise FeedFetchError("that address does not serve an RSS or Atom feed")
        except FeedFetchError as error:
            self.metrics.feed_failed.inc()
            await self._failed(feed, str(error), now)
            raise
        (self.metrics.feed_unchanged if parsed is None else self.metrics.feed_ok).inc()
        result = CheckResult(unchanged=parsed is None)
        if parsed is not None:
            first = first or not feed.first_check_done
            for entry in reversed(parsed.entries):  # oldest first, so articles and updates keep their order
                item = item_from_entry(entry)
                if item is not None:
                    result.entries += 1
                    await self._entry(feed, item, first, result)
        title = parsed.feed.get("title") if parsed is not None else None
        if result.deferred:
            log.info("Feed %s: %d new entries wait for the next check", feed.id, result.deferred)
        await feed_store.record_success(
            self.db,
            feed.id,
            # Entries left for later are read again next time: no validator, or the feed would answer
            # "not modified" and they would wait until it changes again.
            etag=None if result.deferred else fetched.etag,
            last_modified=None if result.deferred else fetched.last_modified,
            title=title,
            next_check=now + dt.timedelta(seconds=self.interval),
        )
        if result.new_updates:
            self.wake_delivery()
        return result

    async def _failed(self, feed: FeedRecord, error: str, now: dt.datetime) -> None:
        backoff = min(MAX_BACKOFF_SECONDS, self.interval * 2**feed.failures)
        failures = await feed_store.record_failure(self.db, feed.id, error, now + dt.timedelta(seconds=backoff))
        log.warning("Feed %s (%s) failed %d time(s) in a row: %s", feed.id, feed.url, failures, error)
        if failures >= ALERT_AFTER_FAILURES and not feed.alerted:
            await feed_store.mark_alerted(self.db, feed.id)
            await self._alert(feed, failures, error, backoff)

    async def _alert(self, feed: FeedRecord, failures: int, error: str, backoff: float) -> None:
        # The feed's own server's mod log, looked up in that server: a channel id from the bot-wide
        # defaults (MOD_LOG_CHANNEL_ID) is another server's channel for every server but one.
        channel_id = (await self.configs.get(feed.guild_id)).channel("mod_log_channel")
        guild = self.client.get_guild(feed.guild_id)
        channel = guild.get_channel(channel_id) if guild is not None and channel_id else None
        if not isinstance(channel, discord.TextChannel):
            return
        try:
            await channel.send(
                f"\N{WARNING SIGN} The feed <{feed.url}> failed {failures} times in a row: {error}.\n"
                f"I keep trying, next in {backoff / 60:.0f} min. Remove it with `/feed remove` if it is gone for good.",
                allowed_mentions=NO_PINGS,
            )
        except discord.HTTPException as exc:
            log.warning("Could not tell the mod log about feed %s: %s", feed.id, exc)

    async def _entry(self, feed: FeedRecord, item: FeedItem, first: bool, result: CheckResult) -> None:
        db = self.db
        known = await feed_store.known_entry(db, feed.id, item.entry_id)
        if known is None:
            if await feed_store.hash_seen(db, feed.id, item.content_hash):  # the same text under a new id
                await feed_store.remember_entry(db, feed.id, item.entry_id, item.content_hash, None)
                return
            if first:
                await feed_store.remember_entry(db, feed.id, item.entry_id, item.content_hash, None)
                return
            if result.new_articles >= self.new_per_check:
                result.deferred += 1  # not remembered: the next check finds it new
                return
            article = await self._store_article(feed, item)
            await feed_store.remember_entry(
                db, feed.id, item.entry_id, item.content_hash, article.slug if article else None
            )
            if article is not None:
                result.new_articles += 1
                await self._post(feed, article)
            return
        content_hash, slug = known
        if content_hash == item.content_hash or slug is None:
            return
        article = await self._store_article(feed, item)
        if article is not None:
            for index, update in enumerate(article.updates):
                ref = f"feed:{index}"
                existing = await update_store.update_by_source(db, article.slug, ref, feed.guild_id)
                if existing is None:
                    _, created = await update_store.store_update(
                        db,
                        article_slug=article.slug,
                        guild_id=feed.guild_id,
                        label=update.label,
                        text=update.text,
                        source="feed",
                        source_ref=ref,
                    )
                    result.new_updates += int(created)
                elif text_key(existing.text) != text_key(update.text) and not existing.retracted:
                    try:
                        await update_store.edit_update(db, existing.id, update.text)
                        result.new_updates += 1
                    except update_store.DuplicateUpdate:
                        pass
        await feed_store.remember_entry(db, feed.id, item.entry_id, item.content_hash, slug)

    async def _store_article(self, feed: FeedRecord, item: FeedItem) -> Article | None:
        try:
            article = article_from_item(feed.id, item)
        except ArticleError as error:  # a warning that names the feed: the entry is left out for good
            log.warning(
                "Feed %s (%s): entry %s is not usable as an article: %s", feed.id, feed.url, item.entry_id, error
            )
            return None
        await feed_store.save_feed_article(
            self.db,
            StoredFeedArticle(
                slug=article.slug,
                feed_id=feed.id,
                guild_id=feed.guild_id,
                source=item.source_text(),
                source_url=article.source_url,
                author=article.author,
                published=article.published,
            ),
        )
        self.library.register(article, feed.guild_id)
        return article

    async def _post(self, feed: FeedRecord, article: Article) -> None:
        channel = self.client.get_channel(feed.channel_id)
        if not isinstance(channel, discord.TextChannel | discord.ForumChannel):
            log.warning("Feed %s: its channel %s is gone; %s not posted", feed.id, feed.channel_id, article.slug)
            return
        try:
            await self.publisher.publish(
                article, channel, options_text=None, duration_hours=24, requested_by=channel.guild.me.id
            )
        except (UserFacingError, discord.HTTPException) as error:
            log.warning("Feed %s: could not post %s: %s", feed.id, article.slug, error)


def _with_metadata(parsed: Article, stored: StoredFeedArticle) -> Article:
    return replace(parsed, source_url=stored.source_url, author=stored.author, published=stored.published)
