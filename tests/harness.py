"""Start the emulator and the real bot (the `python -m bot` start-up path) for end-to-end tests."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from bot.client import DiscussionBot
from bot.runner import create_bot
from bot.settings import load_settings
from discord_emulator import Channel, Emulator, Guild, Member, Role
from discord_emulator import permissions as perms

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@dataclass
class World:
    guild: Guild
    owner: Member
    admin: Member
    admin_role: Role
    member: Member
    general: Channel
    forum: Channel
    mod_log: Channel


def build_world(emulator: Emulator) -> World:
    guild = emulator.create_guild("Discussion Club")
    owner = guild.members[guild.owner_id]
    admin_role = emulator.create_role(guild, "Admins", perms.MANAGE_GUILD | perms.MODERATE_MEMBERS)
    admin = emulator.add_member(guild, "ada", roles=[admin_role])
    member = emulator.add_member(guild, "max")
    general = emulator.create_text_channel(guild, "general")
    forum = emulator.create_forum_channel(guild, "articles")
    mod_log = emulator.create_text_channel(guild, "mod-log")
    return World(guild, owner, admin, admin_role, member, general, forum, mod_log)


def bot_environment(
    emulator: Emulator, data_dir: Path, *, database_url: str | None = None, **extra: str
) -> dict[str, str]:
    """The bot's settings for a test: SQLite in `data_dir`, or the database at `database_url`."""
    database = {"DATABASE_URL": database_url} if database_url else {"DATABASE_PATH": str(data_dir / "bot.sqlite3")}
    return (
        emulator.client_settings()
        | database
        | {
            "SEEDS_DIR": str(SEEDS),
            "GUILD_READY_TIMEOUT": "0.05",
            "LOG_LEVEL": "DEBUG",
            # Loading the chat's embedding models and embedding the articles costs seconds of CPU per
            # bot: only the tests of the chat's answers (tests/e2e/test_chat.py) turn them on.
            "CHAT_MODELS": "false",
            **extra,
        }
    )


@contextlib.asynccontextmanager
async def running_bot(environment: dict[str, str], *, ready_timeout: float = 10.0) -> AsyncIterator[DiscussionBot]:
    """The bot built from the environment exactly as `main()` builds it, connected and ready."""
    saved = {k: os.environ.get(k) for k in environment}
    os.environ.update(environment)
    try:
        settings = load_settings()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    bot = create_bot(settings)
    task = asyncio.create_task(bot.start(settings.require_token()), name="bot")
    ready = asyncio.create_task(bot.wait_until_ready())
    started = time.monotonic()
    done, _ = await asyncio.wait({task, ready}, timeout=ready_timeout, return_when=asyncio.FIRST_COMPLETED)
    if ready not in done:
        ready.cancel()
        if task in done:
            task.result()  # raises the start-up error
        await bot.close()
        raise TimeoutError(f"the bot was not ready after {ready_timeout} s")
    bot.connect_seconds = time.monotonic() - started  # type: ignore[attr-defined]
    try:
        yield bot
    finally:
        try:
            await asyncio.wait_for(bot.close(), 60)
        except TimeoutError:
            # A stop that hangs is a bug: show where every task was waiting.
            for pending in asyncio.all_tasks():
                pending.print_stack(file=sys.stderr)
            raise
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, 10)


async def eventually(check, *, timeout: float = 10.0, interval: float = 0.02):  # type: ignore[no-untyped-def]
    """Wait until `check()` (sync or async) returns a truthy value; return it, or fail after `timeout`."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = check()
        if asyncio.iscoroutine(last):
            last = await last
        if last:
            return last
        await asyncio.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s (last value: {last!r})")


def question_of(emulator: Emulator, thread: Channel):  # type: ignore[no-untyped-def]
    """The exit question's message in an article thread."""
    return next(m for m in emulator.history(thread) if m.content.startswith("**Exit question**"))


def is_update_message(message) -> bool:  # type: ignore[no-untyped-def]
    return any((e.get("footer") or {}).get("text", "").startswith("Update ") for e in message.embeds)


def article_messages(emulator: Emulator, thread: Channel) -> list:  # type: ignore[type-arg]
    """The thread's messages without the update messages the delivery worker adds."""
    return [m for m in emulator.history(thread) if not is_update_message(m)]


class BotProcess:
    """`python -m bot` in its own process, as an operator runs it (for crash and kill tests)."""

    def __init__(self, emulator: Emulator, environment: dict[str, str], cwd: Path) -> None:
        self.emulator = emulator
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")} | environment
        self.env["PYTHONPATH"] = str(REPO)
        self.cwd = cwd
        self.process: asyncio.subprocess.Process | None = None

    async def start(self, member: Member, channel: Channel, timeout: float = 30.0) -> None:
        before = self.emulator.gateway.identify_count
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=self.cwd,
            env=self.env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while self.emulator.gateway.identify_count == before:
            if self.process.returncode is not None or time.monotonic() > deadline:
                raise RuntimeError("the bot process did not connect")
            await asyncio.sleep(0.02)
        while True:  # ready when it answers a command
            try:
                await self.emulator.run_command(member, channel, "about").wait_message(timeout=1.0)
                return
            except TimeoutError:
                if time.monotonic() > deadline:
                    raise

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()  # SIGKILL: no cleanup of any kind

    async def wait(self) -> None:
        if self.process is not None:
            await self.process.wait()

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            await self.process.wait()
