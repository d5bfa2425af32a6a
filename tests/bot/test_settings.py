from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings

SETTINGS_ENV = [
    "DISCORD_TOKEN",
    "DATABASE_PATH",
    "DATABASE_URL",
    "SEEDS_DIR",
    "DEV_GUILD_ID",
    "LOG_LEVEL",
    "DISCORD_API_BASE_URL",
    "DISCORD_GATEWAY_URL",
    "CHAT_CHANNEL_IDS",
    "GUILD_READY_TIMEOUT",
    "FEED_POLL_SECONDS",
    "SEED_POLL_SECONDS",
    "MOD_LOG_CHANNEL_ID",
]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in SETTINGS_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_defaults():
    settings = load_settings()
    assert settings.discord_token is None
    assert settings.database_path == Path("data/discussion-bot.sqlite3")
    assert settings.seeds_dir == Path("seeds")
    assert settings.log_level == "INFO"


def test_reads_env_file_and_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / ".env").write_text("DISCORD_TOKEN=from-file.abc.def\nLOG_LEVEL=debug\nDEV_GUILD_ID=42\n")
    monkeypatch.setenv("DEV_GUILD_ID", "43")
    settings = load_settings()
    assert settings.require_token() == "from-file.abc.def"
    assert settings.log_level == "DEBUG"
    assert settings.dev_guild_id == 43


def test_token_is_secret_in_repr(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DISCORD_TOKEN", "very.secret.token")
    settings = load_settings()
    assert "very.secret.token" not in repr(settings) and "very.secret.token" not in str(settings.model_dump())


def test_missing_token_names_the_setting():
    with pytest.raises(SettingsError, match="DISCORD_TOKEN is not set"):
        load_settings().require_token()


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("DEV_GUILD_ID", "abc", "DEV_GUILD_ID"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL"),
        ("DISCORD_API_BASE_URL", "ws://127.0.0.1:1/api", "DISCORD_API_BASE_URL: must be an http"),
        ("DISCORD_GATEWAY_URL", "http://127.0.0.1:1/gateway", "DISCORD_GATEWAY_URL: must be a ws"),
        ("CHAT_CHANNEL_IDS", "12, general", "CHAT_CHANNEL_IDS"),
        ("DISCORD_TOKEN", "Bot abc def", "DISCORD_TOKEN"),
    ],
)
def test_invalid_value_is_one_line_naming_the_setting(monkeypatch: pytest.MonkeyPatch, name, value, expected):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_chat_channel_ids_comma_separated(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CHAT_CHANNEL_IDS", "1, 2 3")
    assert load_settings().chat_channel_ids == (1, 2, 3)


def test_database_url_picks_the_engine_and_database_path_still_works(monkeypatch: pytest.MonkeyPatch):
    assert load_settings().database().path == Path("data/discussion-bot.sqlite3")
    monkeypatch.setenv("DATABASE_PATH", "old/place.sqlite3")
    assert load_settings().database().path == Path("old/place.sqlite3")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///old/place.sqlite3")  # both, naming the same file
    assert load_settings().database().path == Path("old/place.sqlite3")
    monkeypatch.delenv("DATABASE_PATH")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////srv/bot.sqlite3")
    settings = load_settings()
    assert settings.database().path == Path("/srv/bot.sqlite3") == settings.database_path
    monkeypatch.setenv("DATABASE_URL", "postgresql://bot:s3cret@db.internal:5432/discussion")
    settings = load_settings()
    url = settings.database()
    assert (url.engine, url.redacted()) == ("postgresql", "postgresql://bot:***@db.internal:5432/discussion")
    assert "s3cret" not in repr(settings) and "s3cret" not in repr(url) and "s3cret" not in str(url)


@pytest.mark.parametrize(
    ("env", "says"),
    [
        (
            {"DATABASE_URL": "postgresql://bot:s3cret@h/db", "DATABASE_PATH": "data/x.sqlite3"},
            "DATABASE_URL (postgresql://bot:***@h/db) and DATABASE_PATH (data/x.sqlite3) name different databases",
        ),
        ({"DATABASE_URL": "mysql://bot:s3cret@h/db"}, "DATABASE_URL: unknown database 'mysql'"),
        ({"DATABASE_URL": "sqlite://relative.db"}, "DATABASE_URL: a SQLite URL is sqlite:/// followed by"),
        ({"DATABASE_URL": "postgresql://bot:s3cret@h:99999/db"}, "DATABASE_URL: is not a valid postgresql:// URL"),
        ({"DATABASE_URL": "postgresql://bot:s3cret@h/"}, "DATABASE_URL: a PostgreSQL URL names the database"),
    ],
)
def test_database_settings_that_cannot_work_are_one_line(monkeypatch: pytest.MonkeyPatch, env: dict, says: str):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as error:
        load_settings()
    message = str(error.value)
    assert says in message and "\n" not in message and "s3cret" not in message


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("FEED_POLL_SECONDS", "1e-300"),
        ("FEED_POLL_SECONDS", "0.5"),
        ("FEED_POLL_SECONDS", "nan"),
        ("FEED_POLL_SECONDS", "inf"),
        ("SEED_POLL_SECONDS", "0.2"),
        ("SEED_POLL_SECONDS", "nan"),
        ("DEV_GUILD_ID", str(2**64)),
        ("DEV_GUILD_ID", str(2**63)),  # SQLite keeps ids as signed 64-bit integers
        ("MOD_LOG_CHANNEL_ID", "99999999999999999999999"),
        ("CHAT_CHANNEL_IDS", f"1, {2**64}"),
        ("CHAT_CHANNEL_IDS", "0"),
        ("GUILD_READY_TIMEOUT", "nan"),
    ],
)
def test_out_of_range_values_are_refused(monkeypatch: pytest.MonkeyPatch, name: str, value: str):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert name in str(caught.value) and "\n" not in str(caught.value)


def test_bounds_admit_ordinary_values(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("FEED_POLL_SECONDS", "1")
    monkeypatch.setenv("SEED_POLL_SECONDS", "1.5")
    monkeypatch.setenv("DEV_GUILD_ID", str(2**63 - 1))
    monkeypatch.setenv("CHAT_CHANNEL_IDS", "1081234567890123456")
    settings = load_settings()
    assert settings.feed_poll_seconds == 1 and settings.seed_poll_seconds == 1.5
    assert settings.dev_guild_id == 2**63 - 1 and settings.chat_channel_ids == (1081234567890123456,)


def test_operations_settings(monkeypatch: pytest.MonkeyPatch):
    settings = load_settings()
    assert settings.metrics_port is None and settings.metrics_host == "127.0.0.1"
    assert settings.log_format == "text" and settings.backup_every_hours == 0 and settings.retention_days == 90
    assert settings.backup_directory() == Path("data/backups")
    monkeypatch.setenv("METRICS_PORT", "9108")
    monkeypatch.setenv("LOG_FORMAT", "JSON")
    monkeypatch.setenv("BACKUP_EVERY_HOURS", "0.5")
    settings = load_settings()
    assert settings.metrics_port == 9108 and settings.log_format == "json" and settings.backup_every_hours == 0.5
    for name, bad in (("METRICS_PORT", "70000"), ("LOG_FORMAT", "xml"), ("RETENTION_DAYS", "0"), ("BACKUP_KEEP", "0")):
        monkeypatch.setenv(name, bad)
        with pytest.raises(SettingsError, match=name):
            load_settings()
        monkeypatch.delenv(name)


@pytest.mark.parametrize(
    "name", ["SEED_POLL_SECONDS", "FEED_POLL_SECONDS", "GUILD_READY_TIMEOUT", "BACKUP_EVERY_HOURS"]
)
@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf"])
def test_nan_and_infinity_are_refused_as_not_numbers(monkeypatch: pytest.MonkeyPatch, name: str, value: str):
    """NaN fails every bound, so it was refused with the bound's words ("should be ≤ 3600")."""
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value) == f"invalid setting {name}: must be a number, not {value!r}"


def test_backups_are_never_or_at_least_a_second_apart(monkeypatch: pytest.MonkeyPatch):
    for refused in ("1e-9", "0.0001"):  # a copy of the database again and again without a pause
        monkeypatch.setenv("BACKUP_EVERY_HOURS", refused)
        with pytest.raises(SettingsError, match="BACKUP_EVERY_HOURS: must be 0 \\(never\\) or at least a second"):
            load_settings()
    for accepted in ("0", "0.0003", "24"):
        monkeypatch.setenv("BACKUP_EVERY_HOURS", accepted)
        assert load_settings().backup_every_hours == float(accepted)
