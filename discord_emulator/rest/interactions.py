"""Interaction callbacks (the 3-second rule, one acknowledgement) and follow-up webhooks."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from discord_emulator import errors, limits
from discord_emulator.interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    AUTOCOMPLETE_RESULT,
    DEFERRED_MESSAGE,
    DEFERRED_UPDATE,
    MESSAGE_COMPONENT,
    MESSAGE_WITH_SOURCE,
    MODAL,
    MODAL_SUBMIT,
    UPDATE_MESSAGE,
    InteractionHandle,
)
from discord_emulator.messaging import attachments_from, create_message, delete_message, edit_message
from discord_emulator.model import EPHEMERAL, Message
from discord_emulator.rest.util import FILES_KEY, body_of, emulator_of, no_content, respond, snowflake

LOADING = 1 << 7
ALLOWED_CALLBACKS = {
    APPLICATION_COMMAND: {MESSAGE_WITH_SOURCE, DEFERRED_MESSAGE, MODAL},
    MESSAGE_COMPONENT: {MESSAGE_WITH_SOURCE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, MODAL},
    AUTOCOMPLETE: {AUTOCOMPLETE_RESULT},
    MODAL_SUBMIT: {MESSAGE_WITH_SOURCE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE},
}


def _metadata(handle: InteractionHandle) -> dict[str, Any]:
    return {
        "id": str(handle.id),
        "type": handle.type,
        "user": handle.user.payload(),
        "authorizing_integration_owners": {},
        "name": handle.data.get("name"),
    }


def _respond_message(
    request: web.Request, handle: InteractionHandle, data: dict[str, Any], *, loading: bool = False
) -> Message:
    emulator = emulator_of(request)
    body = dict(data)
    body["attachments_created"] = attachments_from(emulator, request.get(FILES_KEY) or [])
    if loading:
        body["flags"] = (int(body.get("flags") or 0) & EPHEMERAL) | LOADING
    return create_message(emulator, handle.channel, emulator.bot_user, body, interaction_metadata=_metadata(handle))


async def callback(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    handle = emulator.interactions.get(snowflake(request, "interaction_id"))
    if handle is None or handle.token != request.match_info["token"] or handle.expired:
        raise errors.not_found(errors.UNKNOWN_INTERACTION, "interaction")
    if handle.callback is not None:
        raise errors.DiscordError(400, errors.ALREADY_ACKNOWLEDGED, "Interaction has already been acknowledged.")
    body = body_of(request)
    kind = int(body.get("type", 0))
    if kind not in ALLOWED_CALLBACKS.get(handle.type, set()):
        raise errors.DiscordError(400, 40043, f"Interaction callback type {kind} is not valid here")
    data = body.get("data") or {}
    resource: dict[str, Any] = {"type": kind}
    if kind == MESSAGE_WITH_SOURCE:
        limits.check_message(data, has_files=bool(request.get(FILES_KEY)))
        handle.original = _respond_message(request, handle, data)
    elif kind == DEFERRED_MESSAGE:
        handle.original = _respond_message(request, handle, {"flags": data.get("flags", 0)}, loading=True)
    elif kind == UPDATE_MESSAGE:
        limits.check_message(data, editing=True)
        assert handle.source_message is not None
        edit_message(emulator, handle.source_message, data, request.get(FILES_KEY) or [])
    elif kind == AUTOCOMPLETE_RESULT:
        if len(data.get("choices") or []) > 25:
            form = errors.FormErrors()
            form.add("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
            form.raise_if_any()
    elif kind == MODAL:
        form = errors.FormErrors()
        form.max_length("data.title", data.get("title"), 45)
        form.max_length("data.custom_id", data.get("custom_id"), 100)
        if not data.get("components"):
            form.add("data.components", "BASE_TYPE_REQUIRED", "This field is required")
        form.raise_if_any()
    handle.callback = body
    handle.answered.set()
    interaction: dict[str, Any] = {"id": str(handle.id), "type": handle.type}
    if handle.original is not None:
        interaction.update(
            response_message_id=str(handle.original.id),
            response_message_loading=bool(handle.original.flags & LOADING),
            response_message_ephemeral=bool(handle.original.flags & EPHEMERAL),
        )
        resource["message"] = handle.original.payload(threads=emulator.channels)
    if request.query.get("with_response") in ("1", "true", "True"):
        return respond({"interaction": interaction, "resource": resource})
    return no_content()


def _handle_for_webhook(request: web.Request) -> InteractionHandle:
    emulator = emulator_of(request)
    if snowflake(request, "application_id") != emulator.application_id:
        raise errors.not_found(errors.UNKNOWN_WEBHOOK, "Webhook")
    token = request.match_info["token"]
    handle = next((h for h in reversed(emulator.interactions.values()) if h.token == token), None)
    if handle is None:
        raise errors.not_found(errors.UNKNOWN_WEBHOOK, "Webhook")
    if handle.token_expired:
        raise errors.DiscordError(401, errors.INVALID_WEBHOOK_TOKEN, "Invalid Webhook Token")
    if handle.callback is None:
        raise errors.not_found(errors.UNKNOWN_WEBHOOK, "Webhook")  # no follow-ups before the acknowledgement
    return handle


def _target(request: web.Request, handle: InteractionHandle) -> Message:
    message_id = request.match_info["message_id"]
    if message_id == "@original":
        target = handle.original
        if target is None and handle.callback and handle.callback.get("type") in (DEFERRED_UPDATE, UPDATE_MESSAGE):
            target = handle.source_message
    else:
        target = next((m for m in handle.followups if str(m.id) == message_id), None)
        if target is None and handle.original is not None and str(handle.original.id) == message_id:
            target = handle.original
    if target is None or target.deleted:
        raise errors.not_found(errors.UNKNOWN_MESSAGE, "Message")
    return target


async def followup(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    if snowflake(request, "application_id") != emulator.application_id:
        from discord_emulator.rest.webhooks import execute

        return await execute(request, snowflake(request, "application_id"))
    handle = _handle_for_webhook(request)
    body = body_of(request)
    limits.check_message(body, has_files=bool(request.get(FILES_KEY)))
    if handle.original is not None and handle.original.flags & LOADING:
        # The first follow-up after a deferral replaces the "thinking" message.
        handle.original.flags &= ~LOADING
        edit_message(emulator, handle.original, body, request.get(FILES_KEY) or [])
        return respond(handle.original.payload(threads=emulator.channels))
    body = dict(body) | {"attachments_created": attachments_from(emulator, request.get(FILES_KEY) or [])}
    message = create_message(emulator, handle.channel, emulator.bot_user, body, interaction_metadata=_metadata(handle))
    handle.followups.append(message)
    return respond(message.payload(threads=emulator.channels))


async def get_webhook_message(request: web.Request) -> web.Response:
    handle = _handle_for_webhook(request)
    return respond(_target(request, handle).payload(threads=emulator_of(request).channels))


async def edit_webhook_message(request: web.Request) -> web.Response:
    emulator = emulator_of(request)
    handle = _handle_for_webhook(request)
    target = _target(request, handle)
    body = body_of(request)
    limits.check_message(body, editing=True)
    target.flags &= ~LOADING
    edited = edit_message(emulator, target, body, request.get(FILES_KEY) or [])
    return respond(edited.payload(threads=emulator.channels))


async def delete_webhook_message(request: web.Request) -> web.Response:
    handle = _handle_for_webhook(request)
    delete_message(emulator_of(request), _target(request, handle))
    return no_content()


_WEBHOOK = "/webhooks/{application_id}/{token}"
ROUTES = [
    ("POST", "/interactions/{interaction_id}/{token}/callback", callback),
    ("POST", _WEBHOOK, followup),
    ("GET", _WEBHOOK + "/messages/{message_id}", get_webhook_message),
    ("PATCH", _WEBHOOK + "/messages/{message_id}", edit_webhook_message),
    ("DELETE", _WEBHOOK + "/messages/{message_id}", delete_webhook_message),
]
