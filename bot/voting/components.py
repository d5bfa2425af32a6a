"""Answer mode's buttons as the bot sends them: their look, and a `custom_id` that carries what they
act on. The clicks are handled by the votes extension (cogs/votes.py), whose DynamicItems match these
ids, so the buttons keep working after a restart."""

from __future__ import annotations

from typing import Any

import discord

from bot.responses import Layout

# custom_id formats, and the patterns the handlers match them with
SUGGEST_ID = "exitq:suggest:{post_id}"
SUGGEST_PATTERN = r"exitq:suggest:(?P<post>\d+)"
UPVOTE_ID = "exitq:up:{answer_id}"
UPVOTE_PATTERN = r"exitq:up:(?P<answer>\d+)"


def suggest_button(post_id: int, *, enabled: bool = True) -> discord.ui.Button[Any]:
    return discord.ui.Button(
        label="Suggest an answer",
        emoji="\N{MEMO}",
        style=discord.ButtonStyle.primary,
        custom_id=SUGGEST_ID.format(post_id=post_id),
        disabled=not enabled,
    )


def upvote_button(answer_id: int, votes: int = 0) -> discord.ui.Button[Any]:
    return discord.ui.Button(
        label=f"Upvote · {votes}",
        emoji="\N{THUMBS UP SIGN}",
        style=discord.ButtonStyle.secondary,
        custom_id=UPVOTE_ID.format(answer_id=answer_id),
    )


def suggest_view(post_id: int, *, enabled: bool = True) -> Layout:
    return Layout(suggest_button(post_id, enabled=enabled))


def upvote_view(answer_id: int, votes: int) -> Layout:
    return Layout(upvote_button(answer_id, votes))
