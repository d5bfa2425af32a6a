"""Find the sentences that answer a question about an article.

Every sentence of the article's paragraphs, exit question and updates is a candidate, ranked by
several rankers whose ranks are fused (reciprocal rank fusion): BM25 (rank-bm25) over the
sentence's stemmed words, BM25 over its paragraph (the words around an answer often say what it is
about), and, when the sentence-embedding model is loaded, cosine similarity to the sentence and to
its paragraph (paraphrases that share no word with the article). Misspelt words are matched to
the article's own vocabulary first (rapidfuzz).

An honest "nothing here": the best sentence must be close enough in meaning or in words, and when
the question asks for a kind of thing (a number, a date, a person) the sentence must hold one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from rank_bm25 import BM25Okapi

from bot.chat.typos import Corrector
from bot.chat.words import STOP_WORDS, normalise, sentences, stem, tokens

if TYPE_CHECKING:
    from bot.chat.embedding import Models


@dataclass(frozen=True, slots=True)
class Passage:
    id: str  # "p3" (paragraph 3, 1-based), "q" (exit question), "u2" (update 2)
    kind: str  # "paragraph", "exit_question", "update"
    text: str
    label: str | None = None
    message_url: str | None = None
    context: str = ""  # words that belong to the passage without being in it (a quote's speaker)


@dataclass(frozen=True, slots=True)
class Sentence:
    passage: Passage
    position: int  # 0-based, within the passage
    text: str
    order: int  # 0-based, within the whole article (paragraphs, then the exit question, then updates)
    of: int  # how many sentences its passage has


@dataclass(frozen=True, slots=True)
class Hit:
    sentence: Sentence
    score: float  # fused: higher is better

    @property
    def passage(self) -> Passage:
        return self.sentence.passage


@dataclass(frozen=True, slots=True)
class Signals:
    """Why the best sentence was (or was not) taken as an answer."""

    cosine: float | None  # question to sentence, or to its paragraph, whichever is closer
    overlap: float  # the share of the question's weight (idf) that the sentence or its paragraph holds
    wants: str | None  # the kind of answer the question asks for
    has_wanted: bool


@dataclass(frozen=True, slots=True)
class Answer:
    ranked: list[Hit]  # best first
    quoted: list[Sentence]  # what to quote, in the article's order
    signals: Signals


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    previous: str | None = None  # the member's question before, for a follow-up ("and before that?")


# -- what kind of answer a question wants ------------------------------------------------------

_NUMBER_WORDS = (
    r"(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion|half)"
)
_WANTS = (
    (
        "number",
        re.compile(
            r"\bhow (much|many|big|large|long|far|thick|thin|old|often|high|fast)\b"
            r"|\b(percent|percentage|cost|price|figure|number of|amount)\b|%"
        ),
    ),
    ("date", re.compile(r"\bwhen\b|\bwhat (date|day|time|year|month)\b|\bwhich (date|day|year|month)\b")),
    ("person", re.compile(r"^(and )?who\b|\bwho('s| is| are| was| were| did| does| do| has| will)\b|\bwhose\b")),
)
_HAS = {
    "number": re.compile(rf"\d|\b{_NUMBER_WORDS}\b", re.IGNORECASE),
    "date": re.compile(
        r"\d|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
        r"august|september|october|november|december|today|yesterday|tomorrow|tonight|morning|afternoon|evening|"
        r"week|month|year|spring|summer|autumn|fall|winter|since|until|before|after|ago|later)\b",
        re.IGNORECASE,
    ),
}
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")
_ROLE = re.compile(
    r"\b(he|she|they|who|whom|whose|said|says|spokes\w*|official|officials|president|director|member|members|"
    r"judge|attorney|lawyer|general|commander|chair\w*|manager|council|company|supplier|agency|group|lab)\b",
    re.IGNORECASE,
)


def wanted_kind(question: str) -> str | None:
    low = normalise(question)
    for kind, pattern in _WANTS:
        if pattern.search(low):
            return kind
    return None


def holds_kind(kind: str | None, sentence: str, question: str) -> bool:
    if kind is None:
        return True
    if kind == "person":
        asked = {w.casefold() for w in re.findall(r"[A-Za-z]+", question)}
        names = [n for n in _CAPITALISED.findall(sentence) if n.casefold() not in asked]
        return bool(names) or bool(_ROLE.search(sentence))
    return bool(_HAS[kind].search(sentence))


# -- the index ----------------------------------------------------------------------------------

_FOLLOW_UP = re.compile(
    r"^(and|but|so|what about|how about|also|then)\b|\b(it|its|they|them|their|that|this|those|these|he|him|his|she|"
    r"her|there|one|ones|else|exactly)\b",
    re.IGNORECASE,
)


def is_follow_up(question: str) -> bool:
    """A question that leans on the one before: short, or pointing back ("and where?", "who said it?")."""
    content = [t for t in tokens(question)]
    return len(content) <= 1 or (bool(_FOLLOW_UP.search(question)) and len(content) <= 4)


@dataclass(slots=True)
class Tuning:
    """The knobs, in one place (tuned on the development questions only). Each ranker's scores
    are standardised over the article's sentences (z-scores) and added with these weights."""

    weights: dict[str, float] = field(
        default_factory=lambda: {
            "minilm": 1.0,  # cosine to the sentence
            "minilm_passage": 0.0,  # cosine to its paragraph
            "e5": 1.0,
            "e5_passage": 0.3,
            "bm25": 0.5,  # words
            "bm25_passage": 0.0,
            "kind": 0.3,  # holds what the question asks for (a number, a date, a person)
        }
    )
    words_only_passage: float = 0.3  # without the models, the paragraph's words count this much
    min_cosine: float = 0.22  # in meaning (MiniLM): close enough on its own
    min_overlap: float = 0.5  # in words: enough of the question's weight
    min_cosine_with_overlap: float = 0.15  # both, a little
    min_overlap_with_cosine: float = 0.3
    keep_margin: float = 0.35  # further sentences quoted when within this of the best (in z units)
    max_quoted: int = 3


MIN_UNIT_WORDS = 7
SHORT_PASSAGE = 400  # characters: quoted whole
_POINTS_BACK = re.compile(
    r"^[\"“‘(]*(he|she|it|they|this|that|these|those|there|his|her|its|their|but|and|so|yet|still|then|also)\b",
    re.IGNORECASE,
)


def _units(text: str) -> list[str]:
    """The passage's sentences, a fragment ("But you'd be wrong, it seems:") joined to the sentence
    before it (or after it, at the start): alone it matches anything and answers nothing."""
    units: list[str] = []
    for sentence in sentences(text) or [text]:
        if units and (len(sentence.split()) < MIN_UNIT_WORDS or len(units[-1].split()) < MIN_UNIT_WORDS):
            units[-1] = f"{units[-1]} {sentence}"
        else:
            units.append(sentence)
    return units


def _z(scores: np.ndarray) -> np.ndarray:
    # Clipped: one rare word shared with one sentence must not outvote every other ranker.
    spread = scores.std()
    return np.clip((scores - scores.mean()) / spread, -3.0, 2.0) if spread > 1e-9 else np.zeros_like(scores)


class PassageIndex:
    def __init__(self, passages: Sequence[Passage], models: Models | None = None, tuning: Tuning | None = None) -> None:
        self.passages = list(passages)
        self.tuning = tuning or Tuning()
        self.sentences: list[Sentence] = []
        self._passage_of: list[int] = []
        for p_index, passage in enumerate(self.passages):
            parts = _units(passage.text)
            for position, text in enumerate(parts):
                self.sentences.append(Sentence(passage, position, text, len(self.sentences), len(parts)))
                self._passage_of.append(p_index)
        passage_tokens = [tokens(p.text) + tokens(p.context) for p in self.passages]
        sentence_tokens = [tokens(s.text) + tokens(s.passage.context) for s in self.sentences]
        self._sentence_tokens = [set(t) for t in sentence_tokens]
        self._passage_token_sets = [set(t) for t in passage_tokens]
        self._bm25 = BM25Okapi([t or ["\u2205"] for t in sentence_tokens], k1=1.2, b=0.5) if self.sentences else None
        self._bm25_passages = (
            BM25Okapi([t or ["\u2205"] for t in passage_tokens], k1=1.2, b=0.6) if self.passages else None
        )
        self.corrector = Corrector(" ".join(p.text for p in self.passages))
        self.models = models
        self._sentence_vectors: dict[str, np.ndarray] = {}
        self._passage_vectors: dict[str, np.ndarray] = {}
        if models is not None and self.sentences:
            self._sentence_vectors = models.passages([s.text for s in self.sentences])
            self._passage_vectors = models.passages([p.text for p in self.passages])

    @property
    def semantic(self) -> bool:
        return bool(self._sentence_vectors)

    def _idf(self, token: str) -> float:
        assert self._bm25 is not None
        return max(float(self._bm25.idf.get(token, 0.0)), 0.0)

    def rank(self, query: Query) -> tuple[list[Hit], list[str], dict[str, np.ndarray]]:
        """Every sentence, best first; the question's tokens; each ranker's raw scores."""
        if not self.sentences or self._bm25 is None or self._bm25_passages is None:
            return [], [], {}
        text = self.corrector.correct(query.text)
        question_tokens = tokens(text)
        follow_up = query.previous is not None and is_follow_up(query.text)
        scored_tokens = question_tokens * 2 if follow_up else question_tokens
        previous = self.corrector.correct(query.previous) if follow_up and query.previous else None
        if previous:
            scored_tokens = scored_tokens + tokens(previous)
            question_tokens = question_tokens + tokens(previous)
        raw: dict[str, np.ndarray] = {}
        if scored_tokens:
            raw["bm25"] = np.asarray(self._bm25.get_scores(scored_tokens))
            raw["bm25_passage"] = np.asarray(self._bm25_passages.get_scores(scored_tokens))[self._passage_of]
        if self.models is not None and self._sentence_vectors:
            vectors = self.models.query(f"{previous} {text}" if previous else text)
            for name, vector in vectors.items():
                raw[name] = self._sentence_vectors[name] @ vector
                raw[f"{name}_passage"] = (self._passage_vectors[name] @ vector)[self._passage_of]
        if not raw:
            return [], question_tokens, raw
        kind = wanted_kind(query.text)
        if kind is not None:
            raw["kind"] = np.array([holds_kind(kind, s.text, query.text) for s in self.sentences], dtype=float)
        weights = dict(self.tuning.weights)
        if not self.semantic:
            weights["bm25_passage"] = self.tuning.words_only_passage
        fused = np.zeros(len(self.sentences))
        for name, scores in raw.items():
            weight = weights.get(name, 0.0)
            if weight:
                fused += weight * (scores if name == "kind" else _z(scores))
        order = np.argsort(-fused, kind="stable")
        return [Hit(self.sentences[i], float(fused[i])) for i in order], question_tokens, raw

    def answer(self, query: Query) -> Answer | None:
        """The sentences to quote, or None when the article does not answer the question."""
        ranked, question_tokens, raw = self.rank(query)
        if not ranked:
            return None
        tuning = self.tuning
        # A question that asks for a kind of thing (a number, a date, a person) is answered by the
        # best of the leaders that holds one: first place goes to it.
        kind = wanted_kind(query.text)
        holding = [h for h in ranked[: tuning.max_quoted] if holds_kind(kind, h.sentence.text, query.text)]
        if holding and holding[0] is not ranked[0]:
            ranked = [holding[0], *(h for h in ranked if h is not holding[0])]
        best = ranked[0].sentence
        signals = self._signals(query, best, question_tokens, raw, [h.sentence.order for h in ranked[:3]])
        if not self._answers(signals):
            return None
        chosen = [ranked[0]]
        for hit in ranked[1 : tuning.max_quoted]:
            if hit.score < ranked[0].score - tuning.keep_margin:
                break
            chosen.append(hit)
        picked = {h.sentence for h in chosen}
        for sentence in list(picked):
            picked |= self._context_of(sentence)
        quoted = sorted(picked, key=lambda s: s.order)
        return Answer(ranked, quoted, signals)

    def _context_of(self, sentence: Sentence) -> set[Sentence]:
        """A little context: all of a short passage (an update, the exit question), and the
        sentence before one that points back to it ("He said…", "That is…")."""
        siblings = [s for s in self.sentences if s.passage is sentence.passage]
        if len(siblings) <= 3 and len(sentence.passage.text) <= SHORT_PASSAGE:
            return set(siblings)
        if sentence.position > 0 and _POINTS_BACK.match(sentence.text):
            return {siblings[sentence.position - 1]}
        return set()

    def _signals(
        self,
        query: Query,
        best: Sentence,
        question_tokens: list[str],
        raw: dict[str, np.ndarray],
        leaders: list[int],
    ) -> Signals:
        # A word the article never uses weighs as much as its rarest word: "what law firm is
        # Whitlock with?" asks about something the article does not mention.
        idf: dict[str, float] = self._bm25.idf if self._bm25 is not None else {}
        rarest = max(idf.values(), default=1.0)
        weights = {t: (self._idf(t) if t in idf else rarest) for t in set(question_tokens)}
        total = sum(weights.values())
        passage_tokens = self._passage_token_sets[self._passage_of[best.order]]
        held = sum(w for t, w in weights.items() if t in self._sentence_tokens[best.order])
        held_nearby = sum(w for t, w in weights.items() if t in passage_tokens)
        overlap = (held + 0.5 * (held_nearby - held)) / total if total else 0.0
        kind = wanted_kind(query.text)
        cosine = None
        if "minilm" in raw:
            # the closest in meaning among the few best: the fusion may put another first
            cosine = float(max(max(raw["minilm"][i], 0.9 * raw["minilm_passage"][i]) for i in leaders))
        return Signals(cosine=cosine, overlap=overlap, wants=kind, has_wanted=holds_kind(kind, best.text, query.text))

    def _answers(self, signals: Signals) -> bool:
        tuning = self.tuning
        if not signals.has_wanted:
            return False
        if signals.cosine is None:  # words only
            return signals.overlap >= tuning.min_overlap
        return (
            signals.cosine >= tuning.min_cosine
            or signals.overlap >= tuning.min_overlap
            or (signals.cosine >= tuning.min_cosine_with_overlap and signals.overlap >= tuning.min_overlap_with_cosine)
        )


def content_words(text: str) -> list[str]:
    return [stem(w) for w in re.findall(r"[a-z0-9]+", normalise(text)) if w not in STOP_WORDS]
