"""How much a text says, whatever its script.

A Chinese, Japanese or Korean character carries about what a short word does, so counting
characters makes a paragraph in those languages look three times shorter than its
translation. The rules that weigh text against text (a page's share of a language, a list
item against the sentences that say it) count such a character as three letters.
"""

from __future__ import annotations

from transcheck.lazyre import lazy_compile

# kana, CJK ideographs (with extension A) and Hangul syllables (its compiling costs 3 ms: the
# four ranges are written out character by character)
WIDE = lazy_compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


_ASCII_NON_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())
_NON_ASCII_RUN = lazy_compile(r"[^\x00-\x7f]+")


def letters(text: str) -> int:
    """How many letters (str.isalpha) ``text`` has.

    The ASCII letters are counted in C (the other ASCII characters deleted from its bytes),
    the rest one by one: a third less time on the corpus's texts than a call per character."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
    count = len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    for run in _NON_ASCII_RUN.findall(text):
        count += sum(map(str.isalpha, run))
    return count


def wide_characters(text: str) -> int:
    """How many Chinese, Japanese or Korean characters ``text`` has."""
    return len(WIDE.findall(text))


def weight(text: str, letters_in_it: int | None = None) -> int:
    """``text``'s letters, a Chinese, Japanese or Korean character counting as three
    (``letters_in_it``: its :func:`letters`, when the caller has counted them already)."""
    return (letters(text) if letters_in_it is None else letters_in_it) + 2 * wide_characters(text)
