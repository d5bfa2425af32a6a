"""Lists the chat gives stay readable on a busy server: whole lines, and a count of what did not fit."""

from __future__ import annotations

from pathlib import Path

from discord_emulator import Emulator
from tests.e2e.test_chat import ask
from tests.harness import World, running_bot


async def test_a_long_article_list_ends_with_whole_lines_and_says_how_many_more(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path
):
    seeds = tmp_path / "many-seeds"
    seeds.mkdir()
    for i in range(20):
        title = (
            f"Headline {i:02d}: ceasefire talks with insurgent groups in Anbar province stall "
            "as the sheikhs weigh the offer from Baghdad"
        )
        (seeds / f"article-{i:02d}.txt").write_text(f"{title}\n\nSome text about the talks, number {i}.\n")
    async with running_bot(bot_env | {"SEEDS_DIR": str(seeds)}):
        listing = await ask(emulator, world.member, world.general, "what articles are there?")
    lines = listing.content.splitlines()
    assert lines[0].startswith("Articles I know")
    cut = [line for line in lines[1:-1] if not line.endswith("not posted yet")]
    assert cut == [], f"the article list ends mid-line: {cut}"
    assert lines[-1] == f"…and {20 - (len(lines) - 2)} more: `/article list` shows them all.", lines[-1]
