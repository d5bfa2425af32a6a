"""The CPU baseline: the barest discord.py bot that receives messages. A plain `discord.Client`
with the real bot's intents and cache options, and an `on_message` that does nothing, so it pays
for what discord.py itself does with each message (parsing, caching, one task) and nothing more."""

from __future__ import annotations

import asyncio
import os

import discord
import discord.gateway
import discord.http
import yarl


async def main() -> None:
    discord.http.Route.BASE = os.environ["DISCORD_API_BASE_URL"]
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["DISCORD_GATEWAY_URL"])
    intents = discord.Intents.none()
    intents.guilds = intents.guild_messages = intents.message_content = intents.members = True
    intents.guild_polls = intents.dm_messages = True
    client = discord.Client(
        intents=intents,
        guild_ready_timeout=0.05,
        chunk_guilds_at_startup=False,
        allowed_mentions=discord.AllowedMentions.none(),
    )

    @client.event
    async def on_message(message: discord.Message) -> None:
        pass

    async with client:
        await client.start(os.environ["DISCORD_TOKEN"])


if __name__ == "__main__":
    asyncio.run(main())
