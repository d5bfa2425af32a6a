"""/update: push, edit, retract and list updates to an article's discussions (editors only).

Updates are stored first, then delivered to every thread where the article is posted in this
server by the delivery worker, which this extension starts.
"""

from __future__ import annotations

import asyncio
import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.articles.render import escape_markdown, shorten
from bot.autocomplete import article_choices
from bot.checks import editor, permitted, require_guild
from bot.client import DiscussionBot
from bot.errors import UserFacingError
from bot.permissions import Level
from bot.replies import send_ephemeral
from bot.storage import posts as post_store
from bot.storage import updates as update_store
from bot.storage.updates import UpdateRecord
from bot.updates.text import UPDATE_TEXT_LIMIT, clean_update_text, first_words, without_label

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

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Checked again when the form is sent: the member may have lost the editor role meanwhile."""
        return await permitted(interaction, Level.EDITOR)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        if self.update_id is None:
            assert self.slug is not None
            await self.cog.push(interaction, self.slug, self.label, self.text.value)
        else:
            await self.cog.edit(interaction, self.update_id, self.text.value)

    async def on_error(self, interaction: discord.Interaction, error: Exception, /) -> None:  # type: ignore[override]
        await self.cog.bot.tree.on_error(interaction, app_commands.CommandInvokeError(None, error))  # type: ignore[arg-type]


class Updates(commands.Cog):
    """Push updates into article threads; edit or retract them; list them."""

    update = app_commands.Group(name="update", description="Updates to articles.", guild_only=True)

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot
        self._starting: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        async def start_when_ready() -> None:
            await self.bot.wait_until_ready()
            await self.bot.delivery.start()

        self._starting = asyncio.create_task(start_when_ready())

    async def cog_unload(self) -> None:
        if self._starting is not None:
            self._starting.cancel()
        await self.bot.delivery.stop()

    # -- shared actions ------------------------------------------------------------------------
    # Run by the commands below and by the form, both of which check the editor level first.
    async def push(self, interaction: discord.Interaction, slug: str, label: str, text: str) -> None:
        guild = require_guild(interaction)
        label, cleaned = without_label(clean_update_text(text), label)
        if len(cleaned) < 2:
            raise UserFacingError("The update is empty. Write what changed and try again.")
        update, created = await update_store.store_update(
            self.bot.db,
            article_slug=slug,
            guild_id=guild.id,
            label=label,
            text=cleaned,
            source="admin",
            author_id=interaction.user.id,
        )
        if not created:
            raise UserFacingError(f"That update is already there (update {update.id}); nothing was sent twice.")
        threads = len(await update_store.deliveries_of_update(self.bot.db, update.id))
        self.bot.delivery.wake()
        where = (
            f"to {threads} thread{'s' if threads != 1 else ''}"
            if threads
            else ("and will reach the article's threads when it is posted")
        )
        await send_ephemeral(interaction, f"Update {update.id} is stored and on its way {where}.")

    async def edit(self, interaction: discord.Interaction, update_id: int, text: str) -> None:
        update = await self._own_update(interaction, update_id)
        _, cleaned = without_label(clean_update_text(text), update.label)  # the label stays the update's
        if len(cleaned) < 2:
            raise UserFacingError("The update is empty. Write what changed and try again.")
        try:
            edited = await update_store.edit_update(self.bot.db, update.id, cleaned)
        except update_store.DuplicateUpdate as error:
            raise UserFacingError(f"That text is already update {error.existing.id}.") from None
        self.bot.delivery.wake()
        await send_ephemeral(interaction, f"Update {edited.id} is edited; its messages follow.")

    async def _own_update(self, interaction: discord.Interaction, update_id: int) -> UpdateRecord:
        guild = require_guild(interaction)
        update = await update_store.get_update(self.bot.db, update_id)
        if update is None or update.guild_id not in (None, guild.id):
            raise UserFacingError(f"There is no update {update_id} in this server.")
        if update.guild_id is None:
            raise UserFacingError(
                f"Update {update_id} comes from the article's {update.source} source; change it there."
            )
        if update.retracted:
            raise UserFacingError(f"Update {update_id} is retracted.")
        return update

    # -- autocomplete --------------------------------------------------------------------------
    async def update_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[int]]:
        if interaction.guild is None:
            return []
        rows = await self.bot.db.fetch_all(
            "SELECT id FROM updates WHERE guild_id = ? AND retracted_at IS NULL ORDER BY id DESC LIMIT 100",
            (interaction.guild.id,),
        )
        choices = []
        for row in rows:
            update = await update_store.get_update(self.bot.db, int(row["id"]))
            if update is None:
                continue
            name = f"#{update.id} {update.article_slug}: {first_words(update.text, 60)}"
            if current.casefold() in name.casefold():
                choices.append(app_commands.Choice(name=shorten(name, 100), value=update.id))
        return choices[:25]

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
        interaction: discord.Interaction,
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
        self, interaction: discord.Interaction, update: int, text: app_commands.Range[str, 2, 4000] | None = None
    ) -> None:
        record = await self._own_update(interaction, update)
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
    async def retract_command(self, interaction: discord.Interaction, update: int) -> None:
        record = await self._own_update(interaction, update)
        await update_store.retract_update(self.bot.db, record.id, interaction.user.id)
        self.bot.delivery.wake()
        await interaction.response.send_message(
            f"Update {record.id} is retracted; its messages now say so.", ephemeral=True
        )

    @update.command(name="list", description="The updates of an article, newest first.")
    @app_commands.describe(article="The article")
    @app_commands.autocomplete(article=article_choices)
    async def list_command(self, interaction: discord.Interaction, article: app_commands.Range[str, 1, 200]) -> None:
        guild = require_guild(interaction)
        found = self.bot.library.find(article, interaction.guild_id)
        slug = found.slug if found else article
        updates = await update_store.updates_of_article(self.bot.db, slug, guild.id)
        title = found.title if found else slug
        embed = discord.Embed(title=shorten(f"Updates: {title}", 256), colour=discord.Colour.orange())
        lines = []
        for update in reversed(updates):
            stamp = f"<t:{int(update.created().timestamp())}:f>"
            state = " · retracted" if update.retracted else " · edited" if update.edited_at else ""
            by = f" · <@{update.author_id}>" if update.author_id else f" · from {update.source}"
            lines.append(
                f"**#{update.id} {escape_markdown(update.label)}** {stamp}{by}{state}\n"
                f"{escape_markdown(first_words(update.text, 150))}"
            )
        embed.description = shorten("\n\n".join(lines), 4000) if lines else "No updates yet."
        posts = [p for p in await post_store.posts_of_article(self.bot.db, guild.id, slug) if p.thread_id]
        if posts:
            embed.set_footer(text=f"Posted in {len(posts)} thread{'s' if len(posts) != 1 else ''} here")
        await interaction.response.send_message(embed=embed, ephemeral=True)


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Updates(bot))
