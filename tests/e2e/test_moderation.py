"""Moderation on the emulator: evasions deleted and logged, floods timed out, RE2 rules, permissions."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.client import DiscussionBot
from bot.storage import moderation as mod_store
from discord_emulator import Emulator, InteractionError
from tests.e2e.test_chat import ask
from tests.e2e.test_moderation_places_names import command
from tests.harness import World, eventually
from tests.postgres import both_engines

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
    bad = emulator.send_message(world.member, thread, "what Ьullѕhіt")  # Cyrillic look-alikes
    await eventually(lambda: bad.deleted)
    assert not fine.deleted  # screened first: messages are screened in the order they arrive
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
    # The worst case for a backtracking engine: a long run that does not match in the end.
    huge = emulator.send_message(world.member, thread, "a" * 50_000 + "!")
    caught = emulator.send_message(world.member, thread, "aaaa")  # screened after the huge one
    started = time.monotonic()
    _, verdict, _ = await bot.wait_for("message_moderated", check=lambda m, v, c: m.id == caught.id, timeout=10)
    print(f"50,000-character message screened, and the next one flagged, in {time.monotonic() - started:.3f} s")
    assert [r.rule for r in verdict.reasons] == ["rule 1"], verdict
    await eventually(lambda: caught.deleted)  # the rule's action for a regex: hold (removed at once)
    assert not huge.deleted
    test = emulator.run_command(world.admin, world.general, "automod test", text="s.h.1.t and discord.gg/abc")
    reply = (await test.wait_message()).content
    assert "Would be **delete**" in reply  # the listed word deletes; the invite alone would hold
    assert "read as 'shit'" in reply and "invite links" in reply


@both_engines
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


async def test_every_case_is_logged_and_announced_a_note_too(emulator: Emulator, world: World, bot: DiscussionBot):
    await discussion(emulator, world, bot)
    announced = asyncio.ensure_future(bot.wait_for("case_opened", timeout=10))
    note = emulator.run_command(world.admin, world.general, "mod note", member=world.member, note="Asked for sources")
    assert "case 1" in (await note.wait_message()).content
    case = await announced
    assert (case.number, case.action, case.reason) == (1, "note", "Asked for sources")
    line = await eventually(lambda: next((m for m in emulator.history(world.mod_log) if m.embeds), None))
    assert line.embeds[0]["title"] == "Case 1 · note"
    assert f"<@{world.member.user.id}>" in line.embeds[0]["description"] and "Asked for sources" in str(line.embeds)


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
        ("mod untimeout", {"member": world.admin}),
        ("mod note", {"member": world.admin, "note": "x"}),
        ("mod purge", {"count": 2}),
        ("mod slowmode", {"seconds": 5}),
        ("mod lock", {}),
        ("mod unlock", {}),
        ("automod exempt", {}),
        ("automod config", {"log_channel": world.mod_log}),
    ]
    for path, options in commands:
        handle = emulator.run_command(world.member, world.general, path, **options)
        message = await handle.wait_message()
        assert handle.ephemeral and "Moderate Members" in message.content, path
    assert await mod_store.rules_of(bot.db, world.guild.id) == []
    assert await mod_store.cases_of_member(bot.db, world.guild.id, world.admin.user.id) == []


def card_buttons(card) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {c["label"]: c["custom_id"] for row in card.components for c in row["components"]}


async def test_a_held_message_is_approved_and_reposted_by_webhook(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await discussion(emulator, world, bot)
    held = emulator.send_message(world.member, thread, "My server: discord.gg/join-us for more talk")
    await eventually(lambda: held.deleted)
    card = await eventually(lambda: next((m for m in emulator.history(world.mod_log) if m.components), None))
    embed = card.embeds[0]
    assert embed["title"].startswith("Held for review (case 1)") and "invite links" in str(embed["fields"])
    assert "discord.gg/join-us" in str(embed["fields"]) and card.mentions == []
    buttons = card_buttons(card)
    assert set(buttons) == {"Approve", "Reject", "Warn", "Timeout"}
    approve = emulator.click(world.admin, card, buttons["Approve"])
    await approve.wait_response()
    repost = await eventually(lambda: next((m for m in emulator.history(thread) if m.webhook_id), None))
    assert repost.author.username == "Max"  # the author's display name
    assert repost.content.startswith("My server: discord.gg/join-us") and "Approved by the moderators" in repost.content
    await eventually(lambda: card.components[0]["components"][0].get("disabled") is True)
    assert f"<@{world.admin.user.id}>" in card.embeds[0]["description"]
    # the card's buttons are now disabled: Discord (and the emulator) will not deliver another click
    mod2 = emulator.add_member(world.guild, "mo", roles=[world.admin_role])
    with pytest.raises(InteractionError, match="disabled"):
        emulator.click(mod2, card, buttons["Reject"])
    assert len([m for m in emulator.history(thread) if m.webhook_id]) == 1


async def test_second_moderator_is_told_it_was_handled(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await discussion(emulator, world, bot)
    emulator.send_message(world.member, thread, "see bit.ly/abc")
    card = await eventually(lambda: next((m for m in emulator.history(world.mod_log) if m.components), None))
    buttons = card_buttons(card)
    mod2 = emulator.add_member(world.guild, "mo", roles=[world.admin_role])
    first = emulator.click(world.admin, card, buttons["Reject"])
    second = emulator.click(mod2, card, buttons["Warn"])  # clicked before the card updated
    await first.wait_response()
    reply = await second.wait_message()
    assert f"<@{world.admin.user.id}> already handled this one." == reply.content and second.ephemeral
    cases = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
    assert [c.action for c in cases] == ["hold"]  # no warning was added by the late click


@both_engines
async def test_two_reports_make_one_card_with_a_count(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await discussion(emulator, world, bot)
    rude = emulator.send_message(world.member, thread, "You are all idiots and should leave.")
    reporters = [emulator.add_member(world.guild, f"r{i}") for i in range(2)]
    for reporter, reason in zip(reporters, ("insulting", ""), strict=True):
        opened = emulator.message_command(reporter, rude, "Report message")
        modal = await opened.wait_response()
        field = modal["data"]["components"][0]["components"][0]["custom_id"]
        thanks = await emulator.submit_modal(opened, {field: reason}).wait_message()
        assert "anonymous" in thanks.content and thanks.flags & 64
    await eventually(
        lambda: any(
            "Reported by 2 members" in (m.embeds[0].get("title") or "")
            for m in emulator.history(world.mod_log)
            if m.embeds
        )
    )
    cards = [m for m in emulator.history(world.mod_log) if m.components]
    assert len(cards) == 1
    fields = str(cards[0].embeds[0]["fields"])
    assert "insulting" in fields and "r0" not in fields and "r1" not in fields  # reporters stay anonymous
    remove = emulator.click(world.admin, cards[0], card_buttons(cards[0])["Remove message"])
    await remove.wait_response()
    await eventually(lambda: rude.deleted)
    own = emulator.message_command(
        world.member,
        rude if not rude.deleted else emulator.send_message(world.member, thread, "mine"),
        "Report message",
    )
    assert "your own message" in (await own.wait_message()).content


async def test_members_cannot_use_review_buttons(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await discussion(emulator, world, bot)
    held = emulator.send_message(world.member, thread, "see bit.ly/abc")
    card = await eventually(lambda: next((m for m in emulator.history(world.mod_log) if m.components), None))
    for label, custom_id in card_buttons(card).items():
        click = emulator.click(world.member, card, custom_id)
        reply = await click.wait_message()
        assert click.ephemeral and "You need the **Moderate Members** permission" in reply.content, label
    assert held.deleted and not any(m.webhook_id for m in emulator.history(thread))
    cases = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
    assert [c.action for c in cases] == ["hold"]


@both_engines
async def test_warnings_escalate_to_a_timeout_and_expire(emulator: Emulator, world: World, bot: DiscussionBot):
    await discussion(emulator, world, bot)
    member = emulator.guilds[world.guild.id].members[world.member.user.id]
    replies = []
    for i in range(3):
        handle = emulator.run_command(world.admin, world.general, "mod warn", member=world.member, reason=f"r{i}")
        replies.append((await handle.wait_message()).content)
    assert "one warning too many" not in replies[1] and "timed out (case 4)" in replies[2]
    assert member.communication_disabled_until is not None
    cases = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
    assert [c.action for c in cases] == ["timeout", "warn", "warn", "warn"] and cases[0].rule == "escalation"
    # expired warnings no longer count
    await bot.db.execute("UPDATE mod_cases SET expires_at = '2000-01-01T00:00:00.000Z' WHERE action = 'warn'")
    member.communication_disabled_until = None
    handle = emulator.run_command(world.admin, world.general, "mod warn", member=world.member, reason="again")
    assert "one warning too many" not in (await handle.wait_message()).content
    assert member.communication_disabled_until is None


async def test_thread_and_channel_tools(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await discussion(emulator, world, bot)
    lock = emulator.run_command(world.admin, thread, "mod lock")
    assert "is locked" in (await lock.wait_message()).content and thread.locked
    unlock = emulator.run_command(world.admin, thread, "mod unlock")
    await unlock.wait_message()
    assert not thread.locked
    slow = emulator.run_command(world.admin, thread, "mod slowmode", seconds=30)
    assert "30 s" in (await slow.wait_message()).content and thread.rate_limit_per_user == 30
    for i in range(4):
        emulator.send_message(world.member, thread, f"chatter {i}")
    purge = emulator.run_command(world.admin, thread, "mod purge", count=3, member=world.member)
    assert "Deleted 3 messages" in (await purge.wait_message(timeout=10)).content
    assert [m.content for m in emulator.history(thread) if m.author.id == world.member.user.id] == ["chatter 0"]
    # the bot lacks Manage Roles: locking a text channel fails with a clear message, not a crash
    refused = emulator.run_command(world.admin, world.general, "mod lock")
    assert "lack a permission" in (await refused.wait_message()).content
    exempt = emulator.run_command(world.admin, world.general, "automod exempt", role=world.admin_role)
    assert "exempt" in (await exempt.wait_message()).content
    assert (await bot.configs.get(world.guild.id)).role("automod_bypass_role") == world.admin_role.id


async def test_an_alert_pings_the_alert_role_and_nothing_else_does(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    thread = await discussion(emulator, world, bot)
    for value, action in (("tangerine", "alert"), ("grapefruit", "delete")):
        added = emulator.run_command(
            world.admin, world.general, "automod rule add", kind="keyword", value=value, action=action
        )
        assert "added" in (await added.wait_message()).content
    # Without an alert role, an alert is a quiet line in the mod log.
    emulator.send_message(world.member, thread, "a tangerine for the negotiators")
    quiet = await eventually(lambda: next(iter(emulator.history(world.mod_log)), None))
    assert quiet.mention_roles == [] and "· alert" in quiet.embeds[0]["title"]
    on_call = emulator.create_role(world.guild, "on-call mods")
    on_call.mentionable = True
    setup = emulator.run_command(
        world.admin, world.general, "config set", setting="alert_role", value=f"<@&{on_call.id}>"
    )
    await setup.wait_message()
    emulator.send_message(world.member, thread, "another tangerine")
    alert = await eventually(lambda: next((m for m in emulator.history(world.mod_log) if m.content), None))
    assert alert.mention_roles == [on_call.id] and not alert.mention_everyone
    removed = emulator.send_message(world.member, thread, "grapefruit")
    await eventually(lambda: removed.deleted)
    deletion = await eventually(
        lambda: next((m for m in emulator.history(world.mod_log) if "· delete" in m.embeds[0]["title"]), None)
    )
    assert deletion.mention_roles == [] and not deletion.content  # only alerts ping


async def test_the_toxicity_model_holds_what_the_word_lists_miss(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await discussion(emulator, world, bot)
    missing = emulator.run_command(world.member, world.general, "automod config", toxicity_threshold=80)
    assert "permission" in (await missing.wait_message()).content.lower() and missing.ephemeral
    on = emulator.run_command(world.admin, world.general, "automod config", toxicity_threshold=80)
    assert "80% or more are held for review" in (await on.wait_message()).content
    insult = "you are a worthless idiot and a piece of trash"  # no listed word in it
    tested = emulator.run_command(world.admin, world.general, "automod test", text=insult)
    reply = (await tested.wait_message(timeout=30)).content  # the first score loads the model
    assert "Nothing would be flagged by the filters" in reply and "held for review" in reply
    fine = emulator.send_message(world.member, thread, "I think the ceasefire could hold if the tribes keep their word")
    rude = emulator.send_message(world.member, thread, insult)
    _, verdict, case = await bot.wait_for("message_moderated", check=lambda m, v, c: m.id == rude.id, timeout=30)
    assert [r.rule for r in verdict.reasons] == ["toxicity"] and case.action == "hold"
    await eventually(lambda: rude.deleted)
    card = await eventually(lambda: next(iter(emulator.history(world.mod_log)), None))
    assert "toxicity" in str(card.embeds[0]) and insult in str(card.embeds[0])
    assert not fine.deleted


async def test_an_approved_message_is_reposted_under_a_name_discord_takes(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    """Discord refuses a webhook name holding "discord" or "clyde" (as the emulator does): the repost
    of a member called DiscordFan goes out under a look-alike name instead of failing."""
    thread = await discussion(emulator, world, bot)
    fan = emulator.add_member(world.guild, "discordfan")  # shown as "Discordfan"
    held = emulator.send_message(fan, thread, "My server: discord.gg/join-us for more talk")
    await eventually(lambda: held.deleted)
    card = await eventually(lambda: next((m for m in emulator.history(world.mod_log) if m.components), None))
    await emulator.click(world.admin, card, card_buttons(card)["Approve"]).wait_response()
    repost = await eventually(lambda: next((m for m in emulator.history(thread) if m.webhook_id), None))
    assert repost.author.username == "Disc\u043erdfan"  # a Cyrillic о: reads the same
    assert repost.content.startswith("My server: discord.gg/join-us")


async def test_a_repost_discord_refuses_keeps_the_held_message(emulator: Emulator, world: World, bot: DiscussionBot):
    """The held message was removed when it was held: if the repost fails, the card says so, keeps
    the text and stays open, and Approve can be pressed again."""
    thread = await discussion(emulator, world, bot)
    held = emulator.send_message(world.member, thread, "My server: discord.gg/join-us for more talk")
    await eventually(lambda: held.deleted)
    card = await eventually(lambda: next((m for m in emulator.history(world.mod_log) if m.components), None))
    emulator.inject_error(
        "POST", "/webhooks/{application_id}/{token}", status=400, code=50035, message="Invalid Form Body"
    )
    await emulator.click(world.admin, card, card_buttons(card)["Approve"]).wait_response()
    fields = await eventually(
        lambda: (
            {f["name"]: f["value"] for f in card.embeds[0]["fields"]}
            if "Could not repost" in str(card.embeds)
            else None
        )
    )
    assert "Approve again, or Reject" in fields["Could not repost"]
    assert "discord.gg/join-us" in fields["Message"]
    assert not any(m.webhook_id for m in emulator.history(thread))
    assert not any(c.get("disabled") for row in card.components for c in row["components"])  # still open
    await emulator.click(world.admin, card, card_buttons(card)["Approve"]).wait_response()
    repost = await eventually(lambda: next((m for m in emulator.history(thread) if m.webhook_id), None))
    assert repost.content.startswith("My server: discord.gg/join-us")
    await eventually(lambda: card.components[0]["components"][0].get("disabled") is True)
    assert "Could not repost" not in str(card.embeds)


async def test_the_message_that_brought_its_author_a_timeout_is_not_answered_by_the_chat(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    # A "warn" rule leaves the message up; the third active warning times the member out
    # (warnings_before_timeout, 3 by default). That message is out of the conversation as a removed
    # one is: the chat, after moderation, does not answer it.
    def chat_answer(asked):  # type: ignore[no-untyped-def]
        return next(
            (
                m
                for m in emulator.history(world.general)
                if m.author.id == emulator.bot_user.id
                and (m.message_reference or {}).get("message_id") == str(asked.id)
                and "breaks a rule here" not in m.content
            ),
            None,
        )

    await command(emulator, world, "config set", setting="mod_log_channel", value="mod-log")
    await command(emulator, world, "config set", setting="chat_channels", value="general")
    assert "Rule 1 added" in await command(
        emulator, world, "automod rule add", kind="keyword", value="spamword", action="warn"
    )
    member = emulator.guilds[world.guild.id].members[world.member.user.id]
    asked = []
    for i in range(3):
        question = emulator.send_message(world.member, world.general, f"spamword {i}, what's the exit question?")
        asked.append(question)
        if i < 2:  # warned, and answered
            await eventually(lambda q=question: chat_answer(q))
    await eventually(lambda: member.communication_disabled_until)  # the third warning: timed out
    await ask(emulator, world.admin, world.general, "hello")  # the bot is still listening
    await eventually(lambda: bot.messages_in_flight() == 0)
    assert chat_answer(asked[-1]) is None
