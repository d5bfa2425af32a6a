"""Channel webhooks: create, list, and execute (a message under any name and avatar)."""

from __future__ import annotations

import secrets
from typing import Any

from aiohttp import web

from discord_emulator import errors, limits
from discord_emulator import permissions as perms
from discord_emulator.messaging import create_message
from discord_emulator.model import User
from discord_emulator.rest.util import body_of, channel_of, emulator_of, no_content, require, respond, snowflake


def _payload(webhook: dict[str, Any], *, with_token: bool = True) -> dict[str, Any]:
    data = {k: v for k, v in webhook.items() if k != "token" or with_token}
    return data


async def create_webhook(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    if channel.is_thread:
        raise errors.DiscordError(400, 50024, "Cannot execute action on this channel type")
    require(emulator, channel, perms.MANAGE_WEBHOOKS, "create a webhook")
    body = body_of(request)
    form = errors.FormErrors()
    name = body.get("name") or ""
    limits.check_webhook_name(form, name, "name")
    form.raise_if_any()
    webhook_id = emulator.ids.next()
    webhook = {
        "id": str(webhook_id),
        "type": 1,
        "name": name,
        "avatar": None,
        "channel_id": str(channel.id),
        "guild_id": str(channel.guild_id),
        "application_id": str(emulator.application_id),
        "token": secrets.token_urlsafe(48),
        "user": emulator.bot_user.payload(),
    }
    emulator.webhooks[webhook_id] = webhook
    emulator.touch()  # the sandbox saves webhooks with the server
    return respond(_payload(webhook))


async def channel_webhooks(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    channel = channel_of(request)
    require(emulator, channel, perms.MANAGE_WEBHOOKS, "list webhooks")
    return respond([_payload(w) for w in emulator.webhooks.values() if w["channel_id"] == str(channel.id)])


async def delete_webhook(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    webhook_id = snowflake(request, "webhook_id")
    webhook = emulator.webhooks.get(webhook_id)
    if webhook is None:
        raise errors.not_found(errors.UNKNOWN_WEBHOOK, "Webhook")
    require(emulator, emulator.channels[int(webhook["channel_id"])], perms.MANAGE_WEBHOOKS, "delete a webhook")
    del emulator.webhooks[webhook_id]
    emulator.touch()
    return no_content()


async def execute(request: web.Request, webhook_id: int) -> web.Response:
    """POST /webhooks/{id}/{token}: shares its path with interaction follow-ups (told apart by the id)."""
    emulator = emulator_of(request)
    webhook = emulator.webhooks.get(webhook_id)
    if webhook is None or webhook["token"] != request.match_info["token"]:
        raise errors.not_found(errors.UNKNOWN_WEBHOOK, "Webhook")
    body = dict(body_of(request))
    limits.check_message(body)
    form = errors.FormErrors()
    if body.get("username") is not None:
        limits.check_webhook_name(form, body["username"], "username")
    form.raise_if_any()
    channel = emulator.channels[int(webhook["channel_id"])]
    if "thread_id" in request.query:
        thread = emulator.channels.get(int(request.query["thread_id"]))
        if thread is None or thread.parent_id != channel.id or thread.deleted:
            raise errors.not_found(errors.UNKNOWN_CHANNEL, "Channel")
        if thread.archived and not thread.locked:
            thread.archived = False
            emulator.dispatch("THREAD_UPDATE", thread.payload(), guild_id=thread.guild_id)
        channel = thread
    author = User(webhook_id, body.get("username") or webhook["name"], bot=True, avatar=body.get("avatar_url"))
    message = create_message(emulator, channel, author, body, webhook_id=webhook_id)
    if request.query.get("wait") in ("1", "true", "True"):
        return respond(message.payload(threads=emulator.channels))
    return no_content()


ROUTES = [
    ("POST", "/channels/{channel_id}/webhooks", create_webhook),
    ("GET", "/channels/{channel_id}/webhooks", channel_webhooks),
    ("DELETE", "/webhooks/{webhook_id}", delete_webhook),
]
