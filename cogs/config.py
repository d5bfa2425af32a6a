"""/config: per-server settings (editor and moderator roles, channels). Manage Server only."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.checks import require, require_guild
from bot.client import BotInteraction, DiscussionBot
from bot.errors import UserFacingError
from bot.formatting import listed
from bot.guild_config import CONFIG_KEYS, ConfigKind, parse_reference, split_references
from bot.permissions import Level
from bot.places import place_choices, resolve_places

log = logging.getLogger(__name__)

SETTING_CHOICES = [app_commands.Choice(name=key.name, value=key.name) for key in CONFIG_KEYS.values()]
FIELD_ROOM = 1024  # Discord's limit for an embed field's value
CLEAR_WORDS = {"none", "off", "clear", "-"}


def resolve_role(guild: discord.Guild, text: str) -> discord.Role:
    ref = parse_reference(text)
    role = (
        guild.get_role(ref)
        if isinstance(ref, int)
        else discord.utils.find(lambda r: r.name.casefold() == ref.casefold(), guild.roles)
    )
    if role is None or role.is_default():
        raise UserFacingError(f"I can't find a role called {text!r} here. Pick one from the suggestions.")
    return role


def resolve_channel(guild: discord.Guild, text: str) -> discord.abc.GuildChannel:
    ref = parse_reference(text)
    channel = (
        guild.get_channel(ref)
        if isinstance(ref, int)
        else discord.utils.find(lambda c: c.name.casefold() == ref.casefold(), guild.channels)
    )
    if not isinstance(channel, discord.TextChannel | discord.ForumChannel):
        raise UserFacingError(f"I can't find a text or forum channel called {text!r} here.")
    return channel


def describe_value(guild: discord.Guild, kind: ConfigKind, value: Any, limit: int = 1500) -> str:
    """The value as Discord shows it, in at most `limit` characters (a long list of channels ends in
    "… and N more")."""
    if value is None or value == [] or value == ():
        return "*not set*"
    if kind is ConfigKind.ROLE:
        return f"<@&{value}>"
    if kind is ConfigKind.CHANNEL:
        return f"<#{value}>"
    if kind is ConfigKind.NUMBER:
        return str(value)
    return listed([f"<#{v}>" for v in value], limit)


class Config(commands.Cog):
    """Per-server settings. `/config show` lists them; `/config set` changes one. All for admins
    (Manage Server, bot.permissions): the settings name who the editors and moderators are."""

    gate_level = Level.ADMIN

    config = app_commands.Group(
        name="config",
        description="Show or change this server's bot settings.",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot

    async def interaction_check(self, interaction: BotInteraction, /) -> bool:  # type: ignore[override]
        """The one gate of every /config command (Discord's default permissions are only a hint)."""
        await require(interaction, self.gate_level)
        return True

    @config.command(name="show", description="Show this server's bot settings.")
    async def show(self, interaction: BotInteraction) -> None:
        guild = require_guild(interaction)
        current = await self.bot.configs.get(guild.id)
        embed = discord.Embed(title=f"Settings for {guild.name}", colour=discord.Colour.blurple())
        for key in CONFIG_KEYS.values():
            origin = "" if key.name in current.overridden else " (default)"
            about = f"\n-# {key.description}"
            value = describe_value(guild, key.kind, current.values.get(key.name), FIELD_ROOM - len(about))
            embed.add_field(name=f"{key.name}{origin}", value=f"{value}{about}", inline=False)
        embed.set_footer(text="Change one with /config set; go back to the default with /config reset.")
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @config.command(name="set", description="Change one of this server's bot settings.")
    @app_commands.describe(
        setting="The setting to change",
        value="A role or channel (mention, ID or name); for chat_channels several, or 'none'",
    )
    @app_commands.choices(setting=SETTING_CHOICES)
    async def set_(
        self,
        interaction: BotInteraction,
        setting: app_commands.Choice[str],
        value: app_commands.Range[str, 1, 500],
    ) -> None:
        guild = require_guild(interaction)
        key = CONFIG_KEYS[setting.value]
        stored: Any
        if key.kind is ConfigKind.CHANNELS:
            if value.strip().casefold() in CLEAR_WORDS:
                stored = []
            elif key.places:  # channels and categories, a category's name perhaps with spaces
                stored = sorted({c.id for c in resolve_places(guild, value)})
            else:
                channels = [resolve_channel(guild, part) for part in split_references(value)]
                stored = sorted({c.id for c in channels})
        elif key.kind is ConfigKind.ROLE:
            stored = resolve_role(guild, value).id
        elif key.kind is ConfigKind.NUMBER:
            low, high = key.bounds
            if not value.strip().isdigit() or not low <= int(value) <= high:
                raise UserFacingError(f"**{key.name}** takes a whole number from {low} to {high}.")
            stored = int(value)
        else:
            stored = resolve_channel(guild, value).id
        warning = None
        if key.name == "name_screening":  # as /automod names: the member lists, and a reset that cannot run
            warning = await self.bot.screening.screen_names(guild, stored, interaction.user.id)
        else:
            await self.bot.configs.set(guild.id, key.name, stored, interaction.user.id)
        log.info("Guild %s: %s set %s = %r", guild.id, interaction.user.id, key.name, stored)
        text = f"**{key.name}** is now {describe_value(guild, key.kind, stored)}."
        await interaction.response.send_message(text if warning is None else f"{text}\n⚠️ {warning}", ephemeral=True)

    @set_.autocomplete("value")
    async def value_autocomplete(self, interaction: BotInteraction, current: str) -> list[app_commands.Choice[str]]:
        guild = interaction.guild
        setting = getattr(interaction.namespace, "setting", None)
        key = CONFIG_KEYS.get(str(setting)) if setting else None
        if guild is None or key is None:
            return []
        needle = current.casefold().lstrip("#@")
        items: list[tuple[str, int]]
        if key.kind is ConfigKind.NUMBER:
            return []
        if key.places:
            return place_choices(guild, current)
        if key.kind is ConfigKind.ROLE:
            items = [(f"@{r.name}", r.id) for r in guild.roles if not r.is_default() and needle in r.name.casefold()]
        else:
            items = [
                (f"#{c.name}", c.id)
                for c in guild.channels
                if isinstance(c, discord.TextChannel | discord.ForumChannel) and needle in c.name.casefold()
            ]
        return [app_commands.Choice(name=name[:100], value=str(item_id)) for name, item_id in items[:25]]

    @config.command(name="reset", description="Put one setting back to its default.")
    @app_commands.describe(setting="The setting to reset")
    @app_commands.choices(setting=SETTING_CHOICES)
    async def reset(self, interaction: BotInteraction, setting: app_commands.Choice[str]) -> None:
        guild = require_guild(interaction)
        removed = await self.bot.configs.reset(guild.id, setting.value)
        message = (
            f"**{setting.value}** is back to its default."
            if removed
            else (f"**{setting.value}** was already at its default.")
        )
        await interaction.response.send_message(message, ephemeral=True)


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Config(bot))
