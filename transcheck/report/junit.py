"""JUnit XML for GitLab and Jenkins: one test case per pair, a failure per finding.

Findings in a file of no pair (a page without a translation, a file that could not
be parsed) get a test case of their own, so the failures counted here are exactly
the findings that make the exit status 1."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from transcheck.findings import Finding, Severity
from transcheck.report.paths import visible


def _xml(text: str) -> str:
    """Text XML 1.0 can hold: control characters and lone surrogates as visible escapes."""
    return visible(text)


def _fail(case: ET.Element, finding: Finding) -> None:
    failure = ET.SubElement(
        case, "failure", type=_xml(f"{finding.code} {finding.rule}"), message=_xml(finding.message)
    )
    failure.text = _xml(
        f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.label} "
        f"{finding.code} {finding.rule}: {finding.message}"
    )


def format_junit(pairs: list[tuple[str, str]], findings: list[Finding], threshold: Severity = Severity.ERROR) -> str:
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(finding.path, []).append(finding)
    suite = ET.Element("testsuite", name="transcheck")
    failures = 0
    cases = 0
    claimed: set[str] = set()
    groups: list[tuple[str, list[str]]] = [(f"{t} ↔ {s}", [t, s]) for t, s in pairs]
    # files of no pair: orphans, unparsable files, findings of a pair's absent counterpart
    in_pairs = {path for pair in pairs for path in pair}
    groups += [(path, [path]) for path in sorted(by_file) if path not in in_pairs]
    for name, paths in groups:
        case = ET.SubElement(suite, "testcase", classname="transcheck", name=_xml(name))
        cases += 1
        for path in paths:
            if path in claimed:
                continue
            claimed.add(path)
            for finding in by_file.get(path, []):
                if finding.severity >= threshold:
                    failures += 1
                    _fail(case, finding)
    suite.set("tests", str(cases))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode")
