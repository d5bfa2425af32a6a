"""The review queue: held and reported messages, and who decided what (tables review_items, reports)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.storage.database import SQL_NOW, Database, Row, Transaction
from bot.storage.rows import as_record


@dataclass(frozen=True, slots=True)
class ReviewedMessage:
    """The message a held or reported item is about, as it was when it came in."""

    guild_id: int
    channel_id: int
    message_id: int
    author_id: int
    author_name: str
    author_avatar: str | None
    content: str


@dataclass(frozen=True, slots=True)
class ReviewItem(ReviewedMessage):
    """A held or reported message in the queue: the message, and where its card is and who decided."""

    id: int
    kind: str
    reason: str | None
    case_number: int | None
    card_channel_id: int | None
    card_message_id: int | None
    status: str
    decided_by: int | None
    decided_at: dt.datetime | None


def _item(row: Row) -> ReviewItem:
    return as_record(ReviewItem, row)


async def get_item(db: Database, item_id: int) -> ReviewItem | None:
    row = await db.fetch_one("SELECT * FROM review_items WHERE id = ?", (item_id,))
    return None if row is None else _item(row)


async def _add_item(
    tx: Transaction, kind: str, message: ReviewedMessage, reason: str | None, case_number: int | None
) -> int:
    """The id of the server's `kind` item for the message, added if it is new."""
    await tx.execute(
        "INSERT INTO review_items (guild_id, kind, channel_id, message_id, author_id, author_name, "
        "author_avatar, content, reason, case_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (
            message.guild_id,
            kind,
            message.channel_id,
            message.message_id,
            message.author_id,
            message.author_name,
            message.author_avatar,
            message.content,
            reason,
            case_number,
        ),
    )
    # READ COMMITTED on PostgreSQL: this statement sees the row even if another transaction added it first.
    item_id = await tx.fetch_value(
        "SELECT id FROM review_items WHERE guild_id = ? AND kind = ? AND message_id = ?",
        (message.guild_id, kind, message.message_id),
    )
    assert item_id is not None
    return int(item_id)


async def add_held(db: Database, message: ReviewedMessage, *, reason: str, case_number: int | None) -> ReviewItem:
    async with db.transaction() as tx:
        item_id = await _add_item(tx, "held", message, reason, case_number)
    item = await get_item(db, item_id)
    assert item is not None
    return item


async def add_report(
    db: Database, message: ReviewedMessage, *, reporter_id: int, reason: str | None
) -> tuple[ReviewItem, int, bool]:
    """(the item, how many members reported it, whether this reporter is new), in one transaction."""
    async with db.transaction() as tx:
        item_id = await _add_item(tx, "report", message, None, None)
        new = (
            await tx.execute(
                "INSERT INTO reports (item_id, reporter_id, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (item_id, reporter_id, reason),
            )
            > 0
        )
        count = await tx.fetch_value("SELECT COUNT(*) FROM reports WHERE item_id = ?", (item_id,))
    item = await get_item(db, item_id)
    assert item is not None
    return item, int(count), new


async def report_reasons(db: Database, item_id: int) -> list[str]:
    rows = await db.fetch_all(
        "SELECT reason FROM reports WHERE item_id = ? AND reason IS NOT NULL AND reason != '' ORDER BY created_at",
        (item_id,),
    )
    return [str(r["reason"]) for r in rows]


async def record_card(db: Database, item_id: int, channel_id: int, message_id: int) -> None:
    await db.execute(
        "UPDATE review_items SET card_channel_id = ?, card_message_id = ? WHERE id = ?",
        (channel_id, message_id, item_id),
    )


async def reopen(db: Database, item_id: int) -> None:
    """Undo a decision that could not be carried out (an approved message Discord would not repost):
    the item is open again, for the next decision."""
    await db.execute(
        "UPDATE review_items SET status = 'open', decided_by = NULL, decided_at = NULL WHERE id = ?", (item_id,)
    )


async def decide(db: Database, item_id: int, status: str, moderator_id: int) -> bool:
    """Claim the decision; False when another moderator decided first."""
    changed = await db.execute(
        f"UPDATE review_items SET status = ?, decided_by = ?, decided_at = {SQL_NOW} WHERE id = ? AND status = 'open'",
        (status, moderator_id, item_id),
    )
    return changed > 0
