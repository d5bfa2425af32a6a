"""Reports and review: **Report message** (any member, from a message's Apps menu) gathers a message's
reports into one anonymous card; the buttons on held and reported messages' cards are the moderators'
decisions (bot.enforcement.review). Each button needs what the /mod command that does the same needs."""

from __future__ import annotations

import logging
import re
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.checks import filter_exempt, permitted, require_outranks
from bot.client import BotInteraction, DiscussionBot
from bot.enforcement.review import ACTS_ON_AUTHOR, REVIEW_PATTERN, review_button
from bot.errors import NotAllowed, UserFacingError
from bot.permissions import button_level
from bot.responses import NO_PINGS, answer_error

log = logging.getLogger(__name__)


class ReportModal(discord.ui.Modal, title="Report message"):
    reason: discord.ui.TextInput[ReportModal] = discord.ui.TextInput(
        label="What is wrong with it? (optional)",
        style=discord.TextStyle.paragraph,
        required=False,
        max_length=300,
    )

    def __init__(self, message: discord.Message) -> None:
        super().__init__()
        self.message = message

    async def on_submit(self, interaction: BotInteraction) -> None:  # type: ignore[override]
        await interaction.response.defer(ephemeral=True, thinking=True)
        exempt = await filter_exempt(interaction)
        reason = self.reason.value.strip() or None
        _, note = await interaction.client.enforcer.report(self.message, interaction.user, reason, exempt=exempt)
        await interaction.followup.send(
            "Thanks: the moderators will take a look. Your report is anonymous." + (f"\n{note}" if note else ""),
            ephemeral=True,
        )

    async def on_error(self, interaction: BotInteraction, error: Exception, /) -> None:  # type: ignore[override]
        await answer_error(interaction, error, what="the report form")


class ReviewButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=REVIEW_PATTERN):
    """A button on a review card: Approve, Reject, Warn, Timeout, Dismiss or Remove message."""

    def __init__(self, action: str, item_id: int) -> None:
        self.action, self.item_id = action, item_id
        super().__init__(review_button(action, item_id))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> ReviewButton:
        return cls(match["action"], int(match["item"]))

    async def interaction_check(self, interaction: BotInteraction, /) -> bool:  # type: ignore[override]
        """A button needs what the /mod command that does the same needs (bot.permissions.CARD_BUTTONS);
        a refused member is told what is needed."""
        return await permitted(interaction, button_level(self.action))

    async def callback(self, interaction: BotInteraction) -> None:  # type: ignore[override]
        try:
            await self._decide(interaction)
        except Exception as error:
            await answer_error(interaction, error, what=f"the review card's {self.action} button")

    async def _decide(self, interaction: BotInteraction) -> None:
        guild = interaction.guild
        if guild is None:
            return
        queue = interaction.client.review_queue
        item = await queue.item(guild.id, self.item_id)
        if item is None:
            raise UserFacingError("That review item no longer exists.")
        if self.action in ACTS_ON_AUTHOR:
            try:
                await require_outranks(
                    interaction, guild.get_member(item.author_id) or await guild.fetch_member(item.author_id)
                )
            except discord.NotFound:
                pass  # the author left: nobody to outrank (the warning is still recorded)
            except discord.HTTPException:
                raise UserFacingError(
                    "Discord won't tell me who wrote that message right now. Try again in a moment."
                ) from None
            except NotAllowed as refused:
                await interaction.response.send_message(str(refused), ephemeral=True, allowed_mentions=NO_PINGS)
                return
        first = await queue.claim(item, self.action, interaction.user.id)
        if first is not None:
            by = f"<@{first}>" if first else "another moderator"
            raise UserFacingError(f"{by} already handled this one.")
        await interaction.response.defer()
        embed, view = await queue.carry_out(guild, item, self.action, interaction.user)
        await interaction.edit_original_response(embed=embed, view=view, allowed_mentions=NO_PINGS)


class Reports(commands.Cog):
    """Members report messages; moderators decide on the cards."""

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot
        self.report_menu = app_commands.ContextMenu(name="Report message", callback=self.report_message)
        self.report_menu.guild_only = True

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.report_menu)
        # Buttons whose ids live in custom_id keep working across restarts.
        self.bot.add_dynamic_items(ReviewButton)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.report_menu.name, type=self.report_menu.type)
        self.bot.remove_dynamic_items(ReviewButton)

    async def report_message(self, interaction: BotInteraction, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None:
            raise UserFacingError("Messages from bots can't be reported; tell a moderator instead.")
        if message.author.id == interaction.user.id:
            raise UserFacingError("You can't report your own message. You can delete it instead.")
        await interaction.response.send_modal(ReportModal(message))


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Reports(bot))
