"""The evaluation's "development, third" split (tuned on): tests/moderation_dev_third.py, written
apart from the engine by a third writer, over the development words and the short words (with
their inflections), in the shape benchmarks/moderation_eval.py reads.

- Evasions: the writer's, with the word each hides and the writer's categories (ten, combined two
  or three at a time in 44% of them).
- Clean comments: the writer's tags and handles ("gamer tags and handles"), codes ("model
  numbers"), and prose with the classic traps ("scunthorpe, languages, urls, code"); its collisions
  (a listed word used plainly in a clean sense, or as a whole part of a handle: "dick_tracy_fan")
  are whole-word collisions of the list ("list_collision", reported apart).
- Samples a review dropped, each with why (`DROPPED`).
"""

from __future__ import annotations

from tests import moderation_dev_third as written

# The server's list: each listed word with the inflections the writer's evasions use ("twats",
# "pissing"), as the project's whole-word rules want them listed (README, moderation), or as its
# defaults list them (bot/moderation/defaults.py). A whole-word rule matches the word as written,
# not its inflections: that is the list's choice, and prefixes are for words no innocent word
# starts with.
WORDS: tuple[str, ...] = tuple(sorted({form for forms in written.FORMS.values() for form in forms}))


def evasions() -> list[dict[str, object]]:
    """{"text", "word", "categories"} as tests/moderation_evasions.evasions gives them."""
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    for record in written.evasion_records():
        text = record["comment"]
        if text in DROPPED or text in seen:
            continue
        seen.add(text)
        out.append({"text": text, "word": record["word"], "categories": list(record["categories"])})
    return out


def clean() -> list[dict[str, str]]:
    """{"text", "trap"} as tests/moderation_evasions.clean gives them."""
    out: dict[str, str] = {}
    for text in written.clean_tags():
        out.setdefault(text, "gamer tags and handles")
    for text in written.clean_codes():
        out.setdefault(text, "model numbers")
    for text in written.clean_prose():
        out.setdefault(text, "scunthorpe, languages, urls, code")
    for text in written.collisions():
        out.setdefault(text, "list_collision")
    return [{"text": text, "trap": trap} for text, trap in out.items() if text not in DROPPED]


# Samples dropped from the data after review, with why.
DROPPED: dict[str, str] = {}
