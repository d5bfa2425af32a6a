"""SQLite: one aiosqlite connection in autocommit mode, writers queued on a lock, BEGIN IMMEDIATE."""

from __future__ import annotations

import asyncio
import functools
import json
import os
import sqlite3
import stat
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from bot.database_url import DatabaseUrl
from bot.storage.dialect import translate
from bot.storage.engine import Columns, DatabaseError, Engine, MigrationError, Transaction, UniqueViolation
from bot.storage.rows import Row, column_index

BUSY_TIMEOUT_MS = 5000
# RETURNING (3.35) is part of the portable subset.
MINIMUM_VERSION = (3, 35, 0)


# SQLite's words for a failure → what it means for the operator.
_CAUSES = (
    ("file is not a database", "is not a database SQLite can read (another kind of file, or damaged)"),
    ("malformed", "is damaged (SQLite: database disk image is malformed); restore a backup"),
    ("readonly", "is read-only: the bot must be able to write to it and to its folder"),
    ("read-only", "is read-only: the bot must be able to write to it and to its folder"),
    ("disk is full", "cannot be written: the disk is full"),
    ("disk i/o error", "cannot be written (SQLite: disk I/O error): is the disk full or failing?"),
    ("unable to open database file", "cannot be opened: check that its folder exists and is writable"),
)


_NOT_FILES = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def unusable_path(path: Path) -> str | None:
    """Why `path` cannot hold a database, in words (for "the database PATH …"), or None. Looked at
    before SQLite opens it: SQLite's own words for these ("disk I/O error", "File exists") name the
    wrong cause, and a FIFO could keep its reader waiting."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None  # missing (it is created), or under a file (said below)
    except OSError as error:
        return f"cannot be used: {error.strerror or error}"
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        kind = next((name for test, name in _NOT_FILES if test(mode)), "a special file")
        return f"is {kind}, not a regular file: DATABASE_PATH must name a file (it is created if missing)"
    for folder in path.absolute().parents:  # the nearest one that exists must be a folder
        if folder.exists():
            if not folder.is_dir():
                return f"cannot be created: {folder} is a file, not a folder"
            break
    return None


def describe_failure(path: Path | str, error: BaseException, *, doing: str = "used") -> str:
    """One line: which database, and what is wrong with it in words an operator can act on."""
    if str(path) != ":memory:" and Path(path).is_dir():
        return f"the database {path} is a directory; DATABASE_URL (or DATABASE_PATH) must name a file"
    if str(path) != ":memory:" and isinstance(error, sqlite3.OperationalError):
        file, folder = Path(path), Path(path).parent
        if file.exists() and not os.access(file, os.W_OK):
            return f"the database {path} is read-only: the bot must be able to write to it and to its folder"
        if folder.is_dir() and not os.access(folder, os.W_OK):
            return (
                f"the database {path} cannot be used: its folder {folder} is read-only "
                "(SQLite writes its journal beside the database)"
            )
    message = str(error) or type(error).__name__
    lowered = message.casefold()
    cause = next((meaning for words, meaning in _CAUSES if words in lowered), None)
    if cause is None and isinstance(error, OSError) and error.strerror:
        cause = f"cannot be used: {error.strerror}"
    return f"the database {path} {cause or f'cannot be {doing}: {message}'}"


@functools.lru_cache(maxsize=512)
def _index(description: tuple[tuple[Any, ...], ...]) -> dict[str, int]:
    return column_index([column[0] for column in description])


def _row(cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> Row:
    return Row(_index(cursor.description), values)


@contextmanager
def _unique_violations() -> Iterator[None]:
    try:
        yield
    except sqlite3.IntegrityError as error:
        if str(error).startswith("UNIQUE constraint failed"):
            raise UniqueViolation(str(error)) from error
        raise


def _with_rows(parameters: Sequence[Any], rows_at: int | None, rows: Sequence[Sequence[Any]]) -> tuple[Any, ...]:
    at = len(parameters) if rows_at is None else rows_at
    document = json.dumps([list(row) for row in rows])
    return (*parameters[:at], document, *parameters[at:])


class SqliteTransaction(Transaction):
    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        statement = translate(sql, "sqlite")
        with _unique_violations():
            async with self._connection.execute(statement.sql, tuple(parameters)) as cursor:
                return max(cursor.rowcount, 0)

    async def execute_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with _unique_violations():
            await self._connection.executemany(translate(sql, "sqlite").sql, [tuple(r) for r in rows])

    async def execute_rows(
        self, sql: str, rows: Sequence[Sequence[Any]], columns: Columns, parameters: Sequence[Any] = ()
    ) -> int:
        statement = translate(sql, "sqlite", tuple(columns))
        arguments = _with_rows(parameters, statement.rows_at, rows)
        with _unique_violations():
            async with self._connection.execute(statement.sql, arguments) as cursor:
                return max(cursor.rowcount, 0)

    async def fetch_all(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        with _unique_violations():  # INSERT … RETURNING
            rows = await self._connection.execute_fetchall(translate(sql, "sqlite").sql, tuple(parameters))
        return list(rows)  # type: ignore[arg-type]  # built by _row

    async def lock(self, key: str) -> None:
        return None  # the write transaction holds the database's write lock already

    async def stream(self, sql: str, parameters: Sequence[Any] = (), size: int = 1000) -> AsyncIterator[list[Row]]:
        async with self._connection.execute(translate(sql, "sqlite").sql, tuple(parameters)) as cursor:
            while chunk := await cursor.fetchmany(size):
                yield list(chunk)  # type: ignore[arg-type]

    async def run_script(self, script: str) -> None:
        for statement in split_statements(script):
            await self._connection.execute(statement)

    async def copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        marks = ", ".join("?" for _ in columns)
        await self._connection.executemany(
            f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({marks})', [tuple(r) for r in rows]
        )


class SqliteEngine(Engine):
    dialect = "sqlite"

    def __init__(self, connection: aiosqlite.Connection, url: DatabaseUrl) -> None:
        self._connection = connection
        self.url = url
        self.path = url.path
        self._write_lock = asyncio.Lock()
        self._queries = SqliteTransaction(connection)  # reads outside transactions use the same connection

    @classmethod
    async def open(cls, url: DatabaseUrl) -> SqliteEngine:
        assert url.path is not None
        path = url.path
        if sqlite3.sqlite_version_info < MINIMUM_VERSION:
            raise DatabaseError(
                f"this Python's SQLite is {sqlite3.sqlite_version}; the bot needs "
                f"{'.'.join(map(str, MINIMUM_VERSION))} or newer"
            )

        def probe() -> None:
            # Opened once plainly first: aiosqlite leaves its worker thread behind (and the process
            # alive) when a connect fails.
            if str(path) != ":memory:":
                if path.is_dir():
                    raise IsADirectoryError(path)
                if (reason := unusable_path(path)) is not None:
                    raise DatabaseError(f"the database {path} {reason}")
                path.parent.mkdir(parents=True, exist_ok=True)
            sqlite3.connect(path).close()

        try:
            await asyncio.to_thread(probe)
            connection = await aiosqlite.connect(path, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise DatabaseError(describe_failure(path, error)) from None
        connection.row_factory = _row  # type: ignore[assignment]
        try:
            await connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await connection.execute("PRAGMA journal_mode = WAL")
            await connection.execute("PRAGMA foreign_keys = ON")
            await connection.execute("PRAGMA synchronous = NORMAL")
            # Deleted and overwritten content is zeroed, not left readable in the file's free space:
            # /privacy delete removes a member's words from the disk too (benchmarks/vote_ingest.py
            # measures what it costs).
            await connection.execute("PRAGMA secure_delete = ON")
            await connection.execute("SELECT json_extract('[1]', '$[0]')")  # {rows} needs JSON (built in since 3.38)
        except BaseException as error:
            await connection.close()  # nothing left open: its thread would keep the process alive
            if isinstance(error, sqlite3.Error | OSError):
                raise DatabaseError(describe_failure(path, error)) from None
            raise
        return cls(connection, url)

    async def close(self) -> None:
        await self._connection.close()

    def describe_failure(self, error: BaseException, doing: str) -> str | None:
        if isinstance(error, sqlite3.Error):
            assert self.path is not None
            return describe_failure(self.path, error, doing=doing)
        return None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception. Writers queue on one lock."""
        async with self._write_lock:
            await self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._queries
            except BaseException:
                await self._connection.execute("ROLLBACK")
                raise
            else:
                await self._connection.execute("COMMIT")

    async def fetch_all(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        return await self._queries.fetch_all(sql, parameters)

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        async with self.transaction() as tx:
            return await tx.execute(sql, parameters)

    async def schema_version(self, tx: Transaction | None = None) -> int:
        rows = await self._connection.execute_fetchall("PRAGMA user_version")
        return int(next(iter(rows))[0])

    async def set_schema_version(self, tx: Transaction, version: int) -> None:
        # PRAGMA cannot take a bound parameter; the value is our own integer.
        await self._connection.execute(f"PRAGMA user_version = {int(version)}")

    async def flush_deleted(self) -> None:
        """secure_delete zeroes freed space in the database's pages, but the write-ahead log still
        holds earlier copies of those pages until it is checkpointed and cut back."""
        async with self._write_lock:
            await self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def size_bytes(self) -> int:
        """The database's size on disk, its write-ahead log included."""

        def measure() -> int:
            total = 0
            for suffix in ("", "-wal"):
                candidate = Path(f"{self.path}{suffix}")
                if candidate.exists():
                    total += candidate.stat().st_size
            return total

        return await asyncio.to_thread(measure)

    async def table_names(self) -> list[str]:
        rows = await self._connection.execute_fetchall(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "ORDER BY name"
        )
        return [str(r[0]) for r in rows]

    async def column_names(self, table: str) -> list[str]:
        rows = await self._connection.execute_fetchall(f'PRAGMA table_info("{table}")')
        return [str(r[1]) for r in rows]

    async def parent_tables(self, table: str) -> set[str]:
        rows = await self._connection.execute_fetchall(f'PRAGMA foreign_key_list("{table}")')
        return {str(r[2]) for r in rows}

    async def identity_columns(self) -> dict[str, str]:
        found = {}
        for table in await self.table_names():
            rows = list(await self._connection.execute_fetchall(f'PRAGMA table_info("{table}")'))
            keys = [r for r in rows if r[5]]
            # the rowid alias: a single-column primary key declared exactly INTEGER
            if len(keys) == 1 and str(keys[0][2]).upper() == "INTEGER":
                found[table] = str(keys[0][1])
        return found

    async def advance_identity(self, tx: Transaction, table: str, column: str) -> int:
        # SQLite gives out max(rowid) + 1 by itself (no AUTOINCREMENT table is used).
        value = await tx.fetch_value(f'SELECT COALESCE(MAX({column}), 0) + 1 FROM "{table}"')
        return int(value)


def split_statements(script: str) -> list[str]:
    """Split a SQLite script into statements (executescript would COMMIT our transaction)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(part.strip().startswith("--") or not part.strip() for part in buffer.splitlines()):
        raise MigrationError(f"incomplete SQL statement at the end of a migration: {buffer.strip()[:80]!r}")
    return statements
