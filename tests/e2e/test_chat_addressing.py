"""Which server messages are questions for the bot: a mention of the bot (or of the role Discord gave
it), a reply to one of its chat answers, any message in a chat channel. A reply to the bot's other
posts (the article, the exit question, an update, a mod-log line) is the members' conversation."""

from __future__ import annotations

from bot.client import DiscussionBot
from discord_emulator import Emulator
from tests.e2e.test_chat import answer_to, ask, post
from tests.harness import World, eventually, is_update_message, question_of

TITLE = "Odierno: We're negotiating with insurgents for a ceasefire"


async def test_comments_replying_to_an_update_or_the_exit_question_are_not_answered(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    thread = await post(emulator, world)
    update = await eventually(lambda: next((m for m in emulator.history(thread) if is_update_message(m)), None))
    comments = [
        emulator.send_message(world.member, thread, "Wow, that's a big change. Glad to see it.", reply_to=update),
        emulator.send_message(
            world.member, thread, "Money, obviously. Follow the cash.", reply_to=question_of(emulator, thread)
        ),
    ]
    answer = await ask(emulator, world.admin, thread, "what's the exit question?")  # the bot is listening
    follow_up = emulator.send_message(world.admin, thread, "how's the vote going?", reply_to=answer)
    assert "vote" in (await eventually(lambda: answer_to(emulator, thread, follow_up))).content
    await eventually(lambda: bot.messages_in_flight() == 0)
    answered = [answer_to(emulator, thread, c) for c in comments]
    wrongly = " | ".join(a.content[:80] for a in answered if a is not None)
    assert answered == [None, None], f"the bot answered members' comments on its update and exit question: {wrongly}"


async def test_a_moderators_note_under_a_mod_log_line_is_not_answered(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    handle = emulator.run_command(world.admin, world.general, "config set", setting="mod_log_channel", value="mod-log")
    await handle.wait_message()
    thread = await post(emulator, world)
    emulator.send_message(world.member, thread, "what bullshit")
    line = await eventually(lambda: next(iter(emulator.history(world.mod_log)), None))
    note = emulator.send_message(world.admin, world.mod_log, "handled, thanks", reply_to=line)
    await ask(emulator, world.admin, world.general, "hello")  # the bot is listening
    await eventually(lambda: bot.messages_in_flight() == 0)
    answer = answer_to(emulator, world.mod_log, note)
    assert answer is None, f"the bot answered a moderator's note under a mod-log line: {answer.content[:100]!r}"


async def test_a_question_mentioning_the_bots_own_role_is_answered(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    await post(emulator, world)
    role = emulator.bot_role(world.guild)  # the managed role Discord gave the bot when it joined
    asked = emulator.send_message(world.member, world.general, f"<@&{role.id}> what's the article about?")
    answer = await eventually(lambda: answer_to(emulator, world.general, asked))
    assert answer.content.startswith(f"**{TITLE}**")
    other = next(r for r in world.guild.roles.values() if not r.managed and r.id != world.guild.id)
    ignored = emulator.send_message(world.member, world.general, f"<@&{other.id}> what's the article about?")
    await ask(emulator, world.admin, world.general, "hello")  # the bot is listening
    await eventually(lambda: bot.messages_in_flight() == 0)
    assert answer_to(emulator, world.general, ignored) is None  # another role's mention is not for the bot
