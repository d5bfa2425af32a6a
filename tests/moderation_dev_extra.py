"""Development data, new (tuned on): written apart from the engine, from the categories'
descriptions, by a writer who has never seen bot/moderation; kept exactly as written (it is
excluded from ruff, like benchmarks/eval_data). tests/moderation_dev_new.py turns it into the
evaluation's "development, new" split: the writer's category names mapped to the project's, and
the few samples a review dropped, each with the reason.

The writer's own description follows.

Extra dev evaluation data for the chat word filter (standard library only).

Written without looking at the filter.  Three deterministic generators:

* clean_handles(count=600, seed=...)      -> list[str]
      clean chat that mentions usernames / gamer tags / handles.
* clean_codes(count=400, seed=...)        -> list[str]
      clean chat with model numbers, versions, serials, hashes, plates, ...
* leet_combinations(count=900, seed=...)  -> list[tuple[str, list[str]]]
      messages hiding exactly ONE listed word, disguised by leetspeak plus one
      or two further disguises; categories name the disguises used.

The clean generators pass every candidate through ``_guard_hit``: a deliberately
over-eager leet reader (NOT a model of the real filter) that rejects anything a
reader could plausibly take for a listed word (also plurals / -ed / -er / -ing,
short runs of tokens glued together and f.u.c.k-style single-letter runs).
"""
import random
import re
import string
import unicodedata

LISTED = ["fuck", "fucking", "motherfucker", "shit", "bullshit", "cunt", "asshole",
          "bitch", "bastard", "dickhead", "wanker", "twat", "dick", "whore", "slut",
          "piss", "cock", "retard"]

# ----------------------------------------------------------------- safety guard
_GUARD_MAP = str.maketrans({"4": "a", "@": "a", "3": "e", "1": "i", "!": "i", "|": "i",
                            "l": "i", "0": "o", "5": "s", "$": "s", "7": "t", "+": "t",
                            "8": "b", "9": "g", "6": "g", "2": "z", "(": "c", "<": "c",
                            "v": "u", "#": "h"})
_SUFFIXES = ["", "s", "es", "z", "ed", "er", "ers", "ing", "in", "y", "ies"]
_BROAD_SPLIT = re.compile(r"[\s_.,\-/\\:;'\"*~`\[\]{}?=&%^()<>#@]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _canon(tok):
    s = re.sub(r"[^a-z0-9]", "", tok.lower().translate(_GUARD_MAP))
    return re.sub(r"(.)\1+", r"\1", s)


_BAD = {_canon(w + s) for w in LISTED for s in _SUFFIXES}
_BAD_BASE = [_canon(w) for w in LISTED]


def _guard_hit(text):
    """True if an over-eager leet reader could see a listed word in ``text``."""
    ws = text.split()
    broad = [t for t in _BROAD_SPLIT.split(text) if t]
    camel = [p for t in broad for p in _CAMEL.sub(" ", t).split()]
    for toks in (ws, broad, camel):
        c = [x for x in (_canon(t) for t in toks) if x]
        for i in range(len(c)):
            for j in range(i + 1, min(i + 4, len(c)) + 1):
                if _canon("".join(c[i:j])) in _BAD:
                    return True
        run = ""
        for x in c + ["--"]:
            if len(x) == 1:
                run += x
                continue
            if len(run) > 2 and any(b in _canon(run) for b in _BAD_BASE):
                return True
            run = ""
    return False


def _fill(template, gens, rng):
    """Replace every {slot} with a fresh value from gens[slot](rng)."""
    return re.sub(r"\{(\w+)\}", lambda m: gens[m.group(1)](rng), template)


def _rc(rng, chars, n):
    return "".join(rng.choice(chars) for _ in range(n))


# ============================================================ 1. clean handles
_ORD = ("Shadow Wolf Dark Knight Sniper Noob Slayer Pro Gamer Titan Storm Blaze Frost "
        "Pixel Ghost Viper Raven Falcon Tiger Dragon Ninja Ranger Hunter Rogue Nova Echo "
        "Lunar Solar Iron Steel Crimson Silent Rapid Lucky Turbo Cosmic Quantum Neon Cyber "
        "Void Phantom Mystic Arcane Blade Arrow Spark Comet Orbit Panda Otter Badger Fox "
        "Bear Moose Bunny Waffle Pancake Noodle Pickle Taco Mango Biscuit Muffin Cactus "
        "Walrus Penguin Gecko Lemon Sunny Chill Sleepy Grumpy Captain Major Doctor Wizard "
        "Pirate Viking Samurai Paladin Bard Druid Monk Sage Oracle Atlas Apex Zenith Vertex "
        "Delta Sigma Omega Alpha Bravo Kilo Tango Jolly Fuzzy Cheddar Bagel Pretzel Toast "
        "Espresso Latte Matcha Thunder Glitch Static Rocket Galaxy Meteor Banana Cookie").split()
# ordinary words that merely CONTAIN a listed word as a part
_CONTAIN = ("Dickens Dickinson Dickerson Cocktail Cockatoo Cockpit Cockburn Hitchcock Hancock "
            "Peacock Woodcock Shuttlecock Scunthorpe Shitake Shiitake Matsushita Bassist "
            "Pissarro Assassin Classic Passion Cumberland Therapist Sussex Retardant Wankel "
            "Slutsk Massachusetts Embassy Cassandra Brasserie").split()
# ordinary words whose leet spelling holds short groups a leet reader might misread
_MISREAD = ("5hinobi 5hield 5hift 5hiba 5hiver C0c0nut C0coa Ma5hup Pu5hkin Wa5abi Ka5hmir "
            "Bu5hido Tw1light Tw1tch Wh1sper Pi5tachio 5lumber 5lushie Bu11dog Bu115eye "
            "Bi5cuit Bi7ter Ta5hkent Ha5hbrown Di5co Co5mo 5cout Cu5tard Wi7ch Pi7stop "
            "Ph1sh Cl0ck Sh1ne Sh0ck Sta5h Bl0ck").split()
_FAMOUS = ["N00bSl4yer", "D4rkKn1ght", "Sh4d0wW0lf", "H4x0r", "Pr0Gam3r", "T1tanFall",
           "Sn1p3r", "L33tL0rd", "Gh0stR1der", "Fr0stB1te", "Bl4deRunn3r", "M00nW4lker"]
_CLANS = ["ABC", "FaZe", "TSM", "NRG", "G2", "C9", "EG", "OpTic", "T1", "FNC", "100T",
          "VIT", "NAVI", "OWO", "RNG", "KOI", "GIA", "MIBR", "BLG", "DRX"]
_DLEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "g": "9", "b": "8", "l": "1"}


def _leetify(word, rng, frac):
    return "".join(_DLEET[c.lower()] if c.lower() in _DLEET and rng.random() < frac else c
                   for c in word)


def _ord(rng, leet_p=0.3):
    w = rng.choice(_ORD)
    return _leetify(w, rng, rng.uniform(0.4, 1.0)) if rng.random() < leet_p else w


def _randmix(rng):
    pool = "abcdefghjkmnpqrstuvwxyz0123456789"
    return "_".join(_rc(rng, pool, rng.randint(2, 5)) for _ in range(rng.randint(1, 2)))


def _core(rng):
    r = rng.random()
    if r < 0.22:
        return _ord(rng) + _ord(rng)
    if r < 0.32:
        return rng.choice(_FAMOUS)
    if r < 0.52:
        c = rng.choice(_CONTAIN)
        return rng.choice([c, c + _ord(rng, 0), _ord(rng, 0) + c, c + "_" + _ord(rng, 0),
                           c.lower(), c.upper(), "The" + c])
    if r < 0.66:
        m = rng.choice(_MISREAD)
        return rng.choice([m, m + _ord(rng, 0), _ord(rng, 0) + m, m.lower()])
    if r < 0.76:
        return _randmix(rng)
    if r < 0.88:
        return rng.choice(["_", ".", ""]).join(_ord(rng, 0.2).lower() for _ in range(2))
    return _leetify(rng.choice(_ORD), rng, 1.0) + str(rng.randint(1, 999))


def _clan(rng):
    return rng.choice(_CLANS) if rng.random() < 0.6 else _rc(rng, string.ascii_uppercase, rng.randint(2, 4))


_SHAPES = ["{c}", "{c}", "{c}", "@{c}", "@{c}", "u/{c}", "{c}#{d4}", "xX_{c}_Xx", "xx{c}xx",
           "[{clan}] {c}", "[{clan}]{c}", "{c}{year}", "{c}_{d2}", "{c}{d3}", "ttv_{c}",
           "{c}TTV", "twitch.tv/{c}", "{c}_YT", "x{c}x", "{c}.{d2}", "iTz{c}", "its_{c}",
           "{W} {W} {d2}", "Mr{c}", "{c}_official", "the_real_{c}"]


def _handle(rng):
    shape = rng.choice(_SHAPES)
    gens = {"c": _core, "d4": lambda r: "%04d" % r.randint(1, 9999),
            "d2": lambda r: str(r.randint(1, 99)), "d3": lambda r: str(r.randint(100, 999)),
            "year": lambda r: str(r.randint(1988, 2012)), "clan": _clan,
            "W": lambda r: r.choice(_ORD)}
    return _fill(shape, gens, rng)


HANDLE_TEMPLATES = [
    "{h} the article you linked says the vote was postponed to Thursday",
    "{h} posted the full transcript of the press conference in #news",
    "according to {h} the bridge closure starts next Monday",
    "thanks {h}, that fact-check thread was really useful",
    "{h} and {h2} have been arguing about the election polls for an hour",
    "can someone ask {h} for the source on that inflation number?",
    "{h} is live-posting the council meeting if anyone wants updates",
    "{h} shared a map of the flooded roads, stay safe everyone", "gg {h}, that last round was close",
    "{h} carried the whole match with 27 kills",
    "anyone want to duo with {h} tonight? they need a support main",
    "{h} just hit Diamond 2 after a 14 game win streak", "{h} found the secret room behind the waterfall",
    "lfg, add me: {h}", "invite {h} and {h2} to the raid, we still need a healer",
    "my Steam name is {h} if you want to trade cards",
    "{h} dropped a legendary and gave it to the new guy, what a legend",
    "who is {h}? they just beat my time trial record", "{h} please stop stealing my kills lol",
    "squad tonight: {h}, {h2}, {h3} and me", "{h} is the best tank player I've seen this season",
    "{h} went AFK at minute 3, we still won", "add my Xbox gamertag {h}, I'm on most evenings",
    "{h} speedran the first level in 1:42", "{h} just raided with 300 viewers, welcome everyone!",
    "shoutout to {h} for the 10 gifted subs", "thanks for the follow {h}!",
    "{h} is hosting the charity stream on Saturday", "mod {h} please pin the schedule",
    "{h} clipped that fail, it's hilarious", "{h} won the giveaway, check your DMs",
    "welcome back {h}, how was the vacation?",
    "{h} asked about the mic setup, it's a dynamic mic on a boom arm", "{h} has been lurking since 2019 lol",
    "{h} redeemed hydrate with channel points again", "{h} called the upset before kickoff",
    "{h} thinks the keeper should have saved that one", "{h}, did you see the highlights from last night?",
    "{h} has season tickets behind the goal", "fantasy league update: {h} is top of the table, {h2} is last",
    "{h} is convinced the ref was paid, calm down mate", "{h} ran the marathon in under four hours, respect",
    "my cousin {h} supports Scunthorpe, poor guy", "{h} wrote a great guide on flashing the router firmware",
    "ping {h}, they know how to fix the Docker networking issue", "{h} opened a PR that fixes the memory leak",
    "{h} recommended a mechanical keyboard with brown switches",
    "the bot crashed when {h} ran the rank command", "{h} benchmarked both laptops and the cheaper one won",
    "{h} maintains the wiki, ask them before editing", "{h} is the admin of the Linux help channel",
    "happy birthday {h}!!", "{h} and I are meeting at the cafe on Cumberland Street",
    "lol {h} you are too fast", "{h} changed their name again, it used to be {h2}",
    "does anyone know if {h} is still around? haven't seen them in months", "{h} said brb like an hour ago",
    "{h} is the one who made the server banner", "can {h} or {h2} explain the new rules?",
    "{h} just got back from the Pissarro exhibition and loved it",
    "{h} is reading Dickens for class and is not enjoying it", "{h} won the cocktail competition last weekend",
    "{h} is a bassist in a local jazz band", "{h} brought a pet cockatoo to the meetup",
    "{h} cooked shiitake ramen on stream", "{h}: morning all", "{h} > {h2} at chess, not even close",
    "vote {h} for server MVP", "{h} please accept my friend request",
    "{h} left the party, can someone reinvite", "who's {h}? their profile says Assassin main",
    "{h} reacted with a thumbs up to the announcement", "congrats {h} on the new job!",
    "{h} is the classic example of a helpful mod",
]


def clean_handles(count=600, seed=1701):
    rng = random.Random(seed)
    out, seen = [], set()
    hgen = {"h": _handle, "h2": _handle, "h3": _handle}
    while len(out) < count:
        msg = _fill(rng.choice(HANDLE_TEMPLATES), hgen, rng)
        if msg in seen or _guard_hit(msg):
            continue
        seen.add(msg)
        out.append(msg)
    return out


# ============================================================== 2. clean codes
_UP, _DIG, _HEX = string.ascii_uppercase, string.digits, "0123456789abcdef"
_AIRLINES = ["BA", "LH", "AA", "UA", "DL", "EK", "QR", "AF", "KL", "FR", "U2", "NH", "SQ", "TK", "IB", "AY"]


def _version(r):
    a, b, c = r.randint(0, 12), r.randint(0, 30), r.randint(0, 20)
    return r.choice([f"v{a}.{b}.{c}", f"v{a}.{b}.{c}-rc{r.randint(1, 5)}", f"{a}.{b}.{c}-beta.{r.randint(1, 9)}",
                     f"iOS {r.randint(15, 18)}.{r.randint(0, 6)}.{r.randint(1, 3)}", f"Android {r.randint(11, 15)}",
                     f"build {r.randint(19000, 26100)}.{r.randint(100, 4000)}", f"Windows 11 {r.randint(21, 24)}H2",
                     f"kernel 6.{r.randint(1, 11)}.0-{r.randint(10, 60)}", f"v{a}.{b}"])


def _plate(r):
    return r.choice([f"{_rc(r, _UP, 2)}{_rc(r, _DIG, 2)} {_rc(r, _UP, 3)}",
                     f"{r.randint(1, 9)}{_rc(r, _UP, 3)}{_rc(r, _DIG, 3)}",
                     f"{r.choice(['M', 'B', 'HH', 'K', 'S', 'F'])}-{_rc(r, _UP, 2)} {r.randint(1, 9999)}"])


def _chess(r):
    if r.random() < 0.5:
        return r.choice(["1. e4 e5 2. Nf3 Nc6 3. Bb5 a6", "1. d4 Nf6 2. c4 e6 3. Nc3 Bb4",
                         "1. e4 c5 2. Nf3 d6 3. d4 cxd4 4. Nxd4 Nf6", "1. c4 e5 2. g3 Nf6",
                         "1. d4 d5 2. c4 c6", "1. e4 e6 2. d4 d5 3. Nc3 Bb4", "1. Nf3 d5 2. g3 Nf6"])
    if r.random() < 0.15:
        return r.choice(["O-O", "O-O-O"])
    return (f"{r.choice(['N', 'B', 'R', 'Q', 'K', ''])}{r.choice(['x', ''])}"
            f"{r.choice('abcdefgh')}{r.randint(1, 8)}{r.choice(['', '', '+', '#'])}")


def _score(r):
    return r.choice([f"{r.randint(0, 5)}-{r.randint(0, 5)}", f"{r.randint(85, 130)}-{r.randint(85, 130)}",
                     f"6-{r.randint(0, 4)} {r.randint(3, 6)}-6 7-6({r.randint(1, 9)})",
                     f"{r.randint(150, 380)}/{r.randint(2, 10)}", f"{r.randint(1, 6)}-{r.randint(1, 6)} OT"])


_CODE_GEN = {
    "phone": lambda r: r.choice(["Galaxy A55", "Galaxy A35", "Galaxy S23 Ultra", "Galaxy S24+", "Galaxy Z Flip5",
                                 "Pixel 8a", "Pixel 9 Pro XL", "iPhone 15 Pro", "iPhone 13 mini", "Redmi Note 13 Pro",
                                 "Xperia 10 V", "OnePlus 12R", "Moto G84", "Galaxy A15 5G", "iPhone SE 3"]),
    "gpu": lambda r: r.choice([f"RTX {r.choice([3060, 3070, 3080, 4060, 4070, 4080, 4090])}{r.choice(['', ' Ti', ' Super'])}",
                               f"RX {r.choice([6700, 7600, 7800, 7900])} {r.choice(['XT', 'XTX'])}",
                               f"Arc A{r.choice([580, 750, 770])}", f"GTX {r.choice([970, 1060, 1080, 1660])}"]),
    "cpu": lambda r: r.choice(["Ryzen 5 5600X", "Ryzen 7 7800X3D", "Ryzen 9 7950X", "i5-13600K", "i7-14700K",
                               "i9-13900KS", "M3 Pro", "M2 Max", "Core Ultra 7 155H", "Snapdragon 8 Gen 3"]),
    "plane": lambda r: r.choice(["F-16", "F-16V", "SU-57", "Su-35S", "B-52H", "F-35A", "MiG-29", "A320neo",
                                 "737 MAX 8", "C-130J", "KC-46A", "A-10C", "Tu-95MS", "AH-64D", "F/A-18E", "A350-900"]),
    "tank": lambda r: r.choice(["T-90M", "T-72B3", "M1A2 SEPv3", "Leopard 2A6", "Challenger 2", "K2",
                                "BMP-3", "M2A3 Bradley", "T-14", "CV90", "Leclerc XLR"]),
    "rifle": lambda r: r.choice(["M4A1", "AK-74M", "HK416", "SCAR-H", "G36C", "M249", "AWM", "MP5SD", "FAMAS F1", "SVD"]),
    "console": lambda r: r.choice(["PS5", "PS5 Pro", "Xbox Series X", "Switch OLED", "Steam Deck OLED", "PS4 Pro", "3DS XL"]),
    "car": lambda r: r.choice(["GT-R", "911 GT3 RS", "M3 CS", "RS6", "Civic Type R", "Supra A90", "AMG GT 63 S",
                               "GR86", "Model 3", "e-tron GT", "MX-5 ND", "Golf R Mk8"]),
    "ver": _version,
    "hex": lambda r: "#%06X" % r.randrange(1 << 24),
    "hash": lambda r: _rc(r, _HEX, r.choice([7, 8, 12, 40])),
    "plate": _plate,
    "flight": lambda r: f"{r.choice(_AIRLINES)}{r.choice(['', ' '])}{r.randint(1, 2999)}",
    "chess": _chess,
    "coord": lambda r: r.choice([f"{r.uniform(-60, 60):.4f}, {r.uniform(-170, 170):.4f}",
                                 f"{r.randint(0, 89)}°{r.randint(0, 59)}'{r.randint(0, 59)}\"N {r.randint(0, 179)}°{r.randint(0, 59)}'W"]),
    "time": lambda r: r.choice([f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
                                f"2024-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00Z",
                                f"{r.randint(1, 3)}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"]),
    "price": lambda r: f"{r.choice(['$', '€', '£', '¥'])}{r.randint(2, 2499)}{r.choice(['', '.99', '.50', '.00'])}",
    "ip": lambda r: f"{r.choice([10, 172, 192, 203, 198])}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
                    + r.choice(["", f":{r.choice([25565, 27015, 8080, 443, 3000])}"]),
    "score": _score,
    "ticket": lambda r: r.choice([f"{r.choice(['OPS', 'BUG', 'INC', 'SUP', 'DEV', 'QA', 'WEB', 'APP', 'NET'])}-{r.randint(100, 9999)}",
                                  f"INC{r.randint(10 ** 6, 10 ** 7 - 1)}", f"#{r.randint(1000, 99999)}",
                                  f"{_rc(r, _UP, 3)}-{r.randint(10, 999)}"]),
    "serial": lambda r: "-".join(_rc(r, _UP + _DIG, 4) for _ in range(r.randint(3, 4))),
    "part": lambda r: r.choice(["SN74HC595N", "LM7805", "ATmega328P", "ESP32-S3", "NE555P", "BC547", "6205-2RS",
                                "IRLZ44N", "RP2040", "STM32F103C8T6", "AMS1117-3.3", "M8x1.25"]),
    "road": lambda r: r.choice(["A55", "M25", "I-95", "A1(M)", "B4391", "Route 66", "E40", "N7", "US-101", "SR-520", "M62"]),
    "res": lambda r: r.choice(["1920x1080", "2560x1440", "3840x2160", "3440x1440", "1280x720"]),
    "err": lambda r: r.choice(["0x80070005", "0xc000007b", "HTTP 503", "ERR_CONNECTION_RESET", "E-4012",
                               "code 43", "0x0000007E", "exit code 137", "HTTP 429", "E3"]),
    "mem": lambda r: r.choice([f"DDR5-{r.choice([5600, 6000, 6400])} CL{r.choice([28, 30, 32])}",
                               f"{r.choice([16, 32, 64])}GB DDR4-{r.choice([3200, 3600])}"]),
    "date": lambda r: r.choice([f"2024-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
                                f"{r.randint(1, 12):02d}/{r.randint(1, 28):02d}/2025"]),
    "pct": lambda r: f"{r.uniform(0, 100):.1f}%",
    "n": lambda r: str(r.randint(2, 60)),
    "gate": lambda r: f"{r.choice('ABCDEF')}{r.randint(1, 60)}",
    "seat": lambda r: f"{r.randint(1, 45)}{r.choice('ABCDEF')}",
    "model": lambda r: r.choice(["WH-1000XM5", "MX Master 3S", "XPS 13 9340", "ThinkPad X1 Carbon Gen 11",
                                 f"SM-{r.choice('AGNS')}{r.randint(100, 999)}{r.choice('BFUN')}",
                                 f"KX-{r.randint(10, 99)}{_rc(r, _UP, 2)}", "G Pro X Superlight 2", "K70 RGB"]),
    "mac": lambda r: ":".join(_rc(r, _HEX, 2).upper() for _ in range(6)),
}

CODE_TEMPLATES = [
    "the {phone} is on sale for {price} this week",
    "just upgraded from a {phone} to a {phone}, battery is way better",
    "anyone running a {gpu} with a {cpu}? what temps do you get",
    "my {gpu} sits at 74C under load, is that normal?",
    "the {plane} flyover at the airshow was incredibly loud",
    "{plane} vs {plane} debate again in #aviation lol", "footage shows a {tank} near the village at {time}",
    "the museum has a {tank} and a {tank} parked side by side", "patch notes for {ver}: fixed crash on startup",
    "updated to {ver} and the battery drain is gone", "still on {ver}, is it safe to update yet?",
    "use {hex} for the banner background and {hex} for the text",
    "the accent colour changed from {hex} to {hex} in the redesign", "the bug was introduced in commit {hash}",
    "revert {hash} please, it broke the CI", "a car with plate {plate} has been parked outside for days",
    "the van that hit the bollard was {plate}", "my flight {flight} is delayed by 2 hours",
    "{flight} boards at gate {gate}, seat {seat}", "game went {chess} and then I blundered the queen",
    "best move here is {chess}, engine agrees", "meet at {coord}, it's the trailhead parking",
    "at {time} in the VOD he explains the whole strat", "the server IP is {ip}, whitelist is on",
    "can't ping {ip} from the laptop, works from the desktop", "final score {score}, what a game",
    "{score} at the half, this is tense", "opened ticket {ticket} about the login issue",
    "{ticket} is fixed in {ver}, closing it", "serial number is {serial}, warranty ends next year",
    "the activation key {serial} says it's already used", "does the {part} work with 3.3V logic?",
    "swapped the {part} and the board boots now", "traffic on the {road} is terrible again",
    "roadworks on the {road} until {date}", "{console} restock at {price} tomorrow morning",
    "new firmware {ver} for the {console} controller", "the {car} sounded unreal at the track day",
    "saw a {car} and a {car} at the meet yesterday", "loadout: {rifle} with a red dot and extended mag",
    "the {rifle} got nerfed in {ver}", "error {err} when installing the update",
    "getting {err} every time I open the launcher", "running {mem} and it's stable",
    "monitor is {res} at 165Hz, {gpu} handles it fine", "ordered a {model}, order #{n}{n}{n} ships on {date}",
    "the {model} dropped to {price} on sale", "the MAC address {mac} keeps getting blocked by the router",
    "battery is at {pct} after {n} minutes of gaming", "win rate went up to {pct} since the {ver} patch",
    "the drone footage from {coord} is stunning", "support replied to {ticket} after {n} days",
    "the {phone} scored {n} in the camera test, {phone} scored {n}",
    "{cpu} + {gpu} + {mem} for {price}, good deal?",
    "recorded at {time} on {date}, plate {plate} visible in frame", "our match ID was {hash}, check the replay",
    "the {plane} took off from runway {n}L at {time}", "lap time {time} in the {car}, new personal best",
]


def clean_codes(count=400, seed=2718):
    rng = random.Random(seed)
    out, seen = [], set()
    while len(out) < count:
        msg = _fill(rng.choice(CODE_TEMPLATES), _CODE_GEN, rng)
        if msg in seen or _guard_hit(msg):
            continue
        seen.add(msg)
        out.append(msg)
    return out


# ======================================================= 3. leet combinations
LEET1 = {"a": ["4", "@"], "e": ["3"], "i": ["1", "!", "|"], "l": ["1", "|"], "o": ["0"],
         "s": ["5", "$"], "t": ["7", "+"], "b": ["8"], "g": ["9", "6"], "z": ["2"],
         "c": ["(", "<"], "u": ["v"], "h": ["#"]}
LEETM = {"m": ["|\\/|"], "h": ["|-|"], "a": ["/\\"], "b": ["]3"], "k": ["|<"],
         "u": ["(_)"], "v": ["\\/"], "w": ["\\/\\/"]}
_LOOK = {
    "cyrillic": dict(zip("aceopsihkxydlwtm", "асеорѕіһкхуԁӏԝтм")),
    "greek": dict(zip("aoiktuvpen", "αοικτυνρεη")),
    "cherokee": dict(zip("abcdehklmprstwz", "\u13aa\u13f4\u13df\u13a0\u13ac\u13bb\u13e6\u13de\u13b7\u13e2\u13a1\u13da\u13a2\u13b3\u13c3")),
}
_SMALLCAPS = dict(zip("abcdefghijklmnopqrstuvwyz", "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ"))
_STROKE = dict(zip("abcdeghiklortuz", "ⱥƀȼđɇǥħɨꝁłøɍŧʉƶ"))
_ENCLOSED = {"circled": 0x24D0, "circled_upper": 0x24B6, "parenthesized": 0x249C, "squared": 0x1F130,
             "negative_circled": 0x1F150, "negative_squared": 0x1F170, "regional": 0x1F1E6}
_MATH_STYLES = ["BOLD", "ITALIC", "BOLD ITALIC", "BOLD SCRIPT", "SCRIPT", "FRAKTUR", "BOLD FRAKTUR",
                "DOUBLE-STRUCK", "SANS-SERIF", "SANS-SERIF BOLD", "SANS-SERIF ITALIC", "MONOSPACE"]
_MATH_HOLES = {("ITALIC", "h"): "\u210e", ("SCRIPT", "e"): "\u212f", ("SCRIPT", "g"): "\u210a", ("SCRIPT", "o"): "\u2134"}
_DIGIT_NAMES = "ZERO ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE".split()
_ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
_BLANK = ["\u3164", "\u2800", "\uffa0"]
_COMBINING = ["\u0301", "\u0300", "\u0308", "\u0302", "\u0303", "\u0304", "\u030a", "\u0327", "\u030c", "\u0323"]
_LOWER = set(string.ascii_lowercase)

CHAR = ["lookalikes", "accents", "small_caps", "fullwidth", "math_alphanumerics", "enclosed",
        "strokes", "capital_i", "case"]
INSERT = ["separators", "mixed_separators", "zero_width", "blank_chars", "line_break"]
WRAP = ["markdown", "spoiler", "rtl_override"]
ALL_EXTRAS = CHAR + ["stretching"] + INSERT + WRAP
_CHAR_PAIRS = {frozenset(p) for p in [("case", "lookalikes"), ("case", "accents"), ("case", "strokes"),
                                      ("lookalikes", "accents"), ("lookalikes", "strokes"), ("small_caps", "accents")]}
_RTL_OK = {"stretching", "case", "lookalikes", "separators", "zero_width", "small_caps", "strokes"}


def _group(e):
    return "char" if e in CHAR else "insert" if e in INSERT else "wrap" if e in WRAP else "stretch"


def _compatible(a, b, word):
    if a == b or ("capital_i" in (a, b) and "l" not in word):
        return False
    ga, gb = _group(a), _group(b)
    if ga == gb:
        return ga == "char" and frozenset((a, b)) in _CHAR_PAIRS
    if "rtl_override" in (a, b):
        return (b if a == "rtl_override" else a) in _RTL_OK
    return not ("markdown" in (a, b) and "insert" in (ga, gb))


def _cands(units, table):
    """Indices of plain letters that ``table`` can transform; frees a leet unit if needed."""
    c = [i for i, u in enumerate(units) if not u["leet"] and not u["x"] and u["l"] in table]
    if c:
        return c
    leeted = [i for i, u in enumerate(units) if u["leet"] and u["l"] in table]
    if not leeted or sum(u["leet"] for u in units) < 2:
        return []
    i = leeted[-1]
    units[i].update(t=units[i]["l"], leet=False)
    return [i]


def _apply_char(kind, units, rng):
    if kind == "capital_i":
        c = _cands(units, "l")
        for i in c:
            units[i].update(t="I", x=True)
        return bool(c)
    if kind in ("lookalikes", "strokes", "small_caps", "accents", "enclosed", "math_alphanumerics"):
        table = {"lookalikes": _LOOK[rng.choice(sorted(_LOOK))], "strokes": _STROKE,
                 "small_caps": _SMALLCAPS}.get(kind, _LOWER)
        c = _cands(units, table)
        if not c:
            return False
        if kind in ("lookalikes", "strokes", "accents"):
            c = sorted(rng.sample(c, rng.randint(1, min(len(c), 2 if kind == "strokes" else 3))))
        if kind == "enclosed":
            style = rng.choice(sorted(_ENCLOSED))
        elif kind == "math_alphanumerics":
            style = rng.choice(_MATH_STYLES)
            for u in units:  # leet digits get the same style where it exists
                if u["leet"] and u["t"].isdigit():
                    try:
                        u["t"] = unicodedata.lookup(f"MATHEMATICAL {style} DIGIT {_DIGIT_NAMES[int(u['t'])]}")
                    except KeyError:
                        pass
        for i in c:
            ch = units[i]["l"]
            if kind == "accents":
                new = units[i]["t"] + rng.choice(_COMBINING)
            elif kind == "enclosed":
                new = chr(_ENCLOSED[style] + ord(ch) - 97)
            elif kind == "math_alphanumerics":
                new = _MATH_HOLES.get((style, ch)) or unicodedata.lookup(f"MATHEMATICAL {style} SMALL {ch.upper()}")
            else:
                new = table[ch]
            units[i].update(t=new, x=kind != "accents")
        return True
    if kind == "fullwidth":
        for u in units:
            u["t"] = "".join(chr(ord(ch) + 0xFEE0) if 0x21 <= ord(ch) <= 0x7E else ch for ch in u["t"])
            u["x"] = True
        return True
    if kind == "case":
        idx = [i for i, u in enumerate(units) if len(u["t"]) == 1 and u["t"] in string.ascii_letters]
        if len(idx) < 2:
            freed = _cands(units, {u["l"] for i, u in enumerate(units) if i not in idx and u["l"] in _LOWER})
            idx = sorted(set(idx) | set(freed))
        if len(idx) < 2:
            return False
        ups = [rng.random() < 0.5 for _ in idx]
        if all(ups):
            ups[rng.randrange(len(idx))] = False
        if not any(ups):
            ups[rng.randrange(len(idx))] = True
        for i, up in zip(idx, ups):
            units[i]["t"] = units[i]["t"].upper() if up else units[i]["t"].lower()
        return True
    raise ValueError(kind)


_ORDER = ["capital_i", "lookalikes", "strokes", "small_caps", "enclosed", "math_alphanumerics",
          "fullwidth", "case", "accents"]


def _disguise(word, extras, unexpected, rng):
    multi_ok = not ({"markdown", "spoiler", "rtl_override"} & set(extras))
    forbid = set("|") if "spoiler" in extras else set("()<>[]{}") if "rtl_override" in extras else set()
    multi_p = rng.choice([0.1, 0.1, 0.3, 0.7]) if multi_ok else 0.0

    def single(ch):
        return [s for s in LEET1.get(ch, []) if not set(s) & forbid]

    def multi(ch):
        return LEETM.get(ch, []) if multi_ok else []

    units = [{"l": c, "t": c, "leet": False, "x": False} for c in word]
    repl = [i for i, c in enumerate(word) if single(c) or multi(c)]
    if unexpected:  # last letter, doubled letters, every l, a final s
        targets = {repl[-1]} | {i for i in repl if word[i] == "l"
                                or (i > 0 and word[i - 1] == word[i])
                                or (i + 1 < len(word) and word[i + 1] == word[i])}
        if word[-1] == "s":
            targets.add(len(word) - 1)
        chosen = sorted(targets)
    else:
        chosen = sorted(rng.sample(repl, max(1, round(rng.uniform(0.5, 1.0) * len(repl)))))
    for i in chosen:
        c = word[i]
        if unexpected and c == "l":
            sym = rng.choice(single(c))
        elif unexpected and c == "s" and i == len(word) - 1:
            sym = "$"
        elif multi(c) and (not single(c) or rng.random() < multi_p):
            sym = rng.choice(multi(c))
        else:
            sym = rng.choice(single(c))
        units[i].update(t=sym, leet=True)

    for kind in _ORDER:
        if kind in extras and not _apply_char(kind, units, rng):
            return None
    if "stretching" in extras:
        ok = [i for i, u in enumerate(units) if len(u["t"]) == 1 or not u["leet"]]  # never "/\\/\\"
        if rng.random() < 0.2:
            for i in ok:
                units[i]["t"] *= 2
        else:
            for i in rng.sample(ok, rng.randint(1, min(2, len(ok)))) if ok else []:
                units[i]["t"] *= rng.randint(2, 6)
    if not any(u["leet"] for u in units):
        return None

    parts = [u["t"] for u in units]
    has_multi = any(len(u["t"]) > 1 and u["leet"] for u in units)
    gaps = len(parts) - 1
    if "separators" in extras:
        seps = [".", " ", ",", "~", ":", "'", ";", "·"] + ([] if has_multi else ["-", "_", "/"])
        s = rng.choice(seps).join(parts)
    elif "mixed_separators" in extras:
        pool = ".,~ " if has_multi else ".,_-~ "
        s = parts[0] + "".join(_rc(rng, pool, rng.randint(1, 3)) + p for p in parts[1:])
    elif "zero_width" in extras or "blank_chars" in extras:
        pool, k = (_ZW, 2) if "zero_width" in extras else (_BLANK, 1)
        on = [rng.random() < 0.7 for _ in range(gaps)]
        on[rng.randrange(gaps)] = True
        s = parts[0] + "".join((_rc(rng, pool, rng.randint(1, k)) if f else "") + p
                               for f, p in zip(on, parts[1:]))
    elif "line_break" in extras:
        j = rng.randint(1, gaps)
        s = "".join(parts[:j]) + "\n" + "".join(parts[j:])
    else:
        s = None

    if "markdown" in extras:
        marks = ["**", "__", "*", "_", "~~", "`", "***"]
        r = rng.random()
        if r < 0.2:
            s = "{0}{1}{0}".format(rng.choice(marks), "".join(parts))
        elif r < 0.7 or len(parts) < 3:
            a = rng.randint(0, len(parts) - 1)
            b = rng.randint(a + 1, len(parts) - (1 if a == 0 else 0))
            m = rng.choice(marks)
            s = "".join(parts[:a]) + m + "".join(parts[a:b]) + m + "".join(parts[b:])
        else:
            j = rng.randint(1, len(parts) - 1)
            m1, m2 = rng.sample(marks, 2)
            s = m1 + "".join(parts[:j]) + m1 + m2 + "".join(parts[j:]) + m2
    elif "spoiler" in extras:
        body = s if s is not None else "".join(parts)
        r = rng.random()
        if r < 0.35 or s is not None:
            s = "||" + body + "||"
        else:
            cuts = sorted(rng.sample(range(1, len(parts)), 1 if r < 0.8 or len(parts) < 3 else 2))
            chunks = ["".join(parts[a:b]) for a, b in zip([0] + cuts, cuts + [len(parts)])]
            if r < 0.8:
                s = "".join("||" + ch + "||" if k % 2 == 0 else ch for k, ch in enumerate(chunks))
            else:
                s = "".join("||" + ch + "||" for ch in chunks)
    if s is None:
        s = "".join(parts)
    if "rtl_override" in extras:
        s = "\u202e" + s[::-1] + "\u202c"
    return s if s != word else None


_T_INSULT = [
    "you absolute {w}", "{w}, get off my lane", "the ref is a total {w} tonight",
    "imagine being such a {w} over a video game", "shut up you {w}", "that guy in chat is a {w} lol",
    "who let this {w} into the voice channel", "ban that {w} already, mods",
    "my teammate is a complete {w}, he ran straight into the storm", "lmao what a {w}",
    "don't be a {w} about it, just pay the guy back", "this streamer is such a {w} to his viewers",
    "the landlord is a greedy {w}", "some {w} keeps stealing my parking spot",
    "stop acting like a {w} and pass the ball", "bro the boss in chapter 3 is a {w}",
    "honestly whoever wrote that patch is a {w}", "reported that {w} for griefing",
    "{w} spotted in general chat again", "that {w} in the blue car cut me off",
]
_T_EXCL = ["oh {w}, I forgot to save", "{w}! the server crashed again", "holy {w} that clutch was insane",
           "aw {w}, the stream died", "{w}, I left the oven on"]
_T_FUCK = ["{w} this lag", "what the {w} was that", "{w} off with that take", "{w} yes we won",
           "oh {w} the boss has a second phase", "who the {w} designed this map"]
_T_SHIT = ["this patch is {w} honestly", "that call was total {w}", "the new update is pure {w}",
           "{w}, the ref missed it", "what a load of {w}", "the matchmaking is {w} tonight"]
_T_INTENS = ["this {w} game keeps crashing", "I'm so {w} tired of these queue times",
             "the {w} wifi died again", "{w} finally, we won", "that was {w} brilliant",
             "who scheduled a {w} 7am meeting", "my {w} controller is drifting again",
             "it's {w} freezing outside"]
_T_PISS = ["{w} off mate", "go {w} up a rope", "the cat tried to {w} on my keyboard",
           "they can {w} off with that price hike"]
_T_GENERIC = ["did he really just type {w} in chat", "mods, someone wrote {w} in general", "{w}",
              "lol {w}", "the filter missed {w} again", "ok but {w} though",
              "first message of the day: {w}", "he said {w} on stream and chat exploded",
              "{w} lmao", "my little brother learned the word {w} today",
              "can the bot catch {w} or not", "testing: {w}"]
LEET_TEMPLATES = _T_INSULT + _T_EXCL + _T_FUCK + _T_SHIT + _T_INTENS + _T_PISS + _T_GENERIC
_WORD_TEMPLATES = {"fuck": _T_FUCK + _T_EXCL, "fucking": _T_INTENS, "shit": _T_SHIT + _T_EXCL,
                   "bullshit": _T_SHIT, "piss": _T_PISS}


def _leet_rows(count, seed):
    rng = random.Random(seed)
    rows, seen = [], set()
    words, extras_cycle, n = [], [], 0
    while len(rows) < count:
        if not words:
            words = rng.sample(LISTED, len(LISTED))
        if not extras_cycle:
            extras_cycle = rng.sample(ALL_EXTRAS, len(ALL_EXTRAS))
        word, first = words[-1], extras_cycle[-1]
        if first == "capital_i" and "l" not in word:  # capital I needs an l: borrow an l-word
            word = rng.choice([w for w in LISTED if "l" in w])
        extras = [first]
        if rng.random() < 0.45:
            options = [e for e in ALL_EXTRAS if _compatible(first, e, word)]
            if options:
                extras.append(rng.choice(options))
        unexpected = n % 3 == 0
        disguised = _disguise(word, extras, unexpected, rng)
        if disguised is None:
            continue
        pool = _WORD_TEMPLATES.get(word, _T_INSULT)
        tpl = rng.choice(pool) if rng.random() < 0.65 else rng.choice(_T_GENERIC)
        msg = tpl.replace("{w}", disguised)
        if msg in seen:
            continue
        seen.add(msg)
        if word == words[-1]:
            words.pop()
        extras_cycle.pop()
        n += 1
        rows.append((msg, ["leetspeak"] + extras, word, unexpected))
    return rows


def leet_combinations(count=900, seed=31337):
    return [(m, c) for m, c, _, _ in _leet_rows(count, seed)]


if __name__ == "__main__":
    from collections import Counter

    h, c, l = clean_handles(), clean_codes(), leet_combinations()
    assert h == clean_handles() and c == clean_codes() and l == leet_combinations(), "not deterministic"
    assert len(set(h)) == len(h) and len(set(c)) == len(c) and len(set(m for m, _ in l)) == len(l)
    for name, tpls in [("handle", HANDLE_TEMPLATES), ("code", CODE_TEMPLATES), ("leet", LEET_TEMPLATES)]:
        assert len(set(tpls)) == len(tpls), name
        bad = [t for t in tpls if _guard_hit(re.sub(r"\{\w+\}", " ", t))]
        assert not bad, (name, bad)
    hr = random.Random(0)
    handles = {_handle(hr) for _ in range(2000)}
    print(f"clean_handles: {len(h)} msgs, {len(HANDLE_TEMPLATES)} templates, "
          f"{len(handles)} distinct handles in 2000 draws")
    print(f"clean_codes:   {len(c)} msgs, {len(CODE_TEMPLATES)} templates")
    rows = _leet_rows(900, 31337)
    print(f"leet_combinations: {len(l)} msgs, {len(LEET_TEMPLATES)} templates, "
          f"unexpected-letter cases: {sum(r[3] for r in rows)}")
    print("  words:", dict(Counter(r[2] for r in rows)))
    assert set(r[2] for r in rows) == set(LISTED)
    print("  categories:", dict(Counter(x for _, cats in l for x in cats)))
    print("  n extras:", dict(Counter(len(cats) - 1 for _, cats in l)))
    for title, data in [("handles", h), ("codes", c)]:
        print(f"--- {title} samples")
        for s in data[:6]:
            print("  ", s)
    print("--- leet samples")
    for m, cats in l[:10]:
        print("  ", ascii(m) if not m.isascii() or "\n" in m else m, cats)
