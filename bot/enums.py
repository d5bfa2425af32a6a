"""The fixed sets of names the bot stores, compares and shows: a post's status, its vote mode, a case's
action. Each is a `StrEnum`, equal to the string the database holds (`VoteMode.POLL == "poll"`), so
every layer, storage included, can use them; what a name means to a member is said here, once."""

from __future__ import annotations

from enum import StrEnum


class PostStatus(StrEnum):
    """Where an article's discussion stands (article_posts.status)."""

    PENDING = "pending"  # started, not finished: the next /article post completes it
    POSTED = "posted"  # the thread is there and its vote is open
    CLOSED = "closed"  # the vote is over
    ABANDONED = "abandoned"  # Discord refused the thread: nothing was left behind

    @property
    def description(self) -> str:
        return _POST_STATES[self]


_POST_STATES = {
    PostStatus.PENDING: "unfinished",
    PostStatus.POSTED: "vote open",
    PostStatus.CLOSED: "vote closed",
    PostStatus.ABANDONED: "abandoned",
}
# A discussion members can see: posted, or posted and closed.
PUBLISHED = frozenset({PostStatus.POSTED, PostStatus.CLOSED})


class VoteMode(StrEnum):
    """How members vote on an article's exit question (article_posts.vote_mode)."""

    POLL = "poll"  # a native Discord poll over given options
    ANSWERS = "answers"  # members suggest answers and upvote each other's
    NONE = "none"  # the article has no exit question

    @property
    def description(self) -> str:
        return _MODE_NAMES[self]

    @property
    def results_name(self) -> str:
        """What a results embed calls its rows."""
        return "poll" if self is VoteMode.POLL else "top answers"


_MODE_NAMES = {
    VoteMode.POLL: "poll",
    VoteMode.ANSWERS: "suggested answers with upvotes",
    VoteMode.NONE: "no vote (no exit question)",
}


class CaseAction(StrEnum):
    """What a moderation case records (mod_cases.action): a filter's verdict, or a moderator's act."""

    LOG = "log"
    ALERT = "alert"
    WARN = "warn"
    HOLD = "hold"
    DELETE = "delete"
    TIMEOUT = "timeout"
    REFUSE = "refuse"  # member text the bot was asked to repost, not posted
    UNTIMEOUT = "untimeout"
    NOTE = "note"
    PURGE = "purge"
    LOCK = "lock"
    UNLOCK = "unlock"
