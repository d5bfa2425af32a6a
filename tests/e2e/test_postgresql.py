"""The real bot (`python -m bot`) on PostgreSQL: it starts and says where, without the password;
an unreachable or refused database stops it with one line."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from bot.backups import existing_backups
from discord_emulator import Emulator
from tests.harness import REPO, World, eventually, running_bot
from tests.postgres import PostgresCluster


async def _python_m_bot(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_"))} | env
    full["PYTHONPATH"] = str(REPO)
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=cwd, env=full, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )


async def test_runs_on_postgresql_and_never_logs_the_password(
    emulator: Emulator, world: World, postgres_cluster: PostgresCluster, tmp_path: Path
):
    name = await postgres_cluster.create_database(migrated=False)  # the bot migrates it at start-up
    try:
        env = emulator.client_settings() | {"DATABASE_URL": postgres_cluster.dsn(name), "GUILD_READY_TIMEOUT": "0.05"}
        log_path = tmp_path / "bot.log"
        with log_path.open("wb") as log:  # a file, so a stop that hangs still leaves its log to read
            full = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_"))} | env
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=tmp_path, env=full | {"PYTHONPATH": str(REPO)}, stdout=log, stderr=log
            )
        try:
            deadline = time.monotonic() + 30
            while not emulator.global_commands or not emulator.gateway.connections:
                assert process.returncode is None, "the bot process exited during start-up"
                assert time.monotonic() < deadline, "the bot process never connected"
                await asyncio.sleep(0.05)
            handle = emulator.run_command(world.member, world.general, "about")
            fields = {f["name"]: f["value"] for f in (await handle.wait_message(timeout=10)).embeds[0]["fields"]}
            assert fields["Database"].endswith("MiB")  # PostgreSQL's own size for the database
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), 30)  # a hang guard: a clean stop takes well under a second
            except TimeoutError:
                process.kill()
                await process.wait()
                raise AssertionError("the bot did not stop after SIGTERM:\n" + log_path.read_text()[-8000:]) from None
        output = log_path.read_text()
        assert process.returncode == 0, output
        assert f"Starting (database postgresql://bot:***@127.0.0.1:{postgres_cluster.port}/{name}" in output
        assert postgres_cluster.password not in output
    finally:
        await postgres_cluster.drop_database(name)


async def test_an_unreachable_or_refused_postgresql_stops_the_bot_with_one_line(
    emulator: Emulator, world: World, postgres_cluster: PostgresCluster, tmp_path: Path
):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    cases = [
        (f"postgresql://bot:hunter2@127.0.0.1:{closed}/bot", "connection refused"),
        (postgres_cluster.dsn("postgres", password="hunter2"), 'password authentication failed for user "bot"'),
    ]
    for url, says in cases:
        env = emulator.client_settings() | {"DATABASE_URL": url, "LOG_LEVEL": "ERROR"}
        process = await _python_m_bot(env, tmp_path)
        out, err = await asyncio.wait_for(process.communicate(), 30)
        stderr = err.decode()
        assert process.returncode == 1, stderr
        assert stderr.count("\n") == 1 and stderr.startswith("error: ") and says in stderr, stderr
        assert "hunter2" not in stderr + out.decode() and "Traceback" not in stderr


async def test_scheduled_backups_on_postgresql_are_pg_dumps_that_rotate(
    emulator: Emulator, world: World, bot_env: dict[str, str], postgres_cluster: PostgresCluster, tmp_path: Path
):
    name = await postgres_cluster.create_database()
    directory = tmp_path / "backups"
    basis = Path(f"{name}.dump")
    seen: set[str] = set()

    def three_made_two_kept() -> bool:
        backups = existing_backups(basis, directory)
        seen.update(p.name for p in backups)
        return len(seen) >= 3 and len(backups) == 2

    env = {k: v for k, v in bot_env.items() if k != "DATABASE_PATH"} | {
        "DATABASE_URL": postgres_cluster.dsn(name),
        "BACKUP_EVERY_HOURS": "0.0003",  # about a second apart
        "BACKUP_KEEP": "2",
        "BACKUP_DIR": str(directory),
    }
    try:
        async with running_bot(env):
            await eventually(three_made_two_kept, timeout=30)
    finally:
        await postgres_cluster.drop_database(name)
    newest = existing_backups(basis, directory)[-1]
    assert "TABLE public update_deliveries" in _dump_listing(postgres_cluster, newest)
    assert not [p for p in directory.iterdir() if p not in existing_backups(basis, directory)]


def _dump_listing(cluster: PostgresCluster, dump: Path) -> str:
    return subprocess.run(
        [str(cluster.bindir / "pg_restore"), "--list", str(dump)], capture_output=True, text=True, check=True
    ).stdout
