"""The same text however it is typed: what tells two updates apart (storage keeps one per key) and what
a feed entry's content hash is taken over. Plain text work, below every layer that needs it."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-"})
_NOT_WORD = re.compile(r"[^\w]+")


def text_key(text: str) -> str:
    """Unicode-normalised, case-folded, punctuation and spacing ignored."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _NOT_WORD.sub(" ", folded).strip()
