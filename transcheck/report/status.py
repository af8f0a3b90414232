"""Output of `transcheck status`: text for people, JSON for tools, and findings for the CI
formats of `scan` (stale-translation for pages behind, orphan for missing pages)."""

from __future__ import annotations

import json
from typing import Any

from transcheck.rules.orphan import ORPHAN
from transcheck.rules.stale import STALE_TRANSLATION
from transcheck.findings import Finding, Location
from transcheck.history.status import BEHIND, MISSING, NO_SOURCE, UP_TO_DATE, PairStatus, SiteStatus, behind_phrase, \
    change_phrase, format_date, stale_messages, update_phrase
from transcheck.report.paths import PathStyle, visible

MAX_MISSING_LISTED = 20  # per language; more are one line (--all lists them)
MAX_MARKER_NOTES = 5  # unknown markers listed one by one; more are counted in one note


def status_text(report: SiteStatus, style: PathStyle, show_all: bool = False) -> str:
    """Each page that is not up to date (every page with ``show_all``), then one line per language."""
    lines: list[str] = []
    for note in report.notes:
        lines.append(f"note: {visible(note)}")
    unknown = [found for found in report.pairs if found.marker_problem and found.state == UP_TO_DATE]
    if len(unknown) > MAX_MARKER_NOTES and not show_all:  # a copy of a site without its history: say it once
        first = unknown[0]
        lines.append(f"note: {len(unknown)} pages name a marker commit this repository's history does not hold "
                     f"(a shallow clone or rewritten history?), so their last commits count; the first: "
                     f"{style(first.translation or '')}: {visible(first.marker_problem)} (--all lists them)")
    else:
        for found in unknown:  # a page behind says it in its own lines
            lines.append(f"note: {style(found.translation or '')}: {visible(found.marker_problem)}")
    missing: dict[str, int] = {}
    for found in report.pairs:
        if found.state == MISSING:
            missing[found.language] = missing.get(found.language, 0) + 1
    for found in report.pairs:
        if found.state == UP_TO_DATE and not show_all:
            continue
        if found.state == MISSING and not show_all and missing[found.language] > MAX_MISSING_LISTED:
            continue  # a language that translates a part of the site: counted below, not listed
        lines.extend(_pair_lines(found, style))
    for language, count in sorted(missing.items()):
        if count > MAX_MISSING_LISTED and not show_all:
            lines.append(f"{language}: {count} pages missing (--all lists them)")
    if lines:
        lines.append("")
    for summary in report.languages:
        extra = f"; {summary.no_source} without source" if summary.no_source else ""
        lines.append(
            f"{summary.language}: {summary.translated} of {summary.source_pages} pages translated ({summary.percent}%): "
            f"{summary.up_to_date} up to date, {summary.behind} behind, {summary.missing} missing{extra}"
        )
    if not report.languages:
        lines.append("no translations found")
    return "\n".join(lines)


def _pair_lines(found: PairStatus, style: PathStyle) -> list[str]:
    if found.state == MISSING:
        return [f"{style(found.source or '')}: missing in {found.language}"]
    if found.state == NO_SOURCE:
        return [f"{style(found.translation or '')}: no source ({found.source_language} version missing)"]
    head = f"{style(found.translation or '')}: "
    if found.state == UP_TO_DATE:
        how = f" ({found.synced_at[:7]}, {found.synced_by})" if found.synced_at else f" ({found.synced_by})"
        return [head + "up to date" + how]
    lines = [head + f"behind {style(found.source or '')}: {behind_phrase(found)}"]
    if found.marker_problem:
        lines.append(f"  note: {visible(found.marker_problem)}; the translation's last commit counts")
    if found.whole_file:
        lines.append(f"  {found.source_language}: the whole page (it did not exist then: new or renamed since)")
    for change in found.changes:
        lines.append(f"  {visible(change_phrase(change, found.source_language))} since {found.language} was updated "
                     f"\u2192 {visible(update_phrase(change, found.language))}")
    return lines


def status_json(report: SiteStatus, style: PathStyle) -> str:
    data: dict[str, Any] = {
        "version": 1,
        "head": report.head,
        "shallow": report.shallow,
        "notes": report.notes,
        "languages": [
            {"language": s.language, "source_pages": s.source_pages, "translated": s.translated,
             "percent": s.percent, "up_to_date": s.up_to_date, "behind": s.behind, "missing": s.missing,
             "without_source": s.no_source}
            for s in report.languages
        ],
        "pages": [_pair_data(found, style) for found in report.pairs],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _pair_data(found: PairStatus, style: PathStyle) -> dict[str, Any]:
    return {
        "language": found.language,
        "source_language": found.source_language,
        "translation": style.plain(found.translation) if found.translation else None,
        "source": style.plain(found.source) if found.source else None,
        "state": found.state,
        "synced_at": found.synced_at or None,
        "synced_by": found.synced_by or None,
        "marker": found.marker or None,
        "marker_problem": found.marker_problem or None,
        "commits": len(found.commits),
        "commit_ids": list(found.commits),
        "oldest_change": format_date(found.oldest) or None,
        "uncommitted_source_changes": found.uncommitted,
        "whole_file": found.whole_file,
        "sections": [
            {"source_title": c.source_title, "source_line": c.source_line, "kind": c.kind, "added": c.added,
             "removed": c.removed, "translation_title": c.translation_title, "translation_line": c.translation_line}
            for c in found.changes
        ],
    }


def status_findings(report: SiteStatus) -> list[Finding]:
    """The pages that are not up to date as findings, for sarif, github, junit and gitlab."""
    stale, orphan = STALE_TRANSLATION, ORPHAN
    findings: list[Finding] = []
    for found in report.pairs:
        if found.state == BEHIND and found.translation and found.source:
            for line, source_line, message, key in stale_messages(found, found.source):
                findings.append(Finding(found.translation, line, stale.name, stale.code, stale.severity, message,
                                        (Location(found.source, source_line),), key=key))
        elif found.state == MISSING and found.source:
            findings.append(Finding(found.source, 1, orphan.name, orphan.code, orphan.severity,
                                    f"this page ({found.source_language}) has no version in {found.language}",
                                    key=f"missing|{found.language}"))
        elif found.state == NO_SOURCE and found.translation:
            findings.append(Finding(found.translation, 1, orphan.name, orphan.code, orphan.severity,
                                    f"this page ({found.language}) has no version in {found.source_language}",
                                    key=f"no-source|{found.source_language}"))
    return findings


STATUS_COLUMNS = (
    "language", "translation", "source", "state", "commits behind", "oldest change", "sections changed",
)


def status_html(report: SiteStatus, style: PathStyle, title: str = "transcheck status") -> str:
    """The site dashboard of `status`: per language up to date / behind / missing (/ without
    source), and every page as a row of a table that sorts and filters. ``style`` shows paths
    (relative to the site's root). Status compares no pages, so there is no side-by-side view
    and no findings per rule: `scan --format html` has those."""
    from transcheck.report import dashboard as dash
    from transcheck.report.html import render_status_page

    columns = tuple(dash.Column(name.replace(" ", "-"), name, name == "commits behind") for name in STATUS_COLUMNS)
    rows = []
    for found in report.pairs:
        sections = "; ".join(
            f"{visible(change_phrase(change, found.source_language))} \u2192 {visible(update_phrase(change, found.language))}"
            for change in found.changes
        )
        if found.whole_file:
            sections = "the whole page (new or renamed since)" + ("; " + sections if sections else "")
        cells = (
            found.language,
            style(found.translation) if found.translation else "",
            style(found.source) if found.source else "",
            dash.LABELS[found.state],
            len(found.commits) if found.state == BEHIND else "",
            format_date(found.oldest) if found.state == BEHIND else "",
            sections,
        )
        rows.append(dash.Row(found.language, found.state, cells))
    board = dash.Dashboard(columns, rows, dash.STATUS_STATES)
    translated = sum(s.translated for s in report.languages)
    board.caption = (f"{len(report.languages)} languages, {translated} translated pages; paths relative to the "
                     f"site's root; state at commit {report.head[:10]}")
    return render_status_page(board, title, [visible(note) for note in report.notes])
