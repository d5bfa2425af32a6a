"""The reading of a text: the pipeline's order, its tables, and the ASCII fast path agreeing with it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.moderation.defaults import DEFAULT_WORDS
from bot.moderation.engine import MessageFacts, ModerationEngine
from bot.moderation.normalize import normalize, normalize_with_offsets, plain_punctuation
from bot.moderation.rules import KeywordRule, RuleSet

ENGINE = ModerationEngine(RuleSet(keywords=(KeywordRule("listed", (*DEFAULT_WORDS, "ass", "hell", "tit")),)))
# Letters, leet symbols, separators of every kind and a few other characters.
ALPHABET = "abcefhiklnorstuwABIS 013457@$!|+.-_*,/\\~'`^\t\n\r#?:;()"


def rules(text: str) -> list[tuple[str, str]]:
    return [(r.rule, r.normalized) for r in ENGINE.check(MessageFacts(text), remember=False).reasons]


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=24))
def test_the_ascii_fast_path_reads_as_the_unicode_path(text: str):
    # A zero-width space reads as nothing, but sends the text down the Unicode path.
    assert rules(text) == rules(text + "\u200b")


def test_marks_are_stripped_before_case_folding():
    assert normalize("fu\u0345ck") == "fuck"  # folding first would make U+0345 an "i"


def test_a_right_to_left_override_is_turned_back():
    assert normalize("what a \u202ekcuf\u202c day") == "what a fuck day"
    assert normalize("\u202e\u202dab\u202ccd\u202c") == "dcab"  # a nested left-to-right run keeps its order
    assert normalize("\u202eab\ncd") == "ba\ncd"  # a line break ends the override
    # brackets in the overridden run are drawn mirrored, as a renderer draws them
    assert normalize("\u202e(|rat3r\u202c") == "r3tar|)"
    assert normalize("\u202e>|cuf\u202c \u202e\u202d(a)\u202c\u202c") == "fuc|< (a)"  # not in a nested LTR run


def test_tables_for_what_nfkd_and_the_confusables_leave_out():
    assert normalize("🅵🆄🅲🅺 🇫🇺🇨🇰 ⒡⒰⒞⒦ ⓕⓤⓒⓚ 🄵🅄🄲🄺") == "fuck fuck fuck fuck fuck"
    assert normalize("ꜱʜᴏᴜᴛ") == "shout"  # small capitals
    assert normalize("øłđħʉ") == "oldhu"  # strokes and bars
    assert normalize("εкκтτмηωχԍ") == "ekkttmnwxg"  # Greek and Cyrillic the confusables miss
    assert normalize("ᏚᎻᎥᎢ") == "shit"  # Cherokee, from the confusables
    assert normalize("ӏ") == normalize("I") == "I"  # palochka and capital I read as i or l


def test_blank_looking_characters_separate_and_invisible_ones_vanish():
    assert normalize("fu\u3164ck f\u2800u") == "fu ck f u"
    assert normalize("f\u200bu\u00adck") == "fuck"


def test_offsets_lead_back_to_the_text_as_written():
    reading, origins = normalize_with_offsets("x \u202ekcuf\u202c 𝐲")
    assert reading == "x fuck y"
    assert [origins[i] for i in range(2, 6)] == [6, 5, 4, 3]


def test_plain_punctuation():
    assert plain_punctuation("“Quoted” — it’s…") == '"Quoted" - it\'s...'
