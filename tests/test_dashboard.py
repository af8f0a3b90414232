"""The site dashboard of the HTML report (scan and status): what it counts must be what the
scan found, paths are relative, nothing comes from the network, and the pairs' views are
drawn from the scan's own comparisons (embedded lazily, plain or compressed)."""

from __future__ import annotations

import base64
import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import GitSite, write
from transcheck.cli import main
from transcheck.report import html as report_html
from transcheck.report.dashboard import Column, Dashboard, Row, render_dashboard, scan_state
from transcheck.findings import Finding, Severity

HUGO = ('defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n'
        '[languages.sv]\ncontentDir = "content/sv"\n[languages.nb]\ncontentDir = "content/nb"\n')

# en: a, b, c, d; sv: a (clean), b (a section missing: error), d (a link changed: a warning here);
# nb: a (a price changed: error). Missing: sv c; nb b, c, d.
SITE = {
    "hugo.toml": HUGO,
    "transcheck.toml": '[severity]\nlink-mismatch = "warning"\n',
    "content/en/a.md": '---\ntitle: "Prices"\n---\n\n## Plans\n\nThe small plan costs 10 euro per month and suits most '
                       'teams well.\n\n## Support\n\nWrite to us any day of the week and we answer within hours.\n',
    "content/sv/a.md": '---\ntitle: "Priser"\n---\n\n## Planer\n\nDen lilla planen kostar 10 euro per månad och passar de '
                       'flesta team bra.\n\n## Support\n\nSkriv till oss vilken dag som helst så svarar vi inom några timmar.\n',
    "content/nb/a.md": '---\ntitle: "Priser"\n---\n\n## Planer\n\nDen lille planen koster 12 euro per måned og passer de '
                       'fleste team godt.\n\n## Støtte\n\nSkriv til oss hvilken som helst dag i uken, så svarer vi innen noen timer.\n',
    "content/en/b.md": '---\ntitle: "Team"\n---\n\n## People\n\nWe are five engineers who like quiet rooms and good '
                       'coffee.\n\n## History\n\nThe company started in a small office near the harbour.\n',
    "content/sv/b.md": '---\ntitle: "Team"\n---\n\n## Folk\n\nVi är fem ingenjörer som gillar tysta rum och gott kaffe.\n',
    "content/en/c.md": '---\ntitle: "Only English"\n---\n\nA page nobody translated yet, with a sentence or two.\n',
    "content/en/d.md": '---\ntitle: "News"\n---\n\n## Spring\n\nThe new office opens in April, read '
                       '[the plan](https://example.com/plan) first.\n',
    "content/sv/d.md": '---\ntitle: "Nyheter"\n---\n\n## Vår\n\nDet nya kontoret öppnar i april, läs '
                       '[planen](https://example.com/annan) först.\n',
}


def scan(site: Path, fmt: str, *extra: str) -> str:
    result = CliRunner().invoke(main, ["scan", str(site), "--format", fmt, "--no-progress", "--no-cache", *extra])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write(tmp_path / "site", SITE)


def bars(page: str) -> dict[str, dict[str, int]]:
    """language → state → count, read from the bars' segments."""
    found: dict[str, dict[str, int]] = {}
    for lang, body in re.findall(r'<div class="bar-row" data-lang="([^"]+)">(.*?)</div>', page):
        found[lang] = {state: int(count) for state, count in re.findall(r'data-state="([a-z-]+)" data-count="(\d+)"', body)}
    return found


def test_dashboard_counts_are_the_scans_findings_and_pairs(site: Path):
    data = json.loads(scan(site, "json"))
    page = scan(site, "html")
    # one table row per pair, paths relative to the site's root
    rows = re.findall(r"<tr data-state=\"([a-z-]+)\">(.*?)</tr>", page)
    assert len(rows) == len(data["pairs"]) == 4
    states = {re.findall(r"<td>(?:<a [^>]*>)?([^<]*)", cells)[2]: state for state, cells in rows}
    assert states == {"content/sv/a.md": "clean", "content/nb/a.md": "errors", "content/sv/b.md": "errors",
                      "content/sv/d.md": "warnings"}
    # the bars: per language its pairs by state, and the source pages it lacks
    assert bars(page) == {"nb": {"errors": 1, "missing": 3}, "sv": {"errors": 1, "warnings": 1, "clean": 1, "missing": 1}}
    # the chart: one bar per rule, counts as the scan found them
    chart = {rule: int(count) for rule, count in re.findall(r'data-rule="([^"]+)" data-count="(\d+)"', page)}
    expected = Counter(f"{f['code']} {f['rule']}" for f in data["findings"])
    assert chart == dict(expected) and sum(chart.values()) == len(data["findings"]) == 6
    # every finding is in the report once (the orphans among the files without a view)
    assert len(re.findall(r'<div class="finding ', page)) == len(data["findings"])


def test_report_has_no_absolute_path_and_loads_nothing(site: Path, tmp_path: Path):
    page = scan(site, "html")
    assert str(tmp_path) not in page and str(site.resolve()) not in page
    assert "content/sv/b.md" in page
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:|//|file:)""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page
    # the page text of a link in the pages stays text
    assert "https://example.com/annan" in page or "example.com" not in page.split("<script", 1)[0]


def test_the_report_is_the_same_with_workers_and_from_a_warm_cache(site: Path, tmp_path: Path):
    cold = scan(site, "html", "-j", "1")
    assert scan(site, "html", "-j", "2") == cold
    cache = tmp_path / "cache"
    runner = CliRunner()
    for fmt in ("json", "html", "html"):  # a json scan leaves entries without views; html adds them
        result = runner.invoke(main, ["scan", str(site), "--format", fmt, "--no-progress", "--cache-dir", str(cache)])
        assert result.exit_code == 1, result.output
        if fmt == "html":
            assert result.stdout == cold
    stored = [json.loads(p.read_text()) for p in cache.glob("*/*.json")]
    assert stored and all("view" in entry for entry in stored)


def test_a_pair_view_is_drawn_once_by_the_scan_not_again_for_the_report(site: Path, monkeypatch: pytest.MonkeyPatch):
    import transcheck.checking.engine as engine

    calls = Counter()
    original = engine.compare_documents

    def counted(*args, **kwargs):
        calls["n"] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(engine, "compare_documents", counted)
    scan(site, "html", "-j", "1")
    assert calls["n"] == 4  # one comparison per pair


def test_a_large_report_embeds_the_views_compressed_and_they_decode(site: Path, monkeypatch: pytest.MonkeyPatch):
    plain = scan(site, "html")
    assert plain.count("<template id=") == 4 and "details-gz" not in plain.split("<script>", 1)[0]
    monkeypatch.setattr(report_html, "PLAIN_LIMIT", 0)
    packed = scan(site, "html")
    assert "<template id=" not in packed
    found = re.search(r'<script type="application/octet-stream" id="details-gz" data-offsets="([\d,]+)">([^<]+)</script>', packed)
    assert found
    offsets = [int(n) for n in found.group(1).split(",")]
    data = gzip.decompress(base64.b64decode(found.group(2)))
    fragments = [data[a:b].decode() for a, b in zip(offsets, offsets[1:])]
    templates = re.findall(r'<template id="d-\d+">(.*?)</template>', plain, re.S)
    assert fragments == templates
    # the text of the pages is there, escaped, in the fragments only
    assert any("Vi är fem ingenjörer" in fragment for fragment in fragments)


def test_scan_state_and_a_dashboard_without_rows():
    def finding(rule: str, severity: Severity) -> Finding:
        return Finding("a.md", 1, rule, "TC000", severity, "m")

    assert scan_state([]) == "clean"
    assert scan_state([finding("x", Severity.INFO)]) == "clean"
    assert scan_state([finding("x", Severity.WARNING), finding("y", Severity.INFO)]) == "warnings"
    assert scan_state([finding("x", Severity.WARNING), finding("y", Severity.ERROR)]) == "errors"
    assert scan_state([finding("stale-translation", Severity.WARNING), finding("y", Severity.ERROR)]) == "behind"
    empty = render_dashboard(Dashboard((Column("lang", "language"),), [], ("clean",)))
    assert "Pairs (0)" in empty and "bar-row" not in empty
    escaped = render_dashboard(Dashboard((Column("lang", "language"),), [Row("<sv>", "clean", ("<sv>",))], ("clean",)))
    assert "<sv>" not in escaped and "&lt;sv&gt;" in escaped


def test_in_a_git_repository_the_scan_dashboard_shows_the_pages_behind(tmp_path: Path):
    repo = GitSite(tmp_path / "repo")
    repo.write("content/en/a.md", "---\ntitle: A\n---\n\n## One\n\nThe first text of the page.\n")
    repo.write("content/sv/a.md", "---\ntitle: A\n---\n\n## Ett\n\nSidans första text.\n")
    repo.write("content/en/b.md", "---\ntitle: B\n---\n\n## Two\n\nThe second text of the page.\n")
    repo.write("content/sv/b.md", "---\ntitle: B\n---\n\n## Två\n\nSidans andra text.\n")
    repo.commit("first")
    repo.write("content/en/b.md", "---\ntitle: B\n---\n\n## Two\n\nThe second text of the page, longer now.\n")
    repo.commit("source changed")
    page = scan(repo.root, "html")
    assert bars(page) == {"sv": {"behind": 1, "clean": 1}}
    assert "up to date, no errors or warnings" in page
    states = {re.findall(r"<td>(?:<a [^>]*>)?([^<]*)", cells)[2]: state
              for state, cells in re.findall(r'<tr data-state="([a-z-]+)">(.*?)</tr>', page)}
    assert states == {"content/sv/a.md": "clean", "content/sv/b.md": "behind"}
    # outside a repository nobody is behind, and nobody is called up to date
    plain = scan(write(tmp_path / "plain", SITE), "html")
    assert "up to date, no errors or warnings" not in plain and 'data-state="behind"' not in plain


def test_status_html_is_the_dashboard_of_up_to_date_behind_and_missing(tmp_path: Path):
    repo = GitSite(tmp_path / "repo")
    repo.write("content/en/a.md", "---\ntitle: A\n---\n\n## One\n\nFirst text.\n")
    repo.write("content/sv/a.md", "---\ntitle: A\n---\n\n## Ett\n\nFörsta texten.\n")
    repo.write("content/en/b.md", "---\ntitle: B\n---\n\n## Two\n\nSecond text.\n")
    repo.write("content/sv/b.md", "---\ntitle: B\n---\n\n## Två\n\nAndra texten.\n")
    repo.write("content/en/c.md", "---\ntitle: C\n---\n\nOnly in English.\n")
    repo.commit("first")
    repo.write("content/en/b.md", "---\ntitle: B\n---\n\n## Two\n\nSecond text, longer now.\n")
    repo.commit("source changed")
    out = tmp_path / "status.html"
    result = CliRunner().invoke(main, ["status", str(repo.root), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert bars(page) == {"sv": {"up-to-date": 1, "behind": 1, "missing": 1}}
    rows = re.findall(r'<tr data-state="([a-z-]+)">(.*?)</tr>', page)
    assert sorted(state for state, _ in rows) == ["behind", "missing", "up-to-date"]
    behind = next(cells for state, cells in rows if state == "behind")
    assert "content/sv/b.md" in behind and "<td>1</td>" in behind and "Two" in behind
    assert str(tmp_path) not in page
    assert "Findings per rule" not in page  # status checks no rules


# -- in a browser -------------------------------------------------------------------------------

from test_html_report import ARTIFACTS, browser, needs_browser  # noqa: E402


def _rows(dom: str) -> list[tuple[str, str, int]]:
    """(translation, hidden?, errors) of the table's rows in the order the page shows them."""
    body = dom[dom.index('<table class="pairs"'):]
    body = body[: body.index("</table>")]
    rows = []
    for attributes, cells in re.findall(r"<tr ([^>]*)>(.*?)</tr>", body):
        texts = re.findall(r"<td>(?:<a [^>]*>)?([^<]*)", cells)
        rows.append((texts[2], "hidden" in attributes, int(texts[5])))
    return rows


@needs_browser
def test_dashboard_in_a_browser_sorts_filters_and_opens_a_pair(site: Path, tmp_path: Path):
    out = tmp_path / "site.html"
    result = CliRunner().invoke(main, ["scan", str(site), "--format", "html", "-o", str(out), "--no-progress", "--no-cache"])
    assert result.exit_code == 1, result.output
    # the table as the address asks: sorted by errors, descending; only Swedish pages
    dom = browser(out.as_uri() + "#sort=-errors&q=content/sv", tmp_path, "--dump-dom")
    assert 'data-ready="1"' in dom.stdout, dom.stderr[-2000:]
    assert "Uncaught" not in dom.stderr
    assert 'data-sorted="-errors"' in dom.stdout and 'data-shown="3"' in dom.stdout
    rows = _rows(dom.stdout)
    shown = [(path, errors) for path, hidden, errors in rows if not hidden]
    assert [path for path, _ in shown][:1] == ["content/sv/b.md"] and len(shown) == 3
    assert [e for _, e in shown] == sorted((e for _, e in shown), reverse=True)
    assert [path for path, hidden, _ in rows if hidden] == ["content/nb/a.md"]
    # a pair opened from its link: its view built, its finding moved to its place
    dom = browser(out.as_uri() + "#pair-3", tmp_path, "--dump-dom").stdout
    pair = dom[dom.index('id="pair-3"'):]
    pair = pair[: pair.index("</details>")]
    assert 'data-built="1"' in pair and "open" in pair[:200]
    grid = pair[pair.index('class="grid"'):]
    start = grid.index('id="3-a-7"')
    assert start < grid.index("TC101 missing-section") < grid.index('class="cell gap"')
    assert grid.index('id="3-b-9"') < grid.index("(line 9 here)")  # the related link on the source side
    assert '<div class="pending"></div>' in pair  # every finding found its place
    closed = dom[dom.index('id="pair-1"'):]
    assert 'data-built' not in closed[: closed.index("</details>")]  # the others wait to be opened
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "dashboard-site.png"
    browser(out.as_uri() + "#sort=-errors&q=content/sv&pair-3", tmp_path, f"--screenshot={shot}", "--window-size=1300,2000")
    assert shot.is_file() and shot.stat().st_size > 10_000


@needs_browser
def test_compressed_views_open_in_a_browser(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(report_html, "PLAIN_LIMIT", 0)
    out = tmp_path / "packed.html"
    result = CliRunner().invoke(main, ["scan", str(site), "--format", "html", "-o", str(out), "--no-progress", "--no-cache"])
    assert result.exit_code == 1, result.output
    assert "details-gz" in out.read_text()
    # a line of a pair not built yet (as a link names it): the pair is unpacked and built
    dom = browser(out.as_uri() + "#3-a-7", tmp_path, "--dump-dom", "--virtual-time-budget=5000")
    assert 'data-details="1"' in dom.stdout, dom.stderr[-2000:]
    pair = dom.stdout[dom.stdout.index('id="pair-3"'):]
    pair = pair[: pair.index("</details>")]
    assert 'data-built="1"' in pair and "Vi är fem ingenjörer" in pair and "TC101 missing-section" in pair
    assert 'id="3-a-7"' in pair and 'data-built' not in dom.stdout[dom.stdout.index('id="pair-1"'):dom.stdout.index('id="pair-2"')]
    # the list of all findings, built when opened: one link per finding, in order
    dom = browser(out.as_uri() + "#all-findings", tmp_path, "--dump-dom", "--virtual-time-budget=3000").stdout
    listed = dom[dom.index('id="all-findings"'):]
    links = re.findall(r'<a href="#f(\d+)">([^<]+)</a>', listed[: listed.index("</details>")])
    assert [int(n) for n, _ in links] == list(range(1, 7))
    assert {name for _, name in links} == {"content/en/b.md:1", "content/en/c.md:1", "content/en/d.md:1",
                                           "content/nb/a.md:7", "content/sv/b.md:7", "content/sv/d.md:7"}
