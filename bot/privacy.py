"""Members' data: the policy in plain words, and forgetting a member everywhere the bot keeps them.

The README's "Privacy" section says the same as POLICY_LINES; /privacy shows these lines.
"""

from __future__ import annotations

import logging

import discord

from bot.chat.service import ChatService
from bot.config_cache import ConfigCache
from bot.enforcement.engines import EngineCache
from bot.enforcement.review import ReviewQueue
from bot.responses import NO_PINGS
from bot.storage import posts as post_store
from bot.storage import privacy as privacy_store
from bot.storage import review as review_store
from bot.storage import votes as vote_store
from bot.storage.database import Database
from bot.storage.privacy import FORMER_MEMBER, ForgetReport, StoredCount
from bot.voting.answers import AnswerBoard
from bot.voting.components import upvote_view
from bot.voting.embeds import answer_card_text

log = logging.getLogger(__name__)


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
        configs: ConfigCache,
    ) -> None:
        self.db = db
        self.client = client
        self.engines = engines  # flood and repeat history
        self.chat = chat  # the article a member was asking about, how fast they asked
        self.answer_board = answer_board  # boards that showed their answers or upvotes
        self.review_queue = review_queue  # cards that showed their held or reported messages
        self.configs = configs  # each server's mod-log channel, whose lines named them

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
            await self._redraw_review_card(item_id)
        for guild_id, message_id in report.case_log_messages:
            await self._clear_log_line(guild_id, message_id, user_id)
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

    async def _redraw_review_card(self, item_id: int) -> None:
        """The card shows "a former member" and no text (the item was rewritten so in the database)."""
        item = await review_store.get_item(self.db, item_id)
        if item is None or item.card_channel_id is None or item.card_message_id is None:
            return
        guild = self.client.get_guild(item.guild_id)
        channel = guild.get_channel(item.card_channel_id) if guild is not None else None
        if not isinstance(channel, discord.TextChannel):
            return
        try:
            await channel.get_partial_message(item.card_message_id).edit(
                embed=self.review_queue.card_embed(item), allowed_mentions=NO_PINGS
            )
        except (discord.NotFound, discord.Forbidden):
            pass  # gone, or out of reach: nothing of theirs is left to edit
        except discord.HTTPException as error:
            log.warning("Could not redraw review card of item %s after a deletion request: %s", item_id, error)

    async def _clear_log_line(self, guild_id: int, message_id: int, user_id: int) -> None:
        """A case's mod-log line loses the copy of the message ("Message"), what the filter quoted
        from it ("Why") and the member's mention; the rule, the action and the case number stay."""
        channel_id = (await self.configs.get(guild_id)).channel("mod_log_channel")
        guild = self.client.get_guild(guild_id)
        channel = guild.get_channel(channel_id) if guild is not None and channel_id else None
        if not isinstance(channel, discord.TextChannel):
            return
        try:
            message = await channel.fetch_message(message_id)
            if not message.embeds:
                return
            embed = message.embeds[0]
            kept = [f for f in embed.fields if f.name not in ("Message", "Why")]
            embed.clear_fields()
            for f in kept:
                embed.add_field(name=f.name, value=f.value, inline=f.inline)
            for mention in (f"<@{user_id}>", f"<@!{user_id}>"):
                embed.description = (embed.description or "").replace(mention, FORMER_MEMBER.capitalize())
            await message.edit(embeds=[embed, *message.embeds[1:]], allowed_mentions=NO_PINGS)
        except (discord.NotFound, discord.Forbidden):
            pass
        except discord.HTTPException as error:
            log.warning("Could not clear the mod-log line %s after a deletion request: %s", message_id, error)
