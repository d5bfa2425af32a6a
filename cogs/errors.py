"""The one place where command errors become replies.

Mistakes a member can fix get a short ephemeral explanation of what to do; bugs get a
short apology and a logged traceback.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserFacingError
from bot.replies import send_ephemeral

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on my side. It has been logged for the bot's operators."


def _permission_names(names: list[str]) -> str:
    return ", ".join(f"**{name.replace('_', ' ').replace('guild', 'server').title()}**" for name in names)


def describe_error(error: BaseException) -> tuple[str, bool]:
    """(message for the member, whether this is a bug to log with its traceback)."""
    original: BaseException = error
    if isinstance(error, app_commands.CommandInvokeError | commands.CommandInvokeError):
        original = error.original
    if isinstance(original, UserFacingError):
        return str(original), False
    if isinstance(error, app_commands.MissingPermissions | commands.MissingPermissions):
        return f"You need the {_permission_names(error.missing_permissions)} permission to do that.", False
    if isinstance(error, app_commands.BotMissingPermissions | commands.BotMissingPermissions):
        return (
            f"I am missing the {_permission_names(error.missing_permissions)} permission here. "
            "Ask a server admin to grant it to my role."
        ), False
    if isinstance(error, app_commands.NoPrivateMessage | commands.NoPrivateMessage):
        return "That command only works in a server.", False
    if isinstance(error, app_commands.CommandOnCooldown | commands.CommandOnCooldown):
        return f"Slow down a little: try again in {error.retry_after:.0f} s.", False
    if isinstance(error, app_commands.TransformerError):
        return f"{error.value!r} is not a valid {error.type.name.replace('_', ' ')}.", False
    if isinstance(error, app_commands.CheckFailure | commands.CheckFailure):
        return "You are not allowed to use this command.", False
    if isinstance(error, commands.UserInputError):
        return f"{error} Check the command's options and try again.", False
    if isinstance(original, discord.Forbidden):
        return (
            "Discord refused: I lack a permission I need in that channel "
            f"({original.text or 'missing permissions'}). Ask a server admin to check my role."
        ), False
    if isinstance(original, discord.HTTPException):
        return (
            f"Discord rejected what I tried to send ({original.status}: {original.text or 'no detail'}). {APOLOGY}"
        ), True
    return APOLOGY, True


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
        message, is_bug = describe_error(error)
        command = interaction.command.qualified_name if interaction.command else "?"
        if is_bug:
            log.error("Error in /%s (interaction %s)", command, interaction.id, exc_info=error)
        else:
            log.debug("User error in /%s: %s", command, message)
        await _report(interaction, message)

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


async def _report(interaction: discord.Interaction, message: str) -> None:
    try:
        await send_ephemeral(interaction, message)
    except discord.HTTPException:
        # The interaction may have expired; the error is already in the log.
        log.warning("Could not report an error to the member for interaction %s", interaction.id)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(ErrorHandler(bot))
