"""Rendering stays within Discord's limits and splits only between paragraphs or words."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.articles import Article, parse_article_file
from bot.articles.render import (
    EMBED_DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    PollOptionsError,
    exit_question_text,
    pack_paragraphs,
    parse_poll_options,
    poll_question,
    render_article,
    thread_name,
)
from bot.formatting import escape_markdown

SEED = Path(__file__).resolve().parents[3] / "seeds" / "odierno-ceasefire.txt"
WORDS = "ceasefire insurgents Odierno Baghdad negotiate nationalist coalition Petraeus Anbar tribesmen".split()


def long_article(characters: int, seed: int = 1) -> Article:
    rng = random.Random(seed)
    paragraphs, total = [], 0
    while total < characters:
        sentences = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 30))).capitalize() + "."
            for _ in range(rng.randint(1, 12))
        ]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph)
    return Article(
        slug="long",
        title="A long read " * 30,
        paragraphs=tuple(paragraphs),
        author="A. Writer",
        published="2007-06-09",
        source_url="https://example.com/long",
    )


def check_limits(specs) -> None:
    for spec in specs:
        assert spec.embed is not None
        assert len(spec.embed.description) <= EMBED_DESCRIPTION_LIMIT
        assert spec.embed.length() <= EMBED_TOTAL_LIMIT
        assert spec.embed.title is None or len(spec.embed.title) <= 256


def test_seed_fits_in_one_message_with_all_paragraphs():
    article = parse_article_file(SEED)
    specs = render_article(article)
    assert len(specs) == 1
    assert specs[0].embed.title == article.title
    assert specs[0].embed.description.count("\n\n") == len(article.paragraphs) - 1


def test_twenty_thousand_characters_split_at_paragraphs_in_order():
    article = long_article(20_000)
    specs = render_article(article)
    check_limits(specs)
    assert len(specs) >= 5
    rebuilt = "\n\n".join(s.embed.description for s in specs)
    assert rebuilt == "\n\n".join(escape_markdown(p) for p in article.paragraphs)
    assert specs[0].embed.title.endswith("…") and len(specs[0].embed.title) <= 256
    assert specs[0].embed.author == "A. Writer" and specs[0].embed.url == "https://example.com/long"
    assert specs[-1].embed.footer == f"Part {len(specs)} of {len(specs)}"
    assert all(s.embed.title is None for s in specs[1:])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from("ab .\n“”*_"), min_size=1, max_size=9000), min_size=1, max_size=6),
    st.integers(min_value=50, max_value=4096),
)
def test_packing_never_cuts_a_word_and_respects_the_limit(paragraphs, limit):
    paragraphs = [" ".join(p.split()) for p in paragraphs if p.split()]
    if not paragraphs or max(len(w) for p in paragraphs for w in p.split()) > limit:
        return
    chunks = pack_paragraphs(paragraphs, limit)
    assert all(len(c) <= limit for c in chunks)
    assert " ".join(chunks).split() == " ".join(paragraphs).split()


def test_thread_name_is_shortened():
    assert thread_name("x" * 99) == "x" * 99
    long_title = "word " * 40
    name = thread_name(long_title)
    assert len(name) <= 100 and name.endswith("…") and not name[:-1].endswith(" ")


def test_poll_question_shortened_only_when_needed():
    assert poll_question("Why?") == ("Why?", False)
    question, cut = poll_question("why " * 100)
    assert cut and len(question) <= 300
    assert exit_question_text("Why *now*?") == "**Exit question**\nWhy \\*now\\*?"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("Yes", "at least 2"),
        ("Yes | ", "empty"),
        (" | ".join(str(i) for i in range(11)), "at most 10"),
        ("Yes | " + "n" * 56, "at most 55 characters"),
        ("Yes | yes", "same"),
    ],
)
def test_bad_poll_options_say_what_to_fix(raw: str, message: str):
    with pytest.raises(PollOptionsError, match=message):
        parse_poll_options(raw)


def test_poll_options_are_trimmed():
    assert parse_poll_options(" Yes |  No  | Not   sure ") == ["Yes", "No", "Not sure"]
