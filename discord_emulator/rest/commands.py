"""Application commands: global and per-guild, bulk overwrite keeps ids of unchanged names."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from discord_emulator import errors
from discord_emulator.rest.util import BODY_KEY, body_of, emulator_of, respond, snowflake


def _pool(request: web.Request) -> tuple[dict[int, dict[str, Any]], int | None]:
    emulator = emulator_of(request)
    if snowflake(request, "application_id") != emulator.application_id:
        raise errors.DiscordError(403, 50001, "Missing Access")
    if "guild_id" in request.match_info:
        guild_id = snowflake(request, "guild_id")
        if guild_id not in emulator.guilds:
            raise errors.DiscordError(403, 50001, "Missing Access")
        return emulator.guild_commands.setdefault(guild_id, {}), guild_id
    return emulator.global_commands, None


def _store(
    request: web.Request,
    pool: dict[int, dict[str, Any]],
    guild_id: int | None,
    body: dict[str, Any],
    existing: dict[str, Any] | None,
) -> dict[str, Any]:
    emulator = emulator_of(request)
    command = dict(body)
    command_type = int(command.get("type") or 1)
    command["type"] = command_type
    command["id"] = existing["id"] if existing else str(emulator.ids.next())
    command["application_id"] = str(emulator.application_id)
    command["version"] = str(emulator.ids.next())
    command.setdefault("description", "")
    command.setdefault("options", [])
    command.setdefault("default_member_permissions", None)
    command.setdefault("nsfw", False)
    if guild_id is not None:
        command["guild_id"] = str(guild_id)
    pool[int(command["id"])] = command
    emulator.touch()  # the sandbox page lists the commands, and the sandbox saves them
    return command


def _validate(body: dict[str, Any]) -> None:
    form = errors.FormErrors()
    name = body.get("name") or ""
    if not 1 <= len(name) <= 32:
        form.add("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.")
    if int(body.get("type") or 1) == 1:
        if name != name.lower():
            form.add("name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
        if not 1 <= len(body.get("description") or "") <= 100:
            form.add("description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
    if len(body.get("options") or []) > 25:
        form.add("options", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    form.raise_if_any()


async def list_commands(request: web.Request) -> web.Response:
    pool, _ = _pool(request)
    return respond(list(pool.values()))


async def bulk_overwrite(request: web.Request) -> web.Response:
    pool, guild_id = _pool(request)
    bodies = request.get(BODY_KEY) or []
    for body in bodies:
        _validate(body)
    by_key = {(c["name"], c["type"]): c for c in pool.values()}
    pool.clear()
    emulator_of(request).touch()
    stored = [
        _store(request, pool, guild_id, body, by_key.get((body["name"], int(body.get("type") or 1)))) for body in bodies
    ]
    return respond(stored)


async def create_command(request: web.Request) -> web.Response:
    pool, guild_id = _pool(request)
    body = body_of(request)
    _validate(body)
    existing = next(
        (c for c in pool.values() if c["name"] == body["name"] and c["type"] == int(body.get("type") or 1)), None
    )
    return respond(_store(request, pool, guild_id, body, existing), 200 if existing else 201)


async def get_command(request: web.Request) -> web.Response:
    pool, _ = _pool(request)
    command = pool.get(snowflake(request, "command_id"))
    if command is None:
        raise errors.not_found(errors.UNKNOWN_APPLICATION_COMMAND, "application command")
    return respond(command)


async def delete_command(request: web.Request) -> web.Response:
    pool, _ = _pool(request)
    if pool.pop(snowflake(request, "command_id"), None) is None:
        raise errors.not_found(errors.UNKNOWN_APPLICATION_COMMAND, "application command")
    emulator_of(request).touch()
    return web.Response(status=204)


_GLOBAL = "/applications/{application_id}/commands"
_GUILD = "/applications/{application_id}/guilds/{guild_id}/commands"
ROUTES = [
    ("GET", _GLOBAL, list_commands),
    ("PUT", _GLOBAL, bulk_overwrite),
    ("POST", _GLOBAL, create_command),
    ("GET", _GLOBAL + "/{command_id}", get_command),
    ("DELETE", _GLOBAL + "/{command_id}", delete_command),
    ("GET", _GUILD, list_commands),
    ("PUT", _GUILD, bulk_overwrite),
    ("POST", _GUILD, create_command),
    ("GET", _GUILD + "/{command_id}", get_command),
    ("DELETE", _GUILD + "/{command_id}", delete_command),
]
