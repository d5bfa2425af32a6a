"""The bot's answers as text: quoted, linked, within Discord's 2,000 characters. Plain functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from bot.chat.retrieval import Sentence
from bot.formatting import escape_markdown, shorten
from bot.voting.tally import VoteSummary, result_lines

LIMIT = 2000


@dataclass(frozen=True, slots=True)
class UpdateView:
    index: int  # 1-based, in publication order
    label: str
    text: str
    created: dt.datetime
    url: str | None
    retracted: bool = False


def quote(text: str, limit: int = 450) -> str:
    return "\n".join("> " + line for line in escape_markdown(shorten(text, limit)).splitlines())


def fit(text: str) -> str:
    return text if len(text) <= LIMIT else text[: LIMIT - 1].rstrip() + "…"


def stamp(moment: dt.datetime, style: str = "f") -> str:
    return f"<t:{int(moment.timestamp())}:{style}>"


def help_text(*, is_editor: bool, is_moderator: bool, is_admin: bool = False) -> str:
    """The commands the asker may use, by bot.permissions' levels (and only those)."""
    lines = [
        "I know the articles discussed here. Ask me **what an article is about**, **the exit question**, "
        "**how the vote is going**, **any updates**, or anything the article says.",
        "Commands: `/vote results`, `/article list`, `/article preview`, `/update list`, `/feed list`.",
    ]
    if is_editor:
        lines.append(
            "For editors: `/article post`, `/article close`, `/update push`, `/update edit`, `/update retract`, "
            "`/feed add`, `/feed remove`."
        )
    if is_moderator:
        lines.append(
            "For moderators: `/mod` (warnings, timeouts, notes, cases, purge, slow mode, locks), `/automod` "
            "(the filters), and the buttons on review and report cards."
        )
    if is_admin:
        lines.append("For admins: `/config show`, `/config set`, `/config reset`.")
    return "\n".join(lines)


GREETING = "Hi! Ask me about the article: what it's about, the latest update, or how the vote is going."
THANKS = "You're welcome! Ask me anything else about the article whenever you like."
RATE_LIMITED = "You're asking faster than I can keep up. Give me a few seconds and ask again."
NO_ARTICLES = "There are no articles here yet. Editors can post one with `/article post`."


def which_one(titles: Sequence[str]) -> str:
    options = "\n".join(f"• {escape_markdown(shorten(t, 120))}" for t in titles[:5])
    return fit(f"Which article do you mean? Ask again with a few words of its title:\n{options}")


LISTED_ARTICLES = 15  # more is a wall of text: the rest are counted, and /article list shows them


def article_list(titles: Sequence[tuple[str, str | None]]) -> str:
    """Whole lines only: as many articles as fit in one message (at most LISTED_ARTICLES), then how
    many more there are and where to see them."""
    lines = [
        f"• **{escape_markdown(shorten(t, 120))}**" + (f" · {url}" if url else " · not posted yet") for t, url in titles
    ]
    text = "Articles I know:"
    for shown, line in enumerate(lines):
        rest = len(lines) - shown
        more = _more_articles(rest - 1) if rest > 1 else ""
        if shown == LISTED_ARTICLES or len(text) + 1 + len(line) + len(more) > LIMIT:
            return text + _more_articles(rest)
        text += "\n" + line
    return text


def _more_articles(count: int) -> str:
    return f"\n…and {count} more: `/article list` shows them all."


def summary(title: str, sentences: Sequence[str], url: str | None) -> str:
    body = quote(" ".join(sentences), 1200) if sentences else "> (no text)"
    link = f"\nDiscussion: {url}" if url else ""
    return fit(f"**{escape_markdown(shorten(title, 200))}**\n{body}{link}")


def exit_question(
    title: str,
    question: str | None,
    mode: str | None,
    is_open: bool | None,
    closes: dt.datetime | None,
    url: str | None,
) -> str:
    if not question:
        return fit(f"**{escape_markdown(shorten(title, 200))}** has no exit question.")
    if mode == "poll":
        how = "Vote in the poll in the discussion thread."
    elif mode == "answers":
        how = "Press **Suggest an answer** in the discussion thread, and upvote the answers you agree with."
    else:
        how = "The article is not posted here yet, so there is no vote yet."
    if is_open is None:
        state = ""
    elif is_open:
        state = f" The vote closes {stamp(closes, 'R')}." if closes else " The vote is open."
    else:
        state = " The vote is closed."
    link = f"\n{url}" if url else ""
    return fit(f"**Exit question:**\n{quote(question, 900)}\n{how}{state}{link}")


def results(title: str, summary_: VoteSummary | None, url: str | None) -> str:
    if summary_ is None:
        return fit(f"**{escape_markdown(shorten(title, 200))}** has no vote here yet.")
    state = "open" if summary_.is_open else "closed"
    voters = f"{summary_.voters} voter{'s' if summary_.voters != 1 else ''}"
    if summary_.mode == "answers" and not summary_.rows:
        body = "No answers suggested yet."
    else:
        heading = "Top answers" if summary_.mode == "answers" else "Results"
        body = f"{heading}:\n```\n" + "\n".join(result_lines(summary_, label_width=36)[:10]) + "\n```"
    link = f"\n{url}" if url else ""
    return fit(f"**{escape_markdown(shorten(title, 200))}** · vote {state} · {voters}\n{body}{link}")


def updates_list(title: str, updates: Sequence[UpdateView], since: dt.timedelta | None, now: dt.datetime) -> str:
    shown = [u for u in updates if not u.retracted and (since is None or u.created >= now - since)]
    if not shown:
        when = f" in the last {_describe(since)}" if since else " yet"
        return fit(f"No updates to **{escape_markdown(shorten(title, 200))}**{when}.")
    lines = []
    for update in reversed(shown):  # newest first
        link = f" [jump]({update.url})" if update.url else ""
        lines.append(
            f"{stamp(update.created)} **{escape_markdown(update.label)}**: "
            f"{escape_markdown(shorten(update.text, 160))}{link}"
        )
    header = f"Updates to **{escape_markdown(shorten(title, 150))}**, newest first"
    header += f" (last {_describe(since)}):" if since else ":"
    text = header
    for line in lines:
        if len(text) + len(line) + 1 > LIMIT - 40:
            text += f"\n…and {len(lines) - text.count(chr(10))} more."
            break
        text += "\n" + line
    return fit(text)


def one_update(title: str, update: UpdateView | None, *, previous: bool = False) -> str:
    if update is None:
        return fit(
            "There is no earlier update."
            if previous
            else f"No updates to **{escape_markdown(shorten(title, 200))}** yet."
        )
    link = f"\n{update.url}" if update.url else ""
    which = "The update before that" if previous else "The latest update"
    return fit(
        f"{which} to **{escape_markdown(shorten(title, 150))}** ({stamp(update.created)}, "
        f"{escape_markdown(update.label)}):\n{quote(update.text, 1400)}{link}"
    )


def _where(sentence: Sentence) -> str:
    passage = sentence.passage
    if passage.kind == "update":
        return escape_markdown(passage.label or "Update")
    if passage.kind == "exit_question":
        return "the exit question"
    return f"paragraph {passage.id[1:]}" if passage.id.startswith("p") else ""


def sentences(title: str, quoted: Sequence[Sentence], url: str | None) -> str:
    """The sentences that answer, in the article's order, each passage's run quoted whole (never
    cut inside a sentence): "…" where the paragraph goes on before or after, a line saying where
    they are, with a jump link when the passage has its own message."""
    runs: list[list[Sentence]] = []
    for sentence in quoted:
        if runs and runs[-1][-1].passage == sentence.passage:
            runs[-1].append(sentence)
        else:
            runs.append([sentence])
    header = f"From **{escape_markdown(shorten(title, 150))}**:"
    footer = f"Discussion: {url}" if url else ""
    blocks = []
    for run in runs:
        pieces = []
        for i, sentence in enumerate(run):
            if i and sentence.position != run[i - 1].position + 1:
                pieces.append("…")
            pieces.append(sentence.text)
        text = " ".join(pieces)
        if run[0].position > 0:
            text = "…" + text
        if run[-1].position < run[-1].of - 1:
            text += " …"
        lines = "\n".join("> " + line for line in escape_markdown(" ".join(text.split())).splitlines())
        where = _where(run[0])
        link = f" · [jump]({run[0].passage.message_url})" if run[0].passage.message_url else ""
        blocks.append(lines + (f"\n-# {where}{link}" if where or link else ""))
    # Over Discord's limit: drop whole runs from the end rather than cut a sentence.
    while blocks:
        text = "\n".join([header, *blocks, *([footer] if footer else [])])
        if len(text) <= LIMIT or len(blocks) == 1:
            return fit(text)
        blocks.pop()
    return fit(header)


def also_in_article(quoted: Sequence[Sentence]) -> str:
    body = "\n".join("> " + line for line in escape_markdown(" ".join(s.text for s in quoted)).splitlines())
    return f"The article says:\n{body}"


def digest(
    title: str,
    votes: VoteSummary | None,
    vote_url: str | None,
    points: Sequence[tuple[str, int, int, str]],  # (excerpt, author id, replies, link)
    thread_url: str | None,
) -> str:
    """What people are saying in a discussion thread: where the vote stands, the top suggested
    answers, and the members' messages others replied to most, each linked."""
    lines = [f"**What people are saying about {escape_markdown(shorten(title, 150))}**"]
    vote_link = f" · [vote]({vote_url})" if vote_url else ""
    if votes is None:
        lines.append("No vote here yet.")
    elif not votes.rows or (votes.total_votes == 0 and votes.mode == "poll"):
        lines.append(f"**Vote** ({'open' if votes.is_open else 'closed'}): no votes yet{vote_link}")
    else:
        state = "open" if votes.is_open else "closed"
        voters = f"{votes.voters} voter{'s' if votes.voters != 1 else ''}"
        heading = "Top suggested answers" if votes.mode == "answers" else "Where the vote stands"
        lines.append(f"**{heading}** ({state}, {voters}){vote_link}:")
        for row in votes.rows[:3]:
            lines.append(
                f"• {escape_markdown(shorten(row.label, 120))}: {row.votes} vote{'s' if row.votes != 1 else ''} "
                f"({row.percent:.0f}%)"
            )
    if points:
        lines.append("**Most replied-to points:**")
        for excerpt, author, count, link in points:
            lines.append(
                f"• <@{author}>: “{escape_markdown(shorten(excerpt, 160))}” · "
                f"{count} repl{'ies' if count != 1 else 'y'} · [jump]({link})"
            )
    else:
        lines.append("Nobody has replied to anyone in the thread yet.")
    if thread_url:
        lines.append(f"Discussion: {thread_url}")
    return fit("\n".join(lines))


def nothing_found(title: str) -> str:
    return fit(
        f"I couldn't find anything about that in **{escape_markdown(shorten(title, 150))}**. "
        "Try asking what it's about, about the exit question, or for the latest update."
    )


def _describe(since: dt.timedelta) -> str:
    hours = since.total_seconds() / 3600
    if hours >= 24 and hours % 24 == 0:
        days = int(hours // 24)
        return "day" if days == 1 else f"{days} days"
    if hours >= 1:
        return "hour" if hours == 1 else f"{hours:.0f} hours"
    return f"{since.total_seconds() / 60:.0f} minutes"
