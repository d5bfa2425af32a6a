"""Plain functions over update text: cleaning, first words, and rendering into message-sized parts."""

from __future__ import annotations

import re

from bot.articles.render import pack_paragraphs
from bot.formatting import escape_markdown, shorten

UPDATE_TEXT_LIMIT = 4000
EMBED_DESCRIPTION_LIMIT = 4096


def clean_update_text(text: str) -> str:
    """Trim each paragraph; keep paragraph breaks (an update may have several)."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    return "\n\n".join(p for p in paragraphs if p)


def update_parts(text: str, limit: int = EMBED_DESCRIPTION_LIMIT) -> list[str]:
    """The escaped update text in parts that each fit one embed description."""
    paragraphs = [escape_markdown(p) for p in text.split("\n\n")]
    return pack_paragraphs(paragraphs, limit)


def first_words(text: str, limit: int = 90) -> str:
    return shorten(text.replace("\n", " "), limit)
