"""The emulator's in-memory Discord: users, guilds, roles, members, channels, threads, messages, polls.

Each object renders itself as the JSON payload Discord sends for it.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import time
from dataclasses import dataclass, field
from typing import Any

from discord_emulator.snowflake import snowflake_time

# Channel types
GUILD_TEXT = 0
DM = 1
GUILD_CATEGORY = 4
PUBLIC_THREAD = 11
PRIVATE_THREAD = 12
GUILD_FORUM = 15
THREAD_TYPES = (10, PUBLIC_THREAD, PRIVATE_THREAD)

# Message flags
EPHEMERAL = 1 << 6


def iso(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).isoformat()


def parse_iso(value: str | None) -> float | None:
    if not value:
        return None
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


@dataclass(slots=True)
class User:
    id: int
    username: str
    bot: bool = False
    global_name: str | None = None
    avatar: str | None = None

    def payload(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": self.avatar,
            "public_flags": 0,
            "flags": 0,
        }
        if self.bot:
            data["bot"] = True
        return data


@dataclass(slots=True)
class Role:
    id: int
    name: str
    permissions: int
    position: int = 0
    color: int = 0
    managed: bool = False
    mentionable: bool = False
    bot_id: int | None = None  # the managed role Discord gives a bot when it joins: tags.bot_id

    def payload(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "name": self.name,
            "color": self.color,
            "colors": {"primary_color": self.color, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": self.managed,
            "mentionable": self.mentionable,
            "flags": 0,
        }
        if self.bot_id is not None:
            data["tags"] = {"bot_id": str(self.bot_id)}
        return data


@dataclass(slots=True)
class Member:
    user: User
    guild_id: int
    roles: list[int] = field(default_factory=list)
    joined_at: float = field(default_factory=time.time)
    nick: str | None = None
    communication_disabled_until: float | None = None

    def is_timed_out(self, now: float | None = None) -> bool:
        until = self.communication_disabled_until
        return until is not None and until > (time.time() if now is None else now)

    def payload(self, *, with_user: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "roles": [str(r) for r in self.roles],
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "joined_at": iso(self.joined_at),
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": (
                iso(self.communication_disabled_until) if self.communication_disabled_until else None
            ),
        }
        if with_user:
            data["user"] = self.user.payload()
        return data


@dataclass(slots=True)
class Channel:
    id: int
    type: int
    guild_id: int | None
    name: str
    position: int = 0
    parent_id: int | None = None
    topic: str | None = None
    rate_limit_per_user: int = 0
    permission_overwrites: list[dict[str, Any]] = field(default_factory=list)
    last_message_id: int | None = None
    # threads
    owner_id: int | None = None
    archived: bool = False
    locked: bool = False
    auto_archive_duration: int = 1440
    archive_timestamp: float = field(default_factory=time.time)
    message_count: int = 0
    total_message_sent: int = 0
    applied_tags: list[int] = field(default_factory=list)
    # forums
    available_tags: list[dict[str, Any]] = field(default_factory=list)
    # DMs
    recipients: list[User] = field(default_factory=list)
    deleted: bool = False

    @property
    def is_thread(self) -> bool:
        return self.type in THREAD_TYPES

    def payload(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "type": self.type,
            "name": self.name,
            "flags": 0,
            "last_message_id": str(self.last_message_id) if self.last_message_id else None,
        }
        if self.type == DM:
            data.pop("name")
            data["recipients"] = [u.payload() for u in self.recipients]
            return data
        data["guild_id"] = str(self.guild_id)
        data["parent_id"] = str(self.parent_id) if self.parent_id else None
        data["rate_limit_per_user"] = self.rate_limit_per_user
        if self.is_thread:
            data.update(
                owner_id=str(self.owner_id) if self.owner_id else None,
                message_count=self.message_count,
                member_count=1,
                total_message_sent=self.total_message_sent,
                applied_tags=[str(t) for t in self.applied_tags],
                thread_metadata={
                    "archived": self.archived,
                    "auto_archive_duration": self.auto_archive_duration,
                    "archive_timestamp": iso(self.archive_timestamp),
                    "locked": self.locked,
                    "invitable": True,
                    "create_timestamp": iso(snowflake_time(self.id)),
                },
            )
            return data
        data.update(
            position=self.position,
            permission_overwrites=self.permission_overwrites,
            nsfw=False,
            topic=self.topic,
        )
        if self.type == GUILD_FORUM:
            data.update(
                available_tags=self.available_tags,
                default_reaction_emoji=None,
                default_sort_order=None,
                default_forum_layout=0,
                default_thread_rate_limit_per_user=0,
                default_auto_archive_duration=1440,
            )
        return data


@dataclass(slots=True)
class Poll:
    question: str
    answers: list[dict[str, Any]]  # [{"answer_id": 1, "poll_media": {"text": ...}}]
    expiry: float
    allow_multiselect: bool = False
    layout_type: int = 1
    votes: dict[int, set[int]] = field(default_factory=dict)  # answer_id -> user ids
    finalized: bool = False

    def is_open(self, now: float | None = None) -> bool:
        return not self.finalized and (time.time() if now is None else now) < self.expiry

    def payload(self) -> dict[str, Any]:
        return {
            "question": {"text": self.question},
            "answers": self.answers,
            "expiry": iso(self.expiry),
            "allow_multiselect": self.allow_multiselect,
            "layout_type": self.layout_type,
            "results": {
                "is_finalized": self.finalized,
                "answer_counts": [
                    {"id": a["answer_id"], "count": len(self.votes.get(a["answer_id"], ())), "me_voted": False}
                    for a in self.answers
                ],
            },
        }


@dataclass(slots=True)
class Message:
    id: int
    channel_id: int
    guild_id: int | None
    author: User
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    components: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    poll: Poll | None = None
    flags: int = 0
    type: int = 0
    nonce: str | int | None = None
    message_reference: dict[str, Any] | None = None
    mentions: list[User] = field(default_factory=list)
    mention_roles: list[int] = field(default_factory=list)
    mention_everyone: bool = False
    edited_at: float | None = None
    pinned: bool = False
    webhook_id: int | None = None
    thread_id: int | None = None  # the thread started from this message
    interaction_metadata: dict[str, Any] | None = None
    member: Member | None = None
    deleted: bool = False
    # what the request asked for, kept so tests can assert on it
    allowed_mentions: dict[str, Any] | None = None

    @property
    def created_at(self) -> float:
        return snowflake_time(self.id)

    def payload(self, *, gateway: bool = False, threads: dict[int, Channel] | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "channel_id": str(self.channel_id),
            "author": self.author.payload(),
            "content": self.content,
            "timestamp": iso(self.created_at),
            "edited_timestamp": iso(self.edited_at) if self.edited_at else None,
            "tts": False,
            "mention_everyone": self.mention_everyone,
            "mentions": [u.payload() for u in self.mentions],
            "mention_roles": [str(r) for r in self.mention_roles],
            "attachments": self.attachments,
            "embeds": self.embeds,
            "pinned": self.pinned,
            "type": self.type,
            "flags": self.flags,
            "components": self.components,
        }
        if self.nonce is not None:
            data["nonce"] = self.nonce
        if self.poll is not None:
            data["poll"] = self.poll.payload()
        if self.message_reference is not None:
            data["message_reference"] = self.message_reference
        if self.webhook_id is not None:
            data["webhook_id"] = str(self.webhook_id)
        if self.interaction_metadata is not None:
            data["interaction_metadata"] = self.interaction_metadata
        if self.thread_id is not None and threads is not None and self.thread_id in threads:
            data["thread"] = threads[self.thread_id].payload()
        if gateway and self.guild_id is not None:
            data["guild_id"] = str(self.guild_id)
            if self.member is not None and not self.webhook_id:
                data["member"] = self.member.payload(with_user=False)
        return data


@dataclass(slots=True)
class StoredFile:
    """An uploaded file, kept as Discord's CDN keeps it and served at `path`."""

    id: int
    filename: str
    data: bytes

    @property
    def content_type(self) -> str:
        return mimetypes.guess_type(self.filename)[0] or "application/octet-stream"

    @property
    def path(self) -> str:
        return f"/attachments/{self.id}/{self.filename}"

    def image_size(self) -> tuple[int, int] | None:
        """(width, height) of a PNG, read from its header; Discord reports both for images."""
        if self.data[:8] == b"\x89PNG\r\n\x1a\n" and len(self.data) >= 24:
            return int.from_bytes(self.data[16:20], "big"), int.from_bytes(self.data[20:24], "big")
        return None

    def attachment(self, base_url: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "filename": self.filename,
            "size": len(self.data),
            "url": base_url + self.path,
            "proxy_url": base_url + self.path,
            "content_type": self.content_type,
        }
        size = self.image_size()
        if size is not None:
            data["width"], data["height"] = size
        return data


@dataclass(slots=True)
class Guild:
    id: int
    name: str
    owner_id: int
    roles: dict[int, Role] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)  # threads included

    def payload(self, *, threads_only_active: bool = True) -> dict[str, Any]:
        threads = [c for c in self.channels.values() if c.is_thread and not c.deleted and not c.archived]
        channels = [c for c in self.channels.values() if not c.is_thread and not c.deleted]
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "roles": [r.payload() for r in self.roles.values()],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "safety_alerts_channel_id": None,
            # GUILD_CREATE extras
            "joined_at": iso(time.time()),
            "large": False,
            "unavailable": False,
            "member_count": len(self.members),
            "members": [m.payload() for m in self.members.values()],
            "channels": [c.payload() for c in channels],
            "threads": [t.payload() for t in threads],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }
