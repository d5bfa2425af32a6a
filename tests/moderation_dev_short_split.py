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
EVASIONS_SEED, EVASIONS_COUNT = 3307, 1200  # the writer's defaults
TAGS_SEED, TAGS_COUNT = 1201, 800
CODES_SEED, CODES_COUNT = 2203, 500


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
    rows = written.evasions(EVASIONS_COUNT, EVASIONS_SEED)
    words = _words_in_order(EVASIONS_COUNT, EVASIONS_SEED)
    return [
        {"text": text, "word": word, "categories": [_category(name, text) for name in categories]}
        for (text, categories), word in zip(rows, words, strict=True)
        if text not in DROPPED
    ]


def clean() -> list[dict[str, str]]:
    """{"text", "trap"} as tests/moderation_evasions.clean gives them."""
    out = [{"text": text, "trap": "gamer tags and handles"} for text in written.clean_tags(TAGS_COUNT, TAGS_SEED)]
    out += [{"text": text, "trap": "model numbers"} for text in written.clean_codes(CODES_COUNT, CODES_SEED)]
    out += [{"text": text, "trap": "list_collision"} for text in written.collisions()]
    return [comment for comment in out if comment["text"] not in DROPPED]


# Samples dropped from the data after review, with why.
DROPPED: dict[str, str] = {}
