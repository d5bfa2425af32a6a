"""Updates and their delivery outbox (tables updates, update_deliveries, seed_files)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from bot.sharding import Ownership
from bot.storage.database import SQL_NOW, Database, Row, Transaction, UniqueViolation, sql_time
from bot.storage.rows import as_record, read_time
from bot.storage.shards import owned
from bot.text_key import text_key

NOW = SQL_NOW
# How long a delivery worker's claim on outbox rows lasts unless renewed (the worker renews it
# while it works): a worker that dies mid-send leaves its rows to the others after this long.
CLAIM_SECONDS = 120.0


class DuplicateUpdate(Exception):
    def __init__(self, existing: UpdateRecord) -> None:
        super().__init__(f"update {existing.id} has the same text")
        self.existing = existing


@dataclass(frozen=True, slots=True)
class UpdateRecord:
    id: int
    article_slug: str
    guild_id: int | None
    label: str
    text: str
    source: str
    source_ref: str | None
    author_id: int | None
    revision: int
    created_at: dt.datetime
    edited_at: dt.datetime | None
    retracted_at: dt.datetime | None

    @property
    def retracted(self) -> bool:
        return self.retracted_at is not None


@dataclass(frozen=True, slots=True)
class DeliveryJob:
    id: int
    update: UpdateRecord
    post_id: int
    guild_id: int
    thread_id: int | None
    reply_to: int | None  # the article's own message in the thread, which updates reply to
    status: str
    message_ids: list[int]
    sent_revision: int
    attempts: int
    queued_at: dt.datetime | None = None  # when the row was queued (for the delivery-latency metric)


_UPDATE_COLUMNS = (
    "id, article_slug, guild_id, label, text, source, source_ref, author_id, revision, created_at, "
    "edited_at, retracted_at"
)


def _update(row: Row, prefix: str = "") -> UpdateRecord:
    return as_record(UpdateRecord, row, prefix)


def _job(row: Row) -> DeliveryJob:
    return DeliveryJob(
        id=row["delivery_id"],
        update=_update(row, "u_"),
        post_id=row["post_id"],
        guild_id=row["post_guild_id"],
        thread_id=row["thread_id"],
        reply_to=row["reply_to"],
        status=row["status"],
        message_ids=json.loads(row["message_ids"] or "[]"),
        sent_revision=row["sent_revision"],
        attempts=row["attempts"],
        queued_at=read_time(row["queued_at"]) if row["queued_at"] else None,
    )


async def _insert_deliveries(tx: Transaction, update_id: int, slug: str, guild_id: int | None) -> int:
    return await tx.execute(
        """
        INSERT INTO update_deliveries (update_id, post_id)
        SELECT CAST(? AS BIGINT), id FROM article_posts
        WHERE article_slug = ? AND status = 'posted' AND thread_id IS NOT NULL
          AND (CAST(? AS BIGINT) IS NULL OR guild_id = ?)
        ON CONFLICT DO NOTHING
        """,
        (update_id, slug, guild_id, guild_id),
    )


async def store_update(
    db: Database,
    *,
    article_slug: str,
    guild_id: int | None,
    label: str,
    text: str,
    source: str,
    source_ref: str | None = None,
    author_id: int | None = None,
) -> tuple[UpdateRecord, bool]:
    """Store an update once (same article, same server scope, same normalised text) and queue one
    delivery per thread where the article is posted, in one transaction. (record, newly created)."""
    key = text_key(text)
    async with db.transaction() as tx:
        new_id = await tx.fetch_value(
            """
            INSERT INTO updates (article_slug, guild_id, label, text, text_key, source, source_ref, author_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            RETURNING id
            """,
            (article_slug, guild_id, label, text, key, source, source_ref, author_id),
        )
        created = new_id is not None
        if created:
            update_id = int(new_id)
            await _insert_deliveries(tx, update_id, article_slug, guild_id)
        else:
            existing = await tx.fetch_value(
                "SELECT id FROM updates WHERE article_slug = ? AND IFNULL(guild_id, 0) = IFNULL(CAST(? AS BIGINT), 0) "
                "AND (text_key = ? OR (CAST(? AS TEXT) IS NOT NULL AND source_ref = ?))",
                (article_slug, guild_id, key, source_ref, source_ref),
            )
            assert existing is not None  # the insert was ignored because this row exists
            update_id = int(existing)
    record = await get_update(db, update_id)
    assert record is not None
    return record, created


async def get_update(db: Database, update_id: int) -> UpdateRecord | None:
    row = await db.fetch_one(f"SELECT {_UPDATE_COLUMNS} FROM updates WHERE id = ?", (update_id,))
    return None if row is None else _update(row)


async def update_by_source(
    db: Database, article_slug: str, source_ref: str, guild_id: int | None = None
) -> UpdateRecord | None:
    row = await db.fetch_one(
        f"SELECT {_UPDATE_COLUMNS} FROM updates WHERE article_slug = ? "
        "AND IFNULL(guild_id, 0) = IFNULL(CAST(? AS BIGINT), 0) AND source_ref = ?",
        (article_slug, guild_id, source_ref),
    )
    return None if row is None else _update(row)


async def updates_of_article(db: Database, article_slug: str, guild_id: int | None) -> list[UpdateRecord]:
    """The updates a server sees for an article (the operator's and its own), oldest first."""
    rows = await db.fetch_all(
        f"SELECT {_UPDATE_COLUMNS} FROM updates WHERE article_slug = ? AND (guild_id IS NULL OR guild_id = ?) "
        "ORDER BY created_at, id",
        (article_slug, guild_id),
    )
    return [_update(r) for r in rows]


async def live_updates_of_guild(db: Database, guild_id: int, limit: int = 100) -> list[UpdateRecord]:
    """A server's own updates that are not retracted, newest first."""
    rows = await db.fetch_all(
        f"SELECT {_UPDATE_COLUMNS} FROM updates WHERE guild_id = ? AND retracted_at IS NULL ORDER BY id DESC LIMIT ?",
        (guild_id, limit),
    )
    return [_update(r) for r in rows]


_CLASH = (
    "SELECT u2.id FROM updates u1 JOIN updates u2 ON u2.article_slug = u1.article_slug "
    "AND IFNULL(u2.guild_id, 0) = IFNULL(u1.guild_id, 0) AND u2.text_key = ? AND u2.id != u1.id "
    "WHERE u1.id = ?"
)


async def edit_update(db: Database, update_id: int, text: str) -> UpdateRecord:
    key = text_key(text)
    try:
        async with db.transaction() as tx:
            clash = await tx.fetch_value(_CLASH, (key, update_id))
            if clash is None:
                await tx.execute(
                    f"UPDATE updates SET text = ?, text_key = ?, revision = revision + 1, edited_at = {NOW} "
                    "WHERE id = ?",
                    (text, key, update_id),
                )
    except UniqueViolation:
        # Another edit (or a new update) took the same text after our check: PostgreSQL runs them side by side.
        clash = await db.fetch_value(_CLASH, (key, update_id))
        if clash is None:
            raise
    if clash is not None:
        existing = await get_update(db, int(clash))
        assert existing is not None
        raise DuplicateUpdate(existing)
    record = await get_update(db, update_id)
    assert record is not None
    return record


async def retract_update(db: Database, update_id: int, by: int | None) -> UpdateRecord:
    async with db.transaction() as tx:
        await tx.execute(
            f"UPDATE updates SET retracted_at = {NOW}, retracted_by = ?, revision = revision + 1 "
            "WHERE id = ? AND retracted_at IS NULL",
            (by, update_id),
        )
        # Not sent yet: never send it. Sent: the worker edits the messages to show the retraction.
        await tx.execute(
            "UPDATE update_deliveries SET status = 'cancelled' WHERE update_id = ? AND status = 'pending' "
            "AND message_ids IS NULL",
            (update_id,),
        )
    record = await get_update(db, update_id)
    assert record is not None
    return record


async def queue_existing_updates(db: Database, post_id: int) -> int:
    """A newly posted thread gets the article's existing updates (not retracted ones)."""
    return await db.execute(
        """
        INSERT INTO update_deliveries (update_id, post_id)
        SELECT u.id, p.id FROM article_posts p
        JOIN updates u ON u.article_slug = p.article_slug AND (u.guild_id IS NULL OR u.guild_id = p.guild_id)
        WHERE p.id = ? AND u.retracted_at IS NULL
        ORDER BY u.created_at, u.id
        ON CONFLICT DO NOTHING
        """,
        (post_id,),
    )


_JOB_SELECT = f"""
    SELECT d.id AS delivery_id, d.post_id, d.status, d.message_ids, d.sent_revision, d.attempts, d.queued_at,
           p.guild_id AS post_guild_id, p.thread_id,
           CASE WHEN p.starter_message_id = p.thread_id THEN p.starter_message_id ELSE p.question_message_id END
               AS reply_to,
           {", ".join(f"u.{c.strip()} AS u_{c.strip()}" for c in _UPDATE_COLUMNS.split(","))}
    FROM update_deliveries d
    JOIN updates u ON u.id = d.update_id
    JOIN article_posts p ON p.id = d.post_id
"""


async def claim_deliveries(
    db: Database,
    claimant: str,
    *,
    limit: int = 500,
    lease_seconds: float = CLAIM_SECONDS,
    ownership: Ownership | None = None,
) -> list[DeliveryJob]:
    """Claim what is due for one delivery worker (`claimant`) and return its claimed rows, oldest
    updates first per thread.

    Due: pending rows past their next attempt; sent rows whose update changed since; and rows left
    'sending' by a worker whose claim lapsed (it died mid-send: the thread is checked before the
    send is repeated). Rows another worker holds are skipped, not waited for (PostgreSQL: SKIP
    LOCKED while the claim is being taken, then the claim itself until it lapses), so several bot
    processes can share the outbox. Claims last `lease_seconds` unless renewed (`renew_claims`)
    and end with `release_claims`. With `ownership`, only rows of threads in the servers of those
    shards are claimed: a shard process sends only into the servers it is connected to.
    """
    now = dt.datetime.now(dt.UTC)
    until = sql_time(now + dt.timedelta(seconds=lease_seconds))
    stamp = sql_time(now)
    async with db.transaction() as tx:
        await tx.execute(
            """
            UPDATE update_deliveries SET claimed_by = ?, claimed_until = ?
            WHERE id IN (
                SELECT d.id FROM update_deliveries d JOIN updates u ON u.id = d.update_id
                JOIN article_posts p ON p.id = d.post_id
                WHERE (d.claimed_until IS NULL OR d.claimed_until <= ?) AND {owned} AND p.removed_at IS NULL
                  AND ((d.status = 'pending' AND d.next_attempt_at <= ?)
                       OR (d.status = 'sent' AND d.sent_revision < u.revision AND d.next_attempt_at <= ?)
                       OR d.status = 'sending')
                ORDER BY d.post_id, u.created_at, u.id
                LIMIT ?
                FOR UPDATE OF d SKIP LOCKED
            )
            """.replace("{owned}", owned("p.guild_id", ownership)),
            (claimant, until, stamp, stamp, stamp, limit),
        )
        rows = await tx.fetch_all(
            _JOB_SELECT + " WHERE d.claimed_by = ? ORDER BY d.post_id, u.created_at, u.id", (claimant,)
        )
    return [_job(r) for r in rows]


async def renew_claims(db: Database, claimant: str, lease_seconds: float = CLAIM_SECONDS) -> int:
    """Extend the worker's claims (it is still working on them); the number of rows it holds."""
    until = sql_time(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=lease_seconds))
    return await db.execute("UPDATE update_deliveries SET claimed_until = ? WHERE claimed_by = ?", (until, claimant))


async def release_claims(db: Database, claimant: str) -> int:
    """The worker is done with its rows (settled or not): others may take what is still due."""
    return await db.execute(
        "UPDATE update_deliveries SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?", (claimant,)
    )


async def deliveries_of_post(db: Database, post_id: int) -> list[DeliveryJob]:
    rows = await db.fetch_all(_JOB_SELECT + " WHERE d.post_id = ? ORDER BY u.created_at, u.id", (post_id,))
    return [_job(r) for r in rows]


async def deliveries_of_update(db: Database, update_id: int) -> list[DeliveryJob]:
    rows = await db.fetch_all(_JOB_SELECT + " WHERE d.update_id = ? ORDER BY d.id", (update_id,))
    return [_job(r) for r in rows]


async def mark_sending(db: Database, delivery_id: int, claimant: str | None = None) -> bool:
    """Record that a send is about to happen. With `claimant`, only while that worker still holds
    the row: False means its claim lapsed and another worker may have it, so it must not send."""
    if claimant is None:
        changed = await db.execute(
            "UPDATE update_deliveries SET status = 'sending', attempts = attempts + 1 WHERE id = ?", (delivery_id,)
        )
    else:
        changed = await db.execute(
            "UPDATE update_deliveries SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND claimed_by = ?",
            (delivery_id, claimant),
        )
    return changed > 0


async def mark_sent(db: Database, delivery_id: int, message_ids: list[int], revision: int) -> None:
    await db.execute(
        f"UPDATE update_deliveries SET status = 'sent', message_ids = ?, sent_revision = ?, last_error = NULL, "
        f"sent_at = COALESCE(sent_at, {NOW}) WHERE id = ?",
        (json.dumps(message_ids), revision, delivery_id),
    )


async def mark_failed(db: Database, delivery_id: int, reason: str) -> None:
    await db.execute(
        "UPDATE update_deliveries SET status = 'failed', last_error = ? WHERE id = ?", (reason[:500], delivery_id)
    )


async def mark_retry(db: Database, delivery_id: int, reason: str, delay: float, *, was_sent: bool) -> None:
    when = sql_time(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=delay))
    await db.execute(
        "UPDATE update_deliveries SET status = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
        ("sent" if was_sent else "pending", reason[:500], when, delivery_id),
    )


async def recover_unknown_outcomes(db: Database, claimant: str = "main") -> int:
    """At start-up: this worker's sends interrupted by a crash are pending again (checked in the thread
    before re-sending), and the claims its previous run held are let go. Rows other live workers
    hold are theirs."""
    async with db.transaction() as tx:
        recovered = await tx.execute(
            "UPDATE update_deliveries SET status = 'pending' WHERE status = 'sending' "
            "AND (claimed_by IS NULL OR claimed_by = ?)",
            (claimant,),
        )
        await tx.execute(
            "UPDATE update_deliveries SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?", (claimant,)
        )
    return recovered


async def fail_deliveries_of_post(db: Database, post_id: int, reason: str) -> None:
    await db.execute(
        "UPDATE update_deliveries SET status = 'failed', last_error = ? "
        "WHERE post_id = ? AND status IN ('pending', 'sending')",
        (reason[:500], post_id),
    )


async def seen_seed(db: Database, slug: str) -> str | None:
    row = await db.fetch_one("SELECT stamp FROM seed_files WHERE slug = ?", (slug,))
    return None if row is None else str(row["stamp"])


async def remember_seed(db: Database, slug: str, stamp: str) -> None:
    await db.execute(
        "INSERT INTO seed_files (slug, stamp) VALUES (?, ?) ON CONFLICT (slug) DO UPDATE SET stamp = excluded.stamp",
        (slug, stamp),
    )


async def known_seed_count(db: Database) -> int:
    return int(await db.fetch_value("SELECT COUNT(*) FROM seed_files") or 0)


def as_dict(record: UpdateRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in UpdateRecord.__dataclass_fields__}
