"""Where the filters look (moderated places), members' names, and the allow list, on the emulator."""

from __future__ import annotations

from bot.client import DiscussionBot
from bot.moderation import matcher
from bot.storage import moderation as mod_store
from discord_emulator import Emulator
from discord_emulator.model import GUILD_CATEGORY, Channel
from tests.harness import World, eventually


async def command(emulator: Emulator, world: World, name: str, **options: object) -> str:
    handle = emulator.run_command(world.admin, world.general, name, **options)
    return (await handle.wait_message()).content


def under(emulator: Emulator, world: World, channel: Channel, category: Channel) -> None:
    channel.parent_id = category.id
    emulator.dispatch("CHANNEL_UPDATE", channel.payload(), guild_id=world.guild.id)


async def test_only_moderated_places_are_screened(emulator: Emulator, world: World, bot: DiscussionBot):
    category = emulator.create_channel(world.guild, "Community", type=GUILD_CATEGORY)
    lounge = emulator.create_text_channel(world.guild, "lounge")
    under(emulator, world, lounge, category)
    await eventually(lambda: (c := bot.get_channel(lounge.id)) is not None and c.category_id == category.id)
    # By default: discussion threads and chat channels only.
    outside = emulator.send_message(world.member, lounge, "what bullshit")
    reply = await command(emulator, world, "automod places", scope="listed", channels=f"<#{category.id}>")
    assert "Community" in reply or str(category.id) in reply
    inside = emulator.send_message(world.member, lounge, "what bullshit")
    elsewhere = emulator.send_message(world.member, world.general, "what bullshit")
    await eventually(lambda: inside.deleted)
    assert not outside.deleted  # screened first, under the default places
    last = emulator.send_message(world.member, lounge, "more bullshit")
    await eventually(lambda: last.deleted)  # screened after the one in #general, which is left alone
    assert not elsewhere.deleted
    assert "every channel" in await command(emulator, world, "automod places", scope="everywhere")
    anywhere = emulator.send_message(world.member, world.general, "what bullshit")
    await eventually(lambda: anywhere.deleted)


async def test_a_name_change_to_a_listed_word_alerts_the_moderators(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    await command(emulator, world, "config set", setting="mod_log_channel", value="mod-log")
    member = emulator.guilds[world.guild.id].members[world.member.user.id]
    member.nick = "Bu11sh1t Artist"
    emulator.dispatch(
        "GUILD_MEMBER_UPDATE", member.payload() | {"guild_id": str(world.guild.id)}, guild_id=world.guild.id
    )
    alert = await eventually(lambda: next(iter(emulator.history(world.mod_log)), None))
    embed = alert.embeds[0]
    assert embed["title"].endswith("· alert") and "read as 'bullshit'" in str(embed["fields"])
    [case] = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
    assert case.action == "alert" and case.excerpt == "Bu11sh1t Artist"
    assert member.nick == "Bu11sh1t Artist"  # alert only, by default
    # A server that resets nicknames; and a newcomer whose name is the problem.
    assert "reset" in await command(emulator, world, "automod names", action=2)
    member.nick = "sh1t_lord"
    emulator.dispatch(
        "GUILD_MEMBER_UPDATE", member.payload() | {"guild_id": str(world.guild.id)}, guild_id=world.guild.id
    )
    await eventually(lambda: not member.nick)  # discord.py resets with "", as Discord expects
    newcomer = emulator.add_member(world.guild, "fuck_this_guy")
    await eventually(lambda: newcomer.nick == "Renamed member")
    assert len(await mod_store.cases_of_member(bot.db, world.guild.id, newcomer.user.id)) == 1


async def test_the_allow_list_stops_a_whole_word_collision(emulator: Emulator, world: World, bot: DiscussionBot):
    assert "every channel" in await command(emulator, world, "automod places", scope="everywhere")
    assert "Rule 1 added" in await command(emulator, world, "automod rule add", kind="keyword", value="dick")
    collision = emulator.send_message(world.member, world.general, "Dick Cheney was behind it")
    await eventually(lambda: collision.deleted)
    added = await command(emulator, world, "automod rule add", kind="keyword", value="Dick Cheney", action="allow")
    assert "never triggers" in added and "rule budget" in added
    allowed = emulator.send_message(world.member, world.general, "Dick Cheney was behind it")
    insult = emulator.send_message(world.member, world.general, "you are a d1ck")
    await eventually(lambda: insult.deleted)
    assert not allowed.deleted


async def test_a_stored_rule_that_cannot_run_is_named_in_the_mod_log_and_the_rest_run(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    await command(emulator, world, "config set", setting="mod_log_channel", value="mod-log")
    await command(emulator, world, "automod places", scope="everywhere")
    await command(emulator, world, "automod rule add", kind="keyword", value="spamword")
    # stored by an older version that did not check patterns with RE2
    await mod_store.add_rule(bot.db, world.guild.id, "regex", r"(a)\1", "word", "hold", world.admin.user.id)
    bot.engines.rules_changed(world.guild.id)
    profanity = emulator.send_message(world.member, world.general, "what the fuck")
    spam = emulator.send_message(world.member, world.general, "buy spamword")
    await eventually(lambda: profanity.deleted and spam.deleted)
    notice = await eventually(
        lambda: next((m for m in emulator.history(world.mod_log) if "not running" in str(m.embeds)), None)
    )
    assert "rule 2" in str(notice.embeds[0]) and "back-references" in str(notice.embeds[0])


async def test_a_rule_past_the_budget_is_refused_and_nothing_is_added(
    emulator: Emulator, world: World, bot: DiscussionBot, monkeypatch
):
    monkeypatch.setattr(matcher, "RULE_BUDGET", 500)  # a tiny budget: two short words
    first = await command(emulator, world, "automod rule add", kind="keyword", value="spamword")
    assert "Rule 1 added" in first and "of the rule budget" in first
    refused = await command(emulator, world, "automod rule add", kind="keyword", value="x" * 40, mode="substring")
    assert refused.startswith("Rule not added: over the server's rule budget") and "%" in refused
    assert [r.value for r in await mod_store.rules_of(bot.db, world.guild.id)] == ["spamword"]
