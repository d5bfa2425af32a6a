"""SQL lives in bot/storage only: no SQL statement, and no query method called on the database, in any
other module of bot/ or cogs/ (a query per row, written in a service or a cog, is how the repeated
reads of the chat and of /update's autocomplete came about)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATEMENT = re.compile(
    r"^\s*(SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|PRAGMA\s"
    r"|(CREATE|ALTER|DROP)\s+(TABLE|INDEX|TRIGGER|VIEW)\s|WITH\s+\w+\s+AS\b)"
)
QUERY_METHODS = {"fetch_all", "fetch_one", "fetch_value", "executemany"}


def sql_in(source: str) -> list[int]:
    """The lines of `source` with an SQL statement, or a query method called."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and STATEMENT.match(node.value):
            lines.append(node.lineno)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in QUERY_METHODS:
            lines.append(node.lineno)
    return sorted(set(lines))


def test_no_sql_outside_storage() -> None:
    files = [p for package in ("bot", "cogs") for p in sorted((ROOT / package).rglob("*.py"))]
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in files
        if "storage" not in path.relative_to(ROOT).parts
        for line in sql_in(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "SQL outside bot/storage:\n" + "\n".join(found)


def test_the_scan_finds_statements_and_queries() -> None:
    source = (
        'rows = await db.fetch_all("SELECT id FROM updates WHERE guild_id = ?", (1,))\n'
        'connection.execute("PRAGMA journal_mode = DELETE")\n'
        'note = "Update: the vote is closed"\n'
        'label = "Delete my data"\n'
        'sql = """\n    UPDATE updates SET text = ? WHERE id = ?"""\n'
    )
    assert sql_in(source) == [1, 2, 5]
