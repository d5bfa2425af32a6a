"""The message pipeline: stages in order, the first that deals with a message stops it there, and a
stage that fails does not stop the others."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

from bot.message_pipeline import CHAT, MODERATION, MessagePipeline


def recorder(seen: list[str], name: str, *, handles: bool = False, fails: bool = False):  # type: ignore[no-untyped-def]
    async def stage(message) -> bool:  # type: ignore[no-untyped-def]
        seen.append(name)
        if fails:
            raise RuntimeError("broken stage")
        return handles

    return stage


async def test_stages_run_in_order_whatever_order_they_were_added():
    seen: list[str] = []
    pipeline = MessagePipeline()
    pipeline.add(recorder(seen, "chat"), order=CHAT)
    pipeline.add(recorder(seen, "moderation"), order=MODERATION)
    assert await pipeline.run(SimpleNamespace(id=1)) is False
    assert seen == ["moderation", "chat"]


async def test_a_stage_that_deals_with_the_message_stops_it():
    seen: list[str] = []
    pipeline = MessagePipeline()
    pipeline.add(recorder(seen, "moderation", handles=True), order=MODERATION)
    pipeline.add(recorder(seen, "chat"), order=CHAT)
    assert await pipeline.run(SimpleNamespace(id=1)) is True
    assert seen == ["moderation"]


async def test_a_failing_stage_is_logged_and_skipped(caplog: pytest.LogCaptureFixture):
    seen: list[str] = []
    pipeline = MessagePipeline()
    pipeline.add(recorder(seen, "moderation", fails=True), order=MODERATION)
    pipeline.add(recorder(seen, "chat"), order=CHAT)
    with caplog.at_level(logging.ERROR):
        assert await pipeline.run(SimpleNamespace(id=7)) is False
    assert seen == ["moderation", "chat"]
    assert "failed on message 7" in caplog.text


async def test_removed_stages_no_longer_run():
    seen: list[str] = []
    pipeline = MessagePipeline()
    chat = recorder(seen, "chat")
    pipeline.add(chat, order=CHAT)
    pipeline.remove(chat)
    await pipeline.run(SimpleNamespace(id=1))
    assert seen == []


async def test_a_stage_with_nothing_to_do_returns_none_and_the_next_runs():
    seen: list[str] = []

    def quiet(message):  # type: ignore[no-untyped-def]
        seen.append("quiet")
        return None

    def broken(message):  # type: ignore[no-untyped-def]
        raise RuntimeError("fails before it has work to return")

    pipeline = MessagePipeline()
    pipeline.add(quiet, order=MODERATION)
    pipeline.add(broken, order=MODERATION + 1)
    pipeline.add(recorder(seen, "chat", handles=True), order=CHAT)
    assert await pipeline.run(SimpleNamespace(id=1)) is True
    assert seen == ["quiet", "chat"]
