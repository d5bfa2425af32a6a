#!/usr/bin/env python3
"""Fifth development dataset for a Discord word filter (seeded, standard library only).

Written apart from the engine, by a writer who never saw its code or the other evaluation data,
from a description of the categories, with their own 24 listed words; development data: tuned on.
Kept as written; read by tests/moderation_dev_fifth_split.py.

Public API:
    WORDS, FORMS, CATEGORIES
    evasions()            -> list of (comment, categories tuple)      3,000
    evasions_detailed()   -> list of dicts (comment, categories, word, form, token)
    clean_tags()          -> list of str                              1,500
    clean_codes()         -> list of str                              1,500
    clean_prose()         -> list of str                              2,000
    collisions()          -> list of (comment, word)                  ~100
    handle_parts()        -> list of (comment, word, label)           ~150

Run `python3 dev_fifth.py` for the self-check.
"""
import random
import re
import unicodedata

SEED = 5055

LONG_WORDS = ["idiot", "moron", "loser", "scumbag", "cretin", "imbecile",
              "dimwit", "numpty", "bimbo", "pussy", "dweeb", "bellend"]
SHORT_WORDS = ["scum", "dolt", "jizz", "wank", "fart", "pleb",
               "slag", "hag", "cuck", "spaz", "gimp", "oaf"]
WORDS = LONG_WORDS + SHORT_WORDS

# word first, then the inflections the evasions use
FORMS = {
    "idiot": ["idiot", "idiots"],
    "moron": ["moron", "morons"],
    "loser": ["loser", "losers"],
    "scumbag": ["scumbag", "scumbags"],
    "cretin": ["cretin", "cretins"],
    "imbecile": ["imbecile", "imbeciles"],
    "dimwit": ["dimwit", "dimwits"],
    "numpty": ["numpty", "numpties"],
    "bimbo": ["bimbo", "bimbos"],
    "pussy": ["pussy", "pussies"],
    "dweeb": ["dweeb", "dweebs"],
    "bellend": ["bellend", "bellends"],
    "scum": ["scum"],
    "dolt": ["dolt", "dolts"],
    "jizz": ["jizz", "jizzed", "jizzing"],
    "wank": ["wank", "wanks", "wanked", "wanking"],
    "fart": ["fart", "farts", "farted", "farting"],
    "pleb": ["pleb", "plebs"],
    "slag": ["slag", "slags"],
    "hag": ["hag", "hags"],
    "cuck": ["cuck", "cucks", "cucked"],
    "spaz": ["spaz", "spazzes", "spazzed", "spazzing"],
    "gimp": ["gimp", "gimps"],
    "oaf": ["oaf", "oafs"],
}
ALL_FORMS = sorted({f for fs in FORMS.values() for f in fs}, key=lambda s: (-len(s), s))
FORM_TO_WORD = {f: w for w, fs in FORMS.items() for f in fs}
PLURALS = {"idiots", "morons", "losers", "scumbags", "cretins", "imbeciles", "dimwits",
           "numpties", "bimbos", "pussies", "dweebs", "bellends", "dolts", "plebs", "slags",
           "hags", "cucks", "gimps", "oafs", "spazzes", "farts", "wanks"}
VERBISH = {"jizzed", "jizzing", "wanked", "wanking", "farted", "farting", "cucked",
           "spazzed", "spazzing"}

CATEGORIES = ("leet", "homoglyph", "styled", "separator", "markdown", "linebreak",
              "invisible", "stretch", "accent", "case", "rtl")

WORD_RE = re.compile(r"\b(?:%s)\b" % "|".join(ALL_FORMS), re.IGNORECASE)

# --------------------------------------------------------------------------- maps
LEET = {
    "a": ["4", "@", "/-\\", "/\\"], "b": ["8", "|3", "13"], "c": ["(", "<", "[", "\u00a2"],
    "d": ["|)", "[)", "cl"], "e": ["3", "\u20ac"], "f": ["|=", "\u0192"], "g": ["9", "6"],
    "h": ["|-|", "#", "}{"], "i": ["1", "!", "|"], "j": ["_|", "_/"], "k": ["|<", "|{"],
    "l": ["1", "|", "|_"], "m": ["|\\/|", "/\\/\\", "^^"], "n": ["|\\|", "/\\/"],
    "o": ["0", "()", "[]"], "p": ["|>", "|*", "|o"], "r": ["|2", "\u00ae"], "s": ["5", "$"],
    "t": ["7", "+"], "u": ["|_|", "(_)"], "w": ["\\/\\/", "vv"], "y": ["`/", "\u00a5"],
    "z": ["2", "7_"], "v": ["\\/"],
}
# subsets: safe inside markdown (no * _ ` ~ |) and safe under RTL override (single, unmirrored)
MD_BAD = set("*_`~|")
RTL_OK = set("0123456789@$!+#\u20ac\u00a2\u00a5")

H = lambda *cps: [chr(c) for c in cps]
HOMO_LOWER = {
    "a": H(0x0430, 0x03B1), "b": H(0x13CF, 0x044C), "c": H(0x0441, 0x03F2),
    "d": H(0x0501,), "e": H(0x0435, 0x04BD), "g": H(0x0581),
    "h": H(0x04BB, 0x0570), "i": H(0x0456, 0x03B9, 0x13A5), "j": H(0x0458, 0x03F3),
    "k": H(0x03BA, 0x043A), "l": H(0x04CF), "m": H(0x043C), "n": H(0x0578),
    "o": H(0x043E, 0x03BF, 0x0585), "p": H(0x0440, 0x03C1), "q": H(0x051B, 0x0566),
    "r": H(0x0433), "s": H(0x0455, 0xABAA), "t": H(0x03C4), "u": H(0x057D, 0x03C5),
    "v": H(0x03BD, 0x0475), "w": H(0x051D, 0x0561), "x": H(0x0445), "y": H(0x0443),
    "z": H(0x13C3),
}
HOMO_UPPER = {
    "A": H(0x0410, 0x0391, 0x13AA), "B": H(0x0412, 0x0392, 0x13F4), "C": H(0x0421, 0x13DF),
    "D": H(0x13A0), "E": H(0x0415, 0x0395, 0x13AC), "G": H(0x13C0), "H": H(0x041D, 0x0397, 0x13BB),
    "I": H(0x0406, 0x0399), "J": H(0x0408, 0x13AB), "K": H(0x041A, 0x039A, 0x13E6),
    "L": H(0x13DE), "M": H(0x041C, 0x039C, 0x13B7), "N": H(0x039D), "O": H(0x041E, 0x039F, 0x0555),
    "P": H(0x0420, 0x03A1, 0x13E2), "S": H(0x0405, 0x13DA), "T": H(0x0422, 0x03A4, 0x13A2),
    "U": H(0x054D), "V": H(0x13D9), "W": H(0x051C, 0x13B3), "X": H(0x0425, 0x03A7),
    "Y": H(0x03A5, 0x04AE), "Z": H(0x0396, 0x13C3),
}

MATH = {  # name: (capital A, small a, holes)
    "bold": (0x1D400, 0x1D41A, {}),
    "italic": (0x1D434, 0x1D44E, {"h": 0x210E}),
    "bolditalic": (0x1D468, 0x1D482, {}),
    "script": (0x1D49C, 0x1D4B6, {"B": 0x212C, "E": 0x2130, "F": 0x2131, "H": 0x210B,
                                   "I": 0x2110, "L": 0x2112, "M": 0x2133, "R": 0x211B,
                                   "e": 0x212F, "g": 0x210A, "o": 0x2134}),
    "boldscript": (0x1D4D0, 0x1D4EA, {}),
    "fraktur": (0x1D504, 0x1D51E, {"C": 0x212D, "H": 0x210C, "I": 0x2111, "R": 0x211C,
                                    "Z": 0x2128}),
    "doublestruck": (0x1D538, 0x1D552, {"C": 0x2102, "H": 0x210D, "N": 0x2115, "P": 0x2119,
                                         "Q": 0x211A, "R": 0x211D, "Z": 0x2124}),
    "sans": (0x1D5A0, 0x1D5BA, {}),
    "sansbold": (0x1D5D4, 0x1D5EE, {}),
    "sansitalic": (0x1D608, 0x1D622, {}),
    "mono": (0x1D670, 0x1D68A, {}),
    "fullwidth": (0xFF21, 0xFF41, {}),
    "circled": (0x24B6, 0x24D0, {}),
}
CAPS_ONLY = {"negcircled": 0x1F150, "squared": 0x1F130, "negsquared": 0x1F170}
SMALLCAPS = dict(zip("abcdefghijklmnopqrstuvwyz",
                     "\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c\u026a\u1d0a\u1d0b\u029f"
                     "\u1d0d\u0274\u1d0f\u1d18\u01eb\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21\u028f\u1d22"))
STYLES_CASED = sorted(MATH)
STYLES_ALL = STYLES_CASED + sorted(CAPS_ONLY) + ["smallcaps", "regional"]


def style_char(ch, style):
    if not ch.isascii() or not ch.isalpha():
        return ch
    if style in MATH:
        cap, small, holes = MATH[style]
        if ch in holes:
            return chr(holes[ch])
        return chr((cap if ch.isupper() else small) + ord(ch.lower()) - 97)
    if style in CAPS_ONLY:
        return chr(CAPS_ONLY[style] + ord(ch.lower()) - 97)
    if style == "smallcaps":
        return SMALLCAPS.get(ch.lower(), ch)
    if style == "regional":
        return chr(0x1F1E6 + ord(ch.lower()) - 97)
    return ch


PRECOMPOSED = {
    "a": "\u00e1\u00e0\u00e2\u00e4\u00e3\u00e5\u0101", "e": "\u00e9\u00e8\u00ea\u00eb\u0113",
    "i": "\u00ed\u00ec\u00ee\u00ef\u012b", "o": "\u00f3\u00f2\u00f4\u00f6\u00f5\u014d",
    "u": "\u00fa\u00f9\u00fb\u00fc\u016b", "c": "\u00e7\u0107\u010d", "n": "\u00f1\u0144",
    "y": "\u00fd\u00ff", "s": "\u015b\u0161\u015f", "z": "\u017a\u017e\u017c", "g": "\u011f\u0123",
    "d": "\u010f", "r": "\u0155\u0159", "k": "\u0137", "w": "\u0175", "h": "\u0125",
    "j": "\u0135", "l": "\u013a\u013c", "t": "\u0163\u0165",
}
COMBINING = ["\u0300", "\u0301", "\u0302", "\u0303", "\u0304", "\u0306", "\u0307", "\u0308",
             "\u030a", "\u030c", "\u0323", "\u0327", "\u0331"]
INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u3164", "\u2800"]
SEPARATORS = [" ", ".", "-", "_", " . ", "..", "--", "__", "  ", "/", "\u00b7", "*"]
MARKDOWN = ["**", "*", "__", "~~", "||", "`"]
RLO, PDF = "\u202e", "\u202c"

# incompatible pairs (would break the display or the markdown)
INCOMPATIBLE = {frozenset(p) for p in [("rtl", "markdown"), ("rtl", "linebreak"),
                                       ("markdown", "linebreak")]}


def compatible(cats):
    return all(frozenset((a, b)) not in INCOMPATIBLE
               for i, a in enumerate(cats) for b in cats[i + 1:])


# --------------------------------------------------------------------------- disguise engine
def disguise(form, cats, rng):
    """Return a token that displays as `form` using exactly the techniques in cats."""
    cats = set(cats)
    # units: [text, kind]; kind in plain / leet / homo / styled
    units = [[c, "plain"] for c in form]

    if "stretch" in cats:
        idxs = sorted(rng.sample(range(len(units)), min(len(units), rng.choice([1, 1, 2]))))
        new = []
        for i, u in enumerate(units):
            new.append(u)
            if i in idxs:
                new.extend([[u[0], "plain"] for _ in range(rng.choice([1, 1, 2, 3, 4]))])
        units = new

    if "case" in cats:
        mode = rng.choice(["alt", "alt2", "upper", "random", "first_last"])
        for i, u in enumerate(units):
            c = u[0]
            if mode == "alt":
                u[0] = c.upper() if i % 2 == 0 else c
            elif mode == "alt2":
                u[0] = c.upper() if i % 2 == 1 else c
            elif mode == "upper":
                u[0] = c.upper()
            elif mode == "random":
                u[0] = c.upper() if rng.random() < 0.5 else c
            else:
                u[0] = c.upper() if i in (0, len(units) - 1) else c
        if all(u[0].islower() for u in units):
            k = rng.randrange(len(units))
            units[k][0] = units[k][0].upper()

    def pick_positions(pred, frac_lo, frac_hi):
        cand = [i for i, u in enumerate(units) if pred(u)]
        if not cand:
            return []
        n = max(1, round(len(cand) * rng.uniform(frac_lo, frac_hi)))
        return sorted(rng.sample(cand, min(n, len(cand))))

    others = len(cats & {"homoglyph", "styled"})
    if "leet" in cats:
        def ok(opt):
            if "markdown" in cats and set(opt) & MD_BAD:
                return False
            if "rtl" in cats and not (len(opt) == 1 and opt in RTL_OK):
                return False
            if "separator" in cats and len(opt) > 1:
                return False
            return True
        hi = 0.5 if others else 0.8
        pos = pick_positions(lambda u: u[0].lower() in LEET and
                             any(ok(o) for o in LEET[u[0].lower()]), 0.3, hi)
        for i in pos:
            opts = [o for o in LEET[units[i][0].lower()] if ok(o)]
            units[i] = [rng.choice(opts), "leet"]

    if "homoglyph" in cats:
        def has(u):
            return u[1] == "plain" and (u[0] in HOMO_LOWER or u[0] in HOMO_UPPER)
        hi = 0.5 if "styled" in cats else 0.9
        pos = pick_positions(has, 0.3, hi)
        if "styled" in cats:
            plain_left = [i for i, u in enumerate(units) if u[1] == "plain"]
            if len(pos) >= len(plain_left) and len(pos) > 1:
                pos = pos[:-1]
        for i in pos:
            c = units[i][0]
            units[i] = [rng.choice(HOMO_LOWER.get(c) or HOMO_UPPER[c]), "homo"]

    if "styled" in cats:
        style = rng.choice(STYLES_CASED if "case" in cats else STYLES_ALL)
        for u in units:
            if u[1] == "plain":
                u[0] = style_char(u[0], style)
                u[1] = "styled"
        if style == "regional":
            # adjacent regional indicators would fuse into flags: type them spaced,
            # the way people do on Discord
            for u in units[:-1]:
                u[0] = u[0] + " "

    if "accent" in cats:
        cand = [i for i, u in enumerate(units) if u[1] in ("plain", "styled", "homo")]
        if not cand:
            cand = list(range(len(units)))
        n = max(1, min(len(cand), rng.choice([1, 1, 2, 3])))
        for i in sorted(rng.sample(cand, n)):
            u = units[i]
            base = u[0].rstrip(" ")
            tail = u[0][len(base):]
            if u[1] == "plain" and base.lower() in PRECOMPOSED and rng.random() < 0.6:
                p = rng.choice(PRECOMPOSED[base.lower()])
                u[0] = (p.upper() if base.isupper() else p) + tail
                u[1] = "accent"
            else:
                u[0] = base + rng.choice(COMBINING) + tail

    # joiners between units
    n = len(units)
    gaps = [""] * (n - 1)
    if "separator" in cats:
        mode = rng.choice(["same", "same", "mixed", "some"])
        seps = [s for s in SEPARATORS if not ("markdown" in cats and set(s) & MD_BAD)]
        s0 = rng.choice(seps)
        for g in range(n - 1):
            if mode == "same":
                gaps[g] = s0
            elif mode == "mixed":
                gaps[g] = rng.choice(seps)
            else:
                gaps[g] = s0 if rng.random() < 0.5 else ""
        if not any(gaps):
            gaps[rng.randrange(n - 1)] = s0
    if "invisible" in cats:
        mode = rng.choice(["all", "some", "one"])
        ch = rng.choice(INVISIBLES)
        for g in range(n - 1):
            if mode == "all" or (mode == "some" and rng.random() < 0.5):
                gaps[g] += ch if rng.random() < 0.7 else rng.choice(INVISIBLES)
        if not any(set(gp) & set(INVISIBLES) for gp in gaps):
            gaps[rng.randrange(n - 1)] += ch
    if "linebreak" in cats:
        k = rng.randrange(n - 1)
        gaps[k] += rng.choice(["\n", "\n", "\n\n", "\r\n"])
        if n > 4 and rng.random() < 0.3:
            k2 = rng.randrange(n - 1)
            if "\n" not in gaps[k2]:
                gaps[k2] += "\n"

    texts = [u[0] for u in units]
    if "markdown" in cats:
        md = rng.choice(MARKDOWN)
        if md in ("*", "__") and "separator" in cats:
            md = "**"
        # wrap a strict sub-run of units (inside the word)
        a = rng.randrange(0, n - 1)
        b = rng.randrange(a + 1, n + 1)
        if a == 0 and b == n:
            b = n - 1
        texts[a] = md + texts[a]
        texts[b - 1] = texts[b - 1] + md
        if rng.random() < 0.25 and b < n - 1:
            md2 = rng.choice([m for m in MARKDOWN if m != md and m not in ("*", "__")])
            texts[b] = md2 + texts[b]
            texts[n - 1] = texts[n - 1] + md2

    out = []
    for i in range(n):
        out.append(texts[i])
        if i < n - 1:
            out.append(gaps[i])
    ltr = "".join(out)
    if "rtl" in cats:
        # stored reversed (by grapheme: base + its combining marks); the override makes it
        # display in reading order
        clusters = []
        for ch in ltr:
            if clusters and unicodedata.combining(ch):
                clusters[-1] += ch
            else:
                clusters.append(ch)
        return RLO + "".join(reversed(clusters)) + PDF
    return ltr


# --------------------------------------------------------------------------- news comments
TOPICS = ["ceasefire deal", "ceasefire talks", "council budget vote", "new bin collection rota",
          "bypass plan", "club's new signing", "transfer window", "stadium redevelopment",
          "rail strike", "hospital funding row", "flood defence scheme", "school closures",
          "interest rate decision", "peace summit", "VAR decision on Saturday", "manager's sacking",
          "housing plan for the old mill site", "bridge repairs", "tram extension",
          "energy price cap", "by-election result", "library cuts", "parking charges",
          "cup final ticket allocation", "prisoner exchange", "aid convoy story", "local elections",
          "cycle lane consultation", "teachers' pay offer", "water company fine",
          "airport expansion", "relegation battle", "derby match report", "new stand proposal",
          "hosepipe ban", "road closure on the high street", "trade talks", "treaty signing",
          "police funding debate", "youth club closure"]
ROLES = ["councillor", "minister", "mayor", "manager", "referee", "spokesperson", "chairman",
         "reporter", "negotiator", "striker", "MP", "columnist", "club owner", "council leader",
         "pundit", "goalkeeper", "press officer", "envoy", "planning officer", "head coach"]
T_SING = [
    "The {role} behind the {topic} is a total {w}, honestly.",
    "Whoever signed off on the {topic} is an absolute {w}.",
    "Read the article about the {topic}. That {role} is such a {w}.",
    "Imagine being the {role} and still acting like a {w} over the {topic}.",
    "lol the {role} in this {topic} story, what a {w}",
    "That {role} has been a complete {w} about the {topic} from day one.",
    "Only a proper {w} would defend the {topic} like that.",
    "Sorry but the {role} quoted in the {topic} piece is a {w}.",
    "{role} on the news tonight about the {topic}? utter {w}.",
    "Anyone else think the {role} is a massive {w}? The {topic} is a mess.",
]
T_PLUR = [
    "The people who pushed the {topic} through are {w}.",
    "Only {w} would vote for the {topic}.",
    "Comments under the {topic} article are full of {w}.",
    "Half the council are {w}, the {topic} proves it.",
    "{w}, the lot of them. The {topic} was doomed.",
    "The {role} and his mates are {w}, look at the {topic}.",
    "Absolute {w} running the {topic}, as usual.",
]
T_ANY = [
    "Mods, someone in the {topic} thread keeps replying \"{w}\" to everyone.",
    "Bloke next to me at the {topic} meeting just muttered {w} and walked out.",
    "Why does every {topic} thread end with someone typing {w}?",
    "The {role} basically said {w} on live radio about the {topic}.",
    "Top comment on the {topic} story is literally just {w}.",
    "my reaction to the {topic}: {w}",
    "{w}. that's all I have to say about the {topic}.",
    "Someone scrawled {w} on the poster for the {topic}.",
]
OPENERS = ["", "", "", "Honestly, ", "Not gonna lie, ", "Ok so ", "Breaking: ", "Update: ",
           "Just saw this. ", "Wow. ", "Classic. ", "Yep, "]
CLOSERS = ["", "", "", " Unreal.", " Every time.", " 🙄", " Shocking.", " Sort it out.",
           " #localnews", " Next.", " Typical.", " Can't make this up."]


def _pick_template(form, rng):
    if form in VERBISH:
        return rng.choice(T_ANY)
    if form in PLURALS:
        return rng.choice(T_PLUR + T_ANY)
    return rng.choice(T_SING + T_ANY)


def _category_plan(n, rng):
    """Half single categories (evenly spread), half combinations of 2-3."""
    plans = []
    singles = n // 2
    for i in range(singles):
        plans.append((CATEGORIES[i % len(CATEGORIES)],))
    while len(plans) < n:
        k = 2 if rng.random() < 0.6 else 3
        cats = rng.sample(CATEGORIES, k)
        if compatible(cats):
            plans.append(tuple(c for c in CATEGORIES if c in cats))
    rng.shuffle(plans)
    return plans


def _build_evasions():
    rng = random.Random(SEED)
    plans = _category_plan(3000, rng)
    forms_cycle = []
    for w in WORDS:
        forms_cycle.extend([(w, f) for f in FORMS[w]])
    out, seen = [], set()
    i = 0
    for cats in plans:
        while True:
            if rng.random() < 0.55:
                word = WORDS[i % len(WORDS)]
                form = word
            else:
                word, form = forms_cycle[i % len(forms_cycle)]
            i += 1
            token = disguise(form, cats, rng)
            if token == form or token.lower() == form and "case" not in cats:
                continue
            # leet drawings must not accidentally pair up into Discord markdown
            if "markdown" not in cats and (token.count("||") > 1 or token.count("**") > 1
                                           or token.count("`") > 1):
                continue
            w_text = token
            tpl = _pick_template(form, rng)
            if tpl.startswith("{w}"):
                pass
            body = tpl.format(role=rng.choice(ROLES), topic=rng.choice(TOPICS), w=w_text)
            opener = "" if tpl.startswith("{w}") else rng.choice(OPENERS)
            if tpl.startswith("{role}") and not body.startswith("MP"):
                body = body[0].upper() + body[1:]
            if opener and not body.startswith("MP") and not tpl.startswith("{w}"):
                body = body[0].lower() + body[1:]
            comment = opener + body + rng.choice(CLOSERS)
            if comment.count(token) != 1 or comment in seen:
                continue
            seen.add(comment)
            out.append({"comment": comment, "categories": cats, "word": word,
                        "form": form, "token": token})
            break
    return out


def evasions_detailed():
    return _build_evasions()


def evasions():
    return [(d["comment"], d["categories"]) for d in _build_evasions()]


# --------------------------------------------------------------------------- clean helpers
_LEETBACK = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
             "2": "z", "6": "bg", "@": "a", "$": "s", "!": "i", "|": "il", "+": "t"}


def _leet_pattern(word):
    parts = []
    for c in word:
        alts = [c] + [k for k, v in _LEETBACK.items() if c in v]
        parts.append("[" + "".join(re.escape(a) for a in alts) + "]")
    return "".join(parts)


LEET_RE = re.compile("(?=(%s))" % "|".join(_leet_pattern(w) for w in WORDS), re.IGNORECASE)


def _leet_hits(s):
    """Overlapping count of listed words (plain or simple leet) inside s, ignoring separators."""
    t = re.sub(r"[\s._\-/\\*~`]+", "", s.lower())
    return len(LEET_RE.findall(t))


def _plain_hits(s):
    t = s.lower()
    return sum(len(re.findall("(?=%s)" % w, t)) for w in WORDS)


def _spaced_letters_ok(s):
    """Runs of single letters (U.S.A., a b c) must not spell a listed word."""
    for m in re.finditer(r"(?:\b[A-Za-z][\s.\-_]+){1,}[A-Za-z]\b\.?", s):
        letters = re.sub(r"[^A-Za-z]", "", m.group(0)).lower()
        if any(w in letters for w in WORDS):
            return False
    return True


def _is_clean(s):
    return not WORD_RE.search(s) and _spaced_letters_ok(s)


# trap words: ordinary words / names containing a listed word's letters as a substring
TRAP_WORDS = ["Closer", "Closers", "Loaf", "Loafer", "Loafers", "Hagrid", "Haggis", "Haggle",
              "Shaggy", "Hagen", "Hagfish", "Hague", "Hagar", "Chagrin", "Hagler", "Haggard",
              "Farthing", "Farther", "Cuckoo", "Cuckfield", "Plebiscite", "Slagelse", "Swanky",
              "Wankdorf", "Spazio", "Gimpel", "Scumble", "Moroni", "Bellenden", "Jizzakh",
              "Idiotype", "Pussyfoot", "Haggerston", "Sphagnum",
              "Fartown", "Cuckmere", "Loafing", "Hagley", "Slagter", "Loafy"]
NEAR_NAMES = ["Dimitri", "Morgan", "Idris", "Gimli", "Bilbo", "Dweezil", "Numpy", "Cretan",
              "Crete", "Moran", "Pleiades", "Slate", "Scout", "Dolly", "Dalton", "Wanda",
              "Faraday", "Hank", "Cuba", "Spaceman", "Oakley", "Bimini", "Bellamy", "Imbert",
              "Idiom", "Lost", "Scuba", "Pixie", "Jazz", "Fizz", "Buzz",
              "Gimbal", "Morocco", "Dimple", "Pebble", "Slang", "Haze"]
FILLERS = ["Shadow", "Wolf", "Ninja", "Pixel", "Storm", "Blaze", "Frost", "Viper", "Ghost",
           "Reaper", "Sniper", "Knight", "Dragon", "Falcon", "Panda", "Tiger", "Nova", "Echo",
           "Raven", "Lunar", "Cyber", "Turbo", "Neon", "Rogue", "Hunter", "Wizard", "Pirate",
           "Samurai", "Comet", "Rocket", "Bandit", "Cobra", "Phantom", "Blade", "Titan",
           "Mango", "Waffle", "Noodle", "Pickle", "Muffin", "Biscuit", "Pancake", "Toast"]
GAME_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}


def _gamerize(word, rng):
    """Gamer spelling of a word; letters inside a listed-word substring are never touched."""
    low = word.lower()
    protected = set()
    for w in WORDS:
        for m in re.finditer("(?=%s)" % w, low):
            protected.update(range(m.start(), m.start() + len(w)))
    style = rng.choice(["plain", "plain", "leet", "lower", "upper", "double"])
    chars = list(word)
    if style == "leet":
        for i, c in enumerate(chars):
            if i not in protected and c.lower() in GAME_LEET and rng.random() < 0.6:
                chars[i] = GAME_LEET[c.lower()]
    elif style == "lower":
        chars = list(word.lower())
    elif style == "upper":
        chars = list(word.upper())
    elif style == "double":
        cand = [i for i in range(len(chars)) if i not in protected]
        if cand:
            i = rng.choice(cand)
            chars.insert(i, chars[i].lower() if i else chars[i])
    return "".join(chars)


TAG_CONTEXTS = ["gg {t}", "{t} carried that match", "shoutout to {t} for the clip",
                "anyone seen {t} stream today?", "{t} posted the council minutes", "lol {t}",
                "added {t} to the squad", "{t} is live now", "follow {t} for match updates",
                "thanks {t}!", "{t} said the same thing last week", "{t} vs {t2} tonight",
                "cc {t}", "{t} won the sweepstake", "ask {t}, they were at the meeting"]


def _make_tag(rng):
    parts = []
    n = rng.choice([1, 2, 2, 2, 3])
    pools = [TRAP_WORDS, NEAR_NAMES, FILLERS]
    first = rng.choice([0, 0, 1])
    parts.append(rng.choice(pools[first]))
    for _ in range(n - 1):
        parts.append(rng.choice(pools[rng.choice([0, 1, 2, 2])]))
    parts = [_gamerize(p, rng) for p in parts]
    joiner = rng.choice(["", "_", ".", "", "_"])
    tag = joiner.join(parts)
    r = rng.random()
    if r < 0.15:
        tag = "xX_" + tag + "_Xx"
    elif r < 0.22:
        tag = "TTV_" + tag
    elif r < 0.28:
        tag = tag + "_YT"
    elif r < 0.33:
        tag = "iTz" + tag
    elif r < 0.38:
        tag = "The" + tag
    elif r < 0.42:
        tag = "Real" + tag
    if rng.random() < 0.5:
        tag += str(rng.choice([rng.randrange(10, 100), rng.randrange(100, 10000),
                               rng.choice([69, 420, 1337, 777, 2007, 1999, 2024])]))
    if rng.random() < 0.55:
        tag = "@" + tag
    return tag, parts


def clean_tags():
    rng = random.Random(SEED + 1)
    out, seen = [], set()
    while len(out) < 1500:
        tag, parts = _make_tag(rng)
        if rng.random() < 0.5:
            item = tag
        else:
            t2, p2 = _make_tag(rng)
            item = rng.choice(TAG_CONTEXTS).format(t=tag, t2=t2)
            parts = parts + p2
        # listed letters may only occur inside the trap words themselves
        expected = sum(_plain_hits(p) for p in parts)
        if _leet_hits(item) != expected or _plain_hits(item) != expected:
            continue
        if not _is_clean(item) or item in seen:
            continue
        seen.add(item)
        out.append(item)
    return out


# --------------------------------------------------------------------------- codes
_ALNUM = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def _rand_code(rng, pattern):
    out = []
    for ch in pattern:
        if ch == "A":
            out.append(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ"))
        elif ch == "9":
            out.append(rng.choice("0123456789"))
        elif ch == "X":
            out.append(rng.choice(_ALNUM))
        elif ch == "h":
            out.append(rng.choice("0123456789abcdef"))
        else:
            out.append(ch)
    return "".join(out)


def _code_item(rng):
    kind = rng.randrange(14)
    if kind == 0:
        c = _rand_code(rng, rng.choice(["AA-9999", "AAA-999X", "AA999-A", "A99-AA99"]))
        return rng.choice(["Is the {c} still in stock anywhere?", "My {c} arrived with a cracked screen.",
                           "The {c} model got recalled according to the article.",
                           "Anyone compared the {c} with last year's version?"]).format(c=c)
    if kind == 1:
        c = _rand_code(rng, rng.choice(["XXXX-XXXX-XXXX", "XXXXX-XXXXX", "99AA9999X"]))
        return rng.choice(["Serial on the back reads {c}.", "Warranty claim needs the serial: {c}",
                           "Ticket ref {c}, still no reply from the council.",
                           "Order number {c} never shipped."]).format(c=c)
    if kind == 2:
        c = _rand_code(rng, rng.choice(["AA99 AAA", "AA99AAA", "A999 AAA"]))
        return rng.choice(["Car with plate {c} has been parked on the verge for weeks.",
                           "Reported {c} for blocking the bus lane.",
                           "The van in the photo is {c}, if anyone saw it."]).format(c=c)
    if kind == 3:
        v = "v%d.%d.%d" % (rng.randrange(0, 20), rng.randrange(0, 40), rng.randrange(0, 200))
        return rng.choice(["Update to {v} fixed the crash.", "Changelog for {v} mentions the council app login bug.",
                           "Still on {v}, is the new one stable?", "{v} broke notifications again"]).format(v=v)
    if kind == 4:
        h = "0x" + _rand_code(rng, "h" * rng.choice([4, 6, 8]))
        return rng.choice(["Error code {h} when paying the parking fine online.",
                           "App crashes with {h} on launch.", "Colour is {h} in the new club badge file.",
                           "Kernel panic at {h}, lovely."]).format(h=h)
    if kind == 5:
        hh = "#" + _rand_code(rng, "hhhhhh")
        return rng.choice(["The new kit colour is {h}.", "Use {h} for the banner text.",
                           "Council logo hex is {h} apparently."]).format(h=hh)
    if kind == 6:
        t = "%02d:%02d" % (rng.randrange(24), rng.randrange(60))
        t2 = "%d:%02d" % (rng.randrange(0, 95), rng.randrange(60))
        return rng.choice(["Kick-off moved to {t}.", "Ceasefire starts at {t} local time.",
                           "Goal at {t2} should have been ruled out.", "Skip to {t2} for the interview.",
                           "Meeting starts {t} sharp, livestream link below."]).format(t=t, t2=t2)
    if kind == 7:
        p = rng.choice(["£", "$", "€"]) + "%d.%02d" % (rng.randrange(1, 2000), rng.randrange(100))
        return rng.choice(["Season ticket up to {p}, daylight robbery.", "Council tax rise works out at {p} a month.",
                           "Paid {p} for a pie and a tea at the ground.", "Petrol hit {p} a litre near me.",
                           "Fine was {p} plus costs."]).format(p=p)
    if kind == 8:
        a, b = rng.randrange(0, 8), rng.randrange(0, 8)
        return rng.choice(["Final score {a}-{b}.", "{a}-{b} at half time, unreal.", "FT: {a}–{b}",
                           "Predicted {a}-{b}, close enough.", "Aggregate {a}:{b} after extra time."]
                          ).format(a=a, b=b)
    if kind == 9:
        d = "%04d-%02d-%02d" % (rng.randrange(2019, 2027), rng.randrange(1, 13), rng.randrange(1, 29))
        t = "%02d:%02d:%02d" % (rng.randrange(24), rng.randrange(60), rng.randrange(60))
        return rng.choice(["Log shows {d}T{t}Z for the outage.", "Posted {d} {t} UTC, then deleted.",
                           "Timestamp {d} {t} on the CCTV still."]).format(d=d, t=t)
    if kind == 10:
        c = _rand_code(rng, rng.choice(["A99", "A9", "AA9", "A999"]))
        return rng.choice(["Took the {c} bus to the match.", "Roadworks on the {c} all week.",
                           "The {c} was shut after the crash.", "Gate {c}, row 12, seat 7."]).format(c=c)
    if kind == 11:
        c = "%s%d%s" % (rng.choice(["RTX ", "GTX ", "RX ", "i7-", "i5-", "Ryzen 7 ", "M"]),
                        rng.randrange(1, 9999), rng.choice(["", "K", "X", "XT", " Ti", "F", "U"]))
        return rng.choice(["Running the stream on a {c}.", "Is a {c} enough for the new game?",
                           "Got a {c} second hand for the club's media PC."]).format(c=c)
    if kind == 12:
        c = _rand_code(rng, rng.choice(["AAA9999", "AA 999999 A", "9999AAAA"]))
        return rng.choice(["Tracking {c} says delivered, it was not.", "Flight {c} delayed again.",
                           "NI number format is like {c}, don't post your real one."]).format(c=c)
    c = "%s-%d" % (rng.choice(["CVE-2026", "ISO", "BS EN", "RFC", "PEP", "ISBN 978"]), rng.randrange(100, 99999))
    return rng.choice(["See {c} for details.", "The article cites {c}.",
                       "Patch notes reference {c}."]).format(c=c)


def clean_codes():
    rng = random.Random(SEED + 2)
    out, seen = [], set()
    while len(out) < 1500:
        item = _code_item(rng)
        if item in seen or not _is_clean(item):
            continue
        # no code token may hide a listed word (plain or leet)
        if any(_leet_hits(tok) for tok in item.split()):
            continue
        if any(_leet_hits(a + b) for a, b in zip(item.split(), item.split()[1:])
               if re.search(r"\d", a + b)):
            continue
        seen.add(item)
        out.append(item)
    return out


# --------------------------------------------------------------------------- prose
TRAP_SENTENCES = [
    # Scunthorpe-style places
    "The bypass through Cuckfield is finally getting a second consultation.",
    "Slagelse council voted to keep the library open on Sundays.",
    "Young Boys play at the Wankdorf Stadium in Bern, lovely ground.",
    "Moroni is the capital of the Comoros, the article got that wrong.",
    "Bellenden Road in Peckham has a new bakery opening.",
    "The train to Jizzakh was delayed by six hours according to the report.",
    "Fartown in Huddersfield is where rugby league started, fun fact.",
    "The Cuckmere Haven footpath is closed because of erosion.",
    "Flights to The Hague were cancelled because of the summit.",
    "Hagley Park hosts the food festival again next month.",
    "Scunthorpe United drew again, third week in a row.",
    "Penistone Grammar won the regional debating trophy.",
    "Haggerston station reopens after the signalling works.",
    "Farthinghoe residents want a speed camera on the main road.",
    "My cousin lives near Lightwater and says the traffic is awful.",
    "The ferry from Hagen to the coast runs twice a day now.",
    # words containing listed words
    "The race was much closer than the polls suggested.",
    "Price of a loaf went up again at the corner shop.",
    "Heard the first cuckoo of spring on the walk this morning.",
    "The plebiscite on the new constitution is set for May.",
    "Stop haggling over the budget and fix the potholes.",
    "Burns Night means haggis in the staff canteen.",
    "That restaurant is way too swanky for a council lunch.",
    "The stadium is farther from the station than it looks on the map.",
    "He wore his old loafers to the press conference.",
    "The shaggy dog in the background of the interview stole the show.",
    "Much to the chagrin of the home fans, the keeper went off injured.",
    "The artist used a scumble glaze on the new mural by the market.",
    "The bog restoration relies on sphagnum moss, says the wildlife trust.",
    "Hagfish slime closed a highway in Oregon once, look it up.",
    "The minister has been accused of pussyfooting around the question.",
    "An old farthing turned up when they dug up the town square.",
    "The negotiators looked haggard after twenty hours of talks.",
    "The council's new spazio creativo is in the old bank building, per the Italian article.",
    "Marvin Hagler was on the poster in the boxing club window.",
    "Loafing around all summer is not an option for the new signing.",
    "Closer to the deadline, the club finally confirmed the fee.",
    "The hagiography in that profile of the chairman is embarrassing.",
    "The Idiotype Network theory came up in the vaccine piece.",
    # other languages
    "Le conseil municipal a voté le budget hier soir.",
    "Der Waffenstillstand hält seit drei Tagen, sagt die Zeitung.",
    "El alcalde dijo que la obra terminará en junio.",
    "Il sindaco ha promesso più spazio per le biciclette.",
    "De gemeente wil dat de plannen slagen voor de zomer.",
    "Pokój jest kruchy, ale rozmowy trwają.",
    "Vi snakkes etter kampen, det ble en god seier.",
    "A câmara aprovou o novo parque infantil.",
    "Ateşkes görüşmeleri yarın devam edecek.",
    # URLs and code
    "Full report here: https://news.example.org/2026/ceasefire-talks-resume",
    "Minutes are at https://council.example.gov.uk/meetings/budget-2026.pdf",
    "Source: https://www.example.com/sport/football/club-confirms-new-manager",
    "The bot uses `if msg.author.bot: return` so it ignores itself.",
    "Just run `git pull && npm install` and restart it.",
    "The scraper is literally `requests.get(url).json()['results']`.",
    "Use `SELECT * FROM fixtures WHERE season = 2026;` to get the list.",
    "Regex was `^\\d{4}-\\d{2}$` and it still failed on the dates.",
    # spaced acronyms
    "The U.S.A. and the E.U. both welcomed the ceasefire.",
    "N.A.T.O. ministers meet again on Friday.",
    "The N.H.S. trust says waiting times are down.",
    "The F.A. Cup draw is on Monday night.",
    "The U.K. government has not commented yet.",
    "The I.M.F. forecast was revised down again.",
    "B.B.C. coverage of the match was decent for once.",
    "The U.N. envoy arrived this morning.",
]
NEWS_SENTENCES = [
    "Good to see the ceasefire holding for now.", "The council really needs to sort the bins out.",
    "That was the best performance of the season.", "I think the referee got the big calls right.",
    "Interesting article, thanks for sharing.", "The comments section is surprisingly civil today.",
    "Hope the talks go somewhere this time.", "The new manager deserves a bit of patience.",
    "Turnout was low but the result is clear.", "This road has been dug up three times this year.",
    "Fair play to the volunteers who ran the food bank.", "Weather looks grim for the derby.",
    "Can anyone find the original source for this?", "Not sure the headline matches the story.",
    "The youth team looked sharp in the second half.", "Someone should ask the mayor about this at the meeting.",
    "Lovely photos from the parade.", "Genuinely worried about the hospital waiting lists.",
    "Prices at the ground are getting silly.", "The aid trucks finally crossed this morning.",
    "Great reporting from the local paper as usual.", "Let's wait for the full statement before judging.",
    "The planning committee meets on Thursday.", "Three points is three points.",
    "Still no word on the rail timetable.", "My street flooded again last night.",
    "The striker has scored in five straight games.", "They should publish the whole contract.",
    "Honestly impressed by the turnout at the vigil.", "Both sides claim the other broke the truce first.",
]
PROSE_OPENERS = ["", "", "", "Agreed. ", "Hmm. ", "Fair point. ", "Wait, ", "Also, ", "FYI ",
                 "Update: ", "To be fair, ", "Not sure, but "]
PROSE_TAILS = ["", "", "", " 👍", " Anyway.", " Thoughts?", " Just saying.", " Cheers.", " :)",
               " Source in the thread.", " We'll see.", " (edited)"]


def clean_prose():
    rng = random.Random(SEED + 3)
    out, seen = [], set()
    while len(out) < 2000:
        trap = rng.choice(TRAP_SENTENCES)
        other = rng.choice(NEWS_SENTENCES + TRAP_SENTENCES)
        if other == trap:
            continue
        parts = [trap, other] if rng.random() < 0.5 else [other, trap]
        if rng.random() < 0.35:
            parts.append(rng.choice(NEWS_SENTENCES))
        op = rng.choice(PROSE_OPENERS)
        first = parts[0]
        if op and op.endswith(", ") and not first.startswith(("The U", "N.", "B.B", "Le ", "El ",
                                                                "Der ", "Il ", "De ", "A c",
                                                                "Pok", "Vi ", "Ate", "I ", "Marvin",
                                                                "Moroni", "Slagelse", "Young",
                                                                "Bellenden", "Fartown", "Hagley",
                                                                "Scunthorpe", "Penistone",
                                                                "Haggerston", "Farthinghoe",
                                                                "Flights", "Hagfish", "Source",
                                                                "Full", "Minutes", "Burns")):
            first = first[0].lower() + first[1:]
        item = op + " ".join([first] + parts[1:]) + rng.choice(PROSE_TAILS)
        if item in seen or not _is_clean(item):
            continue
        seen.add(item)
        out.append(item)
    return out


# --------------------------------------------------------------------------- judgement lists
COLLISION_BASE = [
    ("There's a layer of green scum on the pond since the heatwave.", "scum"),
    ("Skim the scum off the stock before you add the veg.", "scum"),
    ("The report says soap scum clogged the pool filters at the leisure centre.", "scum"),
    ("Algae scum on the reservoir is why the water tastes odd, says the utility.", "scum"),
    ("The old slag heap above the village is being turned into a country park.", "slag"),
    ("Blast furnace slag goes into the cement for the new bridge.", "slag"),
    ("Volunteers planted wildflowers on the colliery slag from the 1970s.", "slag"),
    ("The steelworks sells its slag to road builders now.", "slag"),
    ("The loser of tonight's play-off drops into the second division.", "loser"),
    ("He went through the loser bracket and still won the tournament.", "loser"),
    ("Whoever is the loser in the vote gets to second the motion next time.", "loser"),
    ("The loser of the coin toss kicks off, that's the rule.", "loser"),
    ("Dostoevsky's The Idiot is the book club pick this month.", "idiot"),
    ("Green Day's American Idiot musical is coming to the town theatre.", "idiot"),
    ("My dashboard idiot light came on right before the roundabout.", "idiot"),
    ("The idiot board the presenter read from fell over on live TV.", "idiot"),
    ("In the 1910s the word moron was an official clinical category, the history piece explains.", "moron"),
    ("The museum exhibit shows how the term moron was used in eugenics-era testing.", "moron"),
    ("The Ramones song Cretin Hop was on the stadium playlist.", "cretin"),
    ("Historically cretin was a medical term for untreated thyroid deficiency.", "cretin"),
    ("The old statute used the word imbecile as a legal category, which the bill finally removes.", "imbecile"),
    ("Archive records list one patient as imbecile, a term no longer used.", "imbecile"),
    ("Grupo Bimbo is buying the bakery on the industrial estate.", "bimbo"),
    ("The Bimbo bread factory is hiring forty people.", "bimbo"),
    ("Bimbo trucks were stuck on the motorway all morning.", "bimbo"),
    ("The pussy willow by the canal is out already.", "pussy"),
    ("Pussy Riot members spoke at the press freedom event.", "pussy"),
    ("Our old pussy cat slept through the whole fireworks display.", "pussy"),
    ("Birders call it the jizz of a bird, the overall impression of shape and movement.", "jizz"),
    ("You learn a warbler's jizz long before you can see its markings.", "jizz"),
    ("The guide said to identify the hawk by its jizz, not its colour.", "jizz"),
    ("The Wank is a mountain above Garmisch-Partenkirchen with a cable car.", "wank"),
    ("They hiked up the Wank before the summit talks in Bavaria.", "wank"),
    ("In Norwegian fart just means speed, so the road signs are fine.", "fart"),
    ("The Swedish sign said fart, which is their word for speed.", "fart"),
    ("A peat hag is a lump of eroded bog, the moorland restoration team explained.", "hag"),
    ("Hikers have to climb over every hag on the upland section.", "hag"),
    ("The folklore talk covered the hag of winter in Scottish legend.", "hag"),
    ("GIMP is free and does everything the council's Photoshop licence does.", "gimp"),
    ("Edited the club badge in GIMP because I'm not paying for software.", "gimp"),
    ("The kids made lanyards out of gimp at the summer scheme.", "gimp"),
    ("Upholstery gimp is the braided trim on old chairs, says the restorer.", "gimp"),
    ("A Roman pleb had almost no say in the Senate, says the history podcast.", "pleb"),
    ("Every midshipman at the academy starts as a pleb in their first year.", "pleb"),
    ("The plaque was about the pleb assembly in ancient Rome.", "pleb"),
    ("The cuck stool was a medieval punishment, according to the village museum.", "cuck"),
]
COLLISION_FRAMES = ["{s}", "Random but relevant: {s}", "From the local paper: {s}",
                    "{s} Learned something today.", "Fun fact for the thread: {s}"]


def collisions():
    rng = random.Random(SEED + 4)
    out, seen = [], set()
    for s, w in COLLISION_BASE:
        out.append((s, w))
        seen.add(s)
    frames = COLLISION_FRAMES[1:]
    i = 0
    while len(out) < 100:
        s, w = COLLISION_BASE[i % len(COLLISION_BASE)]
        f = frames[(i // len(COLLISION_BASE) + i) % len(frames)]
        i += 1
        if f.startswith("{s}"):
            c = f.format(s=s)
        else:
            c = f.format(s=s[0].lower() + s[1:] if s.split()[0].lower() in ("there's", "skim",
                                                                              "the", "he",
                                                                              "whoever", "my",
                                                                              "in", "historically",
                                                                              "archive", "our",
                                                                              "you", "hikers",
                                                                              "a", "every",
                                                                              "volunteers",
                                                                              "algae", "they",
                                                                              "edited")
                         else s)
        if c not in seen:
            seen.add(c)
            out.append((c, w))
    rng.shuffle(out)
    return out


# handles in which a listed word is a whole part; label by moderator judgement
HANDLES_CLEAN = [
    ("GIMP_Official", "gimp"), ("gimp.tutorials", "gimp"), ("GimpTips2026", "gimp"),
    ("gimp_lanyard_crafts", "gimp"), ("pond_scum_science", "scum"), ("PondScumLab", "scum"),
    ("slag_heap_walks", "slag"), ("SlagHeapHistory", "slag"), ("steel.slag.recycling", "slag"),
    ("Loser_Bracket_Live", "loser"), ("LoserBracketRuns", "loser"), ("jizz_birding", "jizz"),
    ("BirdJizzGuide", "jizz"), ("WankBahn_Garmisch", "wank"), ("wank.summit.hikes", "wank"),
    ("pussy_willow_gardens", "pussy"), ("PussyWillowNursery", "pussy"),
    ("Bimbo_Bakeries", "bimbo"), ("GrupoBimboNews", "bimbo"), ("roman_pleb_history", "pleb"),
    ("PlebAssemblyPod", "pleb"), ("peat_hag_survey", "hag"), ("PeatHagRestoration", "hag"),
    ("TheIdiotBookClub", "idiot"), ("american_idiot_tour", "idiot"), ("IdiotLight_Fixes", "idiot"),
    ("CretinHop77", "cretin"), ("fart_og_trafikk", "fart"), ("HagOfWinterFolklore", "hag"),
    ("soap.scum.cleaning", "scum"),
]
HANDLES_FLAG = [
    ("mayor_is_a_moron", "moron"), ("MoronMagnet", "moron"), ("xX_Spaz_Xx", "spaz"),
    ("cuck_detector", "cuck"), ("ScumbagSteve99", "scumbag"), ("idiot_ref_2026", "idiot"),
    ("DimwitDestroyer", "dimwit"), ("numpty.council", "numpty"), ("bellend_fc", "bellend"),
    ("UrMumsABimbo", "bimbo"), ("dweeb_slayer", "dweeb"), ("OafMcOaf", "oaf"),
    ("dolt.patrol", "dolt"), ("WankStain69", "wank"), ("FartSniffer420", "fart"),
    ("pussy_magnet_88", "pussy"), ("slag_hunter", "slag"), ("old_hag_watch", "hag"),
    ("TotalLoser4Life", "loser"), ("imbecile_mayor", "imbecile"), ("cretin_council", "cretin"),
    ("jizz_master", "jizz"), ("pleb_basher", "pleb"), ("the_gimp_boss", "gimp"),
    ("scum_of_labour", "scum"), ("Tory_Scum_Out", "scum"), ("ref.is.a.cuck", "cuck"),
    ("SpazAttack7", "spaz"), ("idiot.striker", "idiot"), ("NumptyOfTheWeek", "numpty"),
]
HANDLE_CONTEXTS_CLEAN = [
    "{h} posted a great thread about this.", "Source: {h} on the other site.",
    "Credit to {h} for the photos.", "{h} covered the council meeting live.",
    "Following {h} for updates on this.",
]
HANDLE_CONTEXTS_FLAG = [
    "{h} is in the replies again.", "Who let {h} into the server?",
    "{h} just joined the match thread.", "Reported {h} for spamming the ceasefire thread.",
    "{h} left a comment under the story.",
]


def handle_parts():
    out, seen = [], set()
    for pool, ctxs, label in ((HANDLES_CLEAN, HANDLE_CONTEXTS_CLEAN, "clean"),
                              (HANDLES_FLAG, HANDLE_CONTEXTS_FLAG, "flag")):
        for j, ctx in enumerate(ctxs):
            for k, (h, w) in enumerate(pool):
                handle = ("@" + h) if (j + k) % 2 == 0 else h
                c = ctx.format(h=handle)
                if c not in seen:
                    seen.add(c)
                    out.append((c, w, label))
    random.Random(SEED + 5).shuffle(out)
    return out[:150] if len(out) > 150 else out


# --------------------------------------------------------------------------- self-check
def _handle_parts_of(comment):
    parts = []
    for tok in re.findall(r"@?[A-Za-z0-9_.]*[A-Za-z0-9_]", comment):
        for piece in re.split(r"[_.@\d]+", tok):
            parts.extend(p.lower() for p in
                         re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+", piece))
    return parts


def _build_all():
    return {"evasions": evasions(), "detailed": evasions_detailed(), "tags": clean_tags(),
            "codes": clean_codes(), "prose": clean_prose(), "collisions": collisions(),
            "handles": handle_parts()}


def _self_check():
    a, b = _build_all(), _build_all()
    assert a == b, "not deterministic"
    assert len(WORDS) == 24 and len(set(WORDS)) == 24
    assert sum(len(w) >= 5 for w in WORDS) == 12 and sum(3 <= len(w) <= 4 for w in WORDS) == 12
    banned = ("fuck shit cunt asshole bitch bastard dickhead wanker twat dick whore slut piss cock "
              "retard crap damn hell tit cum ass arse fag scam nazi simp noob thot hoe prick bollocks "
              "skank douche bugger shite tosser pillock minge jerk turd butt boob porn puke crud knob "
              "sod git twit dork").split()
    assert not set(WORDS) & set(banned)
    for w, fs in FORMS.items():
        assert fs[0] == w
    sizes = {"evasions": 3000, "detailed": 3000, "tags": 1500, "codes": 1500, "prose": 2000}
    for k, n in sizes.items():
        assert len(a[k]) == n, (k, len(a[k]))
    assert 90 <= len(a["collisions"]) <= 110
    assert 140 <= len(a["handles"]) <= 160

    ev = a["evasions"]
    assert len({c for c, _ in ev}) == len(ev), "duplicate evasions"
    combined = 0
    for (c, cats), d in zip(ev, a["detailed"]):
        assert c == d["comment"] and cats == d["categories"]
        assert isinstance(cats, tuple) and 1 <= len(cats) <= 3 and len(set(cats)) == len(cats)
        assert all(x in CATEGORIES for x in cats), cats
        assert compatible(list(cats))
        combined += len(cats) > 1
        assert d["word"] in WORDS and d["form"] in FORMS[d["word"]]
        tok = d["token"]
        assert c.count(tok) == 1, (c, tok)
        assert tok != d["form"], "plain word as-is"
        rest = c.replace(tok, " ")
        assert not WORD_RE.search(rest), ("template contains listed word", c)
    assert 0.4 <= combined / len(ev) <= 0.6, combined

    for k in ("tags", "codes", "prose"):
        items = a[k]
        assert all(isinstance(x, str) for x in items)
        assert len(set(items)) == len(items), "duplicates in " + k
        for x in items:
            for w in WORDS:
                assert not re.search(r"\b%s\b" % re.escape(w), x, re.IGNORECASE), (k, w, x)
            assert not WORD_RE.search(x), (k, x)
    cross = set(a["tags"]) & set(a["codes"]) | set(a["tags"]) & set(a["prose"]) | \
        set(a["codes"]) & set(a["prose"])
    assert not cross

    col = a["collisions"]
    assert len({c for c, _ in col}) == len(col)
    for c, w in col:
        assert w in WORDS and re.search(r"\b%s\b" % w, c, re.IGNORECASE), (c, w)
    hp = a["handles"]
    assert len({c for c, _, _ in hp}) == len(hp)
    for c, w, label in hp:
        assert w in WORDS and label in ("clean", "flag")
        assert w in _handle_parts_of(c), (c, w, _handle_parts_of(c))
    labels = [l for _, _, l in hp]
    print("evasions %d (combined %d), tags %d, codes %d, prose %d, collisions %d, handle_parts %d"
          " (clean %d, flag %d)" % (len(ev), combined, len(a["tags"]), len(a["codes"]),
                                    len(a["prose"]), len(col), len(hp), labels.count("clean"),
                                    labels.count("flag")))
    print("self-check OK")


if __name__ == "__main__":
    _self_check()
