"""Aligning two versions of a page although every heading is translated.

Sections are flattened in document order and aligned by a global sequence
alignment (Needleman–Wunsch) whose score uses only what translation keeps:
block structure, list sizes, explicit ids, shortcode names, links, numbers,
code and language-neutral names, heading level and position. Blocks inside
aligned sections are aligned the same way. Unmatched sections that match each
other well are *moved* sections, not missing ones.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from transcheck.textdiff import SequenceMatcher
from functools import lru_cache
from typing import Any, Callable, Hashable, Iterable, Sequence
import unicodedata

from msgspec import Struct, field


from transcheck.document.model import (
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
from transcheck.languages.detect import FUNCTION_WORDS_OF_ANY
from transcheck.align.neutral import Tokens, frozen, similarity, tokens_of
from transcheck.document.memo import ByIdentity
from transcheck.document.sections import heading_anchor
from transcheck.document.shortcode_args import is_data_argument

SECTION_THRESHOLD = 0.45
MOVED_THRESHOLD = 0.7
SLOT_THRESHOLD = 0.35
BLOCK_THRESHOLD = 0.35


EXACT_CELLS = 40_000  # up to 200 × 200: the exact alignment, as on every ordinary page
BAND = 4  # half-width of the band a large gap without anchors is aligned in
SMALL_SIDE = 10  # a side this short is aligned exactly against any length (n·10 cells)
MAX_ROUNDS = 8  # rounds of anchoring inside the gaps left by the previous round

Key = Hashable | None  # a near-exact signature; None: nothing to anchor on
Pairs = list[tuple[int | None, int | None]]


def align_sequences(
    n: int,
    m: int,
    score: Callable[[int, int], float],
    threshold: float,
    keys_a: Sequence[Key] | None = None,
    keys_b: Sequence[Key] | None = None,
) -> Pairs:
    """Best monotone matching of 0..n-1 with 0..m-1; pairs scoring below ``threshold`` never match.

    Returns every index of both sides exactly once, in order: ``(i, j)`` for a
    match, ``(i, None)`` / ``(None, j)`` for an element without counterpart.

    Up to EXACT_CELLS pairs this is the exact alignment (Needleman–Wunsch, every
    pair scored). Beyond, it is anchored as patience diff is: elements whose key
    (``keys_a``/``keys_b``) is unique on both sides and equal pair up when their
    score passes, the longest run of such anchors in order is kept, and only the
    gaps between anchors are aligned — exactly when small, in a band around the
    diagonal when large — so time grows as n log n, not n·m.
    """
    if n * m <= EXACT_CELLS:
        return _align_exact(n, m, score, threshold)
    return _align_anchored(n, m, score, threshold, keys_a or [None] * n, keys_b or [None] * m)


def _align_exact(n: int, m: int, score: Callable[[int, int], float], threshold: float) -> Pairs:
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
    return _trace_back(n, m, lambda i, j: best[i][j], lambda i, j: gain[i - 1][j - 1])


def _trace_back(n: int, m: int, best: Callable[[int, int], float], gain: Callable[[int, int], float]) -> Pairs:
    """The alignment a filled table of best scores holds, read back from its corner:
    a pair where taking it made the score, else a gap on the side the score came from."""
    pairs: Pairs = []
    i, j = n, m
    while i > 0 or j > 0:
        here = best(i, j)
        g = gain(i, j) if i > 0 and j > 0 else 0.0
        if i > 0 and j > 0 and g > 0 and here == best(i - 1, j - 1) + g:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i > 0 and here == best(i - 1, j):
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    pairs.reverse()
    return pairs


def _align_anchored(
    n: int, m: int, score: Callable[[int, int], float], threshold: float, keys_a: Sequence[Key], keys_b: Sequence[Key]
) -> Pairs:
    matched: list[tuple[int, int]] = []
    gaps: list[tuple[int, int, int, int, int]] = [(0, n, 0, m, 0)]  # a[lo:hi] against b[lo:hi], round
    done: list[tuple[int, int, int, int]] = []  # gaps to align without anchors
    while gaps:
        a_lo, a_hi, b_lo, b_hi, rounds = gaps.pop()
        # equal keys at both ends match as they stand (a list with one item added)
        while a_lo < a_hi and b_lo < b_hi and _same_key(keys_a[a_lo], keys_b[b_lo]) and score(a_lo, b_lo) > threshold:
            matched.append((a_lo, b_lo))
            a_lo, b_lo = a_lo + 1, b_lo + 1
        while a_lo < a_hi and b_lo < b_hi and _same_key(keys_a[a_hi - 1], keys_b[b_hi - 1]) and score(a_hi - 1, b_hi - 1) > threshold:
            matched.append((a_hi - 1, b_hi - 1))
            a_hi, b_hi = a_hi - 1, b_hi - 1
        if a_lo == a_hi or b_lo == b_hi:
            continue
        anchors = [] if rounds >= MAX_ROUNDS else _unique_anchors(keys_a, a_lo, a_hi, keys_b, b_lo, b_hi, score, threshold)
        if not anchors:
            done.append((a_lo, a_hi, b_lo, b_hi))
            continue
        matched.extend(anchors)
        previous_a, previous_b = a_lo, b_lo
        for i, j in anchors + [(a_hi, b_hi)]:
            if previous_a < i or previous_b < j:
                gaps.append((previous_a, i, previous_b, j, rounds + 1))
            previous_a, previous_b = i + 1, j + 1
    for a_lo, a_hi, b_lo, b_hi in done:
        matched.extend(_align_gap(a_lo, a_hi, b_lo, b_hi, score, threshold))
    return _with_unmatched(matched, n, m)


def _same_key(x: Key, y: Key) -> bool:
    return x is not None and x == y


def _unique_anchors(
    keys_a: Sequence[Key],
    a_lo: int,
    a_hi: int,
    keys_b: Sequence[Key],
    b_lo: int,
    b_hi: int,
    score: Callable[[int, int], float],
    threshold: float,
) -> list[tuple[int, int]]:
    """Keys found exactly once in each range whose pair passes: the longest run in order."""
    where_a = _unique_positions(keys_a, a_lo, a_hi)
    where_b = _unique_positions(keys_b, b_lo, b_hi)
    candidates = [(i, where_b[key]) for key, i in where_a.items() if key in where_b]
    candidates.sort()
    candidates = [(i, j) for i, j in candidates if score(i, j) > threshold]
    return _longest_increasing(candidates)


def _unique_positions(keys: Sequence[Key], lo: int, hi: int) -> dict[Hashable, int]:
    seen: dict[Hashable, int] = {}
    repeated: set[Hashable] = set()
    for index in range(lo, hi):
        key = keys[index]
        if key is None:
            continue
        if key in seen:
            repeated.add(key)
        else:
            seen[key] = index
    for key in repeated:
        del seen[key]
    return seen


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of pairs (sorted by their first) whose seconds increase (patience sort)."""
    tails: list[int] = []  # second of the last pair of the best run of each length
    tail_index: list[int] = []
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        length = bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[length] = j
            tail_index[length] = index
        back.append(tail_index[length - 1] if length else -1)
    run: list[tuple[int, int]] = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        run.append(pairs[index])
        index = back[index]
    run.reverse()
    return run


def _align_gap(
    a_lo: int, a_hi: int, b_lo: int, b_hi: int, score: Callable[[int, int], float], threshold: float
) -> list[tuple[int, int]]:
    """Matches inside one gap without anchors: exact when small or thin, else in a band."""
    p, q = a_hi - a_lo, b_hi - b_lo
    local = lambda i, j: score(a_lo + i, b_lo + j)  # noqa: E731
    if p * q <= EXACT_CELLS or min(p, q) <= SMALL_SIDE:
        pairs = _align_exact(p, q, local, threshold)
    else:
        pairs = _align_banded(p, q, local, threshold)
    return [(a_lo + i, b_lo + j) for i, j in pairs if i is not None and j is not None]


def _align_banded(p: int, q: int, score: Callable[[int, int], float], threshold: float) -> Pairs:
    """The exact recurrence restricted to a band of cells around the diagonal from (0, 0) to (p, q).

    Row i spans from its own diagonal point to the next row's, widened by BAND, so
    consecutive rows overlap and a path always exists: O(q + p·BAND) cells.
    """
    lows: list[int] = []
    rows: list[list[float]] = []
    gains: list[list[float]] = []
    minus = float("-inf")
    for i in range(p + 1):
        lo = max(0, (i * q) // p - BAND)
        hi = min(q, -((-(i + 1) * q) // p) + BAND)
        lows.append(lo)
        row = [minus] * (hi - lo + 1)
        gain = [0.0] * (hi - lo + 1)
        if i == 0:
            for j in range(lo, hi + 1):
                row[j - lo] = 0.0
        else:
            prev, prev_lo = rows[i - 1], lows[i - 1]
            prev_hi = prev_lo + len(prev) - 1
            for j in range(lo, hi + 1):
                up = prev[j - prev_lo] if prev_lo <= j <= prev_hi else minus
                left = row[j - lo - 1] if j > lo else (0.0 if j == 0 else minus)
                value = up if up >= left else left
                if j > 0:
                    g = gain[j - lo] = score(i - 1, j - 1) - threshold
                    diagonal = prev[j - 1 - prev_lo] if prev_lo <= j - 1 <= prev_hi else minus
                    if g > 0 and diagonal + g > value:
                        value = diagonal + g
                row[j - lo] = value
        rows.append(row)
        gains.append(gain)

    def best(i: int, j: int) -> float:
        lo = lows[i]
        return rows[i][j - lo] if lo <= j < lo + len(rows[i]) else minus

    return _trace_back(p, q, best, lambda i, j: gains[i][j - lows[i]])


def _with_unmatched(matched: list[tuple[int, int]], n: int, m: int) -> Pairs:
    """Matches in order, with every unmatched index of both sides in its place."""
    matched.sort()
    pairs: Pairs = []
    i = j = 0
    for x, y in matched + [(n, m)]:
        # in a gap, B's leftovers before A's: the order the exact alignment gives
        pairs.extend((None, k) for k in range(j, y))
        pairs.extend((k, None) for k in range(i, x))
        pairs.append((x, y))
        i, j = x + 1, y + 1
    pairs.pop()
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


def _collect_inlines(block: Block) -> list[Inline]:
    """Inline content of a block and everything nested in it, in :func:`walk_nodes` order,
    without its generator (a hot path)."""
    found: list[Inline] = []
    stack: list[Any] = [block]
    while stack:
        node = stack.pop()
        inline = getattr(node, "inline", None)
        if isinstance(inline, Inline):  # a shortcode's ``inline`` is a flag
            found.append(inline)
        if isinstance(node, ListBlock):
            stack.extend(reversed(node.items))
        elif isinstance(node, (ListItem, BlockQuote)):
            stack.extend(reversed(node.blocks))
        elif isinstance(node, Shortcode) and node.body is not None:
            stack.extend(reversed(node.body.blocks))
    return found


# read-only (the list is shared), remembered by identity: tokens, shortcode and code checks
# each ask for it, and for a source page's blocks once per translation
block_inlines = ByIdentity(_collect_inlines)


def _inline_tokens(inline: Inline) -> set[str]:
    found = {"url:" + link.url for link in inline.links}
    found.update("code:" + code for code in inline.code)
    found.update("sc:" + sc.name for sc in inline.shortcodes)
    return found


def block_tokens(block: Block, text: str | None = None) -> Tokens:
    """Neutral tokens of a block's words, plus its links, code and shortcodes (strong);
    ``text``: the block's :func:`block_text` when already at hand."""
    tokens = tokens_of(block_text(block) if text is None else text)
    strong = set(tokens.strong)  # gathered in one set: a list of 100,000 items has as many inlines
    for inline in block_inlines(block):
        strong |= _inline_tokens(inline)
    if isinstance(block, Shortcode):
        strong.add("sc:" + block.name)
        strong |= _neutral_args(block)
    if isinstance(block, CodeBlock):
        strong.add("code:" + block.code.strip())
    return Tokens(frozen(strong), tokens.weak)


def _neutral_args(shortcode: Shortcode) -> set[str]:
    values = [v for _, v in shortcode.named] + shortcode.positional
    return {"arg:" + v for v in values if "/" in v or v.startswith("#") or v.isdigit()}


class SectionInfo(Struct):
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
    # Sections of a large page repeat their block kinds and words ("Salary", "Price" in
    # each): equal tuples and token sets are kept once (a third of the memory of a
    # 100,000-section page's list). Only their contents are read, never their order.
    shared: dict[Any, Any] = {}
    for info in infos:
        info.kinds = shared.setdefault(kinds := tuple(block_signature(b) for b in info.blocks), kinds)
        info.types = shared.setdefault(types := tuple(_kind_type(k) for k in info.kinds), types)
        # Every block starts a sentence, so the section's tokens are the union of its
        # blocks' (each computed once), not one more pass over the joined text.
        title = tokens_of(info.title)
        strong, weak = set(title.strong), set(title.weak)
        length = len(info.title) + 1 + max(len(info.blocks) - 1, 0)  # the title and blocks, one per line
        for block in info.blocks:
            features = _features(block)
            strong |= features.tokens.strong
            weak |= features.tokens.weak
            length += features.length
        info.tokens = Tokens(_one(shared, frozen(strong)), _one(shared, _without_grammar(weak)))
        title_tokens = tokens_of(info.title, heading=True)
        if info.id:
            title_tokens.strong |= {"id:" + info.id}
        info.title_tokens = Tokens(_one(shared, title_tokens.strong), _one(shared, _without_grammar(title_tokens.weak)))
        info.length = length
        info.position = info.index / max(len(infos) - 1, 1)
    return infos


def _without_grammar(weak: set[str] | frozenset[str]) -> frozenset[str]:
    """A section's weak tokens without the function words that open sentences in every
    language ("For", "Det", "The"): between two sections they tie a Norwegian paragraph
    opening "For kundene" to an English one opening "For more". Blocks and list items keep
    them: identical English items left in a translation are told apart by nothing else."""
    return frozen({word for word in weak if word.lower() not in FUNCTION_WORDS_OF_ANY})


def _one(shared: dict[Any, Any], tokens: frozenset[str]) -> frozenset[str]:
    """The one set equal to ``tokens`` that ``shared`` holds (``tokens`` if it is the first)."""
    return shared.setdefault(tokens, tokens)  # type: ignore[no-any-return]


RATIO_CELLS = 1_000_000  # element pairs up to which two sequences are diffed exactly


def _ratio(a: Sequence[str], b: Sequence[str]) -> float:
    """SequenceMatcher's ratio; for very long sequences an estimate in linear time.

    difflib takes time near len(a)·len(b) on repetitive sequences (4,000 paragraphs
    in a section are 4,000 equal kinds). Beyond RATIO_CELLS the common start and end
    count as matches and the rest is diffed only if it is short; otherwise its
    multiset overlap stands in (an upper bound of the matches, as quick_ratio is).
    """
    if not a and not b:
        return 1.0
    if len(a) * len(b) <= RATIO_CELLS:
        return SequenceMatcher(None, a, b, autojunk=False).ratio()
    start, limit = 0, min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    middle_a, middle_b = a[start : len(a) - end], b[start : len(b) - end]
    if len(middle_a) * len(middle_b) <= RATIO_CELLS:
        inside = sum(block.size for block in SequenceMatcher(None, middle_a, middle_b, autojunk=False).get_matching_blocks())
    else:
        inside = sum((Counter(middle_a) & Counter(middle_b)).values())
    return 2.0 * (start + end + inside) / (len(a) + len(b))


def bounded_ratio(a: Sequence[str], b: Sequence[str]) -> float:
    """Public name of :func:`_ratio` for the code rules."""
    return _ratio(a, b)


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
    if _same_anchor(a, b):
        score = max(score, 0.95)
    return score


@lru_cache(maxsize=4096)
def _anchor_of(title: str) -> str:
    return heading_anchor(title)


def _same_anchor(a: SectionInfo, b: SectionInfo) -> bool:
    """One anchor for both headings: the same explicit ``{#id}``, or an explicit id that is
    the other heading's Hugo anchor. Translators keep the source's anchor so that links
    into the page work in every language (``## 代码审查 {#code-reviews}`` for "Code
    reviews"); two headings without ids say nothing here."""
    if a.id and b.id:
        return a.id == b.id
    if a.id and b.section is not None:
        return a.id == _anchor_of(b.title)
    if b.id and a.section is not None:
        return b.id == _anchor_of(a.title)
    return False


class SectionAlignment(Struct):
    a: list[SectionInfo]
    b: list[SectionInfo]
    pairs: list[tuple[SectionInfo, SectionInfo]]
    moved: list[tuple[SectionInfo, SectionInfo]]
    only_a: list[SectionInfo]
    only_b: list[SectionInfo]
    # the sections do not correspond (one version rewritten): pairs that only structure and
    # place held together, against the names, numbers and links they hold, were undone
    rewritten: bool = False

    def partner_of_a(self) -> dict[int, SectionInfo]:
        return {a.index: b for a, b in self.pairs + self.moved}

    def partner_of_b(self) -> dict[int, SectionInfo]:
        return {b.index: a for a, b in self.pairs + self.moved}


def section_key(info: SectionInfo) -> Key:
    """Near-exact signature of a section for anchoring: its id, or its block types with
    the names, numbers and links it holds (None when it holds none)."""
    if info.id:
        return ("id", info.id)
    strong = info.tokens.strong | info.title_tokens.strong
    if not strong:
        return None
    return (info.container, info.types, frozenset(strong))


def _align_infos(xs: list[SectionInfo], ys: list[SectionInfo], threshold: float) -> Pairs:
    return align_sequences(
        len(xs),
        len(ys),
        lambda i, j: section_similarity(xs[i], ys[j]),
        threshold,
        [section_key(x) for x in xs] if len(xs) * len(ys) > EXACT_CELLS else None,
        [section_key(y) for y in ys] if len(xs) * len(ys) > EXACT_CELLS else None,
    )


def _anchored(xs: list[SectionInfo], ys: list[SectionInfo]) -> list[tuple[int, int]]:
    """Sibling sections that share one anchor (``_same_anchor``), each the only one of its
    side to do so, as (index in xs, index in ys) in the order of xs."""
    by_id: dict[str, list[int]] = {}
    by_title: dict[str, list[int]] = {}
    for j, y in enumerate(ys):
        if y.id:
            by_id.setdefault(y.id, []).append(j)
        elif y.section is not None:
            by_title.setdefault(_anchor_of(y.title), []).append(j)
    found: list[tuple[int, int]] = []
    for i, x in enumerate(xs):
        if x.id:
            js = by_id.get(x.id, []) + by_title.get(x.id, [])
        elif x.section is not None:
            js = by_id.get(_anchor_of(x.title), [])
        else:
            continue
        if len(js) == 1:
            found.append((i, js[0]))
    once = Counter(j for _, j in found)
    return [(i, j) for i, j in found if once[j] == 1]


def sorted_titles(infos: list[SectionInfo]) -> bool:
    """Five siblings or more in the alphabetical order of their titles (a glossary sorted
    in each language): another order in a translation is the sort, not a move."""
    keys = [unicodedata.normalize("NFKD", info.title.casefold()) for info in infos]
    # people sort loosely ("Application" before "APM"): one step in ten may go back
    backwards = sum(1 for x, y in zip(keys, keys[1:]) if x > y)
    return len(keys) >= 5 and backwards <= max(1, len(keys) // 10)


def siblings(infos: list[SectionInfo], info: SectionInfo) -> list[SectionInfo]:
    """``info`` and the sections under the same parent, in order."""
    return [x for x in infos if x.parent == info.parent and x.index != 0]


def _align_with_slots(
    xs: list[SectionInfo], ys: list[SectionInfo]
) -> tuple[list[tuple[SectionInfo, SectionInfo]], list[SectionInfo], list[SectionInfo]]:
    """Align two sibling lists; leftovers that share a slot pair up at a lower bar.

    Two lists each sorted by its own titles (a glossary sorted in each language) share no
    order: the siblings that keep one explicit anchor (``{#field}`` under a translated
    heading) are partners whatever their places, the rest are left to be matched by
    likeness among all leftovers."""
    if sorted_titles(xs) and sorted_titles(ys):
        anchored = _anchored(xs, ys)
        if len(anchored) >= 2:
            fixed_x, fixed_y = {i for i, _ in anchored}, {j for _, j in anchored}
            return ([(xs[i], ys[j]) for i, j in anchored], [x for i, x in enumerate(xs) if i not in fixed_x],
                    [y for j, y in enumerate(ys) if j not in fixed_y])
    pairs: list[tuple[SectionInfo, SectionInfo]] = []
    only_x: list[SectionInfo] = []
    only_y: list[SectionInfo] = []
    gap_x: list[SectionInfo] = []
    gap_y: list[SectionInfo] = []

    def close_gap() -> None:
        # Sections left over on both sides between the same two aligned neighbours
        # stand in the same slot: a heavier rewrite, not a deletion plus an addition.
        if gap_x and gap_y:
            for i, j in _align_infos(gap_x, gap_y, SLOT_THRESHOLD):
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

    for i, j in _align_infos(xs, ys, SECTION_THRESHOLD):
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
        found, rest_a, rest_b = _align_with_slots(children_a.get(parent_a, []), children_b.get(parent_b, []))
        pairs.extend(found)
        only_a.extend(rest_a)
        only_b.extend(rest_b)
        work.extend((x.index, y.index) for x, y in found)
    # The sub-sections of an unmatched section were never visited: they are leftovers too.
    # Leftovers of one parent may belong under another (a heading that changed level).
    seen_a = {x.index for x, _ in pairs} | {x.index for x in only_a}
    seen_b = {y.index for _, y in pairs} | {y.index for y in only_b}
    only_a = sorted(only_a + [x for x in a[1:] if x.index not in seen_a], key=lambda info: info.index)
    only_b = sorted(only_b + [y for y in b[1:] if y.index not in seen_b], key=lambda info: info.index)
    order = _PartnerOrder(len(a))
    for x, y in pairs:
        order.add(x.index, y.index)
    moved: list[tuple[SectionInfo, SectionInfo]] = []
    late, only_a, only_b = _align_with_slots(only_a, only_b)
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    left_a: dict[int | None, list[SectionInfo]] = {}
    left_b: dict[int | None, list[SectionInfo]] = {}
    for info in only_a:
        left_a.setdefault(info.parent, []).append(info)
    for info in only_b:
        left_b.setdefault(info.parent, []).append(info)
    for x, y in late:
        target = pairs if order.in_order(x.index, y.index) else moved
        target.append((x, y))
        order.add(x.index, y.index)
        # their sub-sections were left over too: align them under this new pair
        kids_a = [k for k in left_a.get(x.index, ()) if k.index not in taken_a]
        kids_b = [k for k in left_b.get(y.index, ()) if k.index not in taken_b]
        found, _, _ = _align_with_slots(kids_a, kids_b)
        for kx, ky in found:
            target.append((kx, ky))
            order.add(kx.index, ky.index)
            taken_a.add(kx.index)
            taken_b.add(ky.index)
    only_a = [x for x in only_a if x.index not in taken_a]
    only_b = [y for y in only_b if y.index not in taken_b]
    pairs.sort(key=lambda pair: pair[0].index)
    if only_a and only_b:
        used_a: set[int] = set()
        used_b: set[int] = set()
        for _, ia, ib in _moved_candidates(only_a, only_b):
            if ia in used_a or ib in used_b:
                continue
            used_a.add(ia)
            used_b.add(ib)
            moved.append((a[ia], b[ib]))
        only_a = [x for x in only_a if x.index not in used_a]
        only_b = [y for y in only_b if y.index not in used_b]
    moved.sort(key=lambda pair: pair[0].index)
    ends_a, ends_b = _subtree_ends(a), _subtree_ends(b)
    index_a, index_b = [x.index for x in only_a], [y.index for y in only_b]
    gone_a: set[int] = set()
    gone_b: set[int] = set()
    for x, y in list(moved):
        # a moved section takes its sub-sections along: align them with each other
        kids_a = _within(only_a, index_a, x.index, ends_a[x.index], gone_a)
        kids_b = _within(only_b, index_b, y.index, ends_b[y.index], gone_b)
        if not kids_a or not kids_b:
            continue
        for i, j in _align_infos(kids_a, kids_b, SLOT_THRESHOLD):
            if i is not None and j is not None:
                moved.append((kids_a[i], kids_b[j]))
                gone_a.add(kids_a[i].index)
                gone_b.add(kids_b[j].index)
    only_a = [k for k in only_a if k.index not in gone_a]
    only_b = [k for k in only_b if k.index not in gone_b]
    if moved:
        pairs, moved = _uncross(pairs, moved)
        moved, only_a, only_b = _drop_weak_moves(moved, pairs, only_a, only_b)
    if _rewritten(pairs, moved, only_a, only_b):
        # only pairs that something in their text ties together stay: place means nothing here
        # (another page without headings: its text before the first heading is all it has,
        # and that names other things than the other version's; nothing is paired)
        headings_paired = any(x.section is not None for x, _ in pairs + moved)
        kept = [(x, y) for x, y in pairs if _supported(x, y) and (x.section is not None or headings_paired)]
        kept_moved = [(x, y) for x, y in moved if _supported(x, y)]
        undone = [pair for pair in pairs + moved if pair not in kept and pair not in kept_moved]
        only_a = sorted(only_a + [x for x, _ in undone], key=lambda info: info.index)
        only_b = sorted(only_b + [y for _, y in undone], key=lambda info: info.index)
        return SectionAlignment(a, b, kept, kept_moved, only_a, only_b, rewritten=True)
    contradicted = [(x, y) for x, y in pairs if _contradicted(x, y)]
    if contradicted:
        # a pair that shape and place alone hold, against everything both sections name
        pairs = [pair for pair in pairs if pair not in contradicted]
        only_a = sorted(only_a + [x for x, _ in contradicted], key=lambda info: info.index)
        only_b = sorted(only_b + [y for _, y in contradicted], key=lambda info: info.index)
    return SectionAlignment(a, b, pairs, moved, only_a, only_b)


# Names, numbers and links (what translations keep) of two sections paired by their slot
# alone: with three or more each and almost none shared, they say different things (a
# glossary one version added at its end, where the other ends with a contact card),
# whatever their shape and place suggest.
NAMED_ENOUGH = 3
SHARED_TOO_FEW = 0.1


def _contradicted(x: SectionInfo, y: SectionInfo) -> bool:
    """A pair that only the lower bar of a shared slot let in (SLOT_THRESHOLD), whose names,
    numbers and links (translated names and other spellings of a link included) disagree."""
    if x.section is None or y.section is None or _same_anchor(x, y) or _titles_share(x, y):
        return False
    return _name_different_things(x, y) and section_similarity(x, y) < SECTION_THRESHOLD


def _kept_names(info: SectionInfo) -> set[str]:
    """What every translation of the section keeps (numbers, links, acronyms, CamelCase), its
    shortcodes' names left out: "Montag" for "Monday" is a translated word, not another name."""
    return {t for t in _kept_tokens(info).strong if not t.startswith("sc:")}


def _name_different_things(x: SectionInfo, y: SectionInfo) -> bool:
    """Do two sections each hold NAMED_ENOUGH names, numbers or links, and share almost none?"""
    if len(_kept_names(x)) < NAMED_ENOUGH or len(_kept_names(y)) < NAMED_ENOUGH:
        return False
    shared = similarity(_kept_tokens(x), _kept_tokens(y))
    return shared is not None and shared < SHARED_TOO_FEW


REWRITE_TOKENS = 0.2  # shared names, numbers and links below this: the text says "not the same section"


def _kept_tokens(info: SectionInfo) -> Tokens:
    """The tokens of a section that every translation keeps: numbers, links, addresses,
    code, acronyms and CamelCase names. A capitalised word is not one of them (English
    writes "Monday", "Swedish" and "Title Case" where Swedish writes "måndag", "svenska")."""
    kept = frozenset(t for t in info.tokens.strong if t.startswith("#") or any(ch.isdigit() or ch in "/@." for ch in t)
                     or t[1:] != t[1:].lower())
    return Tokens(kept, frozenset())


def _against_evidence(x: SectionInfo, y: SectionInfo) -> bool:
    """A pair of sections that hold numbers, links or names a translation keeps (three in
    all at least), sharing few of them, and nothing else tying them (no shared anchor, no
    shared name in the titles): structure and place alone paired them."""
    if x.section is None or y.section is None or _same_anchor(x, y) or _titles_share(x, y):
        return False
    kept_x, kept_y = _kept_tokens(x), _kept_tokens(y)
    if len(kept_x.strong) + len(kept_y.strong) < 3:
        return False  # too little to tell ("Programming Language.")
    tokens = similarity(kept_x, kept_y)
    return tokens is not None and tokens < REWRITE_TOKENS


def _supported(x: SectionInfo, y: SectionInfo) -> bool:
    """Is a pair tied by what its sections hold: the text before the first heading, one
    anchor, a name shared by the titles, or enough of the numbers, links and names kept?"""
    if x.section is None or y.section is None or _same_anchor(x, y) or _titles_share(x, y):
        return True
    tokens = similarity(_kept_tokens(x), _kept_tokens(y))
    return tokens is not None and tokens >= REWRITE_TOKENS


def _titles_share(x: SectionInfo, y: SectionInfo) -> bool:
    title = similarity(x.title_tokens, y.title_tokens)
    return title is not None and title > 0


def _rewritten(
    pairs: list[tuple[SectionInfo, SectionInfo]],
    moved: list[tuple[SectionInfo, SectionInfo]],
    only_a: list[SectionInfo],
    only_b: list[SectionInfo],
) -> bool:
    """Were the two versions written (or rewritten) each on its own, so that their sections
    do not correspond? Then at least half the pairs, and two or more, are held against
    what their text holds, and at least as many sections as were paired found no partner.
    Pairing the rest by place would name sections that have nothing to do with each other
    in every finding about them (a list "missing" from a section about something else)."""
    paired = [(x, y) for x, y in pairs + moved if x.section is not None]
    if not paired:
        return _other_page_without_headings(pairs, only_a, only_b)
    weak = sum(1 for x, y in paired if _against_evidence(x, y))
    return weak >= 2 and 2 * weak >= len(paired) and len(only_a) + len(only_b) >= len(paired)


KEPT_BY_ANOTHER_PAGE = 0.4  # of a page's names found anywhere in the other version: at most this, another page


def _other_page_without_headings(
    pairs: list[tuple[SectionInfo, SectionInfo]], only_a: list[SectionInfo], only_b: list[SectionInfo]
) -> bool:
    """One version has no heading and the other two or more, none paired, and the texts
    before the first heading name different things (three names, numbers or links each,
    almost none shared), and few of the names of the page without headings stand anywhere
    in the other: another page under the same name (an old version never replaced), not a
    translation that lacks every section or one written without headings."""
    if (only_a and only_b) or len(only_a) + len(only_b) < 2:
        return False
    intro = next(((x, y) for x, y in pairs if x.section is None and y.section is None), None)
    if intro is None:
        return False
    # the page without headings holds all its text before the first heading: weighed against
    # the whole of the other version (a faithful translation written without headings shares
    # the names of every section, not only of the introduction)
    headless, headed = (intro[0], intro[1]) if only_b else (intro[1], intro[0])
    whole = {name for info in [headed, *(only_b or only_a)] for name in _kept_names(info)}
    names = _kept_names(headless)
    if len(names) < NAMED_ENOUGH or len(names & whole) > KEPT_BY_ANOTHER_PAGE * len(names):
        return False
    return _name_different_things(*intro)


def _drop_weak_moves(
    moved: list[tuple[SectionInfo, SectionInfo]],
    pairs: list[tuple[SectionInfo, SectionInfo]],
    only_a: list[SectionInfo],
    only_b: list[SectionInfo],
) -> tuple[list[tuple[SectionInfo, SectionInfo]], list[SectionInfo], list[SectionInfo]]:
    """A 'moved' pair that only a weak likeness holds together, from under two parents that
    are not each other's counterparts or against what the two sections' names, numbers and
    links say, with headings that share no name: two sections of
    their own ("This paper has three parts" under Background, "The court's ruling" under
    Part I), each reported as such rather than compared with the other."""
    partner = {x.index: y.index for x, y in pairs + moved}
    keep: list[tuple[SectionInfo, SectionInfo]] = []
    for x, y in moved:
        parents_agree = x.parent is None and y.parent is None or (x.parent is not None and partner.get(x.parent) == y.parent)
        # under one parent, a move stands unless the names, numbers and links of both say otherwise
        if (parents_agree and not _against_evidence(x, y)) or section_similarity(x, y) >= MOVED_THRESHOLD or _titles_agree(x, y):
            keep.append((x, y))
            continue
        only_a.append(x)
        only_b.append(y)
    if len(keep) == len(moved):
        return moved, only_a, only_b
    return keep, sorted(only_a, key=lambda i: i.index), sorted(only_b, key=lambda i: i.index)


def _titles_agree(*pairs_of_sections: SectionInfo) -> bool:
    """Do the headings of at least one new pair share a name ("Site" / "Site", "XSD")?
    Without that, the text alone is too little to overrule the outline."""
    infos = list(pairs_of_sections)
    for x, y in zip(infos[::2], infos[1::2]):
        score = similarity(x.title_tokens, y.title_tokens)
        if score is not None and score >= 0.5:
            return True
    return False


SWAP_REACH = 3  # sections apart, in either version, for a moved pair to swap partners with a pair
SWAP_GAIN = 0.2


def _uncross(
    pairs: list[tuple[SectionInfo, SectionInfo]], moved: list[tuple[SectionInfo, SectionInfo]]
) -> tuple[list[tuple[SectionInfo, SectionInfo]], list[tuple[SectionInfo, SectionInfo]]]:
    """Swap partners where a level change crossed them.

    Sections are aligned within their parents first, so when one version writes a heading
    one level deeper ("### Data" over "#### Site" here, "#### Sites" and "### Site" there),
    the sections of one level pair up by position and the right partners end up "moved".
    A moved pair (x, y) and a nearby pair (p, q) that both fit much better as (x, q) and
    (p, y) are swapped; then what keeps the order is a pair and the rest is moved.
    """
    swapped = False
    for k, (mx, my) in enumerate(moved):
        best: tuple[float, int] | None = None
        for i, (px, py) in enumerate(pairs):
            if px.section is None or py.section is None:
                continue
            if abs(px.index - mx.index) > SWAP_REACH and abs(py.index - my.index) > SWAP_REACH:
                continue
            cross_a, cross_b = section_similarity(px, my), section_similarity(mx, py)
            if min(cross_a, cross_b) < SECTION_THRESHOLD or not _titles_agree(px, my, mx, py):
                continue
            gain = cross_a + cross_b - section_similarity(px, py) - section_similarity(mx, my)
            if gain > SWAP_GAIN and (best is None or gain > best[0]):
                best = (gain, i)
        if best is not None:
            px, py = pairs[best[1]]
            pairs[best[1]] = (px, my)
            moved[k] = (mx, py)
            swapped = True
    if not swapped:
        return pairs, moved
    every = sorted(pairs + moved, key=lambda pair: pair[0].index)
    keep = set(_longest_increasing([(x.index, y.index) for x, y in every]))
    return ([(x, y) for x, y in every if (x.index, y.index) in keep],
            [(x, y) for x, y in every if (x.index, y.index) not in keep])


MOVED_CANDIDATES = 50  # per leftover section, when too many leftovers to score every pair


def _moved_candidates(only_a: list[SectionInfo], only_b: list[SectionInfo]) -> list[tuple[float, int, int]]:
    """Pairs of leftovers scoring at least MOVED_THRESHOLD, best first (ties by position).

    Every pair is scored while that stays within EXACT_CELLS or one side has at most
    SMALL_SIDE sections (a large page against a small one); beyond, a section is
    only scored against the leftovers sharing its key or one of its strong tokens
    (at most MOVED_CANDIDATES of them, nearest first), so time stays linear.
    """
    if len(only_a) * len(only_b) <= EXACT_CELLS or min(len(only_a), len(only_b)) <= SMALL_SIDE:
        pool: Iterable[tuple[SectionInfo, SectionInfo]] = ((x, y) for x in only_a for y in only_b)
    else:
        pool = _sharing_pairs(only_a, only_b)
    scored = ((section_similarity(x, y), x.index, y.index) for x, y in pool)
    return sorted((t for t in scored if t[0] >= MOVED_THRESHOLD), key=lambda t: (-t[0], t[1], t[2]))


def _anchor_token(info: SectionInfo) -> Hashable:
    """The section's anchor (explicit id, else Hugo's anchor of its title): a section moved
    with the anchor the source gives it is found however its heading was translated."""
    return ("anchor", info.id or (_anchor_of(info.title) if info.section is not None else ""))


def _sharing_pairs(only_a: list[SectionInfo], only_b: list[SectionInfo]) -> list[tuple[SectionInfo, SectionInfo]]:
    by_token: dict[Hashable, list[SectionInfo]] = {}
    for y in only_b:
        key = section_key(y)
        for token in ([("key", key)] if key is not None else []) + [_anchor_token(y)] + sorted(y.tokens.strong)[:MOVED_CANDIDATES]:
            by_token.setdefault(token, []).append(y)
    found: list[tuple[SectionInfo, SectionInfo]] = []
    for x in only_a:
        key = section_key(x)
        near: dict[int, SectionInfo] = {}
        for token in ([("key", key)] if key is not None else []) + [_anchor_token(x)] + sorted(x.tokens.strong)[:MOVED_CANDIDATES]:
            for y in by_token.get(token, ())[:MOVED_CANDIDATES]:
                near.setdefault(y.index, y)
        closest = sorted(near.values(), key=lambda y: (abs(y.position - x.position), y.index))[:MOVED_CANDIDATES]
        found.extend((x, y) for y in closest)
    return found


class _PartnerOrder:
    """Which B index each aligned A index has, asked as "does (x, y) keep the order?" in log time.

    Two Fenwick trees: the largest partner of the A indexes before x, the smallest after.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.before = [-1] * (size + 1)  # prefix maxima over A indexes
        self.after = [10**9] * (size + 1)  # prefix minima over A indexes from the end

    def add(self, x: int, y: int) -> None:
        k = x + 1
        while k <= self.size:
            if y > self.before[k]:
                self.before[k] = y
            k += k & -k
        k = self.size - x
        while k <= self.size:
            if y < self.after[k]:
                self.after[k] = y
            k += k & -k

    def in_order(self, x: int, y: int) -> bool:
        """Does matching x with y keep the order of the matches already made?"""
        before, k = -1, x  # A indexes 0..x-1
        while k > 0:
            before = max(before, self.before[k])
            k -= k & -k
        after, k = 10**9, self.size - x - 1  # A indexes x+1..size-1
        while k > 0:
            after = min(after, self.after[k])
            k -= k & -k
        return before < y < after


def _children_by_parent(infos: list[SectionInfo]) -> dict[int | None, list[SectionInfo]]:
    children: dict[int | None, list[SectionInfo]] = {}
    for info in infos[1:]:
        children.setdefault(info.parent, []).append(info)
    return children


def _subtree_ends(infos: list[SectionInfo]) -> list[int]:
    """For each section, the last index of its sub-sections (flattening is depth first,
    so a section's descendants are the indexes right after it)."""
    ends = [info.index for info in infos]
    for info in reversed(infos):
        if info.parent is not None and ends[info.index] > ends[info.parent]:
            ends[info.parent] = ends[info.index]
    return ends


def _within(infos: list[SectionInfo], indexes: list[int], ancestor: int, end: int, gone: set[int]) -> list[SectionInfo]:
    """The sections of ``infos`` (sorted; ``indexes`` are theirs) that descend from
    ``ancestor`` (whose last descendant is ``end``), less those already ``gone``."""
    if end == ancestor:
        return []
    found = infos[bisect_right(indexes, ancestor) : bisect_right(indexes, end)]
    return [info for info in found if info.index not in gone] if gone else found


# --- blocks ------------------------------------------------------------------------


class _Features(Struct):
    """What block similarity needs, computed once per block rather than once per pair."""

    block: Block
    kind: str
    tokens: Tokens
    length: int


def _block_features(block: Block) -> _Features:
    """Remembered by identity (_features): a block is compared in its section's alignment
    and again in its blocks' alignment, and a source page's blocks once per translation."""
    text = block_text(block)
    return _Features(block, block_kind(block), block_tokens(block, text), len(text))


_features = ByIdentity(_block_features)


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


def block_key(features: _Features) -> Key:
    """Near-exact signature of a block for anchoring: its kind with the names, numbers,
    links, code and shortcode arguments it holds (None when it holds none)."""
    if not features.tokens.strong:
        return None
    return (features.kind, frozenset(features.tokens.strong))


def align_blocks(a: list[Block], b: list[Block]) -> list[tuple[Block | None, Block | None]]:
    fa, fb = [_features(x) for x in a], [_features(y) for y in b]
    return _align_by_features(a, b, fa, fb, _feature_similarity, BLOCK_THRESHOLD, block_key)


def _align_by_features(a: list[Any], b: list[Any], fa: list[Any], fb: list[Any], similarity: Callable[..., float],
                       threshold: float, key: Callable[[Any], Hashable]) -> list[tuple[Any, Any]]:
    """Two sequences aligned by their features' similarity, weighted by relative position;
    keyed (anchored) when the table would be large."""
    span = max(len(a), len(b), 1)
    large = len(a) * len(b) > EXACT_CELLS
    raw = align_sequences(
        len(a),
        len(b),
        lambda i, j: similarity(fa[i], fb[j], i / span, j / span),
        threshold,
        [key(f) for f in fa] if large else None,
        [key(f) for f in fb] if large else None,
    )
    return [(a[i] if i is not None else None, b[j] if j is not None else None) for i, j in raw]


class _ItemFeatures(Struct):
    tokens: Tokens
    length: int
    nested: bool


def _item_features(item: ListItem) -> _ItemFeatures:
    tokens = tokens_of(item.text)
    tokens.strong |= _inline_tokens(item.inline)
    return _ItemFeatures(tokens, len(item.text), bool(item.sublists))


def _item_feature_similarity(a: _ItemFeatures, b: _ItemFeatures, pos_a: float, pos_b: float) -> float:
    tokens = similarity(a.tokens, b.tokens)
    length = _length_ratio(a.length, b.length)
    nested = 1.0 if a.nested == b.nested else 0.4
    position = 1 - abs(pos_a - pos_b)
    parts = [(length, 0.25), (position, 0.3), (nested, 0.15), (tokens if tokens is not None else length, 0.3)]
    return sum(v * w for v, w in parts)


def item_similarity(a: ListItem, b: ListItem, pos_a: float, pos_b: float) -> float:
    return _item_feature_similarity(_item_features(a), _item_features(b), pos_a, pos_b)


def paired_by_content(a: ListItem, b: ListItem) -> bool:
    """Do two paired items share a name, number, link or code token? Translated items
    without one are paired by their length and place alone: a guess."""
    return bool(similarity(_item_features(a).tokens, _item_features(b).tokens))


def _item_key(features: _ItemFeatures) -> Key:
    if not features.tokens.strong:
        return None
    return (features.nested, frozenset(features.tokens.strong))


ITEM_THRESHOLD = 0.3
_LAST_ITEMS: list[tuple[list[ListItem], list[ListItem], list[tuple[ListItem | None, ListItem | None]]]] = []


def align_items(a: list[ListItem], b: list[ListItem]) -> list[tuple[ListItem | None, ListItem | None]]:
    """Items of two aligned lists paired in order.

    The last few results are remembered by the lists' identity: the same two lists
    are aligned by bullet-count, by the value rules and for nested lists."""
    if len(a) == len(b):
        return list(zip(a, b))
    for known_a, known_b, known in _LAST_ITEMS:
        if known_a is a and known_b is b:
            return list(known)
    fa, fb = [_item_features(x) for x in a], [_item_features(y) for y in b]
    result = _align_by_features(a, b, fa, fb, _item_feature_similarity, ITEM_THRESHOLD, _item_key)
    _LAST_ITEMS.insert(0, (a, b, result))
    del _LAST_ITEMS[8:]
    return list(result)


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
