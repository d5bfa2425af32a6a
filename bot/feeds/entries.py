"""Feed entries as plain data, and the article each one becomes (through the article parser)."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any

import feedparser

from bot.articles.model import Article, ArticleError
from bot.articles.parser import TITLE_LIMIT, parse_article_text
from bot.feeds.html_text import html_to_text
from bot.formatting import shorten
from bot.text_key import text_key


@dataclass(frozen=True, slots=True)
class FeedItem:
    entry_id: str
    title: str
    text: str
    link: str | None
    author: str | None
    published: str | None

    @property
    def content_hash(self) -> str:
        # Without text, the link is what the entry says (link feeds repeat titles like "Daily links").
        said = self.text or self.link or ""
        return hashlib.sha256(text_key(self.title + "\n" + said).encode()).hexdigest()

    @property
    def web_link(self) -> str | None:
        return self.link if self.link and self.link.startswith(("http://", "https://")) else None

    def source_text(self) -> str:
        """The entry in the article file format: title, blank line, paragraphs.

        Link feeds are common: an entry with a title and a link but no text (or only an exit question
        or updates) is about the linked page, so the link is its body paragraph, not a reason to drop it.
        """
        plain = f"{self.title}\n\n{self.text}\n"
        link = self.web_link
        if link is None:
            return plain
        if not self.text:
            return f"{self.title}\n\n{link}\n"
        try:
            parse_article_text(plain, name="feed entry", slug="entry")
        except ArticleError:
            return f"{self.title}\n\n{link}\n\n{self.text}\n"
        return plain


def parse_feed(body: bytes, url: str) -> Any:
    """feedparser's reading of a fetched body; relative links are resolved against the address the
    body came from (the last redirect's), as a browser would. CPU-bound: call it from a thread."""
    return feedparser.parse(body, response_headers={"content-location": url})


def item_from_entry(entry: Any) -> FeedItem | None:
    """A feedparser entry → FeedItem; None for an entry with neither title nor text."""
    title = html_to_text(entry.get("title") or "").replace("\n", " ").strip()
    contents = entry.get("content") or []
    markup = contents[0].get("value") if contents else entry.get("summary") or ""
    text = html_to_text(markup or "")
    if not title and not text:
        return None
    link = entry.get("link")
    entry_id = entry.get("id") or link or hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()
    published = None
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        published = dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC).isoformat()
    # A feed's title may run long (the whole first paragraph, in some): shortened, not refused as a
    # seed file's over-long first line is, so the entry still becomes a discussion.
    title = shorten(title, TITLE_LIMIT) if title else text.split("\n", 1)[0][:100]
    return FeedItem(str(entry_id), title, text, link, entry.get("author"), published)


def feed_slug(feed_id: int, item: FeedItem) -> str:
    """Unique per feed and entry, readable from the title."""
    words = re.sub(r"[^a-z0-9]+", "-", item.title.casefold()).strip("-")[:48].strip("-") or "entry"
    return f"{words}-f{feed_id}-{hashlib.sha1(item.entry_id.encode()).hexdigest()[:6]}"


def article_from_item(feed_id: int, item: FeedItem) -> Article:
    """Parsed like a seed file, so exit questions and Update: paragraphs work the same. Raises ArticleError."""
    parsed = parse_article_text(
        item.source_text(), name=f"feed {feed_id} entry {item.entry_id}", slug=feed_slug(feed_id, item)
    )
    return Article(
        slug=parsed.slug,
        title=parsed.title,
        paragraphs=parsed.paragraphs,
        exit_question=parsed.exit_question,
        updates=parsed.updates,
        source_url=item.web_link,
        author=item.author,
        published=item.published,
    )
