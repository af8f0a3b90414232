"""The comparison of one pair: both documents, their alignment, and how findings are made.

Rules (in ``transcheck.rules``) read a :class:`Comparison` and call
:meth:`Comparison.report`; severity overrides, rule selection and suppression
are applied afterwards by the engine, never inside rules. What several rules need is
computed once, when first asked for: the alignment here, other facts through
:meth:`Comparison.fact`. Rules never tell each other anything else, so the order of the
checks has no meaning.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any, Callable, TypeVar

from msgspec import Struct, field

from transcheck.align.alignment import SectionAlignment, SectionInfo, align_blocks, align_sections, block_text, block_tokens
from transcheck.findings import Finding, Location, Rule, Severity
from transcheck.pair.settings import Settings
from transcheck.scripts import weight
from transcheck.document.model import Block, BlockQuote, CodeBlock, Document, ListBlock, ListItem, Paragraph, Shortcode, TableBlock, last_line, walk_nodes

T = TypeVar("T")


class Side(Struct):
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


class BlockPair(Struct):
    """Two aligned blocks (one may be None) and where they stand."""

    a: Block | None
    b: Block | None
    section_a: SectionInfo
    section_b: SectionInfo
    anchor_a: int  # line in A where a block missing from A belongs
    anchor_b: int


class Comparison(Struct, dict=True):  # dict: room for its cached properties
    a: Side
    b: Side
    settings: "Settings"
    findings: list[Finding] = field(default_factory=list)  # what the checks reported, in order
    _facts: dict[Callable[..., Any], Any] = field(default_factory=dict)

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
        for before, pair in zip(self.block_pairs, self.block_pairs[1:]):
            block = pair.a if pair.a is not None else pair.b
            if isinstance(block, ListBlock) and id(block) not in found and (pair.a is None or pair.b is None):
                sentence = _sentence_holding(block, before, list_in_a=pair.a is not None)
                if sentence is not None:
                    found[id(block)] = sentence
        return found

    def same_content(self, pair: BlockPair) -> bool:
        """Does the stand-in hold most of the block's names, numbers and links (three at
        least)? Then the content is there in another form for sure: nothing to act on."""
        block = pair.a if pair.a is not None else pair.b
        instead = self.stand_in(pair)
        if block is None or instead is None:
            return False
        if keyed_alike(block, instead):
            return True
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
        return (_unmatched(self.block_pairs) | _notes_of_lonely_sections(self.sections.a, self.sections.only_a)
                | _notes_of_lonely_sections(self.sections.b, self.sections.only_b))

    @cached_property
    def _held_sections(self) -> tuple[dict[int, list[SectionInfo]], dict[int, list[SectionInfo]]]:
        # on a rewritten page the sections before the first aligned one are no introduction
        intro = not self.sections.rewritten
        return (_held_by_aligned_parent(self.sections.a, self.sections.only_a, intro),
                _held_by_aligned_parent(self.sections.b, self.sections.only_b, intro))

    @cached_property
    def _held(self) -> tuple[dict[int, list[Block]], dict[int, list[Block]]]:
        return ({host: [b for info in infos for b in info.blocks] for host, infos in self._held_sections[0].items()},
                {host: [b for info in infos for b in info.blocks] for host, infos in self._held_sections[1].items()})

    @cached_property
    def _held_matched(self) -> set[int]:
        extras = {id(block) for held in self._held for blocks in held.values() for block in blocks}
        return {id(x) for pair in self.block_pairs for x in (pair.a, pair.b) if x is not None and id(x) in extras}

    def held_blocks(self, info: SectionInfo, in_a: bool) -> list[Block]:
        """Blocks of ``info``'s sub-sections without counterpart that found their counterpart
        in the section aligned with ``info`` (a sub-heading added over them): compared
        there, so their values and links are that section's too."""
        held = self._held[0 if in_a else 1].get(info.index, [])
        return [block for block in held if id(block) in self._held_matched]

    def sub_sections_without_counterpart(self, info: SectionInfo, in_a: bool) -> list[SectionInfo]:
        """``info``'s sub-sections (at any depth) that have no counterpart."""
        return self._held_sections[0 if in_a else 1].get(info.index, [])

    def held_share(self, info: SectionInfo) -> float:
        """How much of a section without counterpart found its counterpart in the section
        above it (0 to 1): of its lists, tables, code and shortcodes, the blocks that are
        paired there (its paragraphs are compared by the sentence rules)."""
        structured = [block for block in info.blocks if isinstance(block, _STRUCTURED)]
        if not structured:
            return 0.0
        return sum(id(block) in self._held_matched for block in structured) / len(structured)

    @cached_property
    def block_pairs(self) -> list[BlockPair]:
        """Aligned blocks of every aligned section pair, shortcode bodies and quotes included.

        A list, table, code block or shortcode left without counterpart in a section pair
        is then looked for among the other version's sub-sections that have no counterpart
        (a translation that added "### Support" over the support table keeps the table in
        the section the other version has it in)."""
        result: list[BlockPair] = []
        extra_a, extra_b = self._held
        for sa, sb in self.sections.pairs + self.sections.moved:
            pairs = self._aligned(sa.blocks, sb.blocks, sa, sb, sa.line, sb.line)
            if sa.index in extra_a or sb.index in extra_b:
                pairs = self._with_held(pairs, extra_a.get(sa.index, []), extra_b.get(sb.index, []), sa, sb)
            result.extend(pairs)
        return result

    def _aligned(self, blocks_a: list[Block], blocks_b: list[Block], sa: SectionInfo, sb: SectionInfo,
                 anchor_a: int, anchor_b: int) -> list[BlockPair]:
        result: list[BlockPair] = []
        work: list[tuple[list[Block], list[Block], int, int]] = [(blocks_a, blocks_b, anchor_a, anchor_b)]
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

    def _with_held(self, pairs: list[BlockPair], held_a: list[Block], held_b: list[Block],
                   sa: SectionInfo, sb: SectionInfo) -> list[BlockPair]:
        """``pairs`` with lonely structured blocks paired with the other side's held ones."""
        for lonely_is_a, held in ((True, held_b), (False, held_a)):
            candidates: list[Block] = [block for block in held if isinstance(block, _STRUCTURED)]
            lonely = [p for p in pairs if isinstance(p.a if lonely_is_a else p.b, _STRUCTURED) and (p.b if lonely_is_a else p.a) is None]
            if not candidates or not lonely:
                continue
            mine: list[Block] = [block for p in lonely if (block := p.a if lonely_is_a else p.b) is not None]
            found: dict[int, Block] = {}
            for x, y in align_blocks(mine, candidates) if lonely_is_a else [(y, x) for x, y in align_blocks(candidates, mine)]:
                if x is not None and y is not None and type(x) is type(y):
                    found[id(x)] = y
            if not found:
                continue
            lonely_ids = {id(p) for p in lonely}
            replaced: list[BlockPair] = []
            for p in pairs:
                block = p.a if lonely_is_a else p.b
                if id(p) not in lonely_ids or block is None or id(block) not in found:
                    replaced.append(p)
                    continue
                other = found[id(block)]
                a, b = (block, other) if lonely_is_a else (other, block)
                replaced.extend(self._aligned([a], [b], sa, sb, p.anchor_a, p.anchor_b))
            pairs = replaced
        return pairs


_STRUCTURED = (ListBlock, TableBlock, CodeBlock, Shortcode)


def _held_by_aligned_parent(infos: list[SectionInfo], only: list[SectionInfo], intro: bool = True) -> dict[int, list[SectionInfo]]:
    """The blocks of sub-sections without counterpart, by the nearest aligned section above
    them: a translation that adds a sub-heading ("### Support" over the support table)
    keeps the table in the section the other version has it in, and it is compared there."""
    missing = {info.index for info in only}
    # top-level sections before the first aligned one belong to the text before the first
    # heading: a translation that put its introduction under "## Introduction"
    first_aligned = next((info.index for info in infos[1:] if info.parent is None and info.index not in missing), len(infos))
    held: dict[int, list[SectionInfo]] = {}
    for info in only:
        host = info.parent
        while host is not None and host in missing:
            host = infos[host].parent
        if intro and host is None and info.index < first_aligned and info.index != 0:
            host = 0
        if host is not None:
            held.setdefault(host, []).append(info)
    return held


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
        if keyed_alike(block, candidate):
            return candidate  # the same things named item by item and row by row
        ratio = len(block_text(candidate)) / max(1, size)
        if not 0.4 <= ratio <= 2.5:
            continue
        # names, numbers and links the block has must be there too, if it has some
        if len(wanted) >= 2 and len(wanted & block_tokens(candidate).strong) < 0.3 * len(wanted):
            continue
        if best is None or candidate.line < best.line:
            best = candidate
    return best


def _sentence_holding(block: ListBlock, before: BlockPair, list_in_a: bool) -> Paragraph | None:
    """The other version's paragraph paired with the paragraph just before ``block`` (a
    list without counterpart) when it weighs about as much as that paragraph and the list
    together, and clearly more than the paragraph alone: "These detectors may find: - the
    process - the system" there, one sentence that names them all here."""
    lead, other = (before.a, before.b) if list_in_a else (before.b, before.a)
    if not (isinstance(lead, Paragraph) and isinstance(other, Paragraph)):
        return None
    own, theirs, items = weight(lead.text), weight(other.text), weight(block_text(block))
    if theirs < 1.3 * own or not 0.6 <= (own + items) / max(1, theirs) <= 1.6:
        return None
    return other


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


_KEY_END = re.compile(r"\s+[-–—]\s+|:\s")


def _item_key(text: str) -> str:
    """The term an item of a list of definitions starts with ("TrainMessage - Meddelanden
    om tåg" → "trainmessage"), folded; the whole text when it names no term."""
    cut = _KEY_END.search(text)
    key = text[:cut.start()] if cut is not None and cut.start() <= 60 else text
    return " ".join(key.split()).casefold()


def keyed_alike(block: Block, other: Block) -> bool:
    """A list and a table that name the same three or more things, one per item and one per
    row ("- **TrainMessage** - Tågtrafikmeddelande" and "| TrainMessage | Messages … |"): the
    same content in another form, whatever the descriptions say."""
    listed, table = (block, other) if isinstance(block, ListBlock) else (other, block)
    if not isinstance(listed, ListBlock) or not isinstance(table, TableBlock):
        return False
    keys = [_item_key(item.text) for item in listed.items]
    names = [" ".join(row[0].split()).casefold() for row in table.rows if row]
    if len(keys) < 3 or len(keys) != len(names) or len(set(keys)) != len(keys):
        return False
    return len(set(keys) & set(names)) >= 0.8 * len(keys)


def table_as_text(block: Block) -> bool:
    """A paragraph that is a table whose rows ran together: it will not render as one."""
    return isinstance(block, Paragraph) and block.text.count("|") >= 6


FOOTNOTE_DEFINITIONS = re.compile(r"(?m)^\[\^([^\]\s]+)\]:")  # "[^1]: …" at a line's start
_FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")


def _notes_of_lonely_sections(infos: list[SectionInfo], lonely: list[SectionInfo]) -> set[int]:
    """ids of the footnote definitions ("[^21]: Datainspektionen DI-2019-841, 15 mars 2019.")
    whose references all stand in sections without counterpart: the section is reported as
    missing, and the sources only it cites are part of it, not more findings in "Sources"."""
    if not lonely:
        return set()
    without = {info.index for info in lonely}
    definitions: list[tuple[int, list[str]]] = []
    cited_in: dict[str, set[int]] = {}
    for info in infos:
        for node in walk_nodes(list(info.blocks)):
            if not isinstance(node, (Paragraph, ListItem)) or "[^" not in node.text:
                continue
            text = node.text
            labels = FOOTNOTE_DEFINITIONS.findall(text) if isinstance(node, Paragraph) and text.startswith("[^") else []
            if labels:
                definitions.append((id(node), labels))
            for reference in _FOOTNOTE_REFERENCE.finditer(text):
                cited_in.setdefault(reference.group(1), set()).add(info.index)
    return {node for node, labels in definitions
            if all(cited_in.get(label) and cited_in[label] <= without for label in labels)}


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


class Check(Struct, frozen=True):
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
