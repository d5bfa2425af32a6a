"""/mod purge: a channel's last messages deleted by a moderator, under the same policy as a card's
"Remove message" for each of them (bot.permissions): nobody's messages but those of members the
moderator outranks, so a moderator cannot clear an admin's or the owner's messages in bulk when
the card would refuse to remove one of them."""

from __future__ import annotations

from dataclasses import dataclass

import discord

from bot.checks import outranked_authors, require_outranks


@dataclass(frozen=True, slots=True)
class Purged:
    deleted: int
    skipped: int  # messages of members the moderator does not outrank, left in place


async def purge(
    interaction: discord.Interaction,
    channel: discord.TextChannel | discord.Thread,
    count: int,
    member: discord.Member | None,
) -> Purged:
    """Delete up to the last `count` messages of the channel (only `member`'s, if given) whose
    authors the member acting outranks. Naming a member they do not outrank raises NotAllowed,
    saying why, before anything is deleted."""
    if member is not None:
        await require_outranks(interaction, member)
    recent = [m async for m in channel.history(limit=count)]
    theirs = [m for m in recent if member is None or m.author.id == member.id]
    allowed = await outranked_authors(interaction, (m.author for m in theirs))
    deleted = await channel.purge(
        limit=count,
        # a message that arrived since the look above has an author not looked at: it stays
        check=lambda m: m.author.id in allowed and (member is None or m.author.id == member.id),
        reason=f"/mod purge by {interaction.user}",
    )
    return Purged(len(deleted), sum(1 for m in theirs if m.author.id not in allowed))
