"""GitLab Code Quality (the Code Climate subset GitLab reads): a JSON array of issues,
shown in the merge request's widget and diff. Paths come shown (see :mod:`.paths`)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from transcheck.site.baseline import fingerprint
from transcheck.findings import Finding, Severity

# GitLab's scale is info, minor, major, critical, blocker: an error fails the build
# but is not a security blocker
_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def format_gitlab(findings: list[Finding]) -> str:
    issues: list[dict[str, Any]] = []
    seen: Counter[str] = Counter()
    for finding in findings:
        # the baseline's fingerprint ignores line numbers, so an issue keeps its identity
        # across unrelated edits; GitLab wants each one unique, so repeats are numbered
        base = fingerprint(finding)
        seen[base] += 1
        unique = base if seen[base] == 1 else hashlib.sha256(f"{base}|{seen[base]}".encode()).hexdigest()[:32]
        issues.append(
            {
                "description": f"{finding.code} {finding.rule}: {finding.message}",
                "check_name": finding.code,
                "fingerprint": unique,
                "severity": _SEVERITIES[finding.severity],
                "location": {"path": finding.path, "lines": {"begin": finding.line}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2)
