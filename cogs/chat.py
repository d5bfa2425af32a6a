"""Members talk to the bot: a mention, a reply to one of its messages, any message in a chat channel,
or a DM. It answers from the articles, their updates and votes, quoting and linking, never pinging."""

from __future__ import annotations

import collections
import logging
import time
from collections.abc import Awaitable

import discord
from discord.ext import commands

from bot.chat import replies
from bot.chat.service import ChatRequest
from bot.client import DiscussionBot
from bot.discussion_sight import DiscussionSights
from bot.guild_config import GuildConfig
from bot.message_pipeline import CHAT
from bot.permissions import is_admin, is_editor, is_moderator
from bot.responses import APOLOGY, REPLY_MENTIONS
from bot.standing import message_standing

log = logging.getLogger(__name__)


class Chat(commands.Cog):
    """Answers members' questions about the articles in plain words."""

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot
        self.service = bot.chat
        self.limiter = bot.chat.limiter
        self.replies = bot.reply_recorder  # who answers whom in the threads, for the digest
        self._removed: collections.deque[int] = collections.deque(maxlen=5000)
        # The chat's own answers (ids), newest kept: a reply to one is a follow-up question. In memory,
        # as the conversation's context is (5 minutes): after a restart, members mention the bot.
        self._answers = RecentIds(20_000)
        self.memberships = Memberships(bot)  # in a DM: the servers the member shares with the bot
        self.sights = DiscussionSights(bot)  # who may hear about which discussion

    def _addressed(self, message: discord.Message, config: GuildConfig) -> bool:
        """Whether a server message is for the bot: it mentions the bot (or the role Discord gave
        it, which members pick from the @ list as often as the bot itself), replies to one of its
        chat answers, or was sent in a chat channel (or a thread under one). Asked of every
        message: cheapest first.

        The mention is read from the text: a reply lists the author it answers among its mentions
        (Discord's reply ping), and a reply to the article, an update, the exit question or a
        mod-log line is the members' conversation about it, not a question to the bot."""
        me = self.bot.user
        content = message.content
        if me is not None and "<@" in content:
            if f"<@{me.id}>" in content or f"<@!{me.id}>" in content:
                return True
            role = message.guild.self_role if message.guild is not None and "<@&" in content else None
            if role is not None and f"<@&{role.id}>" in content:
                return True
        reference = message.reference
        if reference is not None and reference.message_id in self._answers:
            return True
        channel = message.channel
        return config.is_chat_channel(channel.id, channel.parent_id if isinstance(channel, discord.Thread) else None)

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        self._removed.append(payload.message_id)
        self.replies.deleted(payload.message_id)

    @commands.Cog.listener()
    async def on_raw_bulk_message_delete(self, payload: discord.RawBulkMessageDeleteEvent) -> None:
        for message_id in payload.message_ids:
            self._removed.append(message_id)
            self.replies.deleted(message_id)

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        # The digest quotes what a message says now: an edit that changed the text replaces the copy
        # (an edit the filters refuse removes the message, which forgets it).
        content = payload.data.get("content")
        author = payload.data.get("author")
        if isinstance(author, dict) and author.get("bot"):
            return  # the bot's own messages (the top answers, the live blog) are never quoted
        channel = self.bot.get_channel(payload.channel_id)
        in_thread = channel is None or isinstance(channel, discord.Thread)  # not cached: maybe a thread
        if payload.guild_id is not None and in_thread and isinstance(content, str):
            self.replies.edited(payload.message_id, payload.channel_id, content)

    @commands.Cog.listener()
    async def on_raw_thread_delete(self, payload: discord.RawThreadDeleteEvent) -> None:
        self.replies.thread_deleted(payload.thread_id)

    async def cog_load(self) -> None:
        self.bot.message_pipeline.add(self.answer, order=CHAT)

    async def cog_unload(self) -> None:
        self.bot.message_pipeline.remove(self.answer)

    def _note_reply(self, message: discord.Message, channel: discord.Thread) -> None:
        """A member answering another member in a thread: remembered for the thread's digest."""
        reference = message.reference
        if reference is None:
            return
        # Discord sends the message replied to; otherwise it may be in the client's cache.
        parent = reference.resolved if isinstance(reference.resolved, discord.Message) else reference.cached_message
        if not isinstance(parent, discord.Message) or parent.author.bot or parent.author.id == message.author.id:
            return
        self.replies.note(
            message.id,
            channel.id,
            message.guild.id if message.guild else None,
            parent.id,
            parent.author.id,
            parent.content,
        )

    def answer(self, message: discord.Message) -> Awaitable[bool] | None:
        """A stage of every message (see bot.message_pipeline), after moderation. Most messages are
        not for the bot, which it tells without awaiting anything; the work it returns answers a
        question (or refuses it for asking too often) and says True."""
        guild = message.guild
        if guild is None:  # a DM: every message is for the bot
            return self._answer(message)
        if message.reference is not None and isinstance(message.channel, discord.Thread):
            self._note_reply(message, message.channel)  # queued; moderation has passed it
        config = self.bot.cached_guild_config(guild.id)
        if config is None:
            return self._answer_after_loading(message, guild.id)
        return self._answer(message) if self._addressed(message, config) else None

    async def _answer_after_loading(self, message: discord.Message, guild_id: int) -> bool:
        config = await self.bot.configs.get(guild_id)
        return self._addressed(message, config) and await self._answer(message)

    async def _answer(self, message: discord.Message) -> bool:
        if (await self.bot.get_context(message)).valid:
            return False  # a command, handled by its command
        if not self.limiter.allow(message.author.id):
            self.bot.metrics.chat_answers.labels("slowed_down").inc()
            if self.limiter.should_warn(message.author.id):
                await self._reply(message, replies.RATE_LIMITED)
            return True
        editor = moderator = admin = False  # in a DM the asker has no level
        shared: tuple[int, ...] = ()
        if message.guild is None:
            shared = await self.memberships.of(message.author.id)
        else:
            config = await self.bot.configs.get(message.guild.id)
            standing = message_standing(message)
            editor, moderator, admin = (check(standing, config) for check in (is_editor, is_moderator, is_admin))
        request = ChatRequest(
            text=message.content,
            user_id=message.author.id,
            channel_id=message.channel.id,
            guild_id=message.guild.id if message.guild else None,
            thread_id=message.channel.id if isinstance(message.channel, discord.Thread) else None,
            is_editor=editor,
            is_moderator=moderator,
            is_admin=admin,
            member_guild_ids=shared,
            may_discuss=self.sights.for_message(message),
        )
        started = time.perf_counter()
        try:
            text = await self.service.answer(request)
        except Exception:
            log.exception("Answering message %s failed", message.id)
            text = APOLOGY
            self.bot.metrics.chat_answers.labels("failed").inc()
        else:
            self.bot.metrics.chat_answers.labels("answered").inc()
        self.bot.metrics.chat_latency.observe(time.perf_counter() - started)
        if message.id in self._removed:
            return True  # removed (by a moderator) while I was thinking: no answer
        await self._reply(message, text)
        return True

    async def _reply(self, message: discord.Message, text: str) -> None:
        try:
            sent = await message.reply(text, allowed_mentions=REPLY_MENTIONS)
        except discord.HTTPException as error:
            # 50035 with an unknown reference: the message was removed meanwhile.
            log.info("Could not answer message %s: %s", message.id, error)
        else:
            self._answers.add(sent.id)


class RecentIds:
    """The last `size` ids added, for membership tests in constant time."""

    def __init__(self, size: int) -> None:
        self._order: collections.deque[int] = collections.deque()
        self._ids: set[int] = set()
        self.size = size

    def add(self, item: int) -> None:
        if item in self._ids:
            return
        self._order.append(item)
        self._ids.add(item)
        if len(self._order) > self.size:
            self._ids.discard(self._order.popleft())

    def __contains__(self, item: object) -> bool:
        return item in self._ids


class Memberships:
    """The servers a member shares with the bot, for a DM: a DM may speak of these servers'
    discussions only. From the member cache, else asked of Discord (a few servers at most per
    DM, remembered for a while); a server that cannot be checked counts as not shared.

    DMs arrive on shard 0 only, so with several shard processes the one that answers them is not
    connected to most servers: the servers come from the database too (those with discussions), and
    membership there is asked of Discord over REST, never read from another process's cache."""

    REMEMBER_SECONDS = 600.0
    LOOKUPS_PER_DM = 10
    SERVERS_SECONDS = 60.0  # how long the list of servers with discussions is reused

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot
        self._known: dict[tuple[int, int], tuple[bool, float]] = {}  # (guild, user) -> (member, until)
        self._servers: tuple[list[int], float] = ([], 0.0)

    async def _stored_servers(self, now: float) -> list[int]:
        servers, until = self._servers
        if until <= now:
            servers = await self.bot.publisher.guilds_with_posts()
            self._servers = (servers, now + self.SERVERS_SECONDS)
        return servers

    async def of(self, user_id: int) -> tuple[int, ...]:
        now = time.monotonic()
        shared: list[int] = []
        unknown: list[int] = []
        connected = [guild.id for guild in self.bot.guilds]
        others = [g for g in await self._stored_servers(now) if self.bot.get_guild(g) is None]
        for guild_id in connected + others:
            guild = self.bot.get_guild(guild_id)
            if guild is not None and guild.get_member(user_id) is not None:
                shared.append(guild_id)
                continue
            known = self._known.get((guild_id, user_id))
            if known is not None and known[1] > now:
                if known[0]:
                    shared.append(guild_id)
            else:
                unknown.append(guild_id)
        for guild_id in unknown[: self.LOOKUPS_PER_DM]:
            try:
                await self.bot.http.get_member(guild_id, user_id)  # REST: any server, connected or not
                member = True
            except discord.NotFound:
                member = False
            except discord.HTTPException as error:
                log.info("Could not check whether %s is in server %s: %s", user_id, guild_id, error)
                continue  # not shared, this time
            if len(self._known) > 50_000:
                self._known.clear()
            self._known[(guild_id, user_id)] = (member, now + self.REMEMBER_SECONDS)
            if member:
                shared.append(guild_id)
        return tuple(shared)


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Chat(bot))
