"""Answers about paths given once in a run, not once per use.

Planning resolves each page's path three times (listing it, finding its language folder,
adding it to the page map) and the scan once more for the site of each pair;
``Path.resolve`` walks every component of a path in Python (some 60 µs: a few percent of a
scan of a site). The stale rule asks for each pair whether a git repository holds the
source's folder (a dozen file tests up to the root, some 260 µs). The last answers are kept,
few enough to cost no memory that matters on a large site; :func:`forget` drops them when
planning starts, so a link or repository made between two runs in one process is seen by
the second.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

_CLEARS: list[Callable[[], None]] = []


def remembered_in_run(compute: Callable[[str], T]) -> Callable[[str], T]:
    """``compute`` of a path, remembered for the last 1 024 paths until :func:`forget`."""
    remembered = lru_cache(maxsize=1024)(compute)
    _CLEARS.append(remembered.cache_clear)
    return remembered


@remembered_in_run
def _resolved(path: str) -> Path:
    return Path(path).resolve()


def resolved(path: str) -> Path:
    """``Path(path).resolve()``, remembered for an absolute path (a relative one depends on
    the working folder)."""
    return _resolved(path) if os.path.isabs(path) else Path(path).resolve()


def forget() -> None:
    for clear in _CLEARS:
        clear()
