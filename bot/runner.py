"""Start the bot: the path `python -m bot` takes, and the one end-to-end tests take too.

A start that cannot succeed ends within seconds with one line on stderr naming the cause and a
non-zero exit status, never a traceback or a process that hangs: the database is opened and migrated
before Discord is contacted, and what can go wrong when connecting is named in words.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys

import aiohttp
import discord

from bot.client import DiscussionBot, new_bot
from bot.database_url import DatabaseUrl
from bot.endpoints import apply_endpoints
from bot.logging_setup import configure_logging
from bot.settings import Settings
from bot.storage import Database, DatabaseError, MigrationError

log = logging.getLogger(__name__)

EXIT_FAILED, EXIT_USAGE = 1, 2


class StartupError(Exception):
    """The bot cannot start; the message is the one line the operator reads."""


def create_bot(settings: Settings) -> DiscussionBot:
    """Apply the endpoint settings and build the client (nothing connects yet)."""
    apply_endpoints(settings)
    # The bot never joins voice: discord.py's warnings that voice libraries are missing would only
    # mislead an operator reading the log.
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False
    return new_bot(settings)


async def prepare_database(url: DatabaseUrl) -> None:
    """Open and migrate the database once before connecting: a database that cannot be used (a bad
    file, an unreachable or refusing server) stops the start here, in one line, rather than after
    logging in to Discord."""
    db = await Database.open(url)
    try:
        await db.migrate()
    finally:
        await db.close()


async def serve(settings: Settings, token: str) -> None:
    await prepare_database(settings.database())
    bot = create_bot(settings)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):  # not available on Windows
            loop.add_signal_handler(sig, lambda: asyncio.ensure_future(bot.close()))
    async with bot:
        try:
            await bot.start(token)
        except (aiohttp.ClientConnectionError, discord.GatewayNotFound) as error:
            raise StartupError(
                f"cannot reach Discord at {discord.http.Route.BASE}: {_connection_cause(error)}"
            ) from None
        except discord.HTTPException as error:
            if isinstance(error, discord.LoginFailure):
                raise
            raise StartupError(
                f"Discord at {discord.http.Route.BASE} answered {error.status} while logging in: {error.text or error}"
            ) from None
        finally:
            # The stop runs to its end before asyncio.run cancels what is left: `async with` skips close()
            # once discord.py reports itself closed, which happens midway through the bot's own close()
            # (the vote writer, the operations tasks and the database are stopped after it).
            await bot.close()


def _connection_cause(error: BaseException) -> str:
    if isinstance(error, aiohttp.ClientConnectorError):
        cause = error.os_error
        return os.strerror(cause.errno) if cause.errno else str(cause)
    return str(error) or type(error).__name__


def run_bot(settings: Settings, token: str) -> int:
    configure_logging(settings.log_level, secrets=[token], log_format=settings.log_format)
    log.info("Starting (database %s, seeds %s)", settings.database().redacted(), settings.seeds_dir)
    try:
        asyncio.run(serve(settings, token))
    except (StartupError, DatabaseError, MigrationError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except discord.LoginFailure:
        print(
            "error: DISCORD_TOKEN was refused by Discord: copy it again from the Developer Portal (Bot → Reset Token)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except discord.PrivilegedIntentsRequired:
        print(
            "error: enable the Server Members and Message Content intents for the bot in the Developer "
            "Portal (Bot → Privileged Gateway Intents)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except KeyboardInterrupt:
        pass
    return 0
