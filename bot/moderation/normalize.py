"""Text as the filters read it: one character at a time, whatever a member did to disguise it.

The pipeline, in order (each step depends on the one before):

1. Bidirectional controls resolved: a run under a right-to-left override (U+202E) is displayed
   backwards, so it is turned back ("\u202ekcuf" reads "fuck"); then the controls go.
2. Per character, with the result cached (`str.translate` over a table that fills itself):
   - blank-looking characters (Hangul fillers, the Braille blank) and spaces of every width
     become a space (what a person sees), line and paragraph separators a line break;
   - invisible characters (format controls, zero-width, variation selectors) and combining marks
     are dropped;
   - letters named after a Latin letter that NFKD leaves alone: enclosed, negative-circled,
     negative-squared, parenthesised, regional-indicator, small-capital and stroke letters
     ("🅵", "🇫", "ꜱ", "ø", "ł") become that letter;
   - look-alikes Unicode's confusables table misses (Greek and Cyrillic ε к κ т τ м η ω χ ԍ …);
   - NFKD (fullwidth, mathematical, circled letters), then marks stripped, *then* case folding
     (folding first turns U+0345 into an "i");
   - Unicode's confusables (Cherokee, Lisu, Armenian, … look-alikes of Latin letters);
   - case folding, for what is left.
3. ASCII letters are lower-cased, except capital `I`: it is the one letter that reads as two
   (`I` or `l`, as in "buIIshit"), and it stays `I` so the matcher can read it either way. Any
   glyph that looks like a bare vertical stroke (palochka, Greek capital iota) becomes `I` too.

Leetspeak, separators between letters and stretched letters are not rewritten here: each listed
word is compiled into a pattern that reads them (see `bot.moderation.patterns`), so the text is
read once, never rewritten many ways.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from confusable_homoglyphs import utils as homoglyph_data

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


# ASCII as the matcher reads it: lower case, except `I` (see the module's docstring).
ASCII_READING = bytes.maketrans(b"ABCDEFGHJKLMNOPQRSTUVWXYZ", b"abcdefghjklmnopqrstuvwxyz")
_ASCII_READING_STR = {i: chr(ASCII_READING[i]) for i in range(128)}

# Characters that show as blank space but are not spaces: read as the space they look like.
_BLANK_LOOKING = frozenset({0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x1D159, 0x2062, 0x2063, 0x2064})
_DROPPED_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Cc", "Cs"})
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

# Letters Unicode names after a Latin letter, which NFKD does not decompose: enclosed and negative
# letters, regional indicators, small capitals, letters with strokes, bars, hooks and the like.
_LATIN_NAME = re.compile(
    r"^(?:(?:NEGATIVE )?(?:CIRCLED|SQUARED|PARENTHESIZED) )?LATIN "
    r"(?:(?:SMALL|CAPITAL) LETTER|LETTER SMALL CAPITAL) (?:DOTLESS )?([A-Z])(?: WITH [A-Z -]+| BAR)?$"
    r"|^REGIONAL INDICATOR SYMBOL LETTER ([A-Z])$"
)
# Look-alikes the confusables table does not map to a Latin letter (it maps many to other
# non-Latin letters), read as the letter they are used for. Lower case: capitals fold to these.
_LOOKALIKES = {
    # Greek
    "α": "a",
    "β": "b",
    "γ": "y",
    "ε": "e",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "μ": "u",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "σ": "o",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "ω": "w",
    "ϲ": "c",
    "ϳ": "j",
    "ϱ": "p",
    # Cyrillic
    "а": "a",
    "в": "b",
    "г": "r",
    "е": "e",
    "з": "3",
    "ԑ": "e",
    "є": "e",
    "и": "u",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "п": "n",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ш": "w",
    "щ": "w",
    "ъ": "b",
    "ь": "b",
    "і": "i",
    "ј": "j",
    "ѕ": "s",
    "ԁ": "d",
    "ԍ": "g",
    "һ": "h",
    "ԛ": "q",
    "ԝ": "w",
    "ү": "y",
    "ұ": "y",
    "қ": "k",
    "ҝ": "k",
    "ҟ": "k",
    "ҡ": "k",
    "ң": "n",
    "ҥ": "n",
    "ӈ": "n",
    "ҫ": "c",
    "ҭ": "t",
    "ҳ": "x",
    "ө": "o",
    "ӏ": "I",
    "Ӏ": "I",
    # Cherokee letters the confusables leave out, drawn like a Latin capital
    "Ꮖ": "I",  # QUA: an I with serifs
    # Look-alikes an attacker probe found unread: Coptic, Armenian, IPA and medieval Latin letters,
    # runes, Lisu, Gothic and Tai Le, drawn for the Latin letter they resemble (each script's own
    # text, a word wholly in it among words of it, is left alone: see false_reading.py)
    "ⲁ": "a",
    "Ⲁ": "a",
    "ⲉ": "e",
    "Ⲉ": "e",
    "ⲏ": "h",
    "ⲓ": "i",
    "Ⲓ": "I",
    "ⲙ": "m",
    "Ⲙ": "m",
    "ⲛ": "n",
    "Ⲛ": "n",
    "ⲧ": "t",
    "ⲱ": "w",
    "ⲭ": "x",
    "լ": "l",
    "ժ": "d",
    "ʊ": "u",
    "ʃ": "s",
    "ꝼ": "f",
    "ꞇ": "t",
    "ƿ": "p",
    "ƅ": "b",
    "ꝺ": "d",
    "ʞ": "k",
    "ʗ": "c",
    "ӄ": "k",
    "Ӄ": "k",
    "Ҝ": "k",
    "Ф": "o",  # faux Cyrillic: a circle with a stroke ("MФЯФN")
    "ф": "o",
    "π": "n",
    "ᥒ": "n",
    "ᚱ": "r",
    "ᛒ": "b",
    "ᛊ": "s",
    "ᛏ": "t",
    "ᚲ": "c",
    "ꓘ": "k",
    "Ϲ": "c",  # Greek lunate sigma, drawn as C
    "ς": "c",  # final sigma
    "Ϗ": "k",
    "ϻ": "m",
    "ҏ": "p",
    "ґ": "r",
    "џ": "u",
    "Ғ": "f",
    "я": "r",
    "Э": "e",
    "э": "e",
    "∫": "s",  # the integral, a long s
    "∊": "e",
    "◯": "o",
    "♏": "m",
    "¦": "|",  # bars drawn as a stroke
    "│": "|",
    "┃": "|",
    "╎": "|",
    "╏": "|",
    "𐌰": "a",
    # "Faux Cyrillic" and Greek capitals drawn for the Latin letter they resemble (before case
    # folding: lower-cased, Σ would be an o and И a u)
    "Σ": "e",
    "Ξ": "e",
    "Λ": "a",
    "Δ": "a",
    "Π": "n",
    "Я": "r",
    "И": "n",
    "Й": "n",
    "Ц": "u",
    "ц": "u",  # lower case too: name generators' "faux Cyrillic" offers both ("Bцllshit")
    "Д": "a",
    "д": "a",
    "Б": "b",
    "Є": "e",
    "Ш": "w",
    "Щ": "w",
    # Latin letters without a decomposition, and symbols used as letters
    "ð": "d",
    "þ": "p",
    "ŋ": "n",
    "ĸ": "k",
    "ı": "i",
    "ȷ": "j",
    "ɛ": "e",
    "ɑ": "a",
    "ɩ": "i",
    "ʋ": "u",
    "ɣ": "y",
    "ɔ": "c",
    "¢": "c",
    "©": "c",
    "®": "r",
    "€": "e",
    "∂": "d",
    "¡": "i",
    "†": "t",
    "∪": "u",
    "∩": "n",
    "∈": "e",
    "℮": "e",
    "○": "o",
    "§": "s",
    "¥": "y",
    "£": "l",  # the leetspeak alphabets' L
    "°": "o",
    "¤": "o",  # the currency sign, a ring with four spokes
    "∆": "a",  # INCREMENT, drawn as the Greek capital delta
    "✝": "t",  # crosses
    "✞": "t",
    "✟": "t",
    "┼": "t",
    "╋": "t",
    # "Fancy text" fonts: Canadian syllabics drawn as Latin capitals (ᗩ ᗷ ᑕ ᗪ ᗴ ᖴ ᕼ ᒍ ᒪ ᗰ ᑎ ᑭ ᑫ ᖇ ᔕ ᑌ ᐯ ᗯ)
    # and currency signs drawn as letters (₳ ฿ ₵ ₣ ₲ ₭ ₥ ₦ ₱ ₴ ₮), pasted from name generators
    "ᗩ": "a",
    "ᗷ": "b",
    "ᑕ": "c",
    "ᗪ": "d",
    "ᗴ": "e",
    "ᖴ": "f",
    "ᕼ": "h",
    "ᒍ": "j",
    "ᒪ": "l",
    "ᗰ": "m",
    "ᑎ": "n",
    "ᑭ": "p",
    "ᑫ": "q",
    "ᖇ": "r",
    "ᔕ": "s",
    "ᑌ": "u",
    "ᐯ": "v",
    "ᗯ": "w",
    "ᕮ": "e",
    "ᘔ": "z",
    "ᘜ": "g",
    "₳": "a",
    "฿": "b",
    "₵": "c",
    "₣": "f",
    "₲": "g",
    "₭": "k",
    "₥": "m",
    "₦": "n",
    "₱": "p",
    "₴": "s",
    "₮": "t",
    "ß": "ß",  # German's sharp s is its own letter ("Ich aß": I ate), not "ss" as case folding makes it
    # Emoji drawn as leetspeak's symbols: read as the symbol, which the patterns read as letters
    "💲": "$",
    "❗": "!",
    "❕": "!",
    "⭕": "o",
    "➕": "+",
}
# Dingbat digits (circled, negative circled, sans-serif): leetspeak's digits, which NFKD leaves alone.
_LOOKALIKES.update({chr(first + n): str(n + 1) for first in (0x2776, 0x2780, 0x278A) for n in range(9)})
# A glyph that is a bare vertical stroke reads as `I` (the matcher reads that as i or l).
_STROKES = frozenset("lI1|")


def _latin_by_name(char: str) -> str | None:
    found = _LATIN_NAME.match(unicodedata.name(char, ""))
    if found is None:
        return None
    letter = found.group(1) or found.group(2)
    if letter == "I" and ("CAPITAL" in found.group(0) or found.group(2)):
        return "I"
    return letter.lower()


def _load_confusables() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for char, glyphs in homoglyph_data.load("confusables.json").items():
        if len(char) == 1:
            table[char] = [glyph.get("c", "") for glyph in glyphs]
    return table


_CONFUSABLES = _load_confusables()


def _without_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) not in ("Mn", "Me", "Cf"))


def _confusable(char: str) -> str | None:
    """The ASCII letter or digit Unicode's confusables table reads `char` as, directly or through
    one other look-alike that has a Latin name ("т" → "ᴛ" → t)."""
    seen = {char}
    frontier = [char]
    for _ in range(2):
        following = []
        for current in frontier:
            for target in _CONFUSABLES.get(current, ()):
                plain = _without_marks(target)
                if len(plain) == 1 and plain.isascii() and plain.isalnum():
                    return "I" if plain in _STROKES else plain.lower()
                if len(plain) == 1 and (named := _latin_by_name(plain)) is not None:
                    return named
                if len(target) == 1 and target not in seen:
                    seen.add(target)
                    following.append(target)
        frontier = following
    return None


def _reading_of(char: str) -> str:
    """What one character reads as (see the module's docstring for the order)."""
    code = ord(char)
    if code < 128:
        return _ASCII_READING_STR[code]
    if code in _BLANK_LOOKING:
        return " "
    category = unicodedata.category(char)
    if category == "Zs":
        return " "
    if category in ("Zl", "Zp") or code == 0x85:
        return "\n"
    if category in _DROPPED_CATEGORIES:
        return ""
    named = _latin_by_name(char)
    if named is not None:
        return named
    looks = _LOOKALIKES.get(char)
    if looks is not None:
        return looks
    decomposed = unicodedata.normalize("NFKD", char)
    if decomposed != char:  # marks go (their category) before the rest is folded
        return "".join(_reading_of(c) for c in decomposed)
    confusable = _confusable(char)
    if confusable is not None:
        return confusable
    folded = char.casefold()
    if folded != char:
        return "".join(_reading_of(c) for c in folded)
    return char


class _Readings(dict[int, str]):
    """The per-character table `str.translate` reads; each character is worked out once."""

    def __missing__(self, code: int) -> str:
        reading = self[code] = _reading_of(chr(code))
        return reading


_READINGS = _Readings()


_PARAGRAPH_SEPARATORS = frozenset("\n\r\x1c\x1d\x1e\x85\u2029")  # bidi class B (UAX #9, X8)


def _resolve_bidi(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The characters (with their positions) in the order they are displayed, as far as overrides
    go: a run under RLO is reversed (nested runs keep their own direction), embeddings and isolates
    only nest. A paragraph separator (a line break, U+2029: bidi class B) ends every open run."""
    out: list[tuple[str, int]] = []
    line: list[tuple[str, int]] = []
    for pair in pairs:
        if pair[0] in _PARAGRAPH_SEPARATORS:
            out.extend(_resolve_line(line))
            out.append(pair)
            line = []
        else:
            line.append(pair)
    out.extend(_resolve_line(line))
    return out


def _resolve_line(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    # A tree of runs: each node is [kind, children]; kind "rtl" reverses, others keep order.
    root: list = ["ltr", []]
    stack = [root]
    for char, index in pairs:
        if char in "\u202d\u202e\u202a\u202b\u2066\u2067\u2068":
            node: list = ["rtl" if char == "\u202e" else "ltr", [], char]
            stack[-1][1].append(node)
            stack.append(node)
        elif char == "\u202c":  # PDF closes the innermost override or embedding, not an isolate
            if len(stack) > 1 and stack[-1][2] not in "\u2066\u2067\u2068":
                stack.pop()
        elif char == "\u2069":  # PDI closes up to the innermost isolate; with none open it is ignored (X6a)
            if not any(node[2] in "\u2066\u2067\u2068" for node in stack[1:]):
                continue
            while len(stack) > 1:
                if stack.pop()[2] in "\u2066\u2067\u2068":
                    break
        else:
            stack[-1][1].append((char, index))
    return _flatten(root)


def _flatten(node: list) -> list[tuple[str, int]]:
    """A run's characters in display order: reversed children under RLO (its characters backwards,
    and brackets mirrored, as a renderer draws them: "\u202e(|rat3r" shows "r3tar|)"), a nested run
    kept as a unit in its own resolved order."""
    rtl = node[0] == "rtl"
    children = reversed(node[1]) if rtl else node[1]
    out: list[tuple[str, int]] = []
    for child in children:
        if isinstance(child, list):
            out.extend(_flatten(child))
        else:
            out.append((_mirrored().get(child[0], child[0]), child[1]) if rtl else child)
    return out


@lru_cache(maxsize=1)
def _mirrored() -> dict[str, str]:
    """Each bidi-mirrored character and its mirror image ("(" and ")", "<" and ">", "«" and "»"),
    paired by name as Unicode's BidiMirroring.txt pairs them (Python carries only the property)."""
    swaps = (
        ("LEFT", "RIGHT"),
        ("OPENING", "CLOSING"),
        ("LESS-THAN", "GREATER-THAN"),
        ("ELEMENT OF", "CONTAINS AS MEMBER"),
        ("SUBSET", "SUPERSET"),
        ("PRECEDES", "SUCCEEDS"),
        ("GYON", "GYAS"),  # Tibetan: left and right
    )
    pairs: dict[str, str] = {}
    for code in range(0x10000):
        char = chr(code)
        if not unicodedata.mirrored(char) or char in pairs:
            continue
        name = unicodedata.name(char, "")
        for one, other in swaps:
            for this, that in ((one, other), (other, one)):
                holds = f" {this} " in f" {name} " or f"{this}-" in name
                if holds and that not in name:  # not "SUBSET ABOVE SUPERSET": no mirror by name
                    try:
                        partner = unicodedata.lookup(name.replace(this, that, 1))
                    except KeyError:
                        continue
                    pairs[char], pairs[partner] = partner, char
                    break
            if char in pairs:
                break
    return pairs


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """The reading of `text` the matcher works on (see the module's docstring)."""
    if text.isascii():
        return text.translate(_ASCII_READING_STR)
    if _BIDI_CONTROLS.search(text):
        text = "".join(char for char, _ in _resolve_bidi([(c, i) for i, c in enumerate(text)]))
    return text.translate(_READINGS)


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """`normalize(text)`, and for each of its characters the position in `text` it came from (to
    show a moderator the words as written). Slower: only for messages that matched."""
    pairs = [(c, i) for i, c in enumerate(text)]
    if _BIDI_CONTROLS.search(text):
        pairs = _resolve_bidi(pairs)
    chars: list[str] = []
    origins: list[int] = []
    for char, index in pairs:
        reading = _READINGS[ord(char)]
        chars.append(reading)
        origins.extend([index] * len(reading))
    return "".join(chars), origins
