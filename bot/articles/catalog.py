"""The articles available in a seeds folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.articles.files import not_regular
from bot.articles.model import ARTICLE_SUFFIX, ArticleError
from bot.articles.parser import parse_article_file


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    slug: str
    title: str
    path: Path


def article_paths(seeds_dir: Path) -> tuple[list[Path], list[str]]:
    """The article files in `seeds_dir` (regular files named *.txt), sorted, and one line for each
    *.txt that is skipped because it is something else (a FIFO, socket, device or directory: never
    opened). Blocking file-system calls: from a thread when an event loop runs."""
    paths: list[Path] = []
    skipped: list[str] = []
    for path in sorted(seeds_dir.glob(f"*{ARTICLE_SUFFIX}")):
        if path.name.startswith("."):
            continue  # editors' swap and temporary files
        try:
            reason = not_regular(path.stat().st_mode)
        except OSError:
            continue  # gone since the listing, or a dangling link
        if reason is None:
            paths.append(path)
        else:
            skipped.append(f"{path}: {reason}")
    return paths, skipped


def list_articles(seeds_dir: Path) -> tuple[list[ArticleEntry], list[str]]:
    """Every readable article in `seeds_dir`, sorted by slug, and one line per file skipped or not taken
    whole (a bad file, something that is not a regular file, a paragraph the parser left out)."""
    entries: list[ArticleEntry] = []
    if not seeds_dir.is_dir():
        return entries, [f"{seeds_dir}: no such folder"]
    paths, errors = article_paths(seeds_dir)
    for path in paths:
        try:
            article = parse_article_file(path)
        except ArticleError as error:
            errors.append(str(error))
            continue
        errors.extend(article.warnings)
        entries.append(ArticleEntry(article.slug, article.title, path))
    entries.sort(key=lambda entry: entry.slug)
    return entries, errors
