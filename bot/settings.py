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
from bot.sharding import Ownership

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
# Discord ids are 64-bit snowflakes; SQLite keeps them as signed 64-bit integers, so this is the largest
# one the bot can store (real ids are far below it).
MAX_ID = 2**63 - 1
DiscordId = Annotated[int, Field(gt=0, le=MAX_ID)]
DISCORD_GLOBAL_PER_SECOND = 50  # REST requests a bot may send per second, all its processes together


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
        # "nan" and "inf" are floats to Python, and NaN fails every bound ("should be ≤ 3600"):
        # refused for what they are, not numbers.
        allow_inf_nan=False,
    )

    discord_token: SecretStr | None = None
    # sqlite:///PATH (the default, a file) or postgresql://…; DATABASE_PATH is the older spelling of
    # sqlite:///PATH. Both set must name the same file. Read it through `database()`.
    database_url: SecretStr | None = None  # secret: a PostgreSQL URL can carry a password
    database_path: Path = Path("data/discussion-bot.sqlite3")
    seeds_dir: Path = Path("seeds")
    dev_guild_id: DiscordId | None = None
    log_level: LogLevel = "INFO"

    discord_api_base_url: AnyUrl | None = None
    discord_gateway_url: AnyUrl | None = None
    # How often the seeds folder is checked for new files and new updates (at least 1 s: a smaller
    # interval is a busy loop over the disk, and nobody edits a file faster).
    seed_poll_seconds: float = Field(default=2.0, ge=1, le=3600)
    # How often each followed feed is fetched (errors back off from there, up to an hour); at least 1 s.
    feed_poll_seconds: float = Field(default=300.0, ge=1, le=86400)
    # Feeds fetched at once, across all servers (each feed is checked on its own schedule).
    feed_concurrency: int = Field(default=8, ge=1, le=100)
    # Feeds one server may follow (/feed add refuses more): one server cannot fill every slot.
    feeds_per_server: int = Field(default=20, ge=1, le=1000)
    # New discussions one check of one feed starts at most; the rest wait for its next check.
    feed_new_per_check: int = Field(default=5, ge=1, le=100)
    # Let /feed add reach private and loopback addresses (off: an admin's URL cannot probe the host's network).
    feed_allow_private: bool = False
    # discord.py waits this long after the last GUILD_CREATE before READY.
    guild_ready_timeout: float = Field(default=2.0, ge=0, le=60)

    # Running at scale (README): this process connects the shards SHARD_IDS of SHARD_COUNT (1: unsharded,
    # as a single process always was) and does the work of their servers only.
    shard_count: int = Field(default=1, ge=1, le=10_000)
    shard_ids: Annotated[tuple[int, ...] | None, NoDecode] = None  # None: every shard of SHARD_COUNT
    # How long a process's claim on work that belongs to no server (the seeds folder, each feed) lasts
    # unless renewed: a process that dies leaves that work to another after this long.
    lease_seconds: float = Field(default=60.0, ge=1, le=3600)
    # Seconds between two logins (IDENTIFY) of one max_concurrency bucket, across every process of the
    # token (PostgreSQL: an advisory lock per bucket; SQLite: within the one process). Discord's is 5.
    identify_interval_seconds: float = Field(default=5.0, ge=0, le=60)
    # REST requests per second this process may send of the bot's global limit (Discord's is 50/s for
    # all processes together). Not set: unsharded, no limit of the bot's own (discord.py obeys Discord's
    # 429s, as always); sharded, the part of 50 that its shards are of SHARD_COUNT.
    rest_global_share: float | None = Field(default=None, gt=1, le=10_000)

    # Defaults for per-server configuration (`/config set` overrides them per server).
    editor_role_id: DiscordId | None = None
    moderator_role_id: DiscordId | None = None
    mod_log_channel_id: DiscordId | None = None
    auto_post_channel_id: DiscordId | None = None
    chat_channel_ids: Annotated[tuple[DiscordId, ...], NoDecode] = ()
    automod_bypass_role_id: DiscordId | None = None
    alert_role_id: DiscordId | None = None
    warning_hours: int = Field(default=24, ge=1, le=8760)
    warnings_before_timeout: int = Field(default=3, ge=0, le=20)
    escalation_timeout_minutes: int = Field(default=10, ge=1, le=40320)
    toxicity_threshold: int = Field(default=0, ge=0, le=100)
    # The chat's embedding models (paraphrases): about 115 MB and a few seconds of CPU after start-up.
    # Off, the chat matches questions by their words only.
    chat_models: bool = True

    # Operating it (README, "Operating it"): metrics and health, logs, backups, retention.
    # /metrics and /healthz on this port (off when not set), on METRICS_HOST (loopback unless told).
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    metrics_host: str = Field(default="127.0.0.1", min_length=1)
    # /healthz fails when the update outbox's oldest waiting row is older than this.
    health_outbox_max_age_seconds: float = Field(default=900.0, gt=0, le=86400)
    log_format: Literal["text", "json"] = "text"
    # A copy of the database every so many hours (fractions allowed; 0: never), the newest BACKUP_KEEP kept.
    backup_every_hours: float = Field(default=0.0, ge=0, le=8760)
    backup_keep: int = Field(default=7, ge=1, le=1000)
    backup_dir: Path | None = None  # default: backups/ beside the database
    # Copies of members' messages in moderation cases and review cards are removed after this many days.
    retention_days: int = Field(default=90, ge=1, le=3650)

    @field_validator("backup_every_hours")
    @classmethod
    def _backups_not_back_to_back(cls, value: float) -> float:
        if 0 < value * 3600 < 1:
            raise ValueError(
                "must be 0 (never) or at least a second's worth (0.0003 hours): a smaller interval would "
                "copy the database again and again without a pause"
            )
        return value

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _split_shard_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part for part in value.replace(",", " ").split() if part]
            if not parts:
                return None
            for part in parts:
                if not part.isdigit():
                    raise ValueError(f"expected shard numbers separated by commas, like 0,1, got {part!r}")
            return tuple(int(part) for part in parts)
        return value

    @model_validator(mode="after")
    def _shards_in_range(self) -> Settings:
        if self.shard_ids is None:
            return self
        if not self.shard_ids:
            raise ValueError("SHARD_IDS is empty: name at least one shard, or leave it unset for all")
        outside = sorted({i for i in self.shard_ids if i >= self.shard_count})
        if outside:
            raise ValueError(
                f"SHARD_IDS {', '.join(map(str, outside))} not below SHARD_COUNT {self.shard_count} "
                f"(shards are numbered 0 to {self.shard_count - 1})"
            )
        repeated = sorted({i for i in self.shard_ids if self.shard_ids.count(i) > 1})
        if repeated:
            raise ValueError(f"SHARD_IDS names shard {', '.join(map(str, repeated))} more than once")
        return self

    def rest_share(self) -> float | None:
        """Requests per second for this process (None: no limit of its own)."""
        if self.rest_global_share is not None:
            return self.rest_global_share
        ownership = self.ownership()
        if not ownership.sharded:
            return None
        return max(2.0, DISCORD_GLOBAL_PER_SECOND * len(ownership.ids) / ownership.count)

    def ownership(self) -> Ownership:
        """The shards this process connects, and so the servers whose work it does."""
        ids = self.shard_ids if self.shard_ids is not None else tuple(range(self.shard_count))
        return Ownership(self.shard_count, frozenset(ids))

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

    @field_validator("database_path")
    @classmethod
    def _a_file(cls, value: Path) -> Path:
        return _database_file(value)

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
            try:
                self.database_path = _database_file(url.path)  # code that reads the SQLite path sees the URL's
            except ValueError as error:
                raise ValueError(f"DATABASE_URL: {error}") from None
        return self

    def database(self) -> DatabaseUrl:
        """The database to open: DATABASE_URL, else DATABASE_PATH as a SQLite file."""
        if self.database_url is not None:
            return DatabaseUrl.parse(self.database_url.get_secret_value())
        return DatabaseUrl.for_sqlite(self.database_path)

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower_log_format(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("metrics_port", mode="before")
    @classmethod
    def _blank_port_is_none(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def backup_directory(self) -> Path:
        """Where scheduled backups go: BACKUP_DIR, or backups/ beside the database."""
        return self.backup_dir if self.backup_dir is not None else self.database_path.parent / "backups"

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


def _database_file(path: Path) -> Path:
    """The bot's SQLite database is a file: not SQLite's in-memory database, nor a URI."""
    text = str(path)
    if text == ":memory:":
        raise ValueError(
            "':memory:' would keep the bot's data in memory only, and lose all of it (votes, cases, "
            "updates) at every stop: name a file"
        )
    if text.startswith("file:"):
        raise ValueError(
            f"{text!r} is a SQLite URI; give the file's path itself (the bot writes to its database, "
            "so a read-only mode cannot work)"
        )
    return path


def describe_validation_error(error: ValidationError) -> str:
    """One line naming each bad setting by its environment variable."""
    parts = []
    for item in error.errors():
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "finite_number":
            message = f"must be a number, not {item['input']!r}"
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
