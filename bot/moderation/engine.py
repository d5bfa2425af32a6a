"""The engine: one message in, a verdict out, with every reason it found.

Stateless rules (keywords, regular expressions, links, mentions, capitals, newcomers) look at the
message alone; flood and repeat rules keep a short history per member in memory.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from bot.moderation.false_reading import Candidate, english_words, false_reading
from bot.moderation.matcher import Entry, Matcher
from bot.moderation.normalize import ASCII_READING, normalize, normalize_with_offsets, plain_punctuation
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
# A masked link: Discord shows its text alone ("[cu](https://x.example)m" shows "cum").
_MASKED_LINK = re.compile(r"\[([^\[\]\n]{0,200})\]\(\s*<?https?://[^\s()<>]*>?\s*\)")
# An ordered list's numbers at the start of its lines ("1. f\n2. u"): Discord draws them as the
# list's, like a bulleted list's dashes; they are not letters of the items.
_ORDERED_LIST = re.compile(r"(?m)^([ \t]*)([0-9]{1,9}[.)])(?=[ \t])")
# A link in the reading (bytes): its digits and symbols are ids, times and model numbers, not
# leetspeak ("?t=17" is no "tit", "galaxy-a55-5g" no "ass"); its plain words are still read.
_LINK_IN_READING = re.compile(rb"(?:https?://|www\.)[^\s<>()]+")
_INVITE = re.compile(r"(?:discord(?:app)?\.com/invite|discord\.gg|discord\.me|dsc\.gg)/[a-z0-9-]+", re.IGNORECASE)
_LINK_HINT = re.compile(r"[a-zA-Z0-9]\.[a-zA-Z]{2}|://")  # no "x.yz" anywhere: no link
# Asked of the reading in the matcher's one pass; positions in that tuple.
_HINTS = (_LINK_HINT.pattern,)
_MAYBE_LINK = 0
_ASCII_LETTERS = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?([^/:?#\s]+)", re.IGNORECASE)


class MessageFacts(NamedTuple):
    """What the engine needs to know about a message; the Discord side fills it in (a tuple: made
    for every message, and the cheapest record Python builds)."""

    text: str
    author_id: int = 0
    mentions: int = 0  # users and roles it pings
    account_age_days: float | None = None
    member_age_minutes: float | None = None
    now: float = 0.0  # seconds, monotonic: for flood and repeat windows


CLEAN = Verdict(Action.NONE)


def _domain(url: str) -> str:
    found = _DOMAIN.match(url)
    return found.group(1).lower().rstrip(".") if found else ""


def _within(domain: str, listed: tuple[str, ...]) -> bool:
    return any(domain == d or domain.endswith("." + d) for d in listed)


class ModerationEngine:
    """Every message of a server passes `check`, so its common case (clean text from a member with
    a few recent messages) is written to do as little as it can: one RE2 pass over the text, a
    capital-letter count in C, and the member's history counted only when it could be a flood."""

    # Past this many members with a recent message, those who went quiet are forgotten.
    members_remembered = 50_000

    def __init__(self, rules: RuleSet, *, matcher: Matcher | None = None) -> None:
        """`matcher`: the rules' matcher, already compiled (see `with_rules`)."""
        self.rules = rules
        self.matcher = matcher or Matcher(
            rules.keywords, rules.regexes, hints=_HINTS, allowed=rules.allowed, defaults=rules.builtin_keywords
        )
        # Rules that could not run (RE2 refused them, or the server's budget is spent): the rest run.
        self.problems = self.matcher.problems
        # The English word list some matches are weighed with, read once (a tenth of a second) while
        # the engine is built, in a worker thread, rather than on the event loop at a first match.
        english_words()
        # Per member, their recent messages, oldest first, as one flat tuple: (time, hash of the
        # normalised text, time, hash, ...). A server has thousands of members: a tuple of numbers
        # is the one container the garbage collector stops walking (lists and arrays it walks in
        # every young collection), and a new one per message costs less than editing two lists.
        self._recent: dict[int, tuple[float | int, ...]] = {}
        limits = rules.limits
        self._window = max(limits.flood_seconds, limits.repeat_seconds)
        # Fewer recent messages than this can be neither a flood nor a repeat.
        self._history_floor = min(limits.flood_messages, limits.repeat_messages)
        # A member posting more than this within the window is flooding already: older messages
        # need not be kept.
        self._kept = max(50, limits.flood_messages, limits.repeat_messages)
        # Fewer capitals than this cannot reach the ratio, however many letters the text has.
        self._caps_floor = limits.caps_ratio * limits.caps_min_letters
        # Whether `check` looks at account and membership ages (only to hold newcomers' links).
        self.needs_ages = bool(limits.new_account_days or limits.new_member_minutes)

    def with_rules(self, rules: RuleSet) -> ModerationEngine:
        """An engine for `rules`. When they are this engine's rules with more added at the end (a
        rule added with /automod), only what was added is compiled, and the members' recent
        history carries over (the same dictionary: it goes on counting while this one serves);
        otherwise a new engine is built."""
        old = self.rules
        extends = (
            rules.limits == old.limits
            and rules.builtin_keywords == old.builtin_keywords
            and rules.keywords[: len(old.keywords)] == old.keywords
            and rules.regexes[: len(old.regexes)] == old.regexes
        )
        if not extends:
            return ModerationEngine(rules)
        matcher = self.matcher.extended(
            rules.keywords[len(old.keywords) :], rules.regexes[len(old.regexes) :], rules.allowed
        )
        engine = ModerationEngine(rules, matcher=matcher)
        engine._recent = self._recent
        return engine

    def rename_rule(self, old: str, new: str) -> None:
        """Call rule `old` `new` everywhere (a rule is compiled before it is stored and numbered).
        Before the engine is in use."""
        self.matcher.rename_rule(old, new)
        self.problems = self.matcher.problems
        keywords = tuple(replace(k, name=new) if k.name == old else k for k in self.rules.keywords)
        regexes = tuple(replace(r, name=new) if r.name == old else r for r in self.rules.regexes)
        self.rules = replace(self.rules, keywords=keywords, regexes=regexes)

    def check(self, facts: MessageFacts, *, remember: bool = True) -> Verdict:
        reasons: list[Reason] = []
        text = facts.text
        limits = self.rules.limits
        plain = text if text.isascii() else plain_punctuation(text)
        if "](" in plain:
            plain = _MASKED_LINK.sub(r"\1", plain)  # read what Discord shows
        if "\n" in plain and len(_ORDERED_LIST.findall(plain)) >= 2:  # a list: "9. Shocking." alone is a g
            plain = _ORDERED_LIST.sub(lambda m: m.group(1) + " " * len(m.group(2)), plain)
        if plain.isascii():
            # Most messages. As bytes, read (lower case but for I) with a space at each end: what
            # RE2 reads; one pass says whether that is all (no rule, no link).
            data = plain.encode()
            key = b" " + data.translate(ASCII_READING) + b" "
            found, hints = self.matcher.scan_bytes(key)
            maybe_link = bool(hints)
            if found:
                self._explain(plain, key, found, reasons)
            # Capitals counted in C; the exact ratio only for a text with enough of them.
            if (
                len(data) >= limits.caps_min_letters
                and len(data) - len(data.translate(None, _UPPER)) >= self._caps_floor
            ):
                self._capitals(plain, reasons)
        else:
            key = b" " + normalize(plain).encode() + b" "
            found, hints = self.matcher.scan_bytes(key)
            maybe_link = bool(hints) or _LINK_HINT.search(text) is not None
            if found:
                self._explain(plain, key, found, reasons)
            if len(text) >= limits.caps_min_letters:
                self._capitals(text, reasons)
        if maybe_link:
            self._links(facts, reasons)
        if facts.mentions > limits.max_mentions:
            self._mention_spam(facts.mentions, reasons)
        if remember:
            # the reading is the key: the same text, however cased (but for I) or disguised, repeats
            self._history(facts.author_id, facts.now, key.strip(), reasons)
        if not reasons:
            return CLEAN
        return Verdict(max(r.action for r in reasons), tuple(reasons))

    def check_name(self, name: str) -> Verdict:
        """A member's name through the listed words and patterns only (no history, links or caps)."""
        plain = name if name.isascii() else plain_punctuation(name)
        reading = plain.encode().translate(ASCII_READING) if plain.isascii() else normalize(plain).encode()
        key = b" " + reading + b" "
        found, _ = self.matcher.scan_bytes(key)
        reasons: list[Reason] = []
        if found:
            self._explain(plain, key, found, reasons)
        if not reasons:
            return CLEAN
        return Verdict(max(r.action for r in reasons), tuple(reasons))

    # -- words and patterns --------------------------------------------------------------------
    def _explain(self, plain: str, key: bytes, found: Sequence[Entry], reasons: list[Reason]) -> None:
        """A reason for each rule that matched, once per entry, unless every place it matched is a
        false reading (a number, a model number, a contraction) or wholly inside an allowed word or
        phrase (one that merely touches it is not: "ass" allowed leaves "asshole" listed)."""
        allowed = self.matcher.allowed_spans(key)
        links = [m.span() for m in _LINK_IN_READING.finditer(key)] if b"/" in key else []
        origins = _Origins(plain, key)
        words: list[tuple[int, int, Reason]] = []  # listed words found, with their places
        for entry in found:
            kind = "listed word" if entry.kind == "keyword" else "pattern"
            source = f"Matches the {kind} {entry.source!r}."
            if any(r.detail == source and r.rule == entry.rule for r in reasons):
                continue  # the same word in another rule entry of this rule
            for start, end in self.matcher.spans(entry, key):
                if any(a_start <= start and end <= a_end for a_start, a_end in allowed):
                    continue  # wholly inside an allowed word or phrase: "dick" in "Dick Cheney"
                written = origins.written(start, end)
                if not written.isalpha() and any(l_start <= start and end <= l_end for l_start, l_end in links):
                    continue  # digits and symbols inside a link: "?t=17", "galaxy-a55-5g"
                if entry.kind == "keyword":
                    candidate = Candidate(
                        core=key[start:end].decode("utf-8", "replace"),
                        written=written,
                        before=key[max(0, start - 32) : start].decode("utf-8", "replace"),
                        following=key[end : end + 32].decode("utf-8", "replace"),
                        listed=entry.source,
                        token=origins.written(*_token_around(key, start, end)),
                        # the words around it as written, for text in another script or with marks
                        around=""
                        if plain.isascii()
                        else origins.written(max(1, start - 48), min(len(key) - 1, end + 48)),
                        mode=entry.mode,
                    )
                    if false_reading(candidate) is not None:
                        continue
                    words.append((start, end, Reason(entry.rule, entry.action, source, written, entry.source)))
                else:
                    seen = key[start:end].decode("utf-8", "replace")
                    reasons.append(Reason(entry.rule, entry.action, source, written, seen))
                break
        # A listed word inside another one found ("shit" in "b.u.l.l.s.h.i.t") says nothing more.
        for start, end, reason in words:
            inside = any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in words)
            if not inside and reason not in reasons:
                reasons.append(reason)

    # -- links ---------------------------------------------------------------------------------
    def _links(self, facts: MessageFacts, reasons: list[Reason]) -> None:
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

    def _mention_spam(self, mentions: int, reasons: list[Reason]) -> None:
        limits = self.rules.limits
        reasons.append(
            Reason(
                "mention spam",
                limits.mention_action,
                f"{mentions} mentions; at most {limits.max_mentions} are allowed.",
            )
        )

    def _capitals(self, text: str, reasons: list[Reason]) -> None:
        # Count in C: what bytes.translate() deletes (str.translate is a dict lookup per character).
        data = text.encode("ascii", "ignore")
        others = len(text) - len(data)  # non-ASCII characters: each might be a capital letter
        upper = len(data) - len(data.translate(None, _UPPER))
        if upper + others < self._caps_floor:
            return  # too few capitals, whatever the letters
        limits = self.rules.limits
        letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
        if others:
            if upper + others < limits.caps_ratio * max(letters, limits.caps_min_letters):
                return
            letters = sum(map(str.isalpha, text))
            upper = sum(map(str.isupper, text))
        if letters >= limits.caps_min_letters and upper / letters >= limits.caps_ratio:
            reasons.append(
                Reason("capital letters", limits.caps_action, f"{upper * 100 // letters}% of the letters are capitals.")
            )

    # -- per-member history --------------------------------------------------------------------
    def _history(self, author_id: int, now: float, key: bytes, reasons: list[Reason]) -> None:
        """`key`: the message as normalised, stripped, in UTF-8 (the same text, the same key)."""
        latest = (now, hash(key))
        history = self._recent.get(author_id)
        if history is None:  # the member's first message in a while
            self._recent[author_id] = history = latest
            if len(self._recent) > self.members_remembered:  # one more: forget the quiet ones
                self._forget_quiet_members(now)
        else:
            # what fell out of the window: the times sit at the even positions, oldest first
            start, window = 0, self._window
            while start < len(history) and now - history[start] > window:
                start += 2
            kept = history[max(start, len(history) + 2 - 2 * self._kept) :]
            history = kept + latest
            self._recent[author_id] = history
        sent = len(history) // 2
        if sent < self._history_floor:
            return
        limits = self.rules.limits
        # A flood: the last `flood_messages` within `flood_seconds` (the times only grow).
        flood = limits.flood_messages
        if sent >= flood and now - history[-2 * flood] <= limits.flood_seconds:
            count = sum(1 for time in history[::2] if now - time <= limits.flood_seconds)  # flagged: rare
            reasons.append(Reason("flooding", limits.flood_action, f"{count} messages in {limits.flood_seconds:g} s."))
        if not key:  # no text (an attachment alone): nothing to repeat
            return
        hashed = latest[1]
        if limits.repeat_seconds >= limits.flood_seconds:  # every message kept is recent enough
            repeats = history[1::2].count(hashed)
        else:
            repeats = sum(
                1
                for at in range(0, len(history), 2)
                if history[at + 1] == hashed and now - history[at] <= limits.repeat_seconds
            )
        if repeats >= limits.repeat_messages:
            reasons.append(
                Reason(
                    "repeated messages",
                    limits.repeat_action,
                    f"The same message {repeats} times in {limits.repeat_seconds:g} s.",
                )
            )

    def _forget_quiet_members(self, now: float) -> None:
        window = self._window
        for member in [m for m, history in self._recent.items() if now - history[-2] > window]:
            del self._recent[member]

    def forget_member(self, author_id: int) -> None:
        """A member asked to be forgotten: their recent messages' times and hashes go."""
        self._recent.pop(author_id, None)


# What a code, a part number or hexadecimal bytes are written with: letters, digits, and the
# hyphens and colons that join their parts ("T1T-409-A", "f4:99:20:fc:ac:30").
_TOKEN_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzI0123456789-:")
_TOKEN_REACH = 48  # bytes either side: a UUID is 36 characters; a longer run is read as no code


def _token_around(key: bytes, start: int, end: int) -> tuple[int, int]:
    """The span of the padded reading's run of letters, digits, hyphens and colons that holds
    [start, end) (for `false_reading`: is the match part of a code?); an empty span when the run
    reaches further than `_TOKEN_REACH` either side (a message cannot make each match cost more)."""
    first, last = max(1, start - _TOKEN_REACH), min(len(key) - 1, end + _TOKEN_REACH)
    while start > first and key[start - 1] in _TOKEN_BYTES:
        start -= 1
    while end < last and key[end] in _TOKEN_BYTES:
        end += 1
    if (start == first and key[start - 1] in _TOKEN_BYTES) or (end == last and key[end] in _TOKEN_BYTES):
        return start, start
    return start, end


class _Origins:
    """The part of the message (as written) behind byte offsets of its padded reading: the same
    offsets for ASCII; for other text, traced back through the reading (worked out once, lazily)."""

    def __init__(self, plain: str, key: bytes) -> None:
        self.plain, self.key = plain, key
        self._origins: list[int] | None = None

    def written(self, start: int, end: int) -> str:
        plain = self.plain
        if plain.isascii():
            return plain[start - 1 : end - 1]
        if self._origins is None:
            self._origins = normalize_with_offsets(plain)[1]
        origins = self._origins
        first = len(self.key[1:start].decode("utf-8", "ignore"))  # characters of the reading before
        last = len(self.key[1:end].decode("utf-8", "ignore"))
        positions = origins[first : max(last, first + 1)]
        if not positions:
            return plain[:80]
        return plain[min(positions) : max(positions) + 1]
