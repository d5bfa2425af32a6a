"""The stored names are the enums' values, and what they mean to a member is said once."""

from __future__ import annotations

from bot.enums import PUBLISHED, CaseAction, PostStatus, VoteMode


def test_the_enums_equal_the_strings_the_database_holds() -> None:
    assert PostStatus("posted") is PostStatus.POSTED and PostStatus.POSTED == "posted"
    assert VoteMode("answers") is VoteMode.ANSWERS and f"{VoteMode.POLL}" == "poll"
    assert CaseAction("untimeout") is CaseAction.UNTIMEOUT
    assert "closed" in PUBLISHED and "pending" not in PUBLISHED


def test_names_for_members() -> None:
    assert VoteMode.ANSWERS.description == "suggested answers with upvotes"
    assert VoteMode.NONE.description == "no vote (no exit question)"
    assert [VoteMode.POLL.results_name, VoteMode.ANSWERS.results_name] == ["poll", "top answers"]
    assert PostStatus.PENDING.description == "unfinished" and PostStatus.POSTED.description == "vote open"
