"""Each server's moderation engine: the default rules and its own, compiled once (off the event loop)
and kept while the rules stay the same. One engine per server: its flood and repeat history must see
every message. Rules that cannot run are left out, never the whole set, and the mod log is told."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence

import discord

from bot.background import run_in_background
from bot.config_cache import ConfigCache
from bot.formatting import escape_markdown, shorten
from bot.moderation.defaults import default_rules
from bot.moderation.engine import MessageFacts, ModerationEngine
from bot.moderation.rules import Action
from bot.moderation.server_rules import ServerRule, server_rules
from bot.responses import NO_PINGS
from bot.storage import moderation as mod_store
from bot.storage.database import Database
from bot.storage.moderation import StoredRule

log = logging.getLogger(__name__)

_DISCORD_EPOCH_SECONDS = discord.utils.DISCORD_EPOCH / 1000


def as_server_rules(stored: Sequence[StoredRule]) -> list[ServerRule]:
    """The stored rows as the engine reads them."""
    return [ServerRule(r.id, r.kind, r.value, r.mode, r.action) for r in stored]


def blocks_by_default() -> Callable[[str], bool]:
    """Whether the default rules would remove a text (delete or worse): for what the bot repeats
    itself, such as the chat's quotes, whatever a server's own rules say."""
    engine = ModerationEngine(default_rules())
    return lambda text: engine.check(MessageFacts(text), remember=False).action >= Action.DELETE


def message_facts(message: discord.Message, engine: ModerationEngine) -> MessageFacts:
    # mentions parsed from the payload already (raw_mentions would scan the text again)
    mentions = len(message.mentions) + len(message.role_mentions)
    return author_facts(message.author, message.content, mentions, engine)


def author_facts(member: discord.abc.User, text: str, mentions: int, engine: ModerationEngine) -> MessageFacts:
    if not engine.needs_ages:  # most servers have no newcomer limits: no clock or date work
        return MessageFacts(text, member.id, mentions, None, None, time.monotonic())
    now = time.time()
    joined = member.joined_at if isinstance(member, discord.Member) else None
    return MessageFacts(
        text,
        member.id,
        mentions,
        (now - _DISCORD_EPOCH_SECONDS - (member.id >> 22) / 1000) / 86400,
        (now - joined.timestamp()) / 60 if joined else None,
        time.monotonic(),
    )


class EngineCache:
    def __init__(self, db: Database, client: discord.Client, *, configs: ConfigCache) -> None:
        self.db = db
        self.client = client
        self.configs = configs  # the mod-log channel, for rules that cannot run
        self._engines: dict[int, ModerationEngine] = {}
        self._building: dict[int, asyncio.Task[ModerationEngine]] = {}
        self._reported: dict[int, tuple[str, ...]] = {}  # rule problems already told to the mod log

    def cached(self, guild_id: int) -> ModerationEngine | None:
        """The server's engine if it is built (from its first message on): for the per-message path."""
        return self._engines.get(guild_id)

    async def engine(self, guild_id: int) -> ModerationEngine:
        """The server's engine, built on first use."""
        engine = self._engines.get(guild_id)
        if engine is not None:
            return engine
        # Messages arriving together wait for one build, and all wake when it is done.
        building = self._building.get(guild_id)
        if building is None:
            building = self._building[guild_id] = asyncio.create_task(self._build(guild_id))
        return await asyncio.shield(building)

    async def _build(self, guild_id: int) -> ModerationEngine:
        current = asyncio.current_task()
        try:
            rules = server_rules(as_server_rules(await mod_store.rules_of(self.db, guild_id)))
            # thousands of listed words take seconds to compile: off the event loop
            engine = await asyncio.to_thread(ModerationEngine, rules)
        finally:
            latest = self._building.get(guild_id) is current
            if latest:
                del self._building[guild_id]
        if latest:  # not if the rules changed while this was reading them
            self._engines[guild_id] = engine
            if engine.problems:  # told apart: the messages waiting for this engine need not wait for it
                run_in_background(self._report_problems(guild_id, engine), name=f"rule-problems-{guild_id}")
        return engine

    def rules_changed(self, guild_id: int) -> None:
        self._engines.pop(guild_id, None)
        self._building.pop(guild_id, None)

    def adopt(self, guild_id: int, engine: ModerationEngine, *, replacing: ModerationEngine) -> None:
        """A rule was added: `engine` is `replacing` with it (compiled from it, so the server's
        rules are not compiled again). If the server's engine changed meanwhile (another rule,
        a rebuild), it is dropped instead and the next message builds one from the database."""
        if self._engines.get(guild_id) is replacing and guild_id not in self._building:
            self._engines[guild_id] = engine
            if engine.problems:
                run_in_background(self._report_problems(guild_id, engine), name=f"rule-problems-{guild_id}")
        else:
            self.rules_changed(guild_id)

    def forget_member(self, user_id: int) -> None:
        """A member asked to be forgotten: every server's filter drops their recent history."""
        for engine in self._engines.values():
            engine.forget_member(user_id)

    async def _report_problems(self, guild_id: int, engine: ModerationEngine) -> None:
        """Say which rules are left out in the mod log, once for each set of problems (the engine is
        rebuilt whenever the rules change)."""
        described = tuple(problem.describe() for problem in engine.problems)
        if self._reported.get(guild_id) == described:
            return
        self._reported[guild_id] = described
        log.warning("Server %s: %d moderation rules are not running: %s", guild_id, len(described), described[:5])
        guild = self.client.get_guild(guild_id)
        config = await self.configs.get(guild_id)
        channel_id = config.channel("mod_log_channel")
        channel = guild.get_channel(channel_id) if guild is not None and channel_id else None
        if not isinstance(channel, discord.TextChannel):
            return
        embed = discord.Embed(
            title=f"{len(described)} moderation rule{'s are' if len(described) != 1 else ' is'} not running",
            description=shorten(
                "\n".join(f"• {escape_markdown(line)}" for line in described)
                + "\n\nThe default rules and every other rule are running. Remove or shorten these with "
                "`/automod rule remove`.",
                4000,
            ),
            colour=discord.Colour.orange(),
        )
        try:
            await channel.send(embed=embed, allowed_mentions=NO_PINGS)
        except discord.HTTPException as error:
            log.warning("Could not tell the mod log of server %s about rules not running: %s", guild_id, error)
