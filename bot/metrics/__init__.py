"""The bot's metrics, in Prometheus's text format (README, "Operating it").

Two kinds of counting, by cost. A message's path through the bot takes about 40 µs of CPU, and a
labelled prometheus-client counter costs 1–2 µs an increment: on that path (gateway events, messages
screened) the bot adds to plain integers, which the collector here turns into metric families only
when /metrics is read. Everywhere else (a REST request, a database query, a delivery, a feed poll)
costs hundreds of microseconds already, and prometheus-client's own counters and histograms
(children bound once where the labels are fixed) are used as they are.

Each bot has its own registry, so several bots in one process (the tests) do not mix their figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, disable_created_metrics, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.process_collector import ProcessCollector
from prometheus_client.registry import Collector

# Seconds: database queries are sub-millisecond to a few hundred ms under a write burst.
DB_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0)
# Seconds: an update reaches a thread in well under a second, unless Discord makes it wait.
DELIVERY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0)
CHAT_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


@dataclass(frozen=True, slots=True)
class ShardState:
    shard_id: int
    connected: bool
    latency: float | None  # seconds, None before the first heartbeat answer


@dataclass(slots=True)
class LiveState:
    """What is read when /metrics is asked for: the gateway, the review queue, the outbox."""

    shards: list[ShardState] = field(default_factory=list)
    review_queue: int | None = None  # None: the database did not answer
    outbox_backlog: int | None = None
    outbox_oldest_age: float | None = None


class BotMetrics:
    def __init__(self) -> None:
        disable_created_metrics()  # no *_created series: half the lines, and nothing a dashboard uses
        self.registry = CollectorRegistry(auto_describe=True)
        # -- the hot path: plain integers, exported by _LiveCollector ------------------------------
        self.messages_screened = 0
        self.gateway_events: dict[str, int] = {}
        self.live = LiveState()

        r = self.registry
        self.moderation_actions = Counter(
            "bot_moderation_actions",
            "Moderation actions taken, by kind (delete, hold, warn, timeout, alert, log…) and by whom",
            ["action", "by"],
            registry=r,
        )
        self.rest_requests = Counter(
            "discord_rest_requests",
            "REST requests to Discord, by method, route (ids replaced by {id}) and status",
            ["method", "route", "status"],
            registry=r,
        )
        self.rest_rate_limited = Counter(
            "discord_rest_rate_limited",
            "REST responses with status 429, by method, route and scope (user, global, shared)",
            ["method", "route", "scope"],
            registry=r,
        )
        db = Histogram(
            "bot_db_query_seconds",
            "Database time: reads, and write transactions (from BEGIN to COMMIT)",
            ["kind"],
            buckets=DB_BUCKETS,
            registry=r,
        )
        self.db_read = db.labels("read")
        self.db_write = db.labels("write")
        self.db_write_wait = db.labels("write_lock_wait")
        self.update_delivery = Histogram(
            "bot_update_delivery_seconds",
            "From an update's outbox row being queued to its message being in the thread",
            buckets=DELIVERY_BUCKETS,
            registry=r,
        )
        self.update_delivery_failed = Counter(
            "bot_update_deliveries_failed",
            "Outbox rows given up on (thread gone, locked, too many attempts)",
            registry=r,
        )
        feed = Counter("bot_feed_polls", "Feed fetches, by result (new, unchanged, failed)", ["result"], registry=r)
        self.feed_ok = feed.labels("ok")
        self.feed_unchanged = feed.labels("unchanged")
        self.feed_failed = feed.labels("failed")
        self.chat_answers = Counter(
            "bot_chat_answers", "Members' questions answered (or refused as too many)", ["result"], registry=r
        )
        self.chat_latency = Histogram(
            "bot_chat_answer_seconds",
            "Time to work out an answer (before sending it)",
            buckets=CHAT_BUCKETS,
            registry=r,
        )
        backups = Counter("bot_backups", "Scheduled database backups, by result", ["result"], registry=r)
        self.backup_ok = backups.labels("ok")
        self.backup_failed = backups.labels("failed")
        self.backup_last_success = Gauge(
            "bot_backup_last_success_timestamp_seconds", "When the last scheduled backup was written", registry=r
        )
        self.retention_cleared = Counter(
            "bot_retention_cleared", "Message copies cleared after RETENTION_DAYS", ["where"], registry=r
        )
        ProcessCollector(registry=r)  # CPU, memory, open files of the bot's process
        r.register(_LiveCollector(self))

    def render(self, live: LiveState) -> bytes:
        """The text format, with the live figures just read."""
        self.live = live
        return generate_latest(self.registry)


class _LiveCollector(Collector):
    """Metric families from plain counters and the live state, built at scrape time."""

    def __init__(self, metrics: BotMetrics) -> None:
        self.metrics = metrics

    def describe(self) -> Iterable[Metric]:
        return []  # read at scrape time; nothing to check for duplicates at registration

    def collect(self) -> Iterable[Metric]:
        m = self.metrics
        yield CounterMetricFamily(
            "bot_messages_screened", "Members' messages checked by the moderation filters", value=m.messages_screened
        )
        events = CounterMetricFamily("discord_gateway_events", "Gateway events received, by type", labels=["type"])
        for name, count in sorted(m.gateway_events.items()):
            events.add_metric([name], count)
        yield events
        connected = GaugeMetricFamily(
            "discord_gateway_connected", "1 while the shard's gateway connection is open", labels=["shard"]
        )
        latency = GaugeMetricFamily(
            "discord_gateway_latency_seconds", "Heartbeat round trip of the shard's gateway", labels=["shard"]
        )
        for shard in m.live.shards:
            connected.add_metric([str(shard.shard_id)], 1.0 if shard.connected else 0.0)
            if shard.latency is not None:
                latency.add_metric([str(shard.shard_id)], shard.latency)
        yield connected
        yield latency
        if m.live.review_queue is not None:
            yield GaugeMetricFamily(
                "bot_review_queue_open", "Held and reported messages waiting for a moderator", value=m.live.review_queue
            )
        if m.live.outbox_backlog is not None:
            yield GaugeMetricFamily(
                "bot_outbox_backlog", "Update deliveries waiting to be sent or being sent", value=m.live.outbox_backlog
            )
            yield GaugeMetricFamily(
                "bot_outbox_oldest_age_seconds",
                "How long the oldest waiting update delivery has waited (0 when none waits)",
                value=m.live.outbox_oldest_age or 0.0,
            )
