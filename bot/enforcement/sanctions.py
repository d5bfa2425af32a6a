"""Warnings and timeouts, whoever gives them (a filter, a moderator's command, a review card): a
warning expires, and enough active ones bring a timeout (the server's settings say how many and how
long). Each is a case (bot.enforcement.cases), stored before Discord is asked."""

from __future__ import annotations

import datetime as dt

import discord

from bot.config_cache import ConfigCache
from bot.enforcement.cases import CaseLog
from bot.enums import CaseAction
from bot.log_context import bind
from bot.storage.moderation import Case


class Sanctions:
    def __init__(self, *, configs: ConfigCache, cases: CaseLog) -> None:
        self.configs = configs
        self.cases = cases

    async def warn(
        self,
        guild: discord.Guild,
        member_id: int,
        *,
        moderator_id: int | None,
        reason: str,
        rule: str | None = None,
        excerpt: str | None = None,
        channel_id: int | None = None,
        message_id: int | None = None,
        verdict_lines: list[str] | None = None,
    ) -> tuple[Case, Case | None]:
        """A warning, and the timeout it brings if it is one too many (None otherwise)."""
        config = await self.configs.get(guild.id)
        now = dt.datetime.now(dt.UTC)
        case = await self.cases.open(
            guild,
            member_id=member_id,
            moderator_id=moderator_id,
            rule=rule,
            action=CaseAction.WARN,
            reason=reason,
            excerpt=excerpt,
            channel_id=channel_id,
            message_id=message_id,
            expires_at=now + dt.timedelta(hours=config.number("warning_hours") or 24),
            verdict_lines=verdict_lines,
        )
        bind(guild_id=guild.id, case_number=case.number)
        threshold = config.number("warnings_before_timeout")
        active = await self.cases.active_warnings(guild.id, member_id, now)
        if threshold <= 0 or active < threshold:
            return case, None
        minutes = config.number("escalation_timeout_minutes") or 10
        until = now + dt.timedelta(minutes=minutes)
        async with self.cases.opening(
            guild,
            member_id=member_id,
            moderator_id=None,
            rule="escalation",
            action=CaseAction.TIMEOUT,
            reason=f"{active} active warnings (the limit is {threshold}): {minutes} min timeout",
            expires_at=until,
        ) as escalation:
            try:
                member = guild.get_member(member_id) or await guild.fetch_member(member_id)
                await member.timeout(until, reason=escalation.case.reason)
            except discord.HTTPException as error:
                escalation.could_not("time the member out", error)
        return case, escalation.case

    async def set_timeout(
        self,
        guild: discord.Guild,
        member: discord.Member,
        until: dt.datetime | None,
        *,
        moderator_id: int,
        reason: str,
    ) -> Case:
        """A moderator times a member out until `until`, or (None) ends their timeout: the case
        first, then Discord, then the mod log. Discord refusing raises (the case stays)."""
        async with self.cases.opening(
            guild,
            member_id=member.id,
            moderator_id=moderator_id,
            rule=None,
            action=CaseAction.TIMEOUT if until is not None else CaseAction.UNTIMEOUT,
            reason=reason,
            expires_at=until,
        ) as opening:
            await member.timeout(until, reason=reason)
        return opening.case
