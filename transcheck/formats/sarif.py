"""SARIF 2.1.0 for GitHub code scanning: rules with docs, both locations, stable
fingerprints, no timestamps (the same input gives the same bytes)."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..baseline import fingerprint
from ..findings import Finding, Severity
from ..rules import RULES

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str, root: str | None) -> str:
    posix = path.replace("\\", "/")
    if root:
        prefix = root.replace("\\", "/").rstrip("/") + "/"
        if posix.startswith(prefix):
            posix = posix[len(prefix) :]
    return posix.lstrip("./") if posix.startswith("./") else posix


def format_sarif(findings: list[Finding], root: str | None = None) -> str:
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
    for finding in findings:
        results.append(
            {
                "ruleId": finding.code,
                "ruleIndex": index[finding.rule],
                "level": _LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [_location(finding.path, finding.line, finding.column, root)],
                "relatedLocations": [
                    dict(_location(r.path, r.line, 1, root), id=i, message={"text": "counterpart"})
                    for i, r in enumerate(finding.related)
                ],
                "partialFingerprints": {"transcheck/v1": fingerprint(finding, root)},
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


def _location(path: str, line: int, column: int, root: str | None) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(path, root)},
            "region": {"startLine": max(1, line), "startColumn": max(1, column)},
        }
    }
