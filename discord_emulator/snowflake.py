"""Snowflake ids: milliseconds since Discord's epoch, shifted, plus a counter."""

from __future__ import annotations

import itertools
import time

DISCORD_EPOCH_MS = 1420070400000


class SnowflakeGenerator:
    def __init__(self) -> None:
        self._last = 0
        self._counter = itertools.count()

    def next(self) -> int:
        candidate = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22 | (next(self._counter) & 0xFFF)
        self._last = max(candidate, self._last + 1)
        return self._last

    def next_in_new_millisecond(self) -> int:
        """An id whose time part is later than every id so far (so consecutive calls differ in
        `id >> 22`, the part Discord shards servers by)."""
        now = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._last = max(now, ((self._last >> 22) + 1) << 22) | (next(self._counter) & 0xFFF)
        return self._last

    @property
    def last(self) -> int:
        return self._last

    def advance_past(self, snowflake: int) -> None:
        """Every later id is greater than `snowflake` (one restored from before), even if the
        clock went back meanwhile."""
        self._last = max(self._last, snowflake)


def snowflake_time(snowflake: int) -> float:
    return ((snowflake >> 22) + DISCORD_EPOCH_MS) / 1000
