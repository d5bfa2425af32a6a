"""Turns a verdict into actions: on a message (delete, hold for review, warn, time out), or on member
text the bot was asked to repost (refused with the reason, nothing posted). Each is a case, stored
before anything happens in Discord (bot.enforcement.cases)."""

from __future__ import annotations

import datetime as dt
import logging
import re

import discord

from bot.enforcement.cases import CaseLog
from bot.enforcement.engines import EngineCache, author_facts
from bot.enforcement.review import ReviewQueue
from bot.enforcement.sanctions import Sanctions
from bot.enums import CaseAction
from bot.errors import UserFacingError
from bot.formatting import escape_markdown, shorten
from bot.log_context import bind
from bot.moderation.rules import Action, Verdict
from bot.responses import NO_PINGS
from bot.storage.moderation import Case

log = logging.getLogger(__name__)

_MENTION = re.compile(r"<@[!&]?\d+>")


class TextRefused(UserFacingError):
    """Member text the bot was asked to repost breaks the server's rules: it is not posted. The
    message says why and what to change; the case is open already."""


class Enforcer:
    def __init__(self, *, engines: EngineCache, cases: CaseLog, sanctions: Sanctions, review: ReviewQueue) -> None:
        self.engines = engines
        self.cases = cases
        self.sanctions = sanctions  # a verdict's warning
        self.review = review  # a held message's card

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
        engine = await self.engines.engine(guild.id)
        # Not remembered: a form is not chat, and must not count towards flooding or repeats.
        verdict = engine.check(author_facts(author, text, len(_MENTION.findall(text)), engine), remember=False)
        if not verdict.flagged:
            return ""
        top = max(verdict.reasons, key=lambda r: r.action)
        lines = [r.describe() for r in verdict.reasons]
        action = verdict.action
        if action is Action.WARN:
            await self.sanctions.warn(
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
            await self.cases.open(
                guild,
                member_id=author.id,
                moderator_id=None,
                rule=top.rule,
                action=CaseAction(action.name.lower()),
                reason=f"{what.capitalize()}: {top.describe()}",
                excerpt=text,
                channel_id=channel_id,
                verdict_lines=lines,
            )
            return ""
        seconds = engine.rules.limits.timeout_seconds
        timeout = action is Action.TIMEOUT
        async with self.cases.opening(
            guild,
            member_id=author.id,
            moderator_id=None,
            rule=top.rule,
            action=CaseAction.TIMEOUT if timeout else CaseAction.REFUSE,
            reason=f"{what.capitalize()} not posted: {top.describe()}",
            excerpt=text,
            channel_id=channel_id,
            expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds) if timeout else None,
        ) as opening:
            opening.verdict_lines, opening.refused = lines, what
            if timeout:
                try:
                    member = author if isinstance(author, discord.Member) else await guild.fetch_member(author.id)
                    await member.timeout(dt.timedelta(seconds=seconds), reason=top.describe())
                except discord.HTTPException as error:
                    opening.could_not("time the member out", error)
        problems = opening.problems
        blocking = [r for r in verdict.reasons if r.action >= Action.HOLD][:3]
        why = "\n".join(f"• {escape_markdown(shorten(r.describe(), 300))}" for r in blocking)
        after = f"\nYou are timed out for {seconds // 60} min." if timeout and not problems else ""
        raise TextRefused(f"{refusal}: it breaks this server's rules.\n{why}\nChange that part and try again.{after}")

    async def enforce(self, message: discord.Message, verdict: Verdict) -> tuple[Case | None, bool]:
        """The verdict's case, and whether the message is out of the conversation: removed, or its
        author timed out for it (a warning one too many), so that nothing answers it."""
        if not verdict.flagged or message.guild is None:
            return None, False
        guild = message.guild
        bind(guild_id=guild.id, channel_id=message.channel.id)
        limits = (await self.engines.engine(guild.id)).rules.limits
        top = max(verdict.reasons, key=lambda r: r.action)
        action = verdict.action
        if action is Action.WARN:  # a warning that expires, and may escalate to a timeout
            case, escalation = await self.sanctions.warn(
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
            except discord.HTTPException as error:  # the warning stands; the member may see the mod's note later
                log.info("Could not tell the member of case %s that they were warned: %s", case.number, error)
            return case, escalation is not None
        expires = (
            dt.datetime.now(dt.UTC) + dt.timedelta(seconds=limits.timeout_seconds) if action is Action.TIMEOUT else None
        )
        async with self.cases.opening(
            guild,
            member_id=message.author.id,
            moderator_id=None,
            rule=top.rule,
            action=CaseAction(action.name.lower()),
            reason=top.describe(),
            excerpt=message.content,
            channel_id=message.channel.id,
            message_id=message.id,
            expires_at=expires,
        ) as opening:
            case = opening.case
            opening.verdict_lines = [r.describe() for r in verdict.reasons]
            bind(case_number=case.number)
            log.info("Case %d: %s by the filter (%s)", case.number, case.action, case.rule)
            if action >= Action.HOLD:
                try:
                    await message.delete()
                except discord.NotFound:
                    pass
                except discord.HTTPException as error:
                    opening.could_not("delete the message", error)
            if action is Action.TIMEOUT and isinstance(message.author, discord.Member):
                try:
                    await message.author.timeout(dt.timedelta(seconds=limits.timeout_seconds), reason=top.describe())
                except discord.HTTPException as error:
                    opening.could_not("time the member out", error)
            if action is Action.HOLD and not opening.problems:
                try:  # the review card carries the case: no separate log line
                    await self.review.hold(message, case.number, top.describe())
                    opening.logged = False
                except discord.HTTPException as error:
                    opening.could_not("post the review card", error)
        return case, action >= Action.HOLD

    async def report(
        self, message: discord.Message, reporter: discord.abc.User, reason: str | None, *, exempt: bool
    ) -> tuple[int, str]:
        """File a report, its reason screened by the server's rules first (the reason is shown on
        the card; `exempt`: the reporter is one the filters skip). Returns the number of reports of
        the message and a note for the reporter. A reason the rules block raises TextRefused (a
        UserFacingError): the report is not filed."""
        assert message.guild is not None
        note = ""
        if reason:
            note = await self.screen_text(
                message.guild,
                reporter,
                reason,
                exempt=exempt,
                what="report reason",
                refusal="Your report was not sent",
                channel_id=message.channel.id,
            )
        return await self.review.file_report(message, reporter.id, reason), note
