"""Leases on work one process at a time may do, and the auto-post queue: on both engines, with each
process on its own connection (or pool), as separate bot processes would be."""

from __future__ import annotations

import asyncio
import datetime as dt

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
