"""`python -m bot db backup|check` on either engine (SQLite's file operations live in maintenance.py)."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from bot.database_url import DatabaseUrl
from bot.storage.database import Database, load_migrations
from bot.storage.engine import DatabaseError, Transaction
from bot.storage.maintenance import backup_database, check_database

# Counts the triggers keep next to the votes must equal the votes themselves (portable SQL: both engines).
_COUNT_CHECKS = (
    (
        "poll_options",
        "SELECT o.post_id, o.answer_id, o.votes, (SELECT COUNT(*) FROM poll_votes v "
        "WHERE v.post_id = o.post_id AND v.answer_id = o.answer_id) FROM poll_options o",
    ),
    (
        "exit_answers",
        "SELECT a.id, NULL, a.votes, (SELECT COUNT(*) FROM exit_answer_votes v WHERE v.answer_id = a.id) "
        "FROM exit_answers a",
    ),
)


@dataclass
class CheckResult:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was not checked, and why


async def count_problems(db: Database | Transaction) -> list[str]:
    """Vote counts that differ from the vote rows they count (in a database, or inside a transaction)."""
    problems = []
    for table, sql in _COUNT_CHECKS:
        for row in await db.fetch_all(sql):
            if int(row[2]) != int(row[3]):
                where = f"post {row[0]} answer {row[1]}" if row[1] is not None else f"answer {row[0]}"
                problems.append(f"{table}: {where} counts {row[2]} votes but has {row[3]}")
    return problems


async def check(url: DatabaseUrl) -> CheckResult:
    """Integrity checks; an empty `problems` means healthy."""
    result = CheckResult()
    if url.engine == "sqlite":
        assert url.path is not None
        result.problems = await asyncio.to_thread(check_database, url.path)
        if result.problems:  # too damaged (or missing) to read further
            return result
    try:
        db = await Database.open(url)
    except DatabaseError as error:
        result.problems.append(str(error))
        return result
    try:
        latest = len(load_migrations())
        version = await db.schema_version()
        if version < latest:
            result.problems.append(f"schema version {version}, this bot expects {latest}: run python -m bot db migrate")
            return result
        if version > latest:
            result.problems.append(f"schema version {version} is newer than this bot knows ({latest})")
            return result
        result.problems += await count_problems(db)
        if url.engine == "postgresql":
            await _postgres_checks(db, result)
    finally:
        await db.close()
    return result


async def _postgres_checks(db: Database, result: CheckResult) -> None:
    from bot.storage.postgres_engine import postgres_integrity

    problems, notes = await postgres_integrity(db.engine)
    result.problems += problems
    result.notes += notes


# -- backup --------------------------------------------------------------------------------------
def find_pg_dump() -> str | None:
    """The newest pg_dump: Debian's versioned folders first (a pg_dump older than the server refuses)."""
    versions = []
    for candidate in Path("/usr/lib/postgresql").glob("*/bin/pg_dump"):
        number = candidate.parent.parent.name
        if re.fullmatch(r"\d+(\.\d+)?", number):
            versions.append((float(number), str(candidate)))
    if versions:
        return max(versions)[1]
    return shutil.which("pg_dump")


def _libpq_arguments(dsn: str) -> tuple[str, dict[str, str]]:
    """The URL without its password (for the command line, which others can read) and the password
    as PGPASSWORD for pg_dump's environment."""
    parts = urlsplit(dsn)
    env: dict[str, str] = {}
    netloc = parts.netloc
    if "@" in netloc:
        credentials, _, host = netloc.rpartition("@")
        user, has_password, password = credentials.partition(":")
        if has_password:
            env["PGPASSWORD"] = unquote(password)
        netloc = f"{user}@{host}"
    query = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key == "password":
            env["PGPASSWORD"] = value
        else:
            query.append((key, value))
    return urlunsplit(("postgresql", netloc, parts.path, urlencode(query), "")), env


async def backup(url: DatabaseUrl, destination: Path) -> str:
    """A consistent copy of the database at `destination`, safe while the bot runs; a line saying what
    was written. SQLite: the online backup API (a SQLite file). PostgreSQL: pg_dump's custom format
    (one snapshot; restore with pg_restore). Raises OSError with one line on failure."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    if url.engine == "sqlite":
        assert url.path is not None
        pages = await asyncio.to_thread(backup_database, url.path, destination)
        return f"backed up {url.path} to {destination} ({pages} pages)"
    pg_dump = find_pg_dump()
    if pg_dump is None:
        raise OSError("pg_dump is not installed (Debian: apt-get install postgresql-client)")
    assert url.dsn is not None
    target, secret = _libpq_arguments(url.dsn)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    process = await asyncio.create_subprocess_exec(
        pg_dump,
        "--format=custom",
        "--no-password",
        f"--file={partial}",
        f"--dbname={target}",
        env={**os.environ, **secret},
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await process.communicate()
    if process.returncode != 0:
        partial.unlink(missing_ok=True)
        reason = stderr.decode(errors="replace").strip().splitlines()
        raise OSError(f"pg_dump failed for {url.redacted()}: {reason[-1] if reason else process.returncode}")
    size = await asyncio.to_thread(lambda: partial.replace(destination).stat().st_size)
    return f"backed up {url.redacted()} to {destination} ({size:,} bytes, pg_dump's custom format: use pg_restore)"
