"""Render an article into Discord message specs (plain data), always within Discord's limits.

A long article continues in further messages, split at paragraph boundaries; a paragraph
that alone exceeds a message is split at sentence, then word boundaries, never inside a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.articles.model import Article
from bot.errors import UserFacingError
from bot.formatting import escape_markdown, shorten

THREAD_NAME_LIMIT = 100
EMBED_TITLE_LIMIT = 256
EMBED_DESCRIPTION_LIMIT = 4096
EMBED_TOTAL_LIMIT = 6000
EMBED_AUTHOR_LIMIT = 256
CONTENT_LIMIT = 2000
# Room kept in the article's first message for the live-blog list of updates (a second embed).
LIVE_BLOG_LIMIT = 1200
POLL_QUESTION_LIMIT = 300
POLL_ANSWER_LIMIT = 55
POLL_MAX_ANSWERS = 10
_SENTENCE_END = re.compile(r"(?<=[.!?…:;])[\"”’)]*\s+")


@dataclass(frozen=True, slots=True)
class EmbedSpec:
    description: str
    title: str | None = None
    url: str | None = None
    author: str | None = None
    footer: str | None = None
    timestamp: str | None = None

    def length(self) -> int:
        return sum(len(part or "") for part in (self.title, self.description, self.author, self.footer))


@dataclass(frozen=True, slots=True)
class MessageSpec:
    embed: EmbedSpec | None = None
    content: str | None = None


class PollOptionsError(UserFacingError, ValueError):
    """The answer options cannot make a Discord poll; the message says how to fix them."""


def thread_name(title: str) -> str:
    return shorten(title, THREAD_NAME_LIMIT) or "Discussion"


def _split_long(text: str, limit: int) -> list[str]:
    """Split one over-long paragraph at sentence ends, then at spaces; hard-cut only a giant word."""
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        candidate = f"{current} {sentence}".strip() if current else sentence
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
            current = ""
        while len(sentence) > limit:
            cut = sentence.rfind(" ", 0, limit + 1)
            if cut <= 0:  # a single "word" longer than a message: nothing better is possible
                cut = limit
            pieces.append(sentence[:cut].rstrip())
            sentence = sentence[cut:].lstrip()
        current = sentence
    if current:
        pieces.append(current)
    return pieces


def pack_paragraphs(paragraphs: list[str], limit: int, separator: str = "\n\n") -> list[str]:
    """Group paragraphs into chunks of at most `limit` characters, breaking only between them."""
    chunks: list[str] = []
    current = ""
    for paragraph in paragraphs:
        parts = [paragraph] if len(paragraph) <= limit else _split_long(paragraph, limit)
        for part in parts:
            candidate = f"{current}{separator}{part}" if current else part
            if len(candidate) <= limit:
                current = candidate
            else:
                chunks.append(current)
                current = part
    if current:
        chunks.append(current)
    return chunks


def render_article(article: Article) -> list[MessageSpec]:
    """The article as messages: the first carries title, link, author and date; the rest continue it."""
    title = shorten(article.title, EMBED_TITLE_LIMIT)
    author = shorten(article.author, EMBED_AUTHOR_LIMIT) if article.author else None
    published = f"Published {article.published[:10]}" if article.published else None
    # Leave room for the longest footer ("Published …  ·  Part 99 of 99") within the 6000 total.
    footer_room = len(published or "") + 24
    room = min(
        EMBED_DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT - len(title) - len(author or "") - footer_room - LIVE_BLOG_LIMIT
    )
    chunks = pack_paragraphs([escape_markdown(p) for p in article.paragraphs], room)
    total = len(chunks)
    specs = []
    for index, chunk in enumerate(chunks, start=1):
        part = f"Part {index} of {total}" if total > 1 else None
        footer = "  ·  ".join(p for p in ((published if index == 1 else None), part) if p) or None
        if index == 1:
            embed = EmbedSpec(
                chunk, title=title, url=article.source_url, author=author, footer=footer, timestamp=article.published
            )
        else:
            embed = EmbedSpec(chunk, footer=footer)
        specs.append(MessageSpec(embed=embed))
    return specs


def parse_poll_options(raw: str | list[str] | tuple[str, ...]) -> list[str]:
    """'A | B | C' (or a list) → ['A', 'B', 'C'], or a PollOptionsError that says what to fix."""
    items = raw.split("|") if isinstance(raw, str) else list(raw)
    options = [" ".join(item.split()) for item in items]
    if any(not option for option in options):
        raise PollOptionsError("An answer option is empty: separate options with | and give each some text.")
    if len(options) < 2:
        raise PollOptionsError("A poll needs at least 2 options, separated by | (like `Yes | No | Not sure`).")
    if len(options) > POLL_MAX_ANSWERS:
        raise PollOptionsError(f"A poll can have at most {POLL_MAX_ANSWERS} options; you gave {len(options)}.")
    too_long = [o for o in options if len(o) > POLL_ANSWER_LIMIT]
    if too_long:
        raise PollOptionsError(
            f"Each option can be at most {POLL_ANSWER_LIMIT} characters; {too_long[0][:60]!r} has {len(too_long[0])}."
        )
    if len({o.casefold() for o in options}) != len(options):
        raise PollOptionsError("Two options are the same; make each one different.")
    return options


def poll_question(exit_question: str) -> tuple[str, bool]:
    """The question for the poll (at most 300 characters) and whether it was shortened."""
    question = shorten(exit_question, POLL_QUESTION_LIMIT)
    return question, question != " ".join(exit_question.split())


def exit_question_text(exit_question: str, *, limit: int = CONTENT_LIMIT) -> str:
    """The exit question as the message text, in full where it fits."""
    heading = "**Exit question**\n"
    return heading + shorten(escape_markdown(exit_question), limit - len(heading))
