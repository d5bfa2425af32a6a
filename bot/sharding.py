"""Which servers a process owns when the bot runs as several shard processes.

Discord puts a server on shard `(guild_id >> 22) % shard_count`; a process connects some of the
shards and does the work of their servers only (their outbox rows, votes, review cards, auto-posts).
Plain data: importable without discord.py or storage.
"""

from __future__ import annotations

from dataclasses import dataclass


def shard_of(guild_id: int, count: int) -> int:
    """The shard Discord sends a server's events on (the formula Discord documents)."""
    return (guild_id >> 22) % count


@dataclass(frozen=True, slots=True)
class Ownership:
    """`count` shards in all, of which this process connects `ids`."""

    count: int = 1
    ids: frozenset[int] = frozenset({0})

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError(f"a shard count is at least 1, not {self.count}")
        if not self.ids or any(not 0 <= i < self.count for i in self.ids):
            raise ValueError(f"shard ids {sorted(self.ids)} are not all between 0 and {self.count - 1}")

    @property
    def everything(self) -> bool:
        """True when this process owns every server (unsharded, or all shards in one process)."""
        return len(self.ids) == self.count

    @property
    def sharded(self) -> bool:
        return self.count > 1

    def owns(self, guild_id: int) -> bool:
        return self.everything or shard_of(guild_id, self.count) in self.ids

    def sorted_ids(self) -> list[int]:
        return sorted(self.ids)
