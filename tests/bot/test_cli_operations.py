"""`python -m bot health` and `python -m bot data …` as an operator or a supervisor runs them."""

from __future__ import annotations

import socket
from pathlib import Path

from tests.bot.test_cli import run


def test_health_needs_the_metrics_port(tmp_path: Path):
    result = run("health", cwd=tmp_path)
    assert result.returncode == 2 and "METRICS_PORT is not set" in result.stderr


def test_health_without_a_bot_fails_with_one_line(tmp_path: Path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nobody listens once it closes
    result = run("health", cwd=tmp_path, env={"METRICS_PORT": str(port)})
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert f"no answer from http://127.0.0.1:{port}/healthz" in result.stderr and "Traceback" not in result.stderr


def test_data_commands_need_a_database(tmp_path: Path):
    result = run("data", "export", "123", cwd=tmp_path, env={"DATABASE_PATH": str(tmp_path / "none.sqlite3")})
    assert result.returncode == 1 and "no such database" in result.stderr


def test_export_and_forget_of_an_unknown_member(tmp_path: Path):
    env = {"DATABASE_PATH": str(tmp_path / "bot.sqlite3")}
    assert run("db", "migrate", cwd=tmp_path, env=env).returncode == 0
    exported = run("data", "export", "123", cwd=tmp_path, env=env)
    assert exported.returncode == 0 and '"tables": {}' in exported.stdout
    forgot = run("data", "forget", "123", "--yes", cwd=tmp_path, env=env)
    # not "moderation records kept under a pseudonym": there were none
    assert forgot.returncode == 0
    assert (
        forgot.stdout
        == f"nothing was stored about member 123 in sqlite:///{tmp_path / 'bot.sqlite3'}: nothing to forget\n"
    )
