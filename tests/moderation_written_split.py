"""The shape benchmarks/moderation_eval.py reads, from a data file written apart from the engine
(tests/moderation_dev_third.py; the fourth, fifth and sixth writers' through `WrittenSplit`): its
evasions with the word each hides and the writer's categories, and its clean comments by trap,
samples a review dropped left out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import ModuleType
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


@dataclass(frozen=True)
class WrittenSplit:
    """A writer's data file in the shape benchmarks/moderation_eval.py reads: the file's own
    `FORMS`, `evasions_detailed()`, `clean_tags()`, `clean_codes()`, `clean_prose()`,
    `collisions()` and, where the writer labelled handles, `handle_parts()`; `dropped` holds the
    samples a review left out, each with why."""

    written: ModuleType
    dropped: Mapping[str, str]

    @property
    def words(self) -> tuple[str, ...]:
        """The server's list: each listed word with the inflections the writer's evasions use, as
        the project's whole-word rules want them listed (see the third split)."""
        return tuple(sorted({form for forms in self.written.FORMS.values() for form in forms}))

    def evasions(self) -> list[dict[str, object]]:
        return evasions(self.written.evasions_detailed(), self.dropped)

    def clean(self) -> list[dict[str, str]]:
        w = self.written
        collisions = (text for text, _word in w.collisions())
        return clean(w.clean_tags(), w.clean_codes(), w.clean_prose(), collisions, self.dropped)

    def handle_parts(self) -> list[tuple[str, str, bool]]:
        """(comment, listed word, whether the writer would remove it) for each handle with a listed part."""
        return [
            (text, word, label == "flag")
            for text, word, label in self.written.handle_parts()
            if text not in self.dropped
        ]
