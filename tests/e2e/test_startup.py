"""The real bot against the emulator: start-up, command sync, /about, errors, gateway resume."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from pathlib import Path

import pytest

import bot.client as client_module
from bot.client import DiscussionBot
from discord_emulator import Emulator
from tests.harness import REPO, World, running_bot


async def test_connects_syncs_commands_and_answers_about(emulator: Emulator, world: World, bot: DiscussionBot):
    assert emulator.gateway.identify_count == 1
    names = {c["name"]: c for c in emulator.global_commands.values()}
    assert {"about", "config"} <= set(names)
    assert all(c["description"] for c in names.values() if c["type"] == 1)  # menus have no description
    assert names["Report message"]["type"] == 3
    handle = emulator.run_command(world.member, world.general, "about")
    message = await handle.wait_message()
    assert handle.ephemeral
    fields = {f["name"]: f["value"] for f in message.embeds[0]["fields"]}
    assert set(fields) >= {"Version", "Uptime", "Gateway latency", "Database", "Servers"}
    assert fields["Servers"] == "1"
    assert fields["Database"].endswith("KiB")
    assert message.allowed_mentions == {"parse": []}


async def test_unchanged_commands_are_not_synced_again_on_restart(
    emulator: Emulator, world: World, bot_env: dict[str, str]
):
    async with running_bot(bot_env):
        pass
    assert len(emulator.requests_to("PUT", "/applications/{application_id}/commands")) == 1
    async with running_bot(bot_env):
        pass
    assert len(emulator.requests_to("PUT", "/applications/{application_id}/commands")) == 1
    assert emulator.gateway.identify_count == 2


async def test_dev_guild_id_syncs_to_that_server_only(emulator: Emulator, world: World, bot_env: dict[str, str]):
    async with running_bot(bot_env | {"DEV_GUILD_ID": str(world.guild.id)}):
        handle = emulator.run_command(world.member, world.general, "about")
        await handle.wait_message()
    assert emulator.global_commands == {}
    assert {c["name"] for c in emulator.guild_commands[world.guild.id].values()} >= {"about", "config"}


async def test_over_long_message_is_reported_not_crashed(
    emulator: Emulator, world: World, bot: DiscussionBot, caplog: pytest.LogCaptureFixture
):
    await bot.load_extension("tests.e2e.support.echo")
    await bot.tree.sync()
    handle = emulator.run_command(world.member, world.general, "echo", word="word", times=500)
    message = await handle.wait_message()
    assert handle.ephemeral
    assert "Discord rejected what I tried to send (400" in message.content
    assert "2000 or fewer in length" in message.content
    rejected = emulator.requests_to("POST", "/channels/{channel_id}/messages")
    assert [r.status for r in rejected] == [400]
    assert emulator.history(world.general) == []
    assert any(r.levelno == logging.ERROR and r.exc_info for r in caplog.records)
    # and the bot carries on
    again = emulator.run_command(world.member, world.general, "about")
    assert (await again.wait_message()).embeds


async def test_gateway_drop_resumes_and_replays_missed_events(emulator: Emulator, world: World, bot: DiscussionBot):
    resumed = asyncio.ensure_future(bot.wait_for("resumed", timeout=15))
    received = asyncio.ensure_future(
        bot.wait_for("message", check=lambda m: m.content == "while you were away", timeout=15)
    )
    await emulator.gateway.drop()
    emulator.send_message(world.member, world.general, "while you were away")
    await resumed
    message = await received
    assert message.author.id == world.member.user.id
    assert emulator.gateway.resume_count == 1
    assert emulator.gateway.identify_count == 1
    handle = emulator.run_command(world.member, world.general, "about")
    assert (await handle.wait_message()).embeds


async def test_a_broken_extension_does_not_stop_the_others(
    emulator: Emulator,
    world: World,
    bot_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
):
    monkeypatch.setattr("bot.client.EXTENSIONS_PACKAGE", "tests.e2e.support.fake_cogs")
    async with running_bot(bot_env) as running:
        assert set(running.failed_extensions) == {"tests.e2e.support.fake_cogs.broken"}
        handle = emulator.run_command(world.member, world.general, "ping")
        assert (await handle.wait_message()).content == "pong"
    assert any("Could not load extension tests.e2e.support.fake_cogs.broken" in r.getMessage() for r in caplog.records)


async def test_python_m_bot_runs_against_the_emulator(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path
):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")} | bot_env
    env["PYTHONPATH"] = str(REPO)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stderr is not None
    early: list[bytes] = []  # what the bot logged up to "Ready as"
    try:
        # Ready: connected, the servers' GUILD_CREATEs in (READY waits GUILD_READY_TIMEOUT after the last).
        while not early or b"Ready as" not in early[-1]:
            line = await asyncio.wait_for(process.stderr.readline(), 30)
            assert line, "the bot process exited during start-up:\n" + b"".join(early).decode()
            early.append(line)
        handle = emulator.run_command(world.member, world.general, "about")
        assert (await handle.wait_message(timeout=10)).embeds
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(process.communicate(), 20)
    stdout, stderr = out.decode(), (b"".join(early) + err).decode()
    assert process.returncode == 0, stderr
    assert "Ready as" in stderr
    assert emulator.token not in stderr and emulator.token not in stdout


async def test_a_stuck_step_does_not_hang_the_stop(
    world: World, bot_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    monkeypatch.setattr(client_module, "SHUTDOWN_STEP_SECONDS", 0.2)

    async def stuck() -> None:
        await asyncio.Event().wait()

    async with running_bot(bot_env) as bot:
        bot.live_blog.wait_idle = stuck  # type: ignore[method-assign]
    assert bot.is_closed()
    assert "the live blogs did not finish" in caplog.text
