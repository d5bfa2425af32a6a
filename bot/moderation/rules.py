"""Moderation rules as plain data, and what a verdict says."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Action(IntEnum):
    """What to do; a higher value is more severe, and a verdict takes the most severe one."""

    NONE = 0
    LOG = 1  # dry run: record only
    ALERT = 2  # tell the moderators (no ping unless configured)
    WARN = 3
    HOLD = 4  # remove at once and queue for review
    DELETE = 5
    TIMEOUT = 6

    @classmethod
    def parse(cls, name: str) -> Action:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown action {name!r}; use one of {', '.join(a.name.lower() for a in cls if a is not cls.NONE)}"
            ) from None


class KeywordMode(IntEnum):
    WORD = 0  # the whole word
    PREFIX = 1  # words starting with it
    SUBSTRING = 2  # anywhere, even inside other words


@dataclass(frozen=True, slots=True)
class KeywordRule:
    name: str
    words: tuple[str, ...]
    mode: KeywordMode = KeywordMode.WORD
    action: Action = Action.DELETE


@dataclass(frozen=True, slots=True)
class RegexRule:
    name: str
    pattern: str
    action: Action = Action.HOLD


@dataclass(frozen=True, slots=True)
class LinkPolicy:
    deny_domains: tuple[str, ...] = ()
    allow_domains: tuple[str, ...] = ()  # when set, links to other domains are flagged
    block_invites: bool = True
    block_shorteners: bool = True
    action: Action = Action.HOLD


@dataclass(frozen=True, slots=True)
class Limits:
    max_mentions: int = 5
    mention_action: Action = Action.DELETE
    caps_ratio: float = 0.7
    caps_min_letters: int = 16
    caps_action: Action = Action.LOG
    flood_messages: int = 6
    flood_seconds: float = 8.0
    flood_action: Action = Action.TIMEOUT
    repeat_messages: int = 3
    repeat_seconds: float = 60.0
    repeat_action: Action = Action.DELETE
    new_account_days: float = 0.0  # 0: off. Younger accounts may not post links.
    new_member_minutes: float = 0.0  # 0: off. Newer members may not post links.
    newcomer_action: Action = Action.HOLD
    timeout_seconds: int = 600


@dataclass(frozen=True, slots=True)
class RuleSet:
    keywords: tuple[KeywordRule, ...] = ()
    regexes: tuple[RegexRule, ...] = ()
    links: LinkPolicy = field(default_factory=LinkPolicy)
    limits: Limits = field(default_factory=Limits)
    # Words and phrases that never trigger a listed word they contain or overlap ("Scunthorpe",
    # "Dick Cheney"): the server's cure for the list's collisions.
    allowed: tuple[str, ...] = ()
    # The first this many keyword rules are built in: never refused, never counted in the budget.
    builtin_keywords: int = 0


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a message was flagged, in terms a moderator can check."""

    rule: str
    action: Action
    detail: str
    matched: str = ""  # the text as written
    normalized: str = ""  # the text as the filter saw it

    def describe(self) -> str:
        seen = f" (read as {self.normalized!r})" if self.normalized and self.normalized != self.matched.lower() else ""
        found = f": {self.matched!r}{seen}" if self.matched else ""
        return f"{self.rule}{found}. {self.detail}"


@dataclass(frozen=True, slots=True)
class Verdict:
    action: Action
    reasons: tuple[Reason, ...] = ()

    @property
    def flagged(self) -> bool:
        return self.action is not Action.NONE

    def to_json(self) -> dict[str, object]:
        return {
            "action": self.action.name.lower(),
            "reasons": [
                {
                    "rule": r.rule,
                    "action": r.action.name.lower(),
                    "detail": r.detail,
                    "matched": r.matched,
                    "normalized": r.normalized,
                }
                for r in self.reasons
            ],
        }
