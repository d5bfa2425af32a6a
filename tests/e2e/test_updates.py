"""Updates end to end: pushed by admins, read from seed files, delivered once to every thread."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.client import DiscussionBot
from bot.storage import updates as update_store
from discord_emulator import Emulator, RateLimitConfig
from tests.harness import SEEDS, World, eventually, is_update_message, running_bot
from tests.postgres import both_engines

SLUG = "odierno-ceasefire"


def update_messages(emulator: Emulator, thread) -> list:  # type: ignore[no-untyped-def]
    return [m for m in emulator.history(thread) if is_update_message(m)]


def update_ids(emulator: Emulator, thread) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.embeds[0]["footer"]["text"].split(" · ")[0] for m in update_messages(emulator, thread)]


async def post_to_forum(emulator: Emulator, world: World):  # type: ignore[no-untyped-def]
    handle = emulator.run_command(world.admin, world.general, "article post", article=SLUG, channel=world.forum)
    assert "Posted" in (await handle.wait_message(timeout=10)).content
    return emulator.threads_of(world.forum)[-1]


async def test_existing_seed_updates_reach_a_new_thread_in_order(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await post_to_forum(emulator, world)
    await eventually(lambda: len(update_messages(emulator, thread)) == 2)
    first, second = update_messages(emulator, thread)
    assert first.message_reference["message_id"] == str(thread.id)  # a reply to the forum post
    assert first.mentions == []  # replying pings nobody
    assert first.embeds[0]["description"].startswith("There are reports out now that U.S. gunships")
    assert second.embeds[0]["description"].startswith("And now they want chitchat with Sadr.")
    starter = emulator.messages[thread.id]
    await eventually(lambda: len(starter.embeds) == 2)
    blog = starter.embeds[1]
    assert blog["title"] == "Live updates"
    lines = blog["description"].splitlines()
    assert "And now they want chitchat" in lines[0] and "There are reports" in lines[1]  # newest first
    assert f"/{thread.id}/{second.id})" in lines[0]
    assert sum(len(e.get("title") or "") + len(e.get("description") or "") for e in starter.embeds) <= 6000


async def post_to_text_channel(emulator: Emulator, world: World):  # type: ignore[no-untyped-def]
    handle = emulator.run_command(world.admin, world.general, "article post", article=SLUG, channel=world.general)
    assert "Posted" in (await handle.wait_message(timeout=10)).content
    return emulator.threads_of(world.general)[-1]


def edits_of(emulator: Emulator, message_id: int) -> set[tuple[str, int]]:
    """(path, status) of every edit the bot sent for that message id, in whichever channel."""
    edits = emulator.requests_to("PATCH", "/channels/{channel_id}/messages/{message_id}")
    return {(r.path, r.status) for r in edits if r.path.endswith(f"/messages/{message_id}")}


async def test_a_text_channel_posts_article_message_keeps_the_live_blog(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    """The article message is in the channel and the thread was started from it (so it has the
    thread's id, as a forum post's starter has): the list goes on that message, in the channel."""
    thread = await post_to_text_channel(emulator, world)
    article = emulator.messages[thread.id]
    assert article.channel_id == world.general.id and article.thread_id == thread.id
    await eventually(lambda: len(update_messages(emulator, thread)) == 2)
    await eventually(lambda: len(article.embeds) == 2)
    assert article.embeds[0]["title"] == emulator.messages[thread.id].embeds[0]["title"]
    blog = article.embeds[1]
    assert blog["title"] == "Live updates"
    newest = update_messages(emulator, thread)[-1]
    assert f"/{thread.id}/{newest.id})" in blog["description"].splitlines()[0]  # links into the thread
    push = emulator.run_command(world.admin, world.general, "update push", article=SLUG, text="Talks resume Monday.")
    assert "on its way to 1 thread" in (await push.wait_message()).content
    await eventually(lambda: "Talks resume Monday." in article.embeds[1]["description"].splitlines()[0])
    await bot.delivery.wait_idle()
    # every edit went to the message in the channel, and none was refused (no 404 Unknown Message)
    assert edits_of(emulator, article.id) == {(f"/channels/{world.general.id}/messages/{article.id}", 200)}


async def test_a_forum_posts_starter_message_keeps_the_live_blog(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await post_to_forum(emulator, world)
    starter = emulator.messages[thread.id]
    assert starter.channel_id == thread.id  # a forum post's first message is inside the post
    await eventually(lambda: len(update_messages(emulator, thread)) == 2)
    await eventually(lambda: len(starter.embeds) == 2 and starter.embeds[1]["title"] == "Live updates")
    push = emulator.run_command(world.admin, world.general, "update push", article=SLUG, text="Talks resume Monday.")
    assert "on its way to 1 thread" in (await push.wait_message()).content
    await eventually(lambda: "Talks resume Monday." in starter.embeds[1]["description"].splitlines()[0])
    await bot.delivery.wait_idle()
    assert edits_of(emulator, starter.id) == {(f"/channels/{thread.id}/messages/{starter.id}", 200)}


@both_engines
async def test_update_push_reaches_the_thread_and_the_live_blog(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await post_to_forum(emulator, world)
    await eventually(lambda: len(update_messages(emulator, thread)) == 2)
    refused = emulator.run_command(world.member, world.general, "update push", article=SLUG, text="Nope")
    assert "Manage Server" in (await refused.wait_message()).content
    handle = emulator.run_command(
        world.admin,
        world.general,
        "update push",
        article=SLUG,
        text="@everyone Petraeus will testify in September.",
        label="Update (4:12 PM)",
    )
    assert "on its way to 1 thread" in (await handle.wait_message()).content
    await eventually(lambda: len(update_messages(emulator, thread)) == 3)
    pushed = update_messages(emulator, thread)[-1]
    assert pushed.embeds[0]["title"] == "Update (4:12 PM)"
    assert pushed.embeds[0]["description"] == "@everyone Petraeus will testify in September."
    assert not pushed.mention_everyone and pushed.allowed_mentions == {"parse": []}
    starter = emulator.messages[thread.id]
    await eventually(  # the live blog comes once the worker is idle: it may not be there yet
        lambda: len(starter.embeds) > 1 and "Petraeus will testify" in starter.embeds[1]["description"].splitlines()[0]
    )
    again = emulator.run_command(
        world.admin, world.general, "update push", article=SLUG, text="@everyone  petraeus will TESTIFY in September"
    )
    assert "already there" in (await again.wait_message()).content


@both_engines
async def test_update_edit_and_retract_edit_the_sent_messages(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await post_to_forum(emulator, world)
    handle = emulator.run_command(world.admin, world.general, "update push", article=SLUG, text="First version.")
    await handle.wait_message()
    [update] = [u for u in await update_store.updates_of_article(bot.db, SLUG, world.guild.id) if u.guild_id]
    await eventually(
        lambda: any(m.embeds[0]["description"] == "First version." for m in update_messages(emulator, thread))
    )
    message = next(m for m in update_messages(emulator, thread) if m.embeds[0]["description"] == "First version.")
    edit = emulator.run_command(world.admin, world.general, "update edit", update=update.id, text="Second version.")
    assert "is edited" in (await edit.wait_message()).content
    await eventually(lambda: message.embeds[0]["description"] == "Second version.")
    assert message.embeds[0]["footer"]["text"] == f"Update {update.id} · edited"
    retract = emulator.run_command(world.admin, world.general, "update retract", update=update.id)
    assert "retracted" in (await retract.wait_message()).content
    await eventually(lambda: "(retracted)" in message.embeds[0]["title"])
    assert not message.deleted and "~~Second version.~~" in message.embeds[0]["description"]
    starter = emulator.messages[thread.id]
    await eventually(lambda: "Second version" not in str(starter.embeds))
    seed_update = next(u for u in await update_store.updates_of_article(bot.db, SLUG, world.guild.id) if not u.guild_id)
    refused = emulator.run_command(world.admin, world.general, "update retract", update=seed_update.id)
    assert "change it there" in (await refused.wait_message()).content


async def test_long_update_from_a_modal_is_split_into_parts(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await post_to_forum(emulator, world)
    opened = emulator.run_command(world.admin, world.general, "update push", article=SLUG)
    modal = await opened.wait_response()
    assert modal["type"] == 9
    [field] = [row["components"][0]["custom_id"] for row in modal["data"]["components"]]
    text = "\n\n".join(f"Paragraph {i}: " + "word " * 150 for i in range(5))  # about 3,900 characters
    text = text[:4000]
    submitted = emulator.submit_modal(opened, {field: text})
    assert "stored" in (await submitted.wait_message()).content
    await eventually(lambda: any("Paragraph 4" in str(m.embeds) for m in update_messages(emulator, thread)))
    mine = [m for m in update_messages(emulator, thread) if "Paragraph" in m.embeds[0]["description"]]
    assert all(len(m.embeds[0]["description"]) <= 4096 for m in mine)
    assert "\n\n".join(m.embeds[0]["description"] for m in mine).split() == text.split()


async def test_a_seed_file_gaining_an_update_delivers_it_once(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path
):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    seed = seeds / f"{SLUG}.txt"
    shutil.copy(SEEDS / f"{SLUG}.txt", seed)
    async with running_bot(bot_env | {"SEEDS_DIR": str(seeds), "SEED_POLL_SECONDS": "1"}) as bot:
        thread = await post_to_forum(emulator, world)
        await eventually(lambda: len(update_messages(emulator, thread)) == 2)
        text = seed.read_text("utf-8")
        marker = "Trending on Hotair Video"
        seed.write_text(text.replace(marker, "Update III: Sadr says he is open to talks.\n\n" + marker), "utf-8")
        await eventually(lambda: len(update_messages(emulator, thread)) == 3, timeout=10)
        third = update_messages(emulator, thread)[-1]
        assert third.embeds[0]["title"] == "Update III"
        assert third.embeds[0]["description"] == "Sadr says he is open to talks."
        # a rewording edits it; a half-written (empty) file and a deletion change nothing
        seed.write_text(seed.read_text("utf-8").replace("open to talks", "open to talks with the US"), "utf-8")
        await eventually(lambda: third.embeds[0]["description"] == "Sadr says he is open to talks with the US.")
        seed.write_text("")
        scanned = bot.wait_for("seeds_scanned", timeout=5)
        await scanned
        await bot.wait_for("seeds_scanned", timeout=5)
        seed.unlink()
        await bot.wait_for("seeds_scanned", timeout=5)
        await bot.delivery.wait_idle()
    assert len(update_messages(emulator, thread)) == 3
    assert update_ids(emulator, thread) == sorted(
        set(update_ids(emulator, thread)), key=update_ids(emulator, thread).index
    )


async def test_a_new_seed_file_is_auto_posted_where_configured(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path
):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / f"{SLUG}.txt", seeds / f"{SLUG}.txt")
    env = bot_env | {"SEEDS_DIR": str(seeds), "SEED_POLL_SECONDS": "1", "AUTO_POST_CHANNEL_ID": str(world.forum.id)}
    async with running_bot(env) as bot:
        await bot.wait_for("seeds_scanned", timeout=5)
        assert emulator.threads_of(world.forum) == []  # files there at first start are not "new"
        (seeds / "fresh-news.txt").write_text("Fresh news\n\nSomething happened.\n\nExit question: Now what?\n")
        thread = await eventually(lambda: next(iter(emulator.threads_of(world.forum)), None), timeout=10)
        assert thread.name == "Fresh news"


@both_engines
async def test_fan_out_to_20_threads_through_429s(emulator: Emulator, world: World, bot: DiscussionBot):
    emulator.rate_limiter.config = RateLimitConfig(routes={}, default=(10_000, 1.0), global_per_second=10_000)
    threads = []
    for _ in range(20):
        handle = emulator.run_command(
            world.admin, world.general, "article post", article=SLUG, channel=world.forum, force=True
        )
        assert "Posted" in (await handle.wait_message(timeout=10)).content
    threads = emulator.threads_of(world.forum)
    assert len(threads) == 20
    await eventually(lambda: all(len(update_messages(emulator, t)) == 2 for t in threads), timeout=20)
    emulator.inject_rate_limit("POST", "/channels/{channel_id}/messages", retry_after=0.3, times=8)
    emulator.inject_rate_limit("POST", "/channels/{channel_id}/messages", retry_after=0.5, times=2, scope="global")
    push = emulator.run_command(world.admin, world.general, "update push", article=SLUG, text="Fan-out check.")
    assert "on its way to 20 threads" in (await push.wait_message()).content
    await eventually(lambda: all(len(update_messages(emulator, t)) == 3 for t in threads), timeout=30)
    for thread in threads:
        ids = update_ids(emulator, thread)
        assert len(ids) == len(set(ids)) == 3
    assert sum(f.hits for f in emulator.faults) == 10


async def test_locked_and_deleted_threads_fail_with_a_reason(emulator: Emulator, world: World, bot: DiscussionBot):
    from discord_emulator import permissions as perms

    first = await post_to_forum(emulator, world)
    for _ in range(2):
        handle = emulator.run_command(
            world.admin, world.general, "article post", article=SLUG, channel=world.forum, force=True
        )
        await handle.wait_message(timeout=10)
    second, third = emulator.threads_of(world.forum)[1:]
    await eventually(lambda: all(len(update_messages(emulator, t)) == 2 for t in (first, second, third)))
    emulator.bot_role(world.guild).permissions &= ~perms.MANAGE_THREADS
    first.locked = True
    second.deleted = True
    third.archived = True  # archived but not locked: the update reopens it
    push = emulator.run_command(world.admin, world.general, "update push", article=SLUG, text="Nobody gets this.")
    await push.wait_message()
    await bot.delivery.wait_idle()
    [update] = [u for u in await update_store.updates_of_article(bot.db, SLUG, world.guild.id) if u.guild_id]
    rows = await bot.db.fetch_all(
        "SELECT status, last_error FROM update_deliveries WHERE update_id = ? ORDER BY id", (update.id,)
    )
    assert [(r["status"], r["last_error"]) for r in rows] == [
        ("failed", "the thread is locked"),
        ("failed", "the thread was deleted"),
        ("sent", None),
    ]
    assert not third.archived and len(update_messages(emulator, third)) == 3


async def test_an_update_written_with_its_own_label_shows_it_once(emulator: Emulator, world: World, bot: DiscussionBot):
    """Editors paste updates as the site writes them ("Update: …", "Update (4:12 PM): …"): the message
    showed "Update" above "Update: …". The text's own label goes, as the seed parser drops it, and
    with the default label it becomes the label."""
    thread = await post_to_forum(emulator, world)
    push = emulator.run_command(
        world.admin, world.general, "update push", article=SLUG, text="Update (4:12 PM): Talks resume Monday."
    )
    assert "on its way" in (await push.wait_message()).content
    message = await eventually(
        lambda: next((m for m in update_messages(emulator, thread) if "Talks resume" in str(m.embeds)), None)
    )
    assert (message.embeds[0]["title"], message.embeds[0]["description"]) == (
        "Update (4:12 PM)",
        "Talks resume Monday.",
    )
    [update] = [u for u in await update_store.updates_of_article(bot.db, SLUG, world.guild.id) if u.guild_id]
    edit = emulator.run_command(
        world.admin, world.general, "update edit", update=update.id, text="UPDATE: Talks resume Tuesday."
    )
    assert "is edited" in (await edit.wait_message()).content
    await eventually(lambda: message.embeds[0]["description"] == "Talks resume Tuesday.")
    assert message.embeds[0]["title"] == "Update (4:12 PM)"
    labelled = emulator.run_command(
        world.admin, world.general, "update push", article=SLUG, text="Update: Both sides agreed.", label="Breaking"
    )
    await labelled.wait_message()
    other = await eventually(
        lambda: next((m for m in update_messages(emulator, thread) if "Both sides" in str(m.embeds)), None)
    )
    assert (other.embeds[0]["title"], other.embeds[0]["description"]) == ("Breaking", "Both sides agreed.")
