"""The places the filters check, as a server names them: channels and categories, by mention, ID or
name (a category's name may have spaces), for `/automod places` and `/config set
setting:moderated_channels`; and their autocomplete."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.errors import UserFacingError
from bot.guild_config import parse_reference, split_places

# What a server can list: channels with messages, and the categories that hold them.
PLACE_TYPES = (discord.TextChannel, discord.ForumChannel, discord.VoiceChannel, discord.StageChannel)


def _is_place(channel: object) -> bool:
    return isinstance(channel, (*PLACE_TYPES, discord.CategoryChannel))


def resolve_place(guild: discord.Guild, text: str) -> discord.abc.GuildChannel:
    ref = parse_reference(text)
    if isinstance(ref, int):
        found = guild.get_channel(ref)
    else:
        wanted = " ".join(ref.casefold().split())
        found = discord.utils.find(
            lambda c: _is_place(c) and " ".join(c.name.casefold().split()) == wanted, guild.channels
        )
    if found is None:
        raise UserFacingError(f"I can't find a channel or category called {text!r} here. Nothing was changed.")
    return found


def resolve_places(guild: discord.Guild, text: str) -> list[discord.abc.GuildChannel]:
    """Every channel or category named in `text` (mentions, IDs or names, separated by spaces or
    commas); the first that cannot be found is refused, and nothing is taken."""
    return [resolve_place(guild, part) for part in split_places(text, (c.name for c in guild.channels))]


def place_choices(guild: discord.Guild, current: str) -> list[app_commands.Choice[str]]:
    """Channels and categories whose name holds what was typed; the value is the ID."""
    needle = current.casefold().lstrip("#")
    found = [c for c in guild.channels if _is_place(c) and needle in c.name.casefold()]
    return [
        app_commands.Choice(
            name=(f"{c.name} (category)" if isinstance(c, discord.CategoryChannel) else f"#{c.name}")[:100],
            value=str(c.id),
        )
        for c in found[:25]
    ]
