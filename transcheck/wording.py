"""Small phrases every message builds the same way: plurals, section names, line ranges."""

from __future__ import annotations

from typing import Protocol


class _Section(Protocol):
    title: str

    @property
    def section(self) -> object: ...


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``1 item``, ``2 items``; ``many`` for irregular words (``1 entry``, ``2 entries``)."""
    return f"{count} {singular if count == 1 else (many or singular + 's')}"


def clip(text: str, width: int = 60) -> str:
    """``text`` cut to ``width`` characters, the last of them an ellipsis, when it is longer."""
    return text if len(text) <= width else text[: width - 1] + "…"


def shorten(text: str, width: int = 60) -> str:
    """``text`` on one line (white space collapsed), clipped to ``width``."""
    return clip(" ".join(text.split()), width)


def quote(text: str, width: int = 60) -> str:
    """``text`` shortened and in double quotes, as a message quotes page text."""
    return '"' + shorten(text, width) + '"'


def contrast(a: str, b: str, width: int = 60) -> tuple[str, str]:
    """Two different texts quoted so that the difference shows: when both would be clipped
    alike (two long links that part late), both are shown from a little before the place
    where they part, after an ellipsis."""
    a, b = " ".join(a.split()), " ".join(b.split())
    same = 0
    while same < min(len(a), len(b)) and a[same] == b[same]:
        same += 1
    if a == b or max(len(a), len(b)) <= width or same < width - 10:
        return quote(a, width), quote(b, width)
    start = max(0, same - 20)
    cut = a.rfind("/", 0, start + 1)  # start at a path segment where there is one nearby
    if cut > start - 20 and cut > 0:
        start = cut
    return '"…' + clip(a[start:], width) + '"', '"…' + clip(b[start:], width) + '"'


def named(title: str, width: int = 60) -> str:
    """A heading by its text, quoted; an empty heading (``## ``) is "an untitled section"."""
    return quote(title, width) if title.strip() else "an untitled section"


def section_phrase(info: _Section, width: int = 40, before_first: str = "the text before the first heading") -> str:
    """``section "Title"``, ``an untitled section``, or the text above the first heading."""
    if info.section is None:
        return before_first
    return f"section {quote(info.title, width)}" if info.title.strip() else "an untitled section"


def in_section(info: _Section, width: int = 40) -> str:
    """`` in section "Title"`` for a message's tail; nothing for the text before the first heading."""
    return "" if info.section is None else " in " + section_phrase(info, width)


def listed(texts: list[str], most: int) -> str:
    """``a, b, c`` — the first ``most`` of them, then ``and N more``."""
    shown = ", ".join(texts[:most])
    return f"{shown} and {len(texts) - most} more" if len(texts) > most else shown


def line_range(first: int, last: int) -> str:
    """``line 7`` or ``lines 7–9``, in ascending order whatever order the lines came in."""
    low, high = min(first, last), max(first, last)
    return f"line {low}" if low == high else f"lines {low}–{high}"


def said_by(expected_from: str) -> str:
    """Where a file's expected language was learnt, as a message says it."""
    return {
        "command line": "--lang option",
        "file name": "file name",
        "path": "path",
        "site": "site's layout",
        "config": "config",
    }.get(expected_from, expected_from or "front matter")
