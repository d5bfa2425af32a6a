"""Leetspeak's alphabet as the public tables draw it, letter by letter: the drawings of several
characters the engine did not read (found by running the whole table through it, not from any
evaluation set). Drawings that are too often plain text are left out on purpose, and said so."""

from __future__ import annotations

import pytest

from benchmarks.moderation_eval import caught, engine_for

WORDS = (
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
        "!3astard",  # "!" is a stroke as "|" is: b
        "s[-]it",
        "s(-)it",
        "s|~|it",
        "w]~[ore",
        "s:-:it",
        "w!-!ore",  # h
        "_]izz",
        "._]izz",
        ",_]izz",  # j
        "wan>|er",
        "fuc|c",  # k
        "/v\\oron",
        "[v]oron",
        "(v)oron",
        "/|\\arvel",  # m
        "cu[\\]t",
        "wa<\\>ker",
        "cu{\\}t",
        "wa/vker",  # n
        "wh<>re",
        "wh¤re",  # o
        "|^rick",
        "|7ussy",
        '|"rick',  # p
        "basta|`d",
        "wanke|~",
        "basta/2d",
        "basta|^d",
        "basta|9d",  # r
        "shi']['",  # t
        "|/agina",
        "mar\\|el",  # v
        "t'//at",
        "\\v/anker",
        "t\\x/at",  # w
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
    assert not caught(engine, text)
