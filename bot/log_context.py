"""Ids that log lines carry where they apply: server, channel, case, update.

A context variable, so each task (an interaction, a delivery, a moderation action) has its own and
every log line it writes names them; `LOG_FORMAT=json` writes them as fields. Members' own ids and
message text are not carried.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

FIELDS = ("guild_id", "channel_id", "case_number", "update_id")

_fields: ContextVar[dict[str, int] | None] = ContextVar("log_fields", default=None)


def bind(**ids: int | None) -> None:
    """From here on in this task, log lines carry these ids (None leaves one out)."""
    _fields.set((_fields.get() or {}) | {k: v for k, v in ids.items() if v is not None})


@contextmanager
def log_fields(**ids: int | None) -> Iterator[None]:
    """Within the block, log lines carry these ids too."""
    token = _fields.set((_fields.get() or {}) | {k: v for k, v in ids.items() if v is not None})
    try:
        yield
    finally:
        _fields.reset(token)


def current() -> dict[str, int]:
    return dict(_fields.get() or {})


class ContextFields(logging.Filter):
    """Puts the current ids on each record (an `extra=` given to the call wins)."""

    def filter(self, record: logging.LogRecord) -> bool:
        fields = _fields.get()
        if fields:
            for name, value in fields.items():
                if not hasattr(record, name):
                    setattr(record, name, value)
        return True
