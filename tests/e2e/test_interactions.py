"""Every interaction kind reaches the real bot through the emulator, and REST faults are survived."""

from __future__ import annotations

from bot.client import DiscussionBot
from discord_emulator import Emulator
from tests.harness import World


async def test_buttons_selects_modals_and_context_menus(emulator: Emulator, world: World, bot: DiscussionBot):
    await bot.load_extension("tests.e2e.support.widgets")
    await bot.tree.sync()
    posted = await emulator.run_command(world.member, world.general, "widgets").wait_message()
    assert not posted.flags & 64 and posted.content == "widgets"

    click = emulator.click(world.member, posted, "count:7")
    assert (await click.wait_message()).content == "count is 7"

    pick = emulator.select(world.member, posted, "pick", ["b"])
    assert (await pick.wait_message()).content == "picked b"

    opened = emulator.click(world.member, posted, "suggest")
    modal = await opened.wait_response()
    assert modal["type"] == 9 and modal["data"]["title"] == "Suggest an answer"
    submitted = emulator.submit_modal(opened, {next(iter(_inputs(modal))): "More troops"})
    assert (await submitted.wait_message()).content == "suggested: More troops"

    said = emulator.send_message(world.member, world.general, "quote me")
    quoted = emulator.message_command(world.admin, said, "Quote message")
    assert (await quoted.wait_message()).content == "> quote me"


def _inputs(modal: dict) -> list[str]:
    from discord_emulator.interactions import modal_inputs

    return [i["custom_id"] for i in modal_inputs(modal["data"])]


async def test_a_429_is_retried_after_retry_after(emulator: Emulator, world: World, bot: DiscussionBot):
    await bot.load_extension("tests.e2e.support.echo")
    await bot.tree.sync()
    emulator.inject_rate_limit("POST", "/channels/{channel_id}/messages", retry_after=0.3, times=2)
    handle = emulator.run_command(world.member, world.general, "echo", word="hello", times=3)
    handle_message = await handle.wait_message(timeout=10)
    assert handle_message.content == "sent"
    sends = emulator.requests_to("POST", "/channels/{channel_id}/messages")
    assert [r.status for r in sends] == [429, 429, 200]
    assert sends[-1].at - sends[0].at >= 0.5  # discord.py waited retry_after each time
    assert [m.content for m in emulator.history(world.general)] == ["hello hello hello"]


async def test_an_injected_403_is_explained_to_the_member(emulator: Emulator, world: World, bot: DiscussionBot):
    await bot.load_extension("tests.e2e.support.echo")
    await bot.tree.sync()
    emulator.inject_error(
        "POST", "/channels/{channel_id}/messages", status=403, code=50013, message="Missing Permissions"
    )
    handle = emulator.run_command(world.member, world.general, "echo", word="hello", times=1)
    message = await handle.wait_message()
    assert handle.ephemeral and "lack a permission" in message.content


async def test_prefix_command_errors_take_the_same_path(emulator: Emulator, world: World, bot: DiscussionBot):
    await bot.load_extension("tests.e2e.support.echo")
    mention = f"<@{emulator.bot_user.id}>"
    replies = []
    for text in (f"{mention} boom", f"{mention} needsarg many"):
        waiter = bot.wait_for("message", check=lambda m: m.author.id == emulator.bot_user.id, timeout=5)
        emulator.send_message(world.member, world.general, text)
        replies.append((await waiter).content)
    assert replies[0].startswith("Sorry, something went wrong on my side")
    assert "Check the command's options" in replies[1]
    sent = [m for m in emulator.history(world.general) if m.author.id == emulator.bot_user.id]
    assert all(m.mentions == [] for m in sent)  # a reply, but no ping
