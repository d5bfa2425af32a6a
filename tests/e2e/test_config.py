"""/config on the emulator: Manage Server checked at run time, values stored, autocomplete."""

from __future__ import annotations

from bot.client import DiscussionBot
from discord_emulator import Emulator
from discord_emulator.model import GUILD_CATEGORY
from tests.harness import World, eventually


async def test_member_without_manage_server_is_refused(emulator: Emulator, world: World, bot: DiscussionBot):
    for path, options in [
        ("config show", {}),
        ("config set", {"setting": "editor_role", "value": "Admins"}),
        ("config reset", {"setting": "editor_role"}),
    ]:
        handle = emulator.run_command(world.member, world.general, path, **options)
        message = await handle.wait_message()
        assert handle.ephemeral
        assert "Manage Server" in message.content
    assert (await bot.configs.get(world.guild.id)).overridden == frozenset()


async def test_admin_sets_shows_and_resets(emulator: Emulator, world: World, bot: DiscussionBot):
    editors = emulator.create_role(world.guild, "Editors")
    handle = emulator.run_command(world.admin, world.general, "config set", setting="editor_role", value="editors")
    assert "is now <@&" in (await handle.wait_message()).content
    handle = emulator.run_command(
        world.admin, world.general, "config set", setting="chat_channels", value=f"<#{world.general.id}>, mod-log"
    )
    await handle.wait_message()
    config = await bot.configs.get(world.guild.id)
    assert config.role("editor_role") == editors.id
    assert config.channels("chat_channels") == tuple(sorted([world.general.id, world.mod_log.id]))

    show = emulator.run_command(world.admin, world.general, "config show")
    text = (await show.wait_message()) and show.text()
    assert f"<@&{editors.id}>" in text and f"<#{world.mod_log.id}>" in text
    assert "mod_log_channel (default)" in text

    reset = emulator.run_command(world.admin, world.general, "config reset", setting="editor_role")
    assert "back to its default" in (await reset.wait_message()).content
    assert (await bot.configs.get(world.guild.id)).role("editor_role") is None


async def test_unknown_role_gets_a_helpful_error(emulator: Emulator, world: World, bot: DiscussionBot):
    handle = emulator.run_command(world.admin, world.general, "config set", setting="moderator_role", value="Nobody")
    message = await handle.wait_message()
    assert handle.ephemeral and "can't find a role called 'Nobody'" in message.content


async def test_value_autocomplete_follows_the_setting(emulator: Emulator, world: World, bot: DiscussionBot):
    emulator.create_role(world.guild, "Editors")
    roles = emulator.autocomplete(
        world.admin, world.general, "config set", focused="value", setting="editor_role", value="edi"
    )
    choices = (await roles.wait_response())["data"]["choices"]
    assert [c["name"] for c in choices] == ["@Editors"]
    channels = emulator.autocomplete(
        world.admin, world.general, "config set", focused="value", setting="mod_log_channel", value="mod"
    )
    choices = (await channels.wait_response())["data"]["choices"]
    assert choices == [{"name": "#mod-log", "value": str(world.mod_log.id)}]


async def test_config_show_fits_discords_embed_limits_with_many_moderated_channels(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    # `/automod places` takes about 45 channel mentions: each `<#id>` is 22 characters, and one
    # field holds 1,024 (an embed 6,000): past that Discord refuses the whole /config show.
    channels = [emulator.create_text_channel(world.guild, f"room-{i}") for i in range(45)]
    await eventually(lambda: all(bot.get_channel(c.id) for c in channels))
    listed = emulator.run_command(
        world.admin, world.general, "automod places", scope="listed", channels=" ".join(f"<#{c.id}>" for c in channels)
    )
    await listed.wait_message()
    assert len((await bot.configs.get(world.guild.id)).channels("moderated_channels")) == 45
    message = await emulator.run_command(world.admin, world.general, "config show").wait_message()
    assert message.embeds and message.embeds[0]["title"].startswith("Settings for"), message.content
    [field] = [f for f in message.embeds[0]["fields"] if f["name"].startswith("moderated_channels")]
    assert len(field["value"]) <= 1024 and "more" in field["value"]
    assert f"<#{channels[0].id}>" in field["value"]


async def test_config_set_takes_a_category_for_moderated_channels(emulator: Emulator, world: World, bot: DiscussionBot):
    category = emulator.create_channel(world.guild, "Community Hub", type=GUILD_CATEGORY)
    await eventually(lambda: bot.get_channel(category.id) is not None)
    for value in (str(category.id), "Community Hub"):
        handle = emulator.run_command(
            world.admin, world.general, "config set", setting="moderated_channels", value=value
        )
        assert f"<#{category.id}>" in (await handle.wait_message()).content
        assert (await bot.configs.get(world.guild.id)).channels("moderated_channels") == (category.id,)
    offered = emulator.autocomplete(
        world.admin, world.general, "config set", focused="value", setting="moderated_channels", value="Comm"
    )
    choices = (await offered.wait_response())["data"]["choices"]
    assert str(category.id) in [c["value"] for c in choices]
    # chat_channels stays text channels only: a category is neither offered nor taken.
    offered = emulator.autocomplete(
        world.admin, world.general, "config set", focused="value", setting="chat_channels", value="Comm"
    )
    assert (await offered.wait_response())["data"]["choices"] == []
