"""Edits are screened like messages: every edit, including one to a message discord.py no longer
caches (after a restart, or once a busy bot's 1,000-message cache moved on), and each edit once."""

from __future__ import annotations

from bot.client import DiscussionBot
from bot.storage import moderation as mod_store
from discord_emulator import Emulator
from tests.harness import World, eventually, running_bot

SLUG = "odierno-ceasefire"


async def post_discussion(emulator: Emulator, world: World):  # type: ignore[no-untyped-def]
    posted = emulator.run_command(world.admin, world.general, "article post", article=SLUG, channel=world.forum)
    assert "Posted" in (await posted.wait_message(timeout=10)).content
    [thread] = emulator.threads_of(world.forum)
    return thread


async def test_an_edit_after_a_restart_is_screened(emulator: Emulator, world: World, bot_env: dict[str, str]):
    env = bot_env | {"MOD_LOG_CHANNEL_ID": str(world.mod_log.id)}
    async with running_bot(env):
        thread = await post_discussion(emulator, world)
        message = emulator.send_message(world.member, thread, "I think the ceasefire could hold.")
    # A new process: its message cache is empty, so discord.py has no "before" for this edit.
    async with running_bot(env) as bot:
        emulator.edit_message(world.member, message, "what a load of bullshit")
        await eventually(lambda: message.deleted, timeout=10)
        [case] = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
        assert case.action == "delete" and case.rule == "profanity"


async def test_each_edit_is_screened_once(emulator: Emulator, world: World, bot_env: dict[str, str]):
    async with running_bot(bot_env):
        thread = await post_discussion(emulator, world)
        rule = emulator.run_command(
            world.admin, world.general, "automod rule add", kind="keyword", value="stalemate", action="log"
        )
        assert "added" in (await rule.wait_message()).content
        message = emulator.send_message(world.member, thread, "I think the ceasefire could hold.")
    async with running_bot(bot_env) as bot:  # the message is not in this process's cache

        async def cases() -> list[mod_store.Case]:
            found = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
            return sorted(found, key=lambda c: c.number)

        emulator.edit_message(world.member, message, "I think it ends in a stalemate.")
        await eventually(lambda: _count(cases(), 1))
        # Discord sends the message again when a link preview arrives or a thread starts on it:
        # the same edit, so no second case.
        again = message.payload(gateway=True, threads=emulator.channels)
        emulator.dispatch("MESSAGE_UPDATE", again, guild_id=world.guild.id)
        emulator.edit_message(world.member, message, "A stalemate, then talks.")
        await eventually(lambda: _count(cases(), 2))
        assert [c.excerpt for c in await cases()] == ["I think it ends in a stalemate.", "A stalemate, then talks."]


async def test_a_message_edited_while_the_filters_are_built_is_screened_once(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    thread = await post_discussion(emulator, world)
    # A new rule: the server's filters are rebuilt (in a thread), and the next message waits for them.
    rule = emulator.run_command(
        world.admin, world.general, "automod rule add", kind="keyword", value="stalemate", action="log"
    )
    assert "added" in (await rule.wait_message()).content
    message = emulator.send_message(world.member, thread, "I think the ceasefire could hold.")
    # The edit lands in discord.py's cached copy while the message is still waiting to be screened:
    # the new words are the edit's to screen, not the message's as well.
    emulator.edit_message(world.member, message, "I think it ends in a stalemate.")
    await bot.wait_for("message_moderated", timeout=10)
    emulator.edit_message(world.member, message, "A stalemate, then talks.")
    await bot.wait_for("message_moderated", timeout=10)
    cases = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
    assert sorted(c.excerpt or "" for c in cases) == ["A stalemate, then talks.", "I think it ends in a stalemate."]


async def _count(cases, n: int) -> bool:  # type: ignore[no-untyped-def]
    return len(await cases) >= n
