"""`python -m bot db copy --to postgresql://…`: move a grown deployment's database to PostgreSQL.

The source (normally the SQLite file) is read in one transaction, so the copy is one snapshot
(on SQLite that transaction holds the write lock: stop the bot first, writes made after the
copy would not be in it anyway). The target must be empty: it is migrated to the source's
schema version, every table is copied in foreign-key order with its ids, in one transaction,
the ids each table gives out are moved past the copied ones, and the row count of every table
is compared before anything is committed. Vote counts travel with the votes, so the triggers
that keep them are off while the rows go in (foreign keys stay checked).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.storage.admin import count_problems
from bot.storage.database import Database, load_migrations

CHUNK = 5000


class CopyError(Exception):
    """The copy cannot be made or did not verify; nothing was committed to the target."""


@dataclass(frozen=True, slots=True)
class CopiedTable:
    table: str
    rows: int
    next_id: int | None  # the id the table gives out next, for tables that give out ids


def _dependency_order(tables: list[str], parents: dict[str, set[str]]) -> list[str]:
    ordered: list[str] = []
    remaining = set(tables)
    while remaining:
        ready = sorted(t for t in remaining if not (parents[t] & remaining) - {t})
        if not ready:
            raise CopyError(f"foreign keys between {sorted(remaining)} form a cycle; cannot order the copy")
        ordered += ready
        remaining -= set(ready)
    return ordered


async def copy_database(
    source: Database, target: Database, report: Callable[[str], None] = lambda line: None
) -> list[CopiedTable]:
    from bot.storage.postgres_engine import set_user_triggers

    if target.dialect != "postgresql":
        raise CopyError("db copy writes to PostgreSQL (--to postgresql://…); for a copy of a SQLite file use db backup")
    if source.url == target.url:
        raise CopyError("the source and the target are the same database")
    latest = len(load_migrations())
    version = await source.schema_version()
    if version != latest:
        raise CopyError(
            f"the source is at schema version {version}, this bot's is {latest}: run python -m bot db migrate first"
        )
    for table in await target.engine.table_names():
        count = int(await target.fetch_value(f'SELECT COUNT(*) FROM "{table}"'))
        if count:
            raise CopyError(f"the target already holds data ({table} has {count} rows): copy into an empty database")
    await target.migrate()

    tables = await source.engine.table_names()
    target_tables = await target.engine.table_names()
    if set(tables) != set(target_tables):
        raise CopyError(f"the databases' tables differ: {sorted(set(tables) ^ set(target_tables))}")
    columns = {}
    for table in tables:
        names = await source.engine.column_names(table)
        if set(names) != set(await target.engine.column_names(table)):
            raise CopyError(f"table {table} has different columns in the source and the target")
        columns[table] = names
    parents = {table: await source.engine.parent_tables(table) for table in tables}
    order = _dependency_order(tables, parents)
    identities = await target.engine.identity_columns()

    copied: list[CopiedTable] = []
    async with source.transaction() as reading, target.transaction() as writing:
        await set_user_triggers(writing, order, enabled=False)
        for table in order:
            names = columns[table]
            select = f"SELECT {', '.join(names)} FROM {table}"
            rows = 0
            async for chunk in reading.stream(select, size=CHUNK):
                try:
                    await writing.copy_rows(table, names, [tuple(r) for r in chunk])
                except Exception as error:
                    raise CopyError(f"table {table}: {type(error).__name__}: {error}") from None
                rows += len(chunk)
            expected = int(await reading.fetch_value(f"SELECT COUNT(*) FROM {table}"))
            landed = int(await writing.fetch_value(f"SELECT COUNT(*) FROM {table}"))
            if not expected == rows == landed:
                raise CopyError(f"table {table}: {expected} rows in the source, {rows} read, {landed} in the target")
            next_id = None
            if table in identities:
                next_id = await target.engine.advance_identity(writing, table, identities[table])
            copied.append(CopiedTable(table, rows, next_id))
            report(f"{table}: {rows} rows" + (f" (next id {next_id})" if next_id is not None else ""))
        await set_user_triggers(writing, order, enabled=True)
        problems = await count_problems(writing)  # before the commit: a copy that does not add up is not kept
        if problems:
            raise CopyError("the copy's vote counts do not match its votes: " + "; ".join(problems[:5]))
    return copied
