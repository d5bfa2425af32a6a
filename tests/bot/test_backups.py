from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.backups import backup_name, existing_backups, rotate


def test_names_sort_by_time_and_rotation_keeps_the_newest(tmp_path: Path):
    database = tmp_path / "discussion-bot.sqlite3"
    start = dt.datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=dt.UTC)
    assert backup_name(database, start) == "discussion-bot-20260102T030405.678Z.sqlite3"
    names = [backup_name(database, start + dt.timedelta(hours=h)) for h in (0, 30, 1, 2)]
    for name in names:
        (tmp_path / name).write_text("x")
    (tmp_path / (names[0] + "-wal")).write_text("x")
    (tmp_path / "discussion-bot-manual.sqlite3").write_text("an operator's own copy")
    (tmp_path / "other-20260102T030405.678Z.sqlite3").write_text("another database's")
    removed = rotate(database, tmp_path, keep=2)
    assert [p.name for p in removed] == sorted(names)[:2]
    assert [p.name for p in existing_backups(database, tmp_path)] == sorted(names)[2:]
    left = {p.name for p in tmp_path.iterdir()}
    assert "discussion-bot-manual.sqlite3" in left and "other-20260102T030405.678Z.sqlite3" in left
    assert names[0] + "-wal" not in left


async def test_of_processes_sharing_a_database_only_the_lease_holder_backs_it_up(tmp_path: Path):
    import sqlite3

    from bot.backups import BACKUPS_LEASE, BackupScheduler
    from bot.metrics import BotMetrics
    from bot.settings import load_settings
    from tests.harness import eventually

    database = tmp_path / "bot.sqlite3"
    sqlite3.connect(database).close()
    asked: list[tuple[str, str]] = []

    def lease(holder: str, granted: bool):  # type: ignore[no-untyped-def]
        async def hold(name: str) -> bool:
            asked.append((holder, name))
            return granted

        return hold

    settings = load_settings(database_path=database, backup_every_hours=1, backup_dir=tmp_path / "b")
    holder = BackupScheduler(settings, BotMetrics(), hold_lease=lease("holder", True))
    other = BackupScheduler(settings, BotMetrics(), hold_lease=lease("other", False))
    other.start()
    holder.start()
    try:
        await eventually(lambda: len(existing_backups(database, tmp_path / "b")) == 1 and len(asked) == 2)
    finally:
        await other.stop()
        await holder.stop()
    assert sorted(asked) == [("holder", BACKUPS_LEASE), ("other", BACKUPS_LEASE)]
    assert len(existing_backups(database, tmp_path / "b")) == 1  # one backup: the other process did not write one
