"""The command line: `python -m bot` runs the bot; subcommands serve operators and scripts.

Exit status: 0 success, 1 a failed operation (bad article, failed check), 2 a usage or
settings error (one line on stderr naming what to fix).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.articles import ArticleError, list_articles, parse_article_file
from bot.database_url import DatabaseUrl
from bot.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from bot.storage.privacy import ForgetReport

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
MAX_ID = 2**63 - 1  # Discord ids are 64-bit; SQLite stores them as signed 64-bit integers
MAX_PORT = 65535


def discord_id(text: str) -> int:
    """An argparse type: a Discord id (a positive integer that fits in 63 bits)."""
    if not text.isdigit() or not 0 < int(text) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is not a Discord id (a positive whole number up to {MAX_ID})")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Discussion bot. With no command, runs the bot (settings from the environment and .env).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help="run the bot (the default)")

    db = commands.add_parser("db", help="database maintenance").add_subparsers(dest="db_command", required=True)
    db.add_parser("migrate", help="apply pending migrations")
    backup = db.add_parser(
        "backup",
        help="write a consistent copy of the database (safe while the bot runs; PostgreSQL: pg_dump's custom format)",
    )
    backup.add_argument("path", type=Path)
    db.add_parser(
        "check",
        help="integrity checks (SQLite: integrity and foreign keys; PostgreSQL: indexes, "
        "constraints) and the vote counts",
    )
    copy = db.add_parser(
        "copy", help="copy the database (DATABASE_URL) into an empty PostgreSQL database, verified by row counts"
    )
    copy.add_argument("--to", required=True, metavar="URL", help="the target, postgresql://user:password@host/name")

    article = commands.add_parser("article", help="inspect article files").add_subparsers(
        dest="article_command", required=True
    )
    listing = article.add_parser("list", help="list the articles in SEEDS_DIR")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    parse = article.add_parser("parse", help="parse one article file")
    parse.add_argument("file", type=Path)
    parse.add_argument("--json", action="store_true", help="machine-readable output")

    moderation = commands.add_parser("moderation", help="try the moderation engine").add_subparsers(
        dest="moderation_command", required=True
    )
    check = moderation.add_parser("check", help="the verdict for a text against the default rules (or a server's)")
    check.add_argument("text")
    check.add_argument("--guild", type=discord_id, metavar="ID", help="with this server's own rules, from the database")
    check.add_argument("--json", action="store_true", help="machine-readable output")

    sandbox = commands.add_parser(
        "sandbox", help="try the bot without Discord: a local server with a web page (no token needed)"
    )
    sandbox.add_argument("--port", type=int, default=8765, help="the web page's port on 127.0.0.1 (0: any free one)")
    sandbox.add_argument("--open", action="store_true", help="open the page in a browser")
    sandbox.add_argument(
        "--data-dir", type=Path, default=Path("data/sandbox"), help="the sandbox bot's database and articles"
    )

    invite = commands.add_parser("invite", help="print the URL that adds the bot to a server")
    invite.add_argument("client_id", type=discord_id, help="the application ID from the Developer Portal")

    commands.add_parser("health", help="ask the running bot's /healthz (METRICS_PORT); exit 0 healthy, 1 not")
    data = commands.add_parser("data", help="a member's stored data, for a request by mail").add_subparsers(
        dest="data_command", required=True
    )
    export = data.add_parser("export", help="print everything stored about a member as JSON")
    export.add_argument("user_id", type=discord_id, help="the member's Discord user ID")
    forget = data.add_parser("forget", help="delete a member's data (moderation cases stay, pseudonymised)")
    forget.add_argument("user_id", type=discord_id, help="the member's Discord user ID")
    forget.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "sandbox":  # its own settings: the real ones (and a real token) stay out of it
        return _sandbox(args)
    try:
        settings = load_settings()
        if args.command in (None, "run"):
            return _run(settings)
        if args.command == "db":
            return _db(settings, args)
        if args.command == "moderation":
            return _moderation(settings, args)
        if args.command == "health":
            return _health(settings)
        if args.command == "data":
            return _data(settings, args)
        if args.command == "invite":
            from bot.invite import invite_url

            print(invite_url(args.client_id))
            return EXIT_OK
        return _article(settings, args)
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE


def _sandbox(args: argparse.Namespace) -> int:
    from discord_emulator.sandbox import SandboxRunning, prepare_seeds, run_sandbox, sandbox_lock

    if not 0 <= args.port <= MAX_PORT:
        print(f"error: --port {args.port} is not a port: use 1 to {MAX_PORT}, or 0 for any free one", file=sys.stderr)
        return EXIT_USAGE

    project_seeds = Path("seeds")
    if not project_seeds.is_dir():  # run from elsewhere: the articles that ship with the project
        project_seeds = Path(__file__).resolve().parents[1] / "seeds"
    data_dir = args.data_dir.resolve()
    command = [sys.executable, "-m", "bot", "run"]
    try:
        with sandbox_lock(data_dir):  # first: a second sandbox must not touch the first one's files
            prepare_seeds(project_seeds, data_dir / "seeds")
            return asyncio.run(
                run_sandbox(port=args.port, open_browser=args.open, data_dir=data_dir, bot_command=command)
            )
    except SandboxRunning as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:  # the port is taken, the data folder is not writable
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_OK


def _run(settings: Settings) -> int:
    token = settings.require_token()
    from bot.runner import run_bot  # imports discord.py: only when the bot really runs

    return run_bot(settings, token)


def _db(settings: Settings, args: argparse.Namespace) -> int:
    from bot.storage import Database, DatabaseError, MigrationError, admin
    from bot.storage.maintenance import BackupError

    url = settings.database()
    if args.db_command == "migrate":

        async def migrate() -> list[int]:
            db = await Database.open(url)
            try:
                return await db.migrate()
            finally:
                await db.close()

        try:
            applied = asyncio.run(migrate())
        except (MigrationError, DatabaseError) as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_FAILED
        print(f"{url}: applied migrations {applied}" if applied else f"{url}: already up to date")
        return EXIT_OK
    if args.db_command == "backup":
        try:
            print(asyncio.run(admin.backup(url, args.path)))
        except (BackupError, OSError) as error:  # FileNotFoundError included: no such database
            print(f"error: {error}", file=sys.stderr)
            return EXIT_FAILED
        return EXIT_OK
    if args.db_command == "copy":
        return _db_copy(url, args.to)
    result = asyncio.run(admin.check(url))
    for problem in result.problems:
        print(problem)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    if not result.problems:
        print(f"{url}: ok")
    return EXIT_FAILED if result.problems else EXIT_OK


def _db_copy(source_url: DatabaseUrl, target_text: str) -> int:
    from bot.storage import Database, DatabaseError, MigrationError
    from bot.storage.copy import CopyError, copy_database

    try:
        target_url = DatabaseUrl.parse(target_text)
    except ValueError as error:
        print(f"error: --to {error}", file=sys.stderr)
        return EXIT_USAGE

    async def copy() -> int:
        source = await Database.open(source_url)
        try:
            target = await Database.open(target_url)
            try:
                copied = await copy_database(source, target, report=print)
            finally:
                await target.close()
        finally:
            await source.close()
        return sum(table.rows for table in copied)

    try:
        total = asyncio.run(copy())
    except (CopyError, MigrationError, DatabaseError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(f"copied {source_url} to {target_url}: {total} rows, every table's count verified")
    return EXIT_OK


def _article(settings: Settings, args: argparse.Namespace) -> int:
    if args.article_command == "list":
        entries, errors = list_articles(settings.seeds_dir)
        for error in errors:
            print(f"warning: {error}", file=sys.stderr)
        if args.json:
            print(
                json.dumps(
                    [{"slug": e.slug, "title": e.title, "path": str(e.path)} for e in entries],
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            for entry in entries:
                print(f"{entry.slug}\t{entry.title}")
        return EXIT_OK
    try:
        article = parse_article_file(args.file)
    except ArticleError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    for warning in article.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps(article.to_json(), ensure_ascii=False, indent=2))
    else:
        print(article.title)
        print(f"  {len(article.paragraphs)} paragraphs, {len(article.updates)} updates")
        print(f"  exit question: {article.exit_question or '(none)'}")
    return EXIT_OK


def _moderation(settings: Settings, args: argparse.Namespace) -> int:
    from bot.enforcement.engines import as_server_rules
    from bot.moderation.defaults import default_rules
    from bot.moderation.engine import MessageFacts, ModerationEngine
    from bot.moderation.server_rules import server_rules
    from bot.storage import Database, DatabaseError
    from bot.storage.moderation import StoredRule, rules_of

    rules = default_rules()
    if args.guild is not None:
        url = settings.database()
        if url.path is not None and not url.path.is_file():
            print(f"error: no such database: {url.path} (set DATABASE_URL or DATABASE_PATH)", file=sys.stderr)
            return EXIT_FAILED

        async def load() -> list[StoredRule]:
            db = await Database.open(url)
            try:
                return list(await rules_of(db, args.guild))
            finally:
                await db.close()

        try:
            rules = server_rules(as_server_rules(asyncio.run(load())))
        except (DatabaseError, sqlite3.Error) as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_FAILED
    verdict = ModerationEngine(rules).check(MessageFacts(args.text), remember=False)
    if args.json:
        print(json.dumps(verdict.to_json(), ensure_ascii=False, indent=2))
    elif not verdict.flagged:
        print("ok: nothing flagged")
    else:
        print(f"{verdict.action.name.lower()}:")
        for reason in verdict.reasons:
            print(f"  - {reason.describe()}")
    return EXIT_OK


def _health(settings: Settings) -> int:
    from bot.health import ask

    if settings.metrics_port is None:
        print("error: METRICS_PORT is not set: the health check asks the bot on that port", file=sys.stderr)
        return EXIT_USAGE
    healthy, line = ask(settings.metrics_host, settings.metrics_port)
    print(line, file=sys.stdout if healthy else sys.stderr)
    return EXIT_OK if healthy else EXIT_FAILED


def forgot_line(user_id: int, where: str, report: ForgetReport) -> str:
    """What `data forget` did, in one line: what went, what stays under a pseudonym, or that nothing
    was stored (never a pseudonym for records that do not exist)."""
    from bot.storage.privacy import MEMBER_COLUMNS

    if not report.removed:
        return f"nothing was stored about member {user_id} in {where}: nothing to forget"
    pseudonymised = {c.what for c in MEMBER_COLUMNS if c.forget == "pseudonym"}
    removed = [f"{what}: {n}" for what, n in sorted(report.removed.items()) if what not in pseudonymised]
    kept = [f"{what}: {n}" for what, n in sorted(report.removed.items()) if what in pseudonymised]
    line = f"forgot member {user_id} in {where}: " + (f"removed {', '.join(removed)}" if removed else "nothing removed")
    return line + (f"; kept under a pseudonym: {', '.join(kept)}" if kept else "")


def _data(settings: Settings, args: argparse.Namespace) -> int:
    from bot.storage import Database, DatabaseError
    from bot.storage import privacy as privacy_store

    path = settings.database()
    if path.path is not None and not path.path.is_file():
        print(f"error: no such database: {path.path} (set DATABASE_URL or DATABASE_PATH)", file=sys.stderr)
        return EXIT_FAILED
    if args.user_id <= 0:
        print("error: USER_ID is a Discord user ID: a positive number", file=sys.stderr)
        return EXIT_USAGE
    if args.data_command == "forget" and not args.yes:
        if not sys.stdin.isatty():
            print("error: add --yes to delete without a prompt", file=sys.stderr)
            return EXIT_USAGE
        answer = input(f"Delete the data of member {args.user_id} from {path}? Type 'yes': ")
        if answer.strip().lower() != "yes":
            print("Nothing deleted.")
            return EXIT_FAILED

    async def work() -> int:
        db = await Database.open(path)
        try:
            await db.migrate()  # the same schema as the bot, even if it has not started since an upgrade
            if args.data_command == "export":
                print(json.dumps(await privacy_store.export(db, args.user_id), ensure_ascii=False, indent=2))
                return EXIT_OK
            report = await privacy_store.forget(db, args.user_id)
            print(forgot_line(args.user_id, str(path), report))
            return EXIT_OK
        finally:
            await db.close()

    try:
        return asyncio.run(work())
    except DatabaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
