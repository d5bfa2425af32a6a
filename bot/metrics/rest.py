"""Counting discord.py's REST requests and 429s through aiohttp's request tracing (`http_trace`)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import aiohttp

from bot.metrics import BotMetrics

_API_PREFIX = re.compile(r"^/api(?:/v\d+)?")
_SNOWFLAKE = re.compile(r"^\d+$")
# Segments after these carry a secret (an interaction or webhook token), never a label value.
_TOKEN_AFTER = ("interactions", "webhooks")


def route_of(path: str) -> str:
    """The route template of a request path: ids become {id}, tokens {token}, so routes stay few.

    >>> route_of("/api/v10/channels/123/messages/456")
    '/channels/{id}/messages/{id}'
    >>> route_of("/api/v10/webhooks/123/aBcD-token/messages/@original")
    '/webhooks/{id}/{token}/messages/@original'
    """
    parts = _API_PREFIX.sub("", path).split("/")
    out: list[str] = []
    for index, part in enumerate(parts):
        if _SNOWFLAKE.match(part):
            out.append("{id}")
        elif index >= 2 and parts[index - 2] in _TOKEN_AFTER and _SNOWFLAKE.match(parts[index - 1]):
            out.append("{token}")
        else:
            out.append(part)
    return "/".join(out)


def rest_trace(metrics: BotMetrics) -> aiohttp.TraceConfig:
    """A TraceConfig for discord.py's HTTP session that counts each response by route and status."""

    async def on_request_end(
        session: aiohttp.ClientSession, context: SimpleNamespace, params: aiohttp.TraceRequestEndParams
    ) -> None:
        route = route_of(params.url.path)
        status = params.response.status
        method = params.method
        metrics.rest_requests.labels(method, route, str(status)).inc()
        if status == 429:
            scope = params.response.headers.get("X-RateLimit-Scope", "user")
            metrics.rest_rate_limited.labels(method, route, scope).inc()

    async def on_request_exception(
        session: aiohttp.ClientSession, context: SimpleNamespace, params: aiohttp.TraceRequestExceptionParams
    ) -> None:
        metrics.rest_requests.labels(params.method, route_of(params.url.path), "error").inc()

    trace = aiohttp.TraceConfig()
    trace.on_request_end.append(on_request_end)
    trace.on_request_exception.append(on_request_exception)
    return trace
