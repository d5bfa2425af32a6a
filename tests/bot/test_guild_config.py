"""A server's settings: what it stored over the defaults from the environment."""

from __future__ import annotations

from bot.guild_config import defaults_from, effective_config, split_places
from bot.settings import Settings


def test_stored_settings_override_the_defaults() -> None:
    defaults = defaults_from(Settings(editor_role_id=5, chat_channel_ids=(7,)))
    config = effective_config(1, {}, defaults)
    assert config.role("editor_role") == 5 and config.channels("chat_channels") == (7,)
    assert not config.overridden
    config = effective_config(1, {"editor_role": 99, "chat_channels": [8, 9], "retired_key": 1}, defaults)
    assert config.role("editor_role") == 99 and config.channels("chat_channels") == (8, 9)  # a tuple, read per message
    assert config.overridden == {"editor_role", "chat_channels"}  # a key no feature knows is left out


def test_split_places_keeps_a_known_name_with_spaces_whole():
    names = ["general", "Community Hub", "Community", "Text Channels"]
    assert split_places("Community Hub <#123>, general", names) == ["Community Hub", "<#123>", "general"]
    assert split_places("community   hub community", names) == ["community hub", "community"]
    assert split_places("Community Hall", names) == ["Community", "Hall"]  # unknown: refused word by word
