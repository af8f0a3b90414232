"""Flat blocks and headings → a section tree nested by heading level."""

from __future__ import annotations

import re

from transcheck.document.model import Block, Body, Heading, Section, ThematicBreak

DEFAULT_TOP_LEVEL = 2


def heading_anchor(title: str) -> str:
    """Hugo's default anchor of a heading without an explicit ``{#id}`` (GitHub's style):
    lower case, punctuation dropped, each space a dash ("Code reviews" → "code-reviews",
    "API & SDK" → "api--sdk": the "&" goes, both spaces stay)."""
    text = re.sub(r"[^\w\s-]", "", title.lower().strip(), flags=re.UNICODE)
    return re.sub(r"\s", "-", text)


def build_body(items: list[Block | Heading]) -> Body:
    """Nest ``items`` into sections.

    A bold pseudo-heading takes the level a real heading would have there: one
    below the enclosing real heading, and never above the page's top heading
    level, so ``**Why?**`` in one language and ``## Why?`` in the other end up
    as sections of the same level.
    """
    # An empty heading ("# " alone on a line, left over from an editor) says nothing and
    # starts nothing: as a section it would nest the whole page one level deeper in one
    # version only, and every section after it would align against the wrong parent.
    items = [i for i in items if not _empty_heading(i)]
    # A heading of nothing but a table's markup ("## |" where a reflowed table's line broke
    # after "## ") is no heading anybody wrote: kept as markup in the section it broke.
    items = [ThematicBreak(i.line, i.title) if isinstance(i, Heading) and table_debris(i.title) else i for i in items]
    real_levels = [i.level for i in items if isinstance(i, Heading) and i.style != "bold"]
    top_level = min(real_levels, default=DEFAULT_TOP_LEVEL)
    body = Body()
    stack: list[Section] = []
    for item in items:
        if not isinstance(item, Heading):
            (stack[-1].blocks if stack else body.blocks).append(item)
            continue
        level = item.level
        if item.style == "bold":
            enclosing = [s.level for s in stack if s.style != "bold"]
            level = max(top_level, enclosing[-1] + 1 if enclosing else top_level)
        section = Section(
            title=item.title,
            level=level,
            line=item.line,
            style=item.style,
            id=item.id,
            inline=item.inline,
        )
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].sections if stack else body.sections).append(section)
        stack.append(section)
    _set_end_lines(body.sections)
    return body


_TABLE_DEBRIS = re.compile(r"[|:\-\s]*\|[|:\-\s]*")


def table_debris(title: str) -> bool:
    """A heading whose text is only a table's markup ("|", "| --- | --- |")."""
    return bool(_TABLE_DEBRIS.fullmatch(title))


def _empty_heading(item: Block | Heading) -> bool:
    if not isinstance(item, Heading) or item.title.strip() or item.id:
        return False
    inline = item.inline
    return inline is None or not (inline.links or inline.code or inline.shortcodes)


def _set_end_lines(sections: list[Section]) -> None:
    """A section ends where its last block or sub-section ends (iteratively, post-order)."""
    order: list[Section] = []
    stack = list(sections)
    while stack:
        section = stack.pop()
        order.append(section)
        stack.extend(section.sections)
    for section in reversed(order):
        ends = [section.line]
        ends.extend(int(getattr(b, "end_line", 0) or b.line) for b in section.blocks)
        ends.extend(s.end_line for s in section.sections)
        section.end_line = max(ends)
