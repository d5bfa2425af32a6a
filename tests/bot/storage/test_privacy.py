"""Forgetting a member keeps their cases, pseudonymised, without their words (on both engines)."""

from __future__ import annotations

from bot.storage import Database
from bot.storage import discussion as discussion_store
from bot.storage import moderation as mod_store
from bot.storage import review as review_store
from bot.storage.privacy import FORMER_MEMBER, REMOVED_TEXT, WORDS_REMOVED, forget

GUILD, MEMBER, MODERATOR, OTHER = 10, 20, 30, 40


async def test_forgetting_keeps_cases_and_rules_but_not_the_members_words(db: Database):
    async def case(**fields) -> mod_store.Case:  # type: ignore[no-untyped-def]
        return await mod_store.open_case(db, guild_id=GUILD, member_id=MEMBER, **fields)

    filtered = await case(
        moderator_id=None, rule="rule 1", action="hold", reason="rule 1: 'my phone is 555'. Matches", excerpt="x"
    )
    escalated = await case(moderator_id=None, rule="escalation", action="timeout", reason="3 active warnings")
    noted = await case(moderator_id=MODERATOR, rule=None, action="note", reason=f"<@{MEMBER}> was rude")
    other = await mod_store.open_case(
        db,
        guild_id=GUILD,
        member_id=OTHER,
        moderator_id=None,
        rule="profanity",
        action="delete",
        reason="profanity: 'x'",
    )
    message = review_store.ReviewedMessage(GUILD, 1, 2, MEMBER, "quillon", None, "call me, my phone is 555")
    await review_store.add_held(db, message, reason="rule 1: 'my phone is 555'.", case_number=filtered.number)
    await discussion_store.record_replies(
        db, [discussion_store.ReplyEdge(5, 3, GUILD, 4, MEMBER, "what the member said")]
    )

    report = await forget(db, MEMBER)

    reasons = {
        r["number"]: r["reason"]
        for r in await db.fetch_all("SELECT number, reason FROM mod_cases WHERE guild_id = ?", (GUILD,))
    }
    assert reasons == {
        filtered.number: f"rule 1: {WORDS_REMOVED}",  # a filter's words: the member's
        escalated.number: "3 active warnings",  # quotes nothing
        noted.number: f"@{FORMER_MEMBER} was rude",  # a moderator's words stay, the mention goes
        other.number: "profanity: 'x'",  # someone else's case is untouched
    }
    [item] = await db.fetch_all("SELECT author_name, content, reason FROM review_items")
    assert (item["author_name"], item["content"], item["reason"]) == (FORMER_MEMBER, REMOVED_TEXT, WORDS_REMOVED)
    assert await discussion_store.top_points(db, 3) == []
    assert await db.fetch_value("SELECT COUNT(*) FROM thread_replies") == 0  # with the point it answered
    assert report.removed["messages others replied to (the thread digest)"] == 1
