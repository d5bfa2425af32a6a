"""Scheduled backups on the running bot (a fractional BACKUP_EVERY_HOURS, so they come every second or
so) and their rotation; a failing backup is counted, and the bot carries on; RETENTION_DAYS clears
message copies in the database and in Discord."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from bot.backups import existing_backups
from bot.storage import moderation as mod_store
from bot.storage.database import load_migrations
from bot.storage.privacy import EXPIRED_TEXT
from discord_emulator import Emulator
from tests.e2e.support.ops import free_port, scrape, value
from tests.harness import World, eventually, running_bot

SLUG = "odierno-ceasefire"


async def test_scheduled_backups_appear_and_rotate(emulator: Emulator, world: World, bot_env: dict[str, str]):
    database = Path(bot_env["DATABASE_PATH"])
    directory = database.parent / "backups"
    seen: set[str] = set()

    def three_made_two_kept() -> bool:
        backups = existing_backups(database, directory)
        seen.update(p.name for p in backups)
        return len(seen) >= 3 and len(backups) == 2

    env = bot_env | {"BACKUP_EVERY_HOURS": "0.0003", "BACKUP_KEEP": "2"}  # about a second apart
    async with running_bot(env):
        await eventually(three_made_two_kept, timeout=30)
    newest = existing_backups(database, directory)[-1]
    copy = sqlite3.connect(f"file:{newest}?mode=ro", uri=True)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("PRAGMA user_version").fetchone()[0] == len(load_migrations())
    finally:
        copy.close()
    assert not [p for p in directory.iterdir() if p not in existing_backups(database, directory)]


async def test_a_failing_backup_is_counted_and_the_bot_carries_on(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    port = free_port()
    env = bot_env | {"BACKUP_EVERY_HOURS": "0.0003", "BACKUP_DIR": str(blocker / "backups"), "METRICS_PORT": str(port)}
    async with running_bot(env):

        async def failed() -> bool:
            return value(await scrape(port), "bot_backups_total", result="failed") >= 1

        await eventually(failed, timeout=15)
        about = emulator.run_command(world.member, world.general, "about")
        await about.wait_message()  # still answering
        assert value(await scrape(port), "bot_backups_total", result="ok") == 0


async def test_retention_clears_message_copies_in_the_database_and_in_discord(
    emulator: Emulator, world: World, bot_env: dict[str, str]
):
    async with running_bot(bot_env | {"RETENTION_DAYS": "30"}) as bot:
        setup = emulator.run_command(
            world.admin, world.general, "config set", setting="mod_log_channel", value="mod-log"
        )
        await setup.wait_message()
        post = emulator.run_command(world.admin, world.general, "article post", article=SLUG, channel=world.forum)
        assert "Posted" in (await post.wait_message(timeout=10)).content
        thread = emulator.threads_of(world.forum)[-1]
        emulator.send_message(world.member, thread, "what bullshit")  # deleted: a case with a mod-log line
        emulator.send_message(world.member, thread, "my server discord.gg/abc")  # held: a review card
        await eventually(lambda: len([m for m in emulator.history(world.mod_log) if m.embeds]) >= 2)
        log_line = next(m for m in emulator.history(world.mod_log) if "delete" in m.embeds[0]["title"])
        card = next(m for m in emulator.history(world.mod_log) if m.components)
        assert "what bullshit" in str(log_line.embeds[0]["fields"]) and "my server discord.gg/abc" in str(
            card.embeds[0]["fields"]
        )

        # 29 days on: nothing is old enough yet
        assert await bot.operations.retention.run_once(dt.datetime.now(dt.UTC) + dt.timedelta(days=29)) == 0
        cleared = await bot.operations.retention.run_once(dt.datetime.now(dt.UTC) + dt.timedelta(days=31))
        assert cleared == 3  # two cases' excerpts and one review item
        cases = await mod_store.cases_of_member(bot.db, world.guild.id, world.member.user.id)
        assert [c.excerpt for c in cases] == [None, None]
        fields = {f["name"]: f["value"] for f in log_line.embeds[0]["fields"]}
        assert "Message" not in fields and "Why" in fields  # the copy goes; why the case was opened stays
        assert "what bullshit" not in str(log_line.embeds[0])
        card_fields = {f["name"]: f["value"] for f in card.embeds[0]["fields"]}
        assert "my server" not in card_fields["Message"] and EXPIRED_TEXT in card_fields["Message"]
        assert await bot.operations.retention.run_once(dt.datetime.now(dt.UTC) + dt.timedelta(days=31)) == 0
