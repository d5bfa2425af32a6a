"""The chat's replies as text: whole lines within Discord's 2,000 characters."""

from __future__ import annotations

from bot.chat import replies


def test_a_long_article_list_ends_with_whole_lines_and_says_how_many_more():
    words = "ceasefire talks in Anbar stall as the sheikhs weigh it " * 3
    titles: list[tuple[str, str | None]] = [(f"Headline {i:02d}: {words}", None) for i in range(20)]
    text = replies.article_list(titles)
    lines = text.splitlines()
    assert len(text) <= replies.LIMIT
    assert all(line.endswith("not posted yet") for line in lines[1:-1]), lines
    listed = len(lines) - 2
    assert 0 < listed < 20 and lines[-1] == f"…and {20 - listed} more: `/article list` shows them all."


def test_a_short_article_list_is_whole_and_many_short_titles_stop_at_fifteen():
    assert replies.article_list([("One", "https://x/1"), ("Two", None)]).splitlines() == [
        "Articles I know:",
        "• **One** · https://x/1",
        "• **Two** · not posted yet",
    ]
    lines = replies.article_list([(f"Title {i}", None) for i in range(40)]).splitlines()
    assert len(lines) == 1 + replies.LISTED_ARTICLES + 1 and lines[-1].startswith("…and 25 more")
