"""One place that turns findings into any output format, for `check` and `scan` alike,
so every format shows the same paths (see :mod:`.paths`)."""

from __future__ import annotations

from typing import Any, Iterator, Literal, Sequence, assert_never, get_args

from transcheck.findings import Finding, Severity
from transcheck.report.paths import PathStyle

MachineFormat = Literal["json", "sarif", "github", "junit", "gitlab"]
MACHINE_FORMATS: tuple[MachineFormat, ...] = get_args(MachineFormat)


def render_machine(
    fmt: MachineFormat,
    findings: list[Finding],
    style: PathStyle,
    files: Sequence[tuple[str, str | None]],
    pairs: Sequence[tuple[str, str]],
    threshold: Severity,
    pairs_in_json: bool = False,
) -> str:
    """``findings`` (as checked, paths as given) in one of MACHINE_FORMATS."""
    if fmt == "sarif":
        from transcheck.report.sarif import format_sarif

        return format_sarif(findings, style)
    shown = style.findings(findings)
    shown_pairs = [(style(a), style(b)) for a, b in pairs]
    if fmt == "json":
        from transcheck.report.jsonout import format_json

        extra: dict[str, Any] | None = None
        listed = [(style(path), language) for path, language in files]
        if pairs_in_json:  # a site: files in the order of their shown paths
            extra = {"pairs": [{"translation": a, "source": b} for a, b in shown_pairs]}
            listed.sort()
        return format_json(shown, listed, extra)
    if fmt == "github":
        from transcheck.report.github import format_github

        return format_github(shown)
    if fmt == "junit":
        from transcheck.report.junit import format_junit

        return format_junit(shown_pairs, shown, threshold)
    if fmt == "gitlab":
        from transcheck.report.gitlab import format_gitlab

        return format_gitlab(shown)
    assert_never(fmt)


def iter_machine(
    fmt: MachineFormat,
    findings: list[Finding],
    style: PathStyle,
    files: Sequence[tuple[str, str | None]],
    pairs: Sequence[tuple[str, str]],
    threshold: Severity,
    pairs_in_json: bool = False,
) -> Iterator[str]:
    """``render_machine``'s text in pieces: JSON is written as it is made (a site's report lists
    every file and pair); the other formats hold only findings and come whole."""
    if fmt != "json":
        yield render_machine(fmt, findings, style, files, pairs, threshold, pairs_in_json)
        return
    from transcheck.report.jsonout import iter_json

    shown = style.findings(findings)
    listed = [(style(path), language) for path, language in files]
    if pairs_in_json:  # a site: files in the order of their shown paths
        listed.sort()
    yield from iter_json(shown, listed, ((style(a), style(b)) for a, b in pairs) if pairs_in_json else None)


def statistics_text(findings: list[Finding]) -> str:
    from transcheck.report.text import format_statistics

    return format_statistics(findings)
