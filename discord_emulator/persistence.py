"""The emulator's world in a JSON file, so a restarted sandbox is the same Discord server: the same
ids for the server, its roles, members, channels, threads and messages (with polls, votes and
files), the bot's identity, its commands and webhooks. The bot's database, kept beside it, then
still points at things that exist.

What lasts only as long as a connection is not kept: gateway sessions, interactions and their
tokens, ephemeral messages, nonces, rate-limit buckets.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from discord_emulator.model import Channel, Guild, Member, Message, Poll, Role, StoredFile, User

if TYPE_CHECKING:
    from discord_emulator.server import Emulator

FORMAT = 1


class WorldUnreadable(Exception):
    """The saved file cannot be read back into a world (damaged, or from another format)."""


def _user(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "username": user.username,
        "bot": user.bot,
        "global_name": user.global_name,
        "avatar": user.avatar,
    }


def _role(role: Role) -> dict[str, Any]:
    return {
        "id": role.id,
        "name": role.name,
        "permissions": role.permissions,
        "position": role.position,
        "color": role.color,
        "managed": role.managed,
        "mentionable": role.mentionable,
        "bot_id": role.bot_id,
    }


def _member(member: Member) -> dict[str, Any]:
    return {
        "user": member.user.id,
        "roles": member.roles,
        "joined_at": member.joined_at,
        "nick": member.nick,
        "communication_disabled_until": member.communication_disabled_until,
    }


_CHANNEL_FIELDS = (
    "id",
    "type",
    "guild_id",
    "name",
    "position",
    "parent_id",
    "topic",
    "rate_limit_per_user",
    "permission_overwrites",
    "last_message_id",
    "owner_id",
    "archived",
    "locked",
    "auto_archive_duration",
    "archive_timestamp",
    "message_count",
    "total_message_sent",
    "applied_tags",
    "available_tags",
    "deleted",
)


def _channel(channel: Channel) -> dict[str, Any]:
    data = {key: getattr(channel, key) for key in _CHANNEL_FIELDS}
    data["recipients"] = [u.id for u in channel.recipients]
    return data


def _poll(poll: Poll) -> dict[str, Any]:
    return {
        "question": poll.question,
        "answers": poll.answers,
        "expiry": poll.expiry,
        "allow_multiselect": poll.allow_multiselect,
        "layout_type": poll.layout_type,
        "votes": {str(answer): sorted(users) for answer, users in poll.votes.items()},
        "finalized": poll.finalized,
    }


_MESSAGE_FIELDS = (
    "id",
    "channel_id",
    "guild_id",
    "content",
    "embeds",
    "components",
    "attachments",
    "flags",
    "type",
    "nonce",
    "message_reference",
    "mention_roles",
    "mention_everyone",
    "edited_at",
    "pinned",
    "webhook_id",
    "thread_id",
    "interaction_metadata",
    "deleted",
    "allowed_mentions",
)


def _message(message: Message) -> dict[str, Any]:
    data = {key: getattr(message, key) for key in _MESSAGE_FIELDS}
    data["author"] = _user(message.author)  # a webhook's author is not one of the users
    data["mentions"] = [u.id for u in message.mentions]
    data["poll"] = _poll(message.poll) if message.poll is not None else None
    return data


def dump_world(emulator: Emulator) -> dict[str, Any]:
    ephemeral = {i for ids in emulator.ephemeral_messages.values() for i in ids}
    return {
        "format": FORMAT,
        "application_id": emulator.application_id,
        "owner_user": emulator.owner_user.id,
        "last_id": emulator.ids.last,
        "users": [_user(u) for u in emulator.users.values()],
        "guilds": [
            {
                "id": g.id,
                "name": g.name,
                "owner_id": g.owner_id,
                "roles": [_role(r) for r in g.roles.values()],
                "members": [_member(m) for m in g.members.values()],
            }
            for g in emulator.guilds.values()
        ],
        "channels": [_channel(c) for c in emulator.channels.values()],
        "messages": [_message(m) for m in emulator.messages.values() if m.id not in ephemeral],
        "channel_messages": {str(c): ids for c, ids in emulator.channel_messages.items()},
        "global_commands": list(emulator.global_commands.values()),
        "guild_commands": {str(g): list(commands.values()) for g, commands in emulator.guild_commands.items()},
        "webhooks": list(emulator.webhooks.values()),
        "files": [
            {"id": f.id, "filename": f.filename, "data": base64.b64encode(f.data).decode()}
            for f in emulator.files.values()
        ],
    }


def restore_world(emulator: Emulator, data: dict[str, Any]) -> None:
    """Replace the (freshly made, empty) emulator's world with a dumped one."""
    if data.get("format") != FORMAT:
        raise WorldUnreadable(f"format {data.get('format')!r}, expected {FORMAT}")
    try:
        users = {int(u["id"]): User(**u) for u in data["users"]}
        application_id = int(data["application_id"])
        guilds: dict[int, Guild] = {}
        for g in data["guilds"]:
            guild = Guild(int(g["id"]), g["name"], int(g["owner_id"]))
            guild.roles = {int(r["id"]): Role(**r) for r in g["roles"]}
            for m in map(dict, g["members"]):
                member = Member(users[int(m.pop("user"))], guild.id, **m)
                guild.members[member.user.id] = member
            guilds[guild.id] = guild
        channels: dict[int, Channel] = {}
        for c in map(dict, data["channels"]):
            recipients = [users[int(u)] for u in c.pop("recipients")]
            channel = Channel(**c, recipients=recipients)
            channels[channel.id] = channel
            if channel.guild_id is not None:
                guilds[channel.guild_id].channels[channel.id] = channel
        messages: dict[int, Message] = {}
        for m in map(dict, data["messages"]):
            author_data = m.pop("author")
            author = users.get(int(author_data["id"])) or User(**author_data)
            mentions = [users[int(u)] for u in m.pop("mentions")]
            poll_data = m.pop("poll")
            poll = None
            if poll_data is not None:
                poll_data = dict(poll_data)
                votes = {int(a): set(ids) for a, ids in poll_data.pop("votes").items()}
                poll = Poll(**poll_data, votes=votes)
            message = Message(**m, author=author, mentions=mentions, poll=poll)
            guild = guilds.get(message.guild_id) if message.guild_id is not None else None
            message.member = guild.members.get(author.id) if guild is not None else None
            messages[message.id] = message
        files = {
            int(f["id"]): StoredFile(int(f["id"]), f["filename"], base64.b64decode(f["data"])) for f in data["files"]
        }
        owner = users[int(data["owner_user"])]
    except (KeyError, TypeError, ValueError) as error:
        raise WorldUnreadable(f"{type(error).__name__}: {error}") from error
    emulator.application_id = application_id
    emulator.bot_user = users[application_id]
    emulator.owner_user = owner
    emulator.users = users
    emulator.guilds = guilds
    emulator.channels = channels
    emulator.messages = messages
    emulator.channel_messages = {int(c): list(ids) for c, ids in data["channel_messages"].items()}
    emulator.ephemeral_messages = {}
    emulator.global_commands = {int(c["id"]): c for c in data["global_commands"]}
    emulator.guild_commands = {
        int(g): {int(c["id"]): c for c in commands} for g, commands in data["guild_commands"].items()
    }
    emulator.webhooks = {int(w["id"]): w for w in data["webhooks"]}
    emulator.files = files
    emulator.ids.advance_past(int(data["last_id"]))
    emulator.touch()


def save_world(emulator: Emulator, path: Path, extra: dict[str, Any] | None = None) -> None:
    """Write the world to `path` in one step: a crash mid-write leaves the previous file whole."""
    document = dump_world(emulator) | {"extra": extra or {}}
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(orjson.dumps(document))
    os.replace(partial, path)


def load_world(emulator: Emulator, path: Path) -> dict[str, Any]:
    """Restore the world saved at `path`; returns the `extra` saved with it."""
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as error:
        raise WorldUnreadable(str(error)) from error
    if not isinstance(data, dict):
        raise WorldUnreadable("not a JSON object")
    restore_world(emulator, data)
    extra = data.get("extra")
    return extra if isinstance(extra, dict) else {}
