"""Structure rules: sections, headings, lists, paragraphs, tables, code."""

from __future__ import annotations

import re
from collections import Counter
from transcheck.textdiff import SequenceMatcher
from functools import lru_cache
from typing import Callable, Iterable

from transcheck.lazyre import lazy_compile
from transcheck.document.memo import ByIdentity
from transcheck.align.neutral import Tokens, similarity, tokens_of
from transcheck.align.sentences import stems
from transcheck.align.alignment import EXACT_CELLS, SectionInfo, align_items, align_sequences, paired_by_content, siblings, sorted_titles, block_text, bounded_ratio, section_similarity
from transcheck.findings import Example, Rule, Severity
from transcheck.languages.tags import family
from transcheck.pair.comparison import FOOTNOTE_DEFINITIONS, BlockPair, Check, Comparison, Side, form_of, table_as_text
from transcheck.document.model import Block, CodeBlock, Inline, ListBlock, ListItem, Paragraph, Shortcode, TableBlock, ThematicBreak, last_line, walk_nodes
from transcheck.document.table_rows import keys_shared, row_keys, row_starts, unmatched_keys
from transcheck.document.table_text import TableBreak, table_break
from transcheck.rules.values import section_targets
from transcheck.rules.code_names import in_own_language, page_words, reads_as_translated, renamed_into_own_words, renamed_names
from transcheck.scripts import WIDE, weight
from transcheck.wording import contrast, clip, in_section, line_range, listed, named, plural, quote, section_phrase

# --- the rules of this module: code, name, default severity, summary, documentation ---

MISSING_SECTION = Rule("TC101", "missing-section", Severity.ERROR, "A section of one version has no counterpart in the other.",
         "Reported in the file that lacks the section, at the place where it belongs, with the "
         "section's title, level and line in the other file. Sections are aligned by structure "
         "and language-neutral content (ids, numbers, links, code, names), never by translated "
         "heading text, so one missing section gives exactly one finding. A heading whose content "
         "stands in the other version anyway (one section there holds all its names, numbers, links "
         "and code, or its parent there holds its text without sub-headings, or the section above "
         "there holds most of its paragraphs) is a warning: the section was restructured, not lost. "
         "A section whose links all lead to this same page in other languages (a country or "
         "language chooser; the site's page map and base URLs tell) is information. An empty "
         "heading (`# ` alone) starts no section. When the sections of the two versions do not "
         "correspond at all (one version written or rewritten on its own: most pairs would be "
         "held by place against the names, numbers and links their text holds), the page gets "
         "one finding that lists the sections of each side without counterpart, instead of a "
         "finding per section and findings that compare sections with nothing in common.",
    example=Example(
        "## Om tjänsten\n\nVi söker en utvecklare som vill bygga tjänster för kommuner och regioner.\n\n## Vi erbjuder\n\n- Flexibla arbetstider\n- Friskvårdsbidrag\n",
        "## About the job\n\nWe are looking for a developer who wants to build services for municipalities and regions.\n",
        "The Swedish page has a section \"Vi erbjuder\" (what we offer) that the English page lacks entirely.",
    ),
)

HEADING_LEVEL = Rule("TC102", "heading-level", Severity.WARNING, "Aligned headings have different levels (or one is a bold line).",
         "`## Pay` in one version and `### Lön` in the other, or a bold-only line used as a "
         "heading where the other version has a real heading. A subtree shifted as a whole is "
         "reported once, at its top; sections under a heading only one version has (`## Request` "
         "over `### URL`, where the other has `## URL`) are not, since missing-section reports "
         "that heading.",
    example=Example(
        "## Om tjänsten\n\nVi söker en utvecklare som vill bygga tjänster för kommuner och regioner.\n\n## Vi erbjuder\n\n- Flexibla arbetstider\n- Friskvårdsbidrag\n",
        "## About the job\n\nWe are looking for a developer who wants to build services for municipalities and regions.\n\n### We offer\n\n- Flexible working hours\n- Wellness allowance\n",
        "\"We offer\" is a level-3 heading in English but a level-2 heading (\"Vi erbjuder\") in Swedish.",
    ),
)

SECTION_ORDER = Rule("TC103", "section-order", Severity.WARNING, "Aligned sections stand in a different order.",
         "The section exists in both versions but was moved: reported once, on the moved section. "
         "Entries that each version sorts by its own words (a glossary in alphabetical order, "
         "paired by their {#id} anchors) are in no order to compare.",
    example=Example(
        "## Om tjänsten\n\nVi söker en utvecklare som vill bygga tjänster för kommuner och regioner.\n\n## Vi erbjuder\n\n- Flexibla arbetstider\n- Friskvårdsbidrag\n",
        "## We offer\n\n- Flexible working hours\n- Wellness allowance\n\n## About the job\n\nWe are looking for a developer who wants to build services for municipalities and regions.\n",
        "The English page puts \"We offer\" before \"About the job\", the Swedish page after it.",
    ),
)

BULLET_COUNT = Rule("TC104", "bullet-count", Severity.ERROR, "Aligned lists have a different number of items.",
         "Compares the items of aligned lists, nested lists too, and names the item that has no "
         "counterpart where it can be told. A list present in one version and absent in the "
         "aligned section of the other is reported too; where the other version has text of about "
         "the same size without counterpart in that place (the list written as prose, a table, a "
         "card grid) it is a warning that names it. An extra item that is a few lower-case words "
         "going on from the item before it (a sentence broken over items, `- with OpenTelemetry`), "
         "whose names the counterpart of that item holds, is information; so is a first item the "
         "other version says at the end of the sentence before its list. A numbered list the other "
         "version writes as footnote definitions (`[^1]: …`) is information when the counts agree, "
         "else a warning with both counts.",
    example=Example(
        "## Vi erbjuder\n\n- Flexibla arbetstider\n- Friskvårdsbidrag\n- Tjänstepension\n",
        "## We offer\n\n- Flexible working hours\n- Wellness allowance\n",
        "The English list has two items, the Swedish three: the occupational pension was not translated.",
    ),
)

LIST_KIND = Rule("TC105", "list-kind", Severity.WARNING, "An ordered list in one version is a bullet list in the other.", "",
    example=Example(
        "## Så ansöker du\n\n1. Fyll i formuläret\n2. Bifoga ditt CV\n3. Skicka ansökan\n",
        "## How to apply\n\n- Fill in the form\n- Attach your CV\n- Send the application\n",
        "The Swedish application steps are a numbered list, the English ones a bullet list.",
    ),
)

PARAGRAPH_COUNT = Rule("TC106", "paragraph-count", Severity.INFO, "Aligned sections have a different number of paragraphs.",
         "Translators merge and split paragraphs, so this is information, not an error.",
    example=Example(
        "## Om tjänsten\n\nVi söker en utvecklare som vill bygga tjänster för kommuner och regioner.\n\nDu arbetar nära våra användare och deltar i hela utvecklingsprocessen.\n",
        "## About the job\n\nWe are looking for a developer who wants to build services for municipalities and regions. You work closely with our users and take part in the whole development process.\n",
        "The Swedish section has two paragraphs, the English one merges them into one.",
    ),
)

TABLE_SHAPE = Rule("TC107", "table-shape", Severity.ERROR, "Aligned tables have different numbers of rows or columns.",
         "Tables are read as GFM and Hugo render them (a row with extra cells keeps the table). A "
         "row whose first cell is empty continues the row above (a long cell wrapped onto a row of "
         "its own), so it is counted with it. Where both tables name their rows alike in the first "
         "column (codes, names, settings), the message names the rows one version lacks. A "
         "table without counterpart is a warning where the other version writes it as a list or "
         "prose (information where a list names the same things, one per item, as the table's "
         "rows), and an error that says so where its rows ran together into a paragraph that does "
         "not render as a table, where its header row and the row of dashes under it have "
         "different numbers of cells (reported at the row of dashes, with both counts; fewer header "
         "cells are a table with blank header cells in Hugo and none on GitHub), or where "
         "a reflowed table's lines broke into headings of its markup (\"## |\", which are then "
         "no sections).",
    example=Example(
        "## Förmåner\n\n| Förmån | Ingår |\n|---|---|\n| Friskvårdsbidrag | Ja |\n| Tjänstepension | Ja |\n",
        "## Benefits\n\n| Benefit | Included |\n|---|---|\n| Wellness allowance | Yes |\n",
        "The Swedish benefits table has a row for the occupational pension that the English table lacks.",
    ),
)

CODE_MISMATCH = Rule("TC108", "code-mismatch", Severity.WARNING, "Code blocks or inline code differ between aligned places.",
         "Code is not translated: a fenced block or an inline `code` span must be the same in both "
         "versions. Whitespace at line ends, blank lines and common indentation are ignored, and so are comments "
         "(in shell, YAML, Python and the like a line starting `#` is one even without a space: "
         "`#To support …`) and placeholders a reader replaces, which translators translate (`<my_new_branch>` = "
         "`<min_nya_gren>`, `{verb}` = `{verbo}`, `?key=[key]` = `?key=[nyckel]`; an HTML tag the "
         "code closes is code). An example path in each version's own language folder "
         "(`content/en/docs/page.md` = `content/sv/docs/page.md`, `/ja/docs/` = `/zh/docs/` in "
         "inline code) is the same path. An inline span the other version writes as plain or "
         "quoted text is information; spans only one version has that are words, as many on each "
         "side, and on one side in letters beyond ASCII (`Metadata` = `元数据`, `hello` = `olá`) "
         "are a term translated, not code. Example names a translation writes in its own words in "
         "its code and its text (`'instrumentation-scope-name'` = `'nome-do-escopo-de-instrumentacao'`: "
         "none of their words in the other version) make a block's difference information, and the "
         "spans that name them the same spans. Diagrams (mermaid, PlantUML, dot) are compared by "
         "nodes and edges: their labels, text on links and titles are translated. Comments over "
         "several lines (`/* … */`, `<!-- … -->`), YAML values that are sentences, and text "
         "between HTML tags are for the reader; code that differs only in them, or only in line "
         "breaks and spacing (a long value wrapped onto the next line), is information. So is an "
         "example whose names and strings are all renamed the same way throughout into the "
         "page's own words (`def do_work()` … `do_work()` = `def fazer_trabalho()` … "
         "`fazer_trabalho()`): such blocks are paired, and spans written with the renamed names "
         "are the same spans. A span changed only in spacing, a sign after it, a plural ending "
         "(`Deployments` = `Deployment`) or words around the code (`adding spec.image` = "
         "`spec.image`) is information; case counts. A block that differs only by a line written twice in a row is "
         "reported in the version that repeats it.",
    example=Example(
        "## Installera\n\nInstallera klienten med följande kommando:\n\n```bash\npip install kommunapi\n```\n",
        "## Install\n\nInstall the client with the following command:\n\n```bash\npip install kommun-api\n```\n",
        "The install command differs: the Swedish code block says `kommunapi`, the English `kommun-api`.",
    ),
)

RULES: tuple[Rule, ...] = (MISSING_SECTION, HEADING_LEVEL, SECTION_ORDER, BULLET_COUNT, LIST_KIND, PARAGRAPH_COUNT, TABLE_SHAPE, CODE_MISMATCH,)


def _quote_or(text: str, width: int, empty: str) -> str:
    """The text quoted, or words for what an empty quote would hide (``""`` reads as a slip)."""
    return quote(text, width) if text.strip() else empty


def _lines_shown(here: str, there: str) -> str:
    """Two differing lines of code, shown where they part when both are long."""
    if here.strip() and there.strip():
        shown_here, shown_there = contrast(here, there, 50)
        return f"{shown_here} here, {shown_there} there"
    return f"{_quote_or(here, 50, 'an empty line')} here, {_quote_or(there, 50, 'an empty line')} there"


def _heading_words(info: SectionInfo) -> str:
    if info.style == "bold":
        return "a bold line"
    return f"a level-{info.level} heading"


def check_sections(c: Comparison) -> None:
    alignment = c.sections
    partner_a = alignment.partner_of_a()
    partner_b = alignment.partner_of_b()
    if alignment.rewritten:
        _rewritten_page(c)
    else:
        _missing(c, c.b, alignment.only_a, alignment.a, partner_a, c.a)
        _missing(c, c.a, alignment.only_b, alignment.b, partner_b, c.b)
    for sa, sb in alignment.pairs + alignment.moved:
        if sa.section is None:
            continue
        _heading_level(c, sa, sb, partner_a, partner_b)
    moved = {(x.index, y.index) for x, y in alignment.moved}
    for sa, sb in alignment.moved:
        if sorted_titles(siblings(alignment.a, sa)) and sorted_titles(siblings(alignment.b, sb)):
            continue  # each version sorts its entries by its own words: another order, no move
        if sa.parent is not None and partner_a.get(sa.parent) is not None:
            parent_b = partner_a[sa.parent]
            if (sa.parent, parent_b.index) in moved and sb.parent == parent_b.index:
                continue  # it moved with its parent, which is reported
        c.report(
            SECTION_ORDER,
            c.a,
            sa.line,
            f"{section_phrase(sa, 60)} stands in another place than its counterpart "
            f"{named(sb.title)} ({c.b.name}:{sb.line})",
            [(c.b, sb.line)],
            key=f"{sa.title}|{sb.title}",
        )


def _rewritten_page(c: Comparison) -> None:
    """One finding for a page whose versions' sections do not correspond: the sections of
    each side without counterpart (their sub-sections go with them), on the first of this side's."""
    alignment = c.sections
    here, there = _outermost(alignment.only_a), _outermost(alignment.only_b)
    headings_a, headings_b = len(alignment.a) - 1, len(alignment.b) - 1
    line = here[0].line if here else (alignment.a[1].line if headings_a else c.a.doc.body_start_line)
    related = there[0].line if there else (alignment.b[1].line if headings_b else c.b.doc.body_start_line)
    if headings_a and headings_b:
        why = (f"{headings_a} headings here, {headings_b} there, "
               f"and sections in the same places share almost none of their names, numbers or links")
    else:  # one version has no heading: another page under the same name (an old one never replaced)
        why = (f"{headings_a or 'no'} headings here, {headings_b or 'none'} there, "
               f"and the texts before the first heading share almost none of their names, numbers or links")
    message = (f"the sections here and in {c.b.name} do not correspond ({why}): one version was "
               f"written or rewritten on its own, "
               f"so the page is not compared section by section; compare the two as a whole. "
               f"Without counterpart there: {_titles_listed(here)}; without counterpart here: {_titles_listed(there)}")
    c.report(MISSING_SECTION, c.a, line, message, [(c.b, related)], key="rewritten")


def _outermost(only: list[SectionInfo]) -> list[SectionInfo]:
    """The sections of ``only`` whose parent is not in it too."""
    indexes = {info.index for info in only}
    return [info for info in only if info.parent not in indexes]


def _titles_listed(infos: list[SectionInfo], most: int = 4) -> str:
    return listed([f"{named(info.title, 40) if info.section is not None else 'the text before the first heading'} (line {info.line})"
                   for info in infos], most) if infos else "none"


def _missing(
    c: Comparison,
    lacking: Side,
    only: list[SectionInfo],
    having_all: list[SectionInfo],
    partner: dict[int, SectionInfo],
    having: Side,
) -> None:
    missing_indexes = {info.index for info in only}
    lacking_doc_end = lacking.doc.line_count
    following = _next_partners(having_all, partner) if only else []
    preceding = _previous_partners(having_all, partner) if only else []
    lacking_infos = c.sections.a if lacking is c.a else c.sections.b
    children = _children_of(having_all) if only else {}
    heading_only = {info.index for info in only if _only_a_heading(info, children.get(info.index, []), partner)}
    # the first top-level section with a counterpart (no top-level section before it is aligned)
    first_top_aligned = next((x.index for x in having_all[1:] if x.parent is None and x.index in partner), len(having_all))
    having_length = sum(x.length for x in having_all)
    subtree = _subtree_lengths(having_all) if only else {}
    held_text = _by_parent(lambda info: _parent_holding_text(info, missing_indexes, children, subtree, having_all, partner))
    for info in only:
        if info.parent is not None and info.parent in missing_indexes and info.parent not in heading_only:
            continue  # its parent is reported; the sub-sections go with it
        # it belongs before the counterpart of the next aligned section
        before, after = following[info.index], preceding[info.index]
        anchor = before.line if before is not None else lacking_doc_end
        where = f"; it belongs before {named(before.title, 40)}" if before is not None else "; it belongs at the end"
        if after is not None and before is not None and before.line < after.line:
            # the sections around it stand in another order here: it follows what it follows there
            anchor, where = min(after.end_line + 1, lacking_doc_end), f"; it belongs after {named(after.title, 40)}"
        what = f"{named(info.title)} ({having.name}:{info.line}, {_heading_words(info)})"
        chooser = _language_chooser(c, having, info)
        holder = None if info.index in heading_only or chooser else (
            _holder_of_content(info, lacking_infos) or held_text(info)
            or _headingless_text(info, lacking_infos, having_length)
            or _host_holding_blocks(c, info, having_all, partner, missing_indexes, first_top_aligned))
        if info.index in heading_only:
            # a heading over nothing of its own whose sub-sections have counterparts ("## Request"
            # over "### Parameters"): the outline differs, the content does not
            line, message = anchor, f"{what} has no heading here; it has no text of its own, and the sections under it are compared on their own{where}"
        elif holder is not None:
            # the heading is missing, not what it holds: restructured (merged into another
            # section, or a heading level dropped), worth a look but no failed build
            line = holder.line
            message = (f"{what} has no heading here, but what it holds stands in "
                       f"{named(holder.title or 'the text before the first heading', 40)} (line {holder.line})"
                       + ("; a heading below the table of contents" if _minor_heading(info) else ""))
        elif chooser:
            line, message = anchor, (f"{what} has no counterpart here; its links lead to this page in other "
                                     f"languages (a language chooser, which a translation need not repeat){where}")
        else:
            line, message = anchor, f"{what} has no counterpart here{where}"
        c.report(
            MISSING_SECTION,
            lacking,
            line,
            message,
            [(having, info.line)],
            key=f"{having.language}|{info.title}",
            severity=Severity.INFO if chooser or (holder is not None and _minor_heading(info))
            else Severity.WARNING if info.index in heading_only or holder is not None else None,
        )


MINOR_LEVEL = 4  # Hugo's table of contents lists levels 2 and 3 by default (markup.tableOfContents)


def _minor_heading(info: SectionInfo) -> bool:
    """A heading below the table of contents ("#### Url" over a link): when only it is
    missing, not its text, a reader misses nothing to find their way by."""
    return info.style != "bold" and info.level >= MINOR_LEVEL


def _language_chooser(c: Comparison, having: Side, info: SectionInfo) -> bool:
    """Do two links or more lead out of ``info`` to this very page in other languages (flags
    to the .dk, .no and .se sites), and none anywhere else? The site's page map tells; a
    link to a base URL of the site whose page is not at hand (a language not checked out)
    counts as neither."""
    pages = c.settings.page_map
    if pages is None:
        return False
    own = pages.group_of(having.path)
    targets = [t.url.strip() for t in section_targets(info, set()) if not t.image and not t.url.startswith("#")]
    groups = [pages.resolve(url, having.path) for url in targets]
    unknown_but_ours = [url for url, group in zip(targets, groups) if group is None
                        and pages.on_base_url(url)]
    return (own is not None and sum(group == own for group in groups) >= 2
            and all(group == own for group in groups if group is not None)
            and sum(group is None for group in groups) == len(unknown_but_ours))


def _host_holding_blocks(
    c: Comparison, info: SectionInfo, having_all: list[SectionInfo], partner: dict[int, SectionInfo], missing: set[int],
    first_top_aligned: int,
) -> SectionInfo | None:
    """The counterpart of the section above ``info`` when most of ``info``'s blocks found
    their counterparts there, or most of its paragraphs say what paragraphs there say: a
    sub-heading added over content both versions have."""
    host = info.parent
    while host is not None and host in missing:
        host = having_all[host].parent
    # held at all, a top-level section was held by the text before the first heading
    holder = partner.get(host if host is not None else 0)
    if holder is None or c.held_share(info) >= 0.5:
        return holder
    if host is None and first_top_aligned < info.index:
        return None  # a top-level section after aligned ones is no part of the introduction
    return holder if _paragraphs_stand_in(c, info, holder) else None


def _lonely_paragraph_tokens(c: Comparison) -> dict[int, list[Tokens]]:
    """Tokens of the paragraphs without counterpart, by (the id of) their section."""
    found: dict[int, list[Tokens]] = {}
    for pair in c.block_pairs:
        block, section = (pair.a, pair.section_a) if pair.b is None else (pair.b, pair.section_b)
        if (pair.a is None or pair.b is None) and isinstance(block, Paragraph):
            found.setdefault(id(section), []).append(tokens_of(block.text))
    return found


def _paragraphs_stand_in(c: Comparison, info: SectionInfo, holder: SectionInfo) -> bool:
    """Do most paragraphs of ``info`` (those with three names, numbers or links at least)
    have a paragraph without counterpart in ``holder`` that shares most of them? Moved
    under a heading of their own, they left paragraphs without partner where they were."""
    mine = [tokens for block in info.blocks if isinstance(block, Paragraph)
            if len((tokens := tokens_of(block.text)).strong) >= 3]
    if not mine:
        return False
    theirs = c.fact(_lonely_paragraph_tokens).get(id(holder), [])
    said = sum(any((similarity(tokens, other) or 0.0) >= 0.5 for other in theirs) for tokens in mine)
    return 2 * said > len(mine)


def _children_of(infos: list[SectionInfo]) -> dict[int, list[SectionInfo]]:
    """The sub-sections of each section, in order (one pass, not a scan per section)."""
    children: dict[int, list[SectionInfo]] = {}
    for info in infos:
        if info.parent is not None:
            children.setdefault(info.parent, []).append(info)
    return children


def _only_a_heading(info: SectionInfo, children: list[SectionInfo], partner: dict[int, SectionInfo]) -> bool:
    """A section with no text of its own (a title over sub-sections), at least one of
    whose sub-sections has a counterpart: only the outline differs there (sub-sections
    without counterpart are reported on their own)."""
    if any(not isinstance(b, Shortcode) or b.body is not None for b in info.blocks):
        return False  # text, lists, tables or a container of its own: more than a heading
    # a sub-section paired only for want of a better partner proves nothing
    return any(x.index in partner and section_similarity(x, partner[x.index]) >= 0.5 for x in children)


def _headingless_text(info: SectionInfo, lacking_infos: list[SectionInfo], having_length: int) -> SectionInfo | None:
    """The other version has no headings at all, and about as much text as this one
    (``having_length``, all of this version's): its text holds what this section says,
    without the outline."""
    if len(lacking_infos) != 1:
        return None
    text = lacking_infos[0]
    here, there = text.length, having_length
    if not there or not 0.6 <= here / there <= 1.6:
        return None
    # names, numbers, links and code of the section must be there too
    wanted = info.tokens.strong
    if len(wanted) < 2 or len(wanted & (text.tokens.strong | text.tokens.weak)) < 0.7 * len(wanted):
        return None  # no evidence, or evidence against
    return text


def _holder_of_content(info: SectionInfo, others: list[SectionInfo]) -> SectionInfo | None:
    """The one section of the other version that holds every language-neutral token of
    ``info`` (names, numbers, links, code; at least three): the content is there."""
    wanted = info.tokens.strong
    if len(wanted) < 3:
        return None
    return next((other for other in others if wanted <= other.tokens.strong), None)


def _by_parent(find: Callable[[SectionInfo], SectionInfo | None]) -> Callable[[SectionInfo], SectionInfo | None]:
    """``find``, whose answer depends only on the section's parent, asked once per parent:
    each answer weighs the whole page."""
    known: dict[int | None, SectionInfo | None] = {}

    def ask(info: SectionInfo) -> SectionInfo | None:
        if info.parent not in known:
            known[info.parent] = find(info)
        return known[info.parent]

    return ask


def _subtree_lengths(infos: list[SectionInfo]) -> dict[int, int]:
    """The length of each section with all its sub-sections."""
    subtree: dict[int, int] = {}
    for x in reversed(infos):  # children come after their parent: one sweep from the end
        subtree[x.index] = subtree.get(x.index, 0) + x.length
        if x.parent is not None:
            subtree[x.parent] = subtree.get(x.parent, 0) + subtree[x.index]
    return subtree


def _parent_holding_text(
    info: SectionInfo, missing: set[int], children: dict[int, list[SectionInfo]], subtree: dict[int, int],
    having_all: list[SectionInfo], partner: dict[int, SectionInfo],
) -> SectionInfo | None:
    """The counterpart of ``info``'s parent when its text is about as long as the parent's
    and every missing sub-section's text together, and far from the parent's alone: the
    sub-sections' text stands there without their headings (a timeline, a list, prose)."""
    if info.parent is None:
        return None  # the text before the first heading holds too many things to weigh
    parent = info.parent
    holder = partner.get(parent)
    if holder is None:
        return None
    gone_sections = [x for x in children.get(parent, []) if x.index in missing]
    gone = sum(subtree[x.index] for x in gone_sections)
    own = having_all[parent].length
    here = holder.length
    if gone < 0.3 * own or gone < 40:
        return None  # too little text gone to tell from the ordinary length of a translation
    if abs(here - (own + gone)) >= abs(here - own):
        return None
    # names, numbers and links of the missing text must be there too, where it has any
    wanted: set[str] = set()
    for x in gone_sections:
        # the title's Title Case words are words of its language, no names to look for
        title_case = tokens_of(x.title).strong - tokens_of(x.title, heading=True).strong
        wanted |= x.tokens.strong - title_case
    if len(wanted) >= 2 and len(wanted & (holder.tokens.strong | holder.tokens.weak)) < 0.7 * len(wanted):
        return None
    return holder


def _previous_partners(infos: list[SectionInfo], partner: dict[int, SectionInfo]) -> list[SectionInfo | None]:
    """For each section, the counterpart of the last aligned section (with a heading) before it."""
    previous: list[SectionInfo | None] = [None] * len(infos)
    current: SectionInfo | None = None
    for info in infos:
        previous[info.index] = current
        if info.index in partner and info.section is not None:
            current = partner[info.index]
    return previous


def _next_partners(infos: list[SectionInfo], partner: dict[int, SectionInfo]) -> list[SectionInfo | None]:
    """For each section, the counterpart of the first aligned section after it (one sweep
    from the end, not a search per missing section)."""
    following: list[SectionInfo | None] = [None] * len(infos)
    current: SectionInfo | None = None
    for info in reversed(infos):
        following[info.index] = current
        if info.index in partner:
            current = partner[info.index]
    return following


def _nearest_aligned(infos: list[SectionInfo], info: SectionInfo, partner: dict[int, SectionInfo]) -> tuple[int | None, int]:
    """The nearest ancestor of ``info`` with a counterpart (None: the page) and how many
    ancestors without one stand between them (headings only this version has)."""
    wrappers = 0
    parent = info.parent
    while parent is not None and parent not in partner:
        wrappers += 1
        parent = infos[parent].parent
    return parent, wrappers


def _wrapped(c: Comparison, sa: SectionInfo, sb: SectionInfo, delta: int,
             partner_a: dict[int, SectionInfo], partner_b: dict[int, SectionInfo]) -> bool:
    """Is the level difference the work of a heading only the deeper version has around the
    section ("## Guides" over "### Install" where the other has "## Install")? missing-section
    reports that heading; each section under it is not a change of its own."""
    above_a, wrappers_a = _nearest_aligned(c.sections.a, sa, partner_a)
    above_b, wrappers_b = _nearest_aligned(c.sections.b, sb, partner_b)
    same_place = (above_a is None and above_b is None) or (
        above_a is not None and above_b is not None and partner_a[above_a].index == above_b)
    return same_place and wrappers_a != wrappers_b and (wrappers_a > wrappers_b) == (delta > 0)


def _heading_level(c: Comparison, sa: SectionInfo, sb: SectionInfo, partner_a: dict[int, SectionInfo],
                   partner_b: dict[int, SectionInfo]) -> None:
    if sa.style == "bold" and sb.style == "bold":
        return
    if (sa.style == "bold") != (sb.style == "bold"):
        c.report(
            HEADING_LEVEL,
            c.a,
            sa.line,
            f"{named(sa.title)} is {_heading_words(sa)} here but {_heading_words(sb)} in "
            f"{c.b.name}:{sb.line} ({named(sb.title, 40)})",
            [(c.b, sb.line)],
            key=f"{sa.title}|{sb.title}",
        )
        return
    delta = sa.level - sb.level
    if delta == 0:
        return
    # a whole subtree shifted by the same amount is one change, reported at its top
    if sa.parent is not None:
        parent_b = partner_a.get(sa.parent)
        parent_a = c.sections.a[sa.parent]
        if parent_b is not None and parent_a.style != "bold" and parent_b.style != "bold":
            if parent_a.level - parent_b.level == delta:
                return
    if _wrapped(c, sa, sb, delta, partner_a, partner_b):
        return
    c.report(
        HEADING_LEVEL,
        c.a,
        sa.line,
        f"{named(sa.title)} is a level-{sa.level} heading here but level {sb.level} in "
        f"{c.b.name}:{sb.line} ({named(sb.title, 40)})",
        [(c.b, sb.line)],
        key=f"{sa.title}|{sa.level}|{sb.level}",
    )


# --- blocks ----------------------------------------------------------------------


def check_blocks(c: Comparison) -> None:
    splits = _split_lists(c.block_pairs)
    fragments = {id(part) for parts in splits.values() for part in parts}
    for index, pair in enumerate(c.block_pairs):
        a, b = pair.a, pair.b
        if isinstance(a, ListBlock) and isinstance(b, ListBlock):
            short = a if len(a.items) < len(b.items) else b
            if id(short) in splits:
                _report_split(c, a, b, splits[id(short)])
            _compare_lists(c, a, b, count=id(short) not in splits, lead=c.block_pairs[index - 1] if index else None)
        elif isinstance(a, TableBlock) and isinstance(b, TableBlock):
            _compare_tables(c, a, b)
    for pair in c.block_pairs:
        if (pair.a is None or pair.b is None) and id(pair.a or pair.b) not in fragments:
            _unmatched_block(c, pair)
    _paragraph_counts(c)
    _code_blocks(c)
    _inline_code(c)


def _split_lists(pairs: list[BlockPair]) -> dict[int, list[ListBlock]]:
    """Lists that one version splits in two or more: a paired list with fewer items than
    its counterpart, next to lists without counterpart in its section, of the same kind,
    whose items make up the difference, with only text without counterpart between them.
    Text at the left margin between the items of one list ends it (a note, a code block
    not indented, a stray word); the content is all there, the list is not one list.
    Keyed by the id of the shorter paired list."""
    splits: dict[int, list[ListBlock]] = {}
    for index, pair in enumerate(pairs):
        a, b = pair.a, pair.b
        if not (isinstance(a, ListBlock) and isinstance(b, ListBlock)) or len(a.items) == len(b.items):
            continue
        on_a = len(a.items) < len(b.items)
        short, wanted = (a, len(b.items)) if on_a else (b, len(a.items))
        parts: list[ListBlock] = []
        after, before = range(index + 1, len(pairs)), range(index - 1, -1, -1)
        for neighbours in ((pairs[k] for k in after), (pairs[k] for k in before)):
            missing = wanted - len(short.items) - sum(len(part.items) for part in parts)
            parts += _fragments(neighbours, pair, on_a, missing)
        if parts and len(short.items) + sum(len(part.items) for part in parts) == wanted:
            splits[id(short)] = parts
    return splits


def _fragments(neighbours: Iterable[BlockPair], pair: BlockPair, on_a: bool, missing: int) -> list[ListBlock]:
    """Lists without counterpart among ``neighbours`` (walking away from ``pair``), in the
    section of its side ``on_a``, of its list's kind, until they hold ``missing`` items;
    stops at a block that has a counterpart or another kind of list."""
    section = pair.section_a if on_a else pair.section_b
    short = pair.a if on_a else pair.b
    assert isinstance(short, ListBlock)
    parts: list[ListBlock] = []
    for other in neighbours:
        if missing <= 0 or (other.section_a if on_a else other.section_b) is not section:
            break
        here, there = (other.a, other.b) if on_a else (other.b, other.a)
        if here is None:
            continue  # a block only the other version has
        if there is not None or (isinstance(here, ListBlock) and here.ordered != short.ordered):
            break
        if isinstance(here, ListBlock):
            parts.append(here)
            missing -= len(here.items)
    return parts if missing == 0 else []


def _report_split(c: Comparison, a: ListBlock, b: ListBlock, parts: list[ListBlock]) -> None:
    on_a = len(a.items) < len(b.items)
    lacking, having, short, whole = (c.a, c.b, a, b) if on_a else (c.b, c.a, b, a)
    lists = sorted([short, *parts], key=lambda block: block.line)
    lines = ", ".join(str(block.line) for block in lists)
    # "1." after a break starts the count again; "3." goes on from where it stopped
    restarted = [block.line for block, before in zip(lists[1:], lists) if block.start < before.start + len(before.items)]
    restart = f"; its numbering starts again at line {', '.join(map(str, restarted))}" if short.ordered and restarted else ""
    c.report(
        BULLET_COUNT,
        lacking,
        lists[1].line,  # where it starts again
        f"the list of {plural(len(whole.items), 'item')} in {having.name}:{whole.line} is split here into "
        f"{len(parts) + 1} lists (lines {lines}): text at the left margin between its items ends it{restart}",
        [(having, whole.line)],
        key=f"split|{len(whole.items)}|{_first(whole)}",
        severity=Severity.WARNING,
    )


def _broken_table_markup(section: SectionInfo) -> list[int]:
    """The lines of the headings made of table markup in ``section`` ("## |" where a reflowed
    table's line broke after "## "; the parser keeps them as markup, not sections)."""
    return [block.line for block in walk_nodes(list(section.blocks)) if isinstance(block, ThematicBreak) and block.table_markup]


def _table_break(side: Side, paragraph: Block) -> TableBreak | None:
    """Why ``paragraph`` on ``side``, written as a table, does not render as one."""
    lines = side.doc.text.split("\n")[paragraph.line - 1:last_line(paragraph)]
    return table_break(lines, paragraph.line)


def _unmatched_block(c: Comparison, pair: BlockPair) -> None:
    if pair.a is not None:
        block, having, lacking, anchor, section = pair.a, c.a, c.b, pair.anchor_b, pair.section_b
    else:
        assert pair.b is not None
        block, having, lacking, anchor, section = pair.b, c.b, c.a, pair.anchor_a, pair.section_a
    if not isinstance(block, (ListBlock, TableBlock)):
        return
    where = in_section(section)
    # the other version has unmatched text of about the same size in this place: the
    # content is rewritten in another form (or replaced) - worth a look, not a failed build
    instead = c.stand_in(pair)
    also, severity = "", None
    broken_at: TableBreak | None = None
    broken = _broken_table_markup(section) if isinstance(block, TableBlock) else []
    if broken:
        # "| Repositório | … |" then "## |" and "## | --- | --- |": a reflowed table, whose rows
        # Markdown reads as headings and a rule
        also = (f"; the table is broken here: {plural(len(broken), 'heading')} made of its cells' markup "
                f"({listed([f'line {line}' for line in broken], 3)}) stand where its rows should be")
        severity = Severity.ERROR
    elif isinstance(block, TableBlock) and instead is not None and table_as_text(instead):
        cause = _table_break(lacking, instead)
        if cause is None:
            also = f"; the text at line {instead.line} looks like it with its rows run together, which does not render as a table"
        else:
            # the row to fix, not the section's end: one cell too many under the header
            anchor = cause.delimiter_line
            broken_at = cause
    elif instead is not None:
        also = f"; {form_of(instead)} stands in its place (line {instead.line})"
        severity = Severity.INFO if c.same_content(pair) else Severity.WARNING
    elif isinstance(block, ListBlock) and block.ordered and len(notes := _footnote_definitions(section)) >= 3 \
            and not _footnote_definitions(pair.section_a if pair.a is not None else pair.section_b):
        # "1. ECLI:EU:C:2020:559" there, "[^1]: ECLI:EU:C:2020:559" here: the sources as footnotes
        # (where the list's own version has footnotes too, they are notes, not the list)
        count = "as many" if len(notes) == len(block.items) else f"{len(notes)}, against {len(block.items)} items"
        also = f"; its entries stand here as footnote definitions ({line_range(notes[0].line, notes[-1].line)}; {count})"
        severity = Severity.INFO if len(notes) == len(block.items) else Severity.WARNING
    elif isinstance(block, ListBlock) and (linked_at := _links_in_text(block, section)) is not None:
        # a list of links here, the same links inside a sentence there ("see A and B")
        also = f"; its links stand in the text at line {linked_at} here"
        severity = Severity.INFO
    if isinstance(block, ListBlock):
        kind = "numbered list" if block.ordered else "list"
        c.report(
            BULLET_COUNT,
            lacking,
            anchor,
            f"{kind} of {plural(len(block.items), 'item')} ({having.name}:{block.line}"
            f"{_starting(block)}) has no counterpart{where} here{also}",
            [(having, block.line)],
            key=f"list|{section.title}|{len(block.items)}",
            severity=severity,
        )
    else:
        rows, cols = block.shape
        shape = f"table of {plural(rows, 'row')} × {plural(cols, 'column')} ({having.name}:{block.line})"
        c.report(
            TABLE_SHAPE,
            lacking,
            anchor,
            f"{shape} has no counterpart{where} here{also}" if broken_at is None else _broken_table(shape, broken_at),
            [(having, block.line)],
            key=f"table|{section.title}|{rows}x{cols}",
            severity=severity,
        )


def _broken_table(shape: str, cause: TableBreak) -> str:
    """What a table whose header row and row of dashes disagree looks like. Fewer header cells:
    Goldmark (Hugo) pads the header with blank cells at its end and draws the table, so
    headers may stand over other columns' cells; GitHub's Markdown (GFM) draws none. More
    header cells: neither draws a table."""
    cells = (f"its header row has {plural(cause.header_cells, 'cell')} and the row of dashes under it "
             f"{cause.delimiter_cells}")
    if cause.header_cells < cause.delimiter_cells:
        blank = cause.delimiter_cells - cause.header_cells
        return (f"{shape} is written here (line {cause.header_line}), but {cells}. Hugo (Goldmark) draws it with the "
                f"last {'header cell' if blank == 1 else plural(blank, 'header cell')} blank, so headers may stand over "
                "other columns; GitHub's Markdown "
                "shows a paragraph of pipes. Give the two rows the same number of cells")
    return (f"{shape} is written here (line {cause.header_line}) but does not render as a table: {cells}, and "
            "neither Hugo nor GitHub's Markdown draws a table whose header has more cells than its row of dashes")


def _footnote_definitions(section: SectionInfo) -> list[Paragraph]:
    """The paragraphs of ``section`` that define a footnote (``[^1]: …``), in order."""
    return [block for block in section.blocks if isinstance(block, Paragraph) and FOOTNOTE_DEFINITIONS.match(block.text)]


def _links_in_text(block: ListBlock, section: SectionInfo) -> int | None:
    """The first line of the paragraphs of ``section`` that link every target the list's
    items link, when each item has a link: the list written as a sentence."""
    targets: set[str] = set()
    for item in block.items:
        urls = {link.url.strip() for link in item.inline.links if link.url.strip()}
        if not urls:
            return None
        targets |= urls
    lines: list[int] = []
    for node in walk_nodes(list(section.blocks)):
        if isinstance(node, Paragraph):
            found = {link.url.strip() for link in node.inline.links} & targets
            if found:
                lines.append(node.line)
                targets -= found
    return min(lines) if lines and not targets else None


def _compare_lists(c: Comparison, a: ListBlock, b: ListBlock, count: bool = True, lead: BlockPair | None = None) -> None:
    """Kinds and item counts of two aligned lists and their nested lists; ``count=False``
    leaves the top level's count alone (a split list, reported as such). ``lead``: the
    block pair just before the lists (the sentences that introduce them)."""
    # iterative over nested levels: (list in A, list in B, nesting depth)
    work = [(a, b, 0)]
    while work:
        la, lb, level = work.pop()
        nested = " nested" if level else ""
        if la.ordered != lb.ordered:
            c.report(
                LIST_KIND,
                c.a,
                la.line,
                f"{'numbered' if la.ordered else 'bullet'}{nested} list here but "
                f"{'numbered' if lb.ordered else 'bullet'} list in {c.b.name}:{lb.line}",
                [(c.b, lb.line)],
                key=f"{la.ordered}|{_first(la)}",
            )
        pairs = align_items(la.items, lb.items)
        if len(la.items) != len(lb.items) and (count or level):
            _report_item_count(c, la, lb, pairs, nested, lead if not level else None)
        for ia, ib in pairs:
            if ia is None or ib is None:
                continue
            subs_a, subs_b = ia.sublists, ib.sublists
            for sa, sb in zip(subs_a, subs_b):
                work.append((sa, sb, level + 1))
            for extra in subs_a[len(subs_b) :]:
                _report_lonely_sublist(c, extra, c.a, c.b, ib, nested_in=ia)
            for extra in subs_b[len(subs_a) :]:
                _report_lonely_sublist(c, extra, c.b, c.a, ia, nested_in=ib)


def _starting(block: ListBlock) -> str:
    """``, starting "First item"`` — nothing when the first item has no text of its own."""
    first = block.items[0].text if block.items else ""
    return f", starting {quote(first, 40)}" if first.strip() else ""


def _first(block: ListBlock) -> str:
    return block.items[0].text[:40] if block.items else ""


def _report_item_count(
    c: Comparison,
    la: ListBlock,
    lb: ListBlock,
    pairs: list[tuple[ListItem | None, ListItem | None]],
    nested: str,
    lead: BlockPair | None = None,
) -> None:
    only_a = [i for i, j in pairs if j is None and i is not None]
    only_b = [j for i, j in pairs if i is None and j is not None]
    # the fix goes in the file with fewer items; name what it lacks
    if len(la.items) < len(lb.items):
        lacking, having, l_list, h_list, extra = c.a, c.b, la, lb, only_b
    else:
        lacking, having, l_list, h_list, extra = c.b, c.a, lb, la, only_a
    named, severity = "", None
    said_before = _first_item_in_lead(lead, h_list, lacking is c.a) if len(h_list.items) == len(l_list.items) + 1 else None
    if said_before is not None:
        # "…organisations should develop a plan to migrate;" then the other points as items
        named = (f"; its first item, {quote(h_list.items[0].text, 40)} ({having.name}:{h_list.items[0].line}), "
                 f"is said at the end of the sentence before the list here (line {said_before})")
        severity = Severity.INFO
    elif extra and all(_continues_item_before(pairs, item, having is c.a) for item in extra):
        # "- monitoring Kubernetes" / "- with OpenTelemetry": one sentence broken over items
        named = "; " + ", ".join(f"{quote(item.text, 40)} ({having.name}:{item.line})" for item in extra) + (
            " goes on from the item before it there (a sentence broken over items), whose counterpart here says it")
        severity = Severity.INFO
    elif extra and len(extra) <= 3 and all(_pinned(pairs, item) for item in extra):
        named = "; no counterpart for " + ", ".join(
            f"{quote(item.text, 40)} ({having.name}:{item.line})" for item in extra
        )
    elif extra and len(extra) <= 3:
        which = "one is" if len(extra) == 1 else f"{len(extra)} are"
        named = f"; compare the items to find which {which} missing (no name or number tells)"
    c.report(
        BULLET_COUNT,
        lacking,
        l_list.line,
        f"{nested.strip() + ' ' if nested else ''}list has {plural(len(l_list.items), 'item')} here but "
        f"{len(h_list.items)} in {having.name}:{h_list.line}{named}",
        [(having, h_list.line)],
        key=f"{len(l_list.items)}|{len(h_list.items)}|{_first(h_list)}",
        severity=severity,
    )


_FRAGMENT_START = lazy_compile(r"[\s\-–—,;]*[a-zà-öø-ÿ]")
_SENTENCE_END = (".", "!", "?", ":", ";", "。", "！", "？", "：")


def _continues_item_before(pairs: list[tuple[ListItem | None, ListItem | None]], item: ListItem, in_a: bool) -> bool:
    """Is ``item`` (without counterpart) a few lower-case words that go on from the item
    before it, which ends without a full stop, and whose counterpart holds the fragment's
    names ("… for monitoring Kubernetes" / "with OpenTelemetry" against one item that says
    both)? A list made of a broken sentence, not an item missing."""
    words = item.text.split()
    if not words or len(words) > 6 or not _FRAGMENT_START.match(item.text):
        return False
    wanted = tokens_of(item.text).strong
    if not wanted:
        return False  # "- with cream" after "- pears" is an item of its own
    mine = [(x, y) if in_a else (y, x) for x, y in pairs]
    at = next(i for i, (x, _) in enumerate(mine) if x is item)
    before = next(((x, y) for x, y in reversed(mine[:at]) if x is not None), None)
    if before is None or before[1] is None or before[0].text.rstrip().endswith(_SENTENCE_END):
        return False
    own = tokens_of(before[0].text)
    if wanted <= own.strong | own.weak:
        return False  # "- configure Docker" / "- start Docker": an item of its own about the same thing
    said = tokens_of(before[1].text)
    return wanted <= said.strong | said.weak


def _first_item_in_lead(lead: BlockPair | None, whole: ListBlock, lacking_is_a: bool) -> int | None:
    """The line of the sentence before the shorter list when it says the longer list's
    first item: the two introducing paragraphs are paired, this one is longer than that
    one by about the item (script-neutral weight) and holds its names and numbers."""
    if lead is None:
        return None
    here, there = (lead.a, lead.b) if lacking_is_a else (lead.b, lead.a)
    if not (isinstance(here, Paragraph) and isinstance(there, Paragraph)) or not whole.items:
        return None
    first = _FOOTNOTE_REFERENCE.sub("", whole.items[0].text)  # a footnote's label is not content
    item = weight(first)
    longer = weight(here.text) - weight(there.text)
    if item < 20 or abs(longer - item) > 0.4 * item:
        return None
    # and what it says stands in that sentence (a length alone may be chance): its names and
    # numbers, or without any, words of the same stems that the other lead does not have
    # ("Utarbeta en plan för att migrera…" / "…develop a plan to migrate…"). A footnote's
    # label is not content: two versions number their notes apart ("[^27]" / "17").
    wanted, said = tokens_of(first).strong, tokens_of(here.text)
    if wanted:
        return here.line if wanted <= said.strong | said.weak else None
    shared = (stems(first) & stems(here.text)) - stems(there.text)
    return here.line if len(shared) >= 2 else None


_FOOTNOTE_REFERENCE = lazy_compile(r"\[\^[^\]\s]+\]")


def _pinned(pairs: list[tuple[ListItem | None, ListItem | None]], item: ListItem) -> bool:
    """Is ``item`` (without counterpart) the one missing for sure? Only when the pairs
    on both sides of it (or on its one side, at an end of the list) share a name, number
    or link: then no other item can take its place. Translated items paired by length
    and place alone would name a guess (often the last item, when another is missing)."""
    where = next(i for i, pair in enumerate(pairs) if item is pair[0] or item is pair[1])
    neighbours = [
        next(((x, y) for x, y in reversed(pairs[:where]) if x is not None and y is not None), None),
        next(((x, y) for x, y in pairs[where + 1 :] if x is not None and y is not None), None),
    ]
    found = [pair for pair in neighbours if pair is not None]
    return bool(found) and all(paired_by_content(x, y) for x, y in found)


def _report_lonely_sublist(
    c: Comparison, sub: ListBlock, having: Side, lacking: Side, lacking_item: ListItem, nested_in: ListItem
) -> None:
    as_prose = not lacking_item.sublists and _prose_holds(lacking_item.text, sub, nested_in.text)
    c.report(
        BULLET_COUNT,
        lacking,
        lacking_item.line,
        f"nested list of {plural(len(sub.items), 'item')} under {_quote_or(nested_in.text, 40, 'an item without text')} "
        f"({having.name}:{sub.line}) has no counterpart under this item"
        + ("; the item's own text holds what it says" if as_prose else ""),
        [(having, sub.line)],
        key=f"nested|{nested_in.text[:40]}|{len(sub.items)}",
        # the same points written as one item's sentences there: nothing is missing
        severity=Severity.INFO if as_prose else None,
    )


def _prose_holds(text: str, sub: ListBlock, lead: str) -> bool:
    """Does ``text`` (an item with no nested list) say what the item ``lead`` and its nested
    list ``sub`` say? Every name, number, link and code token of the nested items is in it,
    and it is about as long as they are: with two tokens or more, half as long as the nested
    items at least (no short label, "Options:"); with fewer, as long as the lead and the
    nested items together, nearly."""
    wanted: set[str] = set()
    for item in sub.items:
        # a run of CJK characters is a token too, but never one a translation keeps
        wanted |= {token for token in tokens_of(item.text).strong if not WIDE.search(token)}
    here = tokens_of(text)
    if not wanted <= here.strong | here.weak:
        return False
    # script-neutral length (transcheck.scripts.weight)
    nested = sum(weight(item.text) for item in sub.items)
    if len(wanted) >= 2:
        return weight(text) >= 0.5 * nested
    return weight(text) >= 0.8 * (nested + weight(lead))


def _compare_tables(c: Comparison, a: TableBlock, b: TableBlock) -> None:
    starts_a, starts_b = row_starts(a), row_starts(b)
    if a.shape[1] == b.shape[1] and len(starts_a) == len(starts_b):
        return  # the same rows (a long cell wrapped onto rows of its own in one version)
    rows_a, rows_b = len(starts_a), len(starts_b)
    keys_a, keys_b = row_keys(a, starts_a), row_keys(b, starts_b)
    told, related = "", b.line
    if a.shape[1] == b.shape[1] and keys_shared(keys_a, keys_b):
        # the first column names each row alike in both ("1001", "R0002"): say which rows
        only_b, only_a = unmatched_keys(keys_b, keys_a, starts_b), unmatched_keys(keys_a, keys_b, starts_a)
        if only_b:
            told += _rows_told(b, only_b, starts_b, keys_b, keys_a, "there", "here")
            related = b.row_line(only_b[0])
        if only_a:
            told += _rows_told(a, only_a, starts_a, keys_a, keys_b, "here", "there")
    wrapped = (" (rows whose first cell is empty counted with the row above)"
               if (rows_a, rows_b) != (a.shape[0], b.shape[0]) else "")
    c.report(
        TABLE_SHAPE,
        c.a,
        a.line,
        f"table has {plural(rows_a, 'row')} × {plural(a.shape[1], 'column')} here but "
        f"{rows_b} × {b.shape[1]} in {c.b.name}:{b.line}{wrapped}{told}",
        [(c.b, related)],
        key=f"{(rows_a, a.shape[1])}|{(rows_b, b.shape[1])}|{'|'.join(b.header)}",
    )


def _rows_told(table: TableBlock, rows: list[int], starts: list[int], keys: list[str], other_keys: list[str],
               where: str, elsewhere: str) -> str:
    """The rows of ``table`` the other lacks, by their names. A name that stands on more rows
    here than there is told as a count with its lines ('"Realtime APIs" names 2 rows there
    (lines 32, 38), 1 here'): which of them is the extra one, the names do not say, and
    naming it alone would point at a row both have."""
    times, theirs = Counter(keys), Counter(other_keys)
    key_of = dict(zip(starts, keys))
    single = [i for i in rows if times[key_of[i]] == 1]
    told = ""
    if single:
        names = listed([quote(table.rows[i][0], 30) for i in single], 5)
        told += f"; {'row' if len(single) == 1 else 'rows'} {names} {where} {'is' if len(single) == 1 else 'are'} not {elsewhere}"
    for key in dict.fromkeys(key_of[i] for i in rows if times[key_of[i]] > 1):
        lines = [table.row_line(start) for start, k in zip(starts, keys) if k == key]
        first = next(start for start, k in zip(starts, keys) if k == key)
        told += (f"; {quote(table.rows[first][0], 30)} names {len(lines)} rows {where} "
                 f"(lines {listed([str(n) for n in lines], 5)}), "
                 f"{theirs[key] or 'none'} {elsewhere}")
    return told


def _code_as_read(code: str) -> str:
    """Code as the reader sees it: without trailing blanks or indentation common to all lines
    (a fence written at the margin inside a list item indents the code, not what it says)."""
    import textwrap  # here: most pages have no code block, and textwrap compiles its patterns at import

    lines = [line.rstrip() for line in code.strip("\n").split("\n")]
    return textwrap.dedent("\n".join(lines))


# A placeholder the reader replaces (<my_new_branch>, <nome-do-arquivo>, <YOUR TOKEN>): its
# words are translated with the page. Not an HTML tag: <a href="…"> has "=", </p> a slash, and
# <div> or <title> are tags where the text closes them (</div>); <br> and <img> never close.
_PLACEHOLDER = lazy_compile(r"(?<!\{\{)<(?![/!?])([^<>=\"'/]{1,200})>")
# {verb} {object}, { #some-id }: braces around words (never JSON, whose keys are quoted, nor
# Hugo's {{ }} and Go templates)
_BRACED = lazy_compile(r"(?<![{$])\{(?![{%<])\s*([#\w][\w .#-]{0,40}?)\s*\}(?!\})")
# ?key=[key] / ?key=[nyckel], /stops/[id]/, 1,[min distance],[speed]: words in brackets where
# an address or a list of values takes a value
_BRACKETED = lazy_compile(r"(?<=[=/,])\[([^\W\d_][\w -]{0,40}?)\]")
_ESCAPED_PLACEHOLDER = lazy_compile(r"&lt;([^\W\d_][\w .-]{0,60}?)&gt;")
_VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "base", "col"})


def _fold_placeholders(text: str) -> str:
    """``text`` with every placeholder written ``<…>``: code that differs only in them is the same."""
    if "[" in text:
        text = _BRACKETED.sub("[…]", text)
    if "&lt;" in text:
        # "&lt;YOUR API KEY&gt;" in code written for HTML: a placeholder as "<YOUR API KEY>" is
        text = _ESCAPED_PLACEHOLDER.sub("<…>", text)
    if "<" not in text and "{" not in text:
        return text
    lower = text.lower()

    def fold(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        name = inner.split()[0].lower() if inner else ""
        if not name or name in _VOID_TAGS or f"</{name}" in lower or inner.count("\n") > 3:
            return match.group(0)
        return "<…>"

    text = _PLACEHOLDER.sub(fold, text)
    return _BRACED.sub("{…}", text) if "{" in text else text


def _compare_code(c: Comparison, a: CodeBlock, b: CodeBlock) -> None:
    if _code_as_read(a.code) == _code_as_read(b.code):
        return
    if _diagram(a) and _diagram(b):
        _compare_diagrams(c, a, b)
        return
    lines_a = _code_as_read(a.code).split("\n")
    lines_b = _code_as_read(b.code).split("\n")
    folded_a = _fold_placeholders("\n".join(lines_a)).split("\n")
    folded_b = _fold_placeholders("\n".join(lines_b)).split("\n")
    hashes = _hash_comments(a) or _hash_comments(b)
    compared_a, compared_b = _without_comments(folded_a, hashes), _without_comments(folded_b, hashes)
    if compared_a == compared_b:
        return  # only comments or placeholders differ: translators translate them, the code is the same
    if _repeated_line(c, (c.a, a, lines_a, folded_a, compared_a), (c.b, b, compared_b)) \
            or _repeated_line(c, (c.b, b, lines_b, folded_b, compared_b), (c.a, a, compared_a)):
        return
    severity = None
    templates = _templates(a, b)
    yaml = _code_language(a) in _YAML_LANGUAGES and _code_language(b) in _YAML_LANGUAGES
    markup = _code_language(a) in _MARKUP_LANGUAGES and _code_language(b) in _MARKUP_LANGUAGES
    prose_a = _without_comments(_fold_prose_strings(folded_a, templates, yaml, markup), hashes)
    prose_b = _without_comments(_fold_prose_strings(folded_b, templates, yaml, markup), hashes)
    spacing_only = " ".join(" ".join(prose_a).split()) == " ".join(" ".join(prose_b).split())
    renaming = None if spacing_only else _page_renaming(prose_a, prose_b, c)
    if prose_a == prose_b or spacing_only or renaming is not None or _names_translated(prose_a, prose_b, c):
        # only text for the reader in its strings ("Dice rolls", "Tirar el dado"), names
        # given the page's own words ('instrumentation-scope-name', 'nome-do-escopo'), or
        # a long line wrapped elsewhere ("- gomod: x {{%" / "- gomod:" over "x {{%")
        severity = Severity.INFO
    if len(folded_a) != len(lines_a) or len(folded_b) != len(lines_b):
        lines_a, lines_b = folded_a, folded_b  # a placeholder over several lines: count as folded
    # the first line of code (not comment, not blank) that differs, in each block's own lines
    # (past lines that differ only in the text of their strings, when something else differs)
    read_a, read_b = (folded_a, folded_b) if severity else (_fold_prose_strings(folded_a, templates, yaml, markup),
                                                            _fold_prose_strings(folded_b, templates, yaml, markup))
    code_a, code_b = _code_lines(read_a, hashes), _code_lines(read_b, hashes)
    # past lines that differ only in their indentation, where more than that differs (a YAML
    # list indented another way): the line to show is the one whose words differ
    k = next((k for k, (x, y) in enumerate(zip(code_a, code_b)) if x[1].strip() != y[1].strip()), None)
    if k is None or spacing_only:
        k = next((k for k, (x, y) in enumerate(zip(code_a, code_b)) if x[1] != y[1]), min(len(code_a), len(code_b)))
    offset_a = code_a[k][0] if k < len(code_a) else len(lines_a)
    offset_b = code_b[k][0] if k < len(code_b) else len(lines_b)
    note = "only the text of its strings differs"
    only_strings = [_STRING.sub('""', line) for line in prose_a] == [_STRING.sub('""', line) for line in prose_b]
    if renaming and not only_strings:
        note = "only its names and strings differ, each renamed the same way throughout in the page's own words"
    elif prose_a != prose_b and spacing_only:
        same_strings = " ".join(" ".join(compared_a).split()) == " ".join(" ".join(compared_b).split())
        note = "only its line breaks and spacing differ" + ("" if same_strings else ", and the text of its strings")
    _report_code(c, a, b, (lines_a, offset_a), (lines_b, offset_b), severity, note)


MIN_REPEATED_CHARS = 12  # letters and digits of a line written twice in a row by mistake, not "}" or "fi"


def _repeated_line(c: Comparison, here: tuple[Side, CodeBlock, list[str], list[str], list[str]],
                   there: tuple[Side, CodeBlock, list[str]]) -> bool:
    """Does the block ``here`` (side, block, its lines as written and with placeholders folded,
    its code lines as compared) differ from
    the one ``there`` only by a line written twice in a row (blank lines between)? Then it is
    reported where it is repeated: a pasted line is a slip of that version, not something the
    other lacks."""
    side, block, written, lines, code = here
    other_side, other, code_other = there
    if len(code) != len(code_other) + 1:
        return False
    at = next((k for k in range(1, len(code)) if code[k] == code[k - 1] and code[:k] + code[k + 1:] == code_other), None)
    if at is None or sum(ch.isalnum() for ch in code[at]) < MIN_REPEATED_CHARS:
        return False  # "}" twice closes two blocks: one missing there is the other's slip
    # the repeated line and the first one, in the block's own lines
    seen = [k for k, line in enumerate(lines) if _TRAILING_COMMENT.sub("", line).rstrip() == code[at]]
    if len(seen) < 2:
        return False
    first, second = seen[0], seen[1]
    fence = 1 if block.fence else 0
    c.report(
        CODE_MISMATCH,
        side,
        block.line + fence + second,
        f"code repeats line {block.line + fence + first} here: {quote(written[second].strip(), 60)}; "
        f"{other_side.name}:{other.line} has it once",
        [(other_side, other.line)],
        key=f"repeated|{code[at]}",
        severity=Severity.WARNING,
    )
    return True


def _report_code(c: Comparison, a: CodeBlock, b: CodeBlock, at_a: tuple[list[str], int], at_b: tuple[list[str], int],
                 severity: Severity | None = None, note: str = "only the text of its strings differs") -> None:
    """code-mismatch at the first line that differs (each block's lines and that line's index)."""
    (lines_a, offset_a), (lines_b, offset_b) = at_a, at_b
    first_a = lines_a[offset_a] if offset_a < len(lines_a) else "(end of block)"
    first_b = lines_b[offset_b] if offset_b < len(lines_b) else "(end of block)"
    fence_lines = 1 if a.fence else 0
    c.report(
        CODE_MISMATCH,
        c.a,
        a.line + fence_lines + min(offset_a, len(lines_a) - 1),
        f"code differs from {c.b.name}:{b.line + (1 if b.fence else 0) + min(offset_b, len(lines_b) - 1)}: "
        f"{_lines_shown(first_a, first_b)}"
        + (f"; {note}" if severity and note else ""),
        [(c.b, b.line + (1 if b.fence else 0) + min(offset_b, len(lines_b) - 1))],
        key=f"{first_a}|{first_b}",
        severity=severity,
    )


def _compare_diagrams(c: Comparison, a: CodeBlock, b: CodeBlock) -> None:
    """Two diagrams are the same when their nodes and edges are: labels are translated.
    Only ``%%`` starts a comment in them ("A -- Uses --> B" is an edge, not SQL's comment)."""
    lines_a, lines_b = _code_as_read(a.code).split("\n"), _code_as_read(b.code).split("\n")
    shape_a, shape_b = _diagram_shape(lines_a), _diagram_shape(lines_b)
    if [line for _, line in shape_a] == [line for _, line in shape_b]:
        return
    k = next((k for k, (x, y) in enumerate(zip(shape_a, shape_b)) if x[1] != y[1]), min(len(shape_a), len(shape_b)))
    offset_a = shape_a[k][0] if k < len(shape_a) else len(lines_a)
    offset_b = shape_b[k][0] if k < len(shape_b) else len(lines_b)
    _report_code(c, a, b, (lines_a, offset_a), (lines_b, offset_b))


def _diagram_shape(lines: list[str]) -> list[tuple[int, str]]:
    """(index, line without its labels and spaces) of a diagram's lines but blank lines and
    ``%%`` comments. A label left out is one too: a translation gives ``Aggregation`` the label
    ``Aggregation[集約]`` to show the node in its own words."""
    return [(i, _SPACES.sub("", _DIAGRAM_TEXT.sub(_kept_of_text, _DIAGRAM_LABEL.sub("", _without_subgraph_title(line)))))
            for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("%%")]


def _without_subgraph_title(line: str) -> str:
    title = _SUBGRAPH_TITLE.fullmatch(line.rstrip())
    return title.group(1) if title else line


_SPACES = lazy_compile(r"\s+")


def _kept_of_text(match: re.Match[str]) -> str:
    """What a diagram line keeps of its text: the keyword ("title", "participant R as", ":")."""
    return next(group for group in match.groups() if group is not None)


# a diagram's text to the end of its line: a title or description for screen readers ("title:
# Figure 1", "accTitle: …"), a sequence diagram's participant alias ("participant R as
# Reviewer"), a block's label ("loop Each PR") and the text after ": " (a message
# "R->>GH: Submits review", a note, an ER label)
_DIAGRAM_TEXT = lazy_compile(
    r"^(\s*(?:title|accTitle|accDescr)\b:?).*|^(\s*(?:participant|actor)\s+\S+\s+as)\s.*"
    r"|^(\s*(?:loop|alt|else|opt|par|and|critical|option|break|box)\b)\s.*|(:)\s.*$", re.I)
# a mermaid subgraph named by its title alone ("subgraph Applications"): the title is text;
# "subgraph backend [Backend]" keeps its id, a DOT "subgraph cluster_0 { a -> b;" its edges
_SUBGRAPH_TITLE = lazy_compile(r"(\s*subgraph)\s+[^\s\[\](){}<>;:=|\"-][^\[\](){}<>;:=|\"]*")


_DIAGRAM_INFO = frozenset({"mermaid", "plantuml", "dot", "graphviz"})
# a label of a diagram's node or edge: A[label], B(label), C{label}, -->|label|, "label", and
# mermaid's text on a link: A -- label --> B, A == label ==> B, A -. label .-> B
_DIAGRAM_LABEL = lazy_compile(r"\[[^\[\]\n]*\]|\([^()\n]*\)|\{[^{}\n]*\}|\|[^|\n]*\||\"[^\"\n]*\"|(?<=--|==|-\.)\s[^\n]*?\s(?=--|==|\.-)")


def _code_language(block: CodeBlock) -> str:
    """The language a fenced block names (```bash title="x"``` → "bash"), lower case; "" without one."""
    return block.info.split()[0].lower() if block.info.strip() else ""


def _diagram(block: CodeBlock) -> bool:
    return _code_language(block) in _DIAGRAM_INFO


_STRING = lazy_compile(r"\"[^\"\n]*\"|'[^'\n]*'")
_STRING_OR_TEMPLATE = lazy_compile(r"\"[^\"\n]*\"|'[^'\n]*'|`[^`\n]*`")  # JavaScript's `template` strings
_TEMPLATE_LANGUAGES = frozenset({"js", "javascript", "jsx", "mjs", "cjs", "ts", "typescript", "tsx", "node"})
_WORDS_FOR_A_READER = lazy_compile(r"\s|[^\x00-\x7f]")


def _fold_prose_strings(lines: list[str], templates: bool = False, yaml: bool = False, markup: bool = False) -> list[str]:
    """Lines with each string literal that has words for a reader in it (a space, or letters
    beyond ASCII) as "…"; names, keys and values ("dice.rolls", "true") stay. ``templates``:
    JavaScript, whose `backtick` strings are strings (in a shell they run a command). ``yaml``:
    a YAML block, whose unquoted values are strings too. ``markup``: HTML or XML, whose text
    between tags is for the reader."""
    def fold(match: re.Match[str]) -> str:
        return '"…"' if _WORDS_FOR_A_READER.search(match.group(0)[1:-1]) else match.group(0)

    pattern = _STRING_OR_TEMPLATE if templates else _STRING
    folded = [pattern.sub(fold, line) if '"' in line or "'" in line or (templates and "`" in line) else line
              for line in lines]
    if yaml:
        return [_fold_yaml_prose(line) for line in folded]
    if markup:
        # a sentence wrapped over lines is one text: its later lines fold to nothing
        marked = [_fold_markup_text(line) for line in folded]
        return [line if line.strip() != "…" or k == 0 or marked[k - 1].strip() != "…" else ""
                for k, line in enumerate(marked)]
    return folded


def _fold_markup_text(line: str) -> str:
    """A line of HTML or XML that is only text for the reader (a sentence between tags, not a
    tag, entity or script) as "…"."""
    text = line.strip()
    if not text or any(ch in text for ch in "<>={};&"):
        return line
    if _PROSE_WORDS.fullmatch(text.rstrip(".,:;!?")) or re.search(r"[^\x00-\x7f]", text):
        return line[: len(line) - len(line.lstrip())] + "…"
    return line


# key: value in YAML, the value unquoted (not a string, block scalar, anchor, flow collection, comment
# or a placeholder, folded before as <…>)
_YAML_PLAIN_VALUE = lazy_compile(r"(\s*(?:-\s+)?[\w.-]+:\s+)([^\s\"'|<>&*!{\[#].*?)\s*")
_PROSE_WORDS = lazy_compile(r"[^\W\d_][\w'’-]*(?:[ ,]+[^\W\d_][\w'’-]*){2,}[.]?")


def _fold_yaml_prose(line: str) -> str:
    """A YAML line whose plain value is a sentence for a reader ("description: Basic OTel
    Collector distribution for Developers", or any value in letters beyond ASCII) with that
    value as "…": three words or more of letters only, so a command, path or version stays."""
    match = _YAML_PLAIN_VALUE.fullmatch(_TRAILING_COMMENT.sub("", line))  # "obi # required if …": the comment is not the value
    if match is None:
        return line
    value = match.group(2)
    if _PROSE_WORDS.fullmatch(value) or (re.search(r"[^\x00-\x7f]", value) and not re.search(r"[/=$]", value)):
        return match.group(1) + '"…"'
    return line


def _names_translated(lines_a: list[str], lines_b: list[str], c: Comparison) -> bool:
    """Do two blocks' code lines differ only in string literals, each changed one a name in
    its own page's words on one side at least (a placeholder the translator translated)?"""
    if len(lines_a) != len(lines_b):
        return False
    changed: list[tuple[str, str]] = []
    for line_a, line_b in zip(lines_a, lines_b):
        if line_a == line_b:
            continue
        strings_a, strings_b = _STRING.findall(line_a), _STRING.findall(line_b)
        if not strings_a or len(strings_a) != len(strings_b) or _STRING.sub('""', line_a) != _STRING.sub('""', line_b):
            return False
        changed.extend((x[1:-1], y[1:-1]) for x, y in zip(strings_a, strings_b) if x != y)
    if not changed:
        return False
    # the pages' words only now: most differing blocks differ in more than strings
    words_a, words_b = page_words(c.a.doc), page_words(c.b.doc)
    a, b = c.a.expected or c.a.language, c.b.expected or c.b.language
    return all(in_own_language(x, words_a, words_b) or in_own_language(y, words_b, words_a)
               or reads_as_translated(x, y, words_a, words_b, a, b) or reads_as_translated(y, x, words_b, words_a, b, a)
               for x, y in changed)


def _page_renaming(lines_a: list[str], lines_b: list[str], c: Comparison) -> list[tuple[str, str]] | None:
    """The names and strings one block renames, when it is the other with the example's
    names and strings translated consistently; [] when only strings of prose differ
    ("Consegui!" / "Did it!"); None when it is not such a block."""
    renamed = renamed_names("\n".join(lines_a), "\n".join(lines_b))
    if renamed is None or (renamed and not renamed_into_own_words(
            renamed, page_words(c.a.doc), page_words(c.b.doc), c.a.expected or c.a.language, c.b.expected or c.b.language)):
        return None
    return renamed


_YAML_LANGUAGES = frozenset({"yaml", "yml"})
_MARKUP_LANGUAGES = frozenset({"html", "htm", "xml"})


def _templates(a: CodeBlock, b: CodeBlock) -> bool:
    return _code_language(a) in _TEMPLATE_LANGUAGES or _code_language(b) in _TEMPLATE_LANGUAGES


# A whole-line comment in the common languages of documentation ("# " and not "#include"),
# and a comment after code that follows white space (so "http://x" is never cut).
_COMMENT_LINE = lazy_compile(r"^\s*(?:#+(?:\s|$)|//|--\s|;|/\*|\*|<!--|%+\s|rem\s)", re.I)
_TRAILING_COMMENT = lazy_compile(r"\s+(?:#+\s|//\s?|--\s|<!--).*$")
# where "#" always starts a comment (YAML, shell): "hostPID: true #important!"
_TRAILING_HASH_COMMENT = lazy_compile(r"\s+(?:#|//\s?|--\s|<!--).*$")


# Languages in which "#" starts a comment whatever follows it ("#To support …"), so a
# line starting "#" is one even without the space that "#include" or "#main h3" lack.
_HASH_COMMENT_LANGUAGES = frozenset({
    "bash", "sh", "shell", "zsh", "yaml", "yml", "python", "py", "ruby", "rb",
    "toml", "dockerfile", "properties", "ini", "conf", "r", "perl", "ps1", "powershell", "make",
    "makefile", "cmake", "terraform", "hcl", "tf", "nginx", "elixir", "ex",
})


def _hash_comments(block: CodeBlock) -> bool:
    return _code_language(block) in _HASH_COMMENT_LANGUAGES


def _comment(line: str, hashes: bool = False) -> bool:
    return bool(_COMMENT_LINE.match(line)) or hashes and line.lstrip().startswith("#")


_BLOCK_COMMENTS = (("/*", "*/"), ("<!--", "-->"))


def _code_lines(lines: list[str], hashes: bool) -> list[tuple[int, str]]:
    """(index, line as compared) of the lines that are code: no comment, not blank."""
    kept = []
    inside: str | None = None  # the end of the block comment the line stands in
    for i, line in enumerate(lines):
        if inside is not None:
            if inside in line:
                inside = None
            continue
        if _comment(line, hashes):
            # "/*" or "<!--" opening a comment over several lines: translators translate
            # the lines between as prose ("Interfaces and SPIs that we implement. …")
            start = line.lstrip()
            inside = next((end for opening, end in _BLOCK_COMMENTS
                           if start.startswith(opening) and end not in start[len(opening):]), None)
            continue
        line = (_TRAILING_HASH_COMMENT if hashes else _TRAILING_COMMENT).sub("", line).rstrip()
        if line:
            kept.append((i, line))
    return kept


def _without_comments(lines: list[str], hashes: bool = False) -> list[str]:
    """Code lines with comments and blank lines left out: what must be equal in both
    versions (a translation that drops the blank line above a comment changes nothing)."""
    return [line for _, line in _code_lines(lines, hashes)]


def _read_deep_code_blocks(blocks: list[Block]) -> list[CodeBlock]:
    """Code blocks of a section, also inside list items, quotes and shortcodes (not sub-sections)."""
    return [node for node in walk_nodes(list(blocks)) if isinstance(node, CodeBlock)]


# by a section's block list (the same list for each translation of a source); read-only
deep_code_blocks = ByIdentity[list[Block], list[CodeBlock]](_read_deep_code_blocks, kept=512)


CODE_THRESHOLD = 0.3  # code blocks less alike than this are not one block


@lru_cache(maxsize=512)
def code_similarity(text_a: str, text_b: str) -> float:
    """Similarity of two code texts by lines and by characters (the better of the two).

    Pairs that cannot reach CODE_THRESHOLD score 0 without the full diff: the
    alignment treats every score at or below the threshold alike.
    """
    if text_a == text_b:
        return 1.0
    lines_a, lines_b = text_a.split("\n"), text_b.split("\n")
    by_line = SequenceMatcher(None, lines_a, lines_b, autojunk=False)
    # one long line with a small change scores 0 by lines: look at characters too
    by_char = SequenceMatcher(None, text_a[:2000], text_b[:2000])
    if by_line.real_quick_ratio() <= CODE_THRESHOLD and by_char.real_quick_ratio() <= CODE_THRESHOLD:
        return RENAMED_SIMILARITY if _renamed_shape(lines_a, lines_b) else 0.0
    if by_line.quick_ratio() <= CODE_THRESHOLD and by_char.quick_ratio() <= CODE_THRESHOLD:
        return RENAMED_SIMILARITY if _renamed_shape(lines_a, lines_b) else 0.0
    line_ratio = bounded_ratio(lines_a, lines_b)  # by_line.ratio(), linear on huge blocks
    score = line_ratio if line_ratio >= by_char.quick_ratio() else max(line_ratio, by_char.ratio())
    if score <= CODE_THRESHOLD and _renamed_shape(lines_a, lines_b):
        return RENAMED_SIMILARITY
    return score


RENAMED_SIMILARITY = 0.5  # one block is the other with its names translated: a pair, and one to compare


def _renamed_shape(lines_a: list[str], lines_b: list[str]) -> bool:
    """Is one block the other with its names, strings and comments in other words, each name
    renamed the same way throughout ('def do_work():' … 'do_work()' and 'def fazer_trabalho():'
    … 'fazer_trabalho()')? Blocks of some size only: two lines of code at least."""
    if abs(len(lines_a) - len(lines_b)) > max(2, min(len(lines_a), len(lines_b)) // 3):
        return False  # cheap: a renaming keeps the lines
    code_a = _without_comments(_fold_prose_strings(lines_a), True)
    code_b = _without_comments(_fold_prose_strings(lines_b), True)
    if min(len(code_a), len(code_b)) < 2:
        return False
    return bool(renamed_names("\n".join(code_a), "\n".join(code_b)))


def _as_aligned(block: CodeBlock) -> str:
    """A block's code as blocks are paired by: a diagram by its nodes and edges (its labels,
    translated, would leave a Japanese diagram nothing in common with its English one)."""
    code = _code_as_read(block.code)
    if _diagram(block):
        return "\n".join(line for _, line in _diagram_shape(code.split("\n")))
    return code


def align_code(code_a: list[CodeBlock], code_b: list[CodeBlock]) -> list[tuple[int | None, int | None]]:
    """Code blocks paired in order: identical blocks anchor the alignment, and only
    the blocks between two anchors are aligned by similarity (a diff per pair)."""
    texts_a = [_as_aligned(block) for block in code_a]
    texts_b = [_as_aligned(block) for block in code_b]
    if len(texts_a) * len(texts_b) > EXACT_CELLS:
        # difflib is quadratic on many equal blocks: the anchored alignment, keyed by the text
        return align_sequences(
            len(texts_a), len(texts_b), lambda i, j: code_similarity(texts_a[i], texts_b[j]), CODE_THRESHOLD, texts_a, texts_b
        )
    pairs: list[tuple[int | None, int | None]] = []
    done_a = done_b = 0
    for anchor in SequenceMatcher(None, texts_a, texts_b, autojunk=False).get_matching_blocks():
        gap_a, gap_b = texts_a[done_a : anchor.a], texts_b[done_b : anchor.b]
        score = lambda i, j, x=gap_a, y=gap_b: code_similarity(x[i], y[j])  # noqa: E731
        for i, j in align_sequences(len(gap_a), len(gap_b), score, CODE_THRESHOLD):
            pairs.append((None if i is None else done_a + i, None if j is None else done_b + j))
        pairs.extend((anchor.a + k, anchor.b + k) for k in range(anchor.size))
        done_a, done_b = anchor.a + anchor.size, anchor.b + anchor.size
    return pairs


def _code_blocks(c: Comparison) -> None:
    """Code is not translated. Compared per aligned section, wherever it is nested."""
    for sa, sb in c.sections.pairs + c.sections.moved:
        code_a, code_b = deep_code_blocks(sa.blocks), deep_code_blocks(sb.blocks)
        if not code_a and not code_b:
            continue
        # code under a sub-heading only one version has ("### API model" over the example)
        # is this section's too; left without partner, its sub-section is reported instead
        own_a, own_b = len(code_a), len(code_b)
        # (new lists: the section's own are remembered for the page and must stay as they are)
        code_a = code_a + _code_of_sub_sections(c, sa, True)
        code_b = code_b + _code_of_sub_sections(c, sb, False)
        for i, j in align_code(code_a, code_b):
            if i is not None and j is not None:
                _compare_code(c, code_a[i], code_b[j])
                continue
            if (i is not None and i >= own_a) or (j is not None and j >= own_b):
                continue
            if i is not None:
                block, having, lacking, section = code_a[i], c.a, c.b, sb
            else:
                assert j is not None
                block, having, lacking, section = code_b[j], c.b, c.a, sa
            first = block.code.strip().split("\n", 1)[0]
            where = in_section(section)
            c.report(
                CODE_MISMATCH,
                lacking,
                section.line,
                f"code block {quote(first, 40)} ({having.name}:{block.line}) has no counterpart{where} here",
                [(having, block.line)],
                key=f"code|{block.code.strip()}",
            )


def _code_of_sub_sections(c: Comparison, info: SectionInfo, in_a: bool) -> list[CodeBlock]:
    """Code blocks of ``info``'s sub-sections that have no counterpart, in order."""
    subs = c.sub_sections_without_counterpart(info, in_a)
    # a list made here: read, not remembered by its identity (a later list may reuse its id)
    return _read_deep_code_blocks([block for sub in subs for block in sub.blocks]) if subs else []


def _paragraph_counts(c: Comparison) -> None:
    for sa, sb in c.sections.pairs + c.sections.moved:
        count_a = sum(isinstance(b, Paragraph) for b in sa.blocks)
        count_b = sum(isinstance(b, Paragraph) for b in sb.blocks)
        if count_a == count_b:
            continue
        c.report(
            PARAGRAPH_COUNT,
            c.a,
            sa.line,
            f"{section_phrase(sa)} has {plural(count_a, 'paragraph')} here but {count_b} in {c.b.name}:{sb.line}",
            [(c.b, sb.line)],
            key=f"{sa.title}|{count_a}|{count_b}",
        )


def _counterpart_line(c: Comparison, sb: SectionInfo, line_b: int, sa: SectionInfo) -> int:
    """The line in A of the block paired with the block of section ``sb`` that holds
    ``line_b`` (the nearest paired block above it), else the line of ``sa``."""
    best: BlockPair | None = None
    for pair in c.block_pairs:
        if pair.section_b is sb and pair.a is not None and pair.b is not None and pair.b.line <= line_b \
                and (best is None or best.b is None or pair.b.line > best.b.line):
            best = pair
    if best is None or best.a is None or best.b is None:
        return sa.line
    a, b = best.a, best.b
    if isinstance(a, ListBlock) and isinstance(b, ListBlock):
        # the item paired with the one that holds the span (the list item is the place to fix)
        holder = max((item for item in b.items if item.line <= line_b), key=lambda item: item.line, default=None)
        partner = next((x for x, y in align_items(a.items, b.items) if y is holder), None)
        return partner.line if partner is not None else a.line
    if isinstance(a, TableBlock) and isinstance(b, TableBlock) and len(a.rows) == len(b.rows):
        # rows stand for each other by place only in tables of one shape (table-shape tells the rest)
        rows = [i for i in range(len(b.rows)) if b.row_line(i) <= line_b]
        return a.row_line(rows[-1]) if rows else a.line
    return a.line


def _section_code_spans(blocks: list[Block], skip: set[int] | None = None) -> list[tuple[str, int]]:
    """The inline code spans of a section's blocks, each with the line of the place it
    stands: its list item, its table row, else its block (the line to fix is the row's).
    Blocks and items that ``skip`` names (without counterpart: reported as such) are left out."""
    spans: list[tuple[str, int]] = []
    for node in walk_nodes(blocks, skip):
        inline = getattr(node, "inline", None)
        if not isinstance(inline, Inline) or not inline.code:
            continue  # a shortcode's ``inline`` is a flag
        if isinstance(node, TableBlock):
            spans.extend(zip(inline.code, _table_span_lines(node, inline.code)))
        else:
            spans.extend((code, node.line) for code in inline.code)
    return spans


def _table_span_lines(table: TableBlock, codes: list[str]) -> list[int]:
    """The line of the row (or header) that holds each of a table's code spans, read in
    order: a cursor moves down the rows. A span no cell shows as it is (escapes) stops the
    search, and the spans after it keep the last row found: linear in any table."""
    lines: list[int] = []
    row, searching = -1, True  # -1: the header
    for code in codes:
        at = row
        while searching and at < len(table.rows) and not any(code in cell for cell in (table.header if at < 0 else table.rows[at])):
            at += 1
        if at >= len(table.rows):
            searching = False
        elif searching:
            row = at
        lines.append(table.line if row < 0 else table.row_line(row))
    return lines


def _language_codes(c: Comparison) -> frozenset[str]:
    """The languages of the site (or of the two pages), lower case: the codes a path in
    code may name as its own language's folder."""
    codes = {code.lower() for code in (c.a.language, c.b.language) if code}
    if c.settings.page_map is not None:
        codes |= set(c.settings.page_map.languages)
    return frozenset(codes | {code.split("-")[0] for code in codes})


def _fold_language_folders(code: str, languages: frozenset[str]) -> str:
    """``/ja/docs/page`` and ``content/zh/docs/`` as ``/{lang}/…``: an example path a
    translation rewrites into its own language's folder is the same path."""
    if "/" not in code:
        return code
    return _LANGUAGE_FOLDER.sub(lambda m: "{lang}" if m.group(0).lower() in languages else m.group(0), code)


_LANGUAGE_FOLDER = lazy_compile(r"(?<=/)[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,4})?(?=/)")


def _inline_code(c: Comparison) -> None:
    """Inline code is not translated: the spans of aligned sections must be the same."""
    languages = _language_codes(c)
    # Chinese, Japanese and Korean mark no plural: `ServiceMonitor` there is `ServiceMonitors` here
    singular = any(family(code) in _WITHOUT_PLURAL for code in (c.a.language, c.b.language) if code)

    def fold(code: str) -> str:
        if singular:
            code = _without_plural(code)
        return _fold_language_folders(_fold_placeholders(_without_gloss(_without_ordinal(code))), languages)

    for sa, sb in c.sections.pairs + c.sections.moved:
        # an item or block without counterpart is reported as missing; its spans go with it
        spans_a = _section_code_spans(sa.blocks, c.unmatched)
        spans_b = _section_code_spans(sb.blocks, c.unmatched)
        count_a = Counter(fold(code) for code, _ in spans_a)
        count_b = Counter(fold(code) for code, _ in spans_b)
        if count_a.keys() == count_b.keys():
            continue
        if _translated_terms([code for code, _ in spans_a if fold(code) not in count_b],
                             [code for code, _ in spans_b if fold(code) not in count_a], c.fact(_page_code)):
            continue  # `Metadata` there, `元数据` here: a term set as code, translated
        named = _translated_names(c, [code for code, _ in spans_a if fold(code) not in count_b],
                                  [code for code, _ in spans_b if fold(code) not in count_a])
        alone_a = [(code, line) for code, line in spans_a if fold(code) not in count_b and code not in named]
        alone_b = [(code, line) for code, line in spans_b if fold(code) not in count_a and code not in named]
        changed = _changed_spans(alone_a, alone_b)
        slight = [_slight_span_change(x, y) for (x, _), (y, _) in changed]
        if len(changed) >= GROUPED_SPANS:
            # renamed metrics down a list: one finding with the first changes and each line
            (code_a, line_a), (code_b, line_b) = changed[0]
            shown = "; ".join(f"{_contrasted_spans(x, y)} (line {lx})" for (x, lx), (y, _) in changed[:2])
            lines = sorted({lx for (_, lx), _ in changed})
            c.report(
                CODE_MISMATCH,
                c.a,
                line_a,
                f"{len(changed)} inline code spans differ from {c.b.name} ({section_phrase(sb, before_first='its text before the first heading')}, "
                f"from line {line_b}): {shown} and {len(changed) - 2} more; here at lines "
                f"{', '.join(str(line) for line in lines[:12])}{' …' if len(lines) > 12 else ''}",
                [(c.b, line_b)],
                key="inline-changed|" + "|".join(x for (x, _), _ in changed),
                severity=Severity.INFO if all(slight) else None,
            )
        else:
            for ((code_a, line_a), (code_b, line_b)), how in zip(changed, slight):
                # one span changed ("/var/log/pods/*/*.log" here, "…/*/*/*.log" there): told once
                c.report(
                    CODE_MISMATCH,
                    c.a,
                    line_a,
                    f"inline code span {_contrasted_spans(code_a, code_b)} in {c.b.name}:{line_b}"
                    + (f"; {how}" if how else ""),
                    [(c.b, line_b)],
                    key=f"inline-changed|{code_a}|{code_b}",
                    severity=Severity.INFO if how else None,
                )
        done_a, done_b = {x[0] for x, _ in changed}, {y[0] for _, y in changed}
        for spans, side, other, other_section in (
            ([span for span in alone_a if span[0] not in done_a], c.a, c.b, sb),
            ([span for span in alone_b if span[0] not in done_b], c.b, c.a, sa),
        ):
            lonely: dict[str, int] = {}
            plain = "\n".join(block_text(b) for b in other_section.blocks)
            as_text = True
            for code, line in spans:
                lonely.setdefault(code, line)
                # written there as plain or quoted text ("settings.yml"): the same words
                as_text = as_text and len(code.strip()) >= 3 and _written_in(code.strip(), plain)
            if not lonely:
                continue
            names = list(lonely)
            shown = listed([f"`{clip(code, 40)}`" for code in names], 3)
            spans_word = "inline code span" if len(names) == 1 else f"{len(names)} inline code spans"
            if side is c.b:
                # code of the second file (the source, in a scan) that the first lacks: the
                # first file is the one to mend, where its counterpart text stands
                here = _counterpart_line(c, sb, lonely[names[0]], sa)
                found = "is written as plain text here" if as_text else "has no counterpart here"
                c.report(
                    CODE_MISMATCH,
                    c.a,
                    here,
                    f"{spans_word} {shown} ({c.b.name}:{lonely[names[0]]}) {found}"
                    f" ({section_phrase(sa, before_first='the text before the first heading')})",
                    [(c.b, lonely[names[0]])],
                    key="inline|" + "|".join(sorted(names)),
                    severity=Severity.INFO if as_text else None,
                )
                continue
            where = section_phrase(other_section, before_first="its text before the first heading")
            found = "written as plain text" if as_text else "not found"
            c.report(
                CODE_MISMATCH,
                side,
                lonely[names[0]],
                f"{spans_word} {shown} {found} in {other.name} ({where}, line {other_section.line})",
                [(other, other_section.line)],
                key="inline|" + "|".join(sorted(names)),
                severity=Severity.INFO if as_text else None,
            )


# an English ordinal of a placeholder or number set as code ("every `Nth` message", "the `2nd`"):
# a translation writes the ordinal in its own grammar around the bare `N` ("`N` 番目")
_ORDINAL = lazy_compile(r"([nNkKxXiImM]|\d+)(?:-?th|st|nd|rd)")  # not `end` or `and`


_WITHOUT_PLURAL = frozenset({"ja", "zh", "ko"})
# an English plural of a type name: "ServiceMonitors", "PodMonitors", "APIs" (a name with a
# capital inside, or an acronym: "Kubernetes" and "Postgres" end in s of their own)
_PLURAL_NAME = lazy_compile(r"([A-Z][a-z0-9]*[A-Z][A-Za-z0-9]*[a-rt-z0-9]|[A-Z]{2,})s")


def _without_plural(code: str) -> str:
    plural = _PLURAL_NAME.fullmatch(code)
    return plural.group(1) if plural else code


def _without_ordinal(code: str) -> str:
    ordinal = _ORDINAL.fullmatch(code)
    return ordinal.group(1) if ordinal else code


_TRAILING_SIGNS = ".:;,\"'"
_CODE_WORD = lazy_compile(r"[A-Za-z][A-Za-z0-9]*")
_CODE_CHARS = lazy_compile(r"[_./:=()\[\]{}<>$@\\]|\d|[a-z][A-Z]")


def _code_core(span: str) -> str:
    """The code in a span, without words around it ("adding spec.image" → "spec.image",
    "新しいhttp_sd_configs" → "http_sd_configs"): its words that look like code."""
    ascii_only = re.sub(r"[^\x00-\x7f]+", " ", span)
    return " ".join(word for word in ascii_only.split() if _CODE_CHARS.search(word))


def _slight_span_change(a: str, b: str) -> str:
    """Which alone tells two paired spans apart, when it is no change to the code: spacing
    ("privileged:true" / "privileged: true"), a sign after it ("traces:" / "traces"), an
    English plural a translation drops ("Deployments" / "Deployment": Japanese has none), or
    words written around the code ("adding spec.image" / "spec.image"). "" otherwise: case
    matters ("Ok(())" / "OK(())"), and so does any other character."""
    if "".join(a.split()) == "".join(b.split()):
        return "only the spacing differs"
    if a.rstrip(_TRAILING_SIGNS) == b.rstrip(_TRAILING_SIGNS):
        return "only a sign after the code differs"
    short, long = sorted((a, b), key=len)
    if _CODE_WORD.fullmatch(short) and long in (short + "s", short + "es"):
        return "only a plural ending differs"
    core = _code_core(a)
    if core and core == _code_core(b):
        return "only words around the code differ"
    return ""


# a term with its translation in brackets: "Internal（内部）", "落后于主分支（out-of-date with the base branch）"
# (an ASCII bracket after a space only: "len(名前)" is a call)
_GLOSSED = lazy_compile(r"\s*([^（(]+?)(?:\s*（([^）]+)）|\s+\(([^)]+)\))\s*")


def _without_gloss(code: str) -> str:
    """A span that gives a term in two languages, one of them in brackets, as the term the
    other version writes (the ASCII one): the translation added, the code the same."""
    if "（" not in code and "(" not in code:
        return code
    glossed = _GLOSSED.fullmatch(code)
    if glossed is None:
        return code
    outside, inside = glossed.group(1), glossed.group(2) or glossed.group(3)
    if outside.isascii() != inside.isascii():
        return outside if outside.isascii() else inside
    return code


def _contrasted_spans(here: str, there: str) -> str:
    shown_a, shown_b = contrast(here, there)
    return f"{shown_a} here but {shown_b}"


def _first_of_each(spans: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Each span once, at its first line, in order."""
    first: dict[str, int] = {}
    for code, line in spans:
        first.setdefault(code, line)
    return list(first.items())


def _changed_spans(alone_a: list[tuple[str, int]], alone_b: list[tuple[str, int]]) -> list[tuple[tuple[str, int], tuple[str, int]]]:
    """Spans each version has alone that are one span changed: the most alike first (a
    difflib ratio of NEAREST_SPAN or more), each span in one pair, told in A's order.
    (Most alike first, not A's order: a span is not taken by a neighbour that only shares
    its long beginning, "…/xsd.xml?key=…" for "…/trip.json?key=…&<parameters>".)"""
    spans_a, spans_b = _first_of_each(alone_a), _first_of_each(alone_b)
    if len(spans_a) * len(spans_b) > MAX_SPAN_COMPARISONS:
        return []  # a section rewritten throughout: its spans are told as they are
    scored: list[tuple[float, int, int]] = []
    for i, (code_a, _) in enumerate(spans_a):
        for j, (code_b, _) in enumerate(spans_b):
            ratio = _span_ratio(code_a, code_b)
            if ratio >= NEAREST_SPAN:
                scored.append((-ratio, i, j))
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted(scored):
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            pairs.append((i, j))
    return [(spans_a[i], spans_b[j]) for i, j in sorted(pairs)]


MAX_SPAN_COMPARISONS = 2500  # span pairs of one section compared for a change at most


def _span_ratio(a: str, b: str) -> float:
    """difflib's ratio of two spans, 0 where its quick upper bounds are below NEAREST_SPAN."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < NEAREST_SPAN or matcher.quick_ratio() < NEAREST_SPAN:
        return 0.0
    return matcher.ratio()


NEAREST_SPAN = 0.72  # difflib ratio from which a span alone there is the one changed
GROUPED_SPANS = 3  # changed spans of one section told as one finding from this many on


def _translated_names(c: Comparison, lonely_a: list[str], lonely_b: list[str]) -> set[str]:
    """Spans each version has alone that stand for each other in the two versions' code: a
    string literal at the same place of aligned code lines, one of them in its own page's
    words (`nome-do-escopo-de-instrumentacao` here, `instrumentation-scope-name` there)."""
    if not lonely_a or not lonely_b:
        return set()
    found: set[str] = set()
    translated = c.fact(_translated_strings)
    for x, y in translated:
        if x in lonely_a and y in lonely_b:
            found.update((x, y))
    # `do_work()` here, `fazer_trabalho()` there: a span written with names the code renamed
    renaming = dict(translated)
    if renaming:
        wanted = set(lonely_b)
        for span in lonely_a:
            renamed = _CODE_NAME.sub(lambda m: renaming.get(m.group(0), m.group(0)), span)
            if renamed != span and renamed in wanted:
                found.update((span, renamed))
    return found


_CODE_NAME = lazy_compile(r"[^\W\d]\w*")


def _translated_strings(c: Comparison) -> set[tuple[str, str]]:
    """(A's, B's) string literals at the same place of aligned code lines that differ, one
    of them a name in its own page's words (see ``code_names``)."""
    found: set[tuple[str, str]] = set()
    renamed: list[tuple[str, str]] = []
    for pair in c.block_pairs:
        a, b = pair.a, pair.b
        if not (isinstance(a, CodeBlock) and isinstance(b, CodeBlock)) or a.code == b.code:
            continue
        hashes = _hash_comments(a) or _hash_comments(b)
        lines_a = _without_comments(_code_as_read(a.code).split("\n"), hashes)
        lines_b = _without_comments(_code_as_read(b.code).split("\n"), hashes)
        # the whole example renamed into the page's words: each of its names stands for the other
        renamed.extend(_page_renaming(_fold_prose_strings(lines_a), _fold_prose_strings(lines_b), c) or [])
        if len(lines_a) != len(lines_b):
            continue
        for line_a, line_b in zip(lines_a, lines_b):
            if line_a == line_b or _STRING.sub('""', line_a) != _STRING.sub('""', line_b):
                continue
            for x, y in zip(_STRING.findall(line_a), _STRING.findall(line_b)):
                if x != y:
                    found.add((x[1:-1], y[1:-1]))
    if not found:
        return set(renamed)
    words_a, words_b = page_words(c.a.doc), page_words(c.b.doc)  # only now: few pages get here
    return {(x, y) for x, y in found if in_own_language(x, words_a, words_b) or in_own_language(y, words_b, words_a)} | set(renamed)


_PROSE_TERM = lazy_compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")


def _translated_terms(lonely_a: list[str], lonely_b: list[str], page_code: tuple[str, str]) -> bool:
    """Are the spans each version has alone words, as many on each side, and those of one
    side written with letters beyond ASCII (`元数据`, `olá` for `Metadata`, `hello`), while
    the other side's words appear nowhere in the code of the translated page? A term styled
    as code and translated, not code: identifiers have no such letters, a folder name the
    page's own commands still use (`anunțuri` for `announcements`, in
    `content/ro/announcements/…`) was translated by mistake, and a changed `true`/`false`
    or `GET`/`POST` (ASCII on both sides) is still reported."""
    if not lonely_a or len(set(lonely_a)) != len(set(lonely_b)):
        return False
    if not all(_PROSE_TERM.fullmatch(code.strip()) for code in lonely_a + lonely_b):
        return False
    for words, ours, code_there in ((lonely_a, lonely_b, page_code[0]), (lonely_b, lonely_a, page_code[1])):
        if all(not code.isascii() for code in words) and all(code.isascii() for code in ours):
            return not any(_written_in(code.strip(), code_there) for code in ours)
    return False


def _page_code(c: Comparison) -> tuple[str, str]:
    """All code of each page (blocks and inline spans), one text per side."""
    def code_of(infos: list[SectionInfo]) -> str:
        blocks = [block for info in infos for block in info.blocks]
        return "\n".join([block.code for block in _read_deep_code_blocks(blocks)] + [code for code, _ in _section_code_spans(blocks)])

    return code_of(c.sections.a), code_of(c.sections.b)


def _written_in(code: str, text: str) -> bool:
    """``code`` stands in ``text`` as a whole ("settings.yml" in quotes), not as part of a
    longer word ("pip install tool" inside "pip install tools"). Words set as code are
    found whether joined by spaces or hyphens (`page local` in "a page-local list")."""
    if _PHRASE.fullmatch(code):
        pattern = r"[ \t-]+".join(re.escape(word) for word in re.split(r"[\s-]+", code))  # within a line
    else:
        pattern = re.escape(code)
    return re.search(r"(?<![\w.-])" + pattern + r"(?![\w-])", text) is not None


_PHRASE = lazy_compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)+")  # words only, two or more


# --- what the engine runs: each check with the rules it reports --------------------------------

CHECKS: tuple[Check, ...] = (
    Check(check_sections, (MISSING_SECTION, HEADING_LEVEL, SECTION_ORDER,)),
    Check(check_blocks, (BULLET_COUNT, LIST_KIND, PARAGRAPH_COUNT, TABLE_SHAPE, CODE_MISMATCH,)),
)
