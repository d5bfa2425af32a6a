"""The digest's copies of members' messages ("what are people saying?") follow the thread: a thread a
moderator deletes takes its messages with it, an edit replaces the words quoted, and a member who
asked to be forgotten is not copied again from their old messages."""

from __future__ import annotations

import asyncio

from bot.client import DiscussionBot
from discord_emulator import Emulator
from tests.e2e.test_chat import ask, forgotten, post, replied_to
from tests.harness import World, eventually

ABUSE = "The people who wrote this should be found and made to pay, you know where they live."


async def settled(bot: DiscussionBot) -> None:
    await eventually(lambda: bot.messages_in_flight() == 0)
    await bot.reply_recorder.flush()


async def test_a_thread_a_moderator_deleted_leaves_the_digest(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await post(emulator, world)
    raider, friend = (emulator.add_member(world.guild, name) for name in ("raider", "friend"))
    abuse = emulator.send_message(raider, thread, ABUSE)
    for text in ("Yes, let's go.", "I'm in."):
        emulator.send_message(friend, thread, text, reply_to=abuse)
    await eventually(lambda: replied_to(bot, thread.id, abuse.id))

    thread.deleted = True  # a moderator deletes the thread, as the REST handler does
    emulator.dispatch(
        "THREAD_DELETE",
        {"id": str(thread.id), "guild_id": str(world.guild.id), "parent_id": str(world.forum.id), "type": thread.type},
        guild_id=world.guild.id,
    )
    await eventually(lambda: bot.get_channel(thread.id) is None)
    await eventually(lambda: forgotten(bot, thread.id, abuse.id))

    digest = await ask(emulator, world.member, world.general, "what are people saying?")
    assert "made to pay" not in digest.content, f"the digest quotes a deleted thread's messages:\n{digest.content}"


async def test_an_edited_point_is_quoted_as_it_reads_now(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await post(emulator, world)
    alice, bob, carol = (emulator.add_member(world.guild, name) for name in ("alice", "bob", "carol"))
    point = emulator.send_message(alice, thread, "Call me about the ceasefire, my number is 555-0142.")
    for who, text in ((bob, "Good point."), (carol, "Agreed.")):
        emulator.send_message(who, thread, text, reply_to=point)
    await eventually(lambda: replied_to(bot, thread.id, point.id))
    seen = asyncio.ensure_future(bot.wait_for("raw_message_edit", check=lambda e: e.message_id == point.id, timeout=5))
    await asyncio.sleep(0)
    emulator.edit_message(alice, point, "They want protection from the militias.")  # the number taken back
    await seen
    await settled(bot)
    text = (await ask(emulator, world.member, thread, "what are people saying?")).content
    assert "555-0142" not in text, f"the digest still quotes the words the author edited away:\n{text}"
    assert "They want protection from the militias." in text


async def test_a_member_who_asked_to_be_forgotten_is_not_copied_again(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    thread = await post(emulator, world)
    alice, bob, carol = (emulator.add_member(world.guild, name) for name in ("alice", "bob", "carol"))
    point = emulator.send_message(alice, thread, "My brother serves in Anbar and says the sheikhs are switching sides.")
    emulator.send_message(bob, thread, "Interesting, thanks.", reply_to=point)
    await eventually(lambda: replied_to(bot, thread.id, point.id))

    asked = emulator.run_command(alice, world.general, "privacy delete")
    question = await asked.wait_message()
    await emulator.click(alice, question, "privacy:delete").wait_response()
    assert question.embeds[0]["title"] == "Your data is deleted"
    assert not await replied_to(bot, thread.id, point.id)

    seen = asyncio.ensure_future(bot.wait_for("message", check=lambda m: m.content == "Which unit?", timeout=5))
    await asyncio.sleep(0)
    emulator.send_message(carol, thread, "Which unit?", reply_to=point)  # the thread goes on
    await seen
    await settled(bot)
    assert not await replied_to(bot, thread.id, point.id)
    digest = await ask(emulator, world.member, thread, "what are people saying?")
    assert "sheikhs are switching sides" not in digest.content and f"<@{alice.user.id}>" not in digest.content, (
        f"after /privacy delete, the digest quotes the member again:\n{digest.content}"
    )
    # What they write after asking is a new conversation, quoted as anyone's.
    fresh = emulator.send_message(alice, thread, "Back again: the sheikhs want guarantees.")
    emulator.send_message(carol, thread, "Which guarantees?", reply_to=fresh)
    await eventually(lambda: replied_to(bot, thread.id, fresh.id))


async def test_privacy_show_tells_a_member_their_messages_are_copied_for_the_digest(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    thread = await post(emulator, world)
    other = emulator.add_member(world.guild, "other")
    point = emulator.send_message(world.member, thread, "I think the ceasefire will hold through the summer.")
    emulator.send_message(other, thread, "I doubt it.", reply_to=point)
    await eventually(lambda: replied_to(bot, thread.id, point.id))  # a copy of the member's words is stored

    shown = emulator.run_command(world.member, world.general, "privacy show")
    [embed] = (await shown.wait_message()).embeds
    assert "thread digest" in str(embed)  # "Stored now" counts the copy
    policy = next(f["value"] for f in embed["fields"] if f["name"] != "Stored now")
    assert "digest" in policy.lower(), f"/privacy show's policy does not say the digest copies messages:\n{policy}"
