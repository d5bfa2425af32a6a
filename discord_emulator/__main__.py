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
from discord_emulator.sandbox import build_demo_server


async def serve(port: int) -> None:
    emulator = Emulator(port=port)
    await emulator.start()
    build_demo_server(emulator)  # the same server `python -m bot sandbox` shows
    for name, value in emulator.client_settings().items():
        print(f"{name}={value}", flush=True)
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
