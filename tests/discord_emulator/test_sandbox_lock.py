"""The sandbox's hold on its data folder: one sandbox at a time, and none left held by a crash."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from discord_emulator.sandbox import SandboxRunning, sandbox_lock

REPO = Path(__file__).resolve().parents[2]


def test_one_sandbox_at_a_time_and_the_next_after_it(tmp_path: Path):
    with sandbox_lock(tmp_path):
        with pytest.raises(SandboxRunning, match="another sandbox is running on"):
            with sandbox_lock(tmp_path):
                pass
    with sandbox_lock(tmp_path):  # released on exit
        pass


def test_a_crashed_sandbox_leaves_no_stale_lock(tmp_path: Path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from discord_emulator.sandbox import sandbox_lock\n"
            "with sandbox_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
            str(tmp_path),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    with pytest.raises(SandboxRunning, match=f"process {holder.pid}"):
        with sandbox_lock(tmp_path):
            pass
    holder.send_signal(signal.SIGKILL)  # no clean-up of any kind
    holder.wait()
    assert (tmp_path / "sandbox.lock").exists()  # the file stays behind, but it holds nothing
    with sandbox_lock(tmp_path):
        pass
