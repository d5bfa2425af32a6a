"""The evaluation's "development, fourth" split (tuned on): tests/moderation_dev_fourth.py, written
apart from the engine by a fourth writer with their own 24 listed words (12 long, 12 of three or
four letters), in the shape benchmarks/moderation_eval.py reads.

- Evasions: the writer's, with the word each hides and the writer's techniques (leetspeak combined
  with one or two other techniques in 63% of them).
- Clean comments: the writer's tags and handles ("gamer tags and handles"), codes ("model
  numbers"), and prose with the classic traps ("scunthorpe, languages, urls, code"); its
  collisions (a listed word used plainly in an innocent sense: a door's knob, git the tool) are
  whole-word collisions of the list ("list_collision", reported apart).
- Samples a review dropped, each with why (`DROPPED`).
"""

from __future__ import annotations

from tests import moderation_dev_fourth as written
from tests import moderation_written_split as written_split

# Samples dropped from the data after review, with why.
DROPPED: dict[str, str] = {}

SPLIT = written_split.WrittenSplit(written, DROPPED)
WORDS: tuple[str, ...] = SPLIT.words
evasions = SPLIT.evasions
clean = SPLIT.clean
