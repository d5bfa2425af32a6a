"""/metrics and /healthz of the running bot on the emulator, and `python -m bot health` asking it."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sys
from pathlib import Path

import pytest

from bot.runner import create_bot
from bot.settings import load_settings
from bot.status_server import MetricsServerError
from discord_emulator import Emulator
from tests.e2e.support.ops import free_port, get, scrape, value
from tests.harness import REPO, World, eventually, running_bot

SLUG = "odierno-ceasefire"


async def test_metrics_parse_and_move_with_screening_actions_and_deliveries(
    emulator: Emulator, world: World, bot_env: dict[str, str]
):
    port = free_port()
    async with running_bot(bot_env | {"METRICS_PORT": str(port)}):
        post = emulator.run_command(world.admin, world.general, "article post", article=SLUG, channel=world.forum)
        assert "Posted" in (await post.wait_message(timeout=10)).content
        thread = emulator.threads_of(world.forum)[-1]
        before = await scrape(port)

        for i in range(5):  # five members: no flood
            author = emulator.add_member(world.guild, f"reader{i}")
            emulator.send_message(author, thread, f"A fair point about the talks, number {i}.")
        bad = emulator.send_message(world.member, thread, "what bullshit")
        await eventually(lambda: bad.deleted)
        push = emulator.run_command(world.admin, world.general, "update push", article=SLUG, text="Talks resume.")
        assert "stored" in (await push.wait_message(timeout=10)).content

        async def delivered():  # type: ignore[no-untyped-def]
            now = await scrape(port)
            count = "bot_update_delivery_seconds_count"
            return now if value(now, count) > value(before, count) and value(now, "bot_outbox_backlog") == 0 else None

        after = await eventually(delivered, timeout=15)

    screened = value(after, "bot_messages_screened_total") - value(before, "bot_messages_screened_total")
    assert screened == 6
    deleted = value(after, "bot_moderation_actions_total", action="delete", by="filter")
    assert deleted - value(before, "bot_moderation_actions_total", action="delete", by="filter") == 1
    created = value(after, "discord_gateway_events_total", type="MESSAGE_CREATE")
    assert created - value(before, "discord_gateway_events_total", type="MESSAGE_CREATE") >= 6
    sends = value(after, "discord_rest_requests_total", method="POST", route="/channels/{id}/messages", status="200")
    assert sends > value(
        before, "discord_rest_requests_total", method="POST", route="/channels/{id}/messages", status="200"
    )
    assert value(after, "discord_gateway_connected", shard="0") == 1
    assert value(after, "bot_db_query_seconds_count", kind="read") > 0
    assert value(after, "bot_db_query_seconds_count", kind="write") > 0
    assert value(after, "bot_outbox_backlog") == 0
    assert ("bot_review_queue_open", ()) in after
    assert value(after, "process_cpu_seconds_total") > 0
    # No secret reaches a label: interaction tokens are {token} in routes.
    routes = {dict(labels).get("route", "") for (name, labels) in after if name == "discord_rest_requests_total"}
    assert any("{token}" in route for route in routes), routes
    assert not any(emulator.token in route for route in routes)


async def test_rate_limited_requests_are_counted_by_route(emulator: Emulator, world: World, bot_env: dict[str, str]):
    port = free_port()
    async with running_bot(bot_env | {"METRICS_PORT": str(port)}):
        emulator.inject_rate_limit("POST", "/channels/{channel_id}/messages", retry_after=0.1, times=2)
        post = emulator.run_command(world.admin, world.general, "article post", article=SLUG, channel=world.forum)
        assert "Posted" in (await post.wait_message(timeout=15)).content
        samples = await scrape(port)
    limited = value(
        samples, "discord_rest_rate_limited_total", method="POST", route="/channels/{id}/messages", scope="user"
    )
    assert limited == 2


async def health_cli(port: int, cwd: Path) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "METRICS_"))}
    env |= {"METRICS_PORT": str(port), "PYTHONPATH": str(REPO)}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "health",
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    assert process.returncode is not None
    return process.returncode, output.decode()


async def test_healthz_fails_while_the_gateway_is_down_and_recovers(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path
):
    port = free_port()
    async with running_bot(bot_env | {"METRICS_PORT": str(port)}):
        status, body = await get(port, "/healthz")
        assert status == 200, body
        report = json.loads(body)
        assert report["status"] == "ok" and report["gateway"]["0"]["connected"] and report["database"]["ok"]
        code, line = await health_cli(port, tmp_path)
        assert code == 0 and line.startswith("ok: 1 shard(s) connected"), line

        await emulator.gateway.outage()
        status, body = await eventually(lambda: _failing(port), timeout=15)
        assert status == 503 and json.loads(body)["failing"] == ["gateway: shard 0 is disconnected"]
        code, line = await health_cli(port, tmp_path)
        assert code == 1 and "gateway: shard 0 is disconnected" in line

        emulator.gateway.restore()
        await eventually(lambda: _passing(port), timeout=60)
        assert (await health_cli(port, tmp_path))[0] == 0


async def test_healthz_fails_while_the_outbox_is_stuck_and_recovers(
    emulator: Emulator, world: World, bot_env: dict[str, str]
):
    port = free_port()
    env = bot_env | {"METRICS_PORT": str(port), "HEALTH_OUTBOX_MAX_AGE_SECONDS": "1"}
    async with running_bot(env):
        post = emulator.run_command(world.admin, world.general, "article post", article=SLUG, channel=world.forum)
        assert "Posted" in (await post.wait_message(timeout=10)).content
        await eventually(lambda: _passing(port), timeout=15)
        # Discord refuses every update message for now (a 400 the worker retries, with back-off).
        fault = emulator.inject_error("POST", "/channels/{channel_id}/messages", status=400, code=50035, times=10_000)
        push = emulator.run_command(world.admin, world.general, "update push", article=SLUG, text="Stuck for now.")
        assert "stored" in (await push.wait_message(timeout=10)).content
        status, body = await eventually(lambda: _failing(port), timeout=15)
        [failing] = json.loads(body)["failing"]
        assert status == 503 and failing.startswith("outbox: the oldest waiting update delivery has waited")

        fault.times = 0
        await eventually(lambda: _passing(port), timeout=30)


async def test_an_unusable_metrics_port_stops_the_start_with_one_line(
    emulator: Emulator, world: World, bot_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        for key, setting in (bot_env | {"METRICS_PORT": str(port)}).items():
            monkeypatch.setenv(key, setting)
        settings = load_settings()
        bot = create_bot(settings)
        try:
            with pytest.raises(MetricsServerError) as raised:
                await bot.start(settings.require_token())
        finally:
            await bot.close()
    assert f"METRICS_PORT {port}: cannot listen on 127.0.0.1:{port}" in str(raised.value)
    assert "\n" not in str(raised.value) and emulator.gateway.identify_count == 0  # it never connected


async def _failing(port: int) -> tuple[int, str] | None:
    status, body = await get(port, "/healthz")
    return (status, body) if status == 503 else None


async def _passing(port: int) -> bool:
    return (await get(port, "/healthz"))[0] == 200
