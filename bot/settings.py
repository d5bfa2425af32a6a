"""The bot's settings: read from the environment and `.env`, validated once in `main()`.

Nothing here runs at import time; `load_settings()` builds the object and turns a
validation failure into one readable line that names the setting.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import AnyUrl, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.database_url import DatabaseUrl

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


class SettingsError(Exception):
    """A setting is missing or invalid; the message names it and says what to do."""


class Settings(BaseSettings):
    """Every setting the bot reads. `.env.example` documents each one."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
        env_ignore_empty=True,  # "KEY=" in .env means "not set"
    )

    discord_token: SecretStr | None = None
    # sqlite:///PATH (the default, a file) or postgresql://…; DATABASE_PATH is the older spelling of
    # sqlite:///PATH. Both set must name the same file. Read it through `database()`.
    database_url: SecretStr | None = None  # secret: a PostgreSQL URL can carry a password
    database_path: Path = Path("data/discussion-bot.sqlite3")
    seeds_dir: Path = Path("seeds")
    dev_guild_id: int | None = Field(default=None, gt=0)
    log_level: LogLevel = "INFO"

    discord_api_base_url: AnyUrl | None = None
    discord_gateway_url: AnyUrl | None = None
    # How often the seeds folder is checked for new files and new updates.
    seed_poll_seconds: float = Field(default=2.0, gt=0, le=3600)
    # How often each followed feed is fetched (errors back off from there, up to an hour).
    feed_poll_seconds: float = Field(default=300.0, gt=0, le=86400)
    # Let /feed add reach private and loopback addresses (off: an admin's URL cannot probe the host's network).
    feed_allow_private: bool = False
    # discord.py waits this long after the last GUILD_CREATE before READY.
    guild_ready_timeout: float = Field(default=2.0, ge=0, le=60)

    # Defaults for per-server configuration (`/config set` overrides them per server).
    editor_role_id: int | None = Field(default=None, gt=0)
    moderator_role_id: int | None = Field(default=None, gt=0)
    mod_log_channel_id: int | None = Field(default=None, gt=0)
    auto_post_channel_id: int | None = Field(default=None, gt=0)
    chat_channel_ids: Annotated[tuple[int, ...], NoDecode] = ()
    automod_bypass_role_id: int | None = Field(default=None, gt=0)
    alert_role_id: int | None = Field(default=None, gt=0)
    warning_hours: int = Field(default=24, ge=1, le=8760)
    warnings_before_timeout: int = Field(default=3, ge=0, le=20)
    escalation_timeout_minutes: int = Field(default=10, ge=1, le=40320)
    toxicity_threshold: int = Field(default=0, ge=0, le=100)

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_log_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            DatabaseUrl.parse(value.get_secret_value())  # ValueError: one line, never the password
        return value

    @model_validator(mode="after")
    def _one_database(self) -> Settings:
        if self.database_url is None:
            return self
        url = DatabaseUrl.parse(self.database_url.get_secret_value())
        if "database_path" in self.model_fields_set:
            same = url.path is not None and url.path.resolve() == self.database_path.resolve()
            if not same:
                raise ValueError(
                    f"DATABASE_URL ({url.redacted()}) and DATABASE_PATH ({self.database_path}) name different "
                    "databases: set only DATABASE_URL"
                )
        if url.path is not None:
            self.database_path = url.path  # code that reads the SQLite path sees the URL's
        return self

    def database(self) -> DatabaseUrl:
        """The database to open: DATABASE_URL, else DATABASE_PATH as a SQLite file."""
        if self.database_url is not None:
            return DatabaseUrl.parse(self.database_url.get_secret_value())
        return DatabaseUrl.for_sqlite(self.database_path)

    @field_validator("discord_token", mode="before")
    @classmethod
    def _blank_token_is_missing(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("discord_token")
    @classmethod
    def _token_has_no_whitespace(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and any(ch.isspace() for ch in value.get_secret_value()):
            raise ValueError("the token must not contain spaces or line breaks (paste it without 'Bot ')")
        return value

    @field_validator(
        "dev_guild_id",
        "editor_role_id",
        "moderator_role_id",
        "automod_bypass_role_id",
        "alert_role_id",
        "mod_log_channel_id",
        "auto_post_channel_id",
        mode="before",
    )
    @classmethod
    def _blank_id_is_none(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("chat_channel_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part for part in value.replace(",", " ").split() if part]
            ids = []
            for part in parts:
                if not part.isdigit():
                    raise ValueError(f"expected channel ids separated by commas, got {part!r}")
                ids.append(int(part))
            return tuple(ids)
        return value

    @field_validator("discord_api_base_url")
    @classmethod
    def _http_url(cls, value: AnyUrl | None) -> AnyUrl | None:
        if value is not None and value.scheme not in ("http", "https"):
            raise ValueError("must be an http:// or https:// URL, like http://127.0.0.1:8765/api/v10")
        return value

    @field_validator("discord_gateway_url")
    @classmethod
    def _ws_url(cls, value: AnyUrl | None) -> AnyUrl | None:
        if value is not None and value.scheme not in ("ws", "wss"):
            raise ValueError("must be a ws:// or wss:// URL, like ws://127.0.0.1:8765/gateway")
        return value

    def require_token(self) -> str:
        """The token, or a SettingsError that says how to provide it."""
        if self.discord_token is None:
            raise SettingsError(
                "DISCORD_TOKEN is not set: put the bot token from the Discord Developer Portal "
                "in the environment or in .env (see .env.example)"
            )
        return self.discord_token.get_secret_value()


def describe_validation_error(error: ValidationError) -> str:
    """One line naming each bad setting by its environment variable."""
    parts = []
    for item in error.errors():
        message = item["msg"].removeprefix("Value error, ")
        if not item["loc"]:  # a rule about several settings: its message names them
            parts.append(message)
            continue
        name = str(item["loc"][0]).upper()
        parts.append(f"{name}: {message}")
    return "invalid setting " + "; ".join(parts)


def load_settings(**overrides: object) -> Settings:
    """Build the settings from the environment, `.env` and keyword overrides."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        raise SettingsError(describe_validation_error(error)) from None
