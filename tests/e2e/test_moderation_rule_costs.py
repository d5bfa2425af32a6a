"""What a server's rules may cost (from the attacker review): adding many long keywords with
/automod rule add keeps the filters on and each addition compiles only the new rule; admin
regexes that would cost every message too much are refused with the reason."""

from __future__ import annotations

import random
import string

import pytest

from bot.client import DiscussionBot
from bot.storage import moderation as mod_store
from discord_emulator import Emulator
from tests.e2e.test_moderation import discussion
from tests.harness import World, eventually

RULES = 170


@pytest.mark.timeout(180)
async def test_a_long_word_list_does_not_switch_the_filters_off(emulator: Emulator, world: World, bot: DiscussionBot):
    # 170 keywords of 500 letters, added one by one: each used to compile the whole set, twice,
    # and the test timed out; then the set stopped compiling (RE2's memory) and nothing was screened
    thread = await discussion(emulator, world, bot)
    rng = random.Random(3)
    words = []
    for _ in range(RULES):
        word = "".join(rng.choice(string.ascii_lowercase) for _ in range(500))
        added = emulator.run_command(world.admin, world.general, "automod rule add", kind="keyword", value=word)
        reply = (await added.wait_message()).content
        assert "added:" in reply or "budget" in reply, reply  # added, or refused with a reason
        if "added:" in reply:
            words.append(word)
    assert len(words) == RULES  # they fit the budget
    engine = await bot.engines.engine(world.guild.id)
    assert engine.rules.keywords[-1].name == f"rule {RULES}"  # the engine built by the additions, named as stored
    bad = emulator.send_message(world.member, thread, "what bullshit")
    listed = emulator.send_message(emulator.add_member(world.guild, "other"), thread, f"say {words[-1]} again")
    await eventually(lambda: bad.deleted and listed.deleted, timeout=10)


# Five patterns of 14 characters that RE2 runs in linear time, but with tens of thousands of
# instructions each: together they made one 2,000-character message cost 0.78 s of the event loop.
PATTERNS = [r"(\w+\s){1000}", r"(\w\s+){1000}", r"(\S+\s){999}", r"(\s\S+){998}", r"(\w+\W){997}"]


@pytest.mark.timeout(120)
async def test_admin_regexes_that_would_cost_every_message_are_refused(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    thread = await discussion(emulator, world, bot)
    for pattern in PATTERNS:
        added = emulator.run_command(
            world.admin, world.general, "automod rule add", kind="regex", value=pattern, action="log"
        )
        reply = (await added.wait_message()).content
        assert "RE2 instructions" in reply and "Nothing was added" in reply, reply
    assert await mod_store.rules_of(bot.db, world.guild.id) == []
    # what admins write fits, and runs
    added = emulator.run_command(world.admin, world.general, "automod rule add", kind="regex", value=r"free\s+nitro")
    assert "Rule 1 added" in (await added.wait_message()).content
    spam = emulator.send_message(world.member, thread, "get FREE   nitro here " + "ab " * 600)
    await eventually(lambda: spam.deleted)  # a regex's default action: hold (removed at once)
