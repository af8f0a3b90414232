"""The words of a text, read once for every finder that looks them up.

Dates and number words both ask whether a text holds one of their words (a month name, "två"):
a text without digits is asked by both in turn, so its words are remembered for the last few
texts instead of being lowered and split again.
"""

from __future__ import annotations

from functools import lru_cache

from transcheck.lazyre import lazy_compile

_WORD = lazy_compile(r"[^\W\d_]+")


@lru_cache(maxsize=8)
def lowered_words(text: str) -> tuple[str, ...]:
    """The runs of letters of ``text`` lowered, in order."""
    return tuple(_WORD.findall(text.lower()))
