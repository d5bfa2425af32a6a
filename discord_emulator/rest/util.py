"""Helpers shared by the REST handlers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson
from aiohttp import web

from discord_emulator import errors
from discord_emulator.model import Channel, Message

if TYPE_CHECKING:
    from discord_emulator.server import Emulator

EMULATOR_KEY: web.AppKey[Any] = web.AppKey("emulator", object)
BODY_KEY: web.RequestKey[Any] = web.RequestKey("body", object)
FILES_KEY: web.RequestKey[list[dict[str, Any]]] = web.RequestKey("files", list)


def respond(data: Any, status: int = 200) -> web.Response:
    # discord.py parses a body only when Content-Type is exactly application/json (no charset).
    return web.Response(body=orjson.dumps(data), status=status, content_type="application/json")


def no_content() -> web.Response:
    return web.Response(status=204)


def emulator_of(request: web.Request) -> Emulator:
    return request.app[EMULATOR_KEY]  # type: ignore[no-any-return]


def body_of(request: web.Request) -> dict[str, Any]:
    body = request.get(BODY_KEY)
    return body if isinstance(body, dict) else {}


def snowflake(request: web.Request, name: str) -> int:
    raw = request.match_info[name]
    if not raw.isdigit():
        raise errors.DiscordError(404, 0, "404: Not Found")
    return int(raw)


def channel_of(request: web.Request, name: str = "channel_id") -> Channel:
    emulator = emulator_of(request)
    channel = emulator.channels.get(snowflake(request, name))
    if channel is None or channel.deleted:
        raise errors.not_found(errors.UNKNOWN_CHANNEL, "Channel")
    if channel.guild_id is not None and emulator.permissions_in(channel, emulator.bot_user.id) == 0:
        raise errors.DiscordError(403, errors.MISSING_ACCESS, "Missing Access")
    return channel


def message_of(request: web.Request, channel: Channel, name: str = "message_id") -> Message:
    message = emulator_of(request).messages.get(snowflake(request, name))
    if message is None or message.deleted or message.channel_id != channel.id:
        raise errors.not_found(errors.UNKNOWN_MESSAGE, "Message")
    return message


def require(emulator: Emulator, channel: Channel, needed: int, what: str) -> None:
    have = emulator.permissions_in(channel, emulator.bot_user.id)
    if have & needed != needed:
        from discord_emulator.permissions import names

        raise errors.missing_permissions(f"{what}: needs {', '.join(names(needed & ~have))}")
