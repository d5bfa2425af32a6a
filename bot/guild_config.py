"""Per-server configuration: the keys `/config` knows, their kinds and their defaults.

Plain data: the cog turns Discord input into values, storage keeps them as JSON. Later
features add their keys to `CONFIG_KEYS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.settings import Settings


class ConfigKind(StrEnum):
    ROLE = "role"
    CHANNEL = "channel"
    CHANNELS = "channels"
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class ConfigKey:
    name: str
    kind: ConfigKind
    description: str
    setting: str  # the Settings attribute that gives the default ("": none, the default is empty)
    bounds: tuple[int, int] = (0, 0)  # for numbers: the allowed range
    fallback: Any = None  # the default when no Settings attribute gives one
    places: bool = False  # for channels: categories too (a category covers its channels and threads)


CONFIG_KEYS: dict[str, ConfigKey] = {
    key.name: key
    for key in (
        ConfigKey(
            "editor_role", ConfigKind.ROLE, "Members with this role may post articles and updates.", "editor_role_id"
        ),
        ConfigKey("moderator_role", ConfigKind.ROLE, "Members with this role may moderate.", "moderator_role_id"),
        ConfigKey("mod_log_channel", ConfigKind.CHANNEL, "Where moderation actions are logged.", "mod_log_channel_id"),
        ConfigKey(
            "chat_channels",
            ConfigKind.CHANNELS,
            "Channels where the bot answers every message, not only mentions.",
            "chat_channel_ids",
        ),
        ConfigKey(
            "auto_post_channel",
            ConfigKind.CHANNEL,
            "Where new articles from seeds or feeds are posted.",
            "auto_post_channel_id",
        ),
        ConfigKey(
            "automod_bypass_role",
            ConfigKind.ROLE,
            "Members with this role are not checked by the filters.",
            "automod_bypass_role_id",
        ),
        ConfigKey(
            "alert_role",
            ConfigKind.ROLE,
            "Pinged in the mod log when a filter asks for moderators (action alert); no one is pinged otherwise.",
            "alert_role_id",
        ),
        ConfigKey(
            "warning_hours", ConfigKind.NUMBER, "How long a warning counts, in hours.", "warning_hours", (1, 8760)
        ),
        ConfigKey(
            "warnings_before_timeout",
            ConfigKind.NUMBER,
            "Active warnings that bring an automatic timeout (0: never).",
            "warnings_before_timeout",
            (0, 20),
        ),
        ConfigKey(
            "toxicity_threshold",
            ConfigKind.NUMBER,
            "Hold for review messages the toxicity model scores at least this high, in percent (0: off).",
            "toxicity_threshold",
            (0, 100),
        ),
        ConfigKey(
            "moderated_channels",
            ConfigKind.CHANNELS,
            "Channels and categories the filters check besides discussion threads and chat channels.",
            "",
            places=True,
        ),
        ConfigKey(
            "moderate_everywhere",
            ConfigKind.NUMBER,
            "1: the filters check every channel of the server (0: discussions, chat and moderated_channels).",
            "",
            (0, 1),
        ),
        ConfigKey(
            "name_screening",
            ConfigKind.NUMBER,
            "Members' names checked by the word filters on join and change: 0 off, 1 alert, 2 reset the nickname.",
            "",
            (0, 2),
            fallback=1,
        ),
        ConfigKey(
            "escalation_timeout_minutes",
            ConfigKind.NUMBER,
            "How long that automatic timeout lasts, in minutes.",
            "escalation_timeout_minutes",
            (1, 40320),
        ),
    )
}


@dataclass(frozen=True, slots=True)
class GuildConfig:
    """A server's effective configuration: stored values over environment defaults."""

    guild_id: int
    values: Mapping[str, Any]
    overridden: frozenset[str]

    def role(self, key: str) -> int | None:
        value = self.values.get(key)
        return int(value) if isinstance(value, int) else None

    def channel(self, key: str) -> int | None:
        return self.role(key)

    def number(self, key: str) -> int:
        return int(self.values.get(key) or 0)

    def channels(self, key: str) -> tuple[int, ...]:
        return self.values.get(key) or ()  # tuples of ints already (see channel_ids)

    def is_moderated_place(self, *place_ids: int | None) -> bool:
        """The server moderates everywhere, or one of a channel's ids (its own, its parent's, its
        category's) is among its moderated channels and categories."""
        if self.values.get("moderate_everywhere"):
            return True
        places: tuple[int, ...] = self.values.get("moderated_channels") or ()
        return bool(places) and any(place in places for place in place_ids if place is not None)

    def is_chat_channel(self, channel_id: int, parent_id: int | None = None) -> bool:
        """A chat channel, or (`parent_id`) a thread under one."""
        chat = self.channels("chat_channels")
        return channel_id in chat or (parent_id is not None and parent_id in chat)


def effective_config(guild_id: int, stored: Mapping[str, Any], defaults: Mapping[str, Any]) -> GuildConfig:
    """A server's settings: what it stored over the defaults. Keys of removed features are ignored,
    not fatal."""
    values = dict(defaults)
    overridden = set()
    for name, value in stored.items():
        key = CONFIG_KEYS.get(name)
        if key is None:
            continue
        values[key.name] = channel_ids(value) if key.kind is ConfigKind.CHANNELS else value
        overridden.add(key.name)
    return GuildConfig(guild_id, values, frozenset(overridden))


def channel_ids(value: Any) -> tuple[int, ...]:
    """A channel list as it is kept in a GuildConfig: read on every message, so built once."""
    return tuple(int(v) for v in value or ())


def defaults_from(settings: Settings) -> dict[str, Any]:
    defaults: dict[str, Any] = {}
    for key in CONFIG_KEYS.values():
        value = getattr(settings, key.setting) if key.setting else key.fallback
        defaults[key.name] = channel_ids(value) if key.kind is ConfigKind.CHANNELS else value
    return defaults


def parse_reference(text: str) -> int | str:
    """'<@&123>', '<#123>' or '123' → 123; anything else → the name, without a leading '#' or '@'."""
    cleaned = text.strip()
    for prefix, suffix in (("<@&", ">"), ("<#", ">")):
        if cleaned.startswith(prefix) and cleaned.endswith(suffix):
            inner = cleaned[len(prefix) : -len(suffix)]
            if inner.isdigit():
                return int(inner)
    if cleaned.isdigit() and len(cleaned) >= 15:
        return int(cleaned)
    return cleaned.lstrip("#@").strip()


def split_references(text: str) -> list[str]:
    """'<#1> <#2>, general' → ['<#1>', '<#2>', 'general']."""
    return [part for part in text.replace(",", " ").split() if part]


def split_places(text: str, names: Iterable[str]) -> list[str]:
    """Like `split_references`, but a name may have spaces, as a category's often has ("Community
    Hub"): a run of words that is one of `names` (any case) is one reference, the longest first.
    Commas always separate."""
    known = {" ".join(name.casefold().split()) for name in names}
    longest = max((len(name.split()) for name in known), default=1)
    parts: list[str] = []
    for piece in text.split(","):
        words = piece.split()
        start = 0
        while start < len(words):
            for size in range(min(longest, len(words) - start), 1, -1):
                candidate = " ".join(words[start : start + size])
                if candidate.casefold().lstrip("#") in known:
                    parts.append(candidate)
                    start += size
                    break
            else:
                parts.append(words[start])
                start += 1
    return parts
