"""Answer a member's message from what the bot knows: articles, their posts, updates and votes.

No discord.py here: the cog passes plain facts about the message in and sends the text that comes out.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.articles.library import ArticleLibrary
from bot.articles.model import Article
from bot.chat import replies
from bot.chat.intents import Intent, understand
from bot.chat.retrieval import Passage, PassageIndex
from bot.chat.summary import summarize
from bot.chat.text import speaker_context, tokens
from bot.storage import posts as post_store
from bot.storage import updates as update_store
from bot.storage import votes as vote_store
from bot.storage.database import Database
from bot.storage.posts import PostRecord
from bot.voting.tally import VoteSummary
from bot.voting.tally import summarize as summarize_votes

CONTEXT_SECONDS = 300.0


@dataclass(frozen=True, slots=True)
class ChatRequest:
    text: str
    user_id: int
    channel_id: int
    guild_id: int | None
    thread_id: int | None = None  # when asked inside a thread
    is_editor: bool = False
    is_moderator: bool = False
    is_admin: bool = False


@dataclass(slots=True)
class _Context:
    slug: str
    update_index: int | None  # the update last shown (1-based)
    until: float


class ChatService:
    def __init__(
        self, db: Database, library: ArticleLibrary, *, is_blocked: Callable[[str], bool] = lambda text: False
    ) -> None:
        self.db = db
        self.library = library
        self.is_blocked = is_blocked  # the moderation filter: never repeat what it would block
        self._contexts: dict[tuple[int, int], _Context] = {}
        self._indexes: dict[tuple[str, int | None, tuple[tuple[int, int], ...]], PassageIndex] = {}

    async def answer(self, request: ChatRequest, now: dt.datetime | None = None) -> str:
        now = now or dt.datetime.now(dt.UTC)
        understood = understand(request.text)
        intent = understood.intent
        if intent is Intent.GREETING:
            return replies.GREETING
        if intent is Intent.THANKS:
            return replies.THANKS
        if intent is Intent.HELP:
            return replies.help_text(
                is_editor=request.is_editor, is_moderator=request.is_moderator, is_admin=request.is_admin
            )
        if intent is Intent.LIST_ARTICLES:
            return await self._list(request)
        article, post, ask = await self._which_article(request, understood.text)
        if ask is not None:
            return ask
        if article is None:
            return replies.NO_ARTICLES
        key = (request.channel_id, request.user_id)
        context = self._contexts.get(key)
        previous_index = context.update_index if context and context.slug == article.slug else None
        shown_index: int | None = None
        url = post.jump_url() if post else None
        if intent is Intent.SUMMARY:
            text = replies.summary(article.title, summarize(article.paragraphs), url)
        elif intent is Intent.EXIT_QUESTION:
            closes = _parse(post.closes_at) if post and post.closes_at else None
            text = replies.exit_question(
                article.title,
                article.exit_question,
                post.vote_mode if post else None,
                post.is_open if post else None,
                closes,
                url,
            )
        elif intent is Intent.RESULTS:
            text = replies.results(article.title, await self._votes(post), url)
        elif intent in (Intent.UPDATES, Intent.LATEST_UPDATE, Intent.PREVIOUS_UPDATE):
            views = await self._updates(article, post, request.guild_id)
            live = [v for v in views if not v.retracted]
            if intent is Intent.UPDATES:
                text = replies.updates_list(article.title, views, understood.since, now)
                shown_index = live[-1].index if live else None
            elif intent is Intent.LATEST_UPDATE:
                latest = live[-1] if live else None
                text = replies.one_update(article.title, latest)
                shown_index = latest.index if latest else None
            else:
                before = [v for v in live if previous_index is None or v.index < previous_index]
                if previous_index is None:  # "the update before that" with nothing shown yet: the one before the latest
                    before = live[:-1]
                chosen = before[-1] if before else None
                text = replies.one_update(article.title, chosen, previous=True)
                shown_index = chosen.index if chosen else previous_index
        else:
            index = await self._index(article, post, request.guild_id)
            hits = [h for h in index.search(understood.text) if not self.is_blocked(h.passage.text)]
            text = replies.passages(article.title, hits, url) if hits else replies.nothing_found(article.title)
        self._contexts[key] = _Context(
            article.slug, shown_index if shown_index is not None else previous_index, time.monotonic() + CONTEXT_SECONDS
        )
        return text

    # -- which article --------------------------------------------------------------------------
    async def _which_article(
        self, request: ChatRequest, text: str
    ) -> tuple[Article | None, PostRecord | None, str | None]:
        articles = self.library.articles(request.guild_id)
        named = _named_article(articles, text)
        if request.thread_id is not None and named is None:
            post = await post_store.post_by_thread(self.db, request.thread_id)
            if post is not None and (article := self.library.get(post.article_slug)) is not None:
                return article, post, None
        if named is None:
            context = self._contexts.get((request.channel_id, request.user_id))
            if context is not None and context.until > time.monotonic():
                named = self.library.get(context.slug)
        posts = await self._recent_posts(request.guild_id)
        if named is not None:
            return named, next((p for p in posts if p.article_slug == named.slug), None), None
        if not posts:
            if len(articles) == 1:
                return articles[0], None, None
            if not articles:
                return None, None, None
            return None, None, replies.which_one([a.title for a in articles])
        latest = posts[0]
        rivals = {p.article_slug for p in posts if p.is_open}
        if len(rivals) > 1:  # several open discussions: "the most recent" would be a guess
            titles = [a.title for a in (self.library.get(slug) for slug in rivals) if a is not None]
            return None, None, replies.which_one(titles)
        return self.library.get(latest.article_slug), latest, None

    async def _recent_posts(self, guild_id: int | None) -> list[PostRecord]:
        if guild_id is None:
            rows = await self.db.fetch_all(
                "SELECT id FROM article_posts WHERE status IN ('posted', 'closed') ORDER BY id DESC LIMIT 20"
            )
            found = [await post_store.get_post(self.db, int(r["id"])) for r in rows]
            return [p for p in found if p is not None]
        posts = await post_store.posts_in_guild(self.db, guild_id)
        return [p for p in reversed(posts) if p.status in ("posted", "closed")]

    async def _list(self, request: ChatRequest) -> str:
        articles = self.library.articles(request.guild_id)
        if not articles:
            return replies.NO_ARTICLES
        posts = await self._recent_posts(request.guild_id)
        rows = []
        for article in articles:
            post = next((p for p in posts if p.article_slug == article.slug), None)
            rows.append((article.title, post.jump_url() if post else None))
        return replies.article_list(rows)

    # -- facts ---------------------------------------------------------------------------------
    async def _votes(self, post: PostRecord | None) -> VoteSummary | None:
        if post is None or post.vote_mode == "none":
            return None
        question = post.exit_question or post.article_title
        if post.vote_mode == "poll":
            tally = await vote_store.poll_tally(self.db, post.id)
            voters = await vote_store.poll_voter_count(self.db, post.id)
            return summarize_votes(
                question, [(o.text, o.votes) for o in tally], voters=voters, is_open=post.is_open, mode="poll"
            )
        answers = await vote_store.top_exit_answers(self.db, post.id, 5)
        _, voters = await vote_store.exit_answer_stats(self.db, post.id)
        return summarize_votes(
            question,
            [(a.text, a.votes) for a in answers if not self.is_blocked(a.text)],
            voters=voters,
            is_open=post.is_open,
            mode="answers",
        )

    async def _updates(
        self, article: Article, post: PostRecord | None, guild_id: int | None
    ) -> list[replies.UpdateView]:
        records = await update_store.updates_of_article(self.db, article.slug, guild_id)
        links: dict[int, str] = {}
        if post is not None and post.thread_id is not None:
            for job in await update_store.deliveries_of_post(self.db, post.id):
                if job.message_ids:
                    links[job.update.id] = (
                        f"https://discord.com/channels/{post.guild_id}/{post.thread_id}/{job.message_ids[0]}"
                    )
        views = [
            replies.UpdateView(i, r.label, r.text, r.created(), links.get(r.id), r.retracted)
            for i, r in enumerate(records, start=1)
        ]
        if not views:  # not stored yet (no seed scan so far): the article file's own updates
            views = [
                replies.UpdateView(i, u.label, u.text, _epoch(), None) for i, u in enumerate(article.updates, start=1)
            ]
        return [v for v in views if not self.is_blocked(v.text)]

    async def _index(self, article: Article, post: PostRecord | None, guild_id: int | None) -> PassageIndex:
        views = await self._updates(article, post, guild_id)
        key = (article.slug, guild_id, tuple((v.index, hash(v.text)) for v in views))
        index = self._indexes.get(key)
        if index is None:
            paragraphs = article.paragraphs
            passages = [
                Passage(f"p{i}", "paragraph", text, context=speaker_context(text, paragraphs[i - 2] if i > 1 else None))
                for i, text in enumerate(paragraphs, start=1)
            ]
            if article.exit_question:
                passages.append(Passage("q", "exit_question", article.exit_question))
            passages += [Passage(f"u{v.index}", "update", v.text, v.label, v.url) for v in views if not v.retracted]
            index = PassageIndex(passages)
            if len(self._indexes) > 256:
                self._indexes.clear()
            self._indexes[key] = index
        return index

    def forget_member(self, user_id: int) -> None:
        """A member asked to be forgotten: the article they were talking about goes from memory."""
        for key in [k for k in self._contexts if k[1] == user_id]:
            del self._contexts[key]


def _named_article(articles: list[Article], text: str) -> Article | None:
    """The article whose title the message clearly names (most shared title words, at least two)."""
    words = set(tokens(text))
    if not words or len(articles) < 2:
        return None
    scored = sorted(((len(words & set(tokens(a.title))), a) for a in articles), key=lambda item: -item[0])
    best, second = scored[0], scored[1] if len(scored) > 1 else (0, None)
    if best[0] >= 2 and best[0] > second[0]:
        return best[1]
    return None


def _parse(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def _epoch() -> dt.datetime:
    return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
