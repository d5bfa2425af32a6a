from __future__ import annotations

from bot.chat.retrieval import Passage, PassageIndex
from tests.bot.chat.eval_set import evaluate, load


def test_eval_set_covers_every_passage_with_at_least_30_questions():
    article, questions = load()
    assert len(questions) >= 30
    ids = {q["answer"] for q in questions}
    assert ids == {f"p{i}" for i in range(1, len(article.paragraphs) + 1)} | {"q", "u1", "u2"}


def test_retrieval_meets_the_accuracy_targets_on_the_eval_set():
    result = evaluate()
    assert result.top3 / result.total >= 0.9, result.misses
    assert result.top1 / result.total >= 0.7, result.misses


def test_nothing_is_returned_for_an_unrelated_question():
    article, _ = load()
    index = PassageIndex([Passage(f"p{i}", "paragraph", p) for i, p in enumerate(article.paragraphs)])
    assert index.search("what is the recipe for banana bread?") == []
    assert index.search("the") == []
