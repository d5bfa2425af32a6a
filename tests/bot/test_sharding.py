"""Which servers a shard process owns, and the settings that say which shards it runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings
from bot.sharding import Ownership, shard_of


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("SHARD_COUNT", "SHARD_IDS", "LEASE_SECONDS", "REST_GLOBAL_SHARE", "IDENTIFY_INTERVAL_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_shard_of_is_discords_formula():
    # A snowflake's timestamp is in its top 42 bits: servers made a millisecond apart are on neighbouring shards.
    assert shard_of(0, 4) == 0
    assert [shard_of(ms << 22, 4) for ms in range(6)] == [0, 1, 2, 3, 0, 1]
    assert shard_of((7 << 22) | 0x3FFFFF, 3) == 1  # the low 22 bits (worker, sequence) do not count


def test_ownership_owns_only_its_shards_servers():
    ownership = Ownership(3, frozenset({0, 2}))
    assert [ownership.owns(ms << 22) for ms in range(6)] == [True, False, True, True, False, True]
    assert Ownership().owns(12345) and Ownership().everything and not Ownership().sharded
    assert Ownership(2, frozenset({0, 1})).everything


@pytest.mark.parametrize(("count", "ids"), [(0, {0}), (2, set()), (2, {2}), (2, {-1})])
def test_ownership_refuses_shards_outside_the_count(count: int, ids: set[int]):
    with pytest.raises(ValueError):
        Ownership(count, frozenset(ids))


def test_unsharded_by_default():
    settings = load_settings()
    assert settings.shard_count == 1 and settings.shard_ids is None
    assert settings.ownership() == Ownership(1, frozenset({0}))


def test_shard_ids_default_to_every_shard(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SHARD_COUNT", "4")
    assert load_settings().ownership() == Ownership(4, frozenset({0, 1, 2, 3}))
    monkeypatch.setenv("SHARD_IDS", "3, 1")
    assert load_settings().ownership() == Ownership(4, frozenset({1, 3}))


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"SHARD_COUNT": "2", "SHARD_IDS": "0,2"}, "SHARD_IDS 2 not below SHARD_COUNT 2 (shards are numbered 0 to 1)"),
        ({"SHARD_IDS": "1"}, "SHARD_IDS 1 not below SHARD_COUNT 1"),
        ({"SHARD_COUNT": "4", "SHARD_IDS": "1,3,1"}, "SHARD_IDS names shard 1 more than once"),
        ({"SHARD_COUNT": "4", "SHARD_IDS": "one"}, "SHARD_IDS: expected shard numbers separated by commas"),
        ({"SHARD_COUNT": "0"}, "SHARD_COUNT: Input should be greater than or equal to 1"),
        ({"LEASE_SECONDS": "0"}, "LEASE_SECONDS"),
    ],
)
def test_bad_shard_settings_are_one_line(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], says: str):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as error:
        load_settings()
    assert says in str(error.value) and "\n" not in str(error.value)


def test_rest_share_is_none_unsharded_and_the_shards_part_of_50_when_sharded(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("REST_GLOBAL_SHARE", raising=False)
    assert load_settings().rest_share() is None
    monkeypatch.setenv("SHARD_COUNT", "6")
    monkeypatch.setenv("SHARD_IDS", "0,1")
    assert load_settings().rest_share() == pytest.approx(50 * 2 / 6)
    monkeypatch.setenv("REST_GLOBAL_SHARE", "12.5")
    assert load_settings().rest_share() == 12.5
    monkeypatch.setenv("REST_GLOBAL_SHARE", "0")
    with pytest.raises(SettingsError, match="REST_GLOBAL_SHARE"):
        load_settings()
