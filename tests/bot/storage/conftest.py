"""Every test in this folder runs on both engines: SQLite and a real PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.storage import Database
from tests.postgres import PostgresCluster

ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames:
        metafunc.parametrize("engine", ENGINES)


@pytest.fixture(autouse=True)
def _on_every_engine(engine: str) -> str:
    return engine  # makes every test here ask for `engine`, so each is parametrized with both


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = await Database.open(database_url)
    await database.migrate()
    yield database
    await database.close()


@pytest.fixture
async def new_database(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[NewDatabase]:
    """Makes more databases on the test's engine (empty, or migrated), dropped after the test."""
    maker = NewDatabase(engine, tmp_path, request)
    yield maker
    await maker.drop_all()


class NewDatabase:
    def __init__(self, engine: str, folder: Path, request: pytest.FixtureRequest) -> None:
        self.engine = engine
        self.folder = folder
        self.request = request
        self.made: list[str] = []

    @property
    def cluster(self) -> PostgresCluster:
        return self.request.getfixturevalue("postgres_cluster")

    async def __call__(self, *, migrated: bool = False, engine: str | None = None) -> str:
        """A new database's URL."""
        if (engine or self.engine) == "sqlite":
            path = self.folder / f"extra-{len(self.made)}.sqlite3"
            self.made.append(str(path))
            if migrated:
                db = await Database.open(path)
                await db.migrate()
                await db.close()
            return f"sqlite:///{path}"
        name = await self.cluster.create_database(migrated=migrated)
        self.made.append(name)
        return self.cluster.dsn(name)

    async def drop_all(self) -> None:
        for name in self.made:
            if not name.endswith(".sqlite3"):
                await self.cluster.drop_database(name)
