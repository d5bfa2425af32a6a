"""The seed-article evaluation set (tests/data/seed_questions.json) and how retrieval scores on it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from bot.articles import Article, parse_article_file
from bot.chat.retrieval import Passage, PassageIndex
from bot.chat.text import speaker_context

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "tests" / "data" / "seed_questions.json"


@dataclass(frozen=True)
class EvalResult:
    total: int
    top1: int
    top3: int
    misses: list[tuple[str, str, list[str]]]


def load() -> tuple[Article, list[dict[str, str]]]:
    data = json.loads(DATA.read_text("utf-8"))
    return parse_article_file(REPO / data["article"]), data["questions"]


def seed_index(article: Article) -> PassageIndex:
    paragraphs = article.paragraphs
    passages = [
        Passage(f"p{i}", "paragraph", t, context=speaker_context(t, paragraphs[i - 2] if i > 1 else None))
        for i, t in enumerate(paragraphs, start=1)
    ]
    if article.exit_question:
        passages.append(Passage("q", "exit_question", article.exit_question))
    passages += [Passage(f"u{i}", "update", u.text, u.label) for i, u in enumerate(article.updates, start=1)]
    return PassageIndex(passages)


def evaluate() -> EvalResult:
    article, questions = load()
    index = seed_index(article)
    top1 = top3 = 0
    misses = []
    for item in questions:
        ids = [hit.passage.id for hit in index.search(item["ask"], 3)]
        top1 += ids[:1] == [item["answer"]]
        top3 += item["answer"] in ids
        if ids[:1] != [item["answer"]]:
            misses.append((item["ask"], item["answer"], ids))
    return EvalResult(len(questions), top1, top3, misses)
