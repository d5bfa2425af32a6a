"""Leases on work that belongs to no server (the seeds folder, each feed), so that of several shard
processes sharing one database exactly one live process does it.

A lease is taken (or renewed) when a loop is about to do the work, and renewed in the background
while the process lives, so a long pass does not outlast it; a process that dies stops renewing and
another takes the work once the lease lapses (LEASE_SECONDS). At a clean stop the leases are let go
at once. A single unsharded process owns everything: it holds every lease without asking the
database (nothing changes for it).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket

from bot.storage import leases as lease_store
from bot.storage.database import Database

log = logging.getLogger(__name__)


def process_name(label: str) -> str:
    """A holder name no other process has, now or after this one restarts (a restarted process waits
    for its previous run's leases to lapse like any other: it cannot know that run is dead)."""
    return f"{label}@{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class Leases:
    def __init__(self, db: Database, *, holder: str, seconds: float, shared: bool) -> None:
        self.db = db
        self.holder = holder
        self.seconds = seconds
        self.shared = shared  # False: the only process; every lease is its own
        self._held: set[str] = set()
        self._renewing: asyncio.Task[None] | None = None

    def holds(self, name: str) -> bool:
        """Whether this process held `name` at its last take or renewal."""
        return not self.shared or name in self._held

    async def hold(self, name: str) -> bool:
        """Take or renew the lease `name`; True when this process may do that work now."""
        if not self.shared:
            return True
        held = await lease_store.acquire_lease(self.db, name, self.holder, self.seconds)
        if held and name not in self._held:
            log.info("Took the lease on %s", name)
            self._held.add(name)
            if self._renewing is None:
                self._renewing = asyncio.create_task(self._renew(), name="lease-renewal")
        elif not held and name in self._held:
            log.warning("Lost the lease on %s to another process (renewed too late); leaving that work to it", name)
            self._held.discard(name)
        return held

    async def _renew(self) -> None:
        while True:
            await asyncio.sleep(self.seconds / 3)
            for name in sorted(self._held):
                try:
                    await self.hold(name)
                except Exception:  # the database is away: tried again next time, the lease lapses meanwhile
                    log.exception("Renewing the lease on %s failed", name)

    async def stop(self) -> None:
        """Let every lease go (a clean stop: the others need not wait for them to lapse)."""
        if self._renewing is not None:
            self._renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._renewing
            self._renewing = None
        for name in sorted(self._held):
            try:
                await lease_store.release_lease(self.db, name, self.holder)
            except Exception:
                log.exception("Releasing the lease on %s failed; it lapses in %.0f s", name, self.seconds)
        self._held.clear()
