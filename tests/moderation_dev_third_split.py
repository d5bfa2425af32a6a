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
from tests import moderation_written_split as written_split

# The server's list: each listed word with the inflections the writer's evasions use ("twats",
# "pissing"), as the project's whole-word rules want them listed (README, moderation), or as its
# defaults list them (bot/moderation/defaults.py). A whole-word rule matches the word as written,
# not its inflections: that is the list's choice, and prefixes are for words no innocent word
# starts with.
WORDS: tuple[str, ...] = tuple(sorted({form for forms in written.FORMS.values() for form in forms}))


def evasions() -> list[dict[str, object]]:
    """{"text", "word", "categories"} as tests/moderation_evasions.evasions gives them."""
    return written_split.evasions(written.evasion_records(), DROPPED)


def clean() -> list[dict[str, str]]:
    """{"text", "trap"} as tests/moderation_evasions.clean gives them."""
    return written_split.clean(
        written.clean_tags(), written.clean_codes(), written.clean_prose(), written.collisions(), DROPPED
    )


# Samples dropped from the data after review, with why.
DROPPED: dict[str, str] = {}
