"""Backups on a schedule: BACKUP_EVERY_HOURS, the newest BACKUP_KEEP kept in BACKUP_DIR.

`write_backup` is the one place that knows how to copy the database: SQLite's online backup API
(a standalone SQLite file), or `pg_dump`'s custom format for PostgreSQL (`<database>-<time>.dump`).
A failed backup is logged as an error and counted (bot_backups_total{result="failed"}); the bot
carries on and tries again sooner.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

from bot.metrics import BotMetrics
from bot.settings import Settings
from bot.storage.admin import backup as database_backup
from bot.storage.maintenance import backup_database, make_standalone

log = logging.getLogger(__name__)

RETRY_SECONDS = 600.0  # after a failure, at most this long before the next try


def backup_basis(settings: Settings) -> Path:
    """What scheduled backups are named after: the SQLite file, or `<database name>.dump` on PostgreSQL."""
    url = settings.database()
    if url.path is not None:
        return url.path
    assert url.dsn is not None
    return Path(f"{urlsplit(url.dsn).path.strip('/') or 'postgresql'}.dump")


def backup_name(database: Path, now: dt.datetime) -> str:
    """`discussion-bot-20260102T030405.678Z.sqlite3` for `discussion-bot.sqlite3`: names sort by time."""
    utc = now.astimezone(dt.UTC)
    return f"{database.stem}-{utc:%Y%m%dT%H%M%S}.{utc.microsecond // 1000:03d}Z{database.suffix}"


def existing_backups(database: Path, directory: Path) -> list[Path]:
    """This database's scheduled backups in `directory`, oldest first (other files are left alone)."""
    if not directory.is_dir():
        return []
    pattern = f"{database.stem}-????????T??????.???Z{database.suffix}"
    return sorted(directory.glob(pattern))


async def write_backup(settings: Settings, now: dt.datetime) -> Path:
    """Write one consistent copy of the database into the backup directory; its path."""
    directory = settings.backup_directory()
    destination = directory / backup_name(backup_basis(settings), now)
    url = settings.database()
    if url.path is None:  # PostgreSQL: pg_dump, one snapshot in its custom format
        await database_backup(url, destination)
        return destination
    await asyncio.to_thread(backup_database, url.path, destination)
    await asyncio.to_thread(make_standalone, destination)
    return destination


def rotate(database: Path, directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups; the paths deleted."""
    backups = existing_backups(database, directory)
    doomed = backups[: max(0, len(backups) - keep)]
    for path in doomed:
        path.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return doomed


BACKUPS_LEASE = "backups"


class BackupScheduler:
    def __init__(
        self,
        settings: Settings,
        metrics: BotMetrics,
        *,
        hold_lease: Callable[[str], Awaitable[bool]] | None = None,
    ) -> None:
        self.settings = settings
        self.metrics = metrics
        # Shard processes share one database: the holder of the backups lease backs it up, the others
        # look again now and then (and take over when the holder is gone).
        self.hold_lease = hold_lease
        self.interval = settings.backup_every_hours * 3600
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self.interval > 0 and self._task is None:
            self._task = asyncio.create_task(self._run(), name="scheduled-backups")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def _first_delay(self) -> float:
        """The next backup is due an interval after the newest one (now, if there is none): a bot
        that restarts often still backs up on time."""
        backups = existing_backups(backup_basis(self.settings), self.settings.backup_directory())
        if not backups:
            return 0.0
        age = time.time() - backups[-1].stat().st_mtime
        return max(0.0, self.interval - age)

    async def _run(self) -> None:
        delay = self._first_delay()
        while True:
            await asyncio.sleep(delay)
            if not await self._mine():
                delay = min(self.interval, RETRY_SECONDS)
                continue
            delay = self.interval if await self.run_once() else min(self.interval, RETRY_SECONDS)

    async def _mine(self) -> bool:
        if self.hold_lease is None:
            return True
        try:
            return await self.hold_lease(BACKUPS_LEASE)
        except Exception as error:  # the database is away: no backup of it now either
            log.error("Scheduled backup skipped: the backups lease cannot be taken: %s", error)
            return False

    async def run_once(self) -> bool:
        """One backup and rotation; False (logged and counted) if it failed."""
        try:
            path = await write_backup(self.settings, dt.datetime.now(dt.UTC))
            removed = await asyncio.to_thread(
                rotate, backup_basis(self.settings), self.settings.backup_directory(), self.settings.backup_keep
            )
        except asyncio.CancelledError:
            raise
        except Exception as error:
            self.metrics.backup_failed.inc()
            log.error("Scheduled backup failed: %s: %s", type(error).__name__, error)
            return False
        self.metrics.backup_ok.inc()
        self.metrics.backup_last_success.set(time.time())
        log.info("Backed up the database to %s%s", path, f"; removed {len(removed)} older" if removed else "")
        return True
