"""An optional toxicity score from a model that ships inside its package (alt-profanity-check, a
linear model over word and character n-grams), scored off the message path.

One message costs the model about 4 ms; 256 at once cost about 0.05 ms each. So texts queue up
and a single worker thread scores them in micro-batches: whatever arrived while the previous batch
was being scored (up to `max_batch`), after waiting at most `max_wait` seconds for company. The
event loop never runs the model, and a burst of messages costs little more than one.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import importlib
import importlib.util
import logging
from collections.abc import Callable, Sequence

from bot.formatting import shorten
from bot.moderation.rules import Action, Reason

log = logging.getLogger(__name__)

MODEL_PACKAGE = "profanity_check"  # installed by alt-profanity-check: pip install 'discussion-bot[toxicity]'

Predict = Callable[[list[str]], Sequence[float]]


def toxicity_reason(score: float, threshold: int, text: str) -> Reason | None:
    """The server's toxicity rule: a message the model scores at `threshold` percent or more is held
    for review (None: under the threshold)."""
    if score * 100 < threshold:
        return None
    return Reason(
        "toxicity",
        Action.HOLD,
        f"The toxicity model scores it {score:.0%}; this server holds from {threshold}%.",
        shorten(text, 80),
    )


def model_installed() -> bool:
    return importlib.util.find_spec(MODEL_PACKAGE) is not None


def _load_model() -> Predict:
    module = importlib.import_module(MODEL_PACKAGE)  # loads the model's weights: seconds, so in a thread
    predict_prob = module.predict_prob
    return lambda texts: [float(p) for p in predict_prob(texts)]


class ToxicityScorer:
    """`await scorer.score(text)` → a probability from 0 to 1 that the text is offensive."""

    def __init__(self, predict: Predict | None = None, *, max_batch: int = 256, max_wait: float = 0.005) -> None:
        self._predict = predict
        self.max_batch, self.max_wait = max_batch, max_wait
        self._queue: asyncio.Queue[tuple[str, asyncio.Future[float]]] = asyncio.Queue()
        self._worker: asyncio.Task[None] | None = None
        self.batches: collections.deque[int] = collections.deque(maxlen=1000)  # sizes of recent batches

    async def score(self, text: str) -> float:
        if self._worker is None:
            self._worker = asyncio.create_task(self._work(), name="toxicity-scorer")
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        await self._queue.put((text, future))
        return await future

    async def close(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
            self._worker = None

    async def _work(self) -> None:
        try:
            if self._predict is None:
                self._predict = await asyncio.to_thread(_load_model)
        except Exception as error:  # not installed, or a broken install: every caller hears why
            log.exception("Could not load the toxicity model")
            while True:
                _, future = await self._queue.get()
                if not future.done():
                    future.set_exception(error)
        predict = self._predict
        loop = asyncio.get_running_loop()
        while True:
            batch = [await self._queue.get()]
            deadline = loop.time() + self.max_wait
            while len(batch) < self.max_batch:
                if not self._queue.empty():
                    batch.append(self._queue.get_nowait())
                    continue
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                try:
                    batch.append(await asyncio.wait_for(self._queue.get(), remaining))
                except TimeoutError:
                    break
            texts = [text for text, _ in batch]
            try:
                scores = await asyncio.to_thread(predict, texts)
            except Exception as error:  # a broken model must not take moderation down: the callers hear why
                log.exception("The toxicity model failed on a batch of %d", len(batch))
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            self.batches.append(len(batch))
            for (_, future), value in zip(batch, scores, strict=True):
                if not future.done():
                    future.set_result(value)
