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


def letters(text: str) -> int:
    """How many letters (str.isalpha) ``text`` has."""
    return sum(map(str.isalpha, text))


def wide_characters(text: str) -> int:
    """How many Chinese, Japanese or Korean characters ``text`` has."""
    return len(WIDE.findall(text))


def weight(text: str) -> int:
    """``text``'s letters, a Chinese, Japanese or Korean character counting as three."""
    return letters(text) + 2 * wide_characters(text)
