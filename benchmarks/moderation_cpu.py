"""CPU time per message: the whole bot, moderating every message, against a bare discord.py bot
(benchmarks/_bare_bot.py: a plain discord.Client with the same intents and a no-op on_message).

Both run in their own process against the emulator and receive the same 20,000 messages (the
moderation corpus) in an article's discussion thread, at a steady rate (2,000 a second by default:
a very busy server, and one both keep up with). The figure is each process's CPU time (user +
system, from /proc) spent from the first message until it falls idle, per message, so the
emulator's own speed does not enter it. The two bots take turns, several rounds; the median of
each is compared. Target (issue 5): at most 1.25x the bare bot.

`--rate 0` sends as fast as the emulator can instead: a flood neither keeps up with, where the
slower one also pays for its backlog (more live tasks, costlier garbage collection).

Usage: python benchmarks/moderation_cpu.py [--messages N] [--rate PER_SECOND] [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from discord_emulator import Emulator, RateLimitConfig  # noqa: E402
from tests.harness import bot_environment, build_world  # noqa: E402
from tests.moderation_corpus import clean_messages  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")
# The bot on one core, the emulator on another, the same for both bots: neither process evicts the
# other's caches or waits for the other's time slice, which steadies the figures.
CORES = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
PINNED = len(CORES) >= 2


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


async def until_idle(pid: int, quiet: float = 0.6) -> float:
    last, since = cpu_seconds(pid), time.monotonic()
    while time.monotonic() - since < quiet:
        await asyncio.sleep(0.1)
        now = cpu_seconds(pid)
        if now - last > 0.02:
            last, since = now, time.monotonic()
    return last


async def measure(kind: str, messages: list[str], rate: int) -> float:
    emulator = Emulator(validate_schema=False, rate_limits=RateLimitConfig(enabled=False))
    await emulator.start()
    try:
        world = build_world(emulator)
        with tempfile.TemporaryDirectory() as data:
            env = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")}
            env |= bot_environment(emulator, Path(data), LOG_LEVEL="WARNING") | {"PYTHONPATH": str(REPO)}
            command = (
                [sys.executable, "-m", "bot"]
                if kind == "bot"
                else [sys.executable, str(Path(__file__).with_name("_bare_bot.py"))]
            )
            process = await asyncio.create_subprocess_exec(*command, cwd=data, env=env)
            if PINNED:
                os.sched_setaffinity(process.pid, {CORES[1]})
            try:
                await asyncio.wait_for(emulator.gateway.connected.wait(), 60)
                await asyncio.sleep(1.0)
                if kind == "bot":
                    handle = emulator.run_command(
                        world.admin, world.general, "article post", article="odierno-ceasefire", channel=world.forum
                    )
                    await handle.wait_message(timeout=30)
                    thread = emulator.threads_of(world.forum)[-1]
                else:  # the same kind of thread, made by hand
                    from discord_emulator.model import PUBLIC_THREAD, Channel

                    thread = Channel(
                        emulator.ids.next(),
                        PUBLIC_THREAD,
                        world.guild.id,
                        "thread",
                        parent_id=world.forum.id,
                        owner_id=world.admin.user.id,
                    )
                    world.guild.channels[thread.id] = thread
                    emulator.channels[thread.id] = thread
                    emulator.channel_messages[thread.id] = []
                    emulator.dispatch(
                        "THREAD_CREATE", thread.payload() | {"newly_created": True}, guild_id=world.guild.id
                    )
                # a busy discussion, not a flood: each member writes a handful of messages
                members = [emulator.add_member(world.guild, f"m{i}") for i in range(max(1, len(messages) // 5))]
                before = await until_idle(process.pid)
                # Ticks of 10 ms; each sends what the rate allows since the start (no drift).
                started, sent, total = time.monotonic(), 0, len(messages)
                while sent < total:
                    due = total if rate <= 0 else min(total, int((time.monotonic() - started) * rate) + 1)
                    for index in range(sent, due):
                        emulator.send_message(members[index % len(members)], thread, messages[index])
                        if rate <= 0 and index % 200 == 199:
                            await asyncio.sleep(0)
                    sent = due
                    if rate > 0:
                        await asyncio.sleep(0.01)
                after = await until_idle(process.pid)
                if kind == "bot":
                    import sqlite3

                    cases = (
                        sqlite3.connect(Path(data) / "bot.sqlite3")
                        .execute("SELECT COUNT(*) FROM mod_cases")
                        .fetchone()[0]
                    )
                    print(f"cases opened during the run    : {cases} (the corpus is clean discussion)")
                return (after - before) / len(messages)
            finally:
                if process.returncode is None:
                    process.terminate()
                await process.wait()
    finally:
        await emulator.stop()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--rate", type=int, default=2_000, help="messages per second; 0: as fast as possible")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if PINNED:
        os.sched_setaffinity(0, {CORES[0]})
    messages = clean_messages(args.messages, seed=3)
    bare: list[float] = []
    ours: list[float] = []
    for _ in range(args.rounds):  # taking turns, so a noisy minute hits both
        bare.append(await measure("bare", messages, args.rate))
        ours.append(await measure("bot", messages, args.rate))
    pace = "as fast as possible" if args.rate <= 0 else f"{args.rate:,} a second"
    print(f"messages                       : {len(messages):,} into one discussion thread, {pace}")
    print(f"rounds                         : {args.rounds} (each figure: the median)")
    print(f"cores                          : {'bot on one, emulator on another' if PINNED else 'shared'}")
    print(f"bare discord.py bot            : {statistics.median(bare) * 1e6:8.1f} µs CPU per message  {_rounds(bare)}")
    print(f"the bot, moderating everything : {statistics.median(ours) * 1e6:8.1f} µs CPU per message  {_rounds(ours)}")
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"ratio                          : {ratio:8.2f}x   target <= 1.25x: {'met' if ratio <= 1.25 else 'NOT met'}")


def _rounds(values: list[float]) -> str:
    return "(" + ", ".join(f"{v * 1e6:.1f}" for v in values) + ")"


if __name__ == "__main__":
    asyncio.run(main())
