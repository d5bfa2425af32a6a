"""Answering whoever used a command, button or form."""

from __future__ import annotations

import discord


async def send_ephemeral(interaction: discord.Interaction, message: str) -> None:
    """A message only the member sees, as the first answer or, once the interaction is answered or
    deferred, as a follow-up."""
    if interaction.response.is_done():
        await interaction.followup.send(message, ephemeral=True)
    else:
        await interaction.response.send_message(message, ephemeral=True)
