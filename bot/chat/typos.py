"""Misspelt questions: chat shorthand spelled out, and misspelt words matched to the article's own.

`symspellpy` does the matching (SymSpell over the article's words: "seperators" finds
"separators") and ships the English word list that says which words are misspelt at all: a real
English word the article does not use ("start", "layer", "firm") is the member's word, never
"corrected" into a look-alike of the article's ("state", "later", "fire"). A real word one letter
from an article word ("fair" for "fare") is only offered alongside, for the word matching.
"""

from __future__ import annotations

import importlib.resources
import re
import threading
from collections import Counter

from symspellpy import SymSpell, Verbosity

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
    "wot": "what",
    "wen": "when",  # a word too (a cyst), but not one a member asks about
    "whn": "when",
    "wher": "where",
    "whr": "where",
    "hw": "how",
    "wich": "which",  # one letter from "with" too, which the article always has
    "whch": "which",
    "ws": "was",  # as near "as", "is" and "us": the correction would be a guess
    "wuz": "was",
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
    "uni": "university",
    "feds": "federal government",
    "dept": "department",
    "mgmt": "management",
    "intl": "international",
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
    # asides that carry no question: spelled out, so they are never taken for an unknown name ("tbh")
    "tbh": "to be honest",
    "ngl": "not going to lie",
    "imo": "in my opinion",
    "imho": "in my opinion",
    "btw": "by the way",
    "smh": "shaking my head",
    "idk": "i do not know",
    "nvm": "never mind",
    "fwiw": "for what it is worth",
    "thru": "through",
}

_WORD = re.compile(r"[a-z0-9][a-z0-9'/]*")
_LEXICON: list[frozenset[str]] = []
_LEXICON_LOCK = threading.Lock()


def lexicon() -> frozenset[str]:
    """English words: symspellpy's 82,765-word frequency list (its words; the counts are not needed), read once."""
    with _LEXICON_LOCK:
        if not _LEXICON:
            resource = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
            text = resource.read_text("utf-8")
            _LEXICON.append(frozenset(line.partition(" ")[0] for line in text.splitlines() if line))
        return _LEXICON[0]


class Corrector:
    """Corrects a question against one article's vocabulary."""

    def __init__(self, article_text: str) -> None:
        counts = Counter(w.strip("'") for w in _WORD.findall(normalise(article_text)))
        self.vocabulary = frozenset(w for w in counts if len(w) >= 3 and not w.isdigit())
        self._spell = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for word in sorted(self.vocabulary):  # in a fixed order: ties are then broken the same way every run
            self._spell.create_dictionary_entry(word, counts[word])
        self._english = lexicon()
        self._cache: dict[str, str | None] = {}

    def correct(self, text: str) -> str:
        """Shorthand spelled out, misspelt words replaced by the article's closest word."""
        out = []
        for word in normalise(text).split():
            bare = word.strip("?!.,;:\"“”()'")
            if bare in SHORTHAND:
                out.append(SHORTHAND[bare])
                continue
            fixed = self._closest(bare) if bare not in self._english else None
            out.append(fixed if fixed else word)
        return " ".join(out)

    def alternatives(self, text: str) -> dict[str, str]:
        """Article words a letter or two from a real word the article lacks ("fair" → "fare"): maybe meant."""
        found = {}
        for word in normalise(text).split():
            bare = word.strip("?!.,;:\"“”()'")
            if bare in self._english and len(bare) >= 4 and bare not in self.vocabulary and bare not in STOP_WORDS:
                near = self._closest(bare, distance=2, short=2)
                if near:
                    found[bare] = near
        return found

    def _closest(self, word: str, distance: int = 2, short: int = 1) -> str | None:
        """The article's closest word: a short word (five letters or fewer) at most `short` letters
        off, a longer one `distance`; the same first letter; then the longest shared start."""
        if len(word) < 4 or word in self.vocabulary or word in STOP_WORDS or not word.isalpha():
            return None
        key = f"{distance}:{short}:{word}"
        if key not in self._cache:
            if len(self._cache) > 10_000:
                self._cache.clear()
            allowed = short if len(word) <= 5 else distance
            found = [
                s.term
                for s in sorted(
                    self._spell.lookup(word, Verbosity.CLOSEST, max_edit_distance=allowed),
                    key=lambda s: (s.distance, -_shared_start(s.term, word), -s.count, s.term),
                )
                if s.term[0] == word[0] and s.distance > 0
            ]
            self._cache[key] = found[0] if found else None
        return self._cache[key]


def _shared_start(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count
