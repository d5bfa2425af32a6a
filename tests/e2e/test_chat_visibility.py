"""The chat speaks of a discussion only where Discord would show it: never to a member who cannot see
the discussion's channel, and never in a channel whose readers cannot all see it (an answer is a
message everyone in the channel reads, whoever asked). A staff-only forum is the example."""

from __future__ import annotations

from bot.client import DiscussionBot
from discord_emulator import Emulator
from discord_emulator import permissions as perms
from tests.e2e.test_chat import ask, post, replied_to
from tests.harness import World, eventually

STAFF_SECRET = "Between us: we ban Bob tomorrow morning, he doesn't know yet."


async def staff_discussion(emulator: Emulator, world: World, bot: DiscussionBot):  # type: ignore[no-untyped-def]
    """An article posted in a forum only admins (and the bot) see, with a reply between two of them."""
    staff_forum = emulator.create_forum_channel(world.guild, "staff-articles")
    emulator.set_channel_permission(staff_forum, world.guild.roles[world.guild.id], deny=perms.VIEW_CHANNEL)
    emulator.set_channel_permission(staff_forum, world.admin_role, allow=perms.VIEW_CHANNEL)
    emulator.set_channel_permission(staff_forum, emulator.bot_role(world.guild), allow=perms.VIEW_CHANNEL)
    assert not emulator.permissions_in(staff_forum, world.member.user.id) & perms.VIEW_CHANNEL
    thread = await post(emulator, world, staff_forum)
    mod = emulator.add_member(world.guild, "mo", roles=[world.admin_role])
    secret = emulator.send_message(world.admin, thread, STAFF_SECRET)
    emulator.send_message(mod, thread, "Agreed, I'll do it at 9.", reply_to=secret)
    await eventually(lambda: replied_to(bot, thread.id, secret.id))
    return staff_forum, thread, mod


async def test_a_member_never_hears_of_a_discussion_they_cannot_see(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    _, thread, _ = await staff_discussion(emulator, world, bot)
    for question in ("what are people saying?", "how's the vote going?", "list the articles"):
        text = (await ask(emulator, world.member, world.general, question)).content
        assert "ban Bob" not in text and str(thread.id) not in text, (
            f"a member who cannot see #staff-articles was shown its discussion:\n{text}"
        )
    dm = emulator.dm_channel(world.member.user)
    text = (await ask(emulator, world.member, dm, "what are people saying?", mention=False)).content
    assert "ban Bob" not in text and str(thread.id) not in text, f"a DM showed the staff discussion:\n{text}"


async def test_staff_get_a_private_discussion_quoted_only_where_every_reader_can_see_it(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    _, thread, mod = await staff_discussion(emulator, world, bot)
    # In #general everyone reads the answer, whoever asked: the staff thread is not quoted there.
    text = (await ask(emulator, mod, world.general, "what are people saying?")).content
    assert "ban Bob" not in text and str(thread.id) not in text, (
        f"the staff-only thread was quoted in #general, which every member reads:\n{text}"
    )
    # Inside the thread itself, or in a DM (only the asker reads it), it is.
    assert "ban Bob" in (await ask(emulator, mod, thread, "what are people saying?")).content
    dm = emulator.dm_channel(mod.user)
    assert "ban Bob" in (await ask(emulator, mod, dm, "what are people saying?", mention=False)).content
