"""A site box heading is judged at the start of a block only: a hard-wrapped paragraph whose line
happens to read "more in 2026." does not end the article there (an attacker probe found it)."""

from __future__ import annotations

from bot.articles.parser import parse_article_text

WRAPPED = """Harbor bridge to close for repairs

The city will close the Harbor Point bridge next week. Officials said the
repairs would cost $4 million, and that the state could spend even
more in 2026.

The mayor said the bridge would reopen in March.

Update: The state confirmed the money on Friday.
"""


def test_a_hard_wrapped_line_reading_more_in_a_year_does_not_end_the_article():
    article = parse_article_text(WRAPPED, name="bridge.txt", slug="bridge")
    assert article.paragraphs[0].endswith("could spend even more in 2026."), article.paragraphs
    assert "The mayor said the bridge would reopen in March." in article.paragraphs
    assert [u.text for u in article.updates] == ["The state confirmed the money on Friday."]
    assert not article.warnings, article.warnings


def test_a_hard_wrapped_line_reading_more_in_a_place_does_not_end_the_article():
    text = (
        "Town budget vote\n\n"
        "Council members voted 5-2 to raise spending on road repairs, and asked the\n"
        "city manager to find money for\n"
        "more in Ward 3.\n\n"
        "Residents will be able to comment at the next meeting.\n"
    )
    article = parse_article_text(text, name="budget.txt", slug="budget")
    assert article.paragraphs == (
        "Council members voted 5-2 to raise spending on road repairs, and asked the city manager to find money "
        "for more in Ward 3.",
        "Residents will be able to comment at the next meeting.",
    )


def test_a_title_that_reads_like_a_box_heading_is_the_title():
    article = parse_article_text(
        "Popular in Japan\n\nVending machines sell hot soup.\n", name="japan.txt", slug="japan"
    )
    assert article.title == "Popular in Japan" and article.paragraphs == ("Vending machines sell hot soup.",)
