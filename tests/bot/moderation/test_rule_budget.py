"""Rule sets fail closed and scale (issue 12): 10,000 whole-word keywords compile and screen; a rule
that would break the set is refused; a stored set that cannot compile keeps the rest running."""

from __future__ import annotations

from bot.moderation import matcher
from bot.moderation.engine import MessageFacts, ModerationEngine
from bot.moderation.server_rules import ServerRule, server_rules, try_addition
from tests.moderation_corpus import clean_messages, keywords


def keyword(rule_id: int, value: str, mode: str = "word", action: str = "delete") -> ServerRule:
    return ServerRule(rule_id, "keyword", value, mode, action)


def rules_hit(engine: ModerationEngine, text: str) -> set[str]:
    return {r.rule for r in engine.check(MessageFacts(text), remember=False).reasons}


def test_ten_thousand_whole_word_keywords_compile_and_screen():
    words = keywords(10_012)[12:]  # made-up words, past the default list
    stored = [keyword(i, word) for i, word in enumerate(words, 1)]
    engine = ModerationEngine(server_rules(stored))
    assert engine.problems == []
    assert len(engine.matcher._keyword_sets) > 1  # split: one set this size does not compile
    assert rules_hit(engine, f"you are a {words[-1]}") == {"rule 10000"}
    assert rules_hit(engine, f"{words[0].upper()}!!") == {"rule 1"}
    assert rules_hit(engine, "what the fuck") == {"profanity"}
    assert not any(engine.check(MessageFacts(m), remember=False).flagged for m in clean_messages(500))


def test_a_rule_that_would_break_the_set_is_refused_with_the_budget_left(monkeypatch):
    # 500-character keywords anywhere in a word: the kind of rule that used to break the set (a
    # smaller budget than the real one, so that the test compiles less)
    monkeypatch.setattr(matcher, "RULE_BUDGET", 400_000)
    long_words = ["".join(keywords(80, seed=i)[12:])[:500] for i in range(40)]
    every = [keyword(rule_id, word, mode="substring") for rule_id, word in enumerate(long_words, 1)]
    over = {p.rule for p in ModerationEngine(server_rules(every)).problems}
    stored = [rule for rule in every if f"rule {rule.id}" not in over]  # what fits the budget
    assert 0 < len(stored) < len(every)
    refused = try_addition(stored, keyword(999, long_words[-1][::-1], mode="substring"))
    assert refused.problem is not None
    assert "budget" in refused.problem.reason  # type: ignore[union-attr]
    assert "of the rule budget" in refused.budget_line()
    assert refused.engine.matcher.used <= matcher.RULE_BUDGET
    # what was accepted still runs, with the defaults
    engine = ModerationEngine(server_rules(stored))
    assert engine.problems == []
    assert rules_hit(engine, f"x{long_words[0]}x") == {"rule 1"}
    assert rules_hit(engine, "bullshit") == {"profanity"}


def test_a_pattern_re2_refuses_is_refused():
    addition = try_addition([], ServerRule(7, "regex", r"(a)\1", "word", "hold"))
    assert addition.problem is not None and "back-references" in addition.problem.reason


def test_a_stored_set_that_cannot_compile_keeps_the_defaults_and_the_rest_running():
    long_words = ["".join(keywords(80, seed=i)[12:])[:500] for i in range(400)]
    stored = [
        keyword(1, "spamword"),
        ServerRule(2, "regex", r"(a)\1", "word", "hold"),  # stored before RE2 was checked
        *(keyword(i, word, mode="substring") for i, word in enumerate(long_words, 3)),
        keyword(1000, "lateword"),
    ]
    engine = ModerationEngine(server_rules(stored))
    not_running = {p.rule for p in engine.problems}
    assert "rule 2" in not_running and len(not_running) > 1
    assert "rule 1" not in not_running and "rule 3" not in not_running
    assert rules_hit(engine, "what the fuck") == {"profanity"}
    assert rules_hit(engine, "buy spamword now") == {"rule 1"}
    assert rules_hit(engine, f"x{long_words[0]}x") == {"rule 3"}
    assert all(p.describe() for p in engine.problems)
