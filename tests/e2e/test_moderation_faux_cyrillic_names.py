"""README: names are screened "with the same word filters", which read "look-alike letters from other
scripts" through. "Faux Cyrillic" (ц for u, д for a, the style name generators offer) is the commonest
other-script disguise in Discord names. Capital Ц is read as U ("BЦLLSHIT ARTIST" is alerted), but
the lower-case ц is not: "Bцllshit Artist" and "Fцck_this" pass, and д for a passes in either case
("TWДT"). A member renames themselves with the lower-case letters and no moderator hears of it."""

from __future__ import annotations

import contextlib

from bot.client import DiscussionBot
from bot.storage import moderation as mod_store
from discord_emulator import Emulator
from tests.e2e.test_moderation_places_names import command
from tests.harness import World, eventually

NAMES = ("Bцllshit Artist", "Fцck_this", "TWДT")


async def test_nicknames_in_faux_cyrillic_are_alerted_in_either_case(
    emulator: Emulator, world: World, bot: DiscussionBot
):
    await command(emulator, world, "config set", setting="mod_log_channel", value="mod-log")
    renamed = []
    for name in NAMES:
        member = emulator.add_member(world.guild, f"member{len(renamed)}")
        member.nick = name
        emulator.dispatch(
            "GUILD_MEMBER_UPDATE", member.payload() | {"guild_id": str(world.guild.id)}, guild_id=world.guild.id
        )
        renamed.append(member)
    control = emulator.add_member(world.guild, "control")  # the upper-case form, which is read
    control.nick = "BЦLLSHIT ARTIST"
    emulator.dispatch(
        "GUILD_MEMBER_UPDATE", control.payload() | {"guild_id": str(world.guild.id)}, guild_id=world.guild.id
    )
    await eventually(lambda: mod_store.cases_of_member(bot.db, world.guild.id, control.user.id))

    async def missed() -> list[str | None]:
        return [m.nick for m in renamed if not await mod_store.cases_of_member(bot.db, world.guild.id, m.user.id)]

    async def all_alerted() -> bool:
        return not await missed()

    with contextlib.suppress(AssertionError):  # the alerts are written by one listener task each
        await eventually(all_alerted, timeout=3)
    left = await missed()
    assert left == [], f"nicknames in faux Cyrillic were not alerted: {left}"
