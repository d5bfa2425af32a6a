from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.client import DiscussionBot
from discord_emulator import Emulator
from tests.harness import World, bot_environment, build_world, running_bot


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emu = Emulator()
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()
    # Every request body the bot sent must validate against Discord's OpenAPI description.
    assert not emu.schema_problems, "\n".join(map(str, emu.schema_problems))
    assert not emu.internal_errors, "\n".join(emu.internal_errors)  # the emulator's own bugs


@pytest.fixture
def world(emulator: Emulator) -> World:
    return build_world(emulator)


@pytest.fixture
def bot_env(emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)  # no developer .env leaks into tests
    return bot_environment(emulator, tmp_path)


@pytest.fixture
async def bot(world: World, bot_env: dict[str, str]) -> AsyncIterator[DiscussionBot]:
    async with running_bot(bot_env) as running:
        yield running
