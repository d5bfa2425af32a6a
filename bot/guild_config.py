"""Per-server configuration: the keys `/config` knows, their kinds and their defaults.

Plain data: the cog turns Discord input into values, storage keeps them as JSON. Later
features add their keys to `CONFIG_KEYS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.settings import Settings


class ConfigKind(StrEnum):
    ROLE = "role"
    CHANNEL = "channel"
    CHANNELS = "channels"


@dataclass(frozen=True, slots=True)
class ConfigKey:
    name: str
    kind: ConfigKind
    description: str
    setting: str  # the Settings attribute that gives the default


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

    def channels(self, key: str) -> tuple[int, ...]:
        value = self.values.get(key) or ()
        return tuple(int(v) for v in value)


def defaults_from(settings: Settings) -> dict[str, Any]:
    defaults: dict[str, Any] = {}
    for key in CONFIG_KEYS.values():
        value = getattr(settings, key.setting)
        defaults[key.name] = list(value) if key.kind is ConfigKind.CHANNELS else value
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
