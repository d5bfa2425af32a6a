"""The emulator's world saved to a file and read back: the same server, ids and all."""

from __future__ import annotations

from pathlib import Path

import pytest

from discord_emulator import Emulator
from discord_emulator.messaging import attachments_from, create_message
from discord_emulator.model import EPHEMERAL, PUBLIC_THREAD, Channel
from discord_emulator.persistence import WorldUnreadable, dump_world, load_world, save_world
from discord_emulator.sandbox import DATABASE_FILE, WORLD_FILE, build_demo_server, demo_ids, open_demo_server


def busy_world(emulator: Emulator):  # type: ignore[no-untyped-def]
    demo = build_demo_server(emulator)
    alice, bob = demo.members[0], demo.members[1]
    emulator.send_message(alice, demo.general, f"hello <@{bob.user.id}>")
    poll = {"question": {"text": "Q?"}, "answers": [{"poll_media": {"text": "A"}}, {"poll_media": {"text": "B"}}]}
    asked = create_message(emulator, demo.general, emulator.bot_user, {"content": "vote", "poll": poll})
    emulator.vote(alice, asked, 2)
    [chart] = attachments_from(emulator, [{"filename": "chart.png", "data": b"\x89PNG-bytes"}])
    body = {"embeds": [{"title": "R", "image": {"url": "attachment://chart.png"}}], "attachments_created": [chart]}
    create_message(emulator, demo.general, emulator.bot_user, body)
    thread = Channel(emulator.ids.next(), PUBLIC_THREAD, demo.guild.id, "Post", parent_id=demo.articles.id)
    demo.guild.channels[thread.id] = emulator.channels[thread.id] = thread
    emulator.channel_messages[thread.id] = []
    create_message(emulator, thread, emulator.bot_user, {"content": "starter"}, message_id=thread.id)
    removed = emulator.send_message(bob, thread, "gone soon")
    removed.deleted = True
    secret = create_message(emulator, demo.general, emulator.bot_user, {"content": "only you", "flags": EPHEMERAL})
    emulator.guild_commands[demo.guild.id][1] = {"id": "1", "name": "about", "type": 1, "description": "d"}
    return demo, secret


def test_a_saved_world_reads_back_the_same(tmp_path: Path):
    before = Emulator(validate_schema=False)
    demo, secret = busy_world(before)
    save_world(before, tmp_path / "server.json", {"guild": demo.guild.id})

    after = Emulator(validate_schema=False)
    assert load_world(after, tmp_path / "server.json") == {"guild": demo.guild.id}
    assert (after.application_id, after.bot_user.id) == (before.application_id, before.bot_user.id)
    guild = after.guilds[demo.guild.id]
    old = before.guilds[demo.guild.id]
    for key in ("roles", "members", "channels", "threads", "name", "owner_id"):
        assert guild.payload()[key] == old.payload()[key], key
    kept = {i: m for i, m in before.messages.items() if i != secret.id}  # ephemeral answers do not last
    assert set(after.messages) == set(kept)
    for message_id, message in kept.items():
        restored = after.messages[message_id]
        assert restored.payload(gateway=True, threads=after.channels) == message.payload(
            gateway=True, threads=before.channels
        )
        assert restored.deleted == message.deleted
    assert [m.id for m in after.history(demo.general)] == [m.id for m in before.history(demo.general)]
    poll = next(m for m in after.messages.values() if m.poll is not None).poll
    assert poll is not None and poll.votes == {2: {demo.members[0].user.id}}
    [stored] = after.files.values()
    assert stored.data == b"\x89PNG-bytes" and stored.filename == "chart.png"
    assert after.guild_commands[demo.guild.id][1]["name"] == "about"
    assert after.ids.next() > max(before.messages)  # new ids come after every kept one
    assert dump_world(after)["channels"] == dump_world(before)["channels"]


def test_a_damaged_file_is_an_error_not_an_empty_world(tmp_path: Path):
    saved = tmp_path / "server.json"
    saved.write_text('{"format": 1, "users": [')
    with pytest.raises(WorldUnreadable):
        load_world(Emulator(validate_schema=False), saved)
    saved.write_text('{"format": 99}')
    with pytest.raises(WorldUnreadable, match="format 99"):
        load_world(Emulator(validate_schema=False), saved)


def test_the_sandbox_reopens_its_server_or_sets_an_orphaned_database_aside(tmp_path: Path):
    (tmp_path / DATABASE_FILE).write_text("a database of a server nobody kept")
    emulator, demo, note = open_demo_server(tmp_path)
    assert note.startswith("a new demo server") and f"{DATABASE_FILE}.old" in note
    assert not (tmp_path / DATABASE_FILE).exists()
    assert (tmp_path / f"{DATABASE_FILE}.old").read_text() == "a database of a server nobody kept"

    save_world(emulator, tmp_path / WORLD_FILE, {"demo": demo_ids(demo)})
    (tmp_path / DATABASE_FILE).write_text("the bot's database for that server")
    again, same, note = open_demo_server(tmp_path)
    assert note.startswith("the demo server from last time")
    assert demo_ids(same) == demo_ids(demo) and again.bot_user.id == emulator.bot_user.id
    assert (tmp_path / DATABASE_FILE).read_text() == "the bot's database for that server"  # left alone

    (tmp_path / WORLD_FILE).write_text("{ damaged")
    _, fresh, note = open_demo_server(tmp_path)
    assert "could not be read" in note and demo_ids(fresh)["guild"] != demo_ids(demo)["guild"]
    assert (tmp_path / f"{DATABASE_FILE}.old").read_text() == "the bot's database for that server"
