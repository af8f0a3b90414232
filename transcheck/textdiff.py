"""difflib's SequenceMatcher, from CyDifflib when it is installed.

CyDifflib (https://github.com/rapidfuzz/CyDifflib, MIT) is difflib's algorithm ported to C:
the same matching blocks, opcodes and ratios, 10–15 times faster. Comparing code blocks,
sections and sentences calls it some 20,000 times in a scan of a large site (about a tenth
of the scan's time with the pure-Python difflib). Where no wheel exists for the platform,
difflib itself gives the same results, more slowly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # CyDifflib has no type information; its class has difflib's interface
    from difflib import SequenceMatcher
else:
    try:
        from cydifflib import SequenceMatcher
    except ImportError:  # pragma: no cover - a platform without a CyDifflib wheel
        from difflib import SequenceMatcher

__all__ = ["SequenceMatcher"]
