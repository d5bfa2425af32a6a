"""The SQL condition "this server is on one of my shards", the same on SQLite and PostgreSQL."""

from __future__ import annotations

from bot.sharding import Ownership


def owned(column: str, ownership: Ownership | None) -> str:
    """A condition on a server-id column that holds for the servers `ownership` owns (always true when
    it owns all, or is None). Discord's formula, `(guild_id >> 22) % shard_count`: both engines shift
    and take the remainder of 64-bit integers alike, and server ids are positive. The numbers are
    written into the SQL (they are validated integers), so the planner sees a constant."""
    if ownership is None or ownership.everything:
        return "1 = 1"
    ids = ", ".join(str(int(i)) for i in ownership.sorted_ids())
    return f"(({column} >> 22) % {int(ownership.count)}) IN ({ids})"
