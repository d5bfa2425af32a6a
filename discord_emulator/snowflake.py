"""Snowflake ids: milliseconds since Discord's epoch, shifted, plus a counter."""

from __future__ import annotations

import itertools
import time

DISCORD_EPOCH_MS = 1420070400000


class SnowflakeGenerator:
    def __init__(self) -> None:
        self._last = 0
        self._counter = itertools.count()
        self._server_ms = 0  # the time part of the last server's id (see next_in_new_millisecond)

    def next(self) -> int:
        candidate = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22 | (next(self._counter) & 0xFFF)
        self._last = max(candidate, self._last + 1)
        return self._last

    def next_in_new_millisecond(self) -> int:
        """A server's id: its time part one millisecond after the previous server's, so servers made
        one after another spread evenly over shards (`(id >> 22) % count`) whatever the clock and the
        other ids did between them. The counter part keeps it apart from ids of the same millisecond."""
        self._server_ms = max(self._server_ms + 1, (self._last >> 22) if not self._server_ms else 0)
        snowflake = (self._server_ms << 22) | (next(self._counter) & 0xFFF)
        self._last = max(self._last, snowflake)
        return snowflake

    @property
    def last(self) -> int:
        return self._last

    def advance_past(self, snowflake: int) -> None:
        """Every later id is greater than `snowflake` (one restored from before), even if the
        clock went back meanwhile."""
        self._last = max(self._last, snowflake)


def snowflake_time(snowflake: int) -> float:
    return ((snowflake >> 22) + DISCORD_EPOCH_MS) / 1000
