"""A server's rule set: the defaults plus the rules its moderators added."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.moderation.defaults import default_rules
from bot.moderation.rules import Action, KeywordMode, KeywordRule, RegexRule, RuleSet
from bot.storage.moderation import StoredRule

MODES = {"word": KeywordMode.WORD, "prefix": KeywordMode.PREFIX, "substring": KeywordMode.SUBSTRING}


def server_rules(stored: Sequence[StoredRule]) -> RuleSet:
    base = default_rules()
    keywords = list(base.keywords)
    regexes = list(base.regexes)
    deny = list(base.links.deny_domains)
    allow = list(base.links.allow_domains)
    for rule in stored:
        action = Action.parse(rule.action)
        if rule.kind == "keyword":
            keywords.append(KeywordRule(f"rule {rule.id}", (rule.value,), MODES[rule.mode], action))
        elif rule.kind == "regex":
            regexes.append(RegexRule(f"rule {rule.id}", rule.value, action))
        elif rule.kind == "deny_domain":
            deny.append(rule.value.lower())
        elif rule.kind == "allow_domain":
            allow.append(rule.value.lower())
    links = replace(base.links, deny_domains=tuple(deny), allow_domains=tuple(allow))
    return replace(base, keywords=tuple(keywords), regexes=tuple(regexes), links=links)
