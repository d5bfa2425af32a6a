"""The shape benchmarks/moderation_eval.py reads, from a data file written apart from the engine
(tests/moderation_dev_third.py, tests/moderation_dev_fourth.py): its evasions with the word each
hides and the writer's categories, and its clean comments by trap, samples a review dropped left out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def evasions(records: Iterable[Mapping[str, Any]], dropped: Mapping[str, str]) -> list[dict[str, object]]:
    """{"text", "word", "categories"} as tests/moderation_evasions.evasions gives them, once each."""
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    for record in records:
        text = str(record["comment"])
        if text in dropped or text in seen:
            continue
        seen.add(text)
        out.append({"text": text, "word": record["word"], "categories": list(record["categories"])})
    return out


def clean(
    tags: Iterable[str],
    codes: Iterable[str],
    prose: Iterable[str],
    collisions: Iterable[str],
    dropped: Mapping[str, str],
) -> list[dict[str, str]]:
    """{"text", "trap"} as tests/moderation_evasions.clean gives them: the writer's tags and handles
    ("gamer tags and handles"), codes ("model numbers"), prose with the classic traps ("scunthorpe,
    languages, urls, code"), and collisions of the list ("list_collision", reported apart)."""
    out: dict[str, str] = {}
    for trap, texts in (
        ("gamer tags and handles", tags),
        ("model numbers", codes),
        ("scunthorpe, languages, urls, code", prose),
        ("list_collision", collisions),
    ):
        for text in texts:
            out.setdefault(text, trap)
    return [{"text": text, "trap": trap} for text, trap in out.items() if text not in dropped]
