"""The articles available in a seeds folder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIX = ".txt"


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    slug: str
    title: str
    path: Path


def slug_for(path: Path) -> str:
    """A stable identifier from the file name: 'Odierno Ceasefire.txt' → 'odierno-ceasefire'."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.casefold()).strip("-")
    return slug or "article"


def list_articles(seeds_dir: Path) -> tuple[list[ArticleEntry], list[str]]:
    """Every readable article in `seeds_dir`, sorted by slug, and one error line per bad file."""
    from bot.articles.model import ArticleError
    from bot.articles.parser import parse_article_file

    entries: list[ArticleEntry] = []
    errors: list[str] = []
    if not seeds_dir.is_dir():
        return entries, [f"{seeds_dir}: no such folder"]
    for path in sorted(seeds_dir.glob(f"*{ARTICLE_SUFFIX}")):
        if path.name.startswith("."):
            continue  # editors' swap and temporary files
        try:
            article = parse_article_file(path)
        except ArticleError as error:
            errors.append(str(error))
            continue
        entries.append(ArticleEntry(article.slug, article.title, path))
    entries.sort(key=lambda entry: entry.slug)
    return entries, errors
