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
# A person reads "fucked", "fuckers", "cunts" and "assholes" as the listed word: these are listed
# as prefixes, since every word that starts with them is the same word (no English word starts
# with "fuck" or "cunt"; "Scunthorpe" does not start with "cunt").
DEFAULT_PREFIXES = ("fuck", "motherfuck", "bullshit", "cunt", "asshole", "dickhead", "wanker")
# Innocent words start with the others ("shitake", the common misspelling of shiitake, "Shitterton",
# "bitchute", "bastardise", "bastardy", "twattle"): whole words, with their inflections and
# compounds listed, as Discord's own keyword presets do. Not "shite": a stretched letter is read,
# and "Shiite" would be it. "Twatt" in Orkney is read as a place when it is written as a name is
# (false_reading.false_reading); "twatt" in lower case is a stretched "twat".
DEFAULT_WHOLE_WORDS = (
    "shit",
    "shits",
    "shitty",
    "shittier",
    "shittiest",
    "shitting",
    "shitted",
    "shithead",
    "shitheads",
    "shithole",
    "shitholes",
    "shitshow",
    "shitstorm",
    "shitload",
    "shitloads",
    "shitter",
    "shitless",
    "dipshit",
    "dipshits",
    "horseshit",
    "batshit",
    "apeshit",
    "chickenshit",
    "clusterfuck",
    "clusterfucks",
    "bitch",
    "bitches",
    "bitchy",
    "bitching",
    "bitched",
    "bitchin",
    "bastard",
    "bastards",
    "twat",
    "twats",
)


def default_rules() -> RuleSet:
    return RuleSet(
        keywords=(
            KeywordRule("profanity", DEFAULT_PREFIXES, KeywordMode.PREFIX, Action.DELETE),
            KeywordRule("profanity", DEFAULT_WHOLE_WORDS, KeywordMode.WORD, Action.DELETE),
        ),
        regexes=(),
        links=LinkPolicy(block_invites=True, block_shorteners=True, action=Action.HOLD),
        limits=Limits(),
        builtin_keywords=2,
    )
