"""Answer a member's message from what the bot knows: articles, their posts, updates and votes.

No discord.py here: the cog passes plain facts about the message in and sends the text that comes out.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.articles.library import ArticleLibrary
from bot.articles.model import Article
from bot.chat import replies
from bot.chat.embedding import load_models
from bot.chat.intents import GRABBING, Intent, topic_words, understand, update_ordinal
from bot.chat.limits import QuestionLimiter
from bot.chat.retrieval import Answer, Passage, PassageIndex, Query
from bot.chat.summary import summarize
from bot.chat.typos import lexicon
from bot.chat.words import speaker_context, tokens
from bot.enums import PostStatus
from bot.storage import discussion as discussion_store
from bot.storage import posts as post_store
from bot.storage import updates as update_store
from bot.storage import votes as vote_store
from bot.storage.database import Database
from bot.storage.posts import PostRecord
from bot.voting.tally import VoteSummary
from bot.voting.tally import summarize as summarize_votes

if TYPE_CHECKING:
    from bot.chat.embedding import Models

log = logging.getLogger(__name__)

CONTEXT_SECONDS = 300.0


async def _no_discussion(post: PostRecord) -> bool:
    return False  # nobody said who may see what: speak of no discussion (fail closed)


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
    # In a DM: the servers the asker shares with the bot (as the bot knows its members). A DM may
    # speak only of these servers' discussions, votes and updates, never of another server's.
    member_guild_ids: tuple[int, ...] = ()
    # Whether this answer may speak of a posted discussion (its vote, its digest, links into it): the
    # asker sees it and so does every reader of the answer (bot.permissions.may_discuss, read from
    # Discord by the cog). Not given: no discussion is spoken of, only the articles.
    may_discuss: Callable[[PostRecord], Awaitable[bool]] = _no_discussion

    @property
    def guild_ids(self) -> tuple[int, ...]:
        """The servers whose discussions this request may hear about."""
        return (self.guild_id,) if self.guild_id is not None else self.member_guild_ids


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    quoted: list[str] = field(default_factory=list)  # the article's text in the reply, best first
    answered: bool = True  # False: "I couldn't find anything about that"


@dataclass(slots=True)
class _Context:
    slug: str
    update_index: int | None  # the update last shown (1-based)
    until: float
    question: str | None = None  # the last question about the article, for follow-ups
    intent: Intent | None = None
    passages: tuple[str, ...] = ()  # where the last answer quoted the article (passage ids)


class ChatService:
    def __init__(
        self,
        db: Database,
        library: ArticleLibrary,
        *,
        is_blocked: Callable[[str], bool] = lambda text: False,
        models: Models | None = None,
    ) -> None:
        self.db = db
        self.library = library
        self.is_blocked = is_blocked  # the moderation filter: never repeat what it would block
        # The sentence-embedding model, when loaded (the cog loads it in a thread at start-up;
        # until then, and if it cannot load, questions are matched by their words alone).
        self.models = models
        self.models_ready = asyncio.Event()  # set once the embedding models are loaded (or failed to)
        self.limiter = QuestionLimiter()  # a member asking too fast is asked to slow down
        self._contexts: dict[tuple[int, int], _Context] = {}
        self._indexes: dict[tuple[object, ...], asyncio.Future[PassageIndex]] = {}

    async def answer(self, request: ChatRequest, now: dt.datetime | None = None) -> str:
        return (await self.respond(request, now)).text

    async def respond(self, request: ChatRequest, now: dt.datetime | None = None) -> Reply:
        now = now or dt.datetime.now(dt.UTC)
        understood = understand(request.text)
        intent = understood.intent
        if intent is Intent.GREETING:
            return Reply(replies.GREETING)
        if intent is Intent.THANKS:
            return Reply(replies.THANKS)
        if intent is Intent.HELP:
            return Reply(
                replies.help_text(
                    is_editor=request.is_editor, is_moderator=request.is_moderator, is_admin=request.is_admin
                )
            )
        if intent is Intent.LIST_ARTICLES:
            return Reply(await self._list(request))
        article, post, ask = await self._which_article(request, understood.text)
        if ask is not None:
            return Reply(ask)
        if article is None:
            return Reply(replies.NO_ARTICLES)
        key = (request.channel_id, request.user_id)
        context = self._contexts.get(key)
        if context is not None and (context.slug != article.slug or context.until < time.monotonic()):
            context = None
        previous_index = context.update_index if context else None
        shown_index: int | None = None
        quoted_passages: tuple[str, ...] = ()
        if intent in GRABBING and await self._names_a_topic(article, post, request, understood.text):
            intent = Intent.QUESTION  # "what's the latest on the lawsuit?" asks about the lawsuit
        url = post.jump_url() if post else None
        ordinal = update_ordinal(understood.text) if context and context.intent is Intent.UPDATES else None
        if intent is Intent.QUESTION and ordinal is not None:
            intent = Intent.NTH_UPDATE
        reply: Reply
        if intent is Intent.SUMMARY:
            picked = summarize(article.paragraphs)
            reply = Reply(replies.summary(article.title, picked, url), picked)
        elif intent is Intent.EXIT_QUESTION:
            closes = post.closes_at if post else None
            reply = Reply(
                replies.exit_question(
                    article.title,
                    article.exit_question,
                    post.vote_mode if post else None,
                    post.is_open if post else None,
                    closes,
                    url,
                ),
                [article.exit_question] if article.exit_question else [],
            )
        elif intent is Intent.RESULTS:
            text = replies.results(article.title, await self._votes(post), url)
            # "vote count?" about an article that is itself about a vote: what the article says too.
            found = await self._find(article, post, request, understood.text, None)
            if found is not None:
                text = replies.fit(text + "\n" + replies.also_in_article(found.quoted))
            reply = Reply(text, [s.text for s in found.quoted] if found else [])
        elif intent is Intent.DISCUSSION:
            reply = Reply(await self._digest(article, post, url))
        elif intent in (Intent.UPDATES, Intent.LATEST_UPDATE, Intent.PREVIOUS_UPDATE, Intent.NTH_UPDATE):
            views = await self._updates(article, post, _guild_of(request, post))
            live = [v for v in views if not v.retracted]
            if intent is Intent.UPDATES:
                text = replies.updates_list(article.title, views, understood.since, now)
                shown = [v for v in reversed(live) if understood.since is None or v.created >= now - understood.since]
                reply = Reply(text, [v.text for v in shown])
                shown_index = live[-1].index if live else None
            else:
                if intent is Intent.LATEST_UPDATE:
                    chosen = live[-1] if live else None
                elif intent is Intent.NTH_UPDATE:
                    assert ordinal is not None  # 1-based, or -1 for the last one
                    position = ordinal - 1 if ordinal > 0 else len(live) + ordinal
                    chosen = live[position] if 0 <= position < len(live) else None
                else:
                    before = [v for v in live if previous_index is None or v.index < previous_index]
                    if previous_index is None:  # "the one before that" with nothing shown yet: before the latest
                        before = live[:-1]
                    chosen = before[-1] if before else None
                text = replies.one_update(article.title, chosen, previous=intent is Intent.PREVIOUS_UPDATE)
                reply = Reply(text, [chosen.text] if chosen else [])
                shown_index = chosen.index if chosen else previous_index
        else:
            previous = context.question if context else None
            found = await self._find(
                article, post, request, understood.text, previous, context.passages if context else ()
            )
            if found is not None:
                quoted_passages = tuple(dict.fromkeys(s.passage.id for s in found.quoted))
            if found is None:
                reply = Reply(replies.nothing_found(article.title), [], answered=False)
            else:
                reply = Reply(
                    replies.sentences(article.title, found.quoted, url), [h.sentence.text for h in found.ranked]
                )
        self._contexts[key] = _Context(
            article.slug,
            shown_index if shown_index is not None else previous_index,
            time.monotonic() + CONTEXT_SECONDS,
            question=understood.text,  # "where exactly?" after "any update about gunships?" leans on it
            intent=intent,
            passages=quoted_passages,
        )
        if len(self._contexts) > 10_000:  # forget idle conversations
            moment = time.monotonic()
            for stale in [k for k, c in self._contexts.items() if c.until < moment]:
                del self._contexts[stale]
        return reply

    async def _find(
        self,
        article: Article,
        post: PostRecord | None,
        request: ChatRequest,
        text: str,
        previous: str | None,
        previous_passages: tuple[str, ...] = (),
    ) -> Answer | None:
        """The article's answer to a question, never quoting what the filters would block."""
        index = await self._index(article, post, _guild_of(request, post))
        found = await asyncio.to_thread(
            index.answer, Query(text, previous, previous_passages)
        )  # an E5 encoding: off the loop
        if found is None:
            return None
        ranked = [h for h in found.ranked if not self.is_blocked(h.sentence.text)]
        quoted = [s for s in found.quoted if not self.is_blocked(s.text)]
        if not quoted and ranked and ranked[0].sentence in {h.sentence for h in found.ranked[:3]}:
            quoted = [ranked[0].sentence]  # the answer was blocked: the next best, if it was close
        return Answer(ranked, quoted, found.signals) if quoted else None

    async def _names_a_topic(self, article: Article, post: PostRecord | None, request: ChatRequest, text: str) -> bool:
        """Whether a message asked like "what's the latest?" or "how's the vote?" also names something
        the article uses, after those words ("on the lawsuit")."""
        extra = topic_words(text)
        if not extra:
            return False
        index = await self._index(article, post, _guild_of(request, post))
        return index.names_a_topic(extra)

    # -- which article --------------------------------------------------------------------------
    async def _which_article(
        self, request: ChatRequest, text: str
    ) -> tuple[Article | None, PostRecord | None, str | None]:
        articles = self._articles(request)
        named = _named_article(articles, text)
        if request.thread_id is not None and named is None:
            post = await post_store.post_by_thread(self.db, request.thread_id)
            if post is not None and not await request.may_discuss(post):
                post = None
            if post is not None and (article := self.library.get(post.article_slug)) is not None:
                return article, post, None
        if named is None:
            context = self._contexts.get((request.channel_id, request.user_id))
            if context is not None and context.until > time.monotonic():
                named = next((a for a in articles if a.slug == context.slug), None)
        posts = await self._recent_posts(request)
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
        visible = {a.slug: a for a in articles}
        if len(rivals) > 1:  # several open discussions: "the most recent" would be a guess
            titles = [visible[slug].title for slug in sorted(rivals) if slug in visible]
            return None, None, replies.which_one(titles)
        return visible.get(latest.article_slug), latest, None

    def _articles(self, request: ChatRequest) -> list[Article]:
        """The articles this request may hear about: the seeds, and those of its servers."""
        found: dict[str, Article] = {}
        for guild_id in request.guild_ids or (None,):
            for article in self.library.articles(guild_id) if guild_id is not None else self.library.seeds():
                found.setdefault(article.slug, article)
        return list(found.values())

    async def _recent_posts(self, request: ChatRequest) -> list[PostRecord]:
        """The posted discussions of the request's servers (none for a DM from a member the bot
        shares no server with) that this answer may speak of, newest first."""
        posts = [p for g in request.guild_ids for p in await post_store.posts_in_guild(self.db, g)]
        posts.sort(key=lambda p: p.id, reverse=True)
        return [p for p in posts if p.status in (PostStatus.POSTED, PostStatus.CLOSED) and await request.may_discuss(p)]

    async def _list(self, request: ChatRequest) -> str:
        articles = self._articles(request)
        if not articles:
            return replies.NO_ARTICLES
        posts = await self._recent_posts(request)
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
            replies.UpdateView(i, r.label, r.text, r.created_at, links.get(r.id), r.retracted)
            for i, r in enumerate(records, start=1)
        ]
        if not views:  # not stored yet (no seed scan so far): the article file's own updates
            views = [
                replies.UpdateView(i, u.label, u.text, _epoch(), None) for i, u in enumerate(article.updates, start=1)
            ]
        return [v for v in views if not self.is_blocked(v.text)]

    async def _index(self, article: Article, post: PostRecord | None, guild_id: int | None) -> PassageIndex:
        """The article's index, built once per version of its text (and again once the model loads).
        Built in a thread: embedding a long article's sentences takes seconds of one core, which the
        event loop must not wait on."""
        views = await self._updates(article, post, guild_id)
        models = self.models
        key = (
            article.slug,
            guild_id,
            hash(article.paragraphs),
            article.exit_question,
            tuple((v.index, hash(v.text), v.url) for v in views if not v.retracted),
            id(models),
        )
        future = self._indexes.get(key)
        if future is None:
            paragraphs = article.paragraphs
            passages = [
                Passage(f"p{i}", "paragraph", text, context=speaker_context(text, paragraphs[i - 2] if i > 1 else None))
                for i, text in enumerate(paragraphs, start=1)
            ]
            if article.exit_question:
                passages.append(Passage("q", "exit_question", article.exit_question))
            passages += [Passage(f"u{v.index}", "update", v.text, v.label, v.url) for v in views if not v.retracted]
            if len(self._indexes) > 64:
                self._indexes.clear()
            future = asyncio.get_running_loop().create_future()
            self._indexes[key] = future
            try:
                # off the loop: embedding the sentences, and the word list read the first time
                index = await asyncio.to_thread(PassageIndex, passages, models)
            except BaseException as error:
                del self._indexes[key]
                future.set_exception(error)
                future.exception()  # retrieved: the caller raises it
                raise
            future.set_result(index)
            return index
        return await asyncio.shield(future)

    async def _digest(self, article: Article, post: PostRecord | None, url: str | None) -> str:
        """The thread's vote and its most replied-to points; never a message the filters would
        block (removed ones were never stored, or were forgotten when deleted)."""
        votes = await self._votes(post)
        points = []
        vote_url = None
        if post is not None and post.thread_id is not None:
            if post.question_message_id is not None:
                vote_url = f"https://discord.com/channels/{post.guild_id}/{post.thread_id}/{post.question_message_id}"
            for point in await discussion_store.top_points(self.db, post.thread_id, 6):
                if self.is_blocked(point.excerpt):
                    continue
                link = f"https://discord.com/channels/{post.guild_id}/{point.thread_id}/{point.message_id}"
                points.append((point.excerpt, point.author_id, point.replies, link))
        return replies.digest(article.title, votes, vote_url, points[:3], url)

    async def warm(self, models: Models) -> None:
        """Embed the articles' sentences (in a thread), then answer with the models: until then
        questions are matched by their words, instead of waiting seconds for the embedding."""
        for article in self.library.articles():
            views = await self._updates(article, None, None)
            texts = [*article.paragraphs, *([article.exit_question] if article.exit_question else [])]
            texts += [v.text for v in views if not v.retracted]
            await asyncio.to_thread(
                PassageIndex, [Passage(f"w{i}", "paragraph", t) for i, t in enumerate(texts)], models
            )
        self.models = models

    async def load_models(self) -> None:
        """The embedding models load in a thread (about a second), then the articles' sentences are
        embedded (a thread again): questions asked meanwhile are matched by their words. A model that
        cannot load is logged, and the chat goes on matching words. `models_ready` is set either way."""
        try:
            started = time.perf_counter()
            await asyncio.to_thread(lexicon)  # the English word list the spelling correction reads
            models = await asyncio.to_thread(load_models)
            if models is not None:
                log.info("Chat embedding models loaded in %.1f s", time.perf_counter() - started)
                await self.warm(models)
        except Exception:
            log.exception("Preparing the chat's embedding models failed; the chat matches words only")
        finally:
            self.models_ready.set()

    def forget_member(self, user_id: int) -> None:
        """A member asked to be forgotten: the article they were talking about and how fast they
        asked go from memory."""
        for key in [k for k in self._contexts if k[1] == user_id]:
            del self._contexts[key]
        self.limiter.forget(user_id)


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


def _guild_of(request: ChatRequest, post: PostRecord | None) -> int | None:
    """The server whose updates to show: the request's, or in a DM the discussion's (one of the
    asker's servers, or there would be no post)."""
    return request.guild_id if request.guild_id is not None else (post.guild_id if post else None)


def _epoch() -> dt.datetime:
    return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
