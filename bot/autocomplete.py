"""Autocomplete shared by commands of several cogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discord import app_commands

from bot.formatting import shorten

if TYPE_CHECKING:
    from bot.client import BotInteraction  # the bot imports what imports this module


async def article_choices(interaction: BotInteraction, current: str) -> list[app_commands.Choice[str]]:
    """Articles whose slug or title matches what the member typed; the value is the slug."""
    return [
        app_commands.Choice(name=shorten(a.title, 100), value=a.slug)
        for a in interaction.client.library.search(current, guild_id=interaction.guild_id)
    ]
