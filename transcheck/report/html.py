"""The editor's view: one self-contained HTML file, the two versions side by side,
aligned section by section, every finding at the place it concerns.

No fonts, scripts or styles from the network; every piece of page text is escaped.

A pair's side-by-side view is a *fragment* that depends on the two parsed pages only, not on
the findings: ``scan`` renders it in the worker that compared the pair (no second alignment),
and the cache can keep it. The findings are listed with each pair and the page's script moves
each one to its place (the element at or before its line, on its side) when the pair is
opened. The fragments are embedded lazily: as ``<template>`` elements for a small report, as
one gzip stream (decompressed by the browser's own ``DecompressionStream``) for a large one,
so a site of hundreds of pairs stays a few megabytes and opens at once.
"""

from __future__ import annotations

import base64
import zlib
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from msgspec import Struct


from transcheck.rules.orphan import ORPHAN
from transcheck.align.alignment import SectionInfo
from transcheck.pair.comparison import Comparison
from transcheck.findings import Finding, Severity
from transcheck.wording import plural, shorten
from transcheck.report import dashboard as dash
from transcheck.report.dashboard import escape
from transcheck.report.paths import PathStyle
from transcheck.document.model import (
    Block,
    BlockQuote,
    CodeBlock,
    HtmlBlock,
    ListBlock,
    Paragraph,
    Shortcode,
    TableBlock,
    ThematicBreak,
)

if TYPE_CHECKING:
    from transcheck.pair.settings import Settings
    from transcheck.site.scan import ScanResult

_MAX_TEXT = 400
# fragments up to this many characters in all are embedded as plain <template>s (readable,
# searchable with grep); past it the report switches to one compressed stream
PLAIN_LIMIT = 1_000_000


def _label(sc: Shortcode) -> str:
    args = [f'"{shorten(v, 40)}"' for v in sc.positional] + [f'{k}="{shorten(v, 40)}"' for k, v in sc.named]
    if sc.syntax == "zola":
        call = f"{sc.name}({', '.join(args)})"
        return f"{{% {call} %}}" if sc.delimiter == "%" else f"{{{{ {call} }}}}"
    close = ">" if sc.delimiter == "<" else "%"
    return f"{{{{{sc.delimiter} {sc.name}{(' ' + ' '.join(args)) if args else ''} {close}}}}}"


# -- the fragment: both pages, aligned, without findings ------------------------------------------
#
# Each element starts with its line number (<span class="ln">); the findings about it go at
# its end (before a list item's nested blocks, a shortcode's inner blocks; after a heading; in
# the value cell of a front-matter entry), where the page's script puts them. Nothing else is
# marked, to keep the fragments small: the script knows the side from the column.


def _ln(line: int) -> str:
    return f'<span class="ln">{line}</span>'


def _blocks(blocks: list[Block]) -> str:
    return "".join(_block(block) for block in blocks)


def _block(block: Block) -> str:
    line = block.line
    if isinstance(block, Paragraph):
        body = f"<p>{escape(shorten(block.text, _MAX_TEXT))}</p>"
    elif isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        items = []
        for item in block.items:
            nested = _blocks(item.blocks) if item.blocks else ""
            items.append(f"<li>{_ln(item.line)}{escape(shorten(item.text, 200))}{nested}</li>")
        start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
        return f'<div class="block list">{_ln(line)}<{tag}{start}>{"".join(items)}</{tag}></div>'
    elif isinstance(block, CodeBlock):
        body = f"<pre><code>{escape(block.code[:2000])}</code></pre>"
    elif isinstance(block, TableBlock):
        rows = "".join("<tr>" + "".join(f"<td>{escape(shorten(c, 80))}</td>" for c in row) + "</tr>" for row in block.rows[:50])
        head = "".join(f"<th>{escape(shorten(h, 80))}</th>" for h in block.header)
        body = f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    elif isinstance(block, BlockQuote):
        body = f"<blockquote>{_blocks(block.blocks)}</blockquote>"
    elif isinstance(block, HtmlBlock):
        body = f'<pre class="html">{escape(shorten(block.html, 300))}</pre>'
    elif isinstance(block, ThematicBreak):
        body = "<hr>"
    elif isinstance(block, Shortcode):
        inner = _blocks(block.body.blocks) if block.body is not None else ""
        return (f'<div class="block shortcode">{_ln(line)}<code class="sc">{escape(_label(block))}</code>'
                f'<div class="inner">{inner}</div></div>')
    else:
        body = ""
    return f'<div class="block {block.type}">{_ln(line)}{body}</div>'


def _section_cell(info: SectionInfo | None) -> str:
    if info is None:
        return '<div class="cell gap">no counterpart here</div>'
    heading = ""
    if info.section is not None:
        marker = "bold line" if info.style == "bold" else "#" * info.level
        heading = f'<h3>{_ln(info.line)}<span class="lvl">{escape(marker)}</span> {escape(info.title)}</h3>'
    return f'<div class="cell">{heading}{_blocks(info.blocks)}</div>'


def _front_matter_cell(comparison: Comparison, side: str) -> str:
    doc = (comparison.a if side == "a" else comparison.b).doc
    rows = "".join(
        f"<tr><td>{_ln(entry.line)}</td><th>{escape(entry.key)}</th><td>{escape(shorten(entry.raw, 120))}</td></tr>"
        for entry in doc.front_matter.entries
    )
    table = f'<table class="fm">{rows}</table>' if rows else '<p class="muted">no front matter</p>'
    return f'<div class="cell">{table}</div>'


def _rows(c: Comparison) -> list[tuple[SectionInfo | None, SectionInfo | None]]:
    """Aligned sections in reading order, with a gap where one side has none."""
    alignment = c.sections
    keyed: list[tuple[float, int, SectionInfo | None, SectionInfo | None]] = []
    partner_b = alignment.partner_of_b()
    for a, b in alignment.pairs + alignment.moved:
        keyed.append((a.index, 0, a, b))
    for a in alignment.only_a:
        keyed.append((a.index, 0, a, None))
    for b in alignment.only_b:
        before = [partner_b[i].index for i in range(b.index) if i in partner_b]
        keyed.append(((max(before) if before else 0) + 0.5, b.index, None, b))
    keyed.sort(key=lambda row: (row[0], row[1]))
    return [(a, b) for _, _, a, b in keyed]


def draw_pair(comparison: Comparison | None) -> str | None:
    """A pair's view for a scan's report, drawn where the pair was compared (site.scan calls
    it in its workers); None when a file could not be compared. Never raises: a view that
    cannot be drawn shows why instead."""
    if comparison is None:
        return None
    try:
        return pair_fragment(comparison)
    except Exception as error:  # noqa: BLE001 - a view that cannot be drawn must not end the scan
        return failed_fragment(error)


def pair_fragment(comparison: Comparison) -> str:
    """The side-by-side rows of a pair (translation left, source right): what the page's script
    puts in the pair's grid. Depends on the two documents only, so it is rendered where the
    comparison exists and can be cached with the pair."""
    body = [f'<div class="row">{_front_matter_cell(comparison, "a")}{_front_matter_cell(comparison, "b")}</div>']
    for a, b in _rows(comparison):
        body.append(f'<div class="row">{_section_cell(a)}{_section_cell(b)}</div>')
    return "".join(body)


def failed_fragment(error: BaseException) -> str:
    """What a pair shows when its view could not be drawn (its findings are still listed)."""
    detail = " ".join(str(error).split())[:200]
    return (f'<div class="row"><div class="cell gap">the side-by-side view could not be drawn: '
            f'{escape(type(error).__name__)} {escape(detail)} (a bug; please report it)</div><div class="cell gap"></div></div>')


# -- the fragments, embedded ----------------------------------------------------------------------


class DetailStore:
    """The pairs' fragments in the order they arrive, compressed as they come: memory holds the
    compressed stream (and the plain text only while it is small)."""

    def __init__(self, plain_limit: int | None = None) -> None:
        self._zip = zlib.compressobj(6, zlib.DEFLATED, 31)  # gzip wrapper, mtime 0: deterministic
        self._packed = bytearray()  # one buffer, not a list of pieces joined at the end
        self._offsets: list[int] = [0]
        self._plain: list[str] | None = []
        self._plain_size = 0
        self._limit = PLAIN_LIMIT if plain_limit is None else plain_limit

    def add(self, fragment: str) -> int:
        """Store a fragment; its index in the store."""
        data = fragment.encode("utf-8")
        self._packed += self._zip.compress(data)
        self._offsets.append(self._offsets[-1] + len(data))
        if self._plain is not None:
            self._plain_size += len(fragment)
            if self._plain_size > self._limit:
                self._plain = None
            else:
                self._plain.append(fragment)
        return len(self._offsets) - 2

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @property
    def packed(self) -> bool:
        return self._plain is None

    def embed(self) -> list[str]:
        """The fragments as the page holds them, in parts (joined once with the rest of the
        page: a report of megabytes is not copied more than it must be). Once only: the
        compressed stream is given away."""
        if self._plain is not None:
            return [f'<template id="d-{i}">{fragment}</template>' for i, fragment in enumerate(self._plain)]
        self._packed += self._zip.flush()
        offsets = ",".join(str(o) for o in self._offsets)
        raw = base64.b64encode(self._packed)
        self._packed = bytearray()
        encoded = raw.decode("ascii")
        del raw
        return [f'<script type="application/octet-stream" id="details-gz" data-offsets="{offsets}">', encoded, "</script>"]


# -- the report -----------------------------------------------------------------------------------


class PairView(Struct):
    comparison: Comparison
    findings: list[Finding]
    index: int = 0


class PairEntry(Struct):
    """A pair as the report lists it: its files (raw paths), languages, findings and the index
    of its fragment in the store (None: no side-by-side view)."""

    translation: str
    source: str
    languages: tuple[str, str]
    findings: list[Finding]
    detail: int | None


def _finding_html(shown: Finding, ident: str, side: str) -> str:
    severity = shown.severity.label
    return (
        f'<div class="finding sev-{severity}" id="{ident}" data-severity="{severity}" data-s="{side}" '
        f'data-l="{shown.line}"><span class="badge">{escape(shown.code)} {escape(shown.rule)}</span> '
        f'<span class="where">line {shown.line}</span> {escape(shown.message)}</div>'
    )


def _pair_block(number: int, entry: PairEntry, style: PathStyle, counter: Counter[str],
                listed: list[tuple[Finding, str]], open_: bool) -> str:
    """The pair's <details>: its name, its findings (moved into the grid by the script)."""
    notes: list[str] = []
    related: list[str] = []
    for finding in entry.findings:
        counter["n"] += 1
        ident = f"f{counter['n']}"
        side = "a" if finding.path == entry.translation else "b" if finding.path == entry.source else "a"
        shown = style.finding(finding)
        notes.append(_finding_html(shown, ident, side))
        severity = finding.severity.label
        for location in finding.related:
            other = "a" if location.path == entry.translation else "b"
            related.append(
                f'<a class="related sev-{severity}" data-severity="{severity}" data-s="{other}" data-l="{location.line}" '
                f'href="#{ident}">↔ {escape(finding.code)} {escape(finding.rule)} (line {location.line} here)</a>'
            )
        listed.append((shown, ident))
    counts = Counter(f.severity for f in entry.findings)
    summary = " · ".join(f"{counts[s]} {s.label}{'' if counts[s] == 1 else 's'}"
                         for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s])
    detail = f' data-d="{entry.detail}"' if entry.detail is not None else ""
    return (
        f'<details class="pair" id="pair-{number}"{detail} data-la="{escape(entry.languages[0])}" '
        f'data-lb="{escape(entry.languages[1])}"{" open" if open_ else ""}><summary><span class="pa">{escape(style(entry.translation))}'
        f'</span> ↔ <span class="pb">{escape(style(entry.source))}</span> <span class="muted">{summary or "no findings"}</span>'
        f'</summary><div class="pending">{"".join(notes)}{"".join(related)}</div></details>'
    )


def _others_html(others: list[Finding], counter: Counter[str], style: PathStyle) -> tuple[str, list[tuple[Finding, str]]]:
    """Findings no pair view can show: pages without a translation, files that could not
    be read or parsed. Listed by file, so the report loses nothing the text output has."""
    listed: list[tuple[Finding, str]] = []
    items = []
    for finding in style.findings(others):
        counter["n"] += 1
        ident = f"f{counter['n']}"
        severity = finding.severity.label
        items.append(
            f'<li><div class="finding sev-{severity}" id="{ident}" data-severity="{severity}" tabindex="-1">'
            f'<span class="badge">{escape(finding.code)} {escape(finding.rule)}</span> '
            f'<span class="where">{escape(finding.path)}:{finding.line}</span> {escape(finding.message)}</div></li>'
        )
        listed.append((finding, ident))
    if not items:
        return "", listed
    return (
        f'<details class="pair others" id="others" open><summary>Files without a side-by-side view '
        f'<span class="muted">({len(items)} finding{"" if len(items) == 1 else "s"})</span></summary>'
        f'<ul class="others">{"".join(items)}</ul></details>',
        listed,
    )


def render_page(
    entries: Iterable[PairEntry],
    store: DetailStore,
    title: str = "transcheck report",
    style: PathStyle | None = None,
    others: list[Finding] | None = None,
    board: dash.Dashboard | None = None,
) -> str:
    """The report: totals, the dashboard (a site), every pair collapsed with its findings, and
    the fragments of ``store`` for the script to open them with."""
    style = style or PathStyle()
    entries = list(entries)
    counter: Counter[str] = Counter()
    listed: list[tuple[Finding, str]] = []
    open_all = len(entries) <= 3  # a check report: opened at once; a site: on demand
    sections = [_pair_block(number, entry, style, counter, listed, open_all) for number, entry in enumerate(entries, 1)]
    others_html, others_listed = _others_html(others or [], counter, style)
    listed.extend(others_listed)
    if others_html:
        sections.append(others_html)
    by_severity = Counter(f.severity.label for f, _ in listed)
    if board is not None:
        board.rules = dash.rule_counts(f for f, _ in listed)
        overview = dash.render_dashboard(board)
    else:
        overview = dash.rules_html(dash.rule_counts(f for f, _ in listed))
    filters = "".join(
        f'<label><input type="checkbox" class="filter" value="{s}" checked> {s} ({by_severity.get(s, 0)})</label>'
        for s in ("error", "warning", "info")
    )
    page = _PAGE.format(
        title=escape(title),
        css=_CSS + dash.CSS,
        js=_JS + dash.JS + _READY_JS,
        errors=plural(by_severity.get("error", 0), "error"),
        warnings=plural(by_severity.get("warning", 0), "warning"),
        infos=plural(by_severity.get("info", 0), "info"),
        filters=filters,
        overview=overview,
        findings="" if listed else "<li>No findings.</li>",
        pairs="".join(sections),
        details=_DETAILS,
    )
    before, after = page.rsplit(_DETAILS, 1)
    del page, sections  # what the views are joined with is all that is kept
    if store.packed:
        # the page around the (ASCII) stream as ASCII too, non-ASCII text as character
        # references: Python then holds the whole report at one byte a character, not two
        before, after = (part.encode("ascii", "xmlcharrefreplace").decode("ascii") for part in (before, after))
    return "".join([before, *store.embed(), after])


def render_report(
    views: list[PairView],
    title: str = "transcheck report",
    style: PathStyle | None = None,
    others: list[Finding] | None = None,
) -> str:
    """The report of ``views`` (compared pairs); ``others`` are findings of files no view shows
    (orphans, parse errors). Findings come as checked: paths are shown by ``style`` here."""
    store = DetailStore()
    entries = []
    for view in views:
        c = view.comparison
        entries.append(PairEntry(c.a.path, c.b.path, (c.a.language or "", c.b.language or ""), view.findings,
                                 store.add(pair_fragment(c))))
    return render_page(entries, store, title, style, others)


class ViewCollector:
    """Receives each pair's view from `scan` (its ``detail`` callback) as the workers finish."""

    def __init__(self, plain_limit: int | None = None) -> None:
        self.store = DetailStore(plain_limit)
        self.views: dict[tuple[str, str], tuple[int | None, tuple[str, str]]] = {}

    def __call__(self, result: object, view: str | None) -> None:
        files = result.files  # type: ignore[attr-defined]
        index = self.store.add(view) if view is not None else None
        self.views[(files[0].path, files[1].path)] = (index, (files[0].language or "", files[1].language or ""))


def render_site(
    pairs: Sequence[tuple[str, str]],
    languages: Mapping[str, str],
    findings: list[Finding],
    collector: ViewCollector,
    style: PathStyle,
    site_style: PathStyle,
    missing: Counter[str] | None = None,
    git: bool = False,
    site_name: str = "",
) -> str:
    """The report of a scan: the dashboard, then every pair with a view. A pair's findings are
    those of its translation, and those of its source that name the translation (or, for the
    first pair of a source, that name no file); the rest are listed on their own, among them
    the pages without a translation (counted as missing, not as the drift of a pair).

    Findings show paths as every output does (``style``); the dashboard's table relative to
    the site's root (``site_style``)."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    entries: list[PairEntry] = []
    rows: list[dash.Row] = []
    claimed: set[str] = set()
    shown: set[int] = set()
    for translation, source in pairs:
        index, langs = collector.views.get((translation, source), (None, ("", "")))
        mine = list(by_path.get(translation, []))
        first = index is not None and source not in claimed
        mine += [f for f in by_path.get(source, [])
                 if any(r.path == translation for r in f.related) or (first and not f.related and f.rule != ORPHAN.name)]
        if index is not None:
            claimed.add(source)
        mine.sort(key=Finding.sort_key)
        language = languages.get(translation) or langs[0]
        number = None
        if index is not None:
            entries.append(PairEntry(translation, source, (langs[0] or language, langs[1] or languages.get(source, "")),
                                     mine, index))
            number = len(entries)
            shown.update(id(f) for f in mine)
        rows.append(dash.scan_row(number, language, site_style(translation), site_style(source), mine))
    others = [f for f in findings if id(f) not in shown]
    board = dash.Dashboard(dash.SCAN_COLUMNS, rows, dash.SCAN_STATES, missing=missing or Counter())
    if git:
        board.labels = {dash.CLEAN: "up to date, no errors or warnings"}
    where = f" of {site_name}" if site_name else ""
    board.caption = (f"{plural(len(pairs), 'pair')}; paths relative to the root{where}. Drifted: the pair has findings of "
                     f"that severity" + ("; behind: git says the source changed since the translation was updated"
                                         if git else "; a pair is behind its source only in a git repository"))
    return render_page(entries, collector.store, f"transcheck: {len(entries)} pairs", style, others, board)


def render_status_page(board: dash.Dashboard, title: str, notes: list[str]) -> str:
    """`status --format html`: the dashboard alone (status compares no pages)."""
    listed = "".join(f"<li>{escape(note)}</li>" for note in notes)
    return _STATUS_PAGE.format(title=escape(title), css=_CSS + dash.CSS, js=dash.JS + _READY_JS,
                               notes=f'<ul class="notes">{listed}</ul>' if listed else "",
                               overview=dash.render_dashboard(board))


# nothing from the network: styles and the script are inline, images data: URLs
_HEAD = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{css}</style>
</head>
"""

_DETAILS = "<!--transcheck:details-->"  # where the fragments go (page text is escaped: it never has this)

_PAGE = _HEAD + """<body>
<header>
<h1>{title}</h1>
<p class="totals"><span class="sev-error">{errors}</span> · <span class="sev-warning">{warnings}</span> · <span class="sev-info">{infos}</span></p>
<fieldset class="filters"><legend>Show</legend>{filters}</fieldset>
<p class="muted">Keys: <kbd>n</kbd> next finding, <kbd>p</kbd> previous. A pair's side-by-side view opens with it.</p>
{overview}
<details id="all-findings"><summary>All findings</summary><ol class="findings">{findings}</ol></details>
</header>
<main>{pairs}</main>
{details}
<script>{js}</script>
</body>
</html>
"""

_STATUS_PAGE = _HEAD + """<body>
<header><h1>{title}</h1>{notes}</header>
{overview}
<script>{js}</script>
</body>
</html>
"""

# last: the page is usable (the table sorted and filtered as the address asked); the time since
# navigation began, for the benchmark
_READY_JS = """
document.body.setAttribute("data-ready", "1");
document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
"""

_CSS = """
:root { --bg:#fff; --fg:#1b1b1b; --muted:#5a5a5a; --line:#d0d0d0; --cell:#fafafa; --gap:#fff4e5;
  --error:#a40000; --error-bg:#fde7e7; --warning:#7a4d00; --warning-bg:#fff3d6; --info:#004d80; --info-bg:#e3f1fc; }
@media (prefers-color-scheme: dark) {
  :root { --bg:#121212; --fg:#e8e8e8; --muted:#b0b0b0; --line:#3a3a3a; --cell:#1c1c1c; --gap:#2d2414;
    --error:#ff9c9c; --error-bg:#3a1515; --warning:#ffd27a; --warning-bg:#33270f; --info:#9fd0ff; --info-bg:#12283a; }
}
* { box-sizing: border-box; }
body { margin:0; padding:1rem; background:var(--bg); color:var(--fg); font:15px/1.45 system-ui, sans-serif; }
h1 { margin:0 0 .3rem; font-size:1.4rem; }
.muted { color:var(--muted); }
.totals span { font-weight:600; }
.sev-error { color:var(--error); } .sev-warning { color:var(--warning); } .sev-info { color:var(--info); }
.filters { border:1px solid var(--line); display:inline-block; padding:.2rem .6rem; }
.filters label { margin-right:1rem; }
details.pair { border:1px solid var(--line); margin:1rem 0; }
details.pair > summary { padding:.5rem; cursor:pointer; font-weight:600; }
/* hundreds of collapsed pairs: the browser lays out only those on screen */
main > details.pair { content-visibility:auto; contain-intrinsic-size:auto 2.6rem; }
.grid { display:grid; grid-template-columns:1fr 1fr; }
.row { display:contents; }
.cell { border-top:1px solid var(--line); padding:.4rem .6rem; background:var(--cell); overflow-wrap:anywhere; min-width:0; }
.cell + .cell { border-left:1px solid var(--line); }
.row.head .cell { background:var(--bg); position:sticky; top:0; z-index:1; }
.cell.gap { background:var(--gap); color:var(--muted); font-style:italic; }
.ln { display:inline-block; min-width:2.6em; color:var(--muted); font:12px ui-monospace, monospace; margin-right:.4em; }
h3 { font-size:1rem; margin:.2rem 0; } .lvl { color:var(--muted); font-family:ui-monospace, monospace; margin-right:.3em; }
.block { margin:.2rem 0 .2rem .2rem; } .block p { display:inline; margin:0; }
.shortcode .inner { margin-left:1rem; border-left:2px solid var(--line); padding-left:.5rem; }
code.sc, pre { font:13px ui-monospace, monospace; } pre { white-space:pre-wrap; margin:.2rem 0; }
ul, ol { margin:.2rem 0 .2rem 1.2rem; padding:0; }
table { border-collapse:collapse; } td, th { border:1px solid var(--line); padding:.1rem .3rem; text-align:left; vertical-align:top; }
table.fm { width:100%; font-size:13px; } table.fm th { white-space:nowrap; overflow-wrap:normal; }
.finding { margin:.25rem 0; padding:.3rem .5rem; border-left:4px solid; border-radius:2px; }
.finding.sev-error { background:var(--error-bg); border-color:var(--error); }
.finding.sev-warning { background:var(--warning-bg); border-color:var(--warning); }
.finding.sev-info { background:var(--info-bg); border-color:var(--info); }
.finding .badge { font-weight:700; font-family:ui-monospace, monospace; font-size:13px; }
.finding .where { color:var(--muted); font-size:12px; }
.finding:focus, .finding.current { outline:3px solid var(--fg); }
a.related { display:block; font-size:13px; margin:.15rem 0; }
.pending { padding:0 .6rem; } .pending > a.related { display:none; }
.notes { color:var(--muted); }
a { color:inherit; }
.hidden { display:none !important; }
kbd { border:1px solid var(--line); border-radius:3px; padding:0 .3em; font-size:12px; }
@media print {
  body { font-size:11pt; } .filters, kbd { display:none; } details { display:block; }
  details > :not(summary) { display:block !important; } .row.head .cell { position:static; }
  .finding { break-inside:avoid; }
}
"""


_JS = """
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input.filter"));
  function apply() {
    var shown = {};
    boxes.forEach(function (box) { shown[box.value] = box.checked; });
    document.querySelectorAll("[data-severity]").forEach(function (el) {
      el.classList.toggle("hidden", !shown[el.getAttribute("data-severity")]);
    });
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  var hash = decodeURIComponent(location.hash || "");
  var match = /filter=([a-z,]+)/.exec(hash);
  if (match) {
    var wanted = match[1].split(",");
    boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
  }
  apply();

  // -- the pairs' side-by-side views, built when a pair is opened --------------------------
  var packed = document.getElementById("details-gz");
  var unpacked = null, unpacking = null;
  function unpack() {
    if (!unpacking) {
      var text = atob(packed.textContent.trim());
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i += 1) { bytes[i] = text.charCodeAt(i); }
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      unpacking = new Response(stream).arrayBuffer().then(function (buffer) {
        unpacked = new Uint8Array(buffer);
        document.body.setAttribute("data-details", "1");
      });
    }
    return unpacking;
  }
  var offsets = packed ? packed.getAttribute("data-offsets").split(",").map(Number) : [];
  var decoder = new TextDecoder();
  function fragment(index) {
    var template = document.getElementById("d-" + index);
    if (template) { return template.innerHTML; }
    return decoder.decode(unpacked.subarray(offsets[index], offsets[index + 1]));
  }
  function side(el) {
    var cell = el.closest(".cell");
    return cell && cell.previousElementSibling ? "b" : "a";
  }
  function head(pair) {
    var row = document.createElement("div");
    row.className = "row head";
    [["pa", "la"], ["pb", "lb"]].forEach(function (names) {
      var cell = document.createElement("div");
      cell.className = "cell";
      var strong = document.createElement("strong");
      strong.textContent = pair.querySelector("summary ." + names[0]).textContent;
      var lang = document.createElement("span");
      lang.className = "muted";
      lang.textContent = pair.getAttribute("data-" + names[1]);
      cell.appendChild(strong);
      cell.appendChild(document.createTextNode(" "));
      cell.appendChild(lang);
      row.appendChild(cell);
    });
    return row;
  }
  function build(pair) {
    var number = pair.id.slice(5);
    var grid = document.createElement("div");
    grid.className = "grid";
    grid.setAttribute("role", "table");
    grid.innerHTML = fragment(+pair.getAttribute("data-d"));
    grid.insertBefore(head(pair), grid.firstChild);
    grid.querySelectorAll(".ln").forEach(function (ln) {
      ln.id = number + "-" + side(ln) + "-" + ln.textContent;
    });
    // anchors per side: [line, element whose end the notes go to]; line 0 is the front matter
    var anchors = { a: [], b: [] };
    var first = grid.children[1];
    if (first) {
      Array.prototype.forEach.call(first.children, function (cell) { anchors[side(cell)].push([0, cell]); });
    }
    grid.querySelectorAll(".ln").forEach(function (ln) { anchors[side(ln)].push([+ln.textContent, ln]); });
    function at(where, line) {
      var best = null;
      anchors[where].forEach(function (entry) {
        if (entry[0] <= line && (!best || entry[0] >= best[0])) { best = entry; }
      });
      return best && best[1];
    }
    // a note goes at the end of the element the line number starts: after a heading, into the
    // value of a front-matter entry, before a list item's (or shortcode's) inner blocks
    // (where is computed once per anchor, so several notes keep their order)
    function where(anchor) {
      if (!anchor.classList.contains("ln")) { return [anchor, null]; }
      var box = anchor.parentNode;
      if (box.tagName === "H3") { return [box.parentNode, box.nextSibling]; }
      if (box.tagName === "TD") { return [box.parentNode.lastElementChild, null]; }
      var inner = null;
      for (var child = box.firstElementChild; child; child = child.nextElementSibling) {
        if (child.tagName === "DIV") { inner = child; break; }
      }
      return [box, inner];
    }
    var pending = pair.querySelector(".pending");
    var places = new Map();
    Array.prototype.slice.call(pending.children).forEach(function (note) {
      var anchor = at(note.getAttribute("data-s"), +note.getAttribute("data-l"));
      if (!anchor) { return; }
      if (!places.has(anchor)) { places.set(anchor, where(anchor)); }
      var place = places.get(anchor);
      place[0].insertBefore(note, place[1]);
    });
    pair.appendChild(grid);
    pair.setAttribute("data-built", "1");
  }
  function ready(pair) { return pair.hasAttribute("data-built") || !pair.hasAttribute("data-d"); }
  // calls then() once the pair's view is built (at once unless the stream is still unpacking)
  function open(pair, then) {
    pair.open = true;
    if (ready(pair)) { if (then) { then(); } return; }
    if (!packed || unpacked) { build(pair); if (then) { then(); } return; }
    unpack().then(function () { if (!ready(pair)) { build(pair); } if (then) { then(); } });
  }
  document.querySelectorAll("details.pair[data-d]").forEach(function (pair) {
    pair.addEventListener("toggle", function () { if (pair.open) { open(pair); } });
    if (pair.open) { open(pair); }
  });
  function reveal(id) {
    var target = id && document.getElementById(id);
    var line = /^(\\d+)-[ab]-\\d+$/.exec(id);
    if (!target && line && document.getElementById("pair-" + line[1])) {
      // a line of a pair whose view is not built yet: build it, then go there
      open(document.getElementById("pair-" + line[1]), function () {
        var built = document.getElementById(id);
        if (built) { built.scrollIntoView({ block: "center" }); }
      });
      return;
    }
    if (!target) { return; }
    var pair = target.closest("details.pair");
    if (!pair) {
      if (target.tagName === "DETAILS") { target.open = true; }  // e.g. #all-findings
      target.scrollIntoView();
      return;
    }
    open(pair, function () { target.tabIndex = -1; target.scrollIntoView({ block: "center" }); target.focus(); });
  }
  // "#pair-3", "#f12", "#3-a-40"; with the table's "sort=" and "q=" joined by "&"
  function follow() {
    decodeURIComponent(location.hash.replace(/^#/, "")).split("&").forEach(function (part) {
      if (part && part.indexOf("=") < 0) { reveal(part); }
    });
  }
  window.addEventListener("hashchange", follow);
  follow();
  window.addEventListener("beforeprint", function () {
    if (!packed || unpacked) { document.querySelectorAll("details.pair[data-d]").forEach(function (pair) { open(pair); }); }
  });

  // -- the list of all findings, built when first opened (the findings are in the page once) --
  var all = document.getElementById("all-findings");
  if (all) {
    all.addEventListener("toggle", function () {
      var list = all.querySelector("ol");
      if (!all.open || list.children.length) { return; }
      var found = Array.prototype.slice.call(document.querySelectorAll("main .finding"));
      found.sort(function (x, y) { return +x.id.slice(1) - +y.id.slice(1); });
      found.forEach(function (el) {
        var item = document.createElement("li");
        var severity = el.getAttribute("data-severity");
        item.className = "sev-" + severity;
        item.setAttribute("data-severity", severity);
        if (el.classList.contains("hidden")) { item.classList.add("hidden"); }
        var link = document.createElement("a");
        link.href = "#" + el.id;
        var pair = el.closest("details.pair");
        var name = pair && el.hasAttribute("data-s") ? pair.querySelector("summary .p" + el.getAttribute("data-s")) : null;
        var where = el.querySelector(".where");
        link.textContent = name ? name.textContent + ":" + el.getAttribute("data-l") : (where ? where.textContent : el.id);
        item.appendChild(link);
        var badge = el.querySelector(".badge");
        var text = el.textContent.slice((badge ? badge.textContent : "").length + (where ? where.textContent.length + 2 : 0));
        item.appendChild(document.createTextNode(" " + (badge ? badge.textContent : "") + ": " + text.trim().slice(0, 200)));
        list.appendChild(item);
      });
    });
  }

  // -- n / p: the next and previous finding -------------------------------------------------
  var current = -1;
  function visible() {
    return Array.prototype.slice.call(document.querySelectorAll(".finding")).filter(function (el) {
      return !el.classList.contains("hidden");
    });
  }
  function go(step) {
    var list = visible();
    if (!list.length) { return; }
    current = (current + step + list.length) % list.length;
    var target = list[current];
    document.querySelectorAll(".finding.current").forEach(function (el) { el.classList.remove("current"); });
    target.classList.add("current");
    var pair = target.closest("details.pair");
    function show() { target.tabIndex = -1; target.focus(); target.scrollIntoView({ block: "center" }); }
    if (pair) { open(pair, show); } else { show(); }
  }
  document.addEventListener("keydown", function (event) {
    if (event.target && /INPUT|TEXTAREA/.test(event.target.tagName)) { return; }
    if (event.key === "n") { go(1); }
    if (event.key === "p") { go(-1); }
  });
  // unpack in the background once the page is up, so the first pair opens at once
  if (packed) { setTimeout(function () { unpack(); }, 0); }
}());
"""


def scan_report(result: ScanResult, findings: list[Finding], settings: Settings, style: PathStyle, views: ViewCollector) -> str:
    """The site report from the scan's own results: the views the workers drew, the findings as
    reported; the dashboard's paths relative to the site's root (or --root)."""
    import os
    from collections import Counter
    from pathlib import Path

    from transcheck.checking.decide import enabled_rules
    from transcheck.rules.stale import STALE_TRANSLATION
    from transcheck.history.status import GitError, discover

    roots = [str(layout.root) for layout in result.layouts] or [str(result.layout.root)]
    base = os.path.commonpath(roots) if len(roots) > 1 else roots[0]
    shown = PathStyle(style.root or base, fallback=base)
    source = result.layout.default_language
    missing: Counter[str] = Counter()
    for _path, language, absent in result.missing:
        if source is None or language == source:
            missing.update(lang for lang in absent if lang != language)
    git = False
    if STALE_TRANSLATION.name in enabled_rules(settings):
        try:
            discover(Path(base))
            git = True
        except GitError:
            pass
    gone = set(result.expired_pairs)  # no longer on the site: not in its dashboard either
    pairs = [pair for pair in result.pairs if tuple(pair) not in gone] if gone else result.pairs
    return render_site(pairs, result.languages, findings, views, style, shown, missing, git,
                       os.path.basename(base.rstrip(os.sep)))
