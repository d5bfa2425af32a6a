"""`python -m discord_emulator`: a local sandbox Discord on 127.0.0.1 with a demo server.

Prints the settings that point the bot at it; then run `python -m bot` with them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal

from discord_emulator import Emulator
from discord_emulator import permissions as perms


async def serve(port: int) -> None:
    emulator = Emulator(port=port)
    await emulator.start()
    guild = emulator.create_guild("Sandbox")
    admins = emulator.create_role(guild, "Admins", perms.MANAGE_GUILD | perms.MODERATE_MEMBERS)
    emulator.add_member(guild, "admin", roles=[admins])
    emulator.add_member(guild, "member")
    for name in ("general", "mod-log"):
        emulator.create_text_channel(guild, name)
    emulator.create_forum_channel(guild, "articles")
    print(f"DISCORD_TOKEN={emulator.token}")
    print(f"DISCORD_API_BASE_URL={emulator.api_base_url}")
    print(f"DISCORD_GATEWAY_URL={emulator.gateway_url}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await emulator.stop()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m discord_emulator", description=__doc__)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    asyncio.run(serve(args.port))


if __name__ == "__main__":
    main()
