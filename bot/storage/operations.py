"""What the metrics and the health check read from the database: the outbox, the review queue, a ping."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.sharding import Ownership
from bot.storage.database import Database
from bot.storage.shards import owned


@dataclass(frozen=True, slots=True)
class OutboxState:
    backlog: int  # rows waiting to be sent or being sent
    oldest_queued_at: dt.datetime | None  # when the oldest of them was queued

    def oldest_age(self, now: dt.datetime) -> float | None:
        """Seconds the oldest waiting row has waited, or None when nothing waits."""
        if self.oldest_queued_at is None:
            return None
        return max(0.0, (now - self.oldest_queued_at).total_seconds())


def parse_sql_time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


async def outbox_state(db: Database, ownership: Ownership | None = None) -> OutboxState:
    """The update outbox's waiting rows (of the servers of `ownership`'s shards when given: a shard
    process answers for its own deliveries, not for those of a process that is down)."""
    row = await db.fetch_one(
        "SELECT COUNT(*), MIN(d.queued_at) FROM update_deliveries d JOIN article_posts p ON p.id = d.post_id "
        f"WHERE d.status IN ('pending', 'sending') AND {owned('p.guild_id', ownership)}"
    )
    if row is None or not row[0]:
        return OutboxState(0, None)
    return OutboxState(int(row[0]), parse_sql_time(str(row[1])) if row[1] else None)


async def open_review_items(db: Database) -> int:
    row = await db.fetch_one("SELECT COUNT(*) FROM review_items WHERE status = 'open'")
    return int(row[0]) if row else 0


async def ping(db: Database) -> None:
    """A round trip through the connection's thread: raises if the database does not answer."""
    await db.fetch_one("SELECT 1")
