"""The site dashboard at the top of the HTML report of `scan` and of `status`: per language a
bar of the pages' states, the findings per rule as a chart, and the pairs as a table that
sorts (click a column header) and filters (a text box).

Plain HTML and CSS bars, no network, no library: the page's own script (in html.py) sorts
and filters. Paths are shown relative to the site's root, never absolute.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Iterable

from msgspec import Struct, field


from transcheck.rules.stale import STALE_TRANSLATION
from transcheck.findings import Finding, Severity

# the states a page of a language can be in, in the order the bars show them
BEHIND, ERRORS, WARNINGS, CLEAN, UP_TO_DATE, MISSING, NO_SOURCE = (
    "behind", "errors", "warnings", "clean", "up-to-date", "missing", "no-source")
LABELS = {
    BEHIND: "behind its source",
    ERRORS: "drifted: errors",
    WARNINGS: "drifted: warnings only",
    CLEAN: "clean",
    UP_TO_DATE: "up to date",
    MISSING: "missing translation",
    NO_SOURCE: "translation without source",
}
SCAN_STATES = (BEHIND, ERRORS, WARNINGS, CLEAN, MISSING)
STATUS_STATES = (UP_TO_DATE, BEHIND, MISSING, NO_SOURCE)


def escape(text: object) -> str:
    """Any value as HTML text or attribute value (quotes escaped too): the reports' one escape."""
    return html.escape(str(text), quote=True)


class Column(Struct, frozen=True):
    key: str
    label: str
    numeric: bool = False


class Row(Struct):
    """One line of the pairs table: its cells (text or numbers, in column order), the state
    its language bar counts it in, and the report's pair it opens (None: no detail)."""

    language: str
    state: str
    cells: tuple[object, ...]
    pair: int | None = None


class Dashboard(Struct):
    columns: tuple[Column, ...]
    rows: list[Row]
    states: tuple[str, ...]
    # "TC104 bullet-count" → severity → count; None: no chart (status checks no rules)
    rules: dict[str, Counter[str]] | None = None
    missing: Counter[str] = field(default_factory=Counter)  # language → source pages without it
    caption: str = ""
    labels: dict[str, str] = field(default_factory=dict)  # a state's label when not the default

    def bars(self) -> dict[str, Counter[str]]:
        """Per language, the pages in each state (missing ones included)."""
        counts: dict[str, Counter[str]] = {}
        for row in self.rows:
            counts.setdefault(row.language, Counter())[row.state] += 1
        for language, number in self.missing.items():
            counts.setdefault(language, Counter())[MISSING] += number
        return dict(sorted(counts.items()))


def rule_counts(findings: Iterable[Finding]) -> dict[str, Counter[str]]:
    """Findings per rule ("TC104 bullet-count"), by severity label, in code order."""
    counts: dict[str, Counter[str]] = {}
    for finding in findings:
        counts.setdefault(f"{finding.code} {finding.rule}", Counter())[finding.severity.label] += 1
    return dict(sorted(counts.items()))


def scan_state(findings: Iterable[Finding]) -> str:
    """A scanned pair's state: behind when git says so, else by its worst finding."""
    worst = 0
    behind = False
    for finding in findings:
        behind = behind or finding.rule == STALE_TRANSLATION.name
        worst = max(worst, int(finding.severity))
    if behind:
        return BEHIND
    if worst >= Severity.ERROR:
        return ERRORS
    return WARNINGS if worst >= Severity.WARNING else CLEAN


SCAN_COLUMNS = (
    Column("n", "#", True), Column("lang", "language"), Column("translation", "translation"),
    Column("source", "source"), Column("state", "state"), Column("errors", "errors", True),
    Column("warnings", "warnings", True), Column("infos", "infos", True),
)


def scan_row(number: int | None, language: str, translation: str, source: str, findings: list[Finding]) -> Row:
    """A row of the scan table; ``translation`` and ``source`` as shown (relative to the site)."""
    counts = Counter(f.severity for f in findings)
    state = scan_state(findings)
    return Row(language, state, (number or "", language, translation, source, LABELS[state],
                                 counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO]), number)


def render_dashboard(board: Dashboard) -> str:
    parts = ['<section class="dashboard" id="dashboard">']
    if board.caption:
        parts.append(f'<p class="muted">{escape(board.caption)}</p>')
    parts.append(_bars_html(board))
    if board.rules is not None:
        parts.append(rules_html(board.rules))
    parts.append(_table_html(board))
    parts.append("</section>")
    return "".join(parts)


def _label(board: Dashboard, state: str) -> str:
    return board.labels.get(state, LABELS[state])


def _bars_html(board: Dashboard) -> str:
    bars = board.bars()
    if not bars:
        return ""
    shown = [s for s in board.states if any(c[s] for c in bars.values())]
    legend = "".join(f'<span class="key"><i class="st-{s}"></i>{escape(_label(board, s))}</span>' for s in shown)
    rows = []
    for language, counts in bars.items():
        total = sum(counts[s] for s in board.states) or 1
        segments = "".join(
            f'<span class="seg st-{s}" style="width:{100 * counts[s] / total:.3f}%" '
            f'title="{escape(language)}: {counts[s]} {escape(_label(board, s))}" data-state="{s}" data-count="{counts[s]}"></span>'
            for s in board.states if counts[s]
        )
        numbers = " · ".join(f"{counts[s]} {escape(_label(board, s))}" for s in board.states if counts[s])
        rows.append(
            f'<div class="bar-row" data-lang="{escape(language)}"><span class="bar-lang">{escape(language)}</span>'
            f'<span class="bar">{segments}</span><span class="bar-numbers muted">{numbers}</span></div>'
        )
    return f'<h2>Pages per language</h2><p class="legend">{legend}</p><div class="bars">{"".join(rows)}</div>'


def rules_html(rules: dict[str, Counter[str]]) -> str:
    if not rules:
        return '<h2>Findings per rule</h2><p class="muted">No findings.</p>'
    widest = max(sum(c.values()) for c in rules.values()) or 1
    rows = []
    for name, counts in rules.items():
        total = sum(counts.values())
        segments = "".join(
            f'<span class="seg sev-bg-{s}" style="width:{100 * counts[s] / widest:.3f}%" title="{counts[s]} {s}"></span>'
            for s in ("error", "warning", "info") if counts[s]
        )
        rows.append(f'<div class="rule-row" data-rule="{escape(name)}" data-count="{total}"><span class="rule-name">{escape(name)}'
                    f'</span><span class="bar rule-bar">{segments}</span><span class="rule-count">{total}</span></div>')
    return f'<h2>Findings per rule</h2><div class="rules-chart">{"".join(rows)}</div>'


def _table_html(board: Dashboard) -> str:
    head = "".join(
        f'<th data-key="{c.key}" data-type="{"n" if c.numeric else "t"}" tabindex="0" aria-sort="none">{escape(c.label)}</th>'
        for c in board.columns
    )
    body = []
    for row in board.rows:
        cells = []
        for column, value in zip(board.columns, row.cells):
            text = escape(value)
            if row.pair is not None and column.key == "translation":
                text = f'<a href="#pair-{row.pair}">{text}</a>'
            cells.append(f"<td>{text}</td>")
        body.append(f'<tr data-state="{row.state}">{"".join(cells)}</tr>')
    count = len(board.rows)
    return (
        f'<h2>Pairs ({count})</h2><p><label>Filter <input type="search" id="pair-filter" '
        f'placeholder="path, language, state…" autocomplete="off"></label> '
        f'<span class="muted" id="pair-shown">{count} of {count} shown</span></p>'
        f'<div class="table-wrap"><table class="pairs" id="pairs"><thead><tr>{head}</tr></thead>'
        f'<tbody>{"".join(body)}</tbody></table></div>'
    )


CSS = """
.dashboard h2 { font-size:1.1rem; margin:1rem 0 .4rem; }
.bars, .rules-chart { max-width:60rem; }
.bar-row, .rule-row { display:flex; align-items:center; gap:.6rem; margin:.2rem 0; }
.bar-lang { width:3.5rem; font-weight:600; } .rule-name { width:16rem; font:13px ui-monospace, monospace; }
.bar { flex:1; display:flex; height:1.1rem; background:var(--cell); border:1px solid var(--line); min-width:8rem; }
.rule-bar { border:0; background:none; }
.bar .seg { display:block; height:100%; }
.bar-numbers { font-size:13px; flex:2; } .rule-count { width:3rem; text-align:right; font-variant-numeric:tabular-nums; }
.legend .key { margin-right:1rem; font-size:13px; white-space:nowrap; }
.legend i { display:inline-block; width:.9em; height:.9em; margin-right:.3em; vertical-align:-.1em; border:1px solid var(--line); }
.st-behind { background:#8a5cc7; } .st-errors { background:var(--error); } .st-warnings { background:#d9a400; }
.st-clean, .st-up-to-date { background:#3c8c3c; } .st-missing { background:#9a9a9a; } .st-no-source { background:#4d7ea8; }
.sev-bg-error { background:var(--error); } .sev-bg-warning { background:#d9a400; } .sev-bg-info { background:var(--info); }
.table-wrap { max-height:28rem; overflow:auto; border:1px solid var(--line); }
table.pairs { width:100%; font-size:13px; }
table.pairs th { position:sticky; top:0; background:var(--bg); cursor:pointer; user-select:none; white-space:nowrap; }
table.pairs th[aria-sort="ascending"]::after { content:" \\25B2"; } table.pairs th[aria-sort="descending"]::after { content:" \\25BC"; }
table.pairs td { overflow-wrap:anywhere; }
table.pairs tr[data-state="errors"] td:nth-child(5) { color:var(--error); font-weight:600; }
"""

# sorting and filtering the table; opening a pair when its link is followed (html.py's script
# materialises the pair). Reads "sort=KEY" (or "sort=-KEY", descending) and "q=TEXT" from the
# address's #fragment, so a link can name a view of the table.
JS = """
(function () {
  "use strict";
  var table = document.getElementById("pairs");
  if (!table) { return; }
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var rows = Array.prototype.slice.call(body.rows);
  rows.forEach(function (row, i) { row.setAttribute("data-i", i); });
  var box = document.getElementById("pair-filter");
  var shown = document.getElementById("pair-shown");
  function value(row, index, numeric) {
    var text = row.cells[index].textContent;
    return numeric ? (parseFloat(text) || 0) : text.toLowerCase();
  }
  function sortBy(key, descending) {
    var index = -1;
    heads.forEach(function (th, i) {
      if (th.getAttribute("data-key") === key) { index = i; }
      th.setAttribute("aria-sort", "none");
    });
    if (index < 0) { return; }
    var numeric = heads[index].getAttribute("data-type") === "n";
    var keyed = rows.map(function (row) { return [value(row, index, numeric), +row.getAttribute("data-i"), row]; });
    keyed.sort(function (x, y) {
      var order = x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0;
      return (descending ? -order : order) || x[1] - y[1];
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (item) { fragment.appendChild(item[2]); });
    body.appendChild(fragment);
    heads[index].setAttribute("aria-sort", descending ? "descending" : "ascending");
    table.setAttribute("data-sorted", (descending ? "-" : "") + key);
  }
  function filter(text) {
    var words = text.toLowerCase().split(/\\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var hay = row.textContent.toLowerCase();
      var keep = words.every(function (w) { return hay.indexOf(w) >= 0; });
      row.classList.toggle("hidden", !keep);
      if (keep) { count += 1; }
    });
    shown.textContent = count + " of " + rows.length + " shown";
    table.setAttribute("data-shown", count);
  }
  heads.forEach(function (th) {
    function click() {
      var key = th.getAttribute("data-key");
      sortBy(key, th.getAttribute("aria-sort") === "ascending");
    }
    th.addEventListener("click", click);
    th.addEventListener("keydown", function (event) { if (event.key === "Enter") { click(); } });
  });
  box.addEventListener("input", function () { filter(box.value); });
  var hash = decodeURIComponent(location.hash.replace(/^#/, ""));
  hash.split("&").forEach(function (part) {
    var eq = part.indexOf("=");
    if (eq < 0) { return; }
    var name = part.slice(0, eq), wanted = part.slice(eq + 1);
    if (name === "sort") { sortBy(wanted.replace(/^-/, ""), wanted.charAt(0) === "-"); }
    if (name === "q") { box.value = wanted; filter(wanted); }
  });
}());
"""
