"""Replies in discussion threads: which members' messages others answer most (thread_points,
thread_replies). Counts are kept by triggers, so the digest reads a thread's top points from an
index instead of counting."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from bot.storage.database import Database, Transaction

EXCERPT_CHARS = 300
_KEY_META = "digest_optout_key"  # bot_meta: the random key of the opted-out members' hashes
_DISCORD_EPOCH_MS = 1_420_070_400_000


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


def snowflake_at(moment: dt.datetime) -> int:
    """The highest Discord id a message created at `moment` can have."""
    return ((int(moment.timestamp() * 1000) - _DISCORD_EPOCH_MS) << 22) | ((1 << 22) - 1)


async def _optout_key(tx: Transaction, user_id: int, *, create: bool) -> str | None:
    secret = await tx.fetch_value("SELECT value FROM bot_meta WHERE key = ?", (_KEY_META,))
    if secret is None:
        if not create:
            return None  # nobody has opted out yet
        await tx.execute(  # two forgets at once: one key wins, both read it back
            "INSERT INTO bot_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
            (_KEY_META, secrets.token_hex(32)),
        )
        secret = await tx.fetch_value("SELECT value FROM bot_meta WHERE key = ?", (_KEY_META,))
    return hmac.new(bytes.fromhex(str(secret)), str(user_id).encode(), hashlib.sha256).hexdigest()


async def opt_out(tx: Transaction, user_id: int, moment: dt.datetime) -> None:
    """The member asked to be forgotten at `moment`: their messages from before it are never copied
    into the digest again (called in the transaction that forgets them)."""
    key = await _optout_key(tx, user_id, create=True)
    await tx.execute(
        "INSERT INTO digest_optouts (member_key, before_message_id) VALUES (?, ?) "
        "ON CONFLICT (member_key) DO UPDATE SET before_message_id = excluded.before_message_id",
        (key, snowflake_at(moment)),
    )


async def _not_opted_out(tx: Transaction, edges: Sequence[ReplyEdge]) -> list[ReplyEdge]:
    """The edges whose message replied to may be copied: not written, before they asked, by a member
    who asked to be forgotten."""
    cutoffs: dict[int, int | None] = {}
    for author in {e.parent_author_id for e in edges}:
        key = await _optout_key(tx, author, create=False)
        if key is None:
            return list(edges)  # no opt-outs at all: the common case, one query
        value = await tx.fetch_value("SELECT before_message_id FROM digest_optouts WHERE member_key = ?", (key,))
        cutoffs[author] = None if value is None else int(value)
    return [e for e in edges if (cutoff := cutoffs[e.parent_author_id]) is None or e.parent_id > cutoff]


async def record_replies(db: Database, edges: Sequence[ReplyEdge]) -> None:
    """Store replies (and the messages they answer), in one transaction; a reply seen twice counts once;
    a message of a member who asked to be forgotten, from before they asked, is not copied."""
    if not edges:
        return
    async with db.transaction() as tx:
        edges = await _not_opted_out(tx, edges)
        if not edges:
            return
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
    await _forget(db, "message_id", message_ids)


async def forget_threads(db: Database, thread_ids: Iterable[int]) -> None:
    """A deleted thread (a moderator removed the whole discussion) takes its messages with it."""
    await _forget(db, "thread_id", thread_ids)


async def _forget(db: Database, column: Literal["message_id", "thread_id"], values: Iterable[int]) -> None:
    ids = [(i,) for i in values]
    if not ids:
        return
    async with db.transaction() as tx:
        await tx.execute_many(f"DELETE FROM thread_replies WHERE {column} = ?", ids)
        await tx.execute_many(f"DELETE FROM thread_points WHERE {column} = ?", ids)


async def edit_points(db: Database, edits: Sequence[tuple[int, str]]) -> None:
    """(message id, its text now): a member edited a message the digest quotes; the copy follows."""
    if not edits:
        return
    async with db.transaction() as tx:
        await tx.execute_many(
            "UPDATE thread_points SET excerpt = ? WHERE message_id = ?",
            [(text[:EXCERPT_CHARS], message_id) for message_id, text in edits],
        )


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
