from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import asyncpg
import pytest

from bot.storage import Database, DatabaseError, MigrationError
from bot.storage.admin import backup, check
from bot.storage.database import Migration, as_url, load_migrations, split_statements
from bot.storage.dialect import split_script
from bot.storage.maintenance import check_database
from bot.storage.posts import create_post
from bot.storage.server_settings import remove_setting, store_setting, stored_settings
from bot.storage.votes import PollVote, apply_poll_votes
from tests.conftest import NewDatabase


async def test_engine_settings_and_schema_version(db: Database, engine: str):
    if engine == "sqlite":
        connection = db.engine._connection  # type: ignore[attr-defined]
        assert (await connection.execute_fetchall("PRAGMA journal_mode"))[0][0] == "wal"
        assert (await connection.execute_fetchall("PRAGMA foreign_keys"))[0][0] == 1
        assert (await connection.execute_fetchall("PRAGMA busy_timeout"))[0][0] == 5000
    else:
        # Discord ids need 64 bits; ids the tables give out are identities; text compares by bytes, as in SQLite.
        types = {
            (r[0], r[1]): (r[2], r[3], r[4])
            for r in await db.fetch_all(
                "SELECT table_name, column_name, data_type, is_identity, collation_name "
                "FROM information_schema.columns WHERE table_schema = current_schema()"
            )
        }
        assert types[("article_posts", "id")][:2] == ("bigint", "YES")
        assert types[("article_posts", "thread_id")][:2] == ("bigint", "NO")
        assert types[("guild_config", "guild_id")][0] == "bigint"
        assert types[("updates", "text")] == ("text", "NO", "C")
        assert not [k for k, v in types.items() if v[0] == "integer"], "a 32-bit column would overflow on an id"
    assert await db.schema_version() == len(load_migrations())


async def test_migrate_is_idempotent(db: Database):
    assert await db.migrate() == []


async def test_database_newer_than_the_code_is_refused(db: Database):
    async with db.transaction() as tx:
        await db.engine.set_schema_version(tx, 999)
    with pytest.raises(MigrationError, match="newer than this bot knows"):
        await db.migrate()


async def test_failed_migration_rolls_back_everything(new_database: NewDatabase, monkeypatch: pytest.MonkeyPatch):
    from bot.storage import database as module

    good = module.load_migrations()
    bad = [*good, Migration(len(good) + 1, "broken", "CREATE TABLE fine (x INTEGER);\nTHIS IS NOT SQL;")]
    monkeypatch.setattr(module, "load_migrations", lambda: bad)
    database = await Database.open(await new_database())
    try:
        with pytest.raises(
            DatabaseError, match=r'cannot be migrated: (near "THIS": syntax error|syntax error at or near "THIS")'
        ):
            await database.migrate()
        assert await database.schema_version() == 0
        assert await database.engine.table_names() == []
    finally:
        await database.close()


async def test_two_processes_migrating_at_once_apply_each_step_once(new_database: NewDatabase):
    url = await new_database()
    first, second = await Database.open(url), await Database.open(url)
    try:
        applied = await asyncio.gather(first.migrate(), second.migrate())
        assert sorted(applied, key=len) == [[], list(range(1, len(load_migrations()) + 1))]
    finally:
        await first.close()
        await second.close()


def test_scripts_split_into_statements_with_semicolons_kept_in_strings_and_bodies(engine: str):
    if engine == "sqlite":
        assert split_statements("INSERT INTO t VALUES ('a;b');\n-- c\nSELECT 1;") == [
            "INSERT INTO t VALUES ('a;b');",
            "-- c\nSELECT 1;",
        ]
    else:
        body = "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;"
        statements = split_script(f"INSERT INTO t VALUES ('a;b');\n{body}\n-- c\nSELECT 1;")
        assert ["".join(t.text for t in s).strip() for s in statements] == [
            "INSERT INTO t VALUES ('a;b');",
            body,
            "-- c\nSELECT 1;",
        ]


async def test_transaction_rolls_back_on_error(db: Database):
    with pytest.raises(RuntimeError):
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO bot_meta (key, value) VALUES ('k', 'v')")
            raise RuntimeError("boom")
    assert await db.fetch_one("SELECT * FROM bot_meta WHERE key = 'k'") is None


async def test_server_settings_are_kept_as_set(db: Database):
    assert await stored_settings(db, 1) == {}
    await store_setting(db, 1, "editor_role", 99, updated_by=3)
    await store_setting(db, 1, "chat_channels", [8, 9], updated_by=3)
    await store_setting(db, 1, "editor_role", 98, updated_by=3)  # set again: replaced
    assert await stored_settings(db, 1) == {"editor_role": 98, "chat_channels": [8, 9]}
    assert await stored_settings(db, 2) == {}  # other servers untouched
    assert await remove_setting(db, 1, "editor_role")
    assert not await remove_setting(db, 1, "editor_role")
    assert await stored_settings(db, 1) == {"chat_channels": [8, 9]}


async def test_backup_while_writing_is_consistent(db: Database, engine: str, tmp_path: Path, request):
    async def writer() -> None:
        for i in range(300):
            await store_setting(db, i, "editor_role", i, updated_by=None)

    task = asyncio.create_task(writer())
    await asyncio.sleep(0.01)
    copy = tmp_path / "backup" / ("copy.sqlite3" if engine == "sqlite" else "copy.dump")
    line = await backup(db.url, copy)
    await task
    assert copy.exists() and str(copy) in line
    if engine == "sqlite":
        restored_url = f"sqlite:///{copy}"
    else:  # into an empty database: pg_restore brings the schema and the rows
        cluster = request.getfixturevalue("postgres_cluster")
        name = await cluster.create_database(migrated=False)
        cluster.restore(copy, name)
        restored_url = cluster.dsn(name)
    assert (await check(as_url(restored_url))).problems == []
    restored = await Database.open(restored_url)
    try:
        rows = await restored.fetch_all("SELECT guild_id, value FROM guild_config")
        # a snapshot: every row that made it is complete and rows are a prefix of the writes
        assert rows and all(int(value) == guild_id for guild_id, value in rows)
        assert sorted(g for g, _ in rows) == list(range(len(rows)))
        assert await restored.schema_version() == len(load_migrations())
    finally:
        await restored.close()


def test_sqlite_check_reports_a_damaged_file(tmp_path: Path, engine: str):
    if engine == "postgresql":  # PostgreSQL's counterpart: test_check_reports_invalid_indexes_and_constraints
        return
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


async def test_check_reports_counts_that_drifted_from_the_votes(db: Database):
    post = await create_post(
        db,
        guild_id=1,
        channel_id=2,
        article_slug="s",
        article_title="t",
        exit_question="q",
        vote_mode="poll",
        duration_hours=24,
        posted_by=3,
        poll_options=["A", "B"],
    )
    await apply_poll_votes(db, [PollVote(True, post.id, 1, u) for u in range(5)])
    assert (await check(db.url)).problems == []
    await db.execute("UPDATE poll_options SET votes = votes + 2 WHERE post_id = ? AND answer_id = 1", (post.id,))
    assert (await check(db.url)).problems == [f"poll_options: post {post.id} answer 1 counts 7 votes but has 5"]


async def test_check_reports_invalid_indexes_and_constraints(db: Database, engine: str, postgres_cluster):
    if engine == "sqlite":  # SQLite's counterpart: test_sqlite_check_reports_a_damaged_file
        return
    result = await check(db.url)
    assert result.problems == [] and result.notes == []  # amcheck is installed in the test databases
    await db.execute("INSERT INTO bot_meta (key, value) VALUES ('a', 'same'), ('b', 'same')")
    connection = await asyncpg.connect(db.url.dsn)
    try:
        with pytest.raises(asyncpg.UniqueViolationError):  # leaves the index behind, marked invalid
            await connection.execute("CREATE UNIQUE INDEX CONCURRENTLY meta_values ON bot_meta (value)")
        await connection.execute("ALTER TABLE bot_meta ADD CONSTRAINT short CHECK (length(value) < 3) NOT VALID")
    finally:
        await connection.close()
    problems = (await check(db.url)).problems
    assert problems == [
        "index meta_values is invalid (an interrupted CREATE INDEX?): REINDEX INDEX meta_values",
        "constraint short on bot_meta was never validated: ALTER TABLE bot_meta VALIDATE CONSTRAINT short",
    ]
    postgres_cluster.admin_sql("DROP EXTENSION amcheck", database=db.url.dsn.rsplit("/", 1)[1])
    assert "amcheck is not installed" in (await check(db.url)).notes[0]


async def test_closing_does_not_wait_for_ever_on_a_connection_in_use(database_url: str, engine: str, monkeypatch):
    if engine == "postgresql":
        from bot.storage import postgres_engine

        monkeypatch.setattr(postgres_engine, "CLOSE_SECONDS", 0.5)
    db = await Database.open(database_url)
    await db.migrate()
    held = asyncio.Event()

    async def stuck() -> None:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO bot_meta (key, value) VALUES ('stuck', 'x')")
            held.set()
            await asyncio.Event().wait()  # a task that never lets its transaction go

    task = asyncio.create_task(stuck())
    await held.wait()
    if engine == "postgresql":
        await asyncio.wait_for(db.close(), 10)  # the hang guard: the pool's own close would wait for ever
    task.cancel()
    with pytest.raises((asyncio.CancelledError, Exception)):
        await task
    if engine == "sqlite":
        await db.close()
    reopened = await Database.open(database_url)
    try:
        assert await reopened.fetch_value("SELECT value FROM bot_meta WHERE key = 'stuck'") is None  # rolled back
    finally:
        await reopened.close()
