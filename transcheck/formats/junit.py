"""JUnit XML for GitLab and Jenkins: one test case per pair, a failure per finding."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..findings import Finding, Severity


def format_junit(pairs: list[tuple[str, str]], findings: list[Finding], threshold: Severity = Severity.ERROR) -> str:
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(finding.path, []).append(finding)
    suite = ET.Element("testsuite", name="transcheck", tests=str(len(pairs)))
    failures = 0
    claimed: set[str] = set()
    for translation, source in pairs:
        case = ET.SubElement(suite, "testcase", classname="transcheck", name=f"{translation} ↔ {source}")
        for path in (translation, source):
            if path in claimed:
                continue
            claimed.add(path)
            for finding in by_file.get(path, []):
                if finding.severity < threshold:
                    continue
                failures += 1
                failure = ET.SubElement(
                    case, "failure", type=f"{finding.code} {finding.rule}", message=finding.message
                )
                failure.text = f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {finding.rule}: {finding.message}"
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode")
