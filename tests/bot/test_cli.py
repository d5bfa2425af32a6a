"""`python -m bot` as operators run it: real subprocesses, real files."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from discord_emulator.sandbox import sandbox_lock

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "odierno-ceasefire.txt"

NOT_REGULAR = "is a FIFO (named pipe), not a regular file; only regular files are read"


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_", "SEEDS_"))}
    base["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=base | (env or {}),
        capture_output=True,
        text=True,
        timeout=30,  # a guard against hangs (a FIFO opened to read), not a timing check
    )


def test_no_token_is_one_clear_line_and_exit_2(tmp_path: Path):
    result = run(cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "DISCORD_TOKEN is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_setting_is_one_line_and_exit_2(tmp_path: Path):
    result = run(cwd=tmp_path, env={"DISCORD_TOKEN": "x.y.z", "DEV_GUILD_ID": "not-a-number"})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "DEV_GUILD_ID" in result.stderr


def test_article_parse_json_on_the_seed(tmp_path: Path):
    result = run("article", "parse", str(SEED), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == [
        "slug",
        "title",
        "paragraphs",
        "exit_question",
        "updates",
        "source_url",
        "author",
        "published",
        "poll_options",
    ]
    assert data["title"] == "Odierno: We're negotiating with insurgents for a ceasefire"
    assert len(data["paragraphs"]) == 8
    assert data["exit_question"].startswith("What exactly do the insurgents get out of this deal?")
    assert [u["text"][:20] for u in data["updates"]] == ["There are reports ou", "And now they want ch"]
    assert "Trending" not in result.stdout and "David Strom" not in result.stdout


def test_article_parse_bad_file_exit_1_one_line(tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    result = run("article", "parse", str(bad), "--json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and str(bad) in result.stderr


def test_article_list_json(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "odierno-ceasefire.txt").write_bytes(SEED.read_bytes())
    (seeds / "broken.txt").write_text("")
    result = run("article", "list", "--json", cwd=tmp_path, env={"SEEDS_DIR": str(seeds)})
    assert result.returncode == 0
    assert json.loads(result.stdout) == [
        {
            "slug": "odierno-ceasefire",
            "title": "Odierno: We're negotiating with insurgents for a ceasefire",
            "path": str(seeds / "odierno-ceasefire.txt"),
        }
    ]
    assert "broken.txt" in result.stderr


def test_db_migrate_backup_check(tmp_path: Path):
    env = {"DATABASE_PATH": str(tmp_path / "data" / "bot.sqlite3")}
    first = run("db", "migrate", cwd=tmp_path, env=env)
    assert first.returncode == 0 and "applied migrations [1" in first.stdout
    again = run("db", "migrate", cwd=tmp_path, env=env)
    assert again.returncode == 0 and "already up to date" in again.stdout
    backup = run("db", "backup", str(tmp_path / "copy.sqlite3"), cwd=tmp_path, env=env)
    assert backup.returncode == 0 and (tmp_path / "copy.sqlite3").exists()
    check = run("db", "check", cwd=tmp_path, env={"DATABASE_PATH": str(tmp_path / "copy.sqlite3")})
    assert check.returncode == 0 and check.stdout.strip().endswith(": ok")


@pytest.mark.parametrize("args", [("db", "check"), ("db", "backup", "out.sqlite3")])
def test_db_commands_on_a_missing_database_fail_clearly(tmp_path: Path, args: tuple[str, ...]):
    result = run(*args, cwd=tmp_path, env={"DATABASE_PATH": str(tmp_path / "none.sqlite3")})
    assert result.returncode == 1
    assert "no such database" in (result.stdout + result.stderr)


def test_moderation_check_json(tmp_path: Path):
    result = run("moderation", "check", "what a load of b.u.l.l.s.h.1.t, join discord.gg/xyz", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["action"] == "delete"
    assert [(r["rule"], r["normalized"]) for r in data["reasons"]] == [("profanity", "bullshit"), ("invite links", "")]
    clean = run("moderation", "check", "A perfectly civil reply.", cwd=tmp_path)
    assert clean.returncode == 0 and clean.stdout.strip() == "ok: nothing flagged"


def test_moderation_check_with_a_servers_own_rules(tmp_path: Path):
    database = tmp_path / "bot.sqlite3"
    env = {"DATABASE_PATH": str(database)}
    missing = run("moderation", "check", "x", "--guild", "42", cwd=tmp_path, env=env)
    assert missing.returncode == 1 and "no such database" in missing.stderr
    assert run("db", "migrate", cwd=tmp_path, env=env).returncode == 0
    with sqlite3.connect(database) as connection:
        connection.execute(
            "INSERT INTO automod_rules (guild_id, kind, value, mode, action, created_by) "
            "VALUES (42, 'keyword', 'tangerine', 'word', 'hold', 1)"
        )
    text = "a tangerine for the negotiators"
    assert run("moderation", "check", text, cwd=tmp_path, env=env).stdout.strip() == "ok: nothing flagged"
    own = run("moderation", "check", text, "--guild", "42", "--json", cwd=tmp_path, env=env)
    assert own.returncode == 0, own.stderr
    data = json.loads(own.stdout)
    assert data["action"] == "hold" and [r["rule"] for r in data["reasons"]] == ["rule 1"]
    other = run("moderation", "check", text, "--guild", "43", cwd=tmp_path, env=env)
    assert other.stdout.strip() == "ok: nothing flagged"  # another server: only the defaults


def test_sandbox_reports_a_port_in_use(tmp_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("sandbox", "--port", str(port), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("error:") and "Traceback" not in result.stderr
    # its own copy of the shipped articles, found from outside the project too, for editing
    assert (tmp_path / "data" / "sandbox" / "seeds" / "odierno-ceasefire.txt").read_text() == SEED.read_text()


def test_article_parse_and_list_skip_a_fifo_instead_of_hanging(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "odierno-ceasefire.txt").write_bytes(SEED.read_bytes())
    fifo = seeds / "stuck.txt"
    os.mkfifo(fifo)
    try:
        parsed = run("article", "parse", str(fifo), cwd=tmp_path)
        assert parsed.returncode == 1 and parsed.stdout == ""
        assert parsed.stderr == f"error: {fifo}: {NOT_REGULAR}\n"
        listed = run("article", "list", "--json", cwd=tmp_path, env={"SEEDS_DIR": str(seeds)})
        assert listed.returncode == 0
        assert [a["slug"] for a in json.loads(listed.stdout)] == ["odierno-ceasefire"]
        assert listed.stderr == f"warning: {fifo}: {NOT_REGULAR}\n"
    finally:  # should anything have opened it to read, a writer that comes and goes lets it finish
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def test_article_parse_warns_about_an_update_after_the_trailer(tmp_path: Path):
    article = tmp_path / "late.txt"
    article.write_text(SEED.read_text("utf-8") + "\nUpdate: Appended below the trailer.\n", "utf-8")
    result = run("article", "parse", str(article), "--json", cwd=tmp_path)
    assert result.returncode == 0
    assert len(json.loads(result.stdout)["updates"]) == 2
    assert result.stderr.startswith(f"warning: {article}:") and "Appended below the trailer" in result.stderr


def test_article_parse_and_list_say_one_line_for_a_deeply_nested_sidecar(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "odierno-ceasefire.txt").write_bytes(SEED.read_bytes())
    (seeds / "nested.txt").write_text("A title\n\nA body paragraph.\n")
    (seeds / "nested.toml").write_text("tags = " + "[" * 30_000 + "]" * 30_000 + "\n")  # 60 KB, under the limit
    parsed = run("article", "parse", str(seeds / "nested.txt"), cwd=tmp_path)
    assert parsed.returncode == 1 and "Traceback" not in parsed.stderr
    assert (
        parsed.stderr.strip()
        == f"error: {seeds / 'nested.toml'}: is nested too deeply (brackets or tables inside each other); not a sidecar"
    )
    listed = run("article", "list", "--json", cwd=tmp_path, env={"SEEDS_DIR": str(seeds)})
    assert listed.returncode == 0 and [a["slug"] for a in json.loads(listed.stdout)] == ["odierno-ceasefire"]
    assert "nested.toml: is nested too deeply" in listed.stderr and "Traceback" not in listed.stderr


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_sandbox_with_a_port_out_of_range_is_one_line(tmp_path: Path, port: str):
    result = run("sandbox", "--port", port, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr == f"error: --port {port} is not a port: use 1 to 65535, or 0 for any free one\n"
    assert not (tmp_path / "data").exists()  # refused before anything was made


def test_a_second_sandbox_on_the_same_data_folder_is_refused(tmp_path: Path):
    """Two sandboxes on one data folder would share one server file and one SQLite database (and the
    second would set the first one's database aside): the second is refused in one line."""
    data = tmp_path / "sandbox"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_", "SEEDS_"))}
    first = subprocess.Popen(
        [sys.executable, "-m", "bot", "sandbox", "--port", "0", "--data-dir", str(data)],
        cwd=tmp_path,
        env=env | {"PYTHONPATH": str(REPO), "LOG_LEVEL": "WARNING"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert first.stdout is not None
        assert first.stdout.readline().startswith("Sandbox: http://127.0.0.1:")  # it runs
        before = sorted(p.name for p in data.iterdir())
        second = run("sandbox", "--port", "0", "--data-dir", str(data), cwd=tmp_path)
        assert second.returncode == 1 and "Traceback" not in second.stderr
        assert second.stderr == (
            f"error: another sandbox is running on {data} (process {first.pid}): stop it first, "
            "or give this one its own folder with --data-dir\n"
        )
        assert sorted(p.name for p in data.iterdir()) == before  # the first one's files untouched
    finally:
        first.send_signal(signal.SIGINT)
        assert first.wait(timeout=30) == 0
    with sandbox_lock(data):  # released when the first one stopped
        pass
