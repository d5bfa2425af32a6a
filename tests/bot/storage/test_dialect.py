"""The portable subset: each query text is translated for its engine and means the same on both."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.storage import Database, MigrationError
from bot.storage.database import SQL_NOW, load_migrations, sql_time
from bot.storage.dialect import NonPortableSql, postgres_migration, translate
from bot.storage.rows import Row


def test_placeholders_are_numbered_once_and_strings_and_comments_are_left_alone(engine: str):
    sql = "SELECT '?', \"a?\", ? -- why?\n FROM t WHERE x = ? AND y = '??'"
    translated = translate(sql, engine).sql  # type: ignore[arg-type]
    if engine == "postgresql":
        assert translated == "SELECT '?', \"a?\", $1 -- why?\n FROM t WHERE x = $2 AND y = '??'"
        assert translate("SELECT ?2, ?1, ?2", "postgresql").sql == "SELECT $2, $1, $2"
    else:
        assert translated == sql
    with pytest.raises(NonPortableSql, match="not both"):
        translate("SELECT ?, ?1", engine)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sql", "says"),
    [
        ("INSERT OR IGNORE INTO t VALUES (1)", "ON CONFLICT"),
        ("REPLACE INTO t VALUES (1)", "ON CONFLICT"),
        ("SELECT strftime('%s', 'now')", "SQL_NOW"),
        ("SELECT datetime('now')", "sql_time"),
        ("SELECT * FROM t WHERE ? IS NULL", "CAST"),
        ("SELECT * FROM t WHERE x = COALESCE(?, 0)", "CAST"),
        ("SELECT IFNULL(?1, 0)", "CAST"),
        ("SELECT x::text FROM t", "CAST"),
        ("SELECT group_concat(x) FROM t", "Python"),
        ("SELECT now()", "SQL_NOW"),
        ("PRAGMA user_version", "one engine"),
        ("SELECT {rows}", "execute_rows"),
    ],
)
def test_what_only_one_engine_understands_is_refused_on_both(engine: str, sql: str, says: str):
    with pytest.raises(NonPortableSql, match=re.escape(says)):
        translate(sql, engine)  # type: ignore[arg-type]


async def test_now_is_the_same_text_as_sql_time_on_both(db: Database):
    before = sql_time(dt.datetime.now(dt.UTC))
    async with db.transaction() as tx:
        first = await tx.fetch_value(f"SELECT {SQL_NOW}")
        await tx.execute(f"INSERT INTO bot_meta (key, value) VALUES ('t', {SQL_NOW})")
    after = sql_time(dt.datetime.now(dt.UTC))
    stored = await db.fetch_value("SELECT value FROM bot_meta WHERE key = 't'")
    for value in (first, stored):
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", value)
        assert before <= value <= after  # the same shape compares as the same time


async def test_text_compares_by_bytes_on_both(db: Database):
    keys = ["b", "B", "a", "_", "é", "z", "Z", "10", "9", "ä", "A b"]
    async with db.transaction() as tx:
        await tx.execute_many("INSERT INTO bot_meta (key, value) VALUES (?, ?)", [(k, k) for k in keys])
    ordered = [r[0] for r in await db.fetch_all("SELECT key FROM bot_meta ORDER BY key")]
    assert ordered == sorted(keys, key=lambda k: k.encode())
    assert await db.fetch_value("SELECT COUNT(*) FROM bot_meta WHERE key > ?", ("Z",)) == sum(k > "Z" for k in keys)


async def test_rows_read_the_same_on_both(db: Database):
    async with db.transaction() as tx:
        await tx.execute("INSERT INTO bot_meta (key, value) VALUES ('k', 'v')")
    row = await db.fetch_one("SELECT key, value AS Val, COUNT(*) AS n FROM bot_meta GROUP BY key, value")
    assert isinstance(row, Row)
    assert row.keys() == ["key", "val", "n"]  # lower case on both
    assert (row["key"], row[1], row["n"], tuple(row), dict(row)) == ("k", "v", 1, ("k", "v", 1), row.as_dict())
    with pytest.raises(KeyError):
        row["missing"]
    assert await db.fetch_one("SELECT key FROM bot_meta WHERE key = 'none'") is None
    assert await db.fetch_value("SELECT key FROM bot_meta WHERE key = 'none'") is None


async def test_sums_and_averages_are_python_numbers_on_both(db: Database):
    total, mean, big = tuple(
        await db.fetch_one(
            "SELECT SUM(x), AVG(x), SUM(y) FROM (SELECT 1 AS x, 9000000000000000000 AS y UNION ALL SELECT 2, 1) AS t"
        )
    )
    assert (total, mean, big) == (3, 1.5, 9000000000000000001)
    assert type(total) is int and type(mean) is float


async def test_a_statement_over_many_rows(db: Database):
    columns = (("key", "TEXT"), ("value", "TEXT"))
    rows = [(f"k{i}", "é ünïcode \"quoted\" 'single' \\ back") for i in range(2000)] + [("none", None)]
    async with db.transaction() as tx:
        assert (
            await tx.execute_rows(
                "INSERT INTO bot_meta (key, value) SELECT r.key, COALESCE(r.value, ?) FROM {rows} AS r "
                "WHERE r.key <> ?",
                rows,
                columns,
                ("was null", "k7"),
            )
            == 2000
        )
        assert (
            await tx.execute_rows("DELETE FROM bot_meta WHERE key IN (SELECT key FROM {rows} AS r)", [], columns) == 0
        )
    assert await db.fetch_value("SELECT value FROM bot_meta WHERE key = 'k1'") == rows[1][1]
    assert await db.fetch_value("SELECT value FROM bot_meta WHERE key = 'none'") == "was null"
    big = [(2**63 - 1,), (-(2**62),), (1_180_000_000_000_000_001,)]  # 64-bit ids go through whole
    async with db.transaction() as tx:
        await tx.execute_rows(
            "INSERT INTO guild_config (guild_id, key, value) SELECT r.id, 'k', 'v' FROM {rows} AS r",
            big,
            (("id", "BIGINT"),),
        )
    ordered = [r[0] for r in await db.fetch_all("SELECT guild_id FROM guild_config ORDER BY guild_id")]
    assert ordered == sorted(v for (v,) in big)


async def test_claims_skip_locked_rows_on_postgresql_and_run_on_sqlite(db: Database, database_url: str, engine: str):
    async with db.transaction() as tx:
        await tx.execute_many("INSERT INTO bot_meta (key, value) VALUES (?, 'free')", [("a",), ("b",)])
    query = "SELECT key FROM bot_meta WHERE value = 'free' ORDER BY key LIMIT 1 FOR UPDATE SKIP LOCKED"
    assert "FOR UPDATE" not in translate(query, "sqlite").sql
    async with db.transaction() as first:
        assert await first.fetch_value(query) == "a"
        if engine == "postgresql":  # a second process does not wait for the first: it takes the next row
            other = await Database.open(database_url)
            try:
                async with other.transaction() as second:
                    assert await second.fetch_value(query) == "b"
            finally:
                await other.close()


async def test_reads_refuse_writes(db: Database):
    with pytest.raises(NonPortableSql, match="transaction"):
        await db.fetch_value("INSERT INTO bot_meta (key, value) VALUES ('k', 'v') RETURNING key")
    async with db.transaction() as tx:
        assert await tx.fetch_value("INSERT INTO bot_meta (key, value) VALUES ('k', 'v') RETURNING key") == "k"


def test_migrations_translate_for_postgresql_with_nothing_of_sqlite_left(engine: str):
    for migration in load_migrations():
        script = migration.script(engine)  # type: ignore[arg-type]
        if engine == "postgresql":
            for word in ("strftime", "IFNULL", "WITHOUT ROWID", "INTEGER"):
                assert word not in script, (migration.name, word)
            assert not re.search(r"ON \w+ BEGIN", script), migration.name  # a SQLite trigger
        else:
            assert "COLLATE" not in script and "plpgsql" not in script
    translated = postgres_migration(
        "CREATE TABLE t (\n  id INTEGER PRIMARY KEY,\n  text TEXT NOT NULL, -- a column named text\n"
        "  n INTEGER CHECK (n IN (1, 2)),\n  r REAL,\n  UNIQUE (text, n)\n) WITHOUT ROWID;\n"
        "ALTER TABLE t ADD COLUMN at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));"
    )
    assert "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" in translated
    assert 'text TEXT COLLATE "C" NOT NULL' in translated
    assert "n BIGINT CHECK (n IN (1, 2))" in translated and "r DOUBLE PRECISION" in translated
    assert "ROWID" not in translated and "statement_timestamp()" in translated


@pytest.mark.parametrize(
    ("files", "says"),
    [
        ({"0001_a.sql": "SELECT 1;", "0001_a.sqlite.sql": "SELECT 1;"}, "no .postgresql.sql"),
        ({"0001_a.sql": "SELECT 1;", "0003_c.sql": "SELECT 1;"}, "without gaps"),
        ({"0001_a.sql": "SELECT 1;", "0001_b.postgresql.sql": "", "0001_b.sqlite.sql": ""}, "two names"),
        ({"0001_a.sql": "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;"}, "triggers differ"),
        ({"0001_a.sql": "INSERT OR IGNORE INTO t VALUES (1);"}, "ON CONFLICT"),
    ],
)
def test_one_list_of_migrations_that_cannot_drift(tmp_path: Path, files: dict[str, str], says: str, engine: str):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    with pytest.raises(MigrationError, match=re.escape(says)):
        load_migrations(tmp_path)
