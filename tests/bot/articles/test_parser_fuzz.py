"""Whatever the bytes, the parser returns an Article or raises ArticleError, nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.articles import Article, ArticleError
from bot.articles.parser import parse_article_bytes, parse_article_text

MARKERS = [
    "Update:",
    "UPDATE —",
    "Update (4:12 PM):",
    "Exit question:",
    "Trending on Hotair Video",
    "Share on Facebook",
    "\r\n",
    "\n\n",
    "\u200b",
    "“",
    "”",
    "\x00",
    "\ufeff",
]

structured_text = st.lists(st.one_of(st.sampled_from(MARKERS), st.text(max_size=40)), max_size=30).map("".join)


def _holds(outcome: object) -> None:
    assert isinstance(outcome, Article)
    assert outcome.title.strip() and outcome.paragraphs
    assert all(p.strip() for p in outcome.paragraphs)
    assert all(u.text.strip() for u in outcome.updates)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_any_bytes(data: bytes):
    try:
        _holds(parse_article_bytes(data, name="fuzz.txt", slug="fuzz"))
    except ArticleError as error:
        assert str(error).startswith("fuzz.txt")


@settings(max_examples=400, deadline=None)
@given(structured_text)
def test_any_text_built_from_the_format(text: str):
    try:
        _holds(parse_article_text(text, name="fuzz.txt", slug="fuzz"))
    except ArticleError as error:
        assert str(error).startswith("fuzz.txt")
