from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from bot.metrics import BotMetrics, LiveState, ShardState
from bot.metrics.rest import route_of


def samples(text: bytes) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text.decode())
        for s in family.samples
    }


def test_plain_counters_and_live_state_are_exported_at_scrape_time():
    metrics = BotMetrics()
    metrics.messages_screened += 3
    metrics.gateway_events["MESSAGE_CREATE"] = 5
    live = LiveState([ShardState(0, True, 0.042), ShardState(1, False, None)], 2, 7, 12.5)
    got = samples(metrics.render(live))
    assert got[("bot_messages_screened_total", ())] == 3
    assert got[("discord_gateway_events_total", (("type", "MESSAGE_CREATE"),))] == 5
    assert got[("discord_gateway_connected", (("shard", "0"),))] == 1
    assert got[("discord_gateway_connected", (("shard", "1"),))] == 0
    assert got[("discord_gateway_latency_seconds", (("shard", "0"),))] == 0.042
    assert ("discord_gateway_latency_seconds", (("shard", "1"),)) not in got  # no heartbeat answer yet
    assert got[("bot_review_queue_open", ())] == 2
    assert got[("bot_outbox_backlog", ())] == 7 and got[("bot_outbox_oldest_age_seconds", ())] == 12.5
    metrics.messages_screened += 1
    assert samples(metrics.render(live))[("bot_messages_screened_total", ())] == 4


def test_figures_that_need_the_database_are_left_out_when_it_did_not_answer():
    got = samples(BotMetrics().render(LiveState([ShardState(0, True, None)])))
    assert ("bot_outbox_backlog", ()) not in got and ("bot_review_queue_open", ()) not in got


def test_two_bots_in_one_process_keep_their_own_figures():
    first, second = BotMetrics(), BotMetrics()
    first.db_read.observe(0.01)
    assert samples(second.render(LiveState()))[("bot_db_query_seconds_count", (("kind", "read"),))] == 0


def test_routes_replace_ids_and_never_carry_tokens():
    assert route_of("/api/v10/channels/123/messages/456") == "/channels/{id}/messages/{id}"
    assert (
        route_of("/api/v10/interactions/123/aW50ZXJhY3Rpb24.secret/callback") == "/interactions/{id}/{token}/callback"
    )
    assert route_of("/api/v10/webhooks/123/tok-en/messages/@original") == "/webhooks/{id}/{token}/messages/@original"
    assert route_of("/api/v10/guilds/1/members/2") == "/guilds/{id}/members/{id}"
    assert route_of("/api/v10/users/@me") == "/users/@me"
