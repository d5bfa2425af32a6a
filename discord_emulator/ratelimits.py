"""Rate limits as Discord applies them: per-route buckets (by major parameter) and a global limit.

Responses carry `X-RateLimit-*` headers so discord.py's limiter paces itself; a request over
the limit gets a 429 with `retry_after`. Limits are settings of the emulator, so tests and
benchmarks know the minimum time a workload needs.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RateLimitConfig:
    # (requests, per seconds) for a route template + method; others use `default`.
    routes: dict[str, tuple[int, float]] = field(
        default_factory=lambda: {
            "POST /channels/{channel_id}/messages": (5, 5.0),
        }
    )
    default: tuple[int, float] = (50, 1.0)
    global_per_second: int = 50
    enabled: bool = True


@dataclass(slots=True)
class _Window:
    limit: int
    period: float
    started: float
    used: int = 0


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    headers: dict[str, str]
    retry_after: float = 0.0
    scope: str = "user"


class RateLimiter:
    def __init__(self, config: RateLimitConfig) -> None:
        self.config = config
        self._windows: dict[tuple[str, str], _Window] = {}
        self._global = _Window(config.global_per_second, 1.0, 0.0)
        self.limited: list[tuple[str, str, float]] = []  # (route key, major, retry_after) of each 429

    def check(self, method: str, route: str, major: str, *, exempt_global: bool = False) -> Decision:
        if not self.config.enabled:
            return Decision(True, {})
        now = time.monotonic()
        key = f"{method} {route}"
        limit, period = self.config.routes.get(key, self.config.default)
        window = self._windows.get((key, major))
        if window is None or now - window.started >= period:
            window = _Window(limit, period, now)
            self._windows[(key, major)] = window
        bucket = hashlib.sha1(key.encode()).hexdigest()[:16]
        reset_after = max(0.0, window.started + period - now)
        if not exempt_global:
            if now - self._global.started >= 1.0:
                self._global = _Window(self.config.global_per_second, 1.0, now)
            if self._global.used >= self._global.limit:
                retry = max(0.001, self._global.started + 1.0 - now)
                self.limited.append((key, major, retry))
                return Decision(
                    False,
                    {"X-RateLimit-Global": "true", "X-RateLimit-Scope": "global", "Retry-After": str(math.ceil(retry))},
                    retry,
                    "global",
                )
        if window.used >= window.limit:
            self.limited.append((key, major, reset_after))
            return Decision(
                False,
                self._headers(window, bucket, reset_after)
                | {"X-RateLimit-Scope": "user", "Retry-After": str(math.ceil(reset_after))},
                reset_after,
            )
        window.used += 1
        if not exempt_global:
            self._global.used += 1
        return Decision(True, self._headers(window, bucket, reset_after))

    @staticmethod
    def _headers(window: _Window, bucket: str, reset_after: float) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(window.limit),
            "X-RateLimit-Remaining": str(max(0, window.limit - window.used)),
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": bucket,
        }
