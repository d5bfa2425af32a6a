from __future__ import annotations

import feedparser
import pytest

from bot.articles.model import ArticleError
from bot.feeds.entries import article_from_item, feed_slug, item_from_entry
from bot.feeds.html_text import html_to_text

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
<id>urn:f</id><updated>2026-11-23T10:00:00Z</updated>
<entry><title>Talks &amp; truce</title><id>urn:e1</id><updated>2026-11-23T10:00:00Z</updated><author><name>Ann</name></author>
<content type="html">&lt;p&gt;One &lt;em&gt;two&lt;/em&gt;.&lt;/p&gt;&lt;script&gt;evil()&lt;/script&gt;&lt;p&gt;Exit question: Why?&lt;/p&gt;&lt;p&gt;UPDATE: Later.&lt;/p&gt;</content>
<link href="https://news.example/e1"/></entry></feed>"""


def test_html_to_text_keeps_paragraphs_and_drops_scripts():
    assert (
        html_to_text("<p>A <b>bold</b>&amp;co</p><div>B<br>C</div><script>x()</script>") == "A bold&co\n\nB C"
    )  # a line break inside a paragraph joins, as in the article format
    assert html_to_text("plain &lt;text&gt;") == "plain <text>"


def test_atom_entry_becomes_an_article_like_a_seed_file():
    entry = feedparser.parse(ATOM).entries[0]
    item = item_from_entry(entry)
    assert item is not None and item.entry_id == "urn:e1" and item.author == "Ann"
    article = article_from_item(7, item)
    assert article.title == "Talks & truce" and article.paragraphs == ("One two.",)
    assert article.exit_question == "Why?" and [u.text for u in article.updates] == ["Later."]
    assert article.source_url == "https://news.example/e1" and article.published.startswith("2026-11-23T10:00")
    assert article.slug == feed_slug(7, item) and article.slug.startswith("talks-truce-f7-")


def test_content_hash_ignores_markup_and_spacing_but_not_words():
    a = item_from_entry({"id": "1", "title": "T", "summary": "<p>Hello   world</p>"})
    b = item_from_entry({"id": "2", "title": "T", "summary": "Hello world"})
    c = item_from_entry({"id": "3", "title": "T", "summary": "Hello there"})
    assert a.content_hash == b.content_hash != c.content_hash


def test_title_only_entry_is_not_an_article():
    item = item_from_entry({"id": "1", "title": "Only a title"})
    with pytest.raises(ArticleError):
        article_from_item(1, item)
    assert item_from_entry({"id": "2"}) is None
