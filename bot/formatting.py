"""Text the bot shows in Discord, made safe and short: plain functions, no discord.py.

Every layer uses these (the article renderer, the chat's replies, embeds, command answers), so they
live here, below all of them.
"""

from __future__ import annotations

import re

ELLIPSIS = "…"

# Brackets too: `[free nitro](https://evil.example)` in a feed's or a member's text would otherwise be a
# link showing words of its author's choosing instead of where it leads (Discord renders masked links in
# embeds, and in bots' messages).
_MARKDOWN = re.compile(r"([\\*_~`|\[\]])")
# Discord links a bare web address up to the next space, backslashes and all: escaping inside one breaks it.
_WEB_ADDRESS = re.compile(r"https?://[^\s<>]+")
_LINE_START = re.compile(r"^(\s*)(>|#{1,3} |-# |\d+\. |[-*+] )", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Show text as written: no accidental bold, spoilers, headings or quotes."""
    parts, last = [], 0
    for address in _WEB_ADDRESS.finditer(text):
        parts += [_MARKDOWN.sub(r"\\\1", text[last : address.start()]), address.group()]
        last = address.end()
    escaped = "".join(parts) + _MARKDOWN.sub(r"\\\1", text[last:])
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    if " " in cut and not text[len(cut)].isspace():
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-–—") + ELLIPSIS


def listed(items: list[str], limit: int, *, separator: str = ", ") -> str:
    """As many of `items` as fit in `limit` characters, then "… and N more": an embed field holds
    1,024 characters and a message 2,000, and an item (a mention) is never cut in the middle."""
    whole = separator.join(items)
    if len(whole) <= limit:
        return whole
    room = limit - len(f"{separator}{ELLIPSIS} and {len(items)} more")
    shown: list[str] = []
    length = 0
    for item in items:
        added = len(item) + (len(separator) if shown else 0)
        if length + added > room:
            break
        shown.append(item)
        length += added
    return separator.join([*shown, f"{ELLIPSIS} and {len(items) - len(shown)} more"])
