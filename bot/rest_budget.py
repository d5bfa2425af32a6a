"""This process's share of Discord's global REST limit (50 requests/s per bot, all processes together).

Every request discord.py sends waits here first, retries included: aiohttp awaits the trace's
`on_request_start` before it sends, so the limit holds without touching discord.py. Interaction
answers and webhook follow-ups are not counted (Discord keeps them outside the global limit, and an
interaction must be answered within 3 s); nor is the gateway's WebSocket.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import aiohttp
from aiolimiter import AsyncLimiter

# Paths whose requests Discord does not count against the global limit.
_EXEMPT = ("/interactions/", "/webhooks/")


def share_limiter(per_second: float) -> AsyncLimiter:
    """At most `per_second` requests in any one-second window, bursts included: a leaky bucket holding
    one request that drains `per_second - 1` a second lets through at most 1 + (per_second - 1)."""
    rate = max(per_second - 1.0, 0.5)
    return AsyncLimiter(1, 1.0 / rate)


def limit_rest(trace: aiohttp.TraceConfig, per_second: float, api_base: Callable[[], str]) -> AsyncLimiter:
    """Make every REST request through `trace` wait for a slot of `per_second` (the API's address from
    `api_base()`, read per request: the endpoint settings may point it at a proxy or the emulator)."""
    limiter = share_limiter(per_second)

    async def on_request_start(
        session: aiohttp.ClientSession, context: SimpleNamespace, params: aiohttp.TraceRequestStartParams
    ) -> None:
        url = str(params.url)
        if not url.startswith(api_base()) or any(part in params.url.path for part in _EXEMPT):
            return
        await limiter.acquire()

    trace.on_request_start.append(on_request_start)
    return limiter
