"""A test-only extension whose command sends a message as long as asked: Discord must refuse it."""

import discord
from discord import app_commands
from discord.ext import commands


class Echo(commands.Cog):
    @app_commands.command(name="echo", description="Repeat a word in this channel.")
    async def echo(self, interaction: discord.Interaction, word: str, times: int) -> None:
        assert isinstance(interaction.channel, discord.abc.Messageable)
        await interaction.channel.send(" ".join([word] * times))  # over 2000 characters → 400 from Discord
        await interaction.response.send_message("sent", ephemeral=True)

    @commands.command(name="boom")
    async def boom(self, ctx: commands.Context) -> None:
        raise RuntimeError("a bug in a prefix command")

    @commands.command(name="needsarg")
    async def needsarg(self, ctx: commands.Context, count: int) -> None:
        await ctx.send(str(count))


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Echo())
