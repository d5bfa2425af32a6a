"""/about: the bot's version, uptime, gateway latency and database size."""

from __future__ import annotations

import logging
import math
import time

import discord
from discord import app_commands
from discord.ext import commands

from bot import __version__
from bot.client import BotInteraction, DiscussionBot

log = logging.getLogger(__name__)


def format_duration(seconds: float) -> str:
    seconds = int(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{days}d"] if days else []
    if hours or days:
        parts.append(f"{hours}h")
    if minutes or hours or days:
        parts.append(f"{minutes}m")
    parts.append(f"{secs}s")
    return " ".join(parts)


def format_bytes(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


class About(commands.Cog):
    """Shows that the bot is alive: version, uptime, latency and database size."""

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot

    @app_commands.command(name="about", description="Version, uptime, latency and database size of this bot.")
    async def about(self, interaction: BotInteraction) -> None:
        latency = self.bot.latency
        latency_text = "measuring…" if math.isnan(latency) or math.isinf(latency) else f"{latency * 1000:.0f} ms"
        embed = discord.Embed(
            title="Discussion bot",
            description="Turns articles into moderated discussion threads, with a vote on the exit question.",
            colour=discord.Colour.blurple(),
        )
        embed.add_field(name="Version", value=__version__)
        embed.add_field(name="Uptime", value=format_duration(time.monotonic() - self.bot.started_at))
        embed.add_field(name="Gateway latency", value=latency_text)
        embed.add_field(name="Database", value=format_bytes(await self.bot.operations.database_bytes()))
        embed.add_field(name="Servers", value=str(len(self.bot.guilds)))
        if self.bot.failed_extensions:
            embed.add_field(
                name="Extensions that failed to load",
                value="\n".join(sorted(self.bot.failed_extensions))[:1024],
                inline=False,
            )
        await interaction.response.send_message(embed=embed, ephemeral=True)


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(About(bot))
