"""The vote's own messages: the poll, the answer-mode question, the "Top answers" board and an answer's card."""

from __future__ import annotations

import datetime as dt

import discord

from bot.articles.render import exit_question_text, poll_question
from bot.formatting import escape_markdown, shorten
from bot.storage.votes import ExitAnswer


def build_poll(exit_question: str, options: list[str], duration_hours: int) -> tuple[str, discord.Poll]:
    """The message text (the full question) and the native poll (question cut to 300)."""
    question, shortened = poll_question(exit_question)
    poll = discord.Poll(question=question, duration=dt.timedelta(hours=duration_hours))
    for option in options:
        poll.add_answer(text=option)
    text = exit_question_text(exit_question)
    if shortened:
        text += "\n-# The poll shows this question shortened."
    return text, poll


def answers_intro(exit_question: str) -> str:
    return exit_question_text(exit_question, limit=1800) + (
        "\n\nSuggest an answer with the button below, and upvote the answers you agree with."
    )


def top_answers_embed(
    answers: list[ExitAnswer], *, total: int, voters: int, is_open: bool, guild_id: int, thread_id: int
) -> discord.Embed:
    embed = discord.Embed(title="Top answers", colour=discord.Colour.gold() if is_open else discord.Colour.dark_grey())
    if not answers:
        embed.description = "No answers yet. Be the first to suggest one." if is_open else "No answers were suggested."
    else:
        lines = []
        for rank, answer in enumerate(answers, start=1):
            link = (
                f"https://discord.com/channels/{guild_id}/{thread_id}/{answer.message_id}" if answer.message_id else ""
            )
            text = escape_markdown(shorten(answer.text, 150))
            votes = f"{answer.votes} vote" + ("" if answer.votes == 1 else "s")
            lines.append(f"**{rank}.** {text} — {votes}" + (f" · [jump]({link})" if link else ""))
        embed.description = "\n".join(lines)
    state = "Answering is open" if is_open else "Answering is closed"
    embed.set_footer(
        text=f"{state} · {total} answer{'s' if total != 1 else ''} · {voters} voter{'s' if voters != 1 else ''}"
    )
    return embed


def answer_card_text(answer: ExitAnswer) -> str:
    # author 0: a member who asked for their data to be deleted (bot.storage.privacy)
    who = f"<@{answer.author_id}>" if answer.author_id > 0 else "a former member"
    return f"**Suggested answer** from {who}\n>>> {escape_markdown(shorten(answer.text, 1500))}"
