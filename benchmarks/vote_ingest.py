"""Vote ingest and tally speed.

1. 10,000 poll votes cast through the emulator into the real bot (`python -m bot` in its own
   process, so the bot's speed is measured, not the emulator's); the clock runs from the first
   vote sent until SQLite holds all of them committed. Baseline in the same run: the same rows
   stored with one commit per vote (the naive writer).
2. The tally of a 100,000-vote poll: the bot's read (counts kept next to the votes) against a
   GROUP BY over the vote rows.

Targets (issue 3): at least 10,000 durable votes/s; the tally read under 1 ms.
Usage: python benchmarks/vote_ingest.py [--votes N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.storage import Database  # noqa: E402
from bot.storage.posts import create_post  # noqa: E402
from bot.storage.votes import PollVote, apply_poll_votes, poll_tally  # noqa: E402
from discord_emulator import Emulator, RateLimitConfig  # noqa: E402
from tests.harness import bot_environment, build_world  # noqa: E402


def committed_votes(path: Path, post_id: int) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        row = connection.execute(
            "SELECT COALESCE(SUM(votes), 0) FROM poll_options WHERE post_id = ?", (post_id,)
        ).fetchone()
        return int(row[0])
    finally:
        connection.close()


async def ingest_through_bot(votes: int, data: Path) -> float:
    emulator = Emulator(validate_schema=False, rate_limits=RateLimitConfig(enabled=False))
    await emulator.start()
    world = build_world(emulator)
    voters = [emulator.add_member(world.guild, f"voter{i}") for i in range(votes)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")}
    env |= bot_environment(emulator, data, LOG_LEVEL="WARNING") | {"PYTHONPATH": str(REPO)}
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=data, env=env)
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
        question = emulator.history(thread)[-1]
        db_path = data / "bot.sqlite3"
        post_id = sqlite3.connect(db_path).execute("SELECT id FROM article_posts").fetchone()[0]
        started = time.perf_counter()
        for index, member in enumerate(voters):
            emulator.vote(member, question, index % 3 + 1)
            if index % 500 == 499:
                await asyncio.sleep(0)
        while committed_votes(db_path, post_id) < votes:
            if time.perf_counter() - started > 120:
                raise RuntimeError("votes were not all stored within 120 s")
            await asyncio.sleep(0.005)
        return votes / (time.perf_counter() - started)
    finally:
        process.terminate()
        await process.wait()
        await emulator.stop()


async def one_commit_per_vote(votes: int, data: Path) -> float:
    db = await Database.open(data / "naive.sqlite3")
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


async def tally_timings(data: Path, votes: int = 100_000) -> tuple[float, float]:
    db = await Database.open(data / "tally.sqlite3")
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


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--votes", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        rate = await ingest_through_bot(args.votes, data)
        naive = await one_commit_per_vote(min(args.votes, 3000), data)
        ours, group_by = await tally_timings(data)
    print(f"votes cast through the emulator      : {args.votes}")
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
    print(f"GROUP BY over the vote rows          : {group_by * 1000:10.3f} ms   ratio {group_by / ours:.0f}x slower")


if __name__ == "__main__":
    asyncio.run(main())
