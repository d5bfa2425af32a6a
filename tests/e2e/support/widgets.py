"""A test-only extension with every interaction kind: a DynamicItem button, a select, a modal, a context menu."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands


class CountButton(discord.ui.DynamicItem[discord.ui.Button], template=r"count:(?P<n>\d+)"):
    def __init__(self, n: int) -> None:
        self.n = n
        super().__init__(discord.ui.Button(label=f"Count {n}", custom_id=f"count:{n}"))

    @classmethod
    async def from_custom_id(cls, interaction, item, match):  # type: ignore[override]
        return cls(int(match["n"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"count is {self.n}", ephemeral=True)


class SuggestModal(discord.ui.Modal, title="Suggest an answer"):
    answer = discord.ui.TextInput(label="Your answer", max_length=200)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"suggested: {self.answer.value}", ephemeral=True)


class WidgetView(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=None)
        self.add_item(CountButton(7))

    @discord.ui.select(
        custom_id="pick",
        options=[discord.SelectOption(label="Alpha", value="a"), discord.SelectOption(label="Beta", value="b")],
    )
    async def pick(self, interaction: discord.Interaction, select: discord.ui.Select) -> None:
        await interaction.response.send_message(f"picked {select.values[0]}", ephemeral=True)

    @discord.ui.button(label="Suggest", custom_id="suggest")
    async def suggest(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_modal(SuggestModal())


class Widgets(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.quote = app_commands.ContextMenu(name="Quote message", callback=self.quote_message)

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(CountButton)
        self.bot.tree.add_command(self.quote)

    async def quote_message(self, interaction: discord.Interaction, message: discord.Message) -> None:
        await interaction.response.send_message(f"> {message.content}", ephemeral=True)

    @app_commands.command(name="widgets", description="Post a message with widgets.")
    async def widgets(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message("widgets", view=WidgetView())


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Widgets(bot))
