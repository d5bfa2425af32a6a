"""The chat's evaluation sets stay usable: each question's evidence is the article's own text (a
typo in either would make the benchmark grade a right answer as wrong), and the sets do not share
a question (a development question copied into the held-out half would make it self-graded)."""

from __future__ import annotations

import pytest

from bot.articles import parse_article_file
from tests.bot.chat.eval_set import DEV_SETS, HELDOUT_SETS, _article_path, load_set, normalised

SETS = (*DEV_SETS, *HELDOUT_SETS)


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_every_evidence_string_is_in_its_article(path):
    data = load_set(path)
    texts = {}
    for slug, filename in data["articles"].items():
        article = parse_article_file(_article_path(filename))
        parts = [*article.paragraphs, article.exit_question or "", *(u.text for u in article.updates)]
        texts[slug] = normalised(" ".join(parts))
    missing = [
        (q["id"], evidence)
        for q in data["questions"]
        for evidence in q["evidence"]
        if normalised(evidence) not in texts[q["article"]]
    ]
    assert not missing
    assert all(q["category"] != "followup" or q["conversation"] for q in data["questions"])


def test_no_question_is_in_two_sets():
    seen: dict[tuple[str, ...], str] = {}
    for path in SETS:
        for q in load_set(path)["questions"]:
            key = tuple(normalised(t) for t in (*q["conversation"], q["question"]))
            assert key not in seen, f"{q['id']} of {path.stem} repeats {seen.get(key)}"
            seen[key] = f"{q['id']} of {path.stem}"
