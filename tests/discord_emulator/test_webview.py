"""The sandbox page's server on its own (no bot): what a member sees, and what the page may do."""

from __future__ import annotations

import aiohttp

from discord_emulator import Emulator
from discord_emulator.messaging import attachments_from, create_message
from discord_emulator.model import EPHEMERAL
from discord_emulator.sandbox import build_demo_server
from discord_emulator.webview import start_webview
from discord_emulator.webview.actions import perform
from discord_emulator.webview.snapshot import command_list, snapshot

COMMANDS = [
    {
        "id": "1",
        "name": "article",
        "type": 1,
        "description": "Articles",
        "options": [
            {"type": 1, "name": "post", "description": "Post one", "options": [{"type": 7, "name": "channel"}]},
            {"type": 2, "name": "tags", "description": "", "options": [{"type": 1, "name": "add", "options": []}]},
        ],
    },
    {"id": "2", "name": "Report message", "type": 3},
]


async def test_a_member_sees_only_their_own_ephemeral_answers(emulator: Emulator):
    demo = build_demo_server(emulator)
    alice, bob = demo.members[0], demo.members[1]
    emulator.send_message(alice, demo.general, "hello")
    secret = emulator.send_message(emulator.bot_user, demo.general, "only for bob", flags=EPHEMERAL)
    secret.interaction_metadata = {"user": {"id": str(bob.user.id)}}

    as_bob = snapshot(emulator, demo.guild, bob.user.id, demo.general.id)
    as_alice = snapshot(emulator, demo.guild, alice.user.id, demo.general.id)
    assert [m["content"] for m in as_bob["messages"]] == ["hello", "only for bob"]
    assert [m["content"] for m in as_alice["messages"]] == ["hello"]
    assert as_bob["messages"][1]["ephemeral"] is True
    assert "mo" not in [m["name"] for m in as_bob["members"]] and "Mo (moderator)" in [
        m["name"] for m in as_bob["members"]
    ]


def test_commands_are_listed_by_their_full_path(emulator: Emulator):
    demo = build_demo_server(emulator)
    emulator.global_commands = {int(c["id"]): c for c in COMMANDS}
    listed = command_list(emulator, demo.guild)
    assert [c["path"] for c in listed["slash"]] == ["article post", "article tags add"]
    assert listed["slash"][0]["options"][0]["name"] == "channel"
    assert listed["message"] == ["Report message"]


async def test_actions_explain_what_they_cannot_do(emulator: Emulator):
    demo = build_demo_server(emulator)
    alice = str(demo.members[0].user.id)
    assert "pick a member" in (await perform(emulator, demo.guild, {"action": "send", "as": "1"}))["error"]
    empty = await perform(emulator, demo.guild, {"action": "send", "as": alice, "channel": demo.general.id})
    assert "type a message" in empty["error"]
    hidden = await perform(
        emulator, demo.guild, {"action": "send", "as": alice, "channel": demo.mod_log.id, "content": "hi"}
    )
    assert "permissions" in hidden["error"]  # members cannot see the mod log
    unknown = await perform(emulator, demo.guild, {"action": "dance", "as": alice})
    assert "unknown action" in unknown["error"]
    sent = await perform(
        emulator, demo.guild, {"action": "send", "as": alice, "channel": demo.general.id, "content": "hi"}
    )
    assert sent == {"ok": True} and emulator.history(demo.general)[-1].content == "hi"


async def test_the_page_and_its_live_stream_are_served_on_loopback(emulator: Emulator):
    demo = build_demo_server(emulator)
    runner, port = await start_webview(emulator, demo.guild, 0)
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{port}/") as page:
                assert page.status == 200 and "<title>" in await page.text()
            async with session.get(f"http://127.0.0.1:{port}/api/state", params={"as": "0"}) as state:
                data = await state.json()
                assert data["guild"]["name"] == "Discussion Club" and data["channel"]["name"] == "general"
            async with session.get(f"http://127.0.0.1:{port}/api/events") as events:
                first = await events.content.readline()
                assert first.startswith(b"data: ")
                emulator.send_message(demo.members[0], demo.general, "a change")
                await events.content.readline()  # the blank line that ends an event
                changed = await events.content.readline()
                assert int(changed.split()[1]) > int(first.split()[1])
            async with session.post(f"http://127.0.0.1:{port}/api/act", data="not json") as bad:
                assert bad.status == 400
    finally:
        await runner.cleanup()


async def test_files_are_shown_from_the_page_and_an_embeds_image_only_once(emulator: Emulator):
    demo = build_demo_server(emulator)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (320).to_bytes(4, "big") + (200).to_bytes(4, "big")
    chart, notes = attachments_from(
        emulator, [{"filename": "chart.png", "data": png}, {"filename": "notes.txt", "data": b"hi"}]
    )
    body = {
        "embeds": [{"title": "Results", "image": {"url": "attachment://chart.png"}}],
        "attachments_created": [chart, notes],
    }
    create_message(emulator, demo.general, emulator.bot_user, body)
    [shown] = snapshot(emulator, demo.guild, demo.members[0].user.id, demo.general.id)["messages"]
    chart_path = f"/attachments/{chart['id']}/chart.png"
    assert shown["embeds"][0]["image"]["url"] == chart_path  # the page's own address, not the emulator's
    assert [(a["filename"], a["url"]) for a in shown["attachments"]] == [
        ("notes.txt", f"/attachments/{notes['id']}/notes.txt")
    ]
    runner, port = await start_webview(emulator, demo.guild, 0)
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{port}{chart_path}") as served:
                assert served.status == 200 and served.content_type == "image/png" and await served.read() == png
            async with session.get(f"http://127.0.0.1:{port}/attachments/{chart['id']}/other.png") as missing:
                assert missing.status == 404
    finally:
        await runner.cleanup()
