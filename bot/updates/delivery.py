"""The delivery worker: sends each queued update into each thread exactly once.

Each pass claims the due rows for this worker (a claim other workers respect, renewed while the
pass runs, released at its end), so several bot processes can share the outbox. A row is marked
'sending' before the Discord call, only while the claim is still held, and settled after it. A
send carries the nonce `u<delivery id>` so Discord drops a repeat; a row found 'sending' after a
crash is checked against the thread's recent messages (each update message names its update
in the footer) before it is sent again. Threads are served concurrently, each in order, so a
slow or failing thread never holds up the others; discord.py paces each route's rate limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable

import discord

from bot.log_context import log_fields
from bot.metrics import BotMetrics
from bot.responses import NO_PINGS
from bot.sharding import Ownership
from bot.storage import updates as update_store
from bot.storage.database import Database
from bot.storage.updates import DeliveryJob, UpdateRecord
from bot.updates.live_blog import LiveBlog
from bot.updates.text import update_parts

log = logging.getLogger(__name__)

UPDATE_COLOUR = discord.Colour.orange()
RETRACTED_COLOUR = discord.Colour.dark_grey()
MAX_ATTEMPTS = 8
# A stop lets the sends in flight finish for up to this long (within the client's step limit).
DRAIN_SECONDS = 8.0
HISTORY_CHECK = 50
OUTBOX_CHANNEL = "update_outbox"  # PostgreSQL's NOTIFY channel: new rows are in the outbox
# Discord answers these for a thread that will not take the message whatever we do.
PERMANENT = {
    10003: "the thread was deleted",
    50001: "no access to the thread",
    50013: "missing permissions",
    50083: "the thread is archived and locked",
    160005: "the thread is locked",
}


def footer_marker(update_id: int) -> str:
    return f"Update {update_id}"


def update_embeds(update: UpdateRecord) -> list[discord.Embed]:
    """One embed per part (a 4,000-character update may need two), each naming the update."""
    created = update.created_at
    if update.retracted:
        embed = discord.Embed(
            title=f"{update.label} (retracted)",
            colour=RETRACTED_COLOUR,
            timestamp=created,
            description="~~" + update_parts(update.text, 3900)[0].replace("~", "") + "~~\n\n"
            "*This update was retracted by the editors.*",
        )
        embed.set_footer(text=footer_marker(update.id) + " · retracted")
        return [embed]
    parts = update_parts(update.text)
    embeds = []
    for index, part in enumerate(parts, start=1):
        embed = discord.Embed(
            title=update.label if index == 1 else None,
            description=part,
            colour=UPDATE_COLOUR,
            timestamp=created if index == len(parts) else None,
        )
        footer = footer_marker(update.id)
        if update.edited_at:
            footer += " · edited"
        if len(parts) > 1:
            footer += f" · part {index} of {len(parts)}"
        embed.set_footer(text=footer)
        embeds.append(embed)
    return embeds


class DeliveryWorker:
    def __init__(
        self,
        db: Database,
        client: discord.Client,
        *,
        live_blog: LiveBlog,
        metrics: BotMetrics,
        thread_gone: Callable[[int], Awaitable[object]] | None = None,
        concurrency: int = 16,
        idle_poll: float = 2.0,
        claimant: str = "main",
        ownership: Ownership | None = None,
    ) -> None:
        self.db = db
        self.client = client  # the threads, and the bot's own messages in them
        self.live_blog = live_blog  # redrawn once a post's sends are done
        self.metrics = metrics
        # A thread Discord says is unknown (deleted, the event missed): its post is marked removed,
        # which ends its other waiting updates too.
        self.thread_gone = thread_gone
        # Names this worker's claims on outbox rows; the same after a restart, so the next run takes
        # back what a crash left (processes that share the outbox each need their own name).
        self.claimant = claimant
        self.ownership = ownership  # a shard process sends only into the servers of its shards
        self.concurrency = concurrency
        self.idle_poll = idle_poll
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._busy = False
        self._idle = asyncio.Event()
        self._touched: set[int] = set()  # posts whose live blog needs a refresh once sends are done
        self.sent = 0
        self._stopping = False
        self._unlisten: Callable[[], Awaitable[None]] | None = None
        self._notifying: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        recovered = await update_store.recover_unknown_outcomes(self.db, self.claimant)
        if recovered:
            log.info("%d update deliveries were interrupted; checking them before sending again", recovered)
        if self._unlisten is None:
            # Other processes sharing the outbox say when they queue updates (PostgreSQL's NOTIFY),
            # so this worker starts on its servers' rows at once instead of at its next poll.
            self._unlisten = await self.db.listen(OUTBOX_CHANNEL, self._wake_here)
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="update-delivery")

    async def stop(self, drain: float = DRAIN_SECONDS) -> None:
        """Stop as a clean shutdown should: the sends in flight finish and are recorded, each thread
        stops before its next one, and what is left stays pending for the next start. A send still
        stuck after `drain` seconds is cancelled (its row stays 'sending', which the next start
        checks against the thread before sending again)."""
        task, self._task = self._task, None
        unlisten, self._unlisten = self._unlisten, None
        if unlisten is not None:
            with contextlib.suppress(Exception):  # the database may be going away too
                await unlisten()
        if task is None:
            return
        self._stopping = True
        self._wake.set()  # an idle worker stops at once
        try:
            await asyncio.wait_for(asyncio.shield(task), drain)
        except TimeoutError:
            log.warning("Stopping: update sends still in flight after %.0f s; cancelling them", drain)
        except asyncio.CancelledError:
            task.cancel()
            raise
        finally:
            if not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    def wake(self) -> None:
        """New rows are in the outbox (committed): send them, and tell the other processes."""
        self._wake_here()
        # Only where the database carries notifications (other processes may listen), and once this
        # worker has started: rows queued before that are found by the others' poll.
        if self._unlisten is not None:
            task = asyncio.create_task(self._notify_others(), name="update-outbox-notify")
            self._notifying.add(task)
            task.add_done_callback(self._notifying.discard)

    def _wake_here(self) -> None:
        self._idle.clear()
        self._wake.set()

    async def _notify_others(self) -> None:
        try:
            await self.db.notify(OUTBOX_CHANNEL)
        except Exception as error:  # they find the rows at their next poll
            log.warning("Could not tell the other processes of new updates (%s); they poll for them", error)

    async def wait_idle(self, timeout: float = 30.0) -> None:
        """Until nothing is due and the live blogs are refreshed (for tests and benchmarks)."""
        await asyncio.wait_for(self._idle.wait(), timeout)
        await self.live_blog.wait_idle()

    async def _run(self) -> None:
        while not self._stopping:
            try:
                await self._cycle()
            except asyncio.CancelledError:
                raise
            except Exception:  # the worker must outlive any one bad row
                log.exception("The delivery worker hit an unexpected error; carrying on")
                await asyncio.sleep(1.0)

    async def _cycle(self) -> None:
        """One pass: read what is due, serve each thread in order, threads side by side."""
        self._wake.clear()  # before reading: a wake-up during the read is not lost
        try:
            jobs = await update_store.claim_deliveries(self.db, self.claimant, limit=500, ownership=self.ownership)
        except Exception:
            log.exception("Reading the update outbox failed")
            jobs = []
        if not jobs:
            # Sends first: the live-blog edits share Discord's global rate limit with them.
            for post_id in sorted(self._touched):
                self.live_blog.schedule(post_id)
            self._touched.clear()
            if not self._wake.is_set():
                self._idle.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.idle_poll)
            return
        self._idle.clear()
        by_post: dict[int, list[DeliveryJob]] = defaultdict(list)
        for job in jobs:
            by_post[job.post_id].append(job)
        limit = asyncio.Semaphore(self.concurrency)

        async def serve(post_id: int, queue: list[DeliveryJob], limit: asyncio.Semaphore = limit) -> None:
            async with limit:
                for job in queue:
                    if self._stopping:
                        break  # a clean stop: the rest stays pending for the next start
                    try:
                        with log_fields(update_id=job.update.id, guild_id=job.guild_id, channel_id=job.thread_id):
                            settled = await self._deliver(job)
                    except Exception as error:  # not Discord's answer: a bug or the database
                        log.exception("Delivery %s failed unexpectedly", job.id)
                        settled = await self._retry(job, f"{type(error).__name__}: {error}", job.status == "sent")
                    if not settled:
                        break  # the rest of this thread waits for its retry
                self._touched.add(post_id)

        renewing = asyncio.create_task(self._renew_claims(), name="update-delivery-claims")
        try:
            await asyncio.gather(*(serve(post_id, queue) for post_id, queue in by_post.items()))
        finally:
            renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewing
            try:
                await update_store.release_claims(self.db, self.claimant)
            except Exception:  # the next start takes them back; meanwhile they lapse by themselves
                log.exception("Releasing the outbox claims failed")

    async def _renew_claims(self) -> None:
        """While a pass runs, keep its claims from lapsing (a long pass in slow rate limits)."""
        while True:
            await asyncio.sleep(update_store.CLAIM_SECONDS / 4)
            try:
                await update_store.renew_claims(self.db, self.claimant)
            except Exception:
                log.exception("Renewing the outbox claims failed")

    async def _thread(self, job: DeliveryJob) -> discord.Thread | None:
        if job.thread_id is None:
            return None
        channel = self.client.get_channel(job.thread_id)
        if channel is None:
            channel = await self.client.fetch_channel(job.thread_id)
        return channel if isinstance(channel, discord.Thread) else None

    async def _deliver(self, job: DeliveryJob) -> bool:
        """True when settled (sent, edited or failed for good); False when it will be retried."""
        was_sent = job.status == "sent"
        try:
            thread = await self._thread(job)
            if thread is None:
                await update_store.mark_failed(self.db, job.id, "the thread is gone")
                return True
            if was_sent:
                await self._edit(thread, job)
            else:
                if not await update_store.mark_sending(self.db, job.id, self.claimant):
                    log.warning("Delivery %s: this worker's claim lapsed; another worker holds it now", job.id)
                    return True
                ids = await self._already_sent(thread, job) if job.attempts > 0 else None
                if ids is None:
                    ids = []
                    # A reply to the article's message in the thread (the forum post, or the exit question
                    # under a text-channel thread), so each update reads as part of the article.
                    reference = (
                        discord.MessageReference(
                            message_id=job.reply_to, channel_id=thread.id, fail_if_not_exists=False
                        )
                        if job.reply_to
                        else None
                    )
                    for index, embed in enumerate(update_embeds(job.update), start=1):
                        nonce = f"u{job.id}" if index == 1 else f"u{job.id}.{index}"
                        if reference is not None and index == 1:
                            message = await thread.send(
                                embed=embed, allowed_mentions=NO_PINGS, nonce=nonce, reference=reference
                            )
                        else:
                            message = await thread.send(embed=embed, allowed_mentions=NO_PINGS, nonce=nonce)
                        ids.append(message.id)
                await update_store.mark_sent(self.db, job.id, ids, job.update.revision)
                self.sent += 1
                log.debug("Update %s delivered to thread %s", job.update.id, job.thread_id)
                if (queued := job.queued_at) is not None:
                    self.metrics.update_delivery.observe((dt.datetime.now(dt.UTC) - queued).total_seconds())
            return True
        except discord.HTTPException as error:
            reason = PERMANENT.get(error.code)
            if reason is not None or error.status in (403, 404):
                await update_store.mark_failed(self.db, job.id, reason or f"{error.status} {error.text}")
                self.metrics.update_delivery_failed.inc()
                if error.code == 10003:
                    if self.thread_gone is not None and job.thread_id is not None:
                        await self.thread_gone(job.thread_id)
                    await update_store.fail_deliveries_of_post(self.db, job.post_id, reason or "gone")
                log.warning("Update %s will not reach post %s: %s", job.update.id, job.post_id, reason or error)
                return True
            return await self._retry(job, f"{error.status} {error.text}", was_sent)
        except (OSError, TimeoutError) as error:
            return await self._retry(job, f"{type(error).__name__}: {error}", was_sent)

    async def _retry(self, job: DeliveryJob, reason: str, was_sent: bool) -> bool:
        if job.attempts + 1 >= MAX_ATTEMPTS:
            await update_store.mark_failed(self.db, job.id, f"gave up after {MAX_ATTEMPTS} attempts: {reason}")
            self.metrics.update_delivery_failed.inc()
            return True
        delay = min(300.0, 2.0 ** (job.attempts + 1))
        await update_store.mark_retry(self.db, job.id, reason, delay, was_sent=was_sent)
        log.info("Delivery %s failed (%s); retrying in %.0f s", job.id, reason, delay)
        return False

    async def _already_sent(self, thread: discord.Thread, job: DeliveryJob) -> list[int] | None:
        """After a crash mid-send: the messages of this update already in the thread, if any."""
        marker = footer_marker(job.update.id)
        me = self.client.user.id if self.client.user else 0
        found: list[int] = []
        async for message in thread.history(limit=HISTORY_CHECK):
            if message.author.id == me and any(
                (embed.footer.text or "") == marker or (embed.footer.text or "").startswith(marker + " ·")
                for embed in message.embeds
            ):
                found.append(message.id)
        if not found:
            return None
        log.info("Delivery %s was already in thread %s; not sending it again", job.id, thread.id)
        return sorted(found)

    async def _edit(self, thread: discord.Thread, job: DeliveryJob) -> None:
        embeds = update_embeds(job.update)
        ids = list(job.message_ids)
        if thread.archived and not thread.locked:
            await thread.edit(archived=False)
        for index, message_id in enumerate(ids):
            if index < len(embeds):
                await thread.get_partial_message(message_id).edit(embed=embeds[index], allowed_mentions=NO_PINGS)
            else:  # the edited update is shorter: the extra part goes
                await thread.get_partial_message(message_id).delete()
        for index in range(len(ids), len(embeds)):  # or longer: one more part
            message = await thread.send(
                embed=embeds[index], allowed_mentions=NO_PINGS, nonce=f"u{job.id}.r{job.update.revision}.{index + 1}"
            )
            ids.append(message.id)
        await update_store.mark_sent(self.db, job.id, ids[: len(embeds)], job.update.revision)
