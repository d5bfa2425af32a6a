"""Misspelt questions: chat shorthand spelled out, and words the article does not have matched to
the closest word it does have (rapidfuzz), so "seperators" finds "separators"."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from bot.chat.words import STOP_WORDS, normalise

# Chat shorthand, spelled out before anything else.
SHORTHAND = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "y": "why",
    "wat": "what",
    "wut": "what",
    "wht": "what",
    "whats": "what is",
    "wats": "what is",
    "whos": "who is",
    "hows": "how is",
    "wheres": "where is",
    "whens": "when is",
    "w": "with",
    "w/": "with",
    "b4": "before",
    "til": "until",
    "till": "until",
    "pls": "please",
    "plz": "please",
    "bc": "because",
    "cuz": "because",
    "thx": "thanks",
    "gonna": "going to",
    "wanna": "want to",
    "outta": "out of",
    "abt": "about",
    "govt": "government",
    "gov": "government",
    "ppl": "people",
    "smth": "something",
    "rn": "right now",
    "tho": "though",
    "im": "i am",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "isnt": "is not",
    "wont": "will not",
    "cant": "can not",
}

_WORD = re.compile(r"[a-z0-9][a-z0-9'/]*")


class Corrector:
    """Corrects a question against one article's vocabulary."""

    def __init__(self, article_text: str) -> None:
        words = {w.strip("'") for w in _WORD.findall(normalise(article_text))}
        self.vocabulary = frozenset(w for w in words if len(w) >= 3 and not w.isdigit())
        self._choices = sorted(self.vocabulary)
        self._cache: dict[str, str | None] = {}

    def correct(self, text: str) -> str:
        out = []
        for word in normalise(text).split():
            bare = word.strip("?!.,;:\"“”()'")
            if bare in SHORTHAND:
                out.append(SHORTHAND[bare])
                continue
            fixed = self._closest(bare)
            out.append(fixed if fixed else word)
        return " ".join(out)

    def _closest(self, word: str) -> str | None:
        if len(word) < 4 or word in self.vocabulary or word in STOP_WORDS or not word.isalpha():
            return None
        if word not in self._cache:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[word] = _closest(word, self._choices)
        return self._cache[word]


def _closest(word: str, choices: list[str]) -> str | None:
    # Misspellings keep their first letter and their length, give or take two letters.
    cutoff = 75.0
    candidates = [c for c in choices if c[0] == word[0] and abs(len(c) - len(word)) <= 2]
    match = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
    return match[0] if match else None
