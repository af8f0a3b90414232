"""GitHub Actions workflow commands: findings shown inline on the pull request."""

from __future__ import annotations

from ..findings import Finding, Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: list[Finding]) -> str:
    lines = []
    for finding in findings:
        title = f"{finding.code} {finding.rule}"
        lines.append(
            f"::{_COMMANDS[finding.severity]} file={_escape_property(finding.path)},line={finding.line},"
            f"col={finding.column},title={_escape_property(title)}::{_escape_data(finding.message)}"
        )
    return "\n".join(lines)
