"""Members' data: the policy in plain words, and forgetting a member everywhere the bot keeps them.

The README's "Privacy" section says the same as POLICY_LINES; /privacy shows these lines.
"""

from __future__ import annotations

import logging

import discord

from bot.chat.service import ChatService
from bot.enforcement.cases import CaseLog
from bot.enforcement.engines import EngineCache
from bot.enforcement.review import ReviewQueue
from bot.responses import NO_PINGS
from bot.storage import posts as post_store
from bot.storage import privacy as privacy_store
from bot.storage import votes as vote_store
from bot.storage.database import Database
from bot.storage.privacy import FORMER_MEMBER, ForgetReport, StoredCount
from bot.voting.answers import AnswerBoard
from bot.voting.components import upvote_view
from bot.voting.embeds import answer_card_text

log = logging.getLogger(__name__)
# What a mod-log line quoted of a message: the copy of it, and what the filter matched in it.
LINE_QUOTES = frozenset({"Message", "Why"})


def policy_lines(retention_days: int) -> list[str]:
    return [
        "**Votes, suggested answers, upvotes and reports**: kept while the discussion is kept, until you "
        "ask for them to be deleted.",
        "**Moderation cases** about you: kept for the server's safety. A copy of the message a case is "
        f"about is removed after {retention_days} days; if you ask for deletion, the case stays under a "
        "pseudonym that cannot be traced back to you.",
        "**Chat**: the article you were asking about, in memory for 5 minutes; never written to disk.",
        "**Thread digest**: a short copy of your messages others replied to in a discussion, quoted when "
        "someone asks what people are saying; it follows your edits, goes with the message or thread, "
        "and when you ask for deletion (your older messages are not copied again).",
        "**Filters**: when you last wrote and a hash of your last few messages (for flood and repeat "
        "rules), in memory for minutes.",
        "The bot does not keep your messages otherwise, and never sells or shares anything.",
    ]


def summary_lines(counts: list[StoredCount]) -> list[str]:
    if not counts:
        return ["Nothing stored about you right now."]
    return [f"• {c.what}: {c.count}" for c in counts]


def forget_lines(report: ForgetReport) -> list[str]:
    pseudonymised = {c.what for c in privacy_store.MEMBER_COLUMNS if c.forget == "pseudonym"}
    removed = [f"• {what}: {n}" for what, n in sorted(report.removed.items()) if what not in pseudonymised]
    kept = [f"• {what}: {n}" for what, n in sorted(report.removed.items()) if what in pseudonymised]
    lines = (
        ["Removed:", *removed]
        if removed
        else ["Nothing to remove: the bot kept no votes, answers or reports of yours."]
    )
    if kept:
        lines += ["Kept for the server's safety, under a pseudonym that cannot be traced back to you:", *kept]
    if report.poll_posts:
        lines.append(
            f"Your vote in {len(report.poll_posts)} Discord poll(s) is held by Discord itself: the bot's copy is "
            "gone, but to withdraw the vote, remove it in the poll (or the bot copies it again when it next "
            "reads the poll)."
        )
    return lines


class MemberData:
    """What the bot keeps about a member: summed up, and forgotten at their request everywhere it is
    kept (the database, the filters' and the chat's memory, the answer cards in the threads)."""

    def __init__(
        self,
        db: Database,
        client: discord.Client,
        *,
        engines: EngineCache,
        chat: ChatService,
        answer_board: AnswerBoard,
        review_queue: ReviewQueue,
        cases: CaseLog,
    ) -> None:
        self.db = db
        self.client = client
        self.engines = engines  # flood and repeat history
        self.chat = chat  # the article a member was asking about, how fast they asked
        self.answer_board = answer_board  # boards that showed their answers or upvotes
        self.review_queue = review_queue  # cards that showed their held or reported messages
        self.cases = cases  # the mod log's lines, which named them

    async def summary(self, user_id: int) -> list[StoredCount]:
        return await privacy_store.summary(self.db, user_id)

    async def forget(self, user_id: int) -> ForgetReport:
        """Delete or pseudonymise what the database holds about the member, drop what memory holds,
        and redraw the answer boards and cards that showed their answers or upvotes."""
        report = await privacy_store.forget(self.db, user_id)
        self.engines.forget_member(user_id)
        self.chat.forget_member(user_id)
        for post_id in report.answer_posts:
            self.answer_board.schedule_refresh(post_id)
        for answer_id in report.answers:
            await self._redraw_answer_card(answer_id)
        # The bot's own copies in Discord go as well: review cards, and the mod log's lines.
        for item_id in report.review_cards:
            await self.review_queue.redraw_card(item_id)
        for guild_id, message_id in report.case_log_messages:
            await self.cases.strip_line(
                guild_id, message_id, fields=LINE_QUOTES, renamed=(user_id, FORMER_MEMBER.capitalize())
            )
        log.info("Forgot a member at their request: %d row(s) changed", report.total)
        return report

    async def _redraw_answer_card(self, answer_id: int) -> None:
        """The answer's card in the thread loses the member's name and text (its upvotes stay)."""
        answer = await vote_store.get_exit_answer(self.db, answer_id)
        post = await post_store.get_post(self.db, answer.post_id) if answer else None
        if answer is None or answer.message_id is None or post is None or post.thread_id is None:
            return
        try:
            thread = self.client.get_channel(post.thread_id) or await self.client.fetch_channel(post.thread_id)
            if isinstance(thread, discord.Thread):
                await thread.get_partial_message(answer.message_id).edit(
                    content=answer_card_text(answer),
                    view=upvote_view(answer.id, answer.votes),
                    allowed_mentions=NO_PINGS,
                )
        except discord.HTTPException as error:
            log.warning("Could not redraw the card of answer %s after a deletion request: %s", answer_id, error)
