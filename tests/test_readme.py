"""The README's commands are the ones CI runs, and its invite permissions are the bot's."""

from __future__ import annotations

import re
from pathlib import Path

from bot.invite import REQUIRED_PERMISSIONS
from bot.settings import Settings
from discord_emulator import permissions

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text("utf-8")


def shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", README, re.S)


def test_ci_runs_the_readme_test_command():
    test_command = shell_blocks()[1]
    assert "pytest" in test_command
    assert test_command in (REPO / ".ci" / "run").read_text("utf-8")


def test_readme_run_command_runs_the_bot():
    assert shell_blocks()[0].endswith("python -m bot")


def test_invite_permissions_match_the_bot_and_the_emulator():
    assert f"permissions={REQUIRED_PERMISSIONS.value}" in README
    assert REQUIRED_PERMISSIONS.value == permissions.BOT_DEFAULT


def test_every_setting_is_documented():
    example = (REPO / ".env.example").read_text("utf-8")
    for name in Settings.model_fields:
        assert f"\n{name.upper()}=" in example, name
        assert f"`{name.upper()}`" in README, name
