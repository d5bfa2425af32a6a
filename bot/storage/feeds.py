"""Followed feeds, the entries seen in them, and the articles they became
(tables feeds, feed_entries, feed_articles)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.sharding import Ownership
from bot.storage.database import SQL_NOW, Database, Row, sql_time
from bot.storage.rows import as_record
from bot.storage.shards import owned

NOW = SQL_NOW


@dataclass(frozen=True, slots=True)
class FeedRecord:
    id: int
    guild_id: int
    channel_id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    failures: int
    last_error: str | None
    last_ok_at: dt.datetime | None
    alerted: int

    @property
    def first_check_done(self) -> bool:
        """Whether a check has read this feed whole and noted what it held then (not posted): every
        later check posts what is new, even when the feed was empty at first. A successful check
        records it (last_ok_at); a feed whose first check never finished (a crash) is noted again."""
        return self.last_ok_at is not None


@dataclass(frozen=True, slots=True)
class StoredFeedArticle:
    slug: str
    feed_id: int
    guild_id: int
    source: str
    source_url: str | None
    author: str | None
    published: str | None


def _feed(row: Row) -> FeedRecord:
    return as_record(FeedRecord, row)


async def add_feed(db: Database, guild_id: int, channel_id: int, url: str, added_by: int) -> FeedRecord | None:
    """The new feed, or None when this server already follows that URL."""
    async with db.transaction() as tx:
        feed_id = await tx.fetch_value(
            "INSERT INTO feeds (guild_id, channel_id, url, added_by) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING "
            "RETURNING id",
            (guild_id, channel_id, url, added_by),
        )
    return None if feed_id is None else await get_feed(db, int(feed_id))


async def get_feed(db: Database, feed_id: int) -> FeedRecord | None:
    row = await db.fetch_one("SELECT * FROM feeds WHERE id = ?", (feed_id,))
    return None if row is None else _feed(row)


async def feeds_of_guild(db: Database, guild_id: int) -> list[FeedRecord]:
    return [_feed(r) for r in await db.fetch_all("SELECT * FROM feeds WHERE guild_id = ? ORDER BY id", (guild_id,))]


async def due_feeds(db: Database, now: dt.datetime, ownership: Ownership | None = None) -> list[FeedRecord]:
    """Feeds due for a check (of the servers of `ownership`'s shards when given), the longest due first."""
    rows = await db.fetch_all(
        f"SELECT * FROM feeds WHERE next_check_at <= ? AND {owned('guild_id', ownership)} ORDER BY next_check_at",
        (sql_time(now),),
    )
    return [_feed(r) for r in rows]


async def remove_feed(db: Database, guild_id: int, feed_id: int) -> bool:
    return await db.execute("DELETE FROM feeds WHERE id = ? AND guild_id = ?", (feed_id, guild_id)) > 0


async def record_success(
    db: Database,
    feed_id: int,
    *,
    etag: str | None,
    last_modified: str | None,
    title: str | None,
    next_check: dt.datetime,
) -> None:
    await db.execute(
        f"UPDATE feeds SET etag = ?, last_modified = ?, title = COALESCE(CAST(? AS TEXT), title), failures = 0, "
        f"last_error = NULL, "
        f"alerted = 0, last_ok_at = {NOW}, next_check_at = ? WHERE id = ?",
        (etag, last_modified, title, sql_time(next_check), feed_id),
    )


async def record_failure(db: Database, feed_id: int, error: str, next_check: dt.datetime) -> int:
    """Counts the failure; returns the number of failures in a row."""
    async with db.transaction() as tx:
        failures = await tx.fetch_value(
            "UPDATE feeds SET failures = failures + 1, last_error = ?, next_check_at = ? WHERE id = ? "
            "RETURNING failures",
            (error[:500], sql_time(next_check), feed_id),
        )
    return int(failures or 0)


async def mark_alerted(db: Database, feed_id: int) -> None:
    await db.execute("UPDATE feeds SET alerted = 1 WHERE id = ?", (feed_id,))


async def known_entry(db: Database, feed_id: int, entry_id: str) -> tuple[str, str | None] | None:
    """(content hash, article slug) of a seen entry."""
    row = await db.fetch_one(
        "SELECT content_hash, article_slug FROM feed_entries WHERE feed_id = ? AND entry_id = ?", (feed_id, entry_id)
    )
    return None if row is None else (str(row["content_hash"]), row["article_slug"])


async def hash_seen(db: Database, feed_id: int, content_hash: str) -> bool:
    row = await db.fetch_one(
        "SELECT 1 FROM feed_entries WHERE feed_id = ? AND content_hash = ?", (feed_id, content_hash)
    )
    return row is not None


async def remember_entry(db: Database, feed_id: int, entry_id: str, content_hash: str, slug: str | None) -> None:
    await db.execute(
        "INSERT INTO feed_entries (feed_id, entry_id, content_hash, article_slug) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (feed_id, entry_id) DO UPDATE SET content_hash = excluded.content_hash, "
        "article_slug = COALESCE(excluded.article_slug, feed_entries.article_slug)",
        (feed_id, entry_id, content_hash, slug),
    )


async def save_feed_article(db: Database, article: StoredFeedArticle) -> None:
    await db.execute(
        f"""
        INSERT INTO feed_articles (slug, feed_id, guild_id, source, source_url, author, published)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (slug) DO UPDATE SET source = excluded.source, source_url = excluded.source_url,
            author = excluded.author, published = excluded.published, updated_at = {NOW}
        """,
        (
            article.slug,
            article.feed_id,
            article.guild_id,
            article.source,
            article.source_url,
            article.author,
            article.published,
        ),
    )


async def feed_articles(db: Database, since: dt.datetime | None = None) -> list[StoredFeedArticle]:
    """The stored feed articles (those stored or changed since `since` when given)."""
    if since is None:
        rows = await db.fetch_all("SELECT * FROM feed_articles")
    else:
        rows = await db.fetch_all("SELECT * FROM feed_articles WHERE updated_at >= ?", (sql_time(since),))
    return [StoredFeedArticle(**{n: r[n] for n in StoredFeedArticle.__dataclass_fields__}) for r in rows]
