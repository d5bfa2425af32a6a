"""Cogs stay adapters: small (no extension over 300 lines), and their handlers answer the components
the services send."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.enforcement.review import BUTTONS, review_button
from bot.voting.components import suggest_view, upvote_view
from cogs.reports import ReviewButton
from cogs.votes import SuggestButton, UpvoteButton

COGS = Path(__file__).resolve().parents[2] / "cogs"
MAX_LINES = 300


@pytest.mark.parametrize("path", sorted(COGS.glob("*.py")), ids=lambda p: p.name)
def test_no_cog_is_over_300_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines: move its logic into a service, or split it"


def test_the_votes_extension_handles_the_buttons_the_services_send() -> None:
    for view, handler in ((suggest_view(17), SuggestButton), (upvote_view(23, 4), UpvoteButton)):
        (button,) = view.children
        assert handler.__discord_ui_compiled_template__.fullmatch(button.custom_id)  # type: ignore[attr-defined]


def test_the_reports_extension_handles_every_button_of_a_review_card() -> None:
    for buttons in BUTTONS.values():
        for action, label, style in buttons:
            button = review_button(action, 42, label, style)
            match = ReviewButton.__discord_ui_compiled_template__.fullmatch(button.custom_id)  # type: ignore[attr-defined]
            assert match and (match["action"], match["item"]) == (action, "42")
