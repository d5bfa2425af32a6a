#!/usr/bin/env python3
"""dev_sixth -- independent evaluation data for a Discord word filter (split 6).

Emphasis of this split: LEETSPEAK (single-character substitutions and
multi-character drawings), alone or combined with other evasion techniques.

Standard library only, no network, no file reads, fully seeded (SEED = 6066).

Public API
    WORDS, FORMS, CATEGORIES
    evasions()            -> [(comment, categories)]                  3,000
    evasions_detailed()   -> [dict(comment, categories, word, form, token)]
    clean_tags()          -> [str]                                    1,500
    clean_codes()         -> [str]                                    1,500
    clean_prose()         -> [str]                                    2,000
    collisions()          -> [(comment, word)]                          100
    handle_parts()        -> [(comment, word, label)]                   150

`python3 dev_sixth.py` runs the self-check.
"""
import random
import re
import unicodedata

SEED = 6066

# --------------------------------------------------------------------------
# Word list
# --------------------------------------------------------------------------
WORDS = [
    # five letters or more
    "pervert", "hooker", "muppet", "dildo", "nonce", "fanny",
    "dipstick", "pecker", "plonker", "numbnuts", "boner", "scrote",
    # three or four letters
    "kys", "stfu", "wang", "dong", "muff", "pedo",
    "prat", "bint", "bozo", "fap", "shag", "wuss",
]

FORMS = {
    "pervert": ("pervert", "perverts"),
    "hooker": ("hooker", "hookers"),
    "muppet": ("muppet", "muppets"),
    "dildo": ("dildo", "dildos", "dildoes"),
    "nonce": ("nonce", "nonces"),
    "fanny": ("fanny", "fannies"),
    "dipstick": ("dipstick", "dipsticks"),
    "pecker": ("pecker", "peckers"),
    "plonker": ("plonker", "plonkers"),
    "numbnuts": ("numbnuts",),
    "boner": ("boner", "boners"),
    "scrote": ("scrote", "scrotes"),
    "kys": ("kys",),
    "stfu": ("stfu",),
    "wang": ("wang", "wangs"),
    "dong": ("dong", "dongs"),
    "muff": ("muff", "muffs"),
    "pedo": ("pedo", "pedos"),
    "prat": ("prat", "prats"),
    "bint": ("bint", "bints"),
    "bozo": ("bozo", "bozos"),
    "fap": ("fap", "faps", "fapping", "fapped"),
    "shag": ("shag", "shags", "shagging", "shagged"),
    "wuss": ("wuss", "wusses"),
}

# grammatical slot of every form (chooses the sentence templates)
POS = {}
for _w, _fs in FORMS.items():
    for _f in _fs:
        POS[_f] = "np" if (_f != _w and _f.endswith("s")) else "n"
POS.update({"kys": "ij", "stfu": "ij", "numbnuts": "n",
            "fap": "vb", "faps": "v3", "fapping": "ving", "fapped": "vpast",
            "shag": "vb", "shags": "v3", "shagging": "ving", "shagged": "vpast"})

CATEGORIES = ("leet", "separators", "lookalike", "stretch", "zerowidth",
              "markdown", "case", "linebreak", "diacritics", "emoji")
OTHERS = CATEGORIES[1:]

# words of earlier writers' lists: kept out of the clean sets as whole words
# ("git" is allowed on purpose: version-control commands are an innocent trap)
EARLIER = ("fuck shit cunt asshole bitch bastard dickhead wanker twat dick whore slut piss "
           "cock retard crap damn hell tit cum ass arse fag scam nazi simp noob thot hoe "
           "prick bollocks skank douche bugger shite tosser pillock minge jerk turd butt "
           "boob porn puke crud knob sod twit dork idiot moron loser scumbag cretin "
           "imbecile dimwit numpty bimbo pussy dweeb bellend scum dolt jizz wank fart pleb "
           "slag hag cuck spaz gimp oaf bullshit motherfucker").split()

# --------------------------------------------------------------------------
# Leet alphabet (writer side) and reader side
# --------------------------------------------------------------------------
LEET1 = {  # single characters (common ones first; rare ones in LEET1_RARE)
    "a": ["4", "@"], "b": ["8"], "c": ["(", "<"], "e": ["3"], "g": ["9", "6"],
    "h": ["#"], "i": ["1", "!", "|"], "l": ["1", "|"], "o": ["0"], "s": ["5", "$"],
    "t": ["7", "+"], "z": ["2"], "y": ["\u00a5"],
}
LEET1_RARE = {"f": ["\u0192"], "u": ["\u00b5"], "r": ["\u00ae"], "e": ["\u20ac"], "s": ["\u00a7"]}
LEETD = {  # multi-character drawings
    "a": ["/\\", "/-\\"], "b": ["|3"], "d": ["|)", "|>"], "e": ["[-"],
    "f": ["ph", "|="], "h": ["|-|", "]-["], "k": ["|<", "|{"], "l": ["|_"],
    "m": ["/\\/\\", "|\\/|"], "n": ["|\\|", "/\\/"], "o": ["()"],
    "p": ["|>", "|*", "|o"], "r": ["|2"], "u": ["(_)", "|_|"], "v": ["\\/"],
    "w": ["\\/\\/", "vv"], "x": ["><"], "y": ["`/"], "s": [], "t": [], "g": [], "i": [],
}

READ = {c: {c} for c in "abcdefghijklmnopqrstuvwxyz"}
for _tab in (LEET1, LEET1_RARE, LEETD):
    for _c, _alts in _tab.items():
        READ[_c].update(_alts)
# extra readings a leet-aware reader would also accept
for _c, _alts in {"a": ["^"], "b": ["6", "13", "\u00df"], "c": ["\u00a2", "\u00a9"],
                  "d": ["[)"], "e": ["&", "\u00a3"], "g": ["&"], "h": ["}{"],
                  "i": ["l"], "m": ["^^", "|v|"], "n": ["^/"], "o": ["[]", "\u00b0"],
                  "p": ["|\u00b0"], "r": ["\u00ae"], "t": ["\u2020"], "u": ["v"],
                  "w": ["\\^/"], "y": ["'/"], "z": ["7_"]}.items():
    READ[_c].update(_alts)
READ["i"].discard("l")  # keep l and i distinct letters (l is still read as 1/|)

# --------------------------------------------------------------------------
# Look-alikes, zero-width, normalisation
# --------------------------------------------------------------------------
CYR_L = {"a": "\u0430", "c": "\u0441", "e": "\u0435", "o": "\u043e", "p": "\u0440",
         "x": "\u0445", "y": "\u0443", "i": "\u0456", "j": "\u0458", "s": "\u0455",
         "h": "\u04bb", "d": "\u0501", "k": "\u043a", "w": "\u051d"}
CYR_U = {"A": "\u0410", "B": "\u0412", "C": "\u0421", "E": "\u0415", "H": "\u041d",
         "K": "\u041a", "M": "\u041c", "O": "\u041e", "P": "\u0420", "T": "\u0422",
         "X": "\u0425", "Y": "\u0423", "I": "\u0406", "J": "\u0408", "S": "\u0405"}
GRK_L = {"a": "\u03b1", "o": "\u03bf", "p": "\u03c1", "v": "\u03bd", "u": "\u03c5",
         "i": "\u03b9", "k": "\u03ba", "n": "\u03b7", "t": "\u03c4", "e": "\u03b5",
         "x": "\u03c7", "y": "\u03b3"}
GRK_U = {"A": "\u0391", "B": "\u0392", "E": "\u0395", "Z": "\u0396", "H": "\u0397",
         "I": "\u0399", "K": "\u039a", "M": "\u039c", "N": "\u039d", "O": "\u039f",
         "P": "\u03a1", "T": "\u03a4", "Y": "\u03a5", "X": "\u03a7"}
SMALLCAPS = dict(zip("abcdefghijklmnoprstuvwyz",
                     "\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c\u026a\u1d0a\u1d0b"
                     "\u029f\u1d0d\u0274\u1d0f\u1d18\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21"
                     "\u028f\u1d22"))
MATH = {  # style: (lowercase a, uppercase A or None)
    "fullwidth": (0xFF41, 0xFF21), "bold": (0x1D41A, 0x1D400), "sans": (0x1D5EE, 0x1D5D4),
    "mono": (0x1D68A, 0x1D670), "dstruck": (0x1D552, None), "script": (0x1D4EA, None),
    "circled": (0x24D0, 0x24B6),
}

CONFUSE = {}
for _m in (CYR_L, CYR_U, GRK_L, GRK_U):
    for _k, _v in _m.items():
        CONFUSE[ord(_v)] = _k
for _k, _v in SMALLCAPS.items():
    CONFUSE[ord(_v)] = _k
CONFUSE.update({ord("\u00f8"): "o", ord("\u00d8"): "O", ord("\u0142"): "l",
                ord("\u0111"): "d", ord("\u0127"): "h", ord("\u0131"): "i",
                ord("\u03bc"): "u"})

ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
ZWSET = set(ZW) | {"\u2061", "\u2062", "\u2063", "\u2064", "\u180e"}


def normalize(s, lower=True):
    """What a human sees: drop invisibles, fold width/math/circled/accents/look-alikes."""
    s = "".join(ch for ch in s if ch not in ZWSET)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.translate(CONFUSE)
    return s.lower() if lower else s


def _unit(c, rep=True):
    alts = sorted(READ[c], key=lambda a: (-len(a), a))
    return "(?:" + "|".join(re.escape(a) for a in alts) + (")+" if rep else ")")


ALL_FORMS = sorted({f for fs in FORMS.values() for f in fs}, key=len, reverse=True)
_LEET_SEP = r"[._\-]?"
# leet check for clean text: substitutions and single separators, no letter repetition
# (so innocent double letters such as "Pratt" or Norwegian "kyss" remain available as traps)
_FORM_LEET = {f: _LEET_SEP.join(_unit(c, rep=False) for c in f) for f in ALL_FORMS}
LEET_WORD_RE = re.compile(r"(?<![a-z0-9])(?:" + "|".join(_FORM_LEET.values()) + r")(?![a-z0-9])")
LEET_SUB_RE = re.compile("(?:" + "|".join(_FORM_LEET.values()) + ")")
PLAIN_RE = re.compile(r"\b(?:" + "|".join(ALL_FORMS) + r")\b", re.I)
EARLIER_RE = re.compile(r"\b(?:" + "|".join(EARLIER) + r")\b", re.I)
# human reading of a token: every letter present in order (leet drawings,
# look-alikes, accents allowed), repeated letters allowed, any non-alphanumeric
# junk (separators, markdown, emoji, line breaks) allowed between letters.
_J = r"[^a-z0-9]*"
HUMAN_RE = {f: re.compile(_J + _J.join(_unit(c) for c in f) + _J) for f in ALL_FORMS}

# innocent words that contain a listed form as a substring (Scunthorpe traps)
ALLOW = ["woodpecker", "torpedo", "pedometer", "pedometro", "pedologist", "dongle",
         "dongguan", "dongfeng", "dongen", "wangaratta", "wanganui", "wangen", "wangari",
         "pratchett", "pratt", "prattle", "pratfall", "prato", "pratique", "pratica",
         "bintang", "bintulu", "bintan", "muffin", "muffler", "earmuff", "muffa", "ammuff",
         "shaggy", "shagreen", "carboneras", "bonerate", "perverting", "hookerton",
         "bozok", "bozova", "kyst", "kyss", "kyshtym", "kysuce", "gewusst", "fapiao", "skyscraper",
         "speedo", "fapesp"]
ALLOW_RE = re.compile("|".join(sorted(ALLOW, key=len, reverse=True)))


def plain_hits(text):
    return PLAIN_RE.findall(text)


def leet_hits(text):
    return [m.group(0) for m in LEET_WORD_RE.finditer(normalize(text))]


def leet_sub_hits(text):
    t = ALLOW_RE.sub(" ", normalize(text))
    return [m.group(0) for m in LEET_SUB_RE.finditer(t)]


def is_clean(text, strict=True):
    if plain_hits(text) or leet_hits(text) or EARLIER_RE.search(text.replace("git ", "")):
        return False
    if strict and leet_sub_hits(text):
        return False
    return True


def human_reads(token, form):
    return HUMAN_RE[form].fullmatch(normalize(token)) is not None


# --------------------------------------------------------------------------
# Evasion token construction
# --------------------------------------------------------------------------
MARKS = ["\u0301", "\u0300", "\u0302", "\u0308", "\u0303", "\u0304", "\u0306",
         "\u030c", "\u0307", "\u030a"]
SEPS = [".", "-", "_", " ", "..", "--", "__", " . ", "-.", "._", "...", "\u00b7", " - ", ",", "  "]
EMOJI = ["\u2605", "\u2606", "\u2665", "\u2666", "\u2022", "\u2726", "\u2727", "\u2764\ufe0f",
         "\U0001f525", "\U0001f480", "\U0001f440", "\u2728", "\u2b50", "\U0001f921",
         "\U0001f4a9", "\u2661", "\u266a", "\u2620\ufe0f", "\u26a1", "\U0001f643",
         "\U0001f602", "\U0001f4af", "\U0001f3af", "\u2740", "\u2756", "\u25c6"]
MD = {"bold": "**", "italic": "*", "uitalic": "_", "bolditalic": "***", "underline": "__",
      "spoiler": "||", "code": "`", "strike": "~~"}
MD_WEIGHTS = [("bold", 5), ("italic", 3), ("spoiler", 5), ("code", 3), ("bolditalic", 2),
              ("underline", 1), ("strike", 1), ("uitalic", 1)]
NOSTRETCH = set("|/\\()[]<>{}`*")


def _wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    r = rng.random() * tot
    for v, w in pairs:
        r -= w
        if r < 0:
            return v
    return pairs[-1][0]


def _apply_leet(rng, units, nonleet_req, whole, style, max_draw):
    n = len(units)
    if whole:
        chosen = list(range(n))
    else:
        kmax = n - nonleet_req if nonleet_req else n - 1
        kmax = max(1, kmax)
        cands = list(range(n))
        rng.shuffle(cands)
        if style == "single":
            cands.sort(key=lambda i: 0 if units[i]["c"] in LEET1 else 1)
            kmax = min(kmax, max(1, sum(1 for u in units if u["c"] in LEET1)))
        chosen = cands[:rng.randint(1, kmax)]
    p_draw = {"single": 0.0, "mixed": 0.4, "drawing": 0.85}[style]
    draws = 0
    for i in chosen:
        c = units[i]["c"]
        s1 = list(LEET1.get(c, []))
        if rng.random() < 0.15:
            s1 += LEET1_RARE.get(c, [])
        elif not s1:
            s1 = []
        d = LEETD.get(c, [])
        if d and (not s1 or (draws < max_draw and rng.random() < p_draw)):
            units[i]["s"] = rng.choice(d)
            draws += 1
        elif s1:
            units[i]["s"] = rng.choice(s1)
        elif LEET1_RARE.get(c):
            units[i]["s"] = rng.choice(LEET1_RARE[c])
        else:
            continue
        units[i]["leet"] = True
    if style == "drawing" and draws == 0 and max_draw > 0:
        for i in chosen:
            if LEETD.get(units[i]["c"]):
                units[i]["s"] = rng.choice(LEETD[units[i]["c"]])
                units[i]["leet"] = True
                break
    for i, u in enumerate(units):  # a lone | next to a drawing with | is unreadable
        if u["s"] == "|" and any("|" in units[j]["s"] for j in (i - 1, i + 1) if 0 <= j < n):
            u["s"] = "1" if u["c"] == "l" else rng.choice(["1", "!"])
    if not any(u["leet"] for u in units):  # make sure something changed
        for i in range(n):
            c = units[i]["c"]
            alts = LEET1.get(c) or LEETD.get(c) or LEET1_RARE.get(c)
            if alts:
                units[i]["s"] = rng.choice(alts)
                units[i]["leet"] = True
                break


def _apply_case(rng, units, free):
    pat = rng.choice(["alt0", "alt1", "random", "inner", "invtitle", "random"])
    for j, i in enumerate(free):
        if pat == "alt0":
            up = j % 2 == 0
        elif pat == "alt1":
            up = j % 2 == 1
        elif pat == "inner":
            up = 0 < j < len(free) - 1 and rng.random() < 0.7
        elif pat == "invtitle":
            up = j > 0
        else:
            up = rng.random() < 0.5
        units[i]["up"] = up
    def ok():
        ups = [units[i]["up"] for i in free]
        return any(ups) and not all(ups) and not (ups[0] and not any(ups[1:]))
    while not ok():
        i = free[rng.randrange(len(free))]
        units[i]["up"] = not units[i]["up"]
    for i in free:
        units[i]["s"] = units[i]["c"].upper() if units[i]["up"] else units[i]["c"]


def _look_char(style, ch):
    if style in ("cyr", "greek", "cyrgreek"):
        maps = []
        if style in ("cyr", "cyrgreek"):
            maps.append(CYR_U if ch.isupper() else CYR_L)
        if style in ("greek", "cyrgreek"):
            maps.append(GRK_U if ch.isupper() else GRK_L)
        opts = [m[ch] for m in maps if ch in m]
        return opts
    if style == "smallcaps":
        return [SMALLCAPS[ch]] if ch.islower() and ch in SMALLCAPS else []
    lo, hi = MATH[style]
    if ch.islower():
        return [chr(lo + ord(ch) - 97)]
    base = hi if hi is not None else MATH["bold"][1]
    return [chr(base + ord(ch) - 65)]


def _apply_look(rng, units, free, reserve):
    style = _wchoice(rng, [("cyr", 5), ("greek", 3), ("cyrgreek", 3), ("fullwidth", 3),
                           ("bold", 2), ("sans", 2), ("mono", 1), ("dstruck", 1),
                           ("script", 1), ("smallcaps", 3), ("circled", 2)])
    cands = [i for i in free if _look_char(style, units[i]["s"])]
    if not cands:
        style = "fullwidth"
        cands = list(free)
    rng.shuffle(cands)
    limit = len(free) - reserve
    if style in ("cyr", "greek", "cyrgreek"):
        k = rng.randint(1, max(1, min(limit, len(cands))))
    else:  # whole-word styles cover every free letter, minus the reserve
        k = max(1, min(limit, len(cands)))
    for i in cands[:k]:
        units[i]["s"] = rng.choice(_look_char(style, units[i]["s"]))
        units[i]["look"] = True
    return style


def _apply_diac(rng, units, cands):
    vowels = [i for i in cands if units[i]["c"] in "aeiouy"]
    pool = vowels if vowels and rng.random() < 0.7 else cands
    rng.shuffle(pool)
    k = rng.randint(1, len(pool))
    for i in pool[:k]:
        c = units[i]["s"]
        mark = rng.choice(MARKS + (["\u0327"] if c.lower() in "cst" else []))
        units[i]["s"] = unicodedata.normalize("NFC", c + mark)
        units[i]["diac"] = True


def _apply_stretch(rng, units):
    cands = [i for i, u in enumerate(units) if not u["leet"] and len(u["s"]) <= 2]
    if not cands:  # everything is a drawing: turn one letter back to a plain/single form
        i = rng.randrange(len(units))
        c = units[i]["c"]
        units[i]["s"] = c
        units[i]["leet"] = False
        cands = [i]
    vowels = [i for i in cands if units[i]["c"] in "aeiouy"]
    pool = vowels if vowels and rng.random() < 0.7 else cands
    rng.shuffle(pool)
    k = 1 if rng.random() < 0.7 or len(pool) < 2 else 2
    for i in pool[:k]:
        units[i]["s"] = units[i]["s"] * rng.randint(3, 6)
        units[i]["stretch"] = True


def make_token(rng, form, techs):
    techs = set(techs)
    units = [{"c": ch, "s": ch, "leet": False, "look": False, "up": False} for ch in form]
    n = len(units)
    nonleet_req = 0
    if "case" in techs:
        nonleet_req = 2
    nonleet_req = max(nonleet_req, ("lookalike" in techs) + ("diacritics" in techs))
    if "leet" in techs:
        extras = techs - {"leet"}
        if not extras:
            whole = rng.random() < 0.35
        elif nonleet_req == 0 and len(extras) == 1 and not extras & {"emoji", "separators"}:
            whole = rng.random() < 0.15
        else:
            whole = False
        noisy = bool(techs & {"separators", "emoji"})
        style = rng.choice(["single", "single", "mixed", "drawing"]) if not noisy else \
            rng.choice(["single", "single", "single", "mixed"])
        max_draw = 1 if noisy else (n if style == "drawing" else 2)
        _apply_leet(rng, units, nonleet_req, whole and nonleet_req == 0, style, max_draw)
        if noisy:  # a bare | among separators reads as a separator: use 1 / ! instead
            for u in units:
                if u["s"] == "|":
                    u["s"] = "1" if u["c"] == "l" else rng.choice(["1", "!"])
    free = [i for i in range(n) if not units[i]["leet"]]
    if "case" in techs:
        _apply_case(rng, units, free)
    if "lookalike" in techs:
        _apply_look(rng, units, free, 1 if "diacritics" in techs else 0)
    if "diacritics" in techs:
        _apply_diac(rng, units, [i for i in free if not units[i]["look"]])
    if "stretch" in techs:
        _apply_stretch(rng, units)

    body = "".join(u["s"] for u in units)
    gaps = [""] * (n - 1)
    if "separators" in techs:
        pool = [s for s in SEPS if not (set(s) & set(body))]
        mode = rng.choice(["same", "same", "same", "mixed", "partial"])
        one = rng.choice(pool)
        idxs = list(range(n - 1))
        if mode == "partial" and n > 3:
            idxs = sorted(rng.sample(idxs, rng.randint((n - 1 + 1) // 2, n - 2)))
        for g in idxs:
            gaps[g] += one if mode != "mixed" else rng.choice(pool[:9])
    if "zerowidth" in techs:
        idxs = list(range(n - 1))
        if rng.random() < 0.5:
            idxs = sorted(rng.sample(idxs, rng.randint(1, len(idxs))))
        one = rng.choice(ZW)
        for g in idxs:
            gaps[g] += one if rng.random() < 0.7 else rng.choice(ZW) * rng.randint(1, 2)
    if "emoji" in techs:
        idxs = list(range(n - 1))
        if rng.random() < 0.4 and n > 2:
            idxs = sorted(rng.sample(idxs, rng.randint(1, len(idxs))))
        one = rng.choice(EMOJI)
        same = rng.random() < 0.7
        for g in idxs:
            gaps[g] += one if same else rng.choice(EMOJI)
    if "linebreak" in techs:
        k = 1 if rng.random() < 0.8 or n < 5 else 2
        for g in rng.sample(range(n - 1), k):
            gaps[g] += "\n"
    pre = [""] * n
    post = [""] * n
    if "markdown" in techs:
        allgap = "".join(gaps)
        banned = set()
        if "*" in body:
            banned |= {"bold", "italic", "bolditalic"}
        if "_" in body or "_" in allgap:
            banned |= {"uitalic", "underline"}
        if "|" in body:
            banned.add("spoiler")
        if "`" in body:
            banned.add("code")
        if "~" in body:
            banned.add("strike")
        opts = [(k, w) for k, w in MD_WEIGHTS if k not in banned]
        mode = rng.choice(["span", "span", "span", "alternate", "two"])
        if mode == "alternate":
            m = MD[_wchoice(rng, opts)]
            start = rng.randint(0, 1)
            for i in range(start, n, 2):
                pre[i] += m
                post[i] = m + post[i]
        else:
            nspans = 2 if (mode == "two" and n >= 4) else 1
            if nspans == 2:
                cut = rng.randint(1, n - 2)
                spans = [(rng.randint(0, cut - 1), cut - 1), (cut + 1, rng.randint(cut + 1, n - 1))]
            else:
                while True:
                    a = rng.randint(0, n - 1)
                    b = rng.randint(a, n - 1)
                    if not (a == 0 and b == n - 1):
                        break
                spans = [(a, b)]
            for a, b in spans:
                m = MD[_wchoice(rng, opts)]
                pre[a] += m
                post[b] = m + post[b]
    out = []
    for i, u in enumerate(units):
        out.append(pre[i] + u["s"] + post[i])
        if i < n - 1:
            out.append(gaps[i])
    return "".join(out)


# --------------------------------------------------------------------------
# Evasion comments
# --------------------------------------------------------------------------
T_ONE = ["the mayor", "the ref", "the PM", "that councillor", "the deputy mayor",
         "the article's author", "the guy in the video", "their keeper", "their striker",
         "the lead dev", "the CEO", "the senator", "the commissioner", "the streamer", "OP",
         "whoever wrote this headline", "the umpire", "the coach", "the press secretary",
         "Councillor Marsh", "Mayor Dalton", "the minister", "the planning chair",
         "the community manager", "the linesman", "that pundit", "the host",
         "the spokesperson", "the team captain", "the chairman", "the governor",
         "the VAR guy", "the game director", "the council leader", "the shadow chancellor",
         "the club owner", "the head of the transit board", "that YouTuber", "the moderator",
         "the tech reviewer", "the new signing", "Alderman Keene", "the sheriff"]
T_MANY = ["the council", "the refs", "the devs", "the mods", "these pundits", "the board",
          "the owners", "the senators", "the opposition", "the planning committee",
          "the fans who booed", "the people defending this", "the execs", "the commentators",
          "the journalists", "the trolls in chat", "the investors", "the cabinet",
          "the zoning board", "half this server", "the beta testers", "the away fans",
          "the shareholders", "the lobbyists", "the councillors", "the stewards"]
PLACES = ["this city", "the council", "the league", "the club", "the studio", "the party",
          "the transit board", "the FA", "the whole department", "city hall"]
ADDRESS = ["bro", "mate", "dude", "man", "OP", "buddy", "pal", "lad", "chief", "mister mayor"]
OPENERS = ["", "", "", "honestly ", "ngl ", "lol ", "lmao ", "tbh ", "imo ", "bro ", "yeah ",
           "ok but ", "not gonna lie, ", "after that vote, ", "after last night, ", "seriously, ",
           "welp, ", "man, ", "so basically ", "Honestly ", "Ngl ", "Lol ", "Yeah ", "Real talk, ",
           "plot twist: ", "hot take: ", "reminder that ", "fr ", "can confirm ", "ok so "]
CLOSERS = ["", "", "", " for that", " lol", " lmao", " tbh", " smh", " \U0001f480",
           " and everyone knows it", " fr", " no cap", ".", "!", " \U0001f644", " istg",
           " and I'm not sorry", ", read the thread", " \U0001f923", "!!", " ...", " imo",
           " tho", " 100%", " change my mind", " lmfao", " and it shows", " tbf"]
CONTEXT = ["Just read the piece on the stadium deal.", "Saw the highlights.",
           "That patch note though.", "Council minutes are up.", "The keynote was a mess.",
           "Watched the debate replay.", "Read the budget summary.", "Saw the clip on the front page.",
           "Another transfer rumour.", "Ranked is broken again.", "New article on the bridge repairs.",
           "The match thread is wild.", "Tuned in for the press conference.",
           "The bus lane vote passed.", "Server maintenance again.", "The launch got delayed.",
           "Just got out of the town hall.", "Election results are in.", "Leak says Q3 release.",
           "Saw the ref's decision."]
TPL = {
    "n": ["{t} is a {w}", "{t} is a total {w}", "{t} is such a {w}", "what a {w} {t} is",
          "{t} acting like a complete {w} again", "only a {w} would sign off on this budget",
          "imagine being the {w} who approved this patch", "{t}? absolute {w}",
          "{t} = {w}, change my mind", "the {w} in charge of the transit plan strikes again",
          "who let this {w} run the press conference", "{t} being a {w} on live TV, incredible",
          "you'd have to be a {w} to believe that stat", "every thread there's one {w} defending {t}",
          "{t} is the biggest {w} in the league", "called it, {t} is a {w}",
          "{t} played like a {w} tonight", "that {w} {t} dodged the question again",
          "{t} really said that with a straight face, what a {w}", "nobody elected this {w}",
          "this {w} wrote a whole article without one source",
          "the {w} who designed this UI should be fired", "{t} is a certified {w}",
          "hey {w}, read the article before commenting", "listen here you {w}",
          "{t} is an actual {w}", "{t} turned out to be a massive {w}",
          "only a {w} schedules a vote at 2am", "sit down you {w}", "{t}, you {w}",
          "classic {w} move from {t}", "the {w} running {p} did it again",
          "this {w} nerfed the only fun build", "{t} is a {w} and the minutes prove it"],
    "np": ["{ts} are {w}", "{ts} are a bunch of {w}", "bunch of {w} running {p}",
           "only {w} defend this patch", "{ts} are absolute {w}", "these {w} voted it through at 2am",
           "imagine being one of the {w} who booed", "{ts} acting like {w} again",
           "the comments are full of {w} today", "the {w} on the council strike again",
           "{ts}? {w}, all of them", "{ts} are complete {w}", "a room full of {w} approved this",
           "why are {ts} such {w}", "{ts} are {w} and that's on record",
           "ban the {w} spamming the match thread", "{w} everywhere in this thread",
           "{ts} behaving like total {w}", "I'm done arguing with {w}",
           "{p} is run by {w}", "the {w} in chat are at it again"],
    "ij": ["{w} already, nobody asked", "{w} {a}", "{w}", "{w} lol", "ok {w}", "just {w}",
           "nobody cares, {w}", "please {w}", "{w} with that take", "{w} and read the article",
           "{a}, {w}", "{w}, {t} fan", "{t} should {w}", "tell {t} to {w}",
           "{w} about the referee already", "{w} it's a preseason game", "{w} {a}, it's a patch"],
}
TPL_V = {
    ("fap", "vb"): ["go {w} somewhere else", "imagine needing to {w} during a match thread",
                    "{t} probably went home to {w} over the poll numbers",
                    "nobody wants to {w} to patch notes, {a}"],
    ("fap", "v3"): ["{t} {w} to his own press releases apparently", "bet {t} {w} to the polling numbers",
                    "{t} {w} to the patch notes lmao", "this guy {w} to spreadsheets"],
    ("fap", "ving"): ["caught {t} {w} on the stream", "stop {w} over the trailer and read the article",
                      "{t} was probably {w} during the debate", "{ts} are {w} over the new skins"],
    ("fap", "vpast"): ["bro {w} to the cinematic trailer", "{t} definitely {w} to his own poll numbers",
                       "someone {w} to the stadium renders"],
    ("shag", "vb"): ["go {w} somewhere else", "{t} just wants to {w} his way into office",
                     "{t} would {w} a lamppost if it voted for him"],
    ("shag", "v3"): ["{t} {w} half the planning committee apparently", "rumour is {t} {w} the interns",
                     "{t} {w} anyone who'll vote for him lol"],
    ("shag", "ving"): ["{t} was caught {w} in the council chamber", "rumour says {t} is {w} an aide",
                       "{ts} are too busy {w} to read the bill"],
    ("shag", "vpast"): ["apparently {t} {w} the press secretary", "{t} {w} a lobbyist, that's the scandal",
                        "everyone knows who {t} {w} to get that job"],
}


def _plan(rng):
    plan = [("leet",)] * 700
    for i in range(1200):
        x = OTHERS[i % 9]
        if i % 10 < 3:
            ys = [o for o in OTHERS if o != x and {x, o} != {"markdown", "linebreak"}]
            plan.append(("leet", x, rng.choice(ys)))
        else:
            plan.append(("leet", x))
    for i in range(800):
        plan.append((OTHERS[i % 9],))
    for i in range(300):
        k = 2 if i % 10 < 7 else 3
        while True:
            c = tuple(rng.sample(OTHERS, k))
            if not {"markdown", "linebreak"} <= set(c):
                break
        plan.append(c)
    rng.shuffle(plan)
    return plan


def _ordered(cats):
    return tuple(c for c in CATEGORIES if c in cats)


def _evasion_comment(rng, word, form, token):
    pos = POS[form]
    tpls = TPL_V.get((word, pos)) or TPL[pos]
    core = rng.choice(tpls)
    core = core.format(w="\x00", t=rng.choice(T_ONE), ts=rng.choice(T_MANY),
                       p=rng.choice(PLACES), a=rng.choice(ADDRESS))
    op = rng.choice(OPENERS)
    cl = rng.choice(CLOSERS)
    text = op + core + cl
    if op == "" and text[0] != "\x00" and rng.random() < 0.3:
        text = text[0].upper() + text[1:]
    if rng.random() < 0.25:
        text = rng.choice(CONTEXT) + " " + text
    return text.replace("\x00", token)


_EVA_CACHE = None


def evasions_detailed():
    rng = random.Random(SEED)
    plan = _plan(rng)
    words = WORDS * (len(plan) // len(WORDS))
    rng.shuffle(words)
    out, seen = [], set()
    for techs, word in zip(plan, words):
        for _attempt in range(50):
            form = rng.choice(FORMS[word])
            token = make_token(rng, form, techs)
            if token == form or not human_reads(token, form):
                continue
            comment = _evasion_comment(rng, word, form, token)
            if comment in seen:
                continue
            rest = comment.replace(token, " ")
            if plain_hits(rest) or leet_hits(rest):
                continue
            break
        else:
            raise RuntimeError("could not build evasion for %r %r" % (word, techs))
        seen.add(comment)
        out.append({"comment": comment, "categories": _ordered(techs), "word": word,
                    "form": form, "token": token})
    return out


def evasions():
    return [(d["comment"], d["categories"]) for d in evasions_detailed()]


# --------------------------------------------------------------------------
# Clean: gamer tags, handles, usernames, clan tags, channel names
# --------------------------------------------------------------------------
TAG_A = ["Shadow", "Night", "Frost", "Iron", "Silent", "Crimson", "Lunar", "Rapid", "Pixel",
         "Turbo", "Storm", "Ghost", "Neon", "Void", "Ember", "Atlas", "Nova", "Echo", "Dark",
         "Solar", "Cyber", "Wild", "Lucky", "Salty", "Sleepy", "Angry", "Cosmic", "Golden",
         "Toxic", "Mystic", "Hyper", "Quiet", "Feral", "Frozen", "Royal", "Rusty", "Sneaky",
         "Arctic", "Blue", "Red", "Grim", "Swift", "Lazy", "Chill", "Epic", "Retro", "Based"]
TAG_N = ["Wolf", "Falcon", "Tiger", "Dragon", "Blaze", "Comet", "Cipher", "Onyx", "Titan",
         "Zephyr", "Kraken", "Orbit", "Quartz", "Rogue", "Sable", "Talon", "Vortex", "Sniper",
         "Ranger", "Knight", "Mage", "Bard", "Monk", "Rook", "Bishop", "Jester", "Nomad",
         "Pilot", "Captain", "Fox", "Raven", "Viper", "Panda", "Otter", "Goose", "Lynx",
         "Hawk", "Bear", "Moose", "Badger", "Toast", "Noodle", "Waffle", "Potato", "Pickle",
         "Gamer", "Player", "Main", "Enjoyer", "Sensei", "Wizard", "Reaper", "Spectre",
         "Muffin", "Woodpecker", "Torpedo", "Dongle", "Speedo"]
CLANS = ["GG", "TSM", "RVN", "AoW", "KOS", "NRG", "FNC", "OMG", "LFG", "DRG", "EU1", "NA2",
         "VGS", "SYN", "WLF", "ZX", "TTV", "HZD", "PRO", "SND", "OG", "XIII", "AFK", "IGL"]
CHANNELS = ["general", "patch-notes", "city-council", "off-topic", "match-thread",
            "lfg-eu", "lfg-na", "memes", "news-politics", "tech-support", "clips",
            "bot-commands", "mod-log", "voice-chat", "announcements", "rules", "introductions",
            "transfer-rumours", "esports", "hardware", "budget-2025", "zoning-board",
            "election-night", "game-day", "build-help", "dev-updates", "bug-reports",
            "art-share", "music", "pets", "council-minutes", "fantasy-league", "stream-alerts"]
TAG_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}


def _leetify(rng, s, p=0.5):
    return "".join(TAG_LEET[c.lower()] if c.lower() in TAG_LEET and rng.random() < p else c for c in s)


def _digits(rng, lo=1, hi=4):
    return str(rng.randint(0, 10 ** rng.randint(lo, hi) - 1))


def _make_tag(rng):
    A, N = rng.choice(TAG_A), rng.choice(TAG_N)
    a, nn = A.lower(), N.lower()
    d = _digits(rng)
    yr = str(rng.choice(range(1988, 2013)))
    k = rng.randint(0, 25)
    if k == 0:
        return "xX_%s%s_Xx" % (A, N)
    if k == 1:
        return "%s%s%s" % (A, N, d)
    if k == 2:
        return "%s_%s_%s" % (a, nn, d)
    if k == 3:
        return "@%s.%s" % (a, nn)
    if k == 4:
        return "[%s] %s%s" % (rng.choice(CLANS), A, N)
    if k == 5:
        return "%s%s#%04d" % (A, N, rng.randint(0, 9999))
    if k == 6:
        return "TTV_%s%s" % (A, N)
    if k == 7:
        return "%s%sYT" % (A, N)
    if k == 8:
        return "#" + rng.choice(CHANNELS)
    if k == 9:
        return "#%s-%s" % (rng.choice(CHANNELS), rng.randint(1, 12))
    if k == 10:
        return "The%s%s" % (A, N)
    if k == 11:
        return "%sOf%s" % (N, rng.choice(["Doom", "Light", "Night", "Ash", "Frost", "Steel"]))
    if k == 12:
        return "i_am_%s" % nn
    if k == 13:
        return _leetify(rng, A + N)
    if k == 14:
        return "%s%s_%s" % (A, N, yr)
    if k == 15:
        return "{%s} %s" % (rng.choice(CLANS), _leetify(rng, N, 0.4))
    if k == 16:
        return "=%s= %s_%s" % (rng.choice(CLANS), A, N)
    if k == 17:
        return "@%s_%s_official" % (a, nn)
    if k == 18:
        return "%s.%s%s" % (a, nn, d)
    if k == 19:
        return "not_a_%s_%s" % (nn, d)
    if k == 20:
        return "%s-%s-%s" % (a, nn, d)
    if k == 21:
        return "\u30c4%s%s" % (A, N)
    if k == 22:
        return "%s%s | %s" % (A, N, rng.choice(CLANS))
    if k == 23:
        return "u/%s_%s%s" % (A, N, d)
    if k == 24:
        return "%s x %s" % (A, N)
    return "%s%s%s" % (_leetify(rng, A, 0.6), N, rng.choice(["_", "", "."]) + d)


def clean_tags():
    rng = random.Random(SEED + 1)
    out, seen = [], set()
    while len(out) < 1500:
        t = _make_tag(rng)
        if rng.random() < 0.2:
            t = rng.choice(["add me: %s", "my tag is %s", "GG to %s", "%s carried us",
                            "posted in %s", "ask in %s", "%s is live now", "shoutout %s"]) % t
        if t in seen or not is_clean(t):
            continue
        seen.add(t)
        out.append(t)
    return out


# --------------------------------------------------------------------------
# Clean: digits and symbols
# --------------------------------------------------------------------------
KAOMOJI = [">_<", "\u00af\\_(\u30c4)_/\u00af", "(\u256f\u00b0\u25a1\u00b0)\u256f\ufe35 \u253b\u2501\u253b",
           ":-|", "|o|", "^_^", "T_T", "o7", ":^)", "xD", "<3", ":3", "D:", "\\o/", ":-)",
           ";-)", ":P", "(\u00ac_\u00ac)", "(\u0e07'\u0300-'\u0301)\u0e07", "\u0295\u2022\u1d25\u2022\u0294",
           "(\u3063\u25d5\u203f\u25d5)\u3063", "-_-", "o_O", "(^_^;)", ":'(", ">:(", "8-)",
           "\u252c\u2500\u252c\u30ce( \u00ba _ \u00ba\u30ce)", "(\u2022_\u2022)", "( \u0361\u00b0 \u035c\u0296 \u0361\u00b0)",
           "\\(^o^)/", "=^.^=", ":|", "B)", "(o_o)", "x_x", "^^;", ">.>", "<.<"]
EMOJI_NAMES = ["pog", "kekw", "catjam", "pepehands", "sadge", "copium", "monkas", "lul",
               "ez", "gg", "hype", "thinking", "5head", "o7", "peepoclap", "omegalul",
               "widepeepohappy", "pepega", "feelsgood", "clap", "salute", "nodders"]
LEET_SLANG = ["gr8", "l8r", "m8", "1337", "h4x", "w00t", "pwn3d", "b4", "2day", "4ever",
              "sk1llz", "h4xx0r", "l33t", "r0fl", "g2g", "w8", "str8", "d00d", "kthx",
              "1v9", "gg ez", "gl hf", "brb", "afk", "0wn3d", "n1ce", "h4h4", "c u l8r", "2nite",
              "gr8 m8", "sup", "wp"]
CHEM = ["H2O", "CO2", "C6H12O6", "NaCl", "H2SO4", "CH4", "NH3", "C8H10N4O2", "Fe2O3",
        "CaCO3", "NaHCO3", "KMnO4", "C2H5OH", "O3", "NO2", "PM2.5", "SO2", "HCl", "Li2CO3",
        "C3H8", "N2O", "H2O2", "CuSO4", "MgSO4"]
HEX = "0123456789abcdef"
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _rs(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def _code_item(rng):
    r = rng
    k = r.randint(0, 15)
    if k == 0:  # scores and game stats
        return r.choice([
            "GG %d-%d" % (r.randint(0, 6), r.randint(0, 6)), "%d-%d final" % (r.randint(0, 5), r.randint(0, 5)),
            "x%d combo" % r.randint(2, 64), "K/D %.2f" % r.uniform(0.3, 4), "%dv%d" % ((r.randint(1, 5),) * 2),
            "%d/%d/%d KDA" % (r.randint(0, 30), r.randint(0, 15), r.randint(0, 30)),
            "+%d MMR" % r.randint(5, 40), "-%d LP" % r.randint(5, 30), "%dms ping" % r.randint(8, 300),
            "%d fps" % r.choice([30, 60, 90, 120, 144, 165, 240]), "%d:%d in OT" % (r.randint(0, 5), r.randint(0, 5)),
            "%d/%d shots on target" % (r.randint(0, 9), r.randint(9, 20)), "%d%% win rate" % r.randint(30, 70),
            "%d-%d-%d record" % (r.randint(0, 20), r.randint(0, 20), r.randint(0, 9))])
    if k == 1:  # prices
        return r.choice(["$%d.%02d" % (r.randint(1, 999), r.randint(0, 99)),
                         "\u20ac%d,%02d" % (r.randint(1, 500), r.randint(0, 99)),
                         "\u00a3%d.%dm" % (r.randint(1, 120), r.randint(0, 9)),
                         "\u00a5%d" % r.randint(100, 99999), "%d USD" % r.randint(5, 5000),
                         "$%dk" % r.randint(1, 900), "%d.%02d CHF" % (r.randint(1, 300), r.randint(0, 99))])
    if k == 2:  # versions
        return r.choice(["v%d.%d.%d" % (r.randint(0, 9), r.randint(0, 30), r.randint(0, 99)),
                         "%d.%d.%d-rc%d" % (r.randint(0, 5), r.randint(0, 20), r.randint(0, 9), r.randint(1, 5)),
                         "patch %d.%d%s" % (r.randint(1, 14), r.randint(1, 40), r.choice("abcdf")),
                         "build %d" % r.randint(1000, 99999), "API v%d" % r.randint(1, 4),
                         "%d.%02d" % (r.randint(2019, 2025), r.randint(1, 12)), "%dH%d" % (r.randint(21, 25), r.randint(1, 2))])
    if k == 3:  # product / model numbers
        return r.choice(["RTX %d0" % r.choice([306, 307, 308, 309, 406, 407, 408, 409, 507, 508]),
                         "i%d-%d%s" % (r.choice([3, 5, 7, 9]), r.randint(10000, 14900), r.choice(["K", "F", "KF", "H", ""])),
                         "SM-S%dB" % r.randint(900, 999), "A%d" % r.randint(1500, 3000),
                         "WH-1000XM%d" % r.randint(3, 5), "Ryzen %d %d%s" % (r.choice([5, 7, 9]), r.randint(3600, 9950), r.choice(["X", "X3D", ""])),
                         "M%d Pro" % r.randint(1, 4), "F-%d" % r.choice([15, 16, 22, 35]),
                         "737-%d" % r.choice([700, 800, 900]), "A%dneo" % r.choice([320, 321]),
                         "GT-%d" % r.randint(100, 999), "B%d-%d" % (r.randint(1, 9), r.randint(10, 99))])
    if k == 4:  # licence plates
        L = "ABCEFGHJKLMNPRSTVWXYZ"
        return r.choice(["%s%d %s" % (_rs(r, L, 2), r.randint(10, 99), _rs(r, L, 3)),
                         "%d%s%03d" % (r.randint(1, 9), _rs(r, L, 3), r.randint(0, 999)),
                         "%s-%s %d" % (_rs(r, L, 2), _rs(r, L, 2), r.randint(1, 9999)),
                         "KA-%02d-%s-%04d" % (r.randint(1, 99), _rs(r, L, 2), r.randint(0, 9999))])
    if k == 5:  # colours
        return r.choice(["#" + _rs(r, HEX, 6), "0x" + _rs(r, HEX.upper(), 8),
                         "rgb(%d, %d, %d)" % (r.randint(0, 255), r.randint(0, 255), r.randint(0, 255)),
                         "#" + _rs(r, HEX.upper(), 6)])
    if k == 6:  # hashes / commits
        return r.choice(["commit " + _rs(r, HEX, 7), "fixed in " + _rs(r, HEX, 7), _rs(r, HEX, 40),
                         "sha256:" + _rs(r, HEX, 16) + "...", "md5 " + _rs(r, HEX, 32)])
    if k == 7:  # chemistry
        return r.choice(CHEM) + r.choice(["", " + " + r.choice(CHEM), " -> " + r.choice(CHEM)])
    if k == 8:  # maths
        a, b, c = r.randint(2, 12), r.randint(1, 30), r.randint(1, 99)
        return r.choice(["%dx + %d = %d" % (a, b, c), "a^2 + b^2 = c^2", "%d/%d = %.3f" % (c, a, c / a),
                         "sqrt(%d) \u2248 %.2f" % (c, c ** 0.5), "%d * %d = %d" % (a, b, a * b),
                         "e^(i\u03c0) + 1 = 0", "f(x) = %dx^2 - %dx + %d" % (a, b, c), "%d! = %d" % (a % 8 + 2, [2, 6, 24, 120, 720, 5040, 40320, 362880][a % 8]),
                         "x \u2208 [0, %d]" % a, "\u2211 i = n(n+1)/2", "%d%% of %d = %.1f" % (b, c, b * c / 100)])
    if k == 9:  # times and dates
        return r.choice(["%02d:%02d" % (r.randint(0, 23), r.randint(0, 59)),
                         "%d-%02d-%02d" % (r.randint(2019, 2026), r.randint(1, 12), r.randint(1, 28)),
                         "%02d/%02d/%02d" % (r.randint(1, 28), r.randint(1, 12), r.randint(19, 26)),
                         "%dpm EST" % r.randint(1, 11), "T-%d min" % r.randint(1, 90),
                         "%d-%02d-%02dT%02d:%02d:%02dZ" % (r.randint(2020, 2026), r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)),
                         "%d:%02d:%02d" % (r.randint(0, 3), r.randint(0, 59), r.randint(0, 59))])
    if k == 10:  # phone-like
        return r.choice(["+44 20 %04d %04d" % (r.randint(0, 9999), r.randint(0, 9999)),
                         "(%03d) 555-%04d" % (r.randint(200, 999), r.randint(0, 9999)),
                         "0%d %03d %04d" % (r.randint(100, 999), r.randint(0, 999), r.randint(0, 9999)),
                         "+1-%03d-%03d-%04d" % (r.randint(200, 999), r.randint(200, 999), r.randint(0, 9999))])
    if k == 11:  # discord codes
        nm = r.choice(EMOJI_NAMES)
        return r.choice(["<:%s:%d>" % (nm, r.randint(10 ** 17, 10 ** 18)), "<a:%s:%d>" % (nm, r.randint(10 ** 17, 10 ** 18)),
                         "<@%d>" % r.randint(10 ** 17, 10 ** 18), "<@&%d>" % r.randint(10 ** 17, 10 ** 18),
                         "<#%d>" % r.randint(10 ** 17, 10 ** 18), "<t:%d:R>" % r.randint(1600000000, 1800000000),
                         ":%s:" % nm])
    if k == 12:
        return r.choice(KAOMOJI)
    if k == 13:  # code
        n = r.randint(2, 500)
        return r.choice([
            "`ls -la | grep .py`", "`git log --oneline -n %d`" % r.randint(3, 20),
            "`docker run -p %d:80 nginx`" % r.choice([8080, 8000, 3000]), "`chmod 755 deploy.sh`",
            "`curl -s https://api.example.com/v2/items?id=%d`" % n, "`pip install requests==2.%d.0`" % r.randint(20, 32),
            "`npm i -D vite@%d`" % r.randint(3, 6), "`kill -9 %d`" % r.randint(1000, 65000),
            "`tail -f /var/log/syslog | grep -i err`", "`ssh user@10.0.%d.%d -p 2222`" % (r.randint(0, 255), r.randint(1, 254)),
            "`SELECT id, score FROM matches WHERE season = %d ORDER BY score DESC LIMIT 10;`" % r.randint(2015, 2025),
            "`UPDATE users SET rank = rank + 1 WHERE id = %d;`" % n,
            "`SELECT COUNT(*) FROM votes WHERE ward = %d;`" % r.randint(1, 12),
            "`for i in range(%d): print(i**2)`" % r.randint(3, 50), "`x = [i for i in range(10) if i %% 2]`",
            "`assert len(ids) == %d`" % n, "`def f(x): return x * %d + 1`" % r.randint(2, 9),
            "`re.findall(r'\\d+', s)`", "`^[a-z0-9_]{3,16}$`", "`\\b\\d{3}-\\d{4}\\b`", "`[A-F0-9]{6}`",
            "```py\nprint(sum(range(%d)))\n```" % n, "```sql\nSELECT * FROM t WHERE x > %d;\n```" % n,
            "| team | W | L |\n|---|---|---|\n| A | %d | %d |" % (r.randint(0, 9), r.randint(0, 9)),
            "- [x] patch notes\n- [ ] changelog\n- [x] hotfix %d.%d" % (r.randint(1, 9), r.randint(0, 9)),
            "- [ ] item %d\n- [x] item %d" % (r.randint(1, 9), r.randint(10, 20)),
            "`i++; j--; k += %d;`" % r.randint(1, 9), "`if (a >= %d && b != 0) {}`" % r.randint(1, 99)])
    if k == 14:  # urls with random ids
        return r.choice(["https://youtu.be/" + _rs(r, ALNUM, 11), "https://imgur.com/a/" + _rs(r, ALNUM, 7),
                         "https://github.com/org/repo/commit/" + _rs(r, HEX, 40), "https://discord.gg/" + _rs(r, ALNUM, 8),
                         "https://example.com/news/%d/%02d/story-%d" % (r.randint(2019, 2025), r.randint(1, 12), r.randint(1000, 99999)),
                         "https://x.com/i/status/%d" % r.randint(10 ** 18, 10 ** 19),
                         "https://store.steampowered.com/app/%d/" % r.randint(10000, 2999999),
                         "https://pastebin.com/" + _rs(r, ALNUM, 8), "https://clips.twitch.tv/" + _rs(r, ALNUM, 12)])
    return r.choice(LEET_SLANG)


CODE_WRAP = ["{a}", "{a}", "{a} {b}", "{a}, {b}", "{lead} {a}", "{a} / {b} / {c}", "{a} {k}",
             "{lead} {a} {k}", "{a} -> {b}", "{a} ({b})", "{lead}: {a}", "{a} | {b}", "{k} {a}",
             "{a}\n{b}", "{a} & {b}", "{lead} {a}, {b}"]
CODE_LEAD = ["final", "score", "patch", "lol", "same", "ngl", "rip", "mood", "ok", "ty", "update",
             "fixed in", "price", "eta", "clip", "lobby", "code", "ping", "ref", "see", "gg", "new",
             "yep", "source", "fwiw", "pls", "bump", "+1", "^", "^^", "edit", "nvm"]


def clean_codes():
    rng = random.Random(SEED + 2)
    out, seen = [], set()
    while len(out) < 1500:
        t = rng.choice(CODE_WRAP).format(a=_code_item(rng), b=_code_item(rng), c=_code_item(rng),
                                          lead=rng.choice(CODE_LEAD), k=rng.choice(KAOMOJI))
        if sum(1 for ch in t if not ch.isalpha() and not ch.isspace()) < 3:
            continue
        if t in seen or not is_clean(t):
            continue
        seen.add(t)
        out.append(t)
    return out


# --------------------------------------------------------------------------
# Clean: ordinary discussion with classic traps
# --------------------------------------------------------------------------
NAMES = ["Hayes", "Okafor", "Lindqvist", "Moreau", "Castillo", "Brennan", "Nakamura", "Adeyemi",
         "Kowalski", "Haddad", "Fischer", "Romano", "O'Neill", "Patel", "Schultz", "Dubois",
         "Yilmaz", "Novak", "Ferreira", "Walsh", "Kim", "Larsen", "Pratt", "Hancock", "Cockburn",
         "Dickens", "Pratchett", "Bintang", "Shaggy"]
PLACES_P = ["Riverside", "Northgate", "Elm Park", "the east ward", "Harbourview", "Millbrook",
            "Scunthorpe", "Penistone", "Middlesex", "Wangaratta", "Dongguan", "Prato", "Bintulu",
            "Hookerton", "Carboneras", "Bozova", "Dongen", "Wangen", "Kyshtym", "Essex", "Sussex",
            "Clitheroe", "Wanganui", "Bintan", "Lake Woodpecker"]
TEAMS = ["United", "City", "the Rovers", "the Hawks", "Real", "the Tigers", "Scunthorpe United",
         "the Woodpeckers", "Prato", "the Torpedoes", "Athletic", "the Saints", "Wangaratta Rovers"]
GAMES = ["Valorant", "Apex", "the new Zelda", "Counter-Strike 2", "League", "Overwatch 2",
         "Elden Ring", "Fortnite", "Rocket League", "Minecraft", "Dota 2", "Baldur's Gate 3"]
HEROES = ["Sova", "Wraith", "Tracer", "Yasuo", "the sniper class", "the medic", "Jett", "Pudge", "the tank"]
TECH = ["the new Pixel", "the M3 chip", "Windows 11", "the Linux kernel", "the USB-C dongle",
        "the new console", "the VR headset", "the smart meter rollout", "the e-bike scheme", "the new router"]
ISSUES = ["housing", "bus lanes", "the library budget", "school zones", "the stadium lease",
          "short-term rentals", "street lighting", "the bike network", "noise rules", "rent caps"]

PROSE = [
    "The council approved the {issue} plan on a {v1}-{v2} vote.",
    "Public comment on {issue} runs until the {d}th, if anyone wants to submit something.",
    "Councillor {name} wants a second study before anything changes in {place}.",
    "Parking fees in {place} go up by {c} cents next month.",
    "The zoning board meeting was streamed, the recording is pinned.",
    "Turnout in {place} was {pct}%, higher than last cycle.",
    "Did anyone actually read the report or just the headline?",
    "The amendment on {issue} is going to committee first.",
    "Polls closed at {h} and the count in {place} is still going.",
    "{name} said the budget gap is about {n} million, which seems low to me.",
    "The debate was mostly about {issue}, nothing on transit.",
    "{team} looked much sharper in the second half.",
    "That challenge in the {m}th minute should have been a yellow card.",
    "The transfer fee was reported at {n} million, which feels steep.",
    "{team} have won {k} of their last {kk} away games.",
    "The referee missed a clear offside before the equaliser.",
    "{name} is averaging {k} points over the last {kk} games.",
    "The new patch nerfed {hero} again and the forums are melting.",
    "Servers for {game} were down for {k} hours after the update.",
    "Ranked queue times in {game} are awful tonight.",
    "The devs said the roadmap slipped to next quarter.",
    "{game} finally added cross-play, only took {k} years.",
    "The keynote spent twenty minutes on battery life for {tech}.",
    "Benchmarks show {tech} is about {pct}% faster in single-core.",
    "The outage was traced to a bad config push, according to the postmortem.",
    "Anyone else getting the login loop on the {game} beta?",
    "The privacy policy change for {tech} is buried on page {k}.",
    "The article quotes {name} from {place} but never asks a follow-up.",
    "Good thread, the stats on {issue} were eye-opening.",
    "I think the reporter got the vote count wrong, it was {v1} to {v2}.",
    "Mods, can we pin the source for the {issue} story?",
    "The mayor's office responded to the letter about {issue} yesterday.",
    "Traffic around {place} was a nightmare before the match.",
    "The fan zone in {place} is opening at {h} on Saturday.",
    "Read the whole thing, the part about {issue} is the real story.",
    "My cousin lives in {place} and says nobody there has heard of this.",
    "The highlight reel skips the best save of the night.",
    "The {tech} review embargo lifts on Tuesday.",
    "The committee chair, {name}, abstained on the final vote.",
    "Apparently {name} used to coach {team} before going into politics.",
]
TRAPS = [
    "A woodpecker kept hammering the roof during the council livestream.",
    "The navy is testing a new torpedo design according to the article.",
    "My pedometer says I walked {n}k steps at the rally.",
    "Need a USB-C dongle for the press room projector again.",
    "The factory in Dongguan shut for the holiday week.",
    "Dongfeng announced a new EV plant near the port.",
    "Terry Pratchett would have had a field day with this council.",
    "Chris Pratt is apparently in the stadium ad.",
    "Less prattle, more policy please.",
    "That was a proper pratfall by the goalkeeper, to be fair to him.",
    "Someone brought blueberry muffins to the town hall.",
    "The muffler on the council van is hanging off, saw it this morning.",
    "Bring earmuffs if you are going to the match tonight, it is freezing.",
    "Shaggy from Scooby-Doo voice actor was at the convention.",
    "The shaggy dog story in the opinion section went nowhere.",
    "They are charged with perverting the course of justice, per the article.",
    "Bintang was the official beer sponsor of the tournament.",
    "The flight to Bintulu got diverted because of the storm.",
    "Scunthorpe United are top of the table, I can't believe it.",
    "Penistone and Clitheroe both voted against the merger.",
    "Middlesex and Essex have the same deadline for the consultation.",
    "The cocktail party after the gala made the front page.",
    "The assessment found the bridge needs {n} million in repairs.",
    "The Dickens quote in the headline is doing a lot of work.",
    "The skyscraper on the waterfront got approved last night.",
    "Hookerton is a tiny town in North Carolina, it was in the flood story.",
    "The windfarm near Carboneras is part of the Spanish energy piece.",
    "Wangaratta Rovers won the country league final.",
    "The Wanganui river level is in the weather section.",
    "The Kyshtym disaster was in the nuclear history podcast.",
    "Speedos are banned at the new public pool, apparently that is news.",
    "The shagreen wallet in the design column costs more than my rent.",
    "Bozova is a district in Turkey, it came up in the dam article.",
    "Cockburn is pronounced Coburn, the anchor got it right.",
    "Therapist shortages are the real story in the health budget.",
    "Our fantasy team is called the Woodpeckers, don't ask.",
]
FOREIGN = [
    "C'est une question pratique pour le conseil municipal.",
    "Les pratiques de l'arbitre \u00e9taient discutables hier soir.",
    "La pratica \u00e8 stata approvata dal comune di Prato.",
    "C'\u00e8 muffa nel muro della palestra comunale.",
    "Il pane era ammuffito alla festa del quartiere.",
    "Das habe ich nicht gewusst, danke f\u00fcr den Link.",
    "Er hatte rote Wangen nach dem Spiel.",
    "Wangen im Allg\u00e4u hat einen neuen B\u00fcrgermeister.",
    "Hij kreeg rode wangen van de kou.",
    "De gemeente Dongen stemt volgende week over de begroting.",
    "Bozok \u00dcniversitesi yeni bir stadyum in\u015fa ediyor.",
    "Bozova'da baraj haberi g\u00fcndemde.",
    "Langs kysten var det stengt p\u00e5 grunn av stormen.",
    "Kysten er fin om sommeren, men valget er viktigere.",
    "Hun ga ham et kyss etter seieren i finalen.",
    "Pratt Institute students designed the new bus shelters.",
    "El torpedo del submarino sali\u00f3 en las noticias.",
    "Mi ped\u00f3metro marc\u00f3 doce mil pasos en la manifestaci\u00f3n.",
    "Nos vemos en Carboneras para el partido del domingo.",
    "Aku minum Bintang setelah pertandingan.",
    "Cosa ne pensate della pratica edilizia in consiglio?",
    "Le maire a d\u00e9fendu le budget avec des arguments pratiques.",
    "Die Wangen des Trainers waren knallrot nach dem Elfmeter.",
    "Kysuce je kr\u00e1sny regi\u00f3n, pozrite si \u010dl\u00e1nok.",
    "Il fapiao \u00e8 la fattura cinese, lo spiega l'articolo.",
]
ACRONYMS = [
    "The U.S.A. and the U.K. both sent observers.", "N.A.T.O. ministers meet on {d} March.",
    "The E.U. rules apply from {y}.", "An F.B.I. spokesperson declined to comment.",
    "The N.H.S. trust in {place} is short of nurses.", "The U.N. report on {issue} is out.",
    "U.E.F.A. confirmed the final venue.", "The I.O.C. delayed the decision to {y}.",
    "The B.B.C. piece on {issue} is decent.", "F.I.F.A. fined {team} again.",
]
PROSE_EXTRA = [
    "Source: https://example.com/news/{y}/{mo}/council-vote-{n}",
    "Full article: https://www.citypaper.example/{y}/{mo}/{issue_slug}",
    "Try `SELECT ward, COUNT(*) FROM votes GROUP BY ward;` on the open data portal.",
    "The data is on GitHub, run `git clone https://github.com/citydata/budget-{y}` and check the csv.",
    "Regex for the ward codes is `^W[0-9]{{2}}$` if anyone needs it.",
    "Minutes are at https://council.example.org/minutes?id={n} for anyone curious.",
]
P_OPEN = ["", "", "", "", "Honestly, ", "Fwiw ", "Tbh ", "Just saying, ", "Update: ", "So ",
          "Ok, ", "Quick note: ", "Fun fact: ", "PSA: ", "Yeah, ", "Interesting: "]
P_CLOSE = ["", "", "", "", " Thoughts?", " Wild.", " Makes sense to me.", " Not surprised.",
           " Link in the article.", " Anyway.", " \U0001f914", " \U0001f440", " lol",
           " Good read.", " We'll see."]


LOWER_OK = ("The|Did|Public|Parking|Anyone|Good|Mods|Read|My|Turnout|Polls|Servers|Ranked|"
            "Benchmarks|That|Traffic|Someone|Less|Bring|They|Need|A|Our|Speedos|Therapist|"
            "Benchmarks|Apparently|I|Each")


def _fill(rng, s):
    iss = rng.choice(ISSUES)
    return s.format(issue=iss, v1=rng.randint(5, 9), v2=rng.randint(0, 4), d=rng.randint(4, 28),
                    name=rng.choice(NAMES), place=rng.choice(PLACES_P), c=rng.choice([25, 50, 75, 80]),
                    pct=rng.randint(3, 68), h="%d:%02d" % (rng.randint(6, 11), rng.choice([0, 15, 30])),
                    n=rng.randint(2, 90), team=rng.choice(TEAMS), m=rng.randint(5, 89),
                    k=rng.randint(2, 9), kk=rng.randint(10, 15), hero=rng.choice(HEROES),
                    game=rng.choice(GAMES), tech=rng.choice(TECH), y=rng.randint(2019, 2026),
                    mo="%02d" % rng.randint(1, 12), issue_slug=iss.replace(" ", "-").replace("'", ""))


def clean_prose():
    rng = random.Random(SEED + 3)
    out, seen = [], set()
    while len(out) < 2000:
        r = rng.random()
        if r < 0.35:
            t = rng.choice(P_OPEN) + _fill(rng, rng.choice(PROSE)) + rng.choice(P_CLOSE)
        elif r < 0.60:
            t = _fill(rng, rng.choice(PROSE)) + " " + _fill(rng, rng.choice(TRAPS))
        elif r < 0.75:
            t = rng.choice(P_OPEN) + _fill(rng, rng.choice(TRAPS)) + rng.choice(P_CLOSE)
        elif r < 0.86:
            t = rng.choice(FOREIGN) + rng.choice(["", "", " " + _fill(rng, rng.choice(PROSE))])
        elif r < 0.93:
            t = _fill(rng, rng.choice(ACRONYMS)) + rng.choice(["", " " + _fill(rng, rng.choice(PROSE))])
        else:
            t = _fill(rng, rng.choice(PROSE)) + " " + _fill(rng, rng.choice(PROSE_EXTRA))
        t = t[0].upper() + t[1:] if t[0].islower() and rng.random() < 0.7 else t
        t = re.sub(r"^((?:Honestly|Fwiw|Tbh|Just saying|So|Ok|Yeah),? )(%s)\b" % LOWER_OK,
                   lambda m: m.group(1) + m.group(2).lower(), t)
        if t in seen or not is_clean(t):
            continue
        seen.add(t)
        out.append(t)
    return out


# --------------------------------------------------------------------------
# Collisions: a listed word used plainly in an innocent sense
# --------------------------------------------------------------------------
COLL = [
    ("wang", "Dr. {f} Wang from the university presented the transit study to the council."),
    ("wang", "Wang Qiang won her first-round match in straight sets, {s1}-{s2}."),
    ("wang", "Vera Wang designed the dress, according to the article."),
    ("wang", "Foreign minister Wang Yi met his counterpart on {day}."),
    ("wang", "Professor Wang's team built the traffic model the city is using."),
    ("dong", "Prices are quoted in dong, so the {n}0,000 dong ticket is cheaper than it sounds."),
    ("dong", "The dong fell against the dollar again this {period}."),
    ("dong", "Dong Nguyen, the Flappy Bird developer, is quoted in the piece."),
    ("dong", "The church bell went ding dong right as the vote was called."),
    ("hooker", "Their hooker threw the ball in crooked at every lineout."),
    ("hooker", "The hooker and both props were subbed at {m} minutes."),
    ("hooker", "John Lee Hooker on the stadium playlist was a nice touch."),
    ("hooker", "General Joseph Hooker lost at Chancellorsville, the museum piece covers it."),
    ("hooker", "The Hooker telescope at Mount Wilson is in the science section {day}."),
    ("muppet", "The Muppet Show reboot was announced at the expo."),
    ("muppet", "Kermit is the most famous Muppet, no contest."),
    ("muppet", "They are auctioning an original Muppet puppet for the children's hospital."),
    ("muff", "The returner's muff on the punt gave them the ball at the {m}."),
    ("muff", "She wore a fur muff to the winter parade, the photo is in the article."),
    ("muff", "Muff is a village in Donegal and it made the cross-border story."),
    ("dildo", "Dildo, Newfoundland got a tourism boost after the late night segment."),
    ("dildo", "The town of Dildo voted to keep its name, the article has the history."),
    ("nonce", "Each block header includes a nonce that miners increment."),
    ("nonce", "The API rejects replayed requests when the nonce is reused."),
    ("nonce", "Linguists call that a nonce word, made up for one occasion."),
    ("nonce", "The signing service generates a fresh nonce for every request."),
    ("fanny", "Half the crowd at the rally had a fanny pack, apparently they are back."),
    ("fanny", "Fanny Brice is the subject of the new musical revival."),
    ("fanny", "Fanny Mendelssohn's songs were played at the city concert {day}."),
    ("dipstick", "Check the oil with the dipstick before the long drive."),
    ("dipstick", "The clinic uses a urine dipstick test for the screening programme."),
    ("dipstick", "Pull the dipstick, wipe it, put it back, then read the level."),
    ("pecker", "Keep your pecker up, lads, there is still the second leg."),
    ("pecker", "Pecker, the John Waters film, is on the streaming list this {period}."),
    ("boner", "Merkle's Boner is still the most famous baserunning mistake in history."),
    ("boner", "Old newspapers called that kind of blunder a boner, the sports history piece explains."),
    ("shag", "They are ripping out the old shag carpet in the council chamber."),
    ("shag", "Outfielders were shagging fly balls during batting practice."),
    ("shag", "A shag colony nests on the rocks by the harbour wall."),
    ("shag", "She went for a shag haircut before the premiere."),
    ("prat", "Flights out of El Prat were delayed by the strike {day}."),
    ("prat", "Arturo Prat is a national hero in Chile, the navy day article explains it."),
    ("prat", "The Prat de Llobregat council approved the new terminal access road."),
    ("bint", "Sheikha Fatima bint Mubarak opened the women's sports centre."),
    ("bint", "The statement was signed by Princess Haya bint Hussein."),
    ("bozo", "Bozo the Clown was a staple of kids' TV in the sixties."),
    ("bozo", "The museum has the original Bozo costume on display."),
    ("pervert", "He was charged with attempting to pervert the course of justice."),
    ("pervert", "Critics say the amendment would pervert the intent of the original law."),
    ("fap", "FAP is a hereditary condition, the health article explains the screening."),
    ("fap", "The FAP sent two planes to help with the floods in northern Peru."),
]
FIRST = ["Lin", "Mei", "Jun", "Hao", "Yue", "Wei", "Xin", "Li"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
C_OPEN = ["", "", "Fun fact: ", "FYI ", "Context: ", "Side note, ", "Per the article, ", "Also, "]
C_CLOSE = ["", "", " Interesting read.", " Worth a look.", " Anyway, back to the vote.",
           " \U0001f914", " Thanks for the link.", " TIL."]


C_LOWER = {"The", "Their", "Each", "Half", "Check", "Pull", "Old", "Outfielders", "Flights",
           "Critics", "Linguists", "Prices", "They", "She", "He", "A", "Keep"}


def collisions():
    rng = random.Random(SEED + 4)
    out, seen = [], set()
    i = 0
    while len(out) < 100:
        word, tpl = COLL[i % len(COLL)]
        i += 1
        t = tpl.format(f=rng.choice(FIRST), s1=6, s2=rng.randint(0, 4), day=rng.choice(DAYS),
                       n=rng.randint(5, 95), period=rng.choice(["week", "month", "quarter"]),
                       m=rng.randint(20, 70))
        op = rng.choice(C_OPEN)
        if op and t.split(" ", 1)[0] in C_LOWER:
            t = t[0].lower() + t[1:]
        t = op + t + rng.choice(C_CLOSE)
        if t in seen:
            continue
        seen.add(t)
        out.append((t, word))
    return out


# --------------------------------------------------------------------------
# Handles that contain a listed word as a whole part
# --------------------------------------------------------------------------
H_FLAG_WORDS = ["pervert", "muppet", "dildo", "nonce", "dipstick", "pecker", "plonker",
                "numbnuts", "boner", "scrote", "prat", "bint", "bozo", "wuss", "pedo",
                "hooker", "wang", "dong", "fanny", "muff", "shag", "fap"]
H_FLAG = ["@mayor_is_a_{w}", "@{T}IsA{W}", "@the_{w}_mayor", "@{W}_Official", "@{W}Lord{d}",
          "@xX_{w}_Xx", "@councillor_{w}", "@{w}_{d}", "@ref_is_a_{w}", "@{W}{T}",
          "@{t}_the_{w}", "@Real{W}Hours", "@{W}Squad{d}", "@big_{w}_energy", "@not_a_{w}_i_swear"]
H_TARGETS = ["Mayor", "Ref", "Senator", "Dalton", "Keeper", "Councillor", "Chairman", "Coach"]
H_FLAG_SPECIAL = [("kys", "@kys_{t}"), ("kys", "@{t}_kys_{d}"), ("stfu", "@stfu_{t}"),
                  ("stfu", "@{T}PleaseSTFU"), ("kys", "@KYS_{T}_fans")]
H_CLEAN = [
    ("wang", "@Dr_Mei_Wang"), ("wang", "@WangLab_Stanford"), ("wang", "@VeraWangBridal"),
    ("wang", "@Wang_Qiang_Tennis"), ("wang", "@Prof_Lin_Wang"),
    ("dong", "@Dong_Nguyen_Dev"), ("dong", "@VND_Dong_Rates"), ("dong", "@HanoiDongExchange"),
    ("hooker", "@Rugby_Hooker_Drills"), ("hooker", "@JohnLeeHookerEstate"), ("hooker", "@HookerTelescope"),
    ("muppet", "@Muppet_Show_Archive"), ("muppet", "@MuppetWiki"), ("muppet", "@OriginalMuppetPuppets"),
    ("nonce", "@NonceLabs"), ("nonce", "@nonce_tracker_bot"), ("nonce", "@Nonce_Word_Daily"),
    ("dipstick", "@DipstickAutoParts"), ("dipstick", "@dipstick_oil_tips"),
    ("fanny", "@FannyPackOutlet"), ("fanny", "@FannyBrice_Musical"), ("fanny", "@Fanny_Mendelssohn_Society"),
    ("shag", "@ShagCarpetRevival"), ("shag", "@shag_colony_watch"), ("shag", "@Shag_Haircut_Studio"),
    ("prat", "@ElPrat_Airport"), ("prat", "@Prat_Llobregat_News"), ("prat", "@ArturoPratMuseum"),
    ("bint", "@Fatima_bint_Mubarak_Centre"), ("bint", "@Haya_bint_Hussein_Fdn"),
    ("bozo", "@BozoTheClownArchive"), ("bozo", "@Bozo_Circus_Reruns"),
    ("dildo", "@DildoNL_Tourism"), ("dildo", "@Dildo_Newfoundland"),
    ("muff", "@Muff_Village_Donegal"), ("muff", "@Muff_Community_Hall"),
    ("fap", "@FAP_Peru_Oficial"), ("fap", "@FAP_Awareness_Network"),
]
H_CTX_FLAG = ["{h} posted the stream link again", "who is {h} and why are they in every thread",
              "mods, {h} just joined the server", "{h} replied to the council announcement",
              "reported {h}", "lol {h} is back", "{h} changed their name again",
              "{h} is spamming the match thread", "new account {h} just followed the club page",
              "{h} keeps replying to the mayor's posts"]
H_CTX_CLEAN = ["{h} shared the council agenda", "the article quotes {h}",
               "{h} has the full stats thread", "follow {h} for the background",
               "{h} posted the official statement", "the tweet from {h} is embedded in the story",
               "{h} replied with the schedule", "source is {h}, linked in the piece",
               "{h} confirmed the date", "the photo credit goes to {h}"]


def handle_parts():
    rng = random.Random(SEED + 5)
    out, seen = [], set()
    while sum(1 for x in out if x[2] == "flag") < 75:
        if rng.random() < 0.15:
            word, pat = rng.choice(H_FLAG_SPECIAL)
        else:
            word, pat = rng.choice(H_FLAG_WORDS), rng.choice(H_FLAG)
        T = rng.choice(H_TARGETS)
        h = pat.format(w=word, W=word.capitalize(), T=T, t=T.lower(), d=rng.randint(1, 99))
        c = rng.choice(H_CTX_FLAG).format(h=h)
        if c in seen:
            continue
        seen.add(c)
        out.append((c, word, "flag"))
    i = 0
    while sum(1 for x in out if x[2] == "clean") < 75:
        word, h = H_CLEAN[i % len(H_CLEAN)]
        i += 1
        c = rng.choice(H_CTX_CLEAN).format(h=h)
        if c in seen:
            continue
        seen.add(c)
        out.append((c, word, "clean"))
    rng.shuffle(out)
    return out


# --------------------------------------------------------------------------
# Self-check
# --------------------------------------------------------------------------
def _has_part(handle_comment, word):
    m = re.search(r"@\w+", handle_comment)
    h = m.group(0)[1:]
    parts = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", h)
    return word in [p.lower() for p in parts]


def _selfcheck():
    import collections
    assert len(WORDS) == 24 == len(set(WORDS))
    assert sum(len(w) >= 5 for w in WORDS) == 12 and sum(len(w) in (3, 4) for w in WORDS) == 12
    assert set(FORMS) == set(WORDS) and all(FORMS[w][0] == w for w in WORDS)
    banned = set(EARLIER) | {"git"}
    assert not banned & set(WORDS), banned & set(WORDS)

    d1, d2 = evasions_detailed(), evasions_detailed()
    assert d1 == d2, "evasions not deterministic"
    assert len(d1) == 3000 and len({d["comment"] for d in d1}) == 3000
    ev = evasions()
    assert ev == [(d["comment"], d["categories"]) for d in d1]
    cat_count = collections.Counter()
    n_leet = n_combo = n_draw = n_whole = 0
    for d in d1:
        form, tok, cats = d["form"], d["token"], d["categories"]
        assert d["word"] in WORDS and form in FORMS[d["word"]]
        assert tok in d["comment"], d
        assert tok != form
        assert human_reads(tok, form), ("token does not read as form", tok, form)
        assert isinstance(cats, tuple) and cats and set(cats) <= set(CATEGORIES)
        assert 1 <= len(cats) <= 3
        rest = d["comment"].replace(tok, " ")
        assert not plain_hits(rest) and not leet_hits(rest), d
        nt = normalize(tok)
        letters = re.sub("[^a-z]", "", nt)
        for c in cats:
            cat_count[c] += 1
        if "leet" in cats:
            n_leet += 1
            raw = "".join(ch for ch in tok if ch not in ZWSET)
            assert re.sub("[^a-z]", "", raw.lower()) != form or re.search(r"[^a-zA-Z\s]", raw), tok
            if any(dr in tok for c in form for dr in LEETD.get(c, []) if len(dr) > 1):
                n_draw += 1
            if not re.search("[a-z]", re.sub(r"ph|vv", "", nt)):
                n_whole += 1
        if len(cats) >= 2:
            n_combo += 1
        if "zerowidth" in cats:
            assert any(ch in ZWSET for ch in tok)
        if "linebreak" in cats:
            assert "\n" in tok
        if "lookalike" in cats:
            assert any(ord(ch) > 0x24f and unicodedata.category(ch).startswith("L")
                       or unicodedata.category(ch) == "So" and ord(ch) in range(0x24b6, 0x24ea)
                       for ch in tok), tok
        if "diacritics" in cats:
            assert any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", tok)), tok
        if "markdown" in cats:
            assert re.search(r"\*|\|\||`|__|~~|_", tok), tok
        if "case" in cats:
            raw = normalize(tok, lower=False)
            assert re.search("[A-Z]", raw) and re.search("[a-z]", raw), tok
        if "stretch" in cats:
            assert re.search(r"(.)\1\1", nt) or re.search(r"(..)\1\1", nt), tok
        if "emoji" in cats:
            assert any(unicodedata.category(ch) in ("So", "Po", "Sm") and ord(ch) > 0x7f for ch in tok), tok
        if "separators" in cats:
            assert re.search(r"[.\-_ ,\u00b7]", tok), tok
    assert n_leet >= 0.6 * 3000, n_leet
    assert n_combo >= 0.5 * 3000, n_combo
    per_word = collections.Counter(d["word"] for d in d1)
    assert all(v == 125 for v in per_word.values()), per_word

    for name, fn, n in (("clean_tags", clean_tags, 1500), ("clean_codes", clean_codes, 1500),
                        ("clean_prose", clean_prose, 2000)):
        a, b = fn(), fn()
        assert a == b, name + " not deterministic"
        assert len(a) == n and len(set(a)) == n, (name, len(a))
        for t in a:
            assert not plain_hits(t), (name, t, plain_hits(t))
            assert not leet_hits(t), (name, t, leet_hits(t))
            assert not leet_sub_hits(t), (name, t, leet_sub_hits(t))
    c1 = collisions()
    assert c1 == collisions() and 90 <= len(c1) <= 110 and len({c for c, _ in c1}) == len(c1)
    for c, w in c1:
        assert w in WORDS and re.search(r"\b(?:%s)\b" % "|".join(FORMS[w]), c, re.I), (c, w)
    h1 = handle_parts()
    assert h1 == handle_parts() and 140 <= len(h1) <= 160 and len({c for c, _, _ in h1}) == len(h1)
    for c, w, lab in h1:
        assert lab in ("clean", "flag") and w in WORDS
        assert _has_part(c, w), (c, w)
    labs = collections.Counter(l for _, _, l in h1)

    # leet reader sanity: it must catch classic leet spellings and spare innocent text
    for probe, exp in (("b0z0", True), ("8020", True), ("p3d0", True), ("|\\|0|\\|c3", True),
                       ("5h4g", True), ("d0n9", True), ("gr8 m8", False), ("w00t", False),
                       ("torpedo", False), ("h4x", False)):
        assert bool(leet_hits(probe)) == exp, probe

    print("OK  evasions=%d (leet %d = %.1f%%, combined %d = %.1f%%, with drawings %d, wholly leet %d)"
          % (len(d1), n_leet, 100.0 * n_leet / len(d1), n_combo, 100.0 * n_combo / len(d1), n_draw, n_whole))
    print("    per category:", dict(sorted(cat_count.items(), key=lambda kv: CATEGORIES.index(kv[0]))))
    combos = collections.Counter(d["categories"] for d in d1)
    print("    single-technique:", {k[0]: v for k, v in sorted(combos.items()) if len(k) == 1})
    print("    clean_tags=%d clean_codes=%d clean_prose=%d collisions=%d handle_parts=%d %s"
          % (1500, 1500, 2000, len(c1), len(h1), dict(labs)))


if __name__ == "__main__":
    _selfcheck()
