"""/privacy show and /privacy delete: any member sees what the bot keeps about them, and can have it
deleted (after pressing a confirmation button). Everything here is ephemeral."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import BotInteraction, DiscussionBot
from bot.privacy import forget_lines, policy_lines, summary_lines
from bot.responses import answer_error

log = logging.getLogger(__name__)

CONFIRM_SECONDS = 120.0
COLOUR = discord.Colour.blurple()


class ConfirmDeletion(discord.ui.View):
    """Delete / Cancel, for the member who asked only; gone after two minutes."""

    def __init__(self, bot: DiscussionBot, user_id: int) -> None:
        super().__init__(timeout=CONFIRM_SECONDS)
        self.bot = bot
        self.user_id = user_id

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        if interaction.user.id != self.user_id:
            await interaction.response.send_message("Only the member who asked can confirm.", ephemeral=True)
            return False
        return True

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any], /) -> None:
        await answer_error(interaction, error, what="the data deletion buttons")

    @discord.ui.button(label="Delete my data", style=discord.ButtonStyle.danger, custom_id="privacy:delete")
    async def delete(self, interaction: discord.Interaction, button: discord.ui.Button[ConfirmDeletion]) -> None:
        self.stop()
        report = await self.bot.member_data.forget(self.user_id)
        embed = discord.Embed(
            title="Your data is deleted", colour=discord.Colour.green(), description="\n".join(forget_lines(report))
        )
        await interaction.response.edit_message(embed=embed, view=None)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary, custom_id="privacy:cancel")
    async def cancel(self, interaction: discord.Interaction, button: discord.ui.Button[ConfirmDeletion]) -> None:
        self.stop()
        await interaction.response.edit_message(
            embed=discord.Embed(title="Nothing was deleted", colour=COLOUR), view=None
        )


class Privacy(commands.Cog):
    """What the bot keeps about a member, and deleting it at their request."""

    privacy = app_commands.Group(name="privacy", description="What this bot keeps about you, and deleting it.")

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot

    @privacy.command(name="show", description="What this bot keeps about you, and for how long (only you see it).")
    async def show(self, interaction: BotInteraction) -> None:
        counts = await self.bot.member_data.summary(interaction.user.id)
        embed = discord.Embed(title="What this bot keeps about you", colour=COLOUR)
        embed.add_field(name="Stored now", value="\n".join(summary_lines(counts))[:1024], inline=False)
        embed.add_field(
            name="For how long",
            value="\n".join(policy_lines(self.bot.settings.retention_days))[:1024],
            inline=False,
        )
        embed.set_footer(text="To have it deleted: /privacy delete")
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @privacy.command(name="delete", description="Delete your votes, answers, upvotes and reports (asks first).")
    async def delete(self, interaction: BotInteraction) -> None:
        counts = await self.bot.member_data.summary(interaction.user.id)
        embed = discord.Embed(
            title="Delete what this bot keeps about you?",
            colour=discord.Colour.red(),
            description=(
                "This removes your votes, upvotes, the reports you filed and your chat context; the answers "
                "you suggested stay for the others' upvotes, their text replaced by *removed at the author's "
                "request*. Moderation cases stay for the server's safety, under a pseudonym. "
                "It cannot be undone."
            ),
        )
        embed.add_field(name="Stored now", value="\n".join(summary_lines(counts))[:1024], inline=False)
        await interaction.response.send_message(
            embed=embed, view=ConfirmDeletion(self.bot, interaction.user.id), ephemeral=True
        )


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Privacy(bot))
