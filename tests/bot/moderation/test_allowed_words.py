"""Allowed words and phrases (`/automod rule add action:allow`): each is a whole word or phrase, and
drops only a listed word lying wholly inside it."""

from __future__ import annotations

from bot.moderation.engine import MessageFacts, ModerationEngine
from bot.moderation.rules import KeywordMode, KeywordRule, RuleSet

LISTED = (
    KeywordRule("listed", ("bitches", "asshole", "dick"), KeywordMode.WORD),
    KeywordRule("prefix", ("fuck",), KeywordMode.PREFIX),
)


def flagged(engine: ModerationEngine, text: str) -> bool:
    return engine.check(MessageFacts(text), remember=False).flagged


def test_an_allowed_entry_is_a_whole_word_and_drops_only_the_listed_words_inside_it():
    allowing = ModerationEngine(RuleSet(keywords=LISTED, allowed=("Bitche", "Kung Fu", "ass", "Dick Cheney")))
    for text in ("Bitche is in Moselle", "Kung Fu Kung Fu films", "Balaam's ass spoke", "Dick Cheney was there"):
        assert not flagged(allowing, text), text
    for text in ("shut up, you bitches", "kung fuckers, all of you", "Kung Fuck you", "what an asshole"):
        assert flagged(allowing, text), text
    assert flagged(allowing, "Dick Cheney is a dick")
