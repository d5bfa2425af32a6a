"""The bot's invite asks for what its features need."""

from __future__ import annotations

from bot.invite import REQUIRED_PERMISSIONS


def test_the_invite_asks_for_manage_nicknames_which_the_name_reset_needs() -> None:
    assert REQUIRED_PERMISSIONS.manage_nicknames  # `/automod names action:2` resets nicknames
