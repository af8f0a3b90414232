"""Text output: one finding per line, `path:line:col: severity CODE rule: message`, then a summary."""

from __future__ import annotations

from collections import Counter

from transcheck.findings import Finding, Severity
from transcheck.report.paths import visible

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def summary_counts(findings: list[Finding]) -> dict[str, int]:
    return {
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
        "infos": sum(f.severity is Severity.INFO for f in findings),
    }


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(findings: list[Finding], files: int) -> str:
    counts = summary_counts(findings)
    if not findings:
        return f"No findings in {_plural(files, 'file')}."
    return (
        f"{_plural(counts['errors'], 'error')}, {_plural(counts['warnings'], 'warning')}, "
        f"{_plural(counts['infos'], 'info')} in {_plural(files, 'file')}."
    )


def finding_line(finding: Finding, colour: bool = False) -> str:
    """One finding: the severity spelled out, so it reads without colour (in a CI log, a pipe)."""
    where = f"{visible(finding.path)}:{finding.line}:{finding.column}:"
    label = f"{finding.severity.label} {finding.code} {finding.rule}:"
    if colour:
        where = f"{_BOLD}{where}{_RESET}"
        label = f"{_COLOURS[finding.severity]}{label}{_RESET}"
    # page text (headings, values) reaches the message: never let it drive the terminal
    return f"{where} {label} {visible(finding.message)}"


def format_text(findings: list[Finding], files: int, colour: bool = False, quiet: bool = False) -> str:
    """Findings grouped by file; with ``quiet`` only the findings, no summary."""
    lines: list[str] = []
    previous_path = None
    for finding in findings:
        if previous_path is not None and finding.path != previous_path:
            lines.append("")  # a blank line between files keeps long reports readable
        previous_path = finding.path
        lines.append(finding_line(finding, colour))
    if quiet:
        return "\n".join(lines)
    if findings:
        lines.append("")
    summary = summary_line(findings, files)
    lines.append(f"{_DIM}{summary}{_RESET}" if colour else summary)
    return "\n".join(lines)


def format_statistics(findings: list[Finding]) -> str:
    """Counts per rule, most frequent first (then by code): `count  CODE rule  severity`."""
    counts = Counter((f.code, f.rule, f.severity.label) for f in findings)
    if not counts:
        return ""
    width = len(str(max(counts.values())))
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "\n".join(f"{count:>{width}}  {code} {rule} ({severity})" for (code, rule, severity), count in ordered)
