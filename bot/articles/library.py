"""The articles available to post: the seeds folder, parsed once per file change."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from bot.articles.catalog import ARTICLE_SUFFIX, slug_for
from bot.articles.model import Article, ArticleError
from bot.articles.parser import parse_article_file

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Cached:
    stamp: tuple[float, int, float]
    article: Article | None
    error: str | None


class ArticleLibrary:
    """Finds articles by slug or title; re-parses a file only when it (or its sidecar) changed."""

    def __init__(self, seeds_dir: Path) -> None:
        self.seeds_dir = seeds_dir
        self._cache: dict[Path, _Cached] = {}
        self._registered: dict[str, tuple[Article, int]] = {}  # from feeds: slug -> (article, guild id)

    def register(self, article: Article, guild_id: int) -> None:
        """An article from another source (a feed), visible in one server."""
        self._registered[article.slug] = (article, guild_id)

    def _stamp(self, path: Path) -> tuple[float, int, float]:
        stat = path.stat()
        sidecar = path.with_suffix(".toml")
        return stat.st_mtime, stat.st_size, sidecar.stat().st_mtime if sidecar.exists() else 0.0

    def articles(self, guild_id: int | None = None) -> list[Article]:
        """Seed articles, plus the registered ones of `guild_id` (all of them when None)."""
        found = self._seed_articles()
        found.extend(a for a, g in self._registered.values() if guild_id is None or g == guild_id)
        return found

    def _seed_articles(self) -> list[Article]:
        found: list[Article] = []
        paths = sorted(self.seeds_dir.glob(f"*{ARTICLE_SUFFIX}")) if self.seeds_dir.is_dir() else []
        live = set()
        for path in paths:
            if path.name.startswith("."):
                continue
            live.add(path)
            try:
                stamp = self._stamp(path)
            except OSError:
                continue
            cached = self._cache.get(path)
            if cached is None or cached.stamp != stamp:
                try:
                    cached = _Cached(stamp, parse_article_file(path), None)
                except ArticleError as error:
                    log.warning("Skipping article file: %s", error)
                    cached = _Cached(stamp, None, str(error))
                self._cache[path] = cached
            if cached.article is not None:
                found.append(cached.article)
        for stale in set(self._cache) - live:
            del self._cache[stale]
        return found

    def get(self, slug: str) -> Article | None:
        if slug in self._registered:
            return self._registered[slug][0]
        return next((a for a in self._seed_articles() if a.slug == slug), None)

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
