"""Errors in words: a mistake the member can fix says what to do; a bug is the apology, and logged."""

from __future__ import annotations

from types import SimpleNamespace

import discord
import pytest
from discord import app_commands

from bot.errors import NotAllowed, UserFacingError
from bot.responses import APOLOGY, NO_PINGS, REPLY_MENTIONS, describe_error


def http_error(cls: type[discord.HTTPException], status: int, text: str) -> discord.HTTPException:
    response = SimpleNamespace(status=status, reason="", headers={})
    return cls(response, {"message": text, "code": 0})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("error", "expected", "is_bug"),
    [
        (UserFacingError("Pick a channel."), "Pick a channel.", False),
        (NotAllowed("Only moderators."), "Only moderators.", False),
        (app_commands.MissingPermissions(["manage_guild"]), "You need the **Manage Server** permission", False),
        (app_commands.NoPrivateMessage(), "That command only works in a server.", False),
        (http_error(discord.Forbidden, 403, "Missing Access"), "Discord refused: I lack a permission", False),
        (http_error(discord.HTTPException, 400, "Invalid Form Body"), "Discord rejected what I tried to send", True),
        (RuntimeError("a bug"), APOLOGY, True),
    ],
)
def test_describe_error(error: Exception, expected: str, is_bug: bool) -> None:
    message, bug = describe_error(error)
    assert message.startswith(expected) and bug is is_bug


def test_a_command_error_is_described_by_its_cause() -> None:
    command = SimpleNamespace(name="update push")
    wrapped = app_commands.CommandInvokeError(command, UserFacingError("Try again later."))  # type: ignore[arg-type]
    assert describe_error(wrapped) == ("Try again later.", False)


def test_nothing_pings_unless_a_reply_means_to() -> None:
    assert NO_PINGS.to_dict() == {"parse": []}
    assert REPLY_MENTIONS.to_dict() == {"parse": [], "replied_user": True}
