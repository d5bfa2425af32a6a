"""What the sixth development split (written apart from the engine, leetspeak first) showed. Every
test here failed first.

Left on purpose, and said so in the README: a word written wholly in digits ("8020" for "bozo": a
number to everyone who does not know the list, and numbers are everywhere), and the Norwegian "kyss"
(kiss), read as a three-letter listed word with its last letter doubled, as "shitt" is."""

from __future__ import annotations

import pytest

from benchmarks.moderation_eval import caught, engine_for

WORDS = (
    *("dipstick", "dildo", "plonker", "bozo", "bint", "shag", "moron", "cuck"),
    *("prat", "dick", "wang", "hooker", "cock"),
)


@pytest.fixture(scope="module")
def engine():
    return engine_for(WORDS)


@pytest.mark.parametrize(
    "text",
    [
        "@mayor_is_a_dipstick keeps replying to the mayor's posts",
        "lol @ref_is_a_dildo is back",
        "mods, @not_a_plonker_i_swear just joined the server",
        "@ref.is.a.cuck posted the stream link again",
        "who is @council_is_an_m0r0n and why are they in every thread",
        # with a word or two between (an attacker probe of this rule)
        "@mayor_is_a_total_prat again",
        "@mayor_is_a_real_dick posted it",
        "@mayor_is_such_a_massive_bozo lol",
        "@mayor.is.a.total.bozo",
    ],
)
def test_a_handle_that_calls_someone_a_listed_word_is_read(engine, text: str):
    """A handle written as a sentence that calls someone the word ("@mayor_is_a_dipstick") says
    it, as "@go_fuck_yourself" does; both writers who labelled handles would remove every one."""
    assert caught(engine, text), text


@pytest.mark.parametrize(
    "text",
    [
        "@Bozo_Official replied to the council announcement",  # a name: the writers were split on these
        "@bint_al_sahra posted the stream link again",
        "@shag_carpet_fan just joined",
        # an initial or a given name before a surname (an attacker probe of this rule)
        "thanks @kevin_a_wang for the notes from last night's meeting",
        "cc @jennifer.a.wang she took the photos at the parade",
        "@james.a.hooker is running for school board this year",
        "@sarah.a.cock can you share the minutes",
        "@li_an_wang did you get the agenda?",
        "@dr_an_wang will speak at the library Tuesday",
        "@spotted_a_shag great photo of the cormorant",
        "@born_a_hooker nice game",
    ],
)
def test_a_handle_that_only_holds_a_listed_word_is_still_a_name(engine, text: str):
    assert not caught(engine, text), text
