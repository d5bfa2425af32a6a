"""The articles available to post: the seeds folder, parsed once per file change, and feed articles.

The folder is read and parsed in a thread by `refresh()` (at start-up and on every scan of the seeds
folder); the lookups (`articles`, `get`, `find`, `search`) read memory only, so nothing on the event
loop waits for the disk, or for a file that never finishes reading.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path

from bot.articles.catalog import article_paths
from bot.articles.model import ARTICLE_SUFFIX, Article, ArticleError, slug_for
from bot.articles.parser import parse_article_file

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Cached:
    stamp: tuple[float, int, float]
    article: Article | None
    error: str | None


@dataclass(frozen=True, slots=True)
class _Scan:
    cache: dict[Path, _Cached]
    articles: list[Article]
    problems: frozenset[str]  # one line per file skipped, refused or not taken whole


def _stamp(path: Path) -> tuple[float, int, float]:
    stat = path.stat()
    sidecar = path.with_suffix(".toml")
    return stat.st_mtime, stat.st_size, sidecar.stat().st_mtime if sidecar.exists() else 0.0


def _scan(seeds_dir: Path, previous: dict[Path, _Cached]) -> _Scan:
    """The folder now, re-parsing only changed files. Blocking: runs in a thread."""
    cache: dict[Path, _Cached] = {}
    articles: list[Article] = []
    paths, problems = article_paths(seeds_dir) if seeds_dir.is_dir() else ([], [])
    for path in paths:
        try:
            stamp = _stamp(path)
        except OSError:
            continue
        cached = previous.get(path)
        if cached is None or cached.stamp != stamp:
            try:
                cached = _Cached(stamp, parse_article_file(path), None)
            except ArticleError as error:
                cached = _Cached(stamp, None, str(error))
        cache[path] = cached
        if cached.article is not None:
            articles.append(cached.article)
            problems.extend(cached.article.warnings)
        elif cached.error is not None:
            problems.append(cached.error)
    return _Scan(cache, articles, frozenset(problems))


class ArticleLibrary:
    """Finds articles by slug or title, from memory; `refresh()` brings the seeds folder in."""

    def __init__(self, seeds_dir: Path) -> None:
        self.seeds_dir = seeds_dir
        self._cache: dict[Path, _Cached] = {}
        self._seeds: list[Article] = []
        self._problems: frozenset[str] = frozenset()
        self._refreshing = asyncio.Lock()
        self._registered: dict[str, tuple[Article, int]] = {}  # from feeds: slug -> (article, guild id)

    async def refresh(self) -> None:
        """Read the seeds folder again (changed files only), in a thread. Each problem is logged once,
        when it first appears."""
        async with self._refreshing:
            scan = await asyncio.to_thread(_scan, self.seeds_dir, self._cache)
            self._cache, self._seeds = scan.cache, scan.articles
            for problem in sorted(scan.problems - self._problems):
                log.warning("Article file skipped or not taken whole: %s", problem)
            self._problems = scan.problems

    def register(self, article: Article, guild_id: int) -> None:
        """An article from another source (a feed), visible in one server."""
        self._registered[article.slug] = (article, guild_id)

    def articles(self, guild_id: int | None = None) -> list[Article]:
        """Seed articles, plus the registered ones of `guild_id` (all of them when None)."""
        found = list(self._seeds)
        found.extend(a for a, g in self._registered.values() if guild_id is None or g == guild_id)
        return found

    def seeds(self) -> list[Article]:
        """The seed articles alone (every server sees them)."""
        return list(self._seeds)

    def get(self, slug: str) -> Article | None:
        if slug in self._registered:
            return self._registered[slug][0]
        return next((a for a in self._seeds if a.slug == slug), None)

    def find(self, query: str, guild_id: int | None = None) -> Article | None:
        """By slug, then exact title, then the only title containing the query."""
        wanted = query.strip().casefold()
        articles = self.articles(guild_id)
        for article in articles:
            if article.slug == wanted or article.slug == slug_for(Path(wanted + ARTICLE_SUFFIX)):
                return article
        for article in articles:
            if article.title.casefold() == wanted:
                return article
        matches = [a for a in articles if wanted and wanted in a.title.casefold()]
        return matches[0] if len(matches) == 1 else None

    def search(self, text: str, limit: int = 25, guild_id: int | None = None) -> list[Article]:
        """For autocomplete: slug or title matches, prefix matches first."""
        needle = text.strip().casefold()
        scored = []
        for article in self.articles(guild_id):
            haystacks = (article.slug, article.title.casefold())
            if not needle:
                scored.append((2, article.title.casefold(), article))
            elif any(h.startswith(needle) for h in haystacks):
                scored.append((0, article.title.casefold(), article))
            elif any(needle in h for h in haystacks):
                scored.append((1, article.title.casefold(), article))
        scored.sort(key=lambda item: (item[0], item[1]))
        return [article for _, _, article in scored[:limit]]
