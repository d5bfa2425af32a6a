"""The database with its time measured: reads, write transactions, and the wait for the write lock."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Protocol

import aiosqlite

from bot.storage.database import Database


class Observer(Protocol):
    def observe(self, amount: float) -> None: ...


class TimedDatabase(Database):
    """A Database whose queries report their seconds to observers (histograms) (opened with `open_timed`)."""

    _read: Observer | None = None
    _write: Observer | None = None
    _wait: Observer | None = None

    @classmethod
    async def open_timed(
        cls, path: Path | str, *, read: Observer, write: Observer, lock_wait: Observer
    ) -> TimedDatabase:
        db = await cls.open(path)
        assert isinstance(db, TimedDatabase)
        db._read, db._write, db._wait = read, write, lock_wait
        return db

    async def fetch_one(self, sql: str, parameters: Iterable[Any] = ()) -> aiosqlite.Row | None:
        started = time.perf_counter()
        try:
            return await super().fetch_one(sql, parameters)
        finally:
            if self._read is not None:
                self._read.observe(time.perf_counter() - started)

    async def fetch_all(self, sql: str, parameters: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        started = time.perf_counter()
        try:
            return await super().fetch_all(sql, parameters)
        finally:
            if self._read is not None:
                self._read.observe(time.perf_counter() - started)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
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
