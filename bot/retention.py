"""RETENTION_DAYS: copies of members' messages in cases and review cards go once they are that old.

Once an hour (and at start-up) the database's copies are cleared, then the bot's own copies in
Discord: the review card is redrawn without the text, and the case's mod-log line loses its
"Message" field. A Discord edit that fails for good (the message or channel is gone, no access) is
nothing to keep; one that fails for now is logged, and the database copy is gone regardless.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging

import discord

from bot.enforcement.cases import CaseLog
from bot.enforcement.review import ReviewQueue
from bot.metrics import BotMetrics
from bot.sharding import Ownership
from bot.storage import privacy as privacy_store
from bot.storage.database import Database

log = logging.getLogger(__name__)

EVERY_SECONDS = 3600.0
BATCH = 500


class Retention:
    def __init__(
        self,
        db: Database,
        client: discord.Client,
        *,
        days: int,
        metrics: BotMetrics,
        review_queue: ReviewQueue,
        cases: CaseLog,
        ownership: Ownership | None = None,
    ) -> None:
        self.db = db
        self.ownership = ownership  # a shard process clears (and redraws) in its own servers only
        self.client = client
        self.days = days
        self.metrics = metrics
        self.cases = cases  # the mod log's lines, which quoted the messages
        self.review_queue = review_queue  # redraws a review card without the message
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="retention")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        await self.client.wait_until_ready()
        while True:
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("Clearing old message copies failed; trying again in an hour")
            await asyncio.sleep(EVERY_SECONDS)

    async def run_once(self, now: dt.datetime | None = None) -> int:
        """Clear every copy older than the retention period; how many were cleared."""
        cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=self.days)
        total = 0
        while True:
            expired = await privacy_store.expire_message_copies(self.db, cutoff, limit=BATCH, ownership=self.ownership)
            cleared = expired.cleared_cases + expired.cleared_items
            if not cleared:
                return total
            total += cleared
            self.metrics.retention_cleared.labels("cases").inc(expired.cleared_cases)
            self.metrics.retention_cleared.labels("review_items").inc(expired.cleared_items)
            log.info(
                "Retention: cleared the message text of %d case(s) and %d review item(s) older than %d days",
                expired.cleared_cases,
                expired.cleared_items,
                self.days,
            )
            for item_id in expired.review_cards:
                await self.review_queue.redraw_card(item_id)
            for guild_id, message_id in expired.case_log_messages:
                await self.cases.strip_line(guild_id, message_id, fields=frozenset({"Message"}))
