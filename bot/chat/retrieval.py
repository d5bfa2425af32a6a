"""Find the passages (paragraphs, the exit question, updates) that answer a question: BM25 (rank-bm25)
over stemmed words, with an honest "nothing here" when the best match is weak."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rank_bm25 import BM25Okapi

from bot.chat.text import tokens

_QUANTITY = re.compile(
    r"\bhow (much|many|big|large|often)\b|\b(percent|percentage|proportion|share|number of)\b", re.IGNORECASE
)
_FIGURE = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Passage:
    id: str  # "p3" (paragraph 3, 1-based), "q" (exit question), "u2" (update 2)
    kind: str  # "paragraph", "exit_question", "update"
    text: str
    label: str | None = None
    message_url: str | None = None
    context: str = ""  # words that belong to the passage without being in it (a quote's speaker)


@dataclass(frozen=True, slots=True)
class Hit:
    passage: Passage
    score: float


class PassageIndex:
    # Below this, a match shares only incidental words with the question.
    MIN_SCORE = 1.2

    def __init__(self, passages: Sequence[Passage]) -> None:
        self.passages = list(passages)
        self._tokens = [tokens(p.text) + tokens(p.context) for p in self.passages]
        self._has_figures = [bool(_FIGURE.search(p.text)) for p in self.passages]
        self._bm25 = BM25Okapi([t or ["\u2205"] for t in self._tokens], k1=1.2, b=0.6) if self.passages else None

    def search(self, question: str, limit: int = 3) -> list[Hit]:
        query = tokens(question)
        if not query or self._bm25 is None:
            return []
        scores = list(self._bm25.get_scores(query))
        if _QUANTITY.search(question):  # "how much", "what percentage": prefer passages that give a figure
            scores = [
                score * 1.35 if figures else score for score, figures in zip(scores, self._has_figures, strict=True)
            ]
        ranked = sorted(range(len(self.passages)), key=lambda i: scores[i], reverse=True)
        hits = [Hit(self.passages[i], float(scores[i])) for i in ranked[:limit] if scores[i] > 0]
        if not hits or hits[0].score < self.MIN_SCORE:
            return []
        # keep only passages in the same league as the best one
        return [h for h in hits if h.score >= hits[0].score * 0.35]
