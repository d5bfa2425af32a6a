"""Shard processes: a bot with SHARD_COUNT/SHARD_IDS connects only its shards and does only the work of
its servers; work of no server is leased to one process at a time."""

from __future__ import annotations

from pathlib import Path

import discord

from bot.sharding import shard_of
from discord_emulator import Emulator
from tests.harness import bot_environment, running_bot


async def test_a_sharded_process_connects_its_shards_and_sees_only_their_servers(
    emulator: Emulator, tmp_path: Path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    guilds = [emulator.create_guild(f"server {i}") for i in range(6)]
    env = bot_environment(emulator, tmp_path, SHARD_COUNT="3", SHARD_IDS="0,2")
    async with running_bot(env) as bot:
        assert isinstance(bot, discord.AutoShardedClient)
        assert sorted(bot.shards) == [0, 2]
        owned = {g.id for g in guilds if shard_of(g.id, 3) in (0, 2)}
        assert {g.id for g in bot.guilds} == owned and len(owned) == 4
        assert all(bot.ownership.owns(g) for g in owned)
        logins = {(r.shard_id, r.shard_count) for r in emulator.gateway.identify_log if r.accepted}
        assert logins == {(0, 3), (2, 3)}


async def test_unsharded_connects_as_one_shard_as_before(emulator: Emulator, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    guilds = [emulator.create_guild(f"server {i}") for i in range(3)]
    async with running_bot(bot_environment(emulator, tmp_path)) as bot:
        assert not isinstance(bot, discord.AutoShardedClient)
        assert {g.id for g in bot.guilds} == {g.id for g in guilds}
        assert [(r.shard_id, r.shard_count) for r in emulator.gateway.identify_log] == [(0, 1)]
