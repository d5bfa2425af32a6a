"""An attacker probe of this round's leetspeak readings ("cl" for d, the public tables' other
drawings, "!" as a stroke): what it found flagged in clean text, and the evasions it found missed
that are now read. Every test here failed first."""

from __future__ import annotations

import pytest

from benchmarks.moderation_eval import caught, engine_for

WORDS = (
    "dicky",
    "dick",
    "dickhole",
    "dickless",
    "dinks",
    "doggy",
    "dong",
    "dic",
    "dope",
    "dik",
    "prick",
    "paki",
    "pedo",
    "jew",
    "jerk",
    "jap",
    "jiz",
    "spaz",
    "nazi",
    "rape",
    "retard",
    "prat",
    "nut",
    "hell",
    "hoe",
    "homo",
    "ho",
    "kys",
    "kill",
    "idiot",
    "dolt",
    "whore",
    "wanker",
    "twat",
)


@pytest.fixture(scope="module")
def engine():
    return engine_for(WORDS)


@pytest.mark.parametrize(
    "text",
    [
        # plain letters are the word they spell: "cl" draws a d only beside other disguises
        "My new switches are so clicky!",
        "CLICKY",
        "Did you see the new ClickHole article?",
        "a clickless checkout flow",
        "glasses clinks",
        "the drain is cloggy again",
        "I heard a clong",
        "haz clic aquí",
        "une clope",
        "Clik",
        # "!" is prose's mark, not a stroke: it draws no letter with a quote, a tilde or a bracket
        '"Hey!!" Rick',
        '"Oh no!!" Rick exclaimed.',
        "**Congrats!!** Rick",
        '"Wow!!" Aki said',
        '"Nice!!" Edo',
        "Yay!!~ ape",
        "wow!!~ etard",
        "(!) ick",
        "[!] ick",
        # kaomoji and the shrug: "_/" and ">_" are their arms and eyes, not j and z
        "¯\\_(ツ)_/¯ ew",
        "idk ¯\\_(ツ)_/¯ ew",
        "¯\\_(ツ)_/¯ erk",
        "(\\_/) ew",
        "_/\\_ ew",
        "I went to the spa >_<",
        "Na >_< I forgot",
        # markdown, code, paths and checkboxes
        "||~~ape~~||",
        "||`ape`||",
        'type Name = "morty"|"rick"',
        'type Pet = "cat"|"rat"',
        "GET /v/ut/list",
        "- [-] ell",
        "(-) omo",
        ":-: ell",
        "x <> 0 AND h <> 0",
        "h<>e",
        "ls |cys",
        "cat f >| ill.txt",
        "x = y |^ ape",
    ],
)
def test_clean_text_the_new_readings_flagged(engine, text):
    assert not caught(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "ur such a c|ick",  # c and a stroke draw a d, as c and l do
        "shut up 1c|iot",
        "ur a 1cliot",  # "cl" beside a digit
        "|/\\|HORE",  # the w drawings with strokes round an upside-down v
        "(/\\)anker",
        "]\\[AZI",
        "}-{omo",
        "|=|ell",
        "~|~wat",
    ],
)
def test_evasions_the_probe_found_missed(engine, text):
    assert caught(engine, f"honestly {text} and everyone knows it")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("nobody asked, d|i|c|k", "dick"),  # the word's own c beside a spoiler's bar
        ("bro really said it like a dουć|-|e$", "douche"),  # its own c, then |-| for h
        ("D|I|c|\n|k|H|E|A|D", "dickhead"),
    ],
)
def test_a_c_beside_a_stroke_that_is_the_words_own_c_is_not_taken_for_a_d(text, word):
    # "c|" draws a d; where the word's own c stands beside a bar, the match must not be judged
    # as if it were a d ("douce" is English, and would have excused the match)
    assert caught(engine_for((word,)), text)
