from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.storage import Database
from bot.storage import updates as update_store
from bot.updates.seed_sync import SeedSync

ARTICLE = "Title\n\nBody.\n\nExit question: Why?\n\nUpdate: first.\n"

NOT_REGULAR = "is a FIFO (named pipe), not a regular file; only regular files are read"


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


async def test_a_fifo_is_skipped_with_one_log_line_and_files_are_parsed_off_the_event_loop(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    import threading

    import bot.updates.seed_sync as seed_sync_module

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    touch(seeds / "a.txt", ARTICLE, 1)
    os.mkfifo(seeds / "stuck.txt")  # opening it to read would block until a writer comes: never opened
    parsed_in: list[str] = []
    real_parse = seed_sync_module.parse_article_file

    def recording_parse(path):  # type: ignore[no-untyped-def]
        parsed_in.append(threading.current_thread().name)
        return real_parse(path)

    monkeypatch.setattr(seed_sync_module, "parse_article_file", recording_parse)
    sync = SeedSync(db, seeds, settle_seconds=0)
    assert (await sync.scan()).new_updates == 1
    await sync.scan()
    assert parsed_in and threading.main_thread().name not in parsed_in
    skipped = [r.getMessage() for r in caplog.records if "stuck.txt" in r.getMessage()]
    assert skipped == [f"Seed file skipped: {seeds / 'stuck.txt'}: {NOT_REGULAR}"]


async def test_an_update_after_the_trailer_is_logged_as_ignored(
    db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = "Title\n\nBody.\n\nUpdate: first.\n\nTrending on Hotair Video\nSomeone 3:31 PM\n\nUpdate: appended late.\n"
    touch(seeds / "a.txt", text, 1)
    sync = SeedSync(db, seeds, settle_seconds=0)
    await sync.scan()
    await sync.scan()
    assert [u.text for u in await update_store.updates_of_article(db, "a", None)] == ["first."]
    ignored = [r for r in caplog.records if "appended late" in r.getMessage()]
    assert len(ignored) == 1 and "line 10" in ignored[0].getMessage() and "trailer" in ignored[0].getMessage()


async def test_the_library_reads_files_off_the_event_loop_and_skips_a_fifo(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    from bot.articles.library import ArticleLibrary

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    touch(seeds / "a.txt", ARTICLE, 1)
    os.mkfifo(seeds / "stuck.txt")
    library = ArticleLibrary(seeds)
    await library.refresh()
    await library.refresh()
    assert [a.slug for a in library.articles()] == ["a"] and library.find("a") is not None
    assert len([r for r in caplog.records if "stuck.txt" in r.getMessage()]) == 1
    touch(seeds / "b.txt", ARTICLE, 2)
    assert [a.slug for a in library.articles()] == ["a"]  # the accessors read memory only
    await library.refresh()
    assert [a.slug for a in library.articles()] == ["a", "b"]


async def test_the_log_numbers_an_update_as_its_message_does(
    db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    """The log said "New update 3 … from its seed file" (its place in the file) while the thread
    showed "Update 4" (the update's number, which /update also uses): one numbering, the update's."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    sync = SeedSync(db, seeds, settle_seconds=0)
    touch(seeds / "a.txt", ARTICLE, 1)  # another article's update takes number 1
    await sync.scan()
    touch(seeds / "b.txt", ARTICLE + "\nUpdate: second.\n", 2)
    caplog.set_level("INFO", logger="bot.updates.seed_sync")
    await sync.scan()
    await sync.scan()  # taken once it has settled
    [_, second] = await update_store.updates_of_article(db, "b", None)
    assert second.id == 3
    assert "New update 3 of b, from update paragraph 2 of its seed file" in caplog.text
    caplog.clear()
    touch(seeds / "b.txt", ARTICLE + "\nUpdate: second, reworded.\n", 3)
    await sync.scan()
    await sync.scan()
    assert "Update 3 of b was reworded in its seed file (update paragraph 2)" in caplog.text
