"""Feed entry HTML → the plain-text article format (paragraphs separated by blank lines)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCKS = {
    "p",
    "div",
    "blockquote",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "ul",
    "ol",
}
_SKIP = {"script", "style", "noscript", "iframe", "svg", "head"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Paragraph structure kept, tags dropped, entities decoded, whitespace tidied."""
    if "<" not in markup:
        text = html.unescape(markup)
    else:
        extractor = _TextExtractor()
        extractor.feed(markup)
        extractor.close()
        text = "".join(extractor.parts)
    paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)
