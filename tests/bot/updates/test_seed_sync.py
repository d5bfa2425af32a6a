from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.storage import Database
from bot.storage import updates as update_store
from bot.updates.seed_sync import SeedSync

ARTICLE = "Title\n\nBody.\n\nExit question: Why?\n\nUpdate: first.\n"


@pytest.fixture
async def db(tmp_path: Path):
    database = await Database.open(tmp_path / "bot.sqlite3")
    await database.migrate()
    yield database
    await database.close()


def touch(path: Path, text: str, tick: int) -> None:
    path.write_text(text)
    os.utime(path, ns=(tick * 10**9, tick * 10**9))


async def test_waits_for_a_file_to_settle_and_ignores_unparsable_ones(db: Database, tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    new_articles = []

    async def on_new(article) -> None:
        new_articles.append(article.slug)

    sync = SeedSync(db, seeds, settle_seconds=0, on_new_article=on_new)
    touch(seeds / "a.txt", ARTICLE, 1)
    first = await sync.scan()  # the first scan takes what is there, as a baseline: nothing is "new"
    assert first.new_updates == 1 and first.new_articles == [] and new_articles == []
    touch(seeds / "a.txt", ARTICLE + "\nUpdate: second.\n", 2)
    assert (await sync.scan()).new_updates == 0  # changed since last look: maybe still being written
    assert (await sync.scan()).new_updates == 1
    touch(seeds / "a.txt", "", 3)  # truncated mid-write
    await sync.scan()
    assert (await sync.scan()).new_updates == 0
    touch(seeds / "a.txt", ARTICLE + "\nUpdate: second, reworded.\n", 4)
    await sync.scan()
    assert (await sync.scan()).edited_updates == 1
    touch(seeds / "b.txt", ARTICLE, 5)
    await sync.scan()
    report = await sync.scan()
    assert [a.slug for a in report.new_articles] == ["b"] and new_articles == ["b"]
    texts = [u.text for u in await update_store.updates_of_article(db, "a", None)]
    assert texts == ["first.", "second, reworded."]
