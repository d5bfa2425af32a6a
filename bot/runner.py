"""Start the bot: the path `python -m bot` takes, and the one end-to-end tests take too."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys

import discord

from bot.client import DiscussionBot
from bot.endpoints import apply_endpoints
from bot.logging_setup import configure_logging
from bot.settings import Settings
from bot.storage import MigrationError, StorageUnavailable

log = logging.getLogger(__name__)


def create_bot(settings: Settings) -> DiscussionBot:
    """Apply the endpoint settings and build the client (nothing connects yet)."""
    apply_endpoints(settings)
    return DiscussionBot(settings)


async def serve(settings: Settings, token: str) -> None:
    bot = create_bot(settings)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):  # not available on Windows
            loop.add_signal_handler(sig, lambda: asyncio.ensure_future(bot.close()))
    async with bot:
        await bot.start(token)


def run_bot(settings: Settings, token: str) -> int:
    configure_logging(settings.log_level, secrets=[token])
    log.info("Starting (database %s, seeds %s)", settings.database().redacted(), settings.seeds_dir)
    try:
        asyncio.run(serve(settings, token))
    except discord.LoginFailure:
        print(
            "error: DISCORD_TOKEN was refused by Discord: copy it again from the Developer Portal (Bot → Reset Token)",
            file=sys.stderr,
        )
        return 2
    except discord.PrivilegedIntentsRequired:
        print(
            "error: enable the Server Members and Message Content intents for the bot in the Developer "
            "Portal (Bot → Privileged Gateway Intents)",
            file=sys.stderr,
        )
        return 2
    except (StorageUnavailable, MigrationError) as error:  # unreachable, refused, or newer than this bot
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0
