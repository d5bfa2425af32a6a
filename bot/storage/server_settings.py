"""Stored per-server settings (table guild_config): each key's value as JSON. What the keys mean, and
their defaults, is the core's (bot.guild_config); this module only keeps them."""

from __future__ import annotations

import json
from typing import Any

from bot.storage.database import SQL_NOW, Database


async def stored_settings(db: Database, guild_id: int) -> dict[str, Any]:
    """The server's stored settings, by key (only those set)."""
    rows = await db.fetch_all("SELECT key, value FROM guild_config WHERE guild_id = ?", (guild_id,))
    return {str(row["key"]): json.loads(row["value"]) for row in rows}


async def store_setting(db: Database, guild_id: int, key: str, value: Any, updated_by: int | None) -> None:
    await db.execute(
        f"""
        INSERT INTO guild_config (guild_id, key, value, updated_by) VALUES (?, ?, ?, ?)
        ON CONFLICT (guild_id, key) DO UPDATE SET
            value = excluded.value, updated_by = excluded.updated_by, updated_at = {SQL_NOW}
        """,
        (guild_id, key, json.dumps(value), updated_by),
    )


async def remove_setting(db: Database, guild_id: int, key: str) -> bool:
    """False if the server had not set it."""
    return await db.execute("DELETE FROM guild_config WHERE guild_id = ? AND key = ?", (guild_id, key)) > 0
