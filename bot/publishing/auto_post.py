"""Auto-posts of new seed articles, in every server that names an auto-post channel, whichever
process finds the article.

The process holding the seeds folder's lease queues a new article in the database; every process
then posts queued articles in the servers of its own shards (the only ones it is connected to),
writing each server down before it posts there, so a server gets an article once even when a
process dies midway and another run picks the queue up again.
"""

from __future__ import annotations

import datetime as dt
import logging

import discord

from bot.articles.library import ArticleLibrary
from bot.articles.model import Article
from bot.config_cache import ConfigCache
from bot.publishing.publisher import Publisher
from bot.storage import leases as lease_store
from bot.storage.database import Database

log = logging.getLogger(__name__)

# Queued articles older than this are not posted any more (a server the bot was away from that long
# does not get yesterday's news), and servers the bot joined after an article was queued do not get it.
WINDOW = dt.timedelta(days=1)


class AutoPoster:
    def __init__(
        self,
        db: Database,
        client: discord.Client,
        *,
        library: ArticleLibrary,
        configs: ConfigCache,
        publisher: Publisher,
    ) -> None:
        self.db = db
        self.client = client  # its servers are those of this process's shards
        self.library = library
        self.configs = configs
        self.publisher = publisher

    async def queue(self, article: Article) -> None:
        """A new article from the seeds folder: to be posted by every process in its servers."""
        await lease_store.queue_auto_post(self.db, article.slug)

    async def post_queued(self, now: dt.datetime | None = None) -> int:
        """Post the queued articles in this process's servers that have not had them; how many posts."""
        now = now or dt.datetime.now(dt.UTC)
        queued = await lease_store.queued_auto_posts(self.db, since=now - WINDOW)
        if not queued:
            return 0
        done = await lease_store.auto_posted_servers(self.db, [slug for slug, _ in queued])
        posted = 0
        for slug, queued_at in queued:
            article = self.library.get(slug)
            if article is None:  # this process's library has not read the file yet: next pass
                continue
            for guild in self.client.guilds:
                if (slug, guild.id) in done:
                    continue
                joined = guild.me.joined_at if guild.me is not None else None
                if joined is not None and joined > queued_at:
                    continue
                channel_id = (await self.configs.get(guild.id)).channel("auto_post_channel")
                channel = self.publisher.auto_post_channel(guild, channel_id)
                if channel is None:
                    continue
                if not await lease_store.take_auto_post(self.db, slug, guild.id):
                    continue  # taken meanwhile
                await self.publisher.auto_post(article, channel)
                posted += 1
        return posted
