"""/update: push, edit, retract and list updates to an article's discussions (editors only).

Updates are stored first, then delivered to every thread where the article is posted in this
server by the delivery worker (bot.updates.delivery).
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.autocomplete import article_choices
from bot.checks import editor, permitted, require_guild
from bot.client import BotInteraction, DiscussionBot
from bot.errors import UserFacingError
from bot.formatting import escape_markdown, shorten
from bot.permissions import Level
from bot.responses import answer_error, send_ephemeral
from bot.updates.text import UPDATE_TEXT_LIMIT, first_words

log = logging.getLogger(__name__)

LABEL_LIMIT = 80


class UpdateTextModal(discord.ui.Modal):
    """For text with paragraphs, or longer than is comfortable in a slash-command option."""

    text: discord.ui.TextInput[UpdateTextModal] = discord.ui.TextInput(
        label="Update",
        style=discord.TextStyle.paragraph,
        max_length=UPDATE_TEXT_LIMIT,
        min_length=2,
    )

    def __init__(
        self,
        cog: Updates,
        *,
        title: str,
        slug: str | None = None,
        label: str = "Update",
        update_id: int | None = None,
        current: str | None = None,
    ) -> None:
        super().__init__(title=title)
        self.cog, self.slug, self.label, self.update_id = cog, slug, label, update_id
        if current:
            self.text.default = current

    async def interaction_check(self, interaction: BotInteraction, /) -> bool:  # type: ignore[override]
        """Checked again when the form is sent: the member may have lost the editor role meanwhile."""
        return await permitted(interaction, Level.EDITOR)

    async def on_submit(self, interaction: BotInteraction) -> None:  # type: ignore[override]
        if self.update_id is None:
            assert self.slug is not None
            await self.cog.push(interaction, self.slug, self.label, self.text.value)
        else:
            await self.cog.edit(interaction, self.update_id, self.text.value)

    async def on_error(self, interaction: BotInteraction, error: Exception, /) -> None:  # type: ignore[override]
        await answer_error(interaction, error, what="the update form")


class Updates(commands.Cog):
    """Push updates into article threads; edit or retract them; list them."""

    update = app_commands.Group(name="update", description="Updates to articles.", guild_only=True)

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot

    # -- shared actions ------------------------------------------------------------------------
    # Run by the commands below and by the form, both of which check the editor level first.
    async def push(self, interaction: BotInteraction, slug: str, label: str, text: str) -> None:
        guild = require_guild(interaction)
        update, threads = await self.bot.update_editor.push(guild.id, slug, label, text, interaction.user.id)
        where = (
            f"to {threads} thread{'s' if threads != 1 else ''}"
            if threads
            else ("and will reach the article's threads when it is posted")
        )
        await send_ephemeral(interaction, f"Update {update.id} is stored and on its way {where}.")

    async def edit(self, interaction: BotInteraction, update_id: int, text: str) -> None:
        guild = require_guild(interaction)
        edited = await self.bot.update_editor.edit(guild.id, update_id, text)
        await send_ephemeral(interaction, f"Update {edited.id} is edited; its messages follow.")

    # -- autocomplete --------------------------------------------------------------------------
    async def update_autocomplete(self, interaction: BotInteraction, current: str) -> list[app_commands.Choice[int]]:
        if interaction.guild is None:
            return []
        return [
            app_commands.Choice(name=shorten(name, 100), value=update_id)
            for update_id, name in await self.bot.update_editor.matching(interaction.guild.id, current)
        ]

    # -- commands ------------------------------------------------------------------------------
    @update.command(name="push", description="Push an update into every thread of an article in this server.")
    @app_commands.describe(
        article="The article",
        text="The update (leave empty to write it in a form, with paragraphs)",
        label='How it is headed, like "Update (4:12 PM)" (default "Update")',
    )
    @app_commands.autocomplete(article=article_choices)
    @editor()
    async def push_command(
        self,
        interaction: BotInteraction,
        article: app_commands.Range[str, 1, 200],
        text: app_commands.Range[str, 2, 4000] | None = None,
        label: app_commands.Range[str, 1, LABEL_LIMIT] = "Update",
    ) -> None:
        found = self.bot.library.find(article, interaction.guild_id)
        if found is None:
            raise UserFacingError(f"I don't know an article called {article!r}.")
        if text is None:
            await interaction.response.send_modal(
                UpdateTextModal(self, title=shorten(f"Update: {found.title}", 45), slug=found.slug, label=label)
            )
            return
        await self.push(interaction, found.slug, label, text)

    @update.command(name="edit", description="Change the text of an update; its messages are edited.")
    @app_commands.describe(update="The update", text="The new text (leave empty to edit it in a form)")
    @app_commands.autocomplete(update=update_autocomplete)
    @editor()
    async def edit_command(
        self, interaction: BotInteraction, update: int, text: app_commands.Range[str, 2, 4000] | None = None
    ) -> None:
        record = await self.bot.update_editor.own_update(require_guild(interaction).id, update)
        if text is None:
            await interaction.response.send_modal(
                UpdateTextModal(self, title=f"Edit update {record.id}", update_id=record.id, current=record.text)
            )
            return
        await self.edit(interaction, record.id, text)

    @update.command(name="retract", description="Retract an update: its messages are marked retracted, not deleted.")
    @app_commands.describe(update="The update")
    @app_commands.autocomplete(update=update_autocomplete)
    @editor()
    async def retract_command(self, interaction: BotInteraction, update: int) -> None:
        record = await self.bot.update_editor.retract(require_guild(interaction).id, update, interaction.user.id)
        await interaction.response.send_message(
            f"Update {record.id} is retracted; its messages now say so.", ephemeral=True
        )

    @update.command(name="list", description="The updates of an article, newest first.")
    @app_commands.describe(article="The article")
    @app_commands.autocomplete(article=article_choices)
    async def list_command(self, interaction: BotInteraction, article: app_commands.Range[str, 1, 200]) -> None:
        guild = require_guild(interaction)
        found = self.bot.library.find(article, interaction.guild_id)
        slug = found.slug if found else article
        updates = await self.bot.update_editor.updates_of(guild.id, slug)
        title = found.title if found else slug
        embed = discord.Embed(title=shorten(f"Updates: {title}", 256), colour=discord.Colour.orange())
        lines = []
        for update in reversed(updates):
            stamp = f"<t:{int(update.created_at.timestamp())}:f>"
            state = " · retracted" if update.retracted else " · edited" if update.edited_at else ""
            by = f" · <@{update.author_id}>" if update.author_id else f" · from {update.source}"
            lines.append(
                f"**#{update.id} {escape_markdown(update.label)}** {stamp}{by}{state}\n"
                f"{escape_markdown(first_words(update.text, 150))}"
            )
        embed.description = shorten("\n\n".join(lines), 4000) if lines else "No updates yet."
        threads = await self.bot.update_editor.threads_of(guild.id, slug)
        if threads:
            embed.set_footer(text=f"Posted in {threads} thread{'s' if threads != 1 else ''} here")
        await interaction.response.send_message(embed=embed, ephemeral=True)


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Updates(bot))
