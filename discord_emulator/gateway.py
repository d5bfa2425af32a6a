"""The gateway websocket: HELLO, IDENTIFY → READY, heartbeats, RESUME with replay, compression.

Each session keeps a log of its dispatched events; a connection's writer sends from the
log in order, so a dropped connection resumes exactly where the client says it stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson
from aiohttp import WSMsgType, web

if TYPE_CHECKING:
    from discord_emulator.model import Guild
    from discord_emulator.server import Emulator

log = logging.getLogger(__name__)

DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, RESUME, RECONNECT, REQUEST_MEMBERS = 0, 1, 2, 3, 6, 7, 8
INVALID_SESSION, HELLO, HEARTBEAT_ACK = 9, 10, 11

GUILDS, GUILD_MEMBERS, GUILD_MESSAGES, DIRECT_MESSAGES = 1 << 0, 1 << 1, 1 << 9, 1 << 12
MESSAGE_CONTENT, GUILD_MESSAGE_POLLS, DIRECT_MESSAGE_POLLS = 1 << 15, 1 << 24, 1 << 25
GUILD_PRESENCES = 1 << 8
PRIVILEGED = GUILD_MEMBERS | MESSAGE_CONTENT | GUILD_PRESENCES
MEMBERS_PER_CHUNK = 1000  # GUILD_MEMBERS_CHUNK holds at most this many members

GUILD_INTENT_FOR_EVENT = {
    "GUILD_CREATE": GUILDS,
    "GUILD_UPDATE": GUILDS,
    "CHANNEL_CREATE": GUILDS,
    "CHANNEL_UPDATE": GUILDS,
    "CHANNEL_DELETE": GUILDS,
    "THREAD_CREATE": GUILDS,
    "THREAD_UPDATE": GUILDS,
    "THREAD_DELETE": GUILDS,
    "GUILD_ROLE_CREATE": GUILDS,
    "GUILD_ROLE_UPDATE": GUILDS,
    "GUILD_ROLE_DELETE": GUILDS,
    "GUILD_MEMBER_ADD": GUILD_MEMBERS,
    "GUILD_MEMBER_UPDATE": GUILD_MEMBERS,
    "GUILD_MEMBER_REMOVE": GUILD_MEMBERS,
    "MESSAGE_CREATE": GUILD_MESSAGES,
    "MESSAGE_UPDATE": GUILD_MESSAGES,
    "MESSAGE_DELETE": GUILD_MESSAGES,
    "MESSAGE_DELETE_BULK": GUILD_MESSAGES,
    "MESSAGE_POLL_VOTE_ADD": GUILD_MESSAGE_POLLS,
    "MESSAGE_POLL_VOTE_REMOVE": GUILD_MESSAGE_POLLS,
}
DM_INTENT_FOR_EVENT = {
    "MESSAGE_CREATE": DIRECT_MESSAGES,
    "MESSAGE_UPDATE": DIRECT_MESSAGES,
    "MESSAGE_DELETE": DIRECT_MESSAGES,
    "MESSAGE_POLL_VOTE_ADD": DIRECT_MESSAGE_POLLS,
    "MESSAGE_POLL_VOTE_REMOVE": DIRECT_MESSAGE_POLLS,
}
CONTENT_FIELDS = ("content", "embeds", "attachments", "components", "poll")


class Encoder:
    """Frames for one connection: plain text, zlib-stream or zstd-stream, as the client asked."""

    def __init__(self, compress: str | None) -> None:
        self.kind = compress
        if compress == "zlib-stream":
            self._zlib = zlib.compressobj()
        elif compress == "zstd-stream":
            import zstandard

            self._zstd = zstandard.ZstdCompressor().compressobj()
            self._zstd_flush = zstandard.COMPRESSOBJ_FLUSH_BLOCK

    def encode(self, data: bytes) -> bytes | str:
        if self.kind == "zlib-stream":
            return self._zlib.compress(data) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
        if self.kind == "zstd-stream":
            return self._zstd.compress(data) + self._zstd.flush(self._zstd_flush)
        return data.decode()


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard a server's events go to (Discord's rule; DMs go to shard 0)."""
    return (guild_id >> 22) % shard_count


@dataclass(frozen=True, slots=True)
class ShardingConfig:
    """How the emulated Discord paces and splits logins, as documented for `GET /gateway/bot`."""

    max_concurrency: int = 1  # IDENTIFY buckets: shard_id % max_concurrency
    # Seconds between IDENTIFYs of one bucket. Discord's is 5; the default here is 0 so tests that
    # restart a bot within a second need not wait, and the sharding tests set 5 to enforce it.
    identify_interval: float = 0.0
    max_guilds_per_shard: int = 2500  # more on one shard: closed with 4011 (sharding required)
    session_start_total: int = 1000  # IDENTIFYs a token may make per day


@dataclass(frozen=True, slots=True)
class IdentifyRecord:
    at: float  # time.monotonic()
    shard_id: int
    shard_count: int
    accepted: bool
    reason: str = ""


@dataclass
class Session:
    id: str
    user_id: int
    intents: int
    shard_id: int = 0
    shard_count: int = 1
    seq: int = 0
    log: list[tuple[int, bytes]] = field(default_factory=list)  # (seq, encoded payload)
    connection: Connection | None = None
    new_event: asyncio.Event = field(default_factory=asyncio.Event)
    identified_at: float = 0.0
    large_threshold: int = 50  # IDENTIFY's: a server with more members is "large"

    def owns(self, guild_id: int | None) -> bool:
        """Whether this session's shard receives events of that server (None: a DM, shard 0's)."""
        if guild_id is None:
            return self.shard_id == 0
        return shard_of(guild_id, self.shard_count) == self.shard_id

    def append(self, event: str, data: Any) -> None:
        self.seq += 1
        payload = orjson.dumps({"op": DISPATCH, "t": event, "s": self.seq, "d": data})
        self.log.append((self.seq, payload))
        if len(self.log) > 200_000:  # bounded memory; a client that far behind must re-identify
            del self.log[:100_000]
        self.new_event.set()


class Connection:
    def __init__(self, ws: web.WebSocketResponse, encoder: Encoder) -> None:
        self.ws = ws
        self.encoder = encoder
        self._lock = asyncio.Lock()
        self.session: Session | None = None
        self.writer: asyncio.Task[None] | None = None

    async def send(self, payload: bytes) -> None:
        async with self._lock:  # compression state and frame order must match
            frame = self.encoder.encode(payload)
            if isinstance(frame, bytes):
                await self.ws.send_bytes(frame)
            else:
                await self.ws.send_str(frame)

    async def send_op(self, op: int, data: Any) -> None:
        await self.send(orjson.dumps({"op": op, "d": data, "s": None, "t": None}))


# How long a HEARTBEAT_ACK takes, as over a network. discord.py's keep-alive thread sends a
# heartbeat through the event loop and only then notes the time (`_last_send`); its latency is
# an ACK's arrival minus that note. On loopback an immediate ACK can arrive before the thread has
# run again: the latency is then measured from the heartbeat before, a whole interval (41 s), and
# discord.py warns "Can't keep up" at every heartbeat. Thread switches take a few ms (Python's
# switch interval is 5 ms); a round trip of this length is longer than that and is what discord.py
# then reports as the latency.
HEARTBEAT_ACK_DELAY = 0.05


class Gateway:
    refusing = False  # during an outage(): new connections are turned away

    def __init__(
        self,
        emulator: Emulator,
        heartbeat_interval_ms: int = 41250,
        heartbeat_ack_delay: float = HEARTBEAT_ACK_DELAY,
        sharding: ShardingConfig | None = None,
    ) -> None:
        self.emulator = emulator
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.heartbeat_ack_delay = heartbeat_ack_delay
        self.sharding = sharding or ShardingConfig()
        self.sessions: dict[str, Session] = {}
        self.connections: set[Connection] = set()
        self.identify_count = 0
        # Every IDENTIFY, accepted or refused: tests check that logins respect max_concurrency.
        self.identify_log: list[IdentifyRecord] = []
        self.session_starts_remaining = self.sharding.session_start_total
        self._last_identify: dict[int, float] = {}  # bucket -> time of its last accepted IDENTIFY
        self.resume_count = 0
        self.received: list[dict[str, Any]] = []  # every op the client sent, for tests
        self.connected = asyncio.Event()
        self._background: set[asyncio.Future[None]] = set()

    # -- dispatch ------------------------------------------------------------------------------
    def dispatch(self, event: str, data: Any, *, guild_id: int | None = None) -> None:
        # Which shard gets it: the server's (an interaction names its server in the payload, not
        # through guild_id, which here selects the intent rules); without a server, shard 0.
        route = guild_id
        if route is None and isinstance(data, dict) and data.get("guild_id"):
            route = int(data["guild_id"])
        for session in self.sessions.values():
            if not session.owns(route) or not self._wants(session, event, data, guild_id):
                continue
            session.append(event, self._filtered(session, event, data))

    def _wants(self, session: Session, event: str, data: Any, guild_id: int | None) -> bool:
        if guild_id is not None:
            guild = self.emulator.guilds.get(guild_id)
            if guild is None or session.user_id not in guild.members:
                return False
            needed = GUILD_INTENT_FOR_EVENT.get(event)
        else:
            needed = DM_INTENT_FOR_EVENT.get(event)
        return needed is None or bool(session.intents & needed)

    def _filtered(self, session: Session, event: str, data: Any) -> Any:
        """Without MESSAGE_CONTENT, content is empty unless the message is the bot's, a DM or mentions it."""
        if event not in ("MESSAGE_CREATE", "MESSAGE_UPDATE") or session.intents & MESSAGE_CONTENT:
            return data
        if data.get("author", {}).get("id") == str(session.user_id) or "guild_id" not in data:
            return data
        if any(m.get("id") == str(session.user_id) for m in data.get("mentions", [])):
            return data
        stripped = dict(data)
        for key in CONTENT_FIELDS:
            if key in stripped:
                stripped[key] = "" if key == "content" else []
        stripped.pop("poll", None)
        return stripped

    # -- test controls -------------------------------------------------------------------------
    async def drop(self, code: int = 4000) -> None:
        """Close every connection as a network failure would; sessions stay resumable."""
        for connection in list(self.connections):
            await connection.ws.close(code=code, message=b"emulator drop")

    async def outage(self) -> None:
        """A network outage: every connection drops and new ones are refused until `restore()`."""
        self.refusing = True
        await self.drop()

    def restore(self) -> None:
        """The end of an outage: clients can connect (and resume) again."""
        self.refusing = False

    async def send_reconnect(self) -> None:
        for connection in list(self.connections):
            await connection.send_op(RECONNECT, None)

    async def close(self) -> None:
        for connection in list(self.connections):
            await connection.ws.close(code=1001, message=b"emulator shutting down")
        for pending in list(self._background):
            pending.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)

    # -- the websocket handler -----------------------------------------------------------------
    async def handle(self, request: web.Request) -> web.StreamResponse:
        if self.refusing:
            return web.Response(status=503, text="emulator outage")
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        compress = request.query.get("compress")
        if compress not in (None, "zlib-stream", "zstd-stream"):
            await ws.close(code=4000, message=b"unknown compression")
            return ws
        connection = Connection(ws, Encoder(compress))
        self.connections.add(connection)
        try:
            await connection.send_op(HELLO, {"heartbeat_interval": self.heartbeat_interval_ms})
            async for message in ws:
                if message.type is not WSMsgType.TEXT and message.type is not WSMsgType.BINARY:
                    break
                payload = orjson.loads(message.data)
                self.received.append(payload)
                await self._on_op(connection, payload)
        finally:
            self.connections.discard(connection)
            if connection.writer is not None:
                connection.writer.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await connection.writer
            if connection.session is not None and connection.session.connection is connection:
                connection.session.connection = None
        return ws

    async def _on_op(self, connection: Connection, payload: dict[str, Any]) -> None:
        op, data = payload.get("op"), payload.get("d")
        if op == HEARTBEAT:
            self._later(self._ack_heartbeat(connection))
        elif op == IDENTIFY:
            await self._identify(connection, data)
        elif op == RESUME:
            await self._resume(connection, data)
        elif op == REQUEST_MEMBERS:
            self._request_members(connection, data)
        elif op == PRESENCE:
            pass
        else:
            log.debug("gateway: ignoring op %s", op)

    async def _identify(self, connection: Connection, data: dict[str, Any]) -> None:
        emulator = self.emulator
        if data.get("token") != emulator.token:
            await connection.ws.close(code=4004, message=b"Authentication failed.")
            return
        intents = int(data.get("intents", 0))
        if intents & PRIVILEGED & ~emulator.privileged_intents_enabled:
            await connection.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        shard = data.get("shard") or [0, 1]
        try:
            shard_id, shard_count = int(shard[0]), int(shard[1])
        except (TypeError, ValueError, IndexError):
            shard_id, shard_count = -1, 0
        if shard_count < 1 or not 0 <= shard_id < shard_count:
            self.identify_log.append(IdentifyRecord(time.monotonic(), shard_id, shard_count, False, "invalid shard"))
            await connection.ws.close(code=4010, message=b"Invalid shard.")
            return
        bot_guilds = [
            g
            for g in emulator.guilds.values()
            if emulator.bot_user.id in g.members and shard_of(g.id, shard_count) == shard_id
        ]
        if len(bot_guilds) > self.sharding.max_guilds_per_shard:
            refused = IdentifyRecord(time.monotonic(), shard_id, shard_count, False, "sharding required")
            self.identify_log.append(refused)
            await connection.ws.close(code=4011, message=b"Sharding required.")
            return
        # Discord lets one IDENTIFY per max_concurrency bucket through every 5 s; a faster one is
        # refused with INVALID_SESSION (and still counts against the day's session starts).
        now = time.monotonic()
        bucket = shard_id % self.sharding.max_concurrency
        self.session_starts_remaining -= 1
        last = self._last_identify.get(bucket)
        if last is not None and now - last < self.sharding.identify_interval:
            self.identify_log.append(IdentifyRecord(now, shard_id, shard_count, False, "identified too fast"))
            await connection.send_op(INVALID_SESSION, False)
            return
        self._last_identify[bucket] = now
        self.identify_log.append(IdentifyRecord(now, shard_id, shard_count, True))
        self.identify_count += 1
        session = Session(
            id=secrets.token_hex(16),
            user_id=emulator.bot_user.id,
            intents=intents,
            shard_id=shard_id,
            shard_count=shard_count,
            large_threshold=min(250, max(50, int(data.get("large_threshold") or 50))),
        )
        # A new IDENTIFY replaces that shard's old session (and every session of another shard count:
        # a re-shard starts over); other shards' sessions, maybe in other processes, go on.
        self.sessions = {
            sid: s for sid, s in self.sessions.items() if s.shard_count == shard_count and s.shard_id != shard_id
        }
        self.sessions[session.id] = session
        session.append(
            "READY",
            {
                "v": 10,
                "user": emulator.bot_user.payload() | {"verified": True, "mfa_enabled": False, "email": None},
                "guilds": [{"id": str(g.id), "unavailable": True} for g in bot_guilds],
                "session_id": session.id,
                "session_type": "normal",
                "resume_gateway_url": emulator.gateway_url,
                "shard": [shard_id, shard_count],
                "application": {"id": str(emulator.application_id), "flags": emulator.application_flags},
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "geo_ordered_rtc_regions": [],
                "guild_join_requests": [],
                "user_settings": {},
            },
        )
        for guild in bot_guilds:
            session.append("GUILD_CREATE", self._guild_create(session, guild))
        self._attach(connection, session, from_seq=1)
        self.connected.set()

    async def _resume(self, connection: Connection, data: dict[str, Any]) -> None:
        session = self.sessions.get(str(data.get("session_id")))
        client_seq = int(data.get("seq") or 0)
        if (
            session is None
            or data.get("token") != self.emulator.token
            or (session.log and client_seq + 1 < session.log[0][0])
        ):
            await connection.send_op(INVALID_SESSION, False)
            return
        self.resume_count += 1
        session.append("RESUMED", {})
        self._attach(connection, session, from_seq=client_seq + 1)

    def _later(self, work: Any) -> None:
        """Run `work` without holding up the connection's reader; keep it referenced until done."""
        future = asyncio.ensure_future(work)
        self._background.add(future)
        future.add_done_callback(self._background.discard)

    async def _ack_heartbeat(self, connection: Connection) -> None:
        await asyncio.sleep(self.heartbeat_ack_delay)
        if not connection.ws.closed:
            with contextlib.suppress(ConnectionResetError, RuntimeError):  # it went away meanwhile
                await connection.send_op(HEARTBEAT_ACK, None)

    def _attach(self, connection: Connection, session: Session, from_seq: int) -> None:
        if session.connection is not None and session.connection is not connection:
            old = session.connection
            self._later(old.ws.close(code=4000, message=b"replaced by a newer connection"))
        session.connection = connection
        connection.session = session
        connection.writer = asyncio.ensure_future(self._write(connection, session, from_seq))

    async def _write(self, connection: Connection, session: Session, cursor: int) -> None:
        try:
            while not connection.ws.closed:
                session.new_event.clear()
                start = session.log[0][0] if session.log else cursor
                index = max(0, cursor - start)
                while index < len(session.log):
                    seq, payload = session.log[index]
                    await connection.send(payload)
                    cursor = seq + 1
                    index += 1
                    if session.log and session.log[0][0] != start:  # trimmed meanwhile
                        start = session.log[0][0]
                        index = max(0, cursor - start)
                await session.new_event.wait()
        except (ConnectionResetError, RuntimeError):
            pass  # the client went away; the session stays resumable

    def _guild_create(self, session: Session, guild: Guild) -> dict[str, Any]:
        """As Discord sends it: without GUILD_PRESENCES, or in a large server, the members listed are
        only the bot and members in voice channels (none here); the rest are asked for with
        REQUEST_GUILD_MEMBERS."""
        payload = guild.payload()
        payload["large"] = large = len(guild.members) > session.large_threshold
        if large or not session.intents & GUILD_PRESENCES:
            payload["members"] = [m for m in payload["members"] if m["user"]["id"] == str(session.user_id)]
        return payload

    def _request_members(self, connection: Connection, data: dict[str, Any]) -> None:
        if connection.session is None:
            return
        guild = self.emulator.guilds.get(int(data.get("guild_id", 0)))
        if guild is None:
            return
        wanted = {int(u) for u in data.get("user_ids") or []}
        query = (data.get("query") or "").casefold()
        members = [
            m
            for m in guild.members.values()
            if (not wanted or m.user.id in wanted) and m.user.username.casefold().startswith(query)
        ]
        limit = int(data.get("limit") or 0)
        if limit:
            members = members[:limit]
        pieces = [members[i : i + MEMBERS_PER_CHUNK] for i in range(0, len(members), MEMBERS_PER_CHUNK)] or [[]]
        for index, piece in enumerate(pieces):
            chunk: dict[str, Any] = {
                "guild_id": str(guild.id),
                "members": [m.payload() for m in piece],
                "chunk_index": index,
                "chunk_count": len(pieces),
            }
            if data.get("nonce"):
                chunk["nonce"] = data["nonce"]
            connection.session.append("GUILD_MEMBERS_CHUNK", chunk)
