"""What a post's vote is, from the article and the options given."""

from __future__ import annotations

from bot.articles import Article
from bot.enums import VoteMode
from bot.publishing.publisher import vote_mode_for


def article(exit_question: str | None) -> Article:
    return Article(slug="a", title="A", paragraphs=("Body.",), exit_question=exit_question)


def test_the_vote_mode_follows_the_exit_question_and_the_options() -> None:
    assert vote_mode_for(article("Why?"), ["Yes", "No"]) is VoteMode.POLL
    assert vote_mode_for(article("Why?"), []) is VoteMode.ANSWERS
    assert vote_mode_for(article(None), []) is VoteMode.NONE
