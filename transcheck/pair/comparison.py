"""The comparison of one pair: both documents, their alignment, and how findings are made.

Rules (in ``transcheck.rules``) read a :class:`Comparison` and call
:meth:`Comparison.report`; severity overrides, rule selection and suppression
are applied afterwards by the engine, never inside rules. What several rules need is
computed once, when first asked for: the alignment here, other facts through
:meth:`Comparison.fact`. Rules never tell each other anything else, so the order of the
checks has no meaning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, TypeVar

from transcheck.align.alignment import SectionAlignment, SectionInfo, align_blocks, align_sections, block_text, block_tokens
from transcheck.findings import Finding, Location, Rule, Severity
from transcheck.pair.settings import Settings
from transcheck.document.model import Block, BlockQuote, CodeBlock, Document, ListBlock, Paragraph, Shortcode, TableBlock, last_line

T = TypeVar("T")


@dataclass
class Side:
    doc: Document
    path: str  # as given by the user: where the fix goes
    language: str | None = None  # expected if known, else declared
    expected: str | None = None  # from the command line, the file name, the path or config
    expected_from: str = ""  # "command line", "file name", "path", "config"

    @property
    def name(self) -> str:
        """How messages name the file: its path (both files of a pair often have one file
        name); outputs show it relative to the working directory (report/paths.py)."""
        return self.path


@dataclass
class BlockPair:
    """Two aligned blocks (one may be None) and where they stand."""

    a: Block | None
    b: Block | None
    section_a: SectionInfo
    section_b: SectionInfo
    anchor_a: int  # line in A where a block missing from A belongs
    anchor_b: int


@dataclass
class Comparison:
    a: Side
    b: Side
    settings: "Settings"
    findings: list[Finding] = field(default_factory=list)  # what the checks reported, in order
    _facts: dict[Callable[..., Any], Any] = field(default_factory=dict, repr=False)

    @cached_property
    def sections(self) -> SectionAlignment:
        return align_sections(self.a.doc, self.b.doc)

    def other(self, side: Side) -> Side:
        return self.b if side is self.a else self.a

    def fact(self, compute: Callable[["Comparison"], T]) -> T:
        """``compute(self)``, computed once per pair whichever rule asks first: how rules share
        work (e.g. the sections found untranslated, which language-detected leaves alone).
        ``compute`` must not report anything."""
        if compute not in self._facts:
            self._facts[compute] = compute(self)
        return self._facts[compute]  # type: ignore[no-any-return]

    def report(
        self,
        rule: Rule,
        side: Side,
        line: int,
        message: str,
        related: list[tuple[Side, int]] | None = None,
        key: str = "",
        severity: "Severity | None" = None,
    ) -> None:
        self.findings.append(
            Finding(
                path=side.path,
                line=max(1, line),
                rule=rule.name,
                code=rule.code,
                severity=severity or rule.severity,
                message=message,
                related=tuple(Location(s.path, max(1, l)) for s, l in (related or [])),
                key=key,
            )
        )

    @cached_property
    def _stand_ins(self) -> dict[int, Block]:
        found: dict[int, Block] = {}
        for run in _unmatched_runs(self.block_pairs):
            for pair in run:
                block = pair.a if pair.a is not None else pair.b
                assert block is not None
                instead = _rewritten_as(block, run, lacking_is_a=pair.a is None)
                if instead is not None:
                    found[id(block)] = instead
        return found

    def same_content(self, pair: BlockPair) -> bool:
        """Does the stand-in hold most of the block's names, numbers and links (three at
        least)? Then the content is there in another form for sure: nothing to act on."""
        block = pair.a if pair.a is not None else pair.b
        instead = self.stand_in(pair)
        if block is None or instead is None:
            return False
        wanted = {t for t in block_tokens(block).strong if not t.startswith(("sc:", "arg:#"))}
        return len(wanted) >= 3 and len(wanted & block_tokens(instead).strong) >= 0.6 * len(wanted)

    def stand_in(self, pair: BlockPair) -> Block | None:
        """For a block without counterpart: the other version's block without counterpart
        that stands in its place with about as much text (the same content in another form,
        a list written as prose or a card grid), else None."""
        block = pair.a if pair.a is not None else pair.b
        return self._stand_ins.get(id(block)) if block is not None else None

    @cached_property
    def unmatched(self) -> set[int]:
        return _unmatched(self.block_pairs)

    @cached_property
    def block_pairs(self) -> list[BlockPair]:
        """Aligned blocks of every aligned section pair, shortcode bodies and quotes included."""
        result: list[BlockPair] = []
        for sa, sb in self.sections.pairs + self.sections.moved:
            start_a = sa.line if sa.section is not None else sa.line
            start_b = sb.line if sb.section is not None else sb.line
            work: list[tuple[list[Block], list[Block], int, int]] = [(sa.blocks, sb.blocks, start_a, start_b)]
            while work:
                blocks_a, blocks_b, anchor_a, anchor_b = work.pop()
                for a, b in align_blocks(blocks_a, blocks_b):
                    result.append(BlockPair(a, b, sa, sb, anchor_a, anchor_b))
                    if a is not None:
                        anchor_a = last_line(a)
                    if b is not None:
                        anchor_b = last_line(b)
                    if a is None or b is None:
                        continue
                    inner = _children(a), _children(b)
                    if inner[0] or inner[1]:
                        work.append((inner[0], inner[1], a.line, b.line))
        return result


def _unmatched_runs(pairs: list[BlockPair]) -> list[list[BlockPair]]:
    """Block pairs without counterpart, in runs that stand between the same two aligned
    blocks of one section pair (``block_pairs`` keeps each aligned sequence together)."""
    runs: list[list[BlockPair]] = []
    current: list[BlockPair] = []
    for pair in pairs:
        lonely = pair.a is None or pair.b is None
        if current and (not lonely or pair.section_a is not current[0].section_a
                        or pair.section_b is not current[0].section_b):
            runs.append(current)
            current = []
        if lonely:
            current.append(pair)
    if current:
        runs.append(current)
    return runs


def _rewritten_as(block: Block, run: list[BlockPair], lacking_is_a: bool) -> Block | None:
    """The block of the lacking version that stands in ``block``'s place with no
    counterpart of its own and about as much text: the same content in another form (a list
    written as prose or a table), not a deletion."""
    size = len(block_text(block))
    wanted = {t for t in block_tokens(block).strong if not t.startswith(("sc:", "arg:#"))}  # content, not markup
    best: Block | None = None
    for other in run:
        candidate = other.a if lacking_is_a else other.b
        if candidate is None or not _holds_text(candidate):
            continue
        ratio = len(block_text(candidate)) / max(1, size)
        if not 0.4 <= ratio <= 2.5:
            continue
        # names, numbers and links the block has must be there too, if it has some
        if len(wanted) >= 2 and len(wanted & block_tokens(candidate).strong) < 0.3 * len(wanted):
            continue
        if best is None or candidate.line < best.line:
            best = candidate
    return best


def _holds_text(block: Block) -> bool:
    """Prose, a list, a table, a quote, HTML, or a shortcode around such blocks (not a
    container of icon shortcodes, not code)."""
    if isinstance(block, Shortcode):
        return block.body is not None and any(_holds_text(inner) for inner in block.body.blocks)
    return not isinstance(block, CodeBlock)


_FORMS = {"Paragraph": "prose", "ListBlock": "a list", "TableBlock": "a table", "HtmlBlock": "HTML",
          "Shortcode": "a shortcode", "BlockQuote": "a quote"}


def form_of(block: Block) -> str:
    """What a block is, in words for a message ("prose", "a table")."""
    return _FORMS.get(type(block).__name__, "other text")


def table_as_text(block: Block) -> bool:
    """A paragraph that is a table whose rows ran together: it will not render as one."""
    return isinstance(block, Paragraph) and block.text.count("|") >= 6


def _unmatched(pairs: list[BlockPair]) -> set[int]:
    """ids of blocks and list items without counterpart: structure rules report them once,
    so value rules leave what is inside them alone."""
    from transcheck.align.alignment import align_items

    lonely: set[int] = set()
    for pair in pairs:
        if pair.a is None or pair.b is None:
            block = pair.a if pair.a is not None else pair.b
            # paragraphs merge and split in translation: their values still count
            if isinstance(block, (ListBlock, TableBlock, CodeBlock, Shortcode)):
                lonely.add(id(block))
            continue
        work = [(pair.a, pair.b)] if isinstance(pair.a, ListBlock) and isinstance(pair.b, ListBlock) else []
        while work:
            list_a, list_b = work.pop()
            for item_a, item_b in align_items(list_a.items, list_b.items):
                if item_a is None or item_b is None:
                    lonely.add(id(item_a if item_a is not None else item_b))
                    continue
                work.extend(zip(item_a.sublists, item_b.sublists))
    return lonely


def _children(block: Block) -> list[Block]:
    if isinstance(block, Shortcode) and block.body is not None:
        return block.body.blocks
    if isinstance(block, BlockQuote):
        return block.blocks
    return []


@dataclass(frozen=True)
class Check:
    """One check of a rule module: a function of a pair that reports the rules it names.

    The engine runs it only when one of ``reports`` is selected (so an unselected rule costs
    nothing). A page whose front matter cannot be read is a parse-error: no check sees it."""

    run: Callable[[Comparison], None]
    reports: tuple[Rule, ...]

    @property
    def description(self) -> str:
        """How an internal error names the check: "the blocks check (bullet-count, …)"."""
        what = self.run.__name__.replace("check_", "").replace("_", " ")
        return f"the {what} check ({', '.join(r.name for r in self.reports)})"
