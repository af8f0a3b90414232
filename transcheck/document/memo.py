"""Facts of model nodes remembered by the node's identity.

Documents are not changed once parsed, so what is computed from a block (its inlines, its
alignment features, its text as the language rules read it) holds as long as the block
lives. Several rules ask for the same facts, and a source page's blocks are asked again for
each translation: a :class:`ByIdentity` computes each once. What it remembers is of no use
once the pages in hand are done (the next pages are other objects), so a scan calls
:func:`forget_all` after each source and its translations: nothing of a finished pair stays
alive in a memo.
"""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")

_ALL: list[ByIdentity[object, object]] = []


class ByIdentity(Generic[K, V]):
    """``compute(node)``, remembered by ``id(node)`` for up to ``kept`` nodes.

    The node is kept alive with its value, so its id cannot be reused by another object while
    remembered. Past ``kept`` entries everything is forgotten at once (cheaper than an LRU on
    a hot path; ``kept`` spans the pages in hand)."""

    __slots__ = ("_compute", "_kept", "_known")

    def __init__(self, compute: Callable[[K], V], kept: int = 4_000) -> None:
        self._compute = compute
        self._kept = kept
        self._known: dict[int, tuple[K, V]] = {}
        _ALL.append(self)  # type: ignore[arg-type]  # cleared together, whatever they hold

    def __call__(self, node: K) -> V:
        known = self._known.get(id(node))
        if known is not None and known[0] is node:
            return known[1]
        if len(self._known) >= self._kept:
            self._known.clear()
        value = self._compute(node)
        self._known[id(node)] = (node, value)
        return value

    def clear(self) -> None:
        self._known.clear()


def forget_all() -> None:
    """Drop what every memo remembers (and the nodes it kept alive)."""
    for memo in _ALL:
        memo.clear()
