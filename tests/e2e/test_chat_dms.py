"""Chatting with the bot in a DM: it speaks only of the servers the member shares with it.

A DM has no server of its own. It once read every server's discussions (the newest posts of all
servers, every server's feed articles), so a member of one server could DM "how's the vote going?"
and read another server's vote and its members' suggested answers, word for word."""

from __future__ import annotations

from pathlib import Path

from discord_emulator import Emulator
from tests.e2e.test_chat import ask
from tests.e2e.test_privacy import suggest
from tests.harness import World, question_of, running_bot

SECRET = "Our private plan: Zanzibar at dawn"


async def test_a_dm_does_not_show_another_servers_discussion(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path
):
    private = emulator.create_guild("Private club")
    private_owner = private.members[private.owner_id]
    private_forum = emulator.create_forum_channel(private, "articles")
    insider = emulator.add_member(private, "insider")
    async with running_bot(bot_env):
        posted = emulator.run_command(
            private_owner, private_forum, "article post", article="odierno-ceasefire", channel=private_forum
        )
        assert "Posted" in (await posted.wait_message(timeout=10)).content
        [thread] = emulator.threads_of(private_forum)
        await suggest(emulator, insider, question_of(emulator, thread), SECRET)

        outsider = world.member  # a member of the other server only
        dm = emulator.dm_channel(outsider.user)
        answer = await ask(emulator, outsider, dm, "how's the vote going?", mention=False)
        assert SECRET not in answer.content and str(private.id) not in answer.content, answer.content
        digest = await ask(emulator, outsider, dm, "what are people saying?", mention=False)
        assert SECRET not in digest.content and str(private.id) not in digest.content, digest.content
        about = await ask(emulator, outsider, dm, "what's the article about?", mention=False)
        assert str(private.id) not in about.content  # the seed article, without the other server's thread

        # A member of the private server hears about it in a DM: the rule is membership, not silence.
        inside_dm = emulator.dm_channel(insider.user)
        inside = await ask(emulator, insider, inside_dm, "how's the vote going?", mention=False)
        assert SECRET in inside.content and str(private.id) in inside.content, inside.content
