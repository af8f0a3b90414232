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


# İ ı ſ K: the only non-ASCII characters that an ASCII letter matches under re.I (lower()
# turns the first three into no ASCII letter)
_CASE_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def may_contain(text: str, literals: Iterable[str]) -> bool:
    """False only when no case-insensitive pattern (re.I) that needs one of ``literals`` can
    match ``text``: a pre-check in C before a search that tries every place of the text.

    ``literals`` are in lower case, of ASCII letters or of characters that every character
    matching them under re.I lowers to (å, ö, €, $)."""
    if any(char in text for char in _CASE_FOLDS_TO_ASCII):
        return True
    lowered = text.lower()
    return any(literal in lowered for literal in literals)
