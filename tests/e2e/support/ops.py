"""Helpers for the operations tests: a free port, reading /metrics, and a bot process whose log is kept."""

from __future__ import annotations

import asyncio
import socket
import sys
import time
from pathlib import Path

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from discord_emulator import Channel, Member
from tests.harness import BotProcess


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def get(port: int, path: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}{path}") as response:
        return response.status, await response.text()


async def scrape(port: int) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of /metrics, parsed by prometheus-client's own parser: (name, labels) → value."""
    status, text = await get(port, "/metrics")
    assert status == 200, text
    samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


class LoggedBotProcess(BotProcess):
    """`python -m bot` as an operator runs it, its standard error kept in a file."""

    def __init__(self, *args, log_path: Path, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.log_path = log_path

    async def start(self, member: Member, channel: Channel, timeout: float = 30.0) -> None:
        before = self.emulator.gateway.identify_count
        with self.log_path.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=self.cwd, env=self.env, stdout=log, stderr=log
            )
        deadline = time.monotonic() + timeout
        while self.emulator.gateway.identify_count == before:
            if self.process.returncode is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the bot process did not connect:\n{self.log_tail()}")
            await asyncio.sleep(0.02)
        while True:  # ready when it answers a command
            try:
                await self.emulator.run_command(member, channel, "about").wait_message(timeout=1.0)
                return
            except TimeoutError:
                if time.monotonic() > deadline:
                    raise

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text("utf-8", errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])
