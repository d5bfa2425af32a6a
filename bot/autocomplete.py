"""Autocomplete shared by commands of several cogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.formatting import shorten

if TYPE_CHECKING:
    from bot.client import DiscussionBot


async def article_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Articles whose slug or title matches what the member typed; the value is the slug."""
    client: DiscussionBot = interaction.client  # type: ignore[assignment]
    return [
        app_commands.Choice(name=shorten(a.title, 100), value=a.slug)
        for a in client.library.search(current, guild_id=interaction.guild_id)
    ]
