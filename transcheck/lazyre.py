"""Regular expressions compiled on first use, not at import.

Python compiles a pattern in Python code (the parser and compiler of ``re``), some 0.1 ms
for a plain one and several ms for the large ones of the value rules; the package has about
150 at module level, and a one-pair check uses about half of them. A module writes
``NAME = lazy_compile(r"...")`` where it would write ``re.compile``; the first use of any
attribute compiles the pattern and binds the compiled pattern's methods to the object, so
later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, cast

_FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
              "flags", "groups", "groupindex")


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern  # as a compiled pattern's: the source text, readable without compiling
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only called for what is not set yet: the first use
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for forwarded in _FORWARDED:
            setattr(self, forwarded, getattr(compiled, forwarded))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return repr(re.compile(self.pattern, self._flags))


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


def words_alternation(words: Iterable[str]) -> str:
    """A non-capturing group matching exactly ``words``, written as a trie ("f(?:em|ive)"
    for "fem" and "five"): the regex engine tries one branch per character instead of every
    word in turn (a third of the time of the flat alternation in the neutral tokens).

    At any place the words that match are prefixes of each other; the group tries them
    longest first, as an alternation sorted by length does.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: dict[str, Any]) -> str:
        ends = "" in node
        parts = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not parts:
            return ""
        if len(parts) == 1 and not ends:
            return parts[0]
        return "(?:" + "|".join(parts) + ")" + ("?" if ends else "")

    return "(?:" + branch(trie) + ")"
