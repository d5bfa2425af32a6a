"""Where the filters look (moderated places), members' names, and the allow list, on the emulator."""

from __future__ import annotations

from bot.client import DiscussionBot
from bot.moderation import matcher
from bot.storage import moderation as mod_store
from discord_emulator import Emulator
from discord_emulator import permissions as perms
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
    await eventually(lambda: bot.get_guild(world.guild.id).chunked)  # the member list, loaded after login
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


def rename(emulator: Emulator, world: World, user_id: int, nick: str) -> None:
    member = emulator.guilds[world.guild.id].members[user_id]
    member.nick = nick
    emulator.dispatch(
        "GUILD_MEMBER_UPDATE", member.payload() | {"guild_id": str(world.guild.id)}, guild_id=world.guild.id
    )


async def test_a_member_the_bot_was_not_told_of_at_login_is_screened_when_renamed(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    # Without the presences intent Discord's GUILD_CREATE lists only the bot (and members in voice;
    # tests/discord_emulator/test_gateway.py): discord.py drops the update of a member it has not
    # cached, so the bot loads the member lists of the servers that screen names.
    await command(emulator, world, "config set", setting="mod_log_channel", value="mod-log")
    await eventually(lambda: bot.get_guild(world.guild.id).chunked)  # loaded in the background after login
    rename(emulator, world, world.member.user.id, "Bu11sh1t Artist")
    cases = await eventually(lambda: mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id))
    assert [c.excerpt for c in cases] == ["Bu11sh1t Artist"]


async def test_listed_words_next_to_an_allowed_word_are_still_removed(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    # An allowed entry is a whole word or phrase: "Bitche" (the town) allowed is not "bitches", nor
    # "Kung Fu" allowed "kung fuckers" or "Kung Fuck you".
    assert "every channel" in await command(emulator, world, "automod places", scope="everywhere")
    for allowed in ("Bitche", "Kung Fu"):
        assert "never triggers" in await command(
            emulator, world, "automod rule add", kind="keyword", value=allowed, action="allow"
        )
    fine = [emulator.send_message(world.member, world.general, t) for t in ("Bitche is in Moselle", "I love Kung Fu")]
    smuggled = [
        emulator.send_message(world.member, world.general, text)
        for text in ("shut up, you bitches", "kung fuckers, all of you", "Kung Fuck you")
    ]
    marker = emulator.send_message(world.member, world.general, "what bullshit")  # removed: screening has run
    await eventually(lambda: marker.deleted)
    await eventually(lambda: bot.messages_in_flight() == 0)
    assert not any(m.deleted for m in fine)
    assert [m.content for m in smuggled if not m.deleted] == []


async def test_allowing_a_short_word_leaves_the_listed_words_that_contain_it_on(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    # "ass" allowed (the animal, as in "Balaam's ass"): "asshole" is not inside it.
    assert "every channel" in await command(emulator, world, "automod places", scope="everywhere")
    assert "never triggers" in await command(
        emulator, world, "automod rule add", kind="keyword", value="ass", action="allow"
    )
    fine = emulator.send_message(world.member, world.general, "Balaam's ass spoke to him")
    insult = emulator.send_message(world.member, world.general, "what an asshole")
    marker = emulator.send_message(world.member, world.general, "what bullshit")
    await eventually(lambda: marker.deleted)
    await eventually(lambda: bot.messages_in_flight() == 0)
    assert not fine.deleted
    assert insult.deleted


async def test_a_category_whose_name_has_a_space_can_be_listed_by_name(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    category = emulator.create_channel(world.guild, "Community Hub", type=GUILD_CATEGORY)
    lounge = emulator.create_text_channel(world.guild, "lounge")
    await eventually(lambda: bot.get_channel(category.id) and bot.get_channel(lounge.id))
    reply = await command(emulator, world, "automod places", scope="listed", channels="Community Hub, #lounge")
    assert f"<#{category.id}>" in reply and f"<#{lounge.id}>" in reply
    assert (await bot.configs.get(world.guild.id)).channels("moderated_channels") == tuple(
        sorted((category.id, lounge.id))
    )
    refused = await command(emulator, world, "automod places", scope="listed", channels="Community Hall")
    assert "can't find" in refused and "Nothing was changed" in refused


async def test_turning_on_the_nickname_reset_without_manage_nicknames_says_it_cannot_run(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    # A server that gave the bot what its invite asks for, less Manage Nicknames.
    bot_role = emulator.bot_role(world.guild)
    bot_role.permissions = perms.BOT_DEFAULT & ~perms.MANAGE_NICKNAMES
    emulator.dispatch(
        "GUILD_ROLE_UPDATE", {"guild_id": str(world.guild.id), "role": bot_role.payload()}, guild_id=world.guild.id
    )
    await eventually(lambda: not bot.get_guild(world.guild.id).me.guild_permissions.manage_nicknames)
    handle = emulator.run_command(world.admin, world.general, "automod names", action=2)
    reply = (await handle.wait_message()).content
    assert handle.ephemeral and "Manage Nicknames" in reply, reply
    # Alerts still run: the setting is kept, and the reply says what to do.
    assert "still reported" in reply and (await bot.configs.get(world.guild.id)).number("name_screening") == 2
    # The same setting through /config set says the same.
    handle = emulator.run_command(world.admin, world.general, "config set", setting="name_screening", value="2")
    assert "Manage Nicknames" in (await handle.wait_message()).content


async def test_the_alert_says_why_a_nickname_could_not_be_reset(emulator: Emulator, world: World, bot: DiscussionBot):
    await command(emulator, world, "config set", setting="mod_log_channel", value="mod-log")
    await command(emulator, world, "automod names", action=2)
    veterans = emulator.create_role(world.guild, "Veterans")  # placed above the bot's role
    assert veterans.position > emulator.bot_role(world.guild).position
    veteran = emulator.add_member(world.guild, "veteran", roles=[veterans])
    await eventually(lambda: bot.get_guild(world.guild.id).get_member(veteran.user.id))
    rename(emulator, world, veteran.user.id, "sh1t_lord")
    alert = await eventually(
        lambda: next((m for m in emulator.history(world.mod_log) if str(veteran.user.id) in str(m.embeds)), None)
    )
    line = could_not_act(alert)
    assert "role" in line and "above" in line and "move" in line.lower(), line
    assert veteran.nick == "sh1t_lord"  # Discord refused the edit


def could_not_act(message) -> str:  # type: ignore[no-untyped-def]
    fields = message.embeds[0].get("fields", []) if message.embeds else []
    return next((f["value"] for f in fields if f["name"] == "Could not act"), "")


async def test_the_names_of_members_the_filters_skip_are_not_screened(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    await command(emulator, world, "config set", setting="mod_log_channel", value="mod-log")
    bypass = emulator.create_role(world.guild, "Trusted")
    assert "exempt" in await command(emulator, world, "automod exempt", role=bypass)
    trusted = emulator.add_member(world.guild, "trusted", roles=[bypass])
    control = emulator.add_member(world.guild, "control")  # not exempt: screened
    await eventually(lambda: bot.get_guild(world.guild.id).chunked)
    await eventually(lambda: all(bot.get_guild(world.guild.id).get_member(m.user.id) for m in (trusted, control)))
    for who in (world.admin, trusted, control):
        rename(emulator, world, who.user.id, "Bullshit Detector")
    await eventually(lambda: mod_store.cases_of_member(bot.db, world.guild.id, control.user.id))
    screened = [
        who.user.username
        for who in (world.admin, trusted)
        if await mod_store.cases_of_member(bot.db, world.guild.id, who.user.id)
    ]
    assert screened == []


async def test_a_name_that_glues_a_listed_word_to_others_alerts_and_real_names_do_not(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    # Display names glue words ("ShitLord"): a person reads the word. "Dickens" and "PassionFruit"
    # hold "dick" and "ass" only inside words, so they are left alone even where those are listed.
    await command(emulator, world, "config set", setting="mod_log_channel", value="mod-log")
    for word in ("dick", "ass"):
        assert "added" in await command(emulator, world, "automod rule add", kind="keyword", value=word)
    await eventually(lambda: bot.get_guild(world.guild.id).chunked)  # the member list, loaded after login
    cached = bot.get_guild(world.guild.id).get_member
    for name in ("Dickens_Fan", "PassionFruit", "ShitLord"):
        # one at a time: discord.py hands each update's listener the cached member, renamed again
        # by a later update (renames back to back would all be screened as the last name)
        rename(emulator, world, world.member.user.id, name)
        await eventually(lambda name=name: cached(world.member.user.id).nick == name)
    cases = await eventually(lambda: mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id))
    alert = await eventually(lambda: next(iter(emulator.history(world.mod_log)), None))
    assert [c.excerpt for c in cases] == ["ShitLord"]
    assert "'Shit'" in str(alert.embeds[0]["fields"])


async def test_renames_back_to_back_alert_once_for_the_name_that_is_listed(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    # discord.py hands every update's listener the one cached member: renames that arrive together
    # are all seen as the last name. Each name is still screened once: one alert, for "ShitLord".
    await command(emulator, world, "config set", setting="mod_log_channel", value="mod-log")
    await eventually(lambda: bot.get_guild(world.guild.id).chunked)
    for name in ("Calm Reader", "Quiet Reader", "ShitLord"):
        rename(emulator, world, world.member.user.id, name)
    await eventually(lambda: mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id))
    rename(emulator, world, world.member.user.id, "Calm Reader")  # a later update, to know the others were handled
    cached = bot.get_guild(world.guild.id).get_member
    await eventually(lambda: cached(world.member.user.id).nick == "Calm Reader")
    await eventually(lambda: len(emulator.history(world.mod_log)) >= 1)
    cases = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
    assert [c.excerpt for c in cases] == ["ShitLord"]
