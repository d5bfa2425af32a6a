"""A second attacker probe of this round, by a member's means (not reading the engine): letters
from scripts and "fancy text" generators that look like Latin ones and were read as nothing. Every
test here failed first. Left on purpose, and said so in the README: a letter masked with an
asterisk ("f*ck": the member censored it), words glued without a boundary ("fuckYou", "fuck69"),
and separators that are themselves drawings of letters ("f°u°c°k")."""

from __future__ import annotations

import pytest

from benchmarks.moderation_eval import caught, engine_for
from bot.moderation.engine import MessageFacts, ModerationEngine
from bot.moderation.rules import KeywordMode, KeywordRule, RuleSet

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
        "Ϲunt",
        "DICϏ",
        "ϻoron",
        "ƒυςκ",
        "ςunt",  # Greek
        "ҏrick",
        "ґetard",
        "cџnt",
        "Ғuck",
        "яetard",
        "ЯЭТАЯD",  # Cyrillic, some faux
        "∫hit",
        "whor∊",
        "M◯R◯N",
        "♏oron",  # symbols
        "sh¦t",
        "sh│t",
        "sh┃t",
        "sh╎t",  # bars for a stroke
        "sh➀t",
        "sh❶t",  # dingbat digits as leetspeak
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


@pytest.mark.parametrize(
    "text",
    [
        "S C U N T H O R P E",  # a longer word spelled out, one letter at a time
        "c o c k t a i l s are half price",
        "d i c k e n s",
        "p r i c k l y",
        "m o r o n i c",
        "I.D.I.O.T.I.C",
    ],
)
def test_a_longer_word_spelled_out_is_that_word(text):
    assert not caught(engine_for((*WORDS, "cock", "idiot")), text)


@pytest.mark.parametrize("text", ["u r a c u n t", "what a c u n t", "f u c k", "s.h.i.t", "c u n t lol"])
def test_the_word_itself_spelled_out_is_still_read(engine, text):
    assert caught(engine, text)


def test_a_spelled_word_is_read_as_its_plain_spelling_would_be():
    # "t-i-t I've": a single letter beside it is no longer word ("titi"); "f u c k i n g" is
    # "fucking", which a prefix rule for "fuck" matches as it matches the word written plainly
    assert caught(engine_for(("tit",)), "that streamer is the biggest t-i-t I've ever seen")
    assert caught(engine_for(("tit",)), "that streamer is the biggest t i.T I've ever seen")
    prefix = ModerationEngine(RuleSet(keywords=(KeywordRule("listed", ("fuck",), KeywordMode.PREFIX),)))
    assert prefix.check(MessageFacts("f u c k i n g hell"), remember=False).flagged
    assert not caught(engine_for(("fuck",)), "f u c k i n g hell")  # as "fucking" is no whole-word "fuck"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("$5 hit my account this morning", False),  # money, then a word
        ("BTC $ hit 100k", False),
        ("S$ hit 1.35 against the dollar", False),
        ("the 5$ hit was worth it", False),
        ("what a load of $hit", True),
        ("$ h i t", True),
        ("$h!t", True),
    ],
)
def test_a_currency_sign_before_a_word_is_money(engine, text, flagged):
    assert caught(engine, text) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("1. f\n2. u\n3. c\n4. k", True),  # an ordered list's numbers are the list's, not letters
        ("1) s\n2) h\n3) i\n4) t", True),
        ("- f\n- u\n- c\n- k", True),  # as a bulleted list's dashes are
        ("1. Buy milk\n2. Call mum\n3. shop", False),
        ("Top 3:\n1. Hitchcock\n2. Kubrick\n3. Scorsese", False),
        ("what a load of sh1\n7. Shocking.", True),  # one number at a line's start is no list: its 7 is a t
    ],
)
def test_an_ordered_list_is_read_without_its_numbers(engine, text, flagged):
    assert caught(engine, text) is flagged
