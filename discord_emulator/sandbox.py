"""The sandbox: the emulator with a demo server, the real bot started against it as in production
(its own process, settings from the environment, its own SQLite file), and the web page.

`python -m bot sandbox` runs it; see the README for what to try. The server is saved in the data
folder as it changes (`server.json`) and comes back on the next start with the same ids, so the
bot's database beside it stays true to it.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import shutil
import signal
import sys
import webbrowser
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from discord_emulator import Emulator
from discord_emulator import permissions as perms
from discord_emulator.model import Channel, Guild, Member, Role
from discord_emulator.persistence import WorldUnreadable, load_world, save_world
from discord_emulator.webview import start_webview

WORLD_FILE = "server.json"
DATABASE_FILE = "bot.sqlite3"
LOCK_FILE = "sandbox.lock"
SAVE_EVERY_SECONDS = 1.0  # at most one write of the server's file per second while it changes


class SandboxRunning(Exception):
    """Another sandbox runs on the same data folder: both would share one server file and one SQLite
    database. The message says so, in one line."""


@contextlib.contextmanager
def sandbox_lock(data_dir: Path) -> Iterator[None]:
    """Hold the data folder for one sandbox while it runs. The lock is the kernel's (flock on
    `sandbox.lock`): released when the sandbox stops, and by the kernel when its process dies, so a
    crash leaves no stale lock behind (the file stays; an unheld file is no lock)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOCK_FILE
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip()
            raise SandboxRunning(
                f"another sandbox is running on {data_dir}"
                + (f" (process {holder})" if holder.isdigit() else "")
                + ": stop it first, or give this one its own folder with --data-dir"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass(slots=True)
class DemoServer:
    guild: Guild
    admin: Member
    moderator: Member
    members: list[Member]
    editors: Role
    moderators: Role
    articles: Channel
    general: Channel
    ask: Channel
    mod_log: Channel


def build_demo_server(emulator: Emulator) -> DemoServer:
    """A forum for the discussions, a general channel, a channel to ask the bot in, a mod log; an
    admin, a moderator and three members."""
    guild = emulator.create_guild("Discussion Club")
    admins = emulator.create_role(guild, "Admins", perms.ADMINISTRATOR)
    editors = emulator.create_role(guild, "Editors")
    moderators = emulator.create_role(guild, "Moderators", perms.MODERATE_MEMBERS | perms.MANAGE_MESSAGES)
    admin = emulator.add_member(guild, "ada", roles=[admins, editors])
    admin.nick = "Ada (admin)"
    moderator = emulator.add_member(guild, "mo", roles=[moderators])
    moderator.nick = "Mo (moderator)"
    members = [emulator.add_member(guild, name) for name in ("alice", "bob", "carol")]
    articles = emulator.create_forum_channel(guild, "articles")
    general = emulator.create_text_channel(guild, "general")
    ask = emulator.create_text_channel(guild, "ask-the-bot")
    mod_log = emulator.create_text_channel(guild, "mod-log")
    everyone = guild.roles[guild.id]
    emulator.set_channel_permission(mod_log, everyone, deny=perms.VIEW_CHANNEL)
    emulator.set_channel_permission(mod_log, moderators, allow=perms.VIEW_CHANNEL)
    emulator.set_channel_permission(mod_log, emulator.bot_role(guild), allow=perms.VIEW_CHANNEL)
    return DemoServer(guild, admin, moderator, members, editors, moderators, articles, general, ask, mod_log)


def demo_ids(demo: DemoServer) -> dict[str, object]:
    return {
        "guild": demo.guild.id,
        "admin": demo.admin.user.id,
        "moderator": demo.moderator.user.id,
        "members": [m.user.id for m in demo.members],
        "editors": demo.editors.id,
        "moderators": demo.moderators.id,
        "articles": demo.articles.id,
        "general": demo.general.id,
        "ask": demo.ask.id,
        "mod_log": demo.mod_log.id,
    }


def demo_from_ids(emulator: Emulator, ids: dict[str, object]) -> DemoServer:
    """The demo server of a restored world (KeyError, TypeError or ValueError when it is not there)."""

    def number(key: str) -> int:
        return int(ids[key])  # type: ignore[call-overload]

    guild = emulator.guilds[number("guild")]
    members = ids["members"]
    if not isinstance(members, list):
        raise TypeError("members is not a list")
    return DemoServer(
        guild,
        guild.members[number("admin")],
        guild.members[number("moderator")],
        [guild.members[int(m)] for m in members],
        guild.roles[number("editors")],
        guild.roles[number("moderators")],
        guild.channels[number("articles")],
        guild.channels[number("general")],
        guild.channels[number("ask")],
        guild.channels[number("mod_log")],
    )


def open_demo_server(data_dir: Path) -> tuple[Emulator, DemoServer, str]:
    """The emulator holding the demo server saved in `data_dir` last time, or a new one; and a line
    that says which. A bot database left without its server (the file is missing or cannot be
    read) describes ids that no longer exist: it is moved aside, so the bot starts fresh too."""
    data_dir.mkdir(parents=True, exist_ok=True)
    saved = data_dir / WORLD_FILE
    problem = "there was no saved server"
    if saved.exists():
        emulator = Emulator(validate_schema=False)
        try:
            demo = demo_from_ids(emulator, load_world(emulator, saved).get("demo") or {})
            return emulator, demo, f"the demo server from last time, as {saved} kept it"
        except (WorldUnreadable, KeyError, TypeError, ValueError) as error:
            problem = f"{saved} could not be read ({error})"
    emulator = Emulator(validate_schema=False)
    demo = build_demo_server(emulator)
    note = "a new demo server"
    database = data_dir / DATABASE_FILE
    if database.exists():
        for suffix in ("", "-wal", "-shm"):
            part = data_dir / (DATABASE_FILE + suffix)
            if part.exists():
                os.replace(part, data_dir / f"{DATABASE_FILE}.old{suffix}")
        note += f"; {problem}, so the bot's database from before is now {DATABASE_FILE}.old and it starts fresh"
    return emulator, demo, note


async def keep_saved(emulator: Emulator, demo: DemoServer, path: Path) -> None:
    """Save the server now and whenever it changes (runs until cancelled)."""
    seen = emulator.revision
    save_world(emulator, path, {"demo": demo_ids(demo)})
    while True:
        revision = await emulator.wait_for_change(seen, 30.0)
        if revision != seen:
            save_world(emulator, path, {"demo": demo_ids(demo)})
            seen = revision
        await asyncio.sleep(SAVE_EVERY_SECONDS)


def bot_environment(emulator: Emulator, demo: DemoServer, data_dir: Path, seeds_dir: Path) -> dict[str, str]:
    """The settings the bot reads from its environment, as in production: the emulator's address
    and token instead of Discord's, and the demo server's roles and channels as defaults."""
    return emulator.client_settings() | {
        "DATABASE_PATH": str(data_dir / DATABASE_FILE),
        "SEEDS_DIR": str(seeds_dir),
        "SEED_POLL_SECONDS": "1",
        "DEV_GUILD_ID": str(demo.guild.id),
        "EDITOR_ROLE_ID": str(demo.editors.id),
        "MODERATOR_ROLE_ID": str(demo.moderators.id),
        "MOD_LOG_CHANNEL_ID": str(demo.mod_log.id),
        "CHAT_CHANNEL_IDS": str(demo.ask.id),
        "GUILD_READY_TIMEOUT": "0.2",
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO"),
    }


def prepare_seeds(project_seeds: Path, seeds_dir: Path) -> None:
    """The sandbox's own copy of the seed articles, so editing one (to watch an update arrive)
    leaves the project's files alone."""
    seeds_dir.mkdir(parents=True, exist_ok=True)
    for source in sorted(project_seeds.glob("*.txt")):
        target = seeds_dir / source.name
        if not target.exists():
            shutil.copyfile(source, target)


async def run_sandbox(*, port: int, open_browser: bool, data_dir: Path, bot_command: list[str]) -> int:
    """Serve until Ctrl-C (0) or until the bot stops (1). `data_dir` is absolute and holds the
    bot's articles in `seeds/` (see prepare_seeds)."""
    emulator, demo, note = open_demo_server(data_dir)
    await emulator.start()
    saving = asyncio.create_task(keep_saved(emulator, demo, data_dir / WORLD_FILE))
    try:
        runner, web_port = await start_webview(emulator, demo.guild, port)
        try:
            url = f"http://127.0.0.1:{web_port}/"
            return await _serve(emulator, demo, url, open_browser, data_dir, bot_command, note)
        finally:
            await runner.cleanup()
    finally:
        saving.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await saving
        save_world(emulator, data_dir / WORLD_FILE, {"demo": demo_ids(demo)})  # what the bot did last
        await emulator.stop()


async def _serve(
    emulator: Emulator,
    demo: DemoServer,
    url: str,
    open_browser: bool,
    data_dir: Path,
    bot_command: list[str],
    note: str,
) -> int:
    seeds_dir = data_dir / "seeds"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")}
    environment |= bot_environment(emulator, demo, data_dir, seeds_dir)
    # The bot's working directory is the sandbox's: a .env with a real token is never read.
    bot = await asyncio.create_subprocess_exec(*bot_command, cwd=data_dir, env=environment)
    print(f"Sandbox: {url}", flush=True)
    print(f"  {note}", flush=True)
    print(f"  the bot's data: {data_dir}; its articles: {seeds_dir} (edit one to push an update)", flush=True)
    print("  Ctrl-C stops it.", flush=True)
    if open_browser:
        webbrowser.open(url)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    bot_exit = asyncio.create_task(bot.wait())
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait({bot_exit, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if bot.returncode is not None:
        print(f"The bot stopped (exit status {bot.returncode}); see its log above.", file=sys.stderr)
        return 1
    bot.terminate()
    try:
        await asyncio.wait_for(bot.wait(), 10)
    except TimeoutError:
        bot.kill()
        await bot.wait()
    return 0
