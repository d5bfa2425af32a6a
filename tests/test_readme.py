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
    [test_command] = [block for block in shell_blocks() if "pytest" in block]
    assert test_command in (REPO / ".ci" / "run").read_text("utf-8")


def test_readme_run_commands_run_the_sandbox_and_the_bot():
    sandbox, run = shell_blocks()[:2]  # the first two commands a reader meets
    assert sandbox.endswith("python -m bot sandbox --open")
    assert run.endswith("python -m bot")


def test_invite_permissions_match_the_bot_and_the_emulator():
    assert f"permissions={REQUIRED_PERMISSIONS.value}" in README
    assert REQUIRED_PERMISSIONS.value == permissions.BOT_DEFAULT


def test_every_setting_is_documented():
    example = (REPO / ".env.example").read_text("utf-8")
    for name in Settings.model_fields:
        assert f"\n{name.upper()}=" in example, name
        assert f"`{name.upper()}`" in README, name
