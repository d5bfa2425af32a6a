"""More sites' page furniture (found by the fifth development question set: its three articles end
with boxes and bylines in shapes the parser did not know, and their headlines were read as the last
update's paragraphs: pushed into threads, and quoted by the chat)."""

from __future__ import annotations

import pytest

from bot.articles.parser import parse_article_text

BODY = "Mill to close\n\nThe mill will close in March.\n\nUpdate: The council met on Friday.\n\n"


def parse(trailer: str):
    return parse_article_text(BODY + trailer + "\n", name="mill.txt", slug="mill")


@pytest.mark.parametrize(
    "trailer",
    [
        # a site whose name starts with "the"
        "Most Read on the Harrisford Courier\nPolice: Driver fled after striking mailbox\nHigh school names new coach",
        "Trending on the Riverside Ledger\nBridge work to close lanes",
        # a links box headed "Related:" or in other common words ("More from …", "Don't miss", "Latest
        # news" and "Up next" are not taken: they are subheads too, and a marker ends the article)
        "Related:\n• Mill lands $4.5M in state credits (2021)\n• Prices slide for third straight quarter",
        "Related Stories:\nJail bond falls short at ballot box",
        "Read more:\nInspectors cite county jail for staffing",
        "You may also like\nPhotos: homecoming parade",
    ],
)
def test_a_box_after_the_last_update_ends_the_article(trailer: str):
    article = parse(trailer)
    assert article.paragraphs == ("The mill will close in March.",)
    assert [u.text for u in article.updates] == ["The council met on Friday."]


@pytest.mark.parametrize(
    "line",
    [
        "By Janelle Ortiz | Staff Writer | Published 7:02 a.m. ET July 10, 2024 | Updated 4:21 p.m. ET July 10, 2024",
        "Matt Lindgren, Northwoods Ledger | Nov. 18, 2024, 12:16 p.m. CST | Updated Nov. 20, 2024, 6:02 p.m. CST",
        "Reporting by Derek Simms. Posted 6:48 p.m. Nov. 11; last updated 2:41 p.m. Nov. 12.",
        "By Janelle Ortiz",
        "Get the Courier Morning Brief in your inbox. Sign up now.",
        "Sign up for the Northwoods Ledger Daily: Local news, obituaries and sports, delivered every morning at 6.",
        "Want local news first? Download the BraddockNow app and turn on alerts.",
    ],
)
def test_a_byline_or_a_pitch_after_the_last_update_is_not_part_of_it(line: str):
    article = parse(line)
    assert [u.text for u in article.updates] == ["The council met on Friday."]
    assert article.paragraphs == ("The mill will close in March.",)


def test_sentences_that_start_like_those_lines_are_still_article_text():
    sentences = (
        "Related: the council also voted to raise the sewer rate by 4 percent.",
        "Read more about the plan at the library, the mayor said.",
        "More from the council is expected on Friday.",
        "By Tuesday, the county had hired two more guards.",
        "By the time officers arrived at 11:40 p.m., the men were gone.",
        "Residents can sign up for the program at city hall, the clerk said.",
        "Latest news from the state is that the credits will be reviewed.",
        "Reporting by the Ledger found the alarm had been broken for weeks.",
    )
    article = parse_article_text("Mill to close\n\n" + "\n\n".join(sentences) + "\n", name="mill.txt", slug="mill")
    assert article.paragraphs == sentences


@pytest.mark.parametrize(
    "wrapped",
    [
        "The plan was drawn up for the council\nby Janelle Ortiz\nof the planning office, who presented it Monday.",
        "Reporting by the Ledger showed the notice was\nreporting by staff that the order was posted\n"
        "late, at 6:48 p.m. on a Friday.",
        "Families who want a home can\nsign up for the Homefront waitlist at city hall, which opens at 9 a.m.\n"
        "and closes at noon.",
        "Residents who see a broken hydrant can\ndownload the city's FixIt app and report it,\n"
        "the public works director said.",
        "Odum said the vote was 5-2 | the mayor did not vote\nat the 7:02 p.m. session, which ran late.",
    ],
)
def test_a_hard_wrapped_paragraph_keeps_lines_that_look_like_furniture(wrapped: str):
    """Furniture lines are dropped wherever they stand, so a line of a hard-wrapped paragraph that
    reads like one must not be: the paragraph would lose words in the middle."""
    article = parse_article_text(f"Title\n\n{wrapped}\n", name="x.txt", slug="x")
    assert article.paragraphs == (" ".join(wrapped.split("\n")),)
