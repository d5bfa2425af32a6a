"""An attacker probe of this round's page-furniture rules (a helper reading the parser). Every test
here failed first. The shipped article files put each paragraph on one line, so a rule for "a
paragraph of one line" is asked of every ordinary paragraph: the rules for bylines and pitches must
say what only a site writes (capitalised labels, a newsletter's name, a time stamp), and a box
heading that ends the article must name a box, not read like a Title Case subhead."""

from __future__ import annotations

import pytest

from bot.articles.parser import parse_article_text


def parse(text: str):
    return parse_article_text(text, name="x.txt", slug="x")


@pytest.mark.parametrize(
    "subhead",
    [
        "More From City Hall",
        "Popular Trails Reopen",
        "Trending Upward",
        "Popular Vote",
        "Trending Topics",
        "Don't miss:",
        "Latest news:",
        "By The Numbers",
    ],
)
def test_a_subhead_neither_ends_the_article_nor_is_dropped(subhead: str):
    article = parse(
        f"Roundup\n\nThe council approved the budget 5-2.\n\n{subhead}\n\n"
        "The council also voted to repave Elm Street next summer.\n\nExit question: Is it enough?\n"
    )
    assert article.paragraphs == (
        "The council approved the budget 5-2.",
        subhead,
        "The council also voted to repave Elm Street next summer.",
    )
    assert article.exit_question == "Is it enough?"


@pytest.mark.parametrize(
    "paragraph",
    [
        "Drivers who would rather not use the pay stations can download the city's ParkEasy app and pay by "
        "phone, the parking director said.",
        "Sign up for the Fall Youth Soccer League at the Morton Rec Center through Aug. 30; the fee is $45 per child.",
        "Subscribe to the County's new CodeRed alerts by texting READY to 55500, officials said.",
        "If you go: Thursday, 6:30 p.m. | Lakeview High School auditorium | Free and open to the public",
        "Reporting by the Ledger found the inspection report was never posted on the county's website, as state "
        "law requires.",
        "Next: at Brighton | Friday, 7:00 p.m.",
    ],
)
def test_a_service_paragraph_is_article_text(paragraph: str):
    article = parse(f"Parking\n\nThe city will replace meters.\n\n{paragraph}\n\nThe plan starts in May.\n")
    assert article.paragraphs == ("The city will replace meters.", paragraph, "The plan starts in May.")


def test_an_update_or_exit_question_that_mentions_an_app_is_kept():
    update = "The union said workers should download the state's MiWorks app or visit the office on Main Street."
    exit_question = "Would you download the city's ParkEasy app, or keep feeding the meter?"
    article = parse(f"Mill\n\nThe mill will close.\n\nExit question: {exit_question}\n\nUpdate: {update}\n")
    assert article.exit_question == exit_question
    assert [u.text for u in article.updates] == [update]


@pytest.mark.parametrize(
    "wrapped",
    [
        "Residents can send their comments by\nemail to city hall by Friday.\nThe council will read them aloud.",
        "Odum said residents who want updates should\nsign up for the city's newsletter, which goes out on Mondays,\n"
        "or check the website.",
        "Dispatchers said the first 911 call\ncame in at 9:12 p.m. on Jan. 14, 2025\nand the first engine arrived "
        "six minutes later.",
        "Police said the suspect tried to\nshare on Facebook\na video of the crash before deleting it.",
    ],
)
def test_no_line_of_a_hard_wrapped_paragraph_is_cut_out(wrapped: str):
    article = parse(f"Title\n\n{wrapped}\n")
    assert article.paragraphs == (" ".join(wrapped.split("\n")),)


BODY = "Mill to close\n\nThe mill will close in March.\n\nUpdate: The council met on Friday.\n\n"


@pytest.mark.parametrize(
    "trailer",
    [
        "Most Read from Valley Voices\nHeadline one",
        "Top Stories from WHRF\nHeadline one",
        "Most Read on the Courier:\nHeadline one",
        "More Local News\nHeadline one",
        "In Other News\nHeadline one",
        "Editor's Picks\nHeadline one",
        "Around the Web\nHeadline one",
        "Recommended Videos\nHeadline one",
        "Related Content\nHeadline one",
        "Keep Reading\nHeadline one",
        "What's Trending\nHeadline one",
        "Top Headlines\nHeadline one",
        "More Stories From the Courier\nHeadline one",
        "More Courier Stories\nHeadline one",
        "Sponsored\nThis one trick lowers your bill",
    ],
)
def test_more_boxes_end_the_article(trailer: str):
    article = parse(BODY + trailer + "\n")
    assert article.paragraphs == ("The mill will close in March.",)
    assert [u.text for u in article.updates] == ["The council met on Friday."]


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: Harrisford High names new football coach",
        "RELATED: Police: Driver fled after striking mailbox",
        "By Janelle Ortiz, Staff Writer",
        "By Janelle Ortiz and Matt Lindgren",
        "Janelle Ortiz, Staff Writer",
        "Posted: Nov 11, 2024 / 06:48 PM CST",
        "Updated: Nov. 12, 2024, 2:41 p.m.",
        "Published: July 10, 2024 at 7:02 AM EDT",
        "Support local journalism. Subscribe today.",
        "Sign up for our free daily newsletter to get the latest news delivered to your inbox.",
        "Get the latest headlines delivered to your inbox — sign up for our free newsletter.",
        "Follow us on Facebook",
        "Related: Police: Driver fled after striking mailbox",
        "Read next: Police: Driver fled after striking mailbox",
        "Tags: Harrisford, mill, jobs",
        "Subscribe now for just 99 cents a month.",
        "Download our free app",
        "Leave a Comment",
        "View Comments (12)",
        "Report a typo or error",
        "Janelle Ortiz covers local government for the Courier. Reach her at jortiz@harrisfordcourier.com.",
        "Contact Janelle Ortiz at jortiz@harrisfordcourier.com.",
        "Follow Janelle on X @JanelleOrtiz.",
        "The Associated Press contributed to this report.",
        "Have a news tip? Email news@harrisfordcourier.com.",
        "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, "
        "rewritten or redistributed.",
    ],
)
def test_more_bylines_and_pitches_are_dropped(line: str):
    article = parse(BODY + line + "\n")
    assert article.paragraphs == ("The mill will close in March.",)
    assert [u.text for u in article.updates] == ["The council met on Friday."]


def test_a_byline_under_the_title_is_not_the_first_paragraph():
    article = parse("Mill to close in March\nBy Janelle Ortiz, Staff Writer\n\nThe mill will close.\n")
    assert article.title == "Mill to close in March"
    assert article.paragraphs == ("The mill will close.",)


@pytest.mark.parametrize(
    "text",
    [
        "Related: the council also voted to raise the sewer rate by 4 percent.",
        "Related: The council also voted to raise the sewer rate by 4 percent.",
        "Contact the parks department at parks@harrisford.gov to reserve a shelter.",
        "Residents can email concerns to parks@harrisford.gov, the director said.",
        "Watch: the vote is at 7 p.m. in the council chambers.",
    ],
)
def test_sentences_under_the_same_labels_stay_text(text: str):
    assert parse(f"Title\n\n{text}\n").paragraphs == (text,)


def test_the_text_of_a_bare_label_is_kept_whatever_it_says():
    article = parse(
        "Mill\n\nThe mill will close.\n\nExit question:\n\nSubscribe to the Mill's own newsletter, or trust the "
        "company line?\n\nUpdate:\n\nSign up for the state's Rapid Response retraining sessions by calling "
        "555-0134.\n"
    )
    assert article.exit_question == "Subscribe to the Mill's own newsletter, or trust the company line?"
    assert [u.text for u in article.updates] == [
        "Sign up for the state's Rapid Response retraining sessions by calling 555-0134."
    ]
