"""The bot's command tree: every interaction's log lines carry its server and channel."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.log_context import bind


class LoggingCommandTree(app_commands.CommandTree[Any]):
    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        # Runs in the task that then runs the command and its error handler: the ids stay with it.
        bind(guild_id=interaction.guild_id, channel_id=interaction.channel_id)
        return True
