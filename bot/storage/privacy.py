"""Members' data: what the bot stores about a member, exporting it, forgetting it, and retention.

Every column that can name a member is listed in MEMBER_COLUMNS, with what forgetting does to it.
Moderation records (cases, review items) stay for the server's safety with the member replaced by a
pseudonym: a random negative number made for this one request and stored nowhere else, so the
cases of one forgotten member still read as one person's but cannot be tied back to them. A test
reads every column of every table from the schema and fails if a member's id survives anywhere,
so a new table that names members must be added here.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.sharding import Ownership
from bot.storage import discussion as discussion_store
from bot.storage.database import Database, sql_time
from bot.storage.shards import owned

REMOVED_TEXT = "removed at the author's request"
# A filter's verdict quotes what it matched (any part of the message, for a regular expression):
# a forgotten member's case keeps the rule and the action, not their words.
WORDS_REMOVED = "the words it matched were removed at the member's request"
FORMER_MEMBER = "a former member"
EXPIRED_TEXT = "(message text removed: older than the retention period)"

Forget = Literal["delete", "null", "zero", "pseudonym"]


@dataclass(frozen=True, slots=True)
class MemberColumn:
    table: str
    column: str
    what: str  # in plain words, for /privacy and the export
    forget: Forget  # delete the row, set NULL, set 0 (NOT NULL columns), or the pseudonym


MEMBER_COLUMNS: tuple[MemberColumn, ...] = (
    MemberColumn("poll_votes", "user_id", "votes in polls", "delete"),
    MemberColumn("exit_answers", "author_id", "suggested answers", "zero"),
    MemberColumn("exit_answer_votes", "user_id", "upvotes of suggested answers", "delete"),
    MemberColumn("reports", "reporter_id", "reports filed", "delete"),
    MemberColumn("mod_cases", "member_id", "moderation cases", "pseudonym"),
    MemberColumn("review_items", "author_id", "messages held or reported for review", "pseudonym"),
    MemberColumn("mod_cases", "moderator_id", "moderation cases opened as a moderator", "pseudonym"),
    MemberColumn("review_items", "decided_by", "review decisions as a moderator", "pseudonym"),
    MemberColumn("article_posts", "posted_by", "articles posted", "zero"),
    MemberColumn("updates", "author_id", "updates pushed", "null"),
    MemberColumn("updates", "retracted_by", "updates retracted", "null"),
    MemberColumn("feeds", "added_by", "feeds added", "zero"),
    MemberColumn("automod_rules", "created_by", "moderation rules added", "null"),
    MemberColumn("guild_config", "updated_by", "server settings changed", "null"),
    MemberColumn("thread_points", "author_id", "messages others replied to (the thread digest)", "delete"),
)

# Free text moderators wrote may mention the member; the mention becomes this.
_TEXT_COLUMNS = (("mod_cases", "reason"), ("review_items", "reason"), ("reports", "reason"))


@dataclass(frozen=True, slots=True)
class StoredCount:
    what: str
    count: int


async def summary(db: Database, user_id: int) -> list[StoredCount]:
    """How many rows of each kind name the member (kinds with none left out)."""
    counts = []
    for column in MEMBER_COLUMNS:
        row = await db.fetch_one(
            f"SELECT COUNT(*) FROM {column.table} WHERE {column.column} = ?",  # names from the list above
            (user_id,),
        )
        if row and row[0]:
            counts.append(StoredCount(column.what, int(row[0])))
    return counts


async def export(db: Database, user_id: int) -> dict[str, Any]:
    """Every stored row that names the member, by table, as plain JSON-ready values."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for column in MEMBER_COLUMNS:
        rows = await db.fetch_all(f"SELECT * FROM {column.table} WHERE {column.column} = ?", (user_id,))
        if rows:
            tables.setdefault(column.table, []).extend(
                {"matched_column": column.column, "what": column.what} | dict(row) for row in rows
            )
    return {
        "user_id": str(user_id),
        "exported_at": sql_time(dt.datetime.now(dt.UTC)),
        "tables": tables,
    }


@dataclass(slots=True)
class ForgetReport:
    pseudonym: int
    removed: dict[str, int] = field(default_factory=dict)  # "what" → rows changed or removed
    answer_posts: set[int] = field(default_factory=set)  # answer boards to redraw
    answers: set[int] = field(default_factory=set)  # the member's suggested answers, whose cards to redraw
    poll_posts: set[int] = field(default_factory=set)  # Discord polls that still hold the member's vote
    case_log_messages: list[tuple[int, int]] = field(default_factory=list)  # (guild, mod-log message) to redraw
    review_cards: list[int] = field(default_factory=list)  # review items whose card showed their words

    @property
    def total(self) -> int:
        return sum(self.removed.values())


def new_pseudonym() -> int:
    """Negative, so it can never be a Discord id; random, so it cannot be traced back."""
    return -(secrets.randbelow(2**53) + 1)


async def forget(db: Database, user_id: int) -> ForgetReport:
    """Remove or pseudonymise everything that names the member, in one transaction."""
    report = ForgetReport(new_pseudonym())
    p, u = report.pseudonym, user_id
    async with db.transaction() as tx:

        async def ids(sql: str) -> set[int]:
            return {int(r[0]) for r in await tx.fetch_all(sql, (u,))}

        report.poll_posts = await ids("SELECT DISTINCT post_id FROM poll_votes WHERE user_id = ?")
        report.answer_posts = await ids("SELECT DISTINCT post_id FROM exit_answers WHERE author_id = ?") | await ids(
            "SELECT DISTINCT a.post_id FROM exit_answer_votes v JOIN exit_answers a ON a.id = v.answer_id "
            "WHERE v.user_id = ?"
        )
        reported = await ids("SELECT item_id FROM reports WHERE reporter_id = ?")
        report.answers = await ids("SELECT id FROM exit_answers WHERE author_id = ?")

        async def run(what: str, sql: str, parameters: tuple[Any, ...]) -> None:
            changed = await tx.execute(sql, parameters)
            if changed > 0:
                report.removed[what] = report.removed.get(what, 0) + changed

        # Mentions in free text first, while the rows still name the member.
        for table, text_column in _TEXT_COLUMNS:
            await tx.execute(
                f"UPDATE {table} SET {text_column} = REPLACE(REPLACE({text_column}, ?, ?), ?, ?) "
                f"WHERE {text_column} LIKE ?",
                (f"<@{u}>", "@" + FORMER_MEMBER, f"<@!{u}>", "@" + FORMER_MEMBER, f"%<@%{u}>%"),
            )
        # Votes and upvotes go (the triggers keep the counts right); answers stay for the others'
        # upvotes, with their text gone.
        await run("votes in polls", "DELETE FROM poll_votes WHERE user_id = ?", (u,))
        await run("upvotes of suggested answers", "DELETE FROM exit_answer_votes WHERE user_id = ?", (u,))
        await run(
            "suggested answers",
            "UPDATE exit_answers SET text = ?, author_id = 0 WHERE author_id = ?",
            (REMOVED_TEXT, u),
        )
        # Reports they filed go; a report nobody else made goes with them.
        await run("reports filed", "DELETE FROM reports WHERE reporter_id = ?", (u,))
        for item_id in reported:
            await tx.execute(
                "DELETE FROM review_items WHERE id = ? AND kind = 'report' "
                "AND NOT EXISTS (SELECT 1 FROM reports WHERE item_id = ?)",
                (item_id, item_id),
            )
        # The digest's copies of their messages go (and the replies counted to them, by cascade), and
        # are not made again from their old messages when someone replies to one later.
        await run(
            "messages others replied to (the thread digest)", "DELETE FROM thread_points WHERE author_id = ?", (u,)
        )
        await discussion_store.opt_out(tx, u, dt.datetime.now(dt.UTC))
        # Moderation records stay, under the pseudonym, without the copy of their message, and
        # without the words a filter quoted from it (a filter's case: no moderator wrote it; an
        # escalation quotes nothing). Moderators' own reasons and notes stay, mentions replaced above.
        report.case_log_messages = [
            (int(r["guild_id"]), int(r["log_message_id"]))
            for r in await tx.fetch_all(
                "SELECT guild_id, log_message_id FROM mod_cases WHERE member_id = ? AND log_message_id IS NOT NULL",
                (u,),
            )
        ]
        await run(
            "moderation cases",
            "UPDATE mod_cases SET member_id = ?, excerpt = NULL, message_id = NULL, "
            "reason = CASE WHEN moderator_id IS NULL AND rule IS NOT NULL AND rule <> 'escalation' "
            "THEN rule || ': ' || ? ELSE reason END "
            "WHERE member_id = ?",
            (p, WORDS_REMOVED, u),
        )
        report.review_cards = sorted(
            await ids("SELECT id FROM review_items WHERE author_id = ? AND card_message_id IS NOT NULL")
        )
        await run(
            "messages held or reported for review",
            "UPDATE review_items SET author_id = ?, author_name = ?, author_avatar = NULL, content = ?, "
            "reason = CASE WHEN kind = 'held' THEN ? ELSE reason END "
            "WHERE author_id = ?",
            (p, FORMER_MEMBER, REMOVED_TEXT, WORDS_REMOVED, u),
        )
        for column in MEMBER_COLUMNS:
            if column.table in ("poll_votes", "exit_answer_votes", "reports", "exit_answers", "thread_points") or (
                column.table in ("mod_cases", "review_items") and column.column in ("member_id", "author_id")
            ):
                continue  # done above
            value = {"pseudonym": p, "zero": 0, "null": None}[column.forget]
            await run(
                column.what,
                f"UPDATE {column.table} SET {column.column} = ? WHERE {column.column} = ?",
                (value, u),
            )
    await db.flush_deleted()
    return report


@dataclass(frozen=True, slots=True)
class Expired:
    """Where a message copy was cleared, so the bot can clear its copy in Discord too."""

    cleared_cases: int
    cleared_items: int
    case_log_messages: list[tuple[int, int]]  # (guild_id, mod-log message id) of cases
    review_cards: list[int]  # review item ids whose card shows the text


async def expire_message_copies(
    db: Database, older_than: dt.datetime, *, limit: int = 500, ownership: Ownership | None = None
) -> Expired:
    """Clear the copies of members' messages kept in cases and review items created before
    `older_than`, at most `limit` of each per call (the oldest first); with `ownership`, only in the
    servers of those shards (whose mod-log lines and review cards this process can redraw)."""
    cutoff = sql_time(older_than)
    async with db.transaction() as tx:
        cases = await tx.fetch_all(
            "SELECT guild_id, number, log_message_id FROM mod_cases WHERE excerpt IS NOT NULL AND created_at < ? "
            f"AND {owned('guild_id', ownership)} ORDER BY created_at LIMIT ?",
            (cutoff, limit),
        )
        await tx.execute_many(
            "UPDATE mod_cases SET excerpt = NULL WHERE guild_id = ? AND number = ?",
            [(r["guild_id"], r["number"]) for r in cases],
        )
        items = await tx.fetch_all(
            "SELECT id, card_message_id FROM review_items WHERE created_at < ? AND content NOT IN (?, ?) "
            f"AND {owned('guild_id', ownership)} ORDER BY created_at LIMIT ?",
            (cutoff, EXPIRED_TEXT, REMOVED_TEXT, limit),
        )
        await tx.execute_many(
            "UPDATE review_items SET content = ?, author_avatar = NULL WHERE id = ?",
            [(EXPIRED_TEXT, r["id"]) for r in items],
        )
    return Expired(
        len(cases),
        len(items),
        [(int(r["guild_id"]), int(r["log_message_id"])) for r in cases if r["log_message_id"]],
        [int(r["id"]) for r in items if r["card_message_id"]],
    )
