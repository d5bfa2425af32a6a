"""The permission policy (bot.permissions) applied to Discord: one check per level for slash commands,
the same for buttons and forms, and a member's standing read from an interaction or a message.

Checks run when the command runs: Discord's default command permissions are only a hint to its UI,
which server admins can change. A denial is ephemeral and names the permission or role needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands

from bot.errors import NotAllowed, UserFacingError
from bot.guild_config import GuildConfig
from bot.permissions import Level, Standing, denial, holds, is_filter_exempt, may_act_on, outranked
from bot.responses import send_ephemeral
from bot.standing import member_standing, standing_of

if TYPE_CHECKING:
    from bot.client import BotInteraction  # the bot imports what imports this module

T = TypeVar("T")


class LevelMissing(app_commands.CheckFailure, NotAllowed):
    """A check refused: the error handler shows the message (it says what is needed), ephemerally."""


def require_guild(interaction: discord.Interaction[Any]) -> discord.Guild:
    if interaction.guild is None:
        raise UserFacingError("That command only works in a server.")
    return interaction.guild


async def _config(interaction: BotInteraction) -> GuildConfig:
    return await interaction.client.configs.get(require_guild(interaction).id)


async def require(interaction: BotInteraction, level: Level) -> None:
    """Raise LevelMissing unless the member holds `level` in this server."""
    config = await _config(interaction)
    if not holds(level, standing_of(interaction), config):
        raise LevelMissing(denial(level, config))


async def permitted(interaction: BotInteraction, level: Level) -> bool:
    """For buttons and forms (their errors have no command handler): tell a refused member why,
    ephemerally, and say False."""
    try:
        await require(interaction, level)
    except UserFacingError as refused:
        await send_ephemeral(interaction, str(refused))
        return False
    return True


def _check(level: Level) -> Callable[[T], T]:
    async def predicate(interaction: BotInteraction) -> bool:
        await require(interaction, level)
        return True

    predicate.level = level  # type: ignore[attr-defined]  # for the test that every command is gated
    return app_commands.check(predicate)


# A cog whose every command needs one level gates them all in its `interaction_check` (Moderation:
# moderator, Config: admin). A cog that mixes levels marks its privileged commands with the check
# of their level: only editors' commands share a cog with commands for everyone.
def editor() -> Callable[[T], T]:
    return _check(Level.EDITOR)


async def require_outranks(interaction: BotInteraction, target: discord.Member) -> None:
    """Raise NotAllowed unless the member acting outranks `target` (bot.permissions.may_act_on)."""
    config = await _config(interaction)
    aimed = member_standing(target)
    if not may_act_on(standing_of(interaction), aimed, config):
        raise NotAllowed(f"I won't do that to {target.mention}. {outranked(aimed, config)}")


async def outranked_authors(interaction: BotInteraction, authors: Iterable[discord.abc.User]) -> set[int]:
    """The ids among `authors` that the member acting outranks, as `require_outranks` decides for one
    member: for acting on many members' messages at once (/mod purge). Each author's standing is
    read from the server: a member discord.py has not cached is fetched (a message fetched from
    history names its author as a plain user); one who left ranks as anyone; when Discord will not
    say, the author is left out (fail closed)."""
    guild = require_guild(interaction)
    config = await _config(interaction)
    actor = standing_of(interaction)
    allowed: set[int] = set()
    for author in {a.id: a for a in authors}.values():
        member = author if isinstance(author, discord.Member) else guild.get_member(author.id)
        if member is None and guild.owner_id != author.id:
            try:
                member = await guild.fetch_member(author.id)
            except discord.NotFound:
                member = None  # not in the server any more: nobody to outrank
            except discord.HTTPException:
                continue
        if member is not None:
            aimed = member_standing(member)
        else:
            aimed = Standing(owner=guild.owner_id == author.id)
        if may_act_on(actor, aimed, config):
            allowed.add(author.id)
    return allowed


async def filter_exempt(interaction: BotInteraction) -> bool:
    """Whether the filters skip this member (for their text the bot reposts, as for their messages)."""
    return is_filter_exempt(standing_of(interaction), await _config(interaction))
