# -*- coding: utf-8 -*-
"""Fourth development dataset for a Discord chat word filter (news-discussion threads).

Written apart from the engine, by a writer who never saw its code or the other evaluation data,
from a description of the categories (leetspeak combined with other tricks in 63% of evasions;
clean tags, codes and prose full of the listed words' letters); development data: tuned on. Kept
as written; read by tests/moderation_dev_fourth_split.py.

Deterministic: every generator builds its own ``random.Random`` from a fixed seed.
Standard library only.

Public API
----------
WORDS, LONG_WORDS, SHORT_WORDS, FORMS, CATEGORIES
evasions()          -> list of (comment, categories)           3,000 items
evasions_detailed() -> list of dicts (comment, categories, word, form, token)
clean_tags()        -> list of str                              1,500 items
clean_codes()       -> list of str                              1,500 items
clean_prose()       -> list of str                              1,500 items
collisions()        -> list of (comment, word)                  ~100 items, innocent whole-word uses

Run ``python3 dev_fourth.py`` for the self-check.
"""
import random
import re
import unicodedata

SEED = 4_2026_12_03

LONG_WORDS = ["prick", "bollocks", "skank", "douche", "bugger", "shite",
              "tosser", "pillock", "wanker", "bitch", "dickhead", "minge"]
SHORT_WORDS = ["jerk", "turd", "butt", "boob", "porn", "puke",
               "crud", "knob", "sod", "git", "twit", "dork"]
WORDS = LONG_WORDS + SHORT_WORDS

# inflections used by the evasions (the word itself always first)
FORMS = {
    "prick": ["prick", "pricks"],
    "bollocks": ["bollocks", "bollocksed"],
    "skank": ["skank", "skanks", "skanky"],
    "douche": ["douche", "douches", "douchebag", "douchey"],
    "bugger": ["bugger", "buggers", "buggered"],
    "shite": ["shite", "shitey"],
    "tosser": ["tosser", "tossers"],
    "pillock": ["pillock", "pillocks"],
    "wanker": ["wanker", "wankers"],
    "bitch": ["bitch", "bitches", "bitchy", "bitching"],
    "dickhead": ["dickhead", "dickheads"],
    "minge": ["minge", "minges"],
    "jerk": ["jerk", "jerks"],
    "turd": ["turd", "turds"],
    "butt": ["butt", "butts", "butthead"],
    "boob": ["boob", "boobs"],
    "porn": ["porn", "porno"],
    "puke": ["puke", "puked", "puking", "pukes"],
    "crud": ["crud", "cruddy"],
    "knob": ["knob", "knobs", "knobhead"],
    "sod": ["sod", "sods", "sodding"],
    "git": ["git", "gits"],
    "twit": ["twit", "twits"],
    "dork": ["dork", "dorks", "dorky"],
}
ALL_FORMS = sorted({f for fs in FORMS.values() for f in fs}, key=lambda f: (-len(f), f))

# evasion techniques; an item's categories tuple is always in this order
CATEGORIES = [
    "leet",        # digits/symbols for letters: 0 1 3 4 5 6 7 8 9 @ $ ! | + ( < # |< |-| |) ()
    "homoglyph",   # single letters swapped for look-alikes: Cyrillic, Greek, Cherokee, Armenian
    "styled",      # whole word in a Unicode "font": math alphanumerics, fullwidth, small caps, enclosed
    "separator",   # spaces, dots, dashes, underscores, middots, slashes... mixed / repeated
    "markdown",    # ** * *** __ ~~ ||spoiler|| `code` splitting the word
    "linebreak",   # newline(s) inside the word
    "invisible",   # ZWSP, ZWNJ, ZWJ, WJ, soft hyphen, BOM, invisible operators, CGJ, MVS
    "stretch",     # repeated letters
    "accent",      # precomposed accented letters and combining marks
    "case",        # mixed case
]
LEET_CAT = "leet"
OTHERS = CATEGORIES[1:]

# ---------------------------------------------------------------------------
# character tables
# ---------------------------------------------------------------------------
LEET = {
    "a": ["4", "@"], "b": ["8", "6"], "c": ["(", "<"], "d": ["|)"], "e": ["3"],
    "g": ["9", "6"], "h": ["#", "|-|"], "i": ["1", "!", "|"], "k": ["|<"],
    "l": ["1", "|"], "o": ["0", "()"], "s": ["5", "$"], "t": ["7", "+"],
    "z": ["2"],
}
# symbols that clash with a markdown delimiter
PIPE_FREE = {k: [v for v in vs if "|" not in v] for k, vs in LEET.items()}

HOMO = {
    "a": ["\u0430", "\u03b1", "\u13aa"],            # а α Ꭺ
    "b": ["\u13cf", "\u044c", "\u13f4"],            # Ꮟ ь Ᏼ
    "c": ["\u0441", "\u03f2", "\u13df"],            # с ϲ Ꮯ
    "d": ["\u0501", "\u13a0"],                      # ԁ Ꭰ
    "e": ["\u0435", "\u13ac"],                      # е Ꭼ
    "g": ["\u0581", "\u13c0"],                      # ց Ꮐ
    "h": ["\u04bb", "\u0570", "\u13c2"],            # һ հ Ꮒ
    "i": ["\u0456", "\u03b9", "\u13a5"],            # і ι Ꭵ
    "j": ["\u0458", "\u13ab"],                      # ј Ꭻ
    "k": ["\u043a", "\u03ba", "\u13e6"],            # к κ Ꮶ
    "l": ["\u04cf", "\u13de"],                      # ӏ Ꮮ
    "m": ["\u043c", "\u13b7"],                      # м Ꮇ
    "n": ["\u0578", "\u03b7"],                      # ո η
    "o": ["\u043e", "\u03bf", "\u0585"],            # о ο օ
    "p": ["\u0440", "\u03c1", "\u13e2"],            # р ρ Ꮲ
    "r": ["\u0433", "\u13a1"],                      # г Ꭱ
    "s": ["\u0455", "\u13da"],                      # ѕ Ꮪ
    "t": ["\u0442", "\u03c4", "\u13a2"],            # т τ Ꭲ
    "u": ["\u057d", "\u03c5"],                      # ս υ
    "w": ["\u051d", "\u03c9", "\u13b3"],            # ԝ ω Ꮃ
    "y": ["\u0443", "\u03b3"],                      # у γ
}

SMALL_CAPS = dict(zip("abcdefghijklmnopqrstuvwxyz",
                      "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ"))

# math alphanumeric styles: (name, lowercase a, uppercase A, digit 0 or None, holes)
MATH_STYLES = [
    ("math-bold", 0x1D41A, 0x1D400, 0x1D7CE, {}),
    ("math-italic", 0x1D44E, 0x1D434, None, {"h": "\u210e"}),
    ("math-bold-italic", 0x1D482, 0x1D468, None, {}),
    ("math-sans", 0x1D5BA, 0x1D5A0, 0x1D7E2, {}),
    ("math-sans-bold", 0x1D5EE, 0x1D5D4, 0x1D7EC, {}),
    ("math-sans-italic", 0x1D622, 0x1D608, None, {}),
    ("math-monospace", 0x1D68A, 0x1D670, 0x1D7F6, {}),
    ("math-double-struck", 0x1D552, None, 0x1D7D8, {}),
    ("math-bold-fraktur", 0x1D586, 0x1D56C, None, {}),
    ("math-bold-script", 0x1D4EA, 0x1D4D0, None, {}),
]
STYLE_NAMES = [s[0] for s in MATH_STYLES] + [
    "fullwidth", "small-caps", "circled", "parenthesized", "negative-circled", "squared"]

ACCENTED = {
    "a": "àáâäãå", "c": "çćĉč", "d": "ď", "e": "èéêëē", "g": "ğĝģ", "h": "ĥ",
    "i": "ìíîïī", "j": "ĵ", "k": "ķ", "l": "ĺļľ", "m": "ḿ", "n": "ñńň",
    "o": "òóôöõō", "p": "ṕ", "r": "ŕř", "s": "śšşŝ", "t": "ťţ", "u": "ùúûüū",
    "w": "ŵẅ", "y": "ýÿ", "z": "źžż",
}
COMBINING = ["\u0301", "\u0300", "\u0308", "\u0303", "\u0302", "\u0304",
             "\u0307", "\u0323", "\u0331", "\u030c", "\u0327", "\u0306"]

INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff",
              "\u2062", "\u2063", "\u2064", "\u180e", "\u034f"]

SEP_UNIFORM = [" ", ".", "-", "_", "\u00b7", "/", ",", "  ", "..", "--", "---",
               " . ", " - ", "...", ". ", "-.", " / ", "\u2022", "~", " _ "]
SEP_MIX = [" ", ".", "-", "_", "\u00b7", "..", " ", "-", "/"]

MARKDOWN = [("**", "**"), ("*", "*"), ("***", "***"), ("__", "__"), ("~~", "~~"),
            ("||", "||"), ("`", "`"), ("**__", "__**")]


# ---------------------------------------------------------------------------
# sentence frames for evasions (written for this set; casual, typos, emoji)
# ---------------------------------------------------------------------------
FRAMES = [
    "whoever wrote this headline is a total {w} lmao",
    "{w}. thats all i have to say about this article",
    "the minister in the photo looks like an absolute {w} 🙄",
    "lol the comments under the original post are full of {w}",
    "so the mayor just called the protesters {w} on live tv?? 💀",
    "imagine being such a {w} that u leak ur own memo",
    "ngl the ceo sounds like a {w} in every interview",
    "reporter asked one simple question and he went full {w} mode",
    "this whole article is {w} tbh, zero sources",
    "mods pls the guy above is being a {w} again",
    "can't believe the council voted for this, what a bunch of {w}",
    "{w} alert 🚨 someone read the article before commenting",
    "who let this {w} write about the economy",
    "the interview at 4:30 is peak {w} energy 😂",
    "sorry but the landlord in this story is a proper {w}",
    "honestly the spokesperson is a {w}, read the quote again",
    "nah the {w} in this story deserves everything coming to him",
    "my uncle shared this on facebook like a {w} smh",
    "why is every single politican such a {w} lately",
    "read it twice, still think the author is a {w}",
    "the guy in the video kicking the bin is a {w} fr",
    "he called the nurses {w}?? in 2026??",
    "imo the real {w} here is the insurance company",
    "lmfao the {w} at the press confrence 🤡",
    "bro really said 'no comment' like a {w}",
    "this aged like milk, what a {w}",
    "lowkey the editor is a {w} for running this",
    "the landlord association guy = {w}, change my mind",
    "anyone else think the chairman is a {w}? 👀",
    "pinned msg says no spam, meanwhile this {w} posts 5 links",
    "breaking: local {w} discovers inflation exists",
    "idk man the whole board sounds like {w} to me",
    "the quote at the end is so {w} lol",
    "typical {w} behaviour from the transport secretary",
    "stop being a {w} and read past the headline",
    "that bodycam footage... the officer is a {w} 😤",
    "ok but why does the pundit always sound like a {w}",
    "my man wrote 2000 words of {w} and called it analysis",
    "this comment section is a {w} magnet",
    "the ref in that match report was a {w} ngl",
    "'we take safety seriously' - said the {w} who cut the budget",
    "the tech bro in para 3 is the biggest {w} alive",
    "yall are arguing with a {w}, just block and move on",
    "unreal. absolute {w} of a decision",
    "{w} of the year award goes to the airline ceo 🏆",
    "the dude rating restaurants in this story is a {w}",
    "another day another {w} in the cabinet",
    "gotta love how the article calls him a 'visionary' when hes clearly a {w}",
    "ppl defending this guy are {w} tbh",
    "lmao imagine voting for that {w}",
    "reading this on my lunch break and the ceo is such a {w} 😭",
    "the spokesman's reply was pure {w}",
    "{w}!!! thats the word i was looking for",
    "why is the bbc quoting this {w} like hes an expert",
    "srsly who hired this {w} as head of comms",
    "this is what happens when u put a {w} in charge of trains",
    "the neighbour in the story sounds like a {w} ngl 😅",
    "not the {w} blaming the weather again",
    "the way he smirks in the thumbnail, total {w}",
    "hot take: the judge was a {w} in that ruling",
    "shoutout to the {w} who thought this was a good idea",
    "this thread is full of {w} who didnt read it",
    "the guy who tried to sell the bridge is a legendary {w} lol",
    "yeah the influencer in this is a {w}, been saying it for years",
    "no way the councillor said that, what a {w} 🤦",
    "ceo got paid 4m to be a {w}, nice work if u can get it",
    "the tweet quoted at the top is so {w} i cant",
    "pretty sure the guy is a {w} but the article is fair",
    "{w} move from the water company again 🌊",
    "mate the club owner is a {w}, always has been",
]

# ---------------------------------------------------------------------------
# evasion construction
# ---------------------------------------------------------------------------
_TITLE = str.title


def _style_char(ch, style, upper=False):
    """Render one char (letter or digit/symbol) in a whole-word style."""
    for name, lo, up, dig, holes in MATH_STYLES:
        if name == style:
            if ch.isascii() and ch.isalpha():
                c = ch.lower()
                if upper and up is not None:
                    return chr(up + ord(c) - 97)
                if c in holes:
                    return holes[c]
                return chr(lo + ord(c) - 97)
            if ch.isdigit() and dig is not None:
                return chr(dig + ord(ch) - 48)
            return ch
    if style == "fullwidth":
        if "!" <= ch <= "~":
            if ch.isalpha():
                ch = ch.upper() if upper else ch.lower()
            return chr(ord(ch) + 0xFEE0)
        return ch
    if style == "small-caps":
        return SMALL_CAPS.get(ch.lower(), ch) if ch.isalpha() else ch
    if style == "circled":
        if ch.isalpha():
            return chr((0x24B6 if upper else 0x24D0) + ord(ch.lower()) - 97)
        if ch == "0":
            return "\u24ea"
        if ch.isdigit():
            return chr(0x2460 + ord(ch) - 49)
        return ch
    if style == "parenthesized":
        if ch.isalpha():
            return chr(0x249C + ord(ch.lower()) - 97)
        if ch.isdigit() and ch != "0":
            return chr(0x2474 + ord(ch) - 49)
        return ch
    if style == "negative-circled":
        if ch.isalpha():
            return chr(0x1F150 + ord(ch.lower()) - 97)
        return ch
    if style == "squared":
        if ch.isalpha():
            return chr(0x1F130 + ord(ch.lower()) - 97)
        return ch
    raise ValueError(style)


def _check_token(token, cats):
    """True when no listed word/form survives as-is in the disguised token."""
    for f in ALL_FORMS:
        if f in token:
            return False
        if "case" not in cats and f in token.lower():
            return False
    return True


def _disguise(rng, form, cats):
    """Build one disguised token for `form` using exactly the techniques in `cats`."""
    cats = set(cats)
    letters = list(form)
    n = len(letters)
    counts = [1] * n
    notes = {}

    # stretch: repeat 1-2 letters, preferably vowels / the last letter
    stretched = set()
    if "stretch" in cats:
        k = 1 if n <= 4 else rng.choice([1, 1, 2])
        cand = [i for i, c in enumerate(letters) if c in "aeiouy" or i == n - 1]
        if not cand or rng.random() < 0.15:
            cand = list(range(1, n))
        for p in rng.sample(cand, min(k, len(cand))):
            counts[p] += rng.choice([1, 2, 2, 3, 3, 4])
            stretched.add(p)

    render = [None] * n          # replacement string per unit (before repetition)
    kind = [None] * n
    md = None
    if "markdown" in cats:
        md = rng.choice(MARKDOWN)
    leet_table = PIPE_FREE if md and md[0] in ("||",) else LEET

    if "leet" in cats:
        mapp = [i for i, c in enumerate(letters) if leet_table.get(c)]
        if not mapp:
            return None
        hi = max(1, round(len(mapp) * 0.6))
        k = rng.randint(1, hi)
        chosen = set(rng.sample(mapp, k))
        if mapp[0] == 0 and rng.random() < 0.35:
            chosen.add(0)
        if mapp[-1] == n - 1 and rng.random() < 0.35:
            chosen.add(n - 1)
        if rng.random() < 0.5 and len(mapp) >= 2 and len(chosen) < 2:
            chosen.add(rng.choice(mapp))
        for i in chosen:
            opts = leet_table[letters[i]]
            if i in stretched:
                opts = [v for v in opts if len(v) == 1]
                if not opts:
                    continue
            render[i] = rng.choice(opts)
            kind[i] = "leet"

    if "homoglyph" in cats:
        mapp = [i for i, c in enumerate(letters) if render[i] is None and HOMO.get(c)]
        if not mapp:
            return None
        k = rng.randint(1, max(1, (len(mapp) + 1) // 2))
        for i in rng.sample(mapp, k):
            render[i] = rng.choice(HOMO[letters[i]])
            kind[i] = "homo"

    if "accent" in cats:
        mapp = [i for i in range(n) if render[i] is None]
        if not mapp:
            return None
        k = rng.randint(1, min(3, len(mapp)))
        for i in rng.sample(mapp, k):
            c = letters[i]
            if c in ACCENTED and rng.random() < 0.55:
                render[i] = rng.choice(ACCENTED[c])
                kind[i] = "accent-pre"
            else:
                marks = "".join(rng.sample(COMBINING, rng.choice([1, 1, 1, 2])))
                render[i] = c + marks
                kind[i] = "accent-comb"

    # default: the letter itself
    for i in range(n):
        if render[i] is None:
            render[i] = letters[i]
            kind[i] = "plain"

    if "case" in cats:
        alpha = [i for i in range(n) if kind[i] in ("plain", "accent-pre", "accent-comb")]
        if len(alpha) < 2 and not (len(alpha) == 1 and alpha[0] != 0):
            return None
        mode = rng.choice(["alt", "alt2", "random", "random", "upper", "inner"])
        ups = set()
        if mode == "alt":
            ups = {i for j, i in enumerate(alpha) if j % 2 == 1}
        elif mode == "alt2":
            ups = {i for j, i in enumerate(alpha) if j % 2 == 0}
        elif mode == "upper":
            ups = set(alpha)
        elif mode == "inner":
            ups = {i for i in alpha if i != 0}
            ups = set(rng.sample(sorted(ups), rng.randint(1, len(ups)))) if ups else set()
        else:
            ups = {i for i in alpha if rng.random() < 0.5}
        if not ups or ups == {0}:
            ups.add(rng.choice([i for i in alpha if i != 0] or alpha))
        if ups == {0}:
            return None
        for i in ups:
            r = render[i]
            render[i] = r[0].upper() + r[1:]
        notes["case"] = mode

    if "styled" in cats:
        style = rng.choice(STYLE_NAMES)
        notes["style"] = style
        new = []
        for i in range(n):
            r = render[i]
            base, rest = r[0], r[1:]
            if kind[i] == "leet":
                if style in ("parenthesized", "squared", "negative-circled", "small-caps"):
                    new.append(r)      # leet symbol stays plain ASCII
                else:
                    new.append("".join(_style_char(ch, style)
                                       if style == "fullwidth" or ch.isdigit() else ch
                                       for ch in r))
            elif kind[i] == "accent-pre":
                # decompose, style the base letter, keep the mark
                d = unicodedata.normalize("NFD", r)
                new.append(_style_char(d[0], style) + d[1:])
            else:
                new.append(_style_char(base, style, upper=base.isupper()) + rest)
        render = new

    units = [render[i] * counts[i] for i in range(n)]
    gaps = [""] * (n - 1)

    if "separator" in cats:
        uniform = rng.random() < 0.6
        sep = rng.choice(SEP_UNIFORM)
        if md and md[0] in ("__", "_", "**__") and "_" in sep:
            sep = "."
        if md and md[0] == "~~" and "~" in sep:
            sep = "-"
        if rng.random() < 0.75 or n - 1 <= 1:
            idx = list(range(n - 1))
        else:
            idx = sorted(rng.sample(range(n - 1), rng.randint(1, n - 2)))
        for g in idx:
            if uniform:
                gaps[g] = sep
            else:
                s = rng.choice(SEP_MIX)
                if md and md[0] in ("__", "_", "**__"):
                    s = s.replace("_", ".")
                gaps[g] = s
        notes["sep"] = "uniform" if uniform else "mixed"

    lb_gaps = set()
    if "linebreak" in cats:
        if rng.random() < 0.2:
            lb_gaps = set(range(n - 1))
        else:
            lb_gaps = set(rng.sample(range(n - 1), 1 if n < 6 else rng.choice([1, 1, 2])))
        for g in lb_gaps:
            gaps[g] = gaps[g].rstrip() + "\n"

    if "invisible" in cats:
        idx = list(range(n - 1)) if rng.random() < 0.5 else \
            rng.sample(range(n - 1), rng.randint(1, n - 1))
        same = rng.random() < 0.6
        ch = rng.choice(INVISIBLES)
        for g in idx:
            inv = ch if same else rng.choice(INVISIBLES)
            if rng.random() < 0.15:
                inv = inv * 2
            gaps[g] = gaps[g] + inv

    if md:
        # wrap units[i:j] — never the whole word, never across a line break
        for _ in range(50):
            i = rng.randrange(0, n)
            j = rng.randrange(i + 1, n + 1)
            if (i, j) == (0, n):
                continue
            if any(g in lb_gaps for g in range(i, j - 1)):
                continue
            break
        else:
            return None
        units[i] = md[0] + units[i]
        units[j - 1] = units[j - 1] + md[1]
        notes["md"] = md[0]

    out = units[0]
    for g in range(n - 1):
        out += gaps[g] + units[g + 1]
    if not _check_token(out, cats):
        return None
    return out


def _pick_form(rng, word):
    fs = FORMS[word]
    return fs[0] if rng.random() < 0.6 else rng.choice(fs)


def _plan():
    """Deterministic list of category tuples, 3,000 long."""
    rng = random.Random(SEED + 1)
    plan = []
    for o in OTHERS:                       # leet + one other: 9 x 150
        plan += [(LEET_CAT, o)] * 150
    pairs = [(a, b) for i, a in enumerate(OTHERS) for b in OTHERS[i + 1:]
             if {a, b} not in ({"styled", "homoglyph"}, {"styled", "case"})]
    for _ in range(540):                   # leet + two others
        a, b = rng.choice(pairs)
        plan.append((LEET_CAT, a, b))
    plan += [(LEET_CAT,)] * 150            # leet alone
    for o in OTHERS:                       # every other technique alone: 9 x 70
        plan += [(o,)] * 70
    for _ in range(330):                   # non-leet pairs
        plan.append(rng.choice(pairs))
    assert len(plan) == 3000, len(plan)
    order = {c: i for i, c in enumerate(CATEGORIES)}
    plan = [tuple(sorted(p, key=order.get)) for p in plan]
    rng.shuffle(plan)
    return plan


def evasions_detailed():
    rng = random.Random(SEED + 2)
    out = []
    for idx, cats in enumerate(_plan()):
        word = WORDS[idx % len(WORDS)] if rng.random() < 0.5 else rng.choice(WORDS)
        for attempt in range(400):
            w = word if attempt < 200 else rng.choice(WORDS)
            form = _pick_form(rng, w)
            tok = _disguise(rng, form, cats)
            if tok is not None:
                word = w
                break
        else:
            raise RuntimeError("could not disguise for %r" % (cats,))
        frame = rng.choice(FRAMES)
        comment = frame.replace("{w}", tok)
        out.append({"comment": comment, "categories": cats, "word": word,
                    "form": form, "token": tok})
    return out


def evasions():
    return [(d["comment"], d["categories"]) for d in evasions_detailed()]


# ---------------------------------------------------------------------------
# clean data helpers
# ---------------------------------------------------------------------------
_WORD_RE = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, ALL_FORMS)), re.IGNORECASE)

_LEET_NORM = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "6": "bg", "7": "t",
              "8": "b", "9": "g", "@": "a", "$": "s", "!": "i", "+": "t", "|": "il"}

# real-world names/codes that leet-normalise to a listed word but are clean
LEETLIKE_ALLOWED = {
    "50d": "Canon EOS 50D camera body",
}


def _leet_variants(tok, cap=64):
    outs = [""]
    for ch in tok.lower():
        opts = _LEET_NORM.get(ch, ch)
        outs = [o + c for o in outs for c in opts][:cap]
    return outs


def plain_hits(text):
    """Listed words/forms appearing as whole words (case-insensitive)."""
    return _WORD_RE.findall(text)


def leet_token_hits(text):
    """Tokens (split on anything but letters/digits/leet symbols) whose leet
    normalisation equals a listed form; allowed real-world names excluded."""
    hits = []
    forms = set(ALL_FORMS)
    for tok in re.findall(r"[A-Za-z0-9@$!+|]+", text):
        t = tok.strip("@!+|$")
        if not t or t.lower() in LEETLIKE_ALLOWED:
            continue
        if any(v in forms for v in _leet_variants(t)):
            hits.append(tok)
    return hits


def _is_clean(text):
    return not plain_hits(text) and not leet_token_hits(text)


def _fill(rng, template, pools):
    def rep(m):
        pool = pools[m.group(1)]
        return pool() if callable(pool) else rng.choice(pool)
    return re.sub(r"\{(\w+)\}", rep, template)


def _collect(rng, n, make, max_tries=200000):
    out, seen = [], set()
    tries = 0
    while len(out) < n:
        tries += 1
        if tries > max_tries:
            raise RuntimeError("could not generate enough unique clean items")
        c = make(rng)
        if c in seen or not _is_clean(c):
            continue
        seen.add(c)
        out.append(c)
    return out


# ---------------------------------------------------------------------------
# clean_tags: handles, gamer tags, channels, emails, subreddits, hashtags
# ---------------------------------------------------------------------------
# stems that hide a listed word's letters INSIDE a longer ordinary word / name
TAG_STEMS_TRAP = [
    "buttercup", "Butterfly", "button", "buttress", "butterscotch", "Butterworth",
    "scuttlebutt", "rebuttal", "peanutbutter", "ButtonMash", "buttermilk",
    "sodapop", "soda", "sodium", "episode", "rhapsody", "Sodor", "sodastream",
    "digit", "legit", "digital", "fugitive", "Brigitte", "agitator", "longitude",
    "Twitch", "twitchy", "twitter", "Saturday", "sturdy", "Sturdivant",
    "crude", "crudite", "Crudup", "Knoblauch", "knobbly", "jerkin", "jerky",
    "Jerkins", "Dorking", "Pukekohe", "pukeko", "booboo",
    "prickly", "prickle", "scunthorpe",
    "Middlesex", "Sussex", "assassin", "classic", "grapefruit",
    "therapist", "Dickens", "Hancock", "cocktail", "Scuttle", "shuttlecock",
    "Sodbury", "Brassknuckle", "Hitchcock", "Pitchfork",
    "twitching", "Brigittes", "Sodastream", "Saturdays", "sturdiness",
]
TAG_STEMS_PLAIN = [
    "shadow", "pixel", "nova", "frost", "echo", "viper", "lunar", "maple", "gecko",
    "raven", "turbo", "cobalt", "ember", "orbit", "pancake", "waffle", "noodle",
    "quasar", "mango", "falcon", "comet", "blaze", "tundra", "zephyr", "otter",
    "walrus", "penguin", "pickle", "biscuit", "badger", "kestrel", "sprocket",
]
TAG_LEET = [
    "gamer_1337", "b0b_the_builder", "n00b_master", "l33t_h4x0r", "pr0_gamer",
    "d4rk_kn1ght", "xX_5n1p3r_Xx", "m4ple_syrup", "c0ffee_addict", "h4ppy_camper",
    "t0aster", "4ce_of_spades", "sk8er_boi", "gr8_white", "r3d_panda", "ph0enix",
    "b00kworm", "st0rm_chaser", "gh0st_r1der", "c4ptain_k1rk", "j3dimaster",
    "w1zard_of_0z", "m0onlight", "3cho_b4se", "sp4ce_c4det", "k1tty_k4t",
    "p1xel_pusher", "d0nut_lover", "b4con_b1ts", "5hadow_fox", "7even_seas",
    "r0b0t_overlord", "t1ger_lily", "c0d3_m0nkey", "n1nja_turtle", "b3arded_b4rd",
]
DIGITS_SUFFIX = ["99", "2007", "_1337", "420", "_88", "69", "123", "_01", "_x", "07",
                 "_uk", "_irl", "_fc", "_official", "_", "2k", "_tv", "_ttv", "3000", ""]
CHANNELS = [
    "#general-chat", "#news-discussion", "#uk-politics", "#world-news", "#off-topic",
    "#episode-discussion", "#saturday-football", "#digital-rights", "#tech-news",
    "#buttons-and-knobs", "#sturdy-builds", "#memes", "#bot-commands", "#announcements",
    "#crude-oil-prices", "#twitch-clips", "#legit-check", "#sodium-batteries",
    "#dorking-local", "#scunthorpe-utd", "#mod-log", "#media-links", "#rhapsody-fans",
    "#climate", "#science", "#rules", "#introductions", "#elections-2026", "#sports",
    "#markets", "#prickly-questions", "#housing", "#transport", "#courts-and-crime",
]
SUBREDDITS = [
    "r/DigitalPainting", "r/sodastream", "r/Scunthorpe", "r/Twitch", "r/ButtonMash",
    "r/CasualUK", "r/unitedkingdom", "r/worldnews", "r/legitimate_news", "r/Saturday",
    "r/sturdyboi", "r/crudeoil", "r/Dorking", "r/Buttercup", "r/rhapsody",
    "r/NewZealand", "r/Pukekohe", "r/AskBrits", "r/europe", "r/technology",
    "r/episodediscussion", "r/BirdsArentReal", "r/boobooks", "r/hitchcock",
]
HASHTAGS = [
    "#SaturdayVibes", "#ScunthorpeUtd", "#DigitalRights", "#LegitNews", "#Butterfly",
    "#SodaTax", "#TwitchCon", "#SturdyBuilds", "#CrudeOil", "#DorkingHalfMarathon",
    "#PricklyPear", "#GE2026", "#BreakingNews", "#ButtonPushers", "#EpisodeOne",
    "#Knoblauch", "#JerkChickenFest", "#BeefJerky", "#PukekoheRaces", "#ButtercupFarm",
    "#FugitiveFound", "#SodiumBatteries", "#Rhapsody", "#Saturdaykitchen", "#Brexit",
]
EMAIL_DOMAINS = ["gmail.com", "outlook.com", "proton.me", "yahoo.co.uk", "icloud.com",
                 "newsroom.example.org", "btinternet.com", "hotmail.com"]
TAG_FRAMES = [
    "@{tag} did u see this one",
    "shoutout to {tag} for posting the article",
    "{tag} is streaming the press conference live rn",
    "someone tell @{tag} the link is broken",
    "moved to {chan} pls, this is off topic",
    "posted in {chan} already lol",
    "check {sub}, they had this story yesterday",
    "the op on {sub} had better sources tbh",
    "trending rn: {hash} {hash2}",
    "{hash} is trending again 🙃",
    "email the reporter at {email} if u have a correction",
    "tip line is {email} according to the footer",
    "GG @{tag} u called it",
    "my twitch is {tag} if anyone wants to watch the debate with me",
    "@{tag} @{tag2} you two were right about the by-election",
    "lol {tag} predicted this in {chan} last week",
    "ask @{tag}, they live near there",
    "{tag} and {tag2} are running the watch party in {chan}",
    "found this via {sub} and {hash}",
    "added u as friend, im {tag} on steam",
    "xbox tag {tag}, ps tag {tag2}",
    "contact {email} or ping @{tag}",
    "please keep links in {chan} thx 🙏",
    "{tag} won the prediction game again 🏆",
    "@{tag} hows the weather down there after the storm",
    "the thread on {sub} is wild",
    "{hash} and {hash2} both trending lol",
    "ty @{tag} for the summary!!",
    "pinging {tag} since they asked for updates",
    "my old handle was {tag} but i changed it to {tag2}",
]


def _make_tag(rng):
    r = rng.random()
    if r < 0.45:
        stem = rng.choice(TAG_STEMS_TRAP)
    elif r < 0.65:
        return rng.choice(TAG_LEET) + rng.choice(["", "", "_", "2", "99", "_uk"])
    else:
        stem = rng.choice(TAG_STEMS_PLAIN)
        if rng.random() < 0.5:
            stem = stem + "_" + rng.choice(TAG_STEMS_TRAP).lower()
    shape = rng.random()
    if shape < 0.2:
        return "xX_" + stem + "_Xx"
    if shape < 0.4:
        other = rng.choice(TAG_STEMS_PLAIN + ["fan", "king", "queen", "lad", "gal", "dev",
                                              "fc", "gaming", "official", "irl"])
        return stem[0].upper() + stem[1:] + other[0].upper() + other[1:]
    if shape < 0.6:
        return stem.lower() + "_" + rng.choice(["fan", "lover", "gaming", "99", "official",
                                                  "2001", "uk", "tv", "writes", "news"])
    if shape < 0.8:
        return stem + rng.choice(DIGITS_SUFFIX)
    return stem.capitalize() + "_" + rng.choice(["Fan", "Utd", "Lad", "Gal", "HQ"]) + \
        rng.choice(["", "_99", "1", "_x"])


def _make_email(rng):
    user = rng.choice(TAG_STEMS_TRAP + TAG_STEMS_PLAIN).lower()
    sep = rng.choice([".", "_", "", "."])
    user2 = rng.choice(["news", "tips", "desk", "club", "repair", "media", "info",
                        rng.choice(TAG_STEMS_PLAIN)])
    return "%s%s%s%s@%s" % (user, sep, user2, rng.choice(["", "", "88", "2024", "7"]),
                            rng.choice(EMAIL_DOMAINS))


def clean_tags():
    rng = random.Random(SEED + 3)
    pools = {
        "tag": lambda: _make_tag(rng).lstrip("@"),
        "tag2": lambda: _make_tag(rng).lstrip("@"),
        "chan": CHANNELS, "sub": SUBREDDITS,
        "hash": HASHTAGS, "hash2": HASHTAGS,
        "email": lambda: _make_email(rng),
    }
    return _collect(rng, 1500, lambda r: _fill(r, r.choice(TAG_FRAMES), pools))


# ---------------------------------------------------------------------------
# clean_codes: model/part numbers, serials, plates, flights, buses, colours...
# ---------------------------------------------------------------------------
_LEETISH = "0134578BDEGHKOPRSTUX"


def _rs(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def _code_gen(rng):
    k = rng.randrange(26)
    if k == 25:
        k = 24
    return k, _code_kind(rng, k)


def _code_kind(rng, k):
    U, D, H = "ABCDEFGHJKLMNPRSTUVWXYZ", "0123456789", "0123456789abcdef"
    if k == 0:
        return "model %s-%s" % (_rs(rng, "BKSTPDG", 2), _rs(rng, _LEETISH, rng.randint(3, 5)))
    if k == 1:
        return "part no. %s-%s-%s" % (_rs(rng, D, 4), _rs(rng, _LEETISH, 3), _rs(rng, D, 2))
    if k == 2:
        return "serial %s" % _rs(rng, _LEETISH + "9", rng.randint(8, 12))
    if k == 3:  # UK plate AB12 CDE
        return "%s%s %s" % (_rs(rng, U, 2), _rs(rng, D, 2), _rs(rng, U, 3))
    if k == 4:
        return "flight %s%d" % (rng.choice(["BA", "EZY", "FR", "LH", "KL", "TK", "DL", "U2",
                                            "QF", "EK", "SK", "AF", "TP", "BT"]),
                                rng.randint(1, 9899))
    if k == 5:
        return "bus %s" % rng.choice([str(rng.randint(1, 499)), "N%d" % rng.randint(1, 99),
                                      "X%d" % rng.randint(1, 99),
                                      "%d%s" % (rng.randint(1, 99), rng.choice("ABCDEX"))])
    if k == 6:
        return "#%s" % _rs(rng, "0123456789ABCDEF", 6)
    if k == 7:
        return "commit %s" % _rs(rng, H, rng.choice([7, 7, 10, 40]))
    if k == 8:
        return "v%d.%d.%d%s" % (rng.randint(0, 9), rng.randint(0, 40), rng.randint(0, 99),
                                rng.choice(["", "", "-beta", "-rc1", "+build.%d" % rng.randint(1, 999)]))
    if k == 9:
        return "SKU %s%s-%s" % (_rs(rng, U, 3), _rs(rng, D, 3), _rs(rng, _LEETISH, 2))
    if k == 10:  # UK postcode
        return "%s%d %d%s" % (rng.choice(["SK", "SO", "TW", "BT", "PO", "KT", "DT", "CR", "BS",
                                          "RH", "GU", "SE", "NW", "B", "M", "L", "G", "S"]),
                              rng.randint(1, 29), rng.randint(0, 9), _rs(rng, "ABDEFGHJLNPQRSTUWXYZ", 2))
    if k == 11:
        files, ranks = "abcdefgh", "12345678"
        mv = []
        for _ in range(rng.randint(2, 5)):
            p = rng.choice(["", "N", "B", "R", "Q", "K", ""])
            if rng.random() < 0.1:
                mv.append(rng.choice(["O-O", "O-O-O"]))
                continue
            cap = rng.random() < 0.3
            f = rng.randrange(8)
            if p:
                pre, rk = p, rng.choice(ranks)
            else:  # pawn: ranks 2-7, captures come from an adjacent file
                rk = rng.choice(ranks[1:7])
                pre = files[min(7, f + 1) if f == 0 else f - 1] if cap else ""
            mv.append(pre + ("x" if cap else "") + files[f] + rk
                      + rng.choice(["", "", "", "+"]))
        return " ".join("%d.%s" % (i // 2 + 1, m) if i % 2 == 0 else m
                        for i, m in enumerate(mv))
    if k == 12:
        a, b, c = rng.randint(2, 99), rng.randint(2, 99), rng.randint(2, 9)
        return rng.choice(["%d x %d = %d" % (a, b, a * b), "%dx^2 + %dx - %d = 0" % (c, a, b),
                           "%d/%d" % (a, b), "sqrt(%d) ~ %.3f" % (a, a ** 0.5),
                           "%d%% of %d is %.1f" % (c * 5, a * 10, c * 5 * a * 10 / 100)])
    if k == 13:
        return "IMEI %s" % _rs(rng, D, 15)
    if k == 14:
        return "ref %s/%s/%s" % (_rs(rng, U, 2), _rs(rng, D, 4), _rs(rng, "0135789", 3))
    if k == 15:
        return "%s%s" % (rng.choice(["RTX ", "GTX ", "RX ", "i7-", "i5-", "Ryzen 7 ",
                                     "Galaxy S", "iPhone ", "A", "M", "SM-G", "XPS "]),
                         _rs(rng, "0135789", rng.randint(2, 4)))
    if k == 16:
        return "gate %s%d, seat %d%s" % (rng.choice("ABCDKT"), rng.randint(1, 60),
                                         rng.randint(1, 40), rng.choice("ABCDEF"))
    if k == 17:
        return "ISBN 978-%d-%s-%s-%d" % (rng.randint(0, 1), _rs(rng, D, 3), _rs(rng, D, 5),
                                         rng.randint(0, 9))
    if k == 18:
        return "A%d %s J%d" % (rng.randint(1, 999), rng.choice(["northbound", "southbound",
                                                               "near", "between"]),
                               rng.randint(1, 40))
    if k == 19:
        return "order #%s" % _rs(rng, _LEETISH + D, rng.randint(6, 10))
    if k == 20:
        return "tracking %s%s%s" % (_rs(rng, U, 2), _rs(rng, D, 9), rng.choice(["GB", "US", "DE"]))
    if k == 24:  # codes with a leet-looking fragment of a short listed word inside
        frag = rng.choice(["5OD", "50D", "S0D", "5oD", "G17", "9IT", "G1T", "6IT", "9I7"])
        pre = _rs(rng, U + D, rng.randint(1, 3))
        post = _rs(rng, D, rng.randint(1, 4))
        return rng.choice(["serial %s%s%s", "part no. %s%s-%s", "SKU %s-%s%s", "batch %s%s%s",
                           "model %s%s%s"]) % (pre, frag, post)
    if k == 22:
        return rng.choice(REAL_MODELS)
    if k == 23:
        return rng.choice(REAL_REFS)
    return "case %s-%s" % (_rs(rng, "0134578", 4), _rs(rng, "BDKOPST", 3))


# real product / transport names whose digits look leet-ish
REAL_MODELS = [   # devices / vehicles
    "Canon EOS 50D", "Canon 5D", "Nokia 3310", "Fiat 500", "Peugeot 308", "BMW 330i",
    "Audi S8", "Galaxy S8", "Pixel 8", "PS5", "Xbox 360", "Yamaha R1", "Casio F-91W",
    "TI-84", "Commodore 64", "ZX81", "Porsche 911 GT3", "Audi RS6", "ThinkPad T480",
]
REAL_REFS = [     # other well-known names with leet-looking digits
    "Boeing 737", "Boeing 787", "Airbus A380", "A320neo", "B-52", "F-35", "DC-3",
    "Route 66", "Saturn V", "Apollo 13", "Voyager 1", "Sputnik 1", "HTTP 404",
    "error 0x80070005", "port 1337", "chmod 755", "ISO 9001", "R2-D2", "C-3PO", "BB-8",
    "T-800", "Agent 007", "Area 51", "Catch-22", "Ocean's 11", "Blink-182", "UB40",
    "Maroon 5", "Fahrenheit 451", "1984", "Y2K", "W3C", "4chan", "S3 bucket",
]


def _code_ok(code):
    """Reject generated codes that, squashed and leet-normalised, spell a listed
    word of 4+ letters anywhere, or equal a 3-letter one."""
    if code in REAL_MODELS or code in REAL_REFS:
        return True
    squashed = re.sub(r"[^A-Za-z0-9@$!+|]", "", code)
    for v in _leet_variants(squashed, cap=256):
        for f in ALL_FORMS:
            if (len(f) >= 4 and f in v) or v == f:
                return False
    return True


def _code(rng):
    while True:
        k, c = _code_gen(rng)
        if _code_ok(c):
            return k, c


GENERIC_CODE_FRAMES = [
    "it was {c} according to the article",
    "they printed {c} wrong in the second paragraph",
    "fyi the correct one is {c}",
    "{c} is mentioned halfway down",
    "the leaked doc lists {c}",
    "found it: {c}",
    "screenshot had {c} in the corner",
    "sauce: {c}",
]
# frames per code family (index = family number in _code_gen)
CODE_FRAMES_BY_KIND = {
    0: ["the recall covers {c}, check the sticker under the lid",
        "mine is {c} and it's on the recall list 😬", "{c} lol same as mine"],
    1: ["the replacement part is {c}, took me ages to find", "garage says i need {c}",
        "part number in the photo is {c}"],
    2: ["my one says {c} on the back, am i affected?", "the affected range starts at {c}"],
    3: ["lmao the suspect car was {c}", "police are looking for a silver golf, reg {c}",
        "the plate in the cctv still is {c}"],
    4: ["delayed again: {c} 🙄", "i was literally on {c} yesterday",
        "{c} got diverted to Manchester apparently", "my sister was on {c}, she's fine"],
    5: ["the {c} is cancelled all week because of the roadworks", "took the {c} every day for years",
        "{c} still hasnt turned up lol"],
    6: ["the chart uses {c} for the line colour", "they changed the logo colour to {c}",
        "the brand guide says {c}, the article got it wrong"],
    7: ["the fix landed in {c}", "diff in {c} shows exactly what they removed"],
    8: ["they fixed it in {c} apparently", "update to {c} if you have the app",
        "the bug was introduced in {c}"],
    9: ["the recalled kettle is {c}", "the listing says {c}, same as in the story"],
    10: ["the flooding was around {c}", "my postcode is {c}, are we in the affected zone?",
         "the new site is at {c}"],
    11: ["the winning line was {c}, brilliant game", "engine says {c} was the blunder",
         "the article prints the moves wrong, it was {c}"],
    12: ["the maths in the article is off: {c}", "quick check: {c}", "{c}, so the headline is wrong"],
    13: ["police are tracing {c}", "the stolen phone was {c}"],
    14: ["the council ref is {c} if you want to object", "planning app {c}"],
    15: ["my {c} handles it fine", "they tested it on a {c}", "the {c} is on sale again lol"],
    16: ["{c} and the plane sat on the tarmac for 3 hours", "i had {c}, right by the wing"],
    17: ["the book is {c} if anyone wants it", "reviewed copy: {c}"],
    18: ["crash on the {c}, avoid", "{c} closed till 6am"],
    19: ["refund still pending for {c}", "my {c} never arrived either"],
    20: ["{c} says delivered but nothing here", "courier lost {c} too lol"],
    21: ["the court listing has {c}", "my appeal is {c}"],
    22: ["my old {c} still works better than this", "they used a {c} for the photo lol",
         "remember the {c}? good times"],
    24: ["the recall notice lists {c}, check ur label", "mine is {c}, is that one of the bad ones?",
         "the photo caption says {c}", "{c} is printed on the underside apparently"],
    23: ["this is {c} all over again", "reminds me of {c} lol", "the article compares it to {c}",
         "someone in the replies brought up {c} 😂", "not the {c} reference"],
}


def clean_codes():
    rng = random.Random(SEED + 4)

    def make(r):
        k, c = _code(r)
        frames = CODE_FRAMES_BY_KIND[k] + (GENERIC_CODE_FRAMES if k not in (21, 22, 23) else [])
        text = r.choice(frames).replace("{c}", c)
        if r.random() < 0.15 and k not in (22, 23):
            c2 = _code_kind(r, k)
            if not _code_ok(c2) or c2 == c:
                return text
            text += " (not %s)" % c2 if r.random() < 0.5 else ", also %s" % c2
        return text
    return _collect(rng, 1500, make)


# ---------------------------------------------------------------------------
# clean_prose: Scunthorpe words, boundary traps, names, places, languages,
# URLs, code snippets, spaced acronyms
# ---------------------------------------------------------------------------
PROSE_SENTENCES = [
    # letters inside ordinary words
    "the {scun} bit in the second paragraph is the whole story tbh",
    "they spent the whole segment on {scun} and ignored the budget",
    "honestly {scun} is the only detail anyone will remember",
    "lol why is there a photo of {scun} at the top of a politics piece",
    "weirdly specific mention of {scun} halfway down",
    "my nan will love the {scun} part",
    "can someone explain the {scun} thing, i dont get it",
    "the headline says {scun} but the article never mentions it",
    # natural text crossing word boundaries
    "{cross}",
    "{cross} and nobody in the comments noticed",
    "tbh {cross}",
    # names & places
    "wait this happened in {place}? my cousin lives there",
    "{person} was quoted in the piece, interesting choice",
    "the match report says {place} won 2-1 lol",
    "{person} has been saying this for years",
    "road closures around {place} all weekend apparently",
    "I went to school near {place}, the potholes are legendary",
    # other languages
    "{lang}",
    "{lang} (sorry, my friend sent it in her language)",
    # urls
    "source: {url}",
    "better article here {url}",
    "archive link {url}",
    # code
    "the bug is basically `{code}` lol",
    "someone on the dev team wrote `{code}` and shipped it",
    "```{code}``` this is what broke the ticket site",
    # spaced acronyms
    "the {acr} response was embarrassing ngl",
    "funny how the {acr} always ends up paying",
    "{acr} officials declined to comment",
    "love how the {acr} is mentioned 14 times",
]
SCUN = [
    "buttercup fields", "butterfly count", "button on the lift", "rebuttal letter",
    "flying buttress", "scuttlebutt", "peanut butter shortage", "episode three",
    "soda tax", "sodium levels", "Bohemian Rhapsody", "last digit", "digital ID scheme",
    "legit receipt", "fugitive", "Brigitte's interview", "agitated crowd", "longitude",
    "Twitch stream", "twitchy traders", "Saturday market", "sturdy bridge", "crude oil",
    "crudités platter", "knobbly knees contest", "jerkin display", "beef jerky",
    "Dorking bypass", "pukeko chicks", "boobook owl", "prickly pear", "prickles on the cactus",
    "Scunthorpe", "cocktail bar", "shuttlecock", "Hancock's statement", "assassination plot",
    "therapist shortage", "grapefruit juice", "Dickensian workhouse", "Middlesex hospital",
    "Sussex police", "classic car", "pitchfork", "Hitchcock retrospective", "twitching birders",
    "soda bread", "sturdiness test", "Saturdays", "digits", "buttermilk pancakes",
    "shiitake mushrooms", "Penistone", "analysis", "Essex", "passionate speech",
    "cockpit audio", "hitchhiker", "scrapbook", "Arsenal", "Dickson's",
    "crudely drawn map", "butterscotch", "buttresses", "sodality", "sturdily",
]
CROSS = [
    "the plan was fine but turnout was awful",
    "it is odd that nobody checked",
    "was odd how quiet the minister was",
    "the ball was hit everywhere but the goal",
    "this hit everyone's bills at once",
    "the Ming emperor exhibit is free this month",
    "the habit changes once prices go up",
    "a small orbit change could fix the satellite",
    "whether it ends up top or not depends on the vote",
    "the kids dig it, apparently",
    "big items go in the loft",
    "we got a bus odometer reading of 900k lol",
    "but to be fair the council did warn everyone",
    "the boss oddly didn't mention it",
    "the press oddly ignored the second report",
    "it was a bit chaotic but they managed",
    "the orbit check happens every year",
    "an ABC poll says it's 50/50",
    "I stop or not depending on the lights",
    "the bus odds are terrible on Sundays",
    "i did see the mess on the road",
    "pup kept barking the entire interview lol",
    "the golf club eventually got it sorted",
    "his itinerary got leaked",
    "a dog item in the news again",
    "this is odd timing",
]
PLACES = [
    "Scunthorpe", "Dorking", "Pukekohe", "Penistone", "Middlesex",
    "Sussex", "Essex", "Shitterton", "Cockburnspath", "Sodbury", "Chipping Sodbury",
    "Butterworth", "Buttermere", "Clitheroe", "Lickey End",
    "Brokenwind", "Crudwell", "Titicaca", "Turda", "Sturminster Newton",
    "Sodankylä", "Knoblauchsland",
]
PEOPLE = [
    "Dick Van Dyke", "Billy Crudup", "Chuck Knoblauch", "Rodney Jerkins", "Brigitte Bardot",
    "Alfred Hitchcock", "Matt Hancock", "Charles Dickens", "Dorothy Butterfield",
    "Cockburn the economist", "Dick Advocaat", "Jenny Sturdivant", "Titus Andronicus",
    "Ed Balls", "Rosie Butterworth", "Shitao the painter", "Dickie Bird",
    "Ernest Shackleton", "Buttons the cat", "Trent Sodbury",
]
LANG = [
    "slutspel börjar på lördag",                    # Swedish: playoffs start Saturday
    "Knoblauch ist ausverkauft, unglaublich",      # German
    "c'est la vie, la grève continue à Pornic",    # French
    "het is een prima artikel, dank je",           # Dutch
    "qué pasa con los precios del pan",             # Spanish
    "mamma mia, che disastro",                      # Italian
    "kia ora from Pukekohe, it rained all day",    # Te Reo / English
    "bitte nicht vergessen, morgen ist Wahl",      # German
    "fart i Oslo er dyrt nå",                      # Norwegian: speed/traffic
    "puk vaš je odličan",                          # Croatian-ish
    "Danke für den Link, sehr gut geschrieben",
    "obrigado pela notícia",                        # Portuguese
    "tack för länken, bra skrivet",                 # Swedish
    "arigatou, kono kiji wa omoshiroi",             # Japanese romaji
    "dziękuję, świetny artykuł",                    # Polish
    "díky, tohle je zajímavé",                      # Czech
    "kiitos, hyvä juttu",                           # Finnish
    "Gift ist in der Probe gefunden worden",        # German Gift = poison
    "mist tussen de bomen vanochtend",              # Dutch: fog
    "bras de fer entre le gouvernement et les syndicats",  # French
]
URLS = [
    "https://www.bbc.co.uk/news/articles/c4-dorking-bypass-closure",
    "https://en.wikipedia.org/wiki/Scunthorpe_problem",
    "https://www.theguardian.com/business/2026/dec/03/crude-oil-saturday-slump",
    "https://github.com/newsbot/digits-parser/issues/42",
    "https://news.example.com/buttress-collapse-episode-2",
    "https://www.reuters.com/markets/commodities/sodium-battery-plant",
    "https://twitch.tv/buttercup_live",
    "https://www.nzherald.co.nz/pukekohe-flooding",
    "https://archive.ph/legit-receipts-2026",
    "https://www.ft.com/content/sturdy-growth-forecast",
    "https://example.org/rebuttal?id=1337&ref=twitchy",
    "https://www.sussex.police.uk/news/fugitive-found",
]
CODE = [
    "digits = [int(d) for d in str(n)]",
    "button.onclick = submitVote",
    "SELECT * FROM episodes WHERE aired < '2026-12-01'",
    "if (!legit) { return 403; }",
    "df.groupby('saturday').mean()",
    "const butterCount = items.length - 1;",
    "soda_tax = price * 0.24",
    "for episode in season: print(episode.title)",
    "git_rev = os.environ.get('REV')",
    "assert sturdy(bridge) is True",
    "crude_price.rolling(7).mean()",
    "if twitchy: retry(backoff=2)",
]
ACRONYMS = [
    "U.S.A.", "U.K.", "E.U.", "N.A.S.A.", "B.B.C.", "N.H.S.", "F.B.I.", "I.M.F.",
    "N.A.T.O.", "U.N.", "W.H.O.", "O.E.C.D.", "D.V.L.A.", "T.f.L.", "C.I.A.", "R.S.P.C.A.",
]
PROSE_TAILS = ["", "", "", " lol", " 🙄", " 😂", " tbh", " ngl", " smh", "!!", " 👀", " fr",
               " imo", " idk", "...", " 💀"]


def clean_prose():
    rng = random.Random(SEED + 5)
    pools = {"scun": SCUN, "cross": CROSS, "place": PLACES, "person": PEOPLE, "lang": LANG,
             "url": URLS, "code": CODE, "acr": ACRONYMS}

    def make(r):
        s = _fill(r, r.choice(PROSE_SENTENCES), pools)
        if r.random() < 0.45:
            s = s + ". " + _fill(r, r.choice(PROSE_SENTENCES), pools)
        s = s + r.choice(PROSE_TAILS)
        if r.random() < 0.3:
            s = s[0].upper() + s[1:]
        return s
    return _collect(rng, 1500, make)


# ---------------------------------------------------------------------------
# collisions: a listed word used plainly, as a whole word, in an innocent sense
# ---------------------------------------------------------------------------
COLLISIONS = {
    "knob": ["the door knob came off in his hand during the interview lol",
             "turn the volume knob on the radio, the minister is on",
             "add a knob of butter, says the recipe bit at the end",
             "the gas knob was left on, that's what caused the fire",
             "the article says the knob on the control panel was faulty",
             "cute how the guide says a knob of butter like we all measure that",
             "the tuning knob on old radios, nostalgia hit",
             "the fire report blames a loose knob on the cooker",
             "the brass knob from the old front door sold for 400 quid at auction",
             "the thermostat knob was stuck on max all winter"],
    "sod": ["they laid fresh sod on the pitch before the final",
            "the groundskeepers had to replace the sod twice this season",
            "first sod turned on the new hospital today",
            "the minister cut the first sod at the site, photo op as usual",
            "rolls of sod stacked by the stadium, looks like they're resurfacing",
            "turf and sod prices went up 30% apparently",
            "the article has a pic of the sod being laid at the memorial garden",
            "ceremonial sod cutting for the new rail line"],
    "git": ["the devs use git for everything, the leak came from a public repo",
            "apparently the whole config was in a git repo with no password",
            "git blame shows the change was made two years ago",
            "they should have used git properly, the article explains the leak",
            "the researcher cloned the git repository and found the keys",
            "git history proves the feature was planned before the scandal",
            "using git tags for the release, the story gets the versions wrong",
            "there is a git commit timestamp in the screenshot",
             "the git log in the court filing is surprisingly readable",
             "they published the git repo after the ruling"],
    "butt": ["the comedian is always the butt of the joke in these stories",
             "the cigarette butt found at the scene was key evidence",
             "the rifle butt is visible in the museum photo",
             "they installed a water butt in every council garden",
             "the minister ended up as the butt of every joke online",
             "cigarette butt litter fines go up next year",
             "a water butt is the cheapest way to save on bills tbh",
             "the butt of the joke was the referee, not the player",
             "the shotgun butt was recovered from the river",
             "council giving away a free water butt to every household"],
    "jerk": ["knee-jerk reaction from the government again",
             "the jerk chicken stall at the festival won an award",
             "another knee jerk policy announcement",
             "best jerk chicken in the city according to the review",
             "the train gave a jerk and everyone fell over, says the witness",
             "jerk seasoning prices up 20% lol",
             "the jerk pork place on the high street closed down",
             "a sudden jerk of the steering wheel caused the crash",
             "jerk chicken and rice and peas at the carnival, 10/10",
             "the knee-jerk ban will be reversed in a month"],
    "crud": ["the app is basically a CRUD app with a nice logo",
             "their whole platform is just CRUD operations on a database",
             "writing CRUD endpoints is not 'AI innovation', come on",
             "the contractor billed 2m for a CRUD admin panel",
             "simple CRUD system, the audit says it should cost 50k",
             "it's a CRUD backend, the article oversells it massively",
             "the CRUD layer had no access control, hence the breach",
             "CRUD apps dont need a blockchain"],
    "prick": ["the vaccine is just a quick prick in the arm",
              "a finger prick test gives results in ten minutes",
              "you'll feel a small prick, the nurse says in the video",
              "the diabetic kids have to do a finger prick test daily",
              "the new blood test only needs a pin prick",
              "prick the sausages before grilling, per the recipe section",
              "the finger prick kits are free at pharmacies now",
              "just a tiny prick and it's done, my arm didn't even hurt"],
    "bitch": ["the bitch had a litter of six puppies at the rescue centre",
              "the breeder said the bitch was overbred, that's the scandal",
              "the show bitch won best in breed at Crufts",
              "a pregnant bitch was found abandoned near the motorway",
              "the kennel club rules limit how often a bitch can be bred",
              "rescue says the bitch and her pups are doing well now",
              "the greyhound bitch won three races in a row",
              "vet confirmed the bitch was microchipped"],
    "skank": ["the ska band got the whole crowd to skank at the festival",
              "old footage of people doing the skank to two tone records",
              "my dad still does the skank at weddings, ska never dies",
              "the documentary explains how the skank dance started in Jamaica",
              "everyone started to skank when the band played their hit",
              "skank dancing at the reggae festival, great photos"],
    "douche": ["the french word for shower is douche, the hotel sign was hilarious",
               "in the paris flat the 'douche' was just a hose lol",
               "la douche est cassée - the hotel review in the article",
               "the sign said douche froide, cold showers only at the campsite",
               "the hotel brochure advertised a 'douche italienne', walk-in shower"],
    "tosser": ["the coin tosser at the cup final was a local schoolkid",
               "the pancake tosser won the charity race again",
               "the caber tosser from the highland games is in the article",
               "best pancake tosser in the village, according to the paper",
             "the caber tosser broke the record at Braemar",
             "official coin tosser for the cup final was a nurse this year"],
    "boob": ["the manager admitted it was a boob to leave the keys in the van",
             "classic boob by the ministry, wrong date on the letter",
             "the boob tube is what my gran calls the telly",
             "a minor boob in the press release, they fixed it later",
             "the spelling boob on the ballot paper cost them 50k",
             "that was a boob by the editor, fair play for correcting it"],
    "twit": ["the owl went twit twoo all night outside the cabin",
             "kids learn that owls say twit twoo but it's two owls",
             "recording of the twit twoo call is in the nature piece",
             "the tawny owl twit twoo clip at the end is lovely",
             "twit twoo at 3am, the owls are back in the park"],
}


def collisions():
    out = []
    for w, sents in COLLISIONS.items():
        for s in sents:
            out.append((s, w))
    return out


# ---------------------------------------------------------------------------
# self-check
# ---------------------------------------------------------------------------
def _main():
    import collections
    assert len(WORDS) == 24 and len(set(WORDS)) == 24
    assert sum(len(w) >= 5 for w in WORDS) == 12
    assert sum(3 <= len(w) <= 4 for w in WORDS) == 12
    for w in WORDS:
        assert FORMS[w][0] == w
    assert len(FRAMES) >= 60 and len(set(FRAMES)) == len(FRAMES)
    for f in FRAMES:
        assert f.count("{w}") == 1, f
        low = f.lower().replace("{w}", " ")
        for w in ALL_FORMS:
            assert w not in low, (f, w)

    runs = [(evasions_detailed(), clean_tags(), clean_codes(), clean_prose(), collisions())
            for _ in range(2)]
    assert runs[0] == runs[1], "not deterministic"
    ev, tags, codes, prose, coll = runs[0]
    assert len(ev) == 3000 and len(tags) == 1500 and len(codes) == 1500 and len(prose) == 1500

    for d in ev:
        c, cats = d["comment"], d["categories"]
        assert cats and len(set(cats)) == len(cats)
        assert all(x in CATEGORIES for x in cats)
        for w in ALL_FORMS:
            assert w not in c, (w, c)                  # never the plain word as-is
            if "case" not in cats:
                assert w not in c.lower(), (w, c)
        assert d["form"] in FORMS[d["word"]]
        assert d["token"] in c and c.count(d["token"]) == 1
        assert d["token"] != d["form"]
    for name, items in (("clean_tags", tags), ("clean_codes", codes), ("clean_prose", prose)):
        for c in items:
            assert not plain_hits(c), (name, c, plain_hits(c))
            assert not leet_token_hits(c), (name, c, leet_token_hits(c))
        assert len(set(items)) == len(items), name
    for c, w in coll:
        assert w in WORDS and re.search(r"\b%s\b" % w, c, re.I), (w, c)
    assert 90 <= len(coll) <= 110

    print("== evasions: %d" % len(ev))
    per_cat = collections.Counter(x for d in ev for x in d["categories"])
    for c in CATEGORIES:
        print("  %-10s %5d" % (c, per_cat[c]))
    per_n = collections.Counter(len(d["categories"]) for d in ev)
    print("  by number of techniques:", dict(sorted(per_n.items())))
    leet_combo = sum(1 for d in ev if "leet" in d["categories"] and len(d["categories"]) in (2, 3))
    print("  leet + 1-2 others: %d (%.1f%%)" % (leet_combo, 100.0 * leet_combo / len(ev)))
    assert leet_combo >= 0.6 * len(ev)
    combos = collections.Counter("+".join(d["categories"]) for d in ev)
    print("  distinct category combinations:", len(combos))
    for k, v in combos.most_common():
        print("    %-32s %4d" % (k, v))
    print("  per word:", dict(collections.Counter(d["word"] for d in ev)))
    lt = [d["token"] for d in ev if "leet" in d["categories"]]
    start = sum(1 for d in ev if "leet" in d["categories"] and d["token"][0] in "0134567890@$!|+(<#")
    print("  leet tokens starting with a leet symbol: %d / %d" % (start, len(lt)))
    end = sum(1 for d in ev if "leet" in d["categories"]
              and d["token"].rstrip("*_~|`")[-1:] in "0134567890@$!|+(<#)")
    print("  leet tokens ending with a leet symbol: %d / %d" % (end, len(lt)))
    multi = sum(1 for d in ev if "leet" in d["categories"]
                and sum(ch in "0134567890@$!+(<#" for ch in d["token"]) >= 2)
    print("  leet tokens with 2+ leet symbols: %d / %d" % (multi, len(lt)))
    for name, items in (("clean_tags", tags), ("clean_codes", codes), ("clean_prose", prose)):
        sub = sum(1 for c in items if any(w in c.lower() for w in WORDS))
        lsub = sum(1 for c in items if any(w in v for v in _leet_variants(
            re.sub(r"[^A-Za-z0-9@$!+|]", "", c), cap=16) for w in WORDS))
        print("  %s: %d/%d contain a listed word's letters inside a longer string; "
              "%d/%d after squashing + leet-normalising" % (name, sub, len(items), lsub, len(items)))
    print("== clean_tags %d, clean_codes %d, clean_prose %d, collisions %d"
          % (len(tags), len(codes), len(prose), len(coll)))
    print("  collisions per word:", dict(collections.Counter(w for _, w in coll)))

    rng = random.Random(0)
    for name, items in (("evasions", [(d["comment"], d["categories"]) for d in ev]),
                        ("clean_tags", tags), ("clean_codes", codes),
                        ("clean_prose", prose), ("collisions", coll)):
        print("\n== 20 samples of %s" % name)
        for it in rng.sample(items, 20):
            print("  ", ascii(it) if name == "evasions" else it)
    print("\nself-check OK")


if __name__ == "__main__":
    _main()
