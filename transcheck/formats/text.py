"""Text output: one finding per line, `path:line:col: CODE rule: message`, then a summary."""

from __future__ import annotations

from ..findings import Finding, Severity

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


def format_text(findings: list[Finding], files: int, colour: bool = False) -> str:
    lines: list[str] = []
    previous_path = None
    for finding in findings:
        if previous_path is not None and finding.path != previous_path:
            lines.append("")  # a blank line between files keeps long reports readable
        previous_path = finding.path
        where = f"{finding.path}:{finding.line}:{finding.column}:"
        label = f"{finding.code} {finding.rule}:"
        if colour:
            tint = _COLOURS[finding.severity]
            where = f"{_BOLD}{where}{_RESET}"
            label = f"{tint}{finding.code} {finding.rule}:{_RESET}"
        lines.append(f"{where} {label} {finding.message}")
    if findings:
        lines.append("")
    summary = summary_line(findings, files)
    lines.append(f"{_DIM}{summary}{_RESET}" if colour else summary)
    return "\n".join(lines)
