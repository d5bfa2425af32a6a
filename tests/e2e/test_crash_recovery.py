"""The bot process killed with SIGKILL at random points during a fan-out, 20 times: after each
restart, every thread holds every update exactly once (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from bot.storage import Database
from discord_emulator import Emulator
from tests.e2e.support.ops import LoggedBotProcess
from tests.harness import World, eventually, is_update_message

SLUG = "odierno-ceasefire"
THREADS = 20
KILLS = 8  # kills per run, each at a random point of a fan-out (seeded)


def update_counts(emulator: Emulator, thread) -> Counter[str]:  # type: ignore[no-untyped-def]
    counts: Counter[str] = Counter()
    for message in emulator.history(thread):
        if is_update_message(message):
            counts[message.embeds[0]["footer"]["text"].split(" · ")[0]] += 1
    return counts


# Restarts of a Python process take seconds each on a busy machine: a longer limit than the suite's.
# PostgreSQL runs half as many rounds (the same code path; the suite stays within its time).
@pytest.mark.timeout(360)
@pytest.mark.parametrize(("engine", "kills"), [("sqlite", KILLS), ("postgresql", KILLS // 2)])
async def test_sigkill_during_fan_out_loses_and_doubles_nothing(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path, database_url: str, kills: int
):
    emulator.response_delay = 0.02  # each REST call takes a little time, as over a network
    bot = LoggedBotProcess(emulator, bot_env | {"LOG_LEVEL": "INFO"}, tmp_path, log_path=tmp_path / "bot.log")
    await bot.start(world.admin, world.general)
    database = await Database.open(database_url)  # a reader beside the bot's process
    try:
        for _ in range(THREADS):
            handle = emulator.run_command(
                world.admin, world.general, "article post", article=SLUG, channel=world.forum, force=True
            )
            assert "Posted" in (await handle.wait_message(timeout=15)).content
        threads = emulator.threads_of(world.forum)
        assert len(threads) == THREADS
        rng = random.Random(20261123)
        expected = 2  # the seed's own updates
        at_kill: list[int] = []  # how many threads had the newest update when the process died
        for round_number in range(kills):
            handle = emulator.run_command(
                world.admin,
                world.general,
                "update push",
                article=SLUG,
                text=f"Round {round_number}: news from the front.",
            )
            assert "stored" in (await handle.wait_message(timeout=15)).content
            expected += 1
            # a random point in the fan-out: once `target` threads have it (0: before any), whatever the load
            target = rng.randint(0, THREADS - 1)
            await eventually(lambda t=target: _at_least(sent_of_latest_update(database), t), timeout=10, interval=0.002)
            bot.kill()
            await bot.wait()
            at_kill.append(await sent_of_latest_update(database))
            await bot.start(world.admin, world.general)
            try:
                await eventually(
                    lambda n=expected: all(sum(update_counts(emulator, t).values()) >= n for t in threads), timeout=30
                )
            except AssertionError:
                raise AssertionError(f"round {round_number}: not delivered everywhere\n{bot.log_tail()}") from None
            for thread in threads:
                counts = update_counts(emulator, thread)
                assert len(counts) == expected and set(counts.values()) == {1}, (round_number, thread.id, counts)
        # the kills really landed during fan-outs, not only before or after them
        print("threads holding the newest update at each kill:", at_kill)
        assert sum(1 for sent in at_kill if 0 < sent < THREADS) >= kills // 2, at_kill
    finally:
        await bot.stop()
        await database.close()


async def _at_least(count, target: int) -> bool:  # type: ignore[no-untyped-def]
    return await count >= target


async def sent_of_latest_update(database: Database) -> int:
    return int(
        await database.fetch_value(
            "SELECT COUNT(*) FROM update_deliveries WHERE status = 'sent' AND update_id = (SELECT MAX(id) FROM updates)"
        )
    )
