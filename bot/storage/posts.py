"""Posted articles (tables article_posts, article_post_parts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.enums import PostStatus, VoteMode
from bot.sharding import Ownership
from bot.storage.database import SQL_NOW, Database, sql_time
from bot.storage.rows import Row, as_record
from bot.storage.shards import owned

NOW = SQL_NOW


@dataclass(frozen=True, slots=True)
class PostRecord:
    id: int
    guild_id: int
    channel_id: int
    article_slug: str
    article_title: str
    exit_question: str | None
    vote_mode: VoteMode
    duration_hours: int
    status: PostStatus
    thread_id: int | None
    starter_message_id: int | None
    question_message_id: int | None
    posted_by: int
    created_at: dt.datetime
    posted_at: dt.datetime | None
    closes_at: dt.datetime | None
    closed_at: dt.datetime | None
    results_message_id: int | None
    last_error: str | None
    removed_at: dt.datetime | None  # its thread was deleted in Discord (the post is abandoned)

    @property
    def is_open(self) -> bool:
        return self.status is PostStatus.POSTED

    @property
    def removed(self) -> bool:
        return self.removed_at is not None

    def jump_url(self) -> str | None:
        if self.thread_id is None or self.removed:  # a deleted thread has no link
            return None
        return f"https://discord.com/channels/{self.guild_id}/{self.thread_id}"


def _record(row: Row) -> PostRecord:
    return as_record(PostRecord, row)


async def create_post(
    db: Database,
    *,
    guild_id: int,
    channel_id: int,
    article_slug: str,
    article_title: str,
    exit_question: str | None,
    vote_mode: str,
    duration_hours: int,
    posted_by: int,
    poll_options: list[str],
) -> PostRecord:
    async with db.transaction() as tx:
        post_id = await tx.fetch_value(
            """
            INSERT INTO article_posts (guild_id, channel_id, article_slug, article_title, exit_question,
                                       vote_mode, duration_hours, posted_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """,
            (guild_id, channel_id, article_slug, article_title, exit_question, vote_mode, duration_hours, posted_by),
        )
        await tx.execute_many(
            "INSERT INTO poll_options (post_id, answer_id, text) VALUES (?, ?, ?)",
            [(post_id, index, text) for index, text in enumerate(poll_options, start=1)],
        )
    post = await get_post(db, int(post_id or 0))
    assert post is not None
    return post


async def get_post(db: Database, post_id: int) -> PostRecord | None:
    row = await db.fetch_one("SELECT * FROM article_posts WHERE id = ?", (post_id,))
    return None if row is None else _record(row)


async def posts_of_article(
    db: Database, guild_id: int, article_slug: str, channel_id: int | None = None
) -> list[PostRecord]:
    if channel_id is None:
        rows = await db.fetch_all(
            "SELECT * FROM article_posts WHERE guild_id = ? AND article_slug = ? ORDER BY id", (guild_id, article_slug)
        )
    else:
        rows = await db.fetch_all(
            "SELECT * FROM article_posts WHERE guild_id = ? AND article_slug = ? AND channel_id = ? ORDER BY id",
            (guild_id, article_slug, channel_id),
        )
    return [_record(r) for r in rows]


async def guilds_with_posts(db: Database) -> list[int]:
    """Every server with a posted discussion (whichever process's shard it is on)."""
    rows = await db.fetch_all("SELECT DISTINCT guild_id FROM article_posts WHERE status = 'posted' ORDER BY guild_id")
    return [int(r["guild_id"]) for r in rows]


async def posts_in_guild(db: Database, guild_id: int) -> list[PostRecord]:
    """The server's discussions, pending ones and those whose thread was deleted included, oldest first."""
    rows = await db.fetch_all(
        "SELECT * FROM article_posts WHERE guild_id = ? "
        "AND (status IN ('posted', 'closed', 'pending') OR removed_at IS NOT NULL) ORDER BY id",
        (guild_id,),
    )
    return [_record(r) for r in rows]


async def recent_published_posts(db: Database, limit: int = 20) -> list[PostRecord]:
    """The newest discussions of every server, posted or closed, newest first."""
    rows = await db.fetch_all(
        "SELECT * FROM article_posts WHERE status IN ('posted', 'closed') ORDER BY id DESC LIMIT ?", (limit,)
    )
    return [_record(r) for r in rows]


async def post_by_thread(db: Database, thread_id: int) -> PostRecord | None:
    row = await db.fetch_one(
        "SELECT * FROM article_posts WHERE thread_id = ? AND status != 'abandoned' ORDER BY id DESC LIMIT 1",
        (thread_id,),
    )
    return None if row is None else _record(row)


async def post_by_question_message(db: Database, message_id: int) -> PostRecord | None:
    row = await db.fetch_one("SELECT * FROM article_posts WHERE question_message_id = ?", (message_id,))
    return None if row is None else _record(row)


async def open_posts(
    db: Database, vote_mode: str | None = None, ownership: Ownership | None = None
) -> list[PostRecord]:
    """Posted discussions (of one vote mode), in the servers of `ownership`'s shards when given."""
    rows = await db.fetch_all(
        "SELECT * FROM article_posts WHERE status = 'posted' AND (CAST(? AS TEXT) IS NULL OR vote_mode = ?) "
        f"AND {owned('guild_id', ownership)} ORDER BY id",
        (vote_mode, vote_mode),
    )
    return [_record(r) for r in rows]


async def posts_due_to_close(db: Database, now: dt.datetime, ownership: Ownership | None = None) -> list[PostRecord]:
    rows = await db.fetch_all(
        "SELECT * FROM article_posts WHERE status = 'posted' AND closes_at IS NOT NULL AND closes_at <= ? "
        f"AND {owned('guild_id', ownership)}",
        (sql_time(now),),
    )
    return [_record(r) for r in rows]


async def record_thread(db: Database, post_id: int, thread_id: int, starter_message_id: int | None) -> None:
    async with db.transaction() as tx:
        await tx.execute(
            "UPDATE article_posts SET thread_id = ?, "
            "starter_message_id = COALESCE(CAST(? AS BIGINT), starter_message_id) WHERE id = ?",
            (thread_id, starter_message_id, post_id),
        )
        if starter_message_id is not None:
            await tx.execute(
                "INSERT INTO article_post_parts (post_id, part, message_id) VALUES (?, 1, ?) "
                "ON CONFLICT (post_id, part) DO UPDATE SET message_id = excluded.message_id",
                (post_id, starter_message_id),
            )


async def record_starter(db: Database, post_id: int, message_id: int) -> None:
    async with db.transaction() as tx:
        await tx.execute("UPDATE article_posts SET starter_message_id = ? WHERE id = ?", (message_id, post_id))
        await tx.execute(
            "INSERT INTO article_post_parts (post_id, part, message_id) VALUES (?, 1, ?) "
            "ON CONFLICT (post_id, part) DO UPDATE SET message_id = excluded.message_id",
            (post_id, message_id),
        )


async def record_part(db: Database, post_id: int, part: int, message_id: int) -> None:
    await db.execute(
        "INSERT INTO article_post_parts (post_id, part, message_id) VALUES (?, ?, ?) "
        "ON CONFLICT (post_id, part) DO UPDATE SET message_id = excluded.message_id",
        (post_id, part, message_id),
    )


async def post_parts(db: Database, post_id: int) -> dict[int, int]:
    rows = await db.fetch_all("SELECT part, message_id FROM article_post_parts WHERE post_id = ?", (post_id,))
    return {int(r["part"]): int(r["message_id"]) for r in rows}


async def record_question(db: Database, post_id: int, message_id: int) -> None:
    await db.execute("UPDATE article_posts SET question_message_id = ? WHERE id = ?", (message_id, post_id))


async def mark_posted(db: Database, post_id: int, closes_at: dt.datetime | None) -> None:
    closes = sql_time(closes_at) if closes_at else None
    await db.execute(
        f"UPDATE article_posts SET status = 'posted', posted_at = {NOW}, closes_at = ?, last_error = NULL WHERE id = ?",
        (closes, post_id),
    )


async def record_error(db: Database, post_id: int, error: str) -> None:
    await db.execute("UPDATE article_posts SET last_error = ? WHERE id = ?", (error[:1000], post_id))


async def mark_abandoned(db: Database, post_id: int, error: str) -> None:
    await db.execute(
        "UPDATE article_posts SET status = 'abandoned', last_error = ? WHERE id = ?", (error[:1000], post_id)
    )


async def mark_removed(db: Database, post_id: int, reason: str) -> int | None:
    """The post's thread was deleted in Discord: nothing is there any more (abandoned, stamped as
    removed), and its updates waiting to be sent there are ended with `reason`, in one transaction.
    How many deliveries were ended; None when the post was already abandoned or removed."""
    async with db.transaction() as tx:
        changed = await tx.execute(
            f"UPDATE article_posts SET status = 'abandoned', removed_at = {NOW}, last_error = ? "
            "WHERE id = ? AND status != 'abandoned' AND removed_at IS NULL",
            (reason[:1000], post_id),
        )
        if not changed:
            return None
        return await tx.execute(
            "UPDATE update_deliveries SET status = 'failed', last_error = ? "
            "WHERE post_id = ? AND status IN ('pending', 'sending')",
            (reason[:500], post_id),
        )


async def mark_closed(db: Database, post_id: int) -> bool:
    """Close the post's vote; False when it was already closed (another close won the race)."""
    changed = await db.execute(
        f"UPDATE article_posts SET status = 'closed', closed_at = {NOW} WHERE id = ? AND status = 'posted'",
        (post_id,),
    )
    return changed > 0


async def record_results_message(db: Database, post_id: int, message_id: int) -> None:
    await db.execute("UPDATE article_posts SET results_message_id = ? WHERE id = ?", (message_id, post_id))


async def post_thread_ids(db: Database) -> set[int]:
    rows = await db.fetch_all(
        "SELECT thread_id FROM article_posts WHERE thread_id IS NOT NULL AND status != 'abandoned'"
    )
    return {int(r["thread_id"]) for r in rows}
