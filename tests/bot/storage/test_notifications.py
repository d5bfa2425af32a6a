"""Telling other processes that the outbox has new rows: on PostgreSQL a NOTIFY reaches a listener
on another connection (as another bot process would be); on SQLite, one process's file, there is
nobody to tell and listening says so."""

from __future__ import annotations

import asyncio

from bot.storage import Database


async def test_a_notification_reaches_another_process_listening(db: Database, database_url: str):
    other = await Database.open(database_url)
    heard = asyncio.Event()
    try:
        stop = await other.listen("update_outbox", heard.set)
        if db.url.engine == "sqlite":
            assert stop is None  # nothing to listen to: the worker polls, as it always did
            await db.notify("update_outbox")  # and telling nobody is no error
            return
        assert stop is not None
        await db.notify("somewhere_else")
        await db.notify("update_outbox")
        await asyncio.wait_for(heard.wait(), 10)
        await stop()  # gives the listening connection back to the pool
    finally:
        await other.close()
