"""A listed word as one RE2 pattern that reads every disguise of it, in one pass over the text.

The text is first read by `bot.moderation.normalize` (look-alikes, case, invisible characters);
what is left ambiguous is left to the pattern:

- each letter is a class of its readings (`l` ← `l 1 | ! I`, `s` ← `s 5 $`, `t` ← `t 7 +`, …), so
  "cun7", "whor3" and "bu11sh1t" are read, and `1` is an `i` or an `l` as the word needs;
- after each letter, any mix of separators (punctuation, markdown, line breaks, blank-looking
  characters, symbols, emoji) and more of that letter: "fuc,,king", "**cu**nt", "fu\\nck",
  "dddickk", "fuuuuck";
- or the spaced-out form, one letter at a time with anything but letters between them, spaces
  included: "f u c k", "s.h i t". A plain space (or punctuation then a space, as prose writes it)
  is allowed only there: between two chunks of letters it would join ordinary words ("pen is",
  "that's hit", "the U.S. hit").

Letters in the listed word that appear twice in a row must appear at least twice ("ass" never
reads "as"). Patterns are Latin-1 over the text's UTF-8 bytes: a negated class is then one range
per byte instead of a UTF-8 automaton (about half the program), and any non-ASCII byte left in the
text is simply not a letter. The text is read with a space added at each end, so a word's edges
are a plain class (`[^a-zA-Z0-9]`), which RE2 factors out of thousands of patterns at once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.moderation.normalize import normalize
from bot.moderation.rules import KeywordMode

# Readings of each letter, besides itself. `I` is the reading of capital I and of glyphs that are a
# bare stroke: an `i` or an `l`.
READINGS: dict[str, str] = {
    "a": "4@",
    "b": "86",
    "c": "(<{[",
    "e": "3",
    "g": "96",
    "h": "#",
    "i": "1!|Il",
    "l": "1|!I",
    "o": "0",
    "s": "5$",
    "t": "7+",
    "u": "v",
    "z": "2",
}
# Readings of several characters: classic leetspeak draws letters with symbols ("|<" for k, "|\\|"
# for n, "\\/\\/" for w), and "ph" sounds like f. Only for letters with no reading of one character:
# each such form makes the automaton's states bigger (measured: the first pass over new text took
# twice as long with "()" for o, "|-|" for h, "|_|" for u and the like too). Not "cl" for d:
# "click" is not "dick".
MULTI_READINGS: dict[str, tuple[str, ...]] = {
    "d": ("|)", "|]"),
    "f": ("ph", "|="),
    "j": ("_|",),
    "k": ("|<", "|{"),
    "m": ("|\\/|", "/\\/\\", "|v|"),
    "n": ("|\\|", "/\\/"),
    "p": ("|*", "|>"),
    "r": ("|2", "|?"),
    "v": ("\\/",),
    "w": ("\\/\\/", "vv", "\\^/"),
    "x": ("><", ")("),
    "y": ("`/",),
}
_NOT_A_LETTER = r"[^a-zA-Z0-9]"
_HORIZONTAL_SPACE = "[\\t\\f ]"
# Symbols that prose does not put before a space (it does write ". ", ", ", "! ", ") ").
_ODD_SYMBOL = "[^a-zA-Z0-9\\s.,;:!?'\")\\]}\\-&+(]"
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _escape(char: str) -> str:
    if char.isascii() and char.isalnum():
        return char
    return "".join(f"\\x{byte:02x}" for byte in char.encode())


@lru_cache(maxsize=4096)
def letter_class(letter: str) -> str:
    """The RE2 class of the readings of one (normalised, lower-case) letter."""
    readings = letter + READINGS.get(letter, "")
    if len(readings) == 1:
        single = _escape(letter) if letter.isascii() else f"(?:{_escape(letter)})"  # UTF-8: bytes, one letter
    else:
        single = "[" + "".join(_escape(c) for c in readings) + "]"
    several = MULTI_READINGS.get(letter)
    if not several:
        return single
    return "(?:" + "|".join([single, *("".join(_escape(c) for c in form) for form in several)]) + ")"


def _tight_or(letter: str) -> str:
    """One class: a separator of the tight form (anything but letters, digits and horizontal
    space) or one of `letter`'s readings. Latin-1: the bytes that are neither."""
    readings = set(letter + READINGS.get(letter, ""))
    excluded = sorted((_ALNUM - readings) | {"\t", "\f", " "})
    spaces = {"\t": "\\t", "\f": "\\f", " ": " "}
    return "[^" + "".join(spaces.get(c) or _escape(c) for c in excluded) + "]"


@lru_cache(maxsize=4096)
def _more_of(letter: str) -> str:
    """After a letter: more of it and separators, any number ("dddickk", "fuc,,king", "**cu**nt",
    "fu\\nck"); spaces only before a separator ("fu ,ck", "ta ,rd"), or after an odd symbol
    ("r~ etard"), never alone or after prose's punctuation ("pen is", "the U.S. hit")."""
    tight = _tight_or(letter)
    return f"(?:{_HORIZONTAL_SPACE}*{tight}|{_ODD_SYMBOL}{_HORIZONTAL_SPACE}+)*"


def _units(word: str) -> list[str]:
    """The word's letters; a run of spaces is the unit " ", any other non-letters the unit "-"."""
    units: list[str] = []
    for char in word:
        if char.isspace():
            unit = " "
        elif char.isascii() and not char.isalnum():
            unit = "-"
        else:
            units.append(char)
            continue
        if units and units[-1] in (" ", "-"):
            units[-1] = " " if " " in (unit, units[-1]) else "-"
        else:
            units.append(unit)
    while units and units[0] in (" ", "-"):
        units.pop(0)
    while units and units[-1] in (" ", "-"):
        units.pop()
    return units


def listed_form(word: str) -> str:
    """The listed word as the matcher knows it: read like a message, then lower case."""
    return " ".join(normalize(word).lower().split())


def keyword_pattern(word: str, mode: KeywordMode) -> str | None:
    """The Latin-1 RE2 pattern for a listed word, or None when nothing of it is left to match.
    Group 1 is the word as written in the text (the edges around it are outside)."""
    units = _units(listed_form(word))
    if not units:
        return None
    first, rest = units[0], units[1:]
    tight = [_more_of(first)] if rest else [f"{letter_class(first)}*"]
    spaced = []
    after_gap = False  # the listed word had a space or punctuation just before this letter
    for position, unit in enumerate(rest, 1):
        if unit in (" ", "-"):
            gap = f"{_NOT_A_LETTER}+" if unit == " " else f"{_NOT_A_LETTER}*"
            tight.append(gap)
            spaced.append(gap)
            after_gap = True
        else:
            letter = letter_class(unit)
            # after the last letter only more of it: the edge needs no more than one separator
            tight.append(letter + (f"{letter}*" if position == len(rest) else _more_of(unit)))
            spaced.append(f"{letter}(?:{_NOT_A_LETTER}+{letter})*" if after_gap else f"(?:{_NOT_A_LETTER}+{letter})+")
            after_gap = False
    body = letter_class(first)
    if rest:
        body += f"(?:{''.join(tight)}|{''.join(spaced)})"
    else:
        body += tight[0]
    core = f"({body})"
    if mode is KeywordMode.WORD:
        return f"{_NOT_A_LETTER}{core}{_NOT_A_LETTER}"
    if mode is KeywordMode.PREFIX:
        return f"{_NOT_A_LETTER}{core}"
    return core


def phrase_pattern(phrase: str) -> str | None:
    """A literal pattern for an allowed word or phrase (Latin-1, over the same padded reading):
    its letters as written, any separators where it has spaces or punctuation."""
    units = _units(listed_form(phrase))
    if not units:
        return None
    parts = []
    for unit in units:
        if unit == " ":
            parts.append(f"{_NOT_A_LETTER}+")
        elif unit == "-":
            parts.append(f"{_NOT_A_LETTER}*")
        else:
            parts.append(f"(?:{_escape(unit)}|I)" if unit in "il" else _escape(unit))
    return "".join(parts)


# Shapes a reading can take that are not the word: a number ("455"), a model number or code
# written in capitals ("Galaxy A55", "A55s", "AK47": one to three capitals, then digits, perhaps a
# letter or two), a contraction ("he'll" is not "hell", but "ret,,ar'd" is "retard").
_MODEL_NUMBER = re.compile(r"[A-Z]{1,3}[0-9]{2,}[a-zA-Z]{0,2}")
_NUMBER = re.compile(r"[0-9.,:/ -]+")  # digits, and what is written between them in numbers
_CONTRACTION = re.compile(r"[a-zA-Z]'(?:ll|re|ve|d|s|t|m)(?![a-zA-Z])")
_NOT_ALNUM = re.compile(r"[^a-zA-Z0-9]+")


def false_reading(core: str, following: str, written: str) -> str | None:
    """Why the text a listed word's pattern matched (`core`, in the reading, and the character
    after it; `written`, as the message has it) is not that word after all, or None when it is.
    Asked only of matches. A model number is written in capitals ("A55", "AK47"); "a55" is not."""
    token = _NOT_ALNUM.sub("", core)
    if _NUMBER.fullmatch(core):  # symbols read as letters are not numbers: "4$$" is read, "455" not
        return "a number"
    if _MODEL_NUMBER.fullmatch(written):
        return "a model number"
    if _CONTRACTION.search(core + following[:1]) and len(token) + 1 == len(core):
        return "a contraction"  # its apostrophe is all that joins the letters
    return None
