"""Plain render specs → discord.py embeds, in the article's colour."""

from __future__ import annotations

import discord

from bot.articles.render import EmbedSpec

ARTICLE_COLOUR = discord.Colour.from_rgb(52, 101, 164)


def to_embed(spec: EmbedSpec) -> discord.Embed:
    embed = discord.Embed(title=spec.title, url=spec.url, description=spec.description, colour=ARTICLE_COLOUR)
    if spec.author:
        embed.set_author(name=spec.author)
    if spec.footer:
        embed.set_footer(text=spec.footer)
    return embed
