"""/mod: what moderators do by hand (warn, time out, note, purge, slow mode, lock) and the cases to read
back. Every command is for moderators (bot.permissions); acting on a member also needs outranking
them. Each action is a case in the mod log (bot.enforcement.actions)."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.checks import outranked_authors, require, require_guild, require_outranks
from bot.client import BotInteraction, DiscussionBot
from bot.enforcement.actions import channel_of
from bot.formatting import escape_markdown, shorten
from bot.permissions import Level

log = logging.getLogger(__name__)

MAX_TIMEOUT_MINUTES = 28 * 24 * 60
Reason = app_commands.Range[str, 1, 500]


class Mod(commands.Cog):
    """Moderators' actions on members and channels, each a case."""

    gate_level = Level.MODERATOR

    mod = app_commands.Group(name="mod", description="Moderator actions.", guild_only=True)

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot
        self.actions = bot.mod_actions

    async def interaction_check(self, interaction: BotInteraction, /) -> bool:  # type: ignore[override]
        """The one gate of every /mod command."""
        await require(interaction, self.gate_level)
        return True

    # -- members -------------------------------------------------------------------------------
    @mod.command(name="warn", description="Warn a member; the warning is a case in the mod log.")
    @app_commands.describe(member="Who", reason="Why (shown in the mod log)")
    async def warn(self, interaction: BotInteraction, member: discord.Member, reason: Reason) -> None:
        guild = require_guild(interaction)
        await require_outranks(interaction, member)
        # the case, the action and the mod-log line can take longer than the 3 s Discord allows
        await interaction.response.defer(ephemeral=True, thinking=True)
        case, escalation = await self.actions.warn(guild, member, by=interaction.user.id, reason=reason)
        extra = f" That is one warning too many: timed out (case {escalation.number})." if escalation else ""
        await interaction.followup.send(f"Warned {member.mention} (case {case.number}).{extra}", ephemeral=True)

    @mod.command(name="timeout", description="Time a member out.")
    @app_commands.describe(member="Who", minutes="How long (up to 28 days)", reason="Why (shown in the mod log)")
    async def timeout(
        self,
        interaction: BotInteraction,
        member: discord.Member,
        minutes: app_commands.Range[int, 1, MAX_TIMEOUT_MINUTES],
        reason: Reason,
    ) -> None:
        guild = require_guild(interaction)
        await require_outranks(interaction, member)
        await interaction.response.defer(ephemeral=True, thinking=True)
        case = await self.actions.timeout(guild, member, minutes, by=interaction.user.id, reason=reason)
        await interaction.followup.send(
            f"Timed out {member.mention} for {minutes} min (case {case.number}).", ephemeral=True
        )

    @mod.command(name="untimeout", description="End a member's timeout.")
    @app_commands.describe(member="Who", reason="Why (shown in the mod log)")
    async def untimeout(
        self, interaction: BotInteraction, member: discord.Member, reason: Reason = "Timeout lifted"
    ) -> None:
        guild = require_guild(interaction)
        await require_outranks(interaction, member)
        await interaction.response.defer(ephemeral=True, thinking=True)
        case = await self.actions.untimeout(guild, member, by=interaction.user.id, reason=reason)
        await interaction.followup.send(f"{member.mention} can talk again (case {case.number}).", ephemeral=True)

    @mod.command(name="note", description="Add a note to a member's history (no action is taken).")
    @app_commands.describe(member="Who", note="The note")
    async def note(self, interaction: BotInteraction, member: discord.Member, note: Reason) -> None:
        guild = require_guild(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)  # the case and its mod-log line
        case = await self.actions.note(guild, member, by=interaction.user.id, note=note)
        await interaction.followup.send(f"Noted (case {case.number}).", ephemeral=True)

    # -- channels ------------------------------------------------------------------------------
    @mod.command(name="purge", description="Delete the last messages in this channel (up to 100, under 14 days old).")
    @app_commands.describe(count="How many (2 to 100)", member="Only this member's messages")
    async def purge(
        self, interaction: BotInteraction, count: app_commands.Range[int, 2, 100], member: discord.Member | None = None
    ) -> None:
        guild = require_guild(interaction)
        channel = channel_of(interaction.channel, "Purge")
        if member is not None:  # naming someone they do not outrank: refused, saying why
            await require_outranks(interaction, member)
        await interaction.response.defer(ephemeral=True, thinking=True)
        deleted, left = await self.actions.purge(
            guild,
            channel,
            count,
            member,
            by=interaction.user,
            outranked=lambda authors: outranked_authors(interaction, authors),
        )
        note = f" Left {left} by members you don't outrank (admins, the owner, your equals)." if left else ""
        await interaction.followup.send(f"Deleted {deleted} messages.{note}", ephemeral=True)

    @mod.command(name="slowmode", description="Set slow mode in this channel or thread (0 turns it off).")
    @app_commands.describe(seconds="Seconds between a member's messages (0 to 21600)")
    async def slowmode(self, interaction: BotInteraction, seconds: app_commands.Range[int, 0, 21600]) -> None:
        channel = channel_of(interaction.channel, "Slow mode")
        await self.actions.slowmode(channel, seconds)
        state = f"{seconds} s" if seconds else "off"
        await interaction.response.send_message(f"Slow mode in {channel.mention}: {state}.", ephemeral=True)

    async def _lock(self, interaction: BotInteraction, locked: bool) -> None:
        guild = require_guild(interaction)
        channel = channel_of(interaction.channel, "Lock")
        # the case, the action and the mod-log line can take longer than the 3 s Discord allows
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self.actions.lock(guild, channel, locked, by=interaction.user)
        await interaction.followup.send(f"{channel.mention} is {'locked' if locked else 'open again'}.", ephemeral=True)

    @mod.command(name="lock", description="Lock this thread or channel: only moderators can post.")
    async def lock(self, interaction: BotInteraction) -> None:
        await self._lock(interaction, True)

    @mod.command(name="unlock", description="Unlock this thread or channel.")
    async def unlock(self, interaction: BotInteraction) -> None:
        await self._lock(interaction, False)

    # -- cases ---------------------------------------------------------------------------------
    @mod.command(name="history", description="A member's cases, newest first.")
    @app_commands.describe(member="Who")
    async def history(self, interaction: BotInteraction, member: discord.Member) -> None:
        guild = require_guild(interaction)
        lines = [
            f"**#{c.number}** {c.action} · {c.created_at:%Y-%m-%d %H:%M} · "
            f"{escape_markdown(shorten(c.reason or '', 120))}"
            for c in await self.actions.history(guild.id, member.id)
        ]
        embed = discord.Embed(
            title=f"Cases of {member.display_name}",
            colour=discord.Colour.dark_red(),
            description="\n".join(lines) if lines else "No cases.",
        )
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @mod.command(name="case", description="Show a case, or change its reason.")
    @app_commands.describe(number="The case number", reason="A new reason")
    async def case(self, interaction: BotInteraction, number: int, reason: Reason | None = None) -> None:
        guild = require_guild(interaction)
        found = await self.actions.case(guild.id, number, reason)
        who = "the filter" if found.moderator_id is None else f"<@{found.moderator_id}>"
        text = (
            f"**Case {found.number}** · {found.action} · <@{found.member_id}> by {who} · "
            f"{found.created_at:%Y-%m-%d %H:%M}\n{escape_markdown(found.reason or '')}"
        )
        if found.excerpt:
            text += f"\n>>> {escape_markdown(shorten(found.excerpt, 500))}"
        await interaction.response.send_message(shorten(text, 2000), ephemeral=True)


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Mod(bot))
