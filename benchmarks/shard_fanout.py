"""An update's fan-out across shard processes, against the least time Discord's rate limits allow.

3 `python -m bot` processes of 2 shards each (SHARD_COUNT 6) over 6 servers, one on each shard, on
one throw-away PostgreSQL (durable commits). The article is posted into every server's forum
(--posts-per-server threads each; setup runs with rate limits off), then Discord's limits are turned
on (50 requests/s global for the token across every process, 5 messages per 5 s per channel) and
--updates new `Update:` paragraphs are added to the article's seed file at once. The process holding
the seeds folder's lease stores them; every process sends them into the threads of its own servers.
The clock runs from every update stored until the emulator holds each update in every thread; the
floor is ceil(messages / 50) - 1 s (see benchmarks/_shard_network.py). Target: within 1.2x. Each
update must be in each thread exactly once.

The processes keep their default REST share (50 x 2 / 6 requests/s each).
Usage: python benchmarks/shard_fanout.py [--posts-per-server 50] [--updates 3]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks._shard_network import (  # noqa: E402
    ARTICLE,
    SLUG,
    fan_out,
    record_refusals,
    shard_processes,
    start_database,
    wait_until_ready,
)
from bot.sharding import shard_of  # noqa: E402
from bot.storage import Database  # noqa: E402
from discord_emulator import Emulator, RateLimitConfig  # noqa: E402
from tests.harness import World, build_world  # noqa: E402

PROCESSES = 3
SHARDS_PER_PROCESS = 2


async def answered(emulator: Emulator, world: World, timeout: float = 60) -> None:
    """Wait until the server's process answers a command there."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            await emulator.run_command(world.admin, world.general, "about").wait_message(timeout=1.0)
            return
        except TimeoutError:
            if time.monotonic() > deadline:
                raise


async def post_into(emulator: Emulator, world: World, posts: int) -> None:
    for _ in range(posts):
        handle = emulator.run_command(
            world.admin, world.general, "article post", article=SLUG, channel=world.forum, force=True
        )
        reply = await handle.wait_message(timeout=60)
        if "Posted" not in reply.content:
            raise RuntimeError(f"posting the article failed: {reply.content}")


async def run(posts_per_server: int, updates: int) -> None:
    shard_count = PROCESSES * SHARDS_PER_PROCESS
    groups = [",".join(str(p * SHARDS_PER_PROCESS + i) for i in range(SHARDS_PER_PROCESS)) for p in range(PROCESSES)]
    cluster, url = start_database()
    emulator = Emulator(validate_schema=False, rate_limits=RateLimitConfig(enabled=False))
    await emulator.start()
    refusals = record_refusals(emulator)
    worlds = [build_world(emulator) for _ in range(shard_count)]
    assert sorted(shard_of(w.guild.id, shard_count) for w in worlds) == list(range(shard_count))
    with tempfile.TemporaryDirectory(prefix="shard-fanout-") as tmp:
        data = Path(tmp)
        seeds = data / "seeds"
        seeds.mkdir()
        seed = seeds / f"{SLUG}.txt"
        seed.write_text(ARTICLE, "utf-8")
        processes = shard_processes(emulator, data, url, groups, shard_count, seeds, IDENTIFY_INTERVAL_SECONDS="0.05")
        db: Database | None = None
        try:
            await asyncio.gather(*(p.start() for p in processes))
            await wait_until_ready(processes, timeout=120)
            await asyncio.gather(*(answered(emulator, w) for w in worlds))
            await asyncio.gather(*(post_into(emulator, w, posts_per_server) for w in worlds))
            threads = [t for w in worlds for t in emulator.threads_of(w.forum)]
            assert len(threads) == shard_count * posts_per_server, len(threads)
            db = await Database.open(url)  # a reader beside the processes
            await asyncio.sleep(2.0)  # let the posting's own traffic settle
            emulator.rate_limiter.config = RateLimitConfig()  # Discord's limits from here on
            result = await fan_out(emulator, db, seed, threads, updates, refusals)
        finally:
            for process in processes:
                await process.stop()
            if db is not None:
                await db.close()
            await emulator.stop()
            cluster.stop()
    print(
        f"{PROCESSES} processes x {SHARDS_PER_PROCESS} shards (SHARD_COUNT {shard_count}) over {shard_count} servers, "
        f"PostgreSQL; {posts_per_server} threads a server = {len(threads)} threads; {updates} updates at once"
    )
    for line in result.lines():
        print("  " + line)
    print("  (one run on a shared 2-core machine: the figures are noisy)")
    if result.duplicated or result.missing:
        raise SystemExit("an update was lost or sent twice")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts-per-server", type=int, default=50, help="threads of the article in each server")
    parser.add_argument("--updates", type=int, default=3, help="updates added to the seed file at once")
    args = parser.parse_args()
    asyncio.run(run(args.posts_per_server, args.updates))


if __name__ == "__main__":
    main()
