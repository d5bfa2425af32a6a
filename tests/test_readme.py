"""The README's commands are the ones CI runs, and its invite permissions are the bot's."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest

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


CLONE = "[ -f pyproject.toml ] || { git clone REPOSITORY_URL discussion-bot && cd discussion-bot; } && "


def test_every_command_works_from_an_empty_folder():
    """The guide's rule: on a fresh machine, in an empty folder, one command installs and runs the bot
    and one installs and runs the tests. Each starts by cloning the repository and changing into it
    (skipped inside a clone), with REPOSITORY_URL explained next to them."""
    sandbox, run, test = shell_blocks()[:3]  # the install commands, before any other
    assert all(block.startswith(CLONE) for block in (sandbox, run, test))
    assert "in place of `REPOSITORY_URL`" in README


def test_the_clone_step_leaves_the_rest_of_the_command_in_the_repository(tmp_path: Path):
    # What the step does, run for real with this repository's own path as its address: from an
    # empty folder it clones and changes into the clone; inside a clone it does nothing.
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")  # a source archive: there is nothing to clone from
    step = CLONE.replace("REPOSITORY_URL", shlex.quote(str(REPO))) + "pwd && test -f README.md"
    empty = tmp_path / "empty"
    empty.mkdir()
    cloned = subprocess.run(["sh", "-c", step], cwd=empty, capture_output=True, text=True, timeout=120)
    assert cloned.returncode == 0, cloned.stderr
    assert cloned.stdout.strip() == str(empty / "discussion-bot")
    again = subprocess.run(["sh", "-c", step], cwd=empty / "discussion-bot", capture_output=True, text=True)
    assert again.returncode == 0 and again.stdout.strip() == str(empty / "discussion-bot")
    assert not (empty / "discussion-bot" / "discussion-bot").exists()
