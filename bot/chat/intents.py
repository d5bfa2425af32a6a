"""What a member is asking for, from the words they use. Plain rules, checked in order."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from bot.chat.typos import SHORTHAND
from bot.chat.words import STOP_WORDS


class Intent(StrEnum):
    HELP = "help"
    GREETING = "greeting"
    THANKS = "thanks"
    LIST_ARTICLES = "list_articles"
    SUMMARY = "summary"
    EXIT_QUESTION = "exit_question"
    RESULTS = "results"
    UPDATES = "updates"
    LATEST_UPDATE = "latest_update"
    PREVIOUS_UPDATE = "previous_update"
    NTH_UPDATE = "nth_update"  # "the second one", after a list of updates
    DISCUSSION = "discussion"  # "what are people saying?"
    QUESTION = "question"


@dataclass(frozen=True, slots=True)
class Understood:
    intent: Intent
    text: str  # the message without mentions, for retrieval and article matching
    since: dt.timedelta | None = None


_MENTION = re.compile(r"<@[!&]?\d+>|<#\d+>|@(?:everyone|here)\b")


def _has(text: str, *patterns: str) -> bool:
    return any(re.search(pattern, text) for pattern in patterns)


def _since(text: str) -> dt.timedelta | None:
    if "yesterday" in text or "last day" in text or "past day" in text:
        return dt.timedelta(days=1)
    if _has(text, r"\btoday\b", r"\bthis morning\b"):
        return dt.timedelta(hours=24)
    if "last week" in text or "this week" in text or "past week" in text:
        return dt.timedelta(days=7)
    if match := re.search(r"(?:last|past)\s+(\d{1,3})\s*(hour|hr|day|minute|min)s?", text):
        number, unit = int(match.group(1)), match.group(2)
        return (
            dt.timedelta(hours=number)
            if unit in ("hour", "hr")
            else (dt.timedelta(days=number) if unit == "day" else dt.timedelta(minutes=number))
        )
    if _has(text, r"\blast hour\b", r"\bpast hour\b"):
        return dt.timedelta(hours=1)
    return None


_GREETING = r"^(hi|hello|hey|heya|hiya|yo|howdy|greetings|good (morning|afternoon|evening))\b"
_THANKS = r"\b(thanks|thank you|thx|ty|cheers|much appreciated|great,? thanks)\b"
# What may follow a greeting or a thank-you without saying anything more.
_FILLER = frozenset("there again everyone all folks bot so much very lot lots a you guys mate buddy friend".split())


def _says_more(pattern: str, low: str) -> bool:
    """Whether a greeting or a thank-you comes with words of its own ("hey, who's the judge?")."""
    rest = re.sub(pattern, " ", low)
    return any(w not in _FILLER for w in re.findall(r"[a-z']+", rest))


def understand(message: str) -> Understood:
    text = " ".join(_MENTION.sub(" ", message).split())
    # chat shorthand spelled out first: "whats the latest", "hows the vote going"
    low = re.sub(r"[a-z0-9/]+", lambda m: SHORTHAND.get(m.group(0), m.group(0)), text.casefold().replace("’", "'"))
    words = re.findall(r"[a-z']+", low)
    if not words:
        return Understood(Intent.HELP, text)
    short = len(words) <= 5
    if short and _has(low, _GREETING) and not _has(low, r"\?$") and not _says_more(_GREETING, low):
        return Understood(Intent.GREETING, text)
    if short and _has(low, _THANKS) and not _says_more(_THANKS, low):
        return Understood(Intent.THANKS, text)
    if _has(low, f"^(?:{_GREETING[1:]}|{_THANKS})") and _says_more(_GREETING, low) | _says_more(_THANKS, low):
        # "hey, who's the judge?", "thanks! and the second one?": the rest is the message
        rest = re.sub(rf"^\W*(?:(?:{_GREETING[1:]}|{_THANKS})[\s,!.:;-]*)+", "", text, flags=re.IGNORECASE)
        if rest:
            return understand(rest)
    if _has(
        low,
        r"\bwhat can you do\b",
        r"^help\b",
        r"\bhelp me\b",
        r"\bcommands?\b",
        r"\bhow do(es)? (i|you) use\b",
        r"\bwhat do you do\b",
        r"\bwho are you\b",
    ):
        return Understood(Intent.HELP, text)
    if _has(
        low,
        r"\b(update|one) before (that|this|it)\b",
        r"\bprevious update\b",
        r"\bearlier update\b",
        r"^and before that\b",
        r"\bbefore that one\b",
        r"\bthe one before\b",
    ):
        return Understood(Intent.PREVIOUS_UPDATE, text)
    if _has(
        low,
        r"\b(latest|last|newest|most recent|recent) update\b",
        r"\bwhat's the latest\b",
        r"\bwhat is the latest\b",
        r"\blatest news\b",
    ):
        return Understood(Intent.LATEST_UPDATE, text)
    if _has(
        low,
        r"\bupdates?\b",
        r"\bwhat('s| has| have)? changed\b",
        r"\bwhat's new\b",
        r"\bwhat is new\b",
        r"\bany news\b",
        r"\banything new\b",
        r"\bnews since\b",
        r"\bsince yesterday\b",
        r"\b(did|has) anything (change|changed|happen|happened)\b",
        r"\banything (changed|happened) since\b",
        r"\bsince (the|it|this) (post|article|story|piece) (went up|was posted|came out)\b",
    ):
        return Understood(Intent.UPDATES, text, _since(low))
    if _has(
        low,
        r"\bwhat (are|is|do|did|have) (people|members|folks|everyone|everybody|others|the others|users|the community)"
        r"( been)? (say|saying|said|think|thinking|talking about|discussing|arguing)",
        r"\bwhat('s| is) the (discussion|conversation|thread|debate|community|chat) (saying|about|like|think)",
        r"\b(sum up|summari[sz]e|recap|digest of) (the )?(discussion|conversation|thread|debate|comments|replies)\b",
        r"\bwhat('s| is| are)? (the )?(thread|discussion|comments|people) (saying|think|thinking)\b",
        r"\b(main|top|best|popular|hot) (points|arguments|comments|takes)\b",
        r"\bwhat do (people|members|folks|others) think\b",
        r"\bhow('s| is) the (discussion|debate|conversation|thread) going\b",
    ):
        return Understood(Intent.DISCUSSION, text)
    if _has(
        low,
        r"\bhow('s| is| are)? (the )?(vote|voting|poll)\b",
        r"^results?\W*$",
        r"\b(vote|voting|poll) results?\b",
        r"\bresults? (of|for|in) the (vote|poll|voting)\b",
        r"\bwho('s| is) winning\b",
        r"\btally\b",
        r"\bvote counts?\b",
        r"\btop answers?\b",
        r"\bwhat did people vote\b",
        r"\bhow many (people )?(voted|votes)\b",
        r"\bleading answer\b",
        r"\b(vote|poll|voting) standings?\b",
        r"^standings?\W*$",
    ):
        return Understood(Intent.RESULTS, text)
    if _has(
        low,
        r"\bexit question\b",
        r"\bwhat('s| is) the question\b",
        r"\bhow (do|can) i vote\b",
        r"\bwhat are we voting on\b",
        r"\bwhat('s| is) the vote about\b",
        r"\bwhere (do|can) i vote\b",
    ):
        return Understood(Intent.EXIT_QUESTION, text)
    if _has(
        low,
        r"\b(which|what) articles?\b.*\b(are there|available|do you (have|know))\b",
        r"\blist (the |all )?articles\b",
        r"\bother articles\b",
    ):
        return Understood(Intent.LIST_ARTICLES, text)
    if _has(
        low,
        r"\bsummar(y|ise|ize)\b",
        r"\btl;?dr\b",
        r"\bgist\b",
        r"\bwhat('s| is) (it|this|that|the article|the story|the post|this article|this story) about\b",
        r"\bwhat('s| is) (going on|happening)\b",
        r"\bin short\b",
        r"\bbrief me\b",
        r"\bwhat does it say\b",
    ):
        return Understood(Intent.SUMMARY, text)
    return Understood(Intent.QUESTION, text)


_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "last": -1,
    "latest": -1,
    "newest": -1,
}
_ORDINAL = re.compile(r"\b(the )?(" + "|".join(_ORDINALS) + r")( one| update)?\b")


def update_ordinal(text: str) -> int | None:
    """Which update "the second one" means, in publication order (1-based; -1 for the last), when a
    follow-up to a list of updates names one by its place."""
    low = text.casefold()
    match = _ORDINAL.search(low)
    if match is None or not (match.group(3) or re.search(r"\b(one|update|it)\b", low)):
        return None
    return _ORDINALS[match.group(2)]


# The words these intents are asked with: a topic named after them is a question of its own.
_INTENT_WORDS = frozenset(
    """update updates latest last newest recent news new change changed changes happen happened happening
    going on it this that these those there here article story piece post thread summary vote votes voting poll
    polls result results tally count standing things stuff everything anything""".split()
)
_TOPIC = re.compile(r"\b(?:on|about|with|regarding|re|concerning|over|for|of)\b")
GRABBING = frozenset({Intent.SUMMARY, Intent.UPDATES, Intent.LATEST_UPDATE, Intent.RESULTS})


def topic_words(text: str) -> list[str]:
    """The words of the topic a message names after its intent's own words ("what's the latest on
    the lawsuit?": "lawsuit"): if the article knows them, the member asks about them."""
    low = text.casefold().replace("’", "'")
    match = _TOPIC.search(low)
    if match is None:
        return []
    words = re.findall(r"[a-z][a-z'-]*", low[match.end() :])
    return [w for w in words if w not in _INTENT_WORDS and w not in STOP_WORDS and len(w) > 2]
