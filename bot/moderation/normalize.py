"""Text as the filters see it, whatever a member did to disguise it.

Unicode NFKC (fullwidth and mathematical letters become plain ones), case folding, invisible
characters removed, diacritics dropped, look-alike letters from other scripts mapped to Latin
with the Unicode confusables table (from the confusable-homoglyphs package), leetspeak folded in
words that mix letters and digits, and letters spaced out with separators ("b.a.d") joined.
Stretched letters ("baaaad") are handled by `variants`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from confusable_homoglyphs import utils as homoglyph_data


def _confusables_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for char, homoglyphs in homoglyph_data.load("confusables.json").items():
        if len(char) != 1 or char.isascii():
            continue
        for glyph in homoglyphs:
            target = glyph.get("c", "")
            if len(target) == 1 and target.isascii() and target.isalnum():
                table[ord(char)] = target.lower()
                break
    return table


_CONFUSABLES = _confusables_table()
# Before NFKC: only characters NFKC would not turn into ASCII itself (fullwidth "Ｉ" is "I", not "l").
_CONFUSABLES_BEFORE_NFKC = {
    code: latin for code, latin in _CONFUSABLES.items() if not unicodedata.normalize("NFKC", chr(code)).isascii()
}
_INVISIBLE_CATEGORIES = {"Cf", "Mn", "Me", "Cc"}
# Typographic punctuation that is common in ordinary text: made ASCII first, so such text stays on
# the fast path. A few str.replace calls: str.translate with a table is several times slower.
_TYPOGRAPHIC = {
    "’": "'",
    "‘": "'",
    "“": '"',
    "”": '"',
    "…": "...",
    "–": "-",
    "—": "-",
    "\u00a0": " ",
    "«": '"',
    "»": '"',
    "•": "*",
}


def plain_punctuation(text: str) -> str:
    """`text` with curly quotes, dashes, ellipses and the like made ASCII."""
    for typographic, plain in _TYPOGRAPHIC.items():  # the commonest first: often the only one
        if typographic in text:
            text = text.replace(typographic, plain)
            if text.isascii():
                break
    return text


_LEET_HINT = re.compile(r"[0-9@$!|+€]")
_LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "9": "g",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "l",
        "+": "t",
        "€": "e",
    }
)
# A word that mixes letters with digits or symbols ("sh1t", "b@d"); plain numbers are left alone.
# Trailing "!!" is punctuation, not an "i": the word must end on a letter or digit.
_LEET_WORD = re.compile(
    r"(?<![a-z0-9@$!|+€])(?=[a-z0-9@$!|+€]*[a-z])(?=[a-z0-9@$!|+€]*[0-9@$!|+€][a-z0-9@$!|+€]*[a-z0-9])"
    r"[a-z0-9@$!|+€]*[a-z0-9]"
)
# Three or more single characters with the same separator between them: "b.a.d", "b a d".
_SPACED = re.compile(r"(?<![a-z0-9@$])[a-z0-9@$]([\s.\-_*,/\\~'`^]+)(?:[a-z0-9@$]\1){1,}[a-z0-9@$](?![a-z0-9])")
_SEPARATORS = re.compile(r"[\s.\-_*,/\\~'`^]+")
# Three or more of a letter in a row: "baaaad". Except w's before a dot: "www." begins a web address.
_RUN = re.compile(r"(?!w+\.)([a-z])\1{2,}")

# Where normalize() could change lower-case ASCII text, in RE2 syntax (no back-references):
# - a letter three times in a row (_RUN; w's only when no dot follows: "www." is in every other link);
# - three single characters with separators that end alike between them (_SPACED repeats its
#   separator exactly, so "u.s. p" is not one);
# - a leet symbol before a letter, or letters then leet symbols ending on a digit (every
#   _LEET_WORD has one or the other: "sh1t", "b@d", "a11"; "this!" has neither).
# A superset, never missing a case: text it does not match normalises to itself, so the matcher
# looks for it in the same pass as the keywords and most messages skip the Python regexes above.
_WHITESPACE = r"[\t-\r\x1c-\x1f ]"  # what Python's \s matches in ASCII text; RE2's \s lacks \v and \x1c-\x1f
_SEPARATOR_CHARS = [_WHITESPACE, r"\.", r"\-", "_", r"\*", ",", "/", r"\\", "~", "'", "`", r"\^"]
_SEPARATOR_CLASS = r"[\t-\r\x1c-\x1f .\-_*,/\\~'`^]"
_SPACED_HINT = "|".join(
    rf"(?:^|[^a-z0-9@$])[a-z0-9@$]{_SEPARATOR_CLASS}*{c}[a-z0-9@$]{_SEPARATOR_CLASS}*{c}[a-z0-9@$](?:[^a-z0-9]|$)"
    for c in _SEPARATOR_CHARS
)
DISGUISE_HINT = "|".join(
    [
        "|".join(letter * 3 for letter in "abcdefghijklmnopqrstuvxyz"),
        r"www+(?:[^.w]|$)",
        _SPACED_HINT,
        r"[0-9@$!|+][a-z]|[a-z][0-9@$!|+]+[0-9]",
    ]
)


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """The matching form of `text`: lower-case ASCII-ish words, disguises undone."""
    if not text.isascii():
        text = plain_punctuation(text)
    if text.isascii():  # most messages: no Unicode work to do
        text = text.lower()
    else:
        # Look-alikes first: NFKC would turn some into other letters (lunate sigma) or spaces.
        text = unicodedata.normalize("NFKC", text.translate(_CONFUSABLES_BEFORE_NFKC)).translate(_CONFUSABLES)
        text = unicodedata.normalize("NFD", text.casefold())
        text = "".join(ch for ch in text if ch in "\n\t " or unicodedata.category(ch) not in _INVISIBLE_CATEGORIES)
        text = text.translate(_CONFUSABLES)
    text = _SPACED.sub(_join_spaced, text)
    if _LEET_HINT.search(text) is None:
        return text
    return _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET), text)


def _join_spaced(match: re.Match[str]) -> str:
    run = match.group(0)
    joined = _SEPARATORS.sub("", run)
    if run[0] in "ai" and match.group(1) == " ":
        # "a b a d": the words "a" and "i" may stand before a spaced-out word; keep both readings
        return f"{joined} {run[0]} {joined[1:]}"
    return joined


def variants(normalized: str) -> list[str]:
    """The normalised text, plus forms with stretched letters squeezed ("baaaad" → "bad", "baad")."""
    if not _RUN.search(normalized):
        return [normalized]
    return [normalized, _RUN.sub(r"\1", normalized), _RUN.sub(r"\1\1", normalized)]
