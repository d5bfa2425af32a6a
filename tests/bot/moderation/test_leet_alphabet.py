"""Leetspeak's alphabet as the public tables draw it, letter by letter: the drawings of several
characters the engine did not read (found by running the whole table through it, not from any
evaluation set). Drawings that plain text is full of are left out on purpose, and named in
bot/moderation/patterns.py; an attacker probe showed which (tests/bot/moderation/test_probe7_findings.py)."""

from __future__ import annotations

import pytest

from benchmarks.moderation_eval import caught, engine_for

WORDS = (
    "homo",
    "hell",
    "nazi",
    "bastard",
    "bollocks",
    "shit",
    "whore",
    "jizz",
    "wanker",
    "fuck",
    "moron",
    "cunt",
    "prick",
    "pussy",
    "twat",
    "vagina",
    "marvel",
)


@pytest.fixture(scope="module")
def engine():
    return engine_for(WORDS)


@pytest.mark.parametrize(
    "drawn",
    [
        "s|~|it",
        "w]~[ore",
        "}-{omo",
        "|=|ell",  # h
        "_]izz",
        "._]izz",
        ",_]izz",
        "_/izz",  # j
        "/v\\oron",
        "/|\\arvel",  # m
        "cu[\\]t",
        "wa<\\>ker",
        "cu{\\}t",
        "]\\[azi",  # n
        "wh¤re",  # o
        "|7ussy",  # p
        "basta/2d",
        "basta|9d",  # r
        "shi']['",
        "~|~wat",  # t
        "|/agina",  # v
        "t'//at",
        "\\v/anker",
        "t\\x/at",
        "|/\\|hore",  # w
        "pu55\\|/",  # y
        "ji>_z",
        "ji-/_z",  # z
    ],
)
def test_the_leetspeak_alphabets_drawings_are_read(engine, drawn):
    assert caught(engine, f"honestly you are a {drawn} and everyone knows it")


@pytest.mark.parametrize(
    "text",
    [
        "great game (v) good",  # a drawing alone is no word
        "see page 3 :-: and page 4",
        "the ratio was >_< terrible",
        "wow!) that was close",
        "a <> b in the spec",
        "totally (-) neutral",
    ],
)
def test_drawings_alone_are_not_words(engine, text):
    # and the drawings plain text is full of are not read at all (see MULTI_READINGS): checkboxes
    # "[-]", markers "(-)", SQL's "<>", a shell's ">|", markdown's "|`" (tests/bot/moderation/test_probe7_findings.py)
    assert not caught(engine, text)
