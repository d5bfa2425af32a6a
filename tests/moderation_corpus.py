"""Corpora for the moderation engine, shared by tests/ and benchmarks/ (deterministic: seeded).

- `keywords`: 1,000 listed words (the default profanity plus made-up words, as servers list
  slang, spam words and names);
- `clean_messages`: realistic discussion messages (sentences of the seed article, replies,
  questions, links, numbers) that must pass;
- `evasions`: messages hiding a listed word with zero-width characters, look-alike letters from
  other scripts, fullwidth or mathematical letters, leetspeak, separators between letters,
  stretched letters or odd case; each must be caught;
- `admin_regexes`: 20 patterns like the ones admins write, one of them catastrophic for
  backtracking engines.
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

from confusable_homoglyphs import utils as homoglyph_data

from bot.articles import parse_article_file
from bot.chat.words import sentences
from bot.moderation.defaults import DEFAULT_WORDS

SEED = Path(__file__).resolve().parents[1] / "seeds" / "odierno-ceasefire.txt"
CONSONANTS = "bcdfghjklmnprstvz"
VOWELS = "aeiou"
EVASIONS = ("zero-width", "homoglyph", "fullwidth", "math", "leet", "spacing", "stretch", "case", "mixed")


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(rng.randint(3, 4))) + rng.choice("xqkz")


def keywords(count: int = 1000, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    words = list(DEFAULT_WORDS)
    seen = set(words)
    while len(words) < count:
        word = _made_up(rng)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


CHAT = [
    "I think {name} is right about this.",
    "Has anyone read the latest update?",
    "lol that's a stretch",
    "What exactly do the insurgents get out of it?",
    "Source: https://www.reuters.com/world/{n}",
    "+1",
    "Not sure the {n}% figure holds up.",
    "The Anbar example is a good one, honestly.",
    "Thanks for posting this!",
    "Can someone explain the Mahdi Army part?",
    "I'd wait until September before judging.",
    "Agreed.",
    "This thread aged well",
    "See also https://en.wikipedia.org/wiki/Iraq_War for background.",
    "Counterpoint: ceasefires rarely hold when command is this decentralized.",
    "Good morning everyone",
    "Petraeus testifies in {n} days, we'll know more then.",
    "Why would Sadr talk at all?",
    "ok",
    "Interesting.",
    "I voted for the first option but I'm not sure anymore.",
    "Hot take: none of this matters.",
]
NAMES = ["Odierno", "Petraeus", "Bush", "Sadr", "the author", "the general"]


def clean_messages(count: int = 20_000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    article = parse_article_file(SEED)
    pool = [
        s
        for p in (*article.paragraphs, article.exit_question or "", *(u.text for u in article.updates))
        for s in sentences(p)
    ]
    messages = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.45:
            messages.append(rng.choice(pool))
        elif roll < 0.9:
            messages.append(rng.choice(CHAT).format(name=rng.choice(NAMES), n=rng.randint(2, 99)))
        else:
            messages.append(" ".join(rng.sample(pool, 2)))
    return messages


def _latin_lookalikes() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for char, glyphs in homoglyph_data.load("confusables.json").items():
        if len(char) != 1 or char.isascii():
            continue
        name = unicodedata.name(char, "")
        if not (name.startswith("CYRILLIC") or name.startswith("GREEK")):
            continue
        for glyph in glyphs:
            target = glyph.get("c", "")
            if len(target) == 1 and "a" <= target <= "z":
                table.setdefault(target, []).append(char)
    return table


_LOOKALIKES = _latin_lookalikes()
_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}


def disguise(word: str, how: str, rng: random.Random) -> str:
    if how == "zero-width":
        return "\u200b".join(word)
    if how == "homoglyph":
        swappable = [i for i, c in enumerate(word) if c in _LOOKALIKES]
        chars = list(word)
        for i in rng.sample(swappable, max(1, len(swappable) // 2)) if swappable else []:
            chars[i] = rng.choice(_LOOKALIKES[chars[i]])
        return "".join(chars)
    if how == "fullwidth":
        return "".join(chr(ord(c) - 0x61 + 0xFF41) for c in word)
    if how == "math":
        return "".join(chr(ord(c) - 0x61 + 0x1D41A) for c in word)  # mathematical bold small letters
    if how == "leet":
        leet = "".join(_LEET.get(c, c) for c in word)
        return leet if leet != word else word.upper()
    if how == "spacing":
        return rng.choice([".", " ", "-", "_", "*"]).join(word)
    if how == "stretch":
        i = rng.randrange(len(word))
        return word[:i] + word[i] * rng.randint(3, 6) + word[i + 1 :]
    if how == "case":
        return "".join(c.upper() if rng.random() < 0.5 else c for c in word)
    return disguise(disguise(word, "case", rng), rng.choice(["zero-width", "homoglyph", "fullwidth"]), rng)


def evasions(words: list[str], count: int = 2000, seed: int = 11) -> list[tuple[str, str, str]]:
    """(message, hidden word, how) triples."""
    rng = random.Random(seed)
    out = []
    for index in range(count):
        word = rng.choice(words)
        how = EVASIONS[index % len(EVASIONS)]
        template = rng.choice(["{w}", "you are a {w}", "what a {w} take", "{w}!!", "lol {w} lol", "ok {w}."])
        out.append((template.format(w=disguise(word, how, rng)), word, how))
    return out


def admin_regexes() -> list[str]:
    return [
        r"(a+)+$",
        r"free\s+(nitro|robux|steam)",
        r"(?:buy|cheap)\s+followers",
        r"\d{4}[- ]?\d{4}[- ]?\d{4}[- ]?\d{4}",
        r"crypto\s*(giveaway|airdrop)",
        r"dm\s+me\s+for",
        r"onlyfans",
        r"click\s+here\s+to\s+claim",
        r"(?:^|\W)kys(?:\W|$)",
        r"whats?app\s*\+?\d{6,}",
        r"t\.me/[a-z0-9_]+",
        r"@everyone\s+free",
        r"nitro\s+for\s+free",
        r"(?:steam|epic)\s*gift",
        r"gift\s*card\s*generator",
        r"[!?]{12,}",
        r"porn",
        r"earn\s+\$?\d+\s*(?:per|a)\s*day",
        r"investment\s+opportunity",
        r"limited\s+time\s+offer",
    ]
