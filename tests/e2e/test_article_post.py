"""/article post on the emulator: forum and text channels, rendering, duplicates, permissions."""

from __future__ import annotations

from bot.client import DiscussionBot
from discord_emulator import Emulator
from tests.harness import World, article_messages, eventually, question_of
from tests.postgres import both_engines

SEED_TITLE = "Odierno: We're negotiating with insurgents for a ceasefire"


async def post(emulator: Emulator, world: World, channel, **options):
    handle = emulator.run_command(
        world.admin, world.general, "article post", article="odierno-ceasefire", channel=channel, **options
    )
    return handle, await handle.wait_message(timeout=10)


async def test_seed_posted_into_a_forum_channel(emulator: Emulator, world: World, bot: DiscussionBot):
    handle, reply = await post(emulator, world, world.forum)
    assert handle.ephemeral and "Posted" in reply.content
    [thread] = emulator.threads_of(world.forum)
    assert thread.name == SEED_TITLE
    messages = article_messages(emulator, thread)
    starter, question = messages[0], question_of(emulator, thread)
    assert starter.id == thread.id and starter.embeds[0]["title"] == SEED_TITLE
    assert starter.embeds[0]["description"].count("\n\n") == 7  # the 8 paragraphs
    assert "Trending" not in starter.embeds[0]["description"]
    assert question.content.startswith("**Exit question**\nWhat exactly do the insurgents get out of this deal?")
    assert question.poll is None and question.components  # answer mode: the suggest button
    assert question.embeds[0]["title"] == "Top answers"
    assert all(m.allowed_mentions == {"parse": []} for m in messages)
    assert str(thread.id) in reply.content


@both_engines
async def test_seed_posted_into_a_text_channel_with_a_poll(emulator: Emulator, world: World, bot: DiscussionBot):
    _handle, reply = await post(
        emulator, world, world.general, options="Protection | Money | Nothing", duration_hours=48
    )
    assert "Posted" in reply.content
    starter = next(m for m in emulator.history(world.general) if m.embeds)
    assert starter.thread_id is not None
    thread = emulator.channels[starter.thread_id]
    assert thread.name == SEED_TITLE and thread.id == starter.id
    question = question_of(emulator, thread)
    assert question.poll is not None
    assert [a["poll_media"]["text"] for a in question.poll.answers] == ["Protection", "Money", "Nothing"]
    assert round(question.poll.expiry - question.created_at) == 48 * 3600
    assert question.poll.question.startswith("What exactly do the insurgents get out of this deal?")


async def test_posting_twice_links_to_the_existing_thread_unless_forced(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    await post(emulator, world, world.forum)
    _handle, reply = await post(emulator, world, world.forum)
    [thread] = emulator.threads_of(world.forum)
    assert "already posted here" in reply.content and str(thread.id) in reply.content
    await post(emulator, world, world.forum, force=True)
    assert len(emulator.threads_of(world.forum)) == 2


async def test_non_admin_is_refused(emulator: Emulator, world: World, bot: DiscussionBot):
    handle = emulator.run_command(
        world.member, world.general, "article post", article="odierno-ceasefire", channel=world.forum
    )
    reply = await handle.wait_message()
    assert handle.ephemeral and "Manage Server" in reply.content
    assert emulator.threads_of(world.forum) == []


async def test_editor_role_may_post(emulator: Emulator, world: World, bot: DiscussionBot):
    editors = emulator.create_role(world.guild, "Editors")
    emulator.guilds[world.guild.id].members[world.member.user.id].roles.append(editors.id)
    setup = emulator.run_command(world.admin, world.general, "config set", setting="editor_role", value="Editors")
    await setup.wait_message()
    handle = emulator.run_command(
        world.member, world.general, "article post", article="odierno-ceasefire", channel=world.forum
    )
    assert "Posted" in (await handle.wait_message(timeout=10)).content


async def test_unknown_article_and_bad_options_are_explained(emulator: Emulator, world: World, bot: DiscussionBot):
    handle = emulator.run_command(world.admin, world.general, "article post", article="nope", channel=world.forum)
    assert "don't know an article called 'nope'" in (await handle.wait_message()).content
    handle, reply = await post(emulator, world, world.forum, options="Only one")
    assert "at least 2 options" in reply.content
    assert emulator.threads_of(world.forum) == []


async def test_article_autocomplete_finds_by_title(emulator: Emulator, world: World, bot: DiscussionBot):
    handle = emulator.autocomplete(world.admin, world.general, "article post", focused="article", article="cease")
    choices = (await handle.wait_response())["data"]["choices"]
    assert choices == [{"name": SEED_TITLE, "value": "odierno-ceasefire"}]


async def test_twenty_thousand_character_article_and_everyone_never_pings(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path
):
    from tests.bot.articles.test_render import long_article
    from tests.harness import running_bot

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    article = long_article(20_000)
    paragraphs = [
        f"@everyone look at this <@&{world.admin_role.id}> and <@{world.member.user.id}>",
        *article.paragraphs,
    ]
    (seeds / "long-read.txt").write_text("Long read\n\n" + "\n\n".join(paragraphs) + "\n\nExit question: Well?\n")
    emulator.bot_role(world.guild).permissions |= 1 << 17  # even with Mention Everyone, nothing may ping
    async with running_bot(bot_env | {"SEEDS_DIR": str(seeds)}):
        handle = emulator.run_command(
            world.admin, world.general, "article post", article="long-read", channel=world.forum
        )
        assert "Posted" in (await handle.wait_message(timeout=20)).content
    [thread] = emulator.threads_of(world.forum)
    messages = emulator.history(thread)
    parts = [m for m in messages if m.embeds and m.embeds[0].get("title") != "Top answers"]
    assert len(parts) >= 5
    for message in parts:
        embed = message.embeds[0]
        assert len(embed["description"]) <= 4096
        assert sum(len(embed.get(k) or "") for k in ("title", "description")) <= 6000
    text = "\n\n".join(m.embeds[0]["description"] for m in parts)
    assert text.replace("\\", "").split() == " ".join(paragraphs).split()
    assert parts[-1].embeds[0]["footer"]["text"] == f"Part {len(parts)} of {len(parts)}"
    assert all(not m.mention_everyone and m.mentions == [] and m.mention_roles == [] for m in messages)


async def test_injected_403_on_thread_creation_leaves_nothing_half_posted(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    emulator.inject_error(
        "POST",
        "/channels/{channel_id}/messages/{message_id}/threads",
        status=403,
        code=50013,
        message="Missing Permissions",
    )
    handle, reply = await post(emulator, world, world.general)
    assert handle.ephemeral and "refused to create the discussion thread" in reply.content
    assert emulator.history(world.general) == []  # the starter message was taken back
    emulator.inject_error(
        "POST", "/channels/{channel_id}/threads", status=403, code=50013, message="Missing Permissions"
    )
    handle, reply = await post(emulator, world, world.forum)
    assert "refused to create the discussion thread" in reply.content
    assert emulator.threads_of(world.forum) == []
    # and a later attempt posts normally
    handle, reply = await post(emulator, world, world.general)
    assert "Posted" in reply.content and len(emulator.threads_of(world.general)) == 1


@both_engines
async def test_error_midway_is_completed_by_the_next_attempt(emulator: Emulator, world: World, bot: DiscussionBot):
    # a 4xx: discord.py would retry a 5xx for many seconds first
    emulator.inject_error("POST", "/channels/{channel_id}/messages", status=403, code=50001, message="Missing Access")
    _, reply = await post(emulator, world, world.forum)
    assert "not finished" in reply.content and "Run the same /article post again" in reply.content
    [thread] = emulator.threads_of(world.forum)
    assert len(emulator.history(thread)) == 1  # only the starter
    emulator.faults.clear()
    _handle, reply = await post(emulator, world, world.forum)
    assert "Finished posting" in reply.content
    assert emulator.threads_of(world.forum) == [thread]
    assert [m.embeds[0]["title"] for m in article_messages(emulator, thread)] == [thread.name, "Top answers"]


async def test_bot_without_permission_gets_a_clear_message(emulator: Emulator, world: World, bot: DiscussionBot):
    from discord_emulator import permissions as perms

    emulator.set_channel_permission(world.forum, emulator.bot_role(world.guild), deny=perms.SEND_MESSAGES)
    _handle, reply = await post(emulator, world, world.forum)
    assert "I need **Send Messages**" in reply.content
    assert emulator.threads_of(world.forum) == []


async def test_list_shows_articles_and_where_they_are_posted(emulator: Emulator, world: World, bot: DiscussionBot):
    handle = emulator.run_command(world.member, world.general, "article list")
    field = (await handle.wait_message()).embeds[0]["fields"][0]
    assert field["name"] == f"{SEED_TITLE} (odierno-ceasefire)" and field["value"] == "not posted yet"
    await post(emulator, world, world.forum)
    handle = emulator.run_command(world.member, world.general, "article list")
    [thread] = emulator.threads_of(world.forum)
    value = (await handle.wait_message()).embeds[0]["fields"][0]["value"]
    assert f"<#{world.forum.id}>" in value and str(thread.id) in value and "vote open" in value


async def test_preview_is_ephemeral_and_posts_nothing(emulator: Emulator, world: World, bot: DiscussionBot):
    handle = emulator.run_command(world.member, world.general, "article preview", article="ceasefire")
    first = await handle.wait_message()
    assert handle.ephemeral and first.embeds[0]["title"] == SEED_TITLE
    assert "suggested answers" in first.content
    await eventually(lambda: len(handle.followups) == 1)
    assert handle.followups[0].content.startswith("**Exit question**") and handle.followups[0].flags & 64
    assert emulator.history(world.general) == [] and emulator.threads_of(world.forum) == []


async def test_crash_after_forum_thread_creation_adopts_the_thread(
    emulator: Emulator, world: World, bot: DiscussionBot, monkeypatch
):
    """The thread exists in Discord but the process died before SQLite recorded it."""
    from bot.storage import posts as post_store

    crash_once(monkeypatch, post_store, "record_thread")
    _, reply = await post(emulator, world, world.forum)
    assert reply.content.startswith("Sorry")
    [thread] = emulator.threads_of(world.forum)
    _, reply = await post(emulator, world, world.forum)
    assert "Finished posting" in reply.content
    assert emulator.threads_of(world.forum) == [thread]  # adopted, not posted twice
    assert [m.embeds[0]["title"] for m in article_messages(emulator, thread)] == [thread.name, "Top answers"]


async def test_crash_after_starter_message_is_deduplicated_by_nonce(
    emulator: Emulator, world: World, bot: DiscussionBot, monkeypatch
):
    from bot.storage import posts as post_store

    crash_once(monkeypatch, post_store, "record_starter")
    await post(emulator, world, world.general)
    assert len(emulator.history(world.general)) == 1
    _, reply = await post(emulator, world, world.general)
    assert "Finished posting" in reply.content
    [starter] = emulator.history(world.general)  # the repeat send returned the same message
    assert starter.thread_id is not None and len(emulator.threads_of(world.general)) == 1
    sends = emulator.requests_to("POST", "/channels/{channel_id}/messages")
    assert sends[0].body["nonce"] == sends[1].body["nonce"] and sends[0].body["enforce_nonce"] is True


def crash_once(monkeypatch, module, name: str) -> None:  # type: ignore[no-untyped-def]
    """The first call of `module.name` raises, as if the process died right after the Discord call."""
    real = getattr(module, name)
    calls = []

    async def crash_once_then_work(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("simulated crash between Discord and SQLite")
        return await real(*args, **kwargs)

    monkeypatch.setattr(module, name, crash_once_then_work)
