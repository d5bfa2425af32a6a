"""Each server's settings, read from the database once and then kept in memory: every message needs
them (which channels are moderated or chat channels, who is exempt), and the per-message path must
not await. Changes go through here too, so the memory never holds a stale copy."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.guild_config import CONFIG_KEYS, GuildConfig, effective_config
from bot.storage.database import Database
from bot.storage.server_settings import remove_setting, store_setting, stored_settings


class ConfigCache:
    def __init__(self, db: Database, defaults: Mapping[str, Any]) -> None:
        self.db = db
        self.defaults = defaults  # from the environment (bot.guild_config.defaults_from)
        self._configs: dict[int, GuildConfig] = {}

    def cached(self, guild_id: int) -> GuildConfig | None:
        """The server's settings if they are in memory (always, after its first message): for the
        per-message path, which must not await."""
        return self._configs.get(guild_id)

    async def get(self, guild_id: int) -> GuildConfig:
        """The server's settings, from memory after the first read."""
        config = self._configs.get(guild_id)
        if config is None:
            config = effective_config(guild_id, await stored_settings(self.db, guild_id), self.defaults)
            self._configs[guild_id] = config
        return config

    async def set(self, guild_id: int, key: str, value: Any, updated_by: int | None) -> None:
        if key not in CONFIG_KEYS:
            raise KeyError(key)
        await store_setting(self.db, guild_id, key, value, updated_by)
        self._configs.pop(guild_id, None)

    async def reset(self, guild_id: int, key: str) -> bool:
        """Back to the default; False if it was there already."""
        removed = await remove_setting(self.db, guild_id, key)
        self._configs.pop(guild_id, None)
        return removed
