"""Sharding in the emulated gateway: each shard gets its own servers' events (DMs go to shard 0),
`GET /gateway/bot` describes the shards and the login budget, IDENTIFYs are paced per
max_concurrency bucket, and the REST global limit is one budget for every connection of a token."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest

from discord_emulator import Emulator, RateLimitConfig, ShardingConfig, shard_of
from tests.discord_emulator.test_gateway import INTENTS, Client, connect

DM_INTENT = 1 << 12
MEMBERS_INTENT = 1 << 1


async def identify(client: Client, token: str, shard: list[int], intents: int = INTENTS) -> dict[str, Any]:
    hello = await client.receive()
    assert hello["op"] == 10
    await client.ws.send_json({"op": 2, "d": {"token": token, "intents": intents, "properties": {}, "shard": shard}})
    return await client.receive()


async def next_dispatch(client: Client, timeout: float = 0.5) -> dict[str, Any] | None:
    """The next dispatched event, or None when nothing arrives in `timeout` seconds."""
    try:
        return await asyncio.wait_for(client.until_dispatch(), timeout)
    except TimeoutError:
        return None


async def drain(client: Client) -> list[str]:
    """Event names until the stream goes quiet."""
    names = []
    while (payload := await next_dispatch(client, 0.3)) is not None:
        names.append(payload["t"])
    return names


def _until_dispatch(self: Client) -> Any:
    async def run() -> dict[str, Any]:
        while True:
            payload = await self.receive()
            if payload.get("op") == 0:
                return payload

    return run()


Client.until_dispatch = _until_dispatch  # type: ignore[attr-defined]


def make_guilds(emulator: Emulator, count: int) -> list[Any]:
    return [emulator.create_guild(f"server {i}") for i in range(count)]


async def test_servers_made_in_a_burst_spread_over_shards(emulator: Emulator):
    guilds = make_guilds(emulator, 6)
    assert sorted(shard_of(g.id, 3) for g in guilds) == [0, 0, 1, 1, 2, 2]


async def test_each_shard_receives_only_its_servers_and_dms_go_to_shard_zero(emulator: Emulator):
    guilds = make_guilds(emulator, 4)
    channels = {g.id: emulator.create_text_channel(g, "general") for g in guilds}
    member = emulator.add_member(guilds[0], "alice")
    async with aiohttp.ClientSession() as session:
        shard0, shard1 = await connect(session, emulator, None), await connect(session, emulator, None)
        ready0 = await identify(shard0, emulator.token, [0, 2], INTENTS | DM_INTENT | MEMBERS_INTENT)
        ready1 = await identify(shard1, emulator.token, [1, 2], INTENTS | DM_INTENT | MEMBERS_INTENT)
        assert ready0["t"] == "READY" and ready0["d"]["shard"] == [0, 2]
        assert ready1["d"]["shard"] == [1, 2]
        own0 = {int(g["id"]) for g in ready0["d"]["guilds"]}
        own1 = {int(g["id"]) for g in ready1["d"]["guilds"]}
        assert own0 == {g.id for g in guilds if shard_of(g.id, 2) == 0}
        assert own1 == {g.id for g in guilds if shard_of(g.id, 2) == 1}
        assert own0 and own1
        await drain(shard0), await drain(shard1)  # the GUILD_CREATEs

        for guild in guilds:
            emulator.add_member(guild, f"joiner-{guild.id}")
        events0 = [e for e in await drain(shard0) if e == "GUILD_MEMBER_ADD"]
        events1 = [e for e in await drain(shard1) if e == "GUILD_MEMBER_ADD"]
        assert len(events0) == len(own0) and len(events1) == len(own1)

        # A message in a shard-1 server reaches shard 1 only.
        target = next(g for g in guilds if g.id in own1)
        writer = emulator.add_member(target, "writer")
        await drain(shard1)
        emulator.send_message(writer, channels[target.id], "hello shard one")
        created = await next_dispatch(shard1)
        assert created is not None and created["t"] == "MESSAGE_CREATE"
        assert await next_dispatch(shard0, 0.3) is None

        # A DM reaches shard 0 only.
        emulator.send_message(member.user, emulator.dm_channel(member.user), "hello in a DM")
        dm = await next_dispatch(shard0)
        assert dm is not None and dm["t"] == "MESSAGE_CREATE" and "guild_id" not in dm["d"]
        assert await next_dispatch(shard1, 0.3) is None


async def test_interactions_go_to_the_servers_shard(emulator: Emulator):
    guilds = make_guilds(emulator, 2)
    target = next(g for g in guilds if shard_of(g.id, 2) == 1)
    channel = emulator.create_text_channel(target, "general")
    member = emulator.add_member(target, "alice")
    emulator.guild_commands[target.id][1] = {
        "id": "1",
        "application_id": str(emulator.application_id),
        "name": "ping",
        "description": "ping",
        "type": 1,
        "options": [],
        "version": "1",
        "guild_id": str(target.id),
    }
    async with aiohttp.ClientSession() as session:
        shard0, shard1 = await connect(session, emulator, None), await connect(session, emulator, None)
        await identify(shard0, emulator.token, [0, 2])
        await identify(shard1, emulator.token, [1, 2])
        await drain(shard0), await drain(shard1)
        emulator.run_command(member, channel, "ping")
        got = await next_dispatch(shard1)
        assert got is not None and got["t"] == "INTERACTION_CREATE"
        assert await next_dispatch(shard0, 0.3) is None


async def test_gateway_bot_describes_shards_and_the_login_budget():
    emulator = Emulator(sharding=ShardingConfig(max_concurrency=4))
    await emulator.start()
    try:
        make_guilds(emulator, 2100)
        async with aiohttp.ClientSession(headers={"Authorization": f"Bot {emulator.token}"}) as session:
            async with session.get(f"{emulator.api_base_url}/gateway/bot") as response:
                body = await response.json()
        assert body["shards"] == 3
        assert body["session_start_limit"]["max_concurrency"] == 4
        assert body["session_start_limit"]["remaining"] == body["session_start_limit"]["total"] == 1000
    finally:
        await emulator.stop()


async def test_identify_faster_than_the_bucket_allows_is_refused():
    emulator = Emulator(sharding=ShardingConfig(max_concurrency=2, identify_interval=5.0))
    await emulator.start()
    try:
        make_guilds(emulator, 4)
        async with aiohttp.ClientSession() as session:
            first = await identify(await connect(session, emulator, None), emulator.token, [0, 4])
            other_bucket = await identify(await connect(session, emulator, None), emulator.token, [1, 4])
            same_bucket = await identify(await connect(session, emulator, None), emulator.token, [2, 4])
        assert first["t"] == "READY" and other_bucket["t"] == "READY"
        assert same_bucket["op"] == 9 and same_bucket["d"] is False
        log = emulator.gateway.identify_log
        assert [(r.shard_id, r.accepted) for r in log] == [(0, True), (1, True), (2, False)]
        assert emulator.gateway.session_starts_remaining == 997
    finally:
        await emulator.stop()


@pytest.mark.parametrize(("shard", "code"), [([2, 2], 4010), ([0, 0], 4010), (["x", 1], 4010)])
async def test_an_invalid_shard_is_closed(emulator: Emulator, shard: list[Any], code: int):
    async with aiohttp.ClientSession() as session:
        client = await connect(session, emulator, None)
        await client.receive()
        await client.ws.send_json({"op": 2, "d": {"token": emulator.token, "intents": INTENTS, "shard": shard}})
        message = await client.ws.receive(timeout=5)
        assert message.type is aiohttp.WSMsgType.CLOSE and message.data == code


async def test_too_many_servers_on_one_shard_needs_sharding():
    emulator = Emulator(sharding=ShardingConfig(max_guilds_per_shard=2))
    await emulator.start()
    try:
        make_guilds(emulator, 4)
        async with aiohttp.ClientSession() as session:
            unsharded = await connect(session, emulator, None)
            await unsharded.receive()
            await unsharded.ws.send_json({"op": 2, "d": {"token": emulator.token, "intents": INTENTS}})
            message = await unsharded.ws.receive(timeout=5)
            assert message.type is aiohttp.WSMsgType.CLOSE and message.data == 4011
            sharded = await identify(await connect(session, emulator, None), emulator.token, [0, 2])
            assert sharded["t"] == "READY"
    finally:
        await emulator.stop()


async def test_a_new_identify_replaces_only_its_own_shards_session(emulator: Emulator):
    make_guilds(emulator, 2)
    async with aiohttp.ClientSession() as session:
        await identify(await connect(session, emulator, None), emulator.token, [0, 2])
        await identify(await connect(session, emulator, None), emulator.token, [1, 2])
        await identify(await connect(session, emulator, None), emulator.token, [1, 2])
        shards = sorted(s.shard_id for s in emulator.gateway.sessions.values())
        assert shards == [0, 1]


async def test_the_global_limit_is_one_budget_for_every_connection_of_a_token():
    emulator = Emulator(rate_limits=RateLimitConfig(global_per_second=10, default=(1000, 1.0)))
    await emulator.start()
    try:
        headers = {"Authorization": f"Bot {emulator.token}"}
        async with aiohttp.ClientSession(headers=headers) as one, aiohttp.ClientSession(headers=headers) as two:

            async def hit(session: aiohttp.ClientSession) -> int:
                async with session.get(f"{emulator.api_base_url}/users/@me") as response:
                    return response.status

            statuses = await asyncio.gather(*(hit(s) for _ in range(8) for s in (one, two)))
        assert statuses.count(200) == 10 and statuses.count(429) == 6
        assert all(scope_retry > 0 for _, _, scope_retry in emulator.rate_limiter.limited)
    finally:
        await emulator.stop()
