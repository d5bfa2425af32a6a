"""The evaluation's "development, short words" split (tuned on): tests/moderation_dev_short.py,
written apart from the engine with its own 16 short listed words, in the shape
benchmarks/moderation_eval.py reads.

- Evasions: the writer's, with the word each hides (the writer draws them in shuffled blocks of
  the list, from the generator's seed) and the writer's "look-alikes" split by script as the
  project's categories are (Armenian letters are "other scripts").
- Clean comments: the writer's tags and handles ("gamer tags and handles") and codes ("model
  numbers"); the writer's collisions (a listed word used plainly, in a clean sense: "summa cum
  laude", "a blue tit") are whole-word collisions of the list ("list_collision", reported apart).
- Samples a review dropped, each with why (`DROPPED`).
"""

from __future__ import annotations

import random

from tests import moderation_dev_short as written

WORDS: tuple[str, ...] = tuple(written.WORDS)
# The writer's own draw (its defaults), then more of the same generators with other seeds: at the
# writer's sizes the only false positives were two of its hand-written traps, so the larger draw
# is what the engine was tuned on (the figures are of all of it).
DRAWS = (  # (seed, count) of evasions, tags and codes
    ((3307, 1200), (1201, 800), (2203, 500)),  # the writer's defaults
    ((11, 6000), (11, 6000), (11, 4000)),
    ((12, 6000), (12, 6000), (12, 4000)),
    ((13, 6000), (13, 6000), (13, 4000)),
    ((14, 6000), (14, 6000), (14, 4000)),
)


def _words_in_order(count: int, seed: int) -> list[str]:
    """The word each of the writer's evasions hides: its generator draws this order first."""
    rng = random.Random(seed)
    order: list[str] = []
    while len(order) < count:
        block = list(written.WORDS)
        rng.shuffle(block)
        order.extend(block)
    return order[:count]


def _category(name: str, text: str) -> str:
    if name == "look-alikes":
        armenian = any(0x0530 <= ord(c) <= 0x058F for c in text)
        return "look-alikes (other scripts)" if armenian else "look-alikes (Cyrillic, Greek)"
    return name


def evasions() -> list[dict[str, object]]:
    """{"text", "word", "categories"} as tests/moderation_evasions.evasions gives them."""
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    for (seed, count), _, _ in DRAWS:
        rows = written.evasions(count, seed)
        for (text, categories), word in zip(rows, _words_in_order(count, seed), strict=True):
            if text in DROPPED or text in seen:
                continue
            seen.add(text)
            out.append({"text": text, "word": word, "categories": [_category(name, text) for name in categories]})
    return out


def clean() -> list[dict[str, str]]:
    """{"text", "trap"} as tests/moderation_evasions.clean gives them."""
    out: dict[str, str] = {}
    for _, (seed, count), _ in DRAWS:
        for text in written.clean_tags(count, seed):
            out.setdefault(text, "gamer tags and handles")
    for _, _, (seed, count) in DRAWS:
        for text in written.clean_codes(count, seed):
            out.setdefault(text, "model numbers")
    for text in written.collisions():
        out.setdefault(text, "list_collision")
    return [{"text": text, "trap": trap} for text, trap in out.items() if text not in DROPPED]


# Samples dropped from the data after review, with why: none. The review:
# - Clean tags spell ordinary words and names the way gamers do, some with a digit inside the
#   listed word's letters: "T1tan", "Tit4n", "Ti7an", "T1to", "T1tus" (tit); "H3llo", "He1lo",
#   "Sh3ll", "H3llas", "H3llenic" (hell); "Sh0e", "Ph0ebe" (hoe); "Scr4p", "Scr4ppy" (crap);
#   "A55a55in", "Ass4ssin", "Ass3mbly", "Ca55ius", "Ca$$andra", "Ba55", "As5ist" (ass); "4rsenal"
#   (arse); "S1mple", "Simp1e", "S1mpson" (simp). Each is read whole, as the word or name it
#   spells: the leet letter is in an ordinary word that goes on past the listed letters ("T1tan" is
#   Titan, "Sh0e" a shoe, "Scr4ppy" Scrappy, "H3llo" hello), and a moderator reading "@Sh0eQueen"
#   or "A55a55in_Wolf" sees a shoe and an assassin. The writer left out the leet spellings that
#   single out the listed part of a rarer word ("N4zionale", "P1ssarro", "Th0th"); so all are kept.
# - Clean codes: the hand-written traps (Galaxy A55, T1T-400, HE11-B, issue #311, Boeing 717,
#   route 455, colour #A55, "PCB ASSY") are read as codes and numbers in their sentences: kept.
# - Evasions: every disguise leaves at least one letter of the word as itself (the writer allows
#   at most two leetspeak letters, fewer in a three-letter word), and the hardest read as the word
#   to someone who knows the leetspeak alphabets ("f46", "7i7", "#0e", "+'!:ｔ"): all kept.
DROPPED: dict[str, str] = {}
