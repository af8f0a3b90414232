"""The one place where settings decide about findings: which rules run, which findings are
kept (inline directives, --select/--ignore, per-path ignores) and at which severity (the
configured overrides, and warnings instead of errors on a page that says it drifted).

Rules never decide any of this; they report what they see at their default severity.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

from transcheck.checking.suppress import Suppressions, apply as apply_suppressions
from transcheck.findings import Finding, Severity, sort_findings
from transcheck.pair.settings import Settings
from transcheck.rules import BY_NAME, RULES, resolve


def _named(selectors: tuple[str, ...]) -> set[str]:
    return {r.name for selector in selectors for r in resolve(selector)}


def enabled_rules(settings: Settings) -> set[str]:
    """The names of the rules that run: all, or the selected ones, less the ignored ones."""
    names = _named(settings.select) if settings.select else {r.name for r in RULES}
    return names - _named(settings.ignore)


def severity_of(settings: Settings, finding: Finding) -> Severity:
    """The finding's severity after the configured overrides (later ones win)."""
    severity = finding.severity
    for selector, value in settings.severity:
        if finding.rule in _named((selector,)):
            severity = Severity.parse(value)
    return severity


def decide(findings: list[Finding], settings: Settings, suppressions: dict[str, Suppressions] | None = None,
           known_drift: bool = False) -> list[Finding]:
    """Inline directives, then rule selection, then severities; sorted and without duplicates.
    A rule that cannot be silenced (internal-error: a crash must show) is never selected away.
    ``known_drift``: a page of the pair says it is behind its source (or an untranslated copy), so its differences
    are warnings (configured severities still win)."""
    enabled = enabled_rules(settings) | {r.name for r in RULES if not r.can_be_silenced}
    if suppressions:
        findings = apply_suppressions(findings, suppressions, enabled)
    if known_drift:
        findings = [_softened(f) for f in findings]
    return sort_findings([f.with_severity(severity_of(settings, f)) for f in findings if f.rule in enabled])


def _softened(finding: Finding) -> Finding:
    rule = BY_NAME.get(finding.rule)
    if rule is not None and rule.compares and finding.severity is Severity.ERROR:
        return finding.with_severity(Severity.WARNING)
    return finding


def relative_to_root(path: str, root: Path) -> str:
    """``path`` as a glob sees it: relative to the site's root when inside it, posix slashes."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def without_per_path_ignores(findings: list[Finding], settings: Settings, root: Path) -> list[Finding]:
    """Findings whose file matches a ``[per-path-ignores]`` glob (relative to the site's root)
    for one of the rules the glob names are dropped."""
    if not settings.per_path_ignores:
        return findings
    kept = []
    for finding in findings:
        relative = relative_to_root(finding.path, root)
        if not any(fnmatch.fnmatch(relative, pattern) and finding.rule in _named(selectors)
                   for pattern, selectors in settings.per_path_ignores):
            kept.append(finding)
    return kept
