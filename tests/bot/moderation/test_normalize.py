"""The disguise hint: the one-pass test that lets most messages skip normalisation must never let
a disguised message through, and should stay quiet on ordinary text."""

from __future__ import annotations

import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.moderation.normalize import DISGUISE_HINT, normalize, plain_punctuation, variants
from tests.moderation_corpus import clean_messages

HINT = re2.compile(DISGUISE_HINT)
# Letters, leet symbols, every separator _SPACED knows (ASCII whitespace as Python sees it
# included) and a few other characters: the places where a superset could leak.
ALPHABET = "abdeilostwABS 013457@$!|+.-_*,/\\~'`^\t\n\x0b\x0c\r\x1c\x1f#?:"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=24))
def test_text_the_hint_does_not_match_normalises_to_itself(text: str):
    lowered = text.lower()
    if HINT.search(lowered) is None:
        assert normalize.__wrapped__(text) == lowered  # type: ignore[attr-defined]
        assert variants(lowered) == [lowered]


def test_the_hint_fires_on_disguises():
    disguises = ["b.a.d", "b a d", "b. a. d", "s_h_1_t", "sh1t", "b@d", "a11", "baaaad", "x b-a-d.", "wwwtf", "awww"]
    for disguised in disguises:
        assert HINT.search(disguised.lower()), disguised


def test_ordinary_text_rarely_needs_the_slow_path():
    messages = [plain_punctuation(m).lower() for m in clean_messages(2000, seed=5)]
    ascii_messages = [m for m in messages if m.isascii()]
    hinted = [m for m in ascii_messages if HINT.search(m)]
    assert len(ascii_messages) > 0.95 * len(messages)  # typographic quotes and dashes do not count
    assert len(hinted) < 0.05 * len(ascii_messages), hinted[:5]
    ordinary_texts = ["the u.s. president", "i'm not sure", "it's a strong case", "this!!", "in 2024 it grew"]
    for ordinary in [*ordinary_texts, "see www.reuters.com/world/83"]:
        assert HINT.search(ordinary) is None, ordinary


def test_plain_punctuation():
    assert plain_punctuation("“Quoted” — it’s…") == '"Quoted" - it\'s...'
