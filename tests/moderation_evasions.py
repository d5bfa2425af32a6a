"""A seeded generator of disguised listed words in realistic comments, and of clean comments with
the traps a word filter falls into: the moderation engine's evaluation (benchmarks/moderation_eval.py).

Two splits that share nothing but the code: `DEV` (tuned on) and `HELDOUT` (only reported: other
listed words, other seeds, other sentences and other traps). Each evasion category is a plain
function of a word and a random generator; combinations apply two or three of them in a fixed
order (letters swapped, then things put between letters, then things wrapped around the word).
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from confusable_homoglyphs import utils as homoglyph_data

# -- letters as other scripts and blocks write them ----------------------------------------------


def _from_names(template: str) -> dict[str, str]:
    """Letter → character, from Unicode names ("NEGATIVE CIRCLED LATIN CAPITAL LETTER {}")."""
    table = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        try:
            table[letter] = unicodedata.lookup(template.format(letter.upper()))
        except KeyError:
            pass
    return table


NEGATIVE_CIRCLED = _from_names("NEGATIVE CIRCLED LATIN CAPITAL LETTER {}")
NEGATIVE_SQUARED = _from_names("NEGATIVE SQUARED LATIN CAPITAL LETTER {}")
CIRCLED = _from_names("CIRCLED LATIN SMALL LETTER {}")
PARENTHESISED = _from_names("PARENTHESIZED LATIN SMALL LETTER {}")
SQUARED = _from_names("SQUARED LATIN CAPITAL LETTER {}")
REGIONAL = _from_names("REGIONAL INDICATOR SYMBOL LETTER {}")
SMALL_CAPITALS = _from_names("LATIN LETTER SMALL CAPITAL {}") | {"s": "ꜱ", "q": "ꞯ", "w": "ᴡ", "z": "ᴢ", "x": "x"}
STROKES = {"o": "ø", "l": "ł", "d": "đ", "h": "ħ", "b": "ƀ", "g": "ǥ", "i": "ɨ", "t": "ŧ", "z": "ƶ", "u": "ʉ"}
BARRED = {"a": "ⱥ", "c": "ȼ", "e": "ɇ", "j": "ɉ", "k": "ꝁ", "p": "ᵽ", "r": "ɍ", "y": "ɏ"}
CYRILLIC_GREEK = {
    "a": "аα",
    "b": "Ьв",
    "c": "сϲ",
    "e": "еεԑ",
    "g": "ԍ",
    "h": "һн",
    "i": "іιӏ",
    "j": "ј",
    "k": "кκ",
    "l": "ӏ",
    "m": "м",
    "n": "ηп",
    "o": "оοσ",
    "p": "рρ",
    "q": "ԛ",
    "s": "ѕ",
    "t": "тτ",
    "u": "υ",
    "v": "ν",
    "w": "ωԝш",
    "x": "хχ",
    "y": "уγ",
}


def _other_scripts() -> dict[str, list[str]]:
    """Look-alikes from scripts other than Cyrillic and Greek (Cherokee, Lisu, Armenian, Coptic,
    Canadian syllabics …), from Unicode's confusables table."""
    table: dict[str, list[str]] = {}
    for char, glyphs in homoglyph_data.load("confusables.json").items():
        if len(char) != 1 or char.isascii():
            continue
        name = unicodedata.name(char, "")
        if not unicodedata.category(char).startswith("L"):
            continue  # letters of other scripts, not symbols that happen to be listed
        if not name or name.split()[0] in ("LATIN", "CYRILLIC", "GREEK", "MATHEMATICAL", "FULLWIDTH", "COMBINING"):
            continue
        for glyph in glyphs:
            target = glyph.get("c", "")
            if len(target) == 1 and target.isascii() and target.isalpha():
                table.setdefault(target.lower(), []).append(char)
    return table


OTHER_SCRIPTS = _other_scripts()
LEET = {"a": "4@", "b": "8", "e": "3", "g": "96", "i": "1!|", "l": "1|", "o": "0", "s": "5$", "t": "7+", "z": "2"}
LEET_MORE = {"c": "(<", "u": "v", "h": "#"}  # for words with none of the letters above ("fuck")
# Letters drawn with several characters, from the leetspeak alphabets (the common forms of each
# letter; some are not read by the engine, and are here to say so).
LEET_SYMBOLS = {
    "a": ["/\\", "/-\\", "^", "@", "∆"],
    "b": ["|3", "13", "8", "]3"],
    "c": ["(", "<", "["],
    "d": ["|)", "|>", "[)", "|]"],
    "e": ["3", "[-", "€"],
    "f": ["|=", "ph", "|#"],
    "g": ["9", "6"],
    "h": ["|-|", "#", "]-[", "}{", "/-/"],
    "i": ["1", "!", "|", "]["],
    "j": ["_|", ",_|"],
    "k": ["|<", "|{", "|("],
    "l": ["|_", "1", "|", "£"],
    "m": ["|\\/|", "/\\/\\", "|v|", "^^"],
    "n": ["|\\|", "/\\/", "^/"],
    "o": ["()", "0", "[]", "°"],
    "p": ["|*", "|>", "|o"],
    "q": ["(,)", "0_", "9"],
    "r": ["|2", "|?", "12"],
    "s": ["5", "$", "§"],
    "t": ["7", "+", "-|-", "✝"],
    "u": ["|_|", "\\_/", "(_)"],
    "v": ["\\/"],
    "w": ["\\/\\/", "vv", "\\^/", "\\|/"],
    "x": ["><", ")("],
    "y": ["`/", "'/", "¥"],
    "z": ["2", "7_"],
}
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
BLANKS = ["\u3164", "\u2800", "\u115f", "\uffa0"]
MARKS = ["\u0301", "\u0308", "\u0336", "\u0345", "\u0331", "\u034f", "\u0489", "\u20dd", "\u0324"]

Disguise = Callable[[str, random.Random], str]


def _swap(word: str, rng: random.Random, table: dict[str, str] | dict[str, list[str]], share: float = 0.6) -> str:
    chars = list(word)
    swappable = [i for i, c in enumerate(chars) if c in table]
    if not swappable:
        return word
    count = max(1, round(len(swappable) * share))
    for i in rng.sample(swappable, count):
        chars[i] = rng.choice(list(table[chars[i]]))
    return "".join(chars)


def _between(word: str, rng: random.Random, pick: Callable[[], str], everywhere: bool = True) -> str:
    """Something put between letters: between all of them, or at one to three places."""
    if len(word) < 2:
        return word
    gaps = list(range(1, len(word)))
    chosen = set(gaps if everywhere else rng.sample(gaps, min(len(gaps), rng.randint(1, 3))))
    return "".join(c + (pick() if i + 1 in chosen else "") for i, c in enumerate(word))


def lookalike_cyrillic_greek(word: str, rng: random.Random) -> str:
    return _swap(word, rng, CYRILLIC_GREEK)


def lookalike_other_scripts(word: str, rng: random.Random) -> str:
    return _swap(word, rng, OTHER_SCRIPTS)


def fullwidth(word: str, rng: random.Random) -> str:
    return "".join(chr(ord(c) - 0x61 + 0xFF41) if "a" <= c <= "z" else c for c in word)


def mathematical(word: str, rng: random.Random) -> str:
    style = rng.choice(["BOLD", "ITALIC", "BOLD ITALIC", "BOLD SCRIPT", "BOLD FRAKTUR", "SANS-SERIF", "MONOSPACE"])

    def letter(c: str) -> str:
        try:
            return unicodedata.lookup(f"MATHEMATICAL {style} SMALL {c.upper()}")
        except KeyError:  # the holes in the block (italic h is U+210E)
            return c

    return "".join(letter(c) if "a" <= c <= "z" else c for c in word)


def enclosed(word: str, rng: random.Random) -> str:
    table = rng.choice([NEGATIVE_CIRCLED, NEGATIVE_SQUARED, CIRCLED, PARENTHESISED, SQUARED])
    return "".join(table.get(c, c) for c in word)


def regional_indicator(word: str, rng: random.Random) -> str:
    return "".join(REGIONAL.get(c, c) for c in word)


def small_capitals(word: str, rng: random.Random) -> str:
    return "".join(SMALL_CAPITALS.get(c, c) for c in word)


def stroke_letters(word: str, rng: random.Random) -> str:
    return _swap(word, rng, STROKES | BARRED, share=0.8)


def accents(word: str, rng: random.Random) -> str:
    marked = set(rng.sample(range(len(word)), max(1, round(len(word) * 0.6))))
    return "".join(c + "".join(rng.sample(MARKS, rng.randint(1, 3)) if i in marked else []) for i, c in enumerate(word))


def leetspeak(word: str, rng: random.Random) -> str:
    out = _swap(word, rng, LEET, share=rng.choice([0.5, 1.0]))
    if out == word and word[-1] in "aeiost":  # a digit at the end: "cun7", "whor3"
        out = word[:-1] + rng.choice(LEET[word[-1]])
    if out == word:
        out = _swap(word, rng, LEET_MORE, share=1.0)
    return out


# A glyph of several characters stands as one private-use character while other disguises apply
# (spaced out, it is "|-| 3 |_ |_", not "| - | 3 | _ | _"); `disguise` draws it at the end.
_GLYPHS = sorted({glyph for glyphs in LEET_SYMBOLS.values() for glyph in glyphs if len(glyph) > 1})
_PLACEHOLDER = {glyph: chr(0xF0000 + i) for i, glyph in enumerate(_GLYPHS)}
_DRAWN = {ord(placeholder): glyph for glyph, placeholder in _PLACEHOLDER.items()}


def leet_symbols(word: str, rng: random.Random) -> str:
    """Letters drawn with symbols ("|-|3|_|_", "/\\55"): half of them, or all."""
    table = {letter: [_PLACEHOLDER.get(glyph, glyph) for glyph in glyphs] for letter, glyphs in LEET_SYMBOLS.items()}
    return _swap(word, rng, table, share=rng.choice([0.5, 1.0]))


def capital_i_for_l(word: str, rng: random.Random) -> str:
    """A capital I for an l ("buIIshit"), or a small l for an I in capitals ("BlTCH")."""
    if "l" in word:
        return word.replace("l", "I")
    return word.upper().replace("I", "l")


def spoiler(word: str, rng: random.Random) -> str:
    return f"||{word}||" if rng.random() < 0.5 else "|".join(word)


def zero_width(word: str, rng: random.Random) -> str:
    return _between(word, rng, lambda: rng.choice(ZERO_WIDTH), everywhere=rng.random() < 0.5)


def spacing(word: str, rng: random.Random) -> str:
    return rng.choice([" ", ".", "-", "_", "*", ". ", " . ", "/", "~"]).join(word)


def mixed_separators(word: str, rng: random.Random) -> str:
    def pick() -> str:
        return "".join(rng.choice(".,-_*'`~^/\\ :;") for _ in range(rng.randint(1, 3)))

    return _between(word, rng, pick, everywhere=rng.random() < 0.5).strip()


def markdown(word: str, rng: random.Random) -> str:
    mark = rng.choice(["**", "__", "~~", "`", "*", "||"])
    cut = rng.randint(1, len(word) - 1) if len(word) > 1 else 1
    if rng.random() < 0.5:
        return f"{mark}{word[:cut]}{mark}{word[cut:]}"
    return f"{word[:cut]}{mark}{word[cut:]}{mark}"


def line_break(word: str, rng: random.Random) -> str:
    return _between(word, rng, lambda: rng.choice(["\n", "\n", "\r\n", "\n\n"]), everywhere=False)


def blank_looking(word: str, rng: random.Random) -> str:
    return _between(word, rng, lambda: rng.choice(BLANKS), everywhere=rng.random() < 0.5)


def stretching(word: str, rng: random.Random) -> str:
    chars = list(word)
    for i in rng.sample(range(len(chars)), min(len(chars), rng.randint(1, 3))):
        chars[i] = chars[i] * rng.randint(2, 6)
    return "".join(chars)


def right_to_left(word: str, rng: random.Random) -> str:
    return f"\u202e{word[::-1]}\u202c"


def odd_case(word: str, rng: random.Random) -> str:
    upper = set(rng.sample(range(len(word)), rng.randint(1, len(word))))
    return "".join(c.upper() if i in upper else c for i, c in enumerate(word))


# In the order combinations apply them: letters swapped, then things between letters, then around.
CATEGORIES: dict[str, Disguise] = {
    "case": odd_case,
    "leetspeak": leetspeak,
    "leetspeak drawn with symbols": leet_symbols,
    "capital I for l": capital_i_for_l,
    "look-alikes (Cyrillic, Greek)": lookalike_cyrillic_greek,
    "look-alikes (other scripts)": lookalike_other_scripts,
    "fullwidth": fullwidth,
    "mathematical letters": mathematical,
    "enclosed letters": enclosed,
    "regional indicators": regional_indicator,
    "small capitals": small_capitals,
    "stroke letters": stroke_letters,
    "combining marks": accents,
    "stretching": stretching,
    "zero-width": zero_width,
    "spacing (one separator)": spacing,
    "mixed separators": mixed_separators,
    "line breaks": line_break,
    "blank-looking": blank_looking,
    "markdown": markdown,
    "spoiler": spoiler,
    "right-to-left override": right_to_left,
}
_ORDER = list(CATEGORIES)
# Letter swaps that replace the same letters: at most one of them in a combination.
_SWAPS = {
    "leetspeak",
    "leetspeak drawn with symbols",
    "capital I for l",
    "look-alikes (Cyrillic, Greek)",
    "look-alikes (other scripts)",
    "fullwidth",
    "mathematical letters",
    "enclosed letters",
    "regional indicators",
    "small capitals",
    "stroke letters",
}
# Things put between letters: at most one (two kinds of separator make "mixed separators").
_BETWEEN = {"zero-width", "spacing (one separator)", "mixed separators", "line breaks", "blank-looking"}
_AROUND = {"markdown", "spoiler", "right-to-left override"}


def _combination(rng: random.Random, size: int) -> list[str]:
    while True:
        chosen = rng.sample(_ORDER, size)
        if sum(c in _SWAPS for c in chosen) <= 1 and sum(c in _BETWEEN for c in chosen) <= 1:
            # A line break ends a right-to-left override: what shows is not the word reversed.
            # Shown right to left, brackets and slashes drawn as letters turn round: not read so.
            if {"leetspeak drawn with symbols", "right-to-left override"} <= set(chosen):
                continue
            if sum(c in _AROUND for c in chosen) <= 1 and not {"line breaks", "right-to-left override"} <= set(chosen):
                return sorted(chosen, key=_ORDER.index)


def disguise(word: str, categories: list[str], rng: random.Random) -> str:
    for category in categories:
        word = CATEGORIES[category](word, rng)
    return _mirror_overridden(word.translate(_DRAWN))


_MIRROR = str.maketrans("()<>[]{}", ")(><][}{")


def _mirror_overridden(text: str) -> str:
    """A renderer draws brackets in a right-to-left override mirrored: the run is written with
    them turned round, so that what shows is the word ("f u ( k" backwards is "k ) u f"). Before,
    a leetspeak "(" for c under an override showed as ")": not the word."""
    start = text.find("\u202e")
    if start < 0:
        return text
    end = text.find("\u202c", start)
    end = len(text) if end < 0 else end
    return text[:start] + text[start:end].translate(_MIRROR) + text[end:]


# -- the two splits ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Split:
    name: str
    seed: int
    words: tuple[str, ...]
    comments: tuple[str, ...]  # "{w}" marks where the word goes
    clean: tuple[str, ...]  # clean comments, without traps
    traps: dict[str, tuple[str, ...]]  # trap kind → clean comments that a word filter may trip on
    collisions: tuple[str, ...]  # plain whole-word uses of listed words (the list's choice)


DEV = Split(
    name="development",
    seed=1013,
    words=(
        "fuck",
        "fucking",
        "motherfucker",
        "shit",
        "bullshit",
        "cunt",
        "asshole",
        "bitch",
        "bastard",
        "dickhead",
        "wanker",
        "twat",
        "dick",
        "whore",
        "slut",
        "piss",
        "cock",
        "retard",
    ),
    comments=(
        "Odierno is a {w} if he thinks this ceasefire holds.",
        "{w}",
        "what a {w} take on the surge",
        "lol {w} lol",
        "The insurgents are {w}, nothing more.",
        "You {w}, read the article before commenting.",
        "{w}! Petraeus said the opposite in May.",
        "This whole ceasefire idea is {w} and everyone knows it",
        "honestly {w}",
        "Congress will call it {w} in September.",
        "Sadr is a {w} and so are his men",
        "Imagine calling this progress. {w}.",
        "> negotiating with insurgents\n{w}",
        "ok {w}.",
        "Anbar worked because the sheikhs were tired of this {w}",
        "nobody asked, {w}",
    ),
    clean=(
        "Odierno says they are negotiating with insurgents for a ceasefire.",
        "The Anbar awakening is the model they keep pointing to.",
        "I think Petraeus will ask for more time in September.",
        "Has anyone read the latest update?",
        "The article's point about decentralised command is a good one.",
        "Ceasefires rarely hold when nobody controls the fighters.",
        "Sunni tribes turning on Al Qaeda was the turning point.",
        "What exactly do the insurgents get out of it?",
        "Interesting piece, thanks for posting.",
        "I voted for the first option but I'm not sure anymore.",
        "KIAs were up that month, partly because of the new strategy.",
        "Whatever friction there is, they would smooth it over.",
        "This aged well, honestly.",
        "Bush needed something to show Congress.",
        "Counterpoint: talking is cheaper than fighting.",
        "+1, good summary",
        "The Mahdi Army part needs more context.",
        "So the plan is to pay them to stop shooting?",
        "My cousin served in Ramadi in 2006 and said the same.",
        "I'd wait for the September report before judging.",
    ),
    traps={
        "place names": (
            "I grew up near Scunthorpe, it's grim up north.",
            "The match in Scunthorpe was postponed.",
            "We drove through Middlesex and Essex on the way.",
            "Sussex police released a statement.",
            "Cockburn is a common Scottish surname.",
            "There's a pub in Shitterton, Dorset, honestly.",
            "Clitheroe castle is worth a visit.",
            "Twatt, in Orkney, has a tiny church.",
            "My grandmother was born in Twatt.",
        ),
        "words containing a listed word": (
            "I had a cocktail and read the article twice.",
            "My therapist says I read too much news.",
            "The analysis in this piece is thin.",
            "Peacocks and pissarro paintings, what a museum.",
            "Dickens wrote about this kind of poverty.",
            "The assessment was classified, apparently.",
            "Button up, it's going to be a long war.",
            "Shiitake mushrooms are great in soup.",
            "Hancock wrote a better piece last week.",
            "Cockpit footage from the helicopters was released.",
            "Bitcoin has nothing to do with this.",
            "The documentary about Matsushita was good.",
            "Pistachios are expensive now.",
            "The scrapbook of the war is online.",
        ),
        "model numbers": (
            "I'm reading this on my Galaxy A55.",
            "The F-16 and the B-52 were both used.",
            "They flew an A320 into Baghdad.",
            "My S23 screen cracked.",
            "The A55 has a better camera than the A35.",
            "Those old T-72 tanks are everywhere.",
            "My GTX 1080 still runs it fine.",
            "The MiG-29s and Su-25s were Iraqi.",
            "Take the P155 bus from the station.",
            "Galaxy A55 vs A35: which one?",
            "They used M1A2 Abrams and M2 Bradleys.",
            "The RTX 4090 costs more than my car.",
        ),
        "gamer tags and handles": (
            "@Sniper_Wolf99 already posted that link.",
            "xX_DarkSlayer_Xx has a point though.",
            "N00bMaster69 said the same on reddit.",
            "ask @b1gsh0t_ in the other thread",
            "shoutout to th3_c0rp0ral for the sources",
            "@dick_tracy_fan posted the same map",
            "@Cock_Robin_1979 has the transcript",
            "thanks u/bitcoin_bastion for the link",
            "GG to Sh4d0w_Hunt3r and xX_Reaper_Xx",
            "@the_real_slim_shady_ said it first",
            "ping @piss_poor_planning_ when it's up",
        ),
        "spaced acronyms": (
            "The U.S.A. is not going to leave any time soon.",
            "N.A.T.O. has no role in Iraq.",
            "The U.N. resolution was vague.",
            "The F.B.I. was not involved.",
            "a.k.a. the surge",
            "S.H.I.E.L.D. would have handled it better lol",
            "P.S. the update is up",
        ),
        "addresses": (
            "Source: https://www.reuters.com/world/middle-east/iraq-ceasefire-2007",
            "see https://en.wikipedia.org/wiki/Iraq_War_troop_surge_of_2007",
            "Full text at http://www.defense.gov/transcripts/transcript.aspx?id=3979",
            "mirror: https://archive.org/details/odierno_briefing",
        ),
        "code": (
            "`for (i = 0; i < n; i++) total += s[i];`",
            "```python\nprint(f'{sunni} vs {shia}')\n```",
            "if (a && s || s) { return t; }",
            "x = [c, u, n, t]  # four variables",
            "`s = h + i + t;  // sum of the three`",
            "const t = w * a - t;",
            "`if (c < u && n > t) { return k; }`",
            "```py\ndef f(u, c, k):\n    return u * c + k\n```",
            "x = (d + i) * c - k",
            "run `grep -rn shift src/` first",
            "for (i = 0; i < n; i++) { s += h[i] * t[i]; }",
        ),
        "other languages": (
            "Das ist eine schwierige Situation für alle.",
            "C'est la fin de la guerre, peut-être.",
            "La situación en Irak es complicada.",
            "Dat is echt een slecht plan.",
            "Это очень плохая идея.",
            "Η κατάσταση είναι δύσκολη.",
            "これは難しい問題です。",
            "Wir sehen uns morgen, bis dann.",
            "Hasta luego, amigos, y gracias.",
            "Ce n'est pas grave, on verra.",
            "Vi ses i morgon, hej då.",
            "Tämä on hyvä kysymys.",
            "Bu çok zor bir soru.",
            "To jest bardzo trudne pytanie.",
            "هذا سؤال صعب جدا",
            "זו שאלה קשה מאוד",
        ),
        "numbers and prices": (
            "In 2007 there were 160,000 troops.",
            "It cost $5 billion a month.",
            "The vote closes at 5:30 pm.",
            "100% agree with the 3rd point.",
            "Casualties dropped 45% by December.",
        ),
        "contractions and joins": (
            "He'll say whatever Congress wants to hear.",
            "She'll be in Baghdad next week.",
            "The pen is mightier than the sword, they say.",
            "It's hit or miss with these ceasefires.",
            "That's hit them hard.",
            "We'd have left by now otherwise.",
            "Who re-elected him anyway?",
            "The U.S. hit back within hours.",
            "He said it is what it is.",
            "a s a p please, the vote closes soon",
            "Let's hit the road, it's late.",
            "Shh, it's fine, nobody is listening.",
            "shh it's ok, go on",
        ),
    },
    collisions=(
        "Dick Cheney was behind all of this.",
        "Moby Dick is a better read than this article.",
        "Philip K. Dick wrote about wars like this.",
        "The cock crowed at dawn in the village.",
        "Dick Durbin asked the hard questions.",
        "Slut på kriget, säger de.",
        "Er ist dick geworden, sagt er.",
    ),
)

HELDOUT = Split(
    name="held-out",
    seed=7207,
    words=(
        "prick",
        "pussy",
        "arse",
        "ass",
        "bollocks",
        "tosser",
        "skank",
        "douche",
        "jackass",
        "shithead",
        "crap",
        "hell",
        "cum",
        "wank",
        "jerk",
        "idiot",
    ),
    comments=(
        "Honestly the general sounds like a {w} here.",
        "{w} {w} {w}",
        "anyone who believes this is a {w}",
        "Sure, trust the {w} in charge of Baghdad.",
        "Typical {w} reporting from Hot Air.",
        "{w}, the update says the opposite.",
        "What {w} wrote this?",
        "the whole thread is full of {w}",
        "Don't be a {w}, read the September report.",
        "Maliki is a {w}. Fight me.",
        "yeah well, {w} to you too",
        "This isn't diplomacy, it's {w}.",
        "So the insurgents get paid? {w}",
        "quote:\n> they are negotiating\nreply: {w}",
    ),
    clean=(
        "The surge brigades arrived in June.",
        "Negotiating with former enemies is how most wars end.",
        "Petraeus testified for two days in the end.",
        "I read the whole update and it changes nothing.",
        "Who are these insurgents exactly, Baathists?",
        "The ceasefire would need the tribes on board.",
        "Good point about September, that was the deadline.",
        "Maliki's government was not keen on this.",
        "Is there a transcript of the briefing?",
        "Thanks, this thread is useful.",
        "Local deals worked in Diyala too, for a while.",
        "Nobody trusted the Interior Ministry then.",
        "I remember reading this in 2007.",
        "The exit question is hard to answer honestly.",
        "Which option wins so far?",
        "Fair enough, I stand corrected.",
        "The sheikhs wanted money and guns, mostly.",
        "Casualties fell the next year, for what it's worth.",
        "How did the Sadrists react?",
        "This is the part the article skips.",
    ),
    traps={
        "place names": (
            "Penistone is a market town in South Yorkshire.",
            "Lightwater and Bagshot are in Surrey.",
            "Assen hosts the motorcycle grand prix.",
            "Wankdorf stadium is in Bern.",
            "The Arsenal game was on instead.",
        ),
        "words containing a listed word": (
            "The class discussed the assassination of the envoy.",
            "Passive resistance did not work here.",
            "Scrap the whole plan and start over.",
            "Shellfire was heard all night.",
            "The cucumber harvest failed that year.",
            "Hello everyone, first post here.",
            "The embassy was assessed as secure.",
            "Pricking the bubble of optimism, as usual.",
            "Jerky footage from a phone camera.",
            "The assistant secretary resigned.",
            "Tossers and turners, that's the whole cabinet.",
            "Bass fishing on the Tigris, believe it or not.",
            "Massachusetts sent a delegation.",
        ),
        "model numbers": (
            "Shot on a Pixel 7a, sorry for the quality.",
            "The AK47 is still the rifle of choice there.",
            "They replaced the M16 with the M4.",
            "The A55 battery lasts two days.",
            "My old MP3 player had this podcast.",
            "CH47 helicopters carried the troops.",
        ),
        "gamer tags and handles": (
            "@Tr1ggerH4ppy posted this on discord.",
            "gg to Xx_Assassin_xX",
            "PussInBoots42 made the same joke",
            "cr4p_sh0t_g4mer is in the thread again",
            "ask @hell_raiser on the other server",
        ),
        "spaced acronyms": (
            "The U.K. withdrew from Basra.",
            "A.S.A.P. please post the results.",
            "C.I.A. estimates were wrong again.",
            "R.I.P. to everyone who served.",
            "e.g. the Anbar tribes",
            "The D.O.D. press release is out.",
        ),
        "addresses": (
            "https://www.nytimes.com/2007/06/09/world/middleeast/09iraq.html",
            "link: http://hotair.com/archives/2007/06/09/odierno-negotiating",
            "docs at https://github.com/example/ceasefire-data",
            "https://www.bbc.co.uk/news/world-middle-east-123456",
        ),
        "code": (
            "`const c = u + m;`",
            "SELECT * FROM casualties WHERE year = 2007;",
            "a = s + s  # double it",
            "def h(e, l, l2): return e",
        ),
        "other languages": (
            "Die Lage ist ernst, aber nicht hoffnungslos.",
            "Il est difficile de savoir qui négocie.",
            "È una situazione molto difficile.",
            "A guerra não acabou.",
            "Kriget är inte slut än.",
            "Это хороший вопрос.",
            "Αυτό είναι ενδιαφέρον.",
            "这个问题很复杂。",
        ),
        "numbers and prices": (
            "Only 3,000 troops were left in the province.",
            "The bill was $120 billion.",
            "Posted at 11:55, updated at 12:30.",
            "They lost 1/3 of their funding.",
            "It rose 55% in a year.",
        ),
        "contractions and joins": (
            "He'll never admit it was a mistake.",
            "I'll believe it when I see it.",
            "She'll know more after the briefing.",
            "As sholes go, that one was dangerous.",
            "The tribes were pricked by the insult.",
        ),
    },
    collisions=(
        "Hell, I would have negotiated too.",
        "That's a load of crap, said the senator.",
        "Dick Armey was on TV about it.",
        "Wild ass guess: they sign by August.",
        "Jerk chicken at the embassy party, apparently.",
        "Hell, Michigan is a real place.",
        "He graduated summa cum laude, apparently.",
        "Was that a cum laude thesis or what.",
    ),
)
SPLITS = {"dev": DEV, "heldout": HELDOUT}


def evasions(split: Split, count: int = 6000) -> list[dict[str, object]]:
    """Disguised listed words in comments: {"text", "word", "categories"}, as many in each category
    alone as in combinations of two and of three."""
    rng = random.Random(split.seed)
    out: list[dict[str, object]] = []
    singles = list(CATEGORIES)
    for index in range(count):
        kind = index % 3
        if kind == 0:
            categories = [singles[(index // 3) % len(singles)]]
        else:
            categories = _combination(rng, kind + 1)
        word = rng.choice(split.words)
        text = rng.choice(split.comments).replace("{w}", disguise(word, categories, rng), 1)
        text = text.replace("{w}", word)  # a second slot holds the word plainly
        out.append({"text": text, "word": word, "categories": categories})
    return out


def clean(split: Split, count: int = 2500) -> list[dict[str, str]]:
    """Clean comments ({"text", "trap"}): ordinary ones ("none"), every trap, and the list's own
    collisions ("list_collision"), mixed with ordinary sentences to make realistic comments."""
    rng = random.Random(split.seed + 1)
    out: list[dict[str, str]] = []
    trap_items = [(kind, text) for kind, texts in split.traps.items() for text in texts]
    trap_items += [("list_collision", text) for text in split.collisions]
    while len(out) < count:
        roll = rng.random()
        if roll < 0.5:
            kind, core = rng.choice(trap_items)
        else:
            kind, core = "none", rng.choice(split.clean)
        shape = rng.random()
        if shape < 0.4:
            text = core
        elif shape < 0.7:
            text = f"{core} {rng.choice(split.clean)}"
        elif shape < 0.85:
            text = f"{rng.choice(split.clean)} {core}"
        else:
            text = core.lower()
        out.append({"text": text, "trap": kind})
    return out
