"""Find the sentences that answer a question about an article.

Every sentence of the article's paragraphs, exit question and updates is a candidate, ranked by
several rankers whose standardised scores are added: BM25 (rank-bm25) over the sentence's stemmed
words, and, when the embedding model is loaded, E5's cosine similarity to the sentence and to its
paragraph (paraphrases that share no word with the article); a sentence that holds the kind of
answer the question wants (bot.chat.answer_type) gains, one that is itself a question loses.
Misspelt words are matched to the article's own vocabulary first (bot.chat.typos).

An honest "nothing here" (bot.chat.answer_type): no leading sentence holds the kind of answer the
question wants (a place that is not already in the question, a speed, what the governor said), the
question names something the article never mentions, or the best sentence is neither close enough
in meaning nor in words. The thresholds are calibrated on the development questions by
cross-validation across articles (benchmarks/chat_eval.py prints them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from rank_bm25 import BM25Okapi
from symspellpy.editdistance import DistanceAlgorithm, EditDistance

from bot.chat.answer_type import (
    HOW_MEASURE,
    PERSON,
    REASON,
    WEAK,
    Expectation,
    answers,
    asks,
    expectation,
)
from bot.chat.roles import head_noun, names_the_role, role_asked
from bot.chat.typos import Corrector
from bot.chat.unknown_names import unknown_names
from bot.chat.words import GENERIC_WORDS, STOP_WORDS, normalise, sentences, stem, tokens

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

    cosine: float | None  # question to sentence, or to its paragraph, whichever is closer (E5)
    overlap: float  # the share of the question's weight (idf) that the sentence or its paragraph holds
    wants: Expectation | None  # the kind of answer the question wants
    has_wanted: bool  # a leading sentence holds it
    unknown: tuple[str, ...] = ()  # names in the question the article never mentions
    elsewhere: float = 0.0  # the share of the question's weight the article holds, but not near the answer
    asks: bool = True  # worded as a question (a question word or mark), or a follow-up to one
    role_named: bool = True  # "who is the sheriff?": some sentence names someone as the sheriff


@dataclass(frozen=True, slots=True)
class Answer:
    ranked: list[Hit]  # best first
    quoted: list[Sentence]  # what to quote, in the article's order
    signals: Signals


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    previous: str | None = None  # the member's question before, for a follow-up ("and before that?")
    previous_passages: tuple[str, ...] = ()  # where its answer was: a follow-up is likely about the same place


# -- the index ----------------------------------------------------------------------------------

_FOLLOW_UP = re.compile(
    r"^(and|but|so|what about|how about|also|then)\b|\b(it|its|they|them|their|that|this|those|these|he|him|his|she|"
    r"her|there|one|ones|else|exactly)\b",
    re.IGNORECASE,
)


# Two words one letter apart: one changed, added, dropped, or two swapped (symspellpy's measure).
_ONE_LETTER = EditDistance(DistanceAlgorithm.DAMERAU_OSA)


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in GENERIC_WORDS)


def is_follow_up(question: str) -> bool:
    """A question that leans on the one before: short, or pointing back ("and where?", "who said it?")."""
    content = tokens(question)
    return len(content) <= 1 or (bool(_FOLLOW_UP.search(question)) and len(content) <= 4)


@dataclass(slots=True)
class Tuning:
    """The knobs, in one place (tuned on the development questions only). Each ranker's scores
    are standardised over the article's sentences (z-scores) and added with these weights."""

    weights: dict[str, float] = field(
        default_factory=lambda: {
            "e5": 1.0,  # cosine to the sentence
            "e5_passage": 0.0,  # cosine to its paragraph (the mean of its sentences'): no better ranked with it
            "bm25": 0.5,  # words
            "bm25_passage": 0.0,
            "kind": 0.5,  # holds what the question asks for (a number, a date, a person), not yet in the question
            "asks": -0.6,  # is itself a question ("how much command and control is there?")
            "head": 0.4,  # names the noun a "who is the …" question asks about
            "focus": 0.5,  # a follow-up: in the passage that answered the question before
            "recent": 0.5,  # "yet", "so far", "now": in an update
            "ordinal": 2.5,  # opens with the ordinal a follow-up asks for ("Second, it argues…")
        }
    )
    words_only_passage: float = 0.3  # without the model, the paragraph's words count this much
    # The gate. Calibrated on the development sets (leave one article out; benchmarks/chat_eval.py
    # prints it, and the value fitted on all of them is the one used): the question's words are the
    # article's, but not near the best sentence.
    max_elsewhere: float = 0.4
    # A floor for questions about something else entirely ("what's the recipe for banana bread?"):
    # close enough in meaning (E5's cosine; every answerable development question scored 0.795 or
    # more, unrelated questions 0.75 to 0.82), or sharing enough of the question's weight in words.
    min_cosine: float = 0.78
    # A message that asks nothing and shares no word with the article needs a clear margin over
    # that floor: set a priori (0.05 over it), not fitted; nonsense scored 0.77 here, and more on
    # another machine's arithmetic.
    min_cosine_unasked: float = 0.83
    min_overlap: float = 0.2
    min_overlap_words_only: float = 0.5  # without the model, words are all there is
    leaders: int = 3  # how far down the ranking a sentence that holds the wanted kind is looked for
    keep_margin: float = 0.35  # further sentences quoted when within this of the best (in z units)
    max_quoted: int = 3


_ORDINAL = re.compile(r"\b(first|second|third|fourth|fifth|last|final|other)\b", re.IGNORECASE)
_RECENT = re.compile(r"\b(yet|now|so far|still|anymore|any more|currently|latest|at this point|these days)\b")
_FLAGS = frozenset({"kind", "asks", "ordinal", "head", "focus", "recent"})  # 0 or 1, added as they are
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
        self.text = " ".join(p.text for p in self.passages)
        self._names = frozenset(w.casefold() for w in re.findall(r"\b[A-Z][a-z]+\b", self.text))
        self.corrector = Corrector(self.text)
        self._words = frozenset(t for s in self._sentence_tokens for t in s) | self.corrector.vocabulary
        self._asks = np.array([s.text.rstrip(' ”"’)').endswith("?") for s in self.sentences], dtype=float)
        self.models = models
        self._sentence_vectors: dict[str, np.ndarray] = {}
        self._passage_vectors: dict[str, np.ndarray] = {}
        if models is not None and self.sentences:
            self._sentence_vectors = models.passages([s.text for s in self.sentences])
            # A paragraph's vector (for the gate's floor): the mean of its sentences'. Embedding whole
            # paragraphs as well took three times as long, for no better answers on the development half.
            of = np.asarray(self._passage_of)
            for name, vectors in self._sentence_vectors.items():
                sums = np.zeros((len(self.passages), vectors.shape[1]), dtype=np.float32)
                np.add.at(sums, of, vectors)
                self._passage_vectors[name] = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)

    @property
    def semantic(self) -> bool:
        return bool(self._sentence_vectors)

    def _idf(self, token: str) -> float:
        assert self._bm25 is not None
        return max(float(self._bm25.idf.get(token, 0.0)), 0.0)

    def _question(self, query: Query) -> tuple[str, str | None, Expectation | None]:
        """The question as the rankers read it (misspellings corrected), the earlier question it
        leans on (a follow-up), and what kind of answer it wants (its own, else the earlier one's)."""
        text = self.corrector.correct(query.text)
        follow_up = query.previous is not None and is_follow_up(query.text)
        previous = self.corrector.correct(query.previous) if follow_up and query.previous else None
        wants = expectation(text)
        if wants is None and previous is not None and re.match(r"^(and|what about|how about)\b", text):
            wants = expectation(previous)  # "and the second fire?" after "when was the first fire?"
        return text, previous, wants

    def rank(self, query: Query) -> tuple[list[Hit], list[str], dict[str, np.ndarray]]:
        """Every sentence, best first; the question's tokens; each ranker's raw scores."""
        if not self.sentences or self._bm25 is None or self._bm25_passages is None:
            return [], [], {}
        text, previous, wants = self._question(query)
        question_tokens = tokens(HOW_MEASURE.sub("how", text))  # "how long": the kind, not a word
        scored_tokens = question_tokens * 2 if previous else question_tokens
        scored_tokens = scored_tokens + tokens(" ".join(self.corrector.alternatives(query.text).values()))
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
        if wants is not None:  # a name counts here; a role ("the court") only opens the gate
            raw["kind"] = np.array(
                [answers(wants, s.text, text, s.passage.context, roles=False) for s in self.sentences], dtype=float
            ) * (0.5 if wants.kinds <= WEAK else 1.0)
        raw["asks"] = self._asks
        if previous and query.previous_passages:  # "what did they say?": about what was just quoted
            raw["focus"] = np.array([s.passage.id in query.previous_passages for s in self.sentences], dtype=float)
        if _RECENT.search(text):  # "have they named it yet?": the updates say what is true now
            raw["recent"] = np.array([s.passage.kind == "update" for s in self.sentences], dtype=float)
        if head := head_noun(text):  # "who is the lawyer…": the sentence that names a lawyer (an attorney)
            raw["head"] = np.array([head in t for t in self._sentence_tokens], dtype=float)
            if wants is not None and PERSON in wants.kinds:
                # and counts twice where a name stands beside it ("their attorney, Curtis Whitlock")
                raw["head"] += [names_the_role(s.text, head) for s in self.sentences]
        if previous and (ordinal := _ORDINAL.search(text)):
            # "what about the second one?" after "what are the two claims?": the sentence that says "Second, …"
            word = ordinal.group(1)
            raw["ordinal"] = np.array(
                [bool(re.match(rf"^[\"“(]*(?:the )?{word}\b", s.text, re.IGNORECASE)) for s in self.sentences],
                dtype=float,
            )
        weights = dict(self.tuning.weights)
        if not self.semantic:
            weights["bm25_passage"] = self.tuning.words_only_passage
        fused = np.zeros(len(self.sentences))
        for name, scores in raw.items():
            weight = weights.get(name, 0.0)
            if weight:
                fused += weight * (scores if name in _FLAGS else _z(scores))
        # A question the article asks itself is not an answer, but the sentence after it may be.
        # It passes on what it scored, a little less, as if it did not ask.
        penalty = weights.get("asks", 0.0)
        for i in np.flatnonzero(self._asks):
            if i + 1 < len(self.sentences) and self._passage_of[i + 1] == self._passage_of[i]:
                fused[i + 1] = max(fused[i + 1], fused[i] - penalty - 0.1)
        order = np.argsort(-fused, kind="stable")
        return [Hit(self.sentences[i], float(fused[i])) for i in order], question_tokens, raw

    def judge(self, query: Query) -> tuple[list[Hit], Signals] | None:
        """The ranking (the best answer first) and the signals the gate reads, whatever it decides."""
        ranked, question_tokens, raw = self.rank(query)
        if not ranked or not question_tokens:  # "the", "?": nothing to look for
            return None
        tuning = self.tuning
        text, previous, wants = self._question(query)
        # A question that asks for a kind of thing (a number, a date, a person) is answered by the
        # best of the leaders that holds one: first place goes to it.
        holding = [
            h for h in ranked[: tuning.leaders] if answers(wants, h.sentence.text, text, h.sentence.passage.context)
        ]
        if holding and holding[0] is not ranked[0]:
            ranked = [holding[0], *(h for h in ranked if h is not holding[0])]
        # "Who is the sheriff?" / "what's the mill manager's name?": the sentences that name someone as
        # that role ("Sheriff Glenn Harwood said…"). A sentence that mentions the manager beside another
        # name (the mayor's) does not say who the manager is.
        role = role_asked(text)
        mentioned = role is not None and role in self._words
        naming = [h for h in ranked if names_the_role(h.sentence.text, role)] if role and mentioned else []
        if naming and wants is not None and PERSON in wants.kinds and naming[0] is not ranked[0]:
            ranked = [naming[0], *(h for h in ranked if h is not naming[0])]
        # Answered only where one does, when the article mentions the role (it says "skipper", the
        # member "captain": no judgement here).
        role_named = not mentioned or bool(naming)
        signals = self._signals(
            query,
            text,
            previous,
            wants,
            ranked[0].sentence,
            question_tokens,
            raw,
            ranked[:3],
            bool(holding),
            role_named,
        )
        return ranked, signals

    def answer(self, query: Query) -> Answer | None:
        """The sentences to quote, or None when the article does not answer the question."""
        judged = self.judge(query)
        if judged is None:
            return None
        ranked, signals = judged
        if not self.answers(signals):
            return None
        chosen = [ranked[0]]
        for hit in ranked[1 : self.tuning.max_quoted]:
            if hit.score < ranked[0].score - self.tuning.keep_margin:
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
        text: str,
        previous: str | None,
        wants: Expectation | None,
        best: Sentence,
        question_tokens: list[str],
        raw: dict[str, np.ndarray],
        leaders: list[Hit],
        has_wanted: bool,
        role_named: bool,
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
        own = set(tokens(text))  # a follow-up's earlier question is about another sentence: its own words only
        generic = _generic_stems()  # "come", "last": the article has them somewhere, which says nothing
        elsewhere = (
            sum(w for t, w in weights.items() if t in own and t in idf and t not in passage_tokens and t not in generic)
            / total
            if total
            else 0.0
        )
        cosine = None
        if "e5" in raw:
            # the closest in meaning among the few best: the fusion may put another first
            orders = [h.sentence.order for h in leaders]
            cosine = float(max(max(raw["e5"][i], 0.95 * raw["e5_passage"][i]) for i in orders))
        # A name the article lacks, unless it is a misspelling: of one of the article's names, by a
        # letter ("Jenna Ortix" for Ortiz; "Beaman" is not "beam"), or, written in lower case, of one
        # of its words ("ws" for was).
        unknown = tuple(
            name
            for name in unknown_names(query.text, self.corrector.vocabulary | self._words, self.text)
            if not self._misspelt(name)
        )
        return Signals(
            cosine=cosine,
            overlap=overlap,
            wants=wants,
            # A reason is often given without a word that marks it ("a replacement cable has to be
            # made to order"): its marks rank, they do not decide.
            has_wanted=has_wanted or wants is None or wants.kinds == {REASON},
            unknown=unknown,
            elsewhere=elsewhere,
            asks=asks(text) or previous is not None,
            role_named=role_named,
        )

    def _misspelt(self, name: str) -> bool:
        if name[:1].isupper():
            low = name.casefold()
            return any(_ONE_LETTER.compare(low, known, 1) == 1 for known in self._names)
        return self.corrector.correct(name) != normalise(name)

    def names_a_topic(self, words: Sequence[str]) -> bool:
        """Whether any of these words (a member's, misspelt or not) is one the article uses."""
        return any(token in self._words for word in words for token in tokens(self.corrector.correct(word)))

    def answers(self, signals: Signals) -> bool:
        """The gate: whether the best sentence answers the question."""
        tuning = self.tuning
        if not signals.has_wanted or signals.unknown or not signals.role_named:
            return False
        if signals.cosine is None:  # words only
            return signals.overlap >= tuning.min_overlap_words_only
        if signals.elsewhere > tuning.max_elsewhere:
            return False
        if not signals.asks and signals.overlap == 0.0:
            # None of the article's words and nothing asked ("flibbertigibbet wobble"): the model
            # finds every text a little close to every other, so only a clearly close one answers
            # ("must've been grim for the people on board").
            return signals.cosine >= tuning.min_cosine_unasked
        return signals.cosine >= tuning.min_cosine or signals.overlap >= tuning.min_overlap


def content_words(text: str) -> list[str]:
    return [stem(w) for w in re.findall(r"[a-z0-9]+", normalise(text)) if w not in STOP_WORDS]
