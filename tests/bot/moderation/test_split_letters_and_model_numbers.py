"""What the fourth development split (a writer who never saw the engine: leetspeak in combinations,
codes and tags) showed: a lone letter split off a word, and how far a model number's shape goes."""

from __future__ import annotations

import pytest

from benchmarks.moderation_eval import caught, engine_for

WORDS = ("minge", "boob", "sod", "butt", "ass", "shit")


@pytest.fixture(scope="module")
def engine():
    return engine_for(WORDS)


@pytest.mark.parametrize(
    "text",
    [
        "lowkey the editor is a ming e for running this",  # "ming" is a word, "e" is none: the word split
        "imagine being such a boo. b that u leak ur own memo",
        "what a s od",
    ],
)
def test_a_single_letter_split_off_a_word_is_still_the_word(engine, text):
    assert caught(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "r u ok? the pen is fine",
        "sh, it is fine",
        "plan b, it was",
    ],
)
def test_letters_that_chat_writes_as_words_do_not_split_one(engine, text):
    assert not caught(engine, text)


def test_capitals_that_spell_most_of_the_word_before_its_digits_are_no_model_number(engine):
    """ "MIN63": three of the word's five letters written as letters, then two digits for the rest.
    A model number's letters are fewer ("A55", "AK47", "GTX1080")."""
    assert caught(engine, "hes clearly a MIN63")
    assert not caught(engine, "my Galaxy A55 is fine")
    assert not caught(engine, "the new BU77 bus route")  # two letters, two digits: still a model number's shape


@pytest.mark.parametrize("text", ["my old Canon EOS 50D still works", "shot on a 50D and a 5D", "the 500D lens"])
def test_a_number_then_a_capital_is_a_model_number(engine, text):
    assert not caught(engine, text)
    assert caught(engine, "you absolute 50d")  # in lower case, not a model number's shape
