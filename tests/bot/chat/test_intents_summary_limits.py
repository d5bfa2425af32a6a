from __future__ import annotations

import datetime as dt

import pytest

from bot.articles import parse_article_file
from bot.chat.intents import GRABBING, Intent, topic_words, understand
from bot.chat.limits import QuestionLimiter
from bot.chat.summary import summarize
from tests.bot.chat.eval_set import REPO


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("<@123> hi", Intent.GREETING),
        ("hello there", Intent.GREETING),
        ("thanks!", Intent.THANKS),
        ("thank you so much", Intent.THANKS),
        ("what can you do?", Intent.HELP),
        ("<@1>", Intent.HELP),
        ("what's the article about?", Intent.SUMMARY),
        ("tl;dr please", Intent.SUMMARY),
        ("summary", Intent.SUMMARY),
        ("what's the exit question?", Intent.EXIT_QUESTION),
        ("how do I vote?", Intent.EXIT_QUESTION),
        ("how's the vote going?", Intent.RESULTS),
        ("results?", Intent.RESULTS),
        ("who's winning", Intent.RESULTS),
        ("any updates?", Intent.UPDATES),
        ("what changed since yesterday?", Intent.UPDATES),
        ("what's the latest update?", Intent.LATEST_UPDATE),
        ("and the update before that?", Intent.PREVIOUS_UPDATE),
        ("which articles are available?", Intent.LIST_ARTICLES),
        ("what did Odierno say about ceasefires?", Intent.QUESTION),
        ("how much of the insurgency is nationalist?", Intent.QUESTION),
        ("hi, what did Odierno say about the Mahdi Army and Sadr?", Intent.QUESTION),
    ],
)
def test_intents(text: str, intent: Intent):
    assert understand(text).intent is intent


def test_since():
    assert understand("what changed since yesterday").since == dt.timedelta(days=1)
    assert understand("updates in the last 3 hours?").since == dt.timedelta(hours=3)
    assert understand("any updates?").since is None


def test_summary_is_extractive_and_starts_with_the_lead():
    article = parse_article_file(REPO / "seeds" / "odierno-ceasefire.txt")
    picked = summarize(article.paragraphs)
    text = " ".join(article.paragraphs)
    assert 1 < len(picked) <= 3 and all(sentence in text for sentence in picked)
    assert picked[0].startswith("This goes hand in hand with Bush")
    assert len(" ".join(picked)) <= 700


def test_limiter_allows_a_burst_then_warns_once_per_window():
    limiter = QuestionLimiter(questions=3, per_seconds=10)
    assert [limiter.allow(1, now=t) for t in (0, 1, 2, 3)] == [True, True, True, False]
    assert limiter.should_warn(1, now=3) and not limiter.should_warn(1, now=4)
    assert limiter.allow(2, now=3)  # others are not affected
    assert limiter.allow(1, now=11)  # the window moved on


async def test_the_service_never_repeats_blocked_text(tmp_path):
    from bot.articles.library import ArticleLibrary
    from bot.chat.service import ChatRequest, ChatService
    from bot.storage import Database

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    filler = "\n\n".join(f"Paragraph {i} is about the weather, the harvest and the markets." for i in range(6))
    (seeds / "a.txt").write_text(
        f"Title\n\nThe general called the plan bullshit in private.\n\n{filler}\n\n"
        "The general praised the plan in public.\n"
    )
    db = await Database.open(tmp_path / "db.sqlite3")
    await db.migrate()
    try:
        library = ArticleLibrary(seeds)
        await library.refresh()
        service = ChatService(db, library, is_blocked=lambda text: "bullshit" in text)
        answer = await service.answer(ChatRequest("what did the general call the plan?", 1, 2, None))
        assert "bullshit" not in answer and "praised the plan in public" in answer
    finally:
        await db.close()


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("what's the latest on the lawsuit?", ["lawsuit"]),
        ("any updates about the gunships?", ["gunships"]),
        ("what is going on with the mahdi army", ["mahdi", "army"]),
        ("what does it say about the supplier?", ["supplier"]),
        ("did anything change after the post went up?", []),
        ("what's the article about?", []),
        ("any news on this?", []),
        ("how's the vote going?", []),
    ],
)
def test_a_topic_named_after_an_intents_words_is_a_question_of_its_own(text: str, topic: list[str]):
    assert understand(text).intent in GRABBING
    assert topic_words(text) == topic


def test_standing_alone_is_not_the_vote():
    assert understand("is the ceasefire still standing?").intent is Intent.QUESTION
    assert understand("vote standings?").intent is Intent.RESULTS


@pytest.mark.parametrize(
    ("text", "intent", "rest"),
    [
        ("hey who's the judge", Intent.QUESTION, "who's the judge"),
        ("Thanks! any updates?", Intent.UPDATES, "any updates?"),
        ("thanks, what about the lawsuit?", Intent.QUESTION, "what about the lawsuit?"),
        ("hey whats the latest", Intent.LATEST_UPDATE, "whats the latest"),  # shorthand read as "what is"
        ("hows the vote going", Intent.RESULTS, "hows the vote going"),
        ("thanks so much", Intent.THANKS, "thanks so much"),
        ("hello there", Intent.GREETING, "hello there"),
    ],
)
def test_a_greeting_or_thanks_with_a_question_is_the_question(text: str, intent: Intent, rest: str):
    understood = understand(text)
    assert (understood.intent, understood.text) == (intent, rest)
