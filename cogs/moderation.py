"""Moderation: checks every message and edit in the discussion threads and chat channels, and gives
moderators /automod (rules, a dry-run test) and /mod (warn, timeout, history, cases)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable

import discord
from discord import app_commands
from discord.ext import commands

from bot.articles.render import escape_markdown, shorten
from bot.checks import filter_exempt, message_standing, require, require_guild, require_outranks
from bot.client import DiscussionBot
from bot.enforcement.edits import ScreenedEdits
from bot.enforcement.enforcer import Enforcer
from bot.enforcement.purge import purge as purge_messages
from bot.errors import UserFacingError
from bot.guild_config import GuildConfig, parse_reference, split_references
from bot.message_pipeline import MODERATION
from bot.moderation.engine import CLEAN, MessageFacts
from bot.moderation.matcher import InvalidPattern, check_pattern
from bot.moderation.rules import Action, Reason, Verdict
from bot.moderation.server_rules import ALLOW, try_addition
from bot.permissions import Level, is_filter_exempt
from bot.replies import send_ephemeral
from bot.storage import moderation as mod_store

log = logging.getLogger(__name__)

KINDS = [app_commands.Choice(name=n, value=n) for n in ("keyword", "regex", "deny_domain", "allow_domain")]
MODES = [app_commands.Choice(name=n, value=n) for n in ("word", "prefix", "substring")]
ACTIONS = [app_commands.Choice(name=n, value=n) for n in ("delete", "hold", "timeout", "warn", "alert", "log", "allow")]
PLACES = [
    app_commands.Choice(name="discussions and chat channels", value="default"),
    app_commands.Choice(name="everywhere", value="everywhere"),
    app_commands.Choice(name="discussions, chat and the channels listed", value="listed"),
]
NAME_ACTIONS = [
    app_commands.Choice(name="off", value=0),
    app_commands.Choice(name="alert the moderators", value=1),
    app_commands.Choice(name="alert and reset the nickname", value=2),
]
MAX_TIMEOUT_MINUTES = 28 * 24 * 60


def _resolve_place(guild: discord.Guild, text: str) -> discord.abc.GuildChannel:
    ref = parse_reference(text)
    found = (
        guild.get_channel(ref)
        if isinstance(ref, int)
        else discord.utils.find(lambda c: c.name.casefold() == str(ref).casefold(), guild.channels)
    )
    if found is None:
        raise UserFacingError(f"I can't find a channel or category called {text!r} here. Nothing was changed.")
    return found


def _describe_places(config: GuildConfig) -> str:
    if config.values.get("moderate_everywhere"):
        return "The filters check every channel of the server."
    listed = config.channels("moderated_channels")
    extra = f", and in {', '.join(f'<#{c}>' for c in listed)}" if listed else ""
    return f"The filters check discussion threads and chat channels{extra}."


class Moderation(commands.Cog):
    """Keeps the discussions civil: filters that explain themselves, cases and a mod log.
    Every /automod and /mod command is for moderators (bot.permissions); reporting is for everyone."""

    gate_level = Level.MODERATOR

    automod = app_commands.Group(name="automod", description="Automatic moderation rules.", guild_only=True)
    rule = app_commands.Group(name="rule", description="The server's own rules.", parent=automod)
    mod = app_commands.Group(name="mod", description="Moderator actions.", guild_only=True)

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot
        self.report_menu = app_commands.ContextMenu(name="Report message", callback=self.report_message)
        self.report_menu.guild_only = True
        self._scoring: set[asyncio.Task[None]] = set()
        self._metrics = bot.metrics
        self._edits = ScreenedEdits()

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.report_menu)
        self.bot.message_pipeline.add(self.screen, order=MODERATION)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.report_menu.name, type=self.report_menu.type)
        self.bot.message_pipeline.remove(self.screen)

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:  # type: ignore[override]
        """The one gate of every /automod and /mod command (not of the report menu: it is not the
        cog's own command)."""
        await require(interaction, self.gate_level)
        return True

    async def report_message(self, interaction: discord.Interaction, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None:
            raise UserFacingError("Messages from bots can't be reported; tell a moderator instead.")
        if message.author.id == interaction.user.id:
            raise UserFacingError("You can't report your own message. You can delete it instead.")
        await interaction.response.send_modal(ReportModal(self.bot, message))

    # -- checking messages ---------------------------------------------------------------------
    def _managed(self, message: discord.Message, config: GuildConfig) -> bool:
        """A discussion thread the bot posted, a chat channel (or a thread under one), or a place the
        server moderates (`moderated_channels`: channels and categories, or everywhere)."""
        channel = message.channel
        if channel.id in self.bot.post_threads:  # also when an edit's thread is not in discord.py's cache
            return True
        if not isinstance(channel, discord.Thread):
            if config.is_chat_channel(channel.id):
                return True
            return config.is_moderated_place(channel.id, getattr(channel, "category_id", None))
        if config.is_chat_channel(channel.id, channel.parent_id):
            return True
        parent = channel.parent
        return config.is_moderated_place(channel.id, channel.parent_id, getattr(parent, "category_id", None))

    def _exempt(self, message: discord.Message, config: GuildConfig) -> bool:
        return is_filter_exempt(message_standing(message), config)

    def screen(self, message: discord.Message) -> Awaitable[bool] | None:
        """The first stage of every message (see bot.message_pipeline), and every edit. Checking
        needs no await once the server's settings and filters are in memory (from its first message
        on); only acting on a verdict does. The work it returns says True if the message was removed,
        so later stages (the chat among them) never see it.

        Every message in the server passes here: the common case (a clean message in a discussion)
        is written to do no more than it must."""
        guild = message.guild
        if guild is None:
            return None
        config = self.bot.cached_guild_config(guild.id)
        engine = self.bot.enforcer.cached_engine(guild.id)
        if config is None or engine is None:
            return self._screen_after_loading(message, guild.id, message.edited_at)
        if not self._managed(message, config):
            return None
        self._metrics.messages_screened += 1  # a plain integer: /metrics reads it when asked
        verdict = engine.check(Enforcer.facts(message, engine))
        if verdict is CLEAN or not verdict.flagged:
            if self.bot.toxicity is not None and (threshold := config.number("toxicity_threshold")) and message.content:
                # Scored in micro-batches on a worker thread, never on the message's own path.
                scoring = asyncio.create_task(self._score_toxicity(message, threshold))
                self._scoring.add(scoring)
                scoring.add_done_callback(self._scoring.discard)
            return None
        # Most messages are clean: only a flagged one pays for the permission check behind exemptions.
        if self._exempt(message, config):
            return None
        return self._act(message, verdict)

    async def _screen_after_loading(
        self, message: discord.Message, guild_id: int, edited_at: dt.datetime | None
    ) -> bool:
        await self.bot.guild_config(guild_id)
        await self.bot.enforcer.engine(guild_id)
        if message.edited_at != edited_at:
            # discord.py updated its cached copy with an edit meanwhile: the edit's own screening
            # checks those words (each edit is screened once).
            return False
        work = self.screen(message)  # from memory now
        return work is not None and await work

    async def _act(self, message: discord.Message, verdict: Verdict) -> bool:
        case = await self.bot.enforcer.enforce(message, verdict)
        self.bot.dispatch("message_moderated", message, verdict, case)
        return verdict.action >= Action.HOLD

    async def _score_toxicity(self, message: discord.Message, threshold: int) -> None:
        assert self.bot.toxicity is not None and message.guild is not None
        try:
            score = await self.bot.toxicity.score(message.content)
        except Exception:
            return  # logged by the scorer; the word filters still ran
        if score * 100 < threshold:
            return
        if self._exempt(message, await self.bot.guild_config(message.guild.id)):
            return
        reason = Reason(
            "toxicity",
            Action.HOLD,
            f"The toxicity model scores it {score:.0%}; this server holds from {threshold}%.",
            shorten(message.content, 80),
        )
        verdict = Verdict(Action.HOLD, (reason,))
        case = await self.bot.enforcer.enforce(message, verdict)
        self.bot.dispatch("message_moderated", message, verdict, case)

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        # Build the server's filters now, not when its first messages arrive all at once.
        await self.bot.enforcer.engine(guild.id)

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        # The raw event: on_message_edit misses edits of messages discord.py no longer caches.
        edited = self._edits.to_screen(payload)
        if edited is not None and (work := self.screen(edited)) is not None:
            await work

    # -- members' names ------------------------------------------------------------------------
    @commands.Cog.listener()
    async def on_member_join(self, member: discord.Member) -> None:
        await self._screen_names(member)

    @commands.Cog.listener()
    async def on_member_update(self, before: discord.Member, after: discord.Member) -> None:
        if before.nick != after.nick or before.name != after.name or before.global_name != after.global_name:
            await self._screen_names(after, already=(before.nick, before.name, before.global_name))

    @commands.Cog.listener()
    async def on_user_update(self, before: discord.User, after: discord.User) -> None:
        if before.name == after.name and before.global_name == after.global_name:
            return
        for guild in after.mutual_guilds:
            member = guild.get_member(after.id)
            if member is not None:
                await self._screen_names(member, already=(member.nick, before.name, before.global_name))

    async def _screen_names(self, member: discord.Member, already: tuple[str | None, ...] = ()) -> None:
        """A member's names (nickname, display name, username) through the server's word filters;
        a match alerts the moderators (a case in the mod log) and, if the server asks, resets the
        nickname (or sets a plain one when the account's own name is the problem)."""
        if member.bot:
            return
        config = await self.bot.guild_config(member.guild.id)
        setting = config.number("name_screening")
        if not setting:
            return
        engine = await self.bot.enforcer.engine(member.guild.id)
        # the names that are new (a name already seen was screened then: one alert per name)
        names = [n for n in dict.fromkeys((member.nick, member.global_name, member.name)) if n and n not in already]
        flagged = [(name, verdict) for name in names if (verdict := engine.check_name(name)).flagged]
        if not flagged:
            return
        name, verdict = flagged[0]
        top = verdict.reasons[0]
        problems = []
        if setting == 2:
            account_flagged = any(n in (member.global_name, member.name) for n, _ in flagged)
            new_nick = "Renamed member" if account_flagged else None
            if member.nick != new_nick:
                try:
                    await member.edit(nick=new_nick, reason=f"Name filter: {top.describe()}"[:500])
                except discord.HTTPException as error:
                    problems.append(f"could not reset the nickname ({error.status} {error.text})")
        case = await mod_store.open_case(
            self.bot.db,
            guild_id=member.guild.id,
            member_id=member.id,
            moderator_id=None,
            rule=top.rule,
            action="alert",
            reason=f"Member name: {top.describe()}",
            excerpt=name,
        )
        await self.bot.enforcer.log_case(
            member.guild,
            case,
            verdict_lines=[f"Member name: {r.describe()}" for r in verdict.reasons],
            problems=problems,
        )

    # -- /automod ------------------------------------------------------------------------------
    @rule.command(name="add", description="Add a rule: a word, a regular expression (RE2) or a domain.")
    @app_commands.describe(
        kind="What the rule matches",
        value="The word, pattern or domain",
        mode="For words: whole word, prefix or anywhere",
        action="What happens on a match (allow: a keyword that never triggers, such as Scunthorpe)",
    )
    @app_commands.choices(kind=KINDS, mode=MODES, action=ACTIONS)
    async def rule_add(
        self,
        interaction: discord.Interaction,
        kind: app_commands.Choice[str],
        value: app_commands.Range[str, 1, 500],
        mode: app_commands.Choice[str] | None = None,
        action: app_commands.Choice[str] | None = None,
    ) -> None:
        guild = require_guild(interaction)
        value = value.strip()
        if kind.value == "regex":
            try:
                check_pattern(value)
            except InvalidPattern as error:
                raise UserFacingError(f"{error}. Nothing was added.") from None
        elif kind.value in ("deny_domain", "allow_domain"):
            value = value.lower().removeprefix("https://").removeprefix("http://").split("/")[0]
        chosen = action.value if action else ("hold" if kind.value == "regex" else "delete")
        if chosen == ALLOW and kind.value != "keyword":
            raise UserFacingError("Only a keyword can be allowed (a word or phrase that never triggers).")
        chosen_mode = mode.value if mode else "word"
        # The server's whole rule set is compiled with the new rule first: a rule RE2 refuses, or one
        # past the server's budget, is refused here instead of failing when messages arrive.
        await interaction.response.defer(ephemeral=True, thinking=True)
        stored_rules = await mod_store.rules_of(self.bot.db, guild.id)
        candidate = mod_store.StoredRule(0, guild.id, kind.value, value, chosen_mode, chosen)
        addition = await asyncio.to_thread(try_addition, stored_rules, candidate)
        if addition.problem is not None:
            raise UserFacingError(
                f"Rule not added: {addition.problem.reason}. {addition.budget_line()} "
                "Remove rules with `/automod rule remove`, or use a shorter word or pattern."
            )
        stored = await mod_store.add_rule(
            self.bot.db, guild.id, kind.value, value, chosen_mode, chosen, interaction.user.id
        )
        if stored is None:
            raise UserFacingError("That rule is already there. See `/automod rule list`.")
        self.bot.enforcer.rules_changed(guild.id)
        note = " RE2's `\\b` knows only ASCII letters." if kind.value == "regex" and "\\b" in value else ""
        what = "never triggers" if chosen == ALLOW else f"→ {chosen}"
        await interaction.followup.send(
            f"Rule {stored.id} added: {kind.value} `{escape_markdown(shorten(value, 200))}` {what}.{note} "
            f"{addition.budget_line()}",
            ephemeral=True,
        )

    @rule.command(name="remove", description="Remove one of the server's rules.")
    @app_commands.describe(rule="The rule's number (see /automod rule list)")
    async def rule_remove(self, interaction: discord.Interaction, rule: int) -> None:
        guild = require_guild(interaction)
        if not await mod_store.remove_rule(self.bot.db, guild.id, rule):
            raise UserFacingError(f"There is no rule {rule} here. See `/automod rule list`.")
        self.bot.enforcer.rules_changed(guild.id)
        await interaction.response.send_message(f"Rule {rule} removed.", ephemeral=True)

    @rule.command(name="list", description="The server's rules (the default profanity and link rules apply too).")
    async def rule_list(self, interaction: discord.Interaction) -> None:
        guild = require_guild(interaction)
        rules = await mod_store.rules_of(self.bot.db, guild.id)
        lines = [
            f"**{r.id}** · {r.kind}{f' ({r.mode})' if r.kind == 'keyword' else ''} "
            f"`{escape_markdown(shorten(r.value, 80))}` → {r.action}"
            for r in rules
        ]
        embed = discord.Embed(
            title="Moderation rules",
            colour=discord.Colour.dark_red(),
            description=shorten("\n".join(lines), 4000) if lines else "Only the defaults so far.",
        )
        embed.set_footer(
            text="Defaults: strong profanity, invite links, link shorteners, mention spam, flooding, repeated messages."
        )
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @automod.command(name="test", description="See what the filters would do with a text, without acting.")
    @app_commands.describe(text="The text to test")
    async def test(self, interaction: discord.Interaction, text: app_commands.Range[str, 1, 4000]) -> None:
        guild = require_guild(interaction)
        config = await self.bot.guild_config(guild.id)
        verdict = (await self.bot.enforcer.engine(guild.id)).check(MessageFacts(text), remember=False)
        threshold = config.number("toxicity_threshold")
        toxicity = ""
        if threshold and self.bot.toxicity is not None:
            await interaction.response.defer(ephemeral=True, thinking=True)  # the model may still be loading
            try:
                score = await self.bot.toxicity.score(text)
            except Exception:
                toxicity = "\nThe toxicity model failed on it (see the bot's log)."
            else:
                held = "held for review" if score * 100 >= threshold else "under the threshold"
                toxicity = f"\nToxicity model: {score:.0%} ({held}; this server holds from {threshold}%)."
        if verdict.flagged:
            lines = "\n".join(f"• {escape_markdown(shorten(r.describe(), 300))}" for r in verdict.reasons[:10])
            text = f"Would be **{verdict.action.name.lower()}**:\n{lines}{toxicity}"
        else:
            text = f"Nothing would be flagged by the filters.{toxicity}"
        await send_ephemeral(interaction, text)

    # -- /mod ----------------------------------------------------------------------------------
    @mod.command(name="warn", description="Warn a member; the warning is a case in the mod log.")
    @app_commands.describe(member="Who", reason="Why (shown in the mod log)")
    async def warn(
        self, interaction: discord.Interaction, member: discord.Member, reason: app_commands.Range[str, 1, 500]
    ) -> None:
        guild = require_guild(interaction)
        await require_outranks(interaction, member)
        # the case, the action and the mod-log line can take longer than the 3 s Discord allows
        await interaction.response.defer(ephemeral=True, thinking=True)
        case, escalation = await self.bot.enforcer.warn(
            guild, member.id, moderator_id=interaction.user.id, reason=reason
        )
        extra = f" That is one warning too many: timed out (case {escalation.number})." if escalation else ""
        await interaction.followup.send(f"Warned {member.mention} (case {case.number}).{extra}", ephemeral=True)

    @mod.command(name="timeout", description="Time a member out.")
    @app_commands.describe(member="Who", minutes="How long (up to 28 days)", reason="Why (shown in the mod log)")
    async def timeout(
        self,
        interaction: discord.Interaction,
        member: discord.Member,
        minutes: app_commands.Range[int, 1, MAX_TIMEOUT_MINUTES],
        reason: app_commands.Range[str, 1, 500],
    ) -> None:
        guild = require_guild(interaction)
        await require_outranks(interaction, member)
        # the case, the action and the mod-log line can take longer than the 3 s Discord allows
        await interaction.response.defer(ephemeral=True, thinking=True)
        if member.top_role >= guild.me.top_role or member == guild.owner:
            raise UserFacingError(f"I can't time out {member.mention}: their role is as high as mine.")
        until = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=minutes)
        moderator = interaction.user.id
        case = await self.bot.enforcer.set_timeout(guild, member, until, moderator_id=moderator, reason=reason)
        await interaction.followup.send(
            f"Timed out {member.mention} for {minutes} min (case {case.number}).", ephemeral=True
        )

    @mod.command(name="history", description="A member's cases, newest first.")
    @app_commands.describe(member="Who")
    async def history(self, interaction: discord.Interaction, member: discord.Member) -> None:
        guild = require_guild(interaction)
        cases = await mod_store.cases_of_member(self.bot.db, guild.id, member.id)
        lines = [
            f"**#{c.number}** {c.action} · {c.created_at[:16].replace('T', ' ')} · "
            f"{escape_markdown(shorten(c.reason or '', 120))}"
            for c in cases
        ]
        embed = discord.Embed(
            title=f"Cases of {member.display_name}",
            colour=discord.Colour.dark_red(),
            description="\n".join(lines) if lines else "No cases.",
        )
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @mod.command(name="case", description="Show a case, or change its reason.")
    @app_commands.describe(number="The case number", reason="A new reason")
    async def case(
        self, interaction: discord.Interaction, number: int, reason: app_commands.Range[str, 1, 500] | None = None
    ) -> None:
        guild = require_guild(interaction)
        if reason is not None and not await mod_store.set_case_reason(self.bot.db, guild.id, number, reason):
            raise UserFacingError(f"There is no case {number} here.")
        found = await mod_store.get_case(self.bot.db, guild.id, number)
        if found is None:
            raise UserFacingError(f"There is no case {number} here.")
        who = "the filter" if found.moderator_id is None else f"<@{found.moderator_id}>"
        text = (
            f"**Case {found.number}** · {found.action} · <@{found.member_id}> by {who} · "
            f"{found.created_at[:16].replace('T', ' ')}\n{escape_markdown(found.reason or '')}"
        )
        if found.excerpt:
            text += f"\n>>> {escape_markdown(shorten(found.excerpt, 500))}"
        await interaction.response.send_message(shorten(text, 2000), ephemeral=True)

    @mod.command(name="untimeout", description="End a member's timeout.")
    @app_commands.describe(member="Who", reason="Why (shown in the mod log)")
    async def untimeout(
        self,
        interaction: discord.Interaction,
        member: discord.Member,
        reason: app_commands.Range[str, 1, 500] = "Timeout lifted",
    ) -> None:
        guild = require_guild(interaction)
        await require_outranks(interaction, member)
        # the case, the action and the mod-log line can take longer than the 3 s Discord allows
        await interaction.response.defer(ephemeral=True, thinking=True)
        case = await self.bot.enforcer.set_timeout(guild, member, None, moderator_id=interaction.user.id, reason=reason)
        await interaction.followup.send(f"{member.mention} can talk again (case {case.number}).", ephemeral=True)

    @mod.command(name="note", description="Add a note to a member's history (no action is taken).")
    @app_commands.describe(member="Who", note="The note")
    async def note(
        self, interaction: discord.Interaction, member: discord.Member, note: app_commands.Range[str, 1, 500]
    ) -> None:
        guild = require_guild(interaction)
        case = await mod_store.open_case(
            self.bot.db,
            guild_id=guild.id,
            member_id=member.id,
            moderator_id=interaction.user.id,
            rule=None,
            action="note",
            reason=note,
        )
        await interaction.response.send_message(f"Noted (case {case.number}).", ephemeral=True)

    @mod.command(name="purge", description="Delete the last messages in this channel (up to 100, under 14 days old).")
    @app_commands.describe(count="How many (2 to 100)", member="Only this member's messages")
    async def purge(
        self,
        interaction: discord.Interaction,
        count: app_commands.Range[int, 2, 100],
        member: discord.Member | None = None,
    ) -> None:
        guild = require_guild(interaction)
        channel = interaction.channel
        if not isinstance(channel, discord.TextChannel | discord.Thread):
            raise UserFacingError("Purge works in text channels and threads.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        purged = await purge_messages(interaction, channel, count, member)
        left = (
            f" Left {purged.skipped} by members you don't outrank (admins, the owner, your equals)."
            if purged.skipped
            else ""
        )
        case = await mod_store.open_case(
            self.bot.db,
            guild_id=guild.id,
            member_id=member.id if member else 0,
            moderator_id=interaction.user.id,
            rule=None,
            action="purge",
            reason=f"{purged.deleted} messages" + (f", {purged.skipped} not outranked, left" if purged.skipped else ""),
            channel_id=channel.id,
        )
        await self.bot.enforcer.log_case(guild, case)
        await interaction.followup.send(f"Deleted {purged.deleted} messages.{left}", ephemeral=True)

    @mod.command(name="slowmode", description="Set slow mode in this channel or thread (0 turns it off).")
    @app_commands.describe(seconds="Seconds between a member's messages (0 to 21600)")
    async def slowmode(self, interaction: discord.Interaction, seconds: app_commands.Range[int, 0, 21600]) -> None:
        channel = interaction.channel
        if not isinstance(channel, discord.TextChannel | discord.Thread):
            raise UserFacingError("Slow mode works in text channels and threads.")
        await channel.edit(slowmode_delay=seconds)
        state = f"{seconds} s" if seconds else "off"
        await interaction.response.send_message(f"Slow mode in {channel.mention}: {state}.", ephemeral=True)

    async def _lock(self, interaction: discord.Interaction, locked: bool) -> None:
        guild = require_guild(interaction)
        # the case, the action and the mod-log line can take longer than the 3 s Discord allows
        await interaction.response.defer(ephemeral=True, thinking=True)
        channel = interaction.channel
        if isinstance(channel, discord.Thread):
            await channel.edit(locked=locked)
        elif isinstance(channel, discord.TextChannel):
            await channel.set_permissions(
                guild.default_role,
                send_messages=False if locked else None,
                reason=f"/mod {'lock' if locked else 'unlock'} by {interaction.user}",
            )
        else:
            raise UserFacingError("Lock works in text channels and threads.")
        case = await mod_store.open_case(
            self.bot.db,
            guild_id=guild.id,
            member_id=0,
            moderator_id=interaction.user.id,
            rule=None,
            action="lock" if locked else "unlock",
            reason=None,
            channel_id=channel.id,
        )
        await self.bot.enforcer.log_case(guild, case)
        await interaction.followup.send(f"{channel.mention} is {'locked' if locked else 'open again'}.", ephemeral=True)

    @mod.command(name="lock", description="Lock this thread or channel: only moderators can post.")
    async def lock(self, interaction: discord.Interaction) -> None:
        await self._lock(interaction, True)

    @mod.command(name="unlock", description="Unlock this thread or channel.")
    async def unlock(self, interaction: discord.Interaction) -> None:
        await self._lock(interaction, False)

    @automod.command(name="places", description="Where the filters check messages.")
    @app_commands.describe(
        scope="Discussions and chat channels (the default), everywhere, or those plus the channels listed",
        channels="For 'listed': channels and categories (mentions, IDs or names, separated by spaces)",
    )
    @app_commands.choices(scope=PLACES)
    async def places(
        self,
        interaction: discord.Interaction,
        scope: app_commands.Choice[str] | None = None,
        channels: app_commands.Range[str, 1, 1000] | None = None,
    ) -> None:
        guild = require_guild(interaction)
        config = await self.bot.guild_config(guild.id)
        if scope is None:
            await interaction.response.send_message(_describe_places(config), ephemeral=True)
            return
        if scope.value == "listed":
            if not channels:
                raise UserFacingError("Name the channels or categories to moderate in `channels`. Nothing was changed.")
            places = sorted({_resolve_place(guild, part).id for part in split_references(channels)})
            await self.bot.set_config(guild.id, "moderated_channels", places, interaction.user.id)
            await self.bot.set_config(guild.id, "moderate_everywhere", 0, interaction.user.id)
        elif scope.value == "everywhere":
            await self.bot.set_config(guild.id, "moderate_everywhere", 1, interaction.user.id)
        else:
            await self.bot.reset_config(guild.id, "moderated_channels")
            await self.bot.reset_config(guild.id, "moderate_everywhere")
        await interaction.response.send_message(_describe_places(await self.bot.guild_config(guild.id)), ephemeral=True)

    @automod.command(name="names", description="Check members' names with the word filters when they join or change.")
    @app_commands.describe(action="Off, alert the moderators (the default), or also reset the nickname")
    @app_commands.choices(action=NAME_ACTIONS)
    async def names(self, interaction: discord.Interaction, action: app_commands.Choice[int]) -> None:
        guild = require_guild(interaction)
        await self.bot.set_config(guild.id, "name_screening", action.value, interaction.user.id)
        text = {
            0: "Members' names are not checked.",
            1: "A member whose name matches the filters is reported in the mod log.",
            2: "A member whose name matches the filters is reported in the mod log and their nickname reset.",
        }[action.value]
        await interaction.response.send_message(text, ephemeral=True)

    @automod.command(name="exempt", description="Members with this role are not checked by the filters.")
    @app_commands.describe(role="The role (leave empty to remove the exemption)")
    async def exempt(self, interaction: discord.Interaction, role: discord.Role | None = None) -> None:
        guild = require_guild(interaction)
        if role is not None and role.is_default():
            raise UserFacingError(
                "Exempting @everyone would switch the filters off for every member. Pick a role, or remove "
                "the rules you don't want with `/automod rule remove`."
            )
        if role is None:
            await self.bot.reset_config(guild.id, "automod_bypass_role")
            await interaction.response.send_message("No role is exempt from the filters now.", ephemeral=True)
            return
        await self.bot.set_config(guild.id, "automod_bypass_role", role.id, interaction.user.id)
        await interaction.response.send_message(f"{role.mention} is exempt from the filters.", ephemeral=True)

    @automod.command(name="config", description="Where moderation cards go, and the toxicity model's threshold.")
    @app_commands.describe(
        log_channel="The moderators' channel",
        toxicity_threshold="Hold messages the toxicity model scores at least this high, in percent (0: off)",
    )
    async def config(
        self,
        interaction: discord.Interaction,
        log_channel: discord.TextChannel | None = None,
        toxicity_threshold: app_commands.Range[int, 0, 100] | None = None,
    ) -> None:
        guild = require_guild(interaction)
        config = await self.bot.guild_config(guild.id)
        if toxicity_threshold and self.bot.toxicity is None:
            raise UserFacingError(
                "The toxicity model is not installed here: `pip install -e '.[toxicity]'`, then restart the bot. "
                "Nothing was changed."
            )
        changes = []
        if log_channel is not None:
            await self.bot.set_config(guild.id, "mod_log_channel", log_channel.id, interaction.user.id)
            changes.append(f"Moderation cards and the mod log go to {log_channel.mention}.")
        if toxicity_threshold is not None:
            await self.bot.set_config(guild.id, "toxicity_threshold", toxicity_threshold, interaction.user.id)
            changes.append(
                f"Messages the toxicity model scores at {toxicity_threshold}% or more are held for review."
                if toxicity_threshold
                else "The toxicity model is off."
            )
        if not changes:
            channel = config.channel("mod_log_channel")
            threshold = config.number("toxicity_threshold")
            changes = [
                f"Mod log: {f'<#{channel}>' if channel else 'not set'}.",
                f"Toxicity model: {f'holds from {threshold}%' if threshold else 'off'}"
                f"{'' if self.bot.toxicity is not None else ' (not installed)'}.",
            ]
        await interaction.response.send_message("\n".join(changes), ephemeral=True)


class ReportModal(discord.ui.Modal, title="Report message"):
    reason: discord.ui.TextInput[ReportModal] = discord.ui.TextInput(
        label="What is wrong with it? (optional)",
        style=discord.TextStyle.paragraph,
        required=False,
        max_length=300,
    )

    def __init__(self, bot: DiscussionBot, message: discord.Message) -> None:
        super().__init__()
        self.bot, self.message = bot, message

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            _, note = await self.bot.review_queue.report(
                self.message,
                interaction.user,
                self.reason.value.strip() or None,
                exempt=await filter_exempt(interaction),
            )
        except UserFacingError as error:
            await send_ephemeral(interaction, str(error))
            return
        await interaction.followup.send(
            "Thanks: the moderators will take a look. Your report is anonymous." + (f"\n{note}" if note else ""),
            ephemeral=True,
        )

    async def on_error(self, interaction: discord.Interaction, error: Exception, /) -> None:  # type: ignore[override]
        log.error("Reporting a message failed", exc_info=error)
        await send_ephemeral(interaction, "Sorry, something went wrong on my side. It has been logged.")


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Moderation(bot))
