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
from functools import lru_cache
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
    walk_nodes,
)
from .neutral import Tokens, similarity, tokens_of
from .scargs import is_data_argument

SECTION_THRESHOLD = 0.45
MOVED_THRESHOLD = 0.7
SLOT_THRESHOLD = 0.35
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
    """Inline content of a block and everything nested in it."""
    return [node.inline for node in walk_nodes([block]) if isinstance(getattr(node, "inline", None), Inline)]  # type: ignore[union-attr]


def _inline_tokens(inline: Inline) -> set[str]:
    found = {"url:" + link.url for link in inline.links}
    found.update("code:" + code for code in inline.code)
    found.update("sc:" + sc.name for sc in inline.shortcodes)
    return found


def block_tokens(block: Block) -> Tokens:
    """Neutral tokens of a block's words, plus its links, code and shortcodes (strong)."""
    tokens = tokens_of(block_text(block))
    for inline in block_inlines(block):
        tokens.strong |= _inline_tokens(inline)
    if isinstance(block, Shortcode):
        tokens.strong.add("sc:" + block.name)
        tokens.strong |= _neutral_args(block)
    if isinstance(block, CodeBlock):
        tokens.strong.add("code:" + block.code.strip())
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
    kinds: tuple[str, ...] = ()
    types: tuple[str, ...] = ()  # kinds without counts
    tokens: Tokens = field(default_factory=Tokens)
    title_tokens: Tokens = field(default_factory=Tokens)
    container: str | None = None  # name of the shortcode the section stands in, if any
    length: int = 0
    position: float = 0.0


_LAST_FLATTENED: list[tuple[Document, list[SectionInfo]]] = []


def flatten(doc: Document) -> list[SectionInfo]:
    """The preamble and every section (shortcode bodies included) in document order.

    The last two documents' lists are remembered (by identity, read-only after
    this): a source checked against several translations is flattened once.
    """
    for known, infos in _LAST_FLATTENED:
        if known is doc:
            return infos
    infos = _flatten(doc)
    _LAST_FLATTENED.insert(0, (doc, infos))
    del _LAST_FLATTENED[2:]
    return infos


def _flatten(doc: Document) -> list[SectionInfo]:
    infos: list[SectionInfo] = []
    preamble = SectionInfo(0, None, None, 0, "root", "", doc.body_start_line, doc.line_count, None, doc.body.blocks)
    infos.append(preamble)
    def push_body(body: Body, parent: int | None, container: str | None) -> None:
        nested: list[tuple[Section, int | None, str | None]] = []
        for block in body.blocks:
            if isinstance(block, Shortcode) and block.body is not None:
                nested.extend((s, parent, block.name) for s in block.body.sections)
        nested.extend((s, parent, container) for s in body.sections)
        stack.extend(reversed(nested))

    stack: list[tuple[Section, int | None, str | None]] = []
    push_body(doc.body, None, None)
    while stack:
        section, parent, container = stack.pop()
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
            container=container,
        )
        infos.append(info)
        push_body(Body(section.blocks, section.sections), info.index, container)
    for info in infos:
        info.kinds = tuple(block_signature(b) for b in info.blocks)
        info.types = tuple(_kind_type(k) for k in info.kinds)
        # Every block starts a sentence, so the section's tokens are the union of its
        # blocks' (each computed once), not one more pass over the joined text.
        info.tokens = tokens_of(info.title)
        length = len(info.title) + 1 + max(len(info.blocks) - 1, 0)  # the title and blocks, one per line
        for block in info.blocks:
            features = _features(block)
            info.tokens.strong |= features.tokens.strong
            info.tokens.weak |= features.tokens.weak
            length += features.length
        info.title_tokens = tokens_of(info.title, heading=True)
        if info.id:
            info.title_tokens.strong.add("id:" + info.id)
        info.length = length
        info.position = info.index / max(len(infos) - 1, 1)
    return infos


def _ratio(a: Sequence[str], b: Sequence[str]) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@lru_cache(maxsize=4096)
def _sequence_ratio(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """_ratio of two block-kind sequences: few distinct ones recur across a site, so remembered."""
    return _ratio(a, b)


def _length_ratio(a: int, b: int) -> float:
    if a == 0 and b == 0:
        return 1.0
    return min(a, b) / max(a, b)


def _kind_type(signature: str) -> str:
    """'ul4' and 'ol3' are both lists: the kind without counts (list-kind is its own rule)."""
    base = signature.rstrip("0123456789x")
    return "list" if base in ("ul", "ol") else base


def section_similarity(a: SectionInfo, b: SectionInfo) -> float:
    """How likely two sections are translations of each other, in [0, 1].

    Evidence (structure, shared neutral tokens, shared tokens in the titles)
    decides; context (level, position, length) only tips the balance.
    """
    if a.section is None or b.section is None:
        return 1.0 if a.section is None and b.section is None else 0.0
    structure = 0.5 * _sequence_ratio(a.types, b.types) + 0.5 * _sequence_ratio(a.kinds, b.kinds)
    evidence = [(structure, 0.45)]
    tokens = similarity(a.tokens, b.tokens)
    if tokens is not None:
        evidence.append((tokens, 0.4))
    title = similarity(a.title_tokens, b.title_tokens)
    if title is not None:  # "OCRE 2024" in both headings says more than any paragraph
        evidence.append((title, 0.3))
    if "bold" in (a.style, b.style):
        level = 0.7
    else:
        level = 1.0 if a.level == b.level else max(0.0, 1 - 0.5 * abs(a.level - b.level))
    position = 1 - abs(a.position - b.position)
    context = 0.4 * level + 0.4 * position + 0.2 * _length_ratio(a.length, b.length)
    score = 0.75 * sum(v * w for v, w in evidence) / sum(w for _, w in evidence) + 0.25 * context
    if a.container != b.container:
        score *= 0.6  # inside an accordion in one version, on the page in the other: unlikely
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


def _align_with_slots(
    xs: list[SectionInfo], ys: list[SectionInfo]
) -> tuple[list[tuple[SectionInfo, SectionInfo]], list[SectionInfo], list[SectionInfo]]:
    """Align two sibling lists; leftovers that share a slot pair up at a lower bar."""
    pairs: list[tuple[SectionInfo, SectionInfo]] = []
    only_x: list[SectionInfo] = []
    only_y: list[SectionInfo] = []
    gap_x: list[SectionInfo] = []
    gap_y: list[SectionInfo] = []

    def close_gap() -> None:
        # Sections left over on both sides between the same two aligned neighbours
        # stand in the same slot: a heavier rewrite, not a deletion plus an addition.
        if gap_x and gap_y:
            for i, j in align_sequences(
                len(gap_x), len(gap_y), lambda i, j: section_similarity(gap_x[i], gap_y[j]), SLOT_THRESHOLD
            ):
                if i is not None and j is not None:
                    pairs.append((gap_x[i], gap_y[j]))
                elif i is not None:
                    only_x.append(gap_x[i])
                elif j is not None:
                    only_y.append(gap_y[j])
        else:
            only_x.extend(gap_x)
            only_y.extend(gap_y)
        gap_x.clear()
        gap_y.clear()

    raw = align_sequences(len(xs), len(ys), lambda i, j: section_similarity(xs[i], ys[j]), SECTION_THRESHOLD)
    for i, j in raw:
        if i is not None and j is not None:
            close_gap()
            pairs.append((xs[i], ys[j]))
        elif i is not None:
            gap_x.append(xs[i])
        elif j is not None:
            gap_y.append(ys[j])
    close_gap()
    return pairs, only_x, only_y


def align_sections(doc_a: Document, doc_b: Document) -> SectionAlignment:
    """Align sections level by level (children within aligned parents), then the rest.

    Aligning within parents first keeps repeated sub-structures ("Parameters",
    "Response" under every API method) with their own parent; sections that
    changed level or parent are matched afterwards among the leftovers.
    """
    a, b = flatten(doc_a), flatten(doc_b)
    children_a = _children_by_parent(a)
    children_b = _children_by_parent(b)
    pairs: list[tuple[SectionInfo, SectionInfo]] = [(a[0], b[0])]
    only_a: list[SectionInfo] = []
    only_b: list[SectionInfo] = []
    work: list[tuple[int | None, int | None]] = [(None, None)]
    while work:
        parent_a, parent_b = work.pop()
        found, left_a, left_b = _align_with_slots(children_a.get(parent_a, []), children_b.get(parent_b, []))
        pairs.extend(found)
        only_a.extend(left_a)
        only_b.extend(left_b)
        work.extend((x.index, y.index) for x, y in found)
    # The sub-sections of an unmatched section were never visited: they are leftovers too.
    # Leftovers of one parent may belong under another (a heading that changed level).
    seen_a = {x.index for x, _ in pairs} | {x.index for x in only_a}
    seen_b = {y.index for _, y in pairs} | {y.index for y in only_b}
    only_a = sorted(only_a + [x for x in a[1:] if x.index not in seen_a], key=lambda info: info.index)
    only_b = sorted(only_b + [y for y in b[1:] if y.index not in seen_b], key=lambda info: info.index)
    partner = {x.index: y.index for x, y in pairs}
    moved: list[tuple[SectionInfo, SectionInfo]] = []
    late, only_a, only_b = _align_with_slots(only_a, only_b)
    for x, y in late:
        target = pairs if _in_order(x, y, a, partner) else moved
        target.append((x, y))
        partner[x.index] = y.index
        # their sub-sections were left over too: align them under this new pair
        kids_a = [k for k in only_a if k.parent == x.index]
        kids_b = [k for k in only_b if k.parent == y.index]
        found, _, _ = _align_with_slots(kids_a, kids_b)
        for kx, ky in found:
            target.append((kx, ky))
            partner[kx.index] = ky.index
            only_a.remove(kx)
            only_b.remove(ky)
    pairs.sort(key=lambda pair: pair[0].index)
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
    for x, y in list(moved):
        # a moved section takes its sub-sections along: align them with each other
        kids_a = [s for s in only_a if _descends(s, x.index, a)]
        kids_b = [s for s in only_b if _descends(s, y.index, b)]
        if not kids_a or not kids_b:
            continue
        for i, j in align_sequences(
            len(kids_a), len(kids_b), lambda i, j: section_similarity(kids_a[i], kids_b[j]), SLOT_THRESHOLD
        ):
            if i is not None and j is not None:
                moved.append((kids_a[i], kids_b[j]))
                only_a.remove(kids_a[i])
                only_b.remove(kids_b[j])
    return SectionAlignment(a, b, pairs, moved, only_a, only_b)


def _children_by_parent(infos: list[SectionInfo]) -> dict[int | None, list[SectionInfo]]:
    children: dict[int | None, list[SectionInfo]] = {}
    for info in infos[1:]:
        children.setdefault(info.parent, []).append(info)
    return children


def _in_order(x: SectionInfo, y: SectionInfo, a: list[SectionInfo], partner: dict[int, int]) -> bool:
    """Does matching x with y keep the order of the matches already made?"""
    before = max((partner[i] for i in range(x.index) if i in partner), default=-1)
    after = min((partner[i] for i in range(x.index + 1, len(a)) if i in partner), default=10**9)
    return before < y.index < after


def _descends(info: SectionInfo, ancestor: int, infos: list[SectionInfo]) -> bool:
    parent = info.parent
    while parent is not None:
        if parent == ancestor:
            return True
        parent = infos[parent].parent
    return False


# --- blocks ------------------------------------------------------------------------


@dataclass
class _Features:
    """What block similarity needs, computed once per block rather than once per pair."""

    block: Block
    kind: str
    tokens: Tokens
    length: int


_FEATURES: dict[int, _Features] = {}
_FEATURES_KEPT = 4_000  # blocks; a page has a few hundred, so this spans the pages in hand


def _features(block: Block) -> _Features:
    """Remembered by identity (the feature keeps its block alive, so ids stay unique):
    a block is compared in its section's alignment and again in its blocks' alignment,
    and a source page's blocks once per translation."""
    known = _FEATURES.get(id(block))
    if known is not None and known.block is block:
        return known
    if len(_FEATURES) >= _FEATURES_KEPT:
        _FEATURES.clear()
    features = _FEATURES[id(block)] = _Features(block, block_kind(block), block_tokens(block), len(block_text(block)))
    return features


def _feature_similarity(fa: _Features, fb: _Features, pos_a: float, pos_b: float) -> float:
    if fa.kind != fb.kind:
        return 0.0
    a, b = fa.block, fb.block
    position = 1 - abs(pos_a - pos_b)
    tokens = similarity(fa.tokens, fb.tokens)
    length = _length_ratio(fa.length, fb.length)
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
    span = max(len(a), len(b), 1)
    fa, fb = [_features(x) for x in a], [_features(y) for y in b]
    raw = align_sequences(len(a), len(b), lambda i, j: _feature_similarity(fa[i], fb[j], i / span, j / span), BLOCK_THRESHOLD)
    return [(a[i] if i is not None else None, b[j] if j is not None else None) for i, j in raw]


def item_similarity(a: ListItem, b: ListItem, pos_a: float, pos_b: float) -> float:
    tokens_a, tokens_b = tokens_of(a.text), tokens_of(b.text)
    tokens_a.strong |= _inline_tokens(a.inline)
    tokens_b.strong |= _inline_tokens(b.inline)
    tokens = similarity(tokens_a, tokens_b)
    length = _length_ratio(len(a.text), len(b.text))
    nested = 1.0 if bool(a.sublists) == bool(b.sublists) else 0.4
    position = 1 - abs(pos_a - pos_b)
    parts = [(length, 0.25), (position, 0.3), (nested, 0.15), (tokens if tokens is not None else length, 0.3)]
    return sum(v * w for v, w in parts)


def align_items(a: list[ListItem], b: list[ListItem]) -> list[tuple[ListItem | None, ListItem | None]]:
    if len(a) == len(b):
        return list(zip(a, b))
    span = max(len(a), len(b), 1)
    raw = align_sequences(len(a), len(b), lambda i, j: item_similarity(a[i], b[j], i / span, j / span), 0.3)
    return [(a[i] if i is not None else None, b[j] if j is not None else None) for i, j in raw]


Unit = Block | ListItem


def aligned_units(a: Block, b: Block) -> list[tuple[Unit, Unit]]:
    """The smallest aligned pieces of two aligned blocks: list items pair with list
    items (nested lists too), other blocks with each other. Items without a
    counterpart are left out: bullet-count reports them once."""
    units: list[tuple[Unit, Unit]] = []
    work: list[tuple[Block, Block]] = [(a, b)]
    while work:
        x, y = work.pop()
        if isinstance(x, ListBlock) and isinstance(y, ListBlock):
            for item_a, item_b in align_items(x.items, y.items):
                if item_a is None or item_b is None:
                    continue
                units.append((item_a, item_b))
                work.extend(zip(item_a.sublists, item_b.sublists))
        else:
            units.append((x, y))
    return units


def unit_inlines(unit: Unit) -> list[Inline]:
    """Inline content of one unit, not of the nested lists (those are units of their own)."""
    if isinstance(unit, ListItem):
        inlines = [unit.inline]
        for block in unit.blocks:
            if not isinstance(block, ListBlock):
                inlines.extend(block_inlines(block))
        return inlines
    return block_inlines(unit)
