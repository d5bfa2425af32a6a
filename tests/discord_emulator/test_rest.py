"""The emulator's REST side as a bot sees it: auth, limits, permissions, nonces, threads, polls, faults."""

from __future__ import annotations

import tomllib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import pytest

import discord_emulator
from discord_emulator import Emulator, schema
from discord_emulator import permissions as perms
from tests.harness import REPO, World, build_world


class Api:
    def __init__(self, emulator: Emulator, session: aiohttp.ClientSession) -> None:
        self.emulator, self.session = emulator, session

    async def call(self, method: str, path: str, body: Any = None, *, auth: bool = True) -> tuple[int, Any]:
        headers = {"Authorization": f"Bot {self.emulator.token}"} if auth else {}
        async with self.session.request(
            method, self.emulator.api_base_url + path, json=body, headers=headers
        ) as response:
            data = await response.json() if response.content_type == "application/json" else None
            self.last_headers = response.headers
            return response.status, data


@pytest.fixture
async def api(emulator: Emulator) -> AsyncIterator[Api]:
    async with aiohttp.ClientSession() as session:
        yield Api(emulator, session)


async def test_requests_need_the_bot_token(api: Api):
    status, body = await api.call("GET", "/users/@me", auth=False)
    assert status == 401 and body["message"] == "401: Unauthorized"
    status, body = await api.call("GET", "/users/@me")
    assert status == 200 and body["bot"] is True


async def test_over_long_content_is_a_400_with_discords_shape(api: Api, world: World):
    status, body = await api.call("POST", f"/channels/{world.general.id}/messages", {"content": "x" * 2001})
    assert status == 400
    assert body["code"] == 50035 and body["message"] == "Invalid Form Body"
    assert body["errors"]["content"]["_errors"][0]["code"] == "BASE_TYPE_MAX_LENGTH"


async def test_enforce_nonce_returns_the_earlier_message(api: Api, emulator: Emulator, world: World):
    body = {"content": "once", "nonce": "delivery-1", "enforce_nonce": True}
    first = await api.call("POST", f"/channels/{world.general.id}/messages", body)
    second = await api.call("POST", f"/channels/{world.general.id}/messages", body)
    assert first[1]["id"] == second[1]["id"]
    assert [m.content for m in emulator.history(world.general)] == ["once"]
    without = await api.call(
        "POST", f"/channels/{world.general.id}/messages", {"content": "once", "nonce": "delivery-1"}
    )
    assert without[1]["id"] != first[1]["id"]


async def test_missing_permission_is_403_50013(api: Api, emulator: Emulator, world: World):
    emulator.set_channel_permission(world.general, emulator.bot_role(world.guild), deny=perms.SEND_MESSAGES)
    status, body = await api.call("POST", f"/channels/{world.general.id}/messages", {"content": "hi"})
    assert status == 403 and body["code"] == 50013


async def test_poll_needs_send_polls(api: Api, emulator: Emulator, world: World):
    emulator.set_channel_permission(world.general, emulator.bot_role(world.guild), deny=perms.SEND_POLLS)
    poll = {
        "question": {"text": "Q?"},
        "answers": [{"poll_media": {"text": "A"}}, {"poll_media": {"text": "B"}}],
        "duration": 1,
    }
    status, body = await api.call("POST", f"/channels/{world.general.id}/messages", {"poll": poll})
    assert status == 403 and body["code"] == 50013


async def test_mentions_follow_allowed_mentions(api: Api, emulator: Emulator, world: World):
    emulator.bot_role(world.guild).permissions |= perms.MENTION_EVERYONE
    text = f"@everyone <@{world.member.user.id}>"
    _, quiet = await api.call(
        "POST", f"/channels/{world.general.id}/messages", {"content": text, "allowed_mentions": {"parse": []}}
    )
    assert quiet["mention_everyone"] is False and quiet["mentions"] == []
    _, loud = await api.call("POST", f"/channels/{world.general.id}/messages", {"content": text})
    assert loud["mention_everyone"] is True and [u["id"] for u in loud["mentions"]] == [str(world.member.user.id)]


async def test_forum_post_cannot_carry_a_poll_and_threads_follow_discord(api: Api, emulator: Emulator, world: World):
    poll = {"question": {"text": "Q?"}, "answers": [{"poll_media": {"text": "A"}}, {"poll_media": {"text": "B"}}]}
    status, body = await api.call(
        "POST", f"/channels/{world.forum.id}/threads", {"name": "Post", "message": {"content": "x", "poll": poll}}
    )
    assert status == 400 and "poll" in body["errors"]["message"]
    status, post = await api.call(
        "POST", f"/channels/{world.forum.id}/threads", {"name": "Post", "message": {"content": "starter"}}
    )
    assert status == 201 and post["message"]["id"] == post["id"]
    status, _ = await api.call("POST", f"/channels/{world.forum.id}/messages", {"content": "x"})
    assert status == 400
    _, message = await api.call("POST", f"/channels/{world.general.id}/messages", {"content": "start"})
    status, thread = await api.call(
        "POST", f"/channels/{world.general.id}/messages/{message['id']}/threads", {"name": "n" * 101}
    )
    assert status == 400
    assert [p.location for p in emulator.schema_problems] == ["name"]  # the schema knows this limit too
    emulator.schema_problems.clear()
    status, thread = await api.call(
        "POST",
        f"/channels/{world.general.id}/messages/{message['id']}/threads",
        {"name": "Discussion", "auto_archive_duration": 1440},
    )
    assert status == 201 and thread["id"] == message["id"]
    status, body = await api.call(
        "POST", f"/channels/{world.general.id}/messages/{message['id']}/threads", {"name": "Again"}
    )
    assert status == 400 and body["code"] == 160004


async def test_archived_thread_reopens_on_send_and_locked_needs_manage_threads(
    api: Api, emulator: Emulator, world: World
):
    _, post = await api.call("POST", f"/channels/{world.forum.id}/threads", {"name": "P", "message": {"content": "s"}})
    thread = emulator.channels[int(post["id"])]
    await api.call("PATCH", f"/channels/{thread.id}", {"archived": True})
    assert thread.archived
    status, _ = await api.call("PATCH", f"/channels/{thread.id}/messages/{thread.id}", {"content": "edit"})
    assert status == 400
    status, _ = await api.call("POST", f"/channels/{thread.id}/messages", {"content": "back"})
    assert status == 200 and not thread.archived
    thread.locked = True
    emulator.bot_role(world.guild).permissions &= ~perms.MANAGE_THREADS
    status, body = await api.call("POST", f"/channels/{thread.id}/messages", {"content": "locked"})
    assert status == 403 and body["code"] == 160005


async def test_injected_429_then_success(api: Api, emulator: Emulator, world: World):
    emulator.inject_rate_limit("POST", "/channels/{channel_id}/messages", retry_after=0.25)
    status, body = await api.call("POST", f"/channels/{world.general.id}/messages", {"content": "x"})
    assert status == 429 and body["retry_after"] == 0.25
    assert api.last_headers["X-RateLimit-Scope"] == "user"
    status, _ = await api.call("POST", f"/channels/{world.general.id}/messages", {"content": "x"})
    assert status == 200


async def test_route_bucket_limits_with_headers(api: Api, world: World):
    statuses, remaining = [], []
    for i in range(6):
        status, _ = await api.call("POST", f"/channels/{world.general.id}/messages", {"content": str(i)})
        statuses.append(status)
        remaining.append(api.last_headers.get("X-RateLimit-Remaining"))
    assert statuses == [200] * 5 + [429]
    assert remaining[:5] == ["4", "3", "2", "1", "0"]
    status, _ = await api.call("POST", f"/channels/{world.mod_log.id}/messages", {"content": "other channel"})
    assert status == 200


async def test_schema_violations_are_refused_and_recorded(api: Api, emulator: Emulator, world: World):
    status, body = await api.call("POST", f"/channels/{world.general.id}/messages", {"content": 5})
    assert status == 400 and body["code"] == 50035
    assert [p.location for p in emulator.schema_problems] == ["content"]
    emulator.schema_problems.clear()  # expected here; the fixture fails a test on any left over


def test_the_shipped_openapi_file_is_found_from_any_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """No environment variable, no spec file outside the package, another working directory."""
    monkeypatch.delenv(schema.ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    found = schema.find_spec_file()
    package = Path(discord_emulator.__file__).parent
    assert found.is_relative_to(package) and found.name == "openapi.json.gz"
    # its licence and where it came from travel with it
    assert "MIT License" in (found.parent / "LICENSE").read_text()
    assert "74fda0fad044407ea280043a03ffc9bc64c4e49e" in (found.parent / "SOURCE.md").read_text()
    assert schema.load_validator().validate("POST", "/channels/1/messages", {"content": 5})


def test_an_openapi_path_that_was_asked_for_and_is_missing_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(schema.ENV_VAR, str(tmp_path / "nowhere.json"))
    with pytest.raises(schema.SpecMissing, match=r"nowhere\.json"):
        Emulator()


def test_the_openapi_file_ships_as_package_data():
    """A non-editable install copies only the package data pyproject.toml lists."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["discord_emulator"]
    package = Path(discord_emulator.__file__).parent
    shipped = {p.relative_to(package).as_posix() for pattern in patterns for p in package.glob(pattern)}
    assert {"spec/openapi.json.gz", "spec/LICENSE", "spec/SOURCE.md"} <= shipped


@pytest.mark.parametrize("validate", [False, True], ids=["schema-off", "schema-on"])
@pytest.mark.parametrize(
    ("route", "body", "field"),
    [
        ("/channels/{general}/messages", {"content": 5}, ["content"]),
        ("/channels/{general}/messages", {"embeds": [{"title": ["x"]}]}, ["embeds", "0", "title"]),
        ("/channels/{general}/messages", {"embeds": {"title": "x"}}, ["embeds"]),
        ("/channels/{general}/messages", {"content": "x", "allowed_mentions": "none"}, ["allowed_mentions"]),
        ("/channels/{forum}/threads", {"name": "P", "message": {"content": 5}}, ["message", "content"]),
        ("/channels/{general}/messages", ["content"], []),
    ],
)
async def test_malformed_bodies_get_discords_400_with_or_without_the_schema(
    validate: bool, route: str, body: Any, field: list[str]
):
    async with Emulator(validate_schema=validate) as emulator, aiohttp.ClientSession() as session:
        world = build_world(emulator)
        api = Api(emulator, session)
        status, answer = await api.call("POST", route.format(general=world.general.id, forum=world.forum.id), body)
        emulator.schema_problems.clear()  # expected: the schema refuses them too, when it is on
        assert emulator.internal_errors == []
    assert status == 400 and answer["code"] == 50035 and answer["message"] == "Invalid Form Body"
    node = answer["errors"]
    if "_schema" in node:  # the schema's verdict, when it is on and knows the shape, comes first
        assert validate
        assert node["_schema"]["_errors"][0]["message"].endswith(f" at {'.'.join(field) or 'body'}")
        return
    for key in field:
        node = node[key]
    assert node["_errors"][0]["code"] in ("BASE_TYPE_STRING", "DICT_TYPE_CONVERT", "LIST_TYPE_CONVERT")


async def test_interaction_rules(api: Api, emulator: Emulator, world: World):
    emulator.global_commands[1] = {"id": "1", "name": "x", "type": 1, "description": "d", "options": []}
    late = emulator.run_command(world.member, world.general, "x")
    late.created -= 3.5
    status, body = await api.call("POST", f"/interactions/{late.id}/{late.token}/callback", {"type": 5})
    assert status == 404 and body["code"] == 10062
    handle = emulator.run_command(world.member, world.general, "x")
    status, _ = await api.call(
        "POST",
        f"/interactions/{handle.id}/{handle.token}/callback?with_response=1",
        {"type": 4, "data": {"content": "hi", "flags": 64}},
    )
    assert status == 200 and handle.ephemeral
    status, body = await api.call(
        "POST", f"/interactions/{handle.id}/{handle.token}/callback", {"type": 4, "data": {"content": "again"}}
    )
    assert status == 400 and body["code"] == 40060


async def test_poll_voters_paginate(api: Api, emulator: Emulator, world: World):
    poll = {
        "question": {"text": "Q?"},
        "answers": [{"poll_media": {"text": "A"}}, {"poll_media": {"text": "B"}}],
        "duration": 1,
    }
    _, message = await api.call("POST", f"/channels/{world.general.id}/messages", {"poll": poll})
    stored = emulator.messages[int(message["id"])]
    voters = [emulator.add_member(world.guild, f"v{i}") for i in range(150)]
    for voter in voters:
        emulator.vote(voter, stored, 1)
    _, page1 = await api.call("GET", f"/channels/{world.general.id}/polls/{message['id']}/answers/1?limit=100")
    last = page1["users"][-1]["id"]
    _, page2 = await api.call(
        "GET", f"/channels/{world.general.id}/polls/{message['id']}/answers/1?limit=100&after={last}"
    )
    ids = [u["id"] for u in page1["users"] + page2["users"]]
    assert len(page1["users"]) == 100 and sorted(ids) == sorted(str(v.user.id) for v in voters)
    status, expired = await api.call("POST", f"/channels/{world.general.id}/polls/{message['id']}/expire")
    assert status == 200 and expired["poll"]["results"]["is_finalized"] is True
    assert expired["poll"]["results"]["answer_counts"][0]["count"] == 150


async def test_webhooks_are_managed_with_the_bot_token_and_executed_with_their_own(api: Api, world: World):
    status, hook = await api.call("POST", f"/channels/{world.general.id}/webhooks", {"name": "reposts"})
    assert status == 200
    status, _ = await api.call("POST", f"/webhooks/{hook['id']}/{hook['token']}", {"content": "hi"}, auth=False)
    assert status == 204  # executing needs only the webhook's token
    status, _ = await api.call("DELETE", f"/webhooks/{hook['id']}", auth=False)
    assert status == 401  # deleting it needs the bot's
    status, _ = await api.call("DELETE", f"/webhooks/{hook['id']}")
    assert status == 204
    status, body = await api.call("DELETE", f"/webhooks/{hook['id']}")
    assert status == 404 and body["code"] == 10015


async def test_uploaded_files_are_kept_served_and_referenced_from_embeds(emulator: Emulator, world: World):
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + (640).to_bytes(4, "big") + (360).to_bytes(4, "big")
    form = aiohttp.FormData()
    payload = {"embeds": [{"title": "Results", "image": {"url": "attachment://chart.png"}}]}
    form.add_field("payload_json", orjson.dumps(payload).decode(), content_type="application/json")
    form.add_field("files[0]", png, filename="chart.png", content_type="application/octet-stream")
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{emulator.api_base_url}/channels/{world.general.id}/messages",
            data=form,
            headers={"Authorization": f"Bot {emulator.token}"},
        ) as response:
            assert response.status == 200
            sent = await response.json()
        [attachment] = sent["attachments"]
        assert (attachment["filename"], attachment["content_type"], attachment["size"]) == (
            "chart.png",
            "image/png",
            len(png),
        )
        assert (attachment["width"], attachment["height"]) == (640, 360)
        assert sent["embeds"][0]["image"]["url"] == attachment["url"]  # as Discord resolves attachment://
        async with session.get(attachment["url"]) as served:
            assert served.status == 200 and served.content_type == "image/png" and await served.read() == png
        async with session.get(attachment["url"].replace("chart.png", "other.png")) as wrong:
            assert wrong.status == 404


async def test_webhook_names_may_not_contain_discord_or_clyde(api: Api, world: World):
    """Discord refuses "clyde" and "discord" anywhere in a webhook's name, and in the name one message
    is sent under (case-insensitive), with a 400."""
    status, body = await api.call("POST", f"/channels/{world.general.id}/webhooks", {"name": "My Discord hook"})
    assert status == 400 and body["code"] == 50035
    assert body["errors"]["name"]["_errors"][0]["code"] == "USERNAME_INVALID_CONTAINS"
    status, hook = await api.call("POST", f"/channels/{world.general.id}/webhooks", {"name": "reposts"})
    assert status == 200
    execute = f"/webhooks/{hook['id']}/{hook['token']}"
    for refused in ("DiscordFan", "ClYdE", "x" * 81, ""):
        status, body = await api.call("POST", execute, {"content": "hi", "username": refused}, auth=False)
        assert status == 400 and "username" in body["errors"], refused
    for accepted in ("Disc ord Fan", "Dіscordfan"):  # a space, a Cyrillic і: not the words
        status, _ = await api.call("POST", execute, {"content": "hi", "username": accepted}, auth=False)
        assert status == 204, accepted
