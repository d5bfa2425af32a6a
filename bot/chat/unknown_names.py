"""Names in a member's question that the article never mentions ("what did the FBI say?" of an
article without the FBI): the gate declines such a question rather than quote something else."""

from __future__ import annotations

import re

from bot.chat.answer_type import NOT_NAMES, initials
from bot.chat.typos import SHORTHAND, lexicon
from bot.chat.words import stem

_ACRONYM = re.compile(r"\b[a-z]{2,6}\b")


def unknown_names(question: str, article_words: frozenset[str], article_text: str) -> list[str]:
    """Names in the question the article never mentions: written with a capital inside the question,
    or an acronym (no vowel: "cpsc", "fbi") whose letters are not the initials of a name in the
    article ("Consumer Product Safety Commission")."""
    missing = []
    words = re.findall(r"[A-Za-z][\w'’-]*", question)
    for position, word in enumerate(words):
        low = word.casefold().strip("'’")
        bare = low.split("'")[0].split("’")[0]
        if not bare or bare in article_words or stem(bare) in article_words or bare in SHORTHAND:
            continue  # "ppl", "hw", "tbh": chat shorthand, not an acronym
        capitalised = position > 0 and word[0].isupper() and not word.isupper() and bare not in NOT_NAMES
        acronym = bool(_ACRONYM.fullmatch(bare)) and not re.search(r"[aeiouy]", bare) and len(bare) >= 2
        # Capitals on an English word of four letters or more are a member raising their voice
        # ("why would anyone WANT to move"), not a name; an acronym is not in the word list ("FBI",
        # "CPSC"), or short ("WHO", "US", "IT" are words too).
        shouted = word.isupper() and len(word) >= 2 and not (len(word) >= 4 and bare in lexicon())
        if (capitalised or acronym or shouted) and not _initials_in(bare, article_text):
            missing.append(word)
    return missing


def _initials_in(acronym: str, article_text: str) -> bool:
    return acronym in initials(article_text)
