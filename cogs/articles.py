"""/article: post an article as a discussion thread with a vote on its exit question; list,
preview and close. Posting and closing need Manage Server or the editor role."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.articles.model import Article
from bot.articles.render import render_article
from bot.autocomplete import article_choices
from bot.checks import editor, require_guild
from bot.client import BotInteraction, DiscussionBot
from bot.enums import PostStatus, VoteMode
from bot.errors import UserFacingError
from bot.formatting import escape_markdown, shorten
from bot.publishing.embeds import to_embed
from bot.publishing.publisher import PostRecord, vote_mode_for
from bot.responses import NO_PINGS

log = logging.getLogger(__name__)

PostChannel = discord.TextChannel | discord.ForumChannel


class Articles(commands.Cog):
    """Post articles as discussion threads, with a vote on the exit question."""

    article = app_commands.Group(name="article", description="Post and manage article discussions.", guild_only=True)

    def __init__(self, bot: DiscussionBot) -> None:
        self.bot = bot

    def _find(self, query: str, guild_id: int | None) -> Article:
        article = self.bot.library.find(query, guild_id)
        if article is None:
            known = ", ".join(f"`{a.slug}`" for a in self.bot.library.articles(guild_id)[:10]) or "none yet"
            raise UserFacingError(f"I don't know an article called {query!r}. Available: {known}.")
        return article

    @article.command(name="post", description="Post an article as a discussion thread with a vote.")
    @app_commands.describe(
        article="The article (type to search by title)",
        channel="A forum channel (new post) or a text channel (message + thread)",
        options="Poll options separated by | (e.g. Yes | No). Leave empty to let members suggest answers",
        duration_hours="How long the vote stays open, in hours (1 to 768; default 24)",
        force="Post again even if this article is already posted in that channel",
    )
    @app_commands.autocomplete(article=article_choices)
    @editor()
    async def post(
        self,
        interaction: BotInteraction,
        article: app_commands.Range[str, 1, 200],
        channel: PostChannel,
        options: app_commands.Range[str, 1, 700] | None = None,
        duration_hours: app_commands.Range[int, 1, 768] = 24,
        force: bool = False,
    ) -> None:
        found = self._find(article, interaction.guild_id)
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.bot.publisher.publish(
            found,
            channel,
            options_text=options,
            duration_hours=duration_hours,
            requested_by=interaction.user.id,
            force=force,
        )
        verb = "Finished posting" if result.resumed else "Posted"
        again = " (its earlier discussion here was deleted, so this is a new one)" if result.replaces_deleted else ""
        await interaction.followup.send(
            f"{verb} **{escape_markdown(found.title)}**{again}: {result.post.jump_url()}\n"
            f"Vote: {VoteMode(result.post.vote_mode).description}, open for {result.post.duration_hours} h.",
            ephemeral=True,
        )

    @article.command(name="list", description="The articles available, and where each is posted.")
    async def list_(self, interaction: BotInteraction) -> None:
        guild = require_guild(interaction)
        posts = await self.bot.publisher.posts_in_guild(guild.id)
        by_slug: dict[str, list[PostRecord]] = {}
        for post in posts:
            by_slug.setdefault(post.article_slug, []).append(post)
        embed = discord.Embed(title="Articles", colour=discord.Colour.blurple())
        articles = self.bot.library.articles(guild.id)
        for found in articles[:25]:
            where = [f"{self._post_line(p)}" for p in by_slug.get(found.slug, [])]
            value = "\n".join(where) if where else "not posted yet"
            embed.add_field(
                name=shorten(f"{found.title} ({found.slug})", 256), value=shorten(value, 1024), inline=False
            )
        if not articles:
            embed.description = "No articles yet: add files to the seeds folder."
        elif len(articles) > 25:
            embed.set_footer(text=f"…and {len(articles) - 25} more; type in /article post to search.")
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @staticmethod
    def _post_line(post: PostRecord) -> str:
        if post.removed:
            return f"<#{post.channel_id}> · discussion deleted in Discord"
        state = PostStatus(post.status).description
        link = post.jump_url() or f"<#{post.channel_id}>"
        return f"<#{post.channel_id}> · {link} · {state}"

    @article.command(name="preview", description="See how an article will look before posting it (only you see it).")
    @app_commands.describe(article="The article (type to search by title)")
    @app_commands.autocomplete(article=article_choices)
    async def preview(self, interaction: BotInteraction, article: app_commands.Range[str, 1, 200]) -> None:
        found = self._find(article, interaction.guild_id)
        specs = render_article(found)
        mode = vote_mode_for(found, list(found.poll_options))
        await interaction.response.send_message(
            f"Preview of **{escape_markdown(found.title)}**: {len(specs)} message(s), then the exit question "
            f"({mode.description}).",
            embed=to_embed(specs[0].embed) if specs[0].embed else discord.utils.MISSING,
            ephemeral=True,
            allowed_mentions=NO_PINGS,
        )
        for spec in specs[1:]:
            assert spec.embed is not None
            await interaction.followup.send(embed=to_embed(spec.embed), ephemeral=True, allowed_mentions=NO_PINGS)
        if found.exit_question:
            options = f"\nPoll options: {' | '.join(found.poll_options)}" if found.poll_options else ""
            await interaction.followup.send(
                f"**Exit question**\n{escape_markdown(shorten(found.exit_question, 1800))}{options}",
                ephemeral=True,
                allowed_mentions=NO_PINGS,
            )

    @article.command(name="close", description="End the vote early, post the final results, lock the thread.")
    @app_commands.describe(article="The article", channel="Where it is posted (needed if posted in several)")
    @app_commands.autocomplete(article=article_choices)
    @editor()
    async def close(
        self,
        interaction: BotInteraction,
        article: app_commands.Range[str, 1, 200],
        channel: PostChannel | None = None,
    ) -> None:
        guild = require_guild(interaction)
        found = self._find(article, interaction.guild_id)
        where = channel.id if channel else None
        post = await self.bot.vote_results.vote_to_close(guild.id, found.slug, found.title, where)
        await interaction.response.defer(ephemeral=True, thinking=True)
        closed = await self.bot.vote_results.close(post)
        await interaction.followup.send(f"Closed the vote. Final results are in {closed.jump_url()}.", ephemeral=True)


async def setup(bot: DiscussionBot) -> None:
    await bot.add_cog(Articles(bot))
