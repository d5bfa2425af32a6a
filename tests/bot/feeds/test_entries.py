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


def test_a_title_without_text_or_link_is_not_an_article():
    item = item_from_entry({"id": "1", "title": "Only a title"})
    with pytest.raises(ArticleError):
        article_from_item(1, item)
    assert item_from_entry({"id": "2"}) is None
    no_web_link = item_from_entry({"id": "3", "title": "Only a title", "link": "mailto:someone@news.example"})
    with pytest.raises(ArticleError):
        article_from_item(1, no_web_link)


def test_a_link_only_entry_is_an_article_of_its_title_and_link():
    """Link feeds (a title and a link, no text) are common: the discussion is about the linked page."""
    item = item_from_entry({"id": "1", "title": "Worth a read", "link": "https://news.example/read"})
    article = article_from_item(1, item)
    assert article.title == "Worth a read"
    assert article.source_url == "https://news.example/read"
    assert article.paragraphs == ("https://news.example/read",)
    assert article.exit_question is None and article.updates == ()
    # stored and read back after a restart as the same article
    from bot.articles.parser import parse_article_text

    again = parse_article_text(item.source_text(), name="stored", slug=article.slug)
    assert again.paragraphs == article.paragraphs and again.title == article.title


def test_an_entry_whose_text_has_no_plain_paragraph_keeps_its_link_as_the_body():
    item = item_from_entry(
        {"id": "1", "title": "Vote now", "link": "https://news.example/v", "summary": "<p>Exit question: Which?</p>"}
    )
    article = article_from_item(1, item)
    assert article.paragraphs == ("https://news.example/v",) and article.exit_question == "Which?"


def test_link_only_entries_with_the_same_title_are_different_entries():
    """A "Daily links" feed repeats its titles: the link tells its entries apart (a repeat is skipped by hash)."""
    a = item_from_entry({"id": "1", "title": "Daily links", "link": "https://news.example/1"})
    b = item_from_entry({"id": "2", "title": "Daily links", "link": "https://news.example/2"})
    assert a.content_hash != b.content_hash


def test_relative_links_are_read_against_the_feeds_address():
    """Feeds often link entries as "/story/1": the discussion needs the whole address."""
    from bot.feeds.entries import parse_feed

    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>/</link>'
        b"<item><title>Worth a read</title><link>/story/1</link><guid>s1</guid></item></channel></rss>"
    )
    parsed = parse_feed(body, "https://news.example/feeds/all.xml")
    article = article_from_item(1, item_from_entry(parsed.entries[0]))
    assert article.source_url == "https://news.example/story/1"


def test_a_title_longer_than_an_articles_is_shortened_not_dropped():
    """A seed file's first line over 300 characters is refused (it is not a title); a feed's long title
    (some feeds put the whole first paragraph there) was refused the same way, and the entry never
    became a discussion, with only an INFO line to say so."""
    long_title = "A very long title " + "word " * 100
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><guid>g1</guid>'
        f"<title>{long_title}</title><description>&lt;p&gt;The text.&lt;/p&gt;</description></item></channel></rss>"
    ).encode()
    item = item_from_entry(feedparser.parse(feed).entries[0])
    assert item is not None and len(item.title) <= 300 and item.title.endswith("…")
    article = article_from_item(3, item)
    assert article.title == item.title and article.paragraphs == ("The text.",)
