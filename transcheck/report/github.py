"""GitHub Actions workflow commands: findings shown inline on the pull request.

GitHub annotates a pull request only where ``file=`` is a path relative to the
repository: the paths come shown (see :mod:`.paths`), relative to the working
directory, which is the repository's root in a workflow step."""

from __future__ import annotations

from transcheck.findings import Finding, Severity
from transcheck.report.paths import visible

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    # % first, so the escapes added after it are not escaped again
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(escaped)


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
