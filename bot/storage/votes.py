"""Votes: poll mode (poll_options, poll_votes) and answer mode (exit_answers, exit_answer_votes).

Counts live next to the votes and are maintained by triggers, so reading a tally is a
primary-key range read however many votes there are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from bot.storage.database import Database, Row
from bot.storage.engine import Columns


@dataclass(frozen=True, slots=True)
class OptionTally:
    answer_id: int
    text: str
    votes: int


@dataclass(frozen=True, slots=True)
class PollVote:
    added: bool  # False: removed
    post_id: int
    answer_id: int
    user_id: int


@dataclass(frozen=True, slots=True)
class ExitAnswer:
    id: int
    post_id: int
    author_id: int
    text: str
    message_id: int | None
    votes: int


async def poll_tally(db: Database, post_id: int) -> list[OptionTally]:
    rows = await db.fetch_all(
        "SELECT answer_id, text, votes FROM poll_options WHERE post_id = ? ORDER BY answer_id", (post_id,)
    )
    return [OptionTally(int(r["answer_id"]), str(r["text"]), int(r["votes"])) for r in rows]


_VOTE_ROWS: Columns = (("post_id", "BIGINT"), ("answer_id", "BIGINT"), ("user_id", "BIGINT"))
# Each run of adds (or of removals) is one statement over all its rows: one trigger run per statement
# on PostgreSQL. Votes for an answer the poll does not have are left out; a duplicate counts once.
_ADD_VOTES = (
    "INSERT INTO poll_votes (post_id, answer_id, user_id) SELECT v.post_id, v.answer_id, v.user_id FROM {rows} AS v "
    "WHERE EXISTS (SELECT 1 FROM poll_options o WHERE o.post_id = v.post_id AND o.answer_id = v.answer_id) "
    "ON CONFLICT DO NOTHING"
)
_REMOVE_VOTES = (
    "DELETE FROM poll_votes WHERE (post_id, answer_id, user_id) IN "
    "(SELECT v.post_id, v.answer_id, v.user_id FROM {rows} AS v)"
)


async def apply_poll_votes(db: Database, votes: Sequence[PollVote]) -> None:
    """Apply vote events in order, in one transaction (the writer's group commit)."""
    async with db.transaction() as tx:
        for added, run in groupby(votes, key=lambda v: v.added):
            rows = [(v.post_id, v.answer_id, v.user_id) for v in run]
            await tx.execute_rows(_ADD_VOTES if added else _REMOVE_VOTES, rows, _VOTE_ROWS)


async def poll_voters(db: Database, post_id: int, answer_id: int) -> set[int]:
    rows = await db.fetch_all(
        "SELECT user_id FROM poll_votes WHERE post_id = ? AND answer_id = ?", (post_id, answer_id)
    )
    return {int(r["user_id"]) for r in rows}


async def replace_poll_voters(
    db: Database, post_id: int, answer_id: int, voters: Iterable[int], keep: set[int] | None = None
) -> tuple[int, int]:
    """Make the stored voters of one answer equal `voters` (except users in `keep`); (added, removed)."""
    wanted = set(voters)
    keep = keep or set()
    async with db.transaction() as tx:
        rows = await tx.fetch_all(
            "SELECT user_id FROM poll_votes WHERE post_id = ? AND answer_id = ?", (post_id, answer_id)
        )
        stored = {int(r[0]) for r in rows}
        to_add = sorted((wanted - stored) - keep)
        to_remove = sorted((stored - wanted) - keep)
        if to_add:
            await tx.execute_rows(_ADD_VOTES, [(post_id, answer_id, uid) for uid in to_add], _VOTE_ROWS)
        if to_remove:
            await tx.execute_rows(_REMOVE_VOTES, [(post_id, answer_id, uid) for uid in to_remove], _VOTE_ROWS)
    return len(to_add), len(to_remove)


async def poll_voter_count(db: Database, post_id: int) -> int:
    return int(await db.fetch_value("SELECT COUNT(DISTINCT user_id) FROM poll_votes WHERE post_id = ?", (post_id,)))


# -- answer mode ---------------------------------------------------------------------------------
def _answer(r: Row) -> ExitAnswer:
    return ExitAnswer(
        int(r["id"]), int(r["post_id"]), int(r["author_id"]), str(r["text"]), r["message_id"], int(r["votes"])
    )


async def add_exit_answer(db: Database, post_id: int, author_id: int, text: str) -> ExitAnswer:
    async with db.transaction() as tx:
        answer_id = await tx.fetch_value(
            "INSERT INTO exit_answers (post_id, author_id, text) VALUES (?, ?, ?) RETURNING id",
            (post_id, author_id, text),
        )
    return ExitAnswer(int(answer_id), post_id, author_id, text, None, 0)


async def record_exit_answer_message(db: Database, answer_id: int, message_id: int) -> None:
    await db.execute("UPDATE exit_answers SET message_id = ? WHERE id = ?", (message_id, answer_id))


async def remove_exit_answers_by_card(db: Database, message_ids: Sequence[int]) -> set[int]:
    """Answers whose card message was deleted (a moderator removed it in Discord) go, with their
    upvotes; returns the posts whose top answers to redraw."""
    posts: set[int] = set()
    cards = []
    for message_id in message_ids:  # a read first: almost every deleted message is not a card
        if await db.fetch_one("SELECT 1 FROM exit_answers WHERE message_id = ?", (message_id,)) is not None:
            cards.append(message_id)
    if not cards:
        return posts
    async with db.transaction() as tx:
        for message_id in cards:
            rows = await tx.fetch_all("DELETE FROM exit_answers WHERE message_id = ? RETURNING post_id", (message_id,))
            posts |= {int(r[0]) for r in rows}
    return posts


async def get_exit_answer(db: Database, answer_id: int) -> ExitAnswer | None:
    row = await db.fetch_one("SELECT * FROM exit_answers WHERE id = ?", (answer_id,))
    return None if row is None else _answer(row)


async def find_exit_answer(db: Database, post_id: int, text: str) -> ExitAnswer | None:
    row = await db.fetch_one("SELECT * FROM exit_answers WHERE post_id = ? AND lower(text) = lower(?)", (post_id, text))
    return None if row is None else _answer(row)


async def toggle_exit_answer_vote(db: Database, answer_id: int, user_id: int) -> tuple[bool, int]:
    """Add the member's upvote, or remove it if present: (now voted, new count), in one transaction."""
    async with db.transaction() as tx:
        removed = await tx.execute(
            "DELETE FROM exit_answer_votes WHERE answer_id = ? AND user_id = ?", (answer_id, user_id)
        )
        voted = removed == 0
        if voted:
            # ON CONFLICT: a second click racing this one (PostgreSQL runs them side by side) adds nothing.
            await tx.execute(
                "INSERT INTO exit_answer_votes (answer_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (answer_id, user_id),
            )
        count = await tx.fetch_value("SELECT votes FROM exit_answers WHERE id = ?", (answer_id,))
    return voted, int(count or 0)


async def top_exit_answers(db: Database, post_id: int, limit: int = 10) -> list[ExitAnswer]:
    rows = await db.fetch_all(
        "SELECT * FROM exit_answers WHERE post_id = ? ORDER BY votes DESC, id LIMIT ?", (post_id, limit)
    )
    return [_answer(r) for r in rows]


async def exit_answer_stats(db: Database, post_id: int) -> tuple[int, int]:
    """(number of answers, number of distinct voters) for a post."""
    row = await db.fetch_one(
        "SELECT (SELECT COUNT(*) FROM exit_answers WHERE post_id = ?1), "
        "(SELECT COUNT(DISTINCT v.user_id) FROM exit_answer_votes v JOIN exit_answers a ON a.id = v.answer_id "
        " WHERE a.post_id = ?1)",
        (post_id,),
    )
    return (int(row[0]), int(row[1])) if row else (0, 0)
