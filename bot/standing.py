"""A member's standing, read from Discord: their permissions where they act and their roles, as the
permission policy (bot.permissions) reads them."""

from __future__ import annotations

from typing import Any

import discord

from bot.permissions import Standing


def standing(member: discord.abc.User, permissions: discord.Permissions, guild: discord.Guild | None) -> Standing:
    """`permissions` are the member's where they act: an interaction's (resolved by Discord) or
    `channel.permissions_for(member)` for a message."""
    roles = frozenset(member._roles) if isinstance(member, discord.Member) else frozenset()
    return Standing(
        owner=guild is not None and guild.owner_id == member.id,
        administrator=permissions.administrator,
        manage_guild=permissions.manage_guild,
        moderate_members=permissions.moderate_members,
        manage_messages=permissions.manage_messages,
        roles=roles,
    )


def standing_of(interaction: discord.Interaction[Any]) -> Standing:
    return standing(interaction.user, interaction.permissions, interaction.guild)


def message_standing(message: discord.Message) -> Standing:
    author = message.author
    if not isinstance(author, discord.Member):
        return Standing()
    return standing(author, message.channel.permissions_for(author), message.guild)


def member_standing(member: discord.Member) -> Standing:
    """A member's standing in the whole server (for the member a moderator acts on)."""
    return standing(member, member.guild_permissions, member.guild)
