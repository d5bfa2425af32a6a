"""An extractive summary: the lead sentence and the most central sentences, in the article's order.

Centrality is TextRank-style: a sentence scores by how much it shares with the others. Nothing is
invented; every sentence is the writer's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.chat.words import sentences, tokens


def _similarity(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / (math.log(len(a) + 1) + math.log(len(b) + 1))


def summarize(paragraphs: Sequence[str], *, max_sentences: int = 3, max_chars: int = 700) -> list[str]:
    all_sentences = [s for p in paragraphs for s in sentences(p)]
    if not all_sentences:
        return []
    words = [set(tokens(s)) for s in all_sentences]
    count = len(all_sentences)
    scores = [1.0] * count
    for _ in range(20):  # power iteration of TextRank
        new = []
        for i in range(count):
            total = 0.0
            for j in range(count):
                if i == j:
                    continue
                weight = _similarity(words[i], words[j])
                if weight:
                    out = sum(_similarity(words[j], words[k]) for k in range(count) if k != j) or 1.0
                    total += weight / out * scores[j]
            new.append(0.15 + 0.85 * total)
        scores = new
    chosen = {0}  # the lead
    for index in sorted(range(1, count), key=lambda i: scores[i], reverse=True):
        if len(chosen) >= max_sentences:
            break
        if len(all_sentences[index]) > 400:
            continue
        chosen.add(index)
    picked = [all_sentences[i] for i in sorted(chosen)]
    while len(" ".join(picked)) > max_chars and len(picked) > 1:
        picked.pop()
    return picked
