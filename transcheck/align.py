"""Aligning two versions of a page although every heading is translated.

Sections are flattened in document order and aligned by a global sequence
alignment (Needleman–Wunsch) whose score uses only what translation keeps:
block structure, list sizes, explicit ids, shortcode names, links, numbers,
code and language-neutral names, heading level and position. Blocks inside
aligned sections are aligned the same way. Unmatched sections that match each
other well are *moved* sections, not missing ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Callable, Sequence

from .model import (
    Block,
    BlockQuote,
    Body,
    CodeBlock,
    Document,
    HtmlBlock,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    Shortcode,
    TableBlock,
    ThematicBreak,
)
from .neutral import dice, neutral_tokens
from .scargs import is_data_argument

SECTION_THRESHOLD = 0.42
MOVED_THRESHOLD = 0.62
SLOT_THRESHOLD = 0.3
BLOCK_THRESHOLD = 0.35


def align_sequences(
    n: int, m: int, score: Callable[[int, int], float], threshold: float
) -> list[tuple[int | None, int | None]]:
    """Best monotone matching of 0..n-1 with 0..m-1; pairs scoring below ``threshold`` never match.

    Returns every index of both sides exactly once, in order: ``(i, j)`` for a
    match, ``(i, None)`` / ``(None, j)`` for an element without counterpart.
    """
    gain = [[score(i, j) - threshold for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, prev, gains = best[i], best[i - 1], gain[i - 1]
        for j in range(1, m + 1):
            value = prev[j] if prev[j] >= row[j - 1] else row[j - 1]
            g = gains[j - 1]
            if g > 0 and prev[j - 1] + g > value:
                value = prev[j - 1] + g
            row[j] = value
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and gain[i - 1][j - 1] > 0 and best[i][j] == best[i - 1][j - 1] + gain[i - 1][j - 1]:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i > 0 and best[i][j] == best[i - 1][j]:
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    pairs.reverse()
    return pairs


# --- features -------------------------------------------------------------------


def block_kind(block: Block) -> str:
    if isinstance(block, ListBlock):
        return "list"
    return block.type


def block_signature(block: Block) -> str:
    if isinstance(block, ListBlock):
        return ("ol" if block.ordered else "ul") + str(len(block.items))
    if isinstance(block, TableBlock):
        return "table%dx%d" % block.shape
    if isinstance(block, Shortcode):
        return "sc:" + block.name
    return block.type


def block_text(block: Block) -> str:
    """All words of a block (for neutral tokens and length), including nested content."""
    parts: list[str] = []
    stack: list[Block] = [block]
    while stack:
        current = stack.pop()
        if isinstance(current, Paragraph):
            parts.append(current.text)
        elif isinstance(current, ListBlock):
            for item in current.items:
                parts.append(item.text)
                stack.extend(item.blocks)
        elif isinstance(current, TableBlock):
            parts.append(" ".join(current.header))
            parts.extend(" ".join(row) for row in current.rows)
        elif isinstance(current, CodeBlock):
            parts.append(current.code)
        elif isinstance(current, BlockQuote):
            stack.extend(current.blocks)
        elif isinstance(current, HtmlBlock):
            parts.append(current.html)
        elif isinstance(current, Shortcode):
            parts.append(" ".join(current.positional + [v for _, v in current.named]))
            if current.body is not None:
                stack.extend(current.body.blocks)
    return "\n".join(parts)


def block_inlines(block: Block) -> list[Inline]:
    inlines: list[Inline] = []
    stack: list[Block | ListItem] = [block]
    while stack:
        current = stack.pop()
        inline = getattr(current, "inline", None)
        if isinstance(inline, Inline):
            inlines.append(inline)
        if isinstance(current, ListBlock):
            stack.extend(current.items)
        elif isinstance(current, ListItem):
            stack.extend(current.blocks)
        elif isinstance(current, BlockQuote):
            stack.extend(current.blocks)
        elif isinstance(current, Shortcode) and current.body is not None:
            stack.extend(current.body.blocks)
    return inlines


def block_tokens(block: Block) -> set[str]:
    tokens = neutral_tokens(block_text(block))
    for inline in block_inlines(block):
        tokens.update("url:" + link.url for link in inline.links)
        tokens.update("code:" + code for code in inline.code)
        tokens.update("sc:" + sc.name for sc in inline.shortcodes)
    if isinstance(block, Shortcode):
        tokens.add("sc:" + block.name)
        tokens.update(_neutral_args(block))
    if isinstance(block, CodeBlock):
        tokens.add("code:" + block.code.strip())
    return tokens


def _neutral_args(shortcode: Shortcode) -> set[str]:
    values = [v for _, v in shortcode.named] + shortcode.positional
    return {"arg:" + v for v in values if "/" in v or v.startswith("#") or v.isdigit()}


@dataclass
class SectionInfo:
    """One entry of a document's flattened section list (index 0 is the preamble)."""

    index: int
    section: Section | None
    parent: int | None
    level: int
    style: str
    title: str
    line: int
    end_line: int
    id: str | None
    blocks: list[Block]
    kinds: list[str] = field(default_factory=list)
    tokens: set[str] = field(default_factory=set)
    title_tokens: set[str] = field(default_factory=set)
    length: int = 0
    position: float = 0.0


def flatten(doc: Document) -> list[SectionInfo]:
    """The preamble and every section (shortcode bodies included) in document order."""
    infos: list[SectionInfo] = []
    preamble = SectionInfo(0, None, None, 0, "root", "", doc.body_start_line, doc.line_count, None, doc.body.blocks)
    infos.append(preamble)
    stack: list[tuple[Section, int | None]] = []

    def push_body(body: Body, parent: int | None) -> None:
        nested: list[tuple[Section, int | None]] = []
        for block in body.blocks:
            if isinstance(block, Shortcode) and block.body is not None:
                nested.extend((s, parent) for s in block.body.sections)
        nested.extend((s, parent) for s in body.sections)
        stack.extend(reversed(nested))

    push_body(doc.body, None)
    while stack:
        section, parent = stack.pop()
        info = SectionInfo(
            index=len(infos),
            section=section,
            parent=parent,
            level=section.level,
            style=section.style,
            title=section.title,
            line=section.line,
            end_line=section.end_line,
            id=section.id,
            blocks=section.blocks,
        )
        infos.append(info)
        push_body(Body(section.blocks, section.sections), info.index)
    for info in infos:
        info.kinds = [block_signature(b) for b in info.blocks]
        text = info.title + "\n" + "\n".join(block_text(b) for b in info.blocks)
        info.tokens = neutral_tokens(text)
        for block in info.blocks:
            info.tokens.update(t for t in block_tokens(block) if ":" in t)
        info.title_tokens = neutral_tokens(info.title) | ({"id:" + info.id} if info.id else set())
        info.length = len(text)
        info.position = info.index / max(len(infos) - 1, 1)
    return infos


def _ratio(a: Sequence[str], b: Sequence[str]) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _length_ratio(a: int, b: int) -> float:
    if a == 0 and b == 0:
        return 1.0
    return min(a, b) / max(a, b)


def section_similarity(a: SectionInfo, b: SectionInfo) -> float:
    if a.section is None or b.section is None:
        return 1.0 if a.section is None and b.section is None else 0.0
    structure = _ratio(a.kinds, b.kinds)
    tokens = dice(a.tokens, b.tokens)
    if "bold" in (a.style, b.style):
        level = 0.7
    else:
        level = 1.0 if a.level == b.level else max(0.0, 1 - 0.5 * abs(a.level - b.level))
    position = 1 - abs(a.position - b.position)
    length = _length_ratio(a.length, b.length)
    weights = [(structure, 0.35), (level, 0.12), (position, 0.13), (length, 0.1)]
    weights.append((tokens if tokens is not None else structure, 0.3))
    title = dice(a.title_tokens, b.title_tokens)
    if title is not None:  # "OCRE 2024" in both headings says more than any paragraph
        weights.append((title, 0.25))
    score = sum(value * weight for value, weight in weights) / sum(w for _, w in weights)
    if a.id and a.id == b.id:
        score = max(score, 0.95)
    return score


@dataclass
class SectionAlignment:
    a: list[SectionInfo]
    b: list[SectionInfo]
    pairs: list[tuple[SectionInfo, SectionInfo]]
    moved: list[tuple[SectionInfo, SectionInfo]]
    only_a: list[SectionInfo]
    only_b: list[SectionInfo]

    def partner_of_a(self) -> dict[int, SectionInfo]:
        return {a.index: b for a, b in self.pairs + self.moved}

    def partner_of_b(self) -> dict[int, SectionInfo]:
        return {b.index: a for a, b in self.pairs + self.moved}


def align_sections(doc_a: Document, doc_b: Document) -> SectionAlignment:
    a, b = flatten(doc_a), flatten(doc_b)
    # index 0 (the preamble) always pairs with the other preamble
    raw = align_sequences(
        len(a) - 1, len(b) - 1, lambda i, j: section_similarity(a[i + 1], b[j + 1]), SECTION_THRESHOLD
    )
    pairs = [(a[0], b[0])]
    only_a: list[SectionInfo] = []
    only_b: list[SectionInfo] = []
    gap_a: list[SectionInfo] = []
    gap_b: list[SectionInfo] = []

    def close_gap() -> None:
        # Sections left over on both sides between the same two aligned neighbours
        # stand in the same slot: a heavier rewrite, not a deletion plus an addition.
        if gap_a and gap_b:
            for x, y in align_sequences(
                len(gap_a), len(gap_b), lambda i, j: section_similarity(gap_a[i], gap_b[j]), SLOT_THRESHOLD
            ):
                if x is not None and y is not None:
                    pairs.append((gap_a[x], gap_b[y]))
                elif x is not None:
                    only_a.append(gap_a[x])
                elif y is not None:
                    only_b.append(gap_b[y])
        else:
            only_a.extend(gap_a)
            only_b.extend(gap_b)
        gap_a.clear()
        gap_b.clear()

    for i, j in raw:
        if i is not None and j is not None:
            close_gap()
            pairs.append((a[i + 1], b[j + 1]))
        elif i is not None:
            gap_a.append(a[i + 1])
        elif j is not None:
            gap_b.append(b[j + 1])
    close_gap()
    pairs.sort(key=lambda pair: pair[0].index)
    moved: list[tuple[SectionInfo, SectionInfo]] = []
    if only_a and only_b:
        candidates = sorted(
            ((section_similarity(x, y), x.index, y.index) for x in only_a for y in only_b),
            key=lambda t: (-t[0], t[1], t[2]),
        )
        used_a: set[int] = set()
        used_b: set[int] = set()
        for score, ia, ib in candidates:
            if score < MOVED_THRESHOLD:
                break
            if ia in used_a or ib in used_b:
                continue
            used_a.add(ia)
            used_b.add(ib)
            moved.append((a[ia], b[ib]))
        only_a = [x for x in only_a if x.index not in used_a]
        only_b = [y for y in only_b if y.index not in used_b]
    moved.sort(key=lambda pair: pair[0].index)
    return SectionAlignment(a, b, pairs, moved, only_a, only_b)


# --- blocks ------------------------------------------------------------------------


def block_similarity(a: Block, b: Block, pos_a: float, pos_b: float) -> float:
    kind = block_kind(a)
    if kind != block_kind(b):
        return 0.0
    position = 1 - abs(pos_a - pos_b)
    tokens = dice(block_tokens(a), block_tokens(b))
    length = _length_ratio(len(block_text(a)), len(block_text(b)))
    if isinstance(a, ListBlock) and isinstance(b, ListBlock):
        own = 0.6 * _length_ratio(len(a.items), len(b.items)) + 0.4 * (1.0 if a.ordered == b.ordered else 0.5)
    elif isinstance(a, Shortcode) and isinstance(b, Shortcode):
        if a.name != b.name:
            return 0.1
        own = _args_similarity(a, b)
    elif isinstance(a, CodeBlock) and isinstance(b, CodeBlock):
        own = 1.0 if a.code.strip() == b.code.strip() else 0.4 + 0.6 * _ratio(a.code.split(), b.code.split())
    elif isinstance(a, TableBlock) and isinstance(b, TableBlock):
        own = 0.5 * _length_ratio(len(a.rows), len(b.rows)) + 0.5 * _length_ratio(len(a.header), len(b.header))
    elif isinstance(a, ThematicBreak):
        own = 1.0
    else:
        own = length
    parts = [(own, 0.4), (position, 0.25), (tokens if tokens is not None else own, 0.35)]
    return sum(v * w for v, w in parts)


def _args_similarity(a: Shortcode, b: Shortcode) -> float:
    """Share of equal non-text arguments (icons, colours, links): 1.0 when there are none."""
    args_a = {k: v for k, v in a.named if is_data_argument(k, v)}
    args_b = {k: v for k, v in b.named if is_data_argument(k, v)}
    args_a.update({f"#{i}": v for i, v in enumerate(a.positional) if is_data_argument(None, v)})
    args_b.update({f"#{i}": v for i, v in enumerate(b.positional) if is_data_argument(None, v)})
    keys = set(args_a) | set(args_b)
    if not keys:
        return 1.0
    return 0.5 + 0.5 * sum(args_a.get(k) == args_b.get(k) for k in keys) / len(keys)


def align_blocks(a: list[Block], b: list[Block]) -> list[tuple[Block | None, Block | None]]:
    def pos(index: int, total: int) -> float:
        return index / max(total - 1, 1)

    raw = align_sequences(
        len(a), len(b), lambda i, j: block_similarity(a[i], b[j], pos(i, len(a)), pos(j, len(b))), BLOCK_THRESHOLD
    )
    return [(a[i] if i is not None else None, b[j] if j is not None else None) for i, j in raw]


def item_similarity(a: ListItem, b: ListItem, pos_a: float, pos_b: float) -> float:
    tokens_a = neutral_tokens(a.text) | {"url:" + l.url for l in a.inline.links} | {"code:" + c for c in a.inline.code}
    tokens_b = neutral_tokens(b.text) | {"url:" + l.url for l in b.inline.links} | {"code:" + c for c in b.inline.code}
    tokens = dice(tokens_a, tokens_b)
    length = _length_ratio(len(a.text), len(b.text))
    nested = 1.0 if bool(a.sublists) == bool(b.sublists) else 0.4
    position = 1 - abs(pos_a - pos_b)
    parts = [(length, 0.25), (position, 0.3), (nested, 0.15), (tokens if tokens is not None else length, 0.3)]
    return sum(v * w for v, w in parts)


def align_items(a: list[ListItem], b: list[ListItem]) -> list[tuple[ListItem | None, ListItem | None]]:
    if len(a) == len(b):
        return list(zip(a, b))

    def pos(index: int, total: int) -> float:
        return index / max(total - 1, 1)

    raw = align_sequences(
        len(a), len(b), lambda i, j: item_similarity(a[i], b[j], pos(i, len(a)), pos(j, len(b))), 0.3
    )
    return [(a[i] if i is not None else None, b[j] if j is not None else None) for i, j in raw]
