"""The rows of a table as a reader takes them, and the rows two versions of a table name alike.

A row whose first cell is empty continues the row above (a long cell wrapped onto a second
row). Where both tables name their rows in the first column in words they share ("1001",
"FLAVOR-b2.c8r16.gA2"), a row whose name the other table lacks is a row that one version
added or dropped: table-shape names it, and the value rules leave its numbers to it.
"""

from __future__ import annotations

from collections import Counter

from transcheck.document.model import TableBlock


def row_starts(table: TableBlock) -> list[int]:
    """The body rows that begin a row of the table as a reader takes it: a row whose first
    cell is empty, under one whose first cell is not, continues that row (a long message
    wrapped onto a second row: "| 1001 | Key is undefined |" then "|  | Nyckel saknas |")."""
    starts: list[int] = []
    for index, row in enumerate(table.rows):
        first = row[0].strip() if row else ""
        if first or not starts or len(row) < 2 or not any(cell.strip() for cell in row[1:]):
            starts.append(index)
    return starts


def row_keys(table: TableBlock, starts: list[int]) -> list[str]:
    """The first cell of each row that ``starts`` names, folded for comparing."""
    return [" ".join(table.rows[i][0].split()).casefold() if table.rows[i] else "" for i in starts]


def keys_shared(keys_a: list[str], keys_b: list[str]) -> bool:
    """Do both tables name their rows in words they share: a first cell in every row, nearly
    all of them different (not a category repeated down the column, "Go runtime"), and most of
    the shorter table's found in the longer one (not a column translated)?"""
    if not keys_a or not keys_b or "" in keys_a or "" in keys_b:
        return False
    if any(len(keys) - len(set(keys)) > max(1, len(keys) // 10) for keys in (keys_a, keys_b)):
        return False  # more than one row in ten (or one) repeats a name
    shared = sum((Counter(keys_a) & Counter(keys_b)).values())
    return shared >= max(1, 0.8 * min(len(keys_a), len(keys_b)))


def unmatched_keys(keys: list[str], others: list[str], starts: list[int]) -> list[int]:
    """The rows (by index) whose first cell the other table has fewer times: the later of
    two "Trafiklab Realtime APIs" rows when the other table has one."""
    left = Counter(others)
    unmatched = []
    for row, key in zip(starts, keys):
        if left[key]:
            left[key] -= 1
        else:
            unmatched.append(row)
    return unmatched


def rows_without_counterpart(a: TableBlock, b: TableBlock) -> tuple[frozenset[int], frozenset[int]]:
    """Every body row (continuation rows too) of ``a`` and of ``b`` whose name the other
    table lacks; nothing when the tables do not name their rows alike."""
    if a.shape[1] != b.shape[1]:
        return frozenset(), frozenset()
    starts_a, starts_b = row_starts(a), row_starts(b)
    keys_a, keys_b = row_keys(a, starts_a), row_keys(b, starts_b)
    if len(starts_a) == len(starts_b) or not keys_shared(keys_a, keys_b):
        return frozenset(), frozenset()
    return (_with_continuations(a, starts_a, unmatched_keys(keys_a, keys_b, starts_a)),
            _with_continuations(b, starts_b, unmatched_keys(keys_b, keys_a, starts_b)))


def _with_continuations(table: TableBlock, starts: list[int], rows: list[int]) -> frozenset[int]:
    ends = dict(zip(starts, starts[1:] + [len(table.rows)]))
    return frozenset(index for row in rows for index in range(row, ends[row]))
