"""Line numbers of text offsets without rescanning the text each time.

``text.count("\\n", 0, offset)`` per value, link or directive is quadratic on a page
with very many of them; a LineIndex finds the newlines once and answers by bisection.
"""

from __future__ import annotations

from bisect import bisect_left


class LineIndex:
    def __init__(self, text: str) -> None:
        self.newlines: list[int] = []
        index = text.find("\n")
        while index >= 0:
            self.newlines.append(index)
            index = text.find("\n", index + 1)

    def newlines_before(self, offset: int) -> int:
        """How many newlines stand before ``offset`` (the 0-based line of that offset)."""
        return bisect_left(self.newlines, offset)

    def line_of(self, offset: int, first_line: int = 1) -> int:
        """The line ``offset`` stands on, the text's first line counting as ``first_line``."""
        return first_line + bisect_left(self.newlines, offset)
