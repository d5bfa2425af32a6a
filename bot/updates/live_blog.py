"""The live-blog view: the article's first message lists its updates (time, first words, jump link).

Refreshes are coalesced per post, so a burst of updates costs one edit.
"""

from __future__ import annotations

import asyncio
import logging

import discord

from bot.articles.library import ArticleLibrary
from bot.articles.render import LIVE_BLOG_LIMIT, render_article
from bot.formatting import escape_markdown
from bot.publishing.embeds import to_embed
from bot.responses import NO_PINGS
from bot.storage import posts as post_store
from bot.storage import updates as update_store
from bot.storage.database import Database
from bot.storage.updates import UpdateRecord
from bot.updates.text import first_words

log = logging.getLogger(__name__)

TITLE = "Live updates"


def live_blog_embed(
    updates: list[tuple[UpdateRecord, int | None]], *, guild_id: int, thread_id: int, limit: int = LIVE_BLOG_LIMIT
) -> discord.Embed | None:
    """Newest first; as many lines as fit in `limit` characters, then a count of the older ones."""
    shown = [(u, m) for u, m in updates if not u.retracted]
    if not shown:
        return None
    lines: list[str] = []
    used = len(TITLE) + 40  # the footer
    for update, message_id in reversed(shown):
        stamp = f"<t:{int(update.created_at.timestamp())}:t>"
        link = f" [↗](https://discord.com/channels/{guild_id}/{thread_id}/{message_id})" if message_id else ""
        line = f"{stamp} **{escape_markdown(update.label)}** · {escape_markdown(first_words(update.text, 80))}{link}"
        if used + len(line) + 1 > limit:
            break
        lines.append(line)
        used += len(line) + 1
    hidden = len(shown) - len(lines)
    embed = discord.Embed(title=TITLE, description="\n".join(lines), colour=discord.Colour.orange())
    footer = f"{len(shown)} update{'s' if len(shown) != 1 else ''} · newest first"
    if hidden:
        footer += f" · {hidden} older not shown"
    embed.set_footer(text=footer)
    return embed


class LiveBlog:
    def __init__(self, db: Database, client: discord.Client, *, library: ArticleLibrary) -> None:
        self.db = db
        self.client = client
        self.library = library  # the article, to redraw its first message
        self._dirty: set[int] = set()
        self._tasks: dict[int, asyncio.Task[None]] = {}

    def schedule(self, post_id: int) -> None:
        self._dirty.add(post_id)
        task = self._tasks.get(post_id)
        if task is None or task.done():
            self._tasks[post_id] = asyncio.create_task(self._loop(post_id))

    async def wait_idle(self) -> None:
        while tasks := [t for t in self._tasks.values() if not t.done()]:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _loop(self, post_id: int) -> None:
        while post_id in self._dirty:
            self._dirty.discard(post_id)
            try:
                await self.refresh(post_id)
            except discord.HTTPException as error:
                log.warning("Could not refresh the live blog of post %s: %s", post_id, error)
            except Exception:
                log.exception("Refreshing the live blog of post %s failed", post_id)

    async def _first_message_channel(
        self, channel_id: int, thread_id: int
    ) -> discord.Thread | discord.TextChannel | None:
        """Where the article's first message is, told by the type of channel it was posted in (its id
        says nothing: a thread started from a message has that message's id, so a forum post's
        starter and a text channel's article message both share their thread's id). In a forum or
        media channel it opens the post, inside the thread; in a text channel it is the message in
        the channel that the thread was started from."""
        parent = self.client.get_channel(channel_id) or await self.client.fetch_channel(channel_id)
        if isinstance(parent, discord.ForumChannel):  # media channels are ForumChannels too
            thread = self.client.get_channel(thread_id) or await self.client.fetch_channel(thread_id)
            return thread if isinstance(thread, discord.Thread) else None
        return parent if isinstance(parent, discord.TextChannel) else None

    async def refresh(self, post_id: int) -> None:
        post = await post_store.get_post(self.db, post_id)
        if post is None or post.thread_id is None or post.starter_message_id is None:
            return
        embed = live_blog_embed(await self._delivered(post_id), guild_id=post.guild_id, thread_id=post.thread_id)
        where = await self._first_message_channel(post.channel_id, post.thread_id)
        if where is None:
            log.warning("Post %s: its channel %s is neither a forum nor a text channel now", post_id, post.channel_id)
            return
        article = self.library.get(post.article_slug)
        if article is not None:  # render locally: no GET before every edit
            first = render_article(article)[0].embed
            assert first is not None
            embeds = [to_embed(first)]
        else:  # the file is gone: keep whatever the message shows
            message = await where.fetch_message(post.starter_message_id)
            embeds = [e for e in message.embeds if e.title != TITLE][:1]
        await where.get_partial_message(post.starter_message_id).edit(
            embeds=embeds + ([embed] if embed else []), allowed_mentions=NO_PINGS
        )

    async def _delivered(self, post_id: int) -> list[tuple[UpdateRecord, int | None]]:
        """(update, first message id) for the updates delivered to a post, oldest first."""
        jobs = await update_store.deliveries_of_post(self.db, post_id)
        return [(j.update, j.message_ids[0] if j.message_ids else None) for j in jobs if j.status == "sent"]
