"""Held-out evaluation set for the Discord chat word filter.

How the set was made
--------------------
Written independently of the filter (no filter code was read).  The context is a
Discord thread about a 2007 news-blog post: "Odierno: We're negotiating with
insurgents for a ceasefire" (Odierno, Petraeus, Sadr, Anbar, the September
report to Congress, AQ, the Sunni tribes...), plus some general chat (sports,
games, tech, cooking, local news).

LISTED_WORDS are 31 English profanities/insults that servers commonly list and
that are NOT in the builders' development list (nor inflections of it).  Short
words (ass, cum, tit, git, sod; arse, dick, cock, piss, crap, knob, slut, turd,
jizz, prat) are included on purpose: they are the hardest for false positives.

evasions(seed)
    Every sample is a realistic comment (1-3 sentences) written from one of 93
    hand-written sentence templates (typed by the grammatical slot: insult noun,
    "a load of X", "X off", "X it", "X for brains", ...), with place/person/group
    fillers and an optional follow-up sentence.  Exactly ONE listed word is put
    in the slot, as a whole word, un-inflected, and then disguised by one
    category's transformation (or 2-3 categories stacked on the same word for
    the combination samples).  The surrounding text never contains another
    listed word.  Every disguise keeps the word readable for a human.
    Sizes: 64 samples per single category (15 x 64 = 960) + 340 combinations of
    2 or 3 categories = 1,300 samples.  Each dict: {"text", "word", "categories"}.

Categories (CATEGORIES)
    homoglyph       look-alike letters from other scripts (Cyrillic, Greek,
                    Armenian, Cherokee, Coptic, Canadian syllabics, Roman
                    numeral letters): а е о р с ѕ і ј ԁ ԍ ց һ հ ӏ ո п η ս υ ԝ ...
    enclosed        circled, negative circled, negative squared, squared,
                    parenthesised letters, regional indicators (kept apart with
                    ZWSP / ZWNJ / WJ / spaces so they do not fuse into flags)
    small_caps      ᴀ ʙ ᴄ ᴅ ᴇ ꜰ ɢ ʜ ɪ ᴊ ᴋ ʟ ᴍ ɴ ᴏ ᴘ ꞯ ʀ ꜱ ᴛ ᴜ ᴠ ᴡ ʏ ᴢ
    stroke_hook     letters with strokes, bars, hooks, tildes (ø ł đ ħ ƀ ɨ ƈ ʂ ...)
    fullwidth_math  fullwidth forms and the Mathematical Alphanumeric styles
                    (bold, italic, script, fraktur, double-struck, sans, mono...)
    diacritics      precomposed accented letters, base + combining marks
                    (U+0301, U+0308, U+0345 ...), stacked "zalgo" marks
    leet            digits/symbols for letters, anywhere incl. the last letter
    spoiler_pipe    ||word||, w|o|r|d, per-letter spoilers, partial spoilers
    separators      one repeated separator, repeated or mixed punctuation/spaces
    markdown        **wo**rd, __w__ord, *w*o*r*d, ~~w~~ord, `w`ord ...
    line_break      a newline inside the word
    invisible       ZWSP/ZWNJ/ZWJ, WJ, soft hyphen, Hangul fillers, Braille
                    blank, invisible operators, BOM, CGJ, Mongolian vowel sep.
    stretch         repeated letters (2+), one long run or several doubled runs
    case_mix        ALL CAPS, alternating, random mixed, inner capitals
    rtl_override    U+202E + reversed letters + U+202C (renders as the word)
    (combination samples list 2 or 3 of these names in "categories")

clean(seed)
    1,390 comments that must NOT be flagged, each {"text", "trap"}.  About 60%
    carry a trap: names and ordinary words containing a listed word inside a
    longer word, model numbers, gamer tags, spaced acronyms, URLs and code,
    other languages, leet-like innocent text, numbers/prices/scores, emoticons
    and emoji (flags included), Discord markdown (incl. markdown inside
    innocent words and spoilers of innocent words), innocent stretched letters,
    genuine Russian/Greek/Armenian/Arabic... text, and 40 "list_collision"
    comments that contain a listed word as a plain whole word in an innocent
    real-life sense (Dick Cheney, a knob of butter, blue tit, Git, magna cum
    laude, Swedish "slut" = end ...); report those apart.
    Outside "list_collision", no clean comment contains a listed word as a
    plain whole word (checked case-insensitively with a \\b regex).
    A few clean traps are deliberately hard because they mirror an evasion
    category: "Galaxy A55" / "AS5 paste" (leet), "Chris Pratt" (stretch),
    Norwegian "slutt" (stretch), French "douché" (accents).

Everything is deterministic: all random choices go through random.Random(seed).
Standard library only, Python 3.11.
"""

from __future__ import annotations

import random
import re
import unicodedata

SEED: int = 20070705

LISTED_WORDS: tuple[str, ...] = (
    "ass", "arse", "dick", "cock", "piss", "crap", "knob", "slut", "prick",
    "whore", "skank", "douche", "jackass", "dumbass", "tosser", "bellend",
    "bollocks", "bugger", "pillock", "tit", "turd", "cum", "jizz", "dildo",
    "pussy", "scumbag", "douchebag", "git", "sod", "prat", "spunk",
)

CATEGORIES: tuple[str, ...] = (
    "homoglyph", "enclosed", "small_caps", "stroke_hook", "fullwidth_math",
    "diacritics", "leet", "spoiler_pipe", "separators", "markdown",
    "line_break", "invisible", "stretch", "case_mix", "rtl_override",
)

N_PER_CATEGORY = 64
N_COMBOS = 340

# ---------------------------------------------------------------------------
# Character tables
# ---------------------------------------------------------------------------

HOMOGLYPHS: dict[str, list[str]] = {
    "a": ["\u0430", "\u03b1"],                       # Cyrillic а, Greek α
    "b": ["\u1472", "\u13cf", "\u042c"],             # Canadian ᑲ, Cherokee Ꮟ, Cyrillic Ь
    "c": ["\u0441", "\u03f2", "\u217d"],             # Cyrillic с, Greek ϲ, ⅽ
    "d": ["\u0501", "\u146f", "\u217e"],             # Cyrillic ԁ, Canadian ᑯ, ⅾ
    "e": ["\u0435", "\u04bd", "\u03b5"],             # Cyrillic е, ҽ, Greek ε
    "g": ["\u050d", "\u0581"],                       # Cyrillic ԍ, Armenian ց
    "h": ["\u04bb", "\u0570", "\u13c2"],             # Cyrillic һ, Armenian հ, Cherokee Ꮒ
    "i": ["\u0456", "\u03b9", "\u13a5"],             # Cyrillic і, Greek ι, Cherokee Ꭵ
    "j": ["\u0458", "\u03f3"],                       # Cyrillic ј, Greek ϳ
    "k": ["\u043a", "\u03ba", "\u2c95"],             # Cyrillic к, Greek κ, Coptic ⲕ
    "l": ["\u04cf", "\u217c"],                       # Cyrillic palochka ӏ, ⅼ
    "m": ["\u043c", "\u217f"],                       # Cyrillic м, ⅿ
    "n": ["\u0578", "\u043f", "\u03b7"],             # Armenian ո, Cyrillic п, Greek η
    "o": ["\u043e", "\u03bf", "\u0585", "\u03c3"],   # Cyrillic о, Greek ο, Armenian օ, σ
    "p": ["\u0440", "\u03c1", "\u2ca3"],             # Cyrillic р, Greek ρ, Coptic ⲣ
    "r": ["\u0433", "\u2c85"],                       # Cyrillic г, Coptic ⲅ
    "s": ["\u0455", "\uabaa"],                       # Cyrillic ѕ, Cherokee ꮪ
    "t": ["\u0442", "\u03c4"],                       # Cyrillic т, Greek τ
    "u": ["\u057d", "\u03c5"],                       # Armenian ս, Greek υ
    "w": ["\u051d", "\u0461", "\u03c9"],             # Cyrillic ԝ, ѡ, Greek ω
    "y": ["\u0443"],                                 # Cyrillic у
    "z": ["\uab93"],                                 # Cherokee ꮓ
}

SMALL_CAPS: dict[str, str] = {
    "a": "\u1d00", "b": "\u0299", "c": "\u1d04", "d": "\u1d05", "e": "\u1d07",
    "f": "\ua730", "g": "\u0262", "h": "\u029c", "i": "\u026a", "j": "\u1d0a",
    "k": "\u1d0b", "l": "\u029f", "m": "\u1d0d", "n": "\u0274", "o": "\u1d0f",
    "p": "\u1d18", "q": "\ua7af", "r": "\u0280", "s": "\ua731", "t": "\u1d1b",
    "u": "\u1d1c", "v": "\u1d20", "w": "\u1d21", "y": "\u028f", "z": "\u1d22",
}

STROKES: dict[str, list[str]] = {
    "a": ["\u2c65", "\u1d8f"],
    "b": ["\u0180", "\u0253", "\u1d6c"],
    "c": ["\u0188", "\u023c", "\ua793"],
    "d": ["\u0111", "\u0257", "\u0256", "\u1d6d"],
    "e": ["\u0247", "\u1d92"],
    "g": ["\u01e5", "\u0260", "\u1d83"],
    "h": ["\u0127", "\u0266"],
    "i": ["\u0268", "\u1d7b"],
    "j": ["\u0249", "\u029d"],
    "k": ["\ua741", "\u0199", "\u2c6a", "\u1d84"],
    "l": ["\u0142", "\u019a", "\u026b", "\u026c", "\u026d"],
    "m": ["\u0271", "\u1d6f"],
    "n": ["\u0272", "\u019e", "\u0235", "\u0273", "\u1d70"],
    "o": ["\u00f8", "\u0275"],
    "p": ["\u1d7d", "\u01a5", "\u1d71"],
    "r": ["\u024d", "\u027d", "\u1d72", "\u027c"],
    "s": ["\u0282", "\ua7a9", "\u1d74", "\u023f"],
    "t": ["\u0167", "\u01ad", "\u0288", "\u01ab", "\u1d75"],
    "u": ["\u0289"],
    "w": ["\u2c73"],
    "z": ["\u01b6", "\u0225", "\u0290", "\u1d76"],
}

LEET: dict[str, list[str]] = {
    "a": ["4", "@", "4", "@", "/\\"],
    "b": ["8", "8", "|3", "\u00df"],
    "c": ["(", "(", "<", "[", "\u00a2", "\u00a9"],
    "d": ["|)", "|)"],
    "e": ["3", "3", "3", "\u20ac"],
    "g": ["6", "9", "6"],
    "h": ["#", "#", "|-|"],
    "i": ["1", "!", "1", "!", "|"],
    "j": ["_|", "]"],
    "k": ["|<", "|{", "|<"],
    "l": ["1", "|", "1", "|"],
    "m": ["|\\/|", "/\\/\\"],
    "n": ["|\\|", "/\\/"],
    "o": ["0", "0", "0", "()", "\u00b0"],
    "p": ["|D", "|\u00b0", "|o"],
    "r": ["|2", "\u00ae"],
    "s": ["5", "$", "5", "$"],
    "t": ["7", "+", "7", "+"],
    "u": ["v", "|_|", "\u00b5"],
    "w": ["\\/\\/", "vv"],
    "z": ["2", "2"],
}

MATH_STYLES = (
    "BOLD", "ITALIC", "BOLD ITALIC", "SCRIPT", "BOLD SCRIPT", "FRAKTUR",
    "DOUBLE-STRUCK", "BOLD FRAKTUR", "SANS-SERIF", "SANS-SERIF BOLD",
    "SANS-SERIF ITALIC", "SANS-SERIF BOLD ITALIC", "MONOSPACE",
)
_MATH_FALLBACK = {
    ("ITALIC", "h"): "PLANCK CONSTANT",
    ("SCRIPT", "e"): "SCRIPT SMALL E",
    ("SCRIPT", "g"): "SCRIPT SMALL G",
    ("SCRIPT", "o"): "SCRIPT SMALL O",
}


def _math_letter(style: str, letter: str) -> str:
    if style == "FULLWIDTH":
        return chr(0xFF41 + ord(letter) - 97)
    try:
        return unicodedata.lookup(f"MATHEMATICAL {style} SMALL {letter.upper()}")
    except KeyError:
        return unicodedata.lookup(_MATH_FALLBACK[(style, letter)])


ENCLOSED_STYLES = {
    "circled": lambda c: chr(0x24D0 + ord(c) - 97),
    "circled_capital": lambda c: chr(0x24B6 + ord(c) - 97),
    "negative_circled": lambda c: chr(0x1F150 + ord(c) - 97),
    "negative_squared": lambda c: chr(0x1F170 + ord(c) - 97),
    "squared": lambda c: chr(0x1F130 + ord(c) - 97),
    "parenthesised": lambda c: chr(0x249C + ord(c) - 97),
    "parenthesised_capital": lambda c: chr(0x1F110 + ord(c) - 97),
    "regional_indicator": lambda c: chr(0x1F1E6 + ord(c) - 97),
}
RI_JOINERS = ["\u200b"] * 7 + ["\u200c", "\u2060", " "]

MARKS_ABOVE = [0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0306, 0x0307, 0x0308,
               0x030A, 0x030B, 0x030C, 0x0311, 0x0313, 0x0314, 0x033D, 0x0342,
               0x0346, 0x034A, 0x0350, 0x0357, 0x035B, 0x0363, 0x0364, 0x0365]
MARKS_BELOW = [0x0316, 0x0317, 0x0323, 0x0324, 0x0325, 0x0326, 0x0327, 0x0328,
               0x032D, 0x032E, 0x0330, 0x0331, 0x0345, 0x0347, 0x0349, 0x034D,
               0x0353, 0x0359, 0x035A]
MARKS_SIMPLE = [0x0301, 0x0308, 0x0345, 0x0300, 0x0302, 0x0303, 0x0304, 0x0306,
                0x0307, 0x030A, 0x030C, 0x0323, 0x0327, 0x0328, 0x0331]

PRECOMPOSED: dict[str, list[str]] = {}
for _l in "abcdefghijklmnopqrstuvwxyz":
    _opts = []
    for _m in MARKS_ABOVE + MARKS_BELOW:
        _c = unicodedata.normalize("NFC", _l + chr(_m))
        if len(_c) == 1 and _c not in _opts:
            _opts.append(_c)
    PRECOMPOSED[_l] = _opts

INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u3164",
              "\u115f", "\u2800", "\u2063", "\u2062", "\u2061", "\ufeff",
              "\u180e", "\u034f", "\u1160", "\uffa0"]

SEPARATORS = [".", "-", " ", "_", "/", ",", "~", "\u2022", "\u00b7", "+", ":",
              "'", "=", "^"]

MD_MARKERS = ["**", "__", "*", "_", "~~", "`", "***", "__**"]


def _md_close(marker: str) -> str:
    return marker[::-1] if marker == "__**" else marker


# ---------------------------------------------------------------------------
# Word model: units (one per original letter), gaps, markers, wrappers
# ---------------------------------------------------------------------------

class _Word:
    def __init__(self, word: str):
        self.word = word
        self.units = list(word)
        self.plain = [True] * len(word)
        self.kind = ["plain"] * len(word)       # plain/homo/smallcap/.../ri/leet
        self.gaps = [""] * (len(word) - 1)
        self.pre = [""] * len(word)
        self.post = [""] * len(word)
        self.prefix = ""
        self.suffix = ""
        self.rtl = False

    def render(self) -> str:
        n = len(self.units)
        if self.rtl:
            parts = []
            for i in range(n - 1, -1, -1):
                parts.append(self.units[i])
                if i > 0:
                    parts.append(self.gaps[i - 1])
            core = "\u202e" + "".join(parts) + "\u202c"
        else:
            parts = []
            for i in range(n):
                parts.append(self.pre[i] + self.units[i] + self.post[i])
                if i < n - 1:
                    parts.append(self.gaps[i])
            core = "".join(parts)
        return self.prefix + core + self.suffix


class _Fail(Exception):
    pass


def _pick_positions(rng, eligible, lo, hi, prefer_last=False, n=None):
    if not eligible or hi < lo or hi < 1:
        raise _Fail()
    k = rng.randint(max(1, lo), max(1, min(hi, len(eligible))))
    chosen = rng.sample(eligible, k)
    if prefer_last and n is not None and (n - 1) in eligible and (n - 1) not in chosen:
        if rng.random() < 0.4:
            chosen[-1] = n - 1
    return sorted(set(chosen))


# --- character-level transforms (consume plain units) ------------------------

def _t_homoglyph(w, rng, maxk, combo):
    elig = [i for i, u in enumerate(w.units) if w.plain[i] and u in HOMOGLYPHS]
    for i in _pick_positions(rng, elig, 1, maxk(len(elig))):
        w.units[i] = rng.choice(HOMOGLYPHS[w.units[i]])
        w.plain[i] = False
        w.kind[i] = "homo"


def _t_stroke(w, rng, maxk, combo):
    elig = [i for i, u in enumerate(w.units) if w.plain[i] and u in STROKES]
    for i in _pick_positions(rng, elig, 1, maxk(len(elig))):
        w.units[i] = rng.choice(STROKES[w.units[i]])
        w.plain[i] = False
        w.kind[i] = "stroke"


def _t_small_caps(w, rng, maxk, combo):
    elig = [i for i, u in enumerate(w.units) if w.plain[i] and u in SMALL_CAPS]
    if not combo and rng.random() < 0.7:
        pos = elig
    else:
        pos = _pick_positions(rng, elig, 1, maxk(len(elig)))
    if not pos:
        raise _Fail()
    for i in pos:
        w.units[i] = SMALL_CAPS[w.units[i]]
        w.plain[i] = False
        w.kind[i] = "smallcap"


def _t_fullwidth(w, rng, maxk, combo):
    elig = [i for i, u in enumerate(w.units) if w.plain[i]]
    styles = ("FULLWIDTH",) * 4 + MATH_STYLES
    r = rng.random()
    if not combo and r < 0.7:
        pos, mixed = elig, False
    elif not combo and r < 0.85:
        pos, mixed = elig, True
    else:
        pos, mixed = _pick_positions(rng, elig, 1, maxk(len(elig))), rng.random() < 0.3
    if not pos:
        raise _Fail()
    style = rng.choice(styles)
    for i in pos:
        st = rng.choice(styles) if mixed else style
        w.units[i] = _math_letter(st, w.units[i])
        w.plain[i] = False
        w.kind[i] = "math"


def _t_enclosed(w, rng, maxk, combo):
    elig = [i for i, u in enumerate(w.units) if w.plain[i]]
    style = rng.choice(list(ENCLOSED_STYLES))
    whole = (not combo and rng.random() < 0.75) or style == "regional_indicator" and not combo
    if whole:
        pos = elig
    else:
        pos = _pick_positions(rng, elig, 1, maxk(len(elig)))
    if not pos:
        raise _Fail()
    f = ENCLOSED_STYLES[style]
    for i in pos:
        w.units[i] = f(w.units[i])
        w.plain[i] = False
        w.kind[i] = "ri" if style == "regional_indicator" else "enclosed"
    if style == "regional_indicator":
        joiner = rng.choice(RI_JOINERS)
        for i in range(len(w.units) - 1):
            if w.kind[i] == "ri" and w.kind[i + 1] == "ri":
                w.gaps[i] = joiner + w.gaps[i]


def _t_leet(w, rng, maxk, combo):
    def ok(s):
        if combo:
            return len(s) == 1 and s not in "|"
        return True
    elig = [i for i, u in enumerate(w.units)
            if w.plain[i] and u in LEET and any(ok(s) for s in LEET[u])]
    cap = maxk(len(elig)) if combo else max(1, (len(w.units) + 1) // 2)
    pos = _pick_positions(rng, elig, 1, cap, prefer_last=True, n=len(w.units))
    for i in pos:
        w.units[i] = rng.choice([s for s in LEET[w.units[i]] if ok(s)])
        w.plain[i] = False
        w.kind[i] = "leet"


def _t_case(w, rng, maxk, combo):
    elig = [i for i, u in enumerate(w.units) if w.plain[i] and u.isalpha() and u.isascii()]
    if not elig:
        raise _Fail()
    r = rng.random()
    n = len(w.units)
    if combo:
        pos = _pick_positions(rng, elig, 1, len(elig))
    elif r < 0.3:
        pos = elig                                     # ALL CAPS
    elif r < 0.5:
        start = rng.randint(0, 1)                      # aLtErNaTiNg
        pos = [i for i in elig if i % 2 == start] or [elig[-1]]
    elif r < 0.55:
        pos = [0]                                      # Title
    elif r < 0.8:
        pos = _pick_positions(rng, elig, 1, len(elig) - 1 if len(elig) > 1 else 1)
    else:
        inner = [i for i in elig if 0 < i] or elig    # inner capitals
        pos = _pick_positions(rng, inner, 1, min(2, len(inner)))
    if pos == list(range(n)) and combo is False and r >= 0.3:
        pos = pos[1:]
    for i in pos:
        w.units[i] = w.units[i].upper()
        w.plain[i] = False
        w.kind[i] = "case"


# --- non-consuming transforms ----------------------------------------------

def _t_diacritics(w, rng, combo):
    elig = [i for i, u in enumerate(w.units)
            if u[:1].isalpha() and w.kind[i] not in ("ri", "enclosed", "leet")]
    if not elig:
        raise _Fail()
    r = rng.random()
    if r < 0.4:
        mode = "precomposed"
    elif r < 0.75:
        mode = "combining"
    else:
        mode = "zalgo"
    if mode == "precomposed":
        cand = [i for i in elig if w.plain[i] and PRECOMPOSED.get(w.units[i].lower())]
        if not cand:
            mode = "combining"
        else:
            for i in _pick_positions(rng, cand, 1, len(cand)):
                base = w.units[i]
                c = rng.choice(PRECOMPOSED[base.lower()])
                w.units[i] = c.upper() if base.isupper() else c
                w.plain[i] = False
            return
    if mode == "combining":
        for i in _pick_positions(rng, elig, 1, len(elig)):
            k = 1 if rng.random() < 0.7 else 2
            w.units[i] += "".join(chr(rng.choice(MARKS_SIMPLE)) for _ in range(k))
            w.plain[i] = False
        return
    lo = max(1, len(elig) // 2)
    for i in _pick_positions(rng, elig, lo, len(elig)):
        marks = [chr(rng.choice(MARKS_ABOVE)) for _ in range(rng.randint(1, 3))]
        marks += [chr(rng.choice(MARKS_BELOW)) for _ in range(rng.randint(1, 3))]
        w.units[i] += "".join(marks)
        w.plain[i] = False


def _t_stretch(w, rng, combo):
    n = len(w.units)
    r = rng.random()
    if r < 0.4:
        pos = [rng.randrange(n)]
        counts = {pos[0]: rng.randint(3, 8)}
    elif r < 0.8:
        pos = _pick_positions(rng, list(range(n)), 2 if n > 2 else 1, min(n, 3))
        counts = {i: rng.randint(2, 3) for i in pos}
    else:
        pos = _pick_positions(rng, list(range(n)), 2 if n > 2 else 1, min(n, 3))
        counts = {i: rng.choice([2, 2, 3, 4, 5, 6]) for i in pos}
    for i, c in counts.items():
        joiner = "\u200b" if w.kind[i] == "ri" else ""
        w.units[i] = joiner.join([w.units[i]] * c)


# --- gap-level transforms --------------------------------------------------

def _t_separators(w, rng, combo):
    n = len(w.units)
    gaps = list(range(n - 1))
    r = rng.random()
    if r < 0.55:
        sep = rng.choice(SEPARATORS)
        if rng.random() < 0.2 and sep not in " ~_":
            sep = sep * 2
        chosen = gaps if rng.random() < 0.8 else _pick_positions(rng, gaps, 1, len(gaps))
        for g in chosen:
            w.gaps[g] += sep
    elif r < 0.75:
        sep = rng.choice([".", ",", "-", " "])
        for g in _pick_positions(rng, gaps, 1, min(2, len(gaps))):
            w.gaps[g] += sep * rng.randint(2, 3)
    else:
        pool = [".", "-", " ", "_", ",", "/", "~", "\u2022", "+"]
        chosen = gaps if rng.random() < 0.7 else _pick_positions(rng, gaps, 1, len(gaps))
        seps = [rng.choice(pool) for _ in chosen]
        if len(chosen) > 1 and len(set(seps)) == 1:
            seps[-1] = rng.choice([s for s in pool if s != seps[0]])
        for g, s in zip(chosen, seps):
            w.gaps[g] += s


def _t_invisible(w, rng, combo):
    n = len(w.units)
    gaps = list(range(n - 1))
    if rng.random() < 0.4:
        ch = rng.choice(INVISIBLES)
        chosen = gaps if rng.random() < 0.6 else _pick_positions(rng, gaps, 1, len(gaps))
        for g in chosen:
            w.gaps[g] += ch
    else:
        for g in _pick_positions(rng, gaps, 1, len(gaps)):
            w.gaps[g] += "".join(rng.choice(INVISIBLES) for _ in range(rng.choice([1, 1, 1, 2])))


def _t_line_break(w, rng, combo):
    n = len(w.units)
    gaps = list(range(n - 1))
    k = 2 if (n >= 5 and rng.random() < 0.15) else 1
    for g in _pick_positions(rng, gaps, k, k):
        w.gaps[g] += "\n"


def _t_spoiler(w, rng, combo, mode=None):
    n = len(w.units)
    if mode is None:
        r = rng.random()
        mode = ("whole" if r < 0.35 else "pipes" if r < 0.65 else "some_pipes" if r < 0.75
                else "per_letter" if r < 0.85 else "partial")
    if mode == "whole":
        w.prefix = "||" + w.prefix
        w.suffix = w.suffix + "||"
    elif mode in ("pipes", "some_pipes"):
        gaps = list(range(n - 1))
        chosen = gaps if mode == "pipes" else _pick_positions(rng, gaps, 1, max(1, len(gaps) - 1))
        for g in chosen:
            w.gaps[g] += "|"
    elif mode == "per_letter":
        for i in range(n):
            w.pre[i] = "||" + w.pre[i]
            w.post[i] = w.post[i] + "||"
    else:
        a = rng.randrange(n)
        b = rng.randrange(a, n)
        if a == 0 and b == n - 1:
            b = n - 2 if rng.random() < 0.5 else b
            if b == n - 1:
                a = 1
        w.pre[a] = "||" + w.pre[a]
        w.post[b] = w.post[b] + "||"


def _t_markdown(w, rng, combo):
    n = len(w.units)
    r = rng.random()
    if r < 0.15 and not combo:
        # *w*o*r*d style: one asterisk before every letter, close if odd
        for i in range(n):
            w.pre[i] = "*" + w.pre[i]
        if n % 2 == 1:
            w.post[n - 1] += "*"
        return
    spans = 1 if (r < 0.75 or n < 4) else 2
    if spans == 1:
        while True:
            a = rng.randrange(n)
            b = rng.randrange(a, n)
            if not (a == 0 and b == n - 1):
                break
        m = rng.choice(MD_MARKERS)
        w.pre[a] = m + w.pre[a]
        w.post[b] = w.post[b] + _md_close(m)
    else:
        cut = rng.randrange(1, n - 1)
        m1, m2 = rng.sample(["**", "__", "*", "~~", "`", "_"], 2)
        if {m1, m2} == {"*", "_"} or {m1, m2} == {"**", "__"}:
            m2 = "~~" if m1 != "~~" else "`"
        a1, b1 = 0, cut - 1
        a2, b2 = cut + rng.randint(0, 1) if cut + 1 < n else cut, n - 1
        if a2 > b2:
            a2 = b2
        w.pre[a1] = m1 + w.pre[a1]
        w.post[b1] = w.post[b1] + m1
        w.pre[a2] = m2 + w.pre[a2]
        w.post[b2] = w.post[b2] + m2


def _t_rtl(w, rng, combo):
    w.rtl = True


CONSUMERS = {
    "homoglyph": _t_homoglyph,
    "stroke_hook": _t_stroke,
    "small_caps": _t_small_caps,
    "fullwidth_math": _t_fullwidth,
    "enclosed": _t_enclosed,
    "leet": _t_leet,
}
ORDER = ["homoglyph", "stroke_hook", "small_caps", "fullwidth_math", "enclosed",
         "leet", "case_mix", "diacritics", "stretch", "separators", "invisible",
         "line_break", "spoiler_pipe", "markdown", "rtl_override"]

INCOMPATIBLE = {
    frozenset({"rtl_override", "leet"}),
    frozenset({"rtl_override", "markdown"}),
    frozenset({"rtl_override", "spoiler_pipe"}),
    frozenset({"rtl_override", "line_break"}),
}


def _compatible(cats) -> bool:
    for a in cats:
        for b in cats:
            if a != b and frozenset({a, b}) in INCOMPATIBLE:
                return False
    return True


def disguise(word: str, cats, rng: random.Random) -> str:
    """Apply the given categories to `word` and return the disguised form."""
    combo = len(cats) > 1
    for _attempt in range(40):
        state = rng.getstate()
        try:
            w = _Word(word)
            ordered = [c for c in ORDER if c in cats]
            consumers = [c for c in ordered if c in CONSUMERS or c == "case_mix"]
            if combo:
                rest_order = [c for c in consumers if c != "case_mix"]
                rng.shuffle(rest_order)
                consumers = rest_order + (["case_mix"] if "case_mix" in cats else [])
            remaining = len(consumers)
            for c in consumers:
                remaining -= 1
                reserve = remaining
                maxk = (lambda e, r=reserve: max(1, min(e, len(word) - r - 1) if combo else e))
                if c == "case_mix":
                    _t_case(w, rng, maxk, combo)
                else:
                    CONSUMERS[c](w, rng, maxk, combo)
            for c in ordered:
                if c in CONSUMERS or c == "case_mix":
                    continue
                if c == "diacritics":
                    _t_diacritics(w, rng, combo)
                elif c == "stretch":
                    _t_stretch(w, rng, combo)
                elif c == "separators":
                    _t_separators(w, rng, combo)
                elif c == "invisible":
                    _t_invisible(w, rng, combo)
                elif c == "line_break":
                    _t_line_break(w, rng, combo)
                elif c == "spoiler_pipe":
                    mode = None
                    if combo:
                        mode = "whole" if ("separators" in cats or "markdown" in cats
                                           or rng.random() < 0.5) else "pipes"
                    _t_spoiler(w, rng, combo, mode)
                elif c == "markdown":
                    _t_markdown(w, rng, combo)
                elif c == "rtl_override":
                    _t_rtl(w, rng, combo)
            out = w.render()
            if out == word or out.lower() == word and cats != ("case_mix",):
                raise _Fail()
            return out
        except _Fail:
            rng.setstate(state)
            rng.random()
            continue
    raise RuntimeError(f"could not disguise {word!r} with {cats}")


# ---------------------------------------------------------------------------
# Evasion sentence templates (slot {w}; {a} = a/an for the slot word)
# ---------------------------------------------------------------------------

PERSONS = ["Odierno", "Petraeus", "Bush", "Sadr", "Maliki", "Gates", "Cheney",
           "Reid", "Pelosi", "Murtha", "Rumsfeld", "Crocker", "Fallon",
           "the OP", "the blogger", "Hadley"]
PLACES = ["Anbar", "Baghdad", "Ramadi", "Fallujah", "Diyala", "Baqubah",
          "Sadr City", "Basra", "Tikrit", "Mosul", "Haditha", "Samarra",
          "Kirkuk", "western Baghdad", "Arab Jabour", "Hit"]
GROUPS = ["the Mahdi Army", "AQI", "the 1920 Revolution Brigades",
          "the Islamic Army in Iraq", "the Sunni tribes", "the Anbar sheikhs",
          "the Awakening councils", "the Shiite militias", "Congress",
          "the Democrats", "the surge brigades", "the Iraqi parliament"]

TEMPLATES: list[tuple[str, str]] = [
    # --- insult nouns ------------------------------------------------------
    ("insult", "{p} is {a} {w} if he thinks {g} will honour a ceasefire signed on a napkin."),
    ("insult", "lol the guy in the first reply is such {a} {w}, read the article before posting"),
    ("insult", "Calling Odierno a traitor for talking to the tribes makes you look like {a} {w}."),
    ("insult", "Sadr is a coward and {a} {w}, and he'll bolt to Iran again the second things get hot."),
    ("insult", "Imagine being enough of {a} {w} to think Congress will wait until September."),
    ("insult", "The mod who locked the other thread is {a} {w}. This one will go the same way."),
    ("insult", "Every pundit on cable tonight is going to be a smug {w} about this."),
    ("insult", "you're {a} {w} if you think {g} speak for 80% of anything"),
    ("insult", "Don't be {a} {w}, the Anbar model worked because the sheikhs were sick of AQ."),
    ("insult", "{p} looked like a complete {w} at that press conference."),
    ("insult", "My brother-in-law did two tours near {pl} and says the local commander there was a total {w}."),
    ("insult", "What {a} {w}. He negotiates with people who were planting IEDs last month and calls it strategy."),
    ("insult", "Some {w} in the comments keeps spamming the same YouTube link."),
    ("insult", "Only {a} {w} would announce the ceasefire talks before they're finished."),
    ("insult", "Sorry but the blogger is being {a} {w} about the KIA numbers. They're up because we moved into the neighborhoods."),
    ("insult", "If {p} wants a deal with the Mahdi Army he's a bigger {w} than I thought."),
    ("insult", "That reporter asking Odierno about 'winning' was such {a} {w} lol"),
    ("insult", "Honestly the biggest {w} in this whole story is whoever leaked the talks to the press."),
    ("insult", "Bro you're acting like {a} {w}, nobody said we should trust the insurgents."),
    ("insult", "Every armchair general in this thread is {a} {w}, myself included."),
    ("insult", "Tell that {w} in the other channel that {pl} isn't Anbar."),
    ("insult", "The {w} running the interior ministry should be the first one fired."),
    ("insult", "Nobody likes {a} {w} who posts 'called it' after every single update."),
    ("insult", "Zarqawi was {a} {w} and the tribes figured that out long before we did."),
    ("insult", "Reid going on TV to say the war is lost makes him look like {a} {w}."),
    ("insult", "Stop being {a} {w} and read the part about the 1920 Revolution Brigades."),
    ("insult", "{p} is {a} {w}. There, I said it. Fight me in the replies."),
    ("insult", "The {w} down my street has a support-the-troops sticker and votes against every funding bill."),
    ("insult", "Can a mod ban the {w} who keeps posting the same meme?"),
    ("insult", "You absolute {w}, that map of {pl} is from 2005."),
    ("insult", "Whoever came up with 'the surge is working, trust me' as a talking point is {a} {w}."),
    ("insult", "Maliki is either {a} {w} or a hostage to the Shiite parties, pick one."),
    ("insult", "idk who the bigger {w} is, the blogger or the guy quoting him"),
    ("insult", "Dude in voice chat last night was {a} {w} about this for two hours straight."),
    ("insult", "The ref was a total {w} last night, that was never a penalty."),
    ("insult", "My ping is insane today and some {w} on the other team kept camping spawn."),
    ("insult", "Our landlord is {a} {w}. The heating has been broken since October."),
    ("insult", "Some {w} parked across two spaces at the grocery store again."),
    ("insult", "The raid leader was being {a} {w} so I left the group."),
    ("insult", "{p} came off as {a} {w} in that interview, but the policy might still be right."),
    ("insult", "the striker dived like {a} {w} and still got the penalty"),
    ("insult", "Of course the one {w} who never reads the article has the loudest opinion."),
    ("insult", "My cousin called me {a} {w} for saying the Awakening might actually work."),
    ("insult", "That {w} from {pl} province council is already taking credit for the deal."),
    ("insult", "Whatever you think of {p}, the guy interviewing him was {a} {w}."),
    ("insult", "The food critic who panned my favourite taco place is {a} {w}."),
    # --- off ---------------------------------------------------------------
    ("off", "Honestly {g} can {w} off, they had their chance in 2004."),
    ("off", "Tell {p} to {w} off and go read his own benchmarks."),
    ("off", "If a mod tells me to {w} off for posting the casualty numbers, fine."),
    ("off", "The tribes in {pl} told AQ to {w} off. That's the whole story right there."),
    ("off", "My neighbour told the canvassers to {w} off and slammed the door."),
    ("off", "Just {w} off with the doom posting for one day, please."),
    # --- X it ----------------------------------------------------------------
    ("it", "{w} it, I'm reading the full transcript myself."),
    ("it", "oh {w} it, the stream cut out right before the Q&A"),
    ("it", "{w} it. I'll make the map of {pl} myself since nobody else will."),
    ("it", "Well {w} it, the September report will say whatever the White House wants."),
    # --- poor X --------------------------------------------------------------
    ("poor", "The poor {w} who has to brief Congress in September is going to get eaten alive."),
    ("poor", "Some poor {w} in the press office has to explain this tomorrow."),
    ("poor", "Spare a thought for the poor {w} translating at those meetings in {pl}."),
    ("poor", "That lucky {w} got the last ticket to the derby."),
    # --- interjections -------------------------------------------------------
    ("interj", "oh {w}, I completely forgot the hearing is today"),
    ("interj", "{w}, another update and it's not even noon"),
    ("interj", "ah {w}, the link is paywalled now"),
    ("interj", "well {w}. Gunships over {pl}, that escalated quickly."),
    ("interj", "{w}! I left the oven on during the press conference."),
    ("interj", "oh {w}, there goes my weekend, server maintenance again"),
    # --- junk (mass noun) ----------------------------------------------------
    ("junk", "That whole 80% figure is pure {w} and Odierno knows it."),
    ("junk", "Sorry, 'reconciliation' with the Mahdi Army is total {w}."),
    ("junk", "The September benchmarks are going to be absolute {w} no matter what happens in {pl}."),
    ("junk", "Half of what gets reported out of {pl} is {w}, the other half is late."),
    ("junk", "Total {w}. Nobody in {pl} is signing anything with us."),
    ("junk", "The official line on the KIA numbers is {w} and everyone in uniform knows it."),
    # --- a load of X ---------------------------------------------------------
    ("load", "What a load of {w}, the tribes flipped because AQ overplayed its hand."),
    ("load", "The 'talks with Sadr' update is a load of {w}."),
    ("load", "Cable news tonight was a steaming load of {w}."),
    ("load", "That offside decision was a load of {w}."),
    # --- is X (adjectival) ---------------------------------------------------
    ("adj", "The new patch is {w}, they nerfed every class I play."),
    ("adj", "Honestly the coverage of the ceasefire talks has been {w} on every network."),
    ("adj", "Their defense was {w} all season and nobody got fired."),
    ("adj", "The Wi-Fi on base was {w} so we only got the news days later."),
    ("adj", "this thread's take on {pl} is {w}"),
    # --- X for brains --------------------------------------------------------
    ("brains", "Whoever leaked this has {w} for brains."),
    ("brains", "You've got {w} for brains if you think Sadr will stay put."),
    ("brains", "The guy who designed this matchmaking system has {w} for brains."),
    ("brains", "Some {w}-for-brains in the other thread is calling Odierno a traitor."),
    ("brains", "{p} has {w} for brains if he believes the 80% number."),
    # --- X stain -------------------------------------------------------------
    ("stain", "That commenter is a walking {w} stain, ignore him."),
    ("stain", "You absolute {w} stain, the article is from 2007."),
    ("stain", "Get this {w} stain out of the thread, he's been trolling for an hour."),
    ("stain", "Some {w} stain keyed my car in the parking lot."),
    # --- X bucket ------------------------------------------------------------
    ("bucket", "The guy who leaked the talks is a {w} bucket and should be fired."),
    ("bucket", "Don't reply to that {w} bucket, he just wants attention."),
    ("bucket", "{p}'s press secretary is a {w} bucket, every answer is a dodge."),
]

_INSULT = ["ass", "arse", "dick", "cock", "knob", "slut", "prick", "whore",
           "skank", "douche", "jackass", "dumbass", "tosser", "bellend",
           "bugger", "pillock", "tit", "turd", "dildo", "pussy", "scumbag",
           "douchebag", "git", "sod", "prat"]
SLOT_WORDS: dict[str, list[str]] = {
    "insult": _INSULT,
    "off": ["piss", "sod", "bugger"],
    "it": ["sod", "bugger"],
    "poor": ["sod", "bugger", "git"],
    "interj": ["crap", "bollocks", "bugger"],
    "junk": ["crap", "bollocks"],
    "load": ["crap", "bollocks", "cock"],
    "adj": ["crap", "ass", "bollocks", "piss"],
    "brains": ["crap", "piss", "dick", "cum", "jizz", "spunk"],
    "stain": ["cum", "jizz", "spunk", "piss"],
    "bucket": ["cum", "jizz", "spunk"],
}

TAILS = [
    "Anyway, we'll know more by September.",
    "Source is in the second update.",
    "Not that anyone in Congress will read it.",
    "Same story as Anbar last year.",
    "Bookmarking this thread for when the report drops.",
    "Change my mind.",
    "The exit question is still the right one.",
    "Read the whole article before replying.",
    "This is going to age badly either way.",
    "Somebody tag the mods.",
    "We'll see.",
    "Not holding my breath.",
    "Prove me wrong.",
    "The 80% number is doing a lot of work here.",
    "Also, who writes these headlines?",
    "Back to lurking.",
    "Rant over.",
    "Ok I'm done.",
    "It is what it is.",
    "Thanks for coming to my TED talk.",
]


def _a(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _fill(template: str, word: str, rng: random.Random) -> str:
    return (template.replace("{p}", rng.choice(PERSONS))
            .replace("{pl}", rng.choice(PLACES))
            .replace("{g}", rng.choice(GROUPS))
            .replace("{a}", _a(word)))


_WORD_RE = {w: re.compile(r"\b" + w + r"\b", re.IGNORECASE) for w in LISTED_WORDS}


def _contains_listed(text: str) -> list[str]:
    return [w for w, rx in _WORD_RE.items() if rx.search(text)]


def _templates_for(word: str):
    return [t for (kind, t) in TEMPLATES if word in SLOT_WORDS[kind]]


def _make_text(word: str, disguised: str, rng: random.Random) -> str:
    tpl = rng.choice(_templates_for(word))
    ctx = _fill(tpl, word, rng)
    if ctx.count(".") + ctx.count("?") + ctx.count("!") <= 1 and rng.random() < 0.3:
        ctx = ctx + " " + rng.choice(TAILS)
    probe = ctx.replace("{w}", "\ue000")
    assert not _contains_listed(probe), (probe, _contains_listed(probe))
    return ctx.replace("{w}", disguised)


def evasions(seed: int = SEED) -> list[dict]:
    """Disguised listed words inside realistic comments."""
    rng = random.Random(seed)
    out: list[dict] = []
    seen: set[str] = set()

    def words_cycle():
        ws = list(LISTED_WORDS)
        while True:
            rng.shuffle(ws)
            yield from ws

    cyc = words_cycle()
    for cat in CATEGORIES:
        made = 0
        while made < N_PER_CATEGORY:
            word = next(cyc)
            d = disguise(word, (cat,), rng)
            text = _make_text(word, d, rng)
            if text in seen:
                continue
            seen.add(text)
            out.append({"text": text, "word": word, "categories": [cat]})
            made += 1

    made = 0
    while made < N_COMBOS:
        k = 2 if rng.random() < 0.6 else 3
        picked = set(rng.sample(CATEGORIES, k))
        cats = tuple(c for c in CATEGORIES if c in picked)
        if not _compatible(cats):
            continue
        word = next(cyc)
        try:
            d = disguise(word, cats, rng)
        except RuntimeError:
            continue
        text = _make_text(word, d, rng)
        if text in seen:
            continue
        seen.add(text)
        out.append({"text": text, "word": word, "categories": list(cats)})
        made += 1
    return out


# ---------------------------------------------------------------------------
# Clean comments
# ---------------------------------------------------------------------------

NONE_ARTICLE = [
    "Odierno talking to insurgent groups is the most interesting part of the whole surge.",
    "If the nationalist factions really are 80% of the insurgency, that changes everything.",
    "Who exactly has the authority to sign for these groups though?",
    "Decentralized insurgencies don't do ceasefires, they do local truces.",
    "The Anbar tribes flipping was the real turning point, not the extra brigades.",
    "September is going to be a circus no matter what Petraeus reports.",
    "KIAs up this month is exactly what you'd expect when troops move into the neighborhoods.",
    "Sadr going quiet is always the part that worries me.",
    "The exit question is a good one. What do the insurgents get out of this?",
    "They get protection from the Shiite government, that's the deal.",
    "Gunships supporting the groups we were fighting last year is a wild sentence.",
    "This is how most insurgencies end, honestly. Deals, not surrender.",
    "I'd want to know who is vouching for these interlocutors.",
    "Reconciliation has been the missing piece since 2004.",
    "The Mahdi Army is not a single organization anymore, it's a brand.",
    "Petraeus literally wrote the manual on this, people forget that.",
    "Using former insurgents as tipsters worked in Anbar, no reason it can't work elsewhere.",
    "The political clock in Washington is faster than the military clock in Iraq.",
    "Bush needs something to show by September, that's the whole subtext.",
    "Talking to Iran and talking to insurgents in the same month is quite the shift.",
    "Western Baghdad has been a mess since the spring.",
    "The government in Baghdad won't like any of this.",
    "Maliki is going to see every armed Sunni group as a threat regardless.",
    "A public ceasefire with a major group would be a huge signal.",
    "Local deals don't scale, that's my worry.",
    "The radical fringe will just defect to the foreign fighters.",
    "Is there any reporting on which groups are actually talking?",
    "The Islamic Army in Iraq has been feuding with AQ for months.",
    "The 1920 Revolution Brigades split over exactly this question.",
    "Intel from people who fought alongside the jihadists is priceless.",
    "Capturing the ISI leader before September would be a big deal.",
    "Nobody in Congress is going to read past the executive summary.",
    "The update about the gunships changes the tone of the post a lot.",
    "So we're fighting alongside groups that shot at us last year. War is strange.",
    "Honestly this is the most hopeful news out of Iraq in a while.",
    "Or it's a sign of how desperate things have become.",
    "I remember when negotiating with insurgents was unthinkable.",
    "The Sunni tribes had their own reasons, mostly AQ overreaching.",
    "Odierno is a lot more candid in interviews than people expect.",
    "The article undersells how fragile these arrangements are.",
    "Good post, but the title is a bit clickbaity.",
    "Can someone explain the difference between AQI and ISI?",
    "ISI was basically AQI with a new name and a few allies.",
    "The surge was always meant to buy time for politics.",
    "Politics is the part that hasn't happened.",
    "The Iraqi parliament taking August off didn't help.",
    "Benchmarks, benchmarks, benchmarks. Nobody agrees on what they mean.",
    "The Awakening movement is the real story of 2007.",
    "If it works in Diyala too, that's a trend, not a fluke.",
    "Diyala is much more mixed than Anbar, so harder.",
    "This post aged interestingly.",
    "Reading this years later is a trip.",
    "I served in Ramadi in 2006 and this would have sounded impossible then.",
    "Thanks for sharing, I had never read the original piece.",
    "The comments under the original post were a war zone.",
    "Tribal sheikhs have been the center of gravity the whole time.",
    "Money and security, that's what these deals run on.",
    "Paying former fighters is cheaper than fighting them.",
    "The Shiite parties will see this as arming their enemies.",
    "That tension never really went away.",
    "Sadr City is its own universe.",
    "The Mahdi Army ceasefire in August was a big deal too.",
    "I'm surprised the blog was this open to negotiation.",
    "Hawks and doves both had reasons to be nervous about this.",
    "The violence numbers for July are going to matter a lot.",
    "A deal is only as good as the people enforcing it.",
    "The insurgents fear the Shiite government more than they fear us. That's the key.",
    "This is the first time I've seen the 80% figure. Where does it come from?",
    "Probably internal estimates, hard to verify.",
    "The post does a decent job of steelmanning the skeptics.",
    "Jihadis driving up casualties for the news cycle is an ugly but real tactic.",
    "Tipsters from the insurgency are worth more than a brigade.",
    "How do you verify that an agreement is being honoured?",
    "You watch the attack numbers in that area, I guess.",
    "Which is exactly what the article says is hard.",
    "Would love a map of which groups operated where.",
    "The ISW maps from that era are really good.",
    "Crocker and Petraeus testified together, right?",
    "Yes, both of them in front of two committees.",
    "Gates was quietly pushing for this kind of thing.",
    "Fallon apparently hated the whole approach.",
    "The Iraqi army was still years from standing on its own.",
    "Every update on this post made it more interesting.",
    "The chitchat with Sadr line made me laugh.",
    "Talking to your enemies is how wars end. Always has been.",
    "The Kurds stayed out of most of this, smartly.",
    "Kirkuk was the powder keg nobody talked about.",
    "Basra was basically run by militias at that point.",
    "The British drawdown in the south is part of this picture too.",
    "Interesting how little of this made the evening news.",
    "Fair point about command and control, that's the weak spot.",
    "The reporting from embedded journalists was better than the press briefings.",
    "Negotiating from strength is different from negotiating from weakness.",
    "Which one this was depends on who you ask.",
    "I think both sides were exhausted by mid 2007.",
    "Anyway, good discussion everyone.",
    "Mods, can we pin this thread?",
    "Adding this to the reading list for the history channel.",
    "The part about Iran deserves its own thread.",
]

NONE_GENERAL = [
    "Anyone watching the match tonight?",
    "That last-minute goal was unreal.",
    "Our keeper has been the best player all season.",
    "The trade deadline is going to be chaos.",
    "Just finished the new expansion, the final boss is brutal.",
    "Patch notes are out, they buffed healers again.",
    "My squad needs one more for ranked, anyone up?",
    "Finally beat that level after two hours.",
    "The servers are down again, classic Friday.",
    "New GPU prices are still ridiculous.",
    "Switched to Linux last month and I'm not going back.",
    "My laptop fan sounds like a jet engine.",
    "Is it worth upgrading to the new phone or should I wait?",
    "The update broke my Bluetooth headphones.",
    "Made lasagna tonight, came out perfect.",
    "Does anyone have a good recipe for sourdough?",
    "Roasted some chicken thighs with lemon and garlic, ten out of ten.",
    "Soup weather is finally here.",
    "The new bakery downtown is worth the queue.",
    "Road works on the high street again, traffic is a nightmare.",
    "The council finally fixed the potholes on our road.",
    "Farmers market this weekend if anyone is around.",
    "Power went out for three hours last night.",
    "The library is doing a used book sale on Saturday.",
    "My dog learned to open the fridge. Send help.",
    "Cat knocked my coffee off the desk again.",
    "Going hiking this weekend, hoping the rain holds off.",
    "The sunset tonight was ridiculous.",
    "Watched the documentary everyone was talking about, it's decent.",
    "That show's finale was so rushed.",
    "Anyone else reading the new fantasy series?",
    "Half way through the book and I can't put it down.",
    "The concert last night was loud and great.",
    "Learning guitar at thirty, my fingers hate me.",
    "Happy birthday to our server admin!",
    "Welcome to everyone who joined this week.",
    "Reminder that the movie night is on Friday.",
    "Who's hosting the quiz this week?",
    "The weather app said sunny and it poured all day.",
    "My commute took an hour and a half today.",
    "Train was cancelled again, third time this week.",
    "Got my flu shot, arm is sore.",
    "Gym was packed tonight, new year energy in October.",
    "Running my first half marathon next month.",
    "Our team lost in the semis but it was a good run.",
    "The umpire had a rough day.",
    "Fantasy league draft is Sunday, don't forget.",
    "My starting lineup is cursed this year.",
    "The new coffee machine at work is amazing.",
    "Meetings that could have been an email, part 47.",
    "Spreadsheets all day, my eyes are done.",
    "Anyone know a good mechanic around here?",
    "Car failed inspection because of a wiper blade.",
    "The garden finally produced some tomatoes.",
    "Planted garlic for next year.",
    "Kids made pancakes for breakfast, kitchen is destroyed.",
    "Tried making ramen from scratch, it took all day.",
    "Pizza night at ours, pineapple stays off.",
    "What's everyone playing this weekend?",
    "The indie game on sale is fantastic, go buy it.",
    "Speedrun record got beaten again.",
    "My controller's left stick drifts now.",
    "The new keyboard is so clicky my roommate hates me.",
    "Router died, ordering a new one.",
    "Backup your files, people. Learned that the hard way.",
    "The museum has a new exhibit on ancient Mesopotamia.",
    "History podcast recommendations, anyone?",
    "The local paper ran a story about our bridge repairs.",
    "School board meeting went until midnight.",
    "Snow day tomorrow, the kids are thrilled.",
    "My neighbours are renovating and it starts at 7am.",
    "The farmers are saying it'll be a good harvest.",
    "Just got back from holiday, inbox is a disaster.",
    "Airport security took forever.",
    "The hotel breakfast was the highlight of the trip.",
    "Bought a new bike, can't wait to ride it.",
    "Tennis final was incredible, five sets.",
    "The rookie quarterback looks legit good.",
    "Penalty shootouts should be banned for my heart's sake.",
    "Chess club meets Thursdays now.",
    "Board game night went until 2am.",
    "Our server hit 500 members, thanks everyone.",
]

OPENERS = ["", "", "", "", "honestly ", "tbh ", "lol ", "ok but ", "idk, ",
           "fwiw ", "yeah, ", "hot take: ", "serious question: ", "imo ",
           "not gonna lie, ", "wait, ", "so ", "also ", "agreed, ", "eh, ",
           "true, ", "heh, ", "right, ", "hmm, "]
TAGS = ["", "", "", "", "", " lol", " tbh", " imo", " fwiw", " haha", " smh",
        " idk", " ngl"]
CLOSERS = ["", "", "", "", "", "", " Just saying.", " Anyway.", " Thoughts?",
           " For what it's worth.", " Change my mind.", " Discuss."]
_LOWER_OK = {"The", "This", "That", "It's", "It", "My", "A", "An", "Our", "Their",
             "There", "These", "Is", "What", "Who", "How", "Can", "Just", "Somebody",
             "Nobody", "Reading", "Half", "Good", "Interesting", "Thanks", "Local",
             "Money", "Paying", "Using", "Which", "Would", "Probably", "Yes", "Or",
             "So", "If", "Talking", "Politics", "Benchmarks", "Decentralized",
             "Tipsters", "Capturing", "Intel", "Fair", "Negotiating", "Add", "Grab",
             "Stop", "Need", "Made", "Found", "Caught", "Assume", "Document", "Enter",
             "Parse", "Rehearse", "Sounds", "Use", "Went", "Just", "Got", "Picked",
             "Running", "Repasted", "Ordered", "Does", "Anyone", "Finally", "Switched",
             "Watched", "Going", "Learning", "Tried", "Bought", "Planted", "Kids",
             "Backup", "Anyway", "Mods", "Adding", "Sparse", "Massive", "Somebody",
             "Embassy", "Passage", "Their", "Competition", "Circumstances", "Cumulative",
             "Accumulate", "Stitches", "Our", "Need", "Scrappy", "Sturdy", "Prickly"}


def _dress(rng: random.Random, s: str) -> str:
    op = rng.choice(OPENERS)
    tag = rng.choice(TAGS)
    cl = rng.choice(CLOSERS) if not tag else ""
    first = s.split(" ", 1)[0]
    if op and first in _LOWER_OK:
        s = s[0].lower() + s[1:]
    if tag and s.endswith("."):
        s = s[:-1]
    return op + s + tag + cl


NAME_SUBSTRING = [
    "Assad is watching all of this from Damascus and loving it.",
    "Bashar al-Assad will keep letting foreign fighters cross as long as it hurts us.",
    "Hancock County schools are closed again because of the ice.",
    "Alexander Cockburn wrote a column about the surge that said the exact opposite.",
    "Hitchcock's Rear Window is on TV tonight if anyone cares.",
    "Dickens would have written a great novel about the Green Zone contractors.",
    "Emily Dickinson is the only poet my kid reads voluntarily.",
    "Senator Crapo asked the only useful question in that hearing.",
    "Mike Crapo from Idaho voted for the supplemental.",
    "Arsenal dropped points again, Wenger must be fuming.",
    "Marseille is beautiful in the spring, went there on leave once.",
    "Pissarro's paintings of Paris boulevards are at the museum this month.",
    "Went to Massachusetts for a wedding, the Berkshires were gorgeous.",
    "Chuck Knoblauch throwing the ball into the stands still haunts me.",
    "Leonid Slutsky got sacked again, Russian football is chaos.",
    "Irina Slutskaya's free skate is still my favourite performance.",
    "Lake Titicaca was the best part of our Peru holiday.",
    "Tito kept Yugoslavia together by force, and look what happened after.",
    "Titian's portraits are wildly underrated.",
    "Chipping Sodbury has the best pub quiz in Gloucestershire.",
    "Terry Pratchett's Night Watch is basically a book about insurgency.",
    "Pratt & Whitney got another engine contract this week.",
    "Chris Pratt is in every movie now.",
    "Jizzakh is a real city in Uzbekistan, my uncle worked there.",
    "Octopussy is the most underrated Roger Moore Bond film.",
    "Cumbria flooded again and my cousin's village is cut off.",
    "Cumberland sausage with mash is the correct Sunday dinner.",
    "Benedict Cumberbatch should play Petraeus in the inevitable movie.",
    "Alan Cumming was hilarious on that talk show.",
    "Cockermouth got hit hard by the floods.",
    "Peacock has the Premier League games this season.",
    "Babcock won the shipbuilding contract again.",
    "Bellenden Road in Peckham has the best bakery in south London.",
    "Larsen scored twice for Celtic last night.",
    "Glasscock County in Texas has fewer people than my high school.",
    "Scunthorpe were unlucky on Saturday.",
    "Middlesex won the county championship this year.",
    "The Riddick movies are my guilty pleasure.",
    "Assisi is stunning, the basilica especially.",
    "Passau is where the three rivers meet.",
    "Nassau was hot as anything when we visited.",
    "Picasso's Guernica says more about war than any op-ed.",
    "Assam tea is the only tea I drink.",
    "Cockfosters is the end of the Piccadilly line.",
    "The Assyrian Christians in the north are getting squeezed from both sides.",
    "Titusville had a great view of the launch.",
    "Brigitte Bardot is apparently still in the news.",
    "The Gitmo detainees came up in the hearing again.",
    "Sodexo runs the dining facility on half the bases.",
    "Cassius Clay is still the greatest name change in sports.",
    "Hassan Nasrallah must be enjoying all of this.",
    "Lassen Volcanic park is wildly underrated.",
    "Dickson is the only mechanic in town I trust.",
    "Babcock and Hancock had a great partnership at the club.",
    "Woodcock's biography of Orwell is worth a read.",
    "The Dickensian state of the Iraqi ministries is a real problem.",
    "Arsenio Hall had a great show back in the day.",
    "Cumbernauld is not as bad as people say.",
    "Bassett hounds are the best dogs, fight me.",
    "Vassar has a great history department.",
    "The Dickinson College debate team is excellent.",
    "Titov was the second man in orbit.",
    "The Cockney accent in that film was painful.",
]

WORD_SUBSTRING = [
    "The assassination attempt on the Anbar governor barely made the news.",
    "Their assessment of the insurgency is way too optimistic.",
    "That's a classic case of moving the goalposts.",
    "Passage of the war funding bill is the real deadline, not September.",
    "Can we get a proper analysis instead of hot takes?",
    "Embassy staff have to pass through three checkpoints every morning.",
    "My therapist says I need to stop reading comment sections.",
    "They're going to scrap the benchmarks and call it flexibility.",
    "The cockpit footage from the gunships is wild.",
    "Made cocktails for the debate watch party.",
    "A peacock wandered into my yard this morning.",
    "There's a cockroach in the barracks bathroom the size of a Humvee.",
    "The title of the article undersells the story.",
    "The constitution of Iraq has a federalism clause nobody agrees on.",
    "Somebody start a petition to rename this channel.",
    "Competition for the tribes' loyalty is fierce.",
    "The institution of the tribe survived Saddam and it'll survive this.",
    "Saturday's match got postponed because of the rain.",
    "Sturdy boots are the only thing that kept my feet dry out there.",
    "Document everything, the inspectors general will want it.",
    "Cucumber salad with dill, trust me.",
    "Cumulative casualty numbers are up, that's the point of the post.",
    "The incumbent in our district is finally retiring.",
    "Circumstances on the ground change weekly.",
    "Accumulate enough small ceasefires and maybe you have a peace.",
    "Add a teaspoon of cumin to the chili.",
    "This digital edition paywall is annoying.",
    "Is this article legit or satire?",
    "Enter the six-digit code from the email.",
    "Episode three of the documentary covers Fallujah.",
    "Sodium levels in MREs are insane.",
    "Grab me a soda while you're up.",
    "Found my grandfather's scrapbook from his deployment.",
    "Skyscraper fire downtown, stay safe everyone.",
    "Prickly pear jam is amazing.",
    "Sparse coverage of the fighting in Diyala, as usual.",
    "My voice is hoarse from yelling at the TV.",
    "Rehearse your talking points before September, senators.",
    "The coarse grind works better for a French press.",
    "Parse the quote carefully, he said maybe.",
    "The doorknob came off in my hand.",
    "The debugger crashed again so I'm printing everything.",
    "Cockatoos are incredibly loud at 6am.",
    "The shuttlecock landed on the roof.",
    "Massive turnout at the town hall last night.",
    "The network running that chyron should be embarrassed.",
    "Harassment of the interpreters' families is the real scandal.",
    "The ambassador is on his way to Baghdad.",
    "Partition of Iraq into three regions keeps coming up.",
    "Quantity has a quality all its own.",
    "Stitches came out today, finally.",
    "Our titration lab ran long.",
    "The ground is sodden after all that rain.",
    "Turducken at Thanksgiving is a power move.",
    "A titmouse has been visiting the feeder every morning.",
    "Stop pussyfooting around the question and answer it.",
    "Need a cummerbund for the wedding, any tips?",
    "The spunky rookie point guard is fun to watch.",
    "Caught a crappie off the dock this morning.",
    "Scrapple for breakfast, don't knock it.",
    "Turdus migratorius is the American robin, fun fact.",
    "Stop prattling on about the polls.",
    "Assume nothing about who is actually in charge.",
    "Bassoon practice is keeping my neighbours awake.",
    "Cassette tapes are apparently cool again.",
    "The chassis on that truck is rusted through.",
    "Sassafras tea is an acquired taste.",
    "Compassion for the civilians caught in the middle, please.",
    "The passenger list was never released.",
    "Grasshoppers ate half my garden.",
    "This is a half-cocked plan if I've ever seen one.",
    "The pistachio gelato at that place is perfect.",
    "Assembly elections in the provinces keep getting delayed.",
    "Ambassadors, envoys, assistants, the whole delegation showed up.",
    "Accumulated leave is the only thing getting me through this year.",
    "Subtitles on the briefing video are garbage.",
    "The appetite for more troops in Congress is zero.",
    "Entitled is not the word I'd use for the sheikhs.",
    "Arsenic was found in the water supply report.",
    "Sparsely populated areas are easier to hold.",
    "The prickle of nerves before a deployment never goes away.",
    "Knobbly tires make a huge difference on gravel.",
    "I got a cocker spaniel puppy last week!",
    "Shitake mushrooms in the stir fry, trust me.",
    "Scrappy team, they never give up.",
    "That's a documentary worth watching.",
    "Superstition says don't talk about a no-hitter in progress.",
    "Repetition is how you learn a language.",
    "Acumen is what the job requires, not slogans.",
]

MODEL_NUMBERS = [
    "Just got the Galaxy A55 and the battery life is insane.",
    "Samsung A55 or Pixel 8a, which one should I get?",
    "Running it on an RTX 3080 at 1440p, no issues.",
    "My F-150 got a flat on the way to work.",
    "The AC-130 gunships are what the update is about, right?",
    "AH-64 Apaches over western Baghdad, per the second update.",
    "B-52s flying out of Diego Garcia was the old way of doing this.",
    "The M1114 up-armored Humvee still couldn't stop an EFP.",
    "Repasted with AS5 and the temps dropped 8 degrees.",
    "Audi A3 or S3 for a daily driver?",
    "Picked up a PS5 on sale last week.",
    "iPhone 15 camera is really good in low light.",
    "The Ryzen 7 5800X3D still holds up great.",
    "The Dyson V15 is overpriced but it works.",
    "KC-135 tankers have been flying since the fifties.",
    "UH-60 Black Hawks were everywhere in those photos.",
    "The C-130J is a workhorse.",
    "MQ-1 Predators changed the whole game.",
    "T-72 tanks in the Iraqi army were no match.",
    "AK-47s were cheaper than a chicken in some markets.",
    "My old M4A1 is the rifle I miss most.",
    "RPG-7 attacks were the scariest part of convoys.",
    "Tesla Model 3 or Model Y?",
    "BMW M3 E46 is the best looking car ever made.",
    "The Boeing 737 MAX saga is still going.",
    "GTX 1660 Super is still fine for esports titles.",
    "Canon EOS R5 for wildlife photos, recommended.",
    "Fiat 500 is the perfect city car.",
    "Peugeot 3008 has a weird dashboard.",
    "Sony WH-1000XM5 noise cancelling is magic.",
    "The B-1B Lancer flew over the parade.",
    "Nokia 3310 battery lasted a week.",
    "TI-83 calculators are still $100 somehow.",
    "The Galaxy S10 still gets security updates?",
    "Xbox Series X or PS5 for a new player?",
    "Got a Kindle Paperwhite 11th gen for reading on deployment.",
    "The Raspberry Pi 5 runs my whole home server.",
    "My A55 is acting up after the update.",
    "Does the A55 support eSIM?",
    "Ordered AS5 paste and a new cooler.",
    "USB-C finally on every phone.",
    "Bradley M2A3 crews had it rough.",
    "The F-16 flyover at the game was awesome.",
    "MRAP deliveries were way too slow in 2007.",
    "Steam Deck OLED is worth the upgrade.",
    "Gen 3 Prius still going at 250k miles.",
    "M1A2 Abrams in the streets of Baghdad.",
    "The Su-25 is a flying tank.",
    "My router is a TP-Link AX55.",
    "Model S Plaid acceleration is ridiculous.",
]

GAMER_TAGS = ["xX_SniperWolf_Xx", "Kn1ghtRyder99", "Ass4ssinKing", "Sp00kyB0i",
              "Cassidy_Plays", "TitanFall_Pro", "Arsenal_4ever", "Peac0ck_Prince",
              "Scr4pp3r", "Cumberland_Kid", "Dickens_Fan_1812", "H4ncock_88",
              "Sodapop_Jr", "Pr4tchett_Reader", "Class1c_Gamer", "B4ssline",
              "Glass_Cannon", "Sturdy_Turtle", "Saturday_Knight", "DigitalDave",
              "LegitLarry", "xX_Pistachio_Xx", "DocumentDan", "Tit4n_Slayer",
              "Sparse_Matrix", "Hoarse_Whisper", "Passive_Aggro", "Massacre_Mike",
              "CocktailKing", "Shuttlec0ck", "Skyscr4per", "Cucumber_Cool",
              "Scunthorpe_Utd_Fan", "Knoblauch_12", "SassyGrandma", "Assyrian_Archer"]
GAMER_SENTENCES = [
    "gg to {t}, that clutch was insane",
    "{t} carried us in ranked last night",
    "add me on Steam, I'm {t}",
    "who is {t} and why are they in voice at 3am",
    "{t} said the same thing in #general yesterday",
    "shoutout to {t} for the map of Anbar they posted",
    "{t} is streaming the new expansion tonight",
    "@{t} you still up for the raid?",
    "lost to {t} in the final, well played",
    "{t} has the best takes in this server honestly",
]

SPACED_ACRONYMS = [
    "The U.S.A. is not going to stay in Iraq forever.",
    "We need those numbers A.S.A.P.",
    "Watching Agents of S.H.I.E.L.D. reruns tonight.",
    "Washington D.C. politics as usual.",
    "K.I.A. numbers are up, that's literally in the post.",
    "The U.N. mandate expires at the end of the year.",
    "N.A.T.O. won't touch Iraq with a ten-foot pole.",
    "I.E.D. attacks are down in Anbar, per the briefing.",
    "The C.I.A. briefed the committee last week.",
    "A.Q.I. is the group they're trying to isolate.",
    "W.M.D. is the acronym that started it all.",
    "The S.O.F.A. negotiations are next year's problem.",
    "He went A.W.O.L. for three days.",
    "My kid just joined R.O.T.C.",
    "The P.O.W. memorial was beautiful.",
    "The G.I. Bill paid for my degree.",
    "The F.B.I. got involved after that.",
    "The N.S.A. probably read this thread already.",
    "An R.P.G. hit the convoy near Hit.",
    "Please R.S.V.P. for the reunion by Friday.",
    "P.S. the article link is in the pinned message.",
    "The U.K. pulled out of Basra soon after.",
    "E.U. ministers had nothing to say about it.",
    "The D.O.D. press office never answers.",
    "S.W.A.T. teams trained the Iraqi police units.",
    "T.N.T. had the game on last night.",
    "U S A chants at the match were loud.",
    "The F B I report came out on Tuesday.",
    "R.I.P. to my old laptop.",
    "The M.R.E. menu has not improved.",
    "O.K. so the update changes things.",
    "The I.R.A. ceasefire comparison comes up a lot.",
    "The N.F.L. season starts next week.",
    "A.K.A. the Islamic State of Iraq.",
    "Check the F.A.Q. before posting please.",
    "T.B.H. the post is better than the comments.",
    "The C.O.I.N. manual is on my desk.",
    "E.T.A. on the report is mid September.",
    "The R.A.F. flew support missions from Qatar.",
    "I got my M.B.A. the year all this happened.",
]

URL_CODE = [
    "Full text: https://hotair.com/archives/2007/07/05/odierno-negotiating-ceasefire-insurgents/",
    "Original report: https://www.theguardian.com/world/2007/jul/05/iraq.usa",
    "Map here: https://www.globalsecurity.org/military/world/iraq/anbar.htm",
    "<https://en.wikipedia.org/wiki/Scunthorpe_problem> is relevant to our bot lol",
    "https://www.bbc.co.uk/news/world-middle-east has a timeline",
    "Fixtures are up at https://www.arsenal.com/fixtures",
    "https://www.massachusetts.gov/info-details/covid is down again",
    "Found this: https://titanic.fandom.com/wiki/Passenger_list",
    "The repo is at https://github.com/someuser/anbar-timeline",
    "Docs: https://docs.python.org/3/library/unittest.html#assert-methods",
    "Try `assert len(brigades) == 5` before the loop.",
    "Use `df['kia'].cumsum()` to get the running total.",
    "Just `pip install scrapy` and point it at the archive.",
    "`document.querySelector('.title')` returns null for me.",
    "`const passage = text.slice(0, 80);` should do it.",
    "Run `SELECT month, SUM(kia) FROM casualties GROUP BY month;`",
    "`npm run build` fails on the class property syntax.",
    "`self.assertEqual(total, 80)` passes now.",
    "Rename it with `mv title.txt assessment.txt`.",
    "```py\nfor assessment in reports:\n    print(assessment.title)\n```",
    "```js\nclass Cocktail extends Drink {}\n```",
    "```\ncd ~/Documents/iraq_notes\nls -la\n```",
    "```python\nimport numpy as np\ntotals = np.cumsum(monthly)\n```",
    "`if (digit > 9) return;` is the bug.",
    "`pass` is doing nothing in that except block.",
    "`apt install libsodium-dev` fixed the build for me.",
    "The regex `^[A-Z]{2}\\d{2}$` matches the unit codes.",
    "```sql\nSELECT title FROM articles WHERE assessment IS NOT NULL;\n```",
    "Bookmark https://www.longwarjournal.org for daily updates.",
    "Transcript: https://www.c-span.org/video/?123456-1/iraq-assessment-hearing",
    "`titles = [a.title for a in articles]`",
    "`classList.add('passed')` works on every browser now.",
    "```bash\nscp notes.md user@10.0.0.5:~/backup/\n```",
    "`np.cumprod(x)` gives the running product.",
    "https://www.cockburnsport.com/results looks broken on mobile",
    "https://www.dickensfellowship.org has the reading list",
    "Archive link: https://web.archive.org/web/2007/http://hotair.com/",
    "`print(f'{assassins=}')` is a neat trick.",
    "```\nTraceback (most recent call last):\n  File \"scrape.py\", line 12\n```",
    "https://www.scunthorpe-united.co.uk/fixtures is the link",
]

FOREIGN = [
    "Der Nebel ist heute so dicht, man sieht nichts.",
    "Die dicken Wolken über der Stadt sehen bedrohlich aus.",
    "Im Dickicht der Politik verliert man leicht den Überblick.",
    "Ich brauche mehr Knoblauch in der Soße.",
    "Die Kunst der Verhandlung ist Geduld.",
    "Meine Gitarre ist total verstimmt.",
    "Das prickelnde Wasser ist leider alle.",
    "Die Titelseite der Zeitung war ganz dem Irak gewidmet.",
    "Dickköpfig wie immer, der Minister.",
    "Le pissenlit pousse partout dans mon jardin.",
    "J'ai vu un crapaud dans le jardin ce matin.",
    "Il y a assez de soldats sur place ?",
    "Je me suis douché et je suis parti au boulot.",
    "La douchette de la cuisine fuit encore.",
    "Les assiettes sont dans le lave-vaisselle.",
    "Le titre de l'article est trompeur.",
    "La cocotte est sur le feu depuis une heure.",
    "Pissaladière niçoise pour le dîner ce soir.",
    "Feliz cumpleaños, hermano!",
    "El asesinato del jeque fue un golpe duro.",
    "Mi coche no arranca otra vez.",
    "La cocina de mi abuela huele a comino.",
    "Vivo en un piso pequeño en Madrid.",
    "El titular del periódico es exagerado.",
    "La cumbre de la OTAN es en septiembre.",
    "Los documentos clasificados salieron ayer.",
    "Il titolo dell'articolo è fuorviante.",
    "Faccio un pisolino dopo pranzo.",
    "Un cumulo di macerie dopo l'attentato.",
    "Il cocco è il mio gelato preferito.",
    "Passami il sale, per favore.",
    "Dat boek is echt heel dik.",
    "Hij prikt met zijn vork in de aardappel.",
    "Ik heb een knobbel op mijn knie.",
    "Slutet av filmen var fantastiskt.",
    "Matchen slutade två mot ett.",
    "Vi ses i slutet av veckan.",
    "Det er slutt for i dag.",
    "Til slutning vil jeg sige tak.",
    "O documento foi assinado ontem.",
    "Vamos assistir ao jogo no sábado.",
    "A assessoria de imprensa não respondeu.",
    "Sota on ohi, sanoi isoisäni aina.",
    "Prosím, pošli mi ten dokument.",
    "Dziękuję za artykuł, bardzo ciekawy.",
    "Ik ben er dik tevreden over.",
    "Tu as raison, c'est assez compliqué.",
    "Das war ein dicker Fehler vom Schiedsrichter.",
    "Ein bisschen Knoblauchbrot dazu?",
    "Quel crapaud, ce ministre.",
]

LEET_INNOCENT = [
    "h4x0r skills on display in that clip",
    "gr8 game last night everyone",
    "l33t strats only in this server",
    "can't make it 2day, sorry",
    "n00b question but where's the article link?",
    "cya l8r, heading to work",
    "b4 the deadline pls",
    "w00t, we won the scrim",
    "ty m8, appreciate it",
    "sk8 park is open again",
    "friends 4ever lol",
    "1337 is my lucky number",
    "got pwned in the first round",
    "gr8 b8 m8, I r8 8/8",
    "2nite is movie night",
    "4 real though, read the update",
    "c u l8r alligator",
    "r u coming to the meetup?",
    "2 ez, next map",
    "ez pz lemon squeezy",
    "c00kies are in the oven",
    "b00k club meets Thursday",
    "sk00l is out for summer",
    "h3ll0 w0rld",
    "g2g, dinner's ready",
    "brb 5 min",
    "ily guys <3",
    "m8 the update dropped",
    "str8 up the best post on here",
    "wanna play l8r?",
    "gl hf everyone",
    "n1ce shot",
    "1v1 me",
    "7h3 m4tr1x",
    "4head moment",
    "B4NG3R of a song",
    "gud g4me",
    "th4nks 4 the inv1te",
    "10/10 w0uld read again",
    "pr0 tip: read the second update",
]

NUMBERS = [
    "It's $5 at the PX.",
    "The score was 3-1 at halftime.",
    "Meeting at 14:30 tomorrow.",
    "80% of the insurgency, per Odierno.",
    "Sept 15 is the date everyone is watching.",
    "Over $450 billion spent so far.",
    "Took 2h 45m to get through the checkpoint.",
    "We lost 2-0 again.",
    "It hit 120°F in Baghdad that week.",
    "Three for $10 at the market.",
    "About 1,200 troops rotate out next month.",
    "Pickup at 7:45pm sharp.",
    "Final score 27-24 in overtime.",
    "Rent went up 12% this year.",
    "Gas is $3.49 a gallon here.",
    "Round 3 of 5 starts at 9.",
    "My flight is at 06:10, send coffee.",
    "It's 3 a.m. and I'm reading about Anbar.",
    "30,000 extra troops for the surge.",
    "The vote was 218-212.",
    "Day 147 of waiting for the report.",
    "Ran 5k in 24:31, new PR.",
    "The bill is 1,500 pages long.",
    "Level 60 finally.",
    "Lap 42 of 58 and still no pit stop.",
    "It's -15°C outside, school is open anyway.",
    "The 2nd, 3rd and 4th updates all matter.",
    "Ticket prices went from £40 to £65.",
    "€12 for a pint at the stadium, no thanks.",
    "Page 3 of the report has the numbers.",
    "4/5 stars from me.",
    "1st half was rough, 2nd half was better.",
    "Order #48213 still hasn't shipped.",
    "Zone 6 travelcard costs how much now?",
    "Call 555-0134 for the booking.",
    "7 days until the deadline.",
    "The 101st Airborne was up north.",
    "3rd Infantry Division rotated back in.",
    "10-4, heading out now.",
    "99 problems and the Wi-Fi is all of them.",
]

EMOJI = [
    "great post :)",
    "lmao xD",
    "that update :D",
    "thanks for sharing ;)",
    "<3 this server",
    "o7 to everyone who served",
    "¯\\_(ツ)_/¯ who knows",
    "😂😂😂 the chitchat line",
    "🤔 interesting take",
    "🇺🇸🇮🇶 strange bedfellows",
    "🙏 stay safe out there",
    "👍 agreed",
    "🔥 thread",
    "💀 the comments on the original post",
    ":^) sure",
    "T_T my team lost",
    "^_^ good morning",
    ">_< forgot my password again",
    "🐓 the rooster next door woke me at 4am",
    "🫡 respect",
    "🇬🇧🇫🇷 both sent envoys to the talks",
    "🎉 happy birthday!",
    "☕ first coffee of the day",
    "🍕 pizza night",
    "⚽ derby day!",
    "🐈 my cat says hi",
    "🌧️ rain again",
    "📉 ratings for the hearing were low",
    "🤷 we'll see in September",
    "😅 oops wrong channel",
    "🇮🇷 Iran is the elephant in the room",
    "🇸🇾 and Syria too",
    "🇶🇦🇰🇼 bases everywhere",
    ":( sad news today",
    "=) nice",
    ":P gotcha",
    "(╯°□°)╯︵ ┻━┻ the deadline moved",
    "┬─┬ノ( º _ ºノ) calm down",
    "🦚 a peafowl, not a peacock, is the correct name for both sexes",
    "🇺🇸 happy 4th everyone",
]

MARKDOWN = [
    "**Update:** there are reports of gunships over western Baghdad.",
    "> imagine the information we'd gather\nthis is the real point of the post",
    "||Snape kills Dumbledore|| is old news by now",
    "~~Sadr is irrelevant~~ never mind",
    "`Odierno` is spelled with an i, people",
    "__Exit question__: what do the insurgents get?",
    "*sigh* another deadline",
    "-# posted from my phone, sorry for typos",
    "# September is coming",
    "**class**ic blog post, very 2007",
    "the **pass**word for the voice channel changed",
    "this is **in**competent, not **in**cumbent",
    "**sub**titles or it didn't happen",
    "||the tribes flip in the end|| no spoilers for the book club please",
    "||Titanic sinks|| sorry for spoiling",
    "||Arsenal win the league|| in my dreams",
    "> We're talking about ceasefires\nwild quote in hindsight",
    "*Dickens* would have had a field day",
    "***huge*** if true",
    "__**read the article**__ before commenting",
    "~~Tuesday~~ Wednesday's meeting is moved",
    "`Scunthorpe` is the classic example for word filters",
    "**Peacock** has the rights now",
    "||cocktail recipes|| in the pinned message",
    "> KIAs are up this month too\nthat's the sad part",
    "*assess* first, then act",
    "Assyrian **history** is fascinating",
    "_analysis_ is better than vibes",
    "||Picasso|| was the answer to the quiz",
    "**Saturday** is the deadline for signups",
    "- point one\n- point two\n- point three",
    "1. read\n2. think\n3. post",
    "> I mean\nthat is the whole exit question",
    "**bold** move by Odierno",
    "~~scrap~~ keep the benchmarks",
    "__*constitution*__ talks stalled again",
    "`titlecase()` fixed the headers",
    "**Massachusetts** delegation voted no",
    "||Marseille|| was the answer to last week's geography quiz",
    "*Hancock* is a great movie, fight me",
    "**doc**umented in the appendix",
    "__Titan__ is the largest moon of Saturn",
    "the **scrap**book is on the shelf",
    "Cockburn's **column** is linked below",
    "*Dickensian* bureaucracy in the Green Zone",
    "||**Sodexo**|| runs the chow hall, apparently",
    "`Cumbria` shows up in the dataset twice",
    "**pis**tachio is the best flavour",
    "~~Pratt~~ Pratchett, autocorrect",
    "*Titicaca* is a fun word to say",
]

REPEATED = [
    "sooooo good",
    "yessss finally",
    "nooooo the deadline moved",
    "whyyyy would you post that",
    "lmaooooo",
    "hahahahaha",
    "brooooo read the update",
    "pleeease read the article first",
    "cooool",
    "ughhhh Mondays",
    "Saturdayyyyy",
    "I'm soooo done with cable news",
    "goooaaal!!!",
    "yaaaas queen",
    "omgggg",
    "hmmmmm not sure",
    "wellll that escalated",
    "reallyyyy?",
    "wooow",
    "thaaaank you",
    "byeeeee",
    "heyyyy everyone",
    "niiiice",
    "okaaaay then",
    "whaaaat",
    "Passsss the remote",
    "the classsssic take",
    "sweeeeet",
    "nope nope nooope",
    "finallyyyy the report",
    "lolll",
    "yummmm",
    "Fridayyyy",
    "sooo many updates",
    "waaaay too optimistic",
    "greeeeat, another hearing",
    "aaaaand it's gone",
    "zzzzz boring hearing",
    "helllll yeah",
    "pleaseeee pin this",
]

MIXED_SCRIPT = [
    "Переговоры с повстанцами — рискованный шаг, но другого выхода нет.",
    "Американцы опять говорят о перемирии.",
    "Сегодня в Багдаде снова взрывы.",
    "Кот спит на диване весь день.",
    "Мой сок закончился, пойду в магазин.",
    "Отличный матч, 3:1!",
    "Спасибо за ссылку, очень интересно.",
    "Это просто смешно.",
    "Η εκεχειρία δεν θα κρατήσει πολύ.",
    "Καλημέρα σε όλους!",
    "Ο Πετρέους θα μιλήσει στο Κογκρέσο τον Σεπτέμβριο.",
    "Τι ώρα είναι ο αγώνας;",
    "Το κείμενο είναι πολύ καλό.",
    "Дякую за статтю, дуже цікаво.",
    "Хвала, видимо се сутра.",
    "Много добър анализ.",
    "Շնորհակալություն հոդվածի համար։",
    "გმადლობთ, ძალიან საინტერესოა!",
    "وقف إطلاق النار في الأنبار خبر مهم",
    "الله يحفظ العراق",
    "תודה רבה על הקישור",
    "lol my Russian friend just sent «ну и дела» about the ceasefire",
    "Моя бабушка говорит, что война никогда не кончается.",
    "Кто-нибудь смотрел футбол вчера?",
    "Ο καιρός σήμερα είναι υπέροχος.",
    "Пока, до завтра!",
    "Στο Ιράκ η κατάσταση είναι δύσκολη.",
    "Мы победили 2:0!",
    "Соседи опять делают ремонт.",
    "Слава Богу, дождь кончился.",
    "Αυτό είναι απίστευτο.",
    "Он опять опоздал на работу.",
    "Новости из Ирака никогда не бывают простыми.",
    "Ребята, кто играет сегодня вечером?",
    "Ευχαριστώ πολύ για το άρθρο.",
    "Здравствуйте, я новенький на сервере.",
    "Борщ сегодня получился отличный.",
    "Я читаю эту статью уже третий раз.",
    "Καλό Σαββατοκύριακο σε όλους.",
    "Спасибо, это полезно.",
]

LIST_COLLISION = [
    "Dick Cheney was on the Sunday shows again defending the surge.",
    "Reading Moby Dick on the train, Ahab is every general who can't let go.",
    "Philip K. Dick would have had a field day with the Green Zone.",
    "Dick Durbin says the September report will be written in the White House.",
    "Dick Lugar's speech on Iraq policy was the most sensible thing out of the Senate.",
    "Dick Van Dyke was on TV last night, still charming.",
    "The cock on my uncle's farm starts crowing at 4am.",
    "Cock the hammer, then squeeze, that's what the range instructor said.",
    "Sounds like a cock and bull story to me.",
    "Add a knob of butter to the pan before the garlic.",
    "The door knob fell off in my hand.",
    "Knob Creek is my favourite bourbon.",
    "Prick the sausages before you grill them.",
    "Prick the potatoes with a fork so they don't burst.",
    "A blue tit has been nesting in the box all spring.",
    "Tit for tat attacks between the militias kept escalating.",
    "Git merge conflicts have eaten my entire morning.",
    "Use Git, not a shared drive, for the timeline project.",
    "We laid fresh sod in the backyard this weekend.",
    "Sod's law says the report leaks the day before the hearing.",
    "He graduated magna cum laude from West Point.",
    "She finished summa cum laude in history.",
    "Dildo is a real town in Newfoundland, look it up.",
    "The ass carried Mary to Bethlehem in the nativity play.",
    "Balaam's ass is the only talking donkey in the Bible.",
    "The pussy willow in the garden is blooming already.",
    "That rookie has real spunk, I love watching her play.",
    "Pippi Longstocking invented the word spunk and nobody knew what it meant.",
    "I'm Swedish, and slut just means end. Slut på semestern, sadly.",
    "J'ai pris une douche froide ce matin.",
    "Der Nebel war heute so dick, man sah die Hand vor Augen nicht.",
    "Das Buch ist mir zu dick für den Urlaub.",
    "Dick Tracy comics were my grandfather's favourite.",
    "Dick Clark's New Year's show was on in the background.",
    "The weather cock on the church spire spun all night.",
    "Turn the knob on the radio, the hearing is on.",
    "Prick a hole in the film before microwaving.",
    "Crested tit and coal tit at the feeder this morning.",
    "Grandpa's sod house in Nebraska is a museum now.",
    "Dick Armey had a lot to say about the war funding bill.",
]

TRAP_POOLS = {
    "name_substring": (NAME_SUBSTRING, 130),
    "word_substring": (WORD_SUBSTRING, 130),
    "model_number": (MODEL_NUMBERS, 50),
    "gamer_tag": (None, 50),
    "spaced_acronym": (SPACED_ACRONYMS, 50),
    "url_code": (URL_CODE, 60),
    "foreign_language": (FOREIGN, 60),
    "leet_like": (LEET_INNOCENT, 50),
    "numbers": (NUMBERS, 40),
    "emoticon_emoji": (EMOJI, 40),
    "discord_markdown": (MARKDOWN, 50),
    "repeated_letters": (REPEATED, 40),
    "mixed_script": (MIXED_SCRIPT, 40),
}
N_NONE = 560


def clean(seed: int = SEED) -> list[dict]:
    """Comments that must not be flagged."""
    rng = random.Random(seed)
    out: list[dict] = []
    seen: set[str] = set()

    def add(text: str, trap: str) -> bool:
        if text in seen:
            return False
        seen.add(text)
        out.append({"text": text, "trap": trap})
        return True

    plain = NONE_ARTICLE + NONE_GENERAL
    made = 0
    while made < N_NONE:
        r = rng.random()
        if r < 0.45:
            text = _dress(rng, rng.choice(plain))
        elif r < 0.8:
            pool = NONE_ARTICLE if rng.random() < 0.65 else NONE_GENERAL
            a, b = rng.sample(pool, 2)
            text = a + " " + b
        else:
            a, b, c = rng.sample(NONE_ARTICLE, 3)
            text = a + " " + b + " " + c
        made += add(text, "none")

    for trap, (pool, n) in TRAP_POOLS.items():
        made = 0
        unused = list(pool) if pool else []
        rng.shuffle(unused)
        while made < n:
            if trap == "gamer_tag":
                base = rng.choice(GAMER_SENTENCES).replace("{t}", rng.choice(GAMER_TAGS))
            elif unused:
                base = unused.pop()
            else:
                base = rng.choice(pool)
            if trap in ("url_code", "discord_markdown", "mixed_script", "emoticon_emoji",
                        "repeated_letters", "leet_like"):
                # keep these verbatim or add a plain sentence around them
                r = rng.random()
                if base not in seen and r < 0.6:
                    text = base
                elif r < 0.8:
                    text = rng.choice(NONE_ARTICLE) + " " + base
                else:
                    text = base + "\n" + rng.choice(NONE_ARTICLE + NONE_GENERAL)
            else:
                r = rng.random()
                if base not in seen and r < 0.5:
                    text = base
                elif r < 0.8 and trap != "foreign_language":
                    text = _dress(rng, base)
                else:
                    other = rng.choice(NONE_ARTICLE if rng.random() < 0.5 else NONE_GENERAL)
                    text = (base + " " + other) if rng.random() < 0.6 else (other + " " + base)
            made += add(text, trap)

    for s in LIST_COLLISION:
        add(s, "list_collision")

    rng.shuffle(out)
    return out


# ---------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------

def _self_check() -> None:
    from collections import Counter

    ev = evasions()
    cl = clean()
    assert ev == evasions(SEED), "evasions not deterministic"
    assert cl == clean(SEED), "clean not deterministic"
    assert evasions(SEED + 1) != ev, "seed has no effect"

    assert 25 <= len(LISTED_WORDS) <= 35
    dev = {"fuck", "fucking", "motherfucker", "shit", "bullshit", "cunt", "asshole",
           "bitch", "bastard", "dickhead", "wanker", "twat"}
    assert not dev & set(LISTED_WORDS)
    assert len(TEMPLATES) >= 60, len(TEMPLATES)

    # --- evasions -------------------------------------------------------
    assert len(ev) >= 1200, len(ev)
    single = Counter(e["categories"][0] for e in ev if len(e["categories"]) == 1)
    combos = [e for e in ev if len(e["categories"]) > 1]
    for c in CATEGORIES:
        assert single[c] >= 50, (c, single[c])
    assert len(combos) >= 250, len(combos)
    assert all(2 <= len(e["categories"]) <= 3 for e in combos)
    assert len({e["text"] for e in ev}) == len(ev)
    for e in ev:
        assert e["word"] in LISTED_WORDS
        assert set(e["categories"]) <= set(CATEGORIES)
    by_word = Counter(e["word"] for e in ev)
    print(f"EVASIONS: {len(ev)} total, {len(combos)} combinations")
    for c in CATEGORIES:
        print(f"  {c:16s} single={single[c]:3d}  in combos="
              f"{sum(c in e['categories'] for e in combos):3d}")
    print("  combos by size:", dict(Counter(len(e['categories']) for e in combos)))
    print("  per word:", dict(sorted(by_word.items())))

    # --- clean ----------------------------------------------------------
    assert len(cl) >= 1200, len(cl)
    traps = Counter(c["trap"] for c in cl)
    assert (len(cl) - traps["none"]) / len(cl) >= 0.40
    assert 35 <= traps["list_collision"] <= 45
    assert len({c["text"] for c in cl}) == len(cl)
    for c in cl:
        hits = _contains_listed(c["text"])
        if c["trap"] == "list_collision":
            assert hits, c
        else:
            assert not hits, (c, hits)
    print(f"CLEAN: {len(cl)} total, trap share "
          f"{(len(cl) - traps['none']) / len(cl):.1%}")
    for t, n in sorted(traps.items(), key=lambda x: -x[1]):
        print(f"  {t:18s} {n}")

    # no evasion/clean overlap
    assert not {e["text"] for e in ev} & {c["text"] for c in cl}

    rng = random.Random(1)
    print("\nSAMPLES (evasions):")
    for c in CATEGORIES:
        pool = [e for e in ev if e["categories"] == [c]]
        for e in rng.sample(pool, 3):
            print(f"  [{c}] ({e['word']}) {e['text']!r}")
    for e in rng.sample(combos, 3):
        print(f"  [{'+'.join(e['categories'])}] ({e['word']}) {e['text']!r}")
    print("\nSAMPLES (clean):")
    for t in sorted(traps):
        pool = [c for c in cl if c["trap"] == t]
        for c in rng.sample(pool, 3):
            print(f"  [{t}] {c['text']!r}")
    print("\nOK")


if __name__ == "__main__":
    _self_check()
