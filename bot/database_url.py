"""Where the database is: `DATABASE_URL` parsed (no database driver imported here).

`sqlite:///data/bot.sqlite3` is a file relative to the working folder, `sqlite:////srv/bot.sqlite3`
an absolute one (three slashes, then the path); `postgresql://user:password@host:5432/name`
(or `postgres://…`) a PostgreSQL database, options as libpq spells them in the query string
(`?sslmode=require`, `?host=/run/postgresql` for a Unix socket).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

Engine = Literal["sqlite", "postgresql"]


@dataclass(frozen=True, slots=True, repr=False)
class DatabaseUrl:
    engine: Engine
    path: Path | None = None  # SQLite: the file
    dsn: str | None = None  # PostgreSQL: the URL as given (secrets included: never log it, log `redacted()`)

    @staticmethod
    def for_sqlite(path: Path | str) -> DatabaseUrl:
        return DatabaseUrl("sqlite", path=Path(path))

    @staticmethod
    def parse(text: str) -> DatabaseUrl:
        """The URL, or ValueError with a sentence saying what is wrong (the password never in it)."""
        text = text.strip()
        scheme, sep, rest = text.partition("://")
        scheme = scheme.lower()
        if not sep:
            raise ValueError("must be a URL like sqlite:///data/bot.sqlite3 or postgresql://user@host/name")
        if scheme == "sqlite":
            if not rest.startswith("/") or rest == "/":
                raise ValueError(
                    "a SQLite URL is sqlite:/// followed by the file's path "
                    "(sqlite:///data/bot.sqlite3, or sqlite:////srv/bot.sqlite3 for an absolute path)"
                )
            return DatabaseUrl.for_sqlite(rest[1:])
        if scheme in ("postgresql", "postgres"):
            if any(ch.isspace() for ch in text):
                raise ValueError("a PostgreSQL URL has no spaces")
            try:
                parts = urlsplit(text)
                parts.port  # noqa: B018 - raises ValueError on a bad port
            except ValueError:
                raise ValueError("is not a valid postgresql:// URL (check the host and port)") from None
            if not parts.path.strip("/") and "dbname=" not in parts.query:
                raise ValueError("a PostgreSQL URL names the database: postgresql://user@host/NAME")
            return DatabaseUrl("postgresql", dsn=text)
        raise ValueError(f"unknown database {scheme!r}: use sqlite:///PATH or postgresql://…")

    def redacted(self) -> str:
        """For logs and messages: the URL with any password replaced by ***."""
        if self.engine == "sqlite":
            return f"sqlite:///{self.path}"
        assert self.dsn is not None
        parts = urlsplit(self.dsn)
        netloc = parts.netloc
        if "@" in netloc:
            credentials, _, host = netloc.rpartition("@")
            user, has_password, _ = credentials.partition(":")
            netloc = f"{user}:***@{host}" if has_password else f"{user}@{host}"
        query = "&".join(
            "password=***" if item.lower().startswith("password=") else item for item in parts.query.split("&") if item
        )
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))

    def __str__(self) -> str:
        return self.redacted()

    def __repr__(self) -> str:  # never the password, even in a traceback's locals
        return f"DatabaseUrl({self.redacted()!r})"
