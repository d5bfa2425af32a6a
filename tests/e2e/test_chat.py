"""Chatting with the bot on the emulator: every kind of question, where it listens, and how it behaves."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from bot.client import DiscussionBot
from bot.storage import discussion as discussion_store
from discord_emulator import Emulator, Message
from tests.harness import SEEDS, World, eventually, is_update_message, question_of, running_bot

SLUG = "odierno-ceasefire"
TITLE = "Odierno: We're negotiating with insurgents for a ceasefire"


async def ask(emulator: Emulator, who, channel, text: str, *, mention: bool = True) -> Message:  # type: ignore[no-untyped-def]
    content = f"<@{emulator.bot_user.id}> {text}" if mention else text
    asked = emulator.send_message(who, channel, content)
    return await eventually(lambda: answer_to(emulator, channel, asked), timeout=5)


def questions_taken(bot: DiscussionBot) -> float:
    """Questions the chat answered, failed on, or refused as too many."""
    samples = (bot.metrics.registry.get_sample_value("bot_chat_answers_total", {"result": r}) for r in RESULTS)
    return sum(value or 0 for value in samples)


RESULTS = ("answered", "failed", "slowed_down")


async def replied_to(bot: DiscussionBot, thread_id: int, message_id: int) -> bool:
    """Whether the thread's digest counts replies to the message."""
    await bot.reply_recorder.flush()
    return any(p.message_id == message_id for p in await discussion_store.top_points(bot.db, thread_id, 50))


async def forgotten(bot: DiscussionBot, thread_id: int, message_id: int) -> bool:
    return not await replied_to(bot, thread_id, message_id)


def answer_to(emulator: Emulator, channel, asked: Message) -> Message | None:  # type: ignore[no-untyped-def]
    for message in emulator.history(channel):
        if (
            message.author.id == emulator.bot_user.id
            and message.message_reference
            and message.message_reference["message_id"] == str(asked.id)
        ):
            return message
    return None


async def post(emulator: Emulator, world: World, channel=None, **options):  # type: ignore[no-untyped-def]
    handle = emulator.run_command(
        world.admin, world.general, "article post", article=SLUG, channel=channel or world.forum, **options
    )
    assert "Posted" in (await handle.wait_message(timeout=10)).content
    return emulator.threads_of(channel or world.forum)[-1]


@pytest.fixture
def bot_env(bot_env: dict[str, str]) -> dict[str, str]:
    return bot_env | {"CHAT_MODELS": "true"}  # the chat as users get it: with its embedding models


async def test_help_greetings_and_thanks(emulator: Emulator, world: World, bot: DiscussionBot):
    member_help = await ask(emulator, world.member, world.general, "what can you do?")
    assert "what an article is about" in member_help.content and "/vote results" in member_help.content
    assert "/update push" not in member_help.content
    admin_help = await ask(emulator, world.admin, world.general, "help")
    assert "/update push" in admin_help.content and "/article post" in admin_help.content
    assert (await ask(emulator, world.member, world.general, "hi!")).content.startswith("Hi!")
    assert "welcome" in (await ask(emulator, world.member, world.general, "thanks")).content
    unknown = await ask(emulator, world.member, world.general, "flibbertigibbet wobble")
    assert "couldn't find anything" in unknown.content and "latest update" in unknown.content


async def test_summary_exit_question_and_passages(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await post(emulator, world)
    summary = await ask(emulator, world.member, world.general, "what's the article about?")
    assert summary.content.startswith(f"**{TITLE}**")
    assert "> This goes hand in hand with Bush’s new approach to Iran" in summary.content
    assert f"/{thread.id}" in summary.content
    question = await ask(emulator, world.member, thread, "what's the exit question?")
    assert "What exactly do the insurgents get out of this deal?" in question.content
    assert "Suggest an answer" in question.content and "The vote closes <t:" in question.content
    await models_ready(bot)  # the answers below are the ones with the embedding models
    found = await ask(emulator, world.member, world.general, "what did Odierno say about ceasefires?")
    assert "> “We’re talking about ceasefires" in found.content and f"/{thread.id}" in found.content
    share = await ask(emulator, world.member, world.general, "how much of the insurgency is nationalist?")
    assert "comprise 80% of the insurgency" in share.content.split("\n")[1]


async def test_vote_results_in_both_modes(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await post(emulator, world, options="Protection | Money | Nothing")
    question = question_of(emulator, thread)
    for i, answer in enumerate((1, 1, 2)):
        emulator.vote(emulator.add_member(world.guild, f"v{i}"), question, answer)
    await eventually(lambda: bot.poll_votes.writer.committed >= 3)
    results = await ask(emulator, world.member, thread, "how's the vote going?")
    assert "vote open · 3 voters" in results.content and "66.7%" in results.content and "Protection" in results.content


async def test_updates_newest_first_latest_and_the_one_before(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await post(emulator, world)
    await eventually(lambda: len([m for m in emulator.history(thread) if is_update_message(m)]) == 2)
    await bot.delivery.wait_idle()
    listing = await ask(emulator, world.member, world.general, "any updates?")
    lines = listing.content.splitlines()
    assert "newest first" in lines[0]
    assert "And now they want chitchat with Sadr" in lines[1] and "There are reports out now" in lines[2]
    assert f"/{thread.id}/" in lines[1] and "<t:" in lines[1]
    since = await ask(emulator, world.member, world.general, "what changed since yesterday?")
    assert "(last day)" in since.content and "chitchat with Sadr" in since.content
    latest = await ask(emulator, world.member, world.general, "what's the latest update?")
    assert "The latest update" in latest.content and "> And now they want chitchat with Sadr" in latest.content
    before = await ask(emulator, world.member, world.general, "and the update before that?")
    assert "The update before that" in before.content and "> There are reports out now" in before.content
    none = await ask(emulator, world.member, world.general, "and the update before that?")
    assert "no earlier update" in none.content


async def test_which_article_thread_context_and_ambiguity(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path
):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / f"{SLUG}.txt", seeds)
    (seeds / "anbar-awakening.txt").write_text(
        "The Anbar Awakening spreads\n\nSunni tribal sheikhs in Anbar have turned on al Qaeda.\n\n"
        "Exit question: Can it last?\n"
    )
    async with running_bot(bot_env | {"SEEDS_DIR": str(seeds)}):
        first = await post(emulator, world)
        handle = emulator.run_command(
            world.admin, world.general, "article post", article="anbar-awakening", channel=world.forum
        )
        await handle.wait_message(timeout=10)
        second = emulator.threads_of(world.forum)[-1]
        in_thread = await ask(emulator, world.member, second, "what's the exit question?")
        assert "Can it last?" in in_thread.content
        in_first = await ask(emulator, world.member, first, "what's the exit question?")
        assert "What exactly do the insurgents" in in_first.content
        ambiguous = await ask(emulator, world.member, world.general, "what's it about?")
        assert ambiguous.content.startswith("Which article do you mean?")
        assert "The Anbar Awakening spreads" in ambiguous.content
        named = await ask(emulator, world.member, world.general, "what's the Anbar Awakening article about?")
        assert "**The Anbar Awakening spreads**" in named.content
        follow_up = await ask(emulator, world.member, world.general, "and what's the exit question?")
        assert "Can it last?" in follow_up.content  # the article stays in context


async def test_where_it_listens_dms_replies_and_chat_channels(emulator: Emulator, world: World, bot: DiscussionBot):
    dm = emulator.dm_channel(world.member.user)
    dm_answer = await ask(emulator, world.member, dm, "what's the article about?", mention=False)
    assert dm_answer.content.startswith(f"**{TITLE}**")
    first = await ask(emulator, world.member, world.general, "hello")
    follow = emulator.send_message(world.member, world.general, "what's the exit question?", reply_to=first)
    assert "Exit question" in (await eventually(lambda: answer_to(emulator, world.general, follow))).content
    ignored = emulator.send_message(world.member, world.general, "what's the exit question?")
    await ask(emulator, world.member, world.general, "hello again")  # answered: the one before was seen too
    assert answer_to(emulator, world.general, ignored) is None  # not addressed to the bot
    setup = emulator.run_command(world.admin, world.general, "config set", setting="chat_channels", value="general")
    await setup.wait_message()
    plain = emulator.send_message(world.member, world.general, "what's the exit question?")
    assert "Exit question" in (await eventually(lambda: answer_to(emulator, world.general, plain))).content


async def test_never_pings_limits_the_rate_and_skips_removed_messages(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    loud = await ask(emulator, world.member, world.general, "@everyone what's the article about?")
    assert loud.mention_everyone is False and [u.id for u in loud.mentions] == [world.member.user.id]
    assert len(loud.content) <= 2000
    deletion = asyncio.ensure_future(bot.wait_for("raw_message_delete", timeout=5))
    removed = emulator.send_message(world.member, world.general, f"<@{emulator.bot_user.id}> what's it about?")
    emulator.delete_message(world.owner, removed)  # removed (by a moderator) before the bot answered
    await deletion
    await eventually(lambda: bot.messages_in_flight() == 0)  # the question was answered, or not
    assert answer_to(emulator, world.general, removed) is None
    asked = [
        emulator.send_message(world.admin, world.mod_log, f"<@{emulator.bot_user.id}> any updates?") for _ in range(8)
    ]
    # five answers, then one polite "slow down" (Discord's 5-per-5-s channel limit paces the sixth)
    await eventually(lambda: sum(answer_to(emulator, world.mod_log, m) is not None for m in asked) == 6, timeout=10)
    await eventually(lambda: questions_taken(bot) == 10 and bot.messages_in_flight() == 0)  # all eight, and two before
    answers = [answer_to(emulator, world.mod_log, m) for m in asked]
    assert sum(a is not None for a in answers) == 6
    assert sum(a is not None and "faster than I can keep up" in a.content for a in answers) == 1


async def test_results_in_answer_mode_show_the_top_answers(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await post(emulator, world)
    question = question_of(emulator, thread)
    opened = emulator.click(world.member, question, question.components[0]["components"][0]["custom_id"])
    modal = await opened.wait_response()
    field = modal["data"]["components"][0]["components"][0]["custom_id"]
    await emulator.submit_modal(opened, {field: "Protection from the Shiite militias"}).wait_message()
    results = await ask(emulator, world.member, thread, "results?")
    assert "Top answers" in results.content and "Protection from the Shiite militias" in results.content


async def test_a_question_the_filters_remove_is_never_answered(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await post(emulator, world)
    rude = emulator.send_message(world.member, thread, f"<@{emulator.bot_user.id}> what the fuck is this about?")
    polite = await ask(emulator, world.member, thread, "what's the article about?")  # answered: the bot is listening
    assert polite.content.startswith(f"**{TITLE}**")
    await eventually(lambda: rude.deleted)
    assert answer_to(emulator, thread, rude) is None


async def test_listeners_added_to_the_bot_still_see_every_message(emulator: Emulator, world: World, bot: DiscussionBot):
    # Messages take the bot's pipeline, not a per-message on_message task; a listener an
    # extension adds (and wait_for) must still get them.
    seen: list[str] = []

    async def listener(message) -> None:  # type: ignore[no-untyped-def]
        seen.append(message.content)

    bot.add_listener(listener, "on_message")
    try:
        emulator.send_message(world.member, world.general, "hello, anyone here?")
        await eventually(lambda: seen == ["hello, anyone here?"] or None, timeout=5)
    finally:
        bot.remove_listener(listener, "on_message")
    waiting = asyncio.create_task(bot.wait_for("message", check=lambda m: m.content == "second", timeout=5))
    await asyncio.sleep(0)
    emulator.send_message(world.member, world.general, "second")
    assert (await waiting).content == "second"
    assert seen == ["hello, anyone here?"]  # removed: no longer called


async def models_ready(bot: DiscussionBot) -> None:
    await asyncio.wait_for(bot.chat.models_ready.wait(), 60)
    assert bot.chat.models is not None


async def test_sentence_answers_paraphrases_misspellings_and_honest_no(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    thread = await post(emulator, world)
    await models_ready(bot)
    # deep in the seed's longest paragraph: the answering sentence, not the paragraph's opening
    deep = await ask(emulator, world.member, world.general, "could ex-insurgents become tipsters?")
    assert "having ex-insurgents as tipsters will be a huge help in gathering intel on AQ." in deep.content
    assert "> …" in deep.content and "Odierno estimates that those nationalist" not in deep.content
    assert "-# paragraph 8" in deep.content and f"/{thread.id}" in deep.content
    # a paraphrase sharing no content word with the answer
    paraphrase = await ask(emulator, world.member, world.general, "can the go-betweens actually stop the fighting?")
    assert "self-declared insurgent interlocutors actually have the power to stop attacks" in paraphrase.content
    # misspelt
    misspelt = await ask(emulator, world.member, world.general, "whats the deal w the mahdi armey")
    assert "how much of the Mahdi Army Sadr controls" in misspelt.content
    # the article cannot answer: said so, nothing quoted
    unknown = await ask(emulator, world.member, world.general, "what's the recipe for the best banana bread?")
    assert "couldn't find anything" in unknown.content and "\n>" not in unknown.content


async def test_what_people_are_saying_digest(emulator: Emulator, world: World, bot: DiscussionBot):
    thread = await post(emulator, world, options="Protection | Money | Nothing")
    question = question_of(emulator, thread)
    for i, answer in enumerate((1, 1, 2)):
        emulator.vote(emulator.add_member(world.guild, f"voter{i}"), question, answer)
    alice, bob, carol = (emulator.add_member(world.guild, name) for name in ("alice", "bob", "carol"))
    point = emulator.send_message(alice, thread, "They want protection from the Shiite militias, plain and simple.")
    other = emulator.send_message(bob, thread, "Money and a seat at the table, I'd guess.")
    for who, text in (
        (bob, "Agreed, protection first."),
        (carol, "Protection, and money later."),
        (world.member, "Yes."),
    ):
        emulator.send_message(who, thread, text, reply_to=point)
    emulator.send_message(carol, thread, "Maybe both.", reply_to=other)
    rude = emulator.send_message(carol, thread, "what a load of bullshit, all of it")
    emulator.send_message(bob, thread, "ha, exactly", reply_to=rude)
    doomed = emulator.send_message(carol, thread, "Nothing, they will walk away from it.")
    for who in (alice, bob, world.member, world.admin):
        emulator.send_message(who, thread, "No way.", reply_to=doomed)
    await eventually(lambda: rude.deleted)
    await eventually(lambda: replied_to(bot, thread.id, doomed.id))  # its four replies are recorded
    emulator.delete_message(world.owner, doomed)  # a moderator removes it after the replies came
    await eventually(lambda: forgotten(bot, thread.id, doomed.id))
    await eventually(lambda: forgotten(bot, thread.id, rude.id))  # moderated away
    await eventually(lambda: bot.poll_votes.writer.committed >= 3)

    digest = await ask(emulator, world.member, thread, "what are people saying?")
    text = digest.content
    assert text.startswith("**What people are saying about")
    assert "Where the vote stands" in text and "3 voters" in text and "Protection" in text
    assert f"/{thread.id}/{question.id})" in text  # the vote, linked
    lines = text.splitlines()
    top = next(i for i, line in enumerate(lines) if "They want protection" in line)
    assert "3 replies" in lines[top] and f"/{thread.id}/{point.id})" in lines[top]
    assert "Money and a seat" in lines[top + 1] and "1 reply" in lines[top + 1]
    assert "bullshit" not in text and "walk away" not in text  # moderated away, never shown
