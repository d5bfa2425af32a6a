"""A loopback Discord for end-to-end tests: REST under /api/v10 and a gateway websocket.

An unmodified discord.py client connects to it when `Route.BASE` and
`DiscordWebSocket.DEFAULT_GATEWAY` point here (the bot's DISCORD_API_BASE_URL and
DISCORD_GATEWAY_URL settings). See `Emulator` for the test-facing API.
"""

from discord_emulator.gateway import IdentifyRecord, ShardingConfig, shard_of
from discord_emulator.interactions import InteractionError, InteractionHandle
from discord_emulator.model import Channel, Guild, Member, Message, Role, User
from discord_emulator.ratelimits import RateLimitConfig
from discord_emulator.server import Emulator

__all__ = [
    "Channel",
    "Emulator",
    "Guild",
    "IdentifyRecord",
    "InteractionError",
    "InteractionHandle",
    "Member",
    "Message",
    "RateLimitConfig",
    "Role",
    "ShardingConfig",
    "User",
    "shard_of",
]
