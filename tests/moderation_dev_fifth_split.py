"""The evaluation's "development, fifth" split (tuned on): tests/moderation_dev_fifth.py, written
apart from the engine by a fifth writer with their own 24 listed words (12 long, 12 of three or
four letters), in the shape benchmarks/moderation_eval.py reads.

- Evasions: the writer's, with the word each hides and the writer's eleven techniques, alone and in
  combinations of two or three (half of them).
- Clean comments: the writer's tags and handles ("gamer tags and handles"), codes ("model
  numbers"), and prose with the classic traps ("scunthorpe, languages, urls, code"); its
  collisions (a listed word used plainly in an innocent sense: pond scum, a peat hag) are
  whole-word collisions of the list ("list_collision", reported apart).
- Handles that hold a listed word as a whole part (`mayor_is_a_moron`, `@GIMP_Official`), each
  labelled by the writer as a moderator would judge it ("clean" or "flag"): reported apart, as how
  often the engine agrees, since whether a handle is a name or an insult is a server's judgement.
- Samples a review dropped, each with why (`DROPPED`).
"""

from __future__ import annotations

from tests import moderation_dev_fifth as written
from tests import moderation_written_split as written_split

# Samples dropped from the data after review, with why.
DROPPED: dict[str, str] = {}

SPLIT = written_split.WrittenSplit(written, DROPPED)
WORDS: tuple[str, ...] = SPLIT.words
evasions = SPLIT.evasions
clean = SPLIT.clean
handle_parts = SPLIT.handle_parts
