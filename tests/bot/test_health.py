from __future__ import annotations

from bot.health import HealthFacts, evaluate, probe_host
from bot.metrics import ShardState


def facts(**changes) -> HealthFacts:  # type: ignore[no-untyped-def]
    base = {
        "shards": [ShardState(0, True, 0.05)],
        "database_error": None,
        "database_seconds": 0.001,
        "outbox_backlog": 0,
        "outbox_oldest_age": None,
        "outbox_max_age": 900.0,
    }
    return HealthFacts(**(base | changes))


def test_healthy_when_every_part_is():
    report = evaluate(facts())
    assert report.healthy and report.body["status"] == "ok" and report.failing == []
    assert report.body["gateway"] == {"0": {"connected": True, "latency_ms": 50.0}}


def test_each_failing_part_is_named():
    down = evaluate(facts(shards=[ShardState(0, True, 0.1), ShardState(1, False, None)]))
    assert not down.healthy and down.failing == ["gateway: shard 1 is disconnected"]
    assert evaluate(facts(shards=[])).failing == ["gateway: not connected yet"]
    db = evaluate(facts(database_error="no answer within 5 s", outbox_backlog=None))
    assert db.failing == ["database: no answer within 5 s"]
    stuck = evaluate(facts(outbox_backlog=3, outbox_oldest_age=901.0))
    assert stuck.failing == ["outbox: the oldest waiting update delivery has waited 901 s (more than 900 s)"]
    assert evaluate(facts(outbox_backlog=3, outbox_oldest_age=899.0)).healthy


def test_a_bot_on_every_interface_is_asked_on_loopback():
    assert probe_host("0.0.0.0") == "127.0.0.1" and probe_host("::") == "::1" and probe_host("127.0.0.2") == "127.0.0.2"
