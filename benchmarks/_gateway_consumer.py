"""A gateway consumer process for benchmarks/emulator_gateway.py (raw websocket or discord.py bot)."""

from __future__ import annotations

import asyncio
import json
import sys
import time

import aiohttp

INTENTS = (1 << 0) | (1 << 9) | (1 << 15) | (1 << 1) | (1 << 24) | (1 << 12)


async def raw(gateway: str, token: str, count: int) -> None:
    import zstandard

    decompressor = zstandard.ZstdDecompressor().decompressobj()
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(gateway + "?v=10&encoding=json&compress=zstd-stream", max_msg_size=0) as ws,
    ):
        decompressor.decompress((await ws.receive()).data)  # HELLO starts the compressed stream
        await ws.send_json({"op": 2, "d": {"token": token, "intents": INTENTS, "properties": {}}})
        seen, first = 0, 0.0
        print("READY", flush=True)
        async for message in ws:
            payload = json.loads(decompressor.decompress(message.data))
            if payload.get("t") == "MESSAGE_CREATE":
                if seen == 0:
                    first = time.perf_counter()
                seen += 1
                if seen == count:
                    break
        print(json.dumps({"events": seen, "seconds": time.perf_counter() - first}), flush=True)


async def bot(api: str, gateway: str, token: str, count: int) -> None:
    import discord
    import discord.gateway
    import discord.http
    import yarl
    from discord.ext import commands

    discord.http.Route.BASE = api
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
    intents = discord.Intents.default()
    intents.message_content = True
    client = commands.Bot(command_prefix="!", intents=intents, guild_ready_timeout=0.05)
    state = {"seen": 0, "first": 0.0}
    done = asyncio.Event()

    @client.event
    async def on_ready() -> None:
        print("READY", flush=True)

    @client.event
    async def on_message(message: discord.Message) -> None:
        if state["seen"] == 0:
            state["first"] = time.perf_counter()
        state["seen"] += 1
        if state["seen"] == count:
            done.set()

    async with client:
        task = asyncio.create_task(client.start(token))
        await done.wait()
        elapsed = time.perf_counter() - state["first"]
        cpu = time.process_time()
        await client.close()
        await task
    print(json.dumps({"events": state["seen"], "seconds": elapsed, "cpu": cpu}), flush=True)


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "raw":
        asyncio.run(raw(args[0], args[1], int(args[2])))
    else:
        asyncio.run(bot(args[0], args[1], args[2], int(args[3])))
