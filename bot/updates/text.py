"""Plain functions over update text: cleaning, first words, and rendering into message-sized parts."""

from __future__ import annotations

import re

from bot.articles.parser import split_update_label
from bot.articles.render import pack_paragraphs
from bot.formatting import escape_markdown, shorten

UPDATE_TEXT_LIMIT = 4000
DEFAULT_LABEL = "Update"
EMBED_DESCRIPTION_LIMIT = 4096


def clean_update_text(text: str) -> str:
    """Trim each paragraph; keep paragraph breaks (an update may have several)."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    return "\n\n".join(p for p in paragraphs if p)


def without_label(text: str, label: str) -> tuple[str, str]:
    """(label, text) of an editor's update whose text opens with a label of its own, written as in
    a seed file ("Update: talks resumed", "Update (4:12 PM): …"): the message shows the label above
    the text, so the text's own goes, as the seed parser drops it; with the default label, the
    text's own is the label. Any other text is left as it is."""
    labelled = split_update_label(text)
    if labelled is None:
        return label, text
    own, rest = labelled
    return (own if label == DEFAULT_LABEL else label), rest


def update_parts(text: str, limit: int = EMBED_DESCRIPTION_LIMIT) -> list[str]:
    """The escaped update text in parts that each fit one embed description."""
    paragraphs = [escape_markdown(p) for p in text.split("\n\n")]
    return pack_paragraphs(paragraphs, limit)


def first_words(text: str, limit: int = 90) -> str:
    return shorten(text.replace("\n", " "), limit)
