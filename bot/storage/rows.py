"""One row shape for both engines: what storage modules read from a query.

SQLite hands back tuples and asyncpg its Records; both are turned into `Row`, which reads like
sqlite3.Row did: `row["name"]`, `row[0]`, `tuple(row)` (the values), `dict(row)`, `row.keys()`.
Column names are lower case on both engines (PostgreSQL folds unquoted names; SQLite keeps
them as written), and a missing name raises KeyError on both.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any


class Row:
    __slots__ = ("_index", "_values")

    def __init__(self, index: Mapping[str, int], values: Sequence[Any]) -> None:
        self._index = index  # shared by every row of one result
        self._values = tuple(values)

    def __getitem__(self, key: int | str) -> Any:
        if isinstance(key, str):
            return self._values[self._index[key]]
        return self._values[key]

    def keys(self) -> list[str]:
        return list(self._index)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Row):
            return self._values == other._values and list(self._index) == list(other._index)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values)

    def as_dict(self) -> dict[str, Any]:
        return {name: self._values[i] for name, i in self._index.items()}

    def __repr__(self) -> str:
        return f"Row({self.as_dict()!r})"


def column_index(names: Sequence[str]) -> dict[str, int]:
    """Name → position; the first of two equal names wins (as in sqlite3.Row)."""
    index: dict[str, int] = {}
    for position, name in enumerate(names):
        index.setdefault(name.lower(), position)
    return index


def make_rows(names: Sequence[str], values: Sequence[Sequence[Any]]) -> list[Row]:
    index = column_index(names)
    return [Row(index, v) for v in values]
