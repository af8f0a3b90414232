"""Language-neutral tokens: what a translation keeps (names, acronyms, numbers, code).

Used to align sections and blocks whose words are all translated.

A capitalised word in the middle of a sentence is almost always a name
("Ceph", "Stockholm"): a *strong* token. A capitalised word that starts a
sentence may be a name ("Linux experience") or just the first word ("We
build"): a *weak* token, which counts only when the other version has it too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from msgspec import Struct


from transcheck.lazyre import lazy_compile, words_alternation

_WORD = lazy_compile(r"[^\W\d_][\w'’]*|\d[\d\s.,:\u00a0\u202f]*\d|\d", re.UNICODE)
_SENTENCE_START = lazy_compile(r"(?:^|[.!?:;\n•–—])[\s*_\"'“”‘’(\[#>|-]*$")
_HAS_DIGIT = lazy_compile(r"\d")
_GROUPING = lazy_compile(r"[\s.,:\u00a0\u202f]")
_ROMAN = lazy_compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")  # II to XXXIX

from transcheck.values.numbers import AMBIGUOUS_NUMBER_WORDS, NUMBER_WORDS


_NONE: frozenset[str] = frozenset()


class Tokens(Struct):
    """Frozen sets, shared between the texts that have them (a large page has hundreds
    of thousands): ``tokens.strong |= more`` binds a new set, never changes a shared one."""

    strong: frozenset[str] = _NONE
    weak: frozenset[str] = _NONE

    def update(self, other: "Tokens") -> None:
        self.strong |= other.strong
        self.weak |= other.weak


def frozen(tokens: set[str] | frozenset[str]) -> frozenset[str]:
    """A frozen set, the one shared empty set when empty."""
    return frozenset(tokens) if tokens else _NONE


def tokens_of(text: str, heading: bool = False) -> Tokens:
    """Strong and weak neutral tokens of ``text``; numbers reduced to their digits.

    In a heading every capitalised word is weak: English headings are Title Case.
    """
    strong, weak = _tokens(text, heading)
    return Tokens(strong, weak)


# _WORD's matches, but the plain lower-case words (most words of any text, and never a
# token) are skipped inside the regex engine instead of one by one in Python: an atomic
# run of them, and of what no token starts with, before each match. Number words are
# not skipped. The token is group 1 (None at the end of the text); the spans are _WORD's
# (a test holds the tokens equal to a word-by-word reading).
_NUMBER_WORD = words_alternation(w for w in NUMBER_WORDS if w not in AMBIGUOUS_NUMBER_WORDS)
_SKIP_PLAIN = lazy_compile(
    r"(?>(?:(?!%s(?![\w'’]))[a-zß-öø-ÿ]+(?![\w'’])|[^\w]|_)*)"
    r"(?:([^\W\d_][\w'’]*|\d[\d\s.,:\u00a0\u202f]*\d|\d)|\Z)" % _NUMBER_WORD,
    re.UNICODE,
)


@lru_cache(maxsize=2048)
def _tokens(text: str, heading: bool) -> tuple[frozenset[str], frozenset[str]]:
    strong: set[str] = set()
    weak: set[str] = set()
    for match in _SKIP_PLAIN.finditer(text):
        word = match.group(1)
        if word is None:
            break  # the end: every attempt matches where it starts, so this stays linear
        first = word[0]
        if first.isdigit():
            strong.add("#" + _GROUPING.sub("", word))
            continue
        if first.islower():  # most words: only number words and "iPhone", "vCPU" count
            if word in NUMBER_WORDS and word not in AMBIGUOUS_NUMBER_WORDS:
                strong.add(f"#{NUMBER_WORDS[word]}")
            elif word.isalpha() and word.islower():
                pass  # a plain lower-case word (the common case, tested first for speed)
            elif len(word) > 1 and (word[1:] != word[1:].lower() or _HAS_DIGIT.search(word)):
                strong.add(word.rstrip("'’"))
            continue
        word = word.rstrip("'’")
        lowered = word.lower()
        if lowered in NUMBER_WORDS and lowered not in AMBIGUOUS_NUMBER_WORDS:
            strong.add(f"#{NUMBER_WORDS[lowered]}")
            continue
        if len(word) < 2:
            continue
        tail = word[1:]
        if first in "IVX" and _ROMAN.fullmatch(word):
            weak.add(word)  # "Part III" / "Del III": a number of the outline, not a name
            continue
        if tail != tail.lower() or (not word.isalpha() and _HAS_DIGIT.search(word)):  # letters only: no digit
            if len(word) > 2 and word[-1] == "s" and word[:-1].isupper():
                word = word[:-1]  # "APIs" is the acronym "API" in English plural
            strong.add(word)
        else:
            start = match.start(1)
            starts = heading or _starts_sentence(text, start)
            (weak if starts else strong).add(word)
    return frozen(strong), frozen(weak)


def _starts_sentence(text: str, start: int) -> bool:
    """Does a word at ``start`` open a sentence (``_SENTENCE_START`` on the 8 characters
    before it)? Most capitalised words stand after a letter or digit and one space, which
    the pattern never takes: told without the search."""
    if start >= 2 and text[start - 1] == " " and text[start - 2].isalnum():
        return False
    return _SENTENCE_START.search(text[max(0, start - 8) : start]) is not None


def similarity(a: Tokens, b: Tokens) -> float | None:
    """Overlap in [0, 1]; weak tokens count only when matched. None: nothing to tell."""
    weak_a = (a.weak & (b.strong | b.weak)) - a.strong
    weak_b = (b.weak & (a.strong | a.weak)) - b.strong
    denominator = len(a.strong) + len(b.strong) + len(weak_a) + len(weak_b)
    if denominator == 0:
        return None
    return (2 * len(a.strong & b.strong) + len(weak_a) + len(weak_b)) / denominator
