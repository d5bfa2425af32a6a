"""Members' names read where they glue words together ("ShitLord", "Sh1tPoster", "CuntPuncher99"),
and the real names and gamer tags that must stay clean ("Dickens", "PassionFruit", "T1tan")."""

from __future__ import annotations

from dataclasses import replace

import pytest

from benchmarks.moderation_eval import caught, engine_for
from bot.moderation.defaults import default_rules
from bot.moderation.engine import ModerationEngine
from bot.moderation.name_parts import glued_words, name_reading
from bot.moderation.rules import Action, KeywordMode, KeywordRule

# The defaults, and a server that lists the short words real names collide with.
SERVER_WORDS = KeywordRule("listed", ("dick", "cock", "ass", "tit", "cum"), KeywordMode.WORD, Action.DELETE)


def engine(allowed: tuple[str, ...] = ()) -> ModerationEngine:
    rules = default_rules()
    return ModerationEngine(replace(rules, keywords=(*rules.keywords, SERVER_WORDS), allowed=allowed))


def name_flagged(screening: ModerationEngine, name: str) -> bool:
    return screening.check_name(name_reading(name)).flagged


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("ShitLord", "Shit Lord"),  # lower case, then a capital
        ("BigDickEnergy", "Big Dick Energy"),
        ("xXFuckThisXx", "x X Fuck This Xx"),  # a run of capitals ends where the next word starts
        ("HTMLParser", "HTML Parser"),
        ("CuntPuncher99", "Cunt Puncher 99"),  # a number at the end is a part of its own
        ("99Problems", "99 Problems"),
        ("Ass69Lord", "Ass 69 Lord"),
        ("AK47Fan", "AK47 Fan"),  # capitals and a number are a model number: one word
        ("P155", "P155"),
        ("Sh1tPoster", "Sh1t Poster"),  # a digit between letters is a letter: leet stays read
        ("T1tan", "T1tan"),
        ("5hitLord", "5hit Lord"),
        ("Sh0eQueen", "Sh0e Queen"),
        ("McDonald", "McDonald"),  # "Mc" is the start of a surname, not a word
        ("BigMcDick", "Big McDick"),
        ("sh1t_lord", "sh1t_lord"),  # underscores and dots already part words for the engine
        ("Dickens_Fan", "Dickens_Fan"),
        ("dr.DickTracy", "dr.Dick Tracy"),  # the dot parts them already
        ("Scunthorpe", "Scunthorpe"),
        ("", ""),
    ],
)
def test_glued_words_are_split_where_names_join_them(name: str, parts: str):
    assert glued_words(name) == parts


def test_the_reading_is_the_name_alone_unless_it_glues_words():
    assert name_reading("Dickens_Fan") == "Dickens_Fan"
    assert name_reading("ShitLord") == "ShitLord\nShit Lord"  # both: the name as written is still read


@pytest.mark.parametrize(
    "name", ["ShitLord", "Sh1tPoster", "BigDickEnergy", "xXFuckThisXx", "CuntPuncher99", "5hitLord", "T1tMcGee"]
)
def test_a_listed_word_glued_into_a_name_is_flagged(name: str):
    assert name_flagged(engine(), name)


def test_names_as_written_are_still_flagged():
    for name in ("sh1t_lord", "fuck_this_guy", "Bu11sh1t Artist", "SHITLORD", "ShItLoRd"):
        assert name_flagged(engine(), name) is engine().check_name(name).flagged, name
    assert name_flagged(engine(), "sh1t_lord") and name_flagged(engine(), "Bu11sh1t Artist")


@pytest.mark.parametrize(
    "name",
    [
        "Dickens",
        "Dickens_Fan",
        "Scunthorpe",
        "Hancock",
        "Cockburn",
        "McDick",  # decided: Mc is how surnames are written ("McDonald"), read as one word
        "AssassinCreed",
        "ClassicGamer",
        "PassionFruit",
        "Sh0eQueen",
        "T1tan",
        "TitanFall",
        "CumberbatchFan",
        "DickensianXmas",
        "ShiitakeSoup",
        "Bitchute_Watcher",
        "P155",  # model numbers, as in messages
        "A55",
        "SR71Blackbird",
    ],
)
def test_real_names_and_tags_are_not_flagged(name: str):
    assert not name_flagged(engine(), name)


def test_a_whole_word_collision_is_the_lists_choice_and_the_allow_list_stops_it():
    assert name_flagged(engine(), "DickTracy")  # "dick" listed: a whole CamelCase part
    allowing = engine(allowed=("Dick Tracy",))
    assert not name_flagged(allowing, "DickTracy")
    assert name_flagged(allowing, "DickTracyIsADick")  # only the allowed phrase is left alone


def test_a_flagged_name_says_which_word_in_the_name_rules_words():
    verdict = engine().check_name(name_reading("BigDickEnergy"))
    assert verdict.action is Action.DELETE
    assert [(r.rule, r.matched) for r in verdict.reasons] == [("listed", "Dick")]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("@steel.slag.recycling posted a great thread about this.", False),  # Discord names take dots
        ("Following @wank.summit.hikes for updates on this.", False),
        ("@go.fuck.yourself", True),  # a sentence written as a name still speaks to someone
        ("steel.slag.recycling posted a great thread about this.", True),  # no @: read part by part
    ],
)
def test_a_name_typed_with_dots_is_a_name_as_one_typed_with_underscores(text: str, flagged: bool):
    engine = engine_for(("slag", "wank", "fuck"))
    assert caught(engine, text) is flagged
