"""The rules a server starts with, before its moderators add their own."""

from __future__ import annotations

from bot.moderation.rules import Action, KeywordMode, KeywordRule, Limits, LinkPolicy, RuleSet

# Strong profanity only; servers add their own lists (slurs, spam phrases) with /automod.
DEFAULT_WORDS = (
    "fuck",
    "fucking",
    "motherfucker",
    "shit",
    "bullshit",
    "cunt",
    "asshole",
    "bitch",
    "bastard",
    "dickhead",
    "wanker",
    "twat",
)


def default_rules() -> RuleSet:
    return RuleSet(
        keywords=(KeywordRule("profanity", DEFAULT_WORDS, KeywordMode.WORD, Action.DELETE),),
        regexes=(),
        links=LinkPolicy(block_invites=True, block_shorteners=True, action=Action.HOLD),
        limits=Limits(),
        builtin_keywords=1,
    )
