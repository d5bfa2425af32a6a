"""The toxicity scorer: micro-batches on a worker thread, errors that reach the callers, and the
real model that ships inside alt-profanity-check."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot.moderation import toxicity
from bot.moderation.rules import Action
from bot.moderation.toxicity import ToxicityScorer, model_installed, toxicity_reason


async def test_a_burst_is_scored_in_few_batches_off_the_event_loop():
    batches: list[int] = []
    threads: set[str] = set()

    def predict(texts: list[str]) -> list[float]:
        threads.add(threading.current_thread().name)
        batches.append(len(texts))
        return [0.9 if "awful" in t else 0.1 for t in texts]

    scorer = ToxicityScorer(predict, max_batch=64, max_wait=0.01)
    texts = [f"message {i}" + (" awful" if i % 10 == 0 else "") for i in range(300)]
    scores = await asyncio.gather(*(scorer.score(t) for t in texts))
    await scorer.close()
    assert scores == [0.9 if i % 10 == 0 else 0.1 for i in range(300)]  # each caller gets its own score
    assert sum(batches) == 300 and max(batches) <= 64 and len(batches) <= 10
    assert threading.main_thread().name not in threads


async def test_a_failing_model_reaches_every_caller_and_the_scorer_goes_on():
    calls = 0

    def predict(texts: list[str]) -> list[float]:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("model broke")
        return [0.5] * len(texts)

    scorer = ToxicityScorer(predict, max_wait=0.0)
    with pytest.raises(RuntimeError, match="model broke"):
        await scorer.score("first")
    assert await scorer.score("second") == 0.5
    await scorer.close()


async def test_a_model_that_cannot_load_fails_each_score(monkeypatch: pytest.MonkeyPatch):
    def cannot_load():  # type: ignore[no-untyped-def]
        raise ImportError("No module named 'profanity_check'")

    monkeypatch.setattr(toxicity, "_load_model", cannot_load)
    scorer = ToxicityScorer()
    for _ in range(2):
        with pytest.raises(ImportError):
            await asyncio.wait_for(scorer.score("hello"), 10)
    await scorer.close()


async def test_the_real_model_tells_insults_from_discussion():
    assert model_installed(), "the test extras install alt-profanity-check"
    scorer = ToxicityScorer()
    insult, discussion = await asyncio.gather(
        scorer.score("you are a worthless idiot and a piece of trash"),
        scorer.score("I think the ceasefire could hold if the tribes keep their word"),
    )
    await scorer.close()
    assert insult > 0.8 and discussion < 0.2, (insult, discussion)


def test_the_servers_threshold_holds_at_or_above_it() -> None:
    assert toxicity_reason(0.79, 80, "rude") is None
    held = toxicity_reason(0.8, 80, "rude words " * 20)
    assert held is not None and held.action is Action.HOLD and held.rule == "toxicity"
    assert held.detail == "The toxicity model scores it 80%; this server holds from 80%."
    assert len(held.matched) <= 80
