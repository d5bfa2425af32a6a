"""What the shard benchmarks share: a throw-away PostgreSQL, shard processes started as an operator
starts them (`python -m bot`, one log file each), their resident memory, and timing one seeds-folder
update's fan-out against the least time Discord's global REST limit allows.

The floor: every update is one message in every thread (a new message, never an edit), all of them
through the token's one global limit of 50 requests per second (the per-channel limit, 5 messages
per 5 s, is not reached at a few updates a thread). N messages need at least ceil(N / 50) - 1 s: the
first 50 go at once, as in benchmarks/update_fanout.py.
"""

from __future__ import annotations

import asyncio
import math
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bot.storage import Database  # noqa: E402
from discord_emulator import Channel, Emulator  # noqa: E402
from tests.harness import bot_environment, is_update_message  # noqa: E402
from tests.postgres import PostgresCluster  # noqa: E402

GLOBAL_PER_SECOND = 50  # Discord's global REST limit per bot token
SLUG = "fan-out-test"
ARTICLE = "Fan-out test\n\nA paragraph.\n\nExit question: Does it arrive?\n"


def start_database() -> tuple[PostgresCluster, str]:
    """A throw-away cluster with durable commits (fsync on, as in production) and one empty database
    the bot's role owns; the first bot process migrates it."""
    cluster = PostgresCluster(durable=True).start()
    cluster.admin_sql("CREATE DATABASE bench OWNER bot")
    return cluster, cluster.dsn("bench")


def floor_seconds(messages: int) -> float:
    """The least time Discord's global limit allows for `messages` requests (the first 50 at once)."""
    return max(0.0, math.ceil(messages / GLOBAL_PER_SECOND) - 1)


def rss_mib(pid: int) -> float:
    """Resident memory of a process, from /proc/<pid>/status (VmRSS, in kB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


@dataclass
class ShardProcess:
    """`python -m bot` for one group of shards, its output in a log file."""

    shard_ids: str
    env: dict[str, str]
    folder: Path
    process: asyncio.subprocess.Process | None = None
    ready_at: float | None = None

    @property
    def log(self) -> Path:
        return self.folder / "bot.log"

    async def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=self.folder, env=self.env, stdout=log, stderr=log
            )

    def log_text(self) -> str:
        return self.log.read_text("utf-8", errors="replace") if self.log.exists() else ""

    def is_ready(self) -> bool:
        """discord.py's on_ready, which an AutoShardedBot fires once every shard it runs is ready."""
        return "Ready as " in self.log_text()

    def check_alive(self) -> None:
        if self.process is not None and self.process.returncode is not None:
            tail = "\n".join(self.log_text().splitlines()[-30:])
            raise RuntimeError(f"the process of shards {self.shard_ids} exited ({self.process.returncode}):\n{tail}")

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), 60)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


def shard_processes(
    emulator: Emulator,
    data: Path,
    url: str,
    groups: list[str],
    shard_count: int,
    seeds: Path,
    **extra: str,
) -> list[ShardProcess]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_"))}
    processes = []
    for group in groups:
        env = base | bot_environment(
            emulator,
            data,
            database_url=url,
            SHARD_COUNT=str(shard_count),
            SHARD_IDS=group,
            SEEDS_DIR=str(seeds),
            SEED_POLL_SECONDS="1",
            LOG_LEVEL="INFO",
            **extra,
        )
        env["PYTHONPATH"] = str(REPO)
        processes.append(ShardProcess(group, env, data / f"shards-{group.replace(',', '-')}"))
    return processes


async def wait_until_ready(processes: list[ShardProcess], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        for process in processes:
            process.check_alive()
            if process.ready_at is None and process.is_ready():
                process.ready_at = time.monotonic()
        if all(p.ready_at is not None for p in processes):
            return
        if time.monotonic() > deadline:
            late = [p.shard_ids for p in processes if p.ready_at is None]
            raise RuntimeError(f"shards {late} not ready within {timeout:.0f} s")
        await asyncio.sleep(0.05)


def append_text(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def record_refusals(emulator: Emulator) -> list[str]:
    """The scope ('global' or 'user', i.e. per route) of every 429 the emulator answers from here on."""
    refused: list[str] = []
    limiter = emulator.rate_limiter
    check = limiter.check

    def recording(method: str, route: str, major: str, **kwargs: Any) -> Any:
        decision = check(method, route, major, **kwargs)
        if not decision.allowed:
            refused.append(decision.scope)
        return decision

    limiter.check = recording  # type: ignore[method-assign]
    return refused


def update_titles(emulator: Emulator, thread: Channel) -> Counter[str]:
    """How many messages of each update (by its embed title) the thread holds."""
    return Counter(m.embeds[0].get("title", "") for m in emulator.history(thread) if is_update_message(m))


@dataclass
class FanOut:
    messages: int  # update messages needed: threads × updates
    stored_after: float  # seconds from the seed file written to every update stored
    elapsed: float  # seconds from every update stored to every thread holding every update
    requests: Counter[str]  # REST requests the bots made meanwhile (429s included), by route
    refused: Counter[str] = field(default_factory=Counter)  # 429s by scope
    duplicated: int = 0  # (thread, update) pairs with more than one message
    missing: int = 0  # (thread, update) pairs with none

    @property
    def floor(self) -> float:
        return floor_seconds(self.messages)

    def lines(self) -> list[str]:
        ratio = f"{self.elapsed / self.floor:.2f}x" if self.floor else "n/a (under 50 messages)"
        sent = sum(self.requests.values())
        return [
            f"update messages needed:   {self.messages}",
            f"seed file -> stored:      {self.stored_after:.2f} s (the seeds-folder scan, not counted below)",
            f"stored -> in every thread: {self.elapsed:.2f} s",
            f"rate-limit floor:         {self.floor:.2f} s (ceil({self.messages} / {GLOBAL_PER_SECOND}) - 1)",
            f"ratio to the floor:       {ratio}",
            f"  floor for every request sent meanwhile: {floor_seconds(sent):.2f} s ({sent} requests: the starter "
            f"posts' live-blog edits share the budget), ratio {self.elapsed / max(1.0, floor_seconds(sent)):.2f}x",
            f"REST requests meanwhile:  {sum(self.requests.values())} {dict(self.requests)}",
            f"429s meanwhile:           {dict(self.refused) or 'none'} (global: Discord's limit for the token)",
            f"exactly once:             {'yes' if not self.duplicated and not self.missing else 'NO'} "
            f"({self.duplicated} duplicated, {self.missing} missing)",
        ]


async def fan_out(
    emulator: Emulator,
    db: Database,
    seed: Path,
    threads: list[Channel],
    updates: int,
    refusals: list[str],
    timeout: float = 600,
) -> FanOut:
    """Append `updates` new `Update:` paragraphs to the seed file at once; time them into every thread."""
    before = int(await db.fetch_value("SELECT COUNT(*) FROM updates WHERE article_slug = ?", (SLUG,)))
    titles = [f"Update {before + i + 1}" for i in range(updates)]
    baseline = {t.id: update_titles(emulator, t) for t in threads}
    requests_before = len(emulator.requests)
    refused_before = len(refusals)
    written = time.perf_counter()
    added = "".join(f"\n{title}: Measured update number {title.split()[-1]}.\n" for title in titles)
    await asyncio.to_thread(append_text, seed, added)
    while int(await db.fetch_value("SELECT COUNT(*) FROM updates WHERE article_slug = ?", (SLUG,))) < before + updates:
        if time.perf_counter() - written > 60:
            raise RuntimeError("the updates were not stored within 60 s of the seed file changing")
        await asyncio.sleep(0.005)
    stored = time.perf_counter()
    pending = {(t.id, title): t for t in threads for title in titles}
    while pending:
        for key, thread in list(pending.items()):
            if update_titles(emulator, thread)[key[1]]:
                del pending[key]
        if time.perf_counter() - stored > timeout:
            raise RuntimeError(f"{len(pending)} (thread, update) pairs still missing after {timeout:.0f} s")
        # Not tighter: the emulator shares this event loop, and a loop busy reading threads would
        # hold requests back and then take them in a burst (stamped in one rate-limit window).
        await asyncio.sleep(0.05)
    elapsed = time.perf_counter() - stored
    await asyncio.sleep(2.0)  # a late duplicate would show here
    duplicated = missing = 0
    for thread in threads:
        counts = update_titles(emulator, thread) - baseline[thread.id]
        duplicated += sum(counts[t] > 1 for t in titles)
        missing += sum(counts[t] == 0 for t in titles)
    refused = Counter(refusals[refused_before:])
    return FanOut(
        len(threads) * updates,
        stored - written,
        elapsed,
        Counter(f"{r.method} {r.route}" for r in emulator.requests[requests_before:]),
        refused,
        duplicated,
        missing,
    )
