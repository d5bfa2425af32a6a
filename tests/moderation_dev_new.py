"""The evaluation's "development, new" split (tuned on): tests/moderation_dev_extra.py, written apart
from the engine from the categories' descriptions, in the shape benchmarks/moderation_eval.py reads.

- Evasions: the writer's leetspeak combinations, with the writer's category names mapped to the
  project's (tests/moderation_evasions.py's CATEGORIES). The writer tags leetspeak drawn with
  several symbols ("|-|", "\\/\\/") plain "leetspeak": here it is "leetspeak drawn with symbols"
  when the disguised word holds one of the writer's drawings; "lookalikes" is split by script and
  "enclosed" by block as the project's categories are.
- Clean comments: the writer's handles ("gamer tags and handles") and codes ("model numbers"),
  with the handles that carry a whole listed word as one of their parts ("@dick_tracy_fan") counted
  as whole-word collisions of the list ("list_collision", reported apart).
- Samples a review dropped, each with why (`DROPPED`).
"""

from __future__ import annotations

import unicodedata

from tests import moderation_dev_extra as written

WORDS: tuple[str, ...] = tuple(written.LISTED)
# The writer's own draw (its defaults), then more of the same generators with other seeds: at the
# writer's sizes the engine already caught every evasion and flagged no clean comment, so the
# larger draw is what the engine was tuned on (the figures are of all of it).
DRAWS = (  # (seed, count) of evasions, handles and codes
    ((31337, 900), (1701, 600), (2718, 400)),  # the writer's defaults
    ((11, 6000), (11, 3000), (11, 2000)),
    ((12, 6000), (12, 3000), (12, 2000)),
    ((13, 6000), (13, 3000), (13, 2000)),
)

# The writer's categories, by the project's names (tests/moderation_evasions.py's CATEGORIES).
CATEGORY_NAMES = {
    "leetspeak": "leetspeak",
    "accents": "combining marks",
    "small_caps": "small capitals",
    "fullwidth": "fullwidth",
    "math_alphanumerics": "mathematical letters",
    "strokes": "stroke letters",
    "capital_i": "capital I for l",
    "case": "case",
    "stretching": "stretching",
    "separators": "spacing (one separator)",
    "mixed_separators": "mixed separators",
    "zero_width": "zero-width",
    "blank_chars": "blank-looking",
    "line_break": "line breaks",
    "markdown": "markdown",
    "spoiler": "spoiler",
    "rtl_override": "right-to-left override",
}
_DRAWINGS = tuple(form for forms in written.LEETM.values() for form in forms)


def _category(name: str, text: str) -> str:
    if name == "lookalikes":
        cherokee = any(0x13A0 <= ord(c) <= 0x13FF for c in text)
        return "look-alikes (other scripts)" if cherokee else "look-alikes (Cyrillic, Greek)"
    if name == "enclosed":
        regional = any(0x1F1E6 <= ord(c) <= 0x1F1FF for c in text)
        return "regional indicators" if regional else "enclosed letters"
    return CATEGORY_NAMES[name]


def _shown(text: str) -> str:
    """The text with fullwidth and mathematical forms made ASCII (to find a drawing in it)."""
    return unicodedata.normalize("NFKC", text)


def evasions() -> list[dict[str, object]]:
    """{"text", "word", "categories"} as tests/moderation_evasions.evasions gives them."""
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    rows = [row for (seed, count), _, _ in DRAWS for row in written._leet_rows(count, seed)]
    for text, categories, word, _unexpected in rows:
        if text in DROPPED or text in seen:
            continue
        seen.add(text)
        names = [_category(name, text) for name in categories]
        if any(drawing in _shown(text) for drawing in _DRAWINGS):
            names[0] = "leetspeak drawn with symbols"
        out.append({"text": text, "word": word, "categories": names})
    return out


def clean() -> list[dict[str, str]]:
    """{"text", "trap"} as tests/moderation_evasions.clean gives them."""
    out: dict[str, str] = {}
    for _, (seed, count), _ in DRAWS:
        for text in written.clean_handles(count, seed):
            out.setdefault(text, COLLISIONS.get(text, "gamer tags and handles"))
    for _, _, (seed, count) in DRAWS:
        for text in written.clean_codes(count, seed):
            out.setdefault(text, "model numbers")
    return [{"text": text, "trap": trap} for text, trap in out.items() if text not in DROPPED]


# Handles that carry a whole listed word as one of their parts: the list's choice, reported apart.
COLLISIONS: dict[str, str] = {}

# Samples dropped from the data after review, with why. The writer draws l and i as `|`, so pipes
# can meet in pairs: `||`. Discord shows a lone `||` as written ("bu||shI7" is kept: it shows as
# written, and a person reads the `|` as l, as in every leetspeak alphabet), but two pairs in one
# message are spoiler markup: what is between them is hidden, and the four pipes are not shown at
# all, revealed or not. Where those pipes only stretched a letter ("5|||||uт" shows "5▮uт", "5|uт"
# revealed) the word is still there; where a letter, or a drawing's stroke, was made of them, what
# a person sees has lost it, and these are dropped (a review of every such sample in the draws).
_SPOILER_ATE = "Discord reads its pipes as spoiler markup: a letter drawn with them is not shown"
DROPPED: dict[str, str] = {
    "the new update is pure 8(_)||\n$|-||7": _SPOILER_ATE,  # shown "8(_)▮7": both l's, the i gone
    "the matchmaking is ]3(_)11||$$|-|||\u0167\u0167 tonight": _SPOILER_ATE,  # the i is gone
    "mods, someone wrote $|-|||||tttttt in general": _SPOILER_ATE,  # shown "$|-▮tttttt": the i is gone
    "the matchmaking is 88uuII||ss##||77 tonight": _SPOILER_ATE,  # shown "88uuII▮77": the i is gone
    "this patch is ]3(_)||\u0142\u0142$$|-|||++ honestly": _SPOILER_ATE,  # the i is gone
}
