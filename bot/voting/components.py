"""Answer-mode buttons and the suggestion modal. Their ids live in `custom_id`, so they keep
working after a restart (discord.py's DynamicItem); each action is checked when it runs."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord

from bot.checks import filter_exempt
from bot.errors import UserFacingError
from bot.replies import send_ephemeral

if TYPE_CHECKING:
    from bot.client import DiscussionBot

log = logging.getLogger(__name__)


def _board(interaction: discord.Interaction) -> Any:
    client: DiscussionBot = interaction.client  # type: ignore[assignment]
    return client.answer_board


class SuggestAnswerModal(discord.ui.Modal, title="Suggest an answer"):
    answer: discord.ui.TextInput[SuggestAnswerModal] = discord.ui.TextInput(
        label="Your answer",
        style=discord.TextStyle.paragraph,
        min_length=2,
        max_length=300,
        placeholder="Answer the exit question in a sentence or two.",
    )

    def __init__(self, post_id: int) -> None:
        super().__init__(custom_id=f"exitq:modal:{post_id}")
        self.post_id = post_id

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        board = _board(interaction)
        try:
            post = await board.open_post(self.post_id)
            exempt = await filter_exempt(interaction)
            card, note = await board.suggest(post, interaction.user, self.answer.value, exempt=exempt)
        except UserFacingError as error:
            await send_ephemeral(interaction, str(error))
            return
        await interaction.followup.send(
            f"Thanks! Your answer is posted: {card.jump_url}" + (f"\n{note}" if note else ""), ephemeral=True
        )

    async def on_error(self, interaction: discord.Interaction, error: Exception, /) -> None:  # type: ignore[override]
        log.error("Suggesting an answer failed", exc_info=error)
        await send_ephemeral(interaction, "Sorry, something went wrong on my side. It has been logged.")


class SuggestButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"exitq:suggest:(?P<post>\d+)"):
    def __init__(self, post_id: int, *, enabled: bool = True) -> None:
        self.post_id = post_id
        super().__init__(
            discord.ui.Button(
                label="Suggest an answer",
                emoji="\N{MEMO}",
                style=discord.ButtonStyle.primary,
                custom_id=f"exitq:suggest:{post_id}",
                disabled=not enabled,
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> SuggestButton:
        return cls(int(match["post"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await _board(interaction).open_post(self.post_id)
        except UserFacingError as error:
            await send_ephemeral(interaction, str(error))
            return
        await interaction.response.send_modal(SuggestAnswerModal(self.post_id))


class UpvoteButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"exitq:up:(?P<answer>\d+)"):
    def __init__(self, answer_id: int, votes: int = 0) -> None:
        self.answer_id = answer_id
        super().__init__(
            discord.ui.Button(
                label=f"Upvote · {votes}",
                emoji="\N{THUMBS UP SIGN}",
                style=discord.ButtonStyle.secondary,
                custom_id=f"exitq:up:{answer_id}",
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> UpvoteButton:
        return cls(int(match["answer"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            voted, count, _ = await _board(interaction).upvote(self.answer_id, interaction.user.id)
        except UserFacingError as error:
            await send_ephemeral(interaction, str(error))
            return
        await interaction.response.edit_message(view=upvote_view(self.answer_id, count))
        note = "Upvoted." if voted else "Your upvote is removed."
        await interaction.followup.send(note, ephemeral=True)


def suggest_view(post_id: int, *, enabled: bool = True) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(SuggestButton(post_id, enabled=enabled))
    return view


def upvote_view(answer_id: int, votes: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(UpvoteButton(answer_id, votes))
    return view


DYNAMIC_ITEMS = (SuggestButton, UpvoteButton)
