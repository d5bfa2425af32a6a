"""Moderation cases: every one stored, counted for /metrics, written to the server's mod-log channel and
announced to the rest of the bot (the `case_opened` event), by one call, whoever opens it: a filter, a
moderator's command, a review card's button. The mod-log line names the rule and what it matched, so
moderators see why without asking.

`open` is for a case whose action is done (or is nothing: a note). `opening` is for one whose action
follows in Discord: the case is stored before anything happens there, and the line written after,
with whatever could not be done."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import discord

from bot.config_cache import ConfigCache
from bot.enums import CaseAction
from bot.formatting import escape_markdown, shorten
from bot.metrics import BotMetrics
from bot.responses import NO_PINGS
from bot.storage import moderation as mod_store
from bot.storage.database import Database
from bot.storage.moderation import Case

log = logging.getLogger(__name__)

# What the mod log says happened to the member ("<@member> warned by the filter").
ACTION_WORDS: dict[str, str] = {
    CaseAction.REFUSE: "refused (not posted)",
    CaseAction.LOG: "logged (dry run)",
    CaseAction.ALERT: "flagged for moderators",
    CaseAction.WARN: "warned",
    CaseAction.HOLD: "held for review",
    CaseAction.DELETE: "deleted",
    CaseAction.TIMEOUT: "timed out",
}
SEVERE: frozenset[str] = frozenset({CaseAction.DELETE, CaseAction.TIMEOUT, CaseAction.HOLD})
CASE_OPENED = "case_opened"  # the event: listeners get the Case


@dataclass(slots=True)
class Opening:
    """A case being acted on: what the mod-log line will say besides the case itself."""

    case: Case
    verdict_lines: list[str] | None = None  # why, rule by rule (the case's reason otherwise)
    problems: list[str] = field(default_factory=list)  # what could not be done in Discord
    refused: str | None = None  # member text the bot did not repost ("suggested answer")
    logged: bool = True  # False: a review card carries the case instead of a line

    def could_not(self, what: str, error: discord.HTTPException) -> None:
        self.problems.append(f"could not {what} ({error.status} {error.text})")


class CaseLog:
    def __init__(
        self,
        db: Database,
        client: discord.Client,
        *,
        configs: ConfigCache,
        metrics: BotMetrics,
    ) -> None:
        self.db = db
        self.client = client  # announces each case (dispatch)
        self.configs = configs  # the mod-log channel and the alert role
        self.metrics = metrics

    async def strip_line(
        self, guild_id: int, message_id: int, *, fields: frozenset[str], renamed: tuple[int, str] | None = None
    ) -> None:
        """A case's mod-log line redrawn without the named fields ("Message", "Why") and, with
        `renamed` (a member's id and what to call them), without that member's mention; the rule, the
        action and the case number stay. Retention and deletion requests both redraw lines so."""
        channel_id = (await self.configs.get(guild_id)).channel("mod_log_channel")
        channel = self.client.get_channel(channel_id) if channel_id else None
        if not isinstance(channel, discord.TextChannel):
            return
        try:
            message = await channel.fetch_message(message_id)
            if not message.embeds:
                return
            embed = message.embeds[0]
            kept = [f for f in embed.fields if f.name not in fields]
            description = embed.description or ""
            if renamed is not None:
                member_id, name = renamed
                for mention in (f"<@{member_id}>", f"<@!{member_id}>"):
                    description = description.replace(mention, name)
            if len(kept) == len(embed.fields) and description == (embed.description or ""):
                return  # nothing of it to take out
            embed.clear_fields()
            for f in kept:
                embed.add_field(name=f.name, value=f.value, inline=f.inline)
            embed.description = description or None
            await message.edit(embeds=[embed, *message.embeds[1:]], allowed_mentions=NO_PINGS)
        except (discord.NotFound, discord.Forbidden):
            pass  # gone, or out of reach: nothing of it is left to edit
        except discord.HTTPException as error:
            log.warning("Could not redraw the mod-log line %s: %s", message_id, error)

    async def open(
        self,
        guild: discord.Guild,
        *,
        member_id: int,
        action: CaseAction,
        moderator_id: int | None,
        rule: str | None = None,
        reason: str | None = None,
        excerpt: str | None = None,
        channel_id: int | None = None,
        message_id: int | None = None,
        expires_at: dt.datetime | None = None,
        verdict_lines: list[str] | None = None,
        problems: list[str] | None = None,
    ) -> Case:
        """A case whose action is done: stored, counted, logged and announced."""
        async with self.opening(
            guild,
            member_id=member_id,
            action=action,
            moderator_id=moderator_id,
            rule=rule,
            reason=reason,
            excerpt=excerpt,
            channel_id=channel_id,
            message_id=message_id,
            expires_at=expires_at,
        ) as opening:
            opening.verdict_lines = verdict_lines
            opening.problems += problems or []
        return opening.case

    @asynccontextmanager
    async def opening(
        self,
        guild: discord.Guild,
        *,
        member_id: int,
        action: CaseAction,
        moderator_id: int | None,
        rule: str | None = None,
        reason: str | None = None,
        excerpt: str | None = None,
        channel_id: int | None = None,
        message_id: int | None = None,
        expires_at: dt.datetime | None = None,
    ) -> AsyncIterator[Opening]:
        """Store the case before anything happens in Discord, let the caller act, then log and
        announce it. If acting raises, the case stays stored and the error goes on."""
        case = await mod_store.open_case(
            self.db,
            guild_id=guild.id,
            member_id=member_id,
            moderator_id=moderator_id,
            rule=rule,
            action=str(action),  # the enum's value, on every database engine
            reason=reason,
            excerpt=excerpt,
            channel_id=channel_id,
            message_id=message_id,
            expires_at=expires_at,
        )
        by = "moderator" if case.moderator_id is not None else "escalation" if case.rule == "escalation" else "filter"
        self.metrics.moderation_actions.labels(case.action, by).inc()  # bot_moderation_actions_total
        opening = Opening(case)
        yield opening
        if opening.logged:
            await self._write(guild, opening)
        self.client.dispatch(CASE_OPENED, case)

    async def _write(self, guild: discord.Guild, opening: Opening) -> None:
        case = opening.case
        config = await self.configs.get(guild.id)
        channel_id = config.channel("mod_log_channel")
        channel = guild.get_channel(channel_id) if channel_id else None
        if not isinstance(channel, discord.TextChannel):
            return
        who = "the filter" if case.moderator_id is None else f"<@{case.moderator_id}>"
        embed = discord.Embed(
            title=f"Case {case.number} · {case.action}",
            description=f"<@{case.member_id}> {ACTION_WORDS.get(case.action, case.action)} by {who}",
            colour=discord.Colour.red() if case.action in SEVERE else discord.Colour.orange(),
        )
        for line in (opening.verdict_lines or ([case.reason] if case.reason else []))[:5]:
            embed.add_field(name="Why", value=shorten(line, 1000), inline=False)
        if case.excerpt:
            embed.add_field(name="Message", value=">>> " + escape_markdown(shorten(case.excerpt, 900)), inline=False)
        if case.channel_id:
            embed.add_field(name="Where", value=f"<#{case.channel_id}>")
        if opening.refused:
            embed.add_field(name="Not posted", value=f"a {opening.refused}; the member was told why", inline=False)
        for problem in opening.problems:
            embed.add_field(name="Could not act", value=problem, inline=False)
        # An alert asks for a moderator's eyes: it pings the alert role, if the server named one,
        # and that role only. Nothing else in the mod log pings.
        alert_role = config.role("alert_role") if case.action == CaseAction.ALERT else None
        if alert_role is not None:
            role = guild.get_role(alert_role)
            if role is not None and not role.mentionable and not channel.permissions_for(guild.me).mention_everyone:
                embed.add_field(
                    name="Could not ping",
                    value=f"{role.mention} is not mentionable, and I lack **Mention All Roles** here.",
                    inline=False,
                )
        try:
            if alert_role is not None:
                sent = await channel.send(
                    f"<@&{alert_role}> a message needs a look",
                    embed=embed,
                    allowed_mentions=discord.AllowedMentions(
                        everyone=False, users=False, roles=[discord.Object(alert_role)]
                    ),
                )
            else:
                sent = await channel.send(embed=embed, allowed_mentions=NO_PINGS)
        except discord.HTTPException as error:
            log.warning("Could not write case %s to the mod log: %s", case.number, error)
            return
        await mod_store.record_log_message(self.db, guild.id, case.number, sent.id)

    # -- reading them back ---------------------------------------------------------------------
    async def get(self, guild_id: int, number: int) -> Case | None:
        return await mod_store.get_case(self.db, guild_id, number)

    async def of_member(self, guild_id: int, member_id: int) -> list[Case]:
        """The member's cases, newest first."""
        return await mod_store.cases_of_member(self.db, guild_id, member_id)

    async def set_reason(self, guild_id: int, number: int, reason: str) -> bool:
        return await mod_store.set_case_reason(self.db, guild_id, number, reason)

    async def active_warnings(self, guild_id: int, member_id: int, now: dt.datetime) -> int:
        return await mod_store.active_warnings(self.db, guild_id, member_id, now)
