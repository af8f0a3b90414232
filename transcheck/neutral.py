"""Language-neutral tokens: what a translation keeps (names, acronyms, numbers, code).

Used to align sections and blocks whose words are all translated.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d\s.,:\u00a0\u202f]*\d|\d", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:]\s*$|^\s*$")
_GROUPING = re.compile(r"[\s.,:\u00a0\u202f]")


def neutral_tokens(text: str) -> set[str]:
    """Names, acronyms, product names and numbers in ``text``.

    A capitalised word counts only when it does not start a sentence (every
    language capitalises those). Numbers are reduced to their digits so that
    "50,000" and "50 000" give the same token.
    """
    tokens: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word[0].isdigit():
            tokens.add("#" + _GROUPING.sub("", word))
            continue
        word = word.rstrip("'’-")
        if len(word) < 2:
            continue
        inner_upper = any(c.isupper() for c in word[1:])
        has_digit = any(c.isdigit() for c in word)
        if inner_upper or has_digit:
            tokens.add(word)
        elif word[0].isupper() and not _SENTENCE_END.search(text[max(0, match.start() - 3) : match.start()]):
            tokens.add(word)
    return tokens


def dice(a: set[str], b: set[str]) -> float | None:
    """Overlap of two token sets in [0, 1]; None when both are empty (nothing to tell)."""
    if not a and not b:
        return None
    return 2 * len(a & b) / (len(a) + len(b))
