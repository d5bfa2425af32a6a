"""A per-member limit on questions: a sliding window, with one polite warning per window."""

from __future__ import annotations

import time
from collections import deque


class QuestionLimiter:
    def __init__(self, questions: int = 5, per_seconds: float = 30.0) -> None:
        self.questions = questions
        self.per_seconds = per_seconds
        self._asked: dict[int, deque[float]] = {}
        self._warned: dict[int, float] = {}

    def allow(self, user_id: int, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        window = self._asked.setdefault(user_id, deque())
        while window and now - window[0] > self.per_seconds:
            window.popleft()
        if len(window) >= self.questions:
            return False
        window.append(now)
        if len(self._asked) > 10_000:  # forget idle members
            for uid in [u for u, w in self._asked.items() if not w or now - w[-1] > self.per_seconds]:
                del self._asked[uid]
        return True

    def should_warn(self, user_id: int, now: float | None = None) -> bool:
        """True once per window for a member who is over the limit."""
        now = time.monotonic() if now is None else now
        if now - self._warned.get(user_id, -1e9) < self.per_seconds:
            return False
        self._warned[user_id] = now
        return True

    def forget(self, user_id: int) -> None:
        """A member asked to be forgotten: when they last asked goes too."""
        self._asked.pop(user_id, None)
        self._warned.pop(user_id, None)
