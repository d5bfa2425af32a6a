"""Vote ingest and tally speed, on SQLite and on PostgreSQL in one run.

1. 10,000 poll votes cast through the emulator into the real bot (`python -m bot` in its own
   process, so the bot's speed is measured, not the emulator's); the clock runs from the first
   vote sent until the database holds all of them committed. Baseline in the same run: the same
   rows stored with one commit per vote (the naive writer).
2. The tally of a 100,000-vote poll: the bot's read (counts kept next to the votes) against a
   GROUP BY over the vote rows.

PostgreSQL is a throw-away cluster started for the run (Debian's postgresql package, as in the
tests) with its durability settings on (fsync, synchronous commits), on 127.0.0.1.

Targets (issues 3 and 15): at least 10,000 durable votes/s on each engine; the tally read under 1 ms.
Usage: python benchmarks/vote_ingest.py [--votes N] [--engine sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.storage import Database  # noqa: E402
from bot.storage.posts import create_post  # noqa: E402
from bot.storage.votes import PollVote, apply_poll_votes, poll_tally  # noqa: E402
from discord_emulator import Emulator, RateLimitConfig  # noqa: E402
from tests.harness import bot_environment, build_world, question_of  # noqa: E402
from tests.postgres import PostgresCluster  # noqa: E402

NewDatabase = Callable[[str], Awaitable[str]]  # a name → the URL of a new, empty database


async def committed_votes(db: Database, post_id: int) -> int:
    return int(await db.fetch_value("SELECT COALESCE(SUM(votes), 0) FROM poll_options WHERE post_id = ?", (post_id,)))


async def ingest_through_bot(votes: int, data: Path, url: str) -> float:
    emulator = Emulator(validate_schema=False, rate_limits=RateLimitConfig(enabled=False))
    await emulator.start()
    world = build_world(emulator)
    voters = [emulator.add_member(world.guild, f"voter{i}") for i in range(votes)]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_"))}
    env |= bot_environment(emulator, data, database_url=url, LOG_LEVEL="WARNING") | {"PYTHONPATH": str(REPO)}
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=data, env=env)
    db: Database | None = None
    try:
        deadline = time.monotonic() + 60
        while not emulator.global_commands or not emulator.gateway.connections:
            if time.monotonic() > deadline or process.returncode is not None:
                raise RuntimeError("the bot did not start")
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)
        handle = emulator.run_command(
            world.admin,
            world.general,
            "article post",
            article="odierno-ceasefire",
            channel=world.forum,
            options="Protection | Money | Nothing",
            duration_hours=24,
        )
        await handle.wait_message(timeout=30)
        [thread] = emulator.threads_of(world.forum)
        question = question_of(emulator, thread)  # not history[-1]: the seed's updates may follow it
        db = await Database.open(url)  # a reader beside the bot's process
        post_id = int(await db.fetch_value("SELECT id FROM article_posts"))
        started = time.perf_counter()
        for index, member in enumerate(voters):
            emulator.vote(member, question, index % 3 + 1)
            if index % 500 == 499:
                await asyncio.sleep(0)
        while await committed_votes(db, post_id) < votes:
            if time.perf_counter() - started > 120:
                raise RuntimeError("votes were not all stored within 120 s")
            await asyncio.sleep(0.005)
        return votes / (time.perf_counter() - started)
    finally:
        if db is not None:
            await db.close()
        process.terminate()
        await process.wait()
        await emulator.stop()


async def one_commit_per_vote(votes: int, url: str) -> float:
    db = await Database.open(url)
    await db.migrate()
    post = await create_post(
        db,
        guild_id=1,
        channel_id=2,
        article_slug="a",
        article_title="t",
        exit_question="q",
        vote_mode="poll",
        duration_hours=24,
        posted_by=1,
        poll_options=["A", "B", "C"],
    )
    started = time.perf_counter()
    for user in range(votes):
        await apply_poll_votes(db, [PollVote(True, post.id, user % 3 + 1, user)])
    rate = votes / (time.perf_counter() - started)
    await db.close()
    return rate


async def tally_timings(url: str, votes: int = 100_000) -> tuple[float, float]:
    db = await Database.open(url)
    await db.migrate()
    post = await create_post(
        db,
        guild_id=1,
        channel_id=2,
        article_slug="a",
        article_title="t",
        exit_question="q",
        vote_mode="poll",
        duration_hours=24,
        posted_by=1,
        poll_options=[f"O{i}" for i in range(10)],
    )
    batch = [PollVote(True, post.id, user % 10 + 1, user) for user in range(votes)]
    await apply_poll_votes(db, batch)
    assert sum(o.votes for o in await poll_tally(db, post.id)) == votes

    async def median(call) -> float:  # type: ignore[no-untyped-def]
        samples = []
        for _ in range(300):
            started = time.perf_counter()
            await call()
            samples.append(time.perf_counter() - started)
        return statistics.median(samples)

    ours = await median(lambda: poll_tally(db, post.id))
    group_by = await median(
        lambda: db.fetch_all(
            "SELECT answer_id, COUNT(*) FROM poll_votes WHERE post_id = ? GROUP BY answer_id", (post.id,)
        )
    )
    await db.close()
    return ours, group_by


async def measure(engine: str, votes: int, data: Path, new_database: NewDatabase) -> dict[str, float]:
    folder = data / engine
    folder.mkdir()
    rate = await ingest_through_bot(votes, folder, await new_database("bot"))
    naive = await one_commit_per_vote(min(votes, 3000), await new_database("naive"))
    ours, group_by = await tally_timings(await new_database("tally"))
    return {"rate": rate, "naive": naive, "ours": ours, "group_by": group_by}


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--votes", type=int, default=10_000)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], action="append", help="default: both")
    args = parser.parse_args()
    engines = args.engine or ["sqlite", "postgresql"]
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)

        async def sqlite_file(name: str) -> str:
            return f"sqlite:///{data / 'sqlite' / name}.sqlite3"

        if "sqlite" in engines:
            results["sqlite"] = await measure("sqlite", args.votes, data, sqlite_file)
        if "postgresql" in engines:
            cluster = PostgresCluster(durable=True).start()  # fsync and synchronous commits on
            try:

                async def postgres_database(name: str) -> str:
                    cluster.admin_sql(f"CREATE DATABASE {name} OWNER bot")
                    return cluster.dsn(name)

                results["postgresql"] = await measure("postgresql", args.votes, data, postgres_database)
            finally:
                cluster.stop()
    print(f"votes cast through the emulator      : {args.votes}")
    for engine, r in results.items():
        rate, naive, ours, group_by = r["rate"], r["naive"], r["ours"], r["group_by"]
        print(f"== {engine}")
        print(
            f"bot, group commits (durable)         : {rate:10,.0f} votes/s   target >= 10,000: "
            f"{'met' if rate >= 10_000 else 'NOT met'}"
        )
        print(f"baseline, one commit per vote        : {naive:10,.0f} votes/s")
        print(f"ratio bot/baseline                   : {rate / naive:10.1f}x")
        print(
            f"tally of a 100,000-vote poll (bot)   : {ours * 1000:10.3f} ms   target < 1 ms: "
            f"{'met' if ours < 0.001 else 'NOT met'}"
        )
        slower = group_by / ours
        print(f"GROUP BY over the vote rows          : {group_by * 1000:10.3f} ms   ratio {slower:.0f}x slower")
    if len(results) == 2:
        ratio = results["postgresql"]["rate"] / results["sqlite"]["rate"]
        print(f"== PostgreSQL/SQLite ingest ratio    : {ratio:10.2f}x")


if __name__ == "__main__":
    asyncio.run(main())
