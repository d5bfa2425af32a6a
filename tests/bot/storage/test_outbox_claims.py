"""The update outbox shared by several delivery workers: claims, leases, and nothing sent twice.

Each worker here has its own Database (its own connection or pool), as separate bot processes would.
"""

from __future__ import annotations

import asyncio
from collections import Counter

from bot.storage import Database
from bot.storage import posts as post_store
from bot.storage import updates as update_store
from tests.bot.storage.populate import CHANNEL, GUILD, MEMBER, THREAD


async def _threads_with_updates(db: Database, threads: int, updates: int) -> list[int]:
    posts = []
    for index in range(threads):
        post = await post_store.create_post(
            db,
            guild_id=GUILD,
            channel_id=CHANNEL,
            article_slug="a",
            article_title="A",
            exit_question=None,
            vote_mode="none",
            duration_hours=24,
            posted_by=MEMBER,
            poll_options=[],
        )
        await post_store.record_thread(db, post.id, THREAD + index, THREAD + index)
        await post_store.mark_posted(db, post.id, None)
        posts.append(post.id)
    for index in range(updates):
        await update_store.store_update(
            db, article_slug="a", guild_id=None, label="Update", text=f"news {index}", source="seed"
        )
    return posts


async def test_a_claimed_row_is_another_workers_only_after_release(db: Database, database_url: str):
    await _threads_with_updates(db, threads=2, updates=3)
    other = await Database.open(database_url)
    try:
        mine = await update_store.claim_deliveries(db, "one")
        assert len(mine) == 6
        assert [(j.post_id, j.update.id) for j in mine] == sorted((j.post_id, j.update.id) for j in mine)
        assert await update_store.claim_deliveries(other, "two") == []
        assert await update_store.renew_claims(db, "one") == 6
        assert await update_store.mark_sending(db, mine[0].id, "one")
        assert not await update_store.mark_sending(other, mine[1].id, "two")  # not its row
        await update_store.mark_sent(db, mine[0].id, [THREAD + 100], 1)
        assert await update_store.release_claims(db, "one") == 6
        theirs = await update_store.claim_deliveries(other, "two")
        assert sorted(j.id for j in theirs) == sorted(j.id for j in mine[1:])  # the sent one is settled
    finally:
        await other.close()


async def test_a_lapsed_claim_passes_on_and_an_interrupted_send_is_checked_first(db: Database, database_url: str):
    await _threads_with_updates(db, threads=1, updates=2)
    other = await Database.open(database_url)
    try:
        first, second = await update_store.claim_deliveries(db, "dead", lease_seconds=-1)  # a worker that died
        assert await update_store.mark_sending(db, first.id, "dead")  # mid-send when it died
        taken = {j.id: j for j in await update_store.claim_deliveries(other, "alive")}
        assert set(taken) == {first.id, second.id}
        # the interrupted one comes back with its attempt counted: the worker looks in the thread first
        assert (taken[first.id].status, taken[first.id].attempts) == ("sending", 1)
        assert (taken[second.id].status, taken[second.id].attempts) == ("pending", 0)
        assert not await update_store.mark_sending(db, second.id, "dead")  # the dead one's claim is gone
    finally:
        await other.close()


async def test_a_restart_takes_back_its_own_claims_and_leaves_others(db: Database):
    await _threads_with_updates(db, threads=2, updates=1)
    [mine] = await update_store.claim_deliveries(db, "shard-0", limit=1)
    [theirs] = await update_store.claim_deliveries(db, "shard-1", limit=1)
    assert await update_store.mark_sending(db, mine.id, "shard-0")
    assert await update_store.mark_sending(db, theirs.id, "shard-1")
    assert await update_store.recover_unknown_outcomes(db, "shard-0") == 1
    statuses = {j.id: j.status for j in await update_store.deliveries_of_update(db, mine.update.id)}
    assert statuses == {mine.id: "pending", theirs.id: "sending"}
    assert [j.id for j in await update_store.claim_deliveries(db, "shard-0")] == [mine.id]


async def test_due_rules(db: Database):
    await _threads_with_updates(db, threads=1, updates=3)
    jobs = await update_store.claim_deliveries(db, "w")
    await update_store.release_claims(db, "w")
    later, sent, failed = jobs
    await update_store.mark_retry(db, later.id, "503", 3600, was_sent=False)  # not due for an hour
    await update_store.mark_sent(db, sent.id, [THREAD + 1], sent.update.revision)  # up to date
    await update_store.mark_failed(db, failed.id, "gone")
    assert await update_store.claim_deliveries(db, "w") == []
    await update_store.edit_update(db, sent.update.id, "news, corrected")  # the sent message needs an edit
    [again] = await update_store.claim_deliveries(db, "w")
    assert (again.id, again.status, again.update.revision) == (sent.id, "sent", 2)


async def test_workers_claiming_side_by_side_send_each_row_once(db: Database, database_url: str):
    await _threads_with_updates(db, threads=6, updates=10)
    workers = [db, *[await Database.open(database_url) for _ in range(3)]]
    sent: Counter[int] = Counter()

    async def work(worker: Database, name: str) -> None:
        while True:
            jobs = await update_store.claim_deliveries(worker, name, limit=7)
            if not jobs:
                return
            for job in jobs:
                if await update_store.mark_sending(worker, job.id, name):
                    sent[job.id] += 1
                    await update_store.mark_sent(worker, job.id, [job.id], job.update.revision)
            await update_store.release_claims(worker, name)

    try:
        await asyncio.gather(*(work(worker, f"w{i}") for i, worker in enumerate(workers)))
    finally:
        for worker in workers[1:]:
            await worker.close()
    assert len(sent) == 60 and set(sent.values()) == {1}
