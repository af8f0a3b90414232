"""Why text written as a table does not render as one.

GitHub's Markdown (GFM) draws a table only where the header row and the row of dashes under
it have the same number of cells: one cell too many in either ("| --- | --- | --- |" under a
two-cell header, often a column removed from the header only) and the whole table shows as
one paragraph of pipes. Goldmark, which Hugo uses, pads a header with fewer cells and draws
the table with empty columns; a header with more cells than dashes is no table there either.
An editor sees the table on the other version and looks for it here in vain, or finds it
with columns the other lacks: the finding must point at the row that breaks it.
"""

from __future__ import annotations

import re

from msgspec import Struct

_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


class TableBreak(Struct, frozen=True):
    """The header row and the row of dashes under it, with their cell counts."""

    header_line: int
    delimiter_line: int
    header_cells: int
    delimiter_cells: int


def row_cells(line: str) -> list[str]:
    """The cells of one table row: split at unescaped pipes, the outer pipes dropped."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return _UNESCAPED_PIPE.split(text)


def is_delimiter_row(line: str) -> bool:
    """A row of dashes ("| --- | :-: |"): only dashes and alignment colons in each cell."""
    if "-" not in line or "|" not in line:
        return False
    return all(_DELIMITER_CELL.fullmatch(cell) for cell in row_cells(line))


def table_break(lines: list[str], first_line: int) -> TableBreak | None:
    """Where the table that ``lines`` (a paragraph starting at ``first_line``) spell breaks:
    the first row of dashes whose cell count differs from the header row above it. None when
    the rows of dashes agree with their headers (the text is not a table for another reason)."""
    for index in range(1, len(lines)):
        if not is_delimiter_row(lines[index]):
            continue
        header, delimiter = len(row_cells(lines[index - 1])), len(row_cells(lines[index]))
        if header != delimiter:
            return TableBreak(first_line + index - 1, first_line + index, header, delimiter)
        return None
    return None
