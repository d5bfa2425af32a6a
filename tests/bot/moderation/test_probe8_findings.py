"""A second attacker probe of this round, by a member's means (not reading the engine): letters
from scripts and "fancy text" generators that look like Latin ones and were read as nothing. Every
test here failed first. Left on purpose, and said so in the README: a letter masked with an
asterisk ("f*ck": the member censored it), words glued without a boundary ("fuckYou", "fuck69"),
and separators that are themselves drawings of letters ("f°u°c°k")."""

from __future__ import annotations

import pytest

from benchmarks.moderation_eval import caught, engine_for

WORDS = ("fuck", "cunt", "shit", "twat", "nazi", "slut", "bitch", "moron", "whore", "retard", "prick", "dick", "pussy")


@pytest.fixture(scope="module")
def engine():
    return engine_for(WORDS)


@pytest.mark.parametrize(
    "text",
    [
        "cuⲛt",
        "shⲓt",
        "shiⲧ",
        "twⲁt",
        "NⲀZI",
        "sⲏit",  # Coptic
        "sլut",
        "ժick",  # Armenian
        "pʊssy",
        "fucӄ",
        "fucҜ",
        "ʃhit",
        "ꝼuck",
        "ꞇwat",
        "ƿrick",
        "ƅitch",
        "ꝺick",
        "fucʞ",
        "ʗunt",  # Latin, IPA
        "cuπt",
        "cuᥒt",
        "mФron",
        "MФЯФN",  # pi, Tai Le, faux Cyrillic
        "ᚱetard",
        "ᛒitch",
        "ᛊhit",
        "cunᛏ",
        "ᚲunt",  # runes
        "fucꓘ",
        "n𐌰zi",  # Lisu, Gothic
        "ᗯᕼOᖇᕮ",
        "ᑎᗩᘔI",  # "fancy text" syllabics
    ],
)
def test_look_alike_letters_the_probe_found_unread(engine, text):
    assert caught(engine, f"what a {text} honestly")


@pytest.mark.parametrize(
    "text",
    [
        "Ⲡⲓⲛⲟⲩϯ ⲁⲩⲱ ⲡⲉⲧⲉⲛϩⲏⲧ ⲛⲁⲛⲟⲩϥ",  # Coptic prose is Coptic, not disguised Latin
        "ᚠᚢᚦᚨᚱᚲ ᛒᛖᚱᚲᚨᚾᚨ ᛊᛏᚨᛁᚾᚨ",  # a runic inscription
        "Купил фотоаппарат за морем",  # Russian with ф
        "2πr is the circumference",
    ],
)
def test_those_scripts_in_their_own_text_are_left_alone(engine, text):
    assert not caught(engine, text)
