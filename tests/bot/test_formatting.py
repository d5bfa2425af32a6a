"""Text shown in Discord: markdown escaped so it reads as written, and shortened at a word."""

from __future__ import annotations

import re

from bot.formatting import escape_markdown, listed, shorten


def test_markdown_and_mentions_render_as_written():
    text = escape_markdown("> not a quote\n# not a heading\n*bold* _it_ ~~s~~ ||spoiler|| `code`")
    assert text.startswith("\\> not a quote\n\\# not a heading")
    assert "\\*bold\\*" in text and "\\|\\|spoiler\\|\\|" in text


def test_escaping_leaves_web_addresses_whole():
    """Discord links a bare address up to the next space: a backslash put inside would break the link."""
    text = "See https://news.example/some_story*1?a=b|c for _more_ and http://x.example/__init__."
    assert escape_markdown(text) == (
        "See https://news.example/some_story*1?a=b|c for \\_more\\_ and http://x.example/__init__."
    )


def test_shorten_cuts_at_a_word_with_an_ellipsis():
    assert shorten("alpha beta gamma", 12) == "alpha beta…"
    assert shorten("alpha  beta", 20) == "alpha beta"  # spaces folded, nothing cut


def test_a_masked_link_shows_as_written_not_as_a_link():
    """`[free nitro](https://evil.example)` in a feed's or a member's text would be a link under words
    of its author's choosing: its brackets are escaped, and the address shows as it is."""
    text = escape_markdown("Claim [free nitro](https://evil.example) now, or [1] later.")
    assert text == "Claim \\[free nitro\\](https://evil.example) now, or \\[1\\] later."
    assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", text)  # no masked link left


def test_listed_fits_the_limit_and_says_how_many_more():
    mentions = [f"<#{1000000000000000000 + i}>" for i in range(60)]
    shown = listed(mentions, 1024)
    assert len(shown) <= 1024 and shown.endswith(" more") and mentions[0] in shown
    kept = shown.count("<#")
    assert shown.endswith(f"… and {60 - kept} more")
    assert listed(mentions[:3], 1024) == ", ".join(mentions[:3])
