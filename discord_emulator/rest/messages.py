"""Messages and polls: create (with limits, permissions and nonces), read, edit, delete, vote lists."""

from __future__ import annotations

import time

from aiohttp import web

from discord_emulator import errors, limits
from discord_emulator import permissions as perms
from discord_emulator.messaging import (
    attachments_from,
    create_message,
    delete_message,
    edit_message,
    recent_nonce,
    remember_nonce,
)
from discord_emulator.model import GUILD_FORUM, Channel
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

BULK_DELETE_MAX_AGE = 14 * 24 * 3600


def check_can_post(request: web.Request, channel: Channel, body: dict) -> None:
    """Everything Discord checks before a bot's message lands in `channel`."""
    emulator = emulator_of(request)
    if channel.type == GUILD_FORUM:
        raise errors.DiscordError(400, 50008, "Cannot send messages in a non-text channel")
    if channel.guild_id is None:
        return
    send = perms.SEND_MESSAGES_IN_THREADS if channel.is_thread else perms.SEND_MESSAGES
    require(emulator, channel, perms.VIEW_CHANNEL | send, "send a message")
    if body.get("poll"):
        require(emulator, channel, perms.SEND_POLLS, "send a poll")
    if body.get("message_reference"):
        require(emulator, channel, perms.READ_MESSAGE_HISTORY, "reply")
    if channel.is_thread:
        can_manage = emulator.permissions_in(channel, emulator.bot_user.id) & perms.MANAGE_THREADS
        if channel.locked and not can_manage:
            raise errors.DiscordError(403, errors.THREAD_LOCKED, "Thread is locked")


async def post_message(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    body = body_of(request)
    files = request.get(FILES_KEY) or []
    limits.check_message(body, has_files=bool(files))
    check_can_post(request, channel, body)
    reference = body.get("message_reference")
    if reference and reference.get("message_id"):
        target = emulator.messages.get(int(reference["message_id"]))
        if target is None or target.deleted:
            if reference.get("fail_if_not_exists", True):
                form = errors.FormErrors()
                form.add("message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message")
                form.raise_if_any()
            body = {k: v for k, v in body.items() if k != "message_reference"}
    if body.get("enforce_nonce") and (earlier := recent_nonce(emulator, channel, emulator.bot_user, body.get("nonce"))):
        return respond(earlier.payload(threads=emulator.channels))
    if channel.is_thread and channel.archived:
        channel.archived = False  # sending unarchives an unlocked thread
        channel.archive_timestamp = time.time()
        emulator.dispatch("THREAD_UPDATE", channel.payload(), guild_id=channel.guild_id)
    body = dict(body)
    body["attachments_created"] = attachments_from(emulator, files)
    message = create_message(emulator, channel, emulator.bot_user, body)
    remember_nonce(emulator, channel, emulator.bot_user, message)
    return respond(message.payload(threads=emulator.channels))


async def list_messages(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    if channel.guild_id is not None:
        require(emulator, channel, perms.READ_MESSAGE_HISTORY, "read history")
    limit = max(1, min(100, int(request.query.get("limit", 50))))
    history = emulator.history(channel)
    if "before" in request.query:
        before = int(request.query["before"])
        history = [m for m in history if m.id < before]
        chosen = history[-limit:]
    elif "after" in request.query:
        after = int(request.query["after"])
        chosen = [m for m in history if m.id > after][:limit]
    elif "around" in request.query:
        around = int(request.query["around"])
        older = [m for m in history if m.id <= around][-(limit // 2 + 1) :]
        newer = [m for m in history if m.id > around][: limit - len(older)]
        chosen = older + newer
    else:
        chosen = history[-limit:]
    chosen.sort(key=lambda m: m.id, reverse=True)
    return respond([m.payload(threads=emulator.channels) for m in chosen])


async def get_message(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    if channel.guild_id is not None:
        require(emulator, channel, perms.READ_MESSAGE_HISTORY, "read history")
    return respond(message_of(request, channel).payload(threads=emulator.channels))


async def patch_message(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    message = message_of(request, channel)
    body = body_of(request)
    own = message.author.id == emulator.bot_user.id
    if not own and set(body) - {"flags"}:
        raise errors.DiscordError(403, 50005, "Cannot edit a message authored by another user")
    if not own:
        require(emulator, channel, perms.MANAGE_MESSAGES, "suppress embeds")
    if channel.is_thread and channel.archived:
        raise errors.DiscordError(400, errors.THREAD_ARCHIVED, "Thread is archived")
    if message.poll is not None and ({"content", "embeds", "poll"} & set(body)):
        raise errors.DiscordError(400, errors.CANNOT_EDIT_POLL, "Cannot edit a message with a poll")
    limits.check_message(body, editing=True)
    edited = edit_message(emulator, message, body, request.get(FILES_KEY) or [])
    return respond(edited.payload(threads=emulator.channels))


async def remove_message(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    message = message_of(request, channel)
    if message.author.id != emulator.bot_user.id:
        require(emulator, channel, perms.MANAGE_MESSAGES, "delete others' messages")
    if channel.is_thread and channel.archived:
        raise errors.DiscordError(400, errors.THREAD_ARCHIVED, "Thread is archived")
    delete_message(emulator, message)
    return no_content()


async def bulk_delete(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    require(emulator, channel, perms.MANAGE_MESSAGES, "bulk delete")
    ids = [int(i) for i in body_of(request).get("messages") or []]
    form = errors.FormErrors()
    if not 2 <= len(ids) <= 100:
        form.add("messages", "BASE_TYPE_BAD_LENGTH", "Must be between 2 and 100 in length.")
    form.raise_if_any()
    found = []
    for message_id in ids:
        message = emulator.messages.get(message_id)
        if message is None or message.channel_id != channel.id or message.deleted:
            continue
        if time.time() - message.created_at > BULK_DELETE_MAX_AGE:
            raise errors.DiscordError(400, 50034, "You can only bulk delete messages that are under 14 days old.")
        found.append(message)
    for message in found:
        message.deleted = True
    emulator.dispatch(
        "MESSAGE_DELETE_BULK",
        {"ids": [str(m.id) for m in found], "channel_id": str(channel.id), "guild_id": str(channel.guild_id)},
        guild_id=channel.guild_id,
    )
    return no_content()


async def poll_voters(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    message = message_of(request, channel)
    if message.poll is None:
        raise errors.not_found(errors.UNKNOWN_MESSAGE, "Message")
    answer_id = int(request.match_info["answer_id"])
    if answer_id not in {a["answer_id"] for a in message.poll.answers}:
        raise errors.DiscordError(404, 10018, "Unknown answer")
    limit = max(1, min(100, int(request.query.get("limit", 25))))
    after = int(request.query.get("after", 0))
    voters = sorted(uid for uid in message.poll.votes.get(answer_id, set()) if uid > after)[:limit]
    return respond({"users": [emulator.users[uid].payload() for uid in voters]})


async def expire_poll(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    message = message_of(request, channel)
    if message.poll is None:
        raise errors.not_found(errors.UNKNOWN_MESSAGE, "Message")
    if message.author.id != emulator.bot_user.id:
        raise errors.DiscordError(403, 50005, "Cannot expire a poll authored by another user")
    if message.poll.finalized:
        raise errors.DiscordError(400, errors.POLL_EXPIRED, "This poll has already expired")
    emulator.finalize_poll(message)
    return respond(message.payload(threads=emulator.channels))


_MESSAGES = "/channels/{channel_id}/messages"
ROUTES = [
    ("POST", _MESSAGES, post_message),
    ("GET", _MESSAGES, list_messages),
    ("POST", _MESSAGES + "/bulk-delete", bulk_delete),
    ("GET", _MESSAGES + "/{message_id}", get_message),
    ("PATCH", _MESSAGES + "/{message_id}", patch_message),
    ("DELETE", _MESSAGES + "/{message_id}", remove_message),
    ("GET", "/channels/{channel_id}/polls/{message_id}/answers/{answer_id}", poll_voters),
    ("POST", "/channels/{channel_id}/polls/{message_id}/expire", expire_poll),
]
