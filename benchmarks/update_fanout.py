"""How long one update takes to reach N threads, against the least time the emulator's rate limits allow.

The bot runs as `python -m bot` in its own process. Setup (posting the article into N forum
threads) runs with rate limits off; the measurement runs with Discord's: 50 requests per second
globally and 5 messages per 5 s per channel. One message per thread, so the global limit is the
floor: N sends need at least ceil(N / 50) - 1 seconds (the first 50 go at once). The clock runs from
`/update push` being answered until the emulator holds the update in every thread.

Usage: python benchmarks/update_fanout.py [--threads 50 200]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from discord_emulator import Emulator, RateLimitConfig  # noqa: E402
from tests.harness import BotProcess, bot_environment, build_world, is_update_message  # noqa: E402

ARTICLE = "Fan-out test\n\nA paragraph.\n\nExit question: Does it arrive?\n"


async def measure(threads: int) -> tuple[float, float]:
    emulator = Emulator(validate_schema=False, rate_limits=RateLimitConfig(enabled=False))
    await emulator.start()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        seeds = data / "seeds"
        seeds.mkdir()
        (seeds / "fan-out-test.txt").write_text(ARTICLE)
        world = build_world(emulator)
        bot = BotProcess(emulator, bot_environment(emulator, data, LOG_LEVEL="WARNING", SEEDS_DIR=str(seeds)), data)
        await bot.start(world.admin, world.general)
        try:
            for _ in range(threads):
                handle = emulator.run_command(
                    world.admin, world.general, "article post", article="fan-out-test", channel=world.forum, force=True
                )
                await handle.wait_message(timeout=30)
            forum_threads = emulator.threads_of(world.forum)
            assert len(forum_threads) == threads
            await asyncio.sleep(1.0)
            emulator.rate_limiter.config = RateLimitConfig()  # Discord's limits from here on
            handle = emulator.run_command(
                world.admin, world.general, "update push", article="fan-out-test", text="Measured update."
            )
            await handle.wait_message(timeout=30)
            started = time.perf_counter()
            while not all(any(is_update_message(m) for m in emulator.history(t)) for t in forum_threads):
                if time.perf_counter() - started > 300:
                    raise RuntimeError("the update did not reach every thread in 300 s")
                await asyncio.sleep(0.005)
            elapsed = time.perf_counter() - started
        finally:
            await bot.stop()
            await emulator.stop()
    minimum = max(0.0, math.ceil(threads / 50) - 1)
    return elapsed, minimum


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, nargs="+", default=[50, 200])
    args = parser.parse_args()
    print(f"{'threads':>8} {'elapsed':>10} {'minimum':>10} {'ratio':>8}")
    for threads in args.threads:
        elapsed, minimum = await measure(threads)
        ratio = f"{elapsed / minimum:8.2f}" if minimum else "     n/a"
        print(f"{threads:>8} {elapsed:>9.2f}s {minimum:>9.2f}s {ratio}   (minimum from 50 requests/s global)")


if __name__ == "__main__":
    asyncio.run(main())
