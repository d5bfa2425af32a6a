"""The review queue: a card in the moderators' channel for each held or reported message, with
buttons. The first moderator's decision is stored (a second one is told who was first), carried
out, and the card updated. Approving a held message reposts it through a webhook under the
author's name and avatar, marked as approved.

The cards' buttons are laid out here; their clicks are handled by the reports extension
(cogs/reports.py), which matches REVIEW_PATTERN."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import discord

from bot.config_cache import ConfigCache
from bot.enforcement.cases import CaseLog
from bot.enforcement.sanctions import Sanctions
from bot.enforcement.webhook_names import webhook_username
from bot.enums import CaseAction
from bot.formatting import escape_markdown, shorten
from bot.responses import NO_PINGS, Layout
from bot.storage import review as review_store
from bot.storage.database import Database
from bot.storage.review import ReviewItem

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
REVIEW_ID = "review:{action}:{item_id}"
REVIEW_PATTERN = r"review:(?P<action>approve|reject|warn|timeout|dismiss|remove):(?P<item>\d+)"


def review_button(
    action: str,
    item_id: int,
    label: str = "",
    style: discord.ButtonStyle = discord.ButtonStyle.secondary,
    disabled: bool = False,
) -> discord.ui.Button[Any]:
    return discord.ui.Button(
        label=label or STATUS[action].title(),
        style=style,
        disabled=disabled,
        custom_id=REVIEW_ID.format(action=action, item_id=item_id),
    )


def card_view(item: ReviewItem, *, decided: bool) -> Layout:
    return Layout(
        *(review_button(action, item.id, label, style, disabled=decided) for action, label, style in BUTTONS[item.kind])
    )


class ReviewQueue:
    def __init__(
        self,
        db: Database,
        client: discord.Client,
        *,
        configs: ConfigCache,
        cases: CaseLog,
        sanctions: Sanctions,
    ) -> None:
        self.db = db
        self.client = client  # its user owns the webhooks that repost approved messages
        self.configs = configs  # the mod-log channel, where the cards go
        self.cases = cases
        self.sanctions = sanctions  # a card's Warn and Timeout
        self._webhooks: dict[int, discord.Webhook] = {}

    async def _card_channel(self, guild: discord.Guild) -> discord.TextChannel | None:
        channel_id = (await self.configs.get(guild.id)).channel("mod_log_channel")
        channel = guild.get_channel(channel_id) if channel_id else None
        return channel if isinstance(channel, discord.TextChannel) else None

    async def redraw_card(self, item_id: int) -> None:
        """An item's card drawn again from what the database now holds (after its text was cleared
        or its member forgotten)."""
        item = await review_store.get_item(self.db, item_id)
        if item is None or item.card_channel_id is None or item.card_message_id is None:
            return
        channel = self.client.get_channel(item.card_channel_id)
        if not isinstance(channel, discord.TextChannel):
            return
        try:
            await channel.get_partial_message(item.card_message_id).edit(
                embed=self.card_embed(item), allowed_mentions=NO_PINGS
            )
        except (discord.NotFound, discord.Forbidden):
            pass  # gone, or out of reach: nothing of it is left to edit
        except discord.HTTPException as error:
            log.warning("Could not redraw the review card of item %s: %s", item_id, error)

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
        item = await review_store.add_held(self.db, _reviewed(message), reason=reason, case_number=case_number)
        await self._post_or_update(message.guild, item)
        return item

    async def file_report(self, message: discord.Message, reporter_id: int, reason: str | None) -> int:
        """A member's report (its reason screened already: bot.enforcement.enforcer.Enforcer.report),
        gathered with the message's other reports on one card. The number of reports of the message."""
        assert message.guild is not None
        item, count, _ = await review_store.add_report(
            self.db, _reviewed(message), reporter_id=reporter_id, reason=reason
        )
        if item.status == "open":
            await self._post_or_update(message.guild, item, reports=count)
        return count

    async def _post_or_update(self, guild: discord.Guild, item: ReviewItem, *, reports: int = 0) -> None:
        channel = await self._card_channel(guild)
        if channel is None:
            log.warning("Guild %s has no mod-log channel: review item %s has no card", guild.id, item.id)
            return
        reasons = await review_store.report_reasons(self.db, item.id) if item.kind == "report" else None
        embed = self.card_embed(item, reports=reports, reasons=reasons)
        if item.card_message_id is not None:
            await channel.get_partial_message(item.card_message_id).edit(embed=embed, allowed_mentions=NO_PINGS)
            return
        card = await channel.send(embed=embed, view=card_view(item, decided=False), allowed_mentions=NO_PINGS)
        await review_store.record_card(self.db, item.id, channel.id, card.id)

    # -- decisions (the reports extension asks, for a moderator's click) ----------------------
    async def item(self, guild_id: int, item_id: int) -> ReviewItem | None:
        """The server's review item, or None (gone, or another server's)."""
        item = await review_store.get_item(self.db, item_id)
        return item if item is not None and item.guild_id == guild_id else None

    async def claim(self, item: ReviewItem, action: str, moderator_id: int) -> int | None:
        """Record the moderator's decision if it is the first: None, or who decided first (0: unknown)."""
        if await review_store.decide(self.db, item.id, STATUS[action].replace(" ", "_"), moderator_id):
            return None
        decided = await review_store.get_item(self.db, item.id)
        return decided.decided_by or 0 if decided else 0

    async def carry_out(
        self, guild: discord.Guild, item: ReviewItem, action: str, moderator: discord.abc.User
    ) -> tuple[discord.Embed, Layout]:
        """Do what the moderator decided, then the card as it is now: decided, its buttons off, and
        what could not be done, if anything (an approved message that could not be reposted leaves
        the card open, its buttons on)."""
        problem = await self._carry_out(guild, item, action, moderator)
        if problem and action == "approve":
            # The held message was removed when it was held: a failed repost must not lose it. The
            # card stays open with its text, for another Approve or a Reject.
            await review_store.reopen(self.db, item.id)
        decided = await review_store.get_item(self.db, item.id) or item
        reports = len(await review_store.report_reasons(self.db, item.id)) if item.kind == "report" else 0
        embed = self.card_embed(decided, reports=reports)
        if problem and action == "approve":
            embed.add_field(
                name="Could not repost",
                value=f"{problem}. The message is kept on this card: Approve again, or Reject.",
                inline=False,
            )
        elif problem:
            embed.add_field(name="Could not act", value=problem, inline=False)
        return embed, card_view(decided, decided=decided.status != "open")

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
                await self.sanctions.warn(
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
                async with self.cases.opening(
                    guild,
                    member_id=item.author_id,
                    moderator_id=moderator.id,
                    rule=None,
                    action=CaseAction.TIMEOUT if action == "timeout" else CaseAction.DELETE,
                    reason=f"From review item {item.id}",
                    excerpt=item.content,
                    channel_id=item.channel_id,
                    message_id=item.message_id,
                    expires_at=until if action == "timeout" else None,
                ):
                    if action == "timeout":
                        await member.timeout(until, reason=f"Review item {item.id}")
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
                if w.user and self.client.user and w.user.id == self.client.user.id and w.token
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
