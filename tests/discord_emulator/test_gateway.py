"""The gateway with a bare websocket client: identify, compression, resume, invalid sessions."""

from __future__ import annotations

import json
import time
import zlib
from typing import Any

import aiohttp
import pytest
import zstandard

from discord_emulator import Emulator
from tests.harness import World

INTENTS = (1 << 0) | (1 << 9) | (1 << 15)


class Client:
    def __init__(self, ws: aiohttp.ClientWebSocketResponse, compress: str | None) -> None:
        self.ws = ws
        self.compress = compress
        self._zlib = zlib.decompressobj()
        self._buffer = bytearray()
        self._zstd = zstandard.ZstdDecompressor().decompressobj()

    async def receive(self) -> dict[str, Any]:
        while True:
            message = await self.ws.receive(timeout=5)
            if message.type is aiohttp.WSMsgType.TEXT:
                return json.loads(message.data)
            if message.type is not aiohttp.WSMsgType.BINARY:
                raise ConnectionError(f"closed: {self.ws.close_code}")
            if self.compress == "zstd-stream":
                return json.loads(self._zstd.decompress(message.data))
            self._buffer.extend(message.data)
            if self._buffer[-4:] == b"\x00\x00\xff\xff":
                data = self._zlib.decompress(bytes(self._buffer))
                self._buffer.clear()
                return json.loads(data)

    async def until(self, event: str) -> dict[str, Any]:
        while True:
            payload = await self.receive()
            if payload.get("t") == event:
                return payload


async def connect(session: aiohttp.ClientSession, emulator: Emulator, compress: str | None) -> Client:
    query = f"?v=10&encoding=json&compress={compress}" if compress else "?v=10&encoding=json"
    ws = await session.ws_connect(emulator.gateway_url + query)
    return Client(ws, compress)


@pytest.mark.parametrize("compress", [None, "zlib-stream", "zstd-stream"])
async def test_identify_ready_guild_create_in_every_compression(emulator: Emulator, world: World, compress):
    async with aiohttp.ClientSession() as session:
        client = await connect(session, emulator, compress)
        hello = await client.receive()
        assert hello["op"] == 10 and hello["d"]["heartbeat_interval"] > 0
        await client.ws.send_json({"op": 2, "d": {"token": emulator.token, "intents": INTENTS, "properties": {}}})
        ready = await client.until("READY")
        assert ready["d"]["resume_gateway_url"] == emulator.gateway_url
        assert ready["d"]["guilds"] == [{"id": str(world.guild.id), "unavailable": True}]
        guild = await client.until("GUILD_CREATE")
        assert {c["name"] for c in guild["d"]["channels"]} == {"general", "articles", "mod-log"}
        await client.ws.send_json({"op": 1, "d": ready["s"]})
        assert (await client.receive())["op"] == 11
        emulator.send_message(world.member, world.general, "hello")
        created = await client.until("MESSAGE_CREATE")
        assert created["d"]["content"] == "hello" and created["s"] == 3


async def test_wrong_token_closes_4004(emulator: Emulator):
    async with aiohttp.ClientSession() as session:
        client = await connect(session, emulator, None)
        await client.receive()
        await client.ws.send_json({"op": 2, "d": {"token": "wrong", "intents": 0, "properties": {}}})
        with pytest.raises(ConnectionError):
            await client.receive()
        assert client.ws.close_code == 4004


async def test_message_content_is_empty_without_the_intent(emulator: Emulator, world: World):
    async with aiohttp.ClientSession() as session:
        client = await connect(session, emulator, None)
        await client.receive()
        await client.ws.send_json({"op": 2, "d": {"token": emulator.token, "intents": (1 << 0) | (1 << 9)}})
        await client.until("GUILD_CREATE")
        emulator.send_message(world.member, world.general, "secret words")
        assert (await client.until("MESSAGE_CREATE"))["d"]["content"] == ""


async def test_resume_replays_from_the_clients_sequence(emulator: Emulator, world: World):
    async with aiohttp.ClientSession() as session:
        client = await connect(session, emulator, "zlib-stream")
        await client.receive()
        await client.ws.send_json({"op": 2, "d": {"token": emulator.token, "intents": INTENTS}})
        ready = await client.until("READY")
        await client.until("GUILD_CREATE")
        await client.ws.close()
        for text in ("one", "two"):
            emulator.send_message(world.member, world.general, text)
        again = await connect(session, emulator, "zlib-stream")
        await again.receive()
        await again.ws.send_json(
            {"op": 6, "d": {"token": emulator.token, "session_id": ready["d"]["session_id"], "seq": 2}}
        )
        replayed = [(await again.until("MESSAGE_CREATE"))["d"]["content"] for _ in range(2)]
        assert replayed == ["one", "two"]
        assert (await again.until("RESUMED"))["op"] == 0
        stale = await connect(session, emulator, None)
        await stale.receive()
        await stale.ws.send_json({"op": 6, "d": {"token": emulator.token, "session_id": "nope", "seq": 1}})
        invalid = await stale.receive()
        assert invalid["op"] == 9 and invalid["d"] is False


async def test_heartbeat_acks_come_after_discord_py_records_its_heartbeat(
    tmp_path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    """discord.py's keep-alive thread sends a heartbeat through the event loop, then notes when it
    did (`_last_send`); latency is an ACK's arrival minus that note. An ACK that arrives before the
    note is measured from the previous heartbeat: a whole interval, and past 10 s discord.py logs
    "Can't keep up … 41 s behind" at every heartbeat. Every ACK must find its heartbeat noted."""
    import logging

    from discord import gateway as dgateway

    from tests.harness import bot_environment, build_world, eventually, running_bot

    sent_at: list[float] = []
    acks: list[tuple[float, float]] = []  # (the heartbeat's send, discord.py's note of it) at each ACK
    send_heartbeat = dgateway.DiscordWebSocket.send_heartbeat
    ack = dgateway.KeepAliveHandler.ack

    async def noting_send(self, data):  # type: ignore[no-untyped-def]
        sent_at.append(time.perf_counter())
        await send_heartbeat(self, data)

    def checking_ack(self):  # type: ignore[no-untyped-def]
        if sent_at:  # the first heartbeat goes out with HELLO's answer, not through the thread
            acks.append((sent_at[-1], self._last_send))
        ack(self)

    monkeypatch.setattr(dgateway.DiscordWebSocket, "send_heartbeat", noting_send)
    monkeypatch.setattr(dgateway.KeepAliveHandler, "ack", checking_ack)
    monkeypatch.chdir(tmp_path)
    caplog.set_level(logging.DEBUG, logger="discord.gateway")
    async with Emulator(heartbeat_interval_ms=150) as emulator:
        build_world(emulator)
        async with running_bot(bot_environment(emulator, tmp_path)) as bot:
            await eventually(lambda: len(acks) >= 8, timeout=20)
            assert bot.latency < float("inf")
    stale = [(sent, noted) for sent, noted in acks if noted < sent]
    assert stale == [], f"{len(stale)} of {len(acks)} ACKs came before discord.py noted their heartbeat"
    assert not [r for r in caplog.records if "Can't keep up" in r.getMessage()]


async def test_guild_create_lists_only_the_bot_without_presences_and_members_come_in_chunks(
    emulator: Emulator, world: World
):
    # Discord: without GUILD_PRESENCES (or in a large server) GUILD_CREATE's members are the bot and
    # members in voice; the others are asked for with REQUEST_GUILD_MEMBERS, 1,000 to a chunk.
    for i in range(1200):
        emulator.add_member(world.guild, f"m{i}")
    everyone = {str(m) for m in world.guild.members}
    async with aiohttp.ClientSession() as session:
        client = await connect(session, emulator, None)
        await client.receive()
        await client.ws.send_json({"op": 2, "d": {"token": emulator.token, "intents": INTENTS | (1 << 1)}})
        guild = (await client.until("GUILD_CREATE"))["d"]
        assert [m["user"]["id"] for m in guild["members"]] == [str(emulator.bot_user.id)]
        assert guild["member_count"] == len(everyone) and guild["large"]
        request = {"guild_id": str(world.guild.id), "query": "", "limit": 0, "nonce": "n1"}
        await client.ws.send_json({"op": 8, "d": request})
        chunks = [(await client.until("GUILD_MEMBERS_CHUNK"))["d"] for _ in range(2)]
        assert [(c["chunk_index"], c["chunk_count"], c["nonce"]) for c in chunks] == [(0, 2, "n1"), (1, 2, "n1")]
        assert [len(c["members"]) for c in chunks] == [1000, len(everyone) - 1000]
        assert {m["user"]["id"] for c in chunks for m in c["members"]} == everyone
