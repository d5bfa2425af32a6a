"""The engine: one message in, a verdict out, with every reason it found.

Stateless rules (keywords, regular expressions, links, mentions, capitals, newcomers) look at the
message alone; flood and repeat rules keep a short history per member in memory.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from bot.moderation.matcher import Matcher
from bot.moderation.normalize import normalize, variants
from bot.moderation.rules import Action, Reason, RuleSet, Verdict

SHORTENERS = frozenset(
    {
        "bit.ly",
        "tinyurl.com",
        "t.co",
        "goo.gl",
        "ow.ly",
        "is.gd",
        "buff.ly",
        "rebrand.ly",
        "cutt.ly",
        "shorturl.at",
        "tiny.cc",
        "rb.gy",
        "t.ly",
        "s.id",
        "bl.ink",
        "v.gd",
        "lnkd.in",
        "shorte.st",
        "adf.ly",
        "trib.al",
    }
)
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>()]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|gg|ly|co|io|me|"
    r"info|xyz|ru|app|link|to|be|at|cc|gy|id|in|st|tk)\b(?:/[^\s<>()]*)?",
    re.IGNORECASE,
)
_INVITE = re.compile(r"(?:discord(?:app)?\.com/invite|discord\.gg|discord\.me|dsc\.gg)/[a-z0-9-]+", re.IGNORECASE)
_LINK_HINT = re.compile(r"[a-z0-9]\.[a-z]{2}|://", re.IGNORECASE)
_WITHOUT_LETTERS = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WITHOUT_UPPER = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?([^/:?#\s]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MessageFacts:
    """What the engine needs to know about a message; the Discord side fills it in."""

    text: str
    author_id: int = 0
    mentions: int = 0  # users and roles it pings
    account_age_days: float | None = None
    member_age_minutes: float | None = None
    now: float = 0.0  # seconds, monotonic: for flood and repeat windows


def _domain(url: str) -> str:
    found = _DOMAIN.match(url)
    return found.group(1).lower().rstrip(".") if found else ""


def _within(domain: str, listed: tuple[str, ...]) -> bool:
    return any(domain == d or domain.endswith("." + d) for d in listed)


class ModerationEngine:
    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.matcher = Matcher(rules.keywords, rules.regexes)
        self._recent: dict[int, deque[tuple[float, str]]] = {}

    def check(self, facts: MessageFacts, *, remember: bool = True) -> Verdict:
        reasons: list[Reason] = []
        normalized = normalize(facts.text)
        self._content(facts.text, normalized, reasons)
        self._links(facts, reasons)
        self._mentions_and_caps(facts, reasons)
        if remember:
            self._history(facts, normalized, reasons)
        if not reasons:
            return Verdict(Action.NONE)
        return Verdict(max(r.action for r in reasons), tuple(reasons))

    # -- words and patterns --------------------------------------------------------------------
    def _content(self, original: str, normalized: str, reasons: list[Reason]) -> None:
        seen: set[int] = set()
        for form in variants(normalized):
            for entry in self.matcher.match(form):
                if id(entry) in seen:
                    continue
                seen.add(id(entry))
                matched = Matcher.span(entry, form)
                what = "listed word" if entry.kind == "keyword" else "pattern"
                reasons.append(
                    Reason(
                        entry.rule,
                        entry.action,
                        f"Matches the {what} {entry.source!r}.",
                        _original_of(original, matched),
                        matched,
                    )
                )

    # -- links ---------------------------------------------------------------------------------
    def _links(self, facts: MessageFacts, reasons: list[Reason]) -> None:
        if _LINK_HINT.search(facts.text) is None:  # no "x.yz" anywhere: no link, skip the costly patterns
            return
        policy = self.rules.links
        limits = self.rules.limits
        if policy.block_invites:
            for invite in _INVITE.finditer(facts.text):
                reasons.append(
                    Reason("invite links", policy.action, "Discord server invites are not allowed.", invite.group(0))
                )
        urls = [m.group(0) for m in _URL.finditer(facts.text)]
        newcomer = (
            limits.new_account_days
            and facts.account_age_days is not None
            and facts.account_age_days < limits.new_account_days
        ) or (
            limits.new_member_minutes
            and facts.member_age_minutes is not None
            and facts.member_age_minutes < limits.new_member_minutes
        )
        for url in urls:
            domain = _domain(url)
            if not domain or _INVITE.search(url):
                continue
            if _within(domain, policy.deny_domains):
                reasons.append(Reason("blocked domains", policy.action, f"{domain} is on the blocked list.", url))
            elif policy.block_shorteners and domain in SHORTENERS:
                reasons.append(
                    Reason(
                        "link shorteners",
                        policy.action,
                        "Shortened links hide where they lead; post the full address.",
                        url,
                    )
                )
            elif policy.allow_domains and not _within(domain, policy.allow_domains):
                reasons.append(Reason("allowed domains", policy.action, f"{domain} is not on the allowed list.", url))
            elif newcomer:
                reasons.append(
                    Reason(
                        "new members",
                        limits.newcomer_action,
                        "New accounts and new members cannot post links yet.",
                        url,
                    )
                )

    def _mentions_and_caps(self, facts: MessageFacts, reasons: list[Reason]) -> None:
        limits = self.rules.limits
        if facts.mentions > limits.max_mentions:
            reasons.append(
                Reason(
                    "mention spam",
                    limits.mention_action,
                    f"{facts.mentions} mentions; at most {limits.max_mentions} are allowed.",
                )
            )
        text = facts.text
        if len(text) < limits.caps_min_letters:
            return
        if text.isascii():  # count in C: what translate() removes
            letters = len(text) - len(text.translate(_WITHOUT_LETTERS))
            upper = len(text) - len(text.translate(_WITHOUT_UPPER))
        else:
            letters = sum(1 for c in text if c.isalpha())
            upper = sum(1 for c in text if c.isupper())
        if letters >= limits.caps_min_letters and upper / letters >= limits.caps_ratio:
            reasons.append(
                Reason("capital letters", limits.caps_action, f"{upper * 100 // letters}% of the letters are capitals.")
            )

    # -- per-member history --------------------------------------------------------------------
    def _history(self, facts: MessageFacts, normalized: str, reasons: list[Reason]) -> None:
        limits = self.rules.limits
        window = max(limits.flood_seconds, limits.repeat_seconds)
        recent = self._recent.setdefault(facts.author_id, deque())
        while recent and facts.now - recent[0][0] > window:
            recent.popleft()
        recent.append((facts.now, normalized))
        in_flood_window = sum(1 for t, _ in recent if facts.now - t <= limits.flood_seconds)
        if in_flood_window >= limits.flood_messages:
            reasons.append(
                Reason("flooding", limits.flood_action, f"{in_flood_window} messages in {limits.flood_seconds:g} s.")
            )
        key = normalized.strip()
        if key:
            repeats = sum(1 for t, text in recent if text.strip() == key and facts.now - t <= limits.repeat_seconds)
            if repeats >= limits.repeat_messages:
                reasons.append(
                    Reason(
                        "repeated messages",
                        limits.repeat_action,
                        f"The same message {repeats} times in {limits.repeat_seconds:g} s.",
                    )
                )
        if len(self._recent) > 50_000:  # forget members who went quiet
            for member in [m for m, q in self._recent.items() if not q or facts.now - q[-1][0] > window]:
                del self._recent[member]


def _original_of(original: str, matched: str) -> str:
    """The words of the original message that read as `matched` once normalised."""
    if not matched:
        return ""
    words = original.split()
    target = matched.strip()
    for size in range(1, min(8, len(words)) + 1):
        for start in range(len(words) - size + 1):
            window = " ".join(words[start : start + size])
            if target in normalize(window) or target in "".join(v for v in variants(normalize(window))):
                return window
    return original[:80]
