"""What an operator runs the bot with: /metrics and /healthz, scheduled backups, and retention.

Started from the bot's setup_hook, before it connects (a metrics port that cannot be served stops
the start-up with one line, rather than leaving the supervisor blind), and stopped when it closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import math
import time
from collections.abc import Awaitable, Callable

import discord

from bot.backups import BackupScheduler
from bot.health import HealthFacts, HealthReport, evaluate
from bot.metrics import BotMetrics, LiveState, ShardState
from bot.retention import Retention
from bot.settings import Settings
from bot.status_server import MetricsServer
from bot.storage import operations as ops_store
from bot.storage.database import Database

log = logging.getLogger(__name__)

DATABASE_TIMEOUT = 5.0  # a health check's database ping gives up after this long


def shard_states(bot: discord.Client) -> list[ShardState]:
    """Each shard of this process: connected or not, and its heartbeat latency."""
    if isinstance(bot, discord.AutoShardedClient):
        return [
            ShardState(shard_id, not info.is_closed(), _seconds(info.latency))
            for shard_id, info in sorted(bot.shards.items())
        ]
    ws = bot.ws
    if ws is None:
        return []
    return [ShardState(bot.shard_id or 0, ws.open and not bot.is_closed(), _seconds(ws.latency))]


def _seconds(value: float) -> float | None:
    return None if math.isnan(value) or math.isinf(value) else value


class Operations:
    def __init__(
        self,
        settings: Settings,
        metrics: BotMetrics,
        db: Database,
        client: discord.Client,
        *,
        retention: Retention,
        hold_lease: Callable[[str], Awaitable[bool]] | None = None,
    ) -> None:
        self.settings = settings
        self.metrics = metrics
        self.db = db
        self.client = client  # its shards, for /metrics and /healthz
        self.ownership = settings.ownership()  # the outbox it answers for: its own servers' rows
        self.server: MetricsServer | None = None
        if settings.metrics_port is not None:
            self.server = MetricsServer(
                settings.metrics_host, settings.metrics_port, metrics=self.render_metrics, health=self.health
            )
        self.backups = BackupScheduler(settings, metrics, hold_lease=hold_lease)
        self.retention = retention
        self._failing: list[str] = []

    async def start(self) -> None:
        if self.server is not None:
            await self.server.start()
        self.backups.start()
        self.retention.start()

    async def stop(self) -> None:
        with contextlib.suppress(Exception):
            await self.retention.stop()
        with contextlib.suppress(Exception):
            await self.backups.stop()
        if self.server is not None:
            await self.server.stop()

    async def database_bytes(self) -> int:
        """The database's size on disk (for /about)."""
        return await self.db.size_bytes()

    # -- what /metrics and /healthz read -------------------------------------------------------
    async def render_metrics(self) -> bytes:
        live = LiveState(shards=shard_states(self.client))
        with contextlib.suppress(Exception):  # the figures that need the database are left out
            outbox = await asyncio.wait_for(ops_store.outbox_state(self.db, self.ownership), DATABASE_TIMEOUT)
            live.outbox_backlog = outbox.backlog
            live.outbox_oldest_age = outbox.oldest_age(dt.datetime.now(dt.UTC))
            live.review_queue = await asyncio.wait_for(ops_store.open_review_items(self.db), DATABASE_TIMEOUT)
        return self.metrics.render(live)

    async def health(self) -> HealthReport:
        error: str | None = None
        seconds: float | None = None
        backlog: int | None = None
        oldest: float | None = None
        started = time.perf_counter()
        try:
            await asyncio.wait_for(ops_store.ping(self.db), DATABASE_TIMEOUT)
            seconds = time.perf_counter() - started
            outbox = await asyncio.wait_for(ops_store.outbox_state(self.db, self.ownership), DATABASE_TIMEOUT)
            backlog, oldest = outbox.backlog, outbox.oldest_age(dt.datetime.now(dt.UTC))
        except TimeoutError:
            error = f"no answer within {DATABASE_TIMEOUT:.0f} s"
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
        report = evaluate(
            HealthFacts(
                shards=shard_states(self.client),
                database_error=error,
                database_seconds=seconds,
                outbox_backlog=backlog,
                outbox_oldest_age=oldest,
                outbox_max_age=self.settings.health_outbox_max_age_seconds,
            )
        )
        if report.failing != self._failing:  # a change, not every probe
            if report.failing:
                log.warning("Health check failing: %s", "; ".join(report.failing))
            else:
                log.info("Health check passing again")
            self._failing = report.failing
        return report
