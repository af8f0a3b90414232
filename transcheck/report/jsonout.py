"""JSON output (version 1): stable keys, documented in the README."""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from transcheck.findings import Finding
from transcheck.report.text import summary_counts


def finding_data(finding: Finding) -> dict[str, Any]:
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "rule": finding.rule,
        "code": finding.code,
        "severity": finding.severity.label,
        "message": finding.message,
        "related": [{"path": r.path, "line": r.line} for r in finding.related],
    }


def _entry(item: dict[str, Any]) -> str:
    """One item of a top-level list as ``json.dumps(..., indent=2)`` writes it at that depth."""
    return json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")  # strings hold no raw line break


def _listed(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    first = True
    for item in items:
        yield ("[\n    " if first else ",\n    ") + _entry(item)
        first = False
    yield "[]" if first else "\n  ]"


def iter_json(findings: list[Finding], files: Iterable[tuple[str, str | None]],
              pairs: Iterable[tuple[str, str]] | None = None) -> Iterator[str]:
    """The JSON report in pieces - what ``json.dumps(report, indent=2)`` writes, byte for
    byte - never holding the whole report or a structure of every file in memory: a scan of
    10 000 pairs lists 20 000 files."""
    yield '{\n  "version": 1,\n  "files": '
    yield from _listed({"path": path, "language": language} for path, language in files)
    if pairs is not None:
        yield ',\n  "pairs": '
        yield from _listed({"translation": a, "source": b} for a, b in pairs)
    yield ',\n  "findings": '
    yield from _listed(finding_data(f) for f in findings)
    yield ',\n  "summary": ' + json.dumps(summary_counts(findings), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    yield "\n}"
