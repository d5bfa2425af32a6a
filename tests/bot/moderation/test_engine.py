"""The moderation engine on its own: normalisation, matching, rules, verdicts, and the corpora."""

from __future__ import annotations

import time

import pytest

from bot.moderation.defaults import default_rules
from bot.moderation.engine import MessageFacts, ModerationEngine
from bot.moderation.matcher import InvalidPattern, check_pattern
from bot.moderation.normalize import normalize
from bot.moderation.rules import Action, KeywordMode, KeywordRule, Limits, LinkPolicy, RegexRule, RuleSet
from tests.moderation_corpus import EVASIONS, admin_regexes, clean_messages, evasions, keywords


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ｂａｄ", "bad"),  # fullwidth
        ("𝐛𝐚𝐝", "bad"),  # mathematical bold
        ("Ьаԁ", "bad"),  # Cyrillic look-alikes
        ("b\u200ba\u2060d\ufeff", "bad"),  # invisible characters
        ("BÁD", "bad"),  # case and accents
        ("b4d", "b4d"),  # leetspeak is read by the patterns, not rewritten
        ("b.a.d", "b.a.d"),
        ("I have 100 apples", "I have 100 apples"),  # capital I stays: it reads as i or l
    ],
)
def test_normalize(text: str, expected: str):
    assert normalize(text) == expected


def engine(**kwargs) -> ModerationEngine:  # type: ignore[no-untyped-def]
    return ModerationEngine(RuleSet(**kwargs))


def test_keyword_modes():
    e = engine(
        keywords=(
            KeywordRule("w", ("ass",), KeywordMode.WORD),
            KeywordRule("p", ("spam",), KeywordMode.PREFIX),
            KeywordRule("s", ("xyz",), KeywordMode.SUBSTRING),
        )
    )
    check = lambda text: {r.rule for r in e.check(MessageFacts(text), remember=False).reasons}  # noqa: E731
    assert check("what an ass") == {"w"} and check("a classic pass") == set()  # whole word only
    assert check("spammer alert") == {"p"} and check("antispam") == set()
    assert check("abcxyzdef") == {"s"}
    assert check("asssss") == {"w"}  # stretched
    assert check("as it is") == set()  # a doubled letter must be there twice


def test_verdict_explains_itself():
    verdict = ModerationEngine(default_rules()).check(
        MessageFacts("that is such b\u200bu\u200bl\u200blshit"), remember=False
    )
    assert verdict.action is Action.DELETE
    [reason] = verdict.reasons
    assert reason.rule == "profanity" and reason.normalized == "bullshit"
    assert reason.matched == "b\u200bu\u200bl\u200blshit"
    assert verdict.to_json()["reasons"][0]["normalized"] == "bullshit"


def test_regexes_are_re2_back_references_refused_and_catastrophic_patterns_fast():
    with pytest.raises(InvalidPattern, match="back-references"):
        check_pattern(r"(a)\1")
    with pytest.raises(InvalidPattern, match="1 to 500"):
        check_pattern("")
    e = engine(regexes=(RegexRule("evil", r"(a+)+$"),))
    started = time.perf_counter()
    verdict = e.check(MessageFacts("a" * 50_000 + "!"), remember=False)
    elapsed = time.perf_counter() - started
    assert not verdict.flagged and elapsed < 5  # Python's re would not finish; generous bound, not a benchmark
    assert e.check(MessageFacts("aaaa"), remember=False).reasons[0].rule == "evil"


def test_links_invites_shorteners_allow_and_deny_lists():
    e = engine(links=LinkPolicy(deny_domains=("evil.com",), block_invites=True, block_shorteners=True))
    rules = lambda text: [r.rule for r in e.check(MessageFacts(text), remember=False).reasons]  # noqa: E731
    assert rules("join https://discord.gg/abc123") == ["invite links"]
    assert rules("see bit.ly/3xyz") == ["link shorteners"]
    assert rules("at https://sub.evil.com/x") == ["blocked domains"]
    assert rules("read https://www.reuters.com/world") == []
    allow = engine(links=LinkPolicy(allow_domains=("wikipedia.org",)))
    assert [r.rule for r in allow.check(MessageFacts("https://example.com"), remember=False).reasons] == [
        "allowed domains"
    ]
    assert not allow.check(MessageFacts("https://en.wikipedia.org/wiki/Iraq"), remember=False).flagged


def test_mentions_caps_and_newcomers():
    e = engine(limits=Limits(max_mentions=3, caps_ratio=0.7, caps_min_letters=10, new_member_minutes=10))
    assert e.check(MessageFacts("hi all", mentions=4), remember=False).reasons[0].rule == "mention spam"
    assert e.check(MessageFacts("WHY IS NOBODY LISTENING"), remember=False).reasons[0].rule == "capital letters"
    assert not e.check(MessageFacts("Why is NATO involved"), remember=False).flagged
    newcomer = e.check(MessageFacts("look https://example.com", member_age_minutes=2), remember=False)
    assert newcomer.reasons[0].rule == "new members" and newcomer.action is Action.HOLD
    assert not e.check(MessageFacts("look https://example.com", member_age_minutes=60), remember=False).flagged


def test_flood_and_repeats_per_member():
    e = engine(limits=Limits(flood_messages=5, flood_seconds=5, repeat_messages=3, repeat_seconds=30))
    flood = [e.check(MessageFacts(f"message {i}", author_id=1, now=i * 0.5)) for i in range(5)]
    assert [v.flagged for v in flood] == [False, False, False, False, True]
    assert flood[-1].reasons[0].rule == "flooding" and flood[-1].action is Action.TIMEOUT
    assert not e.check(MessageFacts("message 9", author_id=2, now=2.5)).flagged  # others unaffected
    repeats = [e.check(MessageFacts("BUY NOW", author_id=3, now=t)) for t in (0, 10, 20)]
    assert [r.rule for r in repeats[-1].reasons] == ["repeated messages"]
    assert not e.check(MessageFacts("BUY NOW", author_id=3, now=100)).flagged  # the window passed
    assert "5 messages in 5 s" in flood[-1].reasons[0].detail


def test_repeats_count_across_other_messages_and_only_inside_their_window():
    e = engine(limits=Limits(flood_messages=50, repeat_messages=3, repeat_seconds=30))
    texts = ["spam", "hello", "spam", "how are you", "SPAM"]
    verdicts = [e.check(MessageFacts(t, author_id=1, now=i)) for i, t in enumerate(texts)]
    assert [v.flagged for v in verdicts] == [False, False, False, False, True]
    # a shorter repeat window than the flood window: the older copies no longer count
    e = engine(limits=Limits(flood_messages=5, flood_seconds=60, repeat_messages=2, repeat_seconds=5))
    assert not e.check(MessageFacts("same", author_id=1, now=0)).flagged
    assert not e.check(MessageFacts("same", author_id=1, now=10)).flagged
    assert e.check(MessageFacts("same", author_id=1, now=12)).reasons[0].rule == "repeated messages"
    assert not e.check(MessageFacts("", author_id=2, now=0)).flagged
    assert not e.check(MessageFacts("", author_id=2, now=1)).flagged  # attachments alone never repeat


def test_history_keeps_the_last_fifty_messages_and_forgets_quiet_members():
    e = engine(limits=Limits(flood_messages=10, flood_seconds=0.01, repeat_messages=2, repeat_seconds=60))
    e.check(MessageFacts("hello", author_id=1, now=0))
    for i in range(50):
        assert not e.check(MessageFacts(f"message {i}", author_id=1, now=0.1 * i)).flagged
    assert not e.check(MessageFacts("hello", author_id=1, now=6)).flagged  # the first one is no longer kept
    assert e.check(MessageFacts("hello", author_id=1, now=7)).reasons[0].rule == "repeated messages"
    e.members_remembered = 3
    for member in range(2, 6):
        e.check(MessageFacts("hi", author_id=member, now=100 + member))
    # member 1 had been quiet for longer than the window when the fourth newcomer arrived: forgotten,
    # which changes no verdict (their messages were too old to count) but frees the memory
    assert set(e._recent) == {2, 3, 4, 5}
    assert e.check(MessageFacts("hi", author_id=3, now=110)).reasons[0].rule == "repeated messages"


def test_evasion_corpus_caught_and_clean_corpus_passes():
    words = keywords()
    e = ModerationEngine(
        RuleSet(
            keywords=(KeywordRule("listed", tuple(words)),),
            regexes=tuple(RegexRule(f"regex {i}", p) for i, p in enumerate(admin_regexes())),
        )
    )
    cases = evasions(words, 2000)
    missed = [
        (text, word, how)
        for text, word, how in cases
        if not any(r.rule == "listed" for r in e.check(MessageFacts(text), remember=False).reasons)
    ]
    assert {how for _, _, how in cases} == set(EVASIONS)
    assert len(missed) / len(cases) < 0.01, missed[:10]
    clean = clean_messages(5000)
    false_positives = [m for m in clean if e.check(MessageFacts(m), remember=False).flagged]
    assert len(false_positives) / len(clean) < 0.01, false_positives[:10]


def test_repeats_see_through_case_and_disguises():
    e = engine(limits=Limits(repeat_messages=3, repeat_seconds=60))
    texts = ["Buy now", "BUY NOW ", "\u0412uy n\u043ew"]  # the last with Cyrillic В and о
    verdicts = [e.check(MessageFacts(t, author_id=1, now=i)) for i, t in enumerate(texts)]
    assert [v.flagged for v in verdicts] == [False, False, True]
    assert verdicts[-1].reasons[-1].rule == "repeated messages"
