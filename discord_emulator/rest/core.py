"""Users, the application, the gateway address, guilds and members."""

from __future__ import annotations

import math
import time
from typing import Any

from aiohttp import web

from discord_emulator import errors
from discord_emulator import permissions as perms
from discord_emulator.model import Guild, Member, iso, parse_iso
from discord_emulator.rest.util import body_of, emulator_of, respond, snowflake

MAX_TIMEOUT_SECONDS = 28 * 24 * 3600


async def get_me(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    return respond(emulator.bot_user.payload() | {"verified": True, "mfa_enabled": False, "locale": "en-US"})


async def get_user(request: web.Request) -> web.Response:
    user = emulator_of(request).users.get(snowflake(request, "user_id"))
    if user is None:
        raise errors.not_found(10013, "User")
    return respond(user.payload())


async def get_application(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    return respond(
        {
            "id": str(emulator.application_id),
            "name": emulator.bot_user.username,
            "icon": None,
            "description": "Emulated application",
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": emulator.owner_user.payload(),
            "verify_key": "0" * 64,
            "team": None,
            "flags": emulator.application_flags,
            "bot": emulator.bot_user.payload(),
            "summary": "",
            "rpc_origins": [],
            "tags": [],
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "approximate_guild_count": len(emulator.guilds),
        }
    )


async def get_gateway(request: web.Request) -> web.Response:
    return respond({"url": emulator_of(request).gateway_url})


async def get_gateway_bot(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    gateway = emulator.gateway
    servers = sum(1 for g in emulator.guilds.values() if emulator.bot_user.id in g.members)
    return respond(
        {
            "url": emulator.gateway_url,
            # Discord recommends about one shard per 1,000 servers (and requires one per 2,500).
            "shards": max(1, math.ceil(servers / 1000)),
            "session_start_limit": {
                "total": gateway.sharding.session_start_total,
                "remaining": max(0, gateway.session_starts_remaining),
                "reset_after": 86_400_000,
                "max_concurrency": gateway.sharding.max_concurrency,
            },
        }
    )


def _guild(request: web.Request) -> Any:
    emulator = emulator_of(request)
    guild = emulator.guilds.get(snowflake(request, "guild_id"))
    if guild is None or emulator.bot_user.id not in guild.members:
        raise errors.not_found(errors.UNKNOWN_GUILD, "Guild")
    return guild


async def get_guild(request: web.Request) -> web.Response:
    payload = _guild(request).payload()
    for key in ("members", "channels", "threads", "voice_states", "presences", "joined_at", "large"):
        payload.pop(key, None)
    return respond(payload)


async def get_guild_channels(request: web.Request) -> web.Response:
    guild = _guild(request)
    return respond([c.payload() for c in guild.channels.values() if not c.is_thread and not c.deleted])


async def get_guild_roles(request: web.Request) -> web.Response:
    return respond([r.payload() for r in _guild(request).roles.values()])


async def get_member(request: web.Request) -> web.Response:
    guild = _guild(request)
    member = guild.members.get(snowflake(request, "user_id"))
    if member is None:
        raise errors.not_found(errors.UNKNOWN_MEMBER, "Member")
    return respond(member.payload())


async def list_members(request: web.Request) -> web.Response:
    guild = _guild(request)
    limit = int(request.query.get("limit", 1))
    after = int(request.query.get("after", 0))
    members = sorted((m for m in guild.members.values() if m.user.id > after), key=lambda m: m.user.id)
    return respond([m.payload() for m in members[:limit]])


def _top_position(guild: Guild, member: Member) -> int:
    return max((guild.roles[r].position for r in member.roles if r in guild.roles), default=0)


async def patch_member(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    guild = _guild(request)
    member = guild.members.get(snowflake(request, "user_id"))
    if member is None:
        raise errors.not_found(errors.UNKNOWN_MEMBER, "Member")
    body = body_of(request)
    bot_member = guild.members[emulator.bot_user.id]
    if "nick" in body and member is not bot_member:
        # Discord: Manage Nicknames, never the owner, only a member whose highest role is below the bot's.
        if not perms.base_permissions(guild, bot_member) & perms.MANAGE_NICKNAMES:
            raise errors.missing_permissions("changing a nickname needs MANAGE_NICKNAMES")
        if member.user.id == guild.owner_id:
            raise errors.missing_permissions("nobody can change the owner's nickname")
        if _top_position(guild, member) >= _top_position(guild, bot_member):
            raise errors.missing_permissions("the member's highest role is not below the bot's")
    if "communication_disabled_until" in body:
        if not perms.base_permissions(guild, bot_member) & perms.MODERATE_MEMBERS:
            raise errors.missing_permissions("timeout needs MODERATE_MEMBERS")
        if member.user.id == guild.owner_id or perms.base_permissions(guild, member) & perms.ADMINISTRATOR:
            raise errors.missing_permissions("cannot time out the owner or an administrator")
        until = parse_iso(body["communication_disabled_until"])
        if until is not None and until - time.time() > MAX_TIMEOUT_SECONDS:
            form = errors.FormErrors()
            form.add(
                "communication_disabled_until", "BASE_TYPE_BAD_TIME", "Timeouts can be at most 28 days in the future"
            )
            form.raise_if_any()
        member.communication_disabled_until = until
    if "nick" in body:
        member.nick = body["nick"]
    emulator.dispatch("GUILD_MEMBER_UPDATE", member.payload() | {"guild_id": str(guild.id)}, guild_id=guild.id)
    payload = member.payload()
    if member.communication_disabled_until:
        payload["communication_disabled_until"] = iso(member.communication_disabled_until)
    return respond(payload)


ROUTES = [
    ("GET", "/users/@me", get_me),
    ("GET", "/users/{user_id}", get_user),
    ("GET", "/oauth2/applications/@me", get_application),
    ("GET", "/applications/@me", get_application),
    ("GET", "/gateway", get_gateway),
    ("GET", "/gateway/bot", get_gateway_bot),
    ("GET", "/guilds/{guild_id}", get_guild),
    ("GET", "/guilds/{guild_id}/channels", get_guild_channels),
    ("GET", "/guilds/{guild_id}/roles", get_guild_roles),
    ("GET", "/guilds/{guild_id}/members", list_members),
    ("GET", "/guilds/{guild_id}/members/{user_id}", get_member),
    ("PATCH", "/guilds/{guild_id}/members/{user_id}", patch_member),
]
