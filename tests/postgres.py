"""A throw-away PostgreSQL cluster in a temporary folder, for the tests and the benchmarks.

Debian's `postgresql` package (the README's test command installs it) provides the server
binaries under /usr/lib/postgresql/<version>/bin; the newest one there is used, else the
ones on PATH. PostgreSQL refuses to run as root, so when the tests run as root (as CI does)
the cluster runs as Debian's `postgres` user through `runuser`. It listens on 127.0.0.1 (a
free port) and on a Unix socket inside its folder, and nowhere else.

One cluster per test session; each test gets its own database, cloned from a template that
is migrated once (CREATE DATABASE … TEMPLATE copies files, far cheaper than migrating).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

SERVER_USER = "postgres"  # Debian's package creates it; the cluster runs as it when we are root
BOT_ROLE = "bot"
EMPTY_TEMPLATE = "bot_empty"
MIGRATED_TEMPLATE = "bot_migrated"


class PostgresUnavailable(RuntimeError):
    """The PostgreSQL server binaries are not installed."""


def find_bindir() -> Path:
    """The folder holding initdb, pg_ctl and postgres: the newest Debian version, else PATH."""
    versions = []
    for candidate in Path("/usr/lib/postgresql").glob("*/bin/initdb"):
        number = candidate.parent.parent.name
        if re.fullmatch(r"\d+(\.\d+)?", number):
            versions.append((float(number), candidate.parent))
    if versions:
        return max(versions)[1]
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    raise PostgresUnavailable(
        "PostgreSQL's server is not installed (no initdb): apt-get install -y postgresql "
        "(the README's test command installs it)"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresCluster:
    """initdb + pg_ctl in a temporary folder; `dsn(database)` to connect as the `bot` role."""

    def __init__(self, *, durable: bool = False) -> None:
        # Tests trade durability for speed (nothing survives the session anyway); a benchmark
        # measuring durable commits keeps fsync and synchronous commits on.
        self.durable = durable
        self.bindir = find_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="bot-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        self.password = secrets.token_hex(12)
        self._as_root = os.geteuid() == 0
        self._started = False
        self._count = 0

    # -- running the server binaries as the right user -------------------------------------------
    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> PostgresCluster:
        if self._as_root:
            try:
                user = pwd.getpwnam(SERVER_USER)
            except KeyError:
                raise PostgresUnavailable(
                    f"running as root needs the {SERVER_USER!r} user that Debian's postgresql package creates"
                ) from None
            os.chown(self.root, user.pw_uid, user.pw_gid)
        password_file = self.root / "pw"
        password_file.write_text(self.password)
        if self._as_root:
            os.chown(password_file, pwd.getpwnam(SERVER_USER).pw_uid, -1)
        try:
            self._run(
                "initdb",
                "-D",
                str(self.data),
                "-U",
                SERVER_USER,
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--pwfile",
                str(password_file),
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            )
        except subprocess.CalledProcessError as error:
            raise RuntimeError(f"initdb failed: {error.stderr.strip()}") from None
        finally:
            password_file.unlink(missing_ok=True)
        settings = [
            "-c listen_addresses=127.0.0.1",
            f"-c unix_socket_directories={self.root}",
            "-c max_connections=200",
            "-c shared_buffers=64MB",
        ]
        if not self.durable:
            settings += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        for _attempt in range(5):  # the free port can be taken between finding and binding it
            self.port = _free_port()
            result = self._run(
                "pg_ctl",
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-w",
                "-t",
                "60",
                "-o",
                " ".join([f"-p {self.port}", *settings]),
                "start",
                check=False,
            )
            if result.returncode == 0:
                self._started = True
                break
        else:
            raise RuntimeError(f"the PostgreSQL test cluster did not start: {self.log_tail()}")
        self.admin_sql(f"CREATE ROLE {BOT_ROLE} LOGIN CREATEDB PASSWORD '{self.password}'")
        return self

    def log_tail(self, lines: int = 20) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        return "(no server log)"

    def admin_sql(self, sql: str, database: str = "postgres") -> str:
        """Run SQL as the superuser over the Unix socket (psql, no password: local trust)."""
        result = self._run(
            "psql",
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            str(self.root),
            "-p",
            str(self.port),
            "-U",
            SERVER_USER,
            "-d",
            database,
            "-At",
            "-c",
            sql,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr.strip()}")
        return result.stdout

    def stop(self) -> None:
        if self._started:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
            self._started = False
        shutil.rmtree(self.root, ignore_errors=True)

    # -- addresses -----------------------------------------------------------------------------
    def dsn(self, database: str, *, user: str = BOT_ROLE, password: str | None = None) -> str:
        """A postgresql:// URL over TCP to 127.0.0.1 as the bot role (its password included)."""
        secret = self.password if password is None else password
        return f"postgresql://{user}:{secret}@127.0.0.1:{self.port}/{database}"

    # -- databases -----------------------------------------------------------------------------
    def prepare_templates(self) -> None:
        """`bot_empty` (nothing but the amcheck extension, which `db check` uses where it is installed)
        and `bot_migrated` (every migration applied): the templates tests clone."""
        self.admin_sql(f"CREATE DATABASE {EMPTY_TEMPLATE} OWNER {BOT_ROLE}")
        self.admin_sql(
            f"CREATE EXTENSION amcheck; GRANT EXECUTE ON FUNCTION bt_index_check(regclass, boolean) TO {BOT_ROLE}",
            database=EMPTY_TEMPLATE,
        )
        self.admin_sql(f"CREATE DATABASE {MIGRATED_TEMPLATE} OWNER {BOT_ROLE} TEMPLATE {EMPTY_TEMPLATE}")

        async def migrate() -> None:
            from bot.storage import Database

            db = await Database.open(self.dsn(MIGRATED_TEMPLATE))
            try:
                await db.migrate()
            finally:
                await db.close()

        # Asked for from inside a test's event loop: the migration runs on a loop of its own, in a thread.
        with ThreadPoolExecutor(1) as thread:
            thread.submit(asyncio.run, migrate()).result()

    def restore(self, dump: Path, database: str) -> None:
        """pg_restore a custom-format dump into `database` as the bot role, the way an operator without
        superuser rights does: the extension entries left out (the test databases have amcheck already)."""
        restore = str(self.bindir / "pg_restore")
        listing = subprocess.run([restore, "--list", str(dump)], capture_output=True, text=True, check=True).stdout
        keep = dump.with_suffix(".list")
        keep.write_text("\n".join(line for line in listing.splitlines() if " EXTENSION " not in line) + "\n")
        result = subprocess.run(
            [
                restore,
                "--no-owner",
                "--exit-on-error",
                f"--use-list={keep}",
                f"--dbname={self.dsn(database)}",
                str(dump),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if result.returncode != 0:
            raise RuntimeError(f"pg_restore failed: {result.stderr.strip()}")

    async def create_database(self, *, migrated: bool = True, template: str | None = None) -> str:
        """A new database for one test, cloned from a template; its name."""
        import asyncpg

        self._count += 1
        name = f"test_{os.getpid()}_{self._count}"
        template = template or (MIGRATED_TEMPLATE if migrated else EMPTY_TEMPLATE)
        connection = await asyncpg.connect(self.dsn("postgres"))
        try:
            await connection.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
        finally:
            await connection.close()
        return name

    async def drop_database(self, name: str) -> None:
        import asyncpg

        connection = await asyncpg.connect(self.dsn("postgres"))
        try:
            await connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        finally:
            await connection.close()


# For an end-to-end test that should run on both engines (the `engine` fixture is in tests/conftest.py).
both_engines = pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
