"""The default list as a person reads it (from the attacker review: whole-word matching let the
inflections of the default words through), on the real bot: each message is removed."""

from __future__ import annotations

import pytest

from bot.client import DiscussionBot
from discord_emulator import Emulator
from tests.e2e.test_moderation import discussion
from tests.harness import World, eventually

READ_AS_LISTED = [
    "you fucked it up",
    "what a fucker",
    "a shitty deal",
    "those bitches",
    "bunch of assholes",
    "all cunts",
    "f**u**ck this",
    "||f||uck this",
    "f~~u~~ck this",
    "sh__i__t deal",
    "fuuck this",
    "total shiit",
    "fu\u3164ck this",
    "fu\u2800ck this",
    "🅵🆄🅲🅺 this",
    "ꜰᴜᴄᴋ this",
    "f.u-c_k this",
    "|=(_)(|< this",
    "$|-|1-|-ty deal",
]
# Words that start with a default word, or hold one, and are not it.
NOT_LISTED = ["shitake mushrooms", "the Shiite parties", "the cockpit", "bitchute videos", "a bastardised version"]


@pytest.mark.timeout(120)
async def test_disguised_and_inflected_default_words_are_removed(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await discussion(emulator, world, bot)
    sent = {}
    for i, text in enumerate(READ_AS_LISTED + NOT_LISTED):
        author = emulator.add_member(world.guild, f"reader{i}")  # one message each: no flood or repeat rule
        sent[text] = emulator.send_message(author, thread, text)
    control = emulator.send_message(emulator.add_member(world.guild, "control"), thread, "what bullshit")
    await eventually(lambda: control.deleted)  # messages are screened in order: the others are decided
    kept = [text for text in READ_AS_LISTED if not sent[text].deleted]
    assert kept == [], f"{len(kept)} of {len(READ_AS_LISTED)} stayed: {kept}"
    removed = [text for text in NOT_LISTED if sent[text].deleted]
    assert removed == []
