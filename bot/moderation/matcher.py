"""A server's listed words and admin regular expressions, compiled into RE2 sets that fail closed.

RE2 runs in time linear in the text, so an admin's `(a+)+$` cannot hang the bot; a set answers
"which of these thousands of patterns match?" in one pass. Listed words are compiled by
`bot.moderation.patterns` into Latin-1 sets over the text's reading (with a space at each end);
admin patterns into one UTF-8 set over the reading itself, case-insensitive.

Failing closed: every pattern is compiled on its own first and its program size counted against
the server's budget (`RULE_BUDGET`); a rule that RE2 refuses, or that would take the server over
its budget, is left out and named in `problems`, and everything else runs: the defaults first,
then the server's rules in the order they were added. Listed words are split into sets of at most
`SET_INSTRUCTIONS` program instructions, each with `SET_MAX_MEM` bytes for its program and its
DFA, so 10,000 whole-word keywords compile (one huge set does not: RE2 gives up simplifying it).
A set that still fails to compile is split in halves until the pattern that breaks it is found.

RE2's `\\b` knows only ASCII word characters: write `[^a-z0-9]` around words in admin patterns when
non-Latin letters matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import re2

from bot.moderation.patterns import keyword_pattern, listed_form, phrase_pattern
from bot.moderation.rules import Action, KeywordMode, KeywordRule, RegexRule

# A server's own keyword and regex rules may use this many RE2 program instructions in all (10,000
# whole-word keywords of 6-10 letters take about 1.4 million; the defaults do not count).
RULE_BUDGET = 4_000_000
SET_INSTRUCTIONS = 1_200_000  # per set of listed words (about 3,600 of them)
SET_MAX_MEM = 160 << 20  # bytes, per set: its program and its DFA's cache of states (a cap)
PATTERN_MAX_MEM = 8 << 20  # bytes, for one pattern compiled on its own

_UTF8 = re2.Options()
_UTF8.log_errors = False  # RE2 would print refusals on stderr; we report them to the admin instead
_UTF8.max_mem = SET_MAX_MEM


def _latin1_options(max_mem: int) -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    options.encoding = re2.Options.Encoding.LATIN1
    options.max_mem = max_mem
    return options


_LATIN1 = _latin1_options(SET_MAX_MEM)
_LATIN1_ONE = _latin1_options(PATTERN_MAX_MEM)


class InvalidPattern(ValueError):
    """An admin pattern RE2 cannot run; the message says why in words."""


def check_pattern(pattern: str) -> None:
    if not pattern or len(pattern) > 500:
        raise InvalidPattern("a pattern must have 1 to 500 characters")
    try:
        re2.compile(_regex_source(pattern), _UTF8)
    except re2.error as error:
        reason = str(error).strip("b'\"")
        hint = " (back-references like \\1 are not supported)" if re.search(r"\\[1-9]", pattern) else ""
        raise InvalidPattern(f"RE2 cannot use {pattern!r}: {reason}{hint}") from None


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
                entries.append(Entry(rule.name, rule.action, "keyword", listed_form(word), pattern, budgeted))
    return entries


_NOTHING: tuple[tuple[Entry, ...], tuple[int, ...]] = ((), ())
_Match = Callable[[bytes], list[int]]


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
        self.used = 0  # program instructions of the server's own rules
        self.budget = RULE_BUDGET if budget is None else budget
        words = keyword_entries(keywords[:defaults], budgeted=False) + keyword_entries(keywords[defaults:])
        self.keywords = self._within_budget(words, latin1=True)
        regex_entries = []
        for regex in regexes:
            try:
                check_pattern(regex.pattern)
            except InvalidPattern as error:
                self.problems.append(Problem(regex.name, regex.pattern, str(error)))
                continue
            regex_entries.append(Entry(regex.name, regex.action, "regex", regex.pattern, _regex_source(regex.pattern)))
        self.regexes = self._within_budget(regex_entries, latin1=False)
        # Listed words in sets, the hints in the first one (after its words).
        self._keyword_sets: list[tuple[_Match, list[Entry]]] = []
        chunks = self._chunks(self.keywords) or [[]]
        for number, chunk in enumerate(chunks):
            self._compile_keywords(chunk, hints if number == 0 else ())
        self._first_hint = len(self._keyword_sets[0][1])
        self._regex_set: tuple[_Match, list[Entry]] | None = None
        if self.regexes:
            self._regex_set = self._compile_regexes(self.regexes)
        self.entries = [entry for _, entries in self._keyword_sets for entry in entries]
        if self._regex_set is not None:
            self.entries += self._regex_set[1]
        allow = [p for p in (phrase_pattern(phrase) for phrase in allowed) if p is not None]
        self._allowed = re2.compile("|".join(allow).encode("latin-1"), _LATIN1) if allow else None
        self._compiled: dict[str, re2._Regexp] = {}

    # -- building, failing closed ---------------------------------------------------------------
    def _within_budget(self, entries: list[Entry], *, latin1: bool) -> list[Entry]:
        kept = []
        for entry in entries:
            try:
                size = program_size(entry.compiled, latin1)
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
        self._keyword_sets.append((match, entries))

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
        sets = self._keyword_sets
        match, entries = sets[0]
        found = match(padded)
        hits: list[Entry] = []
        hints: tuple[int, ...] = ()
        if found:
            first_hint = self._first_hint
            hits = [entries[i] for i in found if i < first_hint]
            hints = tuple(i - first_hint for i in found if i >= first_hint)
        for match, entries in sets[1:]:
            for i in match(padded):
                hits.append(entries[i])
        if self._regex_set is not None:
            match, entries = self._regex_set
            hits += [entries[i] for i in sorted(match(padded[1:-1]))]
        if not hits and not hints:
            return _NOTHING
        return tuple(hits), hints

    def scan(self, reading: str) -> tuple[tuple[Entry, ...], tuple[int, ...]]:
        return self.scan_bytes(b" " + reading.encode() + b" ")

    def match(self, reading: str) -> tuple[Entry, ...]:
        """The rules that match a reading (see `normalize`), before any check of the spans."""
        return self.scan(reading)[0]

    def spans(self, entry: Entry, padded: bytes) -> list[tuple[int, int]]:
        """Where `entry` matches in the padded reading: byte offsets of the word itself (group 1)
        or of the admin pattern's match. Run only for hits, to check and explain them."""
        compiled = self._compiled.get(entry.compiled)
        if compiled is None:
            if entry.kind == "keyword":
                compiled = re2.compile(entry.compiled.encode("latin-1"), _LATIN1_ONE)
            else:
                compiled = re2.compile(entry.compiled.encode(), _UTF8)
            self._compiled[entry.compiled] = compiled
        if entry.kind == "keyword":
            return [found.span(1) for found in compiled.finditer(padded)]
        return [(start + 1, end + 1) for start, end in (f.span() for f in compiled.finditer(padded[1:-1]))]

    def allowed_spans(self, padded: bytes) -> list[tuple[int, int]]:
        if self._allowed is None:
            return []
        return [found.span() for found in self._allowed.finditer(padded)]


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


__all__ = ["RULE_BUDGET", "Entry", "InvalidPattern", "KeywordMode", "Matcher", "Problem", "check_pattern"]
