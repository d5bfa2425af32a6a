"""Editors' updates to an article (`/update push|edit|retract|list`): each change stored first, then
handed to delivery, which sends it into every thread where the article is posted in the server and
keeps the sent messages in step."""

from __future__ import annotations

from collections.abc import Callable

from bot.errors import UserFacingError
from bot.storage import posts as post_store
from bot.storage import updates as update_store
from bot.storage.database import Database
from bot.storage.updates import UpdateRecord
from bot.updates.text import clean_update_text, first_words, without_label


class UpdateEditor:
    def __init__(self, db: Database, *, wake_delivery: Callable[[], None]) -> None:
        self.db = db
        self.wake_delivery = wake_delivery  # the outbox has new rows

    async def push(self, guild_id: int, slug: str, label: str, text: str, author_id: int) -> tuple[UpdateRecord, int]:
        """Store the update once and queue it; (the update, the number of threads it goes to). The
        same text again is a UserFacingError: nothing is sent twice. A label the text opens with
        ("Update:", as in a seed file) is dropped from it (see without_label)."""
        label, cleaned = without_label(clean_update_text(text), label)
        if len(cleaned) < 2:
            raise UserFacingError("The update is empty. Write what changed and try again.")
        update, created = await update_store.store_update(
            self.db,
            article_slug=slug,
            guild_id=guild_id,
            label=label,
            text=cleaned,
            source="admin",
            author_id=author_id,
        )
        if not created:
            raise UserFacingError(f"That update is already there (update {update.id}); nothing was sent twice.")
        threads = len(await update_store.deliveries_of_update(self.db, update.id))
        self.wake_delivery()
        return update, threads

    async def own_update(self, guild_id: int, update_id: int) -> UpdateRecord:
        """An update this server's editors may change: theirs, not retracted. A UserFacingError otherwise."""
        update = await update_store.get_update(self.db, update_id)
        if update is None or update.guild_id not in (None, guild_id):
            raise UserFacingError(f"There is no update {update_id} in this server.")
        if update.guild_id is None:
            raise UserFacingError(
                f"Update {update_id} comes from the article's {update.source} source; change it there."
            )
        if update.retracted:
            raise UserFacingError(f"Update {update_id} is retracted.")
        return update

    async def edit(self, guild_id: int, update_id: int, text: str) -> UpdateRecord:
        update = await self.own_update(guild_id, update_id)
        _, cleaned = without_label(clean_update_text(text), update.label)  # the label stays the update's
        if len(cleaned) < 2:
            raise UserFacingError("The update is empty. Write what changed and try again.")
        try:
            edited = await update_store.edit_update(self.db, update.id, cleaned)
        except update_store.DuplicateUpdate as error:
            raise UserFacingError(f"That text is already update {error.existing.id}.") from None
        self.wake_delivery()
        return edited

    async def retract(self, guild_id: int, update_id: int, by: int) -> UpdateRecord:
        """The update's messages are edited to say it is retracted (not deleted); unsent ones never go."""
        update = await self.own_update(guild_id, update_id)
        await update_store.retract_update(self.db, update.id, by)
        self.wake_delivery()
        return update

    async def matching(self, guild_id: int, typed: str) -> list[tuple[int, str]]:
        """The server's own live updates whose name ("#12 slug: first words") contains what was typed,
        newest first, for autocomplete: (id, name), at most 25."""
        found = []
        for update in await update_store.live_updates_of_guild(self.db, guild_id):
            name = f"#{update.id} {update.article_slug}: {first_words(update.text, 60)}"
            if typed.casefold() in name.casefold():
                found.append((update.id, name))
        return found[:25]

    async def updates_of(self, guild_id: int, slug: str) -> list[UpdateRecord]:
        """The updates the server sees for the article, oldest first."""
        return await update_store.updates_of_article(self.db, slug, guild_id)

    async def threads_of(self, guild_id: int, slug: str) -> int:
        """How many threads the article is posted in, in the server."""
        return len([p for p in await post_store.posts_of_article(self.db, guild_id, slug) if p.thread_id])
