"""Operator tasks on the database file: backup and integrity check (synchronous; run from the CLI)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path

from bot.storage.sqlite_engine import unusable_path


class BackupError(Exception):
    """The copy could not be made; one line naming the file and the cause. Nothing is left behind."""


def backup_database(source: Path, destination: Path) -> int:
    """Copy `source` to `destination` consistently, even while the bot writes; returns the page count.

    SQLite's online backup copies every page in one step under a read transaction, so the copy
    is one snapshot of the database (WAL lets the bot keep writing meanwhile). The copy is written
    to a temporary file beside `destination` and renamed over it only when complete: a failure (a full
    disk, an unwritable folder, a damaged source) leaves neither a partial copy nor the temporary file,
    and raises BackupError.
    """
    if not source.exists():
        raise FileNotFoundError(f"{source}: no such database")
    if (reason := unusable_path(source)) is not None:  # a FIFO would keep the reader waiting
        raise BackupError(f"cannot back up {source}: it {reason}")
    if destination.is_dir():
        raise BackupError(f"cannot write the backup to {destination}: it is a directory; give a file name")
    tmp: Path | None = None
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".partial", dir=destination.parent)
        os.close(handle)
        tmp = Path(name)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=5)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst, pages=-1)
                pages = dst.execute("PRAGMA page_count").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        tmp.replace(destination)
        tmp = None
    except sqlite3.Error as error:
        raise BackupError(f"cannot back up {source} to {destination}: {_sqlite_cause(source, error)}") from None
    except OSError as error:
        raise BackupError(f"cannot write the backup to {destination}: {error.strerror or error}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return int(pages)


def _sqlite_cause(source: Path, error: sqlite3.Error) -> str:
    from bot.storage.database import describe_failure

    text = str(error)
    if "file is not a database" in text or "malformed" in text:
        return describe_failure(source, error)
    if "disk" in text.casefold():
        return f"{text} (is the disk full or failing?)"
    return text


def check_database(path: Path) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks; an empty list means healthy."""
    if not path.exists():
        return [f"{path}: no such database"]
    if (reason := unusable_path(path)) is not None:  # a FIFO would keep the reader waiting
        return [f"{path} {reason}"]
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as error:  # a directory, an unreadable file
        return [f"{path}: {error}"]
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check") if row[0] != "ok"]
        for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} points to a missing row in {parent}")
        return problems
    except sqlite3.DatabaseError as error:  # too damaged for the checks to run at all
        return [f"{path}: {error}"]
    finally:
        connection.close()


def make_standalone(path: Path) -> None:
    """The copy keeps the database's WAL mode, so opening it would leave -wal and -shm files beside
    it: a backup is one file, in rollback-journal mode."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
