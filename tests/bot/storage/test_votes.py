from __future__ import annotations

import asyncio

from bot.storage import Database
from bot.storage import votes as vote_store
from bot.storage.posts import create_post
from bot.storage.votes import PollVote
from bot.voting.poll_votes import PollVoteWriter


async def new_poll(db: Database, options=("A", "B", "C")) -> int:
    post = await create_post(
        db,
        guild_id=1,
        channel_id=2,
        article_slug="s",
        article_title="t",
        exit_question="q",
        vote_mode="poll",
        duration_hours=24,
        posted_by=3,
        poll_options=list(options),
    )
    return post.id


async def test_counts_follow_votes_duplicates_and_unknown_answers(db: Database):
    post = await new_poll(db)
    await vote_store.apply_poll_votes(
        db,
        [
            PollVote(True, post, 1, 10),
            PollVote(True, post, 1, 10),  # a duplicate add counts once
            PollVote(False, post, 2, 10),  # removing a vote that is not there changes nothing
            PollVote(True, post, 2, 11),
            PollVote(False, post, 2, 11),
            PollVote(True, post, 3, 11),
            PollVote(True, post, 99, 12),  # an answer the poll does not have
        ],
    )
    assert [(t.answer_id, t.votes) for t in await vote_store.poll_tally(db, post)] == [(1, 1), (2, 0), (3, 1)]
    assert await vote_store.poll_voter_count(db, post) == 2


async def test_replace_voters_keeps_members_who_changed_meanwhile(db: Database):
    post = await new_poll(db)
    await vote_store.apply_poll_votes(db, [PollVote(True, post, 1, u) for u in (1, 2, 3)])
    added, removed = await vote_store.replace_poll_voters(db, post, 1, [2, 3, 4, 5], keep={5, 1})
    assert (added, removed) == (1, 0)  # 4 added; 1 kept although Discord's list lacked it; 5 untouched
    assert await vote_store.poll_voters(db, post, 1) == {1, 2, 3, 4}


async def test_writer_commits_in_order_and_runs_jobs_after_earlier_votes(db: Database):
    post = await new_poll(db)
    writer = PollVoteWriter(db, max_batch=7)
    writer.start()
    seen: list[int] = []

    async def job() -> None:
        seen.append(sum(t.votes for t in await vote_store.poll_tally(db, post)))

    for user in range(50):
        writer.submit(PollVote(True, post, user % 3 + 1, user))
    writer.submit_job(job)
    for user in range(25):
        writer.submit(PollVote(False, post, user % 3 + 1, user))
    await writer.flush()
    assert seen == [50]
    assert sum(t.votes for t in await vote_store.poll_tally(db, post)) == 25
    assert writer.committed == 75
    await writer.stop()


async def test_answer_votes_toggle_and_rank(db: Database):
    post = await new_poll(db)
    first = await vote_store.add_exit_answer(db, post, 1, "First")
    second = await vote_store.add_exit_answer(db, post, 2, "Second")
    assert await vote_store.toggle_exit_answer_vote(db, second.id, 7) == (True, 1)
    assert await vote_store.toggle_exit_answer_vote(db, second.id, 8) == (True, 2)
    assert await vote_store.toggle_exit_answer_vote(db, first.id, 7) == (True, 1)
    assert await vote_store.toggle_exit_answer_vote(db, second.id, 8) == (False, 1)
    assert [a.text for a in await vote_store.top_exit_answers(db, post)] == ["First", "Second"]  # ties: oldest first
    assert await vote_store.exit_answer_stats(db, post) == (2, 1)
    assert (await vote_store.find_exit_answer(db, post, "FIRST")).id == first.id
    await asyncio.sleep(0)
