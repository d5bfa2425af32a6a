"""Moderation on the emulator: evasions deleted and logged, floods timed out, RE2 rules, permissions."""

from __future__ import annotations

import time

from bot.client import DiscussionBot
from bot.storage import moderation as mod_store
from discord_emulator import Emulator
from tests.harness import World, eventually

SLUG = "odierno-ceasefire"


async def discussion(emulator: Emulator, world: World, bot: DiscussionBot):  # type: ignore[no-untyped-def]
    setup = emulator.run_command(world.admin, world.general, "config set", setting="mod_log_channel", value="mod-log")
    await setup.wait_message()
    handle = emulator.run_command(world.admin, world.general, "article post", article=SLUG, channel=world.forum)
    assert "Posted" in (await handle.wait_message(timeout=10)).content
    return emulator.threads_of(world.forum)[-1]


async def test_homoglyph_evasion_is_deleted_and_logged_as_a_case(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await discussion(emulator, world, bot)
    fine = emulator.send_message(world.member, thread, "I think the ceasefire could hold.")
    moderated = bot.wait_for("message_moderated", check=lambda m, v, c: m.id == fine.id, timeout=5)
    await moderated
    bad = emulator.send_message(world.member, thread, "what Ьullѕhіt")  # Cyrillic look-alikes
    await eventually(lambda: bad.deleted)
    assert not fine.deleted
    [case] = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
    assert case.action == "delete" and case.rule == "profanity" and case.excerpt == "what Ьullѕhіt"
    assert "read as 'bullshit'" in case.reason
    log_message = await eventually(lambda: next(iter(emulator.history(world.mod_log)), None))
    embed = log_message.embeds[0]
    assert embed["title"] == f"Case {case.number} · delete" and "read as 'bullshit'" in str(embed["fields"])
    assert log_message.mentions == [] and not log_message.mention_everyone


async def test_a_flood_times_the_member_out(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await discussion(emulator, world, bot)
    member = emulator.guilds[world.guild.id].members[world.member.user.id]
    for i in range(6):
        emulator.send_message(world.member, thread, f"message number {i} about the talks")
    await eventually(lambda: member.communication_disabled_until is not None)
    assert member.communication_disabled_until - time.time() > 500  # ten minutes, give or take
    cases = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
    assert [c.action for c in cases] == ["timeout"] and cases[0].rule == "flooding"


async def test_admin_regexes_run_on_re2(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await discussion(emulator, world, bot)
    refused = emulator.run_command(world.admin, world.general, "automod rule add", kind="regex", value=r"(\w)\1")
    assert "back-references" in (await refused.wait_message()).content and refused.ephemeral
    added = emulator.run_command(world.admin, world.general, "automod rule add", kind="regex", value="(a+)+$")
    assert "Rule 1 added" in (await added.wait_message()).content
    huge = emulator.send_message(world.member, thread, "a" * 50_000 + "!")
    started = time.monotonic()
    _, verdict, _ = await bot.wait_for("message_moderated", check=lambda m, v, c: m.id == huge.id, timeout=10)
    print(f"50,000-character message moderated in {time.monotonic() - started:.3f} s")
    assert not verdict.flagged and not huge.deleted
    caught = emulator.send_message(world.member, thread, "aaaa")
    await eventually(lambda: caught.deleted)  # the rule's action for a regex: hold (removed at once)
    test = emulator.run_command(world.admin, world.general, "automod test", text="s.h.1.t and discord.gg/abc")
    reply = (await test.wait_message()).content
    assert "Would be **hold**" in reply or "Would be **delete**" in reply
    assert "read as 'shit'" in reply and "invite links" in reply


async def test_moderator_commands_warn_timeout_history_case(emulator: Emulator, world: World, bot: DiscussionBot):
    await discussion(emulator, world, bot)
    warn = emulator.run_command(world.admin, world.general, "mod warn", member=world.member, reason="Be civil")
    assert "case 1" in (await warn.wait_message()).content
    timeout = emulator.run_command(
        world.admin, world.general, "mod timeout", member=world.member, minutes=5, reason="Cool down"
    )
    assert "case 2" in (await timeout.wait_message()).content
    assert emulator.guilds[world.guild.id].members[world.member.user.id].communication_disabled_until is not None
    history = emulator.run_command(world.admin, world.general, "mod history", member=world.member)
    text = (await history.wait_message()).embeds[0]["description"]
    assert text.index("#2") < text.index("#1") and "Cool down" in text
    edited = emulator.run_command(world.admin, world.general, "mod case", number=1, reason="Be civil, please")
    assert "Be civil, please" in (await edited.wait_message()).content
    assert len([m for m in emulator.history(world.mod_log) if m.embeds]) == 2


async def test_members_without_permission_are_refused_every_moderator_command(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    commands = [
        ("automod rule add", {"kind": "keyword", "value": "x"}),
        ("automod rule remove", {"rule": 1}),
        ("automod rule list", {}),
        ("automod test", {"text": "x"}),
        ("mod warn", {"member": world.admin, "reason": "x"}),
        ("mod timeout", {"member": world.admin, "minutes": 5, "reason": "x"}),
        ("mod history", {"member": world.admin}),
        ("mod case", {"number": 1}),
    ]
    for path, options in commands:
        handle = emulator.run_command(world.member, world.general, path, **options)
        message = await handle.wait_message()
        assert handle.ephemeral and "Moderate Members" in message.content, path
    assert await mod_store.rules_of(bot.db, world.guild.id) == []
    assert await mod_store.cases_of_member(bot.db, world.guild.id, world.admin.user.id) == []
