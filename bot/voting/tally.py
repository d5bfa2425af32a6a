"""Vote results as plain data: counts, percentages and a text rendering. No discord.py here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ResultRow:
    label: str
    votes: int
    percent: float


@dataclass(frozen=True, slots=True)
class VoteSummary:
    question: str
    rows: tuple[ResultRow, ...]
    voters: int
    is_open: bool
    mode: str  # "poll" or "answers"

    @property
    def total_votes(self) -> int:
        return sum(r.votes for r in self.rows)


def summarize(
    question: str, counts: Sequence[tuple[str, int]], *, voters: int, is_open: bool, mode: str
) -> VoteSummary:
    total = sum(votes for _, votes in counts)
    rows = tuple(ResultRow(label, votes, (100.0 * votes / total) if total else 0.0) for label, votes in counts)
    return VoteSummary(question, rows, voters, is_open, mode)


def bar(percent: float, width: int = 12) -> str:
    filled = round(width * percent / 100)
    return "█" * filled + "░" * (width - filled)


def result_lines(summary: VoteSummary, *, label_width: int = 40) -> list[str]:
    lines = []
    for row in summary.rows:
        # The lines go in a code block, where nothing can be escaped: a backtick in a member's answer
        # would end it early (and what follows would be markdown again, a masked link among it).
        text = row.label.replace("`", "\u02cb")
        label = text if len(text) <= label_width else text[: label_width - 1] + "…"
        lines.append(f"{bar(row.percent)} {row.percent:5.1f}%  {row.votes:>5}  {label}")
    return lines
