"""Editors' updates: stored once and handed to delivery; only a server's own, live updates can change."""

from __future__ import annotations

import pytest

from bot.errors import UserFacingError
from bot.storage import Database
from bot.storage import updates as update_store
from bot.updates.editor import UpdateEditor


@pytest.fixture
def woken() -> list[str]:
    return []


@pytest.fixture
def editor(db: Database, woken: list[str]) -> UpdateEditor:
    return UpdateEditor(db, wake_delivery=lambda: woken.append("wake"))


async def test_an_update_is_stored_once_and_delivery_woken(editor: UpdateEditor, woken: list[str]) -> None:
    update, threads = await editor.push(1, "article", "Update", "  The  vote is\n\nclosed.  ", author_id=7)
    assert update.text == "The vote is\n\nclosed." and update.author_id == 7
    assert threads == 0  # not posted anywhere yet
    assert woken == ["wake"]
    with pytest.raises(UserFacingError, match=f"already there \\(update {update.id}\\)"):
        await editor.push(1, "article", "Update", "The vote is\n\nclosed.", author_id=7)
    assert woken == ["wake"]  # nothing new to send
    with pytest.raises(UserFacingError, match="empty"):
        await editor.push(1, "article", "Update", " \n ", author_id=7)


async def test_only_the_servers_own_live_updates_change(editor: UpdateEditor, db: Database) -> None:
    own, _ = await editor.push(1, "article", "Update", "First news.", author_id=7)
    seed, _ = await update_store.store_update(
        db, article_slug="article", guild_id=None, label="Update", text="From the file.", source="seed"
    )
    with pytest.raises(UserFacingError, match="no update"):
        await editor.own_update(2, own.id)  # another server's
    with pytest.raises(UserFacingError, match="seed source"):
        await editor.edit(1, seed.id, "Changed.")
    edited = await editor.edit(1, own.id, "First news, corrected.")
    assert edited.text == "First news, corrected." and edited.revision == own.revision + 1
    await editor.retract(1, own.id, by=7)
    with pytest.raises(UserFacingError, match="retracted"):
        await editor.retract(1, own.id, by=7)
    assert [u.id for u in await editor.updates_of(1, "article")] == [own.id, seed.id]
