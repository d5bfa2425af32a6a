"""`python -m bot db migrate|check|backup|copy` as operators run them, on both engines."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

from bot.storage import Database
from tests.bot.storage.populate import populate
from tests.bot.test_cli import run
from tests.conftest import NewDatabase
from tests.postgres import find_bindir


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nobody listens once the probe closes


def _dump_contents(path: Path) -> str:
    return subprocess.run(
        [str(find_bindir() / "pg_restore"), "--list", str(path)], capture_output=True, text=True, check=True
    ).stdout


async def test_migrate_check_backup(new_database: NewDatabase, engine: str, tmp_path: Path):
    url = await new_database()
    env = {"DATABASE_URL": url}
    first = run("db", "migrate", cwd=tmp_path, env=env)
    assert first.returncode == 0 and "applied migrations [1" in first.stdout, first.stderr
    assert "applied" in first.stdout and (engine == "sqlite" or ":***@" in first.stdout)
    again = run("db", "migrate", cwd=tmp_path, env=env)
    assert again.returncode == 0 and "already up to date" in again.stdout
    check = run("db", "check", cwd=tmp_path, env=env)
    assert check.returncode == 0 and check.stdout.strip().endswith(": ok"), check.stdout + check.stderr
    backup_path = tmp_path / "backups" / "bot.backup"
    backup = run("db", "backup", str(backup_path), cwd=tmp_path, env=env)
    assert backup.returncode == 0 and backup_path.exists(), backup.stderr
    if engine == "postgresql":
        assert "TABLE public article_posts" in _dump_contents(backup_path)
        password = url.split(":")[2].split("@")[0]
        assert password not in backup.stdout + first.stdout + check.stdout  # the password is never printed


async def test_check_fails_on_counts_that_drifted(db: Database, tmp_path: Path):
    await populate(db, voters=4)
    await db.execute("UPDATE exit_answers SET votes = votes + 1")
    result = run("db", "check", cwd=tmp_path, env={"DATABASE_URL": str(db.url.dsn or f"sqlite:///{db.path}")})
    assert result.returncode == 1
    assert result.stdout.strip().startswith("exit_answers: answer ") and "counts 2 votes but has 1" in result.stdout


async def test_copy_to_postgresql(db: Database, new_database: NewDatabase, tmp_path: Path):
    await populate(db, voters=20)
    source = db.url.dsn or f"sqlite:///{db.path}"
    target = await new_database(engine="postgresql")
    result = run("db", "copy", "--to", target, cwd=tmp_path, env={"DATABASE_URL": source})
    assert result.returncode == 0, result.stderr
    assert "poll_votes: 20 rows" in result.stdout and "every table's count verified" in result.stdout
    assert target.split(":")[2].split("@")[0] not in result.stdout
    again = run("db", "copy", "--to", target, cwd=tmp_path, env={"DATABASE_URL": source})
    assert again.returncode == 1 and "already holds data" in again.stderr and again.stderr.count("\n") == 1
    bad = run("db", "copy", "--to", "mysql://x/y", cwd=tmp_path, env={"DATABASE_URL": source})
    assert bad.returncode == 2 and "unknown database 'mysql'" in bad.stderr


async def test_an_unreachable_or_refused_database_is_one_line(engine: str, tmp_path: Path, request):
    if engine == "sqlite":
        folder = tmp_path / "a-folder.sqlite3"
        folder.mkdir()
        cases = [(f"sqlite:///{folder}", "is a directory; DATABASE_URL (or DATABASE_PATH) must name a file")]
    else:
        cluster = request.getfixturevalue("postgres_cluster")
        cases = [
            (f"postgresql://bot:hunter2@127.0.0.1:{_closed_port()}/bot", "connection refused"),
            (cluster.dsn("postgres", password="hunter2"), "password authentication failed"),
            (cluster.dsn("no_such_database"), 'database "no_such_database" does not exist'),
        ]
    for url, says in cases:
        result = run("db", "migrate", cwd=tmp_path, env={"DATABASE_URL": url})
        assert result.returncode == 1, result
        assert result.stderr.count("\n") == 1 and says in result.stderr, result.stderr
        assert "Traceback" not in result.stderr and "hunter2" not in result.stderr
