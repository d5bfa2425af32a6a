"""Replies in discussion threads: which members' messages others answer most (thread_points,
thread_replies). Counts are kept by triggers, so the digest reads a thread's top points from an
index instead of counting."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.storage.database import Database

EXCERPT_CHARS = 300


@dataclass(frozen=True, slots=True)
class ReplyEdge:
    message_id: int  # the reply
    thread_id: int
    guild_id: int | None
    parent_id: int  # the message it answers
    parent_author_id: int
    parent_text: str


@dataclass(frozen=True, slots=True)
class Point:
    message_id: int
    thread_id: int
    guild_id: int | None
    author_id: int
    excerpt: str
    replies: int


async def record_replies(db: Database, edges: Sequence[ReplyEdge]) -> None:
    """Store replies (and the messages they answer), in one transaction; a reply seen twice counts once."""
    if not edges:
        return
    async with db.transaction() as tx:
        await tx.execute_many(
            "INSERT INTO thread_points (message_id, thread_id, guild_id, author_id, excerpt) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(e.parent_id, e.thread_id, e.guild_id, e.parent_author_id, e.parent_text[:EXCERPT_CHARS]) for e in edges],
        )
        await tx.execute_many(
            "INSERT INTO thread_replies (message_id, parent_id, thread_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(e.message_id, e.parent_id, e.thread_id) for e in edges],
        )


async def forget_messages(db: Database, message_ids: Iterable[int]) -> None:
    """A deleted message (by its author or by moderation) leaves the digest: as a point, with the
    replies to it, and as a reply."""
    ids = [(i,) for i in message_ids]
    if not ids:
        return
    async with db.transaction() as tx:
        await tx.execute_many("DELETE FROM thread_replies WHERE message_id = ?", ids)
        await tx.execute_many("DELETE FROM thread_points WHERE message_id = ?", ids)


async def top_points(db: Database, thread_id: int, limit: int = 3) -> list[Point]:
    rows = await db.fetch_all(
        "SELECT message_id, thread_id, guild_id, author_id, excerpt, replies FROM thread_points "
        "WHERE thread_id = ? AND replies > 0 ORDER BY replies DESC, message_id LIMIT ?",
        (thread_id, limit),
    )
    return [
        Point(
            int(r["message_id"]),
            int(r["thread_id"]),
            None if r["guild_id"] is None else int(r["guild_id"]),
            int(r["author_id"]),
            str(r["excerpt"]),
            int(r["replies"]),
        )
        for r in rows
    ]
