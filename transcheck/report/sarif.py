"""SARIF 2.1.0 for GitHub code scanning: rules with docs, both locations, stable
fingerprints, no timestamps (the same input gives the same bytes)."""

from __future__ import annotations

import json
from typing import Any

from transcheck import __version__
from transcheck.site.baseline import fingerprint
from transcheck.findings import Finding, Severity
from transcheck.rules import RULES
from transcheck.report.paths import PathStyle, uri

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def format_sarif(findings: list[Finding], style: PathStyle | None = None) -> str:
    """``findings`` as checked (paths as given): shown here, since a URI percent-encodes
    the bytes of the plain path where the other formats show visible escapes."""
    style = style or PathStyle()
    index = {rule.name: i for i, rule in enumerate(RULES)}
    rules: list[dict[str, Any]] = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc or rule.summary},
            "help": {"text": rule.doc or rule.summary},
            "defaultConfiguration": {"level": _LEVELS[rule.severity]},
            "properties": {"tags": ["translation"]},
        }
        for rule in RULES
    ]
    results = []
    for raw in sorted(findings, key=lambda f: style.finding(f).sort_key()):
        finding = style.finding(raw)
        results.append(
            {
                "ruleId": finding.code,
                "ruleIndex": index[finding.rule],
                "level": _LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [_location(style.plain(raw.path), finding.line, finding.column)],
                "relatedLocations": [
                    dict(_location(style.plain(r.path), r.line, 1), id=i, message={"text": "counterpart"})
                    for i, r in enumerate(raw.related)
                ],
                "partialFingerprints": {"transcheck/v1": fingerprint(finding)},
            }
        )
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "transcheck",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _location(plain_path: str, line: int, column: int) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri(plain_path)},
            "region": {"startLine": max(1, line), "startColumn": max(1, column)},
        }
    }
