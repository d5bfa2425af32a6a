"""The SQLite connection: pragmas, numbered migrations, transactions, backup and checks."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
# How SQL writes "now" (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')): milliseconds. Times written from Python
# must use the same shape, or text comparison puts "…15.123Z" after "…15.123456Z".
SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def sql_time(moment: dt.datetime) -> str:
    utc = moment.astimezone(dt.UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


class MigrationError(Exception):
    """The database cannot be brought to the schema this version of the bot expects."""


class DatabaseError(Exception):
    """The database file cannot be opened or written; the message is one line naming the file and the cause."""


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


def describe_failure(path: Path | str, error: BaseException, *, doing: str = "used") -> str:
    """One line: which database, and what is wrong with it in words an operator can act on."""
    if str(path) != ":memory:" and Path(path).is_dir():
        return f"the database {path} is a directory; DATABASE_PATH must name a file"
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


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """The numbered `NNNN_name.sql` files shipped in `bot/storage/migrations`, in order."""
    migrations = []
    for entry in resources.files("bot.storage.migrations").iterdir():
        if not entry.name.endswith(".sql"):
            continue
        number, _, rest = entry.name.partition("_")
        if not number.isdigit():
            raise MigrationError(f"migration file {entry.name!r} does not start with a number")
        migrations.append(Migration(int(number), rest.removesuffix(".sql"), entry.read_text("utf-8")))
    migrations.sort(key=lambda m: m.version)
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise MigrationError(f"migrations must be numbered 1, 2, 3… without gaps; found {versions}")
    return migrations


def split_statements(script: str) -> list[str]:
    """Split a SQL script into statements (executescript would COMMIT our transaction)."""
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


class Database:
    """One aiosqlite connection in autocommit mode; `transaction()` groups writes."""

    def __init__(self, connection: aiosqlite.Connection, path: Path) -> None:
        self._connection = connection
        self.path = path
        self._write_lock = asyncio.Lock()
        self._closed = False

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        """The open database, or a DatabaseError saying in one line why it cannot be (and nothing left
        open: a connection left behind keeps its thread, and the process, alive)."""
        path = Path(path)
        try:
            if str(path) != ":memory:":
                if path.is_dir():
                    raise IsADirectoryError(path)
                path.parent.mkdir(parents=True, exist_ok=True)
            connection = await aiosqlite.connect(path, isolation_level=None)
        except (sqlite3.Error, OSError) as error:
            raise DatabaseError(describe_failure(path, error)) from None
        try:
            connection.row_factory = aiosqlite.Row
            await connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await connection.execute("PRAGMA journal_mode = WAL")
            await connection.execute("PRAGMA foreign_keys = ON")
            await connection.execute("PRAGMA synchronous = NORMAL")
        except BaseException as error:
            await connection.close()
            if isinstance(error, sqlite3.Error | OSError):
                raise DatabaseError(describe_failure(path, error)) from None
            raise
        return cls(connection, path)

    async def close(self) -> None:
        if self._closed:  # Client.close() can run twice
            return
        self._closed = True
        await self._connection.close()

    @property
    def closed(self) -> bool:
        return self._closed

    async def schema_version(self) -> int:
        row = await self.fetch_one("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def migrate(self) -> list[int]:
        """Apply every pending migration in one transaction; returns the versions applied. A database
        that cannot be read or written gives a DatabaseError; one of a newer schema, a MigrationError."""
        try:
            return await self._migrate()
        except sqlite3.Error as error:
            raise DatabaseError(describe_failure(self.path, error, doing="migrated")) from error

    async def _migrate(self) -> list[int]:
        migrations = load_migrations()
        latest = migrations[-1].version if migrations else 0
        async with self.transaction():
            current = await self.schema_version()
            if current > latest:
                raise MigrationError(
                    f"{self.path} is at schema version {current}, newer than this bot knows ({latest}); "
                    "upgrade the bot or restore an older backup"
                )
            applied = []
            for migration in migrations:
                if migration.version <= current:
                    continue
                for statement in split_statements(migration.sql):
                    await self._connection.execute(statement)
                applied.append(migration.version)
            if applied:
                # PRAGMA cannot take a bound parameter; the value is our own integer.
                await self._connection.execute(f"PRAGMA user_version = {int(applied[-1])}")
        for version in applied:
            log.info("Applied database migration %04d", version)
        return applied

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception. Writers queue on one lock."""
        async with self._write_lock:
            await self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                await self._connection.execute("ROLLBACK")
                raise
            else:
                await self._connection.execute("COMMIT")

    async def execute(self, sql: str, parameters: Iterable[Any] = ()) -> None:
        async with self.transaction() as connection:
            await connection.execute(sql, tuple(parameters))

    async def fetch_one(self, sql: str, parameters: Iterable[Any] = ()) -> aiosqlite.Row | None:
        async with self._connection.execute(sql, tuple(parameters)) as cursor:
            return await cursor.fetchone()

    async def fetch_all(self, sql: str, parameters: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        async with self._connection.execute(sql, tuple(parameters)) as cursor:
            return list(await cursor.fetchall())

    def size_bytes(self) -> int:
        """The database's size on disk, its write-ahead log included."""
        total = 0
        for suffix in ("", "-wal"):
            candidate = Path(f"{self.path}{suffix}")
            if candidate.exists():
                total += candidate.stat().st_size
        return total
