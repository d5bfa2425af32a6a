"""Operator tasks on the database file: backup and integrity check (synchronous; run from the CLI)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def backup_database(source: Path, destination: Path) -> int:
    """Copy `source` to `destination` consistently, even while the bot writes; returns the page count.

    SQLite's online backup copies every page in one step under a read transaction, so the copy
    is one snapshot of the database (WAL lets the bot keep writing meanwhile).
    """
    if not source.exists():
        raise FileNotFoundError(f"{source}: no such database")
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_name(destination.name + ".partial")
    tmp.unlink(missing_ok=True)
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
    return int(pages)


def check_database(path: Path) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks; an empty list means healthy."""
    if not path.exists():
        return [f"{path}: no such database"]
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check") if row[0] != "ok"]
        for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} points to a missing row in {parent}")
        return problems
    except sqlite3.DatabaseError as error:  # too damaged for the checks to run at all
        return [f"{path}: {error}"]
    finally:
        connection.close()
