"""How the bot answers on Discord: who its messages may ping, components laid out for another part to
handle, an answer only the member sees, and an error turned into words (what to do for a mistake, the
one apology for a bug).

Commands, buttons, forms and the services that send messages all use these, so a change here (the
apology's wording, who a reply may notify) is made once.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserFacingError

log = logging.getLogger(__name__)

# Nothing the bot sends pings unless it means to: article, update and member text never can.
NO_PINGS = discord.AllowedMentions.none()
# A reply may notify the member it answers, and no one else.
REPLY_MENTIONS = discord.AllowedMentions(everyone=False, users=False, roles=False, replied_user=True)

APOLOGY = "Sorry, something went wrong on my side. It has been logged for the bot's operators."


class Layout(discord.ui.View):
    """Components the bot sends whose clicks are handled elsewhere: by the extension that registered a
    DynamicItem for their custom_id (discord.py finds it by the id's pattern, after a restart too).
    Nothing here listens, so a layout is never kept in discord.py's store of views."""

    def __init__(self, *items: discord.ui.Item[Any]) -> None:
        super().__init__(timeout=None)
        for item in items:
            self.add_item(item)

    def is_dispatchable(self) -> bool:
        return False


async def send_ephemeral(interaction: discord.Interaction, message: str) -> None:
    """A message only the member sees, as the first answer or, once the interaction is answered or
    deferred, as a follow-up."""
    if interaction.response.is_done():
        await interaction.followup.send(message, ephemeral=True)
    else:
        await interaction.response.send_message(message, ephemeral=True)


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


async def answer_error(interaction: discord.Interaction, error: BaseException, *, what: str) -> None:
    """Tell the member what went wrong with their command, button or form (`what` names it in the
    log): a mistake they can fix in words, a bug as the apology, with its traceback logged."""
    message, is_bug = describe_error(error)
    if is_bug:
        log.error("Error in %s (interaction %s)", what, interaction.id, exc_info=error)
    else:
        log.debug("User error in %s: %s", what, message)
    try:
        await send_ephemeral(interaction, message)
    except discord.HTTPException:
        # The interaction may have expired; the error is already in the log.
        log.warning("Could not report an error to the member for interaction %s", interaction.id)
