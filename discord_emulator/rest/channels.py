"""Channels and threads: read, edit (archive, lock, slowmode), delete; threads from messages; forum posts."""

from __future__ import annotations

import time
from typing import Any

from aiohttp import web

from discord_emulator import errors, limits
from discord_emulator import permissions as perms
from discord_emulator.messaging import attachments_from, create_message
from discord_emulator.model import GUILD_FORUM, GUILD_TEXT, PRIVATE_THREAD, PUBLIC_THREAD, Channel
from discord_emulator.rest.messages import check_can_post
from discord_emulator.rest.util import (
    FILES_KEY,
    body_of,
    channel_of,
    emulator_of,
    message_of,
    no_content,
    require,
    respond,
)

THREAD_KEYS = {
    "name",
    "archived",
    "locked",
    "auto_archive_duration",
    "rate_limit_per_user",
    "invitable",
    "applied_tags",
    "flags",
}
CHANNEL_KEYS = {
    "name",
    "topic",
    "rate_limit_per_user",
    "permission_overwrites",
    "nsfw",
    "position",
    "parent_id",
    "default_auto_archive_duration",
    "available_tags",
    "flags",
    "type",
}


async def get_channel(request: web.Request) -> web.Response:
    return respond(channel_of(request).payload())


def _patch_thread(request: web.Request, thread: Channel, body: dict[str, Any]) -> None:
    emulator = emulator_of(request)
    unknown = set(body) - THREAD_KEYS
    if unknown:  # the body is a union in the schema; pick the shape from the target (DISCORD-NOTES.md)
        form = errors.FormErrors()
        for key in sorted(unknown):
            form.add(key, "BASE_TYPE_INVALID", "Not a thread field")
        form.raise_if_any()
    have = emulator.permissions_in(thread, emulator.bot_user.id)
    manage = have & perms.MANAGE_THREADS
    if not manage and (
        "locked" in body or set(body) - {"archived", "auto_archive_duration"} or thread.owner_id != emulator.bot_user.id
    ):
        raise errors.missing_permissions("editing a thread needs MANAGE_THREADS")
    if thread.archived and body.get("archived", True) and set(body) - {"archived", "locked"}:
        raise errors.DiscordError(400, errors.THREAD_ARCHIVED, "Thread is archived")
    form = errors.FormErrors()
    if "name" in body:
        limits.check_thread_name(form, body["name"])
    limits.check_archive_duration(form, body.get("auto_archive_duration"))
    if body.get("rate_limit_per_user") is not None and not 0 <= body["rate_limit_per_user"] <= limits.SLOWMODE_MAX:
        form.add("rate_limit_per_user", "NUMBER_TYPE_MAX", f"Must be between 0 and {limits.SLOWMODE_MAX}.")
    form.raise_if_any()
    if "name" in body:
        thread.name = body["name"]
    if "locked" in body:
        thread.locked = bool(body["locked"])
    if "archived" in body:
        thread.archived = bool(body["archived"])
        thread.archive_timestamp = time.time()
    if body.get("auto_archive_duration") is not None:
        thread.auto_archive_duration = int(body["auto_archive_duration"])
    if body.get("rate_limit_per_user") is not None:
        thread.rate_limit_per_user = int(body["rate_limit_per_user"])
    emulator.dispatch("THREAD_UPDATE", thread.payload(), guild_id=thread.guild_id)


def _patch_channel(request: web.Request, channel: Channel, body: dict[str, Any]) -> None:
    emulator = emulator_of(request)
    needed = perms.MANAGE_CHANNELS  # slowmode included
    if "permission_overwrites" in body:
        needed |= perms.MANAGE_ROLES
    require(emulator, channel, needed, "edit the channel")
    form = errors.FormErrors()
    if "name" in body and not 1 <= len(body["name"] or "") <= 100:
        form.add("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
    if body.get("topic") is not None:
        form.max_length("topic", body["topic"], 1024)
    if body.get("rate_limit_per_user") is not None and not 0 <= body["rate_limit_per_user"] <= limits.SLOWMODE_MAX:
        form.add("rate_limit_per_user", "NUMBER_TYPE_MAX", f"Must be between 0 and {limits.SLOWMODE_MAX}.")
    form.raise_if_any()
    for key in ("name", "topic"):
        if key in body:
            setattr(channel, key, body[key])
    if body.get("rate_limit_per_user") is not None:
        channel.rate_limit_per_user = int(body["rate_limit_per_user"])
    if "permission_overwrites" in body:
        channel.permission_overwrites = [
            {
                "id": str(o["id"]),
                "type": int(o.get("type", 0)),
                "allow": str(o.get("allow", 0)),
                "deny": str(o.get("deny", 0)),
            }
            for o in body["permission_overwrites"] or []
        ]
    emulator.dispatch("CHANNEL_UPDATE", channel.payload(), guild_id=channel.guild_id)


async def patch_channel(request: web.Request) -> web.Response:
    channel = channel_of(request)
    body = body_of(request)
    if channel.is_thread:
        _patch_thread(request, channel, body)
    else:
        _patch_channel(request, channel, body)
    return respond(channel.payload())


async def delete_channel(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    require(emulator, channel, perms.MANAGE_THREADS if channel.is_thread else perms.MANAGE_CHANNELS, "delete")
    channel.deleted = True
    event = "THREAD_DELETE" if channel.is_thread else "CHANNEL_DELETE"
    data = (
        {
            "id": str(channel.id),
            "guild_id": str(channel.guild_id),
            "parent_id": str(channel.parent_id),
            "type": channel.type,
        }
        if channel.is_thread
        else channel.payload()
    )
    emulator.dispatch(event, data, guild_id=channel.guild_id)
    return respond(channel.payload())


def _new_thread(
    request: web.Request, parent: Channel, body: dict[str, Any], *, thread_id: int | None, type: int
) -> Channel:
    emulator = emulator_of(request)
    form = errors.FormErrors()
    limits.check_thread_name(form, body.get("name"))
    limits.check_archive_duration(form, body.get("auto_archive_duration"))
    form.raise_if_any()
    thread = Channel(
        id=thread_id or emulator.ids.next(),
        type=type,
        guild_id=parent.guild_id,
        name=body["name"],
        parent_id=parent.id,
        owner_id=emulator.bot_user.id,
        auto_archive_duration=int(body.get("auto_archive_duration") or 1440),
        rate_limit_per_user=int(body.get("rate_limit_per_user") or 0),
        applied_tags=[int(t) for t in body.get("applied_tags") or []],
    )
    guild = emulator.guild_of(parent)
    assert guild is not None
    guild.channels[thread.id] = thread
    emulator.channels[thread.id] = thread
    emulator.channel_messages[thread.id] = []
    emulator.dispatch("THREAD_CREATE", thread.payload() | {"newly_created": True}, guild_id=thread.guild_id)
    return thread


async def thread_from_message(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    message = message_of(request, channel)
    if channel.type != GUILD_TEXT:
        raise errors.DiscordError(400, 50024, "Cannot execute action on this channel type")
    require(emulator, channel, perms.VIEW_CHANNEL | perms.CREATE_PUBLIC_THREADS, "create a thread")
    if message.thread_id is not None:
        raise errors.DiscordError(
            400, errors.THREAD_ALREADY_CREATED, "A thread has already been created for this message"
        )
    # Discord gives a thread started from a message the message's id.
    thread = _new_thread(request, channel, body_of(request), thread_id=message.id, type=PUBLIC_THREAD)
    message.thread_id = thread.id
    emulator.dispatch(
        "MESSAGE_UPDATE", message.payload(gateway=True, threads=emulator.channels), guild_id=channel.guild_id
    )
    return respond(thread.payload(), 201)


async def create_thread(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    body = body_of(request)
    if channel.type == GUILD_FORUM:
        starter = body.get("message")
        if not isinstance(starter, dict):
            form = errors.FormErrors()
            form.add("message", "BASE_TYPE_REQUIRED", "This field is required")
            form.raise_if_any()
        assert isinstance(starter, dict)
        if starter.get("poll"):
            # A forum post's starter message cannot carry a poll (DISCORD-NOTES.md).
            form = errors.FormErrors()
            form.add("message.poll", "POLL_NOT_ALLOWED_IN_FORUM_STARTER", "Polls cannot be the forum post's message")
            form.raise_if_any()
        try:
            limits.check_message(starter, has_files=bool(request.get(FILES_KEY)))
        except errors.DiscordError as error:
            if error.errors:  # report the fields under message.*, as Discord does
                raise errors.DiscordError(400, error.code, error.message, {"message": error.errors}) from None
            raise
        require(emulator, channel, perms.VIEW_CHANNEL | perms.SEND_MESSAGES, "create a forum post")
        thread = _new_thread(request, channel, body, thread_id=None, type=PUBLIC_THREAD)
        starter = dict(starter) | {"attachments_created": attachments_from(emulator, request.get(FILES_KEY) or [])}
        message = create_message(emulator, thread, emulator.bot_user, starter, message_id=thread.id)
        return respond(thread.payload() | {"message": message.payload(threads=emulator.channels)}, 201)
    if channel.type != GUILD_TEXT:
        raise errors.DiscordError(400, 50024, "Cannot execute action on this channel type")
    thread_type = int(body.get("type") or PRIVATE_THREAD)
    needed = perms.CREATE_PUBLIC_THREADS if thread_type == PUBLIC_THREAD else perms.CREATE_PRIVATE_THREADS
    require(emulator, channel, perms.VIEW_CHANNEL | needed, "create a thread")
    thread = _new_thread(request, channel, body, thread_id=None, type=thread_type)
    return respond(thread.payload(), 201)


async def put_overwrite(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    require(emulator, channel, perms.MANAGE_ROLES, "edit channel permissions")
    body = body_of(request)
    target = request.match_info["overwrite_id"]
    channel.permission_overwrites = [o for o in channel.permission_overwrites if o["id"] != target]
    channel.permission_overwrites.append(
        {
            "id": target,
            "type": int(body.get("type", 0)),
            "allow": str(body.get("allow", 0)),
            "deny": str(body.get("deny", 0)),
        }
    )
    emulator.dispatch("CHANNEL_UPDATE", channel.payload(), guild_id=channel.guild_id)
    return no_content()


async def join_thread(request: web.Request) -> web.Response:
    channel_of(request)
    return no_content()


async def typing(request: web.Request) -> web.Response:
    channel = channel_of(request)
    check_can_post(request, channel, {})
    return no_content()


ROUTES = [
    ("GET", "/channels/{channel_id}", get_channel),
    ("PATCH", "/channels/{channel_id}", patch_channel),
    ("DELETE", "/channels/{channel_id}", delete_channel),
    ("POST", "/channels/{channel_id}/messages/{message_id}/threads", thread_from_message),
    ("POST", "/channels/{channel_id}/threads", create_thread),
    ("PUT", "/channels/{channel_id}/thread-members/@me", join_thread),
    ("PUT", "/channels/{channel_id}/permissions/{overwrite_id}", put_overwrite),
    ("POST", "/channels/{channel_id}/typing", typing),
]
