"""The vote's messages: the poll within Discord's limits, the answers board, an answer's card."""

from __future__ import annotations

from bot.storage.votes import ExitAnswer
from bot.voting.embeds import answer_card_text, build_poll, top_answers_embed


def test_a_long_question_is_shortened_in_the_poll_and_whole_in_the_message() -> None:
    question = "Will the ceasefire hold " + "and last " * 60 + "?"
    text, poll = build_poll(question, ["Yes", "No"], duration_hours=24)
    assert len(poll.question) <= 300 and [a.text for a in poll.answers] == ["Yes", "No"]
    assert text.startswith("**Exit question**\n") and text.endswith("-# The poll shows this question shortened.")


def test_the_top_answers_link_their_cards_and_escape_their_text() -> None:
    answers = [ExitAnswer(1, 9, 5, "It *will* hold", 700, 3), ExitAnswer(2, 9, 6, "No", None, 1)]
    embed = top_answers_embed(answers, total=2, voters=4, is_open=True, guild_id=1, thread_id=2)
    assert embed.description is not None
    first, second = embed.description.splitlines()
    assert first == "**1.** It \\*will\\* hold — 3 votes · [jump](https://discord.com/channels/1/2/700)"
    assert second == "**2.** No — 1 vote"
    assert embed.footer.text == "Answering is open · 2 answers · 4 voters"


def test_an_answer_of_a_forgotten_member_names_no_one() -> None:
    assert answer_card_text(ExitAnswer(1, 9, 0, "Gone", None, 0)).startswith(
        "**Suggested answer** from a former member"
    )
    assert "<@5>" in answer_card_text(ExitAnswer(1, 9, 5, "Here", None, 0))
