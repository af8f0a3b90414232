"""The editor's view: one self-contained HTML file, the two versions side by side,
aligned section by section, every finding at the place it concerns.

No fonts, scripts or styles from the network; every piece of page text is escaped.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field

from ..align import SectionInfo
from ..compare import Comparison
from ..findings import Finding, Severity
from ..wording import plural
from .paths import PathStyle
from ..model import (
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

_MAX_TEXT = 400


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _short(text: str, width: int = _MAX_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass
class _Column:
    """One side's rendered elements: (line, html) in order, and which finding goes where."""

    side: str  # "a" or "b"
    path: str
    anchors: list[int] = field(default_factory=list)  # lines that have an element

    def element_for(self, line: int) -> int | None:
        best = None
        for anchor in self.anchors:
            if anchor <= line:
                best = anchor
        return best


@dataclass
class PairView:
    comparison: Comparison
    findings: list[Finding]
    index: int = 0


def _label(sc: Shortcode) -> str:
    args = [f'"{_short(v, 40)}"' for v in sc.positional] + [f'{k}="{_short(v, 40)}"' for k, v in sc.named]
    if sc.syntax == "zola":
        call = f"{sc.name}({', '.join(args)})"
        return f"{{% {call} %}}" if sc.delimiter == "%" else f"{{{{ {call} }}}}"
    close = ">" if sc.delimiter == "<" else "%"
    return f"{{{{{sc.delimiter} {sc.name}{(' ' + ' '.join(args)) if args else ''} {close}}}}}"


class _Renderer:
    def __init__(self, view: PairView, number: Counter[str], style: PathStyle) -> None:
        self.view = view
        self.c = view.comparison
        self.style = style
        self.ids = number  # shared finding counter across pairs
        self.placed: dict[tuple[str, int], list[str]] = {}  # (side, anchor line) → finding html
        self.related: dict[tuple[str, int], list[str]] = {}

    # -- findings placement ------------------------------------------------------------

    def place(self, columns: dict[str, _Column]) -> list[tuple[Finding, str]]:
        listed: list[tuple[Finding, str]] = []
        for finding in self.view.findings:
            self.ids["n"] += 1
            ident = f"f{self.ids['n']}"
            side = "a" if finding.path == self.c.a.path else "b" if finding.path == self.c.b.path else "a"
            anchor = columns[side].element_for(finding.line) or 0
            shown = self.style.finding(finding)
            severity = finding.severity.label
            self.placed.setdefault((side, anchor), []).append(
                f'<div class="finding sev-{severity}" id="{ident}" data-severity="{severity}" tabindex="-1">'
                f'<span class="badge">{_e(finding.code)} {_e(finding.rule)}</span> '
                f'<span class="where">line {finding.line}</span> {_e(shown.message)}</div>'
            )
            for related in finding.related:
                other = "a" if related.path == self.c.a.path else "b"
                other_anchor = columns[other].element_for(related.line) or 0
                self.related.setdefault((other, other_anchor), []).append(
                    f'<a class="related sev-{severity}" data-severity="{severity}" href="#{ident}">'
                    f'↔ {_e(finding.code)} {_e(finding.rule)} (line {related.line} here)</a>'
                )
            listed.append((shown, ident))
        return listed

    def notes(self, side: str, line: int) -> str:
        return "".join(self.placed.get((side, line), [])) + "".join(self.related.get((side, line), []))

    # -- blocks ---------------------------------------------------------------------------

    def blocks(self, blocks: list[Block], side: str, column: _Column, depth: int = 0) -> str:
        out: list[str] = []
        for block in blocks:
            out.append(self.block(block, side, column, depth))
        return "".join(out)

    def _line(self, line: int, side: str, column: _Column) -> str:
        column.anchors.append(line)
        return f'<span class="ln" id="{self.view.index}-{side}-{line}">{line}</span>'

    def block(self, block: Block, side: str, column: _Column, depth: int) -> str:
        line = self._line(block.line, side, column)
        notes = lambda: self.notes(side, block.line)  # noqa: E731 - read after children placed
        if isinstance(block, Paragraph):
            body = f'<p>{_e(_short(block.text))}</p>'
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            items = []
            for item in block.items:
                item_line = self._line(item.line, side, column)
                nested = self.blocks(item.blocks, side, column, depth + 1) if item.blocks else ""
                items.append(f"<li>{item_line}{_e(_short(item.text, 200))}{self.notes(side, item.line)}{nested}</li>")
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            return f'<div class="block list">{line}<{tag}{start}>{"".join(items)}</{tag}>{notes()}</div>'
        elif isinstance(block, CodeBlock):
            body = f'<pre><code>{_e(block.code[:2000])}</code></pre>'
        elif isinstance(block, TableBlock):
            rows = "".join("<tr>" + "".join(f"<td>{_e(_short(c, 80))}</td>" for c in row) + "</tr>" for row in block.rows[:50])
            head = "".join(f"<th>{_e(_short(h, 80))}</th>" for h in block.header)
            body = f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        elif isinstance(block, BlockQuote):
            body = f"<blockquote>{self.blocks(block.blocks, side, column, depth + 1)}</blockquote>"
        elif isinstance(block, HtmlBlock):
            body = f'<pre class="html">{_e(_short(block.html, 300))}</pre>'
        elif isinstance(block, ThematicBreak):
            body = "<hr>"
        elif isinstance(block, Shortcode):
            inner = ""
            if block.body is not None:
                inner = self.blocks(block.body.blocks, side, column, depth + 1)
            return (
                f'<div class="block shortcode">{line}<code class="sc">{_e(_label(block))}</code>'
                f'{notes()}<div class="inner">{inner}</div></div>'
            )
        else:
            body = ""
        return f'<div class="block {block.type}">{line}{body}{notes()}</div>'

    # -- the pair ---------------------------------------------------------------------------

    def section_cell(self, info: SectionInfo | None, side: str, column: _Column) -> str:
        if info is None:
            return '<div class="cell gap">no counterpart here</div>'
        parts = []
        if info.section is not None:
            marker = "bold line" if info.style == "bold" else "#" * info.level
            parts.append(
                f'<h3>{self._line(info.line, side, column)}<span class="lvl">{_e(marker)}</span> {_e(info.title)}</h3>'
                f"{self.notes(side, info.line)}"
            )
        parts.append(self.blocks(info.blocks, side, column))
        return f'<div class="cell">{"".join(parts)}</div>'

    def front_matter(self, side: str, column: _Column) -> str:
        doc = (self.c.a if side == "a" else self.c.b).doc
        rows = []
        for entry in doc.front_matter.entries:
            rows.append(
                f"<tr><td>{self._line(entry.line, side, column)}</td><th>{_e(entry.key)}</th>"
                f"<td>{_e(_short(entry.raw, 120))}{self.notes(side, entry.line)}</td></tr>"
            )
        column.anchors.append(0)
        table = f'<table class="fm">{"".join(rows)}</table>' if rows else '<p class="muted">no front matter</p>'
        return f'<div class="cell">{table}{self.notes(side, 0)}</div>'


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


def _pair_html(view: PairView, counter: Counter[str], style: PathStyle) -> tuple[str, list[tuple[Finding, str]]]:
    renderer = _Renderer(view, counter, style)
    columns = {"a": _Column("a", view.comparison.a.path), "b": _Column("b", view.comparison.b.path)}
    rows = _rows(view.comparison)
    # first pass: collect the anchor lines of both columns, so findings can be placed
    for side in ("a", "b"):
        renderer.front_matter(side, columns[side])
        for a, b in rows:
            renderer.section_cell(a if side == "a" else b, side, columns[side])
    for column in columns.values():
        column.anchors = sorted(set(column.anchors))
    listed = renderer.place(columns)
    body = [
        f'<div class="row head"><div class="cell"><strong>{_e(style(view.comparison.a.path))}</strong> '
        f'<span class="muted">{_e(view.comparison.a.language or "")}</span></div>'
        f'<div class="cell"><strong>{_e(style(view.comparison.b.path))}</strong> '
        f'<span class="muted">{_e(view.comparison.b.language or "")}</span></div></div>',
        f'<div class="row">{renderer.front_matter("a", columns["a"])}{renderer.front_matter("b", columns["b"])}</div>',
    ]
    for a, b in rows:
        body.append(f'<div class="row">{renderer.section_cell(a, "a", columns["a"])}{renderer.section_cell(b, "b", columns["b"])}</div>')
    return f'<div class="grid" role="table">{"".join(body)}</div>', listed


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
            f'<span class="badge">{_e(finding.code)} {_e(finding.rule)}</span> '
            f'<span class="where">{_e(finding.path)}:{finding.line}</span> {_e(finding.message)}</div></li>'
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


def render_report(
    views: list[PairView],
    title: str = "transcheck report",
    style: PathStyle | None = None,
    others: list[Finding] | None = None,
) -> str:
    """The report of ``views``; ``others`` are findings of files no view shows (orphans,
    parse errors). Findings come as checked: paths are shown by ``style`` here."""
    style = style or PathStyle()
    counter: Counter[str] = Counter()
    sections: list[str] = []
    index_rows: list[tuple[int, str]] = []
    all_listed: list[tuple[Finding, str]] = []
    for number, view in enumerate(views, start=1):
        view.index = number
        grid, listed = _pair_html(view, counter, style)
        all_listed.extend(listed)
        counts = Counter(f.severity for f in view.findings)
        summary = " · ".join(f"{counts[s]} {s.label}{'' if counts[s] == 1 else 's'}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s])
        name = f"{_e(style(view.comparison.a.path))} ↔ {_e(style(view.comparison.b.path))}"
        open_attr = " open" if len(views) <= 3 or view.findings else ""
        sections.append(
            f'<details class="pair" id="pair-{number}"{open_attr}><summary>{name} '
            f'<span class="muted">{summary or "no findings"}</span></summary>{grid}</details>'
        )
        index_rows.append((len(view.findings), f'<li><a href="#pair-{number}">{name}</a> <span class="muted">{summary or "no findings"}</span></li>'))
    others_html, others_listed = _others_html(others or [], counter, style)
    all_listed.extend(others_listed)
    if others_html:
        sections.append(others_html)
    by_severity = Counter(f.severity.label for f, _ in all_listed)
    by_rule = Counter(f"{f.code} {f.rule}" for f, _ in all_listed)
    rule_rows = "".join(f"<tr><td>{_e(rule)}</td><td>{count}</td></tr>" for rule, count in sorted(by_rule.items()))
    finding_links = "".join(
        f'<li class="sev-{f.severity.label}" data-severity="{f.severity.label}"><a href="#{ident}">'
        f"{_e(f.path)}:{f.line}</a> {_e(f.code)} {_e(f.rule)}: {_e(_short(f.message, 160))}</li>"
        for f, ident in all_listed
    )
    pair_index = ""
    if len(views) > 1:
        ordered = [row for _, row in sorted(index_rows, key=lambda r: -r[0])]
        pair_index = f'<details open><summary>Pairs, most findings first ({len(views)})</summary><ol class="index">{"".join(ordered)}</ol></details>'
    filters = "".join(
        f'<label><input type="checkbox" class="filter" value="{s}" checked> {s} ({by_severity.get(s, 0)})</label>'
        for s in ("error", "warning", "info")
    )
    return _PAGE.format(
        title=_e(title),
        css=_CSS,
        js=_JS,
        errors=plural(by_severity.get("error", 0), "error"),
        warnings=plural(by_severity.get("warning", 0), "warning"),
        infos=plural(by_severity.get("info", 0), "info"),
        filters=filters,
        rules=rule_rows or '<tr><td colspan="2">no findings</td></tr>',
        findings=finding_links or "<li>No findings.</li>",
        index=pair_index,
        pairs="".join(sections),
    )


_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p class="totals"><span class="sev-error">{errors}</span> · <span class="sev-warning">{warnings}</span> · <span class="sev-info">{infos}</span></p>
<fieldset class="filters"><legend>Show</legend>{filters}</fieldset>
<p class="muted">Keys: <kbd>n</kbd> next finding, <kbd>p</kbd> previous.</p>
<details><summary>Findings per rule</summary><table class="rules">{rules}</table></details>
<details><summary>All findings</summary><ol class="findings">{findings}</ol></details>
{index}
</header>
<main>{pairs}</main>
<script>{js}</script>
</body>
</html>
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
    var parent = target.closest("details");
    if (parent) { parent.open = true; }
    document.querySelectorAll(".finding.current").forEach(function (el) { el.classList.remove("current"); });
    target.classList.add("current");
    target.focus();
    target.scrollIntoView({ block: "center" });
  }
  document.addEventListener("keydown", function (event) {
    if (event.target && /INPUT|TEXTAREA/.test(event.target.tagName)) { return; }
    if (event.key === "n") { go(1); }
    if (event.key === "p") { go(-1); }
  });
  document.body.setAttribute("data-ready", "1");
}());
"""
