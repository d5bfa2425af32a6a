"""`python -m bot` when it cannot start: one line on stderr naming the cause, a non-zero exit, no
traceback, and no hang (each run has a generous time limit that only a hang reaches). The same for
`db backup` when the copy cannot be written: one line, and no partial file left behind."""

from __future__ import annotations

import contextlib
import os
import resource
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HANG_GUARD_SECONDS = 30


def closed_port() -> int:
    """A 127.0.0.1 port nothing listens on (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def bot(
    *args: str, cwd: Path, env: dict[str, str], preexec_fn: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_", "SEEDS_", "LOG_"))}
    port = closed_port()
    base |= {
        "PYTHONPATH": str(REPO),
        "PYTHONDONTWRITEBYTECODE": "1",
        "DISCORD_TOKEN": "a.b.c",
        "DISCORD_API_BASE_URL": f"http://127.0.0.1:{port}/api/v10",
        "DISCORD_GATEWAY_URL": f"ws://127.0.0.1:{port}/gateway",
        "LOG_LEVEL": "WARNING",  # INFO adds start-up progress lines; the failure itself is one line
        "SEEDS_DIR": str(REPO / "seeds"),
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=base | env,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        preexec_fn=preexec_fn,
    )


def assert_one_line(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode not in (0, None), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for text in expected:
        assert text in lines[0], lines[0]


def migrated(path: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "bot", "db", "migrate"],
        env={**os.environ, "PYTHONPATH": str(REPO), "DATABASE_PATH": str(path)},
        cwd=path.parent,
        check=True,
        capture_output=True,
        timeout=HANG_GUARD_SECONDS,
    )
    return path


@contextlib.contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Really read-only, for root too (which ignores permission bits): the immutable attribute."""
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
    immutable = os.geteuid() == 0
    if immutable:
        subprocess.run(["chattr", "+i", *map(str, paths)], check=True)
    try:
        with pytest.raises(OSError):  # the condition the test needs really holds
            (paths[-1] / "probe" if paths[-1].is_dir() else paths[-1]).open("ab").close()
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", *map(str, paths)], check=True)
        for path in paths:
            path.chmod(0o755 if path.is_dir() else 0o644)


def small_file_limit(limit: int = 20_000) -> Callable[[], None]:
    """A disk that fills up: writes past `limit` bytes fail (EFBIG) in the child process."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_database_file_that_is_not_sqlite(tmp_path: Path):
    garbage = tmp_path / "bot.sqlite3"
    garbage.write_bytes(os.urandom(5000))
    result = bot(cwd=tmp_path, env={"DATABASE_PATH": str(garbage)})
    assert_one_line(result, str(garbage), "not a database")


def test_a_truncated_database(tmp_path: Path):
    database = migrated(tmp_path / "bot.sqlite3")
    with sqlite3.connect(database) as connection:  # enough rows for the file to span many pages
        connection.executemany(
            "INSERT INTO bot_meta (key, value) VALUES (?, ?)", [(f"k{i}", "v" * 500) for i in range(200)]
        )
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 3])
    result = bot(cwd=tmp_path, env={"DATABASE_PATH": str(database)})
    assert_one_line(result, str(database))


def test_a_read_only_database(tmp_path: Path):
    folder = tmp_path / "data"
    folder.mkdir()
    database = migrated(folder / "bot.sqlite3")
    with read_only(database, folder):
        result = bot(cwd=tmp_path, env={"DATABASE_PATH": str(database)})
    assert_one_line(result, str(database), "read-only")


def test_a_database_path_that_is_a_directory(tmp_path: Path):
    result = bot(cwd=tmp_path, env={"DATABASE_PATH": str(tmp_path)})
    assert_one_line(result, str(tmp_path), "directory")


def test_a_fifo_or_a_device_as_the_database_is_named_for_what_it_is(tmp_path: Path):
    """SQLite called both a "disk I/O error" (is the disk full?), and the FIFO left two tracebacks
    from aiosqlite's worker thread behind the line; `db check` waited for a writer forever."""
    fifo = tmp_path / "bot.sqlite3"
    os.mkfifo(fifo)
    result = bot(cwd=tmp_path, env={"DATABASE_PATH": str(fifo)})
    assert_one_line(result, str(fifo), "is a FIFO (named pipe), not a regular file")
    assert "disk" not in result.stderr and result.returncode == 1
    checked = bot("db", "check", cwd=tmp_path, env={"DATABASE_PATH": str(fifo)})
    assert checked.returncode == 1 and "is a FIFO (named pipe)" in checked.stdout + checked.stderr
    result = bot(cwd=tmp_path, env={"DATABASE_PATH": "/dev/null"})
    assert_one_line(result, "/dev/null is a character device, not a regular file")


def test_a_database_path_under_a_regular_file(tmp_path: Path):
    (tmp_path / "data").write_text("not a folder")
    result = bot(cwd=tmp_path, env={"DATABASE_PATH": "data/sub/bot.sqlite3"})
    assert_one_line(result, f"cannot be created: {tmp_path / 'data'} is a file, not a folder")
    assert "File exists" not in result.stderr and result.returncode == 1


@pytest.mark.parametrize(
    ("setting", "value", "expected"),
    [
        ("DATABASE_PATH", "file:{tmp}/bot.sqlite3?mode=ro", "is a SQLite URI; give the file's path itself"),
        ("DATABASE_PATH", ":memory:", "':memory:' would keep the bot's data in memory only"),
        ("DATABASE_URL", "sqlite:///:memory:", "':memory:' would keep the bot's data in memory only"),
    ],
)
def test_a_database_that_is_not_a_file_is_refused_with_why(tmp_path: Path, setting: str, value: str, expected: str):
    """A URI made a folder named `file:` and a traceback; `:memory:` ran, and lost everything at the stop."""
    result = bot(cwd=tmp_path, env={setting: value.format(tmp=tmp_path)})
    assert_one_line(result, f"invalid setting {setting}: ", expected)
    assert result.returncode == 2 and list(tmp_path.iterdir()) == []  # nothing created


def test_a_full_disk(tmp_path: Path):
    database = tmp_path / "bot.sqlite3"
    result = bot(cwd=tmp_path, env={"DATABASE_PATH": str(database)}, preexec_fn=small_file_limit())
    assert_one_line(result, str(database))


def test_discord_unreachable(tmp_path: Path):
    result = bot(cwd=tmp_path, env={"DATABASE_PATH": str(tmp_path / "bot.sqlite3")})
    assert_one_line(result, "cannot reach Discord", "127.0.0.1")


def test_discord_unreachable_at_info_level_ends_in_the_error_line_without_a_traceback(tmp_path: Path):
    result = bot(cwd=tmp_path, env={"DATABASE_PATH": str(tmp_path / "bot.sqlite3"), "LOG_LEVEL": "INFO"})
    assert result.returncode not in (0, None) and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("error: cannot reach Discord")


def partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "partial" in p.name)


def test_db_backup_onto_a_directory_leaves_nothing_behind(tmp_path: Path):
    database = migrated(tmp_path / "bot.sqlite3")
    target = tmp_path / "backups"
    target.mkdir()
    result = bot("db", "backup", str(target), cwd=tmp_path, env={"DATABASE_PATH": str(database)})
    assert_one_line(result, str(target))
    assert partials(tmp_path) == [] and list(target.iterdir()) == []


def test_db_backup_into_a_read_only_folder(tmp_path: Path):
    database = migrated(tmp_path / "bot.sqlite3")
    target = tmp_path / "backups"
    target.mkdir()
    with read_only(target):
        result = bot("db", "backup", str(target / "copy.sqlite3"), cwd=tmp_path, env={"DATABASE_PATH": str(database)})
    assert_one_line(result, str(target / "copy.sqlite3"))
    assert list(target.iterdir()) == []


def test_db_backup_onto_a_full_disk_leaves_no_partial_file(tmp_path: Path):
    database = migrated(tmp_path / "bot.sqlite3")
    with sqlite3.connect(database) as connection:
        connection.executemany(
            "INSERT INTO bot_meta (key, value) VALUES (?, ?)", [(f"k{i}", "v" * 500) for i in range(200)]
        )
    target = tmp_path / "backups"
    target.mkdir()
    result = bot(
        "db",
        "backup",
        str(target / "copy.sqlite3"),
        cwd=tmp_path,
        env={"DATABASE_PATH": str(database)},
        preexec_fn=small_file_limit(),
    )
    assert_one_line(result, str(target / "copy.sqlite3"))
    assert list(target.iterdir()) == []


def test_db_backup_of_a_file_that_is_not_sqlite(tmp_path: Path):
    garbage = tmp_path / "bot.sqlite3"
    garbage.write_bytes(os.urandom(5000))
    result = bot("db", "backup", str(tmp_path / "copy.sqlite3"), cwd=tmp_path, env={"DATABASE_PATH": str(garbage)})
    assert_one_line(result, "not a database")
    assert partials(tmp_path) == [] and not (tmp_path / "copy.sqlite3").exists()


def test_db_migrate_and_moderation_check_on_a_file_that_is_not_sqlite(tmp_path: Path):
    garbage = tmp_path / "bot.sqlite3"
    garbage.write_bytes(os.urandom(5000))
    assert_one_line(bot("db", "migrate", cwd=tmp_path, env={"DATABASE_PATH": str(garbage)}), "not a database")
    checked = bot("moderation", "check", "hello", "--guild", "42", cwd=tmp_path, env={"DATABASE_PATH": str(garbage)})
    assert_one_line(checked, "not a database")


def test_an_id_over_64_bits_is_a_usage_error(tmp_path: Path):
    result = bot("moderation", "check", "hello", "--guild", str(2**64), cwd=tmp_path, env={})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "is not a Discord id" in result.stderr
