"""A discussion thread a moderator deletes in Discord (the forum post, or a text channel's thread) is
marked removed: it is no longer the chat's latest discussion, updates stop going to it, /article list
says so and /article post posts the article again. The same when it was deleted while the bot was
offline: the first 404 (Unknown Channel) for it marks it removed instead of being retried."""

from __future__ import annotations

from bot.client import DiscussionBot
from bot.enums import PUBLISHED
from bot.storage import posts as post_store
from bot.storage import updates as update_store
from discord_emulator import Emulator
from tests.e2e.test_chat import ask
from tests.harness import World, eventually, running_bot

SLUG = "odierno-ceasefire"


async def post(emulator: Emulator, world: World, **options):  # type: ignore[no-untyped-def]
    handle = emulator.run_command(
        world.admin, world.general, "article post", article=SLUG, channel=world.forum, **options
    )
    reply = (await handle.wait_message(timeout=10)).content
    assert "Posted" in reply, reply
    return emulator.threads_of(world.forum)[-1], reply


def delete_thread(emulator: Emulator, world: World, thread) -> None:  # type: ignore[no-untyped-def]
    thread.deleted = True  # a moderator deletes the forum post, as the REST handler does
    emulator.dispatch(
        "THREAD_DELETE",
        {"id": str(thread.id), "guild_id": str(world.guild.id), "parent_id": str(world.forum.id), "type": thread.type},
        guild_id=world.guild.id,
    )


async def removed(bot: DiscussionBot, thread_id: int) -> bool:
    posts = await post_store.posts_of_article(bot.db, next(iter(bot.guilds)).id, SLUG)
    return any(p.thread_id == thread_id and p.status not in PUBLISHED for p in posts)


async def test_a_deleted_discussion_is_no_longer_the_chats_latest(emulator: Emulator, world: World, bot: DiscussionBot):
    thread, _ = await post(emulator, world)
    before = await ask(emulator, world.member, world.general, "what are people saying?")
    assert str(thread.id) in before.content  # the digest links the live discussion

    delete_thread(emulator, world, thread)
    await eventually(lambda: removed(bot, thread.id))

    digest = await ask(emulator, world.member, world.general, "what are people saying?")
    assert str(thread.id) not in digest.content, f"the digest still links the deleted thread:\n{digest.content}"
    assert "Vote** (open)" not in digest.content


async def test_updates_stop_going_to_a_deleted_discussion(emulator: Emulator, world: World, bot: DiscussionBot):
    thread, _ = await post(emulator, world)
    await bot.delivery.wait_idle()
    await bot.delivery.stop()  # an update waits in the outbox when the thread is deleted
    push = emulator.run_command(world.admin, world.general, "update push", article=SLUG, text="Nobody gets this.")
    await push.wait_message()
    [post_record] = await post_store.posts_of_article(bot.db, world.guild.id, SLUG)
    assert "pending" in [job.status for job in await update_store.deliveries_of_post(bot.db, post_record.id)]

    delete_thread(emulator, world, thread)
    await eventually(lambda: removed(bot, thread.id))
    jobs = await update_store.deliveries_of_post(bot.db, post_record.id)
    assert [job.status for job in jobs if job.status != "sent"] == ["failed"]  # ended, not retried
    rows = await bot.db.fetch_all("SELECT last_error FROM update_deliveries WHERE status = 'failed'")
    assert [r["last_error"] for r in rows] == ["the discussion thread was deleted"]

    later = emulator.run_command(world.admin, world.general, "update push", article=SLUG, text="Nor this.")
    await later.wait_message()
    assert len(await update_store.deliveries_of_post(bot.db, post_record.id)) == len(jobs)  # not queued there


async def test_the_article_can_be_posted_again_and_the_list_says_it_was_deleted(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    thread, _ = await post(emulator, world)
    delete_thread(emulator, world, thread)
    await eventually(lambda: removed(bot, thread.id))

    listing = emulator.run_command(world.admin, world.general, "article list")
    fields = (await listing.wait_message()).embeds[0]["fields"]
    [field] = [f for f in fields if SLUG in f["name"]]
    assert "deleted" in field["value"] and "vote open" not in field["value"], field["value"]

    again, reply = await post(emulator, world)  # no force needed: nothing is posted there any more
    assert again.id != thread.id
    assert "deleted" in reply, reply


async def test_a_thread_deleted_while_the_bot_was_offline_is_marked_removed(
    emulator: Emulator, world: World, bot_env: dict[str, str]
):
    async with running_bot(bot_env) as bot:
        thread, _ = await post(emulator, world)
        await bot.delivery.wait_idle()
    thread.deleted = True  # no THREAD_DELETE: the bot was not connected

    async with running_bot(bot_env) as bot:
        await eventually(lambda: removed(bot, thread.id))  # found when the server became available
        push = emulator.run_command(world.admin, world.general, "update push", article=SLUG, text="Too late.")
        await push.wait_message()
        await bot.delivery.wait_idle()
        [post_record] = await post_store.posts_of_article(bot.db, world.guild.id, SLUG)
        jobs = await update_store.deliveries_of_post(bot.db, post_record.id)
        assert all(job.status in ("sent", "failed") for job in jobs), [job.status for job in jobs]


async def test_a_404_when_delivering_marks_the_discussion_removed(emulator: Emulator, world: World, bot: DiscussionBot):
    thread, _ = await post(emulator, world)
    await bot.delivery.wait_idle()
    thread.deleted = True  # the event was missed: the next delivery meets 404 Unknown Channel

    push = emulator.run_command(world.admin, world.general, "update push", article=SLUG, text="Nobody gets this.")
    await push.wait_message()
    await bot.delivery.wait_idle()
    await eventually(lambda: removed(bot, thread.id))
    [post_record] = await post_store.posts_of_article(bot.db, world.guild.id, SLUG)
    jobs = await update_store.deliveries_of_post(bot.db, post_record.id)
    assert [job.status for job in jobs if job.status != "sent"] == ["failed"]

    again = emulator.run_command(world.admin, world.general, "update push", article=SLUG, text="Nor this.")
    await again.wait_message()
    await bot.delivery.wait_idle()
    assert len(await update_store.deliveries_of_post(bot.db, post_record.id)) == len(jobs)  # not queued there
