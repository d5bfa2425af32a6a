"""What an engine offers the Database: queries, transactions, and the few things only it knows.

Storage modules never see an engine: they call `Database` (database.py), whose transactions hand
them a `Transaction`. Both engines implement the same methods with the same meaning; where
they differ underneath, the docstrings here say what is promised.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

from bot.database_url import DatabaseUrl
from bot.storage.dialect import ColumnType, Dialect
from bot.storage.rows import Row

Columns = Sequence[tuple[str, ColumnType]]


class DatabaseError(Exception):
    """The database cannot be opened, reached, read or written; the message is one line for the operator
    naming the database (never its password) and the cause."""


class MigrationError(Exception):
    """The database cannot be brought to the schema this version of the bot expects."""


class UniqueViolation(Exception):
    """A write would repeat a unique key, on either engine (sqlite3.IntegrityError "UNIQUE constraint
    failed", asyncpg.UniqueViolationError). On PostgreSQL it also ends the transaction it happened in."""


class Transaction(ABC):
    """One transaction: every call runs in it; it commits when the `async with` block ends normally."""

    @abstractmethod
    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        """Run one statement; the number of rows it inserted, changed or deleted (triggers' rows not counted)."""

    @abstractmethod
    async def execute_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement once per parameter row (for a few rows; many rows: `execute_rows`)."""

    @abstractmethod
    async def execute_rows(
        self, sql: str, rows: Sequence[Sequence[Any]], columns: Columns, parameters: Sequence[Any] = ()
    ) -> int:
        """Run one statement in which `{rows}` is a table of `rows` with `columns` (name, BIGINT|TEXT);
        `parameters` fill the statement's own `?`s. Returns the rows changed, as `execute`."""

    @abstractmethod
    async def fetch_all(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]: ...

    async def fetch_one(self, sql: str, parameters: Sequence[Any] = ()) -> Row | None:
        rows = await self.fetch_all(sql, parameters)
        return rows[0] if rows else None

    async def fetch_value(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None when there is no row."""
        row = await self.fetch_one(sql, parameters)
        return None if row is None else row[0]

    @abstractmethod
    async def lock(self, key: str) -> None:
        """Hold a lock named `key` until this transaction ends: transactions that take the same key run
        one after another (PostgreSQL: an advisory lock). On SQLite every write transaction already
        holds the database's write lock, so this costs nothing there."""

    @abstractmethod
    def stream(self, sql: str, parameters: Sequence[Any] = (), size: int = 1000) -> AsyncIterator[list[Row]]:
        """The result in chunks of at most `size` rows, for results too large to hold at once."""

    @abstractmethod
    async def run_script(self, script: str) -> None:
        """Run a migration's statements (already in this engine's spelling)."""

    @abstractmethod
    async def copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert rows as they are (ids included), fast: for `db copy`."""


class Engine(ABC):
    dialect: Dialect
    url: DatabaseUrl

    @abstractmethod
    async def close(self) -> None: ...

    async def listen(self, channel: str, callback: Callable[[], None]) -> Callable[[], Awaitable[None]] | None:
        """Call `callback` whenever another process notifies `channel`; returns what stops listening.
        None: the engine has no other processes to hear (SQLite is one process's file)."""
        return None

    async def notify(self, channel: str) -> None:
        """Tell every process listening on `channel` (after this commit: callers notify once their
        transaction is done). Nothing to do where there are no other processes."""
        return None

    @abstractmethod
    def describe_failure(self, error: BaseException, doing: str) -> str | None:
        """One line for an error of this engine's driver (a DatabaseError's message), or None when the
        error is not the database's (a bug is not dressed up as a database problem)."""

    @abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Transaction]: ...

    @abstractmethod
    async def fetch_all(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        """A read outside any transaction (SQLite: on the one connection, so it sees a transaction that
        is open on it; PostgreSQL: on any pooled connection, committed data only)."""

    @abstractmethod
    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        """One statement in its own transaction; the rows changed."""

    @abstractmethod
    async def schema_version(self, tx: Transaction | None = None) -> int: ...

    @abstractmethod
    async def set_schema_version(self, tx: Transaction, version: int) -> None: ...

    @abstractmethod
    async def size_bytes(self) -> int: ...

    @abstractmethod
    async def table_names(self) -> list[str]:
        """The bot's tables (not the engine's own bookkeeping), sorted by name."""

    @abstractmethod
    async def column_names(self, table: str) -> list[str]: ...

    @abstractmethod
    async def parent_tables(self, table: str) -> set[str]:
        """Tables `table` has foreign keys to."""

    @abstractmethod
    async def identity_columns(self) -> dict[str, str]:
        """table → its column whose values the table gives out (SQLite's INTEGER PRIMARY KEY)."""

    @abstractmethod
    async def advance_identity(self, tx: Transaction, table: str, column: str) -> int:
        """Make the next id the table gives out follow the largest one in it; returns that next id."""

    async def flush_deleted(self) -> None:  # noqa: B027 (a hook: nothing to do on most engines)
        """After deleting what must not stay readable (a member's words): make the engine's own
        files stop holding it where it can. Nothing by default (PostgreSQL leaves dead rows to VACUUM,
        which does not promise to overwrite them)."""
