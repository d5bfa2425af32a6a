"""Probe 5: an attacker's and a picky moderator's findings against the word filter.

Each test is one finding and fails against the engine as it stands (nothing here is fixed). The
evasions are texts a member reads as the listed word in the rendered Discord message; the clean
texts are things people really write, which a moderator would leave alone.

Two engines: the built-in defaults (what every server runs), and a server that lists short words
(3-5 letters, the kind whose letters turn up in codes and numbers) as whole words, as
tests/bot/moderation/test_evasions.py builds one.
"""

from __future__ import annotations

import pytest

from bot.moderation.defaults import default_rules
from bot.moderation.engine import MessageFacts, ModerationEngine
from bot.moderation.rules import KeywordMode, KeywordRule, RuleSet

SHORT_WORDS = (
    "tit",
    "tits",
    "cum",
    "ass",
    "hoe",
    "hoes",
    "git",
    "sod",
    "crap",
    "twat",
    "piss",
    "fag",
    "thot",
    "cunt",
    "slut",
    "bitch",
    "boobs",
    "pussy",
    "retard",
)
SHORT = ModerationEngine(RuleSet(keywords=(KeywordRule("listed", SHORT_WORDS, KeywordMode.WORD),)))
DEFAULTS = ModerationEngine(default_rules())


def caught(text: str) -> bool:
    """Whether the short-words server's listed words flag `text`."""
    return any(r.rule == "listed" for r in SHORT.check(MessageFacts(text), remember=False).reasons)


def caught_by_defaults(text: str) -> bool:
    """Whether the built-in profanity list flags `text`."""
    return any(r.rule == "profanity" for r in DEFAULTS.check(MessageFacts(text), remember=False).reasons)


# -- evasions: read as the listed word, and let through ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "you B17ch",  # reads "you bitch": a capital, two digits, then lower case
        "nice B00bs",
        # Left, as the model-number policy's trade-off: "T17s" (a model number's plural, as "A55s"
        # is), and leetspeak in a message written all in capitals ("SHUT UP YOU TW47", "GO TO
        # HE11"), where "GALAXY A55" is written the same way. "P155y" reads "pissy", not a listed word.
    ],
)
def test_leet_in_capitals_is_not_a_model_number(text: str):
    """A person reads "you B17ch" as "you bitch" and "SHUT UP YOU TW47" as "shut up you twat".

    The model-number exemption (`_MODEL_NUMBER`: up to three capitals, two digits or more, then up
    to two capitals or two lower-case letters) takes any leet word whose digits sit together after
    a capital: capitalised as a sentence's first word or a name ("B17ch", "B00bs", "T17s",
    "P155y"), or in a message shouted in capitals, where being in capitals says nothing. Real
    model numbers do not end in two lower-case letters that finish a word ("A55s" is a plural).
    """
    assert caught(text), text


@pytest.mark.parametrize(
    ("text", "by_defaults"),
    [
        ("@go_fuck_yourself", True),
        ("shut up @you_stupid_bitch", True),
        ("lol @ur_a_tw4t", False),
        ("u/ur_mum_a_h0e", False),
    ],
)
def test_an_insult_written_as_an_at_handle_is_still_read(text: str, by_defaults: bool):
    """A person reads "@go_fuck_yourself" as "go fuck yourself" said to whoever is addressed.

    The "part of a name mentioned" exemption drops any listed word joined by underscores to a run
    that starts with a typed "@" or "u/". Typing "@" makes no mention (Discord sends a real mention
    as <@id>), so any insult, leet or plain, goes through as a made-up handle: the defaults let
    "@go_fuck_yourself" through.
    """
    assert (caught_by_defaults if by_defaults else caught)(text), text


@pytest.mark.parametrize("text", ["c + v + m", "@ + $ + $", "h & 0 & e", "t & 1 & t", "c = u = m"])
def test_a_three_letter_word_spelled_out_with_an_operator_is_read(text: str):
    """A person reads "c + v + m" as "cum" and "@ + $ + $" as "ass": the word spelled out, one
    letter (or its leetspeak) at a time.

    The code exemption keeps an operator between single letters as spelling only for four letters
    or more ("c = r = a = p"), so every three-letter word ("tit", "cum", "ass", "hoe", "git",
    "sod") spelled with " + ", " & " or " = " is taken for code. Code does not chain one operator
    between three single letters any more than between four.
    """
    assert caught(text), text


def test_an_apostrophe_inside_a_word_that_is_no_contraction_is_read():
    """A person reads "cv'm" as "cum", "r3tar'd" as "retard" and "cun't" as "cunt".

    The contraction exemption drops a match whose letters are joined only by an apostrophe before
    'm, 'd, 's, 're, 'll, 've or n't, whatever stands before it, even leetspeak: "cv" "r3tar" and
    "cun" are no words that contract. Real contractions ("he'll", "who're") stay clean.
    """
    for text in ("you cv'm", "you r3tar'd", "you cu'm", "5o'd off", "you cun't"):
        assert caught(text), text
    assert not caught("who're you?") and not caught_by_defaults("he'll be fine")


def test_a_listed_word_with_its_last_letter_doubled_is_no_name():
    """A person reads "you Cuntt" as "you cunt" and "eat Shitt" as "eat shit".

    The doubled-letter name exemption ("Pratt", "Twatt" in Orkney) takes every listed word whose
    last letter is one surnames double (b d f g l m n p r s t), capitalised with that letter
    doubled: "Cuntt", "Shitt", "Slutt", "Asss" pass, against the defaults too. "Cuntt" and
    "Shitt" are no one's name; a stretched letter is how the README says a word is disguised.
    """
    assert caught_by_defaults("you Cuntt") and caught_by_defaults("eat Shitt")
    assert caught("you Slutt") and caught("you Asss")


@pytest.mark.parametrize(
    "text",
    [
        "ᑕᑌᗰ",  # "cum" in the syllabics "fancy text" font (ᑕ ᑌ ᗰ)
        "ᗩ$$",  # "a$$": the font's A with leet s
        "TᗯᗩT",  # "twat"
        "₳₴₴",  # "ass" in the currency font (austral, hryvnia)
        "₵ɄⱮ",  # "cum" (cedi sign, U bar, M hook)
    ],
)
def test_fancy_text_fonts_are_read(text: str):
    """A person reads "ᑕᑌᗰ" as "CUM", "ᗩ$$" as "A$$" and "₳₴₴" as "ASS".

    Fancy-text generators (the syllabics font ᗩ ᗷ ᑕ ᗪ ᗴ ᖴ ᕼ I ᒍ K ᒪ ᗰ ᑎ O ᑭ ᑫ ᖇ ᔕ T ᑌ ᐯ ᗯ, and
    the currency font ₳ ฿ ₵ Đ Ɇ ₣ ₲ Ⱨ ł ₭ Ⱡ ₥ ₦ Ø ₱ Ɽ ₴ ₮ Ʉ) are pasted into Discord messages and
    names every day. The look-alike table reads some of their letters (ᕼ, ᗪ, ᑌ, Ʉ, Ɽ) and not
    others (ᑕ, ᗩ, ᔕ, ᗯ, ᑎ, ₳, ₴, ₵), so a word is left a letter short.
    """
    assert caught(f"you {text}"), text


def test_a_fancy_font_with_leetspeak_is_read_by_the_defaults():
    """ "ᔕᕼ1T" is "sh1t" in the syllabics font: the short-words list does not hold "shit", the
    defaults do."""
    assert caught_by_defaults("you ᔕᕼ1T")


@pytest.mark.parametrize(
    ("text", "by_defaults"), [("you a💲💲", False), ("sh❗t head", True), ("ur a h⭕e", False), ("💲h❗7", True)]
)
def test_emoji_drawn_as_leetspeak_symbols_are_read(text: str, by_defaults: bool):
    """A person reads "a💲💲" as "a$$" (ass), "sh❗t" as "sh!t" (shit) and "h⭕e" as "hoe".

    The emoji 💲 (heavy dollar sign), ❗ (heavy exclamation mark) and ⭕ (heavy large circle) are
    the leetspeak symbols $, ! and o drawn bigger, a tap away on every Discord emoji picker. The
    patterns read `$` and `!` and `0`, the look-alike table reads ○, but none of these.
    """
    assert (caught_by_defaults if by_defaults else caught)(text), text


@pytest.mark.parametrize("text", ["you [cu](https://example.com)m", "[7i](https://example.com)7 pic"])
def test_a_masked_link_hides_no_letters(text: str):
    """A person reads "[cu](https://example.com)m" as "cum": Discord renders a masked link as its
    text alone ("cu", underlined), so the message shows "you cum".

    The patterns read the markdown as written: the link's address ("https", "example", "com") sits
    between the letters, and letters are not separators. Discord renders masked links in members' messages.
    """
    assert caught(text), text


@pytest.mark.parametrize(
    "text",
    [
        "you \u202e\u2069muc",  # RLO, an unmatched PDI, then "muc": shown "cum"
        "ur a \u202e\u2069e0h",  # shown "h0e"
        "you \u202e\u2029cum",  # RLO, a paragraph separator, then "cum": shown as written
        "ur a \u202eok\u2029h0e",
    ],
)
def test_the_end_of_a_right_to_left_override_is_where_a_renderer_puts_it(text: str):
    """A person sees "you cum" and "ur a h0e" in each of these.

    Unicode's bidi algorithm (UAX #9, X6a) ignores a PDI (U+2069) that closes no isolate: the
    override before it goes on, so "\\u202e\\u2069muc" is shown "cum". `_resolve_line` pops every
    open override at it and reads "muc". The other way round, a paragraph separator (U+2029, bidi
    class B) ends every override (X8), so the "cum" after it is shown as written; `_resolve_bidi`
    ends a run only at "\\n", reverses the text across U+2029 and reads "muc".
    """
    assert caught(text), repr(text)


# -- false positives: clean text a moderator would leave alone -------------------------------------


def test_a_number_written_apart_from_a_word_is_a_number():
    """Clean: "You lose 5 hit points", "a 55-year-old man", "a 5/5 review", "I ate 7 hot dogs".

    A piece of the match that is a number standing alone ("5", "55", "5/5", "7") next to an
    English word is read as leetspeak for s or t, and "words written apart" never applies to a
    piece with a digit in it: so the defaults delete "You lose 5 hit points" and "top 5 hits"
    (shit, shits), and a server listing "ass", "thot" or "tit" flags "a 55-year-old man", "I ate 7
    hot dogs" or "page 7 it says". These are among the commonest sentences in gaming and
    everyday chat.
    """
    assert not caught_by_defaults("You lose 5 hit points if you fall")
    assert not caught_by_defaults("it was a top 5 hit in 1998")
    for text in ("a 55-year-old man was arrested", "I bought a 55 inch TV", "rated it a 5/5", "I ate 7 hot dogs"):
        assert not caught(text), text
    assert not caught("on page 7 it says otherwise")


def test_links_are_read_as_links():
    """Clean: a YouTube link to 17 seconds in, and Samsung's page for the Galaxy A55.

    "?t=17" is read as "t", "=", "1" (i), "7" (t): "tit", and "&t=175" as "tits"; the product page
    "galaxy-a55-5g" holds "a55" between hyphens. Links are written in lower case, so the
    capitals-only model-number exemption never applies; a member sharing a timestamped video is
    flagged for "tit".
    """
    for text in (
        "https://youtu.be/dQw4w9WgXcQ?t=17",
        "watch this https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=175",
        "https://www.samsung.com/uk/smartphones/galaxy-a55-5g/buy/",
    ):
        assert not caught(text), text


@pytest.mark.parametrize(
    "text",
    [
        "the Canon EOS 50D still takes great photos",  # a camera: digits, then a capital
        "Audi A5s hold their value",  # a model number's plural, one digit
        "print the flyers as A5s",  # paper sizes
        "=SUM(A5:S5)",  # a spreadsheet range
        "color: #fa9;",  # a CSS colour (f a 9 for fag)
        "background: #a55;",
    ],
)
def test_codes_in_shapes_the_exemptions_miss_are_codes(text: str):
    """Clean: a camera model (50D: "sod"), car models and paper sizes in the plural (A5s: "ass"),
    a spreadsheet range (A5:S5: "ass") and CSS colours (#fa9: "fag", #a55: "ass").

    The exemptions know letters then digits in capitals (A55, AK47), part numbers with hyphens and
    hex bytes in three groups; a model number that starts with its digits, has one digit, or a
    cell range or colour is read as leetspeak.
    """
    assert not caught(text), text


def test_german_sharp_s_is_not_two_letters_of_a_listed_word():
    """Clean: "Ich aß zu viel" (German: I ate too much).

    Case folding turns ß into "ss", so "aß", the past of "essen" written every day, is "ass". No
    reader sees "ass" in it; ß is no look-alike or disguise of "ss" in a listed English word.
    """
    assert not caught("Ich aß zu viel Pizza gestern")


def test_a_russian_word_in_russian_text_is_not_read_as_latin_look_alikes():
    """Clean: "Купил новую сим-карту" (Russian: I bought a new SIM card).

    Every letter of "сим" is in the look-alike table (с c, и u, м m), so the Russian word for SIM
    is "cum". It is a whole word in Cyrillic among Cyrillic words, which is Russian, not a
    disguise (a disguise mixes scripts); and an upright "и" looks like a mirrored N, not a u.
    """
    assert not caught("Купил новую сим-карту, теперь всё работает")


def test_vietnamese_words_keep_their_tone_marks():
    """Clean: "bệnh cúm gia cầm" (Vietnamese: bird flu) and "xa tít tắp" (far, far away).

    Marks are stripped to read accented disguises, so "cúm" (flu) is "cum" and "tít" is "tit". In
    a sentence of Vietnamese, where every word carries its marks, the marks are the spelling.
    """
    assert not caught("Dịch bệnh cúm gia cầm đang lan rộng")
    assert not caught("con đường xa tít tắp")
