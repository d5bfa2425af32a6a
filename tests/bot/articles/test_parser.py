"""The article parser on the shipped seed, on the format's variations, and on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.articles import ArticleError, parse_article_file, parse_article_text
from bot.articles.parser import parse_article_bytes

SEED = Path(__file__).resolve().parents[3] / "seeds" / "odierno-ceasefire.txt"


def parse(text: str):
    return parse_article_text(text, name="test.txt", slug="test")


def test_seed_title_paragraphs_question_updates_and_no_trailer():
    article = parse_article_file(SEED)
    assert article.slug == "odierno-ceasefire"
    assert article.title == "Odierno: We're negotiating with insurgents for a ceasefire"
    assert len(article.paragraphs) == 8
    assert article.paragraphs[0].startswith("This goes hand in hand with Bush’s new approach to Iran")
    assert article.paragraphs[-1].startswith("Odierno estimates that those nationalist branches comprise 80%")
    assert article.exit_question is not None
    assert article.exit_question.startswith("What exactly do the insurgents get out of this deal?")
    assert article.exit_question.endswith("they fear and loathe, I mean.")
    assert [u.label for u in article.updates] == ["Update", "Update"]
    assert article.updates[0].text.startswith("There are reports out now that U.S. gunships")
    assert article.updates[1].text.startswith("And now they want chitchat with Sadr.")
    everything = " ".join(
        [article.title, *article.paragraphs, article.exit_question, *(u.text for u in article.updates)]
    )
    assert "Trending" not in everything and "David Strom" not in everything and "2022" not in everything
    assert article.author is None and article.published is None


def test_crlf_and_typographic_quotes_read_like_lf():
    text = SEED.read_text("utf-8")
    assert parse(text.replace("\n", "\r\n")).to_json() == parse(text).to_json()


HARD_WRAPPED = (
    "Talks resume in Baghdad\n\n"
    + "\n".join(
        ["Officers met the tribal leaders again", "on Thursday, and both sides said the", "talks went well."] * 12
    )
    + "\n\nExit question: Will it hold?\n\nUpdate: A second round is set\nfor Monday.\n"
)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_endings_parse_like_their_lf_twin(newline: str, tmp_path: Path):
    """Short hard-wrapped lines mean many line ends: CRs are line ends, not binary control characters."""
    twin = parse(HARD_WRAPPED)
    assert parse(HARD_WRAPPED.replace("\n", newline)).to_json() == twin.to_json()
    path = tmp_path / "wrapped.txt"
    path.write_bytes(HARD_WRAPPED.replace("\n", newline).encode())
    assert parse_article_file(path).to_json() == {**twin.to_json(), "slug": "wrapped"}
    assert twin.updates[0].text == "A second round is set for Monday."


def test_an_update_after_the_trailer_is_not_taken_and_says_why():
    """Everything from the site's trailer marker on is page furniture (another page's box): an Update:
    there is not the article's. It is not taken, and the article carries a warning naming the line."""
    text = SEED.read_text("utf-8") + "\nUpdate: Appended below the trailer by hand.\n"
    article = parse(text)
    assert [u.text[:20] for u in article.updates] == ["There are reports ou", "And now they want ch"]
    [warning] = article.warnings
    trailer_line = text.splitlines().index("Trending on Hotair Video") + 1
    update_line = text.splitlines().index("Update: Appended below the trailer by hand.") + 1
    assert f"line {update_line}" in warning and f"line {trailer_line}" in warning
    assert "Trending on Hotair Video" in warning and "move it above" in warning
    assert parse(SEED.read_text("utf-8")).warnings == ()


@pytest.mark.parametrize(
    ("marker", "label"),
    [
        ("Update:", "Update"),
        ("UPDATE:", "Update"),
        ("UPDATE —", "Update"),
        ("update -", "Update"),
        ("Update (4:12 PM):", "Update (4:12 PM)"),
        ("Update II:", "Update II"),
        ("Update ii:", "Update II"),
        ("Update 3:", "Update 3"),
        ("Update, 5 p.m.:", "Update, 5 p.m."),
    ],
)
def test_update_marker_variants(marker: str, label: str):
    article = parse(f"Title\n\nBody.\n\n{marker} Something happened.")
    assert [(u.label, u.text) for u in article.updates] == [(label, "Something happened.")]
    assert article.paragraphs == ("Body.",)


@pytest.mark.parametrize(
    "sentence",
    [
        "Updates to the plan are expected next week.",
        "Update the plan: that is what they said.",
        "Updated figures came out on Friday.",
        "Exit polls: not a question.",
    ],
)
def test_body_sentences_that_look_like_markers_stay_body(sentence: str):
    article = parse(f"Title\n\nFirst.\n\n{sentence}")
    assert article.paragraphs == ("First.", sentence)
    assert article.updates == ()
    assert article.exit_question is None


def test_updates_in_order_and_continuation_paragraphs_join_their_update():
    article = parse("T\n\nBody.\n\nExit question: Why?\n\nUpdate: one.\n\nMore on one.\n\nUPDATE II: two.")
    assert [(u.label, u.text) for u in article.updates] == [("Update", "one.\n\nMore on one."), ("Update II", "two.")]
    assert article.exit_question == "Why?"


def test_exit_question_any_case_and_on_its_own_line():
    assert parse("T\n\nBody.\n\nEXIT QUESTION: Why?").exit_question == "Why?"
    assert parse("T\n\nBody.\n\nexit question:\n\nWhy not?").exit_question == "Why not?"


def test_hard_wrapped_paragraph_is_joined_and_spaces_collapse():
    article = parse("Title\n\nA line that was\nwrapped   by an\u00a0editor.\n")
    assert article.paragraphs == ("A line that was wrapped by an editor.",)


def test_furniture_lines_are_dropped_and_cut_marker_ends_article():
    text = (
        "Title\n\nBody one.\n\nShare on Facebook\n\nBody two.\n\n"
        "Join Hot Air VIP and use promo code FIGHT to get 60% off your membership!\n\n"
        "Trending on Hotair Video\nSomeone 3:31 PM on November 30, 2022\n\nMore trailer text."
    )
    article = parse(text)
    assert article.paragraphs == ("Body one.", "Body two.")


@pytest.mark.parametrize(
    "trailer",
    [
        "Most Read on Valley Voices\nHannah Greer 9:12 AM on January 14, 2025\nAdvertisement",
        "Trending on Terrace Talk\nRob Kettering 11:47 AM on March 21, 2025",
        "Trending on The Ledger Line\nNora Vasquez 4:05 PM on October 13, 2025",
        "Popular on The High Desert Dispatch\nMarisa Kwan 9:12 AM on March 4, 2027\nAdvertisement",
        "Recommended\nFrom The Lantern\nGreg Almeida 11:40 AM on October 19, 2027",
    ],
)
def test_other_sites_boxes_end_the_article_too(trailer: str):
    """Other sites name their box otherwise than Hot Air ("Most Read on …", "Trending on …" with no
    "Video"): its headline and byline are not a paragraph the chat could quote."""
    article = parse(f"Title\n\nBody one.\n\nUpdate: It reopened.\n\n{trailer}\n")
    assert article.paragraphs == ("Body one.",)
    assert [u.text for u in article.updates] == ["It reopened."]


def test_a_sentence_that_starts_like_a_box_is_still_article_text():
    text = (
        "Title\n\nMost popular in the region was the mayor.\n\nTrending on social media today: the ferry.\n\n"
        "Popular on campus, the course filled in a day.\n\nRecommended reading for the council: the audit.\n"
    )
    assert parse(text).paragraphs == (
        "Most popular in the region was the mayor.",
        "Trending on social media today: the ferry.",
        "Popular on campus, the course filled in a day.",
        "Recommended reading for the council: the audit.",
    )


def test_zero_width_and_bom_are_removed():
    article = parse_article_bytes("\ufeffTi\u200btle\n\nBo\u200ddy.".encode(), name="x.txt", slug="x")
    assert article.title == "Title" and article.paragraphs == ("Body.",)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is empty"),
        (b"   \n\n \t\n", "is empty"),
        (b"Only a title\n", "no body paragraphs"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"Title\n\nBody with a bad byte \xff here.\n", "not valid UTF-8"),
    ],
)
def test_bad_files_give_a_clear_error_naming_the_file(data: bytes, reason: str):
    with pytest.raises(ArticleError) as caught:
        parse_article_bytes(data, name="seeds/bad.txt", slug="bad")
    assert str(caught.value).startswith("seeds/bad.txt")
    assert reason in str(caught.value)


def test_undecodable_bytes_error_names_the_line():
    with pytest.raises(ArticleError) as caught:
        parse_article_bytes(b"Title\n\nfine\n\nbad \xfe\n", name="a.txt", slug="a")
    assert caught.value.line == 5


def test_missing_file_and_directory_are_article_errors(tmp_path: Path):
    with pytest.raises(ArticleError, match="no such file"):
        parse_article_file(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="directory"):
        parse_article_file(tmp_path)
