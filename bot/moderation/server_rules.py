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
        matcher = self.engine.matcher
        line = (
            f"The server's rules use {matcher.used / matcher.budget:.0%} of the rule budget "
            f"({matcher.used:,} of {matcher.budget:,} RE2 instructions)"
        )
        if matcher.regex_used:
            line += f"; its patterns {matcher.regex_used:,} of the {matcher.regex_budget:,} they may take"
        return line + "."

    def stored_as(self, rule_id: int) -> ModerationEngine:
        """The engine, with the rule named as stored (it was compiled before it had a number)."""
        self.engine.rename_rule(rule_name(CANDIDATE_ID), rule_name(rule_id))
        return self.engine


CANDIDATE_ID = 0  # the number a rule has before it is stored (stored rules start at 1)


def try_addition(
    stored: Sequence[ServerRule], candidate: ServerRule, current: ModerationEngine | None = None
) -> Addition:
    """The server's rule set with `candidate` added (numbered CANDIDATE_ID), compiled: from
    `current`, the server's engine, when it runs `stored` (only the candidate is compiled, with
    the small sets before it), else whole (slow for thousands of rules). Run it off the event
    loop. Its problem, if RE2 refuses it or a budget is spent."""
    rules = server_rules([*stored, candidate])
    if current is not None and current.rules == server_rules(stored):
        engine = current.with_rules(rules)
    else:
        engine = ModerationEngine(rules)
    name = rule_name(candidate.id)
    problem = next((p for p in engine.problems if p.rule == name), None)
    return Addition(engine, problem)
