"""Members' data on the running bot: /privacy show and delete, `data export` and `data forget`.

After a deletion no row of any table names the member (their id, in any column, or their name), except
moderation cases and review items, which stay under a pseudonym. The check reads the tables and
their columns from sqlite_master, so a table added later is covered without changing this test."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

from bot.client import DiscussionBot
from bot.storage import moderation as mod_store
from bot.storage.privacy import REMOVED_TEXT
from discord_emulator import Emulator, Member, Message
from tests.harness import REPO, World, eventually, question_of, running_bot

SLUG = "odierno-ceasefire"


def rows_naming(database: Path, user_id: int, name: str) -> list[tuple[str, str, Any]]:
    """(table, column, value) of every stored value that holds the id or the name, in any table."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        assert "mod_cases" in tables and "poll_votes" in tables
        found = []
        for table in tables:
            columns = [r[1] for r in connection.execute(f'PRAGMA table_info("{table}")')]
            for column in columns:
                query = (
                    f'SELECT "{column}" FROM "{table}" WHERE "{column}" = ?1 '
                    f'OR instr(CAST("{column}" AS TEXT), ?2) > 0 OR instr(lower(CAST("{column}" AS TEXT)), ?3) > 0'
                )
                for (value,) in connection.execute(query, (user_id, str(user_id), name.lower())):
                    found.append((table, column, value))
        return found
    finally:
        connection.close()


def count(database: Path, sql: str, *parameters: Any) -> int:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return int(connection.execute(sql, parameters).fetchone()[0])
    finally:
        connection.close()


async def cli(cwd: Path, env: dict[str, str], *args: str) -> tuple[int, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")} | env
    environment["PYTHONPATH"] = str(REPO)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=cwd,
        env=environment,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        stdin=asyncio.subprocess.DEVNULL,
    )
    out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode() + err.decode()


async def post(emulator: Emulator, world: World, channel, **options: Any) -> Message:  # type: ignore[no-untyped-def]
    handle = emulator.run_command(world.admin, world.general, "article post", article=SLUG, channel=channel, **options)
    assert "Posted" in (await handle.wait_message(timeout=10)).content
    [thread] = (
        emulator.threads_of(channel)
        if channel.type == 15
        else [emulator.channels[m.thread_id] for m in emulator.history(channel) if m.thread_id]
    )
    return question_of(emulator, thread)


async def suggest(emulator: Emulator, who: Member, question: Message, text: str) -> Message:
    thread = emulator.channels[question.channel_id]
    opened = emulator.click(who, question, question.components[0]["components"][0]["custom_id"])
    modal = await opened.wait_response()
    [field] = [c["components"][0]["custom_id"] for c in modal["data"]["components"]]
    assert "Your answer is posted" in (await emulator.submit_modal(opened, {field: text}).wait_message()).content
    return next(m for m in emulator.history(thread) if m.content.endswith(text))


async def footprint(
    emulator: Emulator, world: World, bot: DiscussionBot, who: Member, poll: Message, answers: Message, other: Member
) -> Message:
    """Everything a member can leave: a poll vote, an answer, an upvote, a report, cases, a held message."""
    database = bot.db.path
    uid = who.user.id
    emulator.vote(who, poll, 1)
    own = await suggest(emulator, who, answers, f"An answer by {who.user.username}")
    card = await suggest(emulator, other, answers, f"Another answer, from someone else ({who.user.id % 997})")
    await emulator.click(who, card, card.components[0]["components"][0]["custom_id"]).wait_response()
    thread = emulator.channels[poll.channel_id]
    rude = emulator.send_message(other, thread, f"A rude remark number {uid % 1000}, you idiots.")
    opened = emulator.message_command(who, rude, "Report message")
    modal = await opened.wait_response()
    field = modal["data"]["components"][0]["components"][0]["custom_id"]
    await emulator.submit_modal(opened, {field: "it is rude"}).wait_message()
    bad = emulator.send_message(who, thread, "what bullshit")
    held = emulator.send_message(who, thread, "I like pineapple on it")
    await eventually(lambda: bad.deleted and held.deleted)
    asked = emulator.send_message(who, thread, f"<@{emulator.bot_user.id}> what's the article about?")
    await eventually(
        lambda: (
            any((m.message_reference or {}).get("message_id") == str(asked.id) for m in emulator.history(thread))
            or None
        )
    )
    await eventually(lambda: count(database, "SELECT COUNT(*) FROM poll_votes WHERE user_id = ?", uid) == 1)
    assert count(database, "SELECT COUNT(*) FROM review_items WHERE author_id = ?", uid) == 1
    return own


async def test_privacy_delete_and_data_forget_leave_no_row_naming_the_member(
    emulator: Emulator, world: World, bot_env: dict[str, str], tmp_path: Path
):
    quill, brix, other = (emulator.add_member(world.guild, n) for n in ("quillon", "brixby", "ottoline"))
    database = Path(bot_env["DATABASE_PATH"])
    async with running_bot(bot_env) as bot:
        setup = emulator.run_command(
            world.admin, world.general, "config set", setting="mod_log_channel", value="mod-log"
        )
        await setup.wait_message()
        rule = emulator.run_command(
            world.admin, world.general, "automod rule add", kind="keyword", value="pineapple", action="hold"
        )
        assert "added" in (await rule.wait_message()).content
        poll = await post(emulator, world, world.forum, options="Peace | Stalemate | Worse")
        answers = await post(emulator, world, world.general)
        cards = {who.user.id: await footprint(emulator, world, bot, who, poll, answers, other) for who in (quill, brix)}
        cases_before = count(database, "SELECT COUNT(*) FROM mod_cases")
        assert rows_naming(database, quill.user.id, "quillon")  # the check finds what is there

        # data export lists what was stored, table by table
        code, output = await cli(tmp_path, bot_env, "data", "export", str(quill.user.id))
        assert code == 0, output
        exported = json.loads(output)
        tables = {name: len(rows) for name, rows in exported["tables"].items()}
        assert tables == {
            "poll_votes": 1,
            "exit_answers": 1,
            "exit_answer_votes": 1,
            "reports": 1,
            "mod_cases": 2,  # the deleted message and the held one
            "review_items": 1,
        }, tables
        assert exported["tables"]["review_items"][0]["content"] == "I like pineapple on it"

        # /privacy show: what is kept, only to the member
        shown = emulator.run_command(quill, world.general, "privacy show")
        await shown.wait_message()
        assert shown.ephemeral and "votes in polls: 1" in shown.text() and "90 days" in shown.text()

        # /privacy delete asks first; Cancel deletes nothing
        asked = emulator.run_command(quill, world.general, "privacy delete")
        question = await asked.wait_message()
        assert asked.ephemeral
        await emulator.click(quill, question, "privacy:cancel").wait_response()
        assert rows_naming(database, quill.user.id, "quillon")
        asked = emulator.run_command(quill, world.general, "privacy delete")
        question = await asked.wait_message()
        await emulator.click(quill, question, "privacy:delete").wait_response()
        done = question.embeds[0]
        assert done["title"] == "Your data is deleted" and "poll" in done["description"]
        assert rows_naming(database, quill.user.id, "quillon") == []
        card = cards[quill.user.id]  # the answer's card in the thread is redrawn, its upvote button kept
        await eventually(lambda: REMOVED_TEXT in card.content)
        assert str(quill.user.id) not in card.content and "quillon" not in card.content and card.components
        assert not any(user == quill.user.id for _, user in bot.chat._contexts)

        # an operator's `data forget`, for a request by mail, while the bot runs
        assert rows_naming(database, brix.user.id, "brixby")
        code, output = await cli(tmp_path, bot_env, "data", "forget", str(brix.user.id))
        assert code == 2 and "--yes" in output  # no prompt without a terminal: it asks for --yes
        code, output = await cli(tmp_path, bot_env, "data", "forget", str(brix.user.id), "--yes")
        assert code == 0 and f"forgot member {brix.user.id}" in output, output
        assert "votes in polls: 1" in output.split("; kept")[0] and "kept under a pseudonym: " in output
        assert "moderation cases: 2" in output.split("kept under a pseudonym: ")[1]
        assert rows_naming(database, brix.user.id, "brixby") == []

        # moderation records stay, pseudonymised: each member's under one pseudonym of their own
        assert count(database, "SELECT COUNT(*) FROM mod_cases") == cases_before
        pseudonyms = count(database, "SELECT COUNT(DISTINCT member_id) FROM mod_cases WHERE member_id < 0")
        assert pseudonyms == 2
        assert count(database, "SELECT COUNT(*) FROM mod_cases WHERE member_id < 0 AND excerpt IS NOT NULL") == 0
        # answers stay for the others' upvotes, their text gone; the others' answers are untouched
        assert count(database, "SELECT COUNT(*) FROM exit_answers WHERE text = ?", REMOVED_TEXT) == 2
        assert (
            count(database, "SELECT COUNT(*) FROM exit_answers WHERE text LIKE 'Another answer, from someone else%'")
            == 2
        )
        assert count(database, "SELECT SUM(votes) FROM poll_options") == 0
        assert rows_naming(database, other.user.id, "ottoline")  # nobody else was forgotten


async def test_privacy_delete_leaves_no_words_of_the_member(emulator: Emulator, world: World, bot_env: dict[str, str]):
    """Cases stay, pseudonymised, but nothing the member wrote stays: not in a case's or a review
    item's reason (a filter's verdict quotes what it matched: for an admin's regular expression, any
    part of the message), not in the thread digest's copies, not in the bot's mod-log lines and
    review cards in Discord, and not in the database file's free space or write-ahead log."""
    phone, answer, words, remark = "5551234567", "Zanzibar quokka marmalade", "Zorblaxian", "Quibbledy ceasefire hopes"
    quill = emulator.add_member(world.guild, "quillon")
    database = Path(bot_env["DATABASE_PATH"])
    async with running_bot(bot_env):
        await emulator.run_command(
            world.admin, world.general, "config set", setting="mod_log_channel", value="mod-log"
        ).wait_message()
        rule = emulator.run_command(
            world.admin, world.general, "automod rule add", kind="regex", value=r"my (phone|number) is \d+"
        )
        assert "added" in (await rule.wait_message()).content
        answers = await post(emulator, world, world.general)
        await suggest(emulator, quill, answers, answer)
        thread = emulator.channels[answers.channel_id]
        held = emulator.send_message(quill, thread, f"call me, my phone is {phone}")  # a review card
        deleted = emulator.send_message(quill, thread, f"{words} bullshit")  # a mod-log line
        await eventually(lambda: held.deleted and deleted.deleted)
        said = emulator.send_message(quill, thread, remark)
        emulator.send_message(world.member, thread, "I agree with that", reply_to=said)  # into the digest
        uid = quill.user.id
        await eventually(lambda: count(database, "SELECT COUNT(*) FROM thread_points WHERE author_id = ?", uid))
        log_lines = await eventually(
            lambda: len(emulator.history(world.mod_log)) >= 2 and emulator.history(world.mod_log)
        )
        # Others' rows after theirs, in the same pages: what is freed lies between live rows.
        await suggest(emulator, world.member, answers, "Somebody else's answer")
        await eventually(lambda: count(database, "SELECT COUNT(*) FROM exit_answers") == 2)
    # The bot stops (its write-ahead log goes into the database file) and starts again.
    raw = b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))
    assert all(text.encode() in raw for text in (phone, answer, words, remark))  # the check sees them

    async with running_bot(bot_env) as bot:
        asked = emulator.run_command(quill, world.general, "privacy delete")
        question = await asked.wait_message()
        await emulator.click(quill, question, "privacy:delete").wait_response()
        assert question.embeds[0]["title"] == "Your data is deleted"

        def shown(message: Message) -> str:
            return message.content + json.dumps(message.embeds)

        # The bot's copies in Discord: the review card and the mod-log line are redrawn.
        await eventually(lambda: not any(words in shown(m) or phone in shown(m) for m in log_lines))
        assert not any(f"<@{uid}>" in shown(m) or "quillon" in shown(m) for m in log_lines)
        assert await mod_store.cases_of_member(bot.db, world.guild.id, uid) == []  # under a pseudonym now
        # Nothing they wrote is left in any table: cases and review items keep the rule, not the words.
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            left = [
                (table, row)
                for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                for row in connection.execute(f'SELECT * FROM "{table}"')
                if any(text in str(value) for value in row for text in (phone, answer, words, remark))
            ]
            reasons = [r for (r,) in connection.execute("SELECT reason FROM mod_cases WHERE member_id < 0")]
        finally:
            connection.close()
        assert left == [], f"the member's words survive the deletion: {left}"
        assert sorted(reasons) == [
            "profanity: the words it matched were removed at the member's request",
            "rule 1: the words it matched were removed at the member's request",
        ]
        # Nor in the file, while the bot runs: freed space is zeroed and the write-ahead log cut back.
        raw = b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))
        for text in (phone, answer, words, remark):
            assert text.encode() not in raw, f"{text!r} is still readable in the database file"
