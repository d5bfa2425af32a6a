"""The permission table (tests/permission_table.py) end to end: each kind of member runs every privileged
command, presses the review and report cards' buttons, writes a listed word in a discussion and asks
the bot for help, on the emulator against the running bot."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.client import DiscussionBot
from bot.storage import moderation as mod_store
from bot.storage import updates as update_store
from discord_emulator import Channel, Emulator, Member, Message, Role
from discord_emulator import permissions as perms
from tests.harness import World, eventually
from tests.permission_table import ACTIONS, ALLOWED, MODERATOR, REPORT_BUTTONS, REVIEW_BUTTONS, WHO

SLUG = "odierno-ceasefire"
DENIED = "You need"


@dataclass
class Server:
    members: dict[str, Member]
    roles: dict[str, Role]
    thread: Channel
    scratch: Channel


async def setup_server(emulator: Emulator, world: World) -> Server:
    """A member of each kind, the server's moderator, editor and bypass roles named, a discussion."""
    guild = world.guild
    roles = {
        "Manage Messages only": emulator.create_role(guild, "cleaners", perms.MANAGE_MESSAGES),
        "Moderate Members": emulator.create_role(guild, "timeouters", perms.MODERATE_MEMBERS),
        "Manage Server": emulator.create_role(guild, "managers", perms.MANAGE_GUILD),
        "Administrator": emulator.create_role(guild, "admins", perms.ADMINISTRATOR),
        "the moderator role": emulator.create_role(guild, "mods"),
        "the editor role": emulator.create_role(guild, "editors"),
        "the bypass role": emulator.create_role(guild, "trusted"),
    }
    members = {who: emulator.add_member(guild, f"m-{role.name}", roles=[role]) for who, role in roles.items()}
    members["nothing"] = emulator.add_member(guild, "plain")
    members["the server owner"] = world.owner
    for setting, value in (
        ("moderator_role", roles["the moderator role"]),
        ("editor_role", roles["the editor role"]),
        ("automod_bypass_role", roles["the bypass role"]),
        ("mod_log_channel", world.mod_log),
    ):
        reference = f"<@&{value.id}>" if isinstance(value, Role) else f"<#{value.id}>"
        handle = emulator.run_command(world.admin, world.general, "config set", setting=setting, value=reference)
        assert "is now" in (await handle.wait_message()).content
    posted = emulator.run_command(world.admin, world.general, "article post", article=SLUG, channel=world.forum)
    assert "Posted" in (await posted.wait_message(timeout=10)).content
    scratch = emulator.create_text_channel(guild, "scratch")
    return Server(members, roles, emulator.threads_of(world.forum)[-1], scratch)


def command_options(world: World, server: Server) -> dict[str, dict[str, Any]]:
    """Options that let each command do nothing much once it is past its permission check."""
    target = world.member
    return {
        "/automod rule add": {"kind": "keyword", "value": "zebraquux"},
        "/automod rule remove": {"rule": 999},
        "/automod rule list": {},
        "/automod test": {"text": "hello"},
        "/automod exempt": {"role": server.roles["the bypass role"]},
        "/automod config": {},
        "/automod places": {},
        "/automod names": {"action": 1},
        "/mod warn": {"member": target, "reason": "x"},
        "/mod timeout": {"member": target, "minutes": 1, "reason": "x"},
        "/mod untimeout": {"member": target},
        "/mod note": {"member": target, "note": "x"},
        "/mod purge": {"count": 2},
        "/mod slowmode": {"seconds": 0},
        "/mod lock": {},
        "/mod unlock": {},
        "/mod history": {"member": target},
        "/mod case": {"number": 999},
        "/article post": {"article": "no-such-article", "channel": world.forum},
        "/article close": {"article": "no-such-article"},
        "/update push": {"article": "no-such-article", "text": "xx"},
        "/update edit": {"update": 999, "text": "xx"},
        "/update retract": {"update": 999},
        "/feed add": {"url": "ftp://example.com/feed", "channel": world.general},
        "/feed remove": {"feed": 999},
        "/config show": {},
        "/config set": {"setting": "warning_hours", "value": "many"},
        "/config reset": {"setting": "escalation_timeout_minutes"},
    }


def needed(action: str) -> str:
    """What a denial of `action` must name."""
    if action in MODERATOR:
        return "Moderate Members"
    return "Manage Server"


async def test_every_kind_of_member_runs_every_privileged_command(emulator: Emulator, world: World, bot: DiscussionBot):
    server = await setup_server(emulator, world)
    options = command_options(world, server)
    assert set(options) == {a for a in ACTIONS if a.startswith("/")}
    wrong = []
    for who in WHO:
        for path, values in options.items():
            handle = emulator.run_command(server.members[who], server.scratch, path.lstrip("/"), **values)
            reply = (await handle.wait_message(timeout=10)).content
            refused = reply.startswith(DENIED)
            if refused == (path in ALLOWED[who]):
                wrong.append(f"{who} {path}: {reply[:80]!r}")
            elif refused:
                assert handle.ephemeral and needed(path) in reply, (who, path, reply)
    assert not wrong, "\n".join(wrong)
    # refusals changed nothing: only the allowed members' cases exist, and no rule but the one added
    assert [r.value for r in await mod_store.rules_of(bot.db, world.guild.id)] == ["zebraquux"]


async def review_statuses(bot: DiscussionBot, world: World) -> list[str]:
    rows = await bot.db.fetch_all("SELECT status FROM review_items WHERE guild_id = ? ORDER BY id", (world.guild.id,))
    return [row["status"] for row in rows]


def card_buttons(card: Message) -> dict[str, str]:
    return {c["label"]: c["custom_id"] for row in card.components for c in row["components"]}


async def held_card(emulator: Emulator, world: World, author: Member, thread: Channel, text: str) -> Message:
    emulator.send_message(author, thread, text)
    return await eventually(
        lambda: next((m for m in emulator.history(world.mod_log) if m.components and text in str(m.embeds)), None)
    )


def timed_out(emulator: Emulator, world: World, member: Member) -> bool:
    return emulator.guilds[world.guild.id].members[member.user.id].communication_disabled_until is not None


async def test_the_review_card_timeout_is_refused_to_a_manage_messages_member(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    server = await setup_server(emulator, world)
    card = await held_card(emulator, world, world.member, server.thread, "come over: discord.gg/elsewhere")
    press = emulator.click(server.members["Manage Messages only"], card, card_buttons(card)["Timeout"])
    reply = await press.wait_message()
    assert press.ephemeral and reply.content.startswith(DENIED) and "Moderate Members" in reply.content
    assert f"<@&{server.roles['the moderator role'].id}>" in reply.content  # names the role too
    assert not timed_out(emulator, world, world.member)
    assert await review_statuses(bot, world) == ["open"]
    assert [c.action for c in await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)] == ["hold"]


async def test_card_buttons_follow_the_table(emulator: Emulator, world: World, bot: DiscussionBot):
    server = await setup_server(emulator, world)
    # Everyone the table refuses presses every button of a review card and of a report card: all refused.
    review = await held_card(emulator, world, world.member, server.thread, "see bit.ly/refused")
    reported = emulator.send_message(world.member, server.thread, "a message someone dislikes")
    opened = emulator.message_command(server.members["nothing"], reported, "Report message")
    modal = await opened.wait_response()
    await emulator.submit_modal(
        opened, {modal["data"]["components"][0]["components"][0]["custom_id"]: ""}
    ).wait_message()
    report = await eventually(
        lambda: next((m for m in emulator.history(world.mod_log) if m.components and "Reported" in str(m.embeds)), None)
    )
    for card, actions in ((review, REVIEW_BUTTONS), (report, REPORT_BUTTONS)):
        buttons = card_buttons(card)
        for action in actions:
            label = action.split(": ", 1)[1]
            for who in (w for w in WHO if action not in ALLOWED[w]):
                press = emulator.click(server.members[who], card, buttons[label])
                reply = await press.wait_message()
                assert press.ephemeral and reply.content.startswith(DENIED), (who, action)
    assert not reported.deleted and not timed_out(emulator, world, world.member)
    assert await review_statuses(bot, world) == ["open", "open"]
    # Everyone the table allows times an author out from a card of their own.
    for n, who in enumerate(w for w in WHO if "review card: Timeout" in ALLOWED[w]):
        author = emulator.add_member(world.guild, f"author{n}")
        card = await held_card(emulator, world, author, server.thread, f"see bit.ly/allowed{n}")
        await emulator.click(server.members[who], card, card_buttons(card)["Timeout"]).wait_response()
        await eventually(lambda author=author: timed_out(emulator, world, author))


async def test_filter_exemption_follows_the_table(emulator: Emulator, world: World, bot: DiscussionBot):
    server = await setup_server(emulator, world)
    sent = {
        who: emulator.send_message(server.members[who], server.thread, f"what bullshit, says {n}")
        for n, who in enumerate(WHO)
    }
    last = emulator.send_message(world.member, server.thread, "bullshit, the last one")  # screened after the others
    await eventually(lambda: last.deleted)
    for who, message in sent.items():
        assert message.deleted == ("filter exemption" not in ALLOWED[who]), who


async def test_the_chat_tells_each_member_the_commands_they_may_use(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    server = await setup_server(emulator, world)
    for who in WHO:
        asked = emulator.send_message(server.members[who], world.general, f"<@{emulator.bot_user.id}> help")
        answer = await eventually(
            lambda asked=asked: next(
                (
                    m
                    for m in emulator.history(world.general)
                    if m.message_reference and m.message_reference["message_id"] == str(asked.id)
                ),
                None,
            )
        )
        for level in ("editor", "moderator", "admin"):
            shown = f"For {level}s:" in answer.content
            assert shown == (f"chat: {level} commands" in ALLOWED[who]), (who, level)


async def test_moderators_act_only_on_members_they_outrank(emulator: Emulator, world: World, bot: DiscussionBot):
    server = await setup_server(emulator, world)
    mod, admin = server.members["the moderator role"], server.members["Administrator"]
    for path, values in (
        ("mod timeout", {"member": admin, "minutes": 5, "reason": "x"}),
        ("mod warn", {"member": server.members["Moderate Members"], "reason": "x"}),
        ("mod untimeout", {"member": server.members["the server owner"]}),
    ):
        handle = emulator.run_command(mod, server.scratch, path, **values)
        reply = (await handle.wait_message()).content
        assert handle.ephemeral and reply.startswith("I won't do that"), (path, reply)
    assert not timed_out(emulator, world, admin)
    warned = emulator.run_command(server.members["Manage Server"], server.scratch, "mod warn", member=mod, reason="x")
    assert "Warned" in (await warned.wait_message()).content
    # a card's buttons too: a moderator cannot time out an admin whose message was reported
    reported = emulator.send_message(admin, server.thread, "an admin's message")
    opened = emulator.message_command(server.members["nothing"], reported, "Report message")
    modal = await opened.wait_response()
    await emulator.submit_modal(
        opened, {modal["data"]["components"][0]["components"][0]["custom_id"]: ""}
    ).wait_message()
    card = await eventually(lambda: next((m for m in emulator.history(world.mod_log) if m.components), None))
    press = emulator.click(mod, card, card_buttons(card)["Timeout"])
    reply = await press.wait_message()
    assert press.ephemeral and reply.content.startswith("I won't do that") and "an admin here" in reply.content
    assert not timed_out(emulator, world, admin) and await review_statuses(bot, world) == ["open"]


async def test_the_update_form_checks_again_when_it_is_sent(emulator: Emulator, world: World, bot: DiscussionBot):
    server = await setup_server(emulator, world)
    editor = server.members["the editor role"]
    opened = emulator.run_command(editor, world.general, "update push", article=SLUG)
    modal = await opened.wait_response()
    field = modal["data"]["components"][0]["components"][0]["custom_id"]
    editor.roles.remove(server.roles["the editor role"].id)  # the admins take the role away meanwhile
    sent = emulator.submit_modal(opened, {field: "A late update"})
    reply = (await sent.wait_message()).content
    assert sent.ephemeral and reply.startswith(DENIED) and "Manage Server" in reply
    updates = await update_store.updates_of_article(bot.db, SLUG, world.guild.id)
    assert not [u for u in updates if u.source == "admin"]


async def test_exempting_everyone_from_the_filters_is_refused(emulator: Emulator, world: World, bot: DiscussionBot):
    server = await setup_server(emulator, world)
    everyone = world.guild.roles[world.guild.id]
    handle = emulator.run_command(server.members["the moderator role"], server.scratch, "automod exempt", role=everyone)
    assert "switch the filters off" in (await handle.wait_message()).content
    assert (await bot.configs.get(world.guild.id)).role("automod_bypass_role") == server.roles["the bypass role"].id


async def test_purge_removes_only_messages_of_members_the_moderator_outranks(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    """A card's "Remove message" refuses a message by someone the moderator does not outrank; /mod
    purge, which removes many at once, follows the same rule for each message."""
    server = await setup_server(emulator, world)
    who = server.members
    moderator, manager = who["Moderate Members"], who["Manage Server"]
    authors = ("nothing", "the moderator role", "Administrator", "the server owner")
    said = {name: emulator.send_message(who[name], server.scratch, f"a message by {name}") for name in authors}

    for target in ("Administrator", "the server owner", "the moderator role"):  # naming one: refused
        handle = emulator.run_command(moderator, server.scratch, "mod purge", count=10, member=who[target])
        reply = (await handle.wait_message()).content
        assert handle.ephemeral and reply.startswith("I won't do that"), (target, reply)
    assert not any(m.deleted for m in said.values())

    handle = emulator.run_command(moderator, server.scratch, "mod purge", count=10)  # everyone's
    reply = (await handle.wait_message()).content
    assert "Deleted 1 messages" in reply and "Left 3 by members you don't outrank" in reply, reply
    assert [name for name, m in said.items() if m.deleted] == ["nothing"]

    handle = emulator.run_command(manager, server.scratch, "mod purge", count=10)  # an admin outranks moderators
    assert "Deleted 1 messages" in (await handle.wait_message()).content
    assert [name for name, m in said.items() if not m.deleted] == ["Administrator", "the server owner"]
