"""SIGTERM (what systemd and containers send) stops `python -m bot` cleanly in the middle of a fan-out:
the sends in flight finish and are recorded, the process exits 0, and the next start delivers the
rest, each exactly once. JSON logs from the same kind of run parse line by line and never hold the token."""

from __future__ import annotations

import asyncio
import json
import signal
import sqlite3
from collections import Counter
from pathlib import Path

from discord_emulator import Emulator
from tests.e2e.support.ops import LoggedBotProcess
from tests.harness import World, eventually, is_update_message

SLUG = "odierno-ceasefire"
THREADS = 40  # more than the worker sends at once (16), so a stop leaves rows for the next start
STOP_LIMIT = 60.0  # a hang guard, not a timing assertion: the bot's own limit is well under it


def deliveries(database: Path) -> Counter[str]:
    """Statuses of the newest update's outbox rows."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT status FROM update_deliveries WHERE update_id = (SELECT MAX(id) FROM updates)"
        ).fetchall()
        return Counter(str(r[0]) for r in rows)
    finally:
        connection.close()


def waiting(database: Path) -> int:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT COUNT(*) FROM update_deliveries WHERE status IN ('pending', 'sending')")
        return int(row.fetchone()[0])
    finally:
        connection.close()


def copies(emulator: Emulator, thread, text: str) -> int:  # type: ignore[no-untyped-def]
    return sum(
        1
        for m in emulator.history(thread)
        if is_update_message(m) and any(text in (e.get("description") or "") for e in m.embeds)
    )


async def test_sigterm_during_a_fan_out_exits_0_and_the_next_start_delivers_the_rest_once(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path
):
    database = Path(bot_env["DATABASE_PATH"])
    bot = LoggedBotProcess(emulator, bot_env | {"LOG_LEVEL": "INFO"}, tmp_path, log_path=tmp_path / "bot.log")
    await bot.start(world.admin, world.general)
    try:
        for _ in range(THREADS):
            handle = emulator.run_command(
                world.admin, world.general, "article post", article=SLUG, channel=world.forum, force=True
            )
            assert "Posted" in (await handle.wait_message(timeout=15)).content
        threads = emulator.threads_of(world.forum)
        assert len(threads) == THREADS
        await eventually(lambda: waiting(database) == 0, timeout=30)  # the seed's own updates, delivered
        emulator.response_delay = 0.3  # each REST call takes a while: sends are in flight when the signal lands

        push = emulator.run_command(world.admin, world.general, "update push", article=SLUG, text="Signal test.")
        assert "stored" in (await push.wait_message(timeout=15)).content
        await eventually(lambda: deliveries(database)["sending"] > 0, timeout=20, interval=0.005)
        assert bot.process is not None
        bot.process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(bot.process.wait(), STOP_LIMIT)
        assert code == 0, bot.log_tail()

        # The outbox is consistent: nothing left mid-send, and every message in a thread is recorded.
        at_stop = deliveries(database)
        in_threads = sum(copies(emulator, t, "Signal test.") for t in threads)
        assert at_stop["sending"] == 0, at_stop
        assert in_threads == at_stop["sent"], (in_threads, at_stop)
        assert 0 < at_stop["sent"] < THREADS, at_stop  # the stop really came in the middle
        assert "Traceback" not in bot.log_path.read_text("utf-8"), bot.log_tail()

        emulator.response_delay = 0.0
        await bot.start(world.admin, world.general)
        await eventually(lambda: deliveries(database)["sent"] == THREADS, timeout=60)
        assert all(copies(emulator, t, "Signal test.") == 1 for t in threads)
    finally:
        await bot.stop()


async def test_json_logs_parse_carry_ids_and_never_hold_the_token(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path
):
    log_path = tmp_path / "bot.log"
    env = bot_env | {"LOG_FORMAT": "json", "LOG_LEVEL": "DEBUG", "FEED_ALLOW_PRIVATE": "true"}
    bot = LoggedBotProcess(emulator, env, tmp_path, log_path=log_path)
    await bot.start(world.admin, world.general)
    try:
        setup = emulator.run_command(
            world.admin, world.general, "config set", setting="mod_log_channel", value="mod-log"
        )
        await setup.wait_message()
        post = emulator.run_command(world.admin, world.general, "article post", article=SLUG, channel=world.forum)
        assert "Posted" in (await post.wait_message(timeout=15)).content
        thread = emulator.threads_of(world.forum)[-1]
        bad = emulator.send_message(world.member, thread, "what bullshit")
        await eventually(lambda: bad.deleted)
        # A feed address that holds the token: its failure is logged, and the token must not be.
        feed = emulator.run_command(
            world.admin,
            world.general,
            "feed add",
            url=f"http://127.0.0.1:9/feed?key={emulator.token}",
            channel=world.forum,
        )
        await feed.wait_message(timeout=15)
        await eventually(lambda: "Update 2 delivered" in log_path.read_text("utf-8"), timeout=15)
    finally:
        await bot.stop()

    text = log_path.read_text("utf-8")
    assert emulator.token not in text
    records = [json.loads(line) for line in text.splitlines() if line.strip()]  # every line is one JSON object
    assert all({"time", "level", "logger", "message"} <= record.keys() for record in records)
    case = next(r for r in records if r["message"].startswith("Case 1: delete by the filter"))
    assert case["guild_id"] == world.guild.id and case["channel_id"] == thread.id and case["case_number"] == 1
    delivered = next(r for r in records if r["message"].startswith("Update 2 delivered"))
    assert delivered["update_id"] == 2 and delivered["channel_id"] == thread.id
    failed = next(r for r in records if "failed 1 time(s) in a row" in r["message"])
    assert "[redacted]" in failed["message"] and failed["guild_id"] == world.guild.id
