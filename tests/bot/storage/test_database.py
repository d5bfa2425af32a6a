from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot.guild_config import defaults_from
from bot.settings import Settings
from bot.storage import Database, DatabaseError, MigrationError
from bot.storage.database import load_migrations, split_statements
from bot.storage.guild_config import load_guild_config, reset_guild_config, set_guild_config
from bot.storage.maintenance import backup_database, check_database


@pytest.fixture
async def db(tmp_path: Path):
    database = await Database.open(tmp_path / "bot.sqlite3")
    await database.migrate()
    yield database
    await database.close()


async def test_pragmas_and_schema_version(db: Database):
    assert (await db.fetch_one("PRAGMA journal_mode"))[0] == "wal"
    assert (await db.fetch_one("PRAGMA foreign_keys"))[0] == 1
    assert (await db.fetch_one("PRAGMA busy_timeout"))[0] == 5000
    assert await db.schema_version() == len(load_migrations())


async def test_migrate_is_idempotent(db: Database):
    assert await db.migrate() == []


async def test_database_newer_than_the_code_is_refused(db: Database):
    await db._connection.execute("PRAGMA user_version = 999")
    with pytest.raises(MigrationError, match="newer than this bot knows"):
        await db.migrate()


async def test_failed_migration_rolls_back_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from bot.storage import database as module

    good = module.load_migrations()
    bad = [*good, module.Migration(len(good) + 1, "broken", "CREATE TABLE fine (x);\nTHIS IS NOT SQL;")]
    monkeypatch.setattr(module, "load_migrations", lambda: bad)
    database = await Database.open(tmp_path / "x.sqlite3")
    try:
        with pytest.raises(DatabaseError, match='cannot be migrated: near "THIS": syntax error'):
            await database.migrate()
        assert await database.schema_version() == 0
        assert await database.fetch_one("SELECT name FROM sqlite_master WHERE name IN ('fine', 'guild_config')") is None
    finally:
        await database.close()


def test_split_statements_keeps_semicolons_in_strings():
    assert split_statements("INSERT INTO t VALUES ('a;b');\n-- c\nSELECT 1;") == [
        "INSERT INTO t VALUES ('a;b');",
        "-- c\nSELECT 1;",
    ]


async def test_transaction_rolls_back_on_error(db: Database):
    with pytest.raises(RuntimeError):
        async with db.transaction() as connection:
            await connection.execute("INSERT INTO bot_meta (key, value) VALUES ('k', 'v')")
            raise RuntimeError("boom")
    assert await db.fetch_one("SELECT * FROM bot_meta WHERE key = 'k'") is None


async def test_guild_config_overrides_defaults(db: Database):
    defaults = defaults_from(Settings(editor_role_id=5, chat_channel_ids=(7,)))
    config = await load_guild_config(db, 1, defaults)
    assert config.role("editor_role") == 5 and config.channels("chat_channels") == (7,)
    assert not config.overridden
    await set_guild_config(db, 1, "editor_role", 99, updated_by=3)
    await set_guild_config(db, 1, "chat_channels", [8, 9], updated_by=3)
    config = await load_guild_config(db, 1, defaults)
    assert config.role("editor_role") == 99 and config.channels("chat_channels") == (8, 9)
    assert config.overridden == {"editor_role", "chat_channels"}
    assert (await load_guild_config(db, 2, defaults)).role("editor_role") == 5  # other servers untouched
    assert await reset_guild_config(db, 1, "editor_role")
    assert not await reset_guild_config(db, 1, "editor_role")
    assert (await load_guild_config(db, 1, defaults)).role("editor_role") == 5


async def test_backup_while_writing_is_consistent(db: Database, tmp_path: Path):
    async def writer() -> None:
        for i in range(300):
            await set_guild_config(db, i, "editor_role", i, updated_by=None)

    task = asyncio.create_task(writer())
    await asyncio.sleep(0.01)
    copy = tmp_path / "backup" / "copy.sqlite3"
    pages = await asyncio.to_thread(backup_database, db.path, copy)
    await task
    assert pages > 0
    assert check_database(copy) == []
    connection = sqlite3.connect(copy)
    try:
        rows = connection.execute("SELECT guild_id, value FROM guild_config").fetchall()
        # a snapshot: every row that made it is complete and rows are a prefix of the writes
        assert all(int(value) == guild_id for guild_id, value in rows)
        assert sorted(g for g, _ in rows) == list(range(len(rows)))
    finally:
        connection.close()


def test_check_reports_corruption(tmp_path: Path):
    path = tmp_path / "broken.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    connection.commit()
    connection.close()
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 8] = b"\x07" * 8  # a leaf page of t gets an invalid page header
    path.write_bytes(bytes(data))
    assert check_database(path) != []
    assert check_database(tmp_path / "missing.sqlite3") == [f"{tmp_path / 'missing.sqlite3'}: no such database"]
