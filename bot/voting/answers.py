"""Answer mode: members suggest answers to the exit question and upvote each other's.

Every change is stored first; the thread's messages follow. The "Top answers" message is
refreshed after changes, with bursts of votes coalesced into one edit.
"""

from __future__ import annotations

import asyncio
import logging

import discord

from bot.enforcement.enforcer import Enforcer
from bot.enums import VoteMode
from bot.errors import UserFacingError
from bot.responses import NO_PINGS
from bot.storage import posts as post_store
from bot.storage import votes as vote_store
from bot.storage.database import Database
from bot.storage.posts import PostRecord
from bot.voting.components import suggest_view, upvote_view
from bot.voting.embeds import answer_card_text, top_answers_embed

log = logging.getLogger(__name__)

ANSWER_MIN, ANSWER_MAX = 2, 300
TOP_ANSWERS = 10


def clean_answer(text: str) -> str:
    cleaned = " ".join(text.split())
    if len(cleaned) < ANSWER_MIN:
        raise UserFacingError("That answer is empty. Write a few words and try again.")
    if len(cleaned) > ANSWER_MAX:
        raise UserFacingError(f"Answers can be at most {ANSWER_MAX} characters; yours has {len(cleaned)}.")
    return cleaned


class AnswerBoard:
    """Answer-mode actions and the coalescing refresh of each post's "Top answers" message."""

    def __init__(self, db: Database, client: discord.Client, *, enforcer: Enforcer) -> None:
        self.db = db
        self.client = client
        self.enforcer = enforcer  # screens a suggested answer by the server's rules
        self._dirty: set[int] = set()
        self._refreshing: dict[int, asyncio.Task[None]] = {}

    async def open_post(self, post_id: int) -> PostRecord:
        post = await post_store.get_post(self.db, post_id)
        if post is None or post.vote_mode != VoteMode.ANSWERS:
            raise UserFacingError("This discussion no longer exists.")
        if not post.is_open:
            raise UserFacingError("Answering is closed for this discussion.")
        return post

    async def suggest(
        self, post: PostRecord, author: discord.abc.User, text: str, *, exempt: bool
    ) -> tuple[discord.Message, str]:
        """Screen the answer by the server's rules (`exempt`: the author is one the filters skip),
        store it, post its card in the thread, refresh the top answers. Returns the card and a note
        for the author ("" unless the filters had something to say). An answer the rules block
        raises TextRefused (a UserFacingError) and nothing is stored or posted."""
        cleaned = clean_answer(text)
        guild = self.client.get_guild(post.guild_id)
        if guild is None:
            raise UserFacingError("I can't reach this server right now; try again in a moment.")
        note = await self.enforcer.screen_text(
            guild,
            author,
            cleaned,
            exempt=exempt,
            what="suggested answer",
            refusal="Your answer was not posted",
            channel_id=post.thread_id,
        )
        existing = await vote_store.find_exit_answer(self.db, post.id, cleaned)
        if existing is not None:
            link = f"https://discord.com/channels/{post.guild_id}/{post.thread_id}/{existing.message_id}"
            raise UserFacingError(f"That answer is already there: upvote it instead. {link}")
        answer = await vote_store.add_exit_answer(self.db, post.id, author.id, cleaned)
        thread = await self._thread(post)
        card = await thread.send(
            answer_card_text(answer),
            view=upvote_view(answer.id, 0),
            allowed_mentions=NO_PINGS,
            nonce=f"a{answer.id}",
        )
        await vote_store.record_exit_answer_message(self.db, answer.id, card.id)
        self.schedule_refresh(post.id)
        return card, note

    async def upvote(self, answer_id: int, user_id: int) -> tuple[bool, int, PostRecord]:
        answer = await vote_store.get_exit_answer(self.db, answer_id)
        if answer is None:
            raise UserFacingError("That answer no longer exists.")
        post = await self.open_post(answer.post_id)
        voted, count = await vote_store.toggle_exit_answer_vote(self.db, answer_id, user_id)
        self.schedule_refresh(post.id)
        return voted, count, post

    async def cards_deleted(self, message_ids: list[int]) -> None:
        """Messages were deleted: an answer whose card was among them is removed (Discord lets a
        moderator delete the card; the answer then leaves the top answers, the results and the digest)."""
        for post_id in await vote_store.remove_exit_answers_by_card(self.db, message_ids):
            log.info("An answer card of post %s was deleted: the answer is removed", post_id)
            self.schedule_refresh(post_id)

    async def _thread(self, post: PostRecord) -> discord.Thread:
        assert post.thread_id is not None
        channel = self.client.get_channel(post.thread_id) or await self.client.fetch_channel(post.thread_id)
        if not isinstance(channel, discord.Thread):
            raise UserFacingError("The discussion thread is gone.")
        return channel

    # -- the "Top answers" message -------------------------------------------------------------
    def schedule_refresh(self, post_id: int) -> None:
        self._dirty.add(post_id)
        task = self._refreshing.get(post_id)
        if task is None or task.done():
            self._refreshing[post_id] = asyncio.create_task(self._refresh_loop(post_id))

    async def wait_idle(self) -> None:
        """Wait until every scheduled refresh has been sent (tests and shutdown)."""
        while tasks := [t for t in self._refreshing.values() if not t.done()]:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _refresh_loop(self, post_id: int) -> None:
        while post_id in self._dirty:
            self._dirty.discard(post_id)
            try:
                await self.refresh(post_id)
            except discord.HTTPException:
                log.warning("Could not refresh the top answers of post %s", post_id, exc_info=True)
            except Exception:
                log.exception("Refreshing the top answers of post %s failed", post_id)

    async def render(self, post: PostRecord, *, is_open: bool | None = None) -> discord.Embed:
        answers = await vote_store.top_exit_answers(self.db, post.id, TOP_ANSWERS)
        total, voters = await vote_store.exit_answer_stats(self.db, post.id)
        assert post.thread_id is not None
        is_open = post.is_open if is_open is None else is_open
        return top_answers_embed(
            answers, total=total, voters=voters, is_open=is_open, guild_id=post.guild_id, thread_id=post.thread_id
        )

    async def refresh(self, post_id: int) -> None:
        post = await post_store.get_post(self.db, post_id)
        if post is None or post.question_message_id is None or post.thread_id is None:
            return
        thread = await self._thread(post)
        view = suggest_view(post.id, enabled=post.is_open)
        await thread.get_partial_message(post.question_message_id).edit(
            embed=await self.render(post), view=view, allowed_mentions=NO_PINGS
        )
