"""What the fifth development split (a writer who never saw the engine, with their own 24 words)
showed: leetspeak draws d as "cl" and j as "_/", which the engine did not read."""

from __future__ import annotations

import pytest

from benchmarks.moderation_eval import caught, engine_for

WORDS = ("dolt", "idiot", "idiots", "bellend", "dweeb", "cucked", "jizz", "jizzing", "dick", "dicks", "scum")


@pytest.fixture(scope="module")
def engine():
    return engine_for(WORDS)


@pytest.mark.parametrize(
    "text",
    [
        "absolute 1cliots running the club",
        "the council leader basically said be113ncl on live radio",
        "top comment is literally just c|_|ck3cl",
        "bloke next to me just muttered clwee|3 and walked out",
        "anyone else think the planning officer is a massive icli[]7?",
        "someone keeps replying _/!zz to everyone",  # an underscore and a slash draw a j
        "the mayor said _/1zz!n6 on live radio",
    ],
)
def test_leetspeak_draws_d_as_cl_and_j_as_an_underscore_and_a_slash(engine, text):
    # "cl" is read as d beside other disguises only (tests/bot/moderation/test_probe7_findings.py)
    assert caught(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "just click the link",  # "click" is English: not "dick" drawn with "cl"
        "two clicks and you're in",
        "Click here for the ceasefire story",
        "what a clolt",  # plain letters are the word they spell, even one that is no word
        "the shrug ¯\\_(ツ)_/¯ izz it",  # the shrug's arm is no j
        "the scum_/dev path is wrong",  # "scum" is listed, but stands here as written
    ],
)
def test_english_words_and_plain_letters_with_cl_are_not_read_as_d(engine, text):
    assert caught(engine, text) == ("scum" in text)
