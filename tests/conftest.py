from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.client import DiscussionBot
from bot.storage import Database
from discord_emulator import Emulator
from tests.harness import World, bot_environment, build_world, running_bot
from tests.postgres import PostgresCluster


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """One throw-away PostgreSQL for the session, started by the first test that needs it."""
    cluster = PostgresCluster().start()
    try:
        cluster.prepare_templates()
        yield cluster
    finally:
        cluster.stop()


# Every test of storage runs on both engines: SQLite and a real PostgreSQL.
BOTH_ENGINES = Path(__file__).parent / "bot" / "storage"
ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames and metafunc.definition.path.is_relative_to(BOTH_ENGINES):
        metafunc.parametrize("engine", ENGINES)


@pytest.fixture
def engine() -> str:
    """The database a test runs on: SQLite unless the test (or its folder) parametrizes `engine`
    with "postgresql" (tests/bot/storage runs every test on both)."""
    return "sqlite"


@pytest.fixture
async def database_url(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[str]:
    """A fresh database for the test on its engine (PostgreSQL: migrated already, like a bot's after a start)."""
    if engine == "sqlite":
        yield f"sqlite:///{tmp_path / 'bot.sqlite3'}"
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    name = await cluster.create_database()
    try:
        yield cluster.dsn(name)
    finally:
        await cluster.drop_database(name)


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emu = Emulator()
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()
    # Every request body the bot sent must validate against Discord's OpenAPI description.
    assert not emu.schema_problems, "\n".join(map(str, emu.schema_problems))
    assert not emu.internal_errors, "\n".join(emu.internal_errors)  # the emulator's own bugs


@pytest.fixture
def world(emulator: Emulator) -> World:
    return build_world(emulator)


@pytest.fixture
def bot_env(
    emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str, database_url: str
) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)  # no developer .env leaks into tests
    return bot_environment(emulator, tmp_path, database_url=None if engine == "sqlite" else database_url)


@pytest.fixture
async def bot(world: World, bot_env: dict[str, str]) -> AsyncIterator[DiscussionBot]:
    async with running_bot(bot_env) as running:
        yield running


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    """A fresh, migrated database for a unit test of storage or of a service (on the test's engine)."""
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
