"""Interactions as a Discord client creates them, and the handle a test awaits for the answer."""

from __future__ import annotations

import asyncio
import secrets
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from discord_emulator.model import EPHEMERAL, Channel, Member, Message, Role, User

if TYPE_CHECKING:
    from discord_emulator.server import Emulator

PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 1, 2, 3, 4, 5
FIRST_RESPONSE_SECONDS = 3.0
TOKEN_LIFETIME_SECONDS = 15 * 60

# Option types
SUB_COMMAND, SUB_COMMAND_GROUP, STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER = range(1, 11)

# Callback types
MESSAGE_WITH_SOURCE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, AUTOCOMPLETE_RESULT, MODAL = 4, 5, 6, 7, 8, 9


class InteractionError(Exception):
    """A test asked for something a Discord client would not let a member do."""


@dataclass
class InteractionHandle:
    id: int
    token: str
    type: int
    user: User
    channel: Channel
    data: dict[str, Any]
    created: float = field(default_factory=time.monotonic)
    callback: dict[str, Any] | None = None
    original: Message | None = None
    followups: list[Message] = field(default_factory=list)
    source_message: Message | None = None
    answered: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def expired(self) -> bool:
        return time.monotonic() - self.created > FIRST_RESPONSE_SECONDS

    @property
    def token_expired(self) -> bool:
        return time.monotonic() - self.created > TOKEN_LIFETIME_SECONDS

    async def wait_response(self, timeout: float = 5.0) -> dict[str, Any]:
        """The callback body the bot sent (type and data)."""
        await asyncio.wait_for(self.answered.wait(), timeout)
        assert self.callback is not None
        return self.callback

    async def wait_message(self, timeout: float = 5.0) -> Message:
        """The message the member sees: the original response, or after a deferral, its edit."""
        deadline = time.monotonic() + timeout
        await self.wait_response(timeout)
        while time.monotonic() < deadline:
            if self.original is not None and not self.original.flags & 128:  # 128: still "thinking"
                return self.original
            if self.followups:
                return self.followups[0]
            await asyncio.sleep(0.01)
        raise TimeoutError("the bot acknowledged the interaction but never sent its message")

    @property
    def ephemeral(self) -> bool:
        message = self.original or (self.followups[0] if self.followups else None)
        return bool(message and message.flags & EPHEMERAL)

    def text(self) -> str:
        """Everything the member can read in the answer: content plus embed text."""
        parts: list[str] = []
        for message in ([self.original] if self.original else []) + self.followups:
            parts.append(message.content)
            for embed in message.embeds:
                parts.extend([embed.get("title") or "", embed.get("description") or ""])
                for f in embed.get("fields") or []:
                    parts.extend([f.get("name", ""), f.get("value", "")])
                parts.append((embed.get("footer") or {}).get("text", ""))
        if self.callback and self.callback.get("type") == AUTOCOMPLETE_RESULT:
            parts.extend(c["name"] for c in self.callback.get("data", {}).get("choices", []))
        return "\n".join(p for p in parts if p)


def find_command(emulator: Emulator, guild_id: int | None, name: str, type: int = 1) -> dict[str, Any]:
    pools = []
    if guild_id is not None:
        pools.append(emulator.guild_commands.get(guild_id, {}))
    pools.append(emulator.global_commands)
    for pool in pools:
        for command in pool.values():
            if command["name"] == name and command.get("type", 1) == type:
                return command
    raise InteractionError(f"no registered command {name!r} (type {type}); did the bot sync its commands?")


def _option_value(
    emulator: Emulator,
    guild_id: int | None,
    option: dict[str, Any],
    value: Any,
    resolved: dict[str, dict[str, Any]],
    *,
    focused: bool,
) -> Any:
    kind = option["type"]
    if focused:
        return str(value)
    if kind in (USER, MENTIONABLE) and isinstance(value, Member | User):
        user = value.user if isinstance(value, Member) else value
        resolved.setdefault("users", {})[str(user.id)] = user.payload()
        guild = emulator.guilds.get(guild_id or 0)
        if guild is not None and user.id in guild.members:
            resolved.setdefault("members", {})[str(user.id)] = guild.members[user.id].payload(with_user=False) | {
                "permissions": "0"
            }
        return str(user.id)
    if kind in (ROLE, MENTIONABLE) and isinstance(value, Role):
        resolved.setdefault("roles", {})[str(value.id)] = value.payload()
        return str(value.id)
    if kind == CHANNEL and isinstance(value, Channel):
        resolved.setdefault("channels", {})[str(value.id)] = value.payload() | {
            "permissions": str(emulator.permissions_in(value, emulator.bot_user.id))
        }
        return str(value.id)
    if kind in (USER, ROLE, CHANNEL, MENTIONABLE):
        raise InteractionError(f"option {option['name']!r} needs an emulator object, got {value!r}")
    if kind == INTEGER:
        value = int(value)
    elif kind == NUMBER:
        value = float(value)
    elif kind == BOOLEAN:
        value = bool(value)
    else:
        value = str(value)
    if option.get("choices") and value not in [c["value"] for c in option["choices"]]:
        raise InteractionError(f"{value!r} is not one of the choices of option {option['name']!r}")
    return value


def build_command_data(
    emulator: Emulator, guild_id: int | None, path: str, values: dict[str, Any], *, focused: str | None = None
) -> dict[str, Any]:
    """`"config set", {"setting": "editor_role"}` → the `data` of an APPLICATION_COMMAND interaction."""
    names = path.split()
    command = find_command(emulator, guild_id, names[0])
    data: dict[str, Any] = {"id": command["id"], "name": command["name"], "type": 1}
    if guild_id is not None and command.get("guild_id"):
        data["guild_id"] = command["guild_id"]
    definitions = command.get("options") or []
    container = data
    for sub in names[1:]:
        match = next(
            (o for o in definitions if o["name"] == sub and o["type"] in (SUB_COMMAND, SUB_COMMAND_GROUP)), None
        )
        if match is None:
            raise InteractionError(f"/{path}: no subcommand {sub!r}")
        node: dict[str, Any] = {"type": match["type"], "name": sub, "options": []}
        container.setdefault("options", []).append(node)
        container, definitions = node, match.get("options") or []
    if any(o["type"] in (SUB_COMMAND, SUB_COMMAND_GROUP) for o in definitions):
        raise InteractionError(f"/{path} needs a subcommand")
    resolved: dict[str, dict[str, Any]] = {}
    options = []
    for name, value in values.items():
        option = next((o for o in definitions if o["name"] == name), None)
        if option is None:
            raise InteractionError(f"/{path} has no option {name!r}")
        entry = {
            "name": name,
            "type": option["type"],
            "value": _option_value(emulator, guild_id, option, value, resolved, focused=name == focused),
        }
        if name == focused:
            entry["focused"] = True
        options.append(entry)
    if focused is None:
        missing = [o["name"] for o in definitions if o.get("required") and o["name"] not in values]
        if missing:
            raise InteractionError(f"/{path}: required option(s) {missing} missing")
    container["options"] = options
    if resolved:
        data["resolved"] = resolved
    return data


def build_interaction(
    emulator: Emulator, type: int, user: User, channel: Channel, data: dict[str, Any], *, message: Message | None = None
) -> tuple[InteractionHandle, dict]:
    interaction_id = emulator.ids.next()
    token = "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48)
    guild = emulator.guild_of(channel)
    payload: dict[str, Any] = {
        "id": str(interaction_id),
        "application_id": str(emulator.application_id),
        "type": type,
        "data": data,
        "channel_id": str(channel.id),
        "channel": channel.payload(),
        "token": token,
        "version": 1,
        "locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 10 * 1024 * 1024,
        "app_permissions": str(emulator.permissions_in(channel, emulator.bot_user.id)),
    }
    if guild is not None:
        member = guild.members.get(user.id)
        if member is None:
            raise InteractionError(f"{user.username} is not a member of {guild.name}")
        payload.update(
            guild_id=str(guild.id),
            guild={"id": str(guild.id), "locale": "en-US", "features": []},
            guild_locale="en-US",
            member=member.payload() | {"permissions": str(emulator.permissions_in(channel, user.id))},
            authorizing_integration_owners={"0": str(guild.id)},
            context=0,
        )
    else:
        payload.update(user=user.payload(), authorizing_integration_owners={"1": str(user.id)}, context=1)
    if message is not None:
        payload["message"] = message.payload(threads=emulator.channels)
    handle = InteractionHandle(interaction_id, token, type, user, channel, data, source_message=message)
    emulator.interactions[interaction_id] = handle
    return handle, payload


def find_component(message: Message, custom_id: str) -> dict[str, Any]:
    def walk(nodes: list[dict[str, Any]]) -> dict[str, Any] | None:
        for node in nodes:
            if node.get("custom_id") == custom_id:
                return node
            for key in ("components",):
                if found := walk(node.get(key) or []):
                    return found
            if isinstance(node.get("accessory"), dict) and node["accessory"].get("custom_id") == custom_id:
                return node["accessory"]
        return None

    component = walk(message.components)
    if component is None:
        raise InteractionError(f"message {message.id} has no component with custom_id {custom_id!r}")
    if component.get("disabled"):
        raise InteractionError(f"component {custom_id!r} is disabled")
    return component


def modal_inputs(modal: dict[str, Any]) -> list[dict[str, Any]]:
    """The text inputs of a modal, whether in action rows or in labels (components v2)."""
    inputs = []
    for row in modal.get("components") or []:
        if row.get("type") == 18 and isinstance(row.get("component"), dict):
            inputs.append(row["component"])
        for child in row.get("components") or []:
            inputs.append(child)
    return [i for i in inputs if i.get("type") == 4]
