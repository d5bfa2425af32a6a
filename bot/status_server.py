"""/metrics and /healthz over HTTP, from an aiohttp app on the bot's own event loop.

On the bot's loop (not prometheus-client's thread server) so that one port serves both, and a
health check can await the database as the bot itself does.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot.health import HealthReport

log = logging.getLogger(__name__)


class MetricsServerError(Exception):
    """The metrics port cannot be served (taken, or not an address of this machine)."""


class MetricsServer:
    def __init__(
        self,
        host: str,
        port: int,
        *,
        metrics: Callable[[], Awaitable[bytes]],
        health: Callable[[], Awaitable[HealthReport]],
    ) -> None:
        self.host, self.port = host, port
        self._metrics = metrics
        self._health = health
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/metrics", self._serve_metrics)
        app.router.add_get("/healthz", self._serve_health)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
        except OSError as error:
            await runner.cleanup()
            raise MetricsServerError(
                f"METRICS_PORT {self.port}: cannot listen on {self.host}:{self.port} ({error.strerror or error}); "
                "choose a free port or unset METRICS_PORT"
            ) from None
        self._runner = runner
        log.info("Metrics on http://%s:%d/metrics, health on /healthz", self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _serve_metrics(self, request: web.Request) -> web.Response:
        body = await self._metrics()
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def _serve_health(self, request: web.Request) -> web.Response:
        report = await self._health()
        return web.json_response(report.body, status=200 if report.healthy else 503)
