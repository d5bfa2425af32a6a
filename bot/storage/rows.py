"""One row shape for both engines: what storage modules read from a query.

SQLite hands back tuples and asyncpg its Records; both are turned into `Row`, which reads like
sqlite3.Row did: `row["name"]`, `row[0]`, `tuple(row)` (the values), `dict(row)`, `row.keys()`.
Column names are lower case on both engines (PostgreSQL folds unquoted names; SQLite keeps
them as written), and a missing name raises KeyError on both.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from bot.enums import CaseAction, PostStatus, VoteMode

T = TypeVar("T")


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


def read_time(value: str | dt.datetime) -> dt.datetime:
    """A stored time (ISO 8601 UTC text, as sql_time writes it) as an aware datetime."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


# How a row's value becomes a record's field, by the field's annotation: times and the bot's enums.
_READERS: dict[str, Callable[[Any], Any]] = {
    "dt.datetime": read_time,
    "dt.datetime | None": read_time,
    "PostStatus": PostStatus,
    "VoteMode": VoteMode,
    "CaseAction": CaseAction,
}


@functools.cache
def _plan(cls: Any) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    fields = cls.__dataclass_fields__
    return tuple((name, _READERS.get(str(field.type))) for name, field in fields.items())


def as_record(cls: type[T], row: Row, prefix: str = "") -> T:
    """A storage module's record from a row whose columns are named as its fields (after `prefix`):
    times as aware datetimes, statuses, modes and actions as the bot's enums (None stays None)."""
    values = {}
    plan: Any = cls  # a dataclass: hashable, with __dataclass_fields__
    for name, read in _plan(plan):
        value = row[prefix + name]
        values[name] = read(value) if read is not None and value is not None else value
    return cls(**values)
