"""Development data, short words (tuned on): written apart from the engine by a writer who has never
seen bot/moderation, with its own list of 16 short listed words (3-4 letters) whose letters turn up
inside clean gamer tags, handles, codes and numbers. The writer built the clean generators from
ordinary words and names that hold a listed word's letters (Titan, Cassandra, Shoe, Cumbria), spelt
as gamers spell them (T1tan, Sh0e), and from hand-written traps in codes (Galaxy A55, T1T-400,
HE11-B, issue #311, Boeing 717, colour #A55); every clean sample passes the writer's strict reader
(no listed word, or its plural, as a plain whole word). The evasions are the project's category
names (look-alikes not split by script). Kept exactly as written (excluded from ruff, like
tests/moderation_dev_extra.py); tests/moderation_dev_short_split.py turns it into the evaluation's
"development, short words" split.

The writer's own description follows.

Dev evaluation data for a chat word filter: SHORT listed words (3-4 letters).

Standard library only, deterministic (seeded random.Random).

    WORDS                  the 16 listed words of this test server
    clean_tags(count, seed)  -> list[str]   clean chat naming handles / tags
    clean_codes(count, seed) -> list[str]   clean chat with codes / numbers
    evasions(count, seed)    -> list[tuple[str, list[str]]]
                                            one listed word, disguised
    collisions()           -> list[str]     listed word used plainly in a
                                            clean sense (report apart)

Run the module to self-check and print counts and samples.
"""

import random
import re
import unicodedata
from itertools import product

WORDS = [
    "crap", "damn", "hell", "tit", "cum", "ass", "arse", "fag",
    "scam", "nazi", "simp", "noob", "thot", "hoe", "twat", "piss",
]

# ---------------------------------------------------------------------------
# Over-eager readers used by the self-check (and handy for callers).
# ---------------------------------------------------------------------------

_WORDSET = set(WORDS) | {w + "s" for w in WORDS}
_CAMEL1 = re.compile(r"([a-z])([A-Z])")
_CAMEL2 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_DIGITS = "0123456789"


def _fold(text):
    t = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in t if not unicodedata.combining(ch))


def _camel(text):
    return _CAMEL2.sub(r"\1 \2", _CAMEL1.sub(r"\1 \2", text))


def _collapse(s):
    return re.sub(r"(.)\1+", r"\1", s)


def plain_hits(text):
    """Strict-but-eager reader: a listed word (or its plural) as a plain
    whole word.  Splits on every non-alphanumeric (so underscores, dots,
    apostrophes), on CamelCase, strips leading/trailing digit runs
    ("Hell2004" -> hell) and joins runs of single letters separated by one
    or two characters ("t i t", "t.i.t")."""
    hits = set()
    base = _fold(text)
    for variant in (base, _camel(base)):
        for tok in re.findall(r"[A-Za-z0-9]+", variant):
            low = tok.lower()
            for cand in (low, low.strip(_DIGITS)):
                if cand in _WORDSET:
                    hits.add(cand)
    toks = [(m.start(), m.end(), m.group().lower())
            for m in re.finditer(r"[A-Za-z0-9]+", base)]
    runs, run, prev_end = [], [], None
    for s, e, t in toks:
        single = len(t) == 1 and t.isalpha()
        if single and run and prev_end is not None and 1 <= s - prev_end <= 2 \
                and "\n" not in base[prev_end:s]:
            run.append(t)
        else:
            if len(run) >= 3:
                runs.append("".join(run))
            run = [t] if single else []
        prev_end = e
    if len(run) >= 3:
        runs.append("".join(run))
    for r in runs:
        for w in WORDS:
            if w in r:
                hits.add(w)
    return sorted(hits)


_LEET_READ = {
    "4": "a", "@": "a", "3": "e", "1": "il", "!": "i", "|": "il", "0": "o",
    "5": "s", "$": "s", "7": "t", "+": "t", "8": "b", "9": "g", "6": "g",
    "2": "z", "(": "c", "<": "c", "v": "uv", "#": "h",
}
_LEET_SYMS = "@!|$+(<#"


def leet_hits(text):
    """Over-eager leet reader (informational): digits and symbols read as
    letters, repeated letters collapsed; reports listed words read as whole
    tokens.  Clean samples are *meant* to trip it sometimes."""
    hits = set()
    base = _fold(text)
    for variant in (base, _camel(base)):
        for tok in re.findall(r"[A-Za-z0-9@!|$+(<#]+", variant):
            for t in {tok, tok.strip(_LEET_SYMS), tok.rstrip(_LEET_SYMS),
                      tok.lstrip(_LEET_SYMS)}:
                if not t or len(t) > 10:
                    continue
                opts = [_LEET_READ.get(ch, ch) for ch in t.lower()]
                n = 1
                for o in opts:
                    n *= len(o)
                if n > 256:
                    continue
                for combo in product(*opts):
                    c = "".join(combo)
                    if c in _WORDSET:
                        hits.add(c)
                        continue
                    cc = _collapse(c)
                    for w in WORDS:
                        if len(c) >= len(w) and cc == _collapse(w) and c != w:
                            hits.add(w)
    return sorted(hits)


def substring_hits(text):
    """Listed words appearing anywhere as letters (raw or leet-read)."""
    base = _fold(text).lower()
    read = "".join(_LEET_READ.get(ch, ch)[0] for ch in base)
    read2 = "".join(_LEET_READ.get(ch, ch)[-1] for ch in base)
    return sorted({w for w in WORDS if w in base or w in read or w in read2})


# ---------------------------------------------------------------------------
# Shared vocab
# ---------------------------------------------------------------------------

_GAMES = [
    "Valorant", "CS2", "Apex", "Fortnite", "Elden Ring", "Minecraft",
    "League", "Overwatch 2", "Rocket League", "Dota 2", "Titanfall 2",
    "Assassin's Creed Mirage", "Stardew Valley", "Hades II", "Rainbow Six",
    "Warzone", "Baldur's Gate 3", "Palworld", "Destiny 2", "Tekken 8",
    "Street Fighter 6", "Hollow Knight", "Sea of Thieves", "Pokemon Emerald",
]
_RANKS = ["Iron 3", "Bronze 1", "Silver 2", "Gold 4", "Platinum 1",
          "Diamond 2", "Ascendant 1", "Immortal 3", "Master", "Grandmaster",
          "Champion 2"]
_MAPS = ["Ascent", "Haven", "Mirage", "Inferno", "Nuke", "Dust II",
         "Kings Canyon", "Ilios", "Bind", "Anubis"]

# ---------------------------------------------------------------------------
# 1. clean_tags
# ---------------------------------------------------------------------------

# Ordinary words / names whose letters hold a listed word (or nearly do),
# with leet spellings a gamer really uses.  None of these reads as the
# listed word to a person.  Leet spellings that would single out the listed
# part of a rarer word (N4zionale, P1ssarro, Th0th ...) are left out on
# purpose: a moderator might hesitate over them.
_RISKY = {
    # tit
    "Titan": ["T1tan", "Tit4n", "T1t4n", "Ti7an", "TiTaN"],
    "Titus": ["T1tus"], "Titania": ["T1tania"], "Titicaca": [],
    "Constitution": [], "Petition": ["Pet1tion"], "Stitch": ["St1tch"],
    "Competitor": ["C0mpetitor"], "Appetite": [], "Tito": ["T1to"],
    "Titanium": ["T1tanium"],
    # ass
    "Cassius": ["C4ssius", "Ca55ius"], "Cassandra": ["C4ssandra", "Ca$$andra"],
    "Assassin": ["4ssassin", "Ass4ssin", "A55a55in"],
    "Assembly": ["Ass3mbly", "4ssembly"], "Classic": ["Cl4ss1c", "Cla55ic"],
    "Bass": ["B4ss", "Ba55"], "Glass": ["Gl4ss"], "Massive": ["M4ssive", "Ma55ive"],
    "Passage": ["P4ssage"], "Compass": ["C0mpass"], "Picasso": ["P1casso"],
    "Jurassic": ["Jur4ssic"], "Potassium": [], "Embassy": [], "Hassan": [],
    "Lasso": ["L4sso"], "Sassy": ["S4ssy"], "Assist": ["4ssist", "As5ist"],
    "Cassini": [], "Assam": [],
    # hell
    "Hellas": ["H3llas"], "Hello": ["H3llo", "He1lo"], "Shell": ["Sh3ll"],
    "Seashell": [], "Michelle": ["M1chelle"], "Othello": ["0thello"],
    "Hellenic": ["H3llenic"], "Rochelle": [],
    # cum
    "Cumbria": ["Cumbr1a"], "Cumberland": ["Cumb3rland"],
    "Cucumber": ["Cucumb3r"], "Document": ["D0cument"], "Cumulus": ["Cumu1us"],
    "Cumin": [], "Cumberbatch": [], "Accumulator": [], "Incumbent": [],
    "Circumference": [],
    # arse
    "Arsenal": ["4rsenal"], "Parsec": [],
    "Marseille": [], "Hoarse": [], "Coarse": [], "Sparse": [],
    "Arsene": [],
    # fag
    "Fagin": [], "Fagus": [], "Fagioli": [],
    # scam / crap
    "Scampi": [], "Scamander": [],
    "Scamper": [], "Scrap": ["Scr4p"], "Scrappy": ["Scr4ppy"],
    "Skyscraper": [], "Scrapyard": [],
    # nazi
    "Nazionale": [], "Nazir": [],
    # simp
    "Simple": ["S1mple", "Simp1e"], "Simpson": ["S1mpson", "Simps0n"],
    "Simplex": [], "Simply": [],
    # thot
    "Thoth": [],
    # hoe
    "Shoe": ["Sh0e"], "Phoebe": ["Ph0ebe"], "Horseshoe": [],
    "Hoenn": [], "Shoemaker": [],
    # piss
    "Pissarro": [],
    # near misses (noob, damn, twat)
    "Noodle": ["N00dle"], "Snooker": ["Sn00ker"], "Snoopy": [],
    "Damian": ["D4mian"], "Damon": [], "Adamant": [], "Twain": [],
    "Watts": [],
}
_RISKY_KEYS = sorted(_RISKY)

_NEUTRAL = [
    "Wolf", "Shadow", "Pixel", "Frost", "Night", "Blaze", "Storm", "Ninja",
    "Ghost", "Viper", "King", "Lord", "Panda", "Tiger", "Falcon", "Raven",
    "Dragon", "Bear", "Fox", "Lucky", "Sniper", "Gamer", "Nova", "Echo",
    "Rogue", "Captain", "Knight", "Hunter", "Rider", "Byte", "Chef", "Moon",
    "Star", "Sky", "Red", "Blue", "Iron", "Steel", "Dark", "Lil", "Sir", "Doc", "Queen", "Prime", "Main", "Plays", "Official",
    "Gaming", "Live", "Cat", "Owl", "Toast", "Waffle", "Bot", "Jr",
]
_CLANS = ["FaZe", "NRG", "TSM", "OpTic", "EU", "KOR", "BLK", "VLT", "ZRO",
          "MVP", "GXR", "RNG", "NAVI", "G2", "C9", "100T", "DRX", "LOUD",
          "KRÜ", "FNC", "TL", "EG", "QWE", "XIII", "BRB", "AFK"]


def _year(rng):
    return str(rng.randint(1985, 2012))


def _core(rng):
    key = rng.choice(_RISKY_KEYS)
    variants = _RISKY[key]
    if variants and rng.random() < 0.4:
        return rng.choice(variants)
    return key


def _handle(rng):
    """One gamer tag / handle, built compositionally."""
    core = _core(rng)
    parts = [core]
    r = rng.random()
    if r < 0.3:
        parts.insert(0, rng.choice(_NEUTRAL))
    elif r < 0.6:
        parts.append(rng.choice(_NEUTRAL))
    style = rng.choice(["camel", "camel", "camel", "lower", "under",
                        "under_low", "dot", "upper"])
    if style == "camel":
        name = "".join(p[0].upper() + p[1:] for p in parts)
    elif style == "lower":
        name = "".join(parts).lower()
    elif style == "under":
        name = "_".join(parts)
    elif style == "under_low":
        name = "_".join(parts).lower()
    elif style == "dot":
        name = ".".join(parts).lower()
    else:
        name = "".join(parts).upper()
    suf = rng.random()
    if suf < 0.18:
        name += str(rng.randint(10, 99))
    elif suf < 0.30:
        name += _year(rng)
    elif suf < 0.38:
        name += "_" + rng.choice([str(rng.randint(1, 99)), _year(rng)])
    elif suf < 0.44:
        name += rng.choice(["TV", "TTV", "YT", "_tv", "_yt", "_x", "x"])
    elif suf < 0.48:
        name = rng.choice(["ttv_", "its", "the", "im", "x"]) + name
    if rng.random() < 0.08:
        name = "xX_" + name + "_Xx"
    return name


def _fmt_handle(rng, h):
    """Platform shapes."""
    r = rng.random()
    if r < 0.22:
        return "@" + h
    if r < 0.30:
        return "u/" + h
    if r < 0.40:
        return "%s#%04d" % (h, rng.randint(1, 9999))
    if r < 0.48:
        return "[%s] %s" % (rng.choice(_CLANS), h)
    if r < 0.52:
        return "[%s]%s" % (rng.choice(_CLANS), h)
    if r < 0.56:
        return "twitch.tv/" + h.lower()
    if r < 0.59:
        return "steamcommunity.com/id/" + h.lower().replace(".", "")
    if r < 0.65:
        # Xbox gamertag with spaces
        core = _core(rng)
        extra = rng.choice(_NEUTRAL)
        parts = [core, extra] if rng.random() < 0.5 else [extra, core]
        return " ".join(parts) + " " + str(rng.randint(1, 9999))
    return h


_TAG_TEMPLATES = [
    "gg {h}, that clutch was insane",
    "{h} are you streaming {game} tonight?",
    "anyone watching {h} right now? the {game} run is wild",
    "{h} posted a really good build guide, check the pins",
    "add me on Steam, my name is {h}",
    "my Xbox gamertag is {h} if anyone wants to party up",
    "{h} just hit {rank} on the EU server",
    "shoutout to {h} for the raid, welcome in everyone",
    "{h} carried the whole team in scrims yesterday",
    "Discord: {h} - DM me for the tournament bracket",
    "who is {h}? they keep topping the leaderboard",
    "lmao {h} got sniped from across {map}",
    "{h} and {h2} are duoing in {game} tonight",
    "can a mod give {h} the Verified role? they finished onboarding",
    "ban appeal for {h}: they were wrongly flagged by the bot",
    "welcome {h}! read the rules channel first",
    "{h} is live: ranked grind + viewer games",
    "Congrats to {h} for winning the weekly {game} cup",
    "I think {h} changed their name to {h2}",
    "rip {h}'s win streak",
    "new clip from {h}: 1v4 ace on {map}",
    "{h} please stop spamming the music bot lol",
    "Follow {h} on YouTube, their {game} guides are great",
    "ign: {h}, rank: {rank}, looking for a chill team",
    "Tag: {h} | Region: NA | Mains: support",
    "{h} vs {h2} grand final starts at 8pm",
    "PSN is {h}, same as here",
    "the speedrun WR got beaten by {h} this morning",
    "{h} reacted to the patch notes and said the nerfs are fair",
    "is {h} the same person who mods the {game} subreddit?",
    "{h} said Arsenal look sharp this season",
    "{h} is streaming from Marseille all week",
    "flood warnings across Cumbria again, stay safe {h}",
    "Hellas Verona away kit is so clean, right {h}?",
    "the Cumberbatch cameo had {h} screaming in VC",
    "{h} had scampi and chips on stream lol",
    "{h} recommended the Titan submersible documentary",
    "Assassin's Creed Shadows trailer reaction by {h} is up",
    "{h} is doing a Titanfall 2 marathon for charity",
    "anyone want Phoebe Bridgers tickets? asking for {h}",
    "Lake Titicaca photos from {h} are unreal",
    "Newt Scamander cosplay by {h} won the contest",
    "{h} beat the Hoenn league with only a Mudkip",
    "{h} went to the Pissarro exhibit and posted pics",
    "Fagioli scored for Juve, {h} called it",
    "la Nazionale lost again and {h} is furious",
    "{h} is revising the Constitution chapter for the exam",
    "watching the Cassius Clay documentary with {h}",
    "Simpsons marathon with {h} and {h2} tonight",
    "{h} pulled a Thoth card in the new set",
    "{h} upgraded to a glass side panel and RGB everything",
    "{h} is selling a bass guitar, DM them",
    "the Potassium Hassan meme from {h} lives rent free",
    "who else main Cassandra? {h} does",
    "{h} finally crafted the Titanium sword",
    "scrim results: {h} 24 kills, {h2} 19 kills",
    "{h} uploaded the Shell Shockers tier list",
    "Snooker final tonight, {h} is hosting a watch party",
    "gg wp {h}, rematch tomorrow?",
    "{h} left the voice channel",
    "pinging {h} and {h2} for the clan war",
    "{h} reached level {num} on the battle pass",
    "{h} what's your crosshair code?",
    "leaderboard: 1. {h} 2. {h2}",
]


def clean_tags(count=800, seed=1201):
    """Clean comments naming risky handles / tags."""
    rng = random.Random(seed)
    out, seen = [], set()
    tries = 0
    while len(out) < count:
        tries += 1
        if tries > count * 200:
            raise RuntimeError("clean_tags: could not make enough samples")
        tpl = rng.choice(_TAG_TEMPLATES)
        h = _fmt_handle(rng, _handle(rng))
        h2 = _fmt_handle(rng, _handle(rng))
        msg = tpl.format(h=h, h2=h2, game=rng.choice(_GAMES),
                         rank=rng.choice(_RANKS), map=rng.choice(_MAPS),
                         num=rng.randint(2, 140))
        if msg in seen or plain_hits(msg):
            continue
        seen.add(msg)
        out.append(msg)
    return out


# ---------------------------------------------------------------------------
# 2. clean_codes
# ---------------------------------------------------------------------------

_UPPER = "ABCDEFGHJKLMNPRSTUVWXYZ"
_HEX = "0123456789abcdef"


def _rand_code(rng, pattern):
    """L = letter, D = digit, H = hex, X = letter or digit."""
    out = []
    for ch in pattern:
        if ch == "L":
            out.append(rng.choice(_UPPER))
        elif ch == "D":
            out.append(rng.choice(_DIGITS))
        elif ch == "H":
            out.append(rng.choice(_HEX))
        elif ch == "X":
            out.append(rng.choice(_UPPER + _DIGITS))
        else:
            out.append(ch)
    return "".join(out)


def _safe_random(rng, pattern):
    """Random filler code that does not accidentally read as a listed word
    (even leet-read); deliberate traps are written by hand elsewhere."""
    while True:
        c = _rand_code(rng, pattern)
        if not plain_hits(c) and not leet_hits(c) and not substring_hits(c):
            return c


def _ver(rng):
    return "%d.%d.%d" % (rng.randint(0, 9), rng.randint(0, 30), rng.randint(0, 40))


def _price(rng):
    cur = rng.choice(["$", "£", "€", "$", "¥"])
    if cur == "¥":
        return "¥%d" % rng.randint(300, 20000)
    if cur == "€" and rng.random() < 0.5:
        return "%d,%02d €" % (rng.randint(1, 300), rng.choice([0, 49, 50, 95, 99]))
    return "%s%d.%02d" % (cur, rng.randint(1, 1999), rng.choice([0, 49, 95, 99]))


def _time(rng):
    if rng.random() < 0.5:
        return "%02d:%02d" % (rng.randint(0, 23), rng.choice(range(0, 60, 5)))
    return "%d:%02d %s" % (rng.randint(1, 12), rng.choice(range(0, 60, 5)),
                           rng.choice(["am", "pm"]))


def _plate(rng):
    kind = rng.random()
    if kind < 0.4:
        return _safe_random(rng, "LLDD LLL")
    if kind < 0.7:
        return _safe_random(rng, "DLLLDDD")
    return rng.choice(["B", "M", "HH", "K", "F", "S"]) + "-" + \
        _safe_random(rng, "LL DDDD")


def _chess(rng):
    openings = [
        "1. e4 e5 2. Nf3 Nc6 3. Bb5 a6",
        "1. d4 d5 2. c4 e6 3. Nc3 Nf6",
        "1. e4 c5 2. Nf3 d6 3. d4 cxd4 4. Nxd4 Nf6 5. Nc3 a6",
        "1. e4 e6 2. d4 d5 3. Nc3 Bb4",
        "1. d4 Nf6 2. c4 g6 3. Nc3 Bg7 4. e4 d6",
        "1. e4 e5 2. Nf3 Nc6 3. Bc4 Bc5 4. c3 Nf6 5. d4 exd4",
        "1. c4 e5 2. Nc3 Nf6 3. g3 d5",
    ]
    return rng.choice(openings)


def _move(rng):
    return rng.choice(["Qxh7#", "Bxf7+", "O-O", "O-O-O", "Nxe5", "Rxd8+",
                       "exd5", "Qh5", "h4!?", "Ng5", "Bb5+", "Kf1", "a4",
                       "Rfe1", "Qxf7#", "e8=Q+"])


def _cpu(rng):
    if rng.random() < 0.5:
        return "i%d-%d%d00%s" % (rng.choice([5, 7, 9]), rng.choice([12, 13, 14]),
                                 rng.choice([4, 6, 7, 9]), rng.choice(["K", "KF", "F", ""]))
    return "Ryzen %d %s" % (rng.choice([5, 7, 9]),
                            rng.choice(["5600X", "7600", "7800X3D", "7950X",
                                        "5800X3D", "9700X"]))


def _gpu(rng):
    return rng.choice(["RTX 4060", "RTX 4070 Super", "RTX 4080", "RTX 4090",
                       "RTX 3060 Ti", "RX 7800 XT", "RX 6700 XT", "GTX 1080 Ti",
                       "Arc A770", "RX 7900 XTX", "RTX 2070"])


def _sha(rng, n):
    return "".join(rng.choice(_HEX) for _ in range(n))


def _code_sha(rng, n):
    while True:
        s = _sha(rng, n)
        if not leet_hits(s) and not substring_hits(s):
            return s


def _flight(rng):
    al = rng.choice(["BA", "LH", "UA", "DL", "AF", "KL", "EK", "QR", "TK",
                     "FR", "U2", "AA", "NH", "SQ", "IB", "AY", "LX"])
    sep = rng.choice(["", " "])
    return "%s%s%d" % (al, sep, rng.randint(1, 2999))


def _ticket(rng):
    r = rng.random()
    if r < 0.3:
        return "%s-%d" % (rng.choice(["JIRA", "OPS", "WEB", "BUG", "SUP", "DEV"]),
                          rng.randint(10, 9999))
    if r < 0.55:
        return "INC%07d" % rng.randint(1, 9999999)
    if r < 0.8:
        return "#%d" % rng.randint(100, 99999)
    return "REQ-%s" % _safe_random(rng, "XXXXXX")


_CODE_TEMPLATES = [
    # deliberate near-word traps (a person reads a code, not the word)
    lambda r: "anyone tried the Galaxy A55 yet? battery life looks solid",
    lambda r: "Galaxy A55 vs Pixel 8a for %s, which one?" % _price(r),
    lambda r: "the A55 model code is SM-A556B, the A35 is SM-A356B",
    lambda r: "replacement valve is part no. T1T-%d-%s according to the manual"
              % (r.randint(100, 900), r.choice("ABCDEFG")),
    lambda r: "T1T-400 seals are out of stock, try the T1T-450 instead",
    lambda r: "the HE11-%s bracket doesn't fit the older frame" % r.choice("ABCDK"),
    lambda r: "PCB ASSY %d-%04d rev %s is back in stock"
              % (r.randint(100, 999), r.randint(0, 9999), r.choice("ABCDE")),
    lambda r: "see issue #311 on GitHub, same crash",
    lambda r: "fixed in PR #%d, closes issue #311" % r.randint(312, 2000),
    lambda r: "Boeing 717 vs A220, which one is quieter?",
    lambda r: "flew on a Boeing 717 today, row %d" % r.randint(2, 30),
    lambda r: "the route 455 bus is always late",
    lambda r: "area code 717 is central Pennsylvania, so probably a local number",
    lambda r: "room 455 on the 4th floor, knock twice",
    lambda r: "I scored 455 points in the daily challenge",
    lambda r: "banner colour is #A55 on a #FFF background",
    lambda r: "use hex #A55E00 for the orange text",
    lambda r: "HiFiMAN HE400se on sale for %s" % _price(r),
    lambda r: "Hella H4 bulbs are way brighter than stock",
    lambda r: "Cummins ISX15 engine, %d miles, runs great" % r.randint(100000, 900000),
    lambda r: "Simpson M30 helmet in size %s" % r.choice(["S", "M", "L", "XL"]),
    lambda r: "TI-84 Plus CE is allowed in the exam, the TI-Nspire is not",
    lambda r: "Nokia 3310 battery still lasts a week lol",
    lambda r: "VW Passat B8 2.0 TDI, 150 hp",
    lambda r: "Assetto Corsa %s, lap %s on Spa"
              % (r.choice(["1.16", "Competizione"]),
                 "2:%02d.%03d" % (r.randint(15, 30), r.randint(0, 999))),
    lambda r: "part number ASSY-%s for the hinge kit" % _safe_random(r, "DDDD-LL"),
    lambda r: "ticket %s, support said 48h" % _ticket(r),
    # ordinary code chatter
    lambda r: "my %s runs %s at %d fps on ultra" % (_gpu(r), r.choice(_GAMES),
                                                   r.randint(40, 240)),
    lambda r: "CPU is an %s, temps sit around %d°C" % (_cpu(r), r.randint(38, 92)),
    lambda r: "updated to v%s and the crash is gone" % _ver(r),
    lambda r: "game version %s, build %d" % (_ver(r), r.randint(10000, 999999)),
    lambda r: "serial number %s, bought it in %s" % (_safe_random(r, "LLDDDD-DDDDX"),
                                                    _year(r)),
    lambda r: "commit %s fixed the login bug" % _code_sha(r, 7),
    lambda r: "sha256 of the installer: %s..." % _code_sha(r, 24),
    lambda r: "flight %s is delayed to %s" % (_flight(r), _time(r)),
    lambda r: "my plate is %s, parked in bay %d" % (_plate(r), r.randint(1, 80)),
    lambda r: "chess: %s %s is that still book?" % (_chess(r), _move(r)),
    lambda r: "blundered with %s in blitz, elo %d -> %d"
              % (_move(r), r.randint(800, 2200), r.randint(800, 2200)),
    lambda r: "it's %s on sale until %s tomorrow" % (_price(r), _time(r)),
    lambda r: "opened ticket %s about the refund" % _ticket(r),
    lambda r: "see issue #%d, the fix is in %s" % (r.randint(12, 9999), _ver(r)),
    lambda r: "error code 0x%s when launching" % _code_sha(r, 8).upper(),
    lambda r: "order #%d shipped, tracking %s" % (r.randint(100000, 9999999),
                                                 _safe_random(r, "LLDDDDDDDDDLL")),
    lambda r: "MAC %s keeps getting a new IP (192.168.%d.%d)"
              % (":".join(_code_sha(r, 2) for _ in range(6)), r.randint(0, 2),
                 r.randint(2, 254)),
    lambda r: "uuid %s-%s-%s-%s-%s shows up in the logs"
              % (_code_sha(r, 8), _code_sha(r, 4), _code_sha(r, 4),
                 _code_sha(r, 4), _code_sha(r, 12)),
    lambda r: "Windows 11 %s, driver %d.%d" % (r.choice(["23H2", "24H2", "22H2"]),
                                              r.randint(530, 566), r.randint(10, 99)),
    lambda r: "firmware %s bricked my router lol" % _ver(r),
    lambda r: "ICE %d to Munich leaves from platform %d" % (r.randint(100, 1999),
                                                          r.randint(1, 24)),
    lambda r: "set the timer for %dh %02dm" % (r.randint(0, 5), r.randint(0, 59)),
    lambda r: "it was %d-%d at half time, goal in the %d'" % (r.randint(0, 4),
                                                            r.randint(0, 4),
                                                            r.randint(1, 45)),
    lambda r: "my Steam friend code is %d" % r.randint(10000000, 999999999),
    lambda r: "use coupon %s at checkout" % _safe_random(r, "LLLLDD"),
    lambda r: "lot number %s is on the recall list" % _safe_random(r, "LDDDDLD"),
    lambda r: "CVE-%d-%d patched in %s" % (r.randint(2019, 2024),
                                          r.randint(1000, 49999), _ver(r)),
    lambda r: "ISBN 978-%d-%03d-%05d-%d" % (r.randint(0, 9), r.randint(0, 999),
                                           r.randint(0, 99999), r.randint(0, 9)),
    lambda r: "postcode is %s %s" % (r.choice(["SW1A", "M1", "B33", "LS6", "CA3",
                                               "EH1", "G12", "BS8", "NE1", "CF10"]),
                                     _safe_random(r, "DLL")),
    lambda r: "%s FE went for %s used" % (_gpu(r), _price(r)),
    lambda r: "aisle %d, shelf %d%s" % (r.randint(1, 30), r.randint(1, 20),
                                        r.choice("ABCDEF")),
    lambda r: "rolled 4d6 and got %d, drop lowest" % r.randint(4, 24),
    lambda r: "server IP is 51.%d.%d.%d:%d" % (r.randint(0, 255), r.randint(0, 255),
                                              r.randint(0, 255), r.randint(1024, 65535)),
    lambda r: "Python %s broke my venv again" % r.choice(["3.12.1", "3.11.7",
                                                         "3.13.0b2", "3.10.14"]),
    lambda r: "raid starts %s server time, ilvl %d minimum" % (_time(r),
                                                              r.randint(480, 639)),
    lambda r: "seed %d gives a village at spawn" % r.randint(-2**31, 2**31),
    lambda r: "model %s, %d GB RAM, %d TB SSD" % (_safe_random(r, "LLL-DDDDL"),
                                                   r.choice([8, 16, 32, 64]),
                                                   r.choice([1, 2, 4])),
    lambda r: "the %s costs %s before tax" % (r.choice(["PS5 Slim", "Xbox Series X",
                                                        "Switch OLED", "Steam Deck OLED",
                                                        "Quest 3", "ROG Ally"]),
                                              _price(r)),
    lambda r: "%s departs gate %s%d at %s" % (_flight(r), r.choice("ABCDEFGK"),
                                              r.randint(1, 60), _time(r)),
]


def clean_codes(count=500, seed=2203):
    """Clean comments full of model numbers, codes, versions and numbers."""
    rng = random.Random(seed)
    out, seen = [], set()
    tries = 0
    while len(out) < count:
        tries += 1
        if tries > count * 400:
            raise RuntimeError("clean_codes: could not make enough samples")
        msg = rng.choice(_CODE_TEMPLATES)(rng)
        if msg in seen or plain_hits(msg):
            continue
        seen.add(msg)
        out.append(msg)
    return out


# ---------------------------------------------------------------------------
# 3. evasions
# ---------------------------------------------------------------------------

CATEGORIES = [
    "leetspeak", "leetspeak drawn with symbols", "look-alikes", "fullwidth",
    "mathematical letters", "enclosed letters", "small capitals",
    "stroke letters", "combining marks", "stretching", "zero-width",
    "spacing (one separator)", "mixed separators", "line breaks",
    "blank-looking", "markdown", "spoiler", "right-to-left override", "case",
]
_LEETCATS = ("leetspeak", "leetspeak drawn with symbols")
_LETTER_LEVEL = ("leetspeak", "leetspeak drawn with symbols", "look-alikes",
                 "fullwidth", "mathematical letters", "enclosed letters",
                 "small capitals", "stroke letters")
_GAP_EXCL = ("spacing (one separator)", "mixed separators", "line breaks",
             "blank-looking")
_NONLEET = [c for c in CATEGORIES if c not in _LEETCATS]
_RLO_OK = {"leetspeak", "look-alikes", "fullwidth", "mathematical letters",
           "enclosed letters", "small capitals", "stroke letters", "stretching",
           "zero-width", "case", "right-to-left override"}

_LEET = {
    "a": ["4", "@"], "e": ["3"], "i": ["1", "!", "|"], "l": ["1", "|"],
    "o": ["0"], "s": ["5", "$"], "t": ["7", "+"], "b": ["8"], "g": ["9", "6"],
    "z": ["2"], "c": ["(", "<"], "u": ["v"], "h": ["#"],
}
_DRAWN = {
    "m": ["|\\/|", "/\\/\\"], "h": ["|-|", "}{"], "a": ["/\\"],
    "u": ["(_)", "|_|"], "k": ["|<"], "n": ["|\\|"], "w": ["\\/\\/"],
    "b": ["|3"], "d": ["|)"],
}
_LOOK_LOWER = {
    "a": ["\u0430"], "c": ["\u0441"], "e": ["\u0435"], "o": ["\u043e", "\u03bf"],
    "p": ["\u0440"], "s": ["\u0455"], "i": ["\u0456"], "h": ["\u04bb"],
    "d": ["\u0501"], "w": ["\u051d"], "l": ["\u04cf"], "u": ["\u057d"],
    "n": ["\u0578"], "x": ["\u0445"], "y": ["\u0443"], "j": ["\u0458"],
}
_LOOK_UPPER = {
    "A": ["\u0410", "\u0391"], "B": ["\u0412", "\u0392"], "C": ["\u0421"],
    "E": ["\u0415", "\u0395"], "H": ["\u041d", "\u0397"], "I": ["\u0406", "\u0399"],
    "K": ["\u041a", "\u039a"], "M": ["\u041c", "\u039c"], "N": ["\u039d"],
    "O": ["\u041e", "\u039f"], "P": ["\u0420", "\u03a1"], "S": ["\u0405"],
    "T": ["\u0422", "\u03a4"], "X": ["\u0425"], "Y": ["\u04ae"],
    "Z": ["\u0396"], "J": ["\u0408"],
}
_SMALLCAP = {
    "a": "\u1d00", "b": "\u0299", "c": "\u1d04", "d": "\u1d05", "e": "\u1d07",
    "f": "\ua730", "g": "\u0262", "h": "\u029c", "i": "\u026a", "j": "\u1d0a",
    "k": "\u1d0b", "l": "\u029f", "m": "\u1d0d", "n": "\u0274", "o": "\u1d0f",
    "p": "\u1d18", "r": "\u0280", "s": "\ua731", "t": "\u1d1b", "u": "\u1d1c",
    "v": "\u1d20", "w": "\u1d21", "y": "\u028f", "z": "\u1d22",
}
_STROKE = {
    "a": "\u2c65", "b": "\u0180", "c": "\u023c", "d": "\u0111", "e": "\u0247",
    "g": "\u01e5", "h": "\u0127", "i": "\u0268", "j": "\u0249", "l": "\u0142",
    "o": "\u00f8", "p": "\u1d7d", "r": "\u024d", "t": "\u0167", "u": "\u0289",
    "y": "\u024f", "z": "\u01b6",
    "A": "\u023a", "B": "\u0243", "C": "\u023b", "D": "\u0110", "E": "\u0246",
    "G": "\u01e4", "H": "\u0126", "I": "\u0197", "L": "\u0141", "O": "\u00d8",
    "P": "\u2c63", "R": "\u024c", "T": "\u0166", "U": "\u0244", "Z": "\u01b5",
}
_MATH = {  # style: (upper A, lower a, exceptions)
    "bold": (0x1D400, 0x1D41A, {}),
    "italic": (0x1D434, 0x1D44E, {"h": "\u210e"}),
    "bold italic": (0x1D468, 0x1D482, {}),
    "script": (0x1D49C, 0x1D4B6, {
        "B": "\u212c", "E": "\u2130", "F": "\u2131", "H": "\u210b",
        "I": "\u2110", "L": "\u2112", "M": "\u2133", "R": "\u211b",
        "e": "\u212f", "g": "\u210a", "o": "\u2134"}),
    "bold script": (0x1D4D0, 0x1D4EA, {}),
    "fraktur": (0x1D504, 0x1D51E, {
        "C": "\u212d", "H": "\u210c", "I": "\u2111", "R": "\u211c", "Z": "\u2128"}),
    "double-struck": (0x1D538, 0x1D552, {
        "C": "\u2102", "H": "\u210d", "N": "\u2115", "P": "\u2119",
        "Q": "\u211a", "R": "\u211d", "Z": "\u2124"}),
    "sans-serif": (0x1D5A0, 0x1D5BA, {}),
    "sans-serif bold": (0x1D5D4, 0x1D5EE, {}),
    "sans-serif italic": (0x1D608, 0x1D622, {}),
    "sans-serif bold italic": (0x1D63C, 0x1D656, {}),
    "monospace": (0x1D670, 0x1D68A, {}),
}
_MATH_STYLES = list(_MATH)
_ENCLOSED = {  # style: (upper base or None, lower base or None)
    "circled": (0x24B6, 0x24D0),
    "parenthesized": (None, 0x249C),
    "negative circled": (0x1F150, None),
    "squared": (0x1F130, None),
    "negative squared": (0x1F170, None),
}
_ENCLOSED_STYLES = ["circled", "circled", "circled", "parenthesized",
                    "negative circled", "squared", "negative squared"]
_COMBINING = ["\u0301", "\u0300", "\u0308", "\u0303", "\u0302", "\u030a",
              "\u0306", "\u030c", "\u0304", "\u0323", "\u0331", "\u0327"]
_ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]
_BLANKS = ["\u3164", "\u2800", "\u115f", "\u1160", "\u00a0", "\u2003",
           "\u2009", "\u202f", "\u3000", "\u2007", "\u205f", "\uffa0",
           "\u2002", "\u2005"]
_SEPS = [" ", " ", ".", ".", "-", "-", "_", "/", "~", ",", ":", "  ", "'"]
_MD = ["**", "**", "*", "__", "~~", "`", "***"]
_MIXED_SEPS = [" ", ".", ".", "-", "-", "_", "/", "~", ",", ":", "'"]
_STRETCHY = set("034@5$v")
_RLO, _PDF = "\u202e", "\u202c"


def _math_char(ch, style):
    up, lo, exc = _MATH[style]
    if ch in exc:
        return exc[ch]
    if ch.isupper():
        return chr(up + ord(ch) - 65)
    return chr(lo + ord(ch) - 97)


def _encl_char(ch, style):
    up, lo = _ENCLOSED[style]
    if up is None:
        return chr(lo + ord(ch.lower()) - 97)
    if lo is None or ch.isupper():
        return chr(up + ord(ch.upper()) - 65)
    return chr(lo + ord(ch) - 97)


def _full_char(ch):
    return chr(0xFF21 + ord(ch) - 65) if ch.isupper() else chr(0xFF41 + ord(ch) - 97)


def _leet_options(word, p, cats):
    opts = list(_LEET.get(word[p], []))
    if p == 0:
        opts = [o for o in opts if o not in "(<"]
    if p == len(word) - 1:
        opts = [o for o in opts if o != "!"]
    if "spoiler" in cats:
        opts = [o for o in opts if o != "|"]
    if "right-to-left override" in cats:
        opts = [o for o in opts if o not in "(<"]
    return opts


def _eligible(cat, word, p, upper, cats, encl_style):
    ch = word[p]
    cased = ch.upper() if upper[p] else ch
    if cat == "leetspeak":
        return bool(_leet_options(word, p, cats))
    if cat == "leetspeak drawn with symbols":
        return ch in _DRAWN
    if cat == "look-alikes":
        return cased in (_LOOK_UPPER if upper[p] else _LOOK_LOWER)
    if cat == "small capitals":
        return ch in _SMALLCAP
    if cat == "stroke letters":
        return cased in _STROKE
    return True  # fullwidth, mathematical, enclosed


def _case_capable(kind, encl_style):
    if kind in ("plain", "look-alikes", "stroke letters", "fullwidth",
                "mathematical letters"):
        return True
    if kind == "enclosed letters":
        return encl_style == "circled"
    return False


def _compatible(cats, word):
    cats = set(cats)
    if sum(c in cats for c in _GAP_EXCL) > 1:
        return False
    if "markdown" in cats and "spoiler" in cats:
        return False
    if "leetspeak drawn with symbols" in cats and (
            "spoiler" in cats or "markdown" in cats):
        return False  # '|' / '\\' in drawings clash with markdown syntax
    if "right-to-left override" in cats and not cats <= _RLO_OK:
        return False
    if "leetspeak drawn with symbols" in cats and not any(c in _DRAWN for c in word):
        return False
    if sum(c in cats for c in _LETTER_LEVEL) > len(word):
        return False
    return True


def _disguise(word, cats, rng):
    """Return the disguised word (a string) or None if this draw failed."""
    n = len(word)
    cats = set(cats)
    encl_style = rng.choice(_ENCLOSED_STYLES)
    math_style = rng.choice(_MATH_STYLES)

    # case pattern on original letters
    upper = [False] * n
    if "case" in cats:
        if rng.random() < 0.2:
            upper = [True] * n
        else:
            for _ in range(50):
                upper = [rng.random() < 0.5 for _ in range(n)]
                if any(upper[1:]) and not all(upper):
                    break

    # letter-level substitutions on disjoint positions
    kind = ["plain"] * n
    free = list(range(n))
    ll = [c for c in _LETTER_LEVEL if c in cats]
    rng.shuffle(ll)
    leetish = 0
    for idx, c in enumerate(ll):
        elig = [p for p in free if _eligible(c, word, p, upper, cats, encl_style)]
        if not elig:
            return None
        remaining = len(ll) - idx - 1
        maxk = min(len(elig), len(free) - remaining)
        if c in _LEETCATS:
            # at most two symbol letters, so the word stays readable
            maxk = min(maxk, min(2, n - 1) - leetish)
        if maxk < 1:
            return None
        if c not in _LEETCATS and rng.random() < 0.5:
            k = maxk
        else:
            k = rng.randint(1, maxk)
        for p in rng.sample(elig, k):
            kind[p] = c
            free.remove(p)
        if c in _LEETCATS:
            leetish += k

    if "case" in cats:
        if not any(upper[p] and p > 0 and _case_capable(kind[p], encl_style)
                   for p in range(n)):
            return None
        if sum(_case_capable(kind[p], encl_style) for p in range(n)) < 2:
            return None

    # glyph per original position
    forms = []
    for p in range(n):
        ch = word[p].upper() if upper[p] else word[p]
        k = kind[p]
        if k == "plain":
            f = ch
        elif k == "leetspeak":
            f = rng.choice(_leet_options(word, p, cats))
        elif k == "leetspeak drawn with symbols":
            f = rng.choice(_DRAWN[word[p]])
        elif k == "look-alikes":
            f = rng.choice((_LOOK_UPPER if upper[p] else _LOOK_LOWER)[ch])
        elif k == "fullwidth":
            f = _full_char(ch)
        elif k == "mathematical letters":
            f = _math_char(ch, math_style)
        elif k == "enclosed letters":
            f = _encl_char(ch, encl_style)
        elif k == "small capitals":
            f = _SMALLCAP[word[p]]
        else:
            f = _STROKE[ch]
        forms.append(f)

    # stretching
    reps = [1] * n
    if "stretching" in cats:
        # stretch letters (or letter-like leet: 0 3 4 @ 5 $ v), not symbols
        elig = [p for p in range(n)
                if kind[p] not in _LEETCATS or forms[p] in _STRETCHY]
        if not elig:
            return None
        npos = 2 if (n >= 4 and len(elig) >= 2 and rng.random() < 0.3) else 1
        for p in rng.sample(elig, npos):
            reps[p] = rng.randint(3, 6)
    units = []  # (string, original position, kind)
    for p in range(n):
        for _ in range(reps[p]):
            units.append([forms[p], p, kind[p]])

    # combining marks
    if "combining marks" in cats:
        elig = [i for i, u in enumerate(units)
                if u[2] in ("plain", "look-alikes", "stroke letters", "small capitals")]
        if not elig:
            return None
        k = rng.randint(1, min(3, len(elig)))
        for i in rng.sample(elig, k):
            nm = 1 if rng.random() < 0.8 else rng.randint(2, 3)
            marks = "".join(rng.sample(_COMBINING, nm))
            s = units[i][0] + marks
            if nm == 1 and units[i][2] == "plain" and rng.random() < 0.5:
                s = unicodedata.normalize("NFC", s)
            units[i][0] = s

    m = len(units)
    strs = [u[0] for u in units]

    # right-to-left override: stored reversed, shown forwards
    if "right-to-left override" in cats:
        gaps = [""] * (m - 1)
        if "zero-width" in cats:
            for g in rng.sample(range(m - 1), rng.randint(1, m - 1)):
                gaps[g] = rng.choice(_ZW)
        seq = []
        for i in range(m):
            seq.append(strs[i])
            if i < m - 1:
                seq.append(gaps[i])
        return _RLO + "".join(reversed(seq)) + _PDF

    # gaps: separators go only between different letters (not inside a
    # stretched run), zero-width characters anywhere
    gaps = [""] * (m - 1)
    bounds = [i for i in range(m - 1) if units[i][1] != units[i + 1][1]]
    seps = list(_SEPS)
    mixed = list(_MIXED_SEPS)
    if "markdown" in cats:
        seps = [s for s in seps if s not in ("_", "~")]
        mixed = [s for s in mixed if s not in ("_", "~")]
    if "leetspeak drawn with symbols" in cats:  # keep drawings intact
        seps = [s for s in seps if s in (" ", ".", ",", ":", "  ")]
        mixed = [s for s in mixed if s in (" ", ".", ",", ":")]
    if "spacing (one separator)" in cats:
        sep = rng.choice(seps)
        for g in bounds:
            gaps[g] = sep
    elif "mixed separators" in cats:
        for _ in range(50):
            picks = [rng.choice(mixed) for _ in bounds]
            if len(set(picks)) >= 2:
                break
        else:
            return None
        for g, sep in zip(bounds, picks):
            gaps[g] = sep
    elif "line breaks" in cats:
        if rng.random() < 0.5 or len(bounds) == 1:
            for g in bounds:
                gaps[g] = "\n"
        else:
            gaps[rng.choice(bounds)] = "\n"
    elif "blank-looking" in cats:
        b = rng.choice(_BLANKS)
        if rng.random() < 0.6:
            chosen = bounds
        else:
            chosen = rng.sample(bounds, rng.randint(1, len(bounds)))
        for g in chosen:
            gaps[g] = b
    if "zero-width" in cats:
        for g in rng.sample(range(m - 1), rng.randint(1, m - 1)):
            z = "".join(rng.choice(_ZW) for _ in range(rng.choice([1, 1, 1, 2])))
            gaps[g] = (z + gaps[g]) if rng.random() < 0.5 else (gaps[g] + z)

    # markdown / spoiler markers inside the word
    open_m = [""] * m
    close_m = [""] * m
    if "markdown" in cats or "spoiler" in cats:
        marker = "||" if "spoiler" in cats else rng.choice(_MD)
        if "markdown" in cats and m >= 3 and "stretching" not in cats \
                and rng.random() < 0.3:
            start = rng.randrange(2)
            for i in range(start, m, 2):
                open_m[i] = marker
                close_m[i] = marker
        else:
            for _ in range(50):
                s = rng.randrange(m)
                e = rng.randrange(s, m)
                if not (s == 0 and e == m - 1):
                    break
            else:
                return None
            open_m[s] = marker
            close_m[e] = marker
    seq = []
    for i in range(m):
        seq.append(open_m[i] + strs[i] + close_m[i])
        if i < m - 1:
            seq.append(gaps[i])
    return "".join(seq)


# --- decoder used only to check that every disguise stays readable ---------

def _build_reverse():
    rev = {}
    for lo, alts in _LOOK_LOWER.items():
        for a in alts:
            rev[a] = lo
    for up, alts in _LOOK_UPPER.items():
        for a in alts:
            rev[a] = up.lower()
    for k, v in _SMALLCAP.items():
        rev[v] = k
    for k, v in _STROKE.items():
        rev[v] = k.lower()
    for style in _MATH:
        for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
            rev[_math_char(c, style)] = c.lower()
    for style in _ENCLOSED:
        for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
            rev[_encl_char(c, style)] = c.lower()
    for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        rev[_full_char(c)] = c.lower()
    return rev


_REV = _build_reverse()
_DRAWN_REV = sorted(((d, k) for k, ds in _DRAWN.items() for d in ds),
                    key=lambda x: -len(x[0]))
_LEET_REV = {}
for _k, _vs in _LEET.items():
    for _v in _vs:
        _LEET_REV.setdefault(_v, set()).add(_k)


def _decodes_to(s, word):
    s = s.replace(_PDF, "")
    if s.startswith(_RLO):
        s = s[1:][::-1]
    s = "".join(ch for ch in s if ch not in _ZW)
    variants = {s, s.replace("||", ""), re.sub(r"\*+|__|~~|`", "", s)}
    target = _collapse(word)
    for v in variants:
        v = unicodedata.normalize("NFD", v)
        v = "".join(ch for ch in v if not unicodedata.combining(ch))
        v = "".join(_REV.get(ch, ch) for ch in v)
        for d, k in _DRAWN_REV:
            v = v.replace(d, "\x00" + k)
        v = "".join(ch for ch in v if ch not in _BLANKS and ch not in " \n.-_/~,:'")
        opts = []
        for ch in v:
            if ch == "\x00":
                continue
            o = {ch.lower()}
            if ch in _LEET_REV:
                o = set(_LEET_REV[ch])
            opts.append(sorted(o))
        total = 1
        for o in opts:
            total *= len(o)
        if total > 4096:
            continue
        for combo in product(*opts):
            c = "".join(combo)
            if _collapse(c) == target and len(c) >= len(word):
                return True
    return False


# --- message templates ------------------------------------------------------
# classes: G any word, P person insult, E exclamation, T bad-thing quality,
# W "what the ...", L "smells/tastes like ...", B body idiom,
# D "damn it", O "piss off"
_WORD_CLASSES = {
    "crap": "GETWL", "damn": "GED", "hell": "GETWL", "tit": "GP", "cum": "GL",
    "ass": "GPTBL", "arse": "GPB", "fag": "GP", "scam": "GT", "nazi": "GP",
    "simp": "GP", "noob": "GP", "thot": "GP", "hoe": "GP", "twat": "GP",
    "piss": "GTLO",
}
_EV_TEMPLATES = [
    ("G", "{w}"),
    ("G", "lol {w}"),
    ("G", "{w} lmao"),
    ("G", "bet the bot can't catch this one: {w}"),
    ("G", "testing the filter again... {w}"),
    ("G", "{w} <- try filtering that"),
    ("G", "ok but what about {w} though"),
    ("G", "imagine saying {w} in general chat"),
    ("G", "mods asleep, {w}"),
    ("G", "just gonna leave this here: {w}"),
    ("G", "{w} hehe"),
    ("G", "does {w} get caught or nah"),
    ("G", "new word of the day: {w}"),
    ("G", "{w}!!"),
    ("G", "my keyboard autocorrected to {w} somehow"),
    ("G", "{w} {emoji}"),
    ("G", "the bot let {w} through yesterday lol"),
    ("P", "you're such an absolute {w}"),
    ("P", "{w}, get off the point"),
    ("P", "our jungler is the biggest {w} alive"),
    ("P", "stop acting like some {w} and push mid"),
    ("P", "that streamer is the biggest {w} I've ever seen"),
    ("P", "{w} behaviour tbh"),
    ("P", "who invited this {w}"),
    ("P", "report the {w} on my team pls"),
    ("P", "lmao what an absolute {w}"),
    ("P", "imagine losing to some {w} with default skin"),
    ("P", "typical {w} move"),
    ("P", "our support main is the real {w} here"),
    ("P", "{w} alert in voice chat"),
    ("P", "blocked that {w} finally"),
    ("P", "ignore him he's just another {w}"),
    ("P", "go cry about it, {w}"),
    ("P", "why is there always one {w} in ranked"),
    ("P", "{w} spotted in lobby 3"),
    ("E", "{w}, forgot my charger"),
    ("E", "oh {w}, the server is down again"),
    ("E", "{w}!! missed the drop by one second"),
    ("E", "well {w}. there goes my streak"),
    ("E", "aw {w}, forgot to save"),
    ("E", "{w} that was close"),
    ("E", "lag spike again, {w}"),
    ("E", "{w}... the patch broke my build"),
    ("E", "{w} {emoji} lost the final"),
    ("T", "this patch is total {w}"),
    ("T", "that giveaway link is pure {w}"),
    ("T", "honestly the new map is {w}"),
    ("T", "ranked matchmaking today = {w}"),
    ("W", "what the {w} is this matchmaking"),
    ("W", "what the {w} was that ult"),
    ("W", "who the {w} picked this map"),
    ("L", "this energy drink tastes like {w}"),
    ("L", "the new skin looks like {w} ngl"),
    ("L", "smells like {w} in here after the lan"),
    ("B", "get your {w} to the objective"),
    ("B", "pain in the {w} this boss is"),
    ("B", "move your {w}, we're pushing B"),
    ("D", "{w} it, lost again"),
    ("D", "oh {w} it all"),
    ("O", "{w} off with your spam"),
    ("O", "oh {w} off mate"),
]
_EMOJI = ["\U0001F602", "\U0001F480", "\U0001F923", "\U0001F921", "\U0001F644",
          ":skull:", ":clown:", "xD", "\U0001F62D"]


def _position(tpl):
    core = tpl.replace("{emoji}", "E")
    if core == "{w}":
        return "alone"
    if core.startswith("{w}"):
        rest = core[3:]
        if rest.strip(" !.?") == "":
            return "alone"
        return "start"
    if re.search(r"\{w\}[ !.?]*$", core):
        return "end"
    return "middle"


def _pick_cats(group, word, rng):
    for _ in range(200):
        if group == 0:
            r = rng.random()
            if r < 0.8 or not any(c in _DRAWN for c in word):
                cats = ["leetspeak"]
            else:
                cats = ["leetspeak drawn with symbols"]
        elif group == 1:
            r = rng.random()
            if r < 0.75:
                base = ["leetspeak"]
            elif r < 0.9:
                base = ["leetspeak drawn with symbols"]
            else:
                base = ["leetspeak", "leetspeak drawn with symbols"]
            extra = 1 if (len(base) == 2 or rng.random() < 0.55) else 2
            cats = base + rng.sample(_NONLEET, extra)
        else:
            k = rng.choices([1, 2, 3], weights=[4, 4, 2])[0]
            cats = rng.sample(_NONLEET, k)
        if _compatible(cats, word):
            return cats
    raise RuntimeError("no compatible categories")


def evasions(count=1200, seed=3307):
    """Messages hiding exactly one listed word, disguised."""
    rng = random.Random(seed)
    order = []
    while len(order) < count:
        block = list(WORDS)
        rng.shuffle(block)
        order.extend(block)
    order = order[:count]
    by_class = {}
    for cls, tpl in _EV_TEMPLATES:
        by_class.setdefault(cls, []).append(tpl)
    out, seen = [], set()
    i = 0
    tries = 0
    while len(out) < count:
        tries += 1
        if tries > count * 200:
            raise RuntimeError("evasions: could not make enough samples")
        word = order[len(out)]
        group = len(out) % 3
        cats = _pick_cats(group, word, rng)
        disg = _disguise(word, cats, rng)
        if disg is None or disg == word or not _decodes_to(disg, word):
            continue
        cls = rng.choice(_WORD_CLASSES[word])
        tpl = rng.choice(by_class[cls])
        msg = tpl.replace("{emoji}", rng.choice(_EMOJI)).replace("{w}", disg)
        if msg in seen:
            continue
        seen.add(msg)
        cats_sorted = [c for c in CATEGORIES if c in cats]
        out.append((msg, cats_sorted))
        i += 1
    return out


# ---------------------------------------------------------------------------
# collisions
# ---------------------------------------------------------------------------

def collisions():
    """A listed word used plainly as a whole word in a clean sense."""
    return [
        "Hell's Kitchen is on tonight, Gordon is furious again",
        "Dante's Inferno has nine circles of hell, we read it in class",
        "Hell is an actual village in Norway, the train station sign is famous",
        "the road to hell is paved with good intentions, as my nan says",
        "Hell Let Loose is free on Epic this week",
        "a blue tit has been nesting in our bird box all spring",
        "spotted a great tit and two robins at the feeder this morning",
        "it turned into tit for tat between the two teams after that foul",
        "she graduated summa cum laude in physics",
        "he finished magna cum laude, the whole family flew in",
        "we turned the spare room into a bedroom-cum-office",
        "the kitchen-cum-diner is the best part of the flat",
        "my little cousin played the ass in the nativity play",
        "Balaam's ass talks in the Book of Numbers",
        "the African wild ass is critically endangered",
        "he nipped outside for a fag between matches (British for cigarette)",
        "my grandad still calls cigarettes fags, old British slang",
        "ordered a FAG 6205 bearing for the skateboard wheel",
        "report any scam DMs to the mods, don't click the links",
        "heads up: there's a Steam gift card scam going round again",
        "that crypto airdrop is a scam, the site was registered yesterday",
        "we're studying Nazi Germany for the history exam",
        "the documentary covers how the Nazi party rose to power",
        "Indiana Jones punching Nazi soldiers never gets old",
        "I'm a total noob at chess, any tips for openings?",
        "noob question: how do I bind voice chat to a key?",
        "sorry, still a noob with OBS, why is my mic so quiet",
        "in French the Egyptian god Thoth is spelled Thot",
        "grab the hoe and weed the tomato beds before it rains",
        "upgrade your hoe at Clint's before summer in Stardew",
        "a hoe, a rake and a watering can are all you need to start",
        "we're staging Damn Yankees for the spring musical",
        "Simp is also an old word for a simpleton, it's in the OED",
        "the band Hell Is for Heroes reformed last year",
        "Hellboy and Hell or High Water are both on the watchlist",
        "the Ass and the Lion is one of Aesop's fables",
        "etymology thread: piss comes from Old French pisser, it's in Chaucer",
        "Arse is what Gooners get called by rival fans, lol",
        "Scam Likely keeps calling my phone every morning",
        "in the dice game, a 2, 3 or 12 on the come-out roll is called a crap",
    ]


# ---------------------------------------------------------------------------
# self-check
# ---------------------------------------------------------------------------

def _show(s):
    out = []
    for ch in s:
        if ch == "\n":
            out.append("\\n")
        elif unicodedata.category(ch) in ("Cf", "Zs", "Cc") and ch != " " \
                or ch in _BLANKS or ch in _ZW:
            out.append("<U+%04X>" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def _main():
    problems = []
    assert len(WORDS) == 16 and all(3 <= len(w) <= 4 for w in WORDS)

    tags = clean_tags()
    codes = clean_codes()
    evs = evasions()
    cols = collisions()

    for name, data in (("clean_tags", tags), ("clean_codes", codes)):
        bad = [(s, plain_hits(s)) for s in data if plain_hits(s)]
        if bad:
            problems.append("%s has plain whole-word hits: %r" % (name, bad[:5]))
        if len(set(data)) != len(data):
            problems.append("%s has duplicates" % name)
    # determinism
    if clean_tags() != tags or clean_codes() != codes or evasions() != evs:
        problems.append("generators are not deterministic")

    # evasions checks
    word_count = {w: 0 for w in WORDS}
    cat_count = {c: 0 for c in CATEGORIES}
    ncat = {1: 0, 2: 0, 3: 0}
    groups = {"leetspeak alone": 0, "leetspeak + others": 0, "other disguises": 0}
    for msg, cats in evs:
        for c in cats:
            cat_count[c] += 1
        ncat[len(cats)] = ncat.get(len(cats), 0) + 1
        if cats in (["leetspeak"], ["leetspeak drawn with symbols"]):
            groups["leetspeak alone"] += 1
        elif any(c in _LEETCATS for c in cats):
            groups["leetspeak + others"] += 1
        else:
            groups["other disguises"] += 1
        if not 1 <= len(cats) <= 3:
            problems.append("bad category count: %r" % (cats,))
    # which word each evasion hides: regenerate with the same order
    rng = random.Random(3307)
    order = []
    while len(order) < len(evs):
        block = list(WORDS)
        rng.shuffle(block)
        order.extend(block)
    for w in order[:len(evs)]:
        word_count[w] += 1
    if min(word_count.values()) == 0:
        problems.append("some word unused")
    # templates: whole-word slot, no other listed word, >= 50 templates
    positions = {}
    for cls, tpl in _EV_TEMPLATES:
        positions[_position(tpl)] = positions.get(_position(tpl), 0) + 1
        probe = tpl.replace("{emoji}", "xD").replace("{w}", "zzzz")
        if plain_hits(probe) or leet_hits(probe):
            problems.append("template contains a listed word: %r" % tpl)
        for m in re.finditer(r"\{w\}", tpl):
            before = tpl[:m.start()]
            after = tpl[m.end():]
            if before and (before[-1].isalnum() or re.search(r"(^| )\w$", before.rstrip())):
                problems.append("slot glued or next to a one-letter word: %r" % tpl)
            if after and (after[0].isalnum() or re.match(r"^ \w( |$)", after)):
                problems.append("slot glued or next to a one-letter word: %r" % tpl)
    if len(_EV_TEMPLATES) < 50:
        problems.append("fewer than 50 templates")
    # every generated glyph must be an assigned code point
    for msg, _ in evs:
        for ch in msg:
            if unicodedata.name(ch, None) is None and ch not in "\n":
                problems.append("unassigned char U+%04X in %r" % (ord(ch), msg))
                break
    # collisions must contain a plain whole word
    for c in cols:
        if not plain_hits(c):
            problems.append("collision without plain listed word: %r" % c)

    print("WORDS:", ", ".join(WORDS))
    print()
    for name, data in (("clean_tags", tags), ("clean_codes", codes)):
        sub = sum(1 for s in data if substring_hits(s))
        lh = [s for s in data if leet_hits(s)]
        print("%s: %d samples (%d distinct); contain a listed word's letters "
              "(raw or leet-read): %d; over-eager leet reader flags: %d; "
              "plain whole-word hits: %d"
              % (name, len(data), len(set(data)), sub, len(lh),
                 sum(1 for s in data if plain_hits(s))))
        for s in lh[:4]:
            print("   leet-reader flags %r -> %s" % (s, leet_hits(s)))
    print("distinct handles in clean_tags (approx):",
          len({t for s in tags for t in re.findall(r"[@/]?[\w.#\[\]$]+", s)
               if substring_hits(t)}))
    print("evasions: %d (distinct %d)" % (len(evs), len(set(m for m, _ in evs))))
    print("  groups:", groups)
    print("  number of disguises:", ncat)
    print("  per word:", word_count)
    print("  per category:")
    for c in CATEGORIES:
        print("    %-30s %d" % (c, cat_count[c]))
    print("  templates: %d, by position %s" % (len(_EV_TEMPLATES), positions))
    print("  evasions still read plainly by the strict reader: %d"
          % sum(1 for m, _ in evs if plain_hits(m)))
    print("collisions: %d" % len(cols))
    print()

    rng = random.Random(99)
    for name, data in (("clean_tags", tags), ("clean_codes", codes)):
        print("--- 10 samples of %s ---" % name)
        for s in rng.sample(data, 10):
            print("  " + s)
    print("--- 10 samples of evasions (escaped view) ---")
    for m, c in rng.sample(evs, 10):
        print("  %-60s %s" % (_show(m), c))
    print("--- 10 samples of collisions ---")
    for s in rng.sample(cols, 10):
        print("  " + s)
    print()
    if problems:
        print("PROBLEMS:")
        for p in problems:
            print("  - " + p)
        raise SystemExit(1)
    print("self-check OK")


if __name__ == "__main__":
    _main()
