"""Turns a verdict into actions. The case is stored before anything happens in Discord; the mod log
line names the rule and what it matched, so moderators see why without asking."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import time
from typing import TYPE_CHECKING

import discord

from bot.articles.render import escape_markdown, shorten
from bot.errors import UserFacingError
from bot.log_context import bind
from bot.moderation.engine import MessageFacts, ModerationEngine
from bot.moderation.rules import Action, Verdict
from bot.moderation.server_rules import server_rules
from bot.publishing.embeds import NO_PINGS
from bot.storage import moderation as mod_store
from bot.storage.moderation import Case

if TYPE_CHECKING:
    from bot.client import DiscussionBot

log = logging.getLogger(__name__)

_DISCORD_EPOCH_SECONDS = discord.utils.DISCORD_EPOCH / 1000
_MENTION = re.compile(r"<@[!&]?\d+>")


class TextRefused(UserFacingError):
    """Member text the bot was asked to repost breaks the server's rules: it is not posted. The
    message says why and what to change; the case is open already."""


ACTION_WORDS = {
    "refuse": "refused (not posted)",
    "log": "logged (dry run)",
    "alert": "flagged for moderators",
    "warn": "warned",
    "hold": "held for review",
    "delete": "deleted",
    "timeout": "timed out",
}


class Enforcer:
    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot
        self._engines: dict[int, ModerationEngine] = {}
        self._building: dict[int, asyncio.Task[ModerationEngine]] = {}
        self._reported: dict[int, tuple[str, ...]] = {}  # rule problems already told to the mod log
        self._reports: set[asyncio.Task[None]] = set()

    async def engine(self, guild_id: int) -> ModerationEngine:
        """The server's engine. One per server: its flood and repeat history must see every message."""
        engine = self._engines.get(guild_id)
        if engine is not None:
            return engine
        # Messages arriving together wait for one build, and all wake when it is done.
        building = self._building.get(guild_id)
        if building is None:
            building = self._building[guild_id] = asyncio.create_task(self._build(guild_id))
        return await asyncio.shield(building)

    async def _build(self, guild_id: int) -> ModerationEngine:
        current = asyncio.current_task()
        try:
            rules = server_rules(await mod_store.rules_of(self.bot.db, guild_id))
            # thousands of listed words take seconds to compile: off the event loop
            engine = await asyncio.to_thread(ModerationEngine, rules)
        finally:
            latest = self._building.get(guild_id) is current
            if latest:
                del self._building[guild_id]
        if latest:  # not if the rules changed while this was reading them
            self._engines[guild_id] = engine
            if engine.problems:  # told apart: the messages waiting for this engine need not wait for it
                report = asyncio.create_task(self._report_problems(guild_id, engine))
                self._reports.add(report)
                report.add_done_callback(self._reports.discard)
        return engine

    def forget_member(self, user_id: int) -> None:
        """A member asked to be forgotten: every server's filter drops their recent history."""
        for engine in self._engines.values():
            engine.forget_member(user_id)

    async def _report_problems(self, guild_id: int, engine: ModerationEngine) -> None:
        """Rules that cannot run are left out, never the whole set: say so in the mod log, once for
        each set of problems (the engine is rebuilt whenever the rules change)."""
        described = tuple(problem.describe() for problem in engine.problems)
        if self._reported.get(guild_id) == described:
            return
        self._reported[guild_id] = described
        log.warning("Server %s: %d moderation rules are not running: %s", guild_id, len(described), described[:5])
        guild = self.bot.get_guild(guild_id)
        config = await self.bot.guild_config(guild_id)
        channel_id = config.channel("mod_log_channel")
        channel = guild.get_channel(channel_id) if guild is not None and channel_id else None
        if not isinstance(channel, discord.TextChannel):
            return
        embed = discord.Embed(
            title=f"{len(described)} moderation rule{'s are' if len(described) != 1 else ' is'} not running",
            description=shorten(
                "\n".join(f"• {escape_markdown(line)}" for line in described)
                + "\n\nThe default rules and every other rule are running. Remove or shorten these with "
                "`/automod rule remove`.",
                4000,
            ),
            colour=discord.Colour.orange(),
        )
        try:
            await channel.send(embed=embed, allowed_mentions=NO_PINGS)
        except discord.HTTPException as error:
            log.warning("Could not tell the mod log of server %s about rules not running: %s", guild_id, error)

    def rules_changed(self, guild_id: int) -> None:
        self._engines.pop(guild_id, None)
        self._building.pop(guild_id, None)

    def adopt(self, guild_id: int, engine: ModerationEngine, *, replacing: ModerationEngine) -> None:
        """A rule was added: `engine` is `replacing` with it (compiled from it, so the server's
        rules are not compiled again). If the server's engine changed meanwhile (another rule,
        a rebuild), it is dropped instead and the next message builds one from the database."""
        if self._engines.get(guild_id) is replacing and guild_id not in self._building:
            self._engines[guild_id] = engine
            if engine.problems:
                report = asyncio.create_task(self._report_problems(guild_id, engine))
                self._reports.add(report)
                report.add_done_callback(self._reports.discard)
        else:
            self.rules_changed(guild_id)

    def cached_engine(self, guild_id: int) -> ModerationEngine | None:
        """The server's engine if it is built (from its first message on): for the per-message path."""
        return self._engines.get(guild_id)

    @staticmethod
    def facts(message: discord.Message, engine: ModerationEngine) -> MessageFacts:
        # mentions parsed from the payload already (raw_mentions would scan the text again)
        mentions = len(message.mentions) + len(message.role_mentions)
        return Enforcer._facts(message.author, message.content, mentions, engine)

    @staticmethod
    def _facts(member: discord.abc.User, text: str, mentions: int, engine: ModerationEngine) -> MessageFacts:
        if not engine.needs_ages:  # most servers have no newcomer limits: no clock or date work
            return MessageFacts(text, member.id, mentions, None, None, time.monotonic())
        now = time.time()
        joined = member.joined_at if isinstance(member, discord.Member) else None
        return MessageFacts(
            text,
            member.id,
            mentions,
            (now - _DISCORD_EPOCH_SECONDS - (member.id >> 22) / 1000) / 86400,
            (now - joined.timestamp()) / 60 if joined else None,
            time.monotonic(),
        )

    async def screen_text(
        self,
        guild: discord.Guild,
        author: discord.abc.User,
        text: str,
        *,
        exempt: bool,
        what: str,
        refusal: str,
        channel_id: int | None,
    ) -> str:
        """Member text the bot is about to repost (a suggested answer, a report reason), screened by
        the server's engine as a message is, before anything is posted. `exempt`: the author is one
        the filters skip (bot.permissions.is_filter_exempt). `what` names the text in the mod log
        ("suggested answer"); `refusal` begins what a refused member is told ("Your answer was not
        posted").

        A verdict that would remove a message (hold, delete, timeout) refuses the text: a case,
        a mod-log line, a timeout if the rule says so, then TextRefused with the reason. There is no
        review card for it: nothing was posted to approve, and the member can reword it at once.
        A milder verdict (warn, alert, log) lets it through after acting as for a message; the
        return value is then a note for the member ("" when the text is clean)."""
        if exempt:
            return ""
        engine = await self.engine(guild.id)
        # Not remembered: a form is not chat, and must not count towards flooding or repeats.
        verdict = engine.check(self._facts(author, text, len(_MENTION.findall(text)), engine), remember=False)
        if not verdict.flagged:
            return ""
        top = max(verdict.reasons, key=lambda r: r.action)
        lines = [r.describe() for r in verdict.reasons]
        action = verdict.action
        if action is Action.WARN:
            await self.warn(
                guild,
                author.id,
                moderator_id=None,
                reason=f"{what.capitalize()}: {top.describe()}",
                rule=top.rule,
                excerpt=text,
                channel_id=channel_id,
                verdict_lines=lines,
            )
            return f"It breaks a rule here ({top.rule}), so this is a warning. Please keep the discussion civil."
        if action < Action.WARN:  # log, alert: for the moderators' eyes only
            case = await mod_store.open_case(
                self.bot.db,
                guild_id=guild.id,
                member_id=author.id,
                moderator_id=None,
                rule=top.rule,
                action=action.name.lower(),
                reason=f"{what.capitalize()}: {top.describe()}",
                excerpt=text,
                channel_id=channel_id,
            )
            await self.log_case(guild, case, verdict_lines=lines)
            return ""
        seconds = engine.rules.limits.timeout_seconds
        timeout = action is Action.TIMEOUT
        case = await mod_store.open_case(
            self.bot.db,
            guild_id=guild.id,
            member_id=author.id,
            moderator_id=None,
            rule=top.rule,
            action="timeout" if timeout else "refuse",
            reason=f"{what.capitalize()} not posted: {top.describe()}",
            excerpt=text,
            channel_id=channel_id,
            expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds) if timeout else None,
        )
        problems = []
        if timeout:
            try:
                member = author if isinstance(author, discord.Member) else await guild.fetch_member(author.id)
                await member.timeout(dt.timedelta(seconds=seconds), reason=top.describe())
            except discord.HTTPException as error:
                problems.append(f"could not time the member out ({error.status} {error.text})")
        await self.log_case(guild, case, verdict_lines=lines, problems=problems, refused=what)
        blocking = [r for r in verdict.reasons if r.action >= Action.HOLD][:3]
        why = "\n".join(f"• {escape_markdown(shorten(r.describe(), 300))}" for r in blocking)
        after = f"\nYou are timed out for {seconds // 60} min." if timeout and not problems else ""
        raise TextRefused(f"{refusal}: it breaks this server's rules.\n{why}\nChange that part and try again.{after}")

    async def enforce(self, message: discord.Message, verdict: Verdict) -> Case | None:
        if not verdict.flagged or message.guild is None:
            return None
        guild = message.guild
        bind(guild_id=guild.id, channel_id=message.channel.id)
        limits = (await self.engine(guild.id)).rules.limits
        top = max(verdict.reasons, key=lambda r: r.action)
        action = verdict.action
        if action is Action.WARN:  # a warning that expires, and may escalate to a timeout
            case, _ = await self.warn(
                guild,
                message.author.id,
                moderator_id=None,
                reason=top.describe(),
                rule=top.rule,
                excerpt=message.content,
                channel_id=message.channel.id,
                message_id=message.id,
                verdict_lines=[r.describe() for r in verdict.reasons],
            )
            try:
                await message.reply(
                    f"{message.author.mention}, this message breaks a rule here ({top.rule}). "
                    "Please keep the discussion civil.",
                    allowed_mentions=NO_PINGS,
                    mention_author=False,
                )
            except discord.HTTPException:
                pass
            return case
        expires = (
            dt.datetime.now(dt.UTC) + dt.timedelta(seconds=limits.timeout_seconds) if action is Action.TIMEOUT else None
        )
        case = await mod_store.open_case(
            self.bot.db,
            guild_id=guild.id,
            member_id=message.author.id,
            moderator_id=None,
            rule=top.rule,
            action=action.name.lower(),
            reason=top.describe(),
            excerpt=message.content,
            channel_id=message.channel.id,
            message_id=message.id,
            expires_at=expires,
        )
        bind(case_number=case.number)
        self.counted(case)
        log.info("Case %d: %s by the filter (%s)", case.number, case.action, case.rule)
        problems = []
        if action >= Action.HOLD:
            try:
                await message.delete()
            except discord.NotFound:
                pass
            except discord.HTTPException as error:
                problems.append(f"could not delete the message ({error.status} {error.text})")
        if action is Action.TIMEOUT and isinstance(message.author, discord.Member):
            try:
                await message.author.timeout(dt.timedelta(seconds=limits.timeout_seconds), reason=top.describe())
            except discord.HTTPException as error:
                problems.append(f"could not time the member out ({error.status} {error.text})")
        if action is Action.HOLD and not problems:
            try:  # the review card carries the case: no separate log line
                await self.bot.review_queue.hold(message, case.number, top.describe())
                return case
            except discord.HTTPException as error:
                problems.append(f"could not post the review card ({error.status} {error.text})")
        await self.log_case(guild, case, verdict_lines=[r.describe() for r in verdict.reasons], problems=problems)
        return case

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
        first, then Discord, then the mod log."""
        case = await mod_store.open_case(
            self.bot.db,
            guild_id=guild.id,
            member_id=member.id,
            moderator_id=moderator_id,
            rule=None,
            action="timeout" if until is not None else "untimeout",
            reason=reason,
            expires_at=until,
        )
        self.counted(case)
        await member.timeout(until, reason=reason)
        await self.log_case(guild, case)
        return case

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
        """A warning that expires; enough active warnings bring a timeout (the server's settings say how many)."""
        config = await self.bot.guild_config(guild.id)
        now = dt.datetime.now(dt.UTC)
        case = await mod_store.open_case(
            self.bot.db,
            guild_id=guild.id,
            member_id=member_id,
            moderator_id=moderator_id,
            rule=rule,
            action="warn",
            reason=reason,
            excerpt=excerpt,
            channel_id=channel_id,
            message_id=message_id,
            expires_at=now + dt.timedelta(hours=config.number("warning_hours") or 24),
        )
        bind(guild_id=guild.id, case_number=case.number)
        self.counted(case)
        await self.log_case(guild, case, verdict_lines=verdict_lines)
        threshold = config.number("warnings_before_timeout")
        active = await mod_store.active_warnings(self.bot.db, guild.id, member_id, now)
        if threshold <= 0 or active < threshold:
            return case, None
        minutes = config.number("escalation_timeout_minutes") or 10
        until = now + dt.timedelta(minutes=minutes)
        escalation = await mod_store.open_case(
            self.bot.db,
            guild_id=guild.id,
            member_id=member_id,
            moderator_id=None,
            rule="escalation",
            action="timeout",
            reason=f"{active} active warnings (the limit is {threshold}): {minutes} min timeout",
            expires_at=until,
        )
        self.counted(escalation)
        problems = []
        try:
            member = guild.get_member(member_id) or await guild.fetch_member(member_id)
            await member.timeout(until, reason=escalation.reason)
        except discord.HTTPException as error:
            problems.append(f"could not time the member out ({error.status} {error.text})")
        await self.log_case(guild, escalation, problems=problems)
        return case, escalation

    def counted(self, case: Case) -> Case:
        """Count a case for /metrics (bot_moderation_actions_total): by kind, and by the filter,
        an escalation or a moderator."""
        by = "moderator" if case.moderator_id is not None else "escalation" if case.rule == "escalation" else "filter"
        self.bot.metrics.moderation_actions.labels(case.action, by).inc()
        return case

    async def log_case(
        self,
        guild: discord.Guild,
        case: Case,
        *,
        verdict_lines: list[str] | None = None,
        problems: list[str] | None = None,
        refused: str | None = None,
    ) -> None:
        """`refused`: what member text the bot did not repost because of this case ("suggested answer")."""
        config = await self.bot.guild_config(guild.id)
        channel_id = config.channel("mod_log_channel")
        channel = guild.get_channel(channel_id) if channel_id else None
        if not isinstance(channel, discord.TextChannel):
            return
        who = "the filter" if case.moderator_id is None else f"<@{case.moderator_id}>"
        embed = discord.Embed(
            title=f"Case {case.number} · {case.action}",
            description=f"<@{case.member_id}> {ACTION_WORDS.get(case.action, case.action)} by {who}",
            colour=discord.Colour.red() if case.action in ("delete", "timeout", "hold") else discord.Colour.orange(),
        )
        for line in (verdict_lines or ([case.reason] if case.reason else []))[:5]:
            embed.add_field(name="Why", value=shorten(line, 1000), inline=False)
        if case.excerpt:
            embed.add_field(name="Message", value=">>> " + escape_markdown(shorten(case.excerpt, 900)), inline=False)
        if case.channel_id:
            embed.add_field(name="Where", value=f"<#{case.channel_id}>")
        if refused:
            embed.add_field(name="Not posted", value=f"a {refused}; the member was told why", inline=False)
        for problem in problems or []:
            embed.add_field(name="Could not act", value=problem, inline=False)
        # An alert asks for a moderator's eyes: it pings the alert role, if the server named one,
        # and that role only. Nothing else in the mod log pings.
        alert_role = config.role("alert_role") if case.action == "alert" else None
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
        await mod_store.record_log_message(self.bot.db, guild.id, case.number, sent.id)
