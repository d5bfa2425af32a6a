"""The database the storage modules use: SQLite or PostgreSQL behind one interface, and its migrations.

`Database.open(DATABASE_URL)` picks the engine (sqlite_engine.py, postgres_engine.py). Storage
modules write each query once in the portable subset that dialect.py describes, read `Row`s,
and group writes in `async with db.transaction() as tx:`. Migrations are one numbered list for
both engines (see `load_migrations`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from bot.database_url import DatabaseUrl
from bot.storage.dialect import (
    SQL_NOW,
    Dialect,
    NonPortableSql,
    check_portable_migration,
    postgres_migration,
    translate,
)
from bot.storage.engine import DatabaseError, Engine, MigrationError, Transaction, UniqueViolation
from bot.storage.rows import Row
from bot.storage.sqlite_engine import SqliteEngine

# SQLite's own: kept importable from here for the callers that only know the database module.
from bot.storage.sqlite_engine import describe_failure as describe_failure
from bot.storage.sqlite_engine import split_statements as split_statements

__all__ = [
    "SQL_NOW",
    "Database",
    "DatabaseError",
    "Migration",
    "MigrationError",
    "Row",
    "Transaction",
    "UniqueViolation",
    "load_migrations",
    "sql_time",
]

log = logging.getLogger(__name__)


def sql_time(moment: dt.datetime) -> str:
    """A time as the database stores it: ISO-8601 UTC text with milliseconds, like SQL_NOW."""
    utc = moment.astimezone(dt.UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema. `sql` is portable (SQLite's spelling, translated for PostgreSQL);
    `sqlite` and `postgresql` hold what cannot be written once (triggers), run after it."""

    version: int
    name: str
    sql: str = ""
    sqlite: str = ""
    postgresql: str = ""

    def script(self, dialect: Dialect) -> str:
        if dialect == "sqlite":
            return f"{self.sql}\n{self.sqlite}"
        return f"{postgres_migration(self.sql) if self.sql.strip() else ''}\n{self.postgresql}"


_DIALECT_SUFFIXES = {".sqlite.sql": "sqlite", ".postgresql.sql": "postgresql"}


def load_migrations(folder: Traversable | None = None) -> list[Migration]:
    """The numbered steps shipped in `bot/storage/migrations`, in order: one list for both engines.

    A step is `NNNN_name.sql` (portable), with `NNNN_name.sqlite.sql` and `NNNN_name.postgresql.sql`
    beside it for what differs; the two dialect files come together or not at all.
    """
    parts: dict[int, dict[str, str]] = {}
    names: dict[int, str] = {}
    for entry in (folder or resources.files("bot.storage.migrations")).iterdir():
        if not entry.name.endswith(".sql"):
            continue
        kind, stem = "sql", entry.name.removesuffix(".sql")
        for suffix, dialect in _DIALECT_SUFFIXES.items():
            if entry.name.endswith(suffix):
                kind, stem = dialect, entry.name.removesuffix(suffix)
        number, _, name = stem.partition("_")
        if not number.isdigit():
            raise MigrationError(f"migration file {entry.name!r} does not start with a number")
        version = int(number)
        if names.setdefault(version, name) != name:
            raise MigrationError(f"migration {version:04d} has files with two names: {names[version]!r} and {name!r}")
        parts.setdefault(version, {})[kind] = entry.read_text("utf-8")
    migrations = []
    for version in sorted(parts):
        files = parts[version]
        if ("sqlite" in files) != ("postgresql" in files):
            missing = "postgresql" if "sqlite" in files else "sqlite"
            raise MigrationError(f"migration {version:04d}_{names[version]} has no .{missing}.sql beside its other one")
        try:
            check_portable_migration(files.get("sql", ""))
        except NonPortableSql as error:
            raise MigrationError(f"migration {version:04d}_{names[version]}.sql: {error}") from None
        name = names[version]
        migrations.append(
            Migration(version, name, files.get("sql", ""), files.get("sqlite", ""), files.get("postgresql", ""))
        )
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise MigrationError(f"migrations must be numbered 1, 2, 3… without gaps; found {versions}")
    return migrations


async def open_engine(url: DatabaseUrl) -> Engine:
    if url.engine == "postgresql":
        from bot.storage.postgres_engine import PostgresEngine  # asyncpg only when it is used

        return await PostgresEngine.open(url)
    return await SqliteEngine.open(url)


def as_url(target: DatabaseUrl | Path | str) -> DatabaseUrl:
    """A DatabaseUrl from a URL, or from a plain path (a SQLite file, as DATABASE_PATH is)."""
    if isinstance(target, DatabaseUrl):
        return target
    if isinstance(target, str) and "://" in target:
        return DatabaseUrl.parse(target)
    return DatabaseUrl.for_sqlite(target)


class Database:
    """SQLite or PostgreSQL, chosen by the URL; `transaction()` groups writes."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.url = engine.url
        self.dialect: Dialect = engine.dialect
        self.path: Path | None = engine.url.path  # the SQLite file; None on PostgreSQL
        self._closed = False

    @classmethod
    async def open(cls, target: DatabaseUrl | Path | str) -> Database:
        """Open (SQLite: create) the database; DatabaseError with one line when it cannot be."""
        return cls(await open_engine(as_url(target)))

    @property
    def engine(self) -> Engine:
        return self._engine

    async def close(self) -> None:
        if self._closed:  # Client.close() can run twice
            return
        self._closed = True
        await self._engine.close()

    @property
    def closed(self) -> bool:
        return self._closed

    async def schema_version(self) -> int:
        return await self._engine.schema_version()

    async def migrate(self) -> list[int]:
        """Apply every pending migration in one transaction; returns the versions applied. A database
        that cannot be read or written gives a DatabaseError; one of a newer schema, a MigrationError."""
        try:
            return await self._migrate()
        except (MigrationError, DatabaseError):
            raise
        except Exception as error:
            described = self._engine.describe_failure(error, "migrated")
            if described is None:
                raise
            raise DatabaseError(described) from error

    async def _migrate(self) -> list[int]:
        migrations = load_migrations()
        latest = migrations[-1].version if migrations else 0
        async with self.transaction() as tx:
            await tx.lock("schema migrations")  # two processes starting at once: one migrates
            current = await self._engine.schema_version(tx)
            if current > latest:
                raise MigrationError(
                    f"{self.url} is at schema version {current}, newer than this bot knows ({latest}); "
                    "upgrade the bot or restore an older backup"
                )
            applied = []
            for migration in migrations:
                if migration.version <= current:
                    continue
                await tx.run_script(migration.script(self.dialect))
                applied.append(migration.version)
            if applied:
                await self._engine.set_schema_version(tx, applied[-1])
        for version in applied:
            log.info("Applied database migration %04d", version)
        return applied

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        """One transaction, committed at the end of the block and rolled back on any exception.
        SQLite: BEGIN IMMEDIATE, writers one at a time. PostgreSQL: a pooled connection, READ COMMITTED."""
        async with self._engine.transaction() as tx:
            yield tx

    async def execute(self, sql: str, parameters: Iterable[Any] = ()) -> int:
        """One statement in its own transaction; the rows it changed."""
        return await self._engine.execute(sql, tuple(parameters))

    async def fetch_one(self, sql: str, parameters: Iterable[Any] = ()) -> Row | None:
        rows = await self._fetch_rows(sql, parameters)
        return rows[0] if rows else None

    async def fetch_all(self, sql: str, parameters: Iterable[Any] = ()) -> list[Row]:
        return await self._fetch_rows(sql, parameters)

    async def _fetch_rows(self, sql: str, parameters: Iterable[Any]) -> list[Row]:
        """A read. A statement that writes (INSERT … RETURNING) goes in a transaction: on SQLite a
        plain read shares the one connection, and a write there would land in whatever transaction
        another task has open on it."""
        if translate(sql, self.dialect).writes:
            raise NonPortableSql("a statement that writes runs in db.transaction() (or db.execute), not a read")
        return await self._engine.fetch_all(sql, tuple(parameters))

    async def fetch_value(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        row = await self.fetch_one(sql, parameters)
        return None if row is None else row[0]

    async def listen(self, channel: str, callback: Callable[[], None]) -> Callable[[], Awaitable[None]] | None:
        """See Engine.listen."""
        return await self._engine.listen(channel, callback)

    async def notify(self, channel: str) -> None:
        """See Engine.notify."""
        await self._engine.notify(channel)

    async def flush_deleted(self) -> None:
        """See Engine.flush_deleted."""
        await self._engine.flush_deleted()

    async def size_bytes(self) -> int:
        """The database's size (SQLite: the file and its write-ahead log)."""
        return await self._engine.size_bytes()
