"""The database with its time measured: reads, writes, and the wait for the write lock (SQLite) or for a
pooled connection (PostgreSQL)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Protocol

from bot.database_url import DatabaseUrl
from bot.storage.database import Database, Row, Transaction


class Observer(Protocol):
    def observe(self, amount: float) -> None: ...


class TimedDatabase(Database):
    """A Database whose queries report their seconds to observers (histograms) (opened with `open_timed`)."""

    _read: Observer | None = None
    _write: Observer | None = None
    _wait: Observer | None = None

    @classmethod
    async def open_timed(
        cls, target: DatabaseUrl | Path | str, *, read: Observer, write: Observer, lock_wait: Observer
    ) -> TimedDatabase:
        db = await cls.open(target)
        assert isinstance(db, TimedDatabase)
        db._read, db._write, db._wait = read, write, lock_wait
        return db

    async def fetch_one(self, sql: str, parameters: Iterable[Any] = ()) -> Row | None:
        started = time.perf_counter()
        try:
            return await super().fetch_one(sql, parameters)
        finally:
            if self._read is not None:
                self._read.observe(time.perf_counter() - started)

    async def fetch_all(self, sql: str, parameters: Iterable[Any] = ()) -> list[Row]:
        started = time.perf_counter()
        try:
            return await super().fetch_all(sql, parameters)
        finally:
            if self._read is not None:
                self._read.observe(time.perf_counter() - started)

    async def execute(self, sql: str, parameters: Iterable[Any] = ()) -> int:
        # One statement: on PostgreSQL it commits by itself, without a transaction() around it.
        started = time.perf_counter()
        try:
            return await super().execute(sql, parameters)
        finally:
            if self._write is not None:
                self._write.observe(time.perf_counter() - started)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        asked = time.perf_counter()
        began = asked
        try:
            async with super().transaction() as connection:
                began = time.perf_counter()
                if self._wait is not None:
                    self._wait.observe(began - asked)
                yield connection
        finally:
            if self._write is not None:
                self._write.observe(time.perf_counter() - began)
