"""A question asked like "any updates?" or "what's the latest?" that names a topic the article covers
("…about the gunships?") is answered about that topic, not with the whole list."""

from __future__ import annotations

import pytest

from bot.client import DiscussionBot
from discord_emulator import Emulator
from tests.e2e.test_chat import ask, models_ready, post
from tests.harness import World


@pytest.fixture
def bot_env(bot_env: dict[str, str]) -> dict[str, str]:
    return bot_env | {"CHAT_MODELS": "true"}  # the answers with the embedding models


async def test_updates_about_a_topic_quote_that_topic(emulator: Emulator, world: World, bot: DiscussionBot):
    await post(emulator, world)
    await models_ready(bot)
    listed = await ask(emulator, world.member, world.general, "any updates?")
    assert listed.content.startswith("Updates to") and "chitchat with Sadr" in listed.content
    about = await ask(emulator, world.member, world.general, "any updates about the gunships?")
    assert "gunships have intervened in the fighting in western Baghdad" in about.content
    assert "chitchat with Sadr" not in about.content and not about.content.startswith("Updates to")
    latest = await ask(emulator, world.member, world.general, "what's the latest?")
    assert latest.content.startswith("The latest update") and "chitchat with Sadr" in latest.content
