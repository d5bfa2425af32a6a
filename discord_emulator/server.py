"""The emulator: a loopback Discord (REST under /api/v10 and a gateway) with a test-facing API.

emulator = Emulator()
await emulator.start()
guild = emulator.create_guild("Test server")
...point the bot at emulator.api_base_url / emulator.gateway_url with emulator.token...
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from discord_emulator import permissions as perms
from discord_emulator.actors import MemberActions
from discord_emulator.gateway import GUILD_MEMBERS, HEARTBEAT_ACK_DELAY, MESSAGE_CONTENT, Gateway, ShardingConfig
from discord_emulator.interactions import InteractionHandle
from discord_emulator.model import (
    DM,
    GUILD_FORUM,
    GUILD_TEXT,
    Channel,
    Guild,
    Member,
    Message,
    Role,
    StoredFile,
    User,
)
from discord_emulator.ratelimits import RateLimitConfig, RateLimiter
from discord_emulator.rest.app import build_app
from discord_emulator.schema import SchemaProblem, load_validator
from discord_emulator.snowflake import SnowflakeGenerator

log = logging.getLogger(__name__)

API_PREFIX = "/api/v10"


@dataclass
class RecordedRequest:
    method: str
    path: str  # without /api/v10
    route: str  # the route template, e.g. /channels/{channel_id}/messages
    body: Any
    status: int = 0
    at: float = field(default_factory=time.monotonic)


@dataclass
class Fault:
    """An injected failure: the next `times` matching requests get this response instead."""

    method: str
    route: str
    status: int
    body: dict[str, Any]
    times: int = 1
    headers: dict[str, str] = field(default_factory=dict)
    hits: int = 0

    def matches(self, method: str, route: str) -> bool:
        return self.times > 0 and self.method in (method, "*") and self.route in (route, "*")


class Emulator(MemberActions):
    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        openapi_path: str | None = None,
        rate_limits: RateLimitConfig | None = None,
        heartbeat_interval_ms: int = 41250,
        heartbeat_ack_delay: float = HEARTBEAT_ACK_DELAY,
        sharding: ShardingConfig | None = None,
        validate_schema: bool = True,
        response_delay: float = 0.0,
    ) -> None:
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the emulator only listens on loopback")
        self.host, self.port = host, port
        # Seconds each REST request takes, as over a real network (widens windows for crash tests).
        self.response_delay = response_delay
        self.ids = SnowflakeGenerator()
        self.token = f"emulator.{secrets.token_urlsafe(24)}"
        self.application_id = self.ids.next()
        self.application_flags = (1 << 19) | (1 << 15) | (1 << 23)  # the intents are enabled in the "portal"
        self.privileged_intents_enabled = GUILD_MEMBERS | MESSAGE_CONTENT | (1 << 8)
        self.bot_user = User(self.application_id, "DiscussionBot", bot=True)
        self.owner_user = User(self.ids.next(), "app-owner")
        self.users: dict[int, User] = {self.bot_user.id: self.bot_user, self.owner_user.id: self.owner_user}
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, Channel] = {}
        self.messages: dict[int, Message] = {}
        self.channel_messages: dict[int, list[int]] = {}
        self.ephemeral_messages: dict[int, list[int]] = {}  # per channel, in the order sent
        self.global_commands: dict[int, dict[str, Any]] = {}
        self.guild_commands: dict[int, dict[int, dict[str, Any]]] = {}
        self.interactions: dict[int, InteractionHandle] = {}
        self.webhooks: dict[int, dict[str, Any]] = {}
        self.files: dict[int, StoredFile] = {}  # uploaded attachments, by attachment id
        self.nonces: dict[tuple[int, int, str], tuple[int, float]] = {}
        self.requests: list[RecordedRequest] = []
        self.faults: list[Fault] = []
        self.schema_problems: list[SchemaProblem] = []
        self.internal_errors: list[str] = []  # the emulator's own bugs, hit by a request (see rest/app.py)
        self.rate_limiter = RateLimiter(rate_limits or RateLimitConfig())
        self.validator = load_validator(openapi_path) if validate_schema else None
        self.gateway = Gateway(self, heartbeat_interval_ms, heartbeat_ack_delay, sharding)
        self._runner: web.AppRunner | None = None
        # Bumped on every change a client could see (a gateway event, an ephemeral message): the
        # sandbox's web view waits on it to redraw.
        self.revision = 0
        self._changed = asyncio.Event()
        self._poll_task: asyncio.Task[None] | None = None

    # -- lifecycle -----------------------------------------------------------------------------
    async def start(self) -> Emulator:
        app = build_app(self)
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/attachments/{attachment_id}/{filename}", self._serve_file)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        self._poll_task = asyncio.create_task(self._expire_polls())
        return self

    async def _serve_file(self, request: web.Request) -> web.Response:
        """An attachment's bytes, as Discord's CDN serves them at the attachment's url."""
        stored = self.stored_file(request.match_info["attachment_id"], request.match_info["filename"])
        if stored is None:
            raise web.HTTPNotFound()
        return web.Response(body=stored.data, content_type=stored.content_type)

    def stored_file(self, attachment_id: str, filename: str) -> StoredFile | None:
        stored = self.files.get(int(attachment_id)) if attachment_id.isdigit() else None
        return stored if stored is not None and stored.filename == filename else None

    async def stop(self) -> None:
        if self._poll_task is not None:
            self._poll_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poll_task
            self._poll_task = None
        await self.gateway.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Emulator:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api_base_url(self) -> str:
        return f"{self.base_url}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://{self.host}:{self.port}/gateway"

    def client_settings(self) -> dict[str, str]:
        """The bot's settings that point it here instead of at Discord."""
        return {
            "DISCORD_TOKEN": self.token,
            "DISCORD_API_BASE_URL": self.api_base_url,
            "DISCORD_GATEWAY_URL": self.gateway_url,
        }

    # -- building the world --------------------------------------------------------------------
    def create_user(self, username: str, *, bot: bool = False) -> User:
        user = User(self.ids.next(), username, bot=bot, global_name=username.title())
        self.users[user.id] = user
        return user

    def create_guild(
        self, name: str = "Test server", *, owner: User | None = None, bot_permissions: int = perms.BOT_DEFAULT
    ) -> Guild:
        owner = owner or self.create_user("owner")
        # Each server gets a creation time of its own millisecond, as servers made at different times
        # do: servers made in one burst would otherwise all fall on one shard ((id >> 22) % count).
        guild = Guild(self.ids.next_in_new_millisecond(), name, owner.id)
        guild.roles[guild.id] = Role(guild.id, "@everyone", perms.EVERYONE_DEFAULT)
        self.guilds[guild.id] = guild
        guild.members[owner.id] = Member(owner, guild.id)
        bot_role = Role(
            self.ids.next(), self.bot_user.username, bot_permissions, position=1, managed=True, bot_id=self.bot_user.id
        )
        guild.roles[bot_role.id] = bot_role
        guild.members[self.bot_user.id] = Member(self.bot_user, guild.id, roles=[bot_role.id])
        self.guild_commands[guild.id] = {}
        return guild

    def bot_role(self, guild: Guild) -> Role:
        return next(r for r in guild.roles.values() if r.managed)

    def create_role(self, guild: Guild, name: str, permissions: int = 0) -> Role:
        role = Role(self.ids.next(), name, permissions, position=len(guild.roles))
        guild.roles[role.id] = role
        self.dispatch("GUILD_ROLE_CREATE", {"guild_id": str(guild.id), "role": role.payload()}, guild_id=guild.id)
        return role

    def add_member(
        self, guild: Guild, username: str, *, roles: list[Role] | None = None, joined_at: float | None = None
    ) -> Member:
        user = self.create_user(username)
        member = Member(
            user, guild.id, roles=[r.id for r in roles or []], joined_at=time.time() if joined_at is None else joined_at
        )
        guild.members[user.id] = member
        self.dispatch("GUILD_MEMBER_ADD", member.payload() | {"guild_id": str(guild.id)}, guild_id=guild.id)
        return member

    def create_channel(
        self, guild: Guild, name: str, *, type: int = GUILD_TEXT, overwrites: list[dict[str, Any]] | None = None
    ) -> Channel:
        channel = Channel(
            self.ids.next(), type, guild.id, name, position=len(guild.channels), permission_overwrites=overwrites or []
        )
        if type == GUILD_FORUM:
            channel.available_tags = []
        guild.channels[channel.id] = channel
        self.channels[channel.id] = channel
        self.channel_messages[channel.id] = []
        self.dispatch("CHANNEL_CREATE", channel.payload(), guild_id=guild.id)
        return channel

    def create_text_channel(self, guild: Guild, name: str, **kwargs: Any) -> Channel:
        return self.create_channel(guild, name, type=GUILD_TEXT, **kwargs)

    def create_forum_channel(self, guild: Guild, name: str, **kwargs: Any) -> Channel:
        return self.create_channel(guild, name, type=GUILD_FORUM, **kwargs)

    def dm_channel(self, user: User) -> Channel:
        for channel in self.channels.values():
            if channel.type == DM and channel.recipients and channel.recipients[0].id == user.id:
                return channel
        channel = Channel(self.ids.next(), DM, None, "", recipients=[user])
        self.channels[channel.id] = channel
        self.channel_messages[channel.id] = []
        return channel

    def set_channel_permission(self, channel: Channel, target: Role | Member, *, allow: int = 0, deny: int = 0) -> None:
        target_id = target.id if isinstance(target, Role) else target.user.id
        kind = 0 if isinstance(target, Role) else 1
        channel.permission_overwrites = [o for o in channel.permission_overwrites if int(o["id"]) != target_id]
        channel.permission_overwrites.append(
            {"id": str(target_id), "type": kind, "allow": str(allow), "deny": str(deny)}
        )
        if channel.guild_id is not None:
            self.dispatch("CHANNEL_UPDATE", channel.payload(), guild_id=channel.guild_id)

    # -- lookups used by REST handlers and tests -----------------------------------------------
    def dispatch(self, event: str, data: Any, *, guild_id: int | None = None) -> None:
        self.gateway.dispatch(event, data, guild_id=guild_id)
        self.touch()

    def touch(self) -> None:
        """Something visible changed."""
        self.revision += 1
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_for_change(self, seen: int, timeout: float) -> int:
        """The revision once it is past `seen` (or the current one after `timeout` seconds)."""
        if self.revision == seen:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), timeout)
        return self.revision

    def guild_of(self, channel: Channel) -> Guild | None:
        return self.guilds.get(channel.guild_id) if channel.guild_id is not None else None

    def permissions_in(self, channel: Channel, user_id: int) -> int:
        if channel.type == DM:
            return (
                perms.VIEW_CHANNEL
                | perms.SEND_MESSAGES
                | perms.READ_MESSAGE_HISTORY
                | perms.EMBED_LINKS
                | perms.ATTACH_FILES
                | perms.SEND_POLLS
            )
        guild = self.guild_of(channel)
        if guild is None or user_id not in guild.members:
            return 0
        return perms.channel_permissions(guild, guild.members[user_id], channel)

    def history(self, channel: Channel, *, include_deleted: bool = False) -> list[Message]:
        """Messages in `channel`, oldest first."""
        found = (self.messages[i] for i in self.channel_messages.get(channel.id, []))
        return [m for m in found if include_deleted or not m.deleted]

    def threads_of(self, channel: Channel) -> list[Channel]:
        return [c for c in self.channels.values() if c.is_thread and c.parent_id == channel.id and not c.deleted]

    def requests_to(self, method: str, route: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == method and r.route == route]

    # -- fault injection -----------------------------------------------------------------------
    def inject_error(
        self, method: str, route: str, *, status: int, code: int = 0, message: str = "Injected error", times: int = 1
    ) -> Fault:
        fault = Fault(method, route, status, {"message": message, "code": code}, times)
        self.faults.append(fault)
        return fault

    def inject_rate_limit(
        self, method: str, route: str, *, retry_after: float = 0.2, times: int = 1, scope: str = "user"
    ) -> Fault:
        body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": scope == "global"}
        headers = {
            "Retry-After": str(max(1, round(retry_after))),
            "X-RateLimit-Scope": scope,
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset-After": f"{retry_after:.3f}",
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Bucket": "injected",
        }
        if scope == "global":
            headers["X-RateLimit-Global"] = "true"
        fault = Fault(method, route, 429, body, times, headers)
        self.faults.append(fault)
        return fault

    def take_fault(self, method: str, route: str) -> Fault | None:
        for fault in self.faults:
            if fault.matches(method, route):
                fault.times -= 1
                fault.hits += 1
                return fault
        return None

    # -- background ----------------------------------------------------------------------------
    async def _expire_polls(self) -> None:
        while True:
            await asyncio.sleep(0.25)
            now = time.time()
            for message in list(self.messages.values()):
                poll = message.poll
                if poll is not None and not poll.finalized and poll.expiry <= now and not message.deleted:
                    self.finalize_poll(message)

    def finalize_poll(self, message: Message) -> None:
        assert message.poll is not None
        message.poll.finalized = True
        message.poll.expiry = min(message.poll.expiry, time.time())
        self.dispatch("MESSAGE_UPDATE", message.payload(gateway=True, threads=self.channels), guild_id=message.guild_id)
