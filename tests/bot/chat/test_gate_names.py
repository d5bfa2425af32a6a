"""The gate declines questions about people and bodies the article never names, however close their
names are to the article's words (an attacker probe found surnames and shouted acronyms answered)."""

from __future__ import annotations

import pytest

from bot.chat.embedding import Models, load_models
from bot.chat.retrieval import Passage, PassageIndex, Query

PARAGRAPHS = (
    "The Harbor Point bridge closed on Tuesday after inspectors found a crack in a steel beam, Mayor Jenna Ortiz said.",
    "Ortiz said the bridge would stay closed for at least six weeks while crews replace the beam, at a cost of about "
    "$4.2 million.",
    "Traffic was diverted to the Route 9 causeway, adding about 20 minutes to commutes. No one was injured.",
    "The state Department of Transportation inspected the bridge in 2023 and rated it in fair condition.",
    "Superintendent Carla Medeiros said school buses would take the longer route and classes would start on time.",
)


@pytest.fixture(scope="module")
def index() -> PassageIndex:
    models: Models | None = load_models()
    assert models is not None
    return PassageIndex([Passage(f"p{i}", "paragraph", t) for i, t in enumerate(PARAGRAPHS, 1)], models)


def test_the_control_questions_behave(index: PassageIndex):
    assert index.answer(Query("what did Mayor Ortiz say?")) is not None
    assert index.answer(Query("what did Medeiros say?")) is not None
    assert index.answer(Query("what did Harbaugh say?")) is None  # a name the article lacks: declined


@pytest.mark.parametrize("question", ["what did Beaman say?", "what did Beamon say?", "what did Crewson say?"])
def test_a_surname_the_article_never_names_is_not_read_as_an_article_word(index: PassageIndex, question: str):
    # Beaman/Beamon are two letters from "beam", Crewson two from "crews": real surnames, not
    # misspellings. The corrector maps them onto those words, they drop out of the unknown names,
    # and the mayor's quote is given as what Beaman said.
    assert index.answer(Query(question)) is None


@pytest.mark.parametrize(
    "question", ["what did WHO say about the bridge?", "did the US government pay for the repair?"]
)
def test_a_shouted_acronym_that_is_an_english_word_is_still_a_name(index: PassageIndex, question: str):
    # "WHO" (the World Health Organization) and "US" are in the English word list as "who" and
    # "us", so they are now taken for a member raising their voice; the article never mentions
    # either, yet the mayor's words are given as the WHO's ("did the Canadian government pay…" is
    # declined: "Canadian" is an unknown name).
    assert index.answer(Query(question)) is None
