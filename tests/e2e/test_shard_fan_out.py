"""Three bot processes of two shards each over six servers, on one PostgreSQL, as `python -m bot`
runs: an update reaches every thread in every server exactly once, also when a process is killed
with SIGKILL in the middle of its fan-out and started again; the seeds folder is watched by exactly
one process and taken over by another when that one dies; and the emulator, which keeps one global
REST limit for every connection of the token, never answers a global 429."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bot.sharding import shard_of
from bot.storage import Database
from bot.storage.database import sql_time
from discord_emulator import Channel, Emulator
from tests.e2e.support.ops import LoggedBotProcess
from tests.harness import SEEDS, World, bot_environment, build_world, eventually, is_update_message

SLUG = "odierno-ceasefire"
SHARDS = 6
GROUPS = ("0,1", "2,3", "4,5")
POSTS_PER_SERVER = 2
LEASE_SECONDS = 3
MARKER = "Trending on Hotair Video"


def update_counts(emulator: Emulator, thread: Channel) -> Counter[str]:
    counts: Counter[str] = Counter()
    for message in emulator.history(thread):
        if is_update_message(message):
            counts[message.embeds[0]["footer"]["text"].split(" · ")[0]] += 1
    return counts


def has_update(emulator: Emulator, thread: Channel, title: str) -> bool:
    return any(is_update_message(m) and m.embeds[0].get("title") == title for m in emulator.history(thread))


def add_seed_update(seed: Path, title: str, text: str) -> None:
    seed.write_text(seed.read_text("utf-8").replace(MARKER, f"{title}: {text}\n\n{MARKER}"), "utf-8")


def record_429_scopes(emulator: Emulator) -> list[tuple[str, str, str]]:
    """Every 429 the emulator answers, with its scope ('global' or 'user'), from here on."""
    refused: list[tuple[str, str, str]] = []
    limiter = emulator.rate_limiter
    check = limiter.check

    def recording(method: str, route: str, major: str, **kwargs: Any) -> Any:
        decision = check(method, route, major, **kwargs)
        if not decision.allowed:
            refused.append((decision.scope, method, route))
        return decision

    limiter.check = recording  # type: ignore[method-assign]
    return refused


def log_lines(paths: list[Path], text: str) -> list[int]:
    """How many lines of each process's log contain `text`."""
    return [sum(text in line for line in p.read_text("utf-8", errors="replace").splitlines()) for p in paths]


@pytest.mark.timeout(240)
@pytest.mark.parametrize("engine", ["postgresql"])
async def test_three_shard_processes_deliver_exactly_once_through_a_kill_and_a_lease_takeover(
    emulator: Emulator, tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    refused = record_429_scopes(emulator)
    worlds = [build_world(emulator) for _ in range(SHARDS)]
    assert sorted(shard_of(w.guild.id, SHARDS) for w in worlds) == list(range(SHARDS))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    seed = seeds / f"{SLUG}.txt"
    shutil.copy(SEEDS / f"{SLUG}.txt", seed)

    def worlds_of(group: str) -> list[World]:
        ids = {int(i) for i in group.split(",")}
        return [w for w in worlds if shard_of(w.guild.id, SHARDS) in ids]

    processes: list[LoggedBotProcess] = []
    logs: list[Path] = []
    for index, group in enumerate(GROUPS):
        env = bot_environment(
            emulator,
            tmp_path,
            database_url=database_url,
            SHARD_COUNT=str(SHARDS),
            SHARD_IDS=group,
            SEEDS_DIR=str(seeds),
            SEED_POLL_SECONDS="1",
            LEASE_SECONDS=str(LEASE_SECONDS),
            IDENTIFY_INTERVAL_SECONDS="0.05",
            # 8 requests a second each: far inside Discord's 50 together, and slow enough that a
            # process's fan-out to its threads takes a moment (the kill lands in the middle).
            REST_GLOBAL_SHARE="8",
            LOG_LEVEL="INFO",
        )
        folder = tmp_path / f"process-{index}"
        folder.mkdir()
        logs.append(folder / "bot.log")
        processes.append(LoggedBotProcess(emulator, env, folder, log_path=logs[-1]))
    database = await Database.open(database_url)  # a reader beside the processes
    try:
        # All three at once, as a supervisor starts them (one migrates the database, the others wait).
        await asyncio.gather(
            *(
                process.start(worlds_of(group)[0].admin, worlds_of(group)[0].general, timeout=60)
                for process, group in zip(processes, GROUPS, strict=True)
            )
        )

        # The article in every server, twice: 12 threads, 4 for each process.
        threads_of: dict[str, list[Channel]] = {group: [] for group in GROUPS}
        for group in GROUPS:
            for world in worlds_of(group):
                for _ in range(POSTS_PER_SERVER):
                    handle = emulator.run_command(
                        world.admin, world.general, "article post", article=SLUG, channel=world.forum, force=True
                    )
                    assert "Posted" in (await handle.wait_message(timeout=20)).content
                threads_of[group] += emulator.threads_of(world.forum)
        threads = [t for group in GROUPS for t in threads_of[group]]
        assert len(threads) == SHARDS * POSTS_PER_SERVER
        # The seed's own two updates reach every new thread.
        await eventually(lambda: all(sum(update_counts(emulator, t).values()) == 2 for t in threads), timeout=30)

        async def seeds_holder() -> int | None:
            holder = await database.fetch_value(
                "SELECT holder FROM leases WHERE name = 'seeds' AND expires_at > ?",
                (sql_time(dt.datetime.now(dt.UTC)),),
            )
            if holder is None:
                return None
            return next(i for i, g in enumerate(GROUPS) if holder.startswith("shards-" + g.replace(",", "-")))

        holder = (await eventually(lambda: _some_holder(seeds_holder), timeout=10))[0]
        assert log_lines(logs, "Took the lease on seeds") == [int(i == holder) for i in range(3)]

        # 1. An update from the seeds folder; a process that does not watch the folder is killed while
        #    it sends it to its threads, then started again.
        victim = (holder + 1) % 3
        mine = threads_of[GROUPS[victim]]
        add_seed_update(seed, "Update III", "Sadr says he is open to talks.")
        await eventually(lambda: any(has_update(emulator, t, "Update III") for t in mine), timeout=20, interval=0.005)
        processes[victim].kill()
        await processes[victim].wait()
        at_kill = sum(has_update(emulator, t, "Update III") for t in mine)
        others = [t for t in threads if t not in mine]
        await eventually(lambda: all(has_update(emulator, t, "Update III") for t in others), timeout=20)
        first = worlds_of(GROUPS[victim])[0]
        await processes[victim].start(first.admin, first.general, timeout=60)
        await eventually(lambda: all(sum(update_counts(emulator, t).values()) == 3 for t in threads), timeout=30)
        for thread in threads:
            counts = update_counts(emulator, thread)
            assert len(counts) == 3 and set(counts.values()) == {1}, (thread.id, counts)
        print(f"threads of the killed process holding the update when it died: {at_kill} of {len(mine)}")
        assert 0 < at_kill < len(mine), "the kill did not land in the middle of the process's fan-out"

        # 2. The process watching the seeds folder dies: another takes the folder over once the lease
        #    lapses and stores the next update, which the live processes deliver at once and the dead
        #    one's threads get when it is back.
        assert await seeds_holder() == holder
        processes[holder].kill()
        await processes[holder].wait()
        killed_at = time.monotonic()
        add_seed_update(seed, "Update IV", "Talks begin.")
        new_holder = (
            await eventually(lambda: _other_holder(seeds_holder, holder), timeout=LEASE_SECONDS + 20, interval=0.05)
        )[0]
        print(f"the seeds folder was taken over after {time.monotonic() - killed_at:.1f} s (lease {LEASE_SECONDS} s)")
        live = [t for g in GROUPS if g != GROUPS[holder] for t in threads_of[g]]
        await eventually(lambda: all(has_update(emulator, t, "Update IV") for t in live), timeout=20)
        first = worlds_of(GROUPS[holder])[0]
        await processes[holder].start(first.admin, first.general, timeout=60)
        await eventually(lambda: all(sum(update_counts(emulator, t).values()) == 4 for t in threads), timeout=30)
        for thread in threads:
            counts = update_counts(emulator, thread)
            assert len(counts) == 4 and set(counts.values()) == {1}, (thread.id, counts)
        # Each update was read from the folder by exactly one process: III by the first holder, IV by
        # the one that took over.
        assert log_lines(logs, f"New update 3 of {SLUG}") == [int(i == holder) for i in range(3)]
        assert log_lines(logs, f"New update 4 of {SLUG}") == [int(i == new_holder) for i in range(3)]

        # 3. A new article in the seeds folder: queued once by the process watching it, auto-posted by
        #    each process in its own servers, once in each.
        for world in worlds:
            handle = emulator.run_command(
                world.admin, world.general, "config set", setting="auto_post_channel", value=f"<#{world.forum.id}>"
            )
            assert "is now" in (await handle.wait_message(timeout=20)).content
        (seeds / "fresh-news.txt").write_text("Fresh news\n\nSomething happened.\n\nExit question: Now what?\n")

        def fresh_threads() -> list[list[Channel]]:
            return [[t for t in emulator.threads_of(w.forum) if t.name == "Fresh news"] for w in worlds]

        await eventually(lambda: all(fresh_threads()), timeout=30)
        # each process posted it in its own two servers, and nowhere else
        await eventually(lambda: log_lines(logs, "Auto-posted fresh-news") == [2, 2, 2], timeout=10)
        assert [len(found) for found in fresh_threads()] == [1] * SHARDS
        queued = await database.fetch_value("SELECT COUNT(*) FROM auto_posts WHERE article_slug = 'fresh-news'")
        assert queued == 1 and log_lines(logs, "Auto-posted fresh-news") == [2, 2, 2]

        # Discord's global limit was never met: the only 429s are per-channel ones, which discord.py
        # waits out and retries (every update arrived exactly once above).
        assert [r for r in refused if r[0] == "global"] == []
        print("429s answered (all per route):", Counter(refused))
    finally:
        for process in processes:
            await process.stop()
        await database.close()


async def _some_holder(seeds_holder: Any) -> tuple[int] | None:
    holder = await seeds_holder()
    return None if holder is None else (holder,)


async def _other_holder(seeds_holder: Any, dead: int) -> tuple[int] | None:
    holder = await seeds_holder()
    return (holder,) if holder is not None and holder != dead else None
