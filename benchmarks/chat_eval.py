"""Chat: retrieval accuracy on the seed's evaluation set, and how fast the bot answers.

Prints top-1 and top-3 accuracy of the passages returned for the questions in
tests/data/seed_questions.json (targets: top-1 >= 70%, top-3 >= 90%), then the answer time
measured end to end: a member's message into the emulator until the bot's reply is stored
there, for the evaluation questions and the other kinds of question (target: p95 under 1 s).
The emulator's rate limits are off here: they would measure Discord's pacing, not the bot.

Usage: python benchmarks/chat_eval.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from discord_emulator import Emulator, RateLimitConfig  # noqa: E402
from tests.bot.chat.eval_set import evaluate, load  # noqa: E402
from tests.harness import bot_environment, build_world, running_bot  # noqa: E402

OTHER_KINDS = [
    "hi",
    "what can you do?",
    "what's the article about?",
    "what's the exit question?",
    "how's the vote going?",
    "any updates?",
    "what's the latest update?",
    "and the update before that?",
    "what changed since yesterday?",
    "thanks!",
    "what is the recipe for banana bread?",
]


async def answer_times() -> list[float]:
    emulator = Emulator(validate_schema=False, rate_limits=RateLimitConfig(enabled=False))
    await emulator.start()
    try:
        world = build_world(emulator)
        with tempfile.TemporaryDirectory() as data:
            async with running_bot(bot_environment(emulator, Path(data), LOG_LEVEL="WARNING")) as bot:
                handle = emulator.run_command(
                    world.admin, world.general, "article post", article="odierno-ceasefire", channel=world.forum
                )
                await handle.wait_message(timeout=15)
                await asyncio.sleep(0.5)
                await bot.delivery.wait_idle()
                _, questions = load()
                texts = [q["ask"] for q in questions] + OTHER_KINDS
                timings = []
                for round_ in range(3):
                    for i, text in enumerate(texts):
                        member = emulator.add_member(world.guild, f"asker{round_}-{i}")  # no per-member limit
                        started = time.perf_counter()
                        asked = emulator.send_message(member, world.general, f"<@{emulator.bot_user.id}> {text}")
                        while not any(
                            m.message_reference and m.message_reference["message_id"] == str(asked.id)
                            for m in emulator.history(world.general)[-3:]
                        ):
                            await asyncio.sleep(0.0005)
                            if time.perf_counter() - started > 10:
                                raise RuntimeError(f"no answer to {text!r}")
                        timings.append(time.perf_counter() - started)
                return timings
    finally:
        await emulator.stop()


def main() -> None:
    result = evaluate()
    print(f"evaluation questions     : {result.total}")
    print(
        f"top-1 accuracy           : {result.top1 / result.total:6.1%}   target >= 70%: "
        f"{'met' if result.top1 / result.total >= 0.7 else 'NOT met'}"
    )
    print(
        f"top-3 accuracy           : {result.top3 / result.total:6.1%}   target >= 90%: "
        f"{'met' if result.top3 / result.total >= 0.9 else 'NOT met'}"
    )
    for ask, answer, got in result.misses:
        print(f"  miss: {ask!r}: expected {answer}, got {got}")
    timings = sorted(asyncio.run(answer_times()))
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"answers timed            : {len(timings)} (end to end through the emulator)")
    print(
        f"answer time p50 / p95    : {statistics.median(timings) * 1000:6.1f} ms / {p95 * 1000:6.1f} ms   "
        f"target p95 < 1 s: {'met' if p95 < 1 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
