"""How well the word filter holds on text nobody tuned it for: evasions caught and false positives,
per category, on seven splits, each with its own listed words as whole-word rules:

- development: tests/moderation_evasions.py's DEV split (the one tuned on);
- development, new: tests/moderation_dev_new.py (tuned on too): data written apart from the engine
  from the categories' descriptions (leetspeak in combinations, handles, model numbers and codes);
- development, short words: tests/moderation_dev_short_split.py (tuned on): data written apart
  from the engine with the writer's own 16 short listed words (3-4 letters), whose letters turn up
  inside clean gamer tags, handles, codes and numbers;
- development, third: tests/moderation_dev_third_split.py (tuned on): data written apart from the
  engine by a third writer, over the development and short words: ten categories combined two or
  three at a time, handles, codes, and prose with the classic traps;
- development, fourth: tests/moderation_dev_fourth_split.py (tuned on): data written apart from the
  engine by a fourth writer with their own 24 listed words (12 of 3-4 letters): leetspeak combined
  with one or two other techniques in 63% of the evasions; clean tags, codes and prose;
- development, fifth: tests/moderation_dev_fifth_split.py (tuned on): data written apart from the
  engine by a fifth writer with their own 24 listed words (12 of 3-4 letters), eleven techniques
  alone and two or three at a time; clean tags, codes and prose; and handles holding a listed word
  as a part, each labelled by the writer as a moderator would judge it (reported apart);
- development, sixth: tests/moderation_dev_sixth_split.py (tuned on): data written apart from the
  engine by a sixth writer with their own 24 listed words, leetspeak first (63% of the evasions,
  single characters and drawings, alone and with each other technique); clean codes dense with
  digits and symbols; labelled handles as in the fifth;
- held-out: its HELDOUT split (other words, seeds, sentences and traps; only reported);
- external: benchmarks/eval_data/moderation_heldout.py, written by someone who has not seen the
  engine (only reported; its samples are never printed).

Whole-word collisions of the list ("Dick Cheney" with "dick" listed) are reported apart: they are
the list's choice, and a server's allow list is their cure.

Usage: python benchmarks/moderation_eval.py [--split SPLIT] [--misses N]
(SPLIT: dev, dev-new, dev-short, dev-third, dev-fourth, dev-fifth, dev-sixth, heldout, external or all.)
(--misses prints missed evasions and false positives, for the development splits only.)
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.moderation.engine import MessageFacts, ModerationEngine  # noqa: E402
from bot.moderation.rules import KeywordMode, KeywordRule, RuleSet  # noqa: E402
from tests import moderation_dev_fifth_split as fifth_writer  # noqa: E402
from tests import moderation_dev_fourth_split as fourth_writer  # noqa: E402
from tests import moderation_dev_new as written_apart  # noqa: E402
from tests import moderation_dev_short_split as short_words  # noqa: E402
from tests import moderation_dev_sixth_split as sixth_writer  # noqa: E402
from tests import moderation_dev_third_split as third_writer  # noqa: E402
from tests import moderation_evasions as generated  # noqa: E402

TARGET_OVERALL, TARGET_CATEGORY, TARGET_FALSE_POSITIVES = 0.99, 0.95, 0.005


def engine_for(words: Iterable[str]) -> ModerationEngine:
    return ModerationEngine(RuleSet(keywords=(KeywordRule("listed", tuple(words), KeywordMode.WORD),)))


def caught(engine: ModerationEngine, text: str) -> bool:
    return any(r.rule == "listed" for r in engine.check(MessageFacts(text), remember=False).reasons)


def evaluate(name: str, words: Iterable[str], evasions: list[dict], clean: list[dict], misses: int) -> dict:
    engine = engine_for(words)
    alone: dict[str, list[bool]] = defaultdict(list)
    within: dict[str, list[bool]] = defaultdict(list)
    by_size: dict[int, list[bool]] = defaultdict(list)
    missed = []
    for case in evasions:
        categories = list(case["categories"])
        hit = caught(engine, str(case["text"]))
        by_size[len(categories)].append(hit)
        if len(categories) == 1:
            alone[categories[0]].append(hit)
        for category in categories:
            within[category].append(hit)
        if not hit:
            missed.append(case)
    traps: dict[str, list[bool]] = defaultdict(list)
    flagged = []
    for comment in clean:
        hit = caught(engine, comment["text"])
        traps[comment["trap"]].append(hit)
        if hit and comment["trap"] != "list_collision":
            flagged.append(comment)

    total = sum(len(v) for v in by_size.values())
    overall = sum(sum(v) for v in by_size.values()) / total
    print(f"\n== {name}: {total:,} evasions of {len(set(words))} listed words, {len(clean):,} clean comments")
    print(f"{'category':34} {'alone':>14} {'in combinations':>18}")
    worst = 1.0
    for category in sorted(set(alone) | set(within)):
        a, w = alone.get(category, []), within.get(category, [])
        rate_alone = sum(a) / len(a) if a else None
        rate_within = sum(w) / len(w) if w else None
        worst = min(worst, *(r for r in (rate_alone, rate_within) if r is not None))
        print(f"{category:34} {_rate(a):>14} {_rate(w):>18}")
    for size in sorted(by_size):
        label = "one category" if size == 1 else f"{size} categories combined"
        print(f"{label:34} {_rate(by_size[size]):>14}")
    collisions = traps.pop("list_collision", [])
    clean_total = sum(len(v) for v in traps.values())
    false_positives = sum(sum(v) for v in traps.values()) / clean_total if clean_total else 0.0
    print(f"{'clean comments by trap':34} {'flagged':>14}")
    for trap in sorted(traps):
        print(f"{trap:34} {_rate(traps[trap]):>14}")
    print(
        f"overall caught {overall:.2%} (target >= {TARGET_OVERALL:.0%}: {_met(overall >= TARGET_OVERALL)}); "
        f"worst category {worst:.2%} (target >= {TARGET_CATEGORY:.0%}: {_met(worst >= TARGET_CATEGORY)}); "
        f"false positives {false_positives:.2%} of {clean_total:,} "
        f"(target < {TARGET_FALSE_POSITIVES:.1%}: {_met(false_positives < TARGET_FALSE_POSITIVES)}); "
        f"whole-word collisions of the list, apart: {_rate(collisions)} flagged"
    )
    if misses:
        for case in missed[:misses]:
            print("  missed:", repr(case["text"]), case["word"], case["categories"])
        for comment in flagged[:misses]:
            print("  false positive:", repr(comment["text"]), comment["trap"])
    return {"overall": overall, "worst": worst, "false_positives": false_positives}


def report_handles(words: Iterable[str], handles: list[tuple[str, str, bool]], misses: int) -> None:
    """How often the engine agrees with a writer's judgement of handles that hold a listed word as a
    part: a name to let through, or an insult to remove. Apart from the figures above: it is a
    server's call, which its allow list (names) and rules (insults) settle."""
    engine = engine_for(words)
    verdicts = [(text, writer_flags, caught(engine, text)) for text, _word, writer_flags in handles]
    flag = [engine_flags for _t, writer_flags, engine_flags in verdicts if writer_flags]
    let = [not engine_flags for _t, writer_flags, engine_flags in verdicts if not writer_flags]
    print(
        f"handles holding a listed word as a part, apart: flagged {_rate(flag)} the writer would remove; "
        f"let through {_rate(let)} the writer would let through"
    )
    disagreements = [(t, w) for t, w, e in verdicts if w != e]
    for text, writer_flags in disagreements[:misses]:
        print("  disagrees:", repr(text), "the writer would", "remove it" if writer_flags else "let it through")


def _rate(values: list[bool]) -> str:
    return f"{sum(values) / len(values):7.2%} of {len(values):>4}" if values else "-"


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


# The development splits written apart from the engine, in the order they are reported: the name
# --split takes, the report's title, and the split (its words, evasions, clean comments and, where
# the writer labelled them, handles).
WRITTEN_SPLITS = (
    ("dev-new", "development split, new (written apart from the engine; tuned on)", written_apart),
    ("dev-short", "development split, short words (written apart from the engine; tuned on)", short_words),
    ("dev-third", "development split, third (written apart from the engine; tuned on)", third_writer),
    ("dev-fourth", "development split, fourth (written apart from the engine; tuned on)", fourth_writer),
    ("dev-fifth", "development split, fifth (written apart from the engine; tuned on)", fifth_writer),
    ("dev-sixth", "development split, sixth (written apart from the engine, leetspeak first; tuned on)", sixth_writer),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--split",
        choices=["dev", *(name for name, _title, _split in WRITTEN_SPLITS), "heldout", "external", "all"],
        default="all",
    )
    parser.add_argument("--misses", type=int, default=0, help="print up to N misses (development splits only)")
    args = parser.parse_args()
    if args.split in ("dev", "all"):
        split = generated.DEV
        cases, comments = generated.evasions(split), generated.clean(split)
        evaluate("development split (tuned on)", split.words, cases, comments, args.misses)
    for name, title, written in WRITTEN_SPLITS:
        if args.split in (name, "all"):
            evaluate(title, written.WORDS, written.evasions(), written.clean(), args.misses)
            if hasattr(written, "handle_parts"):
                report_handles(written.WORDS, written.handle_parts(), args.misses)
    if args.split in ("heldout", "all"):
        split = generated.HELDOUT
        evaluate("held-out split (reported only)", split.words, generated.evasions(split), generated.clean(split), 0)
    if args.split in ("external", "all"):
        try:
            external = importlib.import_module("benchmarks.eval_data.moderation_heldout")
        except ModuleNotFoundError:
            print("\n== external held-out set: missing (benchmarks/eval_data/moderation_heldout.py is not here yet)")
            return
        evaluate(
            "external held-out set (written without seeing the engine; reported only)",
            external.LISTED_WORDS,
            list(external.evasions(external.SEED)),
            list(external.clean(external.SEED)),
            0,
        )


if __name__ == "__main__":
    main()
