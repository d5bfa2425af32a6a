"""Screening: every message and edit in the places a server moderates, and members' names, through the
server's filters, and the policy around them: which places are moderated, who the filters skip, and
the toxicity model's threshold. A verdict goes to the Enforcer.

`screen` is the first stage of every message (bot.message_pipeline): every message of every server
passes here, so the common case (a clean message) does no more than it must, and nothing awaits once
the server's settings and engine are in memory (from its first message on)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections import OrderedDict
from collections.abc import Awaitable

import discord

from bot.config_cache import ConfigCache
from bot.enforcement.cases import CaseLog
from bot.enforcement.edits import ScreenedEdits
from bot.enforcement.enforcer import Enforcer
from bot.enforcement.engines import EngineCache, message_facts
from bot.enforcement.member_lists import MemberLists
from bot.enums import CaseAction
from bot.errors import UserFacingError
from bot.guild_config import GuildConfig
from bot.metrics import BotMetrics
from bot.moderation.engine import CLEAN, MessageFacts
from bot.moderation.name_parts import name_reading
from bot.moderation.rules import Action, Verdict
from bot.moderation.toxicity import ToxicityScorer, toxicity_reason
from bot.permissions import is_filter_exempt
from bot.standing import member_standing, message_standing

log = logging.getLogger(__name__)

MESSAGE_MODERATED = "message_moderated"  # the event: (message, verdict, case)
RENAMED = "Renamed member"  # the nickname given when the account's own name is the problem
NO_MANAGE_NICKNAMES = (
    "I don't have the **Manage Nicknames** permission here, so I can't reset nicknames yet: flagged names "
    "are still reported in the mod log. Give my role Manage Nicknames (Server Settings → Roles), and keep "
    "my role above the roles of the members I should rename."
)


SCREENED_NAMES_KEPT = 50_000  # members whose last screened names are remembered (a few MB at most)


class Screening:
    def __init__(
        self,
        client: discord.Client,
        *,
        configs: ConfigCache,
        engines: EngineCache,
        enforcer: Enforcer,
        cases: CaseLog,
        post_threads: set[int],
        metrics: BotMetrics,
        toxicity: ToxicityScorer | None,
    ) -> None:
        self.client = client  # announces each verdict (dispatch)
        self.configs = configs
        self.engines = engines
        self.enforcer = enforcer
        self.cases = cases  # a member name's alert
        self.post_threads = post_threads  # the discussion threads, always moderated
        self.metrics = metrics
        self.toxicity = toxicity  # None: the model is not installed
        # The per-message path's lookups, bound once.
        self._cached_config = configs.cached
        self._cached_engine = engines.cached
        self._scoring: set[asyncio.Task[None]] = set()
        self._edits = ScreenedEdits()
        self.member_lists = MemberLists(client, configs=configs)  # names of members cached before they change
        # Each member's names as last screened: discord.py hands every update's listener the one
        # cached member, so renames that arrive together all read as the last name; it is screened once.
        self._screened_names: OrderedDict[tuple[int, int], tuple[str | None, ...]] = OrderedDict()

    # -- policy --------------------------------------------------------------------------------
    def _managed(self, message: discord.Message, config: GuildConfig) -> bool:
        """A discussion thread the bot posted, a chat channel (or a thread under one), or a place the
        server moderates (`moderated_channels`: channels and categories, or everywhere)."""
        channel = message.channel
        if channel.id in self.post_threads:  # also when an edit's thread is not in discord.py's cache
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

    # -- the server's choices ------------------------------------------------------------------
    async def moderate_places(self, guild_id: int, scope: str, places: list[int], by: int) -> GuildConfig:
        """Where the filters check messages: "default" (discussions and chat channels), "everywhere",
        or "listed" (those and `places`: channels and categories)."""
        configs = self.configs
        if scope == "listed":
            await configs.set(guild_id, "moderated_channels", sorted(set(places)), by)
            await configs.set(guild_id, "moderate_everywhere", 0, by)
        elif scope == "everywhere":
            await configs.set(guild_id, "moderate_everywhere", 1, by)
        else:
            await configs.reset(guild_id, "moderated_channels")
            await configs.reset(guild_id, "moderate_everywhere")
        return await configs.get(guild_id)

    async def exempt_role(self, guild_id: int, role: discord.Role | None, by: int) -> None:
        """Members with `role` are not checked by the filters (None: no role is)."""
        if role is not None and role.is_default():
            raise UserFacingError(
                "Exempting @everyone would switch the filters off for every member. Pick a role, or remove "
                "the rules you don't want with `/automod rule remove`."
            )
        if role is None:
            await self.configs.reset(guild_id, "automod_bypass_role")
        else:
            await self.configs.set(guild_id, "automod_bypass_role", role.id, by)

    async def screen_names(self, guild: discord.Guild, action: int, by: int) -> str | None:
        """Members' names through the filters: 0 off, 1 alert, 2 alert and reset the nickname. A
        warning to show when the reset cannot run here (the bot lacks Manage Nicknames): the setting
        is kept, as the alerts still run, and each alert then says why the reset failed."""
        await self.configs.set(guild.id, "name_screening", action, by)
        if action:
            self.member_lists.load(guild)
        if action == 2 and not guild.me.guild_permissions.manage_nicknames:
            return NO_MANAGE_NICKNAMES
        return None

    async def hold_toxic_from(self, guild_id: int, threshold: int, by: int) -> None:
        """Hold for review what the toxicity model scores at `threshold` percent or more (0: off). A
        threshold without the model installed is refused: a safety feature must not quietly not run."""
        if threshold and self.toxicity is None:
            raise UserFacingError(
                "The toxicity model is not installed here: `pip install -e '.[toxicity]'`, then restart the bot. "
                "Nothing was changed."
            )
        await self.configs.set(guild_id, "toxicity_threshold", threshold, by)

    async def scores_toxicity(self, guild_id: int) -> bool:
        """Whether the server's messages go to the toxicity model (it may take a moment to answer)."""
        return self.toxicity is not None and bool((await self.configs.get(guild_id)).number("toxicity_threshold"))

    # -- every message -------------------------------------------------------------------------
    def screen(self, message: discord.Message) -> Awaitable[bool] | None:
        """The first stage of every message, and every edit: None when there is nothing to do, else
        the work, which says True if the message was removed, so later stages (the chat among them)
        never see it."""
        guild = message.guild
        if guild is None:
            return None
        config = self._cached_config(guild.id)
        engine = self._cached_engine(guild.id)
        if config is None or engine is None:
            return self._screen_after_loading(message, guild.id, message.edited_at)
        if not self._managed(message, config):
            return None
        self.metrics.messages_screened += 1  # a plain integer: /metrics reads it when asked
        verdict = engine.check(message_facts(message, engine))
        if verdict is CLEAN or not verdict.flagged:
            if self.toxicity is not None and (threshold := config.number("toxicity_threshold")) and message.content:
                # Scored in micro-batches on a worker thread, never on the message's own path.
                scoring = asyncio.create_task(self._score_toxicity(message, threshold))
                self._scoring.add(scoring)
                scoring.add_done_callback(self._scored)
            return None
        # Most messages are clean: only a flagged one pays for the permission check behind exemptions.
        if self._exempt(message, config):
            return None
        return self._act(message, verdict)

    async def _screen_after_loading(
        self, message: discord.Message, guild_id: int, edited_at: dt.datetime | None
    ) -> bool:
        await self.configs.get(guild_id)
        await self.engines.engine(guild_id)
        if message.edited_at != edited_at:
            # discord.py updated its cached copy with an edit meanwhile: the edit's own screening
            # checks those words (each edit is screened once).
            return False
        work = self.screen(message)  # from memory now
        return work is not None and await work

    async def _act(self, message: discord.Message, verdict: Verdict) -> bool:
        case, silenced = await self.enforcer.enforce(message, verdict)
        self.client.dispatch(MESSAGE_MODERATED, message, verdict, case)
        return silenced  # removed, or its author timed out for it: later stages (the chat) never see it

    def _scored(self, task: asyncio.Task[None]) -> None:
        self._scoring.discard(task)
        if not task.cancelled() and (error := task.exception()) is not None:
            log.error("Holding a message the toxicity model flagged failed", exc_info=error)

    async def _score_toxicity(self, message: discord.Message, threshold: int) -> None:
        assert self.toxicity is not None and message.guild is not None
        try:
            score = await self.toxicity.score(message.content)
        except Exception:
            return  # logged by the scorer; the word filters still ran
        reason = toxicity_reason(score, threshold, message.content)
        if reason is None or self._exempt(message, await self.configs.get(message.guild.id)):
            return
        verdict = Verdict(Action.HOLD, (reason,))
        case, _ = await self.enforcer.enforce(message, verdict)
        self.client.dispatch(MESSAGE_MODERATED, message, verdict, case)

    def edited(self, update: discord.RawMessageUpdateEvent) -> Awaitable[bool] | None:
        """An edit is screened as a new message, once (bot.enforcement.edits): from the raw event, so
        an edit to a message discord.py no longer caches is screened too."""
        edited = self._edits.to_screen(update)
        return None if edited is None else self.screen(edited)

    # -- a moderator's dry run -----------------------------------------------------------------
    async def test(self, guild_id: int, text: str) -> tuple[Verdict, str]:
        """What the filters would do with `text`, without acting: the verdict, and a line about the
        toxicity model ("" when the server does not use it)."""
        config = await self.configs.get(guild_id)
        verdict = (await self.engines.engine(guild_id)).check(MessageFacts(text), remember=False)
        threshold = config.number("toxicity_threshold")
        if not threshold or self.toxicity is None:
            return verdict, ""
        try:
            score = await self.toxicity.score(text)
        except Exception:
            return verdict, "\nThe toxicity model failed on it (see the bot's log)."
        held = "held for review" if toxicity_reason(score, threshold, text) else "under the threshold"
        return verdict, f"\nToxicity model: {score:.0%} ({held}; this server holds from {threshold}%)."

    # -- members' names ------------------------------------------------------------------------
    async def names(self, member: discord.Member, already: tuple[str | None, ...] = ()) -> None:
        """A member's names (nickname, display name, username) through the server's word filters;
        a match alerts the moderators (a case in the mod log) and, if the server asks, resets the
        nickname (or sets a plain one when the account's own name is the problem). `already`: the
        names screened before (one alert per name)."""
        if member.bot:
            return
        current = (member.nick, member.global_name, member.name)
        key = (member.guild.id, member.id)
        if self._screened_names.get(key) == current:
            return  # screened already (before any await: the next listener sees this at once)
        self._screened_names[key] = current
        self._screened_names.move_to_end(key)
        if len(self._screened_names) > SCREENED_NAMES_KEPT:
            self._screened_names.popitem(last=False)
        config = await self.configs.get(member.guild.id)
        setting = config.number("name_screening")
        if not setting or is_filter_exempt(member_standing(member), config):
            return  # the filters skip moderators and the bypass role: their names too
        engine = await self.engines.engine(member.guild.id)
        names = [n for n in dict.fromkeys(current) if n and n not in already]
        # Read as written and where it glues words ("ShitLord"): bot.moderation.name_parts
        flagged = [(name, verdict) for name in names if (verdict := engine.check_name(name_reading(name))).flagged]
        if not flagged:
            return
        name, verdict = flagged[0]
        top = verdict.reasons[0]
        problems = []
        if setting == 2:
            account_flagged = any(n in (member.global_name, member.name) for n, _ in flagged)
            new_nick = RENAMED if account_flagged else None
            if member.nick != new_nick:
                if (why := why_not_renamable(member)) is not None:
                    problems.append(f"could not reset the nickname: {why}")  # Discord would refuse it
                else:
                    try:
                        await member.edit(nick=new_nick, reason=f"Name filter: {top.describe()}"[:500])
                    except discord.HTTPException as error:
                        problems.append(f"could not reset the nickname ({error.status} {error.text})")
        await self.cases.open(
            member.guild,
            member_id=member.id,
            moderator_id=None,
            rule=top.rule,
            action=CaseAction.ALERT,
            reason=f"Member name: {top.describe()}",
            excerpt=name,
            verdict_lines=[f"Member name: {r.describe()}" for r in verdict.reasons],
            problems=problems,
        )


def why_not_renamable(member: discord.Member) -> str | None:
    """Why Discord would refuse the bot a change of this member's nickname, and what to do, or None:
    it takes Manage Nicknames, and never works on the owner or on a member whose highest role is
    not below the bot's."""
    guild = member.guild
    me = guild.me
    if member.id == guild.owner_id:
        return "Discord lets no one change the server owner's nickname."
    if not me.guild_permissions.manage_nicknames:
        return "I don't have the Manage Nicknames permission; give it to my role (Server Settings → Roles)."
    if member.top_role >= me.top_role:
        return (
            f"their highest role, {member.top_role.mention}, is not below mine ({me.top_role.mention}); "
            "move my role above it in Server Settings → Roles."
        )
    return None
