"""Member text the bot reposts (suggested answers, report reasons) is screened by the server's rules
before it is posted: blocked text is refused with the reason, nothing is posted, and a case opens."""

from __future__ import annotations

import re

from bot.client import DiscussionBot
from bot.storage import moderation as mod_store
from bot.storage import posts as post_store
from bot.storage import votes as vote_store
from discord_emulator import Channel, Emulator, InteractionHandle, Member, Message
from tests.harness import World, eventually, question_of

SLUG = "odierno-ceasefire"


async def answer_discussion(emulator: Emulator, world: World) -> Message:
    """An answer-mode discussion (no poll options) with a mod-log channel; its exit question."""
    setup = emulator.run_command(world.admin, world.general, "config set", setting="mod_log_channel", value="mod-log")
    await setup.wait_message()
    handle = emulator.run_command(world.admin, world.general, "article post", article=SLUG, channel=world.forum)
    assert "Posted" in (await handle.wait_message(timeout=10)).content
    return question_of(emulator, emulator.threads_of(world.forum)[-1])


async def suggest(emulator: Emulator, who: Member, question: Message, text: str) -> InteractionHandle:
    opened = emulator.click(who, question, question.components[0]["components"][0]["custom_id"])
    modal = await opened.wait_response()
    [field] = [c["components"][0]["custom_id"] for c in modal["data"]["components"]]
    return emulator.submit_modal(opened, {field: text})


def answer_cards(emulator: Emulator, thread: Channel) -> list[Message]:
    return [m for m in emulator.history(thread) if m.content.startswith("**Suggested answer**")]


def mod_log_cases(emulator: Emulator, world: World) -> list[dict]:  # type: ignore[type-arg]
    return [m.embeds[0] for m in emulator.history(world.mod_log) if m.embeds and "Case" in m.embeds[0]["title"]]


async def test_a_suggested_answer_with_a_listed_word_is_refused_and_opens_a_case(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    question = await answer_discussion(emulator, world)
    thread = emulator.channels[question.channel_id]
    added = emulator.run_command(world.admin, world.general, "automod rule add", kind="keyword", value="pineapple")
    assert "added" in (await added.wait_message()).content
    refused = await suggest(emulator, world.member, question, "More PINEAPPLE for the tribes")
    reply = await refused.wait_message()
    assert refused.ephemeral and "not posted" in reply.content and "pineapple" in reply.content.lower()
    assert "rule 1" in reply.content  # the server's own rule, from the server's engine
    await bot.answer_board.wait_idle()
    assert not answer_cards(emulator, thread)
    assert not any("PINEAPPLE" in m.content for m in emulator.history(thread))
    assert "PINEAPPLE" not in str(question.embeds)  # nor on the top-answers board
    post = await post_store.post_by_question_message(bot.db, question.id)
    assert await vote_store.top_exit_answers(bot.db, post.id, 10) == []
    [case] = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
    assert case.rule == "rule 1" and case.excerpt == "More PINEAPPLE for the tribes" and case.channel_id == thread.id
    logged = await eventually(lambda: mod_log_cases(emulator, world))
    assert logged[0]["title"] == f"Case {case.number} · {case.action}" and "suggested answer" in str(logged[0])
    # a clean answer still goes through
    fine = await suggest(emulator, world.member, question, "Protection from the militias")
    assert "Your answer is posted" in (await fine.wait_message()).content
    assert len(answer_cards(emulator, thread)) == 1


async def test_a_suggested_answer_with_an_invite_link_is_refused_and_opens_a_case(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    question = await answer_discussion(emulator, world)
    thread = emulator.channels[question.channel_id]
    refused = await suggest(emulator, world.member, question, "Join us at discord.gg/ceasefire-talk")
    reply = await refused.wait_message()
    assert refused.ephemeral and "not posted" in reply.content and "invite" in reply.content.lower()
    await bot.answer_board.wait_idle()
    assert not answer_cards(emulator, thread)
    assert "discord.gg" not in str(question.embeds)
    assert not any(m.webhook_id for m in emulator.history(thread))  # not held for a later repost either
    [case] = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
    assert case.rule == "invite links" and case.excerpt == "Join us at discord.gg/ceasefire-talk"
    await eventually(lambda: any(f"Case {case.number}" in e["title"] for e in mod_log_cases(emulator, world)))


async def test_a_report_reason_with_a_listed_word_is_refused_and_no_card_is_posted(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    question = await answer_discussion(emulator, world)
    thread = emulator.channels[question.channel_id]
    rude = emulator.send_message(world.member, thread, "You are all wrong about this.")
    reporter = emulator.add_member(world.guild, "rita")
    opened = emulator.message_command(reporter, rude, "Report message")
    modal = await opened.wait_response()
    field = modal["data"]["components"][0]["components"][0]["custom_id"]
    refused = emulator.submit_modal(opened, {field: "what a load of bullshit"})
    reply = await refused.wait_message()
    assert refused.ephemeral and "not sent" in reply.content and "bullshit" in reply.content.lower()
    assert not any(m.components for m in emulator.history(world.mod_log))  # no report card
    [case] = await mod_store.cases_of_member(bot.db, world.guild.id, reporter.user.id)
    assert case.rule == "profanity" and case.excerpt == "what a load of bullshit"
    await eventually(lambda: any("report reason" in str(e) for e in mod_log_cases(emulator, world)))
    # a clean reason files the report
    opened = emulator.message_command(reporter, rude, "Report message")
    await opened.wait_response()
    thanks = await emulator.submit_modal(opened, {field: "dismissive"}).wait_message()
    assert "anonymous" in thanks.content
    card = await eventually(lambda: next((m for m in emulator.history(world.mod_log) if m.components), None))
    assert "dismissive" in str(card.embeds[0]["fields"])


async def test_reposted_text_gets_the_rules_action_as_a_message_would(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    question = await answer_discussion(emulator, world)
    thread = emulator.channels[question.channel_id]
    for value, action in (("tangerine", "timeout"), ("grapefruit", "warn")):
        added = emulator.run_command(
            world.admin, world.general, "automod rule add", kind="keyword", value=value, action=action
        )
        assert "added" in (await added.wait_message()).content
    # a warning lets the text through, as it leaves a message in place, and says so
    warned_member = emulator.add_member(world.guild, "gus")
    warned = await suggest(emulator, warned_member, question, "grapefruit for the negotiators")
    reply = (await warned.wait_message()).content
    assert "Your answer is posted" in reply and "this is a warning" in reply
    [case] = await mod_store.cases_of_member(bot.db, world.guild.id, warned_member.user.id)
    assert case.action == "warn" and case.rule == "rule 2"
    # a timeout refuses the text and times the member out
    refused = await suggest(emulator, world.member, question, "tangerine for the negotiators")
    reply = (await refused.wait_message()).content
    assert "not posted" in reply and "timed out" in reply
    assert emulator.guilds[world.guild.id].members[world.member.user.id].communication_disabled_until is not None
    [case] = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
    assert case.action == "timeout" and case.rule == "rule 1"
    # the filters skip moderators' text as they skip their messages (bot.permissions.is_filter_exempt)
    exempt = await suggest(emulator, world.admin, question, "tangerine, and no bullshit")
    assert "Your answer is posted" in (await exempt.wait_message()).content
    await bot.answer_board.wait_idle()
    assert [m.content.rsplit(">>> ", 1)[1] for m in answer_cards(emulator, thread)] == [
        "grapefruit for the negotiators",
        "tangerine, and no bullshit",
    ]
    assert await mod_store.cases_of_member(bot.db, world.guild.id, world.admin.user.id) == []


# [words](address): a link under words, other than the bot's own jump links to the discussion
MASKED = re.compile(r"(?<!\\)\[[^\]\n]*(?<!\\)\]\(\s*<?https?://(?!discord\.com/channels/)")


async def test_a_masked_link_in_a_suggested_answer_shows_as_written(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    """`[free nitro](https://evil.example)` in an answer rendered as a link under the member's words,
    on the answer card, the top-answers board and the results."""
    question = await answer_discussion(emulator, world)
    thread = emulator.channels[question.channel_id]
    posted = await suggest(emulator, world.member, question, "Claim [free nitro](https://evil.example) here")
    assert "posted" in (await posted.wait_message()).content
    [card] = await eventually(lambda: answer_cards(emulator, thread))
    await bot.answer_board.wait_idle()
    assert "\\[free nitro\\](https://evil.example)" in card.content
    results = emulator.run_command(world.member, world.general, "vote results", article=SLUG)
    results_embeds = (await results.wait_message()).embeds
    shown = [card.content, *map(embed_text, question.embeds), *map(embed_text, results_embeds)]
    assert "free nitro" in " ".join(shown[1:])  # on the board and in the results
    # (inside a code block, as the results' lines are, nothing is markdown)
    rendered = [re.sub(r"```.*?```", "", text, flags=re.S) for text in shown]
    assert not any(MASKED.search(text) for text in rendered), rendered


def embed_text(embed: dict) -> str:  # type: ignore[type-arg]
    fields = " ".join(f"{f['name']} {f['value']}" for f in embed.get("fields", []))
    return f"{embed.get('title', '')} {embed.get('description', '')} {fields}"
