"""Odd files in the seeds folder, with the real bot running: a FIFO does not freeze it, and an
article saved with Windows line endings posts like any other."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from discord_emulator import Emulator
from tests.bot.articles.test_parser import HARD_WRAPPED
from tests.harness import SEEDS, World, eventually, is_update_message, question_of, running_bot

NOT_REGULAR = "is a FIFO (named pipe), not a regular file; only regular files are read"


SEED_TITLE = "Odierno: We're negotiating with insurgents for a ceasefire"


@pytest.fixture
def fifo_seeds(tmp_path: Path) -> Iterator[Path]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "odierno-ceasefire.txt", seeds)
    fifo = seeds / "stuck.txt"
    os.mkfifo(fifo)
    yield seeds
    # Should anything have opened the FIFO to read, a writer that comes and goes lets it finish.
    with contextlib.suppress(OSError):
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


async def test_a_fifo_in_the_seeds_folder_is_skipped_while_the_bot_keeps_answering(
    emulator: Emulator, world: World, bot_env: dict[str, str], fifo_seeds: Path, caplog: pytest.LogCaptureFixture
):
    async with running_bot(bot_env | {"SEEDS_DIR": str(fifo_seeds), "SEED_POLL_SECONDS": "1"}) as bot:
        for _ in range(2):  # two passes over the folder, the FIFO in it each time
            await bot.wait_for("seeds_scanned", timeout=10)
        listing = emulator.run_command(world.admin, world.general, "article list")
        fields = (await listing.wait_message(timeout=10)).embeds[0]["fields"]
        assert [f["name"] for f in fields] == [
            "Odierno: We're negotiating with insurgents for a ceasefire (odierno-ceasefire)"
        ]
        about = emulator.run_command(world.member, world.general, "about")
        assert (await about.wait_message(timeout=10)).embeds
    skipped = {r.getMessage() for r in caplog.records if "stuck.txt" in r.getMessage()}
    assert skipped and all(NOT_REGULAR in m for m in skipped)


async def test_an_article_saved_with_windows_line_endings_posts(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path
):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "talks-resume.txt").write_bytes(HARD_WRAPPED.replace("\n", "\r\n").encode())
    async with running_bot(bot_env | {"SEEDS_DIR": str(seeds)}):
        handle = emulator.run_command(
            world.admin, world.general, "article post", article="talks-resume", channel=world.forum
        )
        assert "Posted" in (await handle.wait_message(timeout=10)).content
    [thread] = emulator.threads_of(world.forum)
    assert thread.name == "Talks resume in Baghdad"
    description = emulator.messages[thread.id].embeds[0]["description"]
    assert description.startswith("Officers met the tribal leaders again on Thursday, and both sides said the talks")
    assert "\r" not in description
    assert question_of(emulator, thread).content.startswith("**Exit question**\nWill it hold?")


def _shown(message) -> str:  # type: ignore[no-untyped-def]
    """What Discord shows of a message: its text and its embeds' text, markdown escapes removed."""
    embeds = " ".join(f"{e.get('title', '')} {e.get('description', '')} {e.get('fields', '')}" for e in message.embeds)
    return f"{message.content} {embeds}".replace("\\", "")


async def test_a_link_out_of_the_seeds_folder_is_never_an_article(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    """seeds/notes.txt -> ../settings.env would publish the bot's own settings: whoever can drop a
    file into the seeds folder could post any file the bot can read."""
    token = bot_env["DISCORD_TOKEN"]
    secret = tmp_path / "settings.env"
    secret.write_text(f"Settings of the bot\n\nDISCORD_TOKEN={token}\n")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "notes.txt").symlink_to(secret)
    async with running_bot(bot_env | {"SEEDS_DIR": str(seeds)}):
        handle = emulator.run_command(world.admin, world.general, "article post", article="notes", channel=world.forum)
        reply = await handle.wait_message(timeout=10)
    assert "notes" in reply.content and handle.ephemeral  # not found: the member is told so
    assert emulator.threads_of(world.forum) == []
    assert "notes.txt: is a link to a file outside its folder" in caplog.text


async def test_the_token_is_scrubbed_from_whatever_the_bot_posts(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path
):
    """The second line of defence: a file inside the folder that holds the token (pasted by mistake,
    or markdown-escaped) is posted without it, in messages and in answers to commands alike."""
    token = bot_env["DISCORD_TOKEN"]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "leak.txt").write_text(
        f"The leaky article\n\nSomeone pasted {token} into this paragraph.\n\n"
        f"Exit question: Was *{token}* a good idea?\n"
    )
    async with running_bot(bot_env | {"SEEDS_DIR": str(seeds)}):
        preview = emulator.run_command(world.admin, world.general, "article preview", article="leak")
        previewed = await preview.wait_message(timeout=10)
        post = emulator.run_command(world.admin, world.general, "article post", article="leak", channel=world.forum)
        assert "Posted" in (await post.wait_message(timeout=10)).content
    [thread] = emulator.threads_of(world.forum)
    shown = [_shown(previewed), *(_shown(m) for m in emulator.history(thread))]
    assert "[token removed]" in shown[0]  # the preview: an answer to a command, not a message
    assert any("Someone pasted [token removed] into this paragraph." in text for text in shown[1:]), shown
    assert not any(token in text or token.rsplit(".", 1)[-1] in text for text in shown)


async def test_a_deeply_nested_sidecar_is_one_bad_file_not_a_dead_bot(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    """tags = [[[[…]]]] (60 KB, under the sidecar limit) made tomllib raise RecursionError: the bot
    did not start, and a file dropped in later stopped every other file's updates."""
    nested = "tags = " + "[" * 30_000 + "]" * 30_000 + "\n"
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "odierno-ceasefire.txt", seeds)
    (seeds / "nested.txt").write_text("A title\n\nA body paragraph.\n")
    (seeds / "nested.toml").write_text(nested)
    async with running_bot(bot_env | {"SEEDS_DIR": str(seeds), "SEED_POLL_SECONDS": "1"}) as bot:
        handle = emulator.run_command(
            world.admin, world.general, "article post", article="odierno-ceasefire", channel=world.forum
        )
        assert "Posted" in (await handle.wait_message(timeout=10)).content
        assert "nested.toml: is nested too deeply" in caplog.text
        # Another one dropped in while the bot runs, and an update to the posted article beside it.
        (seeds / "later.txt").write_text("Another title\n\nAnother body paragraph.\n")
        (seeds / "later.toml").write_text(nested)
        seed = seeds / "odierno-ceasefire.txt"
        marker = "\nTrending on Hotair Video"
        seed.write_text(seed.read_text().replace(marker, "\nUpdate: A fresh line from the seed.\n" + marker))
        [thread] = emulator.threads_of(world.forum)
        await eventually(
            lambda: any(is_update_message(m) and "A fresh line" in str(m.embeds) for m in emulator.history(thread)),
            timeout=15,
        )
        assert "later.toml: is nested too deeply" in caplog.text
        assert not bot.is_closed()
