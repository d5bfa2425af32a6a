"""/automod: the server's own filter rules, a dry run of the filters on a text, and where and on whom
they run (moderated places, names, the exempt role, the mod-log channel, the toxicity threshold).
Every command is for moderators (bot.permissions)."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.checks import require, require_guild
from bot.client import BotInteraction, DiscussionBot
from bot.enforcement.rule_book import ACTIONS, KINDS, MODES
from bot.errors import UserFacingError
from bot.formatting import escape_markdown, listed, shorten
from bot.guild_config import GuildConfig
from bot.moderation.server_rules import ALLOW
from bot.permissions import Level
from bot.places import resolve_places
from bot.responses import send_ephemeral

log = logging.getLogger(__name__)

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
NAME_SCREENING = {
    0: "Members' names are not checked.",
    1: "A member whose name matches the filters is reported in the mod log.",
    2: "A member whose name matches the filters is reported in the mod log and their nickname reset.",
}
DEFAULTS = "Defaults: strong profanity, invite links, link shorteners, mention spam, flooding, repeated messages."


def choices(names: tuple[str, ...]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=n, value=n) for n in names]


def describe_places(config: GuildConfig) -> str:
    if config.values.get("moderate_everywhere"):
        return "The filters check every channel of the server."
    places = config.channels("moderated_channels")
    extra = f", and in {listed([f'<#{c}>' for c in places], 1500)}" if places else ""
    return f"The filters check discussion threads and chat channels{extra}."


class Automod(commands.Cog):
    """The filters' rules and settings, for moderators."""

    gate_level = Level.MODERATOR

    automod = app_commands.Group(name="automod", description="Automatic moderation rules.", guild_only=True)
    rule = app_commands.Group(name="rule", description="The server's own rules.", parent=automod)

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot

    async def interaction_check(self, interaction: BotInteraction, /) -> bool:  # type: ignore[override]
        """The one gate of every /automod command."""
        await require(interaction, self.gate_level)
        return True

    # -- the server's rules --------------------------------------------------------------------
    @rule.command(name="add", description="Add a rule: a word, a regular expression (RE2) or a domain.")
    @app_commands.describe(
        kind="What the rule matches",
        value="The word, pattern or domain",
        mode="For words: whole word, prefix or anywhere",
        action="What happens on a match (allow: a keyword that never triggers, such as Scunthorpe)",
    )
    @app_commands.choices(kind=choices(KINDS), mode=choices(MODES), action=choices(ACTIONS))
    async def rule_add(
        self,
        interaction: BotInteraction,
        kind: app_commands.Choice[str],
        value: app_commands.Range[str, 1, 500],
        mode: app_commands.Choice[str] | None = None,
        action: app_commands.Choice[str] | None = None,
    ) -> None:
        guild = require_guild(interaction)
        # The whole rule set is compiled with the new rule first, which can take a while.
        await interaction.response.defer(ephemeral=True, thinking=True)
        stored, budget = await self.bot.rule_book.add(
            guild.id,
            kind.value,
            value,
            mode.value if mode else None,
            action.value if action else None,
            interaction.user.id,
        )
        note = " RE2's `\\b` knows only ASCII letters." if stored.kind == "regex" and "\\b" in stored.value else ""
        what = "never triggers" if stored.action == ALLOW else f"→ {stored.action}"
        await interaction.followup.send(
            f"Rule {stored.id} added: {stored.kind} `{escape_markdown(shorten(stored.value, 200))}` {what}.{note} "
            f"{budget}",
            ephemeral=True,
        )

    @rule.command(name="remove", description="Remove one of the server's rules.")
    @app_commands.describe(rule="The rule's number (see /automod rule list)")
    async def rule_remove(self, interaction: BotInteraction, rule: int) -> None:
        guild = require_guild(interaction)
        if not await self.bot.rule_book.remove(guild.id, rule):
            raise UserFacingError(f"There is no rule {rule} here. See `/automod rule list`.")
        await interaction.response.send_message(f"Rule {rule} removed.", ephemeral=True)

    @rule.command(name="list", description="The server's rules (the default profanity and link rules apply too).")
    async def rule_list(self, interaction: BotInteraction) -> None:
        guild = require_guild(interaction)
        lines = [
            f"**{r.id}** · {r.kind}{f' ({r.mode})' if r.kind == 'keyword' else ''} "
            f"`{escape_markdown(shorten(r.value, 80))}` → {r.action}"
            for r in await self.bot.rule_book.rules_of(guild.id)
        ]
        embed = discord.Embed(
            title="Moderation rules",
            colour=discord.Colour.dark_red(),
            description=shorten("\n".join(lines), 4000) if lines else "Only the defaults so far.",
        )
        embed.set_footer(text=DEFAULTS)
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @automod.command(name="test", description="See what the filters would do with a text, without acting.")
    @app_commands.describe(text="The text to test")
    async def test(self, interaction: BotInteraction, text: app_commands.Range[str, 1, 4000]) -> None:
        guild = require_guild(interaction)
        if await self.bot.screening.scores_toxicity(guild.id):
            await interaction.response.defer(ephemeral=True, thinking=True)  # the model may still be loading
        verdict, toxicity = await self.bot.screening.test(guild.id, text)
        if verdict.flagged:
            lines = "\n".join(f"• {escape_markdown(shorten(r.describe(), 300))}" for r in verdict.reasons[:10])
            answer = f"Would be **{verdict.action.name.lower()}**:\n{lines}{toxicity}"
        else:
            answer = f"Nothing would be flagged by the filters.{toxicity}"
        await send_ephemeral(interaction, answer)

    # -- where and on whom the filters run -----------------------------------------------------
    @automod.command(name="places", description="Where the filters check messages.")
    @app_commands.describe(
        scope="Discussions and chat channels (the default), everywhere, or those plus the channels listed",
        channels="For 'listed': channels and categories (mentions, IDs or names, separated by spaces)",
    )
    @app_commands.choices(scope=PLACES)
    async def places(
        self,
        interaction: BotInteraction,
        scope: app_commands.Choice[str] | None = None,
        channels: app_commands.Range[str, 1, 1000] | None = None,
    ) -> None:
        guild = require_guild(interaction)
        if scope is None:
            config = await self.bot.configs.get(guild.id)
            await interaction.response.send_message(describe_places(config), ephemeral=True)
            return
        places: list[int] = []
        if scope.value == "listed":
            if not channels:
                raise UserFacingError("Name the channels or categories to moderate in `channels`. Nothing was changed.")
            places = [place.id for place in resolve_places(guild, channels)]
        config = await self.bot.screening.moderate_places(guild.id, scope.value, places, interaction.user.id)
        await interaction.response.send_message(describe_places(config), ephemeral=True)

    @automod.command(name="names", description="Check members' names with the word filters when they join or change.")
    @app_commands.describe(action="Off, alert the moderators (the default), or also reset the nickname")
    @app_commands.choices(action=NAME_ACTIONS)
    async def names(self, interaction: BotInteraction, action: app_commands.Choice[int]) -> None:
        guild = require_guild(interaction)
        warning = await self.bot.screening.screen_names(guild, action.value, interaction.user.id)
        text = NAME_SCREENING[action.value] if warning is None else f"{NAME_SCREENING[action.value]}\n⚠️ {warning}"
        await interaction.response.send_message(text, ephemeral=True)

    @automod.command(name="exempt", description="Members with this role are not checked by the filters.")
    @app_commands.describe(role="The role (leave empty to remove the exemption)")
    async def exempt(self, interaction: BotInteraction, role: discord.Role | None = None) -> None:
        guild = require_guild(interaction)
        await self.bot.screening.exempt_role(guild.id, role, interaction.user.id)
        text = f"{role.mention} is exempt from the filters." if role else "No role is exempt from the filters now."
        await interaction.response.send_message(text, ephemeral=True)

    @automod.command(name="config", description="Where moderation cards go, and the toxicity model's threshold.")
    @app_commands.describe(
        log_channel="The moderators' channel",
        toxicity_threshold="Hold messages the toxicity model scores at least this high, in percent (0: off)",
    )
    async def config(
        self,
        interaction: BotInteraction,
        log_channel: discord.TextChannel | None = None,
        toxicity_threshold: app_commands.Range[int, 0, 100] | None = None,
    ) -> None:
        guild = require_guild(interaction)
        config = await self.bot.configs.get(guild.id)
        changes = []
        if toxicity_threshold is not None:  # first: a threshold that cannot run changes nothing
            await self.bot.screening.hold_toxic_from(guild.id, toxicity_threshold, interaction.user.id)
        if log_channel is not None:
            await self.bot.configs.set(guild.id, "mod_log_channel", log_channel.id, interaction.user.id)
            changes.append(f"Moderation cards and the mod log go to {log_channel.mention}.")
        if toxicity_threshold is not None:
            changes.append(
                f"Messages the toxicity model scores at {toxicity_threshold}% or more are held for review."
                if toxicity_threshold
                else "The toxicity model is off."
            )
        if not changes:
            channel = config.channel("mod_log_channel")
            threshold = config.number("toxicity_threshold")
            installed = "" if self.bot.toxicity is not None else " (not installed)"
            changes = [
                f"Mod log: {f'<#{channel}>' if channel else 'not set'}.",
                f"Toxicity model: {f'holds from {threshold}%' if threshold else 'off'}{installed}.",
            ]
        await interaction.response.send_message("\n".join(changes), ephemeral=True)


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Automod(bot))
