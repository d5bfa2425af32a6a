"""Every keyword and admin regular expression of a server compiled into one RE2 set.

RE2 runs in time linear in the text, so an admin's `(a+)+$` cannot hang the bot; one set answers
"which of these thousands of patterns match?" in one pass. A pattern RE2 refuses (back-references,
look-arounds) is refused when it is added, with RE2's reason. Note: RE2's `\\b` knows only ASCII
word characters; the text it sees is normalised, mostly ASCII, but write `[^a-z0-9]` around words
when non-Latin letters matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import re2

from bot.moderation.normalize import normalize
from bot.moderation.rules import Action, KeywordMode, KeywordRule, RegexRule

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 would print refusals on stderr; we report them to the admin instead
_EDGE_BEFORE = r"(?:^|[^a-z0-9])"
_EDGE_AFTER = r"(?:[^a-z0-9]|$)"


class InvalidPattern(ValueError):
    """An admin pattern RE2 cannot run; the message says why in words."""


def check_pattern(pattern: str) -> None:
    if not pattern or len(pattern) > 500:
        raise InvalidPattern("a pattern must have 1 to 500 characters")
    try:
        re2.compile(pattern, _OPTIONS)
    except re2.error as error:
        reason = str(error).strip("b'\"")
        hint = " (back-references like \\1 are not supported)" if re.search(r"\\[1-9]", pattern) else ""
        raise InvalidPattern(f"RE2 cannot use {pattern!r}: {reason}{hint}") from None


@dataclass(frozen=True, slots=True)
class Entry:
    rule: str
    action: Action
    kind: str  # "keyword" or "regex"
    source: str  # the word or the admin's pattern
    compiled: object  # re2 pattern, used only to show what matched


def _keyword_pattern(word: str, mode: KeywordMode) -> str:
    core = re.escape(word.lower())
    if mode is KeywordMode.WORD:
        return f"{_EDGE_BEFORE}({core}){_EDGE_AFTER}"
    if mode is KeywordMode.PREFIX:
        return f"{_EDGE_BEFORE}({core}[a-z0-9]*)"
    return f"({core})"


_NOTHING: tuple[tuple[Entry, ...], tuple[int, ...]] = ((), ())


class Matcher:
    """`hints` are extra RE2 patterns that are not rules: questions about the text ("might it be
    disguised?", "might it hold a link?") answered in the same pass as the rules, by `scan`."""

    def __init__(
        self, keywords: tuple[KeywordRule, ...], regexes: tuple[RegexRule, ...], hints: tuple[str, ...] = ()
    ) -> None:
        self.entries: list[Entry] = []
        self._set = re2.Set.SearchSet(_OPTIONS)
        for rule in keywords:
            for word in rule.words:
                word = normalize(word).strip()
                if not word:
                    continue
                pattern = _keyword_pattern(word, rule.mode)
                self._add(pattern, Entry(rule.name, rule.action, "keyword", word, None))
        for regex in regexes:
            check_pattern(regex.pattern)
            self._add(regex.pattern, Entry(regex.name, regex.action, "regex", regex.pattern, None))
        self._first_hint = len(self.entries)
        for hint in hints:
            self._set.Add(hint)
        self._set.Compile()
        # google-re2's Set is a Python method around its C++ binding that only turns str into bytes:
        # every message passes here, so call the binding itself (the wrapper, if a release moves it).
        self._match_bytes = getattr(self._set, "_set", self._set).Match

    def _add(self, pattern: str, entry: Entry) -> None:
        index = self._set.Add(pattern)
        assert index == len(self.entries)
        self.entries.append(Entry(entry.rule, entry.action, entry.kind, entry.source, pattern))

    def match(self, text: str) -> tuple[Entry, ...]:
        """The rules that match `text` (already normalised)."""
        return self.scan(text)[0]

    def scan(self, text: str) -> tuple[tuple[Entry, ...], tuple[int, ...]]:
        """The rules that match `text`, and the positions (in `hints`) of the hints that match."""
        return self.scan_bytes(text.encode())

    def scan_bytes(self, text: bytes) -> tuple[tuple[Entry, ...], tuple[int, ...]]:
        """`scan` for text in UTF-8 already."""
        found = self._match_bytes(text)
        if not found:
            return _NOTHING
        found.sort()
        first_hint = self._first_hint
        return tuple(self.entries[i] for i in found if i < first_hint), tuple(
            i - first_hint for i in found if i >= first_hint
        )

    @staticmethod
    def span(entry: Entry, text: str) -> str:
        """The part of `text` that `entry` matched (run only for hits, to explain them)."""
        found = re2.compile(str(entry.compiled), _OPTIONS).search(text)
        if found is None:
            return ""
        return found.group(1) if entry.kind == "keyword" else found.group(0)
