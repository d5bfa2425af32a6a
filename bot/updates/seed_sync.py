"""Watch the seeds folder: new files become articles (auto-posted where configured), new `Update:`
paragraphs become updates, in order, once; a reworded update edits the one already sent.

A file is read only once it has stopped changing for one scan, so a half-written file is not
taken for a finished one; a file that does not parse is reported once and changes nothing. Only
regular files are read (a FIFO named *.txt is skipped, with one log line), and the folder is listed,
and files are read and parsed, in a thread: the event loop never waits on the disk.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.articles.catalog import article_paths
from bot.articles.library import ArticleLibrary
from bot.articles.model import Article, ArticleError, slug_for
from bot.articles.parser import parse_article_file
from bot.storage import updates as update_store
from bot.storage.database import Database
from bot.text_key import text_key

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Seen:
    stamp: str
    since: float


@dataclass(slots=True)
class SyncReport:
    new_articles: list[Article] = field(default_factory=list)
    new_updates: int = 0
    edited_updates: int = 0


def file_stamp(path: Path) -> str | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    sidecar = path.with_suffix(".toml")
    sidecar_mtime = sidecar.stat().st_mtime_ns if sidecar.exists() else 0
    return f"{stat.st_mtime_ns}:{stat.st_size}:{sidecar_mtime}"


class SeedSync:
    def __init__(
        self,
        db: Database,
        seeds_dir: Path,
        *,
        settle_seconds: float,
        on_new_article: Callable[[Article], Awaitable[None]] | None = None,
    ) -> None:
        self.db = db
        self.seeds_dir = seeds_dir
        self.settle_seconds = settle_seconds
        self.on_new_article = on_new_article
        self._observed: dict[Path, _Seen] = {}
        self._processed: dict[Path, str] = {}
        self._reported: dict[Path, str] = {}
        self._skipped: set[str] = set()
        self._first_scan = True

    async def scan(self) -> SyncReport:
        report = SyncReport()
        baseline = self._first_scan and await update_store.known_seed_count(self.db) == 0
        now = time.monotonic()
        stamps, skipped = await asyncio.to_thread(self._look)
        for line in sorted(skipped - self._skipped):
            log.warning("Seed file skipped: %s", line)
        self._skipped = skipped
        for gone in set(self._processed) - set(stamps):
            log.warning("Seed file %s was removed; its article and updates stay as they are", gone)
            del self._processed[gone]
            self._observed.pop(gone, None)
        for path, stamp in stamps.items():
            if stamp is None or self._processed.get(path) == stamp:
                continue
            seen = self._observed.get(path)
            if seen is None or seen.stamp != stamp:
                self._observed[path] = _Seen(stamp, now)
                if not self._first_scan:
                    continue  # still changing, perhaps being written: look again next scan
            elif now - seen.since < self.settle_seconds:
                continue
            await self._process(path, stamp, report, baseline=baseline)
        self._first_scan = False
        return report

    def _look(self) -> tuple[dict[Path, str | None], set[str]]:
        """The article files and their stamps, and a line for each *.txt skipped. Blocking: in a thread."""
        if not self.seeds_dir.is_dir():
            return {}, set()
        paths, skipped = article_paths(self.seeds_dir)
        return {path: file_stamp(path) for path in paths}, set(skipped)

    async def _process(self, path: Path, stamp: str, report: SyncReport, *, baseline: bool) -> None:
        try:
            article = await asyncio.to_thread(parse_article_file, path)
        except ArticleError as error:
            if self._reported.get(path) != stamp:
                log.warning("Seed file not usable, nothing taken from it: %s", error)
                self._reported[path] = stamp
            return
        for warning in article.warnings:  # once per version of the file: a processed stamp is not read again
            log.warning("Seed file not taken whole: %s", warning)
        slug = slug_for(path)
        is_new = await update_store.seen_seed(self.db, slug) is None
        for index, update in enumerate(article.updates):
            ref = f"seed:{index}"
            existing = await update_store.update_by_source(self.db, slug, ref)
            if existing is None:
                record, created = await update_store.store_update(
                    self.db,
                    article_slug=slug,
                    guild_id=None,
                    label=update.label,
                    text=update.text,
                    source="seed",
                    source_ref=ref,
                )
                if created:
                    report.new_updates += 1
                    # The update's own number, as its message (its footer) and /update show it; the
                    # paragraph's place in the file is a different count.
                    log.info(
                        "New update %d of %s, from update paragraph %d of its seed file", record.id, slug, index + 1
                    )
            elif text_key(existing.text) != text_key(update.text) and not existing.retracted:
                try:
                    await update_store.edit_update(self.db, existing.id, update.text)
                except update_store.DuplicateUpdate:
                    log.warning(
                        "Update %d of %s (update paragraph %d of its seed file) now repeats another; not changed",
                        existing.id,
                        slug,
                        index + 1,
                    )
                    continue
                report.edited_updates += 1
                log.info(
                    "Update %d of %s was reworded in its seed file (update paragraph %d)", existing.id, slug, index + 1
                )
        await update_store.remember_seed(self.db, slug, stamp)
        self._processed[path] = stamp
        self._reported.pop(path, None)
        if is_new and not baseline:
            report.new_articles.append(article)
            if self.on_new_article is not None:
                await self.on_new_article(article)


SEEDS_LEASE = "seeds"


class SeedWatcher:
    """One look at the seeds folder, as the seeds extension takes it every SEED_POLL_SECONDS: the
    article library read again (what /article and the chat see), new and changed files synced, the
    updates found handed to delivery, and queued new articles auto-posted.

    With several shard processes every one reads the library, but only the holder of the seeds lease
    syncs (one process records each update once and queues each new article once); every process
    auto-posts queued articles in its own servers."""

    def __init__(
        self,
        library: ArticleLibrary,
        sync: SeedSync,
        *,
        wake_delivery: Callable[[], None],
        hold_lease: Callable[[str], Awaitable[bool]],
        post_queued: Callable[[], Awaitable[int]],
    ) -> None:
        self.library = library
        self.sync = sync
        self.wake_delivery = wake_delivery
        self.hold_lease = hold_lease
        self.post_queued = post_queued

    async def check(self) -> SyncReport:
        await self.library.refresh()
        report = SyncReport()
        if await self.hold_lease(SEEDS_LEASE):
            report = await self.sync.scan()
        if report.new_updates or report.edited_updates:
            self.wake_delivery()
        await self.post_queued()
        return report
