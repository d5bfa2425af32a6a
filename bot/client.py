"""The Discord client shell: storage, extensions and command sync around a `commands.Bot`."""

from __future__ import annotations

import asyncio
import gc
import hashlib
import importlib.util
import json
import logging
import pkgutil
import time
from collections.abc import Awaitable, Callable
from typing import Any, NoReturn

import discord
from discord.ext import commands

from bot.articles.library import ArticleLibrary
from bot.command_tree import LoggingCommandTree
from bot.enforcement.enforcer import Enforcer
from bot.enforcement.review import ReviewButton, ReviewQueue
from bot.guild_config import GuildConfig, defaults_from
from bot.message_pipeline import MessagePipeline
from bot.metrics import BotMetrics
from bot.metrics.rest import rest_trace
from bot.moderation.toxicity import ToxicityScorer, model_installed
from bot.operations import Operations
from bot.publishing.publisher import Publisher
from bot.settings import Settings
from bot.storage import Database
from bot.storage.guild_config import load_guild_config, reset_guild_config, set_guild_config
from bot.storage.meta import get_meta, set_meta
from bot.storage.posts import post_thread_ids
from bot.storage.timed import TimedDatabase
from bot.token_guard import guard_outgoing
from bot.updates.delivery import DeliveryWorker
from bot.updates.live_blog import LiveBlog
from bot.voting.answers import AnswerBoard
from bot.voting.components import DYNAMIC_ITEMS
from bot.voting.poll_votes import PollVotes
from bot.voting.results import Closer

log = logging.getLogger(__name__)

EXTENSIONS_PACKAGE = "cogs"
SHUTDOWN_STEP_SECONDS = 10
GC_YOUNG_THRESHOLD = 50_000


def bot_intents() -> discord.Intents:
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.message_content = True  # privileged: enable it in the Developer Portal
    intents.members = True  # privileged: new-member rules and member lookups
    intents.guild_polls = True  # MESSAGE_POLL_VOTE_ADD/REMOVE
    intents.dm_messages = True  # members may chat with the bot in DMs
    return intents


class DiscussionBot(commands.Bot):
    """Opens storage, applies migrations, loads every extension in `cogs/` and syncs commands."""

    def __init__(self, settings: Settings) -> None:
        metrics = BotMetrics()
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=bot_intents(),
            # Nothing the bot sends may ping unless a call asks for it explicitly.
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            guild_ready_timeout=settings.guild_ready_timeout,
            chunk_guilds_at_startup=False,
            http_trace=rest_trace(metrics),  # REST requests and 429s by route, for /metrics
            tree_cls=LoggingCommandTree,
        )
        self.metrics = metrics
        self.settings = settings
        self.started_at = time.monotonic()
        self.failed_extensions: dict[str, str] = {}
        self._db: Database | None = None
        self._config_defaults = defaults_from(settings)
        self._config_cache: dict[int, GuildConfig] = {}
        # Threads that hold an article's discussion: moderated, and looked up on every message.
        self.post_threads: set[int] = set()
        self.library = ArticleLibrary(settings.seeds_dir)
        self.publisher = Publisher(self)
        self.answer_board = AnswerBoard(self)
        self.closer = Closer(self)
        self.delivery = DeliveryWorker(self)
        self.live_blog = LiveBlog(self)
        self.enforcer = Enforcer(self)
        self.review_queue = ReviewQueue(self)
        self.message_pipeline = MessagePipeline()
        self._message_tasks: set[asyncio.Task[None]] = set()
        # The optional toxicity model (loaded on first use, in a thread): None when not installed.
        self.toxicity: ToxicityScorer | None = ToxicityScorer() if model_installed() else None
        self._poll_votes: PollVotes | None = None
        self.operations = Operations(self)
        self._shutdown: asyncio.Future[None] | None = None  # the one run of close(), however often it is called

    @property
    def db(self) -> Database:
        if self._db is None:
            raise RuntimeError("storage is not open yet (setup_hook has not run)")
        return self._db

    @property
    def poll_votes(self) -> PollVotes:
        if self._poll_votes is None:
            raise RuntimeError("storage is not open yet (setup_hook has not run)")
        return self._poll_votes

    async def setup_hook(self) -> None:
        if self.http.token:  # before any task starts: they inherit the guarded webhook adapter
            guard_outgoing(self.http, self.http.token)
        m = self.metrics
        self._db = await TimedDatabase.open_timed(
            self.settings.database(), read=m.db_read, write=m.db_write, lock_wait=m.db_write_wait
        )
        await self._db.migrate()
        await self.operations.start()  # metrics and health before connecting: a supervisor sees the start
        self.post_threads = await post_thread_ids(self._db)
        await self.library.refresh()  # the seeds folder, read in a thread (the seeds watcher keeps it current)
        self._poll_votes = PollVotes(self)
        await self._poll_votes.start()
        # Buttons whose ids live in custom_id keep working across restarts.
        self.add_dynamic_items(*DYNAMIC_ITEMS, ReviewButton)
        await self.load_all_extensions()
        await self.sync_commands()

    async def load_all_extensions(self) -> None:
        # Extensions are found by package name: bot/ never imports cogs/ directly.
        spec = importlib.util.find_spec(EXTENSIONS_PACKAGE)
        locations = list(spec.submodule_search_locations or []) if spec else []
        for module in sorted(pkgutil.iter_modules(locations, prefix=f"{EXTENSIONS_PACKAGE}.")):
            if module.name.rsplit(".", 1)[-1].startswith("_"):
                continue
            try:
                await self.load_extension(module.name)
            except Exception as error:  # one broken cog must not take the others down
                self.failed_extensions[module.name] = f"{type(error).__name__}: {error}"
                log.exception("Could not load extension %s", module.name)
            else:
                log.debug("Loaded extension %s", module.name)

    async def sync_commands(self) -> None:
        """Sync slash commands when their definition changed since the last sync.

        With DEV_GUILD_ID set, commands go to that server only (instant); otherwise globally.
        Unchanged trees are not re-sent, which keeps restarts cheap on Discord's limits.
        """
        guild = discord.Object(self.settings.dev_guild_id) if self.settings.dev_guild_id else None
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
        payload = [command.to_dict(self.tree) for command in self.tree.get_commands(guild=guild)]
        digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
        key = f"commands_hash:{guild.id if guild else 'global'}:{self.application_id}"
        if await get_meta(self.db, key) == digest:
            log.info("Slash commands unchanged; not syncing")
            return
        synced = await self.tree.sync(guild=guild)
        await set_meta(self.db, key, digest)
        log.info("Synced %d slash commands %s", len(synced), f"to guild {guild.id}" if guild else "globally")

    def cached_guild_config(self, guild_id: int) -> GuildConfig | None:
        """The server's settings if they are in memory (always, after its first message): for the
        per-message path, which must not await."""
        return self._config_cache.get(guild_id)

    async def guild_config(self, guild_id: int) -> GuildConfig:
        """The server's settings, from memory after the first read (every message needs them)."""
        config = self._config_cache.get(guild_id)
        if config is None:
            config = await load_guild_config(self.db, guild_id, self._config_defaults)
            self._config_cache[guild_id] = config
        return config

    async def set_config(self, guild_id: int, key: str, value: Any, updated_by: int | None) -> None:
        await set_guild_config(self.db, guild_id, key, value, updated_by)
        self._config_cache.pop(guild_id, None)

    async def reset_config(self, guild_id: int, key: str) -> bool:
        removed = await reset_guild_config(self.db, guild_id, key)
        self._config_cache.pop(guild_id, None)
        return removed

    @property
    def on_message(self) -> NoReturn:
        """The bot has none, on purpose: discord.py makes a task per message for an `on_message`,
        and commands.Bot's would parse every message for a text command. Messages take the pipeline
        instead (see `dispatch`); finding no `on_message`, discord.py skips that step."""
        raise AttributeError("on_message")

    def dispatch(self, event_name: str, /, *args: Any, **kwargs: Any) -> None:
        if event_name == "socket_event_type":  # every gateway event: counted for /metrics
            events = self.metrics.gateway_events
            events[args[0]] = events.get(args[0], 0) + 1
            if not self.extra_events.get("on_socket_event_type") and not self._listeners.get("socket_event_type"):
                return
        elif event_name == "message":
            try:
                self._route_message(args[0])
            except Exception:  # inside discord.py's gateway handler: a bug here must not drop the connection
                log.exception("Routing message %s failed", args[0].id)
            # All discord.py would do besides: wake wait_for("message") callers and run listeners
            # added with Cog.listener() or bot.listen(). Most of the time there are none.
            if not self.extra_events.get("on_message") and not self._listeners.get("message"):
                return
        super().dispatch(event_name, *args, **kwargs)

    def _route_message(self, message: discord.Message) -> None:
        """Every message: the cogs' stages in order (moderation first), then text commands, if the
        bot has any (its own commands are all slash commands: parsing every message for a prefix
        would be work for nothing).

        The stages run here, as the message arrives, and only a message with work to do gets a task."""
        if message.webhook_id is not None or message.author.bot:
            return
        rest = self.message_pipeline.begin(message)
        if rest is None and not self.all_commands:
            return
        task = asyncio.create_task(self._finish_message(message, rest), name=f"message {message.id}")
        self._message_tasks.add(task)
        task.add_done_callback(self._message_tasks.discard)

    async def _finish_message(self, message: discord.Message, rest: Awaitable[bool] | None) -> None:
        if rest is not None and await rest:
            return
        if self.all_commands:
            await self.process_commands(message)

    async def on_ready(self) -> None:
        assert self.user is not None
        # What exists now (modules, tables, the article index, the caches READY filled) lives as
        # long as the process: leave it out of every later garbage collection, which would
        # otherwise walk all of it again and again while messages arrive.
        gc.collect()
        gc.freeze()
        # A message leaves a few objects behind (the message cache, member histories): at Python's
        # default, a young-generation collection every few hundred messages walks them all again.
        # Collecting young objects every ~50,000 allocations instead costs a pause of a few ms now
        # and then, and far less CPU in all (benchmarks/moderation_cpu.py).
        gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
        log.info("Ready as %s (%s) in %d servers", self.user, self.user.id, len(self.guilds))

    async def close(self) -> None:
        """Stop once. discord.py's close() can be called several times at once on one stop (Ctrl-C's
        handler, SIGTERM's, then the exit of `async with bot`): every call waits for the same
        shutdown instead of running the steps again alongside it."""
        if self._shutdown is None:
            self._shutdown = asyncio.ensure_future(self._shut_down())
        await asyncio.shield(self._shutdown)

    async def _shut_down(self) -> None:
        """Finish what is in flight (while the HTTP session is still open), then disconnect. Each
        step has a time limit: a stop must not hang on one stuck send; what it leaves, the outbox
        and the next start pick up."""
        steps: list[tuple[str, Callable[[], Awaitable[None]]]] = [
            ("the delivery worker", self.delivery.stop),
            ("the answer boards", self.answer_board.wait_idle),
            ("the live blogs", self.live_blog.wait_idle),
        ]
        if self.toxicity is not None:
            steps.append(("the toxicity scorer", self.toxicity.close))
        try:
            for name, step in steps:
                try:
                    await asyncio.wait_for(step(), SHUTDOWN_STEP_SECONDS)
                except TimeoutError:
                    log.warning("Stopping: %s did not finish within %d s; going on", name, SHUTDOWN_STEP_SECONDS)
            await super().close()
        finally:
            # Bounded too: a task cancelled in the middle of a database call may not finish cancelling
            # until its connection is closed (asyncpg), which closing the database below does.
            last: list[tuple[str, Callable[[], Awaitable[None]]]] = [("the operations tasks", self.operations.stop)]
            if self._poll_votes is not None:
                last.append(("the vote writer", self._poll_votes.stop))
            for name, step in last:
                try:
                    await asyncio.wait_for(step(), SHUTDOWN_STEP_SECONDS)
                except TimeoutError:
                    log.warning("Stopping: %s did not finish within %d s; going on", name, SHUTDOWN_STEP_SECONDS)
            if self._db is not None:
                await self._db.close()
