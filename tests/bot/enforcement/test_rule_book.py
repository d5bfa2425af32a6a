"""A server's own rules: checked and compiled with the whole set before they are kept."""

from __future__ import annotations

from typing import Any

import pytest

from bot.enforcement.engines import EngineCache
from bot.enforcement.rule_book import RuleBook, domain_of
from bot.errors import UserFacingError
from bot.moderation.engine import ModerationEngine
from bot.storage import Database


class Engines:
    """The engine cache as the rule book sees it: no engine built yet (a rule added is compiled
    with the whole set), and the engine handed over with the rule added."""

    def __init__(self) -> None:
        self.changed: list[int] = []
        self.adopted: list[ModerationEngine] = []

    async def engine(self, guild_id: int) -> ModerationEngine | None:
        return None

    def adopt(self, guild_id: int, engine: ModerationEngine, *, replacing: ModerationEngine | None) -> None:
        self.changed.append(guild_id)
        self.adopted.append(engine)

    def rules_changed(self, guild_id: int) -> None:
        self.changed.append(guild_id)


@pytest.fixture
def engines() -> Any:
    return Engines()


@pytest.fixture
def book(db: Database, engines: EngineCache) -> RuleBook:
    return RuleBook(db, engines=engines)


def test_a_domain_rule_names_the_host() -> None:
    assert domain_of("https://Example.COM/some/path") == "example.com"
    assert domain_of("spam.example") == "spam.example"


async def test_rules_are_added_once_and_the_engine_rebuilt(book: RuleBook, engines: Engines) -> None:
    rule, budget = await book.add(1, "deny_domain", " http://Spam.Example/x ", None, None, added_by=7)
    assert (rule.kind, rule.value, rule.mode, rule.action) == ("deny_domain", "spam.example", "word", "delete")
    assert budget.startswith("The server's rules use ")
    assert engines.changed == [1]
    regex, _ = await book.add(1, "regex", "fre+", None, None, added_by=7)
    assert regex.action == "hold"  # a pattern holds for review unless told otherwise
    assert engines.adopted[-1].rules.regexes[-1].name == f"rule {regex.id}"  # compiled before it had a number
    with pytest.raises(UserFacingError, match="already there"):
        await book.add(1, "deny_domain", "spam.example", None, None, added_by=7)
    assert [r.id for r in await book.rules_of(1)] == [rule.id, regex.id]
    assert await book.remove(1, rule.id) and not await book.remove(1, rule.id)


async def test_rules_that_cannot_run_are_refused_and_nothing_is_kept(book: RuleBook, engines: Engines) -> None:
    with pytest.raises(UserFacingError, match="Nothing was added"):
        await book.add(1, "regex", r"(a)\1", None, None, added_by=7)  # RE2 has no back-references
    with pytest.raises(UserFacingError, match="Only a keyword can be allowed"):
        await book.add(1, "regex", "scunthorpe", None, "allow", added_by=7)
    assert await book.rules_of(1) == [] and engines.changed == []
