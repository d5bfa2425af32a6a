"""Every case is stored, counted, logged and announced by one call; a case whose action fails in
Discord stays stored, and is neither logged nor announced as done."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from bot.config_cache import ConfigCache
from bot.enforcement.cases import CASE_OPENED, CaseLog
from bot.enums import CaseAction
from bot.metrics import BotMetrics
from bot.storage import Database
from bot.storage import moderation as mod_store


class Client:
    """What the case log asks of the Discord client: to announce a case."""

    def __init__(self) -> None:
        self.events: list[tuple[str, tuple[Any, ...]]] = []

    def dispatch(self, event: str, *args: Any) -> None:
        self.events.append((event, args))


GUILD: Any = SimpleNamespace(id=1)  # a server without a mod-log channel: nothing to write, the rest happens


@pytest.fixture
def client() -> Client:
    return Client()


@pytest.fixture
def metrics() -> BotMetrics:
    return BotMetrics()


@pytest.fixture
def cases(db: Database, client: Client, metrics: BotMetrics) -> CaseLog:
    return CaseLog(db, client, configs=ConfigCache(db, {"mod_log_channel": None}), metrics=metrics)  # type: ignore[arg-type]


def counted(metrics: BotMetrics, action: str, by: str) -> float:
    return metrics.moderation_actions.labels(action, by)._value.get()


async def test_one_call_stores_counts_and_announces(cases: CaseLog, client: Client, metrics: BotMetrics, db: Database):
    case = await cases.open(GUILD, member_id=5, moderator_id=7, action=CaseAction.NOTE, reason="Asked for sources")
    assert (case.number, case.action, case.reason) == (1, "note", "Asked for sources")
    assert await mod_store.get_case(db, 1, 1) == case
    assert client.events == [(CASE_OPENED, (case,))]
    assert counted(metrics, "note", "moderator") == 1
    assert case.created_at.tzinfo is not None and case.action is CaseAction.NOTE


async def test_a_failed_action_leaves_the_case_stored_and_unannounced(cases: CaseLog, client: Client, db: Database):
    with pytest.raises(RuntimeError):
        async with cases.opening(GUILD, member_id=5, moderator_id=7, action=CaseAction.TIMEOUT, reason="x"):
            raise RuntimeError("Discord said no")
    [stored] = await mod_store.cases_of_member(db, 1, 5)
    assert stored.action == "timeout"  # written before Discord was asked
    assert client.events == []


async def test_the_filter_and_escalations_are_counted_apart(cases: CaseLog, metrics: BotMetrics):
    await cases.open(GUILD, member_id=5, moderator_id=None, action=CaseAction.DELETE, rule="profanity")
    await cases.open(GUILD, member_id=5, moderator_id=None, action=CaseAction.TIMEOUT, rule="escalation")
    assert counted(metrics, "delete", "filter") == 1
    assert counted(metrics, "timeout", "escalation") == 1
