"""A server's settings are read once, then served from memory; a change never leaves a stale copy."""

from __future__ import annotations

from bot.config_cache import ConfigCache
from bot.storage import Database


async def test_settings_are_read_once_and_changes_are_seen_at_once(db: Database) -> None:
    configs = ConfigCache(db, {"editor_role": 5, "chat_channels": ()})
    assert configs.cached(1) is None  # nothing read yet: the per-message path must load it first
    first = await configs.get(1)
    assert first.role("editor_role") == 5 and configs.cached(1) is first
    assert await configs.get(1) is first  # from memory

    await configs.set(1, "editor_role", 99, updated_by=3)
    assert configs.cached(1) is None
    assert (await configs.get(1)).role("editor_role") == 99
    assert (await configs.get(2)).role("editor_role") == 5  # other servers keep the default

    assert await configs.reset(1, "editor_role")
    assert (await configs.get(1)).role("editor_role") == 5
    assert not await configs.reset(1, "editor_role")  # already the default
