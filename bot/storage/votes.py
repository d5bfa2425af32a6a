"""Votes: poll mode (poll_options, poll_votes) and answer mode (exit_answers, exit_answer_votes).

Counts live next to the votes and are maintained by triggers, so reading a tally is a
primary-key range read however many votes there are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

import aiosqlite

from bot.storage.database import Database


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


async def apply_poll_votes(db: Database, votes: Sequence[PollVote]) -> None:
    """Apply vote events in order, in one transaction (the writer's group commit)."""
    async with db.transaction() as connection:
        for added, run in groupby(votes, key=lambda v: v.added):
            rows = [(v.post_id, v.answer_id, v.user_id) for v in run]
            if added:
                await connection.executemany(
                    "INSERT OR IGNORE INTO poll_votes (post_id, answer_id, user_id) "
                    "SELECT ?1, ?2, ?3 WHERE EXISTS "
                    "(SELECT 1 FROM poll_options WHERE post_id = ?1 AND answer_id = ?2)",
                    rows,
                )
            else:
                await connection.executemany(
                    "DELETE FROM poll_votes WHERE post_id = ? AND answer_id = ? AND user_id = ?", rows
                )


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
    async with db.transaction() as connection:
        async with connection.execute(
            "SELECT user_id FROM poll_votes WHERE post_id = ? AND answer_id = ?", (post_id, answer_id)
        ) as cursor:
            stored = {int(r[0]) for r in await cursor.fetchall()}
        to_add = sorted((wanted - stored) - keep)
        to_remove = sorted((stored - wanted) - keep)
        await connection.executemany(
            "INSERT OR IGNORE INTO poll_votes (post_id, answer_id, user_id) VALUES (?, ?, ?)",
            [(post_id, answer_id, uid) for uid in to_add],
        )
        await connection.executemany(
            "DELETE FROM poll_votes WHERE post_id = ? AND answer_id = ? AND user_id = ?",
            [(post_id, answer_id, uid) for uid in to_remove],
        )
    return len(to_add), len(to_remove)


async def poll_voter_count(db: Database, post_id: int) -> int:
    row = await db.fetch_one("SELECT COUNT(DISTINCT user_id) FROM poll_votes WHERE post_id = ?", (post_id,))
    return int(row[0]) if row else 0


# -- answer mode ---------------------------------------------------------------------------------
def _answer(r: aiosqlite.Row) -> ExitAnswer:
    return ExitAnswer(
        int(r["id"]), int(r["post_id"]), int(r["author_id"]), str(r["text"]), r["message_id"], int(r["votes"])
    )


async def add_exit_answer(db: Database, post_id: int, author_id: int, text: str) -> ExitAnswer:
    async with db.transaction() as connection:
        cursor = await connection.execute(
            "INSERT INTO exit_answers (post_id, author_id, text) VALUES (?, ?, ?)", (post_id, author_id, text)
        )
        answer_id = int(cursor.lastrowid or 0)
    return ExitAnswer(answer_id, post_id, author_id, text, None, 0)


async def record_exit_answer_message(db: Database, answer_id: int, message_id: int) -> None:
    await db.execute("UPDATE exit_answers SET message_id = ? WHERE id = ?", (message_id, answer_id))


async def get_exit_answer(db: Database, answer_id: int) -> ExitAnswer | None:
    row = await db.fetch_one("SELECT * FROM exit_answers WHERE id = ?", (answer_id,))
    return None if row is None else _answer(row)


async def find_exit_answer(db: Database, post_id: int, text: str) -> ExitAnswer | None:
    row = await db.fetch_one("SELECT * FROM exit_answers WHERE post_id = ? AND lower(text) = lower(?)", (post_id, text))
    return None if row is None else _answer(row)


async def toggle_exit_answer_vote(db: Database, answer_id: int, user_id: int) -> tuple[bool, int]:
    """Add the member's upvote, or remove it if present: (now voted, new count), in one transaction."""
    async with db.transaction() as connection:
        cursor = await connection.execute(
            "DELETE FROM exit_answer_votes WHERE answer_id = ? AND user_id = ?", (answer_id, user_id)
        )
        voted = cursor.rowcount == 0
        if voted:
            await connection.execute(
                "INSERT INTO exit_answer_votes (answer_id, user_id) VALUES (?, ?)", (answer_id, user_id)
            )
        async with connection.execute("SELECT votes FROM exit_answers WHERE id = ?", (answer_id,)) as c:
            row = await c.fetchone()
    return voted, int(row[0]) if row else 0


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
