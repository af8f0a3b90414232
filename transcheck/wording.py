"""Small phrases every message builds the same way: plurals, section names, line ranges."""

from __future__ import annotations

from transcheck.textdiff import SequenceMatcher

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


def contrast(a: str, b: str, width: int = 60, every_change: bool = False) -> tuple[str, str]:
    """Two different texts quoted so that their differences show.

    Short texts, and texts that part at their start, are quoted as usual. Two that part late
    are shown from a little before that place, after an ellipsis. With ``every_change`` (two
    links), each place where they differ is shown with a little of what is around it, the
    stretches they share left out: links that part twice (``…/blob/main/…/adjust-pages.pl``
    against ``…/tree/main/…/adjust-pages``) show both changes, not only the first."""
    a, b = " ".join(a.split()), " ".join(b.split())
    if a == b or max(len(a), len(b)) <= width:
        return quote(a, width), quote(b, width)
    same = 0
    while same < min(len(a), len(b)) and a[same] == b[same]:
        same += 1
    if every_change and same >= _SAME_START and max(len(a), len(b)) <= _LONGEST_DIFFED:
        shown = _around_changes(a, b, width)
        if shown is not None:
            return shown
    if same < width - 10:
        return quote(a, width), quote(b, width)  # they part early: the start shows it
    start = max(0, same - 20)
    cut = a.rfind("/", 0, start + 1)  # start at a path segment where there is one nearby
    if cut > start - 20 and cut > 0:
        start = cut
    return '"…' + clip(a[start:], width) + '"', '"…' + clip(b[start:], width) + '"'


_SAME_START = 20  # characters two texts share at their start from which they are two forms of one thing
_LONGEST_DIFFED = 400  # longer texts are not diffed character by character
_AROUND = 12  # characters shown on each side of a change
_SEPARATORS = "/?&=#.,;:()[]{}\"' -_"


def _around_changes(a: str, b: str, width: int) -> tuple[str, str] | None:
    """Each change of ``a`` into ``b`` with ``_AROUND`` characters either side (widened to
    the nearest separator), the shared stretches between them left out; None when that
    would not be shorter than ``width`` plus a third."""
    changes = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in
               SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if tag != "equal"]
    groups: list[list[int]] = []  # [start_a, end_a, start_b, end_b], each change with its context
    for i1, i2, j1, j2 in changes:
        window = [_back(a, i1), _forward(a, i2), _back(b, j1), _forward(b, j2)]
        if groups and (window[0] <= groups[-1][1] + 4 or window[2] <= groups[-1][3] + 4):
            groups[-1][1], groups[-1][3] = window[1], window[3]
        else:
            groups.append(window)
    if not groups:
        return None
    shown_a = _joined(a, [(g[0], g[1]) for g in groups])
    shown_b = _joined(b, [(g[2], g[3]) for g in groups])
    if max(len(shown_a), len(shown_b)) > width + width // 3:
        return None
    room = width - max(len(shown_a), len(shown_b))
    if room > 0 and groups[0][0] > 0:  # room left: more of what leads to the first change
        groups[0][0] = _segment_from(a, max(0, groups[0][0] - room), groups[0][0])
        groups[0][2] = _segment_from(b, max(0, groups[0][2] - room), groups[0][2])
        shown_a = _joined(a, [(g[0], g[1]) for g in groups])
        shown_b = _joined(b, [(g[2], g[3]) for g in groups])
    return '"' + shown_a + '"', '"' + shown_b + '"'


def _back(text: str, index: int) -> int:
    start = max(0, index - _AROUND)
    if start <= _AROUND // 2:
        return 0  # a few characters more rather than an ellipsis
    separator = max(text.rfind(c, max(0, start - _AROUND), start + 1) for c in _SEPARATORS)
    return separator if separator >= 0 and index - separator <= 2 * _AROUND else start


def _forward(text: str, index: int) -> int:
    end = min(len(text), index + _AROUND)
    if len(text) - end <= _AROUND:
        return len(text)
    found = [i for i in (text.find(c, end) for c in _SEPARATORS) if 0 <= i <= end + _AROUND]
    return min(found) if found else end


def _segment_from(text: str, earliest: int, latest: int) -> int:
    """Where to start showing ``text``: at ``earliest``, or at the first "/" after it."""
    if earliest == 0:
        return 0
    slash = text.find("/", earliest, latest)
    return slash if slash >= 0 else earliest


def _joined(text: str, spans: list[tuple[int, int]]) -> str:
    parts = ["…" if spans[0][0] > 0 else ""]
    for index, (start, end) in enumerate(spans):
        if index:
            parts.append("…")
        parts.append(text[start:end])
    parts.append("…" if spans[-1][1] < len(text) else "")
    return "".join(parts)


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
