"""Letters spelled out between one repeated operator, and brackets mirrored under a right-to-left
override: what an attacker probe tried against both readings."""

from __future__ import annotations

import pytest

from benchmarks.moderation_eval import caught, engine_for

WORDS = ("shit", "crap", "cunt", "whore")


@pytest.fixture(scope="module")
def engine():
    return engine_for(WORDS)


@pytest.mark.parametrize("text", ["c = r = 4 = p", "s = h = 1 = t", "$ = h = i = t", "c = u = n = 7"])
def test_a_word_spelled_out_with_one_operator_is_caught_with_a_leet_letter_too(engine, text):
    # "c = r = a = p" is caught now, and "c r 4 p", "s h 1 t", "$ h i t" are: one digit or symbol
    # for a letter must not turn the spelled-out word back into "code".
    assert caught(engine, text.replace(" = ", " ").replace(" + ", " "))  # the plain spelling is caught
    assert caught(engine, text)


def test_a_mirrored_pair_the_names_do_not_pair_is_mirrored_under_an_override(engine):
    # U+2208 ELEMENT OF and U+220B CONTAINS AS MEMBER are a BidiMirroring.txt pair (their names do
    # not say LEFT/RIGHT). Under RLO a renderer draws "\u202e∋rohw" as "whor∈", which is caught
    # when typed directly; the override version must be too.
    assert caught(engine, "whor∈")
    assert caught(engine, "\u202e\u220brohw")
