"""The parsed form of an article file, and the slug that names it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ARTICLE_SUFFIX = ".txt"


def slug_for(path: Path) -> str:
    """A stable identifier from the file name: 'Odierno Ceasefire.txt' → 'odierno-ceasefire'."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.casefold()).strip("-")
    return slug or "article"


class ArticleError(Exception):
    """A file that cannot be read as an article. Names the file and, where known, the line."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class Update:
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    slug: str
    title: str
    paragraphs: tuple[str, ...]
    exit_question: str | None = None
    updates: tuple[Update, ...] = ()
    source_url: str | None = None
    author: str | None = None
    published: str | None = None
    poll_options: tuple[str, ...] = ()
    tags: tuple[str, ...] = field(default=())
    # Things in the file that were not taken, and why, for the operator's log (not part of the article).
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape printed by `python -m bot article parse --json`."""
        return {
            "slug": self.slug,
            "title": self.title,
            "paragraphs": list(self.paragraphs),
            "exit_question": self.exit_question,
            "updates": [{"label": u.label, "text": u.text} for u in self.updates],
            "source_url": self.source_url,
            "author": self.author,
            "published": self.published,
            "poll_options": list(self.poll_options),
        }
