"""What a person on the page can do, as the member they picked: each action is the emulator's own
member action (a message, a slash command, a click, a modal, a vote, a report), so the bot sees
exactly what a Discord client would send it."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from discord_emulator.interactions import (
    AUTOCOMPLETE_RESULT,
    BOOLEAN,
    CHANNEL,
    INTEGER,
    MENTIONABLE,
    MODAL,
    NUMBER,
    ROLE,
    USER,
    InteractionError,
    InteractionHandle,
    find_command,
)
from discord_emulator.model import Guild, Member, Message

if TYPE_CHECKING:
    from discord_emulator.server import Emulator

ANSWER_WAIT_SECONDS = 4.0  # Discord's client gives up after 3 s; a little slack for a busy machine


class ActionError(Exception):
    """Something the page asked for that a Discord client would refuse; the message says what."""


def _member(guild: Guild, body: dict[str, Any]) -> Member:
    try:
        return guild.members[int(body["as"])]
    except (KeyError, ValueError):
        raise ActionError("pick a member to act as") from None


def _message(emulator: Emulator, body: dict[str, Any]) -> Message:
    message = emulator.messages.get(int(body.get("message") or 0))
    if message is None or message.deleted:
        raise ActionError("that message is gone")
    return message


def _options(emulator: Emulator, guild: Guild, path: str, raw: dict[str, Any]) -> dict[str, Any]:
    """Form values (strings) → the option values run_command takes (emulator objects for ids)."""
    definitions = find_command(emulator, guild.id, path.split()[0]).get("options") or []
    for name in path.split()[1:]:
        definitions = next((o.get("options") or [] for o in definitions if o["name"] == name), [])
    by_name = {o["name"]: o for o in definitions}
    values: dict[str, Any] = {}
    for name, value in raw.items():
        option = by_name.get(name)
        if option is None or value in (None, ""):
            continue
        kind = option["type"]
        try:
            if kind == CHANNEL:
                values[name] = emulator.channels[int(value)]
            elif kind == USER:
                values[name] = guild.members[int(value)]
            elif kind == ROLE:
                values[name] = guild.roles[int(value)]
            elif kind == MENTIONABLE:
                values[name] = guild.members.get(int(value)) or guild.roles[int(value)]
            elif kind == INTEGER:
                values[name] = int(value)
            elif kind == NUMBER:
                values[name] = float(value)
            elif kind == BOOLEAN:
                values[name] = value in (True, "true", "on", "1")
            else:
                values[name] = str(value)
        except (KeyError, ValueError):
            raise ActionError(f"{name}: {value!r} is not a valid {option.get('description') or name}") from None
    return values


def _modal(handle: InteractionHandle) -> dict[str, Any]:
    """The modal the bot opened, as the page draws it: a title and labelled text inputs."""
    assert handle.callback is not None
    modal = handle.callback.get("data") or {}
    inputs = []
    for row in modal.get("components") or []:
        if row.get("type") == 18 and isinstance(row.get("component"), dict):  # a label (components v2)
            inputs.append(row["component"] | {"label": row.get("label", ""), "hint": row.get("description", "")})
        inputs.extend(child for child in row.get("components") or [] if child.get("type") == 4)
    return {
        "interaction": str(handle.id),
        "title": modal.get("title", ""),
        "inputs": [
            {
                "custom_id": i["custom_id"],
                "label": i.get("label", ""),
                "hint": i.get("hint", ""),
                "paragraph": i.get("style") == 2,
                "required": i.get("required", True),
                "min_length": i.get("min_length", 0),
                "max_length": i.get("max_length", 4000),
                "placeholder": i.get("placeholder", ""),
                "value": i.get("value") or "",
            }
            for i in inputs
            if i.get("type") == 4
        ],
    }


async def _answer(handle: InteractionHandle) -> dict[str, Any]:
    try:
        callback = await handle.wait_response(ANSWER_WAIT_SECONDS)
    except TimeoutError:
        return {"error": "The application did not respond."}
    if callback.get("type") == MODAL:
        return {"modal": _modal(handle)}
    if callback.get("type") == AUTOCOMPLETE_RESULT:
        return {"choices": (callback.get("data") or {}).get("choices") or []}
    return {"ok": True}


async def perform(emulator: Emulator, guild: Guild, body: dict[str, Any]) -> dict[str, Any]:
    """Do what `body` asks ({"action": ..., "as": member id, ...}); returns what the page shows."""
    action = body.get("action")
    try:
        if action == "modal":  # the modal answers the interaction that opened it: same member
            opened = emulator.interactions.get(int(body.get("interaction") or 0))
            if opened is None:
                raise ActionError("that form has expired")
            return await _answer(emulator.submit_modal(opened, dict(body.get("values") or {})))
        member = _member(guild, body)
        if action == "send":
            channel = emulator.channels[int(body["channel"])]
            content = str(body.get("content") or "").strip()
            if not content:
                raise ActionError("type a message first")
            emulator.send_message(member, channel, content)
            return {"ok": True}
        if action in ("command", "autocomplete"):
            channel = emulator.channels[int(body["channel"])]
            path = str(body.get("path") or "").strip()
            options = _options(emulator, guild, path, dict(body.get("options") or {}))
            if action == "autocomplete":
                focused = str(body.get("focused") or "")
                options[focused] = str((body.get("options") or {}).get(focused) or "")
                return await _answer(emulator.autocomplete(member, channel, path, focused=focused, **options))
            return await _answer(emulator.run_command(member, channel, path, **options))
        if action == "click":
            return await _answer(emulator.click(member, _message(emulator, body), str(body["custom_id"])))
        if action == "select":
            values = [str(v) for v in body.get("values") or []]
            return await _answer(emulator.select(member, _message(emulator, body), str(body["custom_id"]), values))
        if action == "message_command":
            return await _answer(emulator.message_command(member, _message(emulator, body), str(body["name"])))
        if action == "vote":
            message = _message(emulator, body)
            answer = int(body["answer"])
            if message.poll is not None and member.user.id in message.poll.votes.get(answer, set()):
                emulator.unvote(member, message, answer)
            else:
                emulator.vote(member, message, answer)
            await asyncio.sleep(0)
            return {"ok": True}
    except ActionError as error:
        return {"error": str(error)}
    except InteractionError as error:  # what Discord's client would not allow
        return {"error": str(error)}
    except (KeyError, ValueError) as error:
        return {"error": f"bad request: {error}"}
    return {"error": f"unknown action {action!r}"}
