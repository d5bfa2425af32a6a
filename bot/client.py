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

import aiohttp
import discord
from discord.ext import commands

from bot.articles.library import ArticleLibrary
from bot.background import run_in_background
from bot.chat.discussion import ReplyRecorder
from bot.chat.service import ChatService
from bot.command_tree import LoggingCommandTree
from bot.config_cache import ConfigCache
from bot.enforcement.actions import ModeratorActions
from bot.enforcement.cases import CaseLog
from bot.enforcement.enforcer import Enforcer
from bot.enforcement.engines import EngineCache, blocks_by_default
from bot.enforcement.review import ReviewQueue
from bot.enforcement.rule_book import RuleBook
from bot.enforcement.sanctions import Sanctions
from bot.enforcement.screening import Screening
from bot.feeds.fetch import feed_session
from bot.feeds.poller import FeedPoller
from bot.guild_config import GuildConfig, defaults_from
from bot.leases import Leases, process_name
from bot.message_pipeline import MessagePipeline
from bot.metrics import BotMetrics
from bot.metrics.rest import rest_trace
from bot.moderation.toxicity import ToxicityScorer, model_installed
from bot.operations import Operations
from bot.privacy import MemberData
from bot.publishing.auto_post import AutoPoster
from bot.publishing.deleted_threads import DeletedThreads
from bot.publishing.publisher import Publisher
from bot.rest_budget import limit_rest
from bot.retention import Retention
from bot.settings import Settings
from bot.sharding import Ownership
from bot.storage import Database
from bot.storage.leases import pace_identify
from bot.storage.meta import get_meta, set_meta
from bot.storage.posts import post_thread_ids
from bot.storage.timed import TimedDatabase
from bot.token_guard import guard_outgoing
from bot.updates.delivery import DeliveryWorker
from bot.updates.editor import UpdateEditor
from bot.updates.live_blog import LiveBlog
from bot.updates.seed_sync import SeedSync, SeedWatcher
from bot.voting.answers import AnswerBoard
from bot.voting.poll_votes import PollVotes
from bot.voting.results import VoteResults

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


def shard_options(settings: Settings) -> dict[str, Any]:
    """What the client is told about shards: nothing when unsharded (it connects as one, as before)."""
    if settings.shard_count == 1:
        return {}
    return {"shard_count": settings.shard_count, "shard_ids": settings.ownership().sorted_ids()}


def claimant_for(ownership: Ownership) -> str:
    """This process's name on the outbox rows it claims: "main" unsharded (as always), else its shards."""
    if not ownership.sharded:
        return "main"
    return "shards-" + "-".join(map(str, ownership.sorted_ids())) + f"-of-{ownership.count}"


class DiscussionBot(commands.Bot):
    """Opens storage, applies migrations, builds the services once, loads every extension in `cogs/`
    and syncs commands.

    The services are built in `setup_hook`, when the database is open, each given what it uses
    (the database, the Discord client, the one feed session, the article library, the other
    services it calls) rather than the whole bot. The cogs reach them as attributes of the bot."""

    # Built by setup_hook (see _build_services), in this order.
    configs: ConfigCache
    # The per-message path reads a server's settings from memory through the cache's own method, so
    # it makes no more calls than when the cache lived on the bot.
    cached_guild_config: Callable[[int], GuildConfig | None]
    engines: EngineCache
    cases: CaseLog
    sanctions: Sanctions
    review_queue: ReviewQueue
    enforcer: Enforcer
    screening: Screening
    rule_book: RuleBook
    mod_actions: ModeratorActions
    answer_board: AnswerBoard
    live_blog: LiveBlog
    delivery: DeliveryWorker
    poll_votes: PollVotes
    publisher: Publisher
    vote_results: VoteResults
    update_editor: UpdateEditor
    feeds: FeedPoller
    seed_watcher: SeedWatcher
    leases: Leases
    auto_poster: AutoPoster
    chat: ChatService
    reply_recorder: ReplyRecorder
    member_data: MemberData
    operations: Operations

    def __init__(self, settings: Settings) -> None:
        metrics = BotMetrics()
        trace = rest_trace(metrics)  # REST requests and 429s by route, for /metrics
        share = settings.rest_share()
        if share is not None:  # this process's part of the global limit, before each request
            limit_rest(trace, share, lambda: discord.http.Route.BASE)
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=bot_intents(),
            # Nothing the bot sends may ping unless a call asks for it explicitly.
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            guild_ready_timeout=settings.guild_ready_timeout,
            chunk_guilds_at_startup=False,
            http_trace=trace,
            tree_cls=LoggingCommandTree,
            **shard_options(settings),
        )
        self.metrics = metrics
        self.settings = settings
        self.ownership = settings.ownership()  # the servers whose work this process does
        self.started_at = time.monotonic()
        self.failed_extensions: dict[str, str] = {}
        self._db: Database | None = None
        self._feed_session: aiohttp.ClientSession | None = None
        self._services_built = False
        self._after_ready: list[asyncio.Task[None]] = []
        # Threads that hold an article's discussion: moderated, and looked up on every message.
        self.post_threads: set[int] = set()
        self.library = ArticleLibrary(settings.seeds_dir)
        self.message_pipeline = MessagePipeline()
        self._message_tasks: set[asyncio.Task[None]] = set()
        # The optional toxicity model (loaded on first use, in a thread): None when not installed.
        self.toxicity: ToxicityScorer | None = ToxicityScorer() if model_installed() else None
        self._max_concurrency: int | None = None  # Discord's login buckets, asked once (sharded)
        self._login_slots: set[asyncio.Task[None]] = set()  # held for the interval after each IDENTIFY
        self._shutdown: asyncio.Future[None] | None = None  # the one run of close(), however often it is called

    @property
    def db(self) -> Database:
        if self._db is None:
            raise RuntimeError("storage is not open yet (setup_hook has not run)")
        return self._db

    async def setup_hook(self) -> None:
        if self.http.token:  # before any task starts: they inherit the guarded webhook adapter
            guard_outgoing(self.http, self.http.token)
        m = self.metrics
        self._db = await TimedDatabase.open_timed(
            self.settings.database(), read=m.db_read, write=m.db_write, lock_wait=m.db_write_wait
        )
        await self._db.migrate()
        self._build_services(self._db)
        await self.operations.start()  # metrics and health before connecting: a supervisor sees the start
        self.post_threads.update(await post_thread_ids(self._db))
        await self.library.refresh()  # the seeds folder, read in a thread (the seeds watcher keeps it current)
        await self.feeds.load_articles()  # feed articles are in the database: findable again after a restart
        await self.poll_votes.start()
        self.reply_recorder.start()
        self._after_ready = [run_in_background(self._when_ready(self.delivery.start), name="start-update-delivery")]
        if self.settings.chat_models:
            self._after_ready.append(
                run_in_background(self._when_ready(self.chat.load_models), name="load-chat-models")
            )
        else:
            self.chat.models_ready.set()  # CHAT_MODELS=false: the chat matches words only
        await self.load_all_extensions()
        await self.sync_commands()

    def _build_services(self, db: Database) -> None:
        """Every service, once, with the collaborators it uses. The order is the order of need."""
        settings = self.settings
        self.configs = ConfigCache(db, defaults_from(settings))
        self.cached_guild_config = self.configs.cached
        # moderation: the engines, cases, warnings and timeouts, the review queue, and what uses them
        self.engines = EngineCache(db, self, configs=self.configs)
        self.cases = CaseLog(db, self, configs=self.configs, metrics=self.metrics)
        self.sanctions = Sanctions(configs=self.configs, cases=self.cases)
        self.review_queue = ReviewQueue(db, self, configs=self.configs, cases=self.cases, sanctions=self.sanctions)
        self.enforcer = Enforcer(
            engines=self.engines, cases=self.cases, sanctions=self.sanctions, review=self.review_queue
        )
        self.screening = Screening(
            self,
            configs=self.configs,
            engines=self.engines,
            enforcer=self.enforcer,
            cases=self.cases,
            post_threads=self.post_threads,
            metrics=self.metrics,
            toxicity=self.toxicity,
        )
        self.rule_book = RuleBook(db, engines=self.engines)
        self.mod_actions = ModeratorActions(cases=self.cases, sanctions=self.sanctions)
        self.answer_board = AnswerBoard(db, self, enforcer=self.enforcer)
        self.live_blog = LiveBlog(db, self, library=self.library)
        # Shard processes share the outbox: each claims under its own name (the same after a restart,
        # so it takes back what a crash of its previous run left) and only its servers' rows.
        ownership = self.ownership
        self.deleted_threads = DeletedThreads(db, self, post_threads=self.post_threads)
        self.delivery = DeliveryWorker(
            db,
            self,
            live_blog=self.live_blog,
            thread_gone=self.deleted_threads.thread_deleted,
            metrics=self.metrics,
            claimant=claimant_for(ownership),
            ownership=ownership,
        )
        self.poll_votes = PollVotes(db, self, ownership=ownership)
        self.publisher = Publisher(
            db,
            self,
            configs=self.configs,
            post_threads=self.post_threads,
            poll_votes=self.poll_votes,
            answer_board=self.answer_board,
            wake_delivery=self.delivery.wake,
        )
        self.vote_results = VoteResults(
            db, self, poll_votes=self.poll_votes, answer_board=self.answer_board, ownership=ownership
        )
        self.update_editor = UpdateEditor(db, wake_delivery=self.delivery.wake)
        # Work of no server (the seeds folder, each feed): one live process at a time, under a lease.
        self.leases = Leases(
            db,
            holder=process_name(claimant_for(ownership)),
            seconds=settings.lease_seconds,
            shared=ownership.sharded,
        )
        self.auto_poster = AutoPoster(db, self, library=self.library, configs=self.configs, publisher=self.publisher)
        # The bot's one HTTP session for what it fetches itself: it checks every address it connects to,
        # unless the operator allows private ones.
        self._feed_session = feed_session(allow_private=settings.feed_allow_private)
        self.feeds = FeedPoller(
            db,
            self,
            self._feed_session,
            interval=settings.feed_poll_seconds,
            library=self.library,
            configs=self.configs,
            publisher=self.publisher,
            wake_delivery=self.delivery.wake,
            metrics=self.metrics,
            concurrency=settings.feed_concurrency,
            per_server=settings.feeds_per_server,
            new_per_check=settings.feed_new_per_check,
            leases=self.leases,
            ownership=ownership,
        )
        sync = SeedSync(
            db,
            settings.seeds_dir,
            settle_seconds=settings.seed_poll_seconds * 0.9,
            on_new_article=self.auto_poster.queue,
        )
        self.seed_watcher = SeedWatcher(
            self.library,
            sync,
            wake_delivery=self.delivery.wake,
            hold_lease=self.leases.hold,
            post_queued=self.auto_poster.post_queued,
        )
        # The chat never repeats text the default filters would remove (a passage, an answer, an update).
        self.chat = ChatService(db, self.library, is_blocked=blocks_by_default())
        self.reply_recorder = ReplyRecorder(db)
        self.member_data = MemberData(
            db,
            self,
            engines=self.engines,
            chat=self.chat,
            answer_board=self.answer_board,
            review_queue=self.review_queue,
            cases=self.cases,
        )
        retention = Retention(
            db,
            self,
            days=settings.retention_days,
            metrics=self.metrics,
            review_queue=self.review_queue,
            cases=self.cases,
            ownership=ownership,
        )
        self.operations = Operations(settings, self.metrics, db, self, retention=retention, hold_lease=self.leases.hold)
        self._services_built = True

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Logins of shard processes stay within Discord's pace (one IDENTIFY per max_concurrency bucket
        every IDENTIFY_INTERVAL_SECONDS, 1,000 a day) however many processes start at once: on PostgreSQL
        each login holds its bucket's lock from before its IDENTIFY until the interval after it.
        Otherwise as discord.py does it: the process waits between its own shards."""
        interval = self.settings.identify_interval_seconds
        if not self.ownership.sharded or self.db.dialect != "postgresql":
            if not initial:
                await asyncio.sleep(interval)
            return
        if self._max_concurrency is None:
            _, _, limits = await self.http.get_bot_gateway()
            self._max_concurrency = max(1, int(limits.get("max_concurrency", 1)))
        bucket = (shard_id or 0) % self._max_concurrency
        slot = await pace_identify(self.db, bucket, interval)
        self._login_slots.add(slot)
        slot.add_done_callback(self._login_slot_done)
        log.info("Identifying shard %s (login bucket %d of %d)", shard_id, bucket, self._max_concurrency)

    def _login_slot_done(self, slot: asyncio.Task[None]) -> None:
        self._login_slots.discard(slot)
        if not slot.cancelled() and slot.exception() is not None:  # the lock went with its connection
            log.warning("Letting go of a login slot failed: %s", slot.exception())

    async def _login_slots_ended(self) -> None:
        await asyncio.gather(*self._login_slots, return_exceptions=True)

    async def _when_ready(self, work: Callable[[], Awaitable[None]]) -> None:
        """`work` once connected: the update outbox is sent when its threads can be reached, and the
        chat's models load once connecting, syncing commands and reconciling votes are done (parsing
        them holds the interpreter for a while)."""
        await self.wait_until_ready()
        await work()

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

    def messages_in_flight(self) -> int:
        """Messages whose stages are still at work (for tests, which wait for none)."""
        return len(self._message_tasks)

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
        steps: list[tuple[str, Callable[[], Awaitable[None]]]] = []
        for starting in self._after_ready:
            starting.cancel()  # stopped before it was ready, or while the models load
        if self._services_built:
            steps += [
                ("the delivery worker", self.delivery.stop),
                ("the answer boards", self.answer_board.wait_idle),
                ("the live blogs", self.live_blog.wait_idle),
                ("the reply recorder", self.reply_recorder.stop),
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
            last: list[tuple[str, Callable[[], Awaitable[None]]]] = []
            if self._services_built:
                last += [
                    ("the operations tasks", self.operations.stop),
                    ("the vote writer", self.poll_votes.stop),
                    ("the leases", self.leases.stop),
                ]
            # A login's slot is kept to the end of its interval even when stopping: another process
            # logging in at once would be too soon after this process's last IDENTIFY.
            last.append(("the login slots", self._login_slots_ended))
            for name, step in last:
                try:
                    await asyncio.wait_for(step(), SHUTDOWN_STEP_SECONDS)
                except TimeoutError:
                    log.warning("Stopping: %s did not finish within %d s; going on", name, SHUTDOWN_STEP_SECONDS)
            if self._feed_session is not None:
                await self._feed_session.close()
            if self._db is not None:
                await self._db.close()


class ShardedDiscussionBot(DiscussionBot, commands.AutoShardedBot):
    """The same bot connecting several shards (SHARD_COUNT > 1): discord.py's AutoShardedClient comes
    before Client in the method order, so it runs the shards; everything of the bot's own is shared."""


def new_bot(settings: Settings) -> DiscussionBot:
    """The client for these settings: sharded only when SHARD_COUNT says so."""
    return ShardedDiscussionBot(settings) if settings.shard_count > 1 else DiscussionBot(settings)


# What every command, button and form of this bot receives: `interaction.client` is the bot, typed.
BotInteraction = discord.Interaction[DiscussionBot]
