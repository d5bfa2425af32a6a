"""Leases on work that one process at a time may do (table leases), and the auto-post queue
(tables auto_posts, auto_post_servers)."""

from __future__ import annotations

import asyncio
import datetime as dt

from bot.storage.database import Database, sql_time
from bot.storage.rows import read_time


async def acquire_lease(db: Database, name: str, holder: str, seconds: float, now: dt.datetime | None = None) -> bool:
    """Take the lease `name` for `holder` for `seconds`, or renew it if `holder` has it already.
    True when `holder` holds it now. One statement: of processes racing for a free or lapsed lease,
    exactly one wins; a lease another holder keeps renewing is never taken."""
    now = now or dt.datetime.now(dt.UTC)
    async with db.transaction() as tx:  # a write: in a transaction (a plain read would not commit it)
        taken = await tx.fetch_value(
            """
            INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leases.expires_at <= ? OR leases.holder = excluded.holder
            RETURNING holder
            """,
            (name, holder, sql_time(now + dt.timedelta(seconds=seconds)), sql_time(now)),
        )
    return taken == holder


async def release_lease(db: Database, name: str, holder: str) -> bool:
    """Give the lease up (at a clean stop): another process may take it at once."""
    return await db.execute("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder)) > 0


async def lease_holder(db: Database, name: str, now: dt.datetime | None = None) -> str | None:
    """Who holds the lease now (None: free or lapsed)."""
    value = await db.fetch_value(
        "SELECT holder FROM leases WHERE name = ? AND expires_at > ?",
        (name, sql_time(now or dt.datetime.now(dt.UTC))),
    )
    return None if value is None else str(value)


async def queue_auto_post(db: Database, slug: str, now: dt.datetime | None = None) -> None:
    await db.execute(
        "INSERT INTO auto_posts (article_slug, queued_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (slug, sql_time(now or dt.datetime.now(dt.UTC))),
    )


async def queued_auto_posts(db: Database, since: dt.datetime) -> list[tuple[str, dt.datetime]]:
    """The articles queued for auto-posting since `since` and when, oldest first."""
    rows = await db.fetch_all(
        "SELECT article_slug, queued_at FROM auto_posts WHERE queued_at >= ? ORDER BY queued_at, article_slug",
        (sql_time(since),),
    )
    return [(str(r["article_slug"]), read_time(r["queued_at"])) for r in rows]


async def auto_posted_servers(db: Database, slugs: list[str]) -> set[tuple[str, int]]:
    """(article, server) pairs already taken (posted or attempted) among `slugs`."""
    if not slugs:
        return set()
    marks = ", ".join("?" for _ in slugs)
    rows = await db.fetch_all(
        f"SELECT article_slug, guild_id FROM auto_post_servers WHERE article_slug IN ({marks})", slugs
    )
    return {(str(r["article_slug"]), int(r["guild_id"])) for r in rows}


async def take_auto_post(db: Database, slug: str, guild_id: int) -> bool:
    """Write down that the article is being auto-posted in the server; False when it was already
    (by this process or another): never post twice."""
    return (
        await db.execute(
            "INSERT INTO auto_post_servers (article_slug, guild_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (slug, guild_id),
        )
        > 0
    )


# Discord times IDENTIFYs as they arrive: the caller's goes out a moment after the slot is taken (its
# event loop may be busy) and arrives with the network's jitter, so a slot kept exactly the interval
# let one in four 2,500-server benchmark runs meet a login refused as too fast.
IDENTIFY_MARGIN_SECONDS = 0.25


async def pace_identify(db: Database, bucket: int, seconds: float) -> asyncio.Task[None]:
    """Wait for the login slot of a max_concurrency bucket; return once it is this login's, holding it
    for `seconds` more, so that however many processes share the bot's token, two logins of one bucket
    are at least `seconds` apart (Discord: one IDENTIFY per bucket per 5 s). The caller sends its
    IDENTIFY at once: the interval runs from then, not from before it (a slot let go before the send
    lets a delayed IDENTIFY and the next one arrive closer than the interval). The returned task holds
    the slot and lets it go after `seconds` and a margin; keep a reference to it. PostgreSQL only: an
    advisory lock held by a transaction (SQLite's lock is the whole database's: one process paces
    itself)."""
    if db.dialect != "postgresql":
        raise ValueError("login pacing across processes needs PostgreSQL")
    taken = asyncio.get_running_loop().create_future()

    async def hold() -> None:
        async with db.transaction() as tx:
            await tx.lock(f"identify:{bucket}")
            taken.set_result(None)
            await asyncio.sleep(seconds + IDENTIFY_MARGIN_SECONDS if seconds else 0)

    slot = asyncio.create_task(hold(), name=f"login slot {bucket}")
    try:
        await asyncio.wait({slot, taken}, return_when=asyncio.FIRST_COMPLETED)
    except asyncio.CancelledError:
        slot.cancel()
        raise
    if not taken.done():
        slot.result()  # it failed before taking the slot: its error is the caller's
    return slot
