"""How fast the emulator streams gateway events, and how long the real bot takes to connect.

Prints, from one run:
  - emulator → raw websocket reader (zstd-stream, decoded): the emulator's own capacity;
  - emulator → a discord.py commands.Bot counting on_message: the client's ingest rate;
  - their ratio (above 1.0: the emulator is not what limits a benchmark of the bot);
  - the real bot's connect-to-ready time (python -m bot's start-up path, fresh database).

Target (issue 2): at least 10,000 events per second to the bot's process.
Usage: python benchmarks/emulator_gateway.py [--events N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from discord_emulator import Emulator  # noqa: E402
from tests.harness import bot_environment, build_world, running_bot  # noqa: E402

CONSUMER = Path(__file__).with_name("_gateway_consumer.py")


async def stream(mode: str, events: int) -> dict[str, float]:
    emulator = Emulator(validate_schema=False)
    await emulator.start()
    try:
        world = build_world(emulator)
        args = (
            ["raw", emulator.gateway_url, emulator.token]
            if mode == "raw"
            else ["bot", emulator.api_base_url, emulator.gateway_url, emulator.token]
        )
        process = await asyncio.create_subprocess_exec(
            sys.executable, str(CONSUMER), *args, str(events), stdout=asyncio.subprocess.PIPE
        )
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), 30)
        assert line.strip() == b"READY", line
        await asyncio.sleep(0.2)
        started = time.perf_counter()
        for i in range(events):
            emulator.send_message(world.member, world.general, f"message {i}")
            if i % 200 == 199:
                await asyncio.sleep(0)  # let the connection's writer drain
        produced = time.perf_counter() - started
        result = json.loads(await asyncio.wait_for(process.stdout.readline(), 120))
        await process.wait()
        result["produce_seconds"] = produced
        return result
    finally:
        await emulator.stop()


async def connect_to_ready(runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        emulator = Emulator()
        await emulator.start()
        try:
            build_world(emulator)
            with tempfile.TemporaryDirectory() as data:
                async with running_bot(bot_environment(emulator, Path(data), LOG_LEVEL="WARNING")) as bot:
                    timings.append(bot.connect_seconds)  # type: ignore[attr-defined]
        finally:
            await emulator.stop()
    return timings


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    raw_rates, bot_rates = [], []
    for _ in range(args.runs):
        raw = await stream("raw", args.events)
        bot = await stream("bot", args.events)
        raw_rates.append(raw["events"] / raw["seconds"])
        bot_rates.append(bot["events"] / bot["seconds"])
    raw_rate, bot_rate = statistics.median(raw_rates), statistics.median(bot_rates)
    print(f"events per run: {args.events}, runs: {args.runs} (medians)")
    print(f"emulator -> raw reader      : {raw_rate:10,.0f} events/s")
    print(f"emulator -> discord.py bot  : {bot_rate:10,.0f} events/s")
    print(f"ratio emulator/bot          : {raw_rate / bot_rate:10.2f}  (>1: the bot, not the emulator, is the limit)")
    print(f"target >= 10,000 events/s to the bot: {'met' if bot_rate >= 10_000 else 'NOT met'}")
    timings = await connect_to_ready(5)
    print(
        f"real bot connect-to-ready   : median {statistics.median(timings) * 1000:.0f} ms, "
        f"max {max(timings) * 1000:.0f} ms over {len(timings)} starts (GUILD_READY_TIMEOUT=0.05)"
    )


if __name__ == "__main__":
    asyncio.run(main())
