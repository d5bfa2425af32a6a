"""A server's rule set: the defaults plus the rules its moderators added, and whether one more fits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.moderation.defaults import default_rules
from bot.moderation.engine import ModerationEngine
from bot.moderation.matcher import Problem
from bot.moderation.rules import Action, KeywordMode, KeywordRule, RegexRule, RuleSet

MODES = {"word": KeywordMode.WORD, "prefix": KeywordMode.PREFIX, "substring": KeywordMode.SUBSTRING}
ALLOW = "allow"  # the action of a keyword that never triggers: an allowed word or phrase


@dataclass(frozen=True, slots=True)
class ServerRule:
    """A rule a server's moderators added (`/automod rule add`), as the engine reads it."""

    id: int
    kind: str  # keyword, regex, deny_domain, allow_domain
    value: str
    mode: str = "word"  # for keywords: word, prefix, substring
    action: str = "delete"  # an Action's name, or ALLOW


def rule_name(rule_id: int) -> str:
    return f"rule {rule_id}"


def server_rules(stored: Sequence[ServerRule]) -> RuleSet:
    base = default_rules()
    keywords = list(base.keywords)
    regexes = list(base.regexes)
    deny = list(base.links.deny_domains)
    allow = list(base.links.allow_domains)
    allowed_words = list(base.allowed)
    for rule in stored:
        if rule.kind == "keyword" and rule.action == ALLOW:
            allowed_words.append(rule.value)
            continue
        action = Action.parse(rule.action)
        if rule.kind == "keyword":
            keywords.append(KeywordRule(rule_name(rule.id), (rule.value,), MODES[rule.mode], action))
        elif rule.kind == "regex":
            regexes.append(RegexRule(rule_name(rule.id), rule.value, action))
        elif rule.kind == "deny_domain":
            deny.append(rule.value.lower())
        elif rule.kind == "allow_domain":
            allow.append(rule.value.lower())
    links = replace(base.links, deny_domains=tuple(deny), allow_domains=tuple(allow))
    return replace(base, keywords=tuple(keywords), regexes=tuple(regexes), links=links, allowed=tuple(allowed_words))


@dataclass(frozen=True, slots=True)
class Addition:
    """What adding a rule would do: the engine with it, and why it cannot run (None: it can)."""

    engine: ModerationEngine
    problem: Problem | None

    def budget_line(self) -> str:
        used, budget = self.engine.matcher.used, self.engine.matcher.budget
        share = used / budget
        return f"The server's rules use {share:.0%} of the rule budget ({used:,} of {budget:,} RE2 instructions)."


def try_addition(stored: Sequence[ServerRule], candidate: ServerRule) -> Addition:
    """Compile the server's whole rule set with `candidate` added (slow for thousands of rules:
    run it off the event loop). Its problem, if RE2 refuses it or the budget is spent."""
    engine = ModerationEngine(server_rules([*stored, candidate]))
    name = rule_name(candidate.id)
    problem = next((p for p in engine.problems if p.rule == name), None)
    return Addition(engine, problem)
