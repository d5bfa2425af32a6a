"""A server's listed words and admin regular expressions, compiled into RE2 sets that fail closed.

RE2 runs in time linear in the text, so an admin's `(a+)+$` cannot hang the bot; a set answers
"which of these thousands of patterns match?" in one pass. Listed words are compiled by
`bot.moderation.patterns` into Latin-1 sets over the text's reading (with a space at each end);
admin patterns into one UTF-8 set over the reading itself, case-insensitive.

Failing closed: every pattern is compiled on its own first and its program size counted against
the server's budgets; a rule that RE2 refuses, or that would take the server over a budget, is
left out and named in `problems`, and everything else runs: the defaults first, then the server's
rules in the order they were added. Listed words are split into sets of at most
`SET_INSTRUCTIONS` program instructions, each with `SET_MAX_MEM` bytes for its program and its
DFA, so 10,000 whole-word keywords compile (one huge set does not: RE2 gives up simplifying it).
A set that still fails to compile is split in halves until the pattern that breaks it is found.

Two budgets, for two costs:

- listed words (`RULE_BUDGET` instructions): memory and build time. Their patterns are ours, and
  what they cost a message was measured (benchmarks/moderation_engine.py);
- admin regexes (`REGEX_BUDGET` instructions, all of a server's patterns together): the time a
  message costs. RE2's automaton meets a new text by building its states, and each state is a set
  of the program's instructions: at worst every instruction is live at every character. Measured
  on the worst patterns found (`(a|b)*a(a|b){330}`, `(?:a?){n}a{n}`, `([ab]+ ?){n}$`,
  `(\\w+\\s){n}z` … over texts made to keep them live, benchmarks/moderation_engine.py), that is 11
  to 20 ns per instruction per character, so 1,000 instructions cost at most about 30 ms for a
  2,000-character message, once (the states are kept for the next). What admins write costs
  microseconds: 20 to 60 instructions a pattern, 25 to 50 patterns to a server. The regex set has
  `REGEX_MAX_MEM` bytes for its program and its states.

Adding rules costs one compile, and a small one: `Matcher.extended` keeps every compiled set and
puts the new rules in a set of their own, merged with the sets just before it only while those
are no bigger than what is being added (each listed word is compiled again a logarithmic number of
times, not once per rule added after it).

RE2's `\\b` knows only ASCII word characters: write `[^a-z0-9]` around words in admin patterns when
non-Latin letters matter.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import re2

from bot.moderation.patterns import keyword_pattern, listed_form, phrase_pattern
from bot.moderation.rules import Action, KeywordMode, KeywordRule, RegexRule

# A server's own keywords may use this many RE2 program instructions in all (10,000 whole-word
# keywords of 6-10 letters take about 1.6 million; the defaults do not count).
RULE_BUDGET = 4_000_000
# A server's own regexes, all together (see the module's docstring: this bounds a message's cost).
REGEX_BUDGET = 1_000
# Per set of listed words (about 8,000 of them). At 2,000,000 a set of words full of the letters
# with the most drawings (h, w, n, m, j, t) outgrew the visits RE2's simplifier allows itself: it
# then logs "CoalesceWalker::ShortVisit called" for each part it leaves unsimplified.
SET_INSTRUCTIONS = 1_500_000
SET_MAX_MEM = 160 << 20  # bytes, per set: its program and its DFA's cache of states (a cap)
REGEX_MAX_MEM = 8 << 20  # bytes, for the set of admin regexes: its program and its states
PATTERN_MAX_MEM = 8 << 20  # bytes, for one pattern compiled on its own
SPANS_LOOKED_AT = 50  # places one rule's match is checked at, in one message


# Read once by every new set of listed words, in the thread that builds it: RE2 builds its
# automaton's states as text needs them, and the dearest are those at the start of a word (every
# listed word that starts with a letter is live there). Every two-letter start and the commonest
# English words build most of them before a member's message has to (measured at 10,000 words:
# the first hundred messages took half as long, the p99 fell from 55-85 µs to 20-35 µs).
_COMMON_WORDS = (
    "the be to of and a in that have I it for not on with he as you do at this but his by from they we "
    "say her she or an will my one all would there their what so up out if about who get which go me "
    "when make can like time no just him know take people into year your good some could them see "
    "other than then now look only come its over think also back after use two how our work first "
    "well way even new want because any these give day most us is are was were has had been did said "
    "it's don't I'm that's can't didn't isn't you're they're we're there's what's let's lol ok yes"
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_WARMING = " ".join([a + b for a in _LETTERS for b in _LETTERS] + _COMMON_WORDS.split())
WARMING_TEXTS = tuple(f" {_WARMING[i : i + 2000]} ".encode() for i in range(0, len(_WARMING), 2000))


def _options(max_mem: int, *, latin1: bool) -> re2.Options:
    options = re2.Options()
    options.log_errors = False  # RE2 would print refusals on stderr; we report them to the admin instead
    options.max_mem = max_mem
    if latin1:
        options.encoding = re2.Options.Encoding.LATIN1
    return options


_UTF8 = _options(REGEX_MAX_MEM, latin1=False)
_LATIN1 = _options(SET_MAX_MEM, latin1=True)
_LATIN1_ONE = _options(PATTERN_MAX_MEM, latin1=True)
_EDGE = "[^a-zA-Z0-9]"  # a word's edge in the padded reading, as listed whole words have it


class InvalidPattern(ValueError):
    """An admin pattern RE2 cannot run, or one that would cost a message too much; the message
    says why in words."""


def check_pattern(pattern: str) -> int:
    """The pattern's program size, or InvalidPattern: RE2 cannot run it, or it alone is past the
    regex budget (what a server's patterns may cost a message, all together)."""
    if not pattern or len(pattern) > 500:
        raise InvalidPattern("a pattern must have 1 to 500 characters")
    try:
        size = program_size(_regex_source(pattern), latin1=False)
    except re2.error as error:
        reason = str(error).strip("b'\"")
        hint = " (back-references like \\1 are not supported)" if re.search(r"\\[1-9]", pattern) else ""
        raise InvalidPattern(f"RE2 cannot use {pattern!r}: {reason}{hint}") from None
    if size > REGEX_BUDGET:
        raise InvalidPattern(
            f"{pattern!r} compiles to {size:,} RE2 instructions, and a server's patterns may take "
            f"{REGEX_BUDGET:,} in all: each one can cost every character of every message (write "
            "fewer repetitions, such as {1000}, or shorter alternatives)"
        )
    return size


def _regex_source(pattern: str) -> str:
    # The reading keeps capital I (see normalize); admin patterns are written for lower case.
    return f"(?i:{pattern})"


@dataclass(frozen=True, slots=True)
class Entry:
    rule: str
    action: Action
    kind: str  # "keyword" or "regex"
    source: str  # the listed word as the matcher knows it, or the admin's pattern
    compiled: str  # the RE2 pattern
    budgeted: bool = True  # a server's own rule (the defaults are not counted against the budget)
    mode: KeywordMode = KeywordMode.WORD  # a keyword's: whole word, prefix or anywhere


@dataclass(frozen=True, slots=True)
class Problem:
    """A rule that is not running, and why (for the mod log and the admin)."""

    rule: str
    source: str
    reason: str

    def describe(self) -> str:
        return f"{self.rule} ({self.source[:60]!r}): {self.reason}"


@lru_cache(maxsize=65536)
def program_size(pattern: str, latin1: bool = True) -> int:
    """RE2's program size for one pattern compiled alone; raises re2.error if it cannot compile."""
    if latin1:
        return int(re2.compile(pattern.encode("latin-1"), _LATIN1_ONE).programsize)
    return int(re2.compile(pattern, _UTF8).programsize)


def keyword_entries(rules: Sequence[KeywordRule], budgeted: bool = True) -> list[Entry]:
    entries = []
    for rule in rules:
        for word in rule.words:
            pattern = keyword_pattern(word, rule.mode)
            if pattern is not None:
                entries.append(
                    Entry(rule.name, rule.action, "keyword", listed_form(word), pattern, budgeted, rule.mode)
                )
    return entries


_NOTHING: tuple[tuple[Entry, ...], tuple[int, ...]] = ((), ())
_Match = Callable[[bytes], list[int]]


@dataclass(frozen=True, slots=True)
class _Set:
    """One compiled RE2 set: its entries, the instructions they take, and (the first set only)
    the hints compiled after them."""

    match: _Match
    entries: tuple[Entry, ...]
    size: int
    hints: tuple[str, ...] = ()


class Matcher:
    """`hints` are extra patterns (Latin-1, over the padded reading) that are not rules: questions
    about the text ("might it hold a link?") answered in the same pass as the rules, by `scan`.
    `allowed`: words and phrases that never trigger a listed word they contain or overlap."""

    def __init__(
        self,
        keywords: tuple[KeywordRule, ...],
        regexes: tuple[RegexRule, ...],
        hints: tuple[str, ...] = (),
        allowed: tuple[str, ...] = (),
        *,
        defaults: int = 0,
        budget: int | None = None,
    ) -> None:
        """The first `defaults` keyword rules are the built-in ones: never counted, never refused.
        `budget`: RULE_BUDGET unless given."""
        self.problems: list[Problem] = []
        self.used = 0  # program instructions of the server's own keywords
        self.regex_used = 0  # and of its regexes
        self._budget = budget
        self.budget = RULE_BUDGET if budget is None else budget
        self.regex_budget = REGEX_BUDGET
        words = keyword_entries(keywords[:defaults], budgeted=False) + keyword_entries(keywords[defaults:])
        kept = self._within_budget(words)
        self._sets: list[_Set] = []
        chunks = self._chunks(kept) or [[]]
        for number, chunk in enumerate(chunks):
            self._compile_keywords(chunk, hints if number == 0 else ())
        self._regexes: list[Entry] = []
        self._regex_set: tuple[_Match, list[Entry]] | None = None
        self._add_regexes(regexes)
        self._set_allowed(allowed)
        self._compiled: dict[str, re2._Regexp] = {}
        self._ready()

    def extended(
        self, keywords: tuple[KeywordRule, ...], regexes: tuple[RegexRule, ...], allowed: tuple[str, ...]
    ) -> Matcher:
        """A matcher with these rules added after this one's (the server's own: counted against its
        budgets), and `allowed` as the whole allow list. This one's compiled sets are kept and
        shared: only the new rules are compiled, with the smaller sets just before them."""
        grown = object.__new__(Matcher)
        grown.problems = list(self.problems)
        grown.used, grown.regex_used = self.used, self.regex_used
        grown._budget = self._budget
        grown.budget = RULE_BUDGET if self._budget is None else self._budget  # the budget as it is now
        grown.regex_budget = REGEX_BUDGET
        grown._sets = list(self._sets)
        grown._regexes = list(self._regexes)
        grown._regex_set = self._regex_set
        grown._compiled = dict(self._compiled)
        new = grown._within_budget(keyword_entries(keywords))
        if new:
            size = sum(program_size(entry.compiled) for entry in new)
            merged: list[Entry] = list(new)
            hints: tuple[str, ...] = ()
            sets = grown._sets
            while sets and sets[-1].size <= size and sets[-1].size + size <= SET_INSTRUCTIONS:
                last = sets.pop()
                merged[:0] = last.entries
                size += last.size
                hints = last.hints  # the first set's: they stay in the first set
            grown._compile_keywords(merged, hints)
        if regexes:
            grown._add_regexes(regexes)
        if allowed != self.allowed:
            grown._set_allowed(allowed)
        else:
            grown.allowed, grown._allowed = self.allowed, self._allowed
        grown._ready()
        return grown

    def rename_rule(self, old: str, new: str) -> None:
        """Call the entries and problems of rule `old` `new` (a rule compiled before it was stored
        and numbered). Before the matcher is in use."""

        def renamed(entries: Sequence[Entry]) -> tuple[Entry, ...]:
            return tuple(replace(e, rule=new) if e.rule == old else e for e in entries)

        self._sets = [
            replace(s, entries=renamed(s.entries)) if any(e.rule == old for e in s.entries) else s for s in self._sets
        ]
        self._regexes = list(renamed(self._regexes))
        if self._regex_set is not None:
            self._regex_set = (self._regex_set[0], list(renamed(self._regex_set[1])))
        self.problems = [replace(p, rule=new) if p.rule == old else p for p in self.problems]
        self._ready()

    # -- building, failing closed ---------------------------------------------------------------
    def _within_budget(self, entries: list[Entry]) -> list[Entry]:
        kept = []
        for entry in entries:
            try:
                size = program_size(entry.compiled, True)
            except re2.error as error:
                self.problems.append(Problem(entry.rule, entry.source, f"RE2 cannot compile it ({error})"))
                continue
            if entry.budgeted:
                if self.used + size > self.budget:
                    self.problems.append(Problem(entry.rule, entry.source, "over the server's rule budget"))
                    continue
                self.used += size
            kept.append(entry)
        return kept

    def _add_regexes(self, regexes: Sequence[RegexRule]) -> None:
        added = False
        for regex in regexes:
            try:
                size = check_pattern(regex.pattern)
            except InvalidPattern as error:
                self.problems.append(Problem(regex.name, regex.pattern, str(error)))
                continue
            if self.regex_used + size > self.regex_budget:
                self.problems.append(
                    Problem(
                        regex.name,
                        regex.pattern,
                        f"over the server's budget for patterns ({size:,} RE2 instructions; "
                        f"{self.regex_used:,} of {self.regex_budget:,} are used)",
                    )
                )
                continue
            self.regex_used += size
            self._regexes.append(Entry(regex.name, regex.action, "regex", regex.pattern, _regex_source(regex.pattern)))
            added = True
        if added:  # a few small patterns: the set is compiled again whole
            self._regex_set = self._compile_regexes(self._regexes)

    def _set_allowed(self, allowed: tuple[str, ...]) -> None:
        self.allowed = allowed
        patterns = [p for p in (phrase_pattern(phrase) for phrase in allowed) if p is not None]
        # A whole word or phrase (group 1), between two places that are not letters or digits: "Kung Fu"
        # allowed is not the start of "kung fuckers", nor "Bitche" of "bitches". Longest first.
        patterns.sort(key=len, reverse=True)
        whole = f"{_EDGE}((?:{'|'.join(patterns)})){_EDGE}"
        self._allowed = re2.compile(whole.encode("latin-1"), _LATIN1) if patterns else None

    def _ready(self) -> None:
        """What the per-message path reads, worked out once."""
        first = self._sets[0]
        self._first = (first.match, first.entries, len(first.entries))
        self._rest = [(s.match, s.entries) for s in self._sets[1:]]
        self.entries = [entry for s in self._sets for entry in s.entries]
        if self._regex_set is not None:
            self.entries += self._regex_set[1]

    @staticmethod
    def _chunks(entries: list[Entry]) -> list[list[Entry]]:
        chunks: list[list[Entry]] = []
        size = SET_INSTRUCTIONS
        for entry in entries:
            entry_size = program_size(entry.compiled, True)
            if size + entry_size > SET_INSTRUCTIONS:
                chunks.append([])
                size = 0
            chunks[-1].append(entry)
            size += entry_size
        return chunks

    def _compile_keywords(self, entries: list[Entry], hints: tuple[str, ...]) -> None:
        try:
            match = _compile_set([e.compiled for e in entries] + list(hints), latin1=True)
        except re2.error:
            if len(entries) <= 1:
                if hints:  # the hints are ours: a set of them alone always compiles
                    raise
                self.problems += [Problem(e.rule, e.source, "RE2 cannot compile it in a set") for e in entries]
                return
            half = len(entries) // 2  # find the entry that breaks it; keep the rest
            self._compile_keywords(entries[:half], hints)
            self._compile_keywords(entries[half:], ())
            return
        for text in WARMING_TEXTS:
            match(text)
        size = sum(program_size(e.compiled, True) for e in entries)
        self._sets.append(_Set(match, tuple(entries), size, hints))

    def _compile_regexes(self, entries: list[Entry]) -> tuple[_Match, list[Entry]] | None:
        try:
            return _compile_set([e.compiled for e in entries], latin1=False), entries
        except re2.error:
            if len(entries) == 1:
                self.problems.append(Problem(entries[0].rule, entries[0].source, "RE2 cannot compile it in a set"))
                return None
            half = len(entries) // 2
            parts = [self._compile_regexes(entries[:half]), self._compile_regexes(entries[half:])]
            kept = [part for part in parts if part is not None]
            if len(kept) == 1:
                return kept[0]
            if not kept:
                return None
            first, second = kept
            return (lambda text: first[0](text) + [i + len(first[1]) for i in second[0](text)]), first[1] + second[1]

    # -- matching -------------------------------------------------------------------------------
    def scan_bytes(self, padded: bytes) -> tuple[tuple[Entry, ...], tuple[int, ...]]:
        """The rules that match a reading (UTF-8, a space added at each end), and the positions
        (in `hints`) of the hints that match."""
        match, entries, first_hint = self._first
        found = match(padded)
        hits: list[Entry] = []
        hints: tuple[int, ...] = ()
        if found:
            hits = [entries[i] for i in found if i < first_hint]
            hints = tuple(i - first_hint for i in found if i >= first_hint)
        for match, entries in self._rest:
            for i in match(padded):
                hits.append(entries[i])
        if self._regex_set is not None:
            match, regex_entries = self._regex_set
            hits += [regex_entries[i] for i in sorted(match(padded[1:-1]))]
        if not hits and not hints:
            return _NOTHING
        return tuple(hits), hints

    def scan(self, reading: str) -> tuple[tuple[Entry, ...], tuple[int, ...]]:
        return self.scan_bytes(b" " + reading.encode() + b" ")

    def match(self, reading: str) -> tuple[Entry, ...]:
        """The rules that match a reading (see `normalize`), before any check of the spans."""
        return self.scan(reading)[0]

    def spans(self, entry: Entry, padded: bytes) -> Iterator[tuple[int, int]]:
        """Where `entry` matches in the padded reading: byte offsets of the word itself (group 1)
        or of the admin pattern's match. Run only for hits, to check and explain them. Overlapping
        matches of a listed word, each starting after the one before (a caller that finds "a
        asshole" is two words is then given "asshole"), at most `SPANS_LOOKED_AT` of them."""
        compiled = self._compiled.get(entry.compiled)
        if compiled is None:
            if entry.kind == "keyword":
                compiled = re2.compile(entry.compiled.encode("latin-1"), _LATIN1_ONE)
            else:
                compiled = re2.compile(entry.compiled.encode(), _UTF8)
            self._compiled[entry.compiled] = compiled
        if entry.kind != "keyword":
            for found in itertools.islice(compiled.finditer(padded[1:-1]), SPANS_LOOKED_AT):
                yield found.start() + 1, found.end() + 1
            return
        position = 0
        for _ in range(SPANS_LOOKED_AT):
            found = compiled.search(padded, position)
            if found is None:
                return
            start, end = found.span(1)
            yield start, end
            position = start + 1

    def allowed_spans(self, padded: bytes) -> list[tuple[int, int]]:
        """Where allowed words and phrases stand in the padded reading, each a whole word or phrase;
        the edge after one may be the edge before the next ("Kung Fu Kung Fu")."""
        if self._allowed is None:
            return []
        spans = []
        position = 0
        while (found := self._allowed.search(padded, position)) is not None:
            spans.append(found.span(1))
            position = found.end(1)
        return spans


def _compile_set(patterns: list[str], *, latin1: bool) -> _Match:
    if not patterns:
        return lambda text: []
    compiled = re2.Set.SearchSet(_LATIN1 if latin1 else _UTF8)
    for pattern in patterns:
        compiled.Add(pattern.encode("latin-1") if latin1 else pattern)
    compiled.Compile()
    # google-re2's Set is a Python method around its C++ binding that only turns str into bytes:
    # every message passes here, so call the binding itself (the wrapper, if a release moves it).
    binding = getattr(compiled, "_set", None)
    if binding is not None:
        return binding.Match
    return lambda text: compiled.Match(text) or []


__all__ = [
    "REGEX_BUDGET",
    "RULE_BUDGET",
    "Entry",
    "InvalidPattern",
    "KeywordMode",
    "Matcher",
    "Problem",
    "check_pattern",
]
