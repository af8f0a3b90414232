"""JSON output (version 1): stable keys, documented in the README."""

from __future__ import annotations

import json
from typing import Any, Sequence

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


def format_json(findings: list[Finding], files: Sequence[tuple[str, str | None]], extra: dict[str, Any] | None = None) -> str:
    data: dict[str, Any] = {
        "version": 1,
        "files": [{"path": path, "language": language} for path, language in files],
    }
    if extra:
        data.update(extra)
    data["findings"] = [finding_data(f) for f in findings]
    data["summary"] = summary_counts(findings)
    return json.dumps(data, ensure_ascii=False, indent=2)
