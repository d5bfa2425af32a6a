"""Is the bot healthy? The verdict from plain facts, and asking a running bot (`python -m bot health`).

Healthy means: every shard of the process is connected to the gateway, the database answers, and
the update outbox's oldest waiting row is younger than HEALTH_OUTBOX_MAX_AGE_SECONDS. No discord.py
here: the bot gathers the facts (bot.operations) and this judges them.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from bot.metrics import ShardState


@dataclass(frozen=True, slots=True)
class HealthFacts:
    shards: list[ShardState]
    database_error: str | None  # None: it answered
    database_seconds: float | None
    outbox_backlog: int | None
    outbox_oldest_age: float | None
    outbox_max_age: float


@dataclass(frozen=True, slots=True)
class HealthReport:
    healthy: bool
    failing: list[str]  # "gateway: shard 0 is disconnected", …
    body: dict[str, Any]


def evaluate(facts: HealthFacts) -> HealthReport:
    failing = []
    if not facts.shards:
        failing.append("gateway: not connected yet")
    for shard in facts.shards:
        if not shard.connected:
            failing.append(f"gateway: shard {shard.shard_id} is disconnected")
    if facts.database_error is not None:
        failing.append(f"database: {facts.database_error}")
    elif facts.outbox_oldest_age is not None and facts.outbox_oldest_age > facts.outbox_max_age:
        failing.append(
            f"outbox: the oldest waiting update delivery has waited {facts.outbox_oldest_age:.0f} s "
            f"(more than {facts.outbox_max_age:.0f} s)"
        )
    body: dict[str, Any] = {
        "status": "ok" if not failing else "failing",
        "failing": failing,
        "gateway": {
            str(s.shard_id): {
                "connected": s.connected,
                "latency_ms": None if s.latency is None else round(s.latency * 1000, 1),
            }
            for s in facts.shards
        },
        "database": {
            "ok": facts.database_error is None,
            "error": facts.database_error,
            "ms": None if facts.database_seconds is None else round(facts.database_seconds * 1000, 2),
        },
        "outbox": {
            "backlog": facts.outbox_backlog,
            "oldest_age_seconds": None if facts.outbox_oldest_age is None else round(facts.outbox_oldest_age, 1),
            "max_age_seconds": facts.outbox_max_age,
        },
    }
    return HealthReport(not failing, failing, body)


def probe_host(host: str) -> str:
    """The address to ask: a bot listening on every interface answers on loopback too."""
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    if host == "::":
        return "::1"
    return host


def ask(host: str, port: int, timeout: float = 10.0) -> tuple[bool, str]:
    """(healthy, one line saying why) from a running bot's /healthz."""
    host = probe_host(host)
    url = f"http://[{host}]:{port}/healthz" if ":" in host else f"http://{host}:{port}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body = json.loads(response.read())
            return True, f"ok: {_details(body)}"
    except urllib.error.HTTPError as error:
        try:
            body = json.loads(error.read())
        except ValueError:
            return False, f"failing: {url} answered {error.code}"
        return False, "failing: " + "; ".join(body.get("failing") or [f"status {error.code}"])
    except (urllib.error.URLError, OSError, TimeoutError) as error:
        reason = getattr(error, "reason", error)
        return False, f"failing: no answer from {url} ({reason}); is the bot running with METRICS_PORT={port}?"


def _details(body: dict[str, Any]) -> str:
    shards = body.get("gateway") or {}
    outbox = body.get("outbox") or {}
    return (
        f"{len(shards)} shard(s) connected, database {body.get('database', {}).get('ms')} ms, "
        f"outbox backlog {outbox.get('backlog')}"
    )
