"""A listed word as one RE2 pattern that reads every disguise of it, in one pass over the text.

The text is first read by `bot.moderation.normalize` (look-alikes, case, invisible characters);
what is left ambiguous is left to the pattern:

- each letter is a class of its readings (`l` ← `l 1 | ! I`, `s` ← `s 5 $`, `t` ← `t 7 +`, …) and
  of the leetspeak alphabets' drawings of it (`/-\\` for a, `|3` for b, `|-|` for h, `()` for o,
  `|_|` for u, `\\/\\/` for w …), so "cun7", "whor3", "bu11sh1t" and "|-|3|_|_" are read, and `1` is
  an `i` or an `l` as the word needs;
- after each letter, any run of what is not a letter: separators, punctuation, markdown, spaces,
  line breaks, blank-looking characters, symbols, emoji, and more of that letter: "fuc,,king",
  "**cu**nt", "fu\\nck", "dddickk", "fuuuuck", "f u c k", "s.h i t".

That reads too much on purpose: between two chunks of letters, a space is also how two words are
written ("pen is", "that's hit", "the U.S. hit"). Whether a match is the word or words that happen
to spell it is decided afterwards, for matches only, by `bot.moderation.false_reading` (two plain words joined by
a space, a number, a model number, a contraction, a name joined with underscores, code): a set of
patterns that says "maybe" in one pass, and a check of the few maybes, costs less than patterns
that decide it all (RE2 would carry every listed word's "after a space" states through the text).

Letters in the listed word that appear twice in a row must appear at least twice ("ass" never
reads "as"). Patterns are Latin-1 over the text's UTF-8 bytes: a negated class is then one range
per byte instead of a UTF-8 automaton (about half the program), and any non-ASCII byte left in the
text is simply not a letter. The text is read with a space added at each end, so a word's edges
are a plain class (`[^a-zA-Z0-9]`), which RE2 factors out of thousands of patterns at once.
"""

from __future__ import annotations

from functools import lru_cache

from bot.moderation.normalize import normalize
from bot.moderation.rules import KeywordMode

# Readings of each letter, besides itself, of one character. `I` is the reading of capital I and
# of glyphs that are a bare stroke: an `i` or an `l`.
READINGS: dict[str, str] = {
    "a": "4@^",
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
# Readings of several characters, from the leetspeak alphabets: letters drawn with strokes,
# slashes and brackets, and "ph" that sounds like f. In a form, `|` is any upright stroke (`| I l
# 1`: "|3", "l3" and "13" are all a b) unless the form has a letter in it. "c|" draws a d ("c|ick",
# "1cliots"), but not in plain letters nor an English word ("click", "ClickHole", "clinks" are not
# "dick…": see `bot.moderation.false_reading`). Not "rn" for m ("turn" is not "tum").
STROKE = "|"
_STROKE_CLASS = "[\\x7cIl1]"
# The public tables' other common drawings are here too (`|~|` for h, `/v\\` for m, `[\\]` for n,
# `|7` for p, `/2` for r, `']['` for t, `'//` for w …), but not those that plain text is full of:
# `)` for d, `9` for p, `7` for l, `z` for s, `nn` for m, `uu` for w, `&` for e or g, `%` for z;
# checkboxes and markers (`[-]`, `(-)`, `[v]`, `(v)`), SQL's `<>`, paths' `/v`, a shell's `>|` and
# `|c`, markdown's `` |` `` and `|~`, XOR's `|^`, and `|"` between quoted strings. "_/" for j and
# ">_" for z are read but for the shrug and kaomoji (`¯\\_(ツ)_/¯`, `>_<`): see `bot.moderation.false_reading`.
MULTI_READINGS: dict[str, tuple[str, ...]] = {
    "a": ("/\\", "/-\\"),
    "b": ("|3", "|8", "]3"),
    "d": ("|)", "|]", "[)", "|>", "c|"),
    "e": ("[-",),
    "f": ("ph", "|=", "|#"),
    "h": ("|-|", "]-[", "}{", ")-(", "/-/", "|~|", "]~[", "}-{", "|=|"),
    "i": ("][",),
    "j": ("_|", ",_|", "_/", "_]", "._]", ",_]", "._|"),
    "k": ("|<", "|{", "|("),
    "l": ("|_",),
    "m": ("|\\/|", "/\\/\\", "|v|", "^^", "/v\\", "/|\\"),
    "n": ("|\\|", "/\\/", "^/", "[\\]", "]\\[", "<\\>", "{\\}"),
    "o": ("()", "[]"),
    "p": ("|*", "|>", "|o", "|7"),
    "q": ("(,)", "0_"),
    "r": ("|2", "|?", "/2", "|9"),
    "t": ("-|-", "']['", "~|~", "'|'"),
    "u": ("|_|", "\\_/", "(_)"),
    "v": ("\\/", "|/"),
    "w": ("\\/\\/", "vv", "\\^/", "\\|/", "'//", "\\v/", "\\x/", "|/\\|", "(/\\)"),
    "x": ("><", ")("),
    "y": ("`/", "'/", "\\|/"),
    "z": ("7_", ">_", "-/_"),
}
# Drawings of a letter and a stroke whose stroke is any upright stroke all the same: "c|", "cl",
# "cI" and "c1" all draw a d.
_LETTER_AND_STROKE = frozenset({"c|"})
_NOT_A_LETTER = r"[^a-zA-Z0-9]"
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _escape(char: str) -> str:
    if char.isascii() and char.isalnum():
        return char
    return "".join(f"\\x{byte:02x}" for byte in char.encode())


# What prose puts after a word: a drawing that ends in one of these ends the word with it ("|?" for
# r, "|)" for d), and its stroke is not then a lower-case l ("Wankel?" is asked about, not drawn).
_PROSE_AFTER = frozenset("?)]>")
_STROKE_NOT_L = "[\\x7cI1]"


def _form(form: str, *, last: bool = False) -> str:
    """A drawing of several characters; its strokes any upright stroke, unless a letter is part
    of the drawing ("|o" for p is not "lo", nor "|v|" for m "lvl"). `last`: the word's last letter,
    where a drawing ending in prose punctuation takes no lower-case l for its stroke."""
    if any(char.isalpha() for char in form) and form not in _LETTER_AND_STROKE:
        return "".join(_escape(char) for char in form)
    stroke = _STROKE_NOT_L if last and form[-1] in _PROSE_AFTER else _STROKE_CLASS
    return "".join(stroke if char == STROKE else _escape(char) for char in form)


def _drawings(letter: str, c_stroke: bool) -> tuple[str, ...]:
    """The letter's drawings of several characters; without "c|" when `c_stroke` is false."""
    drawn = MULTI_READINGS.get(letter, ())
    return drawn if c_stroke else tuple(form for form in drawn if form not in _LETTER_AND_STROKE)


@lru_cache(maxsize=4096)
def letter_class(letter: str, last: bool = False, c_stroke: bool = True) -> str:
    """The RE2 pattern of the readings of one (normalised, lower-case) letter; `last`: as the
    word's last letter (see `_form`)."""
    readings = letter + READINGS.get(letter, "")
    if len(readings) == 1:
        single = _escape(letter) if letter.isascii() else f"(?:{_escape(letter)})"  # UTF-8: bytes, one letter
    else:
        single = "[" + "".join(_escape(c) for c in readings) + "]"
    several = _drawings(letter, c_stroke)
    if not several:
        return single
    return "(?:" + "|".join([single, *(_form(form, last=last) for form in several)]) + ")"


def _excluded(letter: str) -> str:
    """The letters and digits that are not `letter` or one of its readings, escaped for a class."""
    readings = set(letter + READINGS.get(letter, ""))
    return "".join(_escape(c) for c in sorted(_ALNUM - readings))


@lru_cache(maxsize=4096)
def _more_of(letter: str, c_stroke: bool = True) -> str:
    """After a letter: any run of what is not a letter, or is this letter again in any of its
    readings: "dddickk", "fuc,,king", "**cu**nt", "fu\\nck", "f u c k", "|2|2|2". Latin-1: the
    bytes that are not other letters or digits. As few as will do (lazy: the same automaton, a
    shorter group 1): "Hell, I" is "Hell" and an "I", not "hell" read to its last stroke."""
    return f"(?:{_again(letter, c_stroke)})*?"


def _again(letter: str, c_stroke: bool = True) -> str:
    """One more character of a run after `letter`: a separator, one of its readings, or one of its
    drawings that holds a letter or a digit (the class has every drawing of symbols alone)."""
    drawn = [_form(form) for form in _drawings(letter, c_stroke) if any(c.isalnum() or c == STROKE for c in form)]
    return "|".join([f"[^{_excluded(letter)}]", *drawn])


@lru_cache(maxsize=4096)
def _last(letter: str, c_stroke: bool = True) -> str:
    """The last letter, and more of it with separators but not spaces ("d_d_d", "k.k", "|2|2"):
    the word's edge comes after all of it ("shit t" is two words, and "dick_dd" not a name)."""
    one = letter_class(letter, last=True, c_stroke=c_stroke)
    return f"{one}(?:[^{_excluded(letter)}\\t\\n\\f\\r ]*{one})*"


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


def keyword_pattern(word: str, mode: KeywordMode, c_stroke: bool = True) -> str | None:
    """The Latin-1 RE2 pattern for a listed word, or None when nothing of it is left to match.
    Group 1 is the word as written in the text (the edges around it are outside)."""
    units = _units(listed_form(word))
    if not units:
        return None
    parts = []
    for position, unit in enumerate(units):
        if unit == " ":
            parts.append(f"{_NOT_A_LETTER}+")
        elif unit == "-":
            parts.append(f"{_NOT_A_LETTER}*")
        else:
            letter = letter_class(unit, c_stroke=c_stroke)
            if position == len(units) - 1:  # after the last letter only more of it: then the edge
                parts.append(_last(unit, c_stroke))
            elif units[position + 1] in (" ", "-"):
                parts.append(letter)
            else:
                parts.append(letter + _more_of(unit, c_stroke))
    core = f"({''.join(parts)})"
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
