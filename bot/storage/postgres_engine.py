"""PostgreSQL through asyncpg: a connection pool; each transaction takes one pooled connection.

Isolation is PostgreSQL's default, READ COMMITTED: each statement sees what was committed before
it began. SQLite runs one writer at a time, so code that reads and then writes in one
transaction must not count on that here; the storage modules make such steps single statements
(INSERT … ON CONFLICT, UPDATE … WHERE status = 'open' … RETURNING), or take `lock(key)` where a
number is given out (case numbers), or claim rows FOR UPDATE SKIP LOCKED (the update outbox).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import asyncpg

from bot.database_url import DatabaseUrl
from bot.storage.dialect import translate
from bot.storage.engine import Columns, DatabaseError, Engine, Transaction, UniqueViolation
from bot.storage.rows import Row, column_index

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 10.0
CLOSE_SECONDS = 5.0
POOL_MAX = 10
# The engine's own bookkeeping (SQLite keeps the schema version in PRAGMA user_version).
VERSION_TABLE = "bot_schema_version"
_COUNT = re.compile(r"(\d+)$")


def _rows(records: Sequence[asyncpg.Record]) -> list[Row]:
    if not records:
        return []
    index = column_index(list(records[0].keys()))
    return [Row(index, tuple(record)) for record in records]


def _count(status: str) -> int:
    """Rows changed, from the command tag ("INSERT 0 3", "UPDATE 2", "DELETE 0")."""
    found = _COUNT.search(status or "")
    return int(found.group(1)) if found else 0


@contextmanager
def _unique_violations() -> Iterator[None]:
    try:
        yield
    except asyncpg.UniqueViolationError as error:
        raise UniqueViolation(str(error)) from error


def _with_rows(parameters: Sequence[Any], rows_at: int | None, rows: Sequence[Sequence[Any]], width: int) -> list[Any]:
    at = len(parameters) if rows_at is None else rows_at
    arrays: list[Any] = [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in range(width)]
    return [*parameters[:at], *arrays, *parameters[at:]]


def _numeric(text: str) -> int | float:
    # SUM() and AVG() of integers are numeric in PostgreSQL; SQLite gives int and float.
    return int(text) if text.lstrip("-").isdigit() else float(text)


async def _prepare_connection(connection: asyncpg.Connection) -> None:
    await connection.set_type_codec("numeric", encoder=str, decoder=_numeric, schema="pg_catalog", format="text")


class PostgresTransaction(Transaction):
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        with _unique_violations():
            return _count(await self._connection.execute(translate(sql, "postgresql").sql, *parameters))

    async def execute_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with _unique_violations():
                await self._connection.executemany(translate(sql, "postgresql").sql, rows)

    async def execute_rows(
        self, sql: str, rows: Sequence[Sequence[Any]], columns: Columns, parameters: Sequence[Any] = ()
    ) -> int:
        statement = translate(sql, "postgresql", tuple(columns))
        arguments = _with_rows(parameters, statement.rows_at, rows, len(columns))
        with _unique_violations():
            return _count(await self._connection.execute(statement.sql, *arguments))

    async def fetch_all(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        with _unique_violations():  # INSERT … RETURNING
            return _rows(await self._connection.fetch(translate(sql, "postgresql").sql, *parameters))

    async def lock(self, key: str) -> None:
        await self._connection.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", key)

    async def stream(self, sql: str, parameters: Sequence[Any] = (), size: int = 1000) -> AsyncIterator[list[Row]]:
        cursor = await self._connection.cursor(translate(sql, "postgresql").sql, *parameters)
        while records := await cursor.fetch(size):
            yield _rows(records)

    async def run_script(self, script: str) -> None:
        await self._connection.execute(script)  # no parameters: the simple protocol runs every statement

    async def copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            await self._connection.copy_records_to_table(table, records=rows, columns=list(columns))


def _describe_connect_error(url: DatabaseUrl, error: BaseException) -> str:
    where = url.redacted()
    if isinstance(error, asyncpg.InvalidPasswordError | asyncpg.InvalidAuthorizationSpecificationError):
        return f"PostgreSQL refused the login at {where}: {error}"
    if isinstance(error, asyncpg.InvalidCatalogNameError):
        return f"PostgreSQL at {where}: {error} (create it first, e.g. createdb)"
    if isinstance(error, asyncpg.PostgresError):
        return f"PostgreSQL at {where} refused the connection: {error}"
    if isinstance(error, TimeoutError):
        return f"cannot reach PostgreSQL at {where}: no answer within {CONNECT_TIMEOUT:.0f} s"
    if isinstance(error, socket.gaierror):
        return f"cannot reach PostgreSQL at {where}: unknown host ({error.strerror})"
    if isinstance(error, ConnectionRefusedError):
        return f"cannot reach PostgreSQL at {where}: connection refused (is the server running, on that port?)"
    if isinstance(error, OSError):
        return f"cannot reach PostgreSQL at {where}: {error.strerror or error}"
    return f"cannot connect to PostgreSQL at {where}: {type(error).__name__}: {error}"


class PostgresEngine(Engine):
    dialect = "postgresql"

    def __init__(self, pool: asyncpg.Pool, url: DatabaseUrl) -> None:
        self._pool = pool
        self.url = url

    @classmethod
    async def open(cls, url: DatabaseUrl) -> PostgresEngine:
        try:
            pool = await asyncpg.create_pool(
                url.dsn,
                min_size=1,
                max_size=POOL_MAX,
                timeout=CONNECT_TIMEOUT,
                # Every storage query is one of a few hundred texts: keep them all prepared.
                statement_cache_size=1024,
                init=_prepare_connection,
                server_settings={"application_name": "discussion-bot"},
            )
        except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            raise DatabaseError(_describe_connect_error(url, error)) from None
        assert pool is not None
        return cls(pool, url)

    async def close(self) -> None:
        """Close the pool: connections in use are waited for, but not for ever (a stop must not hang on
        a task that holds one); after CLOSE_SECONDS they are cut, and their transactions roll back."""
        try:
            await asyncio.wait_for(self._pool.close(), CLOSE_SECONDS)
        except TimeoutError:
            log.warning("Closing the database: connections still in use after %.0f s; cutting them", CLOSE_SECONDS)
            self._pool.terminate()

    async def listen(self, channel: str, callback: Callable[[], None]) -> Callable[[], Awaitable[None]] | None:
        """LISTEN on a connection of the pool's, held until the returned function is awaited. A
        connection lost meanwhile loses the notifications: listeners poll as well, so they are late,
        not wrong."""
        connection = await self._pool.acquire()

        def heard(*_: object) -> None:
            callback()

        try:
            await connection.add_listener(channel, heard)
        except BaseException:
            await self._pool.release(connection)
            raise

        async def stop() -> None:
            try:
                with contextlib.suppress(asyncpg.InterfaceError, asyncpg.PostgresError, OSError):
                    await connection.remove_listener(channel, heard)
            finally:
                await self._pool.release(connection)

        return stop

    async def notify(self, channel: str) -> None:
        await self._pool.execute("SELECT pg_notify($1, '')", channel)

    def describe_failure(self, error: BaseException, doing: str) -> str | None:
        if isinstance(error, asyncpg.PostgresError | asyncpg.InterfaceError | OSError):
            return f"the database {self.url.redacted()} cannot be {doing}: {error}"
        return None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        async with self._pool.acquire() as connection, connection.transaction():
            yield PostgresTransaction(connection)

    async def fetch_all(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        return _rows(await self._pool.fetch(translate(sql, "postgresql").sql, *parameters))

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        # One statement commits by itself: no BEGIN/COMMIT round trips.
        with _unique_violations():
            return _count(await self._pool.execute(translate(sql, "postgresql").sql, *parameters))

    async def schema_version(self, tx: Transaction | None = None) -> int:
        query = f"SELECT max(version) FROM {VERSION_TABLE}"
        if tx is not None:
            assert isinstance(tx, PostgresTransaction)
            await tx._connection.execute(
                f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version BIGINT NOT NULL, applied_at TEXT NOT NULL)"
            )
            value = await tx._connection.fetchval(query)
        else:
            exists = await self._pool.fetchval("SELECT to_regclass($1) IS NOT NULL", VERSION_TABLE)
            value = await self._pool.fetchval(query) if exists else None
        return int(value or 0)

    async def set_schema_version(self, tx: Transaction, version: int) -> None:
        assert isinstance(tx, PostgresTransaction)
        await tx._connection.execute(
            f"INSERT INTO {VERSION_TABLE} (version, applied_at) VALUES ($1, to_char(statement_timestamp() "
            """AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))""",
            version,
        )

    async def size_bytes(self) -> int:
        return int(await self._pool.fetchval("SELECT pg_database_size(current_database())"))

    async def table_names(self) -> list[str]:
        rows = await self._pool.fetch(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_type = 'BASE TABLE' AND table_name <> $1 ORDER BY table_name",
            VERSION_TABLE,
        )
        return [str(r[0]) for r in rows]

    async def column_names(self, table: str) -> list[str]:
        rows = await self._pool.fetch(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = $1 ORDER BY ordinal_position",
            table,
        )
        return [str(r[0]) for r in rows]

    async def parent_tables(self, table: str) -> set[str]:
        rows = await self._pool.fetch(
            "SELECT DISTINCT confrelid::regclass::text FROM pg_constraint "
            "WHERE contype = 'f' AND conrelid = to_regclass($1)",
            table,
        )
        return {str(r[0]).strip('"') for r in rows}

    async def identity_columns(self) -> dict[str, str]:
        rows = await self._pool.fetch(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND is_identity = 'YES'"
        )
        return {str(r[0]): str(r[1]) for r in rows}

    async def advance_identity(self, tx: Transaction, table: str, column: str) -> int:
        assert isinstance(tx, PostgresTransaction)
        largest = await tx._connection.fetchval(f'SELECT max("{column}") FROM "{table}"')
        sequence = await tx._connection.fetchval("SELECT pg_get_serial_sequence($1, $2)", table, column)
        if largest is None:
            await tx._connection.execute("SELECT setval($1, 1, false)", sequence)
            return 1
        await tx._connection.execute("SELECT setval($1, $2, true)", sequence, int(largest))
        return int(largest) + 1


async def postgres_integrity(engine: Engine) -> tuple[list[str], list[str]]:
    """(problems, notes) from PostgreSQL's catalog: invalid indexes, constraints never validated, and
    amcheck's B-tree verification where the extension is installed. Foreign keys need no scan:
    PostgreSQL never holds a row that breaks one (SQLite can, so its check looks)."""
    assert isinstance(engine, PostgresEngine)
    pool = engine._pool
    problems = [
        f"index {r[0]} is invalid (an interrupted CREATE INDEX?): REINDEX INDEX {r[0]}"
        for r in await pool.fetch(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND NOT i.indisvalid"
        )
    ]
    problems += [
        f"constraint {r[0]} on {r[1]} was never validated: ALTER TABLE {r[1]} VALIDATE CONSTRAINT {r[0]}"
        for r in await pool.fetch(
            "SELECT c.conname, c.conrelid::regclass::text FROM pg_constraint c "
            "JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema() AND NOT c.convalidated"
        )
    ]
    notes: list[str] = []
    installed = await pool.fetchval("SELECT count(*) FROM pg_extension WHERE extname = 'amcheck'")
    allowed = installed and await pool.fetchval(
        "SELECT has_function_privilege('bt_index_check(regclass, boolean)', 'EXECUTE')"
    )
    if installed and not allowed:
        notes.append(
            "amcheck is installed but this role may not run it, so the indexes' structure was not verified "
            "(GRANT EXECUTE ON FUNCTION bt_index_check(regclass, boolean) TO the bot's role)"
        )
    elif allowed:
        indexes = await pool.fetch(
            "SELECT c.oid, c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE a.amname = 'btree' AND n.nspname = current_schema() AND i.indisvalid ORDER BY c.relname"
        )
        for _, name in indexes:
            try:
                await pool.execute("SELECT bt_index_check(to_regclass($1), true)", name)
            except asyncpg.PostgresError as error:
                problems.append(f"index {name}: {error}")
    else:
        notes.append(
            "amcheck is not installed in this database, so the indexes' structure was not verified "
            "(a superuser can add it: CREATE EXTENSION amcheck)"
        )
    return problems, notes


async def set_user_triggers(tx: Transaction, tables: Sequence[str], *, enabled: bool) -> None:
    """Turn the tables' own triggers off or on inside a transaction (foreign keys stay enforced):
    `db copy` brings vote counts along with the votes, which must not count them a second time."""
    assert isinstance(tx, PostgresTransaction)
    for table in tables:
        await tx._connection.execute(f'ALTER TABLE "{table}" {"ENABLE" if enabled else "DISABLE"} TRIGGER USER')
