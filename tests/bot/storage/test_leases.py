"""Leases on work one process at a time may do, and the auto-post queue: on both engines, with each
process on its own connection (or pool), as separate bot processes would be."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt

import pytest

from bot.storage import Database
from bot.storage import leases as lease_store

T0 = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


async def test_a_held_lease_is_not_taken_until_it_lapses(db: Database, database_url: str):
    other = await Database.open(database_url)
    try:
        assert await lease_store.acquire_lease(db, "seeds", "a", 10, now=at(0))
        assert not await lease_store.acquire_lease(other, "seeds", "b", 10, now=at(5))
        assert await lease_store.acquire_lease(db, "seeds", "a", 10, now=at(9))  # renewed: until 19
        assert not await lease_store.acquire_lease(other, "seeds", "b", 10, now=at(15))
        assert await lease_store.lease_holder(other, "seeds", now=at(15)) == "a"
        # "a" died: nobody renews; at 19 the lease has lapsed and "b" takes it.
        assert await lease_store.lease_holder(other, "seeds", now=at(19)) is None
        assert await lease_store.acquire_lease(other, "seeds", "b", 10, now=at(19))
        assert not await lease_store.acquire_lease(db, "seeds", "a", 10, now=at(20))  # "a" came back: not its
        assert await lease_store.acquire_lease(db, "feed:1", "a", 10, now=at(20))  # leases are independent
    finally:
        await other.close()


async def test_release_frees_a_lease_at_once_and_only_for_its_holder(db: Database):
    assert await lease_store.acquire_lease(db, "seeds", "a", 60, now=at(0))
    assert not await lease_store.release_lease(db, "seeds", "b")
    assert await lease_store.release_lease(db, "seeds", "a")
    assert await lease_store.acquire_lease(db, "seeds", "b", 60, now=at(1))


async def test_of_processes_racing_for_a_lease_exactly_one_wins(db: Database, database_url: str):
    workers = [await Database.open(database_url) for _ in range(4)]
    try:
        for round_ in range(5):  # a free lease, then a lapsed one each round
            now = at(100 * round_)
            won = await asyncio.gather(
                *(lease_store.acquire_lease(w, "feed:7", f"p{i}-{round_}", 30, now=now) for i, w in enumerate(workers))
            )
            assert sum(won) == 1, won
    finally:
        for worker in workers:
            await worker.close()


async def test_each_server_takes_a_queued_auto_post_once(db: Database, database_url: str):
    await lease_store.queue_auto_post(db, "new-article", now=at(0))
    await lease_store.queue_auto_post(db, "new-article", now=at(5))  # queued once
    assert await lease_store.queued_auto_posts(db, since=at(-60)) == [("new-article", at(0))]
    assert await lease_store.queued_auto_posts(db, since=at(1)) == []
    other = await Database.open(database_url)
    try:
        taken = await asyncio.gather(
            lease_store.take_auto_post(db, "new-article", 11), lease_store.take_auto_post(other, "new-article", 11)
        )
        assert sorted(taken) == [False, True]
        assert await lease_store.take_auto_post(other, "new-article", 12)
        assert await lease_store.auto_posted_servers(db, ["new-article", "x"]) == {
            ("new-article", 11),
            ("new-article", 12),
        }
    finally:
        await other.close()


async def slot_is_free(db: Database, bucket: int) -> bool:
    """Whether another process could take the bucket's login slot now (without waiting for it)."""
    async with db.transaction() as tx:
        return bool(
            await tx.fetch_value("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))", (f"identify:{bucket}",))
        )


async def test_a_login_slot_stays_taken_after_the_identify_it_lets_through(db: Database, database_url: str):
    """The caller sends its IDENTIFY as soon as pace_identify returns, so the interval must be counted
    from then: if the slot were let go before returning, a busy event loop in this process would
    delay its IDENTIFY while another process's went out on time, closer than the interval (found by
    benchmarks/shard_scale.py: a login the emulator refused as too fast). PostgreSQL only: on SQLite one
    process paces its own shards, and pacing across processes is refused."""
    if db.dialect == "sqlite":
        with pytest.raises(ValueError, match="needs PostgreSQL"):
            await lease_store.pace_identify(db, 0, 0)
        return
    other = await Database.open(database_url)
    try:
        held = await lease_store.pace_identify(db, 0, 30)
        assert not await slot_is_free(other, 0)  # still taken: the next login waits the full interval
        assert await slot_is_free(other, 1)  # another bucket's is not
        held.cancel()  # the slot is let go when its task ends (here at once; normally after 30 s)
        with contextlib.suppress(asyncio.CancelledError):
            await held
        assert await slot_is_free(other, 0)
        short = await lease_store.pace_identify(db, 0, 0.05)
        await short  # ends by itself after the interval
        assert await slot_is_free(other, 0)
    finally:
        await other.close()
