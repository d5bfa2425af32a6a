"""The optional `<name>.toml` beside an article: metadata the plain text cannot carry."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.articles.files import read_regular_file
from bot.articles.model import ArticleError

MAX_SIDECAR_BYTES = 100_000  # a handful of keys; a guard against being handed something else


class Sidecar(BaseModel):
    """Keys allowed in a sidecar file. Unknown keys are refused so a typo is not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source_url: str | None = Field(default=None, max_length=2000)
    author: str | None = Field(default=None, max_length=256)
    published: str | None = None
    poll_options: list[str] = Field(default_factory=list, max_length=10)
    tags: list[str] = Field(default_factory=list, max_length=20)

    @field_validator("source_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
            raise ValueError("must be an http:// or https:// URL")
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        if isinstance(value, dt.datetime | dt.date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return dt.datetime.fromisoformat(value).isoformat()
            except ValueError:
                try:
                    return dt.date.fromisoformat(value).isoformat()
                except ValueError:
                    raise ValueError("must be a date like 2007-06-09 or 2007-06-09T14:30:00") from None
        return value

    @field_validator("poll_options")
    @classmethod
    def _options(cls, value: list[str]) -> list[str]:
        cleaned = [" ".join(option.split()) for option in value]
        if any(not option for option in cleaned):
            raise ValueError("options cannot be empty")
        if len(set(o.casefold() for o in cleaned)) != len(cleaned):
            raise ValueError("options must be different from each other")
        if cleaned and len(cleaned) < 2:
            raise ValueError("a poll needs at least 2 options")
        return cleaned


def read_sidecar(path: Path) -> Sidecar | None:
    """The sidecar at `path`, None when there is none, or an ArticleError naming the file and line."""
    name = str(path)
    try:
        raw = read_regular_file(path, MAX_SIDECAR_BYTES)
    except FileNotFoundError:
        return None
    if len(raw) > MAX_SIDECAR_BYTES:
        raise ArticleError(name, f"is larger than {MAX_SIDECAR_BYTES:,} bytes; not a sidecar")
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ArticleError(name, "is not valid UTF-8") from None
    except RecursionError:  # tomllib parses nested arrays and tables by recursion: `[[[[…]]]]`
        raise ArticleError(name, "is nested too deeply (brackets or tables inside each other); not a sidecar") from None
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise ArticleError(name, f"is not valid TOML: {message}", int(match.group(1)) if match else None) from None
    try:
        return Sidecar.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "file"
        reason = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            reason = "is not a known key (expected source_url, author, published, poll_options, tags)"
        raise ArticleError(name, f"{key}: {reason}") from None
