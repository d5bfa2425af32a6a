from __future__ import annotations

from bot.voting.tally import ResultRow, VoteSummary, result_lines


def test_a_backtick_in_an_answer_cannot_end_the_results_code_block():
    """The results are a code block, where nothing can be escaped: "```" in a suggested answer would
    close it, and what follows would be markdown again (a masked link, say)."""
    summary = VoteSummary("Q?", (ResultRow("x```[free nitro](https://evil.example)", 3, 100.0),), 3, True, "answers")
    [line] = result_lines(summary)
    assert "`" not in line and "ˋˋˋ[free nitro](https://evil.example)" in line
