"""The review queue: a card in the moderators' channel for each held or reported message, with
buttons. The first moderator's decision is stored (a second one is told who was first), carried
out, and the card updated. Approving a held message reposts it through a webhook under the
author's name and avatar, marked as approved."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import TYPE_CHECKING, Any

import discord

from bot.articles.render import escape_markdown, shorten
from bot.checks import permitted, require_outranks
from bot.enforcement.webhook_names import webhook_username
from bot.errors import NotAllowed
from bot.permissions import button_level
from bot.publishing.embeds import NO_PINGS
from bot.storage import moderation as mod_store
from bot.storage import review as review_store
from bot.storage.review import ReviewItem

if TYPE_CHECKING:
    from bot.client import DiscussionBot

log = logging.getLogger(__name__)

WEBHOOK_NAME = "Approved messages"
TIMEOUT_MINUTES = 10
BUTTONS = {
    "held": [
        ("approve", "Approve", discord.ButtonStyle.success),
        ("reject", "Reject", discord.ButtonStyle.danger),
        ("warn", "Warn", discord.ButtonStyle.secondary),
        ("timeout", "Timeout", discord.ButtonStyle.secondary),
    ],
    "report": [
        ("dismiss", "Dismiss", discord.ButtonStyle.secondary),
        ("remove", "Remove message", discord.ButtonStyle.danger),
        ("warn", "Warn", discord.ButtonStyle.secondary),
        ("timeout", "Timeout", discord.ButtonStyle.secondary),
    ],
}
# The buttons that act on the message's author: the moderator must outrank them (bot.permissions.may_act_on).
ACTS_ON_AUTHOR = frozenset({"warn", "timeout", "remove"})
STATUS = {
    "approve": "approved",
    "reject": "rejected",
    "warn": "warned",
    "timeout": "timed out",
    "dismiss": "dismissed",
    "remove": "removed",
}


class ReviewButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"review:(?P<action>approve|reject|warn|timeout|dismiss|remove):(?P<item>\d+)",
):
    def __init__(
        self,
        action: str,
        item_id: int,
        label: str = "",
        style: discord.ButtonStyle = discord.ButtonStyle.secondary,
        disabled: bool = False,
    ) -> None:
        self.action, self.item_id = action, item_id
        super().__init__(
            discord.ui.Button(
                label=label or STATUS[action].title(),
                style=style,
                disabled=disabled,
                custom_id=f"review:{action}:{item_id}",
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> ReviewButton:
        return cls(match["action"], int(match["item"]))

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """A button needs what the /mod command that does the same needs (bot.permissions.CARD_BUTTONS);
        a refused member is told what is needed."""
        return await permitted(interaction, button_level(self.action))

    async def callback(self, interaction: discord.Interaction) -> None:
        client: DiscussionBot = interaction.client  # type: ignore[assignment]
        await client.review_queue.decide(interaction, self.item_id, self.action)


def card_view(item: ReviewItem, *, decided: bool) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for action, label, style in BUTTONS[item.kind]:
        view.add_item(ReviewButton(action, item.id, label, style, disabled=decided))
    return view


class ReviewQueue:
    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot
        self._webhooks: dict[int, discord.Webhook] = {}

    async def _card_channel(self, guild: discord.Guild) -> discord.TextChannel | None:
        channel_id = (await self.bot.guild_config(guild.id)).channel("mod_log_channel")
        channel = guild.get_channel(channel_id) if channel_id else None
        return channel if isinstance(channel, discord.TextChannel) else None

    def card_embed(self, item: ReviewItem, *, reports: int = 0, reasons: list[str] | None = None) -> discord.Embed:
        held = item.kind == "held"
        title = (
            f"Held for review (case {item.case_number})"
            if held
            else f"Reported by {reports} member{'s' if reports != 1 else ''}"
        )
        embed = discord.Embed(
            title=title, colour=discord.Colour.gold() if item.status == "open" else discord.Colour.dark_grey()
        )
        embed.add_field(name="Author", value=f"<@{item.author_id}> ({escape_markdown(item.author_name)})")
        embed.add_field(name="Where", value=f"<#{item.channel_id}>")
        embed.add_field(
            name="Message", value=">>> " + escape_markdown(shorten(item.content or "(empty)", 1000)), inline=False
        )
        if held and item.reason:
            embed.add_field(name="Why", value=shorten(item.reason, 1000), inline=False)
        for reason in (reasons or [])[:5]:  # reporters stay anonymous: their words, not their names
            embed.add_field(name="Reporter's reason", value=escape_markdown(shorten(reason, 300)), inline=False)
        if item.status != "open":
            embed.set_footer(text=f"{item.status.replace('_', ' ').capitalize()} by a moderator")
            embed.description = f"{STATUS_WORD.get(item.status, item.status)} by <@{item.decided_by}>"
        return embed

    # -- new items -----------------------------------------------------------------------------
    async def hold(self, message: discord.Message, case_number: int, reason: str) -> ReviewItem | None:
        assert message.guild is not None
        item = await review_store.add_held(self.bot.db, _reviewed(message), reason=reason, case_number=case_number)
        await self._post_or_update(message.guild, item)
        return item

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
            note = await self.bot.enforcer.screen_text(
                message.guild,
                reporter,
                reason,
                exempt=exempt,
                what="report reason",
                refusal="Your report was not sent",
                channel_id=message.channel.id,
            )
        item, count, _ = await review_store.add_report(
            self.bot.db, _reviewed(message), reporter_id=reporter.id, reason=reason
        )
        if item.status == "open":
            await self._post_or_update(message.guild, item, reports=count)
        return count, note

    async def _post_or_update(self, guild: discord.Guild, item: ReviewItem, *, reports: int = 0) -> None:
        channel = await self._card_channel(guild)
        if channel is None:
            log.warning("Guild %s has no mod-log channel: review item %s has no card", guild.id, item.id)
            return
        reasons = await review_store.report_reasons(self.bot.db, item.id) if item.kind == "report" else None
        embed = self.card_embed(item, reports=reports, reasons=reasons)
        if item.card_message_id is not None:
            await channel.get_partial_message(item.card_message_id).edit(embed=embed, allowed_mentions=NO_PINGS)
            return
        card = await channel.send(embed=embed, view=card_view(item, decided=False), allowed_mentions=NO_PINGS)
        await review_store.record_card(self.bot.db, item.id, channel.id, card.id)

    # -- decisions -----------------------------------------------------------------------------
    async def decide(self, interaction: discord.Interaction, item_id: int, action: str) -> None:
        """A moderator's decision; the button checked their permission already (ReviewButton.interaction_check)."""
        guild = interaction.guild
        if guild is None:
            return
        item = await review_store.get_item(self.bot.db, item_id)
        if item is None or item.guild_id != guild.id:
            await interaction.response.send_message("That review item no longer exists.", ephemeral=True)
            return
        if action in ACTS_ON_AUTHOR:
            try:
                await require_outranks(
                    interaction, guild.get_member(item.author_id) or await guild.fetch_member(item.author_id)
                )
            except discord.NotFound:
                pass  # the author left: nobody to outrank (the warning is still recorded)
            except discord.HTTPException:
                await interaction.response.send_message(
                    "Discord won't tell me who wrote that message right now. Try again in a moment.", ephemeral=True
                )
                return
            except NotAllowed as refused:
                await interaction.response.send_message(str(refused), ephemeral=True, allowed_mentions=NO_PINGS)
                return
        if not await review_store.decide(self.bot.db, item.id, STATUS[action].replace(" ", "_"), interaction.user.id):
            decided = await review_store.get_item(self.bot.db, item.id)
            by = f"<@{decided.decided_by}>" if decided and decided.decided_by else "another moderator"
            await interaction.response.send_message(f"{by} already handled this one.", ephemeral=True)
            return
        await interaction.response.defer()
        problem = await self._carry_out(guild, item, action, interaction.user)
        if problem and action == "approve":
            # The held message was removed when it was held: a failed repost must not lose it. The
            # card stays open with its text, for another Approve or a Reject.
            await review_store.reopen(self.bot.db, item.id)
        decided = await review_store.get_item(self.bot.db, item.id) or item
        reports = len(await review_store.report_reasons(self.bot.db, item.id)) if item.kind == "report" else 0
        embed = self.card_embed(decided, reports=reports)
        if problem and action == "approve":
            embed.add_field(
                name="Could not repost",
                value=f"{problem}. The message is kept on this card: Approve again, or Reject.",
                inline=False,
            )
        elif problem:
            embed.add_field(name="Could not act", value=problem, inline=False)
        await interaction.edit_original_response(
            embed=embed, view=card_view(decided, decided=decided.status != "open"), allowed_mentions=NO_PINGS
        )

    async def _carry_out(
        self, guild: discord.Guild, item: ReviewItem, action: str, moderator: discord.abc.User
    ) -> str | None:
        try:
            if action == "approve":
                await self._repost(guild, item)
            elif action == "remove":
                channel = guild.get_channel_or_thread(item.channel_id)
                if isinstance(channel, discord.TextChannel | discord.Thread):
                    await channel.get_partial_message(item.message_id).delete()
            if action == "warn":
                await self.bot.enforcer.warn(
                    guild,
                    item.author_id,
                    moderator_id=moderator.id,
                    reason=f"From review item {item.id}",
                    excerpt=item.content,
                    channel_id=item.channel_id,
                    message_id=item.message_id,
                )
            elif action in ("timeout", "remove"):
                member = guild.get_member(item.author_id) or await guild.fetch_member(item.author_id)
                until = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=TIMEOUT_MINUTES)
                case = await mod_store.open_case(
                    self.bot.db,
                    guild_id=guild.id,
                    member_id=item.author_id,
                    moderator_id=moderator.id,
                    rule=None,
                    action="timeout" if action == "timeout" else "delete",
                    reason=f"From review item {item.id}",
                    excerpt=item.content,
                    channel_id=item.channel_id,
                    message_id=item.message_id,
                    expires_at=until if action == "timeout" else None,
                )
                self.bot.enforcer.counted(case)
                if action == "timeout":
                    await member.timeout(until, reason=f"Review item {item.id}")
                await self.bot.enforcer.log_case(guild, case)
        except discord.HTTPException as error:
            log.warning("Review item %s: %s failed: %s", item.id, action, error)
            return f"{error.status} {error.text}"
        except LookupError as error:
            return str(error)
        return None

    async def _repost(self, guild: discord.Guild, item: ReviewItem) -> None:
        where = guild.get_channel_or_thread(item.channel_id)
        parent = where.parent if isinstance(where, discord.Thread) else where
        if not isinstance(parent, discord.TextChannel | discord.ForumChannel):
            raise LookupError("the message's channel is gone")
        webhook = self._webhooks.get(parent.id)
        if webhook is None:
            existing = [
                w
                for w in await parent.webhooks()
                if w.user and self.bot.user and w.user.id == self.bot.user.id and w.token
            ]
            webhook = existing[0] if existing else await parent.create_webhook(name=WEBHOOK_NAME)
            self._webhooks[parent.id] = webhook
        content = shorten(item.content, 1900) + "\n-# \N{WHITE HEAVY CHECK MARK} Approved by the moderators"
        kwargs: dict[str, Any] = {"thread": where} if isinstance(where, discord.Thread) else {}
        await webhook.send(
            content,
            username=webhook_username(item.author_name),
            avatar_url=item.author_avatar,
            allowed_mentions=NO_PINGS,
            wait=True,
            **kwargs,
        )


STATUS_WORD = {
    "approved": "Approved",
    "rejected": "Rejected",
    "warned": "Warned",
    "timed_out": "Timed out",
    "dismissed": "Dismissed",
    "removed": "Removed",
}


def _reviewed(message: discord.Message) -> review_store.ReviewedMessage:
    assert message.guild is not None
    return review_store.ReviewedMessage(
        guild_id=message.guild.id,
        channel_id=message.channel.id,
        message_id=message.id,
        author_id=message.author.id,
        author_name=message.author.display_name,
        author_avatar=message.author.display_avatar.url,
        content=message.content,
    )
