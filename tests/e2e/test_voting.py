"""Votes on the exit question, end to end: poll mode, answer mode, restarts, closing, results."""

from __future__ import annotations

import asyncio
import random

from bot.client import DiscussionBot
from bot.storage import posts as post_store
from bot.storage import votes as vote_store
from discord_emulator import Emulator, Message
from tests.e2e.test_chat import ask, post
from tests.e2e.test_privacy import suggest
from tests.harness import World, eventually, question_of, running_bot
from tests.postgres import both_engines


async def post_article(emulator: Emulator, world: World, channel, **options) -> Message:
    handle = emulator.run_command(
        world.admin, world.general, "article post", article="odierno-ceasefire", channel=channel, **options
    )
    assert "Posted" in (await handle.wait_message(timeout=10)).content
    [thread] = (
        emulator.threads_of(channel)
        if channel.type == 15
        else [emulator.channels[m.thread_id] for m in emulator.history(channel) if m.thread_id]
    )
    return question_of(emulator, thread)


def emulator_counts(question: Message) -> dict[int, int]:
    assert question.poll is not None
    return {a["answer_id"]: len(question.poll.votes.get(a["answer_id"], ())) for a in question.poll.answers}


async def stored_counts(bot: DiscussionBot, question: Message) -> dict[int, int]:
    post = await post_store.post_by_question_message(bot.db, question.id)
    assert post is not None
    return {o.answer_id: o.votes for o in await vote_store.poll_tally(bot.db, post.id)}


@both_engines
async def test_200_members_vote_change_and_remove(emulator: Emulator, world: World, bot: DiscussionBot):
    question = await post_article(emulator, world, world.forum, options="Protection | Money | Nothing")
    rng = random.Random(7)
    members = [emulator.add_member(world.guild, f"voter{i}") for i in range(200)]
    for member in members:
        emulator.vote(member, question, rng.randint(1, 3))
    for member in rng.sample(members, 60):  # change their minds
        emulator.vote(member, question, rng.randint(1, 3))
    for member in rng.sample(members, 40):  # and some take their vote back
        for answer_id in (1, 2, 3):
            emulator.unvote(member, question, answer_id)
    expected = emulator_counts(question)
    assert sum(expected.values()) < 200
    await eventually(lambda: _equal(bot, question, expected))
    post = await post_store.post_by_question_message(bot.db, question.id)
    assert await vote_store.poll_voter_count(bot.db, post.id) == sum(expected.values())


async def _equal(bot: DiscussionBot, question: Message, expected: dict[int, int]) -> bool:
    return await stored_counts(bot, question) == expected


@both_engines
async def test_votes_cast_while_the_bot_is_stopped_count_after_restart(
    emulator: Emulator, world: World, bot_env: dict[str, str]
):
    members = [emulator.add_member(world.guild, f"m{i}") for i in range(30)]
    async with running_bot(bot_env) as bot:
        question = await post_article(emulator, world, world.general, options="Yes | No")
        for member in members[:10]:
            emulator.vote(member, question, 1)
        await eventually(lambda: _equal(bot, question, {1: 10, 2: 0}))
    for member in members[:5]:
        emulator.unvote(member, question, 1)  # removed while the bot is away
    for member in members[10:]:
        emulator.vote(member, question, 2)  # cast while the bot is away
    async with running_bot(bot_env) as bot:
        await eventually(lambda: _equal(bot, question, {1: 5, 2: 20}))
        assert await stored_counts(bot, question) == emulator_counts(question)


@both_engines
async def test_answer_mode_suggest_upvote_restart_and_top_answers(
    emulator: Emulator, world: World, bot_env: dict[str, str]
):
    alice, bob, carol = (emulator.add_member(world.guild, name) for name in ("alice", "bob", "carol"))
    async with running_bot(bot_env):
        question = await post_article(emulator, world, world.forum)
        thread = emulator.channels[question.channel_id]
        cards = []
        for who, text in ((alice, "Protection from the Shiite militias"), (bob, "Money and jobs")):
            opened = emulator.click(who, question, question.components[0]["components"][0]["custom_id"])
            modal = await opened.wait_response()
            assert modal["type"] == 9
            [field] = [c["components"][0]["custom_id"] for c in modal["data"]["components"]]
            submitted = emulator.submit_modal(opened, {field: text})
            reply = await submitted.wait_message()
            assert "Your answer is posted" in reply.content and submitted.ephemeral
            cards.append(next(m for m in emulator.history(thread) if m.content.endswith(text)))
        assert cards[0].content.endswith(">>> Protection from the Shiite militias")
        assert cards[0].mentions == []  # names the author without pinging
        duplicate = emulator.click(carol, question, question.components[0]["components"][0]["custom_id"])
        await duplicate.wait_response()
        again = emulator.submit_modal(duplicate, {field: "money AND jobs"})
        assert "already there" in (await again.wait_message()).content
        for who in (alice, carol):
            vote = emulator.click(who, cards[1], cards[1].components[0]["components"][0]["custom_id"])
            await vote.wait_response()
    # a restart: the buttons carry their ids, the votes are in SQLite
    async with running_bot(bot_env) as bot:
        up = cards[0].components[0]["components"][0]["custom_id"]
        for who in (alice, bob, carol):
            await emulator.click(who, cards[0], up).wait_response()
        undo = emulator.click(carol, cards[0], up)
        await undo.wait_response()
        assert cards[0].components[0]["components"][0]["label"] == "Upvote · 2"
        await bot.answer_board.wait_idle()
        top = question.embeds[0]
        lines = top["description"].splitlines()
        assert lines[0].startswith("**1.** Protection from the Shiite militias — 2 votes")
        assert lines[1].startswith("**2.** Money and jobs — 2 votes")
        assert top["footer"]["text"] == "Answering is open · 2 answers · 3 voters"


@both_engines
async def test_close_posts_final_results_and_locks_the_thread(emulator: Emulator, world: World, bot: DiscussionBot):
    question = await post_article(emulator, world, world.forum, options="Yes | No | Unsure")
    voters = [emulator.add_member(world.guild, f"v{i}") for i in range(5)]
    for member, answer in zip(voters, (1, 1, 2, 1, 3), strict=True):
        emulator.vote(member, question, answer)
    await eventually(lambda: _equal(bot, question, {1: 3, 2: 1, 3: 1}))
    refused = emulator.run_command(world.member, world.general, "article close", article="odierno-ceasefire")
    assert "Manage Server" in (await refused.wait_message()).content
    handle = emulator.run_command(world.admin, world.general, "article close", article="odierno-ceasefire")
    assert "Closed the vote" in (await handle.wait_message(timeout=10)).content
    thread = emulator.channels[question.channel_id]
    assert question.poll.finalized and thread.locked and thread.archived
    results = next(m for m in emulator.history(thread) if m.embeds and m.embeds[0]["title"] == "Final results")
    assert results.embeds[0]["title"] == "Final results"
    assert "60.0%" in results.embeds[0]["description"] and results.attachments[0]["filename"] == "results.png"
    post = await post_store.post_by_question_message(bot.db, question.id)
    assert post.status == "closed" and post.results_message_id == results.id
    again = emulator.run_command(world.admin, world.general, "article close", article="odierno-ceasefire")
    assert "has no open vote" in (await again.wait_message()).content


async def test_vote_results_in_either_mode(emulator: Emulator, world: World, bot: DiscussionBot):
    question = await post_article(emulator, world, world.general, options="Yes | No")
    emulator.vote(emulator.add_member(world.guild, "v"), question, 2)
    await eventually(lambda: _equal(bot, question, {1: 0, 2: 1}))
    handle = emulator.run_command(world.member, world.general, "vote results", article="odierno-ceasefire")
    message = await handle.wait_message()
    embed = message.embeds[0]
    assert handle.ephemeral and embed["title"] == "Results so far"
    assert "100.0%" in embed["description"] and "vote open" in embed["footer"]["text"]
    assert message.attachments[0]["filename"] == "results.png"
    missing = emulator.run_command(world.member, world.general, "vote results", article="nothing-here")
    assert "no vote" in (await missing.wait_message()).content


async def test_expired_votes_are_closed_by_the_bot(emulator: Emulator, world: World, bot: DiscussionBot):
    question = await post_article(emulator, world, world.forum)
    post = await post_store.post_by_question_message(bot.db, question.id)
    await bot.db.execute("UPDATE article_posts SET closes_at = '2000-01-01T00:00:00.000000Z' WHERE id = ?", (post.id,))
    await bot.vote_results.close_expired()
    thread = emulator.channels[question.channel_id]
    assert thread.locked and thread.archived
    assert question.components[0]["components"][0]["disabled"] is True
    assert "Answering is closed" in question.embeds[0]["footer"]["text"]


async def test_votes_are_reconciled_after_a_gateway_resume(emulator: Emulator, world: World, bot: DiscussionBot):
    question = await post_article(emulator, world, world.forum, options="Yes | No")
    lost = [emulator.add_member(world.guild, f"lost{i}") for i in range(3)]
    # votes whose events never reached the bot (as if lost), then a drop and a resume
    question.poll.votes.setdefault(2, set()).update(m.user.id for m in lost)
    reconciled = bot.wait_for("poll_votes_reconciled", timeout=15)
    await emulator.gateway.drop()
    await reconciled
    assert emulator.gateway.resume_count == 1
    assert await stored_counts(bot, question) == {1: 0, 2: 3}


async def test_an_answer_whose_card_a_moderator_deleted_leaves_the_vote_and_the_digest(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    # The filters cannot know every bad answer (a doxxing line in plain words): a moderator removes its
    # card, as Discord lets them, and the answer goes from the top answers, /vote results and the digest.
    doxx = "Ask Carl Jensen, he lives at 14 Elm Street, Dayton"
    thread = await post(emulator, world)  # answer mode: no options
    question = question_of(emulator, thread)
    card = await suggest(emulator, world.member, question, doxx)
    other = emulator.add_member(world.guild, "other")
    await suggest(emulator, other, question, "Protection from the militias")
    await eventually(lambda: "Elm Street" in str(question.embeds))  # on the top answers
    seen = asyncio.ensure_future(bot.wait_for("raw_message_delete", check=lambda e: e.message_id == card.id, timeout=5))
    await asyncio.sleep(0)
    emulator.delete_message(world.owner, card)  # a moderator removes the doxxing answer
    await seen
    await eventually(lambda: "Elm Street" not in str(question.embeds))  # the top answers redrawn
    assert "Protection from the militias" in str(question.embeds)

    digest = await ask(emulator, world.admin, thread, "what are people saying?")
    assert "Protection from the militias" in digest.content  # the digest lists the answers
    assert "Elm Street" not in digest.content, f"a removed answer is still in the digest:\n{digest.content}"
