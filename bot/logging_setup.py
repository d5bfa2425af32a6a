"""Logging for the bot process: human-readable lines or JSON (`LOG_FORMAT`), secrets scrubbed from both."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

from pythonjsonlogger.json import JsonFormatter

from bot.log_context import ContextFields

FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s"


class RedactSecrets(logging.Filter):
    """Replaces any secret (the token) that reaches a log record, wherever it came from."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s and len(s) >= 8]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        message = record.getMessage()
        text = message
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            for secret in self._secrets:
                record.exc_text = record.exc_text.replace(secret, "[redacted]")
        if text != message:
            record.msg, record.args = text, None
        return True


class RedactingFormatter(logging.Formatter):
    """Scrubs the secrets from the finished line too: what a JSON formatter adds (extra fields, the
    traceback) never passes through RedactSecrets's message rewrite."""

    def __init__(self, inner: logging.Formatter, secrets: Iterable[str]) -> None:
        super().__init__()
        self.inner = inner
        self._secrets = [s for s in secrets if s and len(s) >= 8]

    def format(self, record: logging.LogRecord) -> str:
        text = self.inner.format(record)
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return text


def json_formatter() -> logging.Formatter:
    """One JSON object per line: time, level, logger, message, and the ids of bot.log_context."""
    return JsonFormatter(
        JSON_FIELDS,
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        json_ensure_ascii=False,
    )


def configure_logging(level: str, secrets: Iterable[str] = (), log_format: str = "text") -> None:
    secrets = list(secrets)
    handler = logging.StreamHandler(sys.stderr)
    inner = json_formatter() if log_format == "json" else logging.Formatter(FORMAT)
    handler.setFormatter(RedactingFormatter(inner, secrets))
    handler.addFilter(RedactSecrets(secrets))
    handler.addFilter(ContextFields())
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level)
    # discord.py's HTTP and gateway chatter is noise at INFO; keep its warnings.
    logging.getLogger("discord.http").setLevel(max(logging.getLevelName(level), logging.WARNING))
    logging.getLogger("discord.gateway").setLevel(max(logging.getLevelName(level), logging.INFO))
