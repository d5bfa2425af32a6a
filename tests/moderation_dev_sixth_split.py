"""The evaluation's "development, sixth" split (tuned on): tests/moderation_dev_sixth.py, written
apart from the engine by a sixth writer with their own 24 listed words (12 long, 12 of three or
four letters), in the shape benchmarks/moderation_eval.py reads. Its emphasis is leetspeak (the
external set's weakest category was leet in combinations): 63% of its evasions use it, single
characters and multi-character drawings, alone and with every other technique.

- Evasions: the writer's, with the word each hides and the writer's ten techniques, alone and in
  combinations of two or three (half of them).
- Clean comments: the writer's tags and handles ("gamer tags and handles"), codes (digits and
  symbols: scores, prices, hashes, kaomoji, code, innocent leet slang), and prose with the classic
  traps ("scunthorpe, languages, urls, code"); its collisions (a listed word used plainly in an
  innocent sense: a rugby hooker, the Vietnamese dong) are
  whole-word collisions of the list ("list_collision", reported apart).
- Handles that hold a listed word as a whole part (`mayor_is_a_<word>`, `@<Word>_Official`), each
  labelled by the writer as a moderator would judge it ("clean" or "flag"): reported apart, as how
  often the engine agrees, since whether a handle is a name or an insult is a server's judgement.
- Samples a review dropped, each with why (`DROPPED`).
"""

from __future__ import annotations

from tests import moderation_dev_sixth as written
from tests import moderation_written_split as written_split

# Samples dropped from the data after review, with why.
DROPPED: dict[str, str] = {}

SPLIT = written_split.WrittenSplit(written, DROPPED)
WORDS: tuple[str, ...] = SPLIT.words
evasions = SPLIT.evasions
clean = SPLIT.clean
handle_parts = SPLIT.handle_parts
