"""The lease keeper of a shard process: takes, renews in the background, notices a loss, lets go at a
clean stop; unsharded it holds everything without asking the database."""

from __future__ import annotations

from bot.leases import Leases, process_name
from bot.storage import Database
from bot.storage import leases as lease_store
from tests.harness import eventually


async def _expiry(db: Database, name: str) -> str:
    return str(await db.fetch_value("SELECT expires_at FROM leases WHERE name = ?", (name,)))


async def test_a_held_lease_is_renewed_until_the_stop_then_free_at_once(db: Database):
    first = Leases(db, holder=process_name("a"), seconds=1.5, shared=True)
    second = Leases(db, holder=process_name("b"), seconds=1.5, shared=True)
    try:
        assert await first.hold("seeds") and first.holds("seeds")
        assert not await second.hold("seeds") and not second.holds("seeds")
        taken = await _expiry(db, "seeds")
        await eventually(lambda: _later(db, "seeds", taken), timeout=5)  # renewed without being asked
        assert not await second.hold("seeds")
        await first.stop()
        assert await second.hold("seeds")  # released at the stop: no wait for it to lapse
    finally:
        await first.stop()
        await second.stop()


async def test_a_lease_lost_while_away_is_noticed(db: Database):
    first = Leases(db, holder=process_name("a"), seconds=60, shared=True)
    try:
        assert await first.hold("feed:3")
        await db.execute("UPDATE leases SET expires_at = '2000-01-01T00:00:00.000Z'")  # it lapsed meanwhile
        assert await lease_store.acquire_lease(db, "feed:3", "someone else", 60)
        assert not await first.hold("feed:3") and not first.holds("feed:3")
    finally:
        await first.stop()
    assert await lease_store.lease_holder(db, "feed:3") == "someone else"  # a stop lets go of its own only


async def test_unsharded_holds_everything_without_the_database(db: Database):
    only = Leases(db, holder="main", seconds=60, shared=False)
    assert await only.hold("seeds") and only.holds("feed:1")
    assert await db.fetch_value("SELECT COUNT(*) FROM leases") == 0
    await only.stop()


async def _later(db: Database, name: str, than: str) -> bool:
    return await _expiry(db, name) > than
