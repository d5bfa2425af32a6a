"""Point discord.py at a Discord-compatible server (the emulator) instead of discord.com.

discord.py has no option for this: `Route.BASE` is read on every REST request (interactions
and webhooks included) and `DiscordWebSocket.DEFAULT_GATEWAY` is where a non-sharded client
connects; RESUME then follows READY's `resume_gateway_url`.
"""

from __future__ import annotations

import discord.gateway
import discord.http
import yarl

from bot.settings import Settings

DISCORD_API_BASE = "https://discord.com/api/v10"
DISCORD_GATEWAY = "wss://gateway.discord.gg/"


def apply_endpoints(settings: Settings) -> None:
    api = str(settings.discord_api_base_url).rstrip("/") if settings.discord_api_base_url else DISCORD_API_BASE
    gateway = str(settings.discord_gateway_url) if settings.discord_gateway_url else DISCORD_GATEWAY
    discord.http.Route.BASE = api
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
