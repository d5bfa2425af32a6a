"""The JSON types of the request fields the emulator reads, checked on every request.

Schema validation against Discord's OpenAPI description can be switched off (the sandbox does);
these checks cannot. A body whose fields have the wrong type (`{"content": 5}`) gets Discord's
400 "Invalid Form Body" with the field's path, never a crash in a handler. Unknown fields pass,
as they do on Discord; so does `null` for any field (Discord reads it as "not given").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from discord_emulator.errors import INVALID_FORM_BODY, DiscordError, FormErrors


@dataclass(frozen=True, slots=True)
class Scalar:
    name: str
    code: str
    message: str  # may use {value}

    def accepts(self, value: Any) -> bool:
        if self.name == "string":
            return isinstance(value, str)
        if self.name == "boolean":
            return isinstance(value, bool)
        if self.name == "integer":  # discord.py sends some as whole floats (a poll's duration: 24.0)
            return (isinstance(value, int) and not isinstance(value, bool)) or (
                isinstance(value, float) and value.is_integer()
            )
        if self.name == "snowflake":  # Discord takes ids (and permission bit sets) as digits or numbers
            return (isinstance(value, str) and value.isdigit()) or (
                isinstance(value, int) and not isinstance(value, bool) and value >= 0
            )
        if self.name == "string or integer":
            return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))
        return True  # "any"


STR = Scalar("string", "BASE_TYPE_STRING", "Must be a string.")
INT = Scalar("integer", "NUMBER_TYPE_COERCE", 'Value "{value}" is not int.')
BOOL = Scalar("boolean", "BASE_TYPE_BOOLEAN", "Must be either true or false.")
ID = Scalar("snowflake", "NUMBER_TYPE_COERCE", 'Value "{value}" is not snowflake.')
STR_OR_INT = Scalar("string or integer", "BASE_TYPE_STRING", "Must be a string or an integer.")
ANY = Scalar("any", "", "")
OBJECT: dict[str, Any] = {}  # an object whose fields are not read here

Shape = Scalar | dict[str, Any] | list[Any]

EMBED = {
    "title": STR,
    "description": STR,
    "url": STR,
    "timestamp": STR,
    "color": INT,
    "footer": {"text": STR, "icon_url": STR},
    "image": {"url": STR},
    "thumbnail": {"url": STR},
    "author": {"name": STR, "url": STR, "icon_url": STR},
    "fields": [{"name": STR, "value": STR, "inline": BOOL}],
}
COMPONENT = {
    "type": INT,
    "custom_id": STR,
    "label": STR,
    "style": INT,
    "url": STR,
    "disabled": BOOL,
    "placeholder": STR,
    "value": STR,
    "required": BOOL,
    "min_length": INT,
    "max_length": INT,
    "min_values": INT,
    "max_values": INT,
    "options": [{"label": STR, "value": STR, "description": STR, "default": BOOL}],
    "components": [OBJECT],
}
ROW = {"type": INT, "components": [COMPONENT]}
MESSAGE = {
    "content": STR,
    "nonce": STR_OR_INT,
    "tts": BOOL,
    "flags": INT,
    "enforce_nonce": BOOL,
    "embeds": [EMBED],
    "components": [ROW],
    "sticker_ids": [ID],
    "attachments": [OBJECT],
    "allowed_mentions": {"parse": [STR], "users": [ID], "roles": [ID], "replied_user": BOOL},
    "message_reference": {
        "message_id": ID,
        "channel_id": ID,
        "guild_id": ID,
        "fail_if_not_exists": BOOL,
        "type": INT,
    },
    "poll": {
        "question": {"text": STR},
        "answers": [{"poll_media": {"text": STR}}],
        "duration": INT,
        "allow_multiselect": BOOL,
        "layout_type": INT,
    },
}
WEBHOOK_MESSAGE = MESSAGE | {"username": STR, "avatar_url": STR, "thread_name": STR}
THREAD = {
    "name": STR,
    "auto_archive_duration": INT,
    "rate_limit_per_user": INT,
    "type": INT,
    "invitable": BOOL,
    "applied_tags": [ID],
    "message": MESSAGE,
}
OVERWRITE = {"id": ID, "type": INT, "allow": ID, "deny": ID}
CHANNEL_EDIT = {
    "name": STR,
    "topic": STR,
    "archived": BOOL,
    "locked": BOOL,
    "invitable": BOOL,
    "auto_archive_duration": INT,
    "rate_limit_per_user": INT,
    "applied_tags": [ID],
    "permission_overwrites": [OVERWRITE],
    "position": INT,
    "nsfw": BOOL,
    "flags": INT,
}
COMMAND = {"name": STR, "description": STR, "type": INT, "options": [OBJECT], "default_member_permissions": ID}
# The data of an interaction callback: a message, a modal or autocomplete choices, told apart by
# the callback's type; the fields do not clash, so one shape checks them all.
CALLBACK_DATA = MESSAGE | {"title": STR, "custom_id": STR, "choices": [{"name": STR, "value": ANY}]}

_WEBHOOK = "/webhooks/{application_id}/{token}"
BODIES: dict[tuple[str, str], Shape] = {
    ("POST", "/channels/{channel_id}/messages"): MESSAGE,
    ("PATCH", "/channels/{channel_id}/messages/{message_id}"): MESSAGE,
    ("POST", "/channels/{channel_id}/messages/bulk-delete"): {"messages": [ID]},
    ("POST", "/channels/{channel_id}/messages/{message_id}/threads"): THREAD,
    ("POST", "/channels/{channel_id}/threads"): THREAD,
    ("PATCH", "/channels/{channel_id}"): CHANNEL_EDIT,
    ("PUT", "/channels/{channel_id}/permissions/{overwrite_id}"): OVERWRITE,
    ("POST", "/channels/{channel_id}/webhooks"): {"name": STR, "avatar": STR},
    ("PATCH", "/guilds/{guild_id}/members/{user_id}"): {
        "nick": STR,
        "communication_disabled_until": STR,
        "roles": [ID],
    },
    ("POST", "/interactions/{interaction_id}/{token}/callback"): {"type": INT, "data": CALLBACK_DATA},
    ("POST", _WEBHOOK): WEBHOOK_MESSAGE,
    ("PATCH", _WEBHOOK + "/messages/{message_id}"): MESSAGE,
    ("POST", "/applications/{application_id}/commands"): COMMAND,
    ("PUT", "/applications/{application_id}/commands"): [COMMAND],
    ("POST", "/applications/{application_id}/guilds/{guild_id}/commands"): COMMAND,
    ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"): [COMMAND],
}


def _check(errors: FormErrors, shape: Shape, value: Any, path: str) -> None:
    if value is None:
        return
    where = path or "_root"  # Discord reports a wrong top-level type under `_errors` at the top
    if isinstance(shape, Scalar):
        if not shape.accepts(value):
            errors.add(where, shape.code, shape.message.format(value=str(value)[:100]))
        return
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            errors.add(where, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
            return
        for key, inner in shape.items():
            if key in value:
                _check(errors, inner, value[key], f"{path}.{key}" if path else key)
        return
    if not isinstance(value, list):
        errors.add(where, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType")
        return
    for index, item in enumerate(value):
        _check(errors, shape[0], item, f"{path}.{index}" if path else str(index))


def check_body(method: str, route: str, body: Any) -> None:
    """Raise Discord's 400 50035 when a field the emulator reads has the wrong JSON type."""
    shape = BODIES.get((method, route))
    if shape is None or body is None:
        return
    errors = FormErrors()
    _check(errors, shape, body, "")
    if errors:
        found = errors.errors
        if "_root" in found:  # the body itself has the wrong type
            found = found["_root"]
        raise DiscordError(400, INVALID_FORM_BODY, "Invalid Form Body", found)
