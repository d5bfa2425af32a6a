"""Run-time permission checks shared by cogs (Discord's default permissions are only a UI hint)."""

from __future__ import annotations

import discord

from bot.errors import NotAllowed, UserFacingError
from bot.guild_config import GuildConfig


def require_guild(interaction: discord.Interaction) -> discord.Guild:
    if interaction.guild is None:
        raise UserFacingError("That command only works in a server.")
    return interaction.guild


def require_manage_guild(interaction: discord.Interaction) -> None:
    if not interaction.permissions.manage_guild:
        raise NotAllowed("You need the **Manage Server** permission to do that.")


def has_role(member: discord.abc.User, role_id: int | None) -> bool:
    return role_id is not None and isinstance(member, discord.Member) and member.get_role(role_id) is not None


def require_editor(interaction: discord.Interaction, config: GuildConfig) -> None:
    """Manage Server, or the server's configured editor role."""
    if interaction.permissions.manage_guild or has_role(interaction.user, config.role("editor_role")):
        return
    raise NotAllowed("You need the **Manage Server** permission or the editor role to do that.")


def require_moderator(interaction: discord.Interaction, config: GuildConfig) -> None:
    """Moderate Members or Manage Server, or the server's configured moderator role."""
    permissions = interaction.permissions
    if (
        permissions.manage_guild
        or permissions.moderate_members
        or has_role(interaction.user, config.role("moderator_role"))
    ):
        return
    raise NotAllowed("You need the **Moderate Members** permission or the moderator role to do that.")
