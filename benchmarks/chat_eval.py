"""Chat: how well the bot answers questions written apart from its code, and how fast.

1. The development and held-out halves of benchmarks/eval_data/chat (150 questions over three
   articles, in members' own words) and the second, third and fourth development sets (174, 183 and
   163 questions, each over three more articles, the second and fourth with the seed too, each by
   another writer), asked of the real chat service with its embedding models:
   found (the reply contains an evidence string), top-1 and top-3 (an evidence string in the best
   or three best ranked sentences), how often it declines an answerable question, and how often
   it correctly says it does not know. Targets (held-out): top-3 >= 90%, top-1 >= 75%, correct
   "I don't know" >= 90%. A second held-out set (170 questions over three more articles and the
   seed, by a fifth writer) is reported beside the first. The held-out questions are never
   printed, only their figures.
2. The seed's first set (tests/data/seed_questions.json), by passage.
3. The gate's thresholds: calibrated on the development sets (leave one article out: fitted on the
   other articles, scored on the one left out), and fitted on all of it, beside the ones the chat uses.
4. The cost of the model and the word list: memory growth and load time, measured in this process.
5. The answer time end to end: a member's message into the emulator until the bot's reply is
   stored there (the bot running with its models), target p95 under 100 ms. The emulator's rate
   limits are off: they would measure Discord's pacing, not the bot.

Usage: python benchmarks/chat_eval.py [--dev-only]   (--dev-only: while tuning, leave the held-out half unasked)
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

from bot.chat.embedding import load_models  # noqa: E402
from bot.chat.retrieval import Tuning  # noqa: E402
from bot.chat.typos import lexicon  # noqa: E402
from discord_emulator import Emulator, RateLimitConfig  # noqa: E402
from tests.bot.chat.eval_set import (  # noqa: E402
    DEV,
    DEV_SETS,
    HELDOUT_SETS,
    SetResult,
    calibrate,
    cross_validate,
    evaluate,
    evaluate_set,
    gate_cases,
    load,
    load_set,
    passages_of,
)
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
            env = bot_environment(emulator, Path(data), LOG_LEVEL="WARNING") | {"CHAT_MODELS": "true"}
            async with running_bot(env) as bot:
                handle = emulator.run_command(
                    world.admin, world.general, "article post", article="odierno-ceasefire", channel=world.forum
                )
                await handle.wait_message(timeout=15)
                await asyncio.sleep(0.5)
                await bot.delivery.wait_idle()
                await asyncio.wait_for(bot.chat.models_ready.wait(), 120)
                assert bot.chat.models is not None, "the chat's models did not load"
                _, questions = load()
                dev = [q["question"] for q in load_set(DEV)["questions"] if q["article"] == "odierno-ceasefire"]
                texts = [q["ask"] for q in questions] + dev + OTHER_KINDS
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


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 1e6


def report(result: SetResult, *, show_misses: bool) -> None:
    f = result.figures()
    print(f"\n{result.name}: {f['questions']:.0f} questions ({len(result.answerable)} answerable)")
    print(f"  found in the reply       : {f['found']:6.1%}")
    print(f"  top-1                    : {f['top1']:6.1%}   target >= 75%: {'met' if f['top1'] >= 0.75 else 'NOT met'}")
    print(f"  top-3                    : {f['top3']:6.1%}   target >= 90%: {'met' if f['top3'] >= 0.9 else 'NOT met'}")
    print(f"  declined, yet answerable : {f['declined_answerable']:6.1%}")
    print(
        f"  correct 'I don't know'   : {f['correct_unknown']:6.1%}   target >= 90%: "
        f"{'met' if f['correct_unknown'] >= 0.9 else 'NOT met'}"
    )
    print(
        "  by category (found; for unanswerable: declined): "
        + ", ".join(f"{name} {share:.0%} of {count}" for name, (count, share) in result.by_category().items())
    )
    if show_misses:
        for g in result.graded:
            if (g.answerable and not g.found) or (not g.answerable and not g.declined):
                print(f"    miss {g.id} [{g.category}] {g.question!r}")


def report_gate(models: object) -> None:
    cases = gate_cases(DEV_SETS, models)
    right, declined, folds = cross_validate(cases)
    print(f"\nthe gate, calibrated on the development sets ({len(cases)} questions answered from the text):")
    for article, tuning in folds:
        print(f"  fitted without {article:27}: {_thresholds(tuning)}")
    print(f"  cross-validated: answered rightly {right:6.1%}, declined when unanswerable {declined:6.1%}")
    print(f"  fitted on all of it      : {_thresholds(calibrate(cases))}")
    print(f"  the chat uses            : {_thresholds(Tuning())}")


def _thresholds(tuning: Tuning) -> str:
    return f"max_elsewhere {tuning.max_elsewhere:.2f} (with the floor min_cosine {tuning.min_cosine:.3f})"


def main() -> None:
    dev_only = "--dev-only" in sys.argv[1:]
    before = rss_mb()
    started = time.perf_counter()
    models = load_models()
    lexicon()
    load_seconds = time.perf_counter() - started
    after = rss_mb()
    if models is None:
        raise SystemExit("the embedding model did not load")
    for path in DEV_SETS:
        report(asyncio.run(evaluate_set(path, models)), show_misses=True)
    used = rss_mb()  # the model's pages are read as they are used: the growth once it has answered
    if not dev_only:
        for path in HELDOUT_SETS:
            report(asyncio.run(evaluate_set(path, models)), show_misses=False)  # figures only
    report_gate(models)

    article, _ = load()
    from bot.chat.retrieval import PassageIndex

    result = evaluate(PassageIndex(passages_of(article), models))
    print(
        f"\nseed set (by passage)     : {result.total} questions, top-1 {result.top1 / result.total:.1%}, "
        f"top-3 {result.top3 / result.total:.1%}"
    )
    print(
        f"model and word list: load {load_seconds:.2f} s, memory growth {after - before:.0f} MB once loaded, "
        f"{used - before:.0f} MB once they have answered the development half (RSS, this process)"
    )
    timings = sorted(asyncio.run(answer_times()))
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"answers timed            : {len(timings)} (end to end through the emulator)")
    print(
        f"answer time p50 / p95    : {statistics.median(timings) * 1000:6.1f} ms / {p95 * 1000:6.1f} ms   "
        f"target p95 < 100 ms: {'met' if p95 < 0.1 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
