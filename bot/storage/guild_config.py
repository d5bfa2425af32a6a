"""Stored per-server configuration (table guild_config)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from bot.guild_config import CONFIG_KEYS, ConfigKind, GuildConfig, channel_ids
from bot.storage.database import SQL_NOW, Database


async def load_guild_config(db: Database, guild_id: int, defaults: Mapping[str, Any]) -> GuildConfig:
    rows = await db.fetch_all("SELECT key, value FROM guild_config WHERE guild_id = ?", (guild_id,))
    values = dict(defaults)
    overridden = set()
    for row in rows:
        key = CONFIG_KEYS.get(row["key"])
        if key is None:  # keys of removed features are ignored, not fatal
            continue
        value = json.loads(row["value"])
        values[key.name] = channel_ids(value) if key.kind is ConfigKind.CHANNELS else value
        overridden.add(key.name)
    return GuildConfig(guild_id, values, frozenset(overridden))


async def set_guild_config(db: Database, guild_id: int, key: str, value: Any, updated_by: int | None) -> None:
    if key not in CONFIG_KEYS:
        raise KeyError(key)
    await db.execute(
        f"""
        INSERT INTO guild_config (guild_id, key, value, updated_by) VALUES (?, ?, ?, ?)
        ON CONFLICT (guild_id, key) DO UPDATE SET
            value = excluded.value, updated_by = excluded.updated_by, updated_at = {SQL_NOW}
        """,
        (guild_id, key, json.dumps(value), updated_by),
    )


async def reset_guild_config(db: Database, guild_id: int, key: str) -> bool:
    return await db.execute("DELETE FROM guild_config WHERE guild_id = ? AND key = ?", (guild_id, key)) > 0
