"""Inline suppression of findings, applied by the engine in one place.

    <!-- transcheck-disable-next-line bullet-count -->
    <!-- transcheck-disable bullet-count, number-mismatch --> … <!-- transcheck-enable -->
    front matter:  transcheck-disable: [untranslated]

A directive must name its rules (codes, names or prefixes): a bare one is
malformed, never a blanket ignore. Malformed directives are reported
(``suppression-invalid``); directives that silenced nothing are reported as
information (``suppression-unused``).
"""

from __future__ import annotations

import re
from typing import Literal

from msgspec import Struct, field


from transcheck.lazyre import lazy_compile
from transcheck.rules.suppression import SUPPRESSION_INVALID, SUPPRESSION_UNUSED
from transcheck.findings import Finding, Severity
from transcheck.document.lines import LineIndex
from transcheck.document.model import Document
from transcheck.rules import resolve

_DIRECTIVE = lazy_compile(r"<!--\s*transcheck-(disable-next-line|disable|enable)\b(.*?)-->", re.S)
_FRONT_MATTER_KEYS = ("transcheck-disable", "transcheck_disable")


DirectiveKind = Literal["next-line", "range", "file"]


class Directive(Struct):
    kind: DirectiveKind  # one line, a range up to transcheck-enable, or the whole file
    line: int  # where it is written
    rules: frozenset[str]
    first: int  # first line it covers
    last: int  # last line it covers
    used: bool = field(default=False)


class Suppressions(Struct):
    directives: list[Directive]
    problems: list[tuple[int, str]]  # (line, message) of malformed directives


def _rule_names(text: str) -> tuple[frozenset[str], str | None]:
    selectors = [s for s in re.split(r"[\s,]+", text.strip()) if s]
    if not selectors:
        return frozenset(), "names no rule; write the rules it silences (a blanket ignore is not allowed)"
    names: set[str] = set()
    for selector in selectors:
        found = resolve(selector)
        if not found:
            return frozenset(), f"names no known rule: {selector!r}"
        names.update(r.name for r in found)
    return frozenset(names), None


def read_suppressions(text: str, doc: Document) -> Suppressions:
    """Directives of one file; ``text`` is the file's text (line endings normalised)."""
    directives: list[Directive] = []
    problems: list[tuple[int, str]] = []
    open_ranges: list[Directive] = []
    last_line = max(doc.line_count, 1)
    lines: LineIndex | None = None  # most pages have no directive: their lines are never counted
    for match in _DIRECTIVE.finditer(text):
        lines = lines or LineIndex(text)
        line = lines.newlines_before(match.start()) + 1
        kind, argument = match.group(1), match.group(2)
        if kind == "enable":
            names, _ = _rule_names(argument) if argument.strip() else (frozenset(), None)
            closing = [d for d in open_ranges if not names or d.rules & names]
            if not closing:
                problems.append((line, "transcheck-enable without an open transcheck-disable"))
            for directive in closing:
                directive.last = line
                open_ranges.remove(directive)
            continue
        names, error = _rule_names(argument)
        if error:
            problems.append((line, f"transcheck-{kind} {error}"))
            continue
        end_line = lines.newlines_before(match.end()) + 1
        if kind == "disable-next-line":
            directives.append(Directive("next-line", line, names, end_line + 1, end_line + 1))
        else:
            directive = Directive("range", line, names, line, last_line)
            directives.append(directive)
            open_ranges.append(directive)
    for entry in doc.front_matter.entries:
        if entry.key.lower() in _FRONT_MATTER_KEYS:
            values = entry.value if isinstance(entry.value, list) else [entry.value]
            names, error = _rule_names(" ".join(str(v) for v in values if v is not None))
            if error:
                problems.append((entry.line, f"{entry.key} {error}"))
            else:
                directives.append(Directive("file", entry.line, names, 1, last_line))
    return Suppressions(directives, problems)


def apply(findings: list[Finding], by_path: dict[str, Suppressions], enabled: set[str]) -> list[Finding]:
    """Drop suppressed findings; add findings for malformed and unused directives.

    A directive counts as unused only when all the rules it names were run."""
    kept: list[Finding] = []
    for finding in findings:
        suppressions = by_path.get(finding.path)
        silenced = False
        if suppressions is not None:
            for directive in suppressions.directives:
                if finding.rule in directive.rules and directive.first <= finding.line <= directive.last:
                    directive.used = True
                    silenced = True
        if not silenced:
            kept.append(finding)
    invalid, unused = SUPPRESSION_INVALID, SUPPRESSION_UNUSED
    for path, suppressions in sorted(by_path.items()):
        for line, message in suppressions.problems:
            kept.append(Finding(path, line, invalid.name, invalid.code, invalid.severity, message))
        for directive in suppressions.directives:
            if not directive.used and directive.rules <= enabled:
                names = ", ".join(sorted(directive.rules))
                kept.append(
                    Finding(
                        path, directive.line, unused.name, unused.code, Severity.INFO,
                        f"this transcheck directive silences nothing ({names}); remove it",
                    )
                )
    return kept
