"""Article files: parse them into plain data. Nothing here imports discord.py."""

from bot.articles.catalog import ArticleEntry, list_articles
from bot.articles.model import Article, ArticleError, Update, slug_for
from bot.articles.parser import parse_article_file, parse_article_text

__all__ = [
    "Article",
    "ArticleEntry",
    "ArticleError",
    "Update",
    "list_articles",
    "parse_article_file",
    "parse_article_text",
    "slug_for",
]
