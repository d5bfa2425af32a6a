"""One SQL text per query, run on SQLite and on PostgreSQL: the portable subset and its translation.

Storage modules write each query once, in the subset both engines understand alike, and the
engine translates it once per text (cached). What the subset is:

- Parameters are `?` (or `?1`, `?2`… to use one twice; not both kinds in one statement). A
  parameter PostgreSQL cannot type from its neighbours (`? IS NULL`, `COALESCE(?, 0)`) is
  written `CAST(? AS BIGINT)` / `CAST(? AS TEXT)`: PostgreSQL types every parameter when the
  statement is prepared, and SQLite reads the cast as a no-op.
- "Now" is `SQL_NOW`: ISO-8601 text in UTC with milliseconds, the shape `sql_time()` writes.
  Times are that text on both engines, not `timestamptz`: text compares and sorts the same on
  both (columns are byte-ordered, see below), needs no conversion in the row types, and the
  SQLite databases that exist already hold it; `db copy` moves it unchanged.
- Upserts are `INSERT … ON CONFLICT … DO NOTHING / DO UPDATE SET x = excluded.x`; new ids come
  back with `RETURNING id` (SQLite 3.35+); `IFNULL(a, b)` becomes `COALESCE(a, b)`.
- A statement over many rows at once writes `{rows}` where a table would go and passes the rows
  to `execute_rows` with their column names and types: PostgreSQL gets arrays through
  `unnest`, SQLite one JSON text through `json_each`. One statement (one trigger run on
  PostgreSQL) instead of one per row.
- A claim takes rows `FOR UPDATE [OF alias] SKIP LOCKED` on PostgreSQL, so several processes can
  share a queue; SQLite drops the clause, because its write transactions already hold the whole
  database's write lock (BEGIN IMMEDIATE) and nobody else can claim meanwhile.
- SQLite-only syntax and functions are refused on both engines (`NonPortableSql`), so a query
  that only works on SQLite fails in every test, not only in the PostgreSQL ones.

Schemas: migrations are written in SQLite's spelling, which is how the existing databases were
made; for PostgreSQL a column declared INTEGER becomes BIGINT (Discord ids need 64 bits),
`INTEGER PRIMARY KEY` an identity column, TEXT is `TEXT COLLATE "C"` (byte order, as SQLite
compares text), REAL double precision, BLOB bytea, and `WITHOUT ROWID` is dropped. Triggers
differ too much to translate: a migration step that needs them ships `NNNN_name.sqlite.sql` and
`NNNN_name.postgresql.sql` beside its portable file (see database.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Dialect = Literal["sqlite", "postgresql"]

# How SQL writes "now": milliseconds, like sql_time(). Times written from Python must use the same
# shape, or text comparison puts "…15.123Z" after "…15.123456Z".
SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
# PostgreSQL's spelling. statement_timestamp(), not now(): SQLite's 'now' is fixed per statement,
# not per transaction, and rows written by later statements of one transaction sort after earlier ones.
POSTGRES_NOW = "to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
ROWS = "{rows}"
_NOW_WORD = "bot_sql_now__"

ColumnType = Literal["BIGINT", "TEXT"]
_ARRAY_TYPES = {"BIGINT": "bigint[]", "TEXT": "text[]"}


class NonPortableSql(ValueError):
    """A query or migration uses something only one engine understands; the message says what to write."""


_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>--[^\n]*|/\*.*?\*/)
    | (?P<string>'(?:[^']|'')*')
    | (?P<ident>"(?:[^"]|"")*")
    | (?P<dollar>\$(?P<tag>[A-Za-z_]*)\$.*?\$(?P=tag)\$)
    | (?P<param>\?\d*)
    | (?P<rows>\{rows\})
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<number>\d+(?:\.\d*)?)
    | (?P<cast>::)
    | (?P<other>.)
    """,
    re.S | re.X,
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str

    @property
    def upper(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def tokenize(sql: str) -> list[Token]:
    sql = sql.replace(SQL_NOW, _NOW_WORD)
    out = []
    for match in _TOKEN.finditer(sql):
        kind = match.lastgroup
        assert kind is not None
        if kind == "tag":  # the inner group of a dollar quote
            kind = "dollar"
        out.append(Token(kind, match.group()))
    return out


def _significant(tokens: Sequence[Token]) -> list[tuple[int, Token]]:
    return [(i, t) for i, t in enumerate(tokens) if t.kind not in ("space", "comment")]


# Functions and syntax one engine lacks (or reads differently), with what to write instead.
_SQLITE_ONLY_FUNCTIONS = {
    "STRFTIME": "SQL_NOW for the current time, or a time computed in Python with sql_time()",
    "DATETIME": "a time computed in Python with sql_time()",
    "JULIANDAY": "a time computed in Python with sql_time()",
    "UNIXEPOCH": "a time computed in Python with sql_time()",
    "DATE": "a time computed in Python",
    "TIME": "a time computed in Python",
    "PRINTF": "formatting in Python",
    "GROUP_CONCAT": "rows joined in Python",
    "INSTR": "a comparison in Python, or LIKE",
    "TOTAL": "COALESCE(SUM(x), 0)",
    "TYPEOF": "columns of one type",
    "IIF": "CASE WHEN … THEN … ELSE … END",
    "JSON_EXTRACT": "columns (or JSON decoded in Python)",
    "JSON_EACH": "{rows} with execute_rows",
    "LAST_INSERT_ROWID": "RETURNING id",
    "CHANGES": "the count execute() returns",
    "RANDOMBLOB": "values made in Python",
}
_POSTGRES_ONLY_FUNCTIONS = {
    "NOW": "SQL_NOW",
    "STRING_AGG": "rows joined in Python",
    "TO_CHAR": "SQL_NOW or sql_time()",
    "GREATEST": "CASE WHEN … END (SQLite spells it max(a, b))",
    "LEAST": "CASE WHEN … END (SQLite spells it min(a, b))",
}


def _check_portable(tokens: Sequence[Token], *, migration: bool) -> None:
    sig = _significant(tokens)
    for position, (_, token) in enumerate(sig):
        nxt = sig[position + 1][1] if position + 1 < len(sig) else None
        word = token.upper
        if token.kind == "cast":
            raise NonPortableSql("`x::type` is PostgreSQL's cast: write CAST(x AS type)")
        if token.kind == "dollar" and not migration:
            raise NonPortableSql("dollar quoting is PostgreSQL's: use '…' strings")
        if token.kind == "param" and nxt is not None and nxt.upper == "IS":
            raise NonPortableSql(
                f"`{token.text} IS …`: PostgreSQL cannot tell the parameter's type; write CAST({token.text} AS BIGINT) "
                "(or AS TEXT)"
            )
        if (
            word in ("COALESCE", "IFNULL")
            and nxt is not None
            and nxt.text == "("
            and position + 2 < len(sig)
            and sig[position + 2][1].kind == "param"
        ):
            raise NonPortableSql(
                f"{token.text}(?, …): PostgreSQL types the parameter from the other arguments (a 32-bit "
                "integer for 0); write CAST(? AS BIGINT) (or AS TEXT)"
            )
        if word == "INSERT" and nxt is not None and nxt.upper == "OR":
            raise NonPortableSql("INSERT OR IGNORE/REPLACE is SQLite's: write INSERT … ON CONFLICT … DO NOTHING/UPDATE")
        if word == "REPLACE" and position == 0:
            raise NonPortableSql("REPLACE INTO is SQLite's: write INSERT … ON CONFLICT … DO UPDATE")
        if word in ("GLOB", "AUTOINCREMENT", "PRAGMA", "ILIKE"):
            raise NonPortableSql(f"{word} exists on one engine only")
        if nxt is not None and nxt.text == "(":
            hint = _SQLITE_ONLY_FUNCTIONS.get(word) or _POSTGRES_ONLY_FUNCTIONS.get(word)
            if hint is not None:
                raise NonPortableSql(f"{token.text}() exists on one engine only: use {hint}")
        if migration and word == "TRIGGER":
            raise NonPortableSql(
                "triggers differ between the engines: put them in NNNN_name.sqlite.sql and NNNN_name.postgresql.sql"
            )
        if token.kind == "param" and migration:
            raise NonPortableSql("migrations take no parameters")


@dataclass(frozen=True, slots=True)
class Statement:
    """A query translated for one engine; `rows_at`: where the `{rows}` parameters go among the others;
    `writes`: it changes data (so it belongs in a transaction, not in a plain read)."""

    sql: str
    rows_at: int | None = None
    writes: bool = False


def _row_source(dialect: Dialect, columns: Sequence[tuple[str, ColumnType]], first: int) -> str:
    if dialect == "postgresql":
        arrays = ", ".join(f"${first + i}::{_ARRAY_TYPES[kind]}" for i, (_, kind) in enumerate(columns))
        names = ", ".join(name for name, _ in columns)
        return f"(SELECT * FROM unnest({arrays}) AS bot_rows__({names}))"
    picks = ", ".join(f"json_extract(value, '$[{i}]') AS {name}" for i, (name, _) in enumerate(columns))
    return f"(SELECT {picks} FROM json_each(?))"


@functools.lru_cache(maxsize=2048)
def translate(sql: str, dialect: Dialect, columns: tuple[tuple[str, ColumnType], ...] | None = None) -> Statement:
    """The query in `dialect`'s spelling (see the module's docstring); NonPortableSql when it is not portable."""
    tokens = tokenize(sql)
    _check_portable(tokens, migration=False)
    out: list[str] = []
    numbered = plain = 0
    rows_at: int | None = None
    sig = _significant(tokens)
    skip: set[int] = set()
    if dialect == "sqlite":
        for position, (index, token) in enumerate(sig):
            if token.upper == "FOR" and position + 1 < len(sig) and sig[position + 1][1].upper == "UPDATE":
                # FOR UPDATE [OF a, b] [SKIP LOCKED | NOWAIT]: nothing to lock on SQLite (see above)
                end = position + 2
                if end < len(sig) and sig[end][1].upper == "OF":
                    end += 2
                    while end + 1 < len(sig) and sig[end][1].text == ",":
                        end += 2
                if end + 1 < len(sig) and sig[end][1].upper == "SKIP" and sig[end + 1][1].upper == "LOCKED":
                    end += 2
                elif end < len(sig) and sig[end][1].upper == "NOWAIT":
                    end += 1
                last = sig[end - 1][0]
                skip.update(range(index, last + 1))
    for index, token in enumerate(tokens):
        if index in skip:
            continue
        if token.kind == "param":
            if len(token.text) > 1:
                numbered += 1
                out.append("$" + token.text[1:] if dialect == "postgresql" else token.text)
            else:
                plain += 1
                out.append(f"${plain}" if dialect == "postgresql" else "?")
        elif token.kind == "rows":
            if columns is None:
                raise NonPortableSql("{rows} needs execute_rows() with the rows' columns")
            if rows_at is not None:
                raise NonPortableSql("{rows} can appear once in a statement")
            rows_at = plain
            out.append(_row_source(dialect, columns, plain + 1))
            plain += len(columns) if dialect == "postgresql" else 1
        elif token.text == _NOW_WORD:
            out.append(POSTGRES_NOW if dialect == "postgresql" else SQL_NOW)
        elif dialect == "postgresql" and token.upper == "IFNULL":
            out.append("COALESCE")
        else:
            out.append(token.text)
    if numbered and plain:
        raise NonPortableSql("use either ? or ?N parameters in one statement, not both")
    if columns is not None and rows_at is None:
        raise NonPortableSql("execute_rows() needs {rows} in the statement")
    words = {t.upper for _, t in sig}
    first = sig[0][1].upper if sig else ""
    writes = first not in ("SELECT", "WITH", "VALUES") or bool(words & {"INSERT", "UPDATE", "DELETE"})
    return Statement("".join(out), rows_at, writes)


# -- migrations ------------------------------------------------------------------------------------
_TABLE_CONSTRAINTS = {"PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "CONSTRAINT"}
_POSTGRES_TYPES = {
    "INTEGER": "BIGINT",
    "INT": "BIGINT",
    "BIGINT": "BIGINT",
    "TEXT": 'TEXT COLLATE "C"',
    "REAL": "DOUBLE PRECISION",
    "BLOB": "BYTEA",
}


def split_script(script: str) -> list[list[Token]]:
    """A script's statements as token lists (semicolons in strings, comments and $$ bodies kept)."""
    statements: list[list[Token]] = []
    current: list[Token] = []
    for token in tokenize(script):
        current.append(token)
        if token.kind == "other" and token.text == ";":
            statements.append(current)
            current = []
    if any(t.kind not in ("space", "comment") for t in current):
        text = "".join(t.text for t in current).strip()
        raise NonPortableSql(f"incomplete SQL statement at the end of a migration: {text[:80]!r}")
    return [s for s in statements if any(t.kind not in ("space", "comment", "other") for t in s)]


def check_portable_migration(script: str) -> None:
    for statement in split_script(script):
        _check_portable(statement, migration=True)


def _column_type(element: list[tuple[int, Token]], tokens: list[Token]) -> None:
    """Rewrite the type of one column definition (name, then type) in place, for PostgreSQL."""
    if len(element) < 2 or element[0][1].upper in _TABLE_CONSTRAINTS:
        return
    index, type_token = element[1]
    if type_token.kind != "word":
        return
    mapped = _POSTGRES_TYPES.get(type_token.upper)
    if mapped is None:
        return
    words = [t.upper for _, t in element[2:]]
    if type_token.upper == "INTEGER" and "PRIMARY" in words and "KEY" in words:
        mapped = "BIGINT GENERATED BY DEFAULT AS IDENTITY"  # SQLite's rowid alias: ids given out by the table
    tokens[index] = Token("word", mapped)


def _postgres_statement(tokens: list[Token]) -> str:
    sig = _significant(tokens)
    words = [t.upper for _, t in sig[:4]]
    if words[:2] == ["CREATE", "TABLE"]:
        depth = 0
        element: list[tuple[int, Token]] = []
        closed_at = None
        for position, (index, token) in enumerate(sig):
            if token.text == "(":
                depth += 1
                if depth == 1:
                    continue
            elif token.text == ")":
                depth -= 1
                if depth == 0:
                    _column_type(element, tokens)
                    closed_at = position
                    break
            if depth == 1 and token.text == ",":
                _column_type(element, tokens)
                element = []
            elif depth >= 1:
                element.append((index, token))
        if closed_at is not None:  # WITHOUT ROWID after the column list
            rest = sig[closed_at + 1 :]
            if len(rest) >= 2 and rest[0][1].upper == "WITHOUT" and rest[1][1].upper == "ROWID":
                tokens[rest[0][0]] = Token("space", "")
                tokens[rest[1][0]] = Token("space", "")
    elif words[:2] == ["ALTER", "TABLE"]:
        for position, (_, token) in enumerate(sig):
            if token.upper == "ADD":
                start = position + 1
                if start < len(sig) and sig[start][1].upper == "COLUMN":
                    start += 1
                _column_type(sig[start:], tokens)
                break
    out = []
    for token in tokens:
        if token.text == _NOW_WORD:
            out.append(POSTGRES_NOW)
        elif token.upper == "IFNULL":
            out.append("COALESCE")
        else:
            out.append(token.text)
    return "".join(out).strip()


def postgres_migration(script: str) -> str:
    """A portable migration (SQLite's spelling) as PostgreSQL DDL; see the module's docstring."""
    statements = split_script(script)
    for statement in statements:
        _check_portable(statement, migration=True)
    return "\n".join(_postgres_statement(list(statement)) for statement in statements) + "\n"
