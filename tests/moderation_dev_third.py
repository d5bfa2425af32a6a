#!/usr/bin/env python3
"""Evaluation data for a Discord chat word filter (third dev set).

Written apart from the engine, by a writer who never saw its code, from the categories'
descriptions; development data: tuned on. Read by tests/moderation_dev_third_split.py.

Standard library only, deterministic (seeded random.Random).

  WORDS          the server's listed words
  evasions()     (comment, categories) - one disguised listed word per comment
  clean_tags()   clean comments full of handles / tags / emails / channels
  clean_codes()  clean comments full of model numbers, hashes, plates, ...
  clean_prose()  clean comments with Scunthorpe-style traps, URLs, code, other languages
  collisions()   a listed word used plainly as a whole word in an innocent sense

Run `python3 dev_third.py` for the self-check.
"""
import random
import re
import unicodedata

WORDS = [
    "fuck", "fucking", "motherfucker", "shit", "bullshit", "cunt", "asshole",
    "bitch", "bastard", "dickhead", "wanker", "twat", "dick", "whore", "slut",
    "piss", "cock", "retard", "crap", "damn", "hell", "tit", "cum", "ass",
    "arse", "fag", "scam", "nazi", "simp", "noob", "thot", "hoe",
]

CATEGORIES = [
    "look-alike letters", "leetspeak", "separators", "markdown", "line breaks",
    "invisible characters", "stretching", "accents and marks", "bidi tricks",
    "case mixing",
]

# Inflected forms used in evasions (the listed word itself is always a form).
FORMS = {
    "fuck": ["fuck", "fucks", "fucked"],
    "fucking": ["fucking"],
    "motherfucker": ["motherfucker", "motherfuckers"],
    "shit": ["shit", "shits"],
    "bullshit": ["bullshit", "bullshitting"],
    "cunt": ["cunt", "cunts"],
    "asshole": ["asshole", "assholes"],
    "bitch": ["bitch", "bitches", "bitching"],
    "bastard": ["bastard", "bastards"],
    "dickhead": ["dickhead", "dickheads"],
    "wanker": ["wanker", "wankers"],
    "twat": ["twat", "twats"],
    "dick": ["dick", "dicks"],
    "whore": ["whore", "whores"],
    "slut": ["slut", "sluts"],
    "piss": ["piss", "pissed", "pissing"],
    "cock": ["cock", "cocks"],
    "retard": ["retard", "retards", "retarded"],
    "crap": ["crap"],
    "damn": ["damn", "damned"],
    "hell": ["hell"],
    "tit": ["tit", "tits"],
    "cum": ["cum"],
    "ass": ["ass", "asses"],
    "arse": ["arse", "arsed"],
    "fag": ["fag", "fags"],
    "scam": ["scam", "scams", "scammed", "scamming"],
    "nazi": ["nazi", "nazis"],
    "simp": ["simp", "simps", "simping"],
    "noob": ["noob", "noobs"],
    "thot": ["thot", "thots"],
    "hoe": ["hoe", "hoes"],
}


# ---------------------------------------------------------------------------
# strict plain-reading checker (used for clean sets and for evasion context)
# ---------------------------------------------------------------------------
def _all_forms():
    out = set()
    for w in WORDS:
        out.add(w)
        for f in FORMS[w]:
            out.add(f)
        for suf in ("s", "es", "ed", "d", "ing", "in", "er", "ers", "y", "z"):
            out.add(w + suf)
        last = w[-1]
        for suf in ("ed", "ing", "er", "ers", "y", "ies"):
            out.add(w + last + suf)
    return out


STRICT_FORMS = _all_forms()


def _camel_split(run):
    """Split a run of letters on CamelCase boundaries (XMLHttp -> XML, Http)."""
    parts, cur = [], ""
    for i, ch in enumerate(run):
        if cur:
            prev = run[i - 1]
            nxt = run[i + 1] if i + 1 < len(run) else ""
            if prev.islower() and ch.isupper():
                parts.append(cur)
                cur = ""
            elif prev.isupper() and ch.isupper() and nxt and nxt.islower():
                parts.append(cur)
                cur = ""
        cur += ch
    if cur:
        parts.append(cur)
    return parts


def plain_tokens(text):
    toks = []
    for variant in (text, "".join(c for c in unicodedata.normalize("NFKD", text)
                                  if not unicodedata.category(c).startswith("M"))):
        run = ""
        for ch in variant + " ":
            if ch.isalpha():
                run += ch
            else:
                if run:
                    toks.extend(p.lower() for p in _camel_split(run))
                run = ""
    return toks


def listed_plain(text):
    """Listed words (or their forms) present when `text` is read plainly."""
    return sorted({t for t in plain_tokens(text) if t in STRICT_FORMS})


# leet reading of a single code token (used to keep codes honest)
_LEET_READ = {"0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
              "9": "g", "6": "g", "@": "a", "$": "s", "+": "t", "!": "i", "2": "z"}


def leet_reads(token):
    t = token.lower()
    outs = []
    for one in ("i", "l"):
        outs.append("".join(_LEET_READ.get(c, one if c in "1|" else c) for c in t))
    return outs


def leet_hits(token):
    hits = set()
    for r in leet_reads(token):
        for w in WORDS:
            if w in r:
                hits.add(w)
    return hits


# ---------------------------------------------------------------------------
# disguise machinery
# ---------------------------------------------------------------------------
ZW = {"ZWSP": "\u200b", "ZWNJ": "\u200c", "ZWJ": "\u200d", "SHY": "\u00ad",
      "WJ": "\u2060", "HANGUL_FILLER": "\u3164", "BRAILLE_BLANK": "\u2800",
      "CGJ": "\u034f"}
INVISIBLES = list(ZW.values())
RLO, PDF = "\u202e", "\u202c"

LEET = {
    "a": ["4", "@"], "b": ["8", "|3"], "c": ["(", "<"], "d": ["|)"], "e": ["3"],
    "f": ["ph"], "g": ["9", "6"], "h": ["#", "|-|"], "i": ["1", "!", "|"],
    "k": ["|<"], "l": ["1", "|"], "m": ["|\\/|"], "n": ["|\\|"], "o": ["0"],
    "s": ["5", "$"], "t": ["7", "+"], "u": ["|_|"], "w": ["\\/\\/"], "z": ["2"],
}
LEET_DECODE = {}
for _k, _vs in LEET.items():
    for _v in _vs:
        LEET_DECODE.setdefault(_v, set()).add(_k)
_LEET_KEYS = sorted(LEET_DECODE, key=len, reverse=True)

CYR_L = dict(zip("acdeohijpqswxyk", "асԁеоһіјрԛѕԝхук"))
CYR_L["l"] = "\u04cf"
CYR_U = dict(zip("ABCEHIJKMOPSTXY", "АВСЕНІЈКМОРЅТХҮ"))
GRK_L = dict(zip("aiouvktpxne", "αιουνκτρχηε"))
GRK_U = dict(zip("ABEHIKMNOPTXYZ", "ΑΒΕΗΙΚΜΝΟΡΤΧΥΖ"))
ARM_L = {"o": "\u0585", "u": "\u057d", "n": "\u0578", "h": "\u0570", "g": "\u0581"}
CHER = {"a": "\u13aa", "b": "\u13f4", "c": "\u13df", "d": "\u13a0", "e": "\u13ac",
        "g": "\u13c0", "h": "\u13bb", "i": "\u13c6", "j": "\u13ab", "k": "\u13e6",
        "l": "\u13de", "m": "\u13b7", "p": "\u13e2", "s": "\u13da", "t": "\u13a2",
        "v": "\u13d9", "w": "\u13b3", "r": "\u13a1", "z": "\u13c3"}
STROKE = {"o": "ø", "l": "ł", "d": "đ", "h": "ħ", "t": "ŧ", "b": "ƀ", "i": "ɨ",
          "g": "ǥ", "u": "ʉ", "z": "ƶ", "k": "ꝁ", "e": "ɇ", "a": "ⱥ", "c": "ȼ",
          "r": "ɍ", "y": "ɏ", "j": "ɉ", "p": "ᵽ"}
SMALLCAP = dict(zip("abcdefghijklmnopqrstuvwyz", "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ"))
MATH = {"bold": (0x1D400, 0x1D41A), "bold italic": (0x1D468, 0x1D482),
        "sans": (0x1D5A0, 0x1D5BA), "sans bold": (0x1D5D4, 0x1D5EE),
        "sans italic": (0x1D608, 0x1D622), "monospace": (0x1D670, 0x1D68A),
        "double-struck": (0x1D538, 0x1D552), "fraktur": (0x1D504, 0x1D51E),
        "bold fraktur": (0x1D56C, 0x1D586), "bold script": (0x1D4D0, 0x1D4EA)}


def _named(cp):
    ch = chr(cp)
    return ch if unicodedata.name(ch, None) else None


def glyph(family, ch):
    """(glyph, keeps_case) for letter ch (either case) in a look-alike family."""
    lo, up = ch.lower(), ch.isupper()
    i = ord(lo) - 97
    if family == "cyrillic":
        if up and ch in CYR_U:
            return CYR_U[ch], True
        if lo in CYR_L:
            return CYR_L[lo], not up
        return None, False
    if family == "greek":
        if up and ch in GRK_U:
            return GRK_U[ch], True
        if lo in GRK_L:
            return GRK_L[lo], not up
        return None, False
    if family == "armenian":
        return (ARM_L.get(lo), not up) if lo in ARM_L else (None, False)
    if family == "cherokee":
        return (CHER.get(lo), False) if lo in CHER else (None, False)
    if family == "strokes":
        if lo in STROKE:
            g = STROKE[lo]
            if up and g.upper() != g and len(g.upper()) == 1:
                return g.upper(), True
            return g, not up
        return None, False
    if family == "small capitals":
        return (SMALLCAP.get(lo), False) if lo in SMALLCAP else (None, False)
    if family == "fullwidth":
        return chr((0xFF21 if up else 0xFF41) + i), True
    if family in MATH:
        U, L = MATH[family]
        g = _named((U if up else L) + i)
        if g:
            return g, True
        g = _named(L + i)
        return (g, False) if g else (None, False)
    if family == "circled":
        return chr((0x24B6 if up else 0x24D0) + i), True
    if family == "negative circled":
        return chr(0x1F150 + i), False
    if family == "squared":
        return chr(0x1F130 + i), False
    if family == "negative squared":
        return chr(0x1F170 + i), False
    if family == "parenthesised":
        return chr(0x249C + i), False
    if family == "regional indicator":
        return chr(0x1F1E6 + i), False
    raise KeyError(family)


SUBSET_FAMILIES = ["cyrillic", "cyrillic", "greek", "armenian", "cherokee", "strokes",
                   "regional indicator"]
WHOLE_FAMILIES = ["fullwidth", "small capitals", "circled", "negative circled",
                  "squared", "negative squared", "parenthesised"] + list(MATH)

REVERSE_GLYPH = {}
for _m in (CYR_L, CYR_U, GRK_L, GRK_U, ARM_L, CHER, STROKE, SMALLCAP):
    for _k, _v in _m.items():
        REVERSE_GLYPH[_v] = _k.lower()
for _k, _v in STROKE.items():
    if len(_v.upper()) == 1:
        REVERSE_GLYPH[_v.upper()] = _k
for _i in range(26):
    for _base in (0x1F150, 0x1F130, 0x1F170, 0x249C, 0x1F1E6):
        REVERSE_GLYPH[chr(_base + _i)] = chr(97 + _i)

MARKS = ["\u0301", "\u0300", "\u0308", "\u0303", "\u0304", "\u0307", "\u030a",
         "\u030c", "\u0327", "\u0328", "\u0323", "\u0302", "\u0306", "\u030b",
         "\u0331", "\u0330", "\u0335"]
PRECOMP = {}
for _c in "abcdefghijklmnopqrstuvwxyz":
    for _m in MARKS:
        for _cc in (_c, _c.upper()):
            _n = unicodedata.normalize("NFC", _cc + _m)
            if len(_n) == 1:
                PRECOMP.setdefault(_cc, []).append(_n)

SEP_CHARS = [".", "-", "_", " ", "/", ",", ":", "'", "·", "•", "~", "="]
MD_PAIRS = ["**", "__", "~~", "`", "||", "*", "***", "_"]
MIRROR = {"(": ")", ")": "(", "<": ">", ">": "<", "[": "]", "]": "[", "{": "}", "}": "{"}
SPOIL = "\x00"   # placeholder for a spoiler marker during construction


class Fail(Exception):
    pass


def _clusters(s):
    out = []
    for ch in s:
        if out and unicodedata.category(ch).startswith("M"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _bidi_logical(display):
    cl = _clusters(display)
    cl.reverse()
    return "".join(MIRROR.get(c[0], c[0]) + c[1:] for c in cl)


def disguise(form, cats, rng):
    """Return the disguised string of `form` using exactly the categories `cats`."""
    cats = set(cats)
    n = len(form)
    base = list(form)
    # ---- case mixing (applied to base letters first) ----
    if "case mixing" in cats:
        style = rng.choice(["alt0", "alt1", "random", "random", "invert"])
        if style == "alt0":
            base = [c.upper() if i % 2 else c for i, c in enumerate(base)]
        elif style == "alt1":
            base = [c if i % 2 else c.upper() for i, c in enumerate(base)]
        elif style == "invert":
            base = [base[0]] + [c.upper() for c in base[1:]]
        else:
            base = [c.upper() if rng.random() < 0.5 else c for c in base]
    units = list(base)
    vis = ["U" if c.isupper() else "L" for c in base]
    claimed = [None] * n
    free = list(range(n))
    # ---- leetspeak ----
    if "leetspeak" in cats:
        cand = [i for i in free if form[i] in LEET]
        if not cand:
            raise Fail
        k = rng.choice([1, 1, 1, 2, 2, 3]) if len(cand) > 1 else 1
        k = min(k, len(cand), max(1, n - 2))
        pos = rng.sample(cand, k)
        if rng.random() < 0.3 and (n - 1) in cand and (n - 1) not in pos:
            pos[0] = n - 1            # make sure the last letter gets hit sometimes
        for i in pos:
            units[i] = rng.choice(LEET[form[i]])
            vis[i] = None
            claimed[i] = "leet"
        free = [i for i in free if claimed[i] is None]
    # ---- accents (precomposed occupy a letter; combining marks attach) ----
    combining_targets = []
    if "accents and marks" in cats:
        mode = rng.choice(["pre", "pre", "comb", "comb", "mix", "stack"])
        cand = [i for i in free if base[i] in PRECOMP]
        if mode in ("pre", "mix") and cand:
            k = min(len(cand), rng.choice([1, 1, 2, 3]))
            for i in rng.sample(cand, k):
                units[i] = rng.choice(PRECOMP[base[i]])
                claimed[i] = "acc"
            free = [i for i in free if claimed[i] is None]
            if mode == "mix":
                combining_targets = ["any"]
        else:
            combining_targets = ["stack" if mode == "stack" else "any"]
    # ---- look-alike letters ----
    if "look-alike letters" in cats:
        if not free:
            raise Fail
        if rng.random() < 0.5:
            fam = rng.choice(SUBSET_FAMILIES)
            cand = [i for i in free if glyph(fam, base[i])[0]]
            if fam == "regional indicator":
                cand = [i for i in cand if i % 2 == rng.randrange(2)] or cand[:1]
            if not cand:
                raise Fail
            pos = [i for i in cand if rng.random() < 0.6] or [rng.choice(cand)]
            if fam == "regional indicator":
                pos = sorted(pos)
                pos = [p for j, p in enumerate(pos) if j == 0 or p - pos[j - 1] > 1]
        else:
            fam = rng.choice(WHOLE_FAMILIES)
            pos = list(free)
            if rng.random() < 0.3 and len(pos) > 1:
                pos = rng.sample(pos, rng.randint(1, len(pos) - 1))
        for i in pos:
            g, keep = glyph(fam, base[i])
            units[i] = g
            vis[i] = vis[i] if keep else None
            claimed[i] = "look"
        free = [i for i in free if claimed[i] is None]
    # combining marks now (on letter-ish units only)
    if combining_targets:
        letterish = [i for i in range(n) if claimed[i] != "leet"]
        if not letterish:
            raise Fail
        if combining_targets[0] == "stack":
            i = rng.choice(letterish)
            units[i] += "".join(rng.sample(MARKS, rng.randint(2, 3)))
        else:
            for i in rng.sample(letterish, min(len(letterish), rng.choice([1, 1, 2, 3]))):
                units[i] += rng.choice(MARKS)
    if "case mixing" in cats:
        ups = [i for i in range(1, n) if vis[i] == "U"]
        los = [i for i in range(n) if vis[i] == "L"]
        if not ups or not los:
            raise Fail
    # ---- stretching ----
    if "stretching" in cats:
        cand = [i for i in range(n) if len(_clusters(units[i])) == 1]
        if not cand:
            raise Fail
        for i in rng.sample(cand, min(len(cand), rng.choice([1, 1, 1, 2, 2, 3]))):
            style = rng.choice(["double", "run", "run", "long", "mixed"])
            reps = {"double": 1, "run": rng.randint(2, 5), "long": rng.randint(6, 12),
                    "mixed": rng.randint(2, 6)}[style]
            u = units[i]
            if (style == "mixed" and u.isascii() and u.isalpha()
                    and "case mixing" in cats):      # case changes inside a run only when labelled
                units[i] = u + "".join(u.swapcase() if j % 2 == 0 else u for j in range(reps))
            else:
                units[i] = u * (reps + 1)
    # ---- gaps: separators, invisible characters, line breaks ----
    gaps = [[] for _ in range(n - 1)]
    if "separators" in cats:
        style = rng.choice(["single", "single", "repeat", "mixed", "space", "spaced", "some"])
        ch = rng.choice(SEP_CHARS)
        for g in range(n - 1):
            if style == "single":
                s = ch
            elif style == "repeat":
                s = ch * rng.randint(2, 4)
            elif style == "mixed":
                s = rng.choice(SEP_CHARS[:11])
            elif style == "space":
                s = " "
            elif style == "spaced":
                s = " " + ch + " " if ch != " " else "  "
            else:
                s = ch if rng.random() < 0.5 else ""
            gaps[g].append(s)
        if not any("".join(x) for x in gaps):
            gaps[rng.randrange(n - 1)] = [ch]
    if "invisible characters" in cats:
        same = rng.random() < 0.5
        ch = rng.choice(INVISIBLES)
        sel = [g for g in range(n - 1) if rng.random() < 0.6] or [rng.randrange(n - 1)]
        for g in sel:
            gaps[g].append(ch if same else rng.choice(INVISIBLES))
    nl_gap = None
    if "line breaks" in cats:
        nl_gap = rng.randrange(n - 1)
        gaps[nl_gap].append("\n")
    gap_str = []
    for g in gaps:
        g = list(g)
        if "\n" in g:          # keep the newline after a visible separator (hyphenation style)
            g.remove("\n")
            g.append("\n")
        else:
            rng.shuffle(g)
        gap_str.append("".join(g))
    # ---- markdown ----
    opens = [""] * n
    closes = [""] * n
    if "markdown" in cats:
        pairs = [p for p in MD_PAIRS
                 if not ("_" in p and any("_" in s for s in gap_str + units))
                 and not ("*" in p and any("*" in s for s in gap_str))
                 and not ("~" in p and any("~" in s for s in gap_str))]
        if not pairs:
            raise Fail
        style = rng.choice(["whole", "prefix", "suffix", "middle", "middle", "alternate", "two"])

        def span_ok(a, b):      # [a, b] inclusive, must not cross the newline
            return nl_gap is None or not (a <= nl_gap < b)

        spans = []
        if style == "whole":
            spans = [(0, n - 1)]
        elif style == "prefix":
            spans = [(0, rng.randint(0, n - 2))]
        elif style == "suffix":
            spans = [(rng.randint(1, n - 1), n - 1)]
        elif style == "middle":
            a = rng.randint(0, n - 1)
            b = rng.randint(a, n - 1)
            if (a, b) == (0, n - 1):
                a = 1 if n > 2 else 0
            spans = [(a, b)]
        elif style == "alternate":
            st = rng.randrange(2)
            spans = [(i, i) for i in range(st, n, 2)]
        else:
            cut = rng.randint(0, n - 2)
            spans = [(0, cut), (cut + 1, n - 1)]
        if not all(span_ok(a, b) for a, b in spans):
            raise Fail
        p = rng.choice(pairs)
        for j, (a, b) in enumerate(spans):
            q = rng.choice(pairs) if style == "two" and j == 1 else p
            if style == "two" and j == 1 and q == p and len(pairs) > 1:
                q = rng.choice([x for x in pairs if x != p])
            mark = SPOIL if q == "||" else q
            opens[a] = mark + opens[a]
            closes[b] = closes[b] + mark
    out = ""
    for i in range(n):
        out += opens[i] + units[i] + closes[i]
        if i < n - 1:
            out += gap_str[i]
    if "||" in out or "|" + SPOIL in out or SPOIL + "|" in out:
        raise Fail
    out = out.replace(SPOIL, "||")
    if "bidi tricks" in cats:
        out = RLO + _bidi_logical(out) + PDF
    return out


def decode_ok(disguised, form):
    """Self-check: a human-style reading of `disguised` gives back `form`."""
    s = disguised
    if s.startswith(RLO):
        s = s[1:-1] if s.endswith(PDF) else s[1:]
        s = _bidi_logical(s)
    for ch in INVISIBLES + ["\n"]:
        s = s.replace(ch, "")
    for md in ("||", "***", "**", "__", "~~", "`", "*"):
        s = s.replace(md, "")
    sets = []
    i = 0
    while i < len(s):
        for key in _LEET_KEYS:
            if s.startswith(key, i):
                sets.append(set(LEET_DECODE[key]))
                i += len(key)
                break
        else:
            ch = s[i]
            i += 1
            if unicodedata.category(ch).startswith("M"):
                continue
            if ch in SEP_CHARS:
                continue
            ch = REVERSE_GLYPH.get(ch, ch)
            ch = unicodedata.normalize("NFKC", ch)
            ch = "".join(c for c in unicodedata.normalize("NFD", ch)
                         if not unicodedata.category(c).startswith("M"))
            ch = REVERSE_GLYPH.get(ch, ch).lower()
            if len(ch) != 1 or not ch.isalpha():
                return False
            sets.append({ch})
    coll = []
    for st in sets:
        if not coll or coll[-1] != st:
            coll.append(st)
    f = [c for j, c in enumerate(form) if j == 0 or form[j - 1] != c]
    # merge: a set may absorb a repeated letter of the form (e.g. '1' for l in "hell")
    return len(coll) == len(f) and all(c in st for c, st in zip(f, coll))


# ---------------------------------------------------------------------------
# evasion sentences
# ---------------------------------------------------------------------------
CONTEXT = [
    # ceasefire news
    "Just read the article about the ceasefire talks in Doha.",
    "Apparently the ceasefire is supposed to hold until Friday.",
    "The ceasefire report says aid trucks are finally crossing the border.",
    "Reuters says both sides signed the ceasefire draft overnight.",
    "Shelling was reported near the border an hour before the ceasefire started.",
    "The ceasefire article quotes three ministers and none of them agree.",
    "The hostage exchange is scheduled for tomorrow morning according to the live blog.",
    "The mediators want a second phase of the ceasefire signed by next week.",
    "Half the comments under that ceasefire article are bots.",
    "They updated the ceasefire story four times in one hour.",
    "The UN envoy called the truce fragile but holding.",
    # games
    "Ranked queue has been a nightmare since the patch dropped.",
    "Just hit Diamond after three weeks of grinding.",
    "The new season starts on Tuesday and the servers are already lagging.",
    "Our squad lost the final circle to a third party again.",
    "That DLC took me sixty hours and I'm still not done.",
    "They nerfed the sniper again in patch 1.4.2.",
    "Stream starts at 8pm, bring snacks.",
    "That boss fight took me forty tries.",
    "Matchmaking put me with two people who never said a word.",
    "Servers went down right in the middle of our raid.",
    "The battle pass costs more than the game did.",
    "Got teamkilled twice in the first minute.",
    "The speedrun record dropped by eleven seconds overnight.",
    # sport
    "Did anyone watch the derby last night?",
    "The referee gave a penalty for that?",
    "Three goals in the last ten minutes, unreal.",
    "Our keeper had the game of his life on Saturday.",
    "The transfer window closes on Friday and we still haven't signed a striker.",
    "That was the worst officiating I've seen all season.",
    "Ticket prices for the cup final went up again.",
    "He pitted twice and still won the race.",
    "The VAR check took four minutes.",
    "We were two nil up at half time.",
    # local news
    "They're closing the high street for roadworks again next week.",
    "The council approved the new bike lanes on Mill Road.",
    "Bins haven't been collected on our street for two weeks.",
    "There's a burst water main outside the library.",
    "The bus timetable changed and nobody told us.",
    "They finally fixed the pothole on Station Road after eight months.",
    "Rent in the city centre went up another 12 percent.",
    "The leisure centre is shutting for refurbishment until spring.",
    "Someone keeps parking across the dropped kerb on our road.",
    # tech
    "My laptop updated overnight and now the wifi driver is broken.",
    "The new phone costs more than my first car.",
    "Windows decided to restart during my presentation.",
    "The printer at work jammed three times this morning.",
    "Deploy failed on Friday at 5pm, classic.",
    "My router keeps dropping the connection every hour.",
    "Autocorrect changed my boss's name in the email.",
    "The app update deleted all my saved playlists.",
    "Customer support put me on hold for ninety minutes.",
    "My password manager logged me out of everything.",
    # everyday
    "The neighbours' dog barked from 3am until sunrise.",
    "Missed the train by literally five seconds.",
    "Someone took my lunch from the office fridge again.",
    "It's been raining for nine days straight.",
    "My cat knocked a full mug of coffee onto the keyboard.",
    "Landlord says the heating will be fixed next week, for the third time.",
    "The queue at the post office went out the door.",
    "I burned the toast and set off every smoke alarm in the flat.",
    "Gym was packed so I went home.",
    "Got a parking ticket for being two minutes over.",
    "My delivery was marked as delivered but it's nowhere.",
    "The self checkout asked for help six times.",
]
CLOSERS = ["lol", "Anyway.", "Unbelievable.", "Going to bed.", "Send help.", "smh",
           "Every single time.", "Can't make this up.", "ugh", "Rant over.",
           "Why is it always us.", "", "", "", "", ""]

FRAMES = {
    "fuck": ["what the {w} is this", "oh {w}, not again", "{w} this patch",
             "who the {w} approved that", "I don't give a {w} anymore"],
    "fucks": ["zero {w} given at this point", "he {w} it up every single time"],
    "fucked": ["we're absolutely {w}", "the servers are {w} again", "I {w} up the timing"],
    "fucking": ["this is {w} ridiculous", "the {w} printer did it again",
                "are you {w} kidding me", "{w} finally", "what a {w} mess"],
    "motherfucker": ["that {w} stole my kill", "some {w} parked across my driveway",
                     "you lucky {w}"],
    "motherfuckers": ["those {w} camped spawn all game", "the {w} in the flat upstairs are at it again"],
    "shit": ["oh {w}", "this update is pure {w}", "holy {w}", "that's some {w} refereeing",
             "{w}, I forgot my keys"],
    "shits": ["it {w} the bed every Friday", "the app {w} itself whenever I open the camera"],
    "bullshit": ["that penalty was total {w}", "this is {w}", "{w}, I was behind cover",
                 "what a load of {w}"],
    "bullshitting": ["stop {w} us", "they're {w} about the release date"],
    "cunt": ["what a {w}", "the guy is a complete {w}", "that driver was an absolute {w}"],
    "cunts": ["those {w} blocked the road", "bunch of {w} in that lobby"],
    "asshole": ["what an {w}", "the driver behind me was a total {w}", "don't be an {w}"],
    "assholes": ["bunch of {w} in ranked today", "the {w} who run that company"],
    "bitch": ["stop being a {w} about it", "life's a {w}", "son of a {w}"],
    "bitches": ["bunch of whiny {w}", "those {w} reported me for nothing"],
    "bitching": ["quit {w} about the patch", "everyone is {w} about the prices"],
    "bastard": ["you lucky {w}", "that {w} sniped me from across the map"],
    "bastards": ["the {w} raised the rent again", "sneaky {w} flanked us"],
    "dickhead": ["what a {w}", "some {w} keeps spamming the chat"],
    "dickheads": ["{w} on the bus again", "a pair of {w} ruined the match"],
    "wanker": ["absolute {w}", "the ref is a {w}", "what a {w}"],
    "wankers": ["bunch of {w}", "the {w} who designed this form"],
    "twat": ["what a {w}", "he's such a {w}", "you utter {w}"],
    "twats": ["those {w} in the car park", "bunch of {w}"],
    "dick": ["don't be a {w}", "he was a total {w} about it"],
    "dicks": ["the mods are being {w} today", "they were complete {w} about the refund"],
    "whore": ["attention {w}", "the loot {w} never shares"],
    "whores": ["bunch of clout {w}", "those kill {w} never revive anyone"],
    "slut": ["she got called a {w} for switching teams", "the stat {w} is back"],
    "sluts": ["calling people {w} won't fix it", "a lobby full of stat {w}"],
    "piss": ["{w} off", "take the {w}", "it's like drinking {w}"],
    "pissed": ["I'm so {w} right now", "he got {w} when we lost"],
    "pissing": ["it's {w} down outside", "stop {w} about"],
    "cock": ["what a {w}", "that {w} took my parking spot"],
    "cocks": ["bunch of {w}", "those {w} at the back of the bus"],
    "retard": ["don't be a {w}", "only a {w} would do that"],
    "retards": ["a lobby full of {w}", "the {w} on that forum"],
    "retarded": ["that rule is {w}", "this matchmaking is {w}"],
    "crap": ["this is {w}", "what a load of {w}", "oh {w}, forgot my wallet"],
    "damn": ["{w} it", "{w}, that was close", "I don't give a {w}"],
    "damned": ["the {w} thing broke again", "I'll be {w} if I pay that"],
    "hell": ["what the {w}", "go to {w}", "{w} no", "why the {w} would they do that"],
    "tit": ["what a {w}", "you absolute {w}"],
    "tits": ["it all went {w} up", "stop posting {w} in the general channel"],
    "cum": ["nobody wants your {w} jokes", "stop with the {w} memes"],
    "ass": ["kiss my {w}", "get your {w} over here", "he got his {w} kicked", "smart {w}"],
    "asses": ["move your {w}", "they got their {w} handed to them"],
    "arse": ["get off your {w}", "pain in the {w}", "he fell on his {w}"],
    "arsed": ["can't be {w} today", "nobody could be {w} to fix it"],
    "fag": ["stop calling people {w}", "he typed {w} in chat again"],
    "fags": ["he called them {w} and got banned", "the guy yelling {w} got muted"],
    "scam": ["this is a {w}", "total {w}", "the giveaway is a {w}"],
    "scams": ["these crypto {w} are everywhere", "another one of those {w}"],
    "scammed": ["I got {w}", "he {w} half the server"],
    "scamming": ["they're {w} kids", "stop {w} people"],
    "nazi": ["grammar {w}", "the mod is a total {w}"],
    "nazis": ["the forum mods are {w}", "bunch of spelling {w}"],
    "simp": ["what a {w}", "stop being a {w}"],
    "simps": ["the chat is full of {w}", "bunch of {w} donating"],
    "simping": ["he's {w} for the streamer again", "stop {w}"],
    "noob": ["what a {w}", "{w} team", "uninstall, {w}"],
    "noobs": ["bunch of {w}", "carrying {w} again"],
    "thot": ["some {w} in the comments", "the {w} in that clip"],
    "thots": ["the {w} in the replies", "bunch of {w}"],
    "hoe": ["what a {w}", "she called her a {w}"],
    "hoes": ["he's bragging about his {w} again", "bunch of {w}"],
}

# combinations that do not make visual sense together
_BIDI_BAD = {"markdown", "line breaks"}


def _compatible(cats):
    s = set(cats)
    if "bidi tricks" in s and s & _BIDI_BAD:
        return False
    return True


def _make_frame_sentence(frame, w, rng):
    s = frame.replace("{w}", w)
    if frame.startswith("{w}"):
        pass
    else:
        s = s[0].upper() + s[1:]
    end = rng.choice([".", "!", "", "?!", "..."]) if not frame.endswith("?") else ""
    return s + end


def evasion_records(count=3000, seed=3303):
    rng = random.Random(seed)
    usage = {c: 0 for c in CATEGORIES}
    recs = []
    words = []
    retries = 0
    while len(recs) < count:
        if not words:
            words = list(WORDS)
            rng.shuffle(words)
        word = words.pop()
        forms = FORMS[word]
        form = forms[0] if (len(forms) == 1 or rng.random() < 0.6) else rng.choice(forms[1:])
        for _ in range(200):
            r = rng.random()
            k = 1 if r < 0.55 else (2 if r < 0.85 else 3)
            cats = []
            pool = list(CATEGORIES)
            while len(cats) < k:
                weights = [1.0 / (1 + usage[c]) ** 2 for c in pool]
                c = rng.choices(pool, weights)[0]
                pool.remove(c)
                cats.append(c)
            if not _compatible(cats):
                continue
            try:
                d = disguise(form, cats, rng)
            except Fail:
                retries += 1
                continue
            if not decode_ok(d, form):
                retries += 1
                continue
            break
        else:
            raise RuntimeError("could not disguise " + form)
        for c in cats:
            usage[c] += 1
        frame = rng.choice(FRAMES[form])
        sent = _make_frame_sentence(frame, "\x01", rng)
        ctx = rng.sample(CONTEXT, rng.choice([1, 1, 2]))
        closer = rng.choice(CLOSERS)
        shape = rng.randrange(4)
        if shape == 0:
            parts = ctx + [sent]
        elif shape == 1:
            parts = [sent] + ctx
        elif shape == 2:
            parts = ctx[:1] + [sent] + ([closer] if closer else [])
        else:
            parts = [sent] + ctx[:1]
        parts = parts[:3]
        comment = " ".join(p for p in parts if p)
        if rng.random() < 0.15:
            comment = comment.lower()
        template_text = comment.replace("\x01", " ")
        assert not listed_plain(template_text), (template_text, listed_plain(template_text))
        comment = comment.replace("\x01", d)
        recs.append({"comment": comment, "categories": cats, "word": word,
                     "form": form, "disguised": d})
    return recs


def evasions(count=3000, seed=3303):
    return [(r["comment"], list(r["categories"])) for r in evasion_records(count, seed)]


# ---------------------------------------------------------------------------
# clean tags
# ---------------------------------------------------------------------------
TAG_PARTS = ["Shadow", "Night", "Hawk", "Wolf", "Frost", "Blaze", "Viper", "Ghost", "Rider",
             "Storm", "Pixel", "Lunar", "Echo", "Nova", "Raven", "Ember", "Drift", "Byte",
             "Vortex", "Sniper", "Panda", "Mango", "Taco", "Cobalt", "Orbit", "Toast", "Fox",
             "Bear", "Otter", "Cosmic", "Static", "Turbo", "Chill", "Lazy", "Salty", "Sneaky",
             "Quiet", "Mighty", "Captain", "Doctor", "Lord", "Queen", "King", "Baron", "Nomad",
             "Ronin", "Samurai", "Ninja", "Pirate", "Wizard", "Goblin", "Dragon", "Phoenix",
             "Tiger", "Falcon", "Kraken", "Yeti", "Moose", "Badger", "Pickle", "Noodle",
             "Waffle", "Biscuit", "Sk8", "Jedi", "Reaper", "Sparrow", "Comet", "Glitch",
             "Shock", "Tom", "Lover", "Fan", "Main", "Enjoyer", "Gamer", "Kid", "Mom", "Dad"]
TRAP_PARTS = ["Assassin", "Shell", "Titan", "Titanfall", "Scampi", "Dickens", "Cumberbatch",
              "Hitchcock", "Cocktail", "Peacock", "Classic", "Bassist", "Passion", "Grasshopper",
              "Hello", "Othello", "Scunthorpe", "Penistone", "Essex", "Sussex", "Arsenal",
              "Arsenic", "Document", "Cumulus", "Cucumber", "Scrapper", "Scrappy", "Shiitake",
              "Matsushita", "Yamashita", "Hoedown", "Shoebox", "Therapist", "Analyst", "Compass",
              "Embassy", "Massive", "Assault", "Asset", "Bassline", "Brass", "Glass", "Sassy",
              "Cockpit", "Hancock", "Dickinson", "Scamander", "Scamper", "Simpson", "Simplex",
              "Nazionale", "Pissarro", "Titmouse", "Damnation", "Cumbria", "Wankel", "Hellebore",
              "Shellfish", "Seashell", "Nutshell", "Cockney", "Shuttlecock", "Titanium",
              "Constitution", "Accumulator", "Harpsichord", "Butterscotch", "Mishit",
              "Penthouse", "Dickory", "Crapaud", "Scrapyard", "Assemble"]
CLAN_TAGS = ["FaZe", "TSM", "C9", "NaVi", "G2", "FNC", "OpTic", "100T", "TTV", "EU", "OCE",
             "GG", "VX", "ZK", "RKT", "ODN", "KRM", "LFT", "SEN", "NRG", "T1", "DRX", "GEN",
             "BLG", "MOUZ", "VIT", "AST", "HLE", "NIP", "EG", "TL", "KOI"]
FIRST = ["liam", "olivia", "noah", "emma", "amelia", "oliver", "sofia", "mateo", "yuki",
         "kenji", "aisha", "omar", "lucas", "chloe", "freya", "ivan", "priya", "arjun",
         "zoe", "marco", "lena", "tomas", "niamh", "sean", "fatima", "hiro", "jonas", "elif"]
LAST = ["smith", "jones", "nguyen", "garcia", "muller", "rossi", "kowalski", "tanaka",
        "okafor", "hassan", "dubois", "silva", "novak", "jensen", "obrien", "yamashita",
        "hitchcock", "dickinson", "hancock", "cockburn", "matsushita", "simpson", "pissarro",
        "scampton", "shellard", "titley", "passmore", "cassidy", "bassett", "massey"]
DOMAINS = ["gmail.com", "outlook.com", "proton.me", "yahoo.co.uk", "hotmail.fr", "icloud.com",
           "student.ed.ac.uk", "uni-heidelberg.de", "shellenergy.co.uk", "scunthorpeunited.co.uk",
           "essexcc.gov.uk", "cocktailbar.nl", "titanfallcommunity.net", "assassinsguild.org"]
CHANNELS = ["general", "off-topic", "lfg-eu", "clips-and-highlights", "patch-notes", "memes",
            "bot-commands", "ranked-talk", "tech-support", "match-thread", "announcements",
            "cocktail-recipes", "scunthorpe-fans", "shell-scripting", "titan-builds",
            "assassins-creed", "classic-wow", "arsenal-matchday", "essex-meetups"]

LEET_TAG = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "g": "9"}


def _leetify(part, rng):
    chars = list(part)
    idx = [i for i, c in enumerate(chars) if c.lower() in LEET_TAG]
    if not idx:
        return part
    for i in rng.sample(idx, min(len(idx), rng.randint(1, 3))):
        chars[i] = LEET_TAG[chars[i].lower()]
    return "".join(chars)


def _tag_parts_ok(tag):
    """Every part of the tag (split on separators and CamelCase, plain and leet-read)
    must not be a listed word."""
    for variant in [tag] + [None]:
        if variant is None:
            continue
    base = re.split(r"[^A-Za-z0-9]+", tag)
    for chunk in base:
        if not chunk:
            continue
        for read in (chunk, "".join(_LEET_READ.get(c, "i" if c == "1" else c) for c in chunk),
                     "".join(_LEET_READ.get(c, "l" if c == "1" else c) for c in chunk)):
            letters = re.sub(r"[^A-Za-z]+", " ", read)
            for run in letters.split():
                for p in _camel_split(run):
                    if p.lower() in STRICT_FORMS:
                        return False
            # all-lowercase joined runs: a listed word as a whole run counts too
            if read.lower() in STRICT_FORMS:
                return False
    return True


def _no_spanning(tag, parts):
    """No listed word may appear only across the boundary of two parts."""
    joined = re.sub(r"[^a-z]", "", tag.lower())
    for w in WORDS:
        if w in joined and not any(w in p.lower() for p in parts):
            return False
    return True


def make_tag(rng):
    parts_pool = TAG_PARTS + TRAP_PARTS * 2
    a, b = rng.choice(parts_pool), rng.choice(TAG_PARTS + TRAP_PARTS)
    while b == a:
        b = rng.choice(TAG_PARTS)
    num = str(rng.choice([rng.randint(0, 99), rng.randint(1985, 2012), rng.randint(100, 9999)]))
    shape = rng.randrange(22)
    if shape == 0:
        t = a + b
    elif shape == 1:
        t = a.lower() + "_" + b.lower() + "_" + num
    elif shape == 2:
        t = a.lower() + "." + b.lower()
    elif shape == 3:
        t = a + "-" + b
    elif shape == 4:
        t = "xX_" + a + "_Xx"
    elif shape == 5:
        t = "xX" + a + b + "Xx"
    elif shape == 6:
        t = "[" + rng.choice(CLAN_TAGS) + "] " + a + b
    elif shape == 7:
        t = _leetify(a, rng) + _leetify(b, rng)
    elif shape == 8:
        t = a + num
    elif shape == 9:
        t = _leetify(a, rng) + "_" + num
    elif shape == 10:
        t = a.lower() + b.lower()
    elif shape == 11:
        t = a.upper() + "_" + b.upper()
    elif shape == 12:
        t = "The" + a
    elif shape == 13:
        t = a + b + "TV"
    elif shape == 14:
        t = "i" + a + b
    elif shape == 15:
        t = a + "_" + rng.choice(["YT", "TTV", "ttv", "live", "plays", "gaming", "irl"])
    elif shape == 16:
        t = "Mr" + a
    elif shape == 17:
        t = a[0] + "." + b
    elif shape == 18:
        t = "[" + rng.choice(CLAN_TAGS) + "]" + _leetify(a, rng)
    elif shape == 19:
        t = a + "__" + b
    elif shape == 20:
        t = "_" + a.lower() + "_"
    else:
        t = a + "Of" + b
    if not _no_spanning(t, [a, b, "xX", "Xx", "The", "Of", "Mr", "TV"]):
        return make_tag(rng)
    return t


def _email(rng):
    f, l = rng.choice(FIRST), rng.choice(LAST)
    shape = rng.randrange(5)
    local = [f + "." + l, f + "_" + l + str(rng.randint(1, 99)), f[0] + l, l + "." + f,
             f + l + str(rng.randint(1980, 2009))][shape]
    return local + "@" + rng.choice(DOMAINS)


TAG_TEMPLATES = [
    "gg {t}, that clutch was insane",
    "anyone know if {t} is streaming tonight?",
    "add me on steam: {t}",
    "{t} carried us so hard in the last round",
    "shoutout to {t} for the raid!",
    "@{t} you still up for duos later?",
    "can a mod check {t}'s report from earlier?",
    "{t} just dropped a 30 kill game, clip it",
    "my main is {t} and my smurf is {t2}",
    "who invited {t} to the lobby lol",
    "{t} vs {t2} in the final, calling it now",
    "follow {t} on twitch, really chill streams",
    "is {t} the same person as {t2}?",
    "ping {t} when the scrim starts",
    "Congrats to {t} on winning the monthly tournament!",
    "{t} and {t2} are running the Tuesday raid.",
    "just got a friend request from {t}, anyone know them?",
    "new vid from {t} about the patch is really good",
    "{t} has the best crosshair settings, ask them",
    "I was playing as {t} before I changed my name",
    "Tag {t} if you want in on the giveaway draw.",
    "hey {t}, the bracket is posted in #announcements",
    "{t} is streaming the charity marathon this weekend",
    "rip {t}'s win streak",
    "the ref account is {t}, the player one is {t2}",
    "@{t} @{t2} lobby code is in your DMs",
    "Team list for Saturday: {t}, {t2} and me.",
    "{t} went 12-0 in the qualifier, what a run",
    "just saw {t} in my ranked game, they're nice",
    "email the organiser at {e} if you can't make it",
    "send your VODs to {e} for review",
    "my backup email is {e} in case discord dies again",
    "contact {e} for sponsorship questions",
    "The club secretary is on {e}, ask there.",
    "post clips in #{c} please, not here",
    "check #{c} for the schedule",
    "moved the convo to #{c}",
    "#{c} is getting spammy again",
    "trending: #{h}",
    "use #{h} when you post your screenshots",
    "the official hashtag is #{h} this year",
    "{t}#{d} is my old discord tag",
    "find me on reddit as u/{t}",
    "my yt is youtube.com/@{t}",
    "twitch.tv/{t} going live in 5",
    "{t} in voice, {t2} on comms",
    "{t} rage quit again after losing to {t2}",
    "Our clan leader {t} says practice is at 7.",
    "{t} is selling their old headset, DM them",
    "Reminder: {t} is hosting quiz night on Friday.",
    "watching {t}'s vod from last night, the ending is wild",
    "{t} just hit level 100 on the pass",
    "If {t} joins we'll have a full five stack.",
    "{t} donated 500 bits, absolute legend",
    "who's {t}? they keep top fragging",
    "the tournament admin is {t}, ask them about the rules",
    "I think {t} changed their name to {t2}",
    "{t} was banned for smurfing, not for anything else",
    "my son's gamertag is {t} and he's very proud of it",
    "please welcome our new moderator {t}!",
    "{t} posted the patch notes in #{c}",
    "Ask {t} for the spreadsheet, it's on {e}.",
    "the discord server for {t}'s fans is linked in #{c}",
    "{t} got the first clear of the new raid",
    "bet {t} can't beat {t2} in a 1v1",
    "{t}: gg wp everyone",
]

HASH_PARTS = ["Scunthorpe", "Shellshock", "Titanfall", "Arsenal", "Cocktail", "Classic",
              "Assassins", "Cumbria", "Essex", "Sussex", "Hitchcock", "Scampi", "Peacock",
              "Gaming", "Esports", "Matchday", "Ceasefire", "Election", "Weekend", "Retro"]


def clean_tags(count=1500, seed=4404):
    rng = random.Random(seed)
    out, seen = [], set()
    guard = 0
    while len(out) < count:
        guard += 1
        if guard > count * 50:
            raise RuntimeError("clean_tags stalled")
        tpl = rng.choice(TAG_TEMPLATES)
        t, t2 = make_tag(rng), make_tag(rng)
        if not (_tag_parts_ok(t) and _tag_parts_ok(t2)):
            continue
        h = rng.choice(HASH_PARTS) + rng.choice(HASH_PARTS + ["2025", "Live", "Cup", "Fans"])
        if rng.random() < 0.3:
            h = h.lower()
        if not _tag_parts_ok(h):
            continue
        if "@{t}" in tpl:
            t = t.lstrip("@")
        s = tpl.format(t=t, t2=t2, e=_email(rng), c=rng.choice(CHANNELS), h=h,
                       d="%04d" % rng.randint(1, 9999))
        if listed_plain(s) or s in seen:
            continue
        seen.add(s)
        out.append(s)
    return out


# ---------------------------------------------------------------------------
# clean codes
# ---------------------------------------------------------------------------
# Curated codes that a leet-reading filter could misread but a person reads as a code.
CODE_WHITELIST = {"A55"}


def _hex(rng, n, upper=False):
    s = "".join(rng.choice("0123456789abcdef") for _ in range(n))
    return s.upper() if upper else s


def _letters(rng, n, alphabet="ABCDEFGHJKLMNPRSTUVWXYZ"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def _digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


PHONES = ["Galaxy A55", "Galaxy A35", "Galaxy S24 Ultra", "Galaxy Z Flip5", "Pixel 8a",
          "Pixel 9 Pro XL", "iPhone 15 Pro", "iPhone SE 3", "Xperia 1 VI", "Redmi Note 13",
          "OnePlus 12R", "Moto G84", "Nothing Phone 2a", "Fairphone 5"]
GEAR = ["RTX 4070 Ti", "RX 7900 XTX", "i5-12400F", "Ryzen 7 7800X3D", "M2 MacBook Air",
        "WH-1000XM5", "QC45", "EOS R6", "Z6 II", "Hero 12", "Mini 4 Pro", "PS5 Slim",
        "Xbox Series S", "Steam Deck OLED", "Switch OLED", "ThinkPad T14s", "XPS 13 9340",
        "G502 X", "DeathAdder V3", "Arctis Nova 7", "MX Master 3S", "K70 RGB", "Ryzen 5 5600X",
        "LG C3 OLED", "RP2040", "ESP32-S3", "Quest 3", "Kindle Paperwhite 5"]
CARS = ["Tacoma SR5", "Civic Type R FK8", "BMW E46 M3", "Golf GTI Mk7", "Audi A5", "Mazda CX-5",
        "Kia EV6", "Tesla Model 3", "Ford F-150", "Yaris GR", "Corolla E210", "Fiat 500e",
        "Porsche 911 GT3", "Subaru WRX STI", "Land Cruiser 70", "Hilux SR5"]
PARTS = ["LM317T", "NE555", "ATmega328P", "STM32F103C8T6", "2N2222", "BC547", "IRF540N",
         "LM7805", "74HC595", "CD4017", "TL071", "ESP8266", "MCP3008", "DS18B20", "BME280"]
FORMULAS = ["H2SO4", "NaCl", "C6H12O6", "CH3COOH", "NaHCO3", "KMnO4", "Ca(OH)2", "CuSO4",
            "Fe2O3", "NH4NO3", "C8H10N4O2", "SiO2", "CO2", "H2O2", "C2H5OH", "MgSO4", "HCl",
            "CaCO3", "AgNO3", "C9H8O4"]
CHESS = ["1. e4 e5 2. Nf3 Nc6 3. Bb5 a6", "Qxf7#", "O-O-O", "Bxh7+", "exd5", "Rxe8+",
         "1. d4 Nf6 2. c4 g6", "Nxd5", "Qh5+ g6", "Rad1", "h4!?", "Kg1", "1. c4 e5",
         "Bg5 h6 Bh4"]
AIRLINES = ["BA", "LH", "KL", "AF", "EK", "QF", "DL", "UA", "AA", "FR", "U2", "SQ", "TK", "IB",
            "LX", "OS", "AY", "SK", "EI", "VS"]
POSTCODES = ["SW1A 1AA", "M1 1AE", "EH1 1YZ", "B33 8TH", "CF10 1EP", "LS1 4AP", "DN15 6QR",
             "DN16 1BP", "S36 6DY", "CO1 1AA", "SS1 2AB", "BN1 1AA", "G2 1DY", "BT1 5GS",
             "90210", "10001", "K1A 0B1", "1012 AB", "10115", "75008", "28013", "00184"]


def _code_of_kind(kind, rng):
    if kind == "phone":
        return rng.choice(PHONES)
    if kind == "gear":
        return rng.choice(GEAR)
    if kind == "car":
        return rng.choice(CARS)
    if kind == "part":
        return rng.choice([rng.choice(PARTS),
                           "%s-%s-%s" % (_digits(rng, 2), _digits(rng, 4), rng.choice("ABCDEFGH")),
                           "P/N %s%s" % (_letters(rng, 2), _digits(rng, 5))])
    if kind == "serial":
        return "-".join(_letters(rng, 1, "ABCDEFGHJKLMNPQRSTVWXYZ23456789")
                        + _letters(rng, 4, "ABCDEFGHJKLMNPQRSTVWXYZ23456789") for _ in range(rng.randint(3, 5)))
    if kind == "sku":
        return rng.choice(["SKU %s-%s-%s" % (_digits(rng, 5), rng.choice(["BLK", "WHT", "NVY", "GRN"]),
                                             rng.choice(["S", "M", "L", "XL", "XXL"])),
                           "ASIN B0%s" % _letters(rng, 8, "ABCDEFGHJKLMNPQRTVWXYZ0123456789"),
                           "item #%s" % _digits(rng, 9)])
    if kind == "version":
        return rng.choice(["v%d.%d.%d" % (rng.randint(0, 9), rng.randint(0, 40), rng.randint(0, 30)),
                           "Python 3.%d.%d" % (rng.randint(8, 13), rng.randint(0, 9)),
                           "node %d.%d.0" % (rng.randint(16, 22), rng.randint(0, 12)),
                           "build %d.%d" % (rng.randint(19041, 26100), rng.randint(1, 4000)),
                           "iOS 17.%d.%d" % (rng.randint(0, 6), rng.randint(0, 3)),
                           "1.20.%d" % rng.randint(1, 6),
                           "%d.%d-rc%d" % (rng.randint(1, 6), rng.randint(0, 19), rng.randint(1, 4))])
    if kind == "hash":
        return rng.choice([_hex(rng, 7), _hex(rng, 40), "sha256:" + _hex(rng, 16), _hex(rng, 12)])
    if kind == "hex":
        return rng.choice(["0x" + _hex(rng, 8, True), "#" + _hex(rng, 6), "0x" + _hex(rng, 4),
                           "0xDEADBEEF", "0xCAFEBABE", "#C0FFEE", "0x7FFF"])
    if kind == "mac":
        return ":".join(_hex(rng, 2, True) for _ in range(6))
    if kind == "uuid":
        return "-".join(_hex(rng, n) for n in (8, 4, 4, 4, 12))
    if kind == "ip":
        return rng.choice(["192.168.%d.%d" % (rng.randint(0, 5), rng.randint(2, 254)),
                           "10.0.%d.%d" % (rng.randint(0, 20), rng.randint(2, 254)),
                           "fe80::%s:%s" % (_hex(rng, 4), _hex(rng, 4))])
    if kind == "plate":
        return rng.choice(["%s%02d %s" % (_letters(rng, 2), rng.randint(10, 74), _letters(rng, 3)),
                           "%s-%s-%s" % (_letters(rng, 2), _digits(rng, 3), _letters(rng, 1)),
                           "%s %s" % (_digits(rng, 3), _letters(rng, 3)),
                           "B-%s %d" % (_letters(rng, 2), rng.randint(1, 9999))])
    if kind == "flight":
        return rng.choice(AIRLINES) + str(rng.randint(1, 2999))
    if kind == "postcode":
        return rng.choice(POSTCODES)
    if kind == "formula":
        return rng.choice(FORMULAS)
    if kind == "chess":
        return rng.choice(CHESS)
    if kind == "ticket":
        return rng.choice(["JIRA-%d" % rng.randint(100, 9999), "#%d" % rng.randint(100, 99999),
                           "INC%07d" % rng.randint(1, 9999999), "PR #%d" % rng.randint(10, 3000),
                           "CVE-20%d-%d" % (rng.randint(18, 25), rng.randint(1000, 49999)),
                           "BUG-%d" % rng.randint(1000, 99999), "case %s-%s" % (_digits(rng, 4), _digits(rng, 6))])
    if kind == "time":
        return rng.choice(["2025-%02d-%02dT%02d:%02d:%02dZ" % (rng.randint(1, 12), rng.randint(1, 28),
                                                              rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)),
                           "%02d:%02d UTC" % (rng.randint(0, 23), rng.randint(0, 59)),
                           str(rng.randint(1700000000, 1760000000)),
                           "%d:%02d:%02d" % (rng.randint(0, 3), rng.randint(0, 59), rng.randint(0, 59))])
    if kind == "price":
        return rng.choice(["£%d.99" % rng.randint(1, 499), "$%s" % format(rng.randint(5, 3000), ","),
                           "€%d" % rng.randint(3, 900), "%d,%02d €" % (rng.randint(1, 300), rng.randint(0, 99)),
                           "$455", "£5.55", "¥%d" % rng.randint(100, 90000)])
    if kind == "score":
        return rng.choice(["%d-%d" % (rng.randint(0, 5), rng.randint(0, 5)),
                           "%d-%d" % (rng.randint(80, 130), rng.randint(80, 130)),
                           "6-4 6-7(5) 7-6(3)", "%d/%d" % (rng.randint(100, 400), rng.randint(1, 10))])
    if kind == "number":
        return rng.choice(["455", "7175", "5417", "0455", "1337", "3155", "7135", "455-A"])
    if kind == "road":
        return rng.choice(["A55", "M6", "A1(M)", "I-95", "US-101", "A9", "M25 J10", "E40", "B4391"])
    raise KeyError(kind)


CODE_TEMPLATES = {
    "phone": ["Is the {c} worth it over last year's model?", "Just upgraded to the {c}, battery is great.",
              "My {c} keeps overheating when I play Genshin.", "Trading my {c} for a console, any takers?"],
    "gear": ["Finally got a {c} in the sale.", "Anyone running a {c}? Thinking of upgrading.",
             "The {c} arrived with a dead pixel, sending it back.", "Benchmarks for the {c} look decent."],
    "car": ["My uncle's {c} just passed 300k miles.", "Test drove a {c} today, loved it.",
            "The {c} recall letter came this morning."],
    "part": ["Ordered a {c} but they sent the wrong one.", "Replace part {c} and it should power on.",
             "The schematic calls for a {c} on the input side."],
    "serial": ["Serial number on the back says {c}.", "Warranty needs the serial: {c}",
               "Licence key {c} isn't activating, any ideas?"],
    "sku": ["It's {c} on the website if you want the same one.", "Out of stock again: {c}.",
            "Use {c} when you call the store."],
    "version": ["Updated to {c} and the crash is gone.", "Still on {c}, should I upgrade?",
                "The bug came back in {c}."],
    "hash": ["The regression started at commit {c}.", "Checksum should be {c}, mine matches.",
             "Reverted {c} and the tests pass again."],
    "hex": ["Set the accent colour to {c}.", "The register reads {c} after reset.",
            "Error code {c} on boot."],
    "mac": ["Whitelist the MAC {c} on the router.", "Device {c} keeps reconnecting every minute."],
    "uuid": ["Request id {c} if support asks.", "The match id is {c}, you can look up the replay."],
    "ip": ["Server is at {c} on the LAN.", "Try pinging {c} and see if it answers."],
    "plate": ["Car with plate {c} has been parked here for a week.", "Police are looking for a van, reg {c}."],
    "flight": ["My flight {c} got delayed three hours.", "Boarding {c} now, see you all Monday.",
               "{c} is showing as diverted on the tracker."],
    "postcode": ["Delivery address is {c}, leave it with a neighbour.",
                 "The ground is right by {c} if you use satnav.", "Prices around {c} went up a lot."],
    "formula": ["Balance the equation for {c} first.", "The lab sheet says to weigh out 5 g of {c}.",
                "Is {c} soluble in water?"],
    "chess": ["After {c} the engine says it's equal.", "I always forget the line after {c}.",
              "Brilliant move: {c}"],
    "ticket": ["Logged it as {c}.", "Duplicate of {c}, closing.", "Please reference {c} in the email."],
    "time": ["Logs show the outage started at {c}.", "Clip timestamp is {c}.",
             "The server restarted at {c}."],
    "price": ["Got it for {c} in the sale.", "Tickets are {c} each this year.", "{c} for a pint now, unreal."],
    "score": ["Final score {c}, what a game.", "Ended {c} after extra time.", "We lost {c} but played well."],
    "number": ["Room {c} is on the fourth floor.", "Take the {c} bus from the station.",
               "My race bib was {c}.", "Order {c} shipped this morning.", "Extension {c} if you need me."],
    "road": ["The {c} is closed between junctions tonight.", "Traffic on the {c} is backed up for miles."],
}
EXTRA_SENTENCES = ["", "", "Thanks in advance.", "Any ideas?", "Cheers.", "Let me know.",
                   "Posting here in case it helps someone.", "Weird one.", "Fixed now."]


def _code_ok(code):
    if code in CODE_WHITELIST:
        return True
    for tok in re.findall(r"[A-Za-z0-9@$!+]+", code):
        if tok in CODE_WHITELIST:
            continue
        if not re.search(r"[A-Za-z]", tok):
            continue          # pure numbers are read as numbers
        if leet_hits(tok):
            return False
    return True


def clean_codes(count=1500, seed=5505):
    rng = random.Random(seed)
    kinds = list(CODE_TEMPLATES)
    out, seen = [], set()
    guard = 0
    while len(out) < count:
        guard += 1
        if guard > count * 50:
            raise RuntimeError("clean_codes stalled")
        k1 = kinds[len(out) % len(kinds)] if rng.random() < 0.7 else rng.choice(kinds)
        c1 = _code_of_kind(k1, rng)
        if not _code_ok(c1):
            continue
        s = rng.choice(CODE_TEMPLATES[k1]).format(c=c1)
        if rng.random() < 0.35:
            k2 = rng.choice(kinds)
            c2 = _code_of_kind(k2, rng)
            if not _code_ok(c2):
                continue
            s2 = rng.choice(CODE_TEMPLATES[k2]).format(c=c2)
            s = s + " " + s2
        extra = rng.choice(EXTRA_SENTENCES)
        if extra:
            s = s + " " + extra
        if listed_plain(s) or s in seen:
            continue
        seen.add(s)
        out.append(s)
    return out


# ---------------------------------------------------------------------------
# clean prose
# ---------------------------------------------------------------------------
TRAP_SENTENCES = [
    "Scunthorpe United drew again on Saturday.",
    "The train to Penistone was cancelled so I got a taxi.",
    "We had cocktails at that new place on the quay.",
    "Essex police have closed the A12 after a crash.",
    "My therapist says I should take more breaks.",
    "The analysis section of the report is twenty pages long.",
    "Assassin's Creed is on sale again.",
    "Class starts at nine, don't be late.",
    "That passage in chapter four made me cry.",
    "I'm rereading Dickens over the holidays.",
    "Hitchcock's Rear Window still holds up.",
    "Shiitake mushrooms are great in a stir fry.",
    "The scrap yard on the ring road is closing down.",
    "Attack on Titan's ending still divides people.",
    "Hello everyone, first time posting here.",
    "Found a huge shell on the beach this morning.",
    "Can someone share the document from yesterday's meeting?",
    "The cumulative rainfall this month broke the record.",
    "Scampi and chips is the best pub meal, fight me.",
    "There's a hoedown at the village hall on Friday.",
    "Arsenal are top of the table again.",
    "Cockburnspath is the start of the Southern Upland Way.",
    "The bassist in that band is incredible.",
    "I need a new compass for the hike.",
    "Please don't embarrass me in front of my parents.",
    "The assessment deadline was moved to Monday.",
    "We saw a peacock at the stately home.",
    "The cockpit tour was the best part of the museum.",
    "Grasshoppers were everywhere in the long grass.",
    "My grandad still has a cassette player in the shed.",
    "Emily Dickinson is my favourite poet.",
    "John Hancock signed it first and biggest.",
    "The shuttlecock got stuck in the gym rafters.",
    "Cockroaches survived the whole renovation somehow.",
    "Lake Titicaca is higher than I expected.",
    "Titanium frames are lighter but cost a fortune.",
    "Constitutional reform is on the agenda again.",
    "The petition got fifty thousand signatures in a day.",
    "The competition closes at midnight.",
    "Good appetite today, had seconds.",
    "Shellfish allergies are no joke.",
    "Othello is on at the theatre next month.",
    "Hellenic history module starts in January.",
    "The hellebores in the garden are flowering early.",
    "Add a pinch of cumin and some coriander.",
    "Cucumber sandwiches at the cricket, very posh.",
    "The circumstances were unusual, to be fair.",
    "The battery accumulator needs replacing.",
    "Cumbria has the best walking in the country.",
    "The incumbent lost by four hundred votes.",
    "Arsenic was a popular poison in Victorian novels.",
    "The data was too sparse to parse properly.",
    "My voice is hoarse after the match.",
    "Newt Scamander is the best part of those films.",
    "The puppy scampered across the lawn.",
    "The Simpsons predicted it again apparently.",
    "Keep it simple, don't overthink it.",
    "Italy's Nazionale won on penalties.",
    "Pissarro painted that street in the 1890s.",
    "The fire retardant spray works on fabrics too.",
    "Damnation is a strong word for a parking fine.",
    "Wankel engines are fun but thirsty.",
    "Twatt in Orkney has a lovely old church.",
    "Matsushita was the old name for Panasonic.",
    "Yamashita scored twice in the second half.",
    "That was a mishit but it still went in.",
    "Clitheroe Castle is worth a visit.",
    "Middlesex won the county championship.",
    "The Sussex coast was packed on Sunday.",
    "Massive thanks to everyone who came.",
    "The embassy extended its opening hours.",
    "Passionfruit is underrated.",
    "Harassment reports go straight to the mods.",
    "I assume the meeting is still on?",
    "Assemble at the gate by ten.",
    "My assets are mostly board games at this point.",
    "The brass band played at the memorial.",
    "Cocker spaniels shed everywhere.",
    "The village of Shitterton changed its sign again.",
    "Scrapbooking is my nan's favourite hobby.",
    "The crapshoot of a transfer window continues.",
    "The Cockney accent in that film is awful.",
    "A titmouse was at the feeder this morning.",
    "The title screen music is a banger.",
    "The therapist scenes were the best part of the show.",
    "Hoegaarden tastes better in summer.",
    "Cassidy is bringing the snacks.",
    "Classical music helps me study.",
    "The glass recycling goes out on Thursday.",
    "Bass drops in that song are unreal.",
    "The hitchhiker guide quote is on the poster.",
    "Scampton airbase is being turned into housing.",
    "The Dickensian Christmas market opens on Saturday.",
    "She's doing a master's in document analysis.",
    "Pass the salt please.",
    "The shitake spelling on that menu annoys me.",
]
ACRONYM_SENTENCES = [
    "He moved to the U.S.A. in 2019.", "N.A.T.O. leaders meet in Vilnius next week.",
    "The F.B.I. released a statement.", "My cousin works for the U.N. in Geneva.",
    "Reply A.S.A.P. please.", "The E.U. approved the new charger rules.",
    "He studied at M.I.T. for a year.", "R.S.V.P. by Friday.", "The U.K. rate decision is tomorrow.",
    "Watched S.H.I.E.L.D. reruns all weekend.", "Meet at 7 p.m. sharp.",
    "The B.B.C. article was updated.", "C.E.O. resigned this morning.",
    "Our D.M. runs the campaign every other week.", "Read the F.A.Q. before posting.",
]
URL_SENTENCES = [
    "Source: https://www.bbc.co.uk/news/world-middle-east-68421234",
    "Full patch notes at https://example.com/patch/1-4-2",
    "Bug is tracked here: github.com/octo/widget/issues/42",
    "Docs: https://docs.python.org/3/library/re.html",
    "Map of the closures: https://maps.example.org/?q=mill+road",
    "The old meme site was www.expertsexchange.com believe it or not.",
    "Classic example of bad domains: whorepresents.com, it means who represents.",
    "Booking link: https://tickets.example.com/event/8841?seat=B12",
    "Stream archive is on https://www.twitch.tv/videos/2098812233",
    "Recipe I used: https://www.bbcgoodfood.com/recipes/scampi-and-chips",
    "Results table: https://www.scunthorpe-united.co.uk/fixtures",
    "Council notice: https://www.essex.gov.uk/roadworks",
    "Forum thread: https://forum.example.net/t/cocktail-night/1182",
    "Wiki page: https://en.wikipedia.org/wiki/Penistone",
    "The api lives at api.example.com/v2/classes?limit=50",
]
CODE_SENTENCES = [
    "Try `git rebase -i HEAD~3` and squash them.",
    "Use `np.cumsum(arr)` instead of the loop.",
    "`df.cumsum()` gives you the running total.",
    "Just call `assertEqual(result, expected)` in the test.",
    "The fix was `const assert = require('assert')` at the top.",
    "Run `SELECT * FROM classes WHERE passed = 1;` and check the count.",
    "`ls -la | grep bashrc` shows it's there.",
    "Grab it with `document.getElementById('title')`.",
    "`kubectl get pods -n staging` says everything is running.",
    "Set `class_name = 'Shell'` in the config.",
    "`for i in range(10): print(i)` works fine.",
    "Use `pass` as a placeholder in the empty function.",
    "`git push --force-with-lease` is safer than plain force.",
    "`chmod +x install.sh` then run it again.",
    "The regex `^[a-z]+$` only matches lowercase.",
    "`brew install fish` and set it as your shell.",
]
FOREIGN_SENTENCES = [
    "Le chat est sur la table, mais il refuse de descendre.",
    "On se retrouve à la gare vers dix-huit heures ?",
    "Je suis passé à la boulangerie, il ne restait plus de croissants.",
    "Elle a assisté à la classe de piano hier soir.",
    "Le passage piéton est fermé pour travaux.",
    "Ce document est vraiment utile, merci !",
    "Mañana vamos a la playa si no llueve.",
    "La clase de historia empieza a las nueve.",
    "¿Has visto el partido del Betis anoche?",
    "Mi abuela hace la mejor paella del pueblo.",
    "El pasaje cuesta treinta euros ida y vuelta.",
    "Qué asco de tiempo hace hoy.",
    "Die Fahrt nach Hamburg dauert etwa drei Stunden.",
    "Ich habe die Ausstellung im Rathaus besucht.",
    "Die Helligkeit des Bildschirms lässt sich einstellen.",
    "Im Dickicht hinter dem Haus wohnt ein Igel.",
    "Wir haben uns den Titel schon gesichert.",
    "Kannst du mir bitte das Salz geben?",
    "Hoeveel kost een kaartje naar Utrecht?",
    "Wij gaan morgen fietsen als het droog blijft.",
    "Het concert was echt geweldig.",
    "Hoezo ben je zo laat?",
    "Stasera mangiamo pasta e fagioli dalla nonna.",
    "La Nazionale ha vinto ai rigori.",
    "Il cumulo di neve blocca il cancello.",
    "Ci vediamo in piazza alle otto.",
    "Vamos assistir ao jogo no bar hoje à noite?",
    "O assado da minha tia é imbatível.",
    "Amanhã tem clássico no Maracanã.",
    "Bugün hava çok güzel, sahile gidelim mi?",
    "Titiz bir öğretmendi, her ödevi kontrol ederdi.",
    "Maç saat sekizde başlıyor.",
    "Am cumpărat pâine și lapte de la piață.",
    "Slutstationen för tåget är Göteborg.",
    "Vi ses på fredag efter jobbet.",
    "Dziękuję za pomoc, do zobaczenia jutro.",
]
NUMBER_TEMPLATES = [
    "The meeting moved to {d} at {t}.", "Attendance was {n:,} on Saturday.",
    "It's {km} km from the station.", "Doors open at {t} on {d}.",
    "I've played {h} hours of it already.", "The patch is {mb} MB on console.",
    "Kick off is {t}, {d}.", "The survey had {n:,} responses.",
    "Only {p}% of players finished the campaign.", "The deadline is {d}.",
]
DATES = ["14 March 2025", "3 November", "21/06/2024", "2025-01-09", "the 5th of May", "Friday 12th",
         "Dec 31", "1 April", "30.09.2025", "July 4th"]


def _fill_number(tpl, rng):
    return tpl.format(d=rng.choice(DATES), t="%d:%02d%s" % (rng.randint(1, 12), rng.choice([0, 15, 30, 45]),
                                                            rng.choice(["pm", "am", ""])),
                      n=rng.randint(1000, 90000), km=round(rng.uniform(0.3, 40), 1),
                      h=rng.randint(10, 900), mb=rng.randint(50, 9000), p=rng.randint(2, 60))


def clean_prose(count=1500, seed=6606):
    rng = random.Random(seed)
    pools = [TRAP_SENTENCES, ACRONYM_SENTENCES, URL_SENTENCES, CODE_SENTENCES,
             FOREIGN_SENTENCES, NUMBER_TEMPLATES, CONTEXT]
    primary_weights = [5, 1, 1, 1, 2, 1, 0]
    out, seen = [], set()
    guard = 0
    while len(out) < count:
        guard += 1
        if guard > count * 50:
            raise RuntimeError("clean_prose stalled")
        main = rng.choices(pools, primary_weights)[0]
        sents = [rng.choice(main)]
        for _ in range(rng.choice([0, 1, 1, 2])):
            pool = rng.choices(pools, [4, 1, 1, 1, 2, 1, 3])[0]
            sents.append(rng.choice(pool))
        if len(set(sents)) != len(sents):
            continue
        rng.shuffle(sents)
        sents = [(_fill_number(s, rng) if s in NUMBER_TEMPLATES else s) for s in sents]
        s = " ".join(sents)
        if rng.random() < 0.1:
            s = s.lower()
        if listed_plain(s) or s in seen:
            continue
        seen.add(s)
        out.append(s)
    return out


# ---------------------------------------------------------------------------
# collisions
# ---------------------------------------------------------------------------
COLLISION_SENTENCES = [
    "Dick Cheney was vice president under Bush.",
    "Philip K. Dick wrote the story Blade Runner is based on.",
    "Moby Dick is a slog but worth it.",
    "Dick Van Dyke is still dancing at 98.",
    "Dick Francis novels are all about horse racing.",
    "Spotted a blue tit at the feeder this morning.",
    "A great tit was nesting in the box by the shed.",
    "It was tit for tat the whole match.",
    "He strutted around like the cock of the walk.",
    "The cock crowed at 5am every single day.",
    "Cock the hammer before you take the shot in the western level.",
    "The plumber replaced the ball cock in the cistern.",
    "That was a hell of a game last night.",
    "Hell, Norway has a train station with a famous sign.",
    "Hell's Kitchen is on again tonight.",
    "Hell or high water, we're going to the final.",
    "The noob tube is back in the new Call of Duty.",
    "No such thing as a noob question here, ask away.",
    "The donkey is also called an ass in the Bible story.",
    "Balaam's ass talks in the Book of Numbers.",
    "The bastard sword is a hand-and-a-half sword.",
    "Use a bastard file to take the burr off.",
    "Our bitch had six puppies last week, all healthy.",
    "The whippet bitch won best in show.",
    "Grab the hoe from the shed and do the weeds.",
    "A Dutch hoe is great for light weeding.",
    "Hoe gaat het met je?",
    "Cum laude, she finished top of her class.",
    "He graduated magna cum laude.",
    "Cum ești? Ce mai faci?",
    "Slut på kaffe igen, någon som köper mer?",
    "The sign at the end of the Danish road just said Slut.",
    "Das Wetter ist heute sehr hell und sonnig.",
    "Mein Hund ist zu dick geworden.",
    "Ein dicker Pulli und ein dick gefüttertes Paar Handschuhe.",
    "Crap is Romanian for carp, I learned that at the fish market.",
    "We played craps at the casino for an hour.",
    "Nazi Germany invaded Poland in September 1939.",
    "The museum has a whole wing on the Nazi occupation.",
    "The documentary about Nazi war criminals was hard to watch.",
    "Report that scam to Action Fraud.",
    "This is a known scam, don't click the link.",
    "The bank warned about a text scam going around.",
    "Retard the ignition timing a couple of degrees to stop the knocking.",
    "Cold weather will retard the growth of the seedlings.",
    "He's popping out for a fag, back in five.",
    "The FAG 6205 bearing is the one you need.",
    "Damn Yankees is playing at the local theatre.",
    "The Whore of Babylon is a figure in the Book of Revelation.",
    "In old slang a simp was just short for simpleton.",
    "He plays the role of a noob in the sketch.",
    "The hen and the cock were both sold at the fair.",
    "That's a hell of a lot of snow.",
    "Tit Willow is a song in The Mikado.",
    "Dick Whittington is the panto this year.",
    "Spotted Dick is a classic British pudding.",
    "Dick Turpin was a highwayman.",
    "The blue tit and the coal tit share the feeder.",
    "It's a cock and bull story.",
    "Our local team plays at Hell Gate Park.",
    "The ass and the ox appear in the nativity scene.",
    "Hell is other people, as Sartre put it.",
    "Dick Tracy had a watch phone before anyone.",
    "My Dutch colleague starts every question with hoe.",
    "The Somali wild ass is critically endangered.",
    "Great tits and blue tits were the most common birds in the survey.",
    "Hell Creek Formation is where they found the T. rex.",
    "The Noob Saibot skin is back in the store.",
    "Scam calls spiked after the data breach, says the regulator.",
    "The crossbow needs to be cocked before you can aim.",
]
COLLISION_HANDLES = ["HellDiver", "noob_slayer", "dick_tracy_fan", "xX_HellFire_Xx", "cock_robin_99",
                     "NoobMaster69", "Scam_Hunter", "BlueTit_Birder", "Hell.Raiser", "TitForTat",
                     "GardenHoe_Pro", "hoe_down_42", "crap_shoot", "DamnYankeesFan", "WildAss_Watch",
                     "MobyDick_Reader", "Hell-Bent", "NaziHunter1945", "TheNoobTube", "CumLaude_2024"]
COLLISION_HANDLE_TEMPLATES = ["gg {t}, great match", "anyone seen {t} online today?",
                              "{t} is streaming the new season tonight", "add {t} to the scrim list",
                              "@{t} your clip got featured"]


def collisions():
    out = list(COLLISION_SENTENCES)
    for i, h in enumerate(COLLISION_HANDLES):
        for j, tpl in enumerate(COLLISION_HANDLE_TEMPLATES):
            if (i + j) % 2 == 0:
                out.append(tpl.format(t=h))
    return out


# ---------------------------------------------------------------------------
if __name__ == "__main__":
    import collections
    ev = evasion_records()
    print("evasions:", len(ev))
    cat_count = collections.Counter(c for r in ev for c in r["categories"])
    for c in CATEGORIES:
        print("  %-22s %d" % (c, cat_count[c]))
    ncombo = collections.Counter(len(r["categories"]) for r in ev)
    print("  by number of categories:", dict(sorted(ncombo.items())))
    assert ncombo[2] + ncombo[3] >= len(ev) / 3
    wc = collections.Counter(r["word"] for r in ev)
    print("  per word: min %d max %d" % (min(wc.values()), max(wc.values())))
    print("  forms used:", len({r["form"] for r in ev}))
    for r in ev[:5]:
        print("   ", repr(r["comment"]), r["categories"])
    for r in ev:
        assert decode_ok(r["disguised"], r["form"])
        assert r["comment"].count(r["disguised"]) == 1
    assert evasions() == evasions()
    gens = [("clean_tags", clean_tags), ("clean_codes", clean_codes), ("clean_prose", clean_prose)]
    for name, fn in gens:
        data = fn()
        assert data == fn(), name + " not deterministic"
        bad = [(s, listed_plain(s)) for s in data if listed_plain(s)]
        assert not bad, bad[:5]
        print(name + ":", len(data), "unique:", len(set(data)))
        for s in data[:5]:
            print("   ", repr(s))
    col = collisions()
    nohit = [s for s in col if not listed_plain(s)]
    assert not nohit, nohit
    print("collisions:", len(col))
    for s in col[:5]:
        print("   ", repr(s), listed_plain(s))
    print("OK")
