"""The one place where command errors become replies: the slash commands' tree and text commands hand
their errors to `bot.responses`, which buttons and forms use too. Mistakes a member can fix get a
short ephemeral explanation of what to do; bugs get the apology and a logged traceback."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.responses import answer_error, describe_error

log = logging.getLogger(__name__)


class ErrorHandler(commands.Cog):
    """Turns command errors into replies: what to do for mistakes, an apology for bugs."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self._previous_tree_handler: Any = None

    async def cog_load(self) -> None:
        self._previous_tree_handler = self.bot.tree.on_error
        self.bot.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._previous_tree_handler  # type: ignore[method-assign]

    async def on_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        command = interaction.command.qualified_name if interaction.command else "?"
        await answer_error(interaction, error, what=f"/{command}")

    @commands.Cog.listener()
    async def on_command_error(self, ctx: commands.Context[Any], error: commands.CommandError) -> None:
        if isinstance(error, commands.CommandNotFound):
            return
        message, is_bug = describe_error(error)
        if is_bug:
            log.error("Error in command %s", ctx.command, exc_info=error)
        try:
            await ctx.reply(message, mention_author=False)
        except discord.HTTPException:
            log.warning("Could not report an error in %s to the member", ctx.command)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(ErrorHandler(bot))
